"""An outline as Markdown: text from the map can create no link, image, HTML, heading,
list or emphasis (it is escaped by :func:`argmap.debate.words.md_text`); the only links
are to a claim's anchor in the same document."""

from __future__ import annotations

import re

from argmap.debate import outline as ol
from argmap.debate.outline import Block, Inline, Item, Outline, Quote
from argmap.debate.words import anchor, md_id, md_text


def outline_markdown(outline: Outline) -> str:
    """An outline as Markdown: headings, paragraphs, quotes, lists, tables."""
    out: list[str] = [f"# {md_text(outline.title)}", ""]
    if outline.subtitle:
        out += [f"*{md_text(outline.subtitle)}*", ""]
    for block in outline.intro:
        out += _block(block, "", 0)
    for section in outline.sections:
        out += [f"## {md_text(section.title)}", ""]
        for block in section.blocks:
            out += _block(block, "", 0)
    text = "\n".join(out).rstrip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def md_ref(claim_id: str) -> str:
    """A link to a claim's anchor, showing its id."""
    return f"[{md_id(claim_id)}](#{anchor(claim_id)})"


def inline(text: Inline, heading: bool = False) -> str:
    """Inline text as Markdown; flags are bold except in a heading. Only the first span
    starts the line, so only its text is guarded against starting a block."""
    if isinstance(text, str):
        return md_text(text)
    out = []
    for n, span in enumerate(text):
        if isinstance(span, str):
            out.append(_text_span(span, first=n == 0, heading=heading))
        elif isinstance(span, ol.Ref):
            out.append(md_ref(span.id))
        elif isinstance(span, ol.Id):
            out.append(md_id(span.text))
        elif isinstance(span, ol.Strong):
            out.append(f"**{md_text(span.text)}**")
        elif isinstance(span, ol.Em | ol.Cite):
            out.append(f"*{md_text(span.text)}*")
        elif isinstance(span, ol.Flag):
            shown = f"⚠ {span.text}" if span.kind == "prepare" else span.text
            bold = span.kind == "prepare" and not heading
            out.append(f"**{md_text(shown)}**" if bold else md_text(shown))
    return "".join(out)


def _text_span(text: str, first: bool, heading: bool) -> str:
    """Map text inside a line: escaped, with its spaces at either end kept. A span after
    the first cannot start a block, so it needs no guard (a number heading a heading is
    left as it is)."""
    if heading and first and re.fullmatch(r"\d+\. ", text):
        return text
    if not text.strip():
        return " " if text else ""
    body = md_text(text) if first else md_text("x" + text)[1:]
    after = " " if text[-1:].isspace() and body.strip() else ""
    return body + after


def _anchor(name: str | None) -> str:
    return f'<a id="{name}"></a>' if name else ""


def _led(text: Inline, lead: str | None) -> str:
    return (f"**{md_text(lead)}** " if lead else "") + inline(text)


def _quote(quote: Quote) -> str:
    credit = f"**{md_text(quote.credit)}:** " if quote.credit else ""
    return f"{credit}“{md_text(quote.text)}”"


def _items(items: tuple[Item, ...], indent: str, numbered: bool) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(items, 1):
        mark = f"{number}." if numbered else "-"
        lines.append(f"{indent}{mark} {_anchor(item.anchor)}{_led(item.text, item.lead)}")
        under = indent + " " * (len(mark) + 1)
        lines.extend(f"{under}- {_quote(q)}" for q in item.quotes)
        lines.extend(f"{under}- {_anchor(n.anchor)}{_led(n.text, n.lead)}" for n in item.notes)
        lines.extend(_items(item.children, under, False))
    return lines


def _block(block: Block, indent: str, depth: int) -> list[str]:
    if isinstance(block, ol.Para):
        return [indent + _anchor(block.anchor) + _led(block.text, block.lead), ""]
    if isinstance(block, Quote):
        return [f"{indent}> {_quote(block)}", ""]
    if isinstance(block, ol.Items):
        return [*_items(block.items, indent, block.numbered), ""]
    if isinstance(block, ol.Table):
        lines = [
            "| " + " | ".join(md_text(h) for h in block.header) + " |",
            "|" + "---|" * len(block.header),
        ]
        lines.extend("| " + " | ".join(inline(c) for c in row) + " |" for row in block.rows)
        return [*lines, ""]
    head = "#" * min(3 + depth, 6)
    lines = [f"{head} {_anchor(block.anchor)}{inline(block.title, heading=True)}", ""]
    for inner in block.blocks:
        lines.extend(_block(inner, indent, depth + 1))
    return lines
