"""The map folded into its lines of argument: a dozen boxes instead of hundreds.

``lines_of_argument(map)`` puts every claim into one line: the line of its first
tag when it has one; otherwise the line of the nearest tagged claim it is linked
to (a reason or an answer belongs to what it argues about); otherwise, in a map
without tags, its file (or its party, when the map is one file). Past
``MAX_LINES`` lines, the smallest are folded into one "other claims" box.

``overview_source(map)`` draws one box per line, saying how many claims it holds
and how many of its allegations are left unanswered, and one arrow per pair of
lines that one supports or attacks the other, with the number of links. Building
it is linear in the map; ``dot`` lays out a few dozen boxes at any size.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.draw.diagram import UNANSWERED_COLOUR, css_name, shorten, tint
from argmap.draw.dot import FONT, escape_html, quote
from argmap.draw.nearest import neighbours, spread
from argmap.draw.palette import OKABE_ITO, RELATION_STYLES
from argmap.model import ArgMap

__all__ = ["MAX_LINES", "Line", "line_index", "lines_of_argument", "overview_source", "summary"]

MAX_LINES = 14
"""Lines drawn as their own box; the rest share one more box."""
OTHER = "other claims"


@dataclass(frozen=True)
class Line:
    """One line of argument: its name and claims, with how many are open allegations."""

    key: str
    name: str
    claims: tuple[str, ...]
    allegations: int
    unanswered: int
    """Allegations left unanswered, acknowledged or not."""
    acknowledged: int

    @property
    def dom_id(self) -> str:
        return f"line-{css_name(self.key)}"


def lines_of_argument(amap: ArgMap, max_lines: int = MAX_LINES) -> tuple[Line, ...]:
    """Every claim in one line of argument, largest lines first ("other claims" last)."""
    from argmap.relations import relations_of

    claims = amap.claim_by_id
    line_of = _assign(amap)
    members: dict[str, list[str]] = {}
    for claim_id in claims:
        members.setdefault(line_of[claim_id], []).append(claim_id)
    ranked = sorted((k for k in members if k != OTHER), key=lambda k: (-len(members[k]), k))
    if len(ranked) + (OTHER in members) > max_lines + 1:
        folded = [cid for key in ranked[max_lines:] for cid in members[key]]
        ranked = ranked[:max_lines]
        members[OTHER] = members.get(OTHER, []) + folded
    if OTHER in members:
        ranked.append(OTHER)
    index = relations_of(amap)
    lines = []
    for key in ranked:
        ids = members[key]
        allegations = [claims[cid] for cid in ids if claims[cid].kind == "allegation"]
        statuses = [index.status(claim).status for claim in allegations]
        lines.append(
            Line(
                key=key,
                name=_name(amap, key),
                claims=tuple(ids),
                allegations=len(allegations),
                unanswered=sum(s != "answered" for s in statuses),
                acknowledged=statuses.count("acknowledged"),
            )
        )
    return tuple(lines)


def line_index(lines: Iterable[Line]) -> dict[str, Line]:
    """Claim id -> its line."""
    return {cid: line for line in lines for cid in line.claims}


def _assign(amap: ArgMap) -> dict[str, str]:
    claims = amap.claim_by_id
    line_of: dict[str, str] = {cid: c.tags[0] for cid, c in claims.items() if c.tags}
    if not line_of:
        files = {c.span.path for c in claims.values()}
        if len(files) > 1:
            return {cid: "file:" + c.span.path for cid, c in claims.items()}
        return {cid: "party:" + c.party for cid, c in claims.items()}
    spread(line_of, neighbours(claims.values()))
    for cid in claims:
        line_of.setdefault(cid, OTHER)
    return line_of


def _name(amap: ArgMap, key: str) -> str:
    if key.startswith("file:"):
        path = key[5:]
        try:
            return os.path.relpath(path, amap.root)
        except ValueError:
            return path
    if key.startswith("party:"):
        party = amap.party_by_id.get(key[6:])
        return party.name if party else key[6:]
    return key.replace("-", " ").replace("_", " ")


def summary(line: Line) -> str:
    """``12 claims · 3 of 5 allegations unanswered (2 acknowledged)``."""
    text = f"{len(line.claims)} claim{'s' if len(line.claims) != 1 else ''}"
    plural = "s" if line.allegations != 1 else ""
    if line.allegations and not line.unanswered:
        text += f" · {line.allegations} allegation{plural}, all answered"
    elif line.allegations:
        text += f" · {line.unanswered} of {line.allegations} allegation{plural} unanswered"
        if line.acknowledged:
            text += f" ({line.acknowledged} acknowledged as open)"
    return text


def overview_source(
    amap: ArgMap,
    lines: tuple[Line, ...] | None = None,
    *,
    rankdir: str = "LR",
    legend: str | None = None,
) -> str:
    """DOT source of the overview: one box per line of argument, arrows between lines;
    ``legend``, a legend node's statement (``argmap.draw.dot.legend_statement``), last."""
    from argmap.relations import relations_of

    lines = lines if lines is not None else lines_of_argument(amap)
    of = line_index(lines)
    node = {line.key: f"l{n}" for n, line in enumerate(lines, start=1)}
    counts: dict[tuple[str, str, str], int] = {}
    index = relations_of(amap)
    for source, target, kind in index.edges():
        _count(counts, of, source, target, kind)
    for (_source, target), undercutters in index.undercut_relations().items():
        for claim in undercutters:
            _count(counts, of, claim.id, target, "undercuts")
    title = amap.info.title if amap.info else None
    out = ["digraph overview {"]
    graph = {
        "rankdir": rankdir,
        "fontname": quote(FONT),
        "nodesep": "0.25",
        "ranksep": "0.9",
        "pad": "0.3",
        "bgcolor": quote("white"),
    }
    if title:
        graph |= {"label": f"<<B>{escape_html(title)}</B>>", "labelloc": "t", "fontsize": "22"}
    out.append("  graph [" + ", ".join(f"{k}={v}" for k, v in graph.items()) + "];")
    out.append(
        f'  node [shape=box, style="rounded,filled", fontname={quote(FONT)}, fontsize=16, '
        'margin="0.2,0.12", penwidth=2];'
    )
    for line in lines:
        open_ = line.unanswered > 0
        rows = "".join(
            f'<TR><TD><FONT POINT-SIZE="15">{escape_html(part)}</FONT></TD></TR>'
            for part in summary(line).replace(" (", " · (").split(" · ")
        )
        colour = UNANSWERED_COLOUR if open_ else OKABE_ITO["blue"]
        label = (
            f'<<TABLE BORDER="0" CELLPADDING="2"><TR><TD><B>{escape_html(shorten(line.name, 40))}'
            f"</B></TD></TR>{rows}</TABLE>>"
        )
        classes = "line" + (" unanswered" if open_ else "")
        out.append(
            f"  {node[line.key]} [id={quote(line.dom_id)}, class={quote(classes)}, "
            f"label={label}, color={quote(colour)}, fillcolor={quote(tint(colour, 0.9))}, "
            f"penwidth={'4' if open_ else '2'}, tooltip={quote(summary(line))}];"
        )
    for (tail, head, relation), count in sorted(counts.items()):
        style = RELATION_STYLES[relation]
        out.append(
            f"  {node[tail]} -> {node[head]} [class={quote(relation)}, "
            f"color={quote(style.colour)}, style={style.line}, arrowhead={style.arrowhead}, "
            f"penwidth=2, fontsize=15, fontname={quote(FONT)}, "
            f"label={quote(f'{count} {relation}')}];"
        )
    if legend:
        out += [legend, "  { rank=sink; legend; }"]
    out.append("}")
    return "\n".join(out) + "\n"


def _count(
    counts: dict[tuple[str, str, str], int],
    of: dict[str, Line],
    source: str,
    target: str,
    kind: str,
) -> None:
    one, two = of.get(source), of.get(target)
    if one is None or two is None or one.key == two.key:
        return
    key = (one.key, two.key, kind)
    counts[key] = counts.get(key, 0) + 1
