"""Pages that print: a map laid out on A4, A3 or Letter with no text under 8 pt.

``paper_pdf(map, paper, landscape, options)`` draws the whole map on one page when
it fits at a scale that keeps every character at 8 pt or more. When it does not,
the PDF has an overview page (the lines of argument, ``argmap.draw.overview``)
and one page per line of argument; a line too large for one page is cut in two,
again and again, until each part fits. Graphviz lays out each page; pypdf (pure
Python) puts each drawing, scaled and centred, on a sheet of the paper's size
and joins the sheets into one PDF.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from argmap.draw.diagram import DiagramOptions, RankDir

if TYPE_CHECKING:
    from pypdf import PageObject

    from argmap.model import ArgMap

__all__ = ["MIN_TEXT", "PAPERS", "Paper", "paper_pdf"]

Paper = Literal["a4", "a3", "letter"]
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "letter": (612.0, 792.0),
}
"""Portrait width and height in points."""
MARGIN = 28.0
"""Points of white around each drawing (about 1 cm)."""
MAX_SCALE = 1.5
"""A small drawing is enlarged up to this much to fill its page."""
MIN_TEXT = 8.0
"""No character is printed smaller than this, in points."""
_FONT_SIZES = re.compile(r'(?:fontsize=|POINT-SIZE=")"?([0-9.]+)')
DEFAULT_FONT = 14.0
"""Graphviz's size for text without a size of its own (argmap's sources set theirs)."""


def paper_pdf(
    amap: ArgMap,
    paper: str,
    *,
    landscape: bool = False,
    options: DiagramOptions | None = None,
    run: Callable[[str], bytes],
) -> bytes:
    """The map as a PDF for ``paper``; ``run`` lays out DOT source as a one-page PDF."""
    from pypdf import PdfWriter

    from argmap.draw.diagram import build_diagram
    from argmap.draw.dot import FONT, dot_source, legend_statement, quote
    from argmap.draw.overview import lines_of_argument, overview_source

    width, height = PAPERS[paper]
    if landscape:
        width, height = height, width
    options = replace(options or DiagramOptions(), wrap=24)
    sheet = _Sheet(width, height, run)
    writer = PdfWriter()
    whole = options
    single = sheet.place(dot_source(build_diagram(amap, whole)))
    if single is not None:
        writer.add_page(single)
        return _bytes(writer)
    lines = lines_of_argument(amap)
    selection = set(options.claims) if options.claims is not None else None
    key = legend_statement(build_diagram(amap, options))  # the printed map's one legend
    directions = ("LR", "TB") if landscape else ("TB", "LR")
    pages = [
        _first(sheet, [overview_source(amap, lines, rankdir=d, legend=key) for d in directions])
    ]
    if pages[0] is None:  # the overview, then the legend on a page of its own
        pages = [
            _first(sheet, [overview_source(amap, lines, rankdir=d) for d in directions]),
            sheet.place(f"digraph legend {{\n  node [fontname={quote(FONT)}];\n{key}\n}}\n"),
        ]
    for page in pages:
        if page is not None and selection is None:
            writer.add_page(page)
    for line in lines:
        ids = [cid for cid in line.claims if selection is None or cid in selection]
        for page in _pages(amap, ids, line.name, options, sheet):
            writer.add_page(page)
    return _bytes(writer)


def _pages(
    amap: ArgMap, ids: Sequence[str], name: str, options: DiagramOptions, sheet: _Sheet
) -> list[PageObject]:
    """The pages of one line: one if it fits, else as few as the longest parts that fit
    (found by halving: each page costs a few layouts, not one per claim)."""
    from argmap.draw.diagram import build_diagram
    from argmap.draw.dot import dot_source

    turned: RankDir = "LR" if options.rankdir in ("BT", "TB") else "BT"

    def attempt(part: Sequence[str], force: bool = False) -> PageObject | None:
        """The part on one page, drawn as asked or else turned a quarter (a row of
        reasons too wide for the page often fits as a column)."""
        heading = name if len(part) == len(ids) else f"{name} ({len(part)} of {len(ids)} claims)"
        chosen = replace(options, claims=frozenset(part), legend=False, heading=heading)
        for rankdir in (options.rankdir, turned):
            drawn = replace(chosen, rankdir=rankdir)
            page = sheet.place(dot_source(build_diagram(amap, drawn)), force=False)
            if page is not None:
                return page
        return sheet.place(dot_source(build_diagram(amap, chosen)), force=True) if force else None

    pages: list[PageObject] = []
    rest = list(ids)
    while rest:
        whole = attempt(rest)
        if whole is not None:
            pages.append(whole)
            break
        best = (1, attempt(rest[:1], force=True))
        low, high = 2, len(rest) - 1
        while low <= high:  # the longest prefix of the rest that fits on one page
            middle = (low + high) // 2
            page = attempt(rest[:middle])
            if page is None:
                high = middle - 1
            else:
                best, low = (middle, page), middle + 1
        if best[1] is not None:
            pages.append(best[1])
        rest = rest[best[0] :]
    return pages


class _Sheet:
    """Lays out DOT source and puts the drawing on a sheet, if its text stays legible."""

    def __init__(self, width: float, height: float, run: Callable[[str], bytes]) -> None:
        self.width, self.height, self.run = width, height, run

    def place(self, source: str, *, force: bool = False) -> PageObject | None:
        from pypdf import PageObject, PdfReader, Transformation

        drawing = PdfReader(io.BytesIO(self.run(source))).pages[0]
        box = drawing.mediabox
        natural_w, natural_h = float(box.width), float(box.height)
        room_w, room_h = self.width - 2 * MARGIN, self.height - 2 * MARGIN
        scale = min(MAX_SCALE, room_w / natural_w, room_h / natural_h)
        if scale * smallest_font(source) < MIN_TEXT - 1e-6 and not force:
            return None
        page = PageObject.create_blank_page(width=self.width, height=self.height)
        x = (self.width - natural_w * scale) / 2 - float(box.left) * scale
        y = self.height - MARGIN - natural_h * scale - float(box.bottom) * scale
        page.merge_transformed_page(drawing, Transformation().scale(scale).translate(x, y))
        return page


def _first(sheet: _Sheet, sources: Sequence[str]) -> PageObject | None:
    """The page of the first of ``sources`` that fits the sheet legibly, if any."""
    for source in sources:
        page = sheet.place(source)
        if page is not None:
            return page
    return None


def smallest_font(source: str) -> float:
    """The smallest text size the DOT source asks for, in points."""
    sizes = [float(size) for size in _FONT_SIZES.findall(source)]
    return min(sizes) if sizes else DEFAULT_FONT


def _bytes(writer: object) -> bytes:
    out = io.BytesIO()
    writer.write(out)  # type: ignore[attr-defined]
    return out.getvalue()
