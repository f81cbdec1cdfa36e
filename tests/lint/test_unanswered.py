"""AM201 unanswered: an allegation no other party (or its `against` party) answers."""

from __future__ import annotations

from argmap.loading.build import load
from argmap.relations import relations_of

from .conftest import LintMap

PARTIES = """\
parties:
  pro: {name: Prosecution}
  def: {name: Defence}
  press: {name: Press}
claims:
"""


def test_unanswered_allegations_are_reported_at_the_claim(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
  - {id: alone, party: pro, kind: allegation, text: Nobody answers this.}
  - {id: own, party: pro, kind: allegation, text: Only its own party rebuts it.}
  - {id: self-rebuttal, party: pro, text: Not so., rebuts: own}
  - id: wrong-party
    party: pro
    kind: allegation
    against: def
    text: The press answers, but the defence must.
  - {id: press-reply, party: press, text: Untrue., rebuts: wrong-party}
"""
        }
    )
    assert linted.at("AM201") == [("a.yaml", 6, 5), ("a.yaml", 7, 5), ("a.yaml", 9, 5)]
    assert linted.messages("AM201") == [
        "allegation 'alone' is unanswered: no claim of any other party rebuts or undercuts it",
        "allegation 'own' is unanswered: no claim of any other party rebuts or undercuts it",
        "allegation 'wrong-party' is unanswered: no claim of 'def' rebuts or undercuts it",
    ]
    assert [f.claim for f in linted.of("AM201")] == ["alone", "own", "wrong-party"]


def test_answers_by_rebuttal_or_undercut_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
  - {id: rebutted, party: pro, kind: allegation, text: R.}
  - {id: reply, party: def, text: No., rebuts: rebutted}
  - {id: undercut, party: pro, kind: allegation, against: def, text: U.}
  - {id: reason, party: pro, text: Because., supports: undercut}
  - {id: objection, party: def, text: Does not follow., undercuts: reason -> undercut}
""",
        },
        select=["AM201"],
    )
    assert linted.findings == []


def test_an_undercut_of_a_missing_relation_does_not_answer(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
  - {id: charge, party: pro, kind: allegation, text: C.}
  - {id: other, party: pro, text: O.}
  - {id: objection, party: def, text: X., undercuts: other -> charge}
"""
        },
        select=["AM201"],
    )
    assert linted.at("AM201") == [("a.yaml", 6, 5)]


def test_the_relations_index_agrees_with_the_rule(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": PARTIES + "  - {id: a, party: pro, kind: allegation, text: A.}\n"})
    amap = load(linted.root)
    found = relations_of(amap).unanswered()
    assert [c.id for c in found] == [f.claim for f in linted.of("AM201")] == ["a"]


def test_an_acknowledged_allegation_carries_its_reason_and_does_not_fail(
    lint_map: LintMap,
) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
  - id: open
    party: pro
    kind: allegation
    text: Still open.
    ignore: {AM201: the defence answers at the next hearing}
""",
        },
        select=["AM201"],
    )
    (finding,) = linted.findings
    assert finding.acknowledged == "the defence answers at the next hearing"
    assert not finding.fails() and not finding.fails("warning")
    assert finding.as_dict()["acknowledged"] is True
