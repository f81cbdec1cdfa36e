"""The map in the Argument Interchange Format (AIF JSON, as AIFdb and OVA write it).

Every claim becomes an I-node; who says it becomes an L-node ("Party : text"), a
locution naming the party as ``personID`` and a YA-node ("Asserting") from the L-
to the I-node, with the parties listed as ``participants``. Each ``supports`` gets
its own RA-node (I → RA → I), each ``rebuts`` its own CA-node (I → CA → I), and an
undercut a CA-node aimed at that relation's RA or CA (I → CA → RA).

AIF has no place for a claim's id, kind, tags, note, citations or acknowledgements,
nor for a party's id, role and colour, the map's title or its sources: they travel
in an ``argmap`` object on the nodes, on the participants and at the top level,
which AIF tools ignore and ``argmap import aif`` reads back. Node ids are numbers
written as strings, as AIFdb does.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgMap, Claim, Party

RA_TEXT = "Default Inference"
CA_TEXT = "Default Conflict"
YA_TEXT = "Asserting"


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []

    def node(self, node_type: str, text: str, **extra: Any) -> str:
        node_id = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": node_id, "text": text, "type": node_type, **extra})
        return node_id

    def edge(self, source: str, target: str) -> None:
        edge_id = str(len(self.edges) + 1)
        self.edges.append({"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None})


def generate_aif(amap: ArgMap) -> str:
    """The map as AIF JSON text (see the module documentation)."""
    build = _Builder()
    parties = _participants(amap)
    i_nodes: dict[str, str] = {}
    for claim in amap.claim_by_id.values():
        i_nodes[claim.id] = build.node("I", claim.text, argmap=_claim_extension(claim))
    for claim in amap.claim_by_id.values():
        participant = parties[claim.party]
        l_node = build.node("L", f"{participant['firstname']} : {claim.text}")
        build.locutions.append({"nodeID": l_node, "personID": participant["participantID"]})
        ya_node = build.node("YA", YA_TEXT)
        build.edge(l_node, ya_node)
        build.edge(ya_node, i_nodes[claim.id])
    schemes: dict[tuple[str, str], str] = {}
    for claim in amap.claim_by_id.values():
        for kind, refs in (("RA", claim.supports), ("CA", claim.rebuts)):
            for ref in refs:
                key = (claim.id, ref.target)
                if ref.target not in i_nodes or ref.target == claim.id or key in schemes:
                    continue
                scheme = build.node(kind, RA_TEXT if kind == "RA" else CA_TEXT)
                schemes[key] = scheme
                build.edge(i_nodes[claim.id], scheme)
                build.edge(scheme, i_nodes[ref.target])
    for claim in amap.claim_by_id.values():
        for undercut in claim.undercuts:
            target = schemes.get((undercut.source, undercut.target))
            if target is None or claim.id in (undercut.source, undercut.target):
                continue
            scheme = build.node("CA", CA_TEXT)
            build.edge(i_nodes[claim.id], scheme)
            build.edge(scheme, target)
    document: dict[str, Any] = {
        "nodes": build.nodes,
        "edges": build.edges,
        "locutions": build.locutions,
        "participants": list(parties.values()),
        "argmap": _map_extension(amap),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


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
            "argmap": extension,
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
        extension["cite"] = [_present(source=c.source, quote=c.quote, at=c.at) for c in claim.cite]
    if claim.ignore:
        extension["ignore"] = {i.code: i.reason for i in claim.ignore}
    return extension


def _map_extension(amap: ArgMap) -> dict[str, Any]:
    extension: dict[str, Any] = {"version": 1}
    if amap.info is not None:
        extension["map"] = _present(title=amap.info.title, description=amap.info.description)
    if amap.source_by_id:
        extension["sources"] = {
            s.id: _present(title=s.title, author=s.author, date=s.date, url=s.url)
            for s in amap.source_by_id.values()
        }
    return extension


def _present(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
