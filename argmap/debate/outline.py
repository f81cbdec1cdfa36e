"""A handout as a format-neutral outline: what it says, not how it is laid out.

Role cards, the lesson pack and the dossier are built as an :class:`Outline` of
sections, paragraphs, quotes (with speaker and place), lists, tables and cards; the
Markdown and HTML renderers (and PDF, through HTML) only lay it out, as
:mod:`argmap.draw` does with its ``Diagram``. Text is plain text, or a tuple of
inline spans (a claim :class:`Ref`, an :class:`Id`, :class:`Strong`, :class:`Em`, a
source title :class:`Cite`, a :class:`Flag`); renderers escape all of it. Where a
claim is set out in full, its block carries the claim's ``anchor``, and a
:class:`Ref` elsewhere links to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, TypeAlias


@dataclass(frozen=True, slots=True)
class Ref:
    """A claim named by its id, linked to the place it is set out."""

    id: str


@dataclass(frozen=True, slots=True)
class Id:
    """An identifier shown as such (not linked)."""

    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    text: str


@dataclass(frozen=True, slots=True)
class Em:
    text: str


@dataclass(frozen=True, slots=True)
class Cite:
    """The title of a source."""

    text: str


@dataclass(frozen=True, slots=True)
class Flag:
    """A mark the reader must not miss: ``prepare`` (something to do) or ``open``."""

    text: str
    kind: Literal["prepare", "open"] = "prepare"


Span: TypeAlias = "str | Ref | Id | Strong | Em | Cite | Flag"
Inline: TypeAlias = "str | tuple[Span, ...]"
"""Plain text, or a run of spans."""


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

    text: Inline
    lead: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list: its text, then any quotes, notes and a nested list."""

    text: Inline
    lead: str | None = None
    quotes: tuple[Quote, ...] = ()
    notes: tuple[Para, ...] = ()
    children: tuple[Item, ...] = ()
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Items:
    """A list. ``numbered`` for steps; ``tree`` for a nested exchange drawn with rules."""

    items: tuple[Item, ...]
    numbered: bool = False
    tree: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table; ``widths`` are relative column widths (a wide column gets more)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Card:
    """A titled block, boxed; ``keep`` keeps it on one page when printed. A card inside
    a card is a sub-heading of it."""

    title: Inline
    blocks: tuple[Block, ...]
    anchor: str | None = None
    keep: bool = True
    boxed: bool = True


Block: TypeAlias = "Para | Quote | Items | Table | Card"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the handout."""

    title: str
    blocks: tuple[Block, ...]
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Outline:
    """A whole handout: title, a few lines under it, and its sections."""

    title: str
    subtitle: str | None = None
    intro: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


def plain(text: Inline) -> str:
    """Inline text as plain text."""
    if isinstance(text, str):
        return text
    return "".join(
        s if isinstance(s, str) else (s.id if isinstance(s, Ref) else s.text) for s in text
    )


def words_of(outline: Outline) -> list[str]:
    """Every heading, paragraph, list entry, quote and table row in reading order, as
    plain text (for word counts and readability)."""
    out = [outline.title]
    if outline.subtitle:
        out.append(outline.subtitle)
    out.extend(block_text(outline.intro))
    for section in outline.sections:
        out.append(section.title)
        out.extend(block_text(section.blocks))
    return out


def block_text(blocks: Iterable[Block]) -> list[str]:
    """The plain text of blocks, a unit per heading, line, entry and quote."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(_led(block.lead, block.text))
        elif isinstance(block, Quote):
            out.append(f"{block.credit}: {block.text}" if block.credit else block.text)
        elif isinstance(block, Items):
            out.extend(_item_text(block.items))
        elif isinstance(block, Table):
            out.append(" ".join(block.header))
            out.extend(" ".join(plain(c) for c in row) for row in block.rows)
        else:
            out.append(plain(block.title))
            out.extend(block_text(block.blocks))
    return out


def _led(lead: str | None, text: Inline) -> str:
    return f"{lead} {plain(text)}" if lead else plain(text)


def _item_text(items: Iterable[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.append(_led(item.lead, item.text))
        out.extend(block_text(item.quotes))
        out.extend(block_text(item.notes))
        out.extend(_item_text(item.children))
    return out


def quotes_of(outline: Outline) -> list[Quote]:
    """Every quote of the outline, in reading order."""
    found: list[Quote] = []

    def visit(blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, Quote):
                found.append(block)
            elif isinstance(block, Items):
                visit_items(block.items)
            elif isinstance(block, Card):
                visit(block.blocks)

    def visit_items(items: Iterable[Item]) -> None:
        for item in items:
            found.extend(item.quotes)
            visit_items(item.children)

    visit(outline.intro)
    for section in outline.sections:
        visit(section.blocks)
    return found
