"""argmap.debate.brief: handouts and the moderator sheet as data, checked against the map."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import semantics
from argmap.debate.brief import (
    Brief,
    Handout,
    Link,
    UnknownSide,
    grounded_labels,
    handout,
    moderator_sheet,
    sides,
)
from argmap.lint import lint
from argmap.loading.build import load
from argmap.model import CLAIM_KINDS, ArgMap, Claim, ClaimKind, Ignore, Party, Ref, Span, Undercut
from tests.conftest import SHIPPED_MAP, MapWriter

COURT = {
    "parties.yaml": """
        parties:
          pro: {name: The prosecution, role: accuses}
          def: {name: The defence}
          ed: {name: An editor}
        sources:
          rec: {title: The record, author: A. Clerk, date: "1936"}
    """,
    "pro.yaml": """
        party: pro
        claims:
          - id: a1
            kind: allegation
            against: def
            text: The accused met the plotters in 1932.
            cite: {source: rec, quote: met them in the summer, at: p. 3}
          - id: s1
            kind: evidence
            text: A witness saw the meeting.
            supports: a1
            cite: {source: rec, quote: I saw them meet, at: p. 4}
          - id: a2
            kind: allegation
            against: def
            text: The accused wrote a letter.
          - id: a3
            kind: allegation
            against: def
            text: The accused ran a cell in the city.
            ignore: {AM201: The source says nothing about the cell.}
          - id: counter
            text: The accused's diary has gaps.
            rebuts: d1
          - id: a5
            kind: allegation
            against: def
            text: The accused sent money.
    """,
    "def.yaml": """
        party: def
        claims:
          - id: d1
            text: The accused was abroad all of 1932.
            rebuts: [a1, a5]
          - id: d2
            kind: evidence
            text: His passport shows no entry.
            supports: d1
            cite: {source: rec, quote: no entry stamp, at: p. 9}
          - id: u1
            text: The witness was coerced.
            undercuts: "s1 -> a1"
          - id: reply
            text: The gaps are pages lost in transit.
            rebuts: counter
          - id: a4
            kind: allegation
            against: pro
            text: The prosecution forged the record.
    """,
    "ed.yaml": """
        party: ed
        claims:
          - id: e1
            text: Nobody has seen the letter.
            rebuts: a2
    """,
}


@pytest.fixture
def court(write_map: MapWriter) -> ArgMap:
    return load(write_map(COURT))


def ids(items: Iterator[Brief] | tuple[Brief, ...] | tuple[Link, ...]) -> list[str]:
    return [item.claim.id for item in items]


def walk(links: tuple[Link, ...]) -> Iterator[Link]:
    for link in links:
        yield link
        yield from walk(link.supports)
        yield from walk(link.attacks)


def all_links(doc: Handout) -> Iterator[Link]:
    for brief in (*doc.must_answer, *doc.own):
        yield from walk(brief.case)
        yield from walk(brief.answers)


def test_the_defence_must_answer_every_allegation_against_it_in_map_order(court: ArgMap) -> None:
    doc = handout(court, "def")
    assert ids(doc.must_answer) == ["a1", "a2", "a3", "a5"]
    assert [b.status for b in doc.must_answer] == [
        "answered",
        "unanswered",
        "acknowledged",
        "answered",
    ]
    assert ids(doc.own) == ["a4"]


def test_points_to_prepare_are_the_unanswered_ones_and_acknowledged_ones_keep_their_reason(
    court: ArgMap,
) -> None:
    doc = handout(court, "def")
    assert ids(doc.to_prepare) == ["a2", "a3"]
    assert ids(doc.acknowledged) == ["a3"]
    assert doc.acknowledged[0].claim.reason == "The source says nothing about the cell."


def test_a_third_partys_rebuttal_is_not_the_defences_answer(court: ArgMap) -> None:
    a2 = handout(court, "def").must_answer[1]
    assert a2.claim.id == "a2"
    assert a2.answers == ()


def test_answers_rebut_or_undercut_and_carry_their_evidence_and_counter_attacks(
    court: ArgMap,
) -> None:
    a1 = handout(court, "def").must_answer[0]
    assert [(a.claim.id, a.relation, a.target) for a in a1.answers] == [
        ("d1", "rebuts", "a1"),
        ("u1", "undercuts", "s1 -> a1"),
    ]
    d1 = a1.answers[0]
    (d2,) = d1.supports
    assert d2.claim.id == "d2"
    assert [(c.quote, c.title, c.at) for c in d2.claim.cards] == [
        ("no entry stamp", "The record", "p. 9")
    ]
    (counter,) = d1.attacks
    assert (counter.claim.id, counter.claim.party, counter.relation) == ("counter", "pro", "rebuts")
    assert [r.claim.id for r in counter.attacks] == ["reply"]


def test_the_case_shows_the_prosecutions_supports_with_their_quotations(court: ArgMap) -> None:
    a1 = handout(court, "def").must_answer[0]
    assert [c.quote for c in a1.claim.cards] == ["met them in the summer"]
    (s1,) = a1.case
    assert (s1.claim.id, s1.relation) == ("s1", "supports")
    assert s1.claim.cards[0].quote == "I saw them meet"
    # The undercut of s1 -> a1 answers a1: it is listed among the answers, not twice.
    assert s1.attacks == ()


def test_an_answer_used_twice_is_set_out_once_and_referred_to_after(court: ArgMap) -> None:
    doc = handout(court, "def")
    a5 = doc.must_answer[3]
    (d1,) = a5.answers
    assert d1.claim.id == "d1"
    assert d1.elsewhere
    assert d1.supports == () and d1.attacks == ()


def test_the_prosecution_handout_mirrors_the_defence(court: ArgMap) -> None:
    doc = handout(court, "pro")
    assert ids(doc.own) == ["a1", "a2", "a3", "a5"]
    assert ids(doc.must_answer) == ["a4"]
    assert ids(doc.to_prepare) == ["a4"]
    a1 = doc.own[0]
    assert ids(a1.answers) == ["d1", "u1"]
    assert ids(a1.answers[0].attacks) == ["counter"]


def test_the_prosecution_prepares_counters_to_answers_it_does_not_attack(court: ArgMap) -> None:
    doc = handout(court, "pro")
    # d1 (answering a1 and a5) meets `counter`; u1 (undercutting s1 -> a1) meets nothing.
    assert [(view.id, allegations) for view, allegations in doc.to_counter] == [("u1", ("a1",))]
    assert doc.own[0].uncountered == ("u1",)
    assert handout(court, "def").to_counter == ()


def test_an_allegation_without_against_is_for_every_other_party(write_map: MapWriter) -> None:
    amap = load(
        write_map(
            {
                "m.yaml": """
                    parties: {a: {name: A}, b: {name: B}, c: {name: C}}
                    claims:
                      - {id: x, party: a, kind: allegation, text: X did it.}
                """
            }
        )
    )
    assert [b.claim.id for b in handout(amap, "b").must_answer] == ["x"]
    assert [b.claim.id for b in handout(amap, "c").must_answer] == ["x"]
    assert handout(amap, "a").must_answer == ()
    assert [p.name for p in handout(amap, "b").must_answer[0].must_answer] == ["B", "C"]


def test_an_unknown_side_is_refused_with_the_parties_listed(court: ArgMap) -> None:
    with pytest.raises(UnknownSide, match=r"'nobody'.*pro, def, ed"):
        handout(court, "nobody")
    assert [p.id for p in sides(court)] == ["pro", "def", "ed"]


def test_grounded_labels_come_from_the_semantics_module(court: ArgMap) -> None:
    expected = semantics.claim_labels(court, semantics="grounded", mode="bipolar")
    doc = handout(court, "def")
    assert doc.semantics
    for brief in (*doc.must_answer, *doc.own):
        assert brief.claim.label == expected[brief.claim.id]
    for link in all_links(doc):
        assert link.claim.label == expected[link.claim.id]
    sheet = moderator_sheet(court)
    assert {e.claim.id: e.claim.label for e in sheet.entries} == dict(expected)


def test_without_semantics_the_handout_is_made_without_labels(
    court: ArgMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "argmap.analysis.semantics", None)
    assert grounded_labels(court) is None
    doc = handout(court, "def")
    assert not doc.semantics
    assert all(b.claim.label is None for b in doc.must_answer)


def test_the_moderator_sheet_has_every_claim_and_every_allegation(court: ArgMap) -> None:
    sheet = moderator_sheet(court)
    assert [e.claim.id for e in sheet.entries] == [c.id for c in court.claims]
    rows = {r.claim.id: r for r in sheet.allegations}
    # Map order: files sorted by path (def.yaml before pro.yaml).
    assert list(rows) == ["a4", "a1", "a2", "a3", "a5"]
    assert rows["a1"].answers == ("d1", "u1")
    assert rows["a1"].counters == ("counter",)
    assert rows["a2"].answers == ()
    assert rows["a3"].claim.status == "acknowledged"


def test_moderator_questions_are_answered_from_the_structure(court: ArgMap) -> None:
    questions = {q.prompt: q for q in moderator_sheet(court).questions}
    assert questions["Which allegation does no answer reach?"].claims == ("a4", "a2", "a3")
    assert questions["Which single answer rebuts the most allegations?"].claims == ("d1",)
    assert "2 allegations" in questions["Which single answer rebuts the most allegations?"].answer
    assert questions["Which answer is itself attacked?"].claims == ("d1",)
    weight = questions["Which quotation carries the most weight?"]
    # d2's quotation backs d1, which answers a1 and a5: three claims.
    assert weight.claims == ("d2",)
    assert "3 claims" in weight.answer
    assert questions["Which allegation rests on no quotation at all?"].claims == (
        "a4",
        "a2",
        "a3",
        "a5",
    )
    assert questions["Which claims attack an inference rather than a claim?"].claims == ("u1",)


# -- properties ---------------------------------------------------------------------------------

SPAN = Span("m.yaml", 1, 1)
PARTIES = ("p", "q", "r")


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    """Small random maps: allegations and claims of three parties, any relations."""
    n = draw(st.integers(1, 9))
    ids_ = [f"c{i}" for i in range(n)]
    claims: list[Claim] = []
    for cid in ids_:
        kind: ClaimKind = draw(st.sampled_from(CLAIM_KINDS))
        claims.append(
            Claim(
                id=cid,
                text=f"text of {cid}",
                party=draw(st.sampled_from(PARTIES)),
                span=SPAN,
                kind=kind,
                against=draw(st.sampled_from([None, *PARTIES])) if kind == "allegation" else None,
                supports=tuple(
                    Ref(t, SPAN)
                    for t in draw(st.lists(st.sampled_from(ids_), max_size=2, unique=True))
                ),
                rebuts=tuple(
                    Ref(t, SPAN)
                    for t in draw(st.lists(st.sampled_from(ids_), max_size=2, unique=True))
                ),
            )
        )
    supports = [(c.id, r.target) for c in claims for r in c.supports]
    built: list[Claim] = []
    for claim in claims:
        relations = [(s, t) for s, t in supports if claim.id not in (s, t)]
        under = draw(st.lists(st.sampled_from(relations), max_size=1)) if relations else []
        acknowledged = claim.is_allegation and draw(st.booleans())
        built.append(
            replace(
                claim,
                undercuts=tuple(Undercut(s, t, SPAN) for s, t in under),
                ignore=(Ignore("AM201", "left open", SPAN),) if acknowledged else (),
            )
        )
    return ArgMap(
        root=str(Path.cwd()),
        claims=tuple(built),
        parties=tuple(Party(p, p.upper(), SPAN) for p in PARTIES),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_statuses_agree_with_lint_rule_am201(amap: ArgMap) -> None:
    findings = {f.claim: f for f in lint(amap, select=["AM201"])}
    for side in PARTIES:
        doc = handout(amap, side)
        expected = [
            c.id
            for c in amap.claims
            if c.kind == "allegation"
            and (c.against == side or (c.against is None and c.party != side))
        ]
        assert ids(doc.must_answer) == expected
        for brief in doc.must_answer:
            finding = findings.get(brief.claim.id)
            if finding is None:
                assert brief.status == "answered"
                assert brief.answers
            elif finding.acknowledged is not None:
                assert brief.status == "acknowledged"
            else:
                assert brief.status == "unanswered"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_each_claim_is_set_out_once_per_handout_and_answers_really_answer(amap: ArgMap) -> None:
    for side in PARTIES:
        doc = handout(amap, side)
        full = [link.claim.id for link in all_links(doc) if not link.elsewhere and not link.cut]
        assert len(full) == len(set(full))
        briefs = {b.claim.id for b in (*doc.must_answer, *doc.own)}
        assert not briefs & set(full)
        for brief in (*doc.must_answer, *doc.own):
            for answer in brief.answers:
                claim = amap.claim_by_id[answer.claim.id]
                assert claim.party != brief.claim.party
                if answer.relation == "rebuts":
                    assert brief.claim.id in {r.target for r in claim.rebuts}
                else:
                    assert answer.target in {u.label for u in claim.undercuts}
                    assert answer.target.endswith(f"-> {brief.claim.id}")
                for attack in answer.attacks:
                    assert attack.claim.party != answer.claim.party


def test_the_shipped_maps_defence_handout_covers_every_allegation_against_trotsky() -> None:
    amap = load(SHIPPED_MAP)
    doc = handout(amap, "trotsky")
    against = [
        c.id
        for c in amap.claims
        if c.is_allegation and c.party != "trotsky" and c.against in (None, "trotsky")
    ]
    assert ids(doc.must_answer) == against
    open_ = {f.claim for f in lint(amap, select=["AM201"])}
    assert {b.claim.id for b in doc.to_prepare} == open_ & set(against)
