"""AM205 conflicting-relation: a claim that both supports and rebuts the same claim."""

from __future__ import annotations

from .conftest import LintMap


def test_supporting_and_rebutting_one_claim_is_an_error_at_the_later_reference(
    lint_map: LintMap,
) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {d: {name: D}, p: {name: P}}
claims:
  - {id: a, party: p, kind: allegation, text: They met., cite: {source: s}}
  - id: b
    party: d
    text: They met, but plotted nothing.
    supports: a
    rebuts: [c, a]
  - {id: c, party: p, text: C.}
sources: {s: {title: S}}
"""
        },
        select=["AM205"],
    )
    assert linted.at("AM205") == [("a.yaml", 8, 17)]
    (finding,) = linted.of("AM205")
    assert finding.message.startswith("claim 'b' both supports and rebuts 'a'")
    assert (finding.severity, finding.claim) == ("error", "b")


def test_supporting_one_claim_and_rebutting_another_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {d: {name: D}}
claims:
  - {id: a, party: d, text: A.}
  - {id: b, party: d, text: B.}
  - {id: c, party: d, text: C., supports: a, rebuts: b}
"""
        },
        select=["AM205"],
    )
    assert linted.findings == []
