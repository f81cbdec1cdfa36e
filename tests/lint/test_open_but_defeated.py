"""AM207 open-but-defeated: acknowledged as unanswered, yet labelled out."""

from __future__ import annotations

from .conftest import LintMap

PARTIES = "parties: {pro: {name: Prosecution}, def: {name: Defence}}\n"
DECISION = """\
  - id: decision
    party: pro
    kind: allegation
    text: The union was decided on the spot.
    ignore: {AM201: the text gives no answer}
"""


def test_an_open_allegation_whose_supporter_is_rebutted_is_a_warning(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + "claims:\n"
            + DECISION
            + """\
  - {id: letter, party: pro, text: A letter confirmed it., supports: decision}
  - {id: no-letter, party: def, text: No letter was written., rebuts: letter}
"""
        },
        select=["AM201", "AM207"],
    )
    assert linted.at("AM207") == [("a.yaml", 3, 5)]
    (finding,) = linted.of("AM207")
    assert (finding.severity, finding.claim) == ("warning", "decision")
    assert "its supporter 'letter' is out" in finding.message
    assert [f.acknowledged for f in linted.of("AM201")] == ["the text gives no answer"]


def test_an_open_allegation_that_stays_in_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + "claims:\n"
            + DECISION
            + """\
  - {id: letter, party: pro, text: A letter confirmed it.}
  - {id: no-letter, party: def, text: No letter was written., rebuts: letter}
"""
        },
        select=["AM207"],
    )
    assert linted.findings == []


def test_an_unacknowledged_allegation_that_is_out_is_left_to_am201(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - {id: charge, party: pro, kind: allegation, against: def, text: They met.}
  - {id: aside, party: pro, text: An aside that attacks it., rebuts: charge}
"""
        },
        select=["AM207"],
    )
    assert linted.findings == []
