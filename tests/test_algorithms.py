"""Tarjan's strongly connected components, checked against networkx."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.algorithms import strongly_connected


@st.composite
def adjacency(draw: st.DrawFn) -> dict[str, list[str]]:
    nodes = [f"n{i}" for i in range(draw(st.integers(0, 15)))]
    graph: dict[str, list[str]] = {node: [] for node in nodes}
    if nodes:
        for source, target in draw(
            st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=40)
        ):
            graph[source].append(target)
    return graph


@settings(max_examples=300, deadline=None)
@given(adjacency())
def test_components_are_networkx_s_in_reverse_topological_order(
    graph: dict[str, list[str]],
) -> None:
    components = list(strongly_connected(graph))
    oracle = nx.DiGraph()
    oracle.add_nodes_from(graph)
    oracle.add_edges_from((s, t) for s, targets in graph.items() for t in targets)
    assert sorted(map(sorted, components)) == sorted(
        map(sorted, nx.strongly_connected_components(oracle))
    )
    position = {node: i for i, members in enumerate(components) for node in members}
    for source, targets in graph.items():
        for target in targets:
            assert position[target] <= position[source]  # what a component reaches comes first


def test_a_long_cycle_needs_no_recursion() -> None:
    size = 50_000
    graph = {f"n{i}": [f"n{(i + 1) % size}"] for i in range(size)}
    (component,) = strongly_connected(graph)
    assert len(component) == size
