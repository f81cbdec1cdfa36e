"""AIF JSON (AIFdb, OVA, xAIF) to an ``ArgMap``, with findings for what does not map.

What maps to what (docs/interchange.md has the full table):

- an I-node is a claim ``aif-<nodeID>`` (its note names the node); a node written
  by ``argmap export --to aif`` carries an ``argmap`` object that restores the
  claim's id, kind, tags, note and citations;
- L → YA → I gives the claim's speaker: the locution's ``personID`` (named by the
  ``participants`` list), else the "Speaker : text" of the L-node; a claim nobody
  says belongs to the party ``unknown``;
- I → RA → I is ``supports``; several premises (a linked argument) become one
  ``supports`` each, tagged ``aif-linked-<RA id>`` and noted;
- I → CA → I is ``rebuts``; I → CA → RA and I → CA → CA (aimed at a rebuttal) are
  undercuts of the relations that RA or CA stands for;
- MA (rephrase) and PA (preference) between I-nodes are kept as notes.

What v1 cannot say (an attack on an undercut, an RA aimed at an inference, a PA
between inferences) and what is broken (dangling edges, nodes without text or id,
schemes without premise or conclusion) is left out and reported as a finding
``AIF0xx`` naming the node or edge ids, at the node's line and column in the file.
TA, YA and L nodes that only describe the dialogue are reported once per type.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from argmap.findings import Finding, Rule
from argmap.formats.aif import AIF
from argmap.formats.jsontext import parse_json
from argmap.formats.naming import UniqueNames
from argmap.model import (
    CLAIM_KINDS,
    ArgMap,
    Citation,
    Claim,
    ClaimKind,
    Ignore,
    MapInfo,
    Party,
    Ref,
    Source,
    Span,
    Undercut,
)
from argmap.schema import COLOR_PATTERN, ID_PATTERN

NODE_TYPES = frozenset({"I", "L", "RA", "CA", "MA", "PA", "YA", "TA"})
SCHEMES = frozenset({"RA", "CA", "MA", "PA"})
UNKNOWN_PARTY = "unknown"
_ID_RE = re.compile(ID_PATTERN)
_COLOR_RE = re.compile(COLOR_PATTERN)
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


BAD_NODE = Rule("AIF001", "bad-node", "error", "A node without a usable id or type.")
NO_TEXT = Rule("AIF002", "no-text", "error", "An I-node without text: not imported.")
BAD_EDGE = Rule("AIF003", "dangling-edge", "error", "An edge to or from a missing node.")
INCOMPLETE = Rule(
    "AIF004",
    "incomplete-scheme",
    "error",
    "An RA, CA, MA or PA node without one premise and one conclusion.",
)
INEXPRESSIBLE = Rule(
    "AIF005", "inexpressible", "error", "A structure claim files (v1) cannot say: left out."
)
LINKED = Rule(
    "AIF006",
    "linked-argument",
    "warning",
    "Several premises of one RA or CA, split into relations.",
)
AS_NOTE = Rule("AIF007", "kept-as-note", "warning", "An MA or PA node, kept as notes.")
NO_SPEAKER = Rule(
    "AIF008", "no-speaker", "warning", "I-nodes that no locution asserts: party 'unknown'."
)
DIALOGUE = Rule(
    "AIF009", "dialogue-only", "warning", "Nodes that describe only the dialogue: not imported."
)
DUPLICATE_TEXT = Rule(
    "AIF010", "duplicate-text", "warning", "I-nodes with the same text: both kept."
)
SPEAKERS = Rule("AIF011", "several-speakers", "warning", "An I-node asserted by several speakers.")
DUPLICATE_RELATION = Rule(
    "AIF012", "duplicate-relation", "warning", "The same relation twice: kept once."
)
EXTENSION = Rule(
    "AIF013", "bad-extension", "warning", "An 'argmap' object that could not be used in full."
)
STRAY_EDGE = Rule("AIF014", "stray-edge", "error", "An edge that no AIF structure explains.")

RULES = (
    BAD_NODE, NO_TEXT, BAD_EDGE, INCOMPLETE, INEXPRESSIBLE, LINKED, AS_NOTE, NO_SPEAKER,
    DIALOGUE, DUPLICATE_TEXT, SPEAKERS, DUPLICATE_RELATION, EXTENSION, STRAY_EDGE,
)  # fmt: skip


class NotAIFError(ValueError):
    """A document that is not AIF JSON at all (a usage error, exit 2)."""


def read_aif(text: str, path: str) -> tuple[ArgMap, list[Finding]]:
    """The map an AIF JSON document describes, and what could not be imported."""
    data = parse_json(text, path, NotAIFError)
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # xAIF wraps the AIF part
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise NotAIFError(
            f"{path}: not AIF JSON: expected an object with a 'nodes' list "
            "(and 'edges', 'locutions')"
        )
    nodes = data["nodes"]
    if nodes and not any(isinstance(n, dict) and "nodeID" in n and "type" in n for n in nodes):
        raise NotAIFError(f"{path}: not AIF JSON: no node has a 'nodeID' and a 'type'")
    for key in ("edges", "locutions", "participants"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise NotAIFError(f"{path}: not AIF JSON: '{key}' must be a list")
    try:
        return _Importer(data, text, path).run()
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
        # a field of a shape no AIF tool writes, that no check above foresaw
        raise NotAIFError(f"{path}: malformed AIF JSON: {_what(exc)}") from None


def _what(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def speaker_of(text: str) -> str | None:
    """The speaker an L-node's text names ("Name : words", the name at most 80
    characters on one line), or None. Linear in the text, whatever it holds."""
    head, colon, words = text.partition(":")
    name = head.strip()
    if not colon or not name or len(name) > 80 or "\n" in name:
        return None
    if not words[:1].isspace() or not words.strip():
        return None
    return name


def node_key(value: Any) -> str | None:
    """An AIF id as a string: ``12``, ``12.0`` and ``"12"`` are the same id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


class _Positions:
    """Line and column of each ``nodeID`` and ``edgeID`` in the raw text, in one scan."""

    _RE = re.compile(r'"(nodeID|edgeID)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)')

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.offsets: dict[tuple[str, str], list[int]] = {}
        for match in self._RE.finditer(text):
            try:
                key = node_key(json.loads(match.group(2)))
            except ValueError:
                continue
            if key is not None:
                self.offsets.setdefault((match.group(1), key), []).append(match.start())

    def span(self, kind: str, key: str | None, occurrence: int = 0) -> Span:
        """Where the ``occurrence``-th ``"nodeID"`` (or ``"edgeID"``) ``key`` is written."""
        offsets = self.offsets.get((kind, key), []) if key is not None else []
        if not offsets:
            return Span(self.path, 1, 1)
        offset = offsets[min(occurrence, len(offsets) - 1)]
        line = bisect.bisect_right(self.line_starts, offset)
        return Span(self.path, line, offset - self.line_starts[line - 1] + 1)


@dataclass
class _Node:
    key: str
    type: str
    text: str | None
    raw: dict[str, Any]
    span: Span


@dataclass
class _Edge:
    key: str
    source: str
    target: str
    span: Span


@dataclass
class _ClaimDraft:
    node: _Node
    id: str = ""
    party: str = UNKNOWN_PARTY
    kind: ClaimKind = "claim"
    against: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cite: list[Citation] = field(default_factory=list)
    ignore: list[Ignore] = field(default_factory=list)
    supports: dict[str, Span] = field(default_factory=dict)
    rebuts: dict[str, Span] = field(default_factory=dict)
    undercuts: dict[tuple[str, str], Span] = field(default_factory=dict)


class _Importer:
    def __init__(self, data: dict[str, Any], text: str, path: str) -> None:
        self.data = data
        self.path = path
        self.positions = _Positions(text, path)
        self.findings: list[Finding] = []
        self.nodes: dict[str, _Node] = {}
        self.edges: list[_Edge] = []
        self.incoming: dict[str, list[_Edge]] = {}
        self.outgoing: dict[str, list[_Edge]] = {}
        self.consumed: set[int] = set()
        self.speaking: set[str] = set()
        self.used_participants: list[
            dict[str, Any]
        ] = []  # the L and YA nodes that give claims their speakers
        self.claims: dict[str, _ClaimDraft] = {}
        extension = data.get(AIF.EXTENSION)
        self.extension: dict[str, Any] = extension if isinstance(extension, dict) else {}
        self.party_ids = UniqueNames([UNKNOWN_PARTY])

    # -- reporting ---------------------------------------------------------------

    def report(self, rule: Rule, message: str, span: Span, claim: str | None = None) -> None:
        self.findings.append(rule.finding(message, span, claim))

    def drop(self, rule: Rule, message: str, node: _Node, claim: str | None = None) -> None:
        """Report ``node`` as left out; its edges need no report of their own."""
        self.report(rule, message, node.span, claim)
        for edge in (*self.incoming.get(node.key, []), *self.outgoing.get(node.key, [])):
            self.consume(edge)

    def node_span(self, key: str | None) -> Span:
        return self.positions.span("nodeID", key)

    # -- the run -----------------------------------------------------------------

    def run(self) -> tuple[ArgMap, list[Finding]]:
        self.read_nodes()
        self.read_edges()
        self.make_claims()
        parties = self.assign_speakers()
        self.add_silent_parties(parties)
        relations = self.read_schemes()
        self.read_undercuts(relations)
        self.read_quotes()
        self.report_dialogue()
        self.report_stray_edges()
        self.report_duplicate_texts()
        sources = self.sources()
        self.apply_extensions(parties, sources)
        claims = tuple(self.build_claim(draft) for draft in self.claims.values())
        amap = ArgMap(
            root=str(PurePath(self.path).parent),
            files=(),
            claims=claims,
            parties=tuple(parties.values()),
            sources=tuple(sources.values()),
            infos=(self.map_info(),),
        )
        findings = sorted(self.findings, key=Finding.sort_key)
        return amap, findings

    # -- nodes and edges ---------------------------------------------------------

    def read_nodes(self) -> None:
        for index, raw in enumerate(self.data["nodes"]):
            if not isinstance(raw, dict):
                self.report(
                    BAD_NODE, f"node number {index + 1} is not an object", self.node_span(None)
                )
                continue
            key = node_key(raw.get("nodeID"))
            if key is None:
                self.report(
                    BAD_NODE,
                    f"node number {index + 1} has no usable nodeID ({raw.get('nodeID')!r})",
                    self.node_span(None),
                )
                continue
            span = self.node_span(key)
            node_type = raw.get("type")
            node_type = node_type.strip().upper() if isinstance(node_type, str) else None
            if node_type not in NODE_TYPES:
                self.report(
                    BAD_NODE,
                    f"node {key} has type {raw.get('type')!r}, not one of "
                    f"{', '.join(sorted(NODE_TYPES))}; left out",
                    span,
                )
                continue
            if key in self.nodes:
                self.report(
                    BAD_NODE,
                    f"node {key} is defined twice; the second one is left out",
                    self.positions.span("nodeID", key, occurrence=1),
                )
                continue
            text = raw.get("text")
            self.nodes[key] = _Node(
                key, node_type, text if isinstance(text, str) else None, raw, span
            )

    def read_edges(self) -> None:
        edges = self.data.get("edges") or []
        seen: set[tuple[str, str]] = set()
        for index, raw in enumerate(edges):
            if not isinstance(raw, dict):
                self.report(
                    BAD_EDGE, f"edge number {index + 1} is not an object", self.node_span(None)
                )
                continue
            key = node_key(raw.get("edgeID")) or f"#{index + 1}"
            span = self.positions.span("edgeID", key)
            source, target = node_key(raw.get("fromID")), node_key(raw.get("toID"))
            missing = [
                f"{end} {value!r}" if value is not None else f"no {end}"
                for end, value in (("fromID", source), ("toID", target))
                if value is None or value not in self.nodes
            ]
            if missing:
                self.report(
                    BAD_EDGE,
                    f"edge {key} names a missing node ({', '.join(missing)}); left out",
                    span,
                )
                continue
            assert source is not None and target is not None
            if (source, target) in seen:
                continue
            seen.add((source, target))
            edge = _Edge(key, source, target, span)
            self.edges.append(edge)
            self.outgoing.setdefault(source, []).append(edge)
            self.incoming.setdefault(target, []).append(edge)

    def consume(self, edge: _Edge) -> None:
        self.consumed.add(id(edge))

    def of_type(self, edges: Iterable[_Edge], types: Iterable[str], end: str) -> list[_Edge]:
        wanted = set(types)
        return [e for e in edges if self.nodes[getattr(e, end)].type in wanted]

    # -- claims ------------------------------------------------------------------

    def make_claims(self) -> None:
        wanted: dict[str, str] = {}
        for node in self.nodes.values():
            if node.type != "I":
                continue
            if node.text is None or not node.text.strip():
                self.report(
                    NO_TEXT,
                    f"I-node {node.key} has no text; left out with its relations",
                    node.span,
                )
                continue
            draft = _ClaimDraft(node)
            ext = node.raw.get("argmap")
            ext_id = ext.get("id") if isinstance(ext, dict) else None
            if isinstance(ext_id, str) and _ID_RE.fullmatch(ext_id) and ext_id not in wanted:
                wanted[ext_id] = node.key
            self.claims[node.key] = draft
        taken = UniqueNames(wanted)
        for key, draft in self.claims.items():
            ext = draft.node.raw.get("argmap")
            ext_id = ext.get("id") if isinstance(ext, dict) else None
            if isinstance(ext_id, str) and wanted.get(ext_id) == key:
                draft.id = ext_id
                continue
            draft.id = taken.unique(f"aif-{_UNSAFE.sub('-', key)}")
            draft.notes.append(f"AIF I-node {key}.")

    # -- speakers ----------------------------------------------------------------

    def assign_speakers(self) -> dict[str, Party]:
        people = self.people()
        persons: dict[str, str] = {}
        for raw in self.data.get("locutions") or []:
            if isinstance(raw, dict):
                l_key, person = node_key(raw.get("nodeID")), node_key(raw.get("personID"))
                if l_key is not None and person is not None:
                    persons.setdefault(l_key, person)
        parties: dict[str, Party] = {}
        party_of: dict[tuple[str, str], str] = {}
        silent: list[str] = []
        for key, draft in self.claims.items():
            speakers: dict[tuple[str, str], tuple[str, str | None, dict[str, Any] | None]] = {}
            for ya_edge in self.of_type(self.incoming.get(key, []), ["YA"], "source"):
                l_edges = self.of_type(self.incoming.get(ya_edge.source, []), ["L"], "source")
                if not l_edges:
                    continue
                self.consume(ya_edge)
                self.speaking.add(ya_edge.source)
                for l_edge in l_edges:
                    self.consume(l_edge)
                    self.speaking.add(l_edge.source)
                    name, person, participant = self.speaker(l_edge.source, persons, people)
                    identity = ("person", person) if person is not None else ("name", name)
                    speakers.setdefault(identity, (name, person, participant))
            if not speakers:
                silent.append(key)
                continue
            identity, (name, person, participant) = next(iter(speakers.items()))
            if participant is not None:
                self.used_participants.append(participant)
            if identity not in party_of:
                party = self.new_party(name, person, participant, parties)
                parties[party.id] = party
                party_of[identity] = party.id
            draft.party = party_of[identity]
            if len(speakers) > 1:
                others = ", ".join(s[0] for s in list(speakers.values())[1:])
                draft.notes.append(f"Also said by: {others}.")
                self.report(
                    SPEAKERS,
                    f"I-node {key} is asserted by {len(speakers)} speakers; party "
                    f"{draft.party!r}, the others ({others}) named in its note",
                    draft.node.span,
                    draft.id,
                )
        if silent:
            parties[UNKNOWN_PARTY] = Party(
                UNKNOWN_PARTY,
                "Unknown speaker",
                self.node_span(silent[0]),
                role="the AIF file names no speaker for these claims",
            )
            self.report(
                NO_SPEAKER,
                f"{len(silent)} I-node(s) have no locution saying them; they belong to the "
                f"party '{UNKNOWN_PARTY}': {_ids(silent)}",
                self.node_span(silent[0]),
            )
        return parties

    def add_silent_parties(self, parties: dict[str, Party]) -> None:
        """Parties argmap exported that say nothing; drop those it never declared."""
        known = {id(p) for p in self.used_participants}
        for participant in self.people().values():
            ext = participant.get("argmap")
            if not isinstance(ext, dict) or id(participant) in known:
                continue
            name = participant.get("firstname")
            party = self.new_party(
                name if isinstance(name, str) and name else str(ext.get("id")),
                node_key(participant.get("participantID")),
                participant,
                parties,
            )
            parties[party.id] = party
        for participant in self.used_participants:
            ext = participant.get("argmap")
            if isinstance(ext, dict) and ext.get("declared") is False:
                parties.pop(str(ext.get("id")), None)

    def people(self) -> dict[str, dict[str, Any]]:
        people: dict[str, dict[str, Any]] = {}
        for raw in self.data.get("participants") or []:
            if isinstance(raw, dict):
                key = node_key(raw.get("participantID"))
                if key is not None:
                    people.setdefault(key, raw)
        return people

    def speaker(
        self, l_key: str, persons: dict[str, str], people: dict[str, dict[str, Any]]
    ) -> tuple[str, str | None, dict[str, Any] | None]:
        """(name, personID, participant) of the L-node ``l_key``."""
        person = persons.get(l_key)
        participant = people.get(person) if person is not None else None
        if participant is not None:
            exact = participant.get("firstname")
            if isinstance(participant.get("argmap"), dict) and isinstance(exact, str) and exact:
                return exact, person, participant  # written by argmap: the party's name as is
            parts = [participant.get("firstname"), participant.get("surname")]
            name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
            if name:
                return name, person, participant
        text = self.nodes[l_key].text or ""
        said_by = speaker_of(text)
        if said_by is not None:
            return said_by, person, participant
        if person is not None:
            return f"Person {person}", person, participant
        return "Unknown speaker", None, None

    def new_party(
        self,
        name: str,
        person: str | None,
        participant: dict[str, Any] | None,
        parties: dict[str, Party],
    ) -> Party:
        ext = participant.get("argmap") if participant else None
        ext = ext if isinstance(ext, dict) else {}
        wanted = ext.get("id")
        span = self.node_span(None)
        if isinstance(wanted, str) and _ID_RE.fullmatch(wanted) and wanted not in parties:
            party_id = wanted
            self.party_ids.take(wanted)
        else:
            slug = _UNSAFE.sub("-", name.lower()).strip("-._")
            number = _UNSAFE.sub("-", person or "").strip("-._")
            fallback = f"person-{number}" if number else "speaker"
            party_id = self.party_ids.unique(slug or fallback)
        role = ext.get("role") if isinstance(ext.get("role"), str) else None
        color = ext.get("color")
        color = color if isinstance(color, str) and _COLOR_RE.fullmatch(color) else None
        if role is None and not ext and person is not None:
            role = f"AIF person {person}"
        return Party(party_id, name if name.strip() else party_id, span, role, color)

    # -- schemes -----------------------------------------------------------------

    def read_schemes(self) -> dict[str, list[tuple[str, str]]]:
        """Supports and rebuttals; returns the (premise, conclusion) pairs per RA/CA."""
        relations: dict[str, list[tuple[str, str]]] = {}
        for node in self.nodes.values():
            if node.type not in SCHEMES:
                continue
            incoming = self.incoming.get(node.key, [])
            premises = self.of_type(incoming, ["I"], "source")
            targets = self.of_type(self.outgoing.get(node.key, []), ["I", *SCHEMES], "target")
            label = f"{node.type} node {node.key}"
            if node.type in ("RA", "CA") and targets and self.nodes[targets[0].target].type != "I":
                continue  # an attack or support aimed at an inference: see read_undercuts
            if not self.complete(node, label, premises, targets):
                continue
            conclusion_key = targets[0].target
            if self.nodes[conclusion_key].type != "I":
                self.drop(
                    INEXPRESSIBLE,
                    f"{label} relates I-nodes to {self.nodes[conclusion_key].type} node "
                    f"{conclusion_key}; claim files cannot say that; left out",
                    node,
                )
                continue
            conclusion = self.claims.get(conclusion_key)
            sources = [self.claims.get(e.source) for e in premises]
            if conclusion is None or None in sources:
                ends = [*(e.source for e in premises), conclusion_key]
                gone = _ids([k for k in ends if k not in self.claims])
                self.drop(
                    INCOMPLETE,
                    f"{label} relates I-nodes that were left out ({gone}); left out",
                    node,
                )
                continue
            for edge in (*premises, *targets):
                self.consume(edge)
            drafts = [s for s in sources if s is not None]
            if node.type == "MA":
                self.keep_as_note(node, drafts, conclusion, "restates")
                continue
            if node.type == "PA":
                self.keep_as_note(node, drafts, conclusion, "is preferred to")
                continue
            relations[node.key] = self.relate(node, drafts, conclusion)
        return relations

    def complete(
        self, node: _Node, label: str, premises: list[_Edge], targets: list[_Edge]
    ) -> bool:
        if not premises:
            self.drop(
                INCOMPLETE, f"{label} has no premise (no edge from an I-node); left out", node
            )
            return False
        if len(targets) != 1:
            self.drop(
                INCOMPLETE,
                f"{label} has {len(targets)} conclusions, not one; left out",
                node,
            )
            return False
        return True

    def relate(
        self, node: _Node, premises: list[_ClaimDraft], conclusion: _ClaimDraft
    ) -> list[tuple[str, str]]:
        kind = "supports" if node.type == "RA" else "rebuts"
        pairs: list[tuple[str, str]] = []
        for premise in premises:
            if premise is conclusion:
                self.drop(
                    INEXPRESSIBLE,
                    f"{node.type} node {node.key} makes I-node {premise.node.key} "
                    f"{kind[:-1]} itself; left out",
                    node,
                    premise.id,
                )
                continue
            relation = premise.supports if kind == "supports" else premise.rebuts
            if conclusion.id in relation:
                self.report(
                    DUPLICATE_RELATION,
                    f"{node.type} node {node.key} repeats {premise.id} {kind} {conclusion.id}; "
                    "kept once",
                    node.span,
                    premise.id,
                )
            else:
                relation[conclusion.id] = node.span
            pairs.append((premise.id, conclusion.id))
        if len(premises) > 1:
            tag = f"aif-linked-{_UNSAFE.sub('-', node.key)}"
            ids = ", ".join(p.id for p in premises)
            together = f"{', '.join(p.id for p in premises[:-1])} and {premises[-1].id}"
            for premise in premises:
                premise.tags.append(tag)
                premise.notes.append(
                    f"Linked premise (AIF {node.type} node {node.key}): together, {together} "
                    f"{kind[:-1]} {conclusion.id}."
                )
            self.report(
                LINKED,
                f"{node.type} node {node.key} links {len(premises)} premises ({ids}); imported as "
                f"{len(premises)} separate relations, tagged {tag}",
                node.span,
                conclusion.id,
            )
        return pairs

    def keep_as_note(
        self, node: _Node, premises: list[_ClaimDraft], conclusion: _ClaimDraft, verb: str
    ) -> None:
        what = "rephrase" if node.type == "MA" else "preference"
        for premise in premises:
            premise.notes.append(
                f"{premise.id} {verb} {conclusion.id} (AIF {node.type} node {node.key})."
            )
        conclusion.notes.append(
            f"{', '.join(p.id for p in premises)} {verb} {conclusion.id} "
            f"(AIF {node.type} node {node.key})."
        )
        self.report(
            AS_NOTE,
            f"{node.type} node {node.key} ({what}) has no place in claim files; kept in the notes "
            f"of {', '.join(p.id for p in premises)} and {conclusion.id}",
            node.span,
            conclusion.id,
        )

    def read_undercuts(self, relations: dict[str, list[tuple[str, str]]]) -> None:
        """CA nodes aimed at an RA or a CA; RA and PA nodes aimed at inferences."""
        for node in self.nodes.values():
            if node.type not in ("RA", "CA"):
                continue
            targets = self.of_type(self.outgoing.get(node.key, []), ["I", *SCHEMES], "target")
            if not targets or self.nodes[targets[0].target].type == "I":
                continue
            label = f"{node.type} node {node.key}"
            premises = self.of_type(self.incoming.get(node.key, []), ["I"], "source")
            if not self.complete(node, label, premises, targets):
                continue
            target = self.nodes[targets[0].target]
            if node.type == "RA":
                self.drop(
                    INEXPRESSIBLE,
                    f"{label} supports the inference of {target.type} node {target.key}; claim "
                    "files cannot say that (only claims are supported); left out",
                    node,
                )
                continue
            if target.key not in relations:
                aimed = [
                    e.target
                    for e in self.outgoing.get(target.key, [])
                    if self.nodes[e.target].type != "I"
                ]
                why = (
                    f"which attacks {self.nodes[aimed[0]].type} node {aimed[0]}: an attack on an "
                    "undercut, which claim files cannot say"
                    if target.type == "CA" and aimed
                    else "which was not imported"
                )
                self.drop(
                    INEXPRESSIBLE,
                    f"{label} attacks {target.type} node {target.key}, {why}; left out",
                    node,
                )
                continue
            undercutters = [self.claims.get(e.source) for e in premises]
            if None in undercutters:
                gone = _ids([e.source for e in premises if e.source not in self.claims])
                self.drop(
                    INCOMPLETE,
                    f"{label} starts from I-nodes that were left out ({gone}); left out",
                    node,
                )
                continue
            for edge in (*premises, *targets):
                self.consume(edge)
            for draft in (d for d in undercutters if d is not None):
                for source, conclusion in relations[target.key]:
                    if draft.id in (source, conclusion):
                        self.drop(
                            INEXPRESSIBLE,
                            f"{label} makes {draft.id} undercut its own relation "
                            f"{source} -> {conclusion}; left out",
                            node,
                            draft.id,
                        )
                        continue
                    draft.undercuts.setdefault((source, conclusion), node.span)
            if len(premises) > 1:
                ids = ", ".join(d.id for d in undercutters if d is not None)
                self.report(
                    LINKED,
                    f"{label} links {len(premises)} premises ({ids}); each undercuts on its own",
                    node.span,
                )

    # -- what is left ------------------------------------------------------------

    def report_dialogue(self) -> None:
        for node_type, what in (
            ("TA", "transitions between locutions"),
            ("YA", "illocutions not linking a locution to an I-node"),
            ("L", "locutions not linked to an I-node"),
        ):
            keys: list[str] = []
            for node in self.nodes.values():
                if node.type != node_type:
                    continue
                edges = [*self.incoming.get(node.key, []), *self.outgoing.get(node.key, [])]
                if node.key not in self.speaking:
                    keys.append(node.key)
                for edge in edges:
                    if node.key not in self.speaking or self.nodes[edge.source].type == "TA":
                        self.consume(edge)
            if keys:
                self.report(
                    DIALOGUE,
                    f"{len(keys)} {node_type} node(s) ({what}) describe the dialogue, which claim "
                    f"files do not record: {_ids(keys)}",
                    self.node_span(keys[0]),
                )

    def report_stray_edges(self) -> None:
        for edge in self.edges:
            if id(edge) in self.consumed:
                continue
            source, target = self.nodes[edge.source], self.nodes[edge.target]
            self.report(
                STRAY_EDGE,
                f"edge {edge.key} from {source.type} node {source.key} to {target.type} node "
                f"{target.key} is part of no structure argmap reads; left out",
                edge.span,
            )

    def report_duplicate_texts(self) -> None:
        first: dict[str, _ClaimDraft] = {}
        for draft in self.claims.values():
            if isinstance(draft.node.raw.get("argmap"), dict):
                continue  # a claim argmap exported: its own node, whatever its text
            text = " ".join((draft.node.text or "").split()).casefold()
            if text in first:
                self.report(
                    DUPLICATE_TEXT,
                    f"I-node {draft.node.key} has the same text (up to case and spacing) as I-node "
                    f"{first[text].node.key}; both kept ({draft.id}, {first[text].id})",
                    draft.node.span,
                    draft.id,
                )
            else:
                first[text] = draft

    # -- the argmap extension ----------------------------------------------------

    def check_version(self) -> None:
        """Say so when the extension is newer than this reader: what it added is lost."""
        version = self.extension.get("version")
        if not self.extension or (isinstance(version, int) and version <= AIF.VERSION):
            return
        self.report(
            EXTENSION,
            f"the file's '{AIF.EXTENSION}' object is version {str(version)[:20]}, newer than "
            f"the version {AIF.VERSION} this argmap reads: what later versions added is left "
            "out; upgrade argmap to import it in full",
            Span(self.path, 1, 1),
        )

    def read_quotes(self) -> None:
        """L-nodes argmap wrote for quotes whose speaker a citation names: read from the
        citations themselves (``by``), so they are no dialogue left out."""
        for node in self.nodes.values():
            ext = node.raw.get(AIF.EXTENSION)
            if node.type == "L" and isinstance(ext, dict) and AIF.QUOTE_OF in ext:
                self.speaking.add(node.key)

    def sources(self) -> dict[str, Source]:
        found: dict[str, Source] = {}
        self.check_version()
        raw = self.extension.get("sources")
        if not isinstance(raw, dict):
            return found
        root = str(PurePath(self.path).parent)
        for source_id, fields in raw.items():
            if not (_ID_RE.fullmatch(source_id) and isinstance(fields, dict)):
                continue
            title = fields.get("title") if isinstance(fields.get("title"), str) else source_id
            author, date, url = (
                fields[k] if isinstance(fields.get(k), str) else None
                for k in ("author", "date", "url")
            )
            text, declared = fields.get("text"), fields.get("path")
            text = text if isinstance(text, str) and text.strip() else None
            base = os.path.dirname(declared) if isinstance(declared, str) else root
            if text is not None and not os.path.isfile(os.path.join(base, text)):
                self.report(
                    EXTENSION,
                    f"source {source_id!r}: its text {text!r} is not found from here "
                    f"(written beside {declared if isinstance(declared, str) else self.path}); "
                    "its quotes cannot be checked until the path in map.yaml leads to it",
                    Span(self.path, 1, 1),
                )
            found[source_id] = Source(
                source_id,
                title or source_id,
                Span(declared if isinstance(declared, str) else self.path, 1, 1),
                base,
                root,
                author=author,
                date=date,
                url=url,
                text=text,
            )
        return found

    def apply_extensions(self, parties: dict[str, Party], sources: dict[str, Source]) -> None:
        for draft in self.claims.values():
            ext = draft.node.raw.get("argmap")
            if not isinstance(ext, dict):
                continue
            problems: list[str] = []
            kind = ext.get("kind", "claim")
            if kind in CLAIM_KINDS:
                draft.kind = kind
            else:
                problems.append(f"kind {kind!r}")
            against = ext.get("against")
            if against is not None:
                if isinstance(against, str) and against in parties:
                    draft.against = against
                else:
                    problems.append(f"against {against!r} (no such party)")
            tags = ext.get("tags", [])
            if isinstance(tags, list):
                draft.tags[:0] = [t for t in tags if isinstance(t, str) and t.strip()]
            note = ext.get("note")
            if isinstance(note, str):
                draft.notes.insert(0, note)
            for cite in ext.get("cite", []) if isinstance(ext.get("cite"), list) else []:
                source = cite.get("source") if isinstance(cite, dict) else None
                if not isinstance(source, str) or source not in sources:
                    problems.append(f"citation of {source!r} (no such source)")
                    continue
                quote, at, by = cite.get("quote"), cite.get("at"), cite.get("by")
                if by is not None and not (isinstance(by, str) and by in parties):
                    problems.append(f"speaker {by!r} of a quote (no such party)")
                    by = None
                draft.cite.append(
                    Citation(
                        source,
                        draft.node.span,
                        quote if isinstance(quote, str) and quote.strip() else None,
                        at if isinstance(at, str) else None,
                        by=by,
                    )
                )
            ignore = ext.get("ignore", {})
            if isinstance(ignore, dict):
                draft.ignore.extend(
                    Ignore(code, reason, draft.node.span)
                    for code, reason in ignore.items()
                    if isinstance(reason, str) and reason.strip()
                )
            if problems:
                self.report(
                    EXTENSION,
                    f"I-node {draft.node.key}: left out of its 'argmap' object: "
                    + "; ".join(problems),
                    draft.node.span,
                    draft.id,
                )

    def map_info(self) -> MapInfo:
        raw = self.extension.get("map")
        raw = raw if isinstance(raw, dict) else {}
        title = raw.get("title") if isinstance(raw.get("title"), str) else None
        description = raw.get("description") if isinstance(raw.get("description"), str) else None
        if not self.extension:
            title = f"Imported from {PurePath(self.path).name}"
        return MapInfo(title, description, Span(self.path, 1, 1))

    def build_claim(self, draft: _ClaimDraft) -> Claim:
        node = draft.node
        return Claim(
            id=draft.id,
            text=node.text or "",
            party=draft.party,
            span=node.span,
            kind=draft.kind,
            against=draft.against,
            supports=tuple(Ref(target, span) for target, span in draft.supports.items()),
            rebuts=tuple(Ref(target, span) for target, span in draft.rebuts.items()),
            undercuts=tuple(Undercut(s, t, span) for (s, t), span in draft.undercuts.items()),
            cite=tuple(draft.cite),
            tags=tuple(dict.fromkeys(draft.tags)),
            note=" ".join(draft.notes) if draft.notes else None,
            ignore=tuple(draft.ignore),
        )


def _ids(keys: list[str]) -> str:
    return "nodes " + ", ".join(keys)
