"""The map as a Mermaid flowchart, which GitHub draws inside Markdown.

Node ids are generated (``c1``, ... in claim order, ``i1``, ... for inference
points; class names ``p1``, ... for parties), so a claim id such as ``end`` or
``click`` never reaches Mermaid's grammar. User text appears only inside
double-quoted labels, where every character Mermaid or its HTML labels could read
as structure is an entity code: ``"`` is ``#quot;``, ``#`` ``#35;``, ``%``
``#37;`` (so ``%%{init}%%`` is text), ``<`` ``#lt;``, ``&`` ``#amp;``, a backtick
``#96;`` (no Markdown strings), and so on; line breaks are ``<br/>`` that argmap
writes itself. No user text goes into comments, front matter or class names.

The drawing follows ``argmap.draw.dot``: support ``-->``, rebuttal ``--x``,
undercut ``-.->`` to a small circle on the relation it attacks; allegations as
subroutine boxes (double sides), evidence with square corners; an unanswered allegation
with a heavy border and an ``⚠ UNANSWERED`` line.
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
    clean,
    shorten,
    tint,
)
from argmap.draw.palette import RELATION_STYLES
from argmap.model import ArgMap

__all__ = ["escape_label", "generate_markdown", "generate_mermaid", "mermaid_source"]

_ENTITIES = {
    "&": "#amp;",
    '"': "#quot;",
    "#": "#35;",
    "%": "#37;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#92;#96;",
    ":": "#58;",
    ";": "#59;",
    "{": "#123;",
    "}": "#125;",
    "[": "#91;",
    "]": "#93;",
    "|": "#124;",
    "\\": "#92;#92;",
    "*": "#92;#42;",
    "_": "#92;#95;",
    "~": "#126;",
}
_TABLE = str.maketrans(_ENTITIES)
ARROWS = {"supports": "-->", "rebuts": "--x", "undercuts": "-.->"}
SHAPES = {"claim": ('("', '")'), "allegation": ('[["', '"]]'), "evidence": ('["', '"]')}


def escape_label(text: str) -> str:
    """``text`` for the inside of a double-quoted Mermaid label: one line, structure as codes.

    Mermaid decodes the codes of a label that holds HTML before it reads ``*`` and ``_``
    as emphasis, so these two are written as Markdown escapes (``\\_``), and argmap puts
    a tag in every label it writes, so that all take that path. Mermaid rejects an empty
    label (``[""]``), so an empty text becomes one space.
    """
    return clean(text).translate(_TABLE) or " "


def generate_mermaid(amap: ArgMap, options: DiagramOptions | None = None) -> str:
    """The map (or the selection in ``options``) as a Mermaid flowchart."""
    from argmap.draw.diagram import build_diagram

    return mermaid_source(build_diagram(amap, options))


def generate_markdown(amap: ArgMap, options: DiagramOptions | None = None) -> str:
    """A Markdown page (title, the diagram in a ``mermaid`` block, a legend) for GitHub."""
    from argmap.draw.diagram import build_diagram

    diagram = build_diagram(amap, options)
    title = diagram.title or "Argument map"
    lines = [f"# {escape_markdown(title)}", ""]
    if amap.info and amap.info.description:
        lines += [escape_markdown(amap.info.description), ""]
    lines += ["```mermaid", mermaid_source(diagram).rstrip("\n"), "```", ""]
    lines += ["**Legend**", ""]
    lines += [f"- {escape_markdown(p.name)}: `{p.colour}`" for p in diagram.parties]
    meanings = {
        "supports": "`-->` supports (a reason for)",
        "rebuts": "`--x` rebuts (an attack on the claim)",
        "undercuts": "`-.->` undercuts (an attack on the inference, the small circle)",
    }
    lines += [
        f"- {meanings[r]}" for r in ("supports", "rebuts", "undercuts") if r in diagram.relations
    ]
    if "allegation" in diagram.kinds:
        lines.append("- double-sided box, ALLEGATION: must be answered by another party")
    if "evidence" in diagram.kinds:
        lines.append("- square corners, EVIDENCE: evidence")
    if "unanswered" in diagram.statuses:
        lines.append(
            f"- heavy border, {UNANSWERED_BADGE}: no answer from the party that must give one"
        )
    if "acknowledged" in diagram.statuses:
        lines.append("- dashed border, acknowledged: unanswered, acknowledged as open")
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown on one line, as the handouts write it
    (``argmap.debate.words.md_text``): no markup, and no bare address that GitHub
    would turn into a live link."""
    from argmap.debate.words import md_text

    return md_text(clean(text))


def mermaid_source(diagram: Diagram) -> str:
    """The Mermaid source of a built diagram (deterministic)."""
    options = diagram.options
    lines = [f"flowchart {options.rankdir}"]
    grouped: set[str] = set()
    by_id = {node.node_id: node for node in diagram.nodes}
    for group in diagram.groups:
        lines.append(f'  subgraph {group.group_id}["<b>{escape_label(group.label)}</b>"]')
        for node_id in group.node_ids:
            lines.append(f"    {_node(by_id[node_id], options)}")
            grouped.add(node_id)
        lines.append("  end")
    lines.extend(f"  {_node(n, options)}" for n in diagram.nodes if n.node_id not in grouped)
    lines.extend(f'  {point.node_id}((" "))' for point in diagram.points)
    link_styles: dict[str, list[int]] = {}
    for number, edge in enumerate(diagram.edges):
        arrow = "---" if edge.segment == "tail" else ARROWS[edge.relation]
        if edge.relation == "undercuts":
            arrow = "-.->"
        lines.append(f"  {edge.tail} {arrow} {edge.head}")
        link_styles.setdefault(edge.relation, []).append(number)
    if options.legend and diagram.nodes:
        lines.extend(_legend(diagram))
    lines.extend(_styles(diagram, link_styles))
    return "\n".join(lines) + "\n"


def _node(node: ClaimNode, options: DiagramOptions) -> str:
    claim = node.claim
    header = f"<b>{escape_label(claim.id)}</b>"
    if claim.kind != "claim":
        header += f" · {claim.kind.upper()}"
    parts = [header, f"<i>{escape_label(shorten(node.party_name, round(options.wrap * 1.3)))}</i>"]
    parts.append(escape_label(shorten(claim.text, options.max_text)))  # Mermaid wraps it
    if node.citation:
        parts.append(f"<i>{escape_label(node.citation)}</i>")
    if node.status == "unanswered":
        parts.append(f"<b>{UNANSWERED_BADGE}</b>")
    elif node.status == "acknowledged":
        parts.append(f"<b>{ACKNOWLEDGED_BADGE}</b>")
    if node.label:
        parts.append(f"<b>{LABEL_BADGES[node.label]}</b>")
    opening, closing = SHAPES[claim.kind]
    return f"{node.node_id}{opening}{'<br/>'.join(parts)}{closing}"


def _legend(diagram: Diagram) -> list[str]:
    lines = ['  subgraph legend["<b>Legend</b>"]']
    for number, party in enumerate(diagram.parties, start=1):
        lines.append(f'    legend_p{number}("<b>{escape_label(party.name)}</b>")')
    if "unanswered" in diagram.statuses:
        lines.append(f'    legend_unanswered("<b>{UNANSWERED_BADGE}</b>")')
    if "acknowledged" in diagram.statuses:
        lines.append(f'    legend_acknowledged("<b>{ACKNOWLEDGED_BADGE}</b>")')
    lines.append("  end")
    return lines


def _styles(diagram: Diagram, link_styles: dict[str, list[int]]) -> list[str]:
    lines: list[str] = []
    party_class = {p.id: f"p{n}" for n, p in enumerate(diagram.parties, start=1)}
    for party in diagram.parties:
        lines.append(
            f"  classDef {party_class[party.id]} "
            f"fill:{tint(party.colour)},stroke:{party.colour},stroke-width:2px,color:#000"
        )
    lines.append(f"  classDef unanswered stroke:{UNANSWERED_COLOUR},stroke-width:5px")
    lines.append("  classDef acknowledged stroke-width:3px,stroke-dasharray:6 4")
    for label, fill in LABEL_FILLS.items():
        lines.append(f"  classDef label_{label} fill:{fill}")
    lines.append("  classDef point fill:#666,stroke:#666")
    members: dict[str, list[str]] = {}
    for node in diagram.nodes:
        members.setdefault(party_class[node.claim.party], []).append(node.node_id)
    for node in diagram.nodes:
        if node.status:
            members.setdefault(node.status, []).append(node.node_id)
        if node.label:
            members.setdefault(f"label_{node.label}", []).append(node.node_id)
    if diagram.points:
        members["point"] = [p.node_id for p in diagram.points]
    if diagram.options.legend and diagram.nodes:
        for number, party in enumerate(diagram.parties, start=1):
            members.setdefault(party_class[party.id], []).append(f"legend_p{number}")
        for status in sorted(diagram.statuses):
            members.setdefault(status, []).append(f"legend_{status}")
    lines.extend(f"  class {','.join(ids)} {name}" for name, ids in members.items())
    for relation, numbers in link_styles.items():
        style = RELATION_STYLES[relation]
        dashes = f",stroke-dasharray:{style.dasharray.replace(',', ' ')}" if style.dasharray else ""
        lines.append(
            f"  linkStyle {','.join(map(str, numbers))} "
            f"stroke:{style.colour},stroke-width:2px{dashes}"
        )
    return lines
