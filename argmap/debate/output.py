"""Role cards, the lesson pack and the dossier as Markdown, printable HTML, or PDF.

Each document is an outline (:mod:`argmap.debate.outline`); the renderers only lay it
out. Every piece of text from the map (claims, quotations, names, notes, titles)
is escaped: in Markdown it can create no link, image, HTML, heading, list or
emphasis; in HTML it is text. Claims are cross-referenced by id with anchors
``claim-<id>``. The HTML is made for A4 paper and needs no colour and no script;
PDF is that HTML typeset by WeasyPrint (the ``pdf`` extra).
"""

from __future__ import annotations

from argmap.debate.dossier import handout_outline, moderator_outline
from argmap.debate.html import outline_html
from argmap.debate.markdown import outline_markdown
from argmap.debate.outline import Outline
from argmap.debate.pdf import html_to_pdf
from argmap.debate.records import Handout, ModeratorSheet
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


def handout_markdown(doc: Handout) -> str:
    """A side's dossier handout as Markdown."""
    return outline_markdown(handout_outline(doc))


def handout_html(doc: Handout) -> str:
    """A side's dossier handout as a printable HTML page."""
    return outline_html(handout_outline(doc))


def moderator_markdown(sheet: ModeratorSheet) -> str:
    """The dossier's moderator sheet as Markdown."""
    return outline_markdown(moderator_outline(sheet))


def moderator_html(sheet: ModeratorSheet) -> str:
    """The dossier's moderator sheet as a printable HTML page."""
    return outline_html(moderator_outline(sheet))


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
    if isinstance(doc, Handout):
        doc = handout_outline(doc)
    elif isinstance(doc, ModeratorSheet):
        doc = moderator_outline(doc)
    if fmt == "md":
        return outline_markdown(doc)
    if fmt == "html":
        return outline_html(doc)
    if fmt == "pdf":
        return html_to_pdf(outline_html(doc))
    raise HandoutError(f"unknown handout format {fmt!r} (must be one of {', '.join(FORMATS)})")
