"""The one place that decides the graph's shape: ``to_digraph(map)``.

Nodes are claim ids (attribute ``type="claim"``) with the claim's fields and its
``path``, ``line`` and ``column``. Each ``supports`` or ``rebuts`` is an edge with
attribute ``relation``. An undercut attacks an edge, so, as in the Argument
Interchange Format, each relation that is undercut gets an inference node
``"A->B"`` (``type="inference"``, with ``source``, ``target`` and ``relation``);
the undercutting claim has an edge to it with ``relation="undercuts"``. Such node
ids cannot clash with claim ids, which never contain ``>``. References to missing
claims are left out (lint reports them).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.model import ArgMap, Claim


def inference_id(source: str, target: str) -> str:
    """The node id of the inference of the relation ``source -> target``."""
    return f"{source}->{target}"


def claim_attributes(claim: Claim) -> dict[str, Any]:
    """A claim as plain node attributes (JSON-ready)."""
    return {
        "type": "claim",
        "text": claim.text,
        "party": claim.party,
        "kind": claim.kind,
        "against": claim.against,
        "tags": list(claim.tags),
        "note": claim.note,
        "cite": [{"source": c.source, "quote": c.quote, "at": c.at} for c in claim.cite],
        "ignore": {i.code: i.reason for i in claim.ignore},
        "path": claim.span.path,
        "line": claim.span.line,
        "column": claim.span.column,
    }


def to_digraph(amap: ArgMap) -> nx.DiGraph:
    """The map as a directed graph (see the module documentation for its shape)."""
    graph = nx.DiGraph(
        title=amap.info.title if amap.info else None,
        description=amap.info.description if amap.info else None,
        parties={
            p.id: {"name": p.name, "role": p.role, "color": p.color}
            for p in amap.party_by_id.values()
        },
        sources={
            s.id: {"title": s.title, "author": s.author, "date": s.date, "url": s.url}
            for s in amap.source_by_id.values()
        },
    )
    claims = amap.claim_by_id
    for claim in claims.values():
        graph.add_node(claim.id, **claim_attributes(claim))
    for claim in claims.values():
        for kind, refs in (("supports", claim.supports), ("rebuts", claim.rebuts)):
            for ref in refs:
                if (
                    ref.target in claims
                    and ref.target != claim.id
                    and not graph.has_edge(claim.id, ref.target)
                ):
                    graph.add_edge(claim.id, ref.target, relation=kind)
    for claim in claims.values():
        for undercut in claim.undercuts:
            if not graph.has_edge(undercut.source, undercut.target) or claim.id in (
                undercut.source,
                undercut.target,
            ):
                continue
            node = inference_id(undercut.source, undercut.target)
            if node not in graph:
                graph.add_node(
                    node,
                    type="inference",
                    source=undercut.source,
                    target=undercut.target,
                    relation=graph.edges[undercut.source, undercut.target]["relation"],
                )
            graph.add_edge(claim.id, node, relation="undercuts")
    return graph
