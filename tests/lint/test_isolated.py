"""AM203 isolated: a claim with no relation at all."""

from __future__ import annotations

from .conftest import LintMap


def test_a_claim_linked_to_nothing_is_a_warning_at_the_claim(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}}
claims:
  - {id: a, text: A., supports: b}
  - {id: b, text: B.}
  - id: aside
    text: A remark linked to nothing.
"""
        }
    )
    assert linted.at("AM203") == [("a.yaml", 6, 5)]
    (finding,) = linted.of("AM203")
    assert finding.severity == "warning"
    assert finding.claim == "aside"
    assert "claim 'aside' has no relation" in finding.message
    assert not finding.fails() and finding.fails("warning")


def test_claims_in_any_relation_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}}
claims:
  - {id: a, text: A., supports: b}
  - {id: b, text: B.}
  - {id: c, text: C., rebuts: a}
  - {id: d, text: D., undercuts: a -> b}
  - {id: e, text: E., supports: missing}
"""
        },
        select=["AM203"],
    )
    assert linted.findings == []
