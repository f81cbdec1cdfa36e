"""Selections: a claim's neighbourhood, parties, tags, unanswered allegations."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.draw.focus import SelectionError, answer_chains, neighbourhood, select, size_problem
from argmap.graph import to_digraph
from argmap.loading.build import load
from argmap.model import ArgMap, Claim, Party, Ref, Span
from tests.conftest import MapWriter

# a chain: e1 -> a1 <- r1 <- s1 ; u1 undercuts e1 -> a1 ; a2 (unanswered) <- e2
DEBATE = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
claims:
  - {id: a1, party: pros, kind: allegation, against: def, text: A1, tags: [berlin]}
  - {id: e1, party: pros, kind: evidence, text: E1, supports: a1}
  - {id: r1, party: def, text: R1, rebuts: a1, tags: [alibi]}
  - {id: s1, party: def, kind: evidence, text: S1, supports: r1}
  - {id: u1, party: def, text: U1, undercuts: "e1 -> a1"}
  - {id: a2, party: pros, kind: allegation, against: def, text: A2, tags: [motive]}
  - {id: e2, party: pros, kind: evidence, text: E2, supports: a2}
  - {id: a3, party: pros, kind: allegation, text: A3, supports: a2, ignore: {AM201: open}}
  - {id: far, party: def, text: far away, supports: s1}
  - {id: alone, party: def, text: alone}
"""


@pytest.fixture
def debate(write_map: MapWriter) -> ArgMap:
    return load(write_map({"d.yaml": DEBATE}))


def test_focus_depth_is_undirected(debate: ArgMap) -> None:
    assert neighbourhood(debate, "a1", 0) == {"a1"}
    assert neighbourhood(debate, "a1", 1) == {"a1", "e1", "r1", "u1"}
    assert neighbourhood(debate, "a1", 2) == {"a1", "e1", "r1", "u1", "s1"}
    assert neighbourhood(debate, "s1", 1) == {"s1", "r1", "far"}  # both directions
    assert neighbourhood(debate, "u1", 1) == {"u1", "e1", "a1"}  # an undercut links both ends


def test_unknown_focus_suggests_a_close_id(debate: ArgMap) -> None:
    with pytest.raises(SelectionError, match=r"no claim 'a11' in the map \(did you mean 'a1'"):
        select(debate, focus="a11")
    with pytest.raises(SelectionError, match="--depth must be 0 or more"):
        select(debate, focus="a1", depth=-1)


def test_party_with_answer_chains(debate: ArgMap) -> None:
    # the defence's claims, what argues about them, and what they target
    assert select(debate, parties=["def"]) == {"r1", "s1", "u1", "far", "alone", "a1", "e1"}


def test_tag_with_answer_chains(debate: ArgMap) -> None:
    assert select(debate, tags=["berlin"]) == {"a1", "e1", "r1", "s1", "u1", "far"}
    assert select(debate, tags=["motive"]) == {"a2", "e2", "a3"}
    with pytest.raises(SelectionError, match=r"no tag 'motiv' in the map \(did you mean 'motive'"):
        select(debate, tags=["motiv"])


def test_only_unanswered_uses_the_lint_rule(debate: ArgMap) -> None:
    # a2 and a3 are unanswered (a3 acknowledged); a1 is answered by r1 and u1
    chosen = select(debate, only_unanswered=True)
    assert chosen == {"a2", "e2", "a3"}


def test_filters_intersect(debate: ArgMap) -> None:
    assert select(debate, parties=["pros"], tags=["motive"]) == {"a2", "e2", "a3"}
    assert select(debate, focus="a1", depth=1, parties=["def"]) == {"a1", "e1", "r1", "u1"}
    assert select(debate) == set(debate.claim_by_id)
    with pytest.raises(SelectionError, match=r"no party 'defense'.*did you mean 'def'"):
        select(debate, parties=["defense"])


def test_size_problem_names_what_to_do() -> None:
    assert size_problem(300) is None
    message = size_problem(301)
    assert message is not None
    assert "301 claims" in message and "--focus" in message and "--group" in message
    assert "--force" in message


@st.composite
def random_maps(draw: st.DrawFn) -> ArgMap:
    count = draw(st.integers(1, 12))
    span = Span("m.yaml", 1, 1)
    edges = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))))
    claims = []
    for n in range(count):
        targets = tuple(Ref(f"x{b}", span) for a, b in edges if a == n and b != n)
        claims.append(Claim(id=f"x{n}", text="t", party="p", span=span, supports=targets))
    return ArgMap(root=".", claims=tuple(claims), parties=(Party("p", "P", span),))


@given(random_maps(), st.integers(0, 4), st.data())
def test_neighbourhood_matches_networkx(amap: ArgMap, depth: int, data: st.DataObject) -> None:
    focus = data.draw(st.sampled_from(sorted(amap.claim_by_id)))
    graph = to_digraph(amap).to_undirected()
    expected = set(nx.single_source_shortest_path_length(graph, focus, cutoff=depth))
    assert neighbourhood(amap, focus, depth) == expected


@given(random_maps(), st.data())
def test_answer_chains_hold_every_ancestor(amap: ArgMap, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(sorted(amap.claim_by_id)))
    graph = to_digraph(amap)
    expected = {seed} | nx.ancestors(graph, seed) | set(graph.successors(seed))
    assert answer_chains(amap, [seed]) == expected
