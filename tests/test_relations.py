"""The one index of relations and answers: first written wins, attackers, status."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import ArgMap, Claim, ClaimKind, Ignore, Ref, Span, Undercut
from argmap.relations import may_answer, relations_of
from tests.conftest import REPO

AT = Span("map.yaml", 1, 1)


def claim(
    cid: str,
    party: str = "p",
    *,
    kind: ClaimKind = "claim",
    against: str | None = None,
    supports: tuple[str, ...] = (),
    rebuts: tuple[str, ...] = (),
    undercuts: tuple[tuple[str, str], ...] = (),
    ignore: dict[str, str] | None = None,
) -> Claim:
    return Claim(
        cid,
        f"text of {cid}",
        party,
        AT,
        kind=kind,
        against=against,
        supports=tuple(Ref(t, AT) for t in supports),
        rebuts=tuple(Ref(t, AT) for t in rebuts),
        undercuts=tuple(Undercut(s, t, AT) for s, t in undercuts),
        ignore=tuple(Ignore(code, reason, AT) for code, reason in (ignore or {}).items()),
    )


def test_the_first_relation_written_wins() -> None:
    amap = ArgMap("map", claims=(claim("a", supports=("b",), rebuts=("b",)), claim("b")))
    rel = relations_of(amap)
    assert rel.kind("a", "b") == "supports"
    assert rel.rebutters("b") == ()
    assert [c.id for c in rel.supporters("b")] == ["a"]
    assert list(rel.edges()) == [("a", "b", "supports")]


def test_relations_to_missing_or_the_same_claim_do_not_count() -> None:
    amap = ArgMap("map", claims=(claim("a", supports=("a", "ghost")),))
    assert list(relations_of(amap).edges()) == []


def test_an_undercut_counts_when_its_relation_exists_and_the_undercutter_is_not_an_end() -> None:
    amap = ArgMap(
        "map",
        claims=(
            claim("a", supports=("b",)),
            claim("b"),
            claim("u", "q", undercuts=(("a", "b"), ("a", "b"), ("x", "b"))),
            claim("v", undercuts=(("a", "b"),)),
        ),
    )
    rel = relations_of(amap)
    assert [c.id for c in rel.undercutters("a", "b")] == ["u", "v"]
    assert {edge: [c.id for c in cs] for edge, cs in rel.undercut_relations().items()} == {
        ("a", "b"): ["u", "v"]
    }
    assert [c.id for c in rel.attackers("b")] == ["u", "v"]


def test_status_answered_acknowledged_unanswered() -> None:
    amap = ArgMap(
        "map",
        claims=(
            claim("answered", "pro", kind="allegation"),
            claim("open", "pro", kind="allegation", ignore={"AM201": "the text is silent"}),
            claim("bare", "pro", kind="allegation", against="con"),
            claim("reply", "con", rebuts=("answered",)),
            claim("own-side", "pro", rebuts=("bare",)),
            claim("third", "other", rebuts=("bare",)),
        ),
    )
    rel = relations_of(amap)
    answered = rel.status(amap.claim_by_id["answered"])
    assert (answered.status, [c.id for c in answered.answers]) == ("answered", ["reply"])
    acknowledged = rel.status(amap.claim_by_id["open"])
    assert (acknowledged.status, acknowledged.reason) == ("acknowledged", "the text is silent")
    assert rel.status(amap.claim_by_id["bare"]).status == "unanswered"
    assert [c.id for c in rel.unanswered()] == ["open", "bare"]


def test_the_index_is_built_once_per_map() -> None:
    amap = ArgMap("map", claims=(claim("a"),))
    assert relations_of(amap) is relations_of(amap)
    assert relations_of(ArgMap("map", claims=(claim("a"),))) is not relations_of(amap)


IDS = ["a", "b", "c", "d", "e"]
PAIRS = st.tuples(st.sampled_from(IDS), st.sampled_from(IDS))
PARTIES = ["p", "q", "r"]


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    claims = []
    for cid in IDS:
        claims.append(
            claim(
                cid,
                draw(st.sampled_from(PARTIES)),
                kind=draw(st.sampled_from(["allegation", "claim"])),
                against=draw(st.none() | st.sampled_from(PARTIES)),
                supports=tuple(draw(st.lists(st.sampled_from([*IDS, "zz"]), max_size=3))),
                rebuts=tuple(draw(st.lists(st.sampled_from([*IDS, "zz"]), max_size=3))),
                undercuts=tuple(draw(st.lists(PAIRS, max_size=2))),
            )
        )
    return ArgMap("map", claims=tuple(claims))


@settings(max_examples=200, deadline=None)
@given(maps())
def test_attackers_and_answers_match_their_definition(amap: ArgMap) -> None:
    rel = relations_of(amap)
    first: dict[tuple[str, str], str] = {}
    for c in amap.claims:
        written: tuple[tuple[str, tuple[Ref, ...]], ...] = (
            ("supports", c.supports),
            ("rebuts", c.rebuts),
        )
        for kind, refs in written:
            for ref in refs:
                if ref.target in amap.claim_by_id and ref.target != c.id:
                    first.setdefault((c.id, ref.target), kind)
    assert dict(rel.kinds) == first
    for target in amap.claim_by_id.values():
        expected = {
            c.id
            for c in amap.claims
            if first.get((c.id, target.id)) == "rebuts"
            or any(
                u.target == target.id
                and (u.source, u.target) in first
                and c.id not in (u.source, u.target)
                for u in c.undercuts
            )
        }
        attackers = [c.id for c in rel.attackers(target.id)]
        assert attackers == [c.id for c in amap.claims if c.id in expected]  # each once, in order
        supporters = [c.id for c in amap.claims if first.get((c.id, target.id)) == "supports"]
        assert [c.id for c in rel.supporters(target.id)] == supporters
        rebutters = [c.id for c in amap.claims if first.get((c.id, target.id)) == "rebuts"]
        assert [c.id for c in rel.rebutters(target.id)] == rebutters
        answers = {c.id for c in rel.answers(target)}
        assert answers == {a for a in expected if may_answer(target, amap.claim_by_id[a])}
        status = rel.status(target)
        assert (status.status == "answered") == bool(answers)
        assert {c.id for c in status.answers} == answers
    assert {c.id for c in rel.unanswered()} == {
        c.id for c in amap.claims if c.is_allegation and not rel.answers(c)
    }


def test_answer_statuses_and_labels_are_defined_once() -> None:
    """One definition each: answer statuses here, grounded labels in the semantics."""
    package = REPO / "argmap"
    text = {p: p.read_text(encoding="utf-8") for p in package.rglob("*.py")}
    statuses = [p.name for p, t in text.items() if 'Literal["answered", "unanswered"' in t]
    labels = [p.name for p, t in text.items() if 'Literal["in", "out", "undec"]' in t]
    assert (statuses, labels) == (["relations.py"], ["semantics.py"])
