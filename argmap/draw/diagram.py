"""What a diagram shows, decided once for every drawing format (DOT, Mermaid).

``build_diagram(map, options)`` turns a loaded map into plain records: one node per
claim (with a generated node id, its party's colour, whether it is an unanswered
or an acknowledged allegation, an optional semantics label), the relations between
them, and the inference points that undercuts aim at. Relations come from
``argmap.relations`` (no whole-map graph is built: drawing part of a map costs the
part); which allegations are unanswered comes from
``argmap.relations`` (as lint's AM201 reports them), always judged on the whole map, so a
filtered view never shows an answered allegation as unanswered.

Node ids are generated (``c1``, ``c2``, ... in claim order; ``i1``, ... for
inference points): user text only ever reaches a drawing inside escaped labels.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

from argmap.analysis.semantics import LABELS as LABEL_STATUSES
from argmap.analysis.semantics import Label as LabelStatus
from argmap.draw.palette import PARTY_PALETTE, RELATION_STYLES
from argmap.model import ArgMap, Claim, Party
from argmap.relations import AnswerStatus as Status

RankDir = Literal["BT", "TB", "LR", "RL"]
GroupBy = Literal["party", "tag", "file"]

Layout = Literal["graph", "timeline"]

RANKDIRS: tuple[RankDir, ...] = ("BT", "TB", "LR", "RL")
LAYOUTS: tuple[Layout, ...] = ("graph", "timeline")
GROUPINGS: tuple[GroupBy, ...] = ("party", "tag", "file")

PALETTE = PARTY_PALETTE
RELATION_COLOURS: Mapping[str, str] = {name: s.colour for name, s in RELATION_STYLES.items()}
LABEL_FILLS: Mapping[str, str] = {"in": "#D8F3DC", "out": "#F8D7DA", "undec": "#FFF3CD"}
LABEL_BADGES: Mapping[str, str] = {"in": "✔ IN", "out": "✘ OUT", "undec": "? UNDECIDED"}
UNANSWERED_BADGE = "⚠ UNANSWERED"
ACKNOWLEDGED_BADGE = "acknowledged"
UNANSWERED_COLOUR = "#B00020"


@dataclass(frozen=True)
class DiagramOptions:
    """How to draw a map; every field has a default that suits a projected slide."""

    rankdir: RankDir = "BT"
    """Direction of the arrows' flow: bottom-to-top by default (reasons under conclusions)."""
    group: GroupBy | None = None
    """Cluster the claims by party, by their first tag, or by file."""
    claims: Collection[str] | None = None
    """Only these claim ids (a selection from ``argmap.draw.focus``); ``None`` draws them all."""
    labels: Mapping[str, str] | None = None
    """Claim id -> ``"in"``, ``"out"`` or ``"undec"`` (a semantics' labelling), shown on nodes."""
    legend: bool = True
    title: bool = True
    heading: str | None = None
    """A title in place of the map's (a page of a printed map names its line of argument)."""
    layout: Layout = "graph"
    """``timeline``: time left to right by the claims' ``when``, one band per party."""
    wrap: int = 30
    """Characters per line of claim text."""
    max_text: int = 300
    """Claim text longer than this is cut with an ellipsis (the full text is the hover title)."""


@dataclass(frozen=True)
class ClaimNode:
    """A claim as drawn."""

    node_id: str
    claim: Claim
    colour: str
    party_name: str
    status: Status | None = None
    reason: str | None = None
    """Why an acknowledged allegation is left open (its ``ignore`` reason)."""
    label: LabelStatus | None = None
    citation: str | None = None
    quotes: tuple[str, ...] = ()
    """The claim's quotes with speaker and place (``quote_lines``), for hover text."""

    @property
    def classes(self) -> list[str]:
        """CSS classes: ``claim``, its kind, ``party-<id>``, its status and label.

        An acknowledged allegation is still unanswered: it has both classes."""
        names = ["claim", self.claim.kind, f"party-{css_name(self.claim.party)}"]
        if self.status == "acknowledged":
            names.append("unanswered")
        if self.status:
            names.append(self.status)
        if self.label:
            names.append(f"label-{self.label}")
        return list(dict.fromkeys(names))

    @property
    def dom_id(self) -> str:
        return f"claim-{css_name(self.claim.id)}"


@dataclass(frozen=True)
class InferencePoint:
    """The point on a relation ``source -> target`` that undercuts aim at."""

    node_id: str
    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class Edge:
    """One drawn line: a whole relation, half of an undercut one, or an undercut."""

    tail: str
    head: str
    relation: str
    source: str
    """Claim id where the relation (or the undercut) starts."""
    targets: tuple[str, ...]
    """Claim id where the relation ends; for an undercut, both ends of the attacked one."""
    segment: Literal["whole", "tail", "head"] = "whole"
    """An undercut relation is drawn in two segments, tail to its point, point to head."""

    @property
    def classes(self) -> list[str]:
        """CSS classes: the relation, ``from-<claim>``, ``to-<claim>``, ``segment-<part>``."""
        names = [self.relation, f"from-{css_name(self.source)}"]
        names += [f"to-{css_name(t)}" for t in self.targets]
        if self.segment != "whole":
            names.append(f"segment-{self.segment}")
        return names


@dataclass(frozen=True)
class Group:
    """A cluster of claims (by party, tag or file)."""

    group_id: str
    label: str
    node_ids: tuple[str, ...]


@dataclass(frozen=True)
class LegendParty:
    id: str
    name: str
    colour: str


@dataclass(frozen=True)
class Diagram:
    """Everything a drawing needs, in a stable order."""

    title: str | None
    options: DiagramOptions
    nodes: tuple[ClaimNode, ...]
    points: tuple[InferencePoint, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...]
    parties: tuple[LegendParty, ...]
    kinds: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    relations: frozenset[str] = field(default_factory=frozenset)

    def node_titles(self) -> dict[str, str]:
        """Node id -> the full text to show on hover."""
        titles = {
            n.node_id: "\n".join([f"{n.claim.id}: {clean(n.claim.text)}", *n.quotes])
            for n in self.nodes
        }
        for point in self.points:
            titles[point.node_id] = (
                f"the inference of '{point.source}' {point.relation} '{point.target}'"
            )
        return titles


def build_diagram(amap: ArgMap, options: DiagramOptions | None = None) -> Diagram:
    """The map (or the selection ``options.claims``) as drawing records."""
    from argmap.relations import relations_of

    options = options or DiagramOptions()
    labels = _checked_labels(options.labels)
    selected = amap.claim_by_id.keys() if options.claims is None else set(options.claims)
    answers = relations_of(amap)
    colours = party_colours(amap)
    node_ids: dict[str, str] = {}
    nodes: list[ClaimNode] = []
    for number, claim in enumerate(amap.claim_by_id.values(), start=1):
        if claim.id not in selected:
            continue
        node_ids[claim.id] = f"c{number}"
        status: Status | None = None
        reason = None
        if claim.is_allegation and (found := answers.status(claim)).is_open:
            status, reason = found.status, found.reason
        party = amap.party_by_id.get(claim.party)
        nodes.append(
            ClaimNode(
                node_id=f"c{number}",
                claim=claim,
                colour=colours.get(claim.party, PALETTE[-1]),
                party_name=party.name if party else claim.party,
                status=status,
                reason=reason,
                label=labels.get(claim.id),
                citation=short_citation(amap, claim),
                quotes=tuple(quote_lines(amap, claim)),
            )
        )
    points: list[InferencePoint] = []
    point_ids: dict[tuple[str, str], str] = {}
    edges: list[Edge] = []
    undercut_edges: list[Edge] = []
    chosen = [claim for claim in amap.claim_by_id.values() if claim.id in node_ids]
    for claim in chosen:  # only the claims drawn: the cost follows the part drawn
        for undercut in claim.undercuts:
            pair = (undercut.source, undercut.target)
            relation = answers.kind(*pair)
            if relation is None or not set(pair) <= node_ids.keys():
                continue
            if claim not in answers.undercutters(*pair):
                continue
            if pair not in point_ids:
                point_ids[pair] = f"i{len(point_ids) + 1}"
                points.append(InferencePoint(point_ids[pair], *pair, relation))
            undercut_edges.append(
                Edge(node_ids[claim.id], point_ids[pair], "undercuts", claim.id, pair)
            )
    drawn: set[tuple[str, str]] = set()
    for claim in chosen:
        for ref in (*claim.supports, *claim.rebuts):
            tail, head = claim.id, ref.target
            relation = answers.kind(tail, head)
            if relation is None or head not in node_ids or (tail, head) in drawn:
                continue
            drawn.add((tail, head))
            point = point_ids.get((tail, head))
            if point is None:
                edges.append(Edge(node_ids[tail], node_ids[head], relation, tail, (head,)))
            else:
                edges.append(Edge(node_ids[tail], point, relation, tail, (head,), "tail"))
                edges.append(Edge(point, node_ids[head], relation, tail, (head,), "head"))
    edges.extend(undercut_edges)
    shown_parties = {n.claim.party for n in nodes}
    legend = [
        LegendParty(p.id, p.name, colours[p.id])
        for p in amap.party_by_id.values()
        if p.id in shown_parties
    ]
    legend.extend(
        LegendParty(p, p, colours.get(p, PALETTE[-1]))
        for p in sorted(shown_parties - set(amap.party_by_id))
    )
    info = amap.info
    return Diagram(
        title=options.heading or (info.title if info and options.title else None),
        options=options,
        nodes=tuple(nodes),
        points=tuple(points),
        edges=tuple(edges),
        groups=_groups(amap, nodes, options.group),
        parties=tuple(legend),
        kinds=frozenset(n.claim.kind for n in nodes),
        statuses=frozenset(n.status for n in nodes if n.status),
        relations=frozenset(e.relation for e in edges),
    )


def party_colours(amap: ArgMap) -> dict[str, str]:
    """Party id -> its declared colour, else the next palette colour (declaration order)."""
    colours: dict[str, str] = {}
    spare = iter(c for c in PALETTE if c not in {p.color for p in amap.parties})
    declared: list[Party] = list(amap.party_by_id.values())
    for party in declared:
        colours[party.id] = party.color or next(spare, PALETTE[-1])
    for claim in amap.claims:
        if claim.party not in colours:
            colours[claim.party] = next(spare, PALETTE[-1])
    return colours


def short_citation(amap: ArgMap, claim: Claim, limit: int = 40) -> str | None:
    """The first citation as ``source, locator`` (``+N`` when there are more), shortened;
    ``speaker, locator`` when the quoted words are another party's."""
    if not claim.cite:
        return None
    first = claim.cite[0]
    source = amap.source_by_id.get(first.source)
    name = first.source if source is None else _short_title(source.title, first.source)
    if first.by and first.by != claim.party:  # reported words: say whose, not where
        name = speaker_place(amap, claim, first.by, None)
    text = f"{name}, {first.at}" if first.at else name
    if len(claim.cite) > 1:
        locators = [c.at for c in claim.cite if c.at and c.source == first.source]
        if len(locators) == len(claim.cite) and len(set(locators)) == 1:
            return shorten(text, limit)
        text += f" (+{len(claim.cite) - 1})"
    return shorten(text, limit)


def _short_title(title: str, source_id: str) -> str:
    cleaned = clean(title)
    return cleaned if len(cleaned) <= 24 else source_id


def _groups(amap: ArgMap, nodes: list[ClaimNode], group: GroupBy | None) -> tuple[Group, ...]:
    if group is None:
        return ()
    members: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for node in nodes:
        claim = node.claim
        if group == "party":
            key, label = claim.party, node.party_name
        elif group == "tag":
            if not claim.tags:
                continue
            key = label = claim.tags[0]
        else:
            key = claim.span.path
            label = _relative(claim.span.path, amap.root)
        members.setdefault(key, []).append(node.node_id)
        labels.setdefault(key, label)
    keys = sorted(members) if group == "tag" else list(members)
    return tuple(
        Group(f"g{n}", labels[key], tuple(members[key])) for n, key in enumerate(keys, start=1)
    )


def _relative(path: str, root: str) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return path


def _checked_labels(labels: Mapping[str, str] | None) -> dict[str, LabelStatus]:
    if labels is None:
        return {}
    checked: dict[str, LabelStatus] = {}
    for claim_id, value in labels.items():
        if value not in LABEL_STATUSES:
            raise ValueError(
                f"unknown label {value!r} for claim {claim_id!r} "
                f"(must be one of {list(LABEL_STATUSES)})"
            )
        checked[claim_id] = value
    return checked


_UNSAFE_CHARS = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"\s+")
_CSS_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def clean(text: str) -> str:
    """``text`` on one line, without characters XML cannot carry (controls, lone surrogates)."""
    text = _UNSAFE_CHARS.sub("\ufffd", text)
    return _SPACES.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis where it was cut."""
    text = clean(text)
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def wrap(text: str, width: int, limit: int) -> list[str]:
    """``text`` shortened to ``limit`` and wrapped into lines of about ``width``."""
    return textwrap.wrap(shorten(text, limit), width=max(width, 8), break_on_hyphens=False) or [""]


def css_name(value: str) -> str:
    """``value`` as a token that is safe in an XML id and a CSS class.

    Claim ids (``[A-Za-z0-9][A-Za-z0-9_.-]*``) are kept as they are; any other
    character becomes ``_`` and its code point in hexadecimal.
    """
    return _CSS_UNSAFE.sub(lambda m: f"_{ord(m.group()):x}", value) or "_"


def tint(colour: str, amount: float = 0.82) -> str:
    """``colour`` (``#RRGGBB``) mixed with white: a light fill for text to be read on."""
    try:
        rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    except ValueError:
        return "#FFFFFF"
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def quote_lines(amap: ArgMap, claim: Claim) -> list[str]:
    """Each quote of ``claim`` with its speaker and place: ``Leon Trotsky, para 24: “...”``.

    The speaker is the cite's ``by`` party, else the claim's own party; a citation of
    a source marked ``outside: true`` says "outside this text".
    """
    lines = []
    for cite in claim.cite:
        source = amap.source_by_id.get(cite.source)
        outside = " (outside this text)" if source is not None and source.outside else ""
        if not cite.quote:
            if outside:
                title = source.title if source is not None else cite.source
                lines.append(f"{clean(title)}{outside}")
            continue
        lines.append(
            f"{speaker_place(amap, claim, cite.by, cite.at)}{outside}: “{clean(cite.quote)}”"
        )
    return lines


def speaker_place(amap: ArgMap, claim: Claim, by: str | None, at: str | None) -> str:
    """``Leon Trotsky, para 24``: who says the quoted words, and where."""
    party_id = by or claim.party
    party = amap.party_by_id.get(party_id)
    name = clean(party.name) if party else party_id
    return f"{name}, {clean(at)}" if at else name
