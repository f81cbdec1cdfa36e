"""Graph algorithms that argmap needs on its start-up path, where networkx is not loaded."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence


def strongly_connected(graph: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """Tarjan's strongly connected components of ``graph`` (node -> successors).

    Iterative, so no recursion limit; linear in nodes and edges. Components come in
    reverse topological order: a component comes after every component it reaches.
    Every successor must itself be a key of ``graph``.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child_at = work.pop()
            if child_at == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = graph[node]
            recurse = False
            for i in range(child_at, len(children)):
                child = children[i]
                if child not in index:
                    work.append((node, i + 1))
                    work.append((child, 0))
                    recurse = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                yield component
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
