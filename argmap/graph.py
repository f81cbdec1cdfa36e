"""The one place that decides the graph's shape: ``to_digraph(map)``.

Its edges are the relations of ``argmap.relations`` (the first written wins).

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

from typing import TYPE_CHECKING, Any

from argmap.model import ArgMap, Claim
from argmap.relations import relations_of

if TYPE_CHECKING:
    import networkx as nx


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
    import networkx as nx

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
    rel = relations_of(amap)
    for claim in amap.claim_by_id.values():
        graph.add_node(claim.id, **claim_attributes(claim))
    for source, target, kind in rel.edges():
        graph.add_edge(source, target, relation=kind)
    for (source, target), undercutters in rel.undercut_relations().items():
        node = inference_id(source, target)
        graph.add_node(
            node, type="inference", source=source, target=target, relation=rel.kind(source, target)
        )
        for claim in undercutters:
            graph.add_edge(claim.id, node, relation="undercuts")
    return graph
