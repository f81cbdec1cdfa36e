"""The map as GraphML (``networkx.generate_graphml``) for yEd, Gephi and Cytoscape.

The graph is ``argmap.graph.to_digraph``'s. GraphML attributes hold only strings,
numbers and booleans, so lists and mappings (tags, citations, acknowledgements,
the parties and sources on the graph) are written as JSON text and absent values
are left out. Each node also gets a ``label`` (its id) and, where its party has a
colour, Gephi's ``r``, ``g``, ``b``; each edge gets a ``label`` (its relation).
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgMap


def generate_graphml(amap: ArgMap) -> str:
    """GraphML text of the map."""
    import networkx as nx

    from argmap.graph import to_digraph

    source = to_digraph(amap)
    graph = nx.DiGraph(**_scalars(source.graph))
    colours = {p.id: p.color for p in amap.party_by_id.values() if p.color}
    for node, data in source.nodes(data=True):
        attributes = _scalars(data)
        attributes["label"] = node
        colour = colours.get(data.get("party", ""))
        if colour:
            attributes.update(zip("rgb", _rgb(colour), strict=True))
        graph.add_node(node, **attributes)
    for head, tail, data in source.edges(data=True):
        graph.add_edge(head, tail, label=data["relation"], **_scalars(data))
    return "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)) + "\n"


def _scalars(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Attributes GraphML can hold: lists and mappings as JSON text, no ``None``."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            out[key] = value
        else:
            out[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return out


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
