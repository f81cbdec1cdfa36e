"""An outline as a printable HTML page: A4, numbered pages, no card split across a page
break, no colour needed, no script, a Content-Security-Policy that allows only the page's
own stylesheet. Text from the map is escaped; the only links are to the page's anchors."""

from __future__ import annotations

from argmap.debate import outline as ol
from argmap.debate.outline import Block, Inline, Item, Outline, Quote
from argmap.debate.words import anchor
from argmap.htmltext import h, sha256

PRINT_CSS = """
@page { size: A4; margin: 12mm 14mm 14mm 14mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
    font: 8.5pt "DejaVu Sans", sans-serif; } }
:root { color: #000; background: #fff; }
body { font: 9.6pt/1.3 "DejaVu Sans", Verdana, sans-serif; max-width: 46em; margin: 1.5em auto;
  padding: 0 1em; }
h1 { font-size: 1.55em; margin: 0 0 .1em; }
.subtitle { font-style: italic; margin: 0 0 .6em; }
h2 { font-size: 1.15em; border-bottom: 1.5px solid #000; margin: .8em 0 .3em; break-after: avoid; }
h3, h4, h5 { font-size: 1em; margin: .5em 0 .25em; break-after: avoid; }
.card > h3, .card > h4 { margin-top: 0; }
p { margin: .2em 0; }
.card { border: 1px solid #000; border-radius: 3px; padding: .25em .6em .3em; margin: .4em 0; }
.keep { break-inside: avoid; }
blockquote { margin: .15em 0 .15em .2em; padding-left: .6em; border-left: 3px solid #000; }
.credit { font-weight: bold; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: .92em;
  hyphens: manual; overflow-wrap: normal; word-break: normal; }
a { color: inherit; text-decoration: none; }
ul, ol { margin: .3em 0; padding-left: 1.4em; }
li { margin: .1em 0; }
li ul { list-style: none; padding-left: .4em; }
.exchange { list-style: none; padding-left: 1em; }
.exchange li { border-left: 1px solid #000; padding-left: .5em; margin: .3em 0; }
.exchange li li { border-left: 1px dotted #000; }
.prepare { border: 1.5px solid #000; font-weight: bold; padding: 0 .25em; }
.open { border: 1px dashed #000; padding: 0 .25em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; margin: .4em 0; }
th, td { border: 1px solid #000; padding: .2em .35em; vertical-align: top; text-align: left;
  hyphens: manual; overflow-wrap: normal; }
td:first-child { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
""" + "".join(f".w{n} {{ width: {4 * n}%; }}\n" for n in range(1, 13))


def outline_html(outline: Outline) -> str:
    """An outline as a printable HTML page."""
    parts = [f"<header>\n<h1>{h(outline.title)}</h1>\n"]
    if outline.subtitle:
        parts.append(f'<p class="subtitle">{h(outline.subtitle)}</p>\n')
    parts.extend(_block(b, 0) for b in outline.intro)
    parts.append("</header>\n")
    for section in outline.sections:
        parts.append(f"<section>\n<h2{_id(section.anchor)}>{h(section.title)}</h2>\n")
        parts.extend(_block(b, 0) for b in section.blocks)
        parts.append("</section>\n")
    title = outline.title + (f" — {outline.subtitle}" if outline.subtitle else "")
    return _page(title, f"<main>\n{''.join(parts)}</main>\n")


def _page(title: str, body: str) -> str:
    css = PRINT_CSS
    policy = f"default-src 'none'; style-src 'sha256-{sha256(css)}'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _id(name: str | None) -> str:
    return f' id="{h(name)}"' if name else ""


def inline(text: Inline) -> str:
    """Inline text as HTML."""
    if isinstance(text, str):
        return h(text)
    out = []
    for span in text:
        if isinstance(span, str):
            out.append(h(span))
        elif isinstance(span, ol.Ref):
            out.append(f'<a class="id" href="#{h(anchor(span.id))}">{h(span.id)}</a>')
        elif isinstance(span, ol.Id):
            out.append(f'<span class="id">{h(span.text)}</span>')
        elif isinstance(span, ol.Strong):
            out.append(f"<strong>{h(span.text)}</strong>")
        elif isinstance(span, ol.Em):
            out.append(f"<em>{h(span.text)}</em>")
        elif isinstance(span, ol.Cite):
            out.append(f"<cite>{h(span.text)}</cite>")
        elif isinstance(span, ol.Flag):
            shown = f"⚠ {span.text}" if span.kind == "prepare" else span.text
            out.append(f'<span class="{span.kind}">{h(shown)}</span>')
    return "".join(out)


def _led(text: Inline, lead: str | None) -> str:
    return (f"<strong>{h(lead)}</strong> " if lead else "") + inline(text)


def _quote(quote: Quote) -> str:
    credit = f'<span class="credit">{h(quote.credit)}:</span> ' if quote.credit else ""
    return f"{credit}“{h(quote.text)}”"


def _items(items: tuple[Item, ...], numbered: bool, tree: bool) -> str:
    tag = "ol" if numbered else "ul"
    rows = []
    for item in items:
        inner = [f"<blockquote>{_quote(q)}</blockquote>" for q in item.quotes]
        inner += [f"<p{_id(n.anchor)}>{_led(n.text, n.lead)}</p>" for n in item.notes]
        if item.children:
            inner.append(_items(item.children, False, tree))
        rows.append(f"<li{_id(item.anchor)}>{_led(item.text, item.lead)}{''.join(inner)}</li>\n")
    css = ' class="exchange"' if tree else ""
    return f"<{tag}{css}>\n{''.join(rows)}</{tag}>\n"


def _block(block: Block, depth: int) -> str:
    if isinstance(block, ol.Para):
        return f"<p{_id(block.anchor)}>{_led(block.text, block.lead)}</p>\n"
    if isinstance(block, Quote):
        return f"<blockquote>{_quote(block)}</blockquote>\n"
    if isinstance(block, ol.Items):
        return _items(block.items, block.numbered, block.tree)
    if isinstance(block, ol.Table):
        cols = ""
        if block.widths:
            cols = "<colgroup>" + "".join(f'<col class="w{min(w, 12)}">' for w in block.widths)
            cols += "</colgroup>"
        head = "".join(f"<th>{h(c)}</th>" for c in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>\n" for row in block.rows
        )
        return f"<table>{cols}<thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"
    level = min(3 + depth, 6)
    heading = f"<h{level}>{inline(block.title)}</h{level}>\n"
    inner = "".join(_block(b, depth + 1) for b in block.blocks)
    if not block.boxed:
        return f"<div{_id(block.anchor)}>\n{heading}{inner}</div>\n"
    css = "card keep" if block.keep else "card"
    return f'<section class="{css}"{_id(block.anchor)}>\n{heading}{inner}</section>\n'
