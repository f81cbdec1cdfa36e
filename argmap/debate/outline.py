"""A handout as a format-neutral outline: what it says, not how it is laid out.

The role cards and the lesson pack are built as an :class:`Outline` of sections,
paragraphs, quotes (with speaker and place), lists and tables; the Markdown, HTML
and PDF renderers only lay it out, as :mod:`argmap.draw` does with its ``Diagram``.
All text is plain text: renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Quote:
    """Words from a source, with who says them and where: "Trotsky, para 24: ..."."""

    text: str
    speaker: str | None = None
    place: str | None = None

    @property
    def credit(self) -> str:
        """ "Trotsky, para 24", or whatever part of it is known."""
        return ", ".join(x for x in (self.speaker, self.place) if x)


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph. ``lead`` is set in bold before the text ("What you can say:")."""

    text: str
    lead: str | None = None


@dataclass(frozen=True, slots=True)
class Items:
    """A list; each item is a paragraph followed by its quotes. ``numbered`` for steps."""

    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list: a paragraph, then any quotes and sub-paragraphs under it."""

    text: str
    lead: str | None = None
    quotes: tuple[Quote, ...] = ()
    notes: tuple[Para, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A table of plain text cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Card:
    """A block kept on one page when printed: a heading, then its blocks."""

    title: str
    blocks: tuple[Block, ...]


Block: TypeAlias = "Para | Quote | Items | Table | Card"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the handout."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Outline:
    """A whole handout: title, a few lines under it, and its sections."""

    title: str
    subtitle: str | None = None
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)


def words_of(outline: Outline) -> list[str]:
    """Every paragraph of text in reading order (for word counts and readability)."""
    out = [outline.title]
    if outline.subtitle:
        out.append(outline.subtitle)
    for block in outline.intro:
        out.extend(_block_text(block))
    for section in outline.sections:
        out.append(section.title)
        for block in section.blocks:
            out.extend(_block_text(block))
    return out


def _block_text(block: Block) -> list[str]:
    if isinstance(block, Para):
        return [f"{block.lead} {block.text}" if block.lead else block.text]
    if isinstance(block, Quote):
        return [f"{block.credit}: {block.text}" if block.credit else block.text]
    if isinstance(block, Items):
        out: list[str] = []
        for item in block.items:
            out.append(f"{item.lead} {item.text}" if item.lead else item.text)
            out.extend(_block_text(q)[0] for q in item.quotes)
            out.extend(_block_text(n)[0] for n in item.notes)
        return out
    if isinstance(block, Table):
        return [" ".join(block.header), *(" ".join(row) for row in block.rows)]
    out = [block.title]
    for inner in block.blocks:
        out.extend(_block_text(inner))
    return out


def quotes_of(outline: Outline) -> list[Quote]:
    """Every quote of the outline, in reading order."""
    found: list[Quote] = []

    def visit(block: Block) -> None:
        if isinstance(block, Quote):
            found.append(block)
        elif isinstance(block, Items):
            for item in block.items:
                found.extend(item.quotes)
        elif isinstance(block, Card):
            for inner in block.blocks:
                visit(inner)

    for block in outline.intro:
        visit(block)
    for section in outline.sections:
        for block in section.blocks:
            visit(block)
    return found
