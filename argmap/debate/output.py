"""Handouts and the moderator sheet as Markdown, printable HTML, or PDF.

The documents come from :mod:`argmap.debate.brief` as data; this module only lays them
out. Every piece of text from the map (claims, quotations, names, notes, titles)
is escaped: in Markdown it can create no link, image, HTML, heading, list or
emphasis; in HTML it is text. Claims are cross-referenced by id with anchors
``claim-<id>``. The HTML is made for A4 paper and needs no colour and no script;
PDF is that HTML typeset by WeasyPrint (the ``pdf`` extra).
"""

from __future__ import annotations

from argmap.debate.brief import Handout, ModeratorSheet
from argmap.debate.html import handout_html, moderator_html, outline_html
from argmap.debate.markdown import handout_markdown, moderator_markdown, outline_markdown
from argmap.debate.outline import Outline
from argmap.debate.pdf import html_to_pdf
from argmap.debate.words import FORMATS, HandoutError, anchor, md_text

__all__ = [
    "FORMATS",
    "HandoutError",
    "anchor",
    "format_of",
    "generate",
    "handout_html",
    "handout_markdown",
    "md_text",
    "moderator_html",
    "moderator_markdown",
]


# -- formats -------------------------------------------------------------------------------


def format_of(path: str) -> str:
    """The output format of a path, from its suffix; raises ``HandoutError`` naming the allowed."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if suffix == "markdown":
        suffix = "md"
    if suffix == "htm":
        suffix = "html"
    if suffix not in FORMATS:
        allowed = ", ".join(f".{f}" for f in FORMATS)
        raise HandoutError(f"unknown handout format {path!r} (the file must end in {allowed})")
    return suffix


def generate(doc: Handout | ModeratorSheet | Outline, fmt: str) -> str | bytes:
    """The document in ``fmt`` (``md``, ``html`` or ``pdf``)."""
    if isinstance(doc, Outline):
        if fmt == "md":
            return outline_markdown(doc)
        page = outline_html(doc)
    elif isinstance(doc, Handout):
        if fmt == "md":
            return handout_markdown(doc)
        page = handout_html(doc)
    else:
        if fmt == "md":
            return moderator_markdown(doc)
        page = moderator_html(doc)
    if fmt == "html":
        return page
    if fmt == "pdf":
        return html_to_pdf(page)
    raise HandoutError(f"unknown handout format {fmt!r} (must be one of {', '.join(FORMATS)})")
