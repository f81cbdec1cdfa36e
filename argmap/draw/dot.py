"""The map as Graphviz DOT source, built as pure text.

As in the ``graphviz`` package's ``quoting.py``, nothing reaches the source
unescaped: node ids are generated (``c1``, ``c2``, ... in claim order, ``i1``, ...
for inference points), and user text appears only inside HTML-like labels, where
``&``, ``<``, ``>`` and ``"`` become entities and ``\\`` is doubled (Graphviz expands
``\\N``, ``\\G``, ``\\L`` even inside HTML-like labels), or inside quoted strings.

Conventions are those of Argdown and Rationale: rounded boxes with wrapped text,
reasons below their conclusions (``rankdir=BT``), one colour per party (named in
every box and in the legend); relations in the colour-blind-safe styles of
``argmap.draw.palette`` (support blue, solid, an arrow; rebuttal vermillion, dashed,
a bar; undercut black, dotted, an open arrow, aimed at a point on the relation it
attacks), so that they read in greyscale too.
Allegations have a double border, evidence a folded corner; an unanswered
allegation a heavy border and an ``⚠ UNANSWERED`` badge; an acknowledged one a
dashed border and an ``acknowledged`` badge. Colour is never the only signal.

In the SVG Graphviz draws from this source, each claim's group has
``id="claim-<id>"`` and the classes of ``ClaimNode.classes``; each edge's group the
relation as a class (``supports``, ``rebuts``, ``undercuts``).
"""

from __future__ import annotations

from argmap.draw.diagram import (
    ACKNOWLEDGED_BADGE,
    LABEL_BADGES,
    LABEL_FILLS,
    UNANSWERED_BADGE,
    UNANSWERED_COLOUR,
    ClaimNode,
    Diagram,
    DiagramOptions,
    Edge,
    clean,
    shorten,
    tint,
    wrap,
)
from argmap.draw.palette import RELATION_STYLES
from argmap.model import ArgMap

__all__ = ["dot_source", "escape_html", "generate_dot", "quote"]

FONT = "Helvetica,Arial,sans-serif"
LABEL_MEANINGS = {
    "in": "in: no attack on it is left standing in the graph (grounded)",
    "out": "out: an attack on it is left standing in the graph (grounded)",
    "undec": "undecided: the graph does not settle it (grounded)",
}
LABEL_CAVEAT = "labels are a property of the graph: nothing is weighed, the last to speak wins"
STAGGER_FAN_IN = 3
"""A node with this many incoming lines or more has them staggered over two ranks."""
RELATION_WORDS = {
    "supports": "supports (a reason for)",
    "rebuts": "rebuts (an attack on the claim)",
    "undercuts": "undercuts (an attack on the inference ●)",
}


def generate_dot(amap: ArgMap, options: DiagramOptions | None = None) -> str:
    """The map (or the selection in ``options``) as DOT source."""
    from argmap.draw.diagram import build_diagram

    return dot_source(build_diagram(amap, options))


def escape_html(text: str) -> str:
    """``text`` for an HTML-like label: entities for markup and ``]``, ``\\`` doubled, one line."""
    return (
        clean(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("]", "&#93;")  # a cell ending in ']' before a nested table fails (2.43)
    )


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string whose escapes (``\\N``, ``\\G``) stay text."""
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _bold_label(text: str) -> str:
    """An HTML-like label in bold; Graphviz refuses an empty ``<B></B>``."""
    escaped = escape_html(text)
    return f"<<B>{escaped}</B>>" if escaped else quote(" ")


TOOLTIP_LIMIT = 2000
"""Characters of a tooltip: dot refuses a claim text of megabytes in one quoted string."""


def _tooltip(text: str) -> str:
    # Graphviz (2.43 at least) unescapes a tooltip twice, so a backslash is written four
    # times; entities it would keep are neutralised with &amp;.
    text = shorten(clean(text), TOOLTIP_LIMIT).replace("&", "&amp;")
    return '"' + text.replace("\\", "\\\\\\\\").replace('"', '\\"') + '"'


def _attributes(pairs: dict[str, str]) -> str:
    """``[k=v, ...]``: values are written as given (already quoted or HTML-like)."""
    return "[" + ", ".join(f"{key}={value}" for key, value in pairs.items()) + "]"


def dot_source(diagram: Diagram) -> str:
    """The DOT source of a built diagram (deterministic: same diagram, same text)."""
    options = diagram.options
    timeline = options.layout == "timeline"
    lines = ["digraph argmap {"]
    graph = {
        "rankdir": "LR" if timeline else options.rankdir,
        "fontname": quote(FONT),
        "nodesep": "0.3",
        "ranksep": "0.45",
        "pad": "0.3",
        "newrank": "true",
        "bgcolor": quote("white"),
    }
    if diagram.title:
        graph |= {
            "label": _bold_label(diagram.title),
            "labelloc": "t",
            "fontsize": "24",
        }
    lines.append(f"  graph {_attributes(graph)};")
    node_defaults = {
        "shape": "box",
        "style": quote("rounded,filled"),
        "fontname": quote(FONT),
        "fontsize": "14",
        "margin": quote("0.12,0.06"),
        "penwidth": "1.5",
    }
    lines.append(f"  node {_attributes(node_defaults)};")
    lines.append(f"  edge {_attributes({'penwidth': '2', 'arrowsize': '0.9'})};")
    grouped: set[str] = set()
    by_id = {node.node_id: node for node in diagram.nodes}
    for group in () if timeline else diagram.groups:  # a timeline's bands are rows
        lines.append(f"  subgraph cluster_{group.group_id} {{")
        cluster = {
            "id": quote(f"group-{group.group_id}"),
            "class": quote("group"),
            "label": _bold_label(group.label),
            "style": quote("rounded,dashed"),
            "color": quote("#888888"),
            "fontsize": "16",
            "labeljust": "l",
        }
        lines.extend(f"    {key}={value};" for key, value in cluster.items())
        for node_id in group.node_ids:
            lines.append(f"    {_claim_statement(by_id[node_id], options)}")
            grouped.add(node_id)
        lines.append("  }")
    lines.extend(
        f"  {_claim_statement(node, options)}"
        for node in diagram.nodes
        if node.node_id not in grouped
    )
    for point in diagram.points:
        attributes = {
            "id": quote(f"inference-{point.node_id}"),
            "class": quote(f"inference {point.relation}"),
            "shape": "point",
            "width": "0.13",
            "color": quote(RELATION_STYLES[point.relation].colour),
            "label": quote(""),
            "tooltip": _tooltip(
                f"the inference of '{point.source}' {point.relation} '{point.target}'"
            ),
        }
        lines.append(f"  {point.node_id} {_attributes(attributes)};")
    if timeline:
        lines.extend(_time_axis(diagram))
        lines.extend(f"  {_edge_statement(edge, 1, constraint=False)}" for edge in diagram.edges)
    else:
        lines.extend(
            f"  {_edge_statement(edge, minlen)}" for edge, minlen in _staggered(diagram.edges)
        )
    if options.legend and diagram.nodes:
        lines.append(legend_statement(diagram))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _claim_statement(node: ClaimNode, options: DiagramOptions) -> str:
    claim = node.claim
    fill = LABEL_FILLS[node.label] if node.label else tint(node.colour)
    attributes = {
        "id": quote(node.dom_id),
        "class": quote(" ".join(node.classes)),
        "label": _claim_label(node, options),
        "color": quote(node.colour),
        "fillcolor": quote(fill),
        "tooltip": _tooltip(_hover_text(node)),
    }
    if claim.kind == "evidence":
        attributes["shape"] = "note"
        attributes["style"] = quote("filled")
    if claim.kind == "allegation":
        attributes["peripheries"] = "2"
    if node.status == "unanswered":
        attributes["penwidth"] = "5"
        attributes["color"] = quote(UNANSWERED_COLOUR)
    elif node.status == "acknowledged":
        attributes["penwidth"] = "2.5"
        style = "filled,dashed" if claim.kind == "evidence" else "rounded,filled,dashed"
        attributes["style"] = quote(style)
    return f"{node.node_id} {_attributes(attributes)};"


def _hover_text(node: ClaimNode) -> str:
    text = f"{node.claim.id} ({node.party_name}): {node.claim.text}"
    if node.status == "acknowledged" and node.reason:
        text += f" [acknowledged as unanswered: {node.reason}]"
    for line in node.quotes:
        text += f" — {line}"
    return text


def _claim_label(node: ClaimNode, options: DiagramOptions) -> str:
    claim = node.claim
    header = f"<B>{escape_html(claim.id) or '?'}</B>"
    if claim.kind != "claim":
        header += f" · {claim.kind.upper()}"
    party = escape_html(shorten(node.party_name, round(options.wrap * 1.3)))
    rows = [f'<TR><TD><FONT POINT-SIZE="12" COLOR="#333333">{header}<BR/>{party}</FONT></TD></TR>']
    text = "<BR/>".join(
        escape_html(line) for line in wrap(claim.text, options.wrap, options.max_text)
    )
    rows.append(f"<TR><TD>{text}</TD></TR>")
    if node.citation:
        citation = escape_html(node.citation)
        rows.append(
            f'<TR><TD><FONT POINT-SIZE="12" COLOR="#555555"><I>{citation}</I></FONT></TD></TR>'
        )
    badges = []
    if node.status == "unanswered":
        badges.append(_badge(UNANSWERED_BADGE, "#FFFFFF", UNANSWERED_COLOUR))
    elif node.status == "acknowledged":
        badges.append(_badge(ACKNOWLEDGED_BADGE, "#333333", "#E0E0E0"))
    if node.label:
        badges.append(_badge(LABEL_BADGES[node.label], "#000000", "#FFFFFF"))
    rows.extend(f"<TR><TD>{badge}</TD></TR>" for badge in badges)
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _badge(text: str, colour: str, background: str) -> str:
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="2" BGCOLOR="{background}">'
        f'<TR><TD><FONT COLOR="{colour}" POINT-SIZE="12"><B>{escape_html(text)}</B></FONT>'
        "</TD></TR></TABLE>"
    )


def _staggered(edges: tuple[Edge, ...]) -> list[tuple[Edge, int]]:
    """Each edge with its ``minlen``: every other edge into a node with many reasons or
    attacks goes one rank further, so that a wide fan of boxes becomes two shallower rows
    (as Graphviz's ``unflatten`` does), and a map keeps a shape that fits a screen."""
    fan_in: dict[str, int] = {}
    for edge in edges:
        fan_in[edge.head] = fan_in.get(edge.head, 0) + 1
    seen: dict[str, int] = {}
    staggered = []
    for edge in edges:
        minlen = 1
        if fan_in[edge.head] >= STAGGER_FAN_IN:
            minlen = 1 + seen.get(edge.head, 0) % 2
            seen[edge.head] = seen.get(edge.head, 0) + 1
        staggered.append((edge, minlen))
    return staggered


def _time_axis(diagram: Diagram) -> list[str]:
    """The axis (one labelled tick per column, in order) and each column's claims beside it."""
    from argmap.draw.timeline import timeline_of

    timeline = timeline_of([n.claim for n in diagram.nodes], [p.id for p in diagram.parties])
    node_of = {n.claim.id: n.node_id for n in diagram.nodes}
    lines = []
    ticks = [f"t{n}" for n in range(1, len(timeline.columns) + 1)]
    for tick, column in zip(ticks, timeline.columns, strict=True):
        attributes = {
            "id": quote(f"time-{column}"),
            "class": quote("time"),
            "shape": "plaintext",
            "style": quote(""),
            "fontsize": "22",
            "label": _bold_label(column),
        }
        lines.append(f"  {tick} {_attributes(attributes)};")
    if len(ticks) > 1:
        lines.append(f"  {' -> '.join(ticks)} [style=invis, weight=100];")
    column_points: dict[int, list[str]] = {}
    for point in diagram.points:  # an undercut's point stands in its target's column
        target_column = timeline.column_of.get(point.target)
        if target_column is not None:
            column_points.setdefault(target_column, []).append(point.node_id)
    by_claim = {n.claim.id: n for n in diagram.nodes}
    for index, tick in enumerate(ticks):
        sequence = [tick]  # the axis on top, then each band in order, top to bottom
        for number, party in enumerate(timeline.bands, start=1):
            marker = f"b{number}_{index}"  # holds the band's place in a column it is absent from
            lines.append(f'  {marker} [shape=point, style=invis, width=0, height=0, label=""];')
            sequence.append(marker)
            sequence += [
                node_of[cid]
                for cid, col in timeline.column_of.items()
                if col == index and by_claim[cid].claim.party == party
            ]
        lines.append(
            "  { rank=same; " + "; ".join([*sequence, *column_points.get(index, [])]) + "; }"
        )
        lines.append(f"  {' -> '.join(sequence)} [style=invis];")
    return lines


def _edge_statement(edge: Edge, minlen: int = 1, *, constraint: bool = True) -> str:
    style = RELATION_STYLES[edge.relation]
    attributes = {
        "class": quote(" ".join(edge.classes)),
        "color": quote(style.colour),
        "arrowhead": style.arrowhead,
        "style": style.line,
    }
    if edge.relation == "rebuts":
        attributes["arrowsize"] = "1.3"
    if edge.segment == "tail":
        attributes["arrowhead"] = "none"
    if minlen != 1:
        attributes["minlen"] = str(minlen)
    if not constraint:
        attributes["constraint"] = "false"
    return f"{edge.tail} -> {edge.head} {_attributes(attributes)};"


def legend_statement(diagram: Diagram) -> str:
    """The DOT statement of the legend node (``legend``) for what ``diagram`` shows."""
    return f"  legend {_attributes(_legend(diagram))};"


def _legend(diagram: Diagram) -> dict[str, str]:
    rows = ['<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>']
    for party in diagram.parties:
        rows.append(
            f'<TR><TD BGCOLOR="{tint(party.colour)}" COLOR="{party.colour}" BORDER="2" '
            f'WIDTH="36"> </TD><TD ALIGN="LEFT">{escape_html(party.name)}</TD></TR>'
        )
    for relation in ("supports", "rebuts", "undercuts"):
        if relation in diagram.relations:
            rows.append(
                f'<TR><TD><FONT COLOR="{RELATION_STYLES[relation].colour}"><B>'
                f"{RELATION_STYLES[relation].sign}</B></FONT></TD>"
                f'<TD ALIGN="LEFT">{escape_html(RELATION_WORDS[relation])}</TD></TR>'
            )
    if "allegation" in diagram.kinds:
        rows.append(
            '<TR><TD><FONT POINT-SIZE="11">ALLEGATION</FONT></TD>'
            '<TD ALIGN="LEFT">double border: must be answered by another party</TD></TR>'
        )
    if "evidence" in diagram.kinds:
        rows.append(
            '<TR><TD><FONT POINT-SIZE="11">EVIDENCE</FONT></TD>'
            '<TD ALIGN="LEFT">folded corner: evidence</TD></TR>'
        )
    if "unanswered" in diagram.statuses:
        rows.append(
            f"<TR><TD>{_badge(UNANSWERED_BADGE, '#FFFFFF', UNANSWERED_COLOUR)}</TD>"
            '<TD ALIGN="LEFT">heavy border: no answer from the party that must give one</TD></TR>'
        )
    if "acknowledged" in diagram.statuses:
        rows.append(
            f"<TR><TD>{_badge(ACKNOWLEDGED_BADGE, '#333333', '#E0E0E0')}</TD>"
            '<TD ALIGN="LEFT">dashed border: unanswered, acknowledged as open</TD></TR>'
        )
    if diagram.options.labels is not None:
        for status, badge in LABEL_BADGES.items():
            rows.append(
                f"<TR><TD>{_badge(badge, '#000000', LABEL_FILLS[status])}</TD>"
                f'<TD ALIGN="LEFT">{LABEL_MEANINGS[status]}</TD></TR>'
            )
        rows.append(f'<TR><TD></TD><TD ALIGN="LEFT"><I>{LABEL_CAVEAT}</I></TD></TR>')
    table = (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" COLOR="#888888" '
        'STYLE="ROUNDED" BGCOLOR="#FFFFFF">' + "".join(rows) + "</TABLE>>"
    )
    return {
        "id": quote("legend"),
        "class": quote("legend"),
        "shape": "plaintext",
        "fontsize": "13",
        "margin": "0",
        "label": table,
    }
