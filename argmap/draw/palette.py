"""The colours and line styles of every drawing, chosen to read for everyone.

Colours come from the Okabe-Ito palette (Okabe and Ito, *Color Universal Design*,
2002), which people with the common colour-vision deficiencies (deuteranopia,
protanopia, tritanopia) can tell apart. Relations never rely on colour alone: each
has its own line style and arrowhead, so a diagram printed in greyscale still says
which line supports and which attacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "OKABE_ITO",
    "PARTY_PALETTE",
    "RELATION_STYLES",
    "RelationStyle",
]

OKABE_ITO: Mapping[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

PARTY_PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#009E73",
    "#F0E442",
    "#882255",
    "#44AA99",
    "#332288",
    "#DDCC77",
    "#999999",
)
"""Colours, in order, for parties that declare none: Okabe-Ito, then Paul Tol's muted
scheme (also safe for colour-blind readers), then grey for any party beyond."""


@dataclass(frozen=True)
class RelationStyle:
    """How one relation is drawn: colour, Graphviz line style and arrowhead, legend sign."""

    colour: str
    line: str
    """Graphviz ``style``: ``solid``, ``dashed`` or ``dotted``."""
    arrowhead: str
    sign: str
    """The line as text, for a legend or a Markdown key."""
    dasharray: str
    """The same line style for SVG or CSS (``stroke-dasharray``; empty for solid)."""


RELATION_STYLES: Mapping[str, RelationStyle] = {
    "supports": RelationStyle(OKABE_ITO["blue"], "solid", "normal", "──▶", ""),
    "rebuts": RelationStyle(OKABE_ITO["vermillion"], "dashed", "tee", "- -┤", "8,4"),
    "undercuts": RelationStyle(OKABE_ITO["black"], "dotted", "empty", "····▷", "2,3"),
}
"""Supports: blue, solid, filled arrow. Rebuts: vermillion, dashed, a bar. Undercuts:
black, dotted, an open arrow. Distinct in colour under every common deficiency, and
in line and arrowhead without colour."""
