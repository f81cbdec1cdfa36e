"""The edges of the map's graph, claim by claim, without building the graph.

Exports that stream (node-link JSON, GraphML, AIF, Argdown) write the shape of
``argmap.graph.to_digraph``, whose relations are ``argmap.relations``'s, but they
walk the records instead of holding a second copy of the map: ``links(claim)``
gives one claim's outgoing edges in the order the graph lists them (its
``supports``, then its ``rebuts``, each relation once, then its undercuts, each
inference once), and ``inferences(map)`` the inference nodes of the relations that
something undercuts, in the order they are first undercut.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from argmap.graph import inference_id
from argmap.model import ArgMap, Claim, Span
from argmap.relations import Relations, relations_of


class Link(NamedTuple):
    """One edge: a relation ``source -> target`` or an undercut ``source -> inference``."""

    source: str
    target: str
    """A claim id, or for an undercut the inference node's id (``inference_id``)."""
    relation: str
    span: Span
    """Where the reference that made it was written."""


class Inference(NamedTuple):
    """The inference of a relation that is undercut: a node of its own."""

    id: str
    source: str
    target: str
    relation: str


def links(claim: Claim, relations: Relations) -> Iterator[Link]:
    """The edges that leave ``claim``, in the graph's order (see the module docstring)."""
    source = claim.id
    seen: set[str] = set()
    for refs in (claim.supports, claim.rebuts):
        for ref in refs:
            target = ref.target
            if target in seen:
                continue
            kind = relations.kind(source, target)
            if kind is not None:
                seen.add(target)
                yield Link(source, target, kind, ref.span)
    for undercut in claim.undercuts:
        if source in (undercut.source, undercut.target):
            continue
        if relations.kind(undercut.source, undercut.target) is None:
            continue
        node = inference_id(undercut.source, undercut.target)
        if node not in seen:
            seen.add(node)
            yield Link(source, node, "undercuts", undercut.span)


def inferences(amap: ArgMap, relations: Relations | None = None) -> list[Inference]:
    """The inference node of each undercut relation, in the order first undercut."""
    index = relations or relations_of(amap)
    return [
        Inference(inference_id(source, target), source, target, index.kind(source, target) or "")
        for source, target in index.undercut_relations()
    ]
