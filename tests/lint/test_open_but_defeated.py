"""AM207 open-but-defeated: acknowledged as unanswered, yet labelled out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.semantics import claim_labels
from argmap.lint import LintContext
from argmap.lint.open_but_defeated import check
from argmap.model import ArgMap, Claim, Ignore, Ref, Span, Undercut
from argmap.relations import relations_of

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


IDS = ["a", "b", "c", "d", "e", "f"]
AT = Span("a.yaml", 1, 1)
TARGETS = st.lists(st.sampled_from(IDS), max_size=2)


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    claims = []
    for cid in IDS:
        allegation = draw(st.booleans())
        claims.append(
            Claim(
                cid,
                cid,
                draw(st.sampled_from(["pro", "def"])),
                AT,
                kind="allegation" if allegation else "claim",
                supports=tuple(
                    Ref(t, AT) for t in draw(st.lists(st.sampled_from(IDS), max_size=2))
                ),
                rebuts=tuple(Ref(t, AT) for t in draw(st.lists(st.sampled_from(IDS), max_size=2))),
                undercuts=tuple(
                    Undercut(s, t, AT)
                    for s, t in draw(
                        st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS)), max_size=1)
                    )
                ),
                ignore=(Ignore("AM201", "open", AT),) if allegation else (),
            )
        )
    return ArgMap("map", claims=tuple(claims))


@settings(max_examples=150, deadline=None)
@given(maps())
def test_labelling_part_of_the_map_agrees_with_the_whole(amap: ArgMap) -> None:
    labels = claim_labels(amap, "grounded", "bipolar")
    rel = relations_of(amap)
    expected = {
        c.id
        for c in rel.unanswered()
        if rel.status(c).status == "acknowledged" and labels[c.id] == "out"
    }
    assert {f.claim for f in check(LintContext(amap))} == expected
