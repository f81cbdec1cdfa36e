"""AM106 misdirected-against: `against` on a non-allegation, or against the author's party."""

from __future__ import annotations

from .conftest import LintMap


def test_against_its_own_party_or_on_a_plain_claim_is_reported_at_against(
    lint_map: LintMap,
) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}, d: {name: D}}
claims:
  - id: letter
    kind: allegation
    against: p
    text: A letter confirmed the union.
  - {id: remark, against: d, text: A remark.}
"""
        },
        select=["AM106"],
    )
    assert linted.at("AM106") == [("a.yaml", 6, 14), ("a.yaml", 8, 27)]
    own, plain = linted.of("AM106")
    assert "against its own party 'p'" in own.message and own.claim == "letter"
    assert "applies only to allegations" in plain.message and plain.claim == "remark"
    assert own.severity == "warning"


def test_an_allegation_against_the_other_party_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}, d: {name: D}}
claims:
  - {id: letter, kind: allegation, against: d, text: A letter.}
"""
        },
        select=["AM106"],
    )
    assert linted.findings == []
