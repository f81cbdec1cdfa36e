"""The numbers a teacher puts on a slide: ``coverage(amap) -> dict`` (JSON-ready).

- claims per party and kind;
- relations per type: ``supports``, ``rebuts``, ``undercuts``; a relation counts once
  however often it is written, and only when it names existing claims (lint reports
  the rest);
- allegations per party: ``answered``, ``unanswered`` and ``acknowledged`` (unanswered,
  with ``ignore: {AM201: reason}``), by the same logic as ``argmap lint``;
- the longest rebuttal chain: a path ``x1 rebuts x2 rebuts x3 ...`` with the most
  rebuttals. A longest simple path is NP-hard in general, so cycles are condensed:
  claims that rebut each other in a cycle (a strongly connected component) form one
  step, and the chain is a longest path of that acyclic graph, found in linear time.
  Without cycles it is exactly the longest chain of rebuttals;
- isolated claims (no relation at all) and claims that cite no source.
"""

from __future__ import annotations

from typing import Any

from argmap.algorithms import strongly_connected
from argmap.model import CLAIM_KINDS, ArgMap
from argmap.relations import relations_of


def coverage(amap: ArgMap) -> dict[str, Any]:
    """Every statistic of the module documentation, keys and lists sorted."""
    rel = relations_of(amap)
    claims = list(amap.claim_by_id.values())
    by_party: dict[str, dict[str, int]] = {}
    for claim in claims:
        counts = by_party.setdefault(claim.party, {**dict.fromkeys(CLAIM_KINDS, 0), "total": 0})
        counts[claim.kind] += 1
        counts["total"] += 1
    allegations: dict[str, dict[str, int]] = {}
    for claim in claims:
        if not claim.is_allegation:
            continue
        counts = allegations.setdefault(
            claim.party, {"answered": 0, "unanswered": 0, "acknowledged": 0, "total": 0}
        )
        counts[rel.status(claim).status] += 1
        counts["total"] += 1
    kinds = rel.kinds
    undercutters = rel.undercut_relations()
    rebuttals = [relation for relation, kind in kinds.items() if kind == "rebuts"]
    return {
        "title": amap.info.title if amap.info else None,
        "claims": {
            "total": len(claims),
            "by_kind": {kind: sum(c.kind == kind for c in claims) for kind in CLAIM_KINDS},
            "by_party": dict(sorted(by_party.items())),
        },
        "relations": {
            "supports": sum(kind == "supports" for kind in kinds.values()),
            "rebuts": len(rebuttals),
            "undercuts": sum(len(claims) for claims in undercutters.values()),
        },
        "allegations": {
            "total": _sum(allegations.values()),
            "by_party": dict(sorted(allegations.items())),
        },
        "longest_rebuttal_chain": longest_chain([c.id for c in claims], rebuttals),
        "isolated": sorted(c.id for c in claims if c.id not in rel.linked()),
        "without_citation": sorted(c.id for c in claims if not c.cite),
    }


def _sum(counts: Any) -> dict[str, int]:
    total = {"answered": 0, "unanswered": 0, "acknowledged": 0, "total": 0}
    for row in counts:
        for key in total:
            total[key] += row[key]
    return total


def longest_chain(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, Any]:
    """The longest path of the graph after condensing its cycles (linear time).

    Returns ``{"length": rebuttals along it, "steps": [[ids], ...], "cycles": n}``: each
    step lists one claim, or the claims of a cycle of rebuttals (sorted); ``cycles``
    counts the cycles condensed anywhere in the graph. Among equally long chains the
    one starting with the sorted-first step wins, and so on at each step.
    """
    adjacency: dict[str, list[str]] = {node: [] for node in nodes}
    for source, target in edges:
        adjacency[source].append(target)
    components = list(strongly_connected(adjacency))
    labels = [sorted(members) for members in components]
    component_of = {node: i for i, members in enumerate(components) for node in members}
    successors: list[set[int]] = [set() for _ in components]
    for source, target in edges:
        if component_of[source] != component_of[target]:
            successors[component_of[source]].add(component_of[target])
    # Tarjan returns components in reverse topological order: successors come first.
    length = [0] * len(components)
    following: list[int | None] = [None] * len(components)
    for i in range(len(components)):
        for j in successors[i]:
            following_i = following[i]
            if length[j] + 1 > length[i] or (
                length[j] + 1 == length[i]
                and following_i is not None
                and labels[j] < labels[following_i]
            ):
                length[i], following[i] = length[j] + 1, j
    cycles = sum(1 for members in components if len(members) > 1)
    if not edges:
        return {"length": 0, "steps": [], "cycles": 0}
    start = min(range(len(components)), key=lambda i: (-length[i], labels[i]))
    steps: list[list[str]] = []
    current: int | None = start
    while current is not None:
        steps.append(labels[current])
        current = following[current]
    return {"length": length[start], "steps": steps, "cycles": cycles}
