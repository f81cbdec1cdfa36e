"""AM204 friendly-fire: a claim that rebuts a claim of its own party."""

from __future__ import annotations

from .conftest import LintMap


def test_a_rebuttal_of_the_same_party_is_a_warning_at_the_reference(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: defence
parties: {defence: {name: Defence}, prosecution: {name: Prosecution}}
claims:
  - {id: a, text: There was no meeting.}
  - {id: b, text: There was one meeting., rebuts: [c, a]}
  - {id: c, party: prosecution, text: They met often.}
"""
        }
    )
    assert linted.at("AM204") == [("a.yaml", 5, 55)]
    (finding,) = linted.of("AM204")
    assert finding.message == "claim 'b' rebuts 'a' of its own party 'defence'"
    assert (finding.severity, finding.claim) == ("warning", "b")


def test_rebutting_the_other_side_or_supporting_your_own_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {d: {name: D}, p: {name: P}}
claims:
  - {id: a, party: d, text: A.}
  - {id: b, party: d, text: B., supports: a}
  - {id: c, party: p, text: C., rebuts: a}
"""
        },
        select=["AM204"],
    )
    assert linted.findings == []
