"""A cycle of `supports` relations.

## What it does
Finds every group of claims that support each other in a circle (a strongly
connected component of the support graph) and reports one finding per group, at
its first claim in file order, showing one cycle through it. Linear in the map.

## Why is this bad?
Circular reasoning: each claim is offered as a reason for the next and, in the end,
for itself. No claim in the circle has a reason from outside it.

## Example
```yaml
claims:
  - {id: a, text: A., supports: b}
  - {id: b, text: B., supports: c}
  - {id: c, text: C., supports: a}     # AM202 at 'a': a -> b -> c -> a
```
"""

from collections.abc import Iterator

from argmap.algorithms import strongly_connected
from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM202", "circular-support", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    claims = ctx.amap.claim_by_id
    supports: dict[str, list[str]] = {}
    for claim in ctx.amap.claims:
        if claim.supports and claims[claim.id] is claim:
            targets = [
                r.target for r in claim.supports if r.target in claims and r.target != claim.id
            ]
            if targets:
                supports[claim.id] = targets
    # Only a claim that supports and is supported can be on a cycle: the search runs
    # on those alone (on a large map, a small part of it) and finds the same cycles.
    supported = {target for targets in supports.values() for target in targets}
    graph = {
        claim_id: [t for t in targets if t in supports and t in supported]
        for claim_id, targets in supports.items()
        if claim_id in supported
    }
    order: dict[str, int] = {}
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue
        order = order or {claim_id: i for i, claim_id in enumerate(claims)}
        start = min(component, key=order.__getitem__)
        cycle = _cycle_from(start, graph, set(component))
        yield RULE.finding(
            f"circular support: {' -> '.join([*cycle, start])}", claims[start].span, start
        )


def _cycle_from(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
    """One cycle through ``start`` inside its component (breadth-first, shortest)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in graph[node]:
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return path[::-1]
                if child in members and child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return [start]  # pragma: no cover - a component of two or more always has a cycle
