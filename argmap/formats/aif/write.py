"""The map in the Argument Interchange Format (AIF JSON, as AIFdb and OVA write it).

Every claim becomes an I-node; who says it becomes an L-node ("Party : text"), a
locution naming the party as ``personID`` and a YA-node ("Asserting") from the L-
to the I-node, with the parties listed as ``participants``. Each relation of
``argmap.relations`` gets its own RA-node (support: I → RA → I) or CA-node
(rebuttal: I → CA → I), and an undercut a CA-node aimed at that relation's RA or CA
(I → CA → RA). A quote whose citation names its speaker (``by``) becomes an L-node
("Speaker : quote") with a locution naming that party.

AIF has no place for a claim's id, kind, tags, note, citations or acknowledgements,
nor for a party's id, role and colour, the map's title or its sources: they travel
in argmap's extension object (``AIF`` in this package names its keys and version),
which AIF tools ignore and ``argmap import aif`` reads back. Node ids are numbers
written as strings, as AIFdb does.

The document is written as it is generated (nodes, then edges, then locutions, a
walk of the records each), never held whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any

from argmap.formats.aif import AIF
from argmap.formats.jsontext import Texts, document, indented
from argmap.formats.links import links
from argmap.model import ArgMap, Citation, Claim, Party, Source
from argmap.relations import Relations, relations_of

Node = tuple[str, str, str, dict[str, Any] | None, str | None]
"""(nodeID, type, text, argmap extension or None, the party an L-node names)."""


class _Walk:
    """The map's AIF nodes, edges and locutions, numbered the same on every walk."""

    def __init__(self, amap: ArgMap) -> None:
        self.amap = amap
        self.relations: Relations = relations_of(amap)
        self.parties = _participants(amap)
        self.claims = list(amap.claim_by_id.values())
        self.i_nodes = {claim.id: str(index) for index, claim in enumerate(self.claims, start=1)}
        self.undercut = set(self.relations.undercut_relations())
        self._scheme_count = -1  # known after a walk of the schemes

    def i_node(self, claim_id: str) -> str:
        return self.i_nodes[claim_id]

    def nodes(self) -> Iterator[str]:
        """Each node's JSON text."""
        for node_id, node_type, text, extension, _ in self.walk():
            yield _node_text(node_id, node_type, text, extension)

    def edges(self) -> Iterator[str]:
        """Each edge's JSON text."""
        for number, (source, target) in enumerate(self.walk_edges(), start=1):
            yield _edge_text(number, source, target)

    def locutions(self) -> Iterator[str]:
        """A locution per L-node (JSON text), numbered as ``walk`` numbers them (without
        walking it)."""
        count = len(self.claims)
        for number, claim in enumerate(self.claims):
            person = self.parties[claim.party]["participantID"]
            yield _locution_text(count + 2 * number + 1, person)
        if self._scheme_count < 0:
            for _ in self._scheme_walk(3 * count):
                pass
        count = 3 * count + self._scheme_count
        for number, (_, cite) in enumerate(self._quotes(), start=1):
            person = self.parties[cite.by or ""]["participantID"]
            yield _locution_text(count + number, person)

    def walk(self) -> Iterator[Node]:
        """Every node in order."""
        for claim in self.claims:
            yield self.i_node(claim.id), "I", claim.text, _claim_extension(claim), None
        count = len(self.claims)
        for claim in self.claims:
            participant = self.parties[claim.party]
            speaker = participant["firstname"]
            yield str(count + 1), "L", AIF.locution_text(speaker, claim.text), None, claim.party
            yield str(count + 2), "YA", AIF.YA_TEXT, None, None
            count += 2
        yield from self._schemes(count)

    def _schemes(self, count: int) -> Iterator[Node]:
        for _, _, node_id, kind, _ in self._scheme_walk(count):
            yield node_id, kind, AIF.RA_TEXT if kind == "RA" else AIF.CA_TEXT, None, None
        count += self._scheme_count
        for claim, cite in self._quotes():
            count += 1
            by, quote = cite.by or "", cite.quote or ""
            text = AIF.locution_text(self.parties[by]["firstname"], quote)
            yield str(count), "L", text, {AIF.QUOTE_OF: claim.id}, by

    def _scheme_walk(self, count: int) -> Iterator[tuple[str, str, str, str, str]]:
        """(from, to, scheme id, RA|CA, relation) for each relation, then each undercut."""
        schemes: dict[tuple[str, str], str] = {}
        for claim in self.claims:
            for link in links(claim, self.relations):
                if link.relation == "undercuts":
                    continue
                count += 1
                scheme = str(count)
                if (link.source, link.target) in self.undercut:
                    schemes[link.source, link.target] = scheme
                kind = "RA" if link.relation == "supports" else "CA"
                yield self.i_node(claim.id), self.i_node(link.target), scheme, kind, link.relation
        for claim in self.claims:
            for undercut in claim.undercuts:
                target = schemes.get((undercut.source, undercut.target))
                if target is None or claim.id in (undercut.source, undercut.target):
                    continue
                count += 1
                yield self.i_node(claim.id), target, str(count), "CA", "undercuts"
        self._scheme_count = count - len(self.claims) * 3

    def walk_edges(self) -> Iterator[tuple[str, str]]:
        count = len(self.claims)
        for claim in self.claims:
            yield str(count + 1), str(count + 2)
            yield str(count + 2), self.i_node(claim.id)
            count += 2
        for source, target, scheme, _, _ in self._scheme_walk(count):
            yield source, scheme
            yield scheme, target

    def _quotes(self) -> Iterator[tuple[Claim, Citation]]:
        """Each quote whose speaker a citation names, with the claim citing it."""
        for claim in self.claims:
            for cite in claim.cite:
                if cite.by is not None and cite.quote and cite.by in self.parties:
                    yield claim, cite


# The texts of nodes, edges and locutions, byte for byte what ``indented(record, 2)``
# writes (a test compares them): their ids are numbers written as strings, their types
# plain words, so only a node's text and extension need escaping.


def _node_text(node_id: str, node_type: str, text: str, extension: dict[str, Any] | None) -> str:
    head = (
        f'{{\n      "nodeID": "{node_id}",\n      "text": {encode_basestring(text)},'
        f'\n      "type": "{node_type}"'
    )
    if extension is None:
        return head + "\n    }"
    return f"{head},\n      {_EXTENSION_KEY}: {indented(extension, 3)}\n    }}"


_EXTENSION_KEY = encode_basestring(AIF.EXTENSION)


def _edge_text(number: int, source: str, target: str) -> str:
    return (
        f'{{\n      "edgeID": "{number}",\n      "fromID": "{source}",'
        f'\n      "toID": "{target}",\n      "formEdgeID": null\n    }}'
    )


def _locution_text(node: int, person: int) -> str:
    return f'{{\n      "nodeID": "{node}",\n      "personID": {person}\n    }}'


def generate_aif(amap: ArgMap) -> Iterator[str]:
    """The map as AIF JSON text, a part at a time (see the module documentation)."""
    walk = _Walk(amap)
    members = (
        ("nodes", Texts(walk.nodes())),
        ("edges", Texts(walk.edges())),
        ("locutions", Texts(walk.locutions())),
        ("participants", list(walk.parties.values())),
        (AIF.EXTENSION, _map_extension(amap)),
    )
    return document(members)


def write_aif(amap: ArgMap, path: str | os.PathLike[str]) -> None:
    """Write the map's AIF JSON to ``path`` (atomically, as it is generated)."""
    from argmap.output import write

    write(path, generate_aif(amap))


def _participants(amap: ArgMap) -> dict[str, dict[str, Any]]:
    """A participant per party, and per party id that claims use without declaring."""
    declared = list(amap.party_by_id.values())
    used = [c.party for c in amap.claim_by_id.values() if c.party not in amap.party_by_id]
    parties: dict[str, dict[str, Any]] = {}
    everyone: list[Party | str] = [*declared, *dict.fromkeys(used)]
    for party in everyone:
        party_id = party.id if isinstance(party, Party) else party
        number = len(parties) + 1
        extension: dict[str, Any] = {"id": party_id}
        name = party_id or "No party"
        if isinstance(party, Party):
            name = party.name
            extension.update(_present(role=party.role, color=party.color))
        else:
            extension["declared"] = False
        parties[party_id] = {
            "participantID": number,
            "firstname": name,
            "surname": "",
            AIF.EXTENSION: extension,
        }
    return parties


def _claim_extension(claim: Claim) -> dict[str, Any]:
    extension: dict[str, Any] = {"id": claim.id}
    if claim.kind != "claim":
        extension["kind"] = claim.kind
    extension.update(_present(against=claim.against, note=claim.note))
    if claim.tags:
        extension["tags"] = list(claim.tags)
    if claim.cite:
        extension["cite"] = [
            _present(source=c.source, quote=c.quote, at=c.at, by=c.by) for c in claim.cite
        ]
    if claim.ignore:
        extension["ignore"] = {i.code: i.reason for i in claim.ignore}
    return extension


def _map_extension(amap: ArgMap) -> dict[str, Any]:
    extension: dict[str, Any] = {"version": AIF.VERSION}
    if amap.info is not None:
        extension["map"] = _present(title=amap.info.title, description=amap.info.description)
    if amap.source_by_id:
        extension["sources"] = {s.id: _source(s) for s in amap.source_by_id.values()}
    return extension


def _source(source: Source) -> dict[str, Any]:
    values = _present(title=source.title, author=source.author, date=source.date, url=source.url)
    if source.text is not None:
        values.update(text=source.text, path=source.span.path)
    return values


def _present(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
