"""Coverage numbers of a map, and the longest rebuttal chain on random graphs."""

from __future__ import annotations

from itertools import pairwise

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.algorithms import strongly_connected
from argmap.analysis.coverage import coverage, longest_chain
from argmap.loading.build import load
from tests.conftest import MapWriter

DEBATE = """\
parties:
  pro: {name: Prosecution}
  def: {name: Defence}
  press: {name: Press}
sources: {speech: {title: Speech}}
claims:
  - {id: charge, party: pro, kind: allegation, text: They met., cite: {source: speech}}
  - {id: letter, party: pro, kind: allegation, text: A letter., against: def}
  - {id: plot, party: pro, kind: allegation, text: A plot., ignore: {AM201: no answer known}}
  - {id: rumour, party: press, kind: allegation, text: A rumour., ignore: {unanswered: open}}
  - {id: denial, party: def, text: They never met., rebuts: charge, cite: {source: speech}}
  - {id: doubt, party: pro, text: The denial is late., rebuts: denial}
  - {id: diary, party: def, kind: evidence, text: A diary., supports: denial}
  - {id: forged, party: pro, text: The diary is forged., undercuts: "diary -> denial"}
  - {id: aside, party: press, text: An aside.}
  - {id: press-answer, party: press, text: No letter., rebuts: letter}
  - {id: bad, party: def, text: Dangling., rebuts: [nothing], supports: denial}
"""


def test_the_numbers_of_a_small_debate(write_map: MapWriter) -> None:
    numbers = coverage(load(write_map({"map.yaml": DEBATE})))
    assert numbers["claims"]["total"] == 11
    assert numbers["claims"]["by_kind"] == {"allegation": 4, "claim": 6, "evidence": 1}
    assert numbers["claims"]["by_party"] == {
        "def": {"allegation": 0, "claim": 2, "evidence": 1, "total": 3},
        "press": {"allegation": 1, "claim": 2, "evidence": 0, "total": 3},
        "pro": {"allegation": 3, "claim": 2, "evidence": 0, "total": 5},
    }
    # the dangling rebuttal does not count; each relation once
    assert numbers["relations"] == {"supports": 2, "rebuts": 3, "undercuts": 1}
    assert numbers["allegations"]["by_party"] == {
        # charge answered; letter must be answered by def, press does not count; plot acknowledged
        "pro": {"answered": 1, "unanswered": 1, "acknowledged": 1, "total": 3},
        "press": {"answered": 0, "unanswered": 0, "acknowledged": 1, "total": 1},
    }
    assert numbers["allegations"]["total"] == {
        "answered": 1,
        "unanswered": 1,
        "acknowledged": 2,
        "total": 4,
    }
    assert numbers["longest_rebuttal_chain"] == {
        "length": 2,
        "steps": [["doubt"], ["denial"], ["charge"]],
        "cycles": 0,
    }
    assert numbers["isolated"] == ["aside", "plot", "rumour"]
    assert numbers["without_citation"] == [
        "aside",
        "bad",
        "diary",
        "doubt",
        "forged",
        "letter",
        "plot",
        "press-answer",
        "rumour",
    ]


def test_a_cycle_of_rebuttals_counts_as_one_step(write_map: MapWriter) -> None:
    text = """\
party: p
claims:
  - {id: a, text: A, rebuts: b}
  - {id: b, text: B, rebuts: a}
  - {id: c, text: C, rebuts: a}
  - {id: d, text: D, rebuts: c}
  - {id: x, text: X, rebuts: y}
  - {id: y, text: Y}
"""
    chain = coverage(load(write_map({"map.yaml": text})))["longest_rebuttal_chain"]
    assert chain == {"length": 2, "steps": [["d"], ["c"], ["a", "b"]], "cycles": 1}


def test_a_map_without_rebuttals_has_no_chain(write_map: MapWriter) -> None:
    text = "party: p\nclaims:\n  - {id: a, text: A, supports: b}\n  - {id: b, text: B}\n"
    numbers = coverage(load(write_map({"map.yaml": text})))
    assert numbers["longest_rebuttal_chain"] == {"length": 0, "steps": [], "cycles": 0}
    assert numbers["allegations"]["by_party"] == {}


def test_a_long_chain_is_found_without_recursion() -> None:
    nodes = [f"c{i:06d}" for i in range(50_000)]
    chain = longest_chain(nodes, list(pairwise(nodes)))
    assert chain["length"] == len(nodes) - 1
    assert chain["steps"][0] == [nodes[0]] and chain["steps"][-1] == [nodes[-1]]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    nodes = [f"n{i}" for i in range(draw(st.integers(0, 12)))]
    if not nodes:
        return nodes, []
    pair = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)).filter(lambda e: e[0] != e[1])
    return nodes, sorted(set(draw(st.lists(pair, max_size=30))))


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_components_and_chain_agree_with_networkx(
    graph: tuple[list[str], list[tuple[str, str]]],
) -> None:
    nodes, edges = graph
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    adjacency: dict[str, list[str]] = {node: [] for node in nodes}
    for source, target in edges:
        adjacency[source].append(target)
    ours = list(strongly_connected(adjacency))
    assert sorted(map(sorted, ours)) == sorted(map(sorted, nx.strongly_connected_components(g)))
    condensed = nx.condensation(g)
    chain = longest_chain(nodes, edges)
    expected = nx.dag_longest_path_length(condensed) if edges else 0
    assert chain["length"] == expected
    assert chain["cycles"] == sum(1 for c in ours if len(c) > 1)
    assert len(chain["steps"]) == (expected + 1 if edges else 0)
    component = condensed.graph["mapping"]
    for before, after in zip(chain["steps"], chain["steps"][1:], strict=False):
        assert condensed.has_edge(component[before[0]], component[after[0]])
    if edges and all(len(c) == 1 for c in ours):  # acyclic: an actual path of rebuttals
        path = [step[0] for step in chain["steps"]]
        assert all(g.has_edge(a, b) for a, b in pairwise(path))
