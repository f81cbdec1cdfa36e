"""The map as GraphML for yEd, Gephi and Cytoscape, written as XML text as it goes.

The graph is ``argmap.graph.to_digraph``'s, walked from the records (no graph is
built): a node per claim and per undercut inference, an edge per relation and
undercut. GraphML attributes hold only strings, numbers and booleans, so lists and
mappings (tags, citations, acknowledgements, the parties and sources on the graph)
are written as JSON text and absent values are left out. Each node also gets a
``label`` (its id) and, where its party has a colour, Gephi's ``r``, ``g``, ``b``;
each edge gets a ``label`` (its relation).

The text is what ``networkx.generate_graphml(..., prettyprint=True)`` writes for
that graph (keys numbered as met, listed last first; characters outside ASCII as
character references), with one difference: characters that XML 1.0 cannot hold at
all (NUL, ESC and the other C0 controls but tab and line breaks) are written as
U+FFFD, and a carriage return as ``&#13;``, so the file is always well-formed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

from argmap.model import ArgMap, Claim

GRAPHML_HEADER = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\x7f-\U0010ffff]")
"""A character ``_text`` changes (markup, a control, anything outside ASCII)."""
_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_INFERENCE_KEYS = ("type", "source", "target", "relation", "label")
_BATCH = 256


class GraphML:
    """The keys of one map's GraphML: ``(for, name) -> id``, numbered in the order met."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.types: dict[tuple[str, str], str] = {}

    def add(self, domain: str, name: str, value: Any) -> None:
        if (domain, name) not in self.ids:
            self.ids[domain, name] = f"d{len(self.ids)}"
            self.types[domain, name] = _TYPES[type(value)]

    def declarations(self) -> Iterator[str]:
        for (domain, name), key in reversed(self.ids.items()):
            kind = self.types[domain, name]
            yield (
                f'  <key id="{key}" for="{domain}" attr.name="{_attribute(name)}" '
                f'attr.type="{kind}" />'
            )

    def data(self, domain: str, values: dict[str, Any], indent: str) -> str:
        ids = self.ids
        return "".join(
            f'{indent}<data key="{ids[domain, name]}">{_data_text(value)}</data>\n'
            if value != ""
            else f'{indent}<data key="{ids[domain, name]}" />\n'
            for name, value in values.items()
        )


def generate_graphml(amap: ArgMap) -> Iterator[str]:
    """GraphML text of the map, a part at a time (see the module documentation)."""
    from argmap.formats.links import inferences, links
    from argmap.relations import relations_of

    relations = relations_of(amap)
    colours = {p.id: _rgb(p.color) for p in amap.party_by_id.values() if p.color}
    undercut = inferences(amap, relations)
    graph = _graph_attributes(amap)
    keys = GraphML()
    for name, value in graph.items():
        keys.add("graph", name, value)
    patterns: set[tuple[bool, bool, bool]] = set()
    for claim in amap.claim_by_id.values():
        pattern = (claim.against is not None, claim.note is not None, claim.party in colours)
        if pattern not in patterns:  # the keys a claim has depend only on these three
            patterns.add(pattern)
            for name, value in _claim_attributes(claim, colours).items():
                keys.add("node", name, value)
    if undercut:
        for name in _INFERENCE_KEYS:
            keys.add("node", name, "")
    if relations.kinds:
        keys.add("edge", "label", "")
        keys.add("edge", "relation", "")
    yield GRAPHML_HEADER + "\n"
    yield "\n".join(keys.declarations()) + "\n"
    yield '  <graph edgedefault="directed">\n'
    batch: list[str] = []
    for claim in amap.claim_by_id.values():
        batch.append(_node(claim.id, keys.data("node", _claim_attributes(claim, colours), " " * 6)))
        if len(batch) == _BATCH:
            yield "".join(batch)
            batch.clear()
    for inference in undercut:
        values = {
            "type": "inference",
            "source": inference.source,
            "target": inference.target,
            "relation": inference.relation,
            "label": inference.id,
        }
        batch.append(_node(inference.id, keys.data("node", values, " " * 6)))
    yield "".join(batch)
    batch.clear()
    for claim in amap.claim_by_id.values():
        for link in links(claim, relations):
            values = {"label": link.relation, "relation": link.relation}
            ends = f'source="{_attribute(link.source)}" target="{_attribute(link.target)}"'
            batch.append(f"    <edge {ends}>\n{keys.data('edge', values, ' ' * 6)}    </edge>\n")
        if len(batch) >= _BATCH:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)
    yield keys.data("graph", graph, " " * 4) + "  </graph>\n</graphml>\n"


def write_graphml(amap: ArgMap, path: str | os.PathLike[str]) -> None:
    """Write the map's GraphML to ``path`` (atomically, as it is generated)."""
    from argmap.output import write

    write(path, generate_graphml(amap))


def _node(node_id: str, data: str) -> str:
    return f'    <node id="{_attribute(node_id)}">\n{data}    </node>\n'


def _graph_attributes(amap: ArgMap) -> dict[str, Any]:
    info = amap.info
    values: dict[str, Any] = {
        "title": info.title if info else None,
        "description": info.description if info else None,
        "parties": {
            p.id: {"name": p.name, "role": p.role, "color": p.color}
            for p in amap.party_by_id.values()
        },
        "sources": {
            s.id: {"title": s.title, "author": s.author, "date": s.date, "url": s.url}
            for s in amap.source_by_id.values()
        },
    }
    return _scalars(values)


def _claim_attributes(claim: Claim, colours: dict[str, tuple[int, int, int]]) -> dict[str, Any]:
    from argmap.graph import claim_attributes

    attributes = _scalars(claim_attributes(claim))
    attributes["label"] = claim.id
    colour = colours.get(claim.party)
    if colour:
        attributes.update(zip("rgb", colour, strict=True))
    return attributes


def _scalars(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Attributes GraphML can hold: lists and mappings as JSON text, no ``None``."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            out[key] = value
        else:
            out[key] = "[]" if value == [] else "{}" if value == {} else _as_json(value)
    return out


_as_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _data_text(value: str | int | float | bool) -> str:
    """A data element's text: numbers and booleans as GraphML writes them, strings escaped."""
    if type(value) is str:
        return _text(value) if _SPECIAL.search(value) else value
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _text(value: str) -> str:
    """Character data as XML 1.0 can hold it, in ASCII."""
    value = _replaced(value, _TEXT_REFERENCES)
    if not value.isascii() or _NOT_XML.search(value):
        value = _NOT_XML.sub("\ufffd", value).encode("ascii", "xmlcharrefreplace").decode("ascii")
    return value


def _attribute(value: str) -> str:
    """An attribute value as XML 1.0 can hold it, in ASCII."""
    return _replaced(_text(value), _ATTRIBUTE_REFERENCES)


_TEXT_REFERENCES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
_ATTRIBUTE_REFERENCES = (('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _replaced(value: str, references: tuple[tuple[str, str], ...]) -> str:
    for char, reference in references:
        if char in value:
            value = value.replace(char, reference)
    return value


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
