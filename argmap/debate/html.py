"""Handouts and the moderator sheet as printable HTML: A4, no colour needed, no script,
a Content-Security-Policy that allows only the page's own stylesheet."""

from __future__ import annotations

from argmap.debate.brief import (
    LABEL_MEANING,
    Brief,
    Card,
    Handout,
    Link,
    MapEntry,
    ModeratorSheet,
    PartyView,
    SourceView,
)
from argmap.debate.outline import Block, Items, Outline, Para, Quote, Table
from argmap.debate.words import (
    COUNTER_LEAD,
    HOW_TO_READ,
    NO_SEMANTICS_NOTE,
    NOTHING_TO_COUNTER,
    NOTHING_TO_PREPARE,
    PREPARE,
    SEMANTICS_NOTE,
    STATUS_TEXT,
    Writer,
    anchor,
    claim_counts,
    intro,
    kind_and_label,
    main_source,
    prepare_lead,
    role_of,
    section_numbers,
    see_also,
)
from argmap.htmltext import h, sha256


def html_main_source(main: SourceView | None) -> str:
    if main is None:
        return ""
    return (
        f"<p>Quotations are from <cite>{h(main.title)}</cite> unless another source is named.</p>\n"
    )


# -- HTML -----------------------------------------------------------------------------------

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
:root { color: #000; background: #fff; }
body { font: 11pt/1.45 "DejaVu Serif", Georgia, serif; max-width: 46em; margin: 1.5em auto;
  padding: 0 1em; }
h1 { font-size: 1.7em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #000; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin: 1.4em 0 .4em; break-after: avoid; }
code, .id { font: .9em "DejaVu Sans Mono", monospace; }
a { color: inherit; }
.meta { margin: .2em 0; }
.allegation { border: 1px solid #000; padding: .2em .9em .6em; margin: 1.2em 0;
  break-inside: auto; }
.alleges { font-size: 1.05em; margin: .4em 0; }
.facts { margin: .3em 0; padding-left: 1.2em; }
.card { border-left: 3px double #000; padding: .1em .6em; margin: .3em 0; break-inside: avoid; }
.card q { font-style: italic; }
.card q::before { content: "“"; } .card q::after { content: "”"; }
.exchange { list-style: none; padding-left: 1.1em; margin: .3em 0; }
.exchange > li { margin: .45em 0; border-left: 1px solid #000; padding-left: .6em; }
.role { font-weight: bold; text-transform: none; }
.prepare { border: 2px solid #000; font-weight: bold; padding: 0 .3em; }
.open { border: 1px dashed #000; padding: 0 .3em; }
.see { font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .6em 0; }
table.allegations { table-layout: fixed; }
.c-num { width: 2.2em; } .c-claim { width: 44%; } .c-status { width: 7.5em; }
.c-label { width: 6.5em; }
.id { hyphens: manual; overflow-wrap: normal; word-break: normal; }
.who { font-style: italic; font-size: .92em; }
th, td { border: 1px solid #000; padding: .25em .4em; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.questions > li { margin: .7em 0; break-inside: avoid; }
.answer-key { margin: .2em 0 .2em 0; }
.note { font-size: .95em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { text-decoration: none; }
  h2 { break-after: avoid; }
}
"""


def _html_page(title: str, body: str, css: str = PRINT_CSS) -> str:
    policy = f"default-src 'none'; style-src 'sha256-{sha256(css)}'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


class _Html(Writer):
    def __init__(self, main_source: SourceView | None) -> None:
        super().__init__(main_source)
        self.parts: list[str] = []

    def add(self, part: str) -> None:
        self.parts.append(part)

    def id_attr(self, claim_id: str) -> str:
        name = self.first_anchor(claim_id)
        return f' id="{h(name)}"' if name else ""

    def text(self) -> str:
        return "".join(self.parts)


def html_ref(claim_id: str) -> str:
    return f'<a class="id" href="#{h(anchor(claim_id))}">{h(claim_id)}</a>'


def html_card(card: Card, main_source: str | None = None) -> str:
    where = [h(card.at)] if card.at else []
    if card.source != main_source or not where:
        where.append(f"<cite>{h(card.title)}</cite>")
    quote = f"<q>{h(card.quote)}</q> " if card.quote else "(no quotation) "
    return f'<div class="card">{quote}<span class="where">— {", ".join(where)}</span></div>'


def html_how(link: Link) -> str:
    if link.relation == "undercuts":
        source, _, target = link.target.partition(" -> ")
        return f" (undercuts the step {html_ref(source)} → {html_ref(target)})"
    return " (rebuts)" if link.relation == "rebuts" else ""


def _html_link(out: _Html, link: Link, side: PartyView, role: str) -> None:
    claim = link.claim
    who = " · ".join(h(p) for p in kind_and_label(claim))
    ident = "" if link.elsewhere else out.id_attr(claim.id)
    out.add(
        f'<li{ident}><span class="role">{h(role)}</span>{html_how(link)}: '
        f"{html_ref(claim.id)} ({who}): {h(claim.text)}"
    )
    if link.elsewhere:
        out.add(f' <span class="see">{see_also(claim, out.sections)} {html_ref(claim.id)}.</span>')
    else:
        out.add("".join(html_card(card, out.main_source) for card in claim.cards))
        if claim.note:
            out.add(f'<div class="note">Note: {h(claim.note)}</div>')
    if link.cut:
        out.add('<div class="see">The exchange goes on: see the moderator sheet.</div>')
    children = (*link.supports, *link.attacks)
    if children:
        out.add('<ul class="exchange">')
        for child in children:
            _html_link(out, child, side, role_of(child, side, claim))
        out.add("</ul>")
    out.add("</li>\n")


def _html_brief(out: _Html, number: int, brief: Brief, side: PartyView, mine: bool) -> None:
    claim = brief.claim
    flag = (
        f'<span class="prepare">⚠ {PREPARE}</span> '
        if brief.status != "answered" and not mine
        else ""
    )
    status = STATUS_TEXT[brief.status]
    status_html = f'<span class="open">{h(status)}</span>' if brief.status != "answered" else status
    out.add(f'<section class="allegation"{out.id_attr(claim.id)}>\n')
    out.add(f'<h3>{number}. {flag}<span class="id">{h(claim.id)}</span> ({status_html})</h3>\n')
    out.add(
        f'<p class="alleges"><strong>Alleged by {h(claim.party_name)}:</strong> '
        f"{h(claim.text)}</p>\n"
    )
    facts = [
        "Must answer: " + (", ".join(h(p.name) for p in brief.must_answer) or "nobody"),
        f"Status: {status_html}",
    ]
    if claim.reason:
        facts.append(f"Why it is left open: {h(claim.reason)}")
    if claim.label is not None:
        facts.append(f"Grounded: {h(LABEL_MEANING[claim.label])}")
    if claim.note:
        facts.append(f"Note: {h(claim.note)}")
    out.add('<ul class="facts">' + "".join(f"<li>{f}</li>" for f in facts) + "</ul>\n")
    out.add("".join(html_card(card, out.main_source) for card in claim.cards))
    case_title = f"The case for {h(claim.id)}"
    if brief.case:
        out.add(f'<h4>{case_title}</h4>\n<ul class="exchange">\n')
        for link in brief.case:
            _html_link(out, link, side, role_of(link, side, brief.claim))
        out.add("</ul>\n")
    else:
        out.add(f"<h4>{case_title}: nothing backs it</h4>\n")
    who = "Your answers" if not mine else "Answers the other side can give"
    if brief.answers:
        out.add(f'<h4>{who}</h4>\n<ul class="exchange">\n')
        for link in brief.answers:
            _html_link(out, link, side, "Answer")
        out.add("</ul>\n")
    elif brief.status == "acknowledged":
        out.add(f"<h4>{who}: none</h4><p>The map acknowledges this allegation as open.</p>\n")
    elif mine:
        out.add(f"<h4>{who}: none</h4><p>It stands unanswered in the map.</p>\n")
    else:
        out.add(
            f'<h4>{who}: none yet</h4><p><span class="prepare">⚠ {PREPARE}</span> '
            "an answer to this allegation.</p>\n"
        )
    out.add("</section>\n")


def handout_html(doc: Handout) -> str:
    """A side's handout as a printable HTML page (A4, no colour, no script)."""
    main = main_source(doc)
    out = _Html(main)
    out.sections = section_numbers(doc)
    side = doc.side
    out.add(f"<header>\n<h1>Debate handout: {h(side.name)}</h1>\n")
    if doc.title:
        out.add(f'<p class="meta"><strong>Map:</strong> {h(doc.title)}</p>\n')
    role = f" ({h(side.role)})" if side.role else ""
    out.add(
        f'<p class="meta"><strong>Your side:</strong> {h(side.name)}{role}, party '
        f'<span class="id">{h(side.id)}</span></p>\n'
    )
    if doc.description:
        out.add(f"<p>{h(doc.description)}</p>\n")
    out.add(f"<p>{h(HOW_TO_READ)}</p>\n")
    out.add(f"<p>{h(SEMANTICS_NOTE if doc.semantics else NO_SEMANTICS_NOTE)}</p>\n")
    out.add(html_main_source(main) + "</header>\n")
    first, first_subs, second, second_subs = intro(doc)
    out.add("<h2>At a glance</h2>\n<ul>")
    for line, subs in ((first, first_subs), (second, second_subs)):
        inner = "<ul>" + "".join(f"<li>{h(x)}</li>" for x in subs) + "</ul>" if subs else ""
        out.add(f"<li>{h(line)}{inner}</li>")
    out.add("</ul>\n")
    out.add('<h2 id="points-to-prepare">Points to prepare</h2>\n')
    if doc.must_answer or not doc.own:
        out.add("<h3>Allegations with no answer from you</h3>\n")
        if doc.to_prepare:
            out.add(f'<p>{h(prepare_lead(doc))}</p>\n<ul class="to-prepare">')
            for brief in doc.to_prepare:
                out.add(
                    f'<li><span class="prepare">⚠ {PREPARE}</span> {html_ref(brief.claim.id)} '
                    f"(by {h(brief.claim.party_name)}): {h(brief.claim.text)}"
                )
                if brief.claim.reason is not None:
                    out.add(f"<br><em>Acknowledged as open:</em> {h(brief.claim.reason)}")
                out.add("</li>\n")
            out.add("</ul>\n")
        elif doc.must_answer:
            out.add(f"<p>{h(NOTHING_TO_PREPARE)}</p>\n")
        else:
            out.add("<p>None: no allegation in the map is addressed to you.</p>\n")
    if doc.own:
        out.add("<h3>Answers to your allegations that you do not attack yet</h3>\n")
        if doc.to_counter:
            out.add(f'<p>{h(COUNTER_LEAD)}</p>\n<ul class="to-prepare">')
            for answer, allegations in doc.to_counter:
                out.add(
                    f'<li><span class="prepare">⚠ {PREPARE}</span> a counter to '
                    f"{html_ref(answer.id)} (by {h(answer.party_name)}; it answers "
                    f"{', '.join(html_ref(a) for a in allegations)}): {h(answer.text)}</li>\n"
                )
            out.add("</ul>\n")
        else:
            out.add(f"<p>{h(NOTHING_TO_COUNTER)}</p>\n")
    out.add("<h2>Allegations you must answer</h2>\n")
    if not doc.must_answer:
        out.add("<p>None: no allegation in the map is addressed to you.</p>\n")
    for number, brief in enumerate(doc.must_answer, 1):
        _html_brief(out, number, brief, side, mine=False)
    out.add("<h2>Your own allegations</h2>\n")
    if not doc.own:
        out.add("<p>None: you make no allegation in the map.</p>\n")
    for number, brief in enumerate(doc.own, len(doc.must_answer) + 1):
        _html_brief(out, number, brief, side, mine=True)
    _html_sources(out, doc.sources)
    title = f"Debate handout: {side.name}" + (f" — {doc.title}" if doc.title else "")
    return _html_page(title, f"<main>\n{out.text()}</main>\n")


def moderator_html(sheet: ModeratorSheet) -> str:
    """The moderator sheet as a printable HTML page."""
    main = main_source(sheet)
    out = _Html(main)
    title = f"Moderator sheet: {sheet.title or 'argument map'}"
    out.add(f"<header>\n<h1>{h(title)}</h1>\n")
    if sheet.description:
        out.add(f"<p>{h(sheet.description)}</p>\n")
    out.add(f"<p>{h(SEMANTICS_NOTE if sheet.semantics else NO_SEMANTICS_NOTE)}</p>\n")
    out.add(html_main_source(main) + "</header>\n")
    counts = claim_counts(sheet)
    out.add("<h2>Parties</h2>\n<table><thead><tr><th>party</th><th>name</th><th>role</th>")
    out.add("<th>claims</th></tr></thead><tbody>\n")
    for party in sheet.parties:
        out.add(
            f'<tr><td class="id">{h(party.id)}</td><td>{h(party.name)}</td>'
            f"<td>{h(party.role or '')}</td><td>{counts.get(party.id, 0)}</td></tr>\n"
        )
    out.add("</tbody></table>\n<h2>Allegations</h2>\n")
    out.add(
        '<table class="allegations"><colgroup><col class="c-num"><col class="c-claim">'
        '<col class="c-status"><col class="c-ids"><col class="c-ids"><col class="c-label">'
        "</colgroup><thead><tr><th>#</th><th>allegation (by → who must answer)</th>"
        "<th>status</th><th>answers</th><th>counter-attacks</th><th>grounded</th></tr>"
        "</thead><tbody>\n"
    )
    for number, row in enumerate(sheet.allegations, 1):
        claim = row.claim
        status = h(STATUS_TEXT[claim.status or "unanswered"])
        if claim.status == "unanswered":
            status = f'<span class="prepare">⚠ {status}</span>'
        who = f"{h(claim.party_name)} → " + ", ".join(h(p.name) for p in row.must_answer)
        out.add(
            f"<tr><td>{number}</td><td>{html_ref(claim.id)}: {h(claim.text)} "
            f'<span class="who">({who})</span></td><td>{status}</td>'
            f"<td>{', '.join(html_ref(a) for a in row.answers) or '—'}</td>"
            f"<td>{', '.join(html_ref(c) for c in row.counters) or '—'}</td>"
            f"<td>{h(LABEL_MEANING[claim.label]) if claim.label else '—'}</td></tr>\n"
        )
    out.add('</tbody></table>\n<h2>Questions for the class</h2>\n<ol class="questions">\n')
    for question in sheet.questions:
        out.add(
            f"<li><strong>{h(question.prompt)}</strong>"
            f'<p class="answer-key"><em>Answer:</em> {h(question.answer)}</p>'
        )
        if question.claims:
            out.add("<ul>")
            for claim_id in question.claims:
                entry = sheet.entry(claim_id)
                text = h(entry.claim.text) if entry else ""
                cards = "".join(
                    html_card(card, out.main_source)
                    for card in question.quotes
                    if card.claim == claim_id
                )
                out.add(f"<li>{html_ref(claim_id)}: {text}{cards}</li>")
            out.add("</ul>")
        out.add("</li>\n")
    out.add("</ol>\n<h2>The whole map</h2>\n")
    for party in sheet.parties:
        entries = [e for e in sheet.entries if e.claim.party == party.id]
        if not entries:
            continue
        role = f" ({h(party.role)})" if party.role else ""
        out.add(f'<h3>{h(party.name)}{role}</h3>\n<ul class="exchange">\n')
        for entry in entries:
            _html_entry(out, entry)
        out.add("</ul>\n")
    _html_sources(out, sheet.sources)
    return _html_page(title, f"<main>\n{out.text()}</main>\n")


def _html_sources(out: _Html, sources: tuple[SourceView, ...]) -> None:
    if not sources:
        return
    out.add("<h2>Sources</h2>\n<ul>\n")
    for source in sources:
        details = [h(x) for x in (source.author, source.date, source.url) if x]
        out.add(
            f'<li><span class="id">{h(source.id)}</span>: <cite>{h(source.title)}</cite>'
            + (f", {', '.join(details)}" if details else "")
            + "</li>\n"
        )
    out.add("</ul>\n")


def _html_entry(out: _Html, entry: MapEntry) -> None:
    claim = entry.claim
    facts: list[str] = [claim.kind]
    if claim.status:
        facts.append(STATUS_TEXT[claim.status])
    if claim.label:
        facts.append(f"grounded: {LABEL_MEANING[claim.label]}")
    out.add(
        f'<li{out.id_attr(claim.id)}><strong class="id">{h(claim.id)}</strong> '
        f"({h('; '.join(facts))}): {h(claim.text)}"
    )
    out.add("".join(html_card(card, out.main_source) for card in claim.cards))
    rows = [f"{h(name)}: {', '.join(html_ref(i) for i in ids)}" for name, ids in entry.relations()]
    for label in entry.undercuts:
        source, _, target = label.partition(" -> ")
        rows.append(f"Undercuts the step {html_ref(source)} → {html_ref(target)}")
    if claim.reason:
        rows.append(f"Left open: {h(claim.reason)}")
    if claim.note:
        rows.append(f"Note: {h(claim.note)}")
    if rows:
        out.add('<ul class="facts">' + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
    out.add("</li>\n")


# -- outlines (role cards, lesson pack) -----------------------------------------------------

OUTLINE_CSS = """
@page { size: A4; margin: 12mm 14mm 14mm 14mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
    font: 8.5pt "DejaVu Sans", sans-serif; } }
:root { color: #000; background: #fff; }
body { font: 9.6pt/1.3 "DejaVu Sans", Verdana, sans-serif; max-width: 46em; margin: 1.5em auto;
  padding: 0 1em; }
h1 { font-size: 1.55em; margin: 0 0 .1em; }
.subtitle { font-style: italic; margin: 0 0 .6em; }
h2 { font-size: 1.15em; border-bottom: 1.5px solid #000; margin: .8em 0 .3em; break-after: avoid; }
h3 { font-size: 1em; margin: 0 0 .25em; break-after: avoid; }
p { margin: .2em 0; }
.card { border: 1px solid #000; border-radius: 3px; padding: .25em .6em .3em; margin: .4em 0;
  break-inside: avoid; }
blockquote { margin: .15em 0 .15em .2em; padding-left: .6em; border-left: 3px solid #000; }
.credit { font-weight: bold; }
ul, ol { margin: .3em 0; padding-left: 1.4em; }
li { margin: .1em 0; break-inside: avoid; }
li ul { list-style: none; padding-left: .4em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; margin: .4em 0; }
th, td { border: 1px solid #000; padding: .2em .35em; vertical-align: top; text-align: left;
  hyphens: manual; overflow-wrap: normal; }
td:first-child { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
"""


def outline_html(outline: Outline) -> str:
    """A handout outline as a printable HTML page: A4, numbered pages, no card split."""
    parts = [f"<header>\n<h1>{h(outline.title)}</h1>\n"]
    if outline.subtitle:
        parts.append(f'<p class="subtitle">{h(outline.subtitle)}</p>\n')
    parts.extend(_html_block(b) for b in outline.intro)
    parts.append("</header>\n")
    for section in outline.sections:
        parts.append(f"<section>\n<h2>{h(section.title)}</h2>\n")
        parts.extend(_html_block(b) for b in section.blocks)
        parts.append("</section>\n")
    title = outline.title + (f" — {outline.subtitle}" if outline.subtitle else "")
    return _html_page(title, f"<main>\n{''.join(parts)}</main>\n", OUTLINE_CSS)


def _html_para(text: str, lead: str | None) -> str:
    return (f"<strong>{h(lead)}</strong> " if lead else "") + h(text)


def _html_quote(quote: Quote) -> str:
    credit = f'<span class="credit">{h(quote.credit)}:</span> ' if quote.credit else ""
    return f"{credit}“{h(quote.text)}”"


def _html_block(block: Block) -> str:
    if isinstance(block, Para):
        return f"<p>{_html_para(block.text, block.lead)}</p>\n"
    if isinstance(block, Quote):
        return f"<blockquote>{_html_quote(block)}</blockquote>\n"
    if isinstance(block, Items):
        tag = "ol" if block.numbered else "ul"
        rows = []
        for item in block.items:
            inner = [f"<li>{_html_quote(q)}</li>" for q in item.quotes]
            inner += [f"<li>{_html_para(n.text, n.lead)}</li>" for n in item.notes]
            sub = f"<ul>{''.join(inner)}</ul>" if inner else ""
            rows.append(f"<li>{_html_para(item.text, item.lead)}{sub}</li>\n")
        return f"<{tag}>\n{''.join(rows)}</{tag}>\n"
    if isinstance(block, Table):
        head = "".join(f"<th>{h(c)}</th>" for c in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{h(c)}</td>" for c in row) + "</tr>\n" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"
    body = "".join(_html_block(b) for b in block.blocks)
    return f'<div class="card">\n<h3>{h(block.title)}</h3>\n{body}</div>\n'
