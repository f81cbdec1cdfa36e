"""The map as node-link JSON (``networkx.node_link_data``), and back.

``generate_json(map)`` writes the graph of ``argmap.graph.to_digraph`` with every
claim attribute and where each thing was written (``path``, ``line``, ``column`` on
claims, relations, undercuts and citations), plus the map's metadata: its title,
parties and sources. ``read_json(text, path)`` turns such a document back into an
``ArgMap``: for a map without broken references (which the graph leaves out),
``generate_json`` then ``read_json`` keeps everything claim files say but their
comments and layout.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from argmap.findings import Finding
from argmap.formats.jsontext import document, parse_json
from argmap.model import (
    CLAIM_KINDS,
    ArgMap,
    Citation,
    Claim,
    Ignore,
    MapInfo,
    Party,
    Ref,
    Source,
    Span,
    Undercut,
)
from argmap.schema import ID_PATTERN

FORMAT = "argmap-node-link"
VERSION = 1


ID_RE = re.compile(ID_PATTERN)


class NotArgmapJSONError(ValueError):
    """A document that is not argmap's node-link JSON."""


def generate_json(amap: ArgMap) -> Iterator[str]:
    """Node-link JSON of the map, a part at a time (see the module documentation).

    The text is ``json.dumps(networkx.node_link_data(to_digraph(map)), indent=2)``
    with the spans added, written from the records without building the graph.
    """
    from argmap.formats.links import inferences, links
    from argmap.relations import relations_of

    relations = relations_of(amap)
    info = amap.info
    graph = {
        "format": FORMAT,
        "version": VERSION,
        "root": amap.root,
        "title": info.title if info else None,
        "description": info.description if info else None,
        "map_span": _span(info.span) if info else None,
        "parties": {p.id: _party(p) for p in amap.party_by_id.values()},
        "sources": {s.id: _source(s) for s in amap.source_by_id.values()},
    }

    def nodes() -> Iterator[dict[str, Any]]:
        for claim in amap.claim_by_id.values():
            yield _claim_node(claim)
        for inference in inferences(amap, relations):
            yield {
                "type": "inference",
                "source": inference.source,
                "target": inference.target,
                "relation": inference.relation,
                "id": inference.id,
            }

    def edges() -> Iterator[dict[str, Any]]:
        for claim in amap.claim_by_id.values():
            for link in links(claim, relations):
                yield {
                    "relation": link.relation,
                    **_span(link.span),
                    "source": link.source,
                    "target": link.target,
                }

    members = (
        ("directed", True),
        ("multigraph", False),
        ("graph", graph),
        ("nodes", nodes()),
        ("edges", edges()),
    )
    return document(members)


def write_json(amap: ArgMap, path: str | os.PathLike[str]) -> None:
    """Write the map's node-link JSON to ``path`` (atomically, as it is generated)."""
    from argmap.output import write

    write(path, generate_json(amap))


def _span(span: Span) -> dict[str, Any]:
    return {"path": span.path, "line": span.line, "column": span.column}


def _optional_span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else _span(span)


def _party(party: Party) -> dict[str, Any]:
    return {"name": party.name, "role": party.role, "color": party.color, **_span(party.span)}


def _source(source: Source) -> dict[str, Any]:
    return {
        "title": source.title,
        "author": source.author,
        "date": source.date,
        "url": source.url,
        "text": source.text,
        **_span(source.span),
    }


def _claim_node(claim: Claim) -> dict[str, Any]:
    """A claim's node: the graph's attributes, its citations and spans in full, its id."""
    from argmap.graph import claim_attributes

    node = claim_attributes(claim)
    node["cite"] = [_citation(c) for c in claim.cite]
    node["spans"] = {
        "party": _optional_span(claim.party_span),
        "against": _optional_span(claim.against_span),
        "ignore": {i.code: _span(i.span) for i in claim.ignore},
    }
    node["id"] = claim.id
    return node


def _citation(cite: Citation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source": cite.source,
        "quote": cite.quote,
        "at": cite.at,
        **_span(cite.span),
        "quote_span": _optional_span(cite.quote_span),
    }
    if cite.by is not None:
        out["by"] = cite.by
        out["by_span"] = _optional_span(cite.by_span)
    return out


def read_json(text: str, path: str = "<json>") -> tuple[ArgMap, list[Finding]]:
    """The ``ArgMap`` of argmap's node-link JSON, and findings (none: the format says
    everything a map holds); ``NotArgmapJSONError`` if it is not such a document."""
    data = parse_json(text, path, NotArgmapJSONError)
    graph = data.get("graph") if isinstance(data, dict) else None
    if not isinstance(graph, dict) or graph.get("format") != FORMAT:
        raise NotArgmapJSONError(
            f"{path}: not argmap node-link JSON (no graph.format {FORMAT!r}); "
            "write it with 'argmap export --to json'"
        )
    try:
        return _Reader(data, path).read(), []
    except NotArgmapJSONError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise NotArgmapJSONError(f"{path}: malformed argmap node-link JSON: {exc!r}") from None


class _Reader:
    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data = data
        self.path = path
        self.graph: dict[str, Any] = data["graph"]

    def span(self, item: dict[str, Any] | None, default: Span | None = None) -> Span:
        if not item or not isinstance(item.get("path"), str):
            return default or Span(self.path, 1, 1)
        return Span(item["path"], int(item.get("line", 1)), int(item.get("column", 1)))

    def optional_span(self, item: dict[str, Any] | None) -> Span | None:
        return self.span(item) if item else None

    def read(self) -> ArgMap:
        self.check_ids()
        nodes = {node["id"]: node for node in self.data["nodes"]}
        outgoing: dict[str, list[dict[str, Any]]] = {}
        for edge in self.data["edges"]:
            outgoing.setdefault(edge["source"], []).append(edge)
        claims = [
            self.claim(node, outgoing.get(node["id"], []), nodes)
            for node in self.data["nodes"]
            if node.get("type") == "claim"
        ]
        root = self.graph.get("root") or os.path.dirname(self.path) or "."
        infos: tuple[MapInfo, ...] = ()
        if self.graph.get("title") is not None or self.graph.get("description") is not None:
            infos = (
                MapInfo(
                    self.graph.get("title"),
                    self.graph.get("description"),
                    self.span(self.graph.get("map_span")),
                ),
            )
        parties = tuple(
            Party(pid, p["name"], self.span(p), p.get("role"), p.get("color"))
            for pid, p in self.graph.get("parties", {}).items()
        )
        sources = tuple(
            Source(
                id=sid,
                title=s["title"],
                span=(span := self.span(s)),
                base_dir=os.path.dirname(span.path),
                root=root,
                author=s.get("author"),
                date=s.get("date"),
                url=s.get("url"),
                text=s.get("text"),
            )
            for sid, s in self.graph.get("sources", {}).items()
        )
        return ArgMap(
            root=root,
            files=(),
            claims=tuple(claims),
            parties=parties,
            sources=sources,
            infos=infos,
        )

    def check_ids(self) -> None:
        """Refuse claim, party and source ids that are not ids: they name files and claims."""
        named: list[tuple[str, Any]] = []
        for node in self.data["nodes"]:
            if node.get("type") == "claim":
                named += [("claim id", node["id"]), ("party", node.get("party"))]
                if node.get("against") is not None:
                    named.append(("against", node["against"]))
        named += [("party id", p) for p in self.graph.get("parties", {})]
        named += [("source id", s) for s in self.graph.get("sources", {})]
        for what, value in named:
            if not (isinstance(value, str) and ID_RE.fullmatch(value)):
                raise NotArgmapJSONError(
                    f"{self.path}: {what} {value!r} is not a valid id "
                    "(letters, digits, '_', '.', '-', starting with a letter or digit)"
                )

    def claim(
        self, node: dict[str, Any], edges: list[dict[str, Any]], nodes: dict[str, Any]
    ) -> Claim:
        span = self.span(node)
        supports: list[Ref] = []
        rebuts: list[Ref] = []
        undercuts: list[Undercut] = []
        for edge in edges:
            relation = edge.get("relation")
            if relation in ("supports", "rebuts"):
                ref = Ref(str(edge["target"]), self.span(edge, span))
                (supports if relation == "supports" else rebuts).append(ref)
            elif relation == "undercuts":
                inference = nodes[edge["target"]]
                undercuts.append(
                    Undercut(inference["source"], inference["target"], self.span(edge, span))
                )
        spans = node.get("spans") or {}
        ignore_spans = spans.get("ignore") or {}
        kind = node.get("kind", "claim")
        if kind not in CLAIM_KINDS:
            raise ValueError(f"claim {node['id']!r} has kind {kind!r}")
        return Claim(
            id=str(node["id"]),
            text=node["text"],
            party=node["party"],
            span=span,
            kind=kind,
            against=node.get("against"),
            supports=tuple(supports),
            rebuts=tuple(rebuts),
            undercuts=tuple(undercuts),
            cite=tuple(
                Citation(
                    c["source"],
                    self.span(c, span),
                    c.get("quote"),
                    c.get("at"),
                    self.optional_span(c.get("quote_span")),
                    by=c.get("by"),
                    by_span=self.optional_span(c.get("by_span")),
                )
                for c in node.get("cite", [])
            ),
            tags=tuple(node.get("tags", [])),
            note=node.get("note"),
            ignore=tuple(
                Ignore(code, reason, self.span(ignore_spans.get(code), span))
                for code, reason in node.get("ignore", {}).items()
            ),
            party_span=self.optional_span(spans.get("party")),
            against_span=self.optional_span(spans.get("against")),
        )
