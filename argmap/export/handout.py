"""Handouts and the moderator sheet as Markdown, printable HTML, or PDF.

The documents come from :mod:`argmap.debate` as data; this module only lays them
out. Every piece of text from the map (claims, quotations, names, notes, titles)
is escaped: in Markdown it can create no link, image, HTML, heading, list or
emphasis; in HTML it is text. Claims are cross-referenced by id with anchors
``claim-<id>``. The HTML is made for A4 paper and needs no colour and no script;
PDF is that HTML printed by a headless Chromium (through Playwright) when both
are installed.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html import escape

from argmap.debate import (
    LABEL_MEANING,
    Brief,
    Card,
    ClaimView,
    Handout,
    Link,
    MapEntry,
    ModeratorSheet,
    PartyView,
    SourceView,
)

FORMATS = ("md", "html", "pdf")

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_MD_ALWAYS = frozenset("\\`*_[]<>#|~$&@")
_ORDERED_START = re.compile(r"^(\d+)([.)])")

PREPARE = "PREPARE"
STATUS_TEXT = {
    "answered": "answered",
    "unanswered": "UNANSWERED",
    "acknowledged": "acknowledged as open",
}


class HandoutError(Exception):
    """A handout could not be produced in the format asked for (one clear line)."""


# -- escaping -------------------------------------------------------------------------------


def md_text(text: str) -> str:
    """Map text as inert Markdown: it renders as itself, on one line.

    White space (line breaks included) is collapsed, so the text cannot start a
    block; the characters that make emphasis, code, links, images, HTML, entities,
    tables, strike-through, maths, mentions or headings are backslash-escaped, and
    so are the dots and colons that would make a bare address into a link.
    """
    flat = " ".join(text.split())
    out: list[str] = []
    for i, char in enumerate(flat):
        after = flat[i + 1] if i + 1 < len(flat) else ""
        if (
            char in _MD_ALWAYS
            or (char == "." and after.isascii() and after.isalnum())
            or (char in ":/" and after == "/")
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    if escaped and escaped[0] in "-+=.)":
        escaped = "\\" + escaped
    return _ORDERED_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)


def anchor(claim_id: str) -> str:
    """The anchor name of a claim: ``claim-<id>`` (other characters hex-encoded)."""
    if _ID_RE.fullmatch(claim_id):
        return f"claim-{claim_id}"
    return "claim-x" + claim_id.encode("utf-8").hex()


def md_id(claim_id: str) -> str:
    return f"`{claim_id}`" if _ID_RE.fullmatch(claim_id) else md_text(claim_id)


def h(text: str) -> str:
    """HTML-escaped text (quotes included, so it is safe in attributes too)."""
    return escape(text, quote=True)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# -- words shared by both formats ----------------------------------------------------------


def _kind_and_label(claim: ClaimView) -> list[str]:
    parts = [claim.party_name]
    if claim.kind != "claim":
        parts.append(claim.kind)
    if claim.label is not None:
        parts.append(f"grounded: {LABEL_MEANING[claim.label]}")
    return parts


def _see(claim: ClaimView, sections: dict[str, int]) -> str:
    if claim.id in sections:
        return f"An allegation with its own section, no. {sections[claim.id]}:"
    return "Set out in full at"


def _role(link: Link, side: PartyView, above: ClaimView) -> str:
    """What a link is to the reader: a reason, their reply, or an attack to expect."""
    if link.relation == "supports":
        return "Backed by"
    if link.claim.party == side.id:
        return "Your reply"
    if above.party == side.id:
        return f"Counter-attack by {link.claim.party_name}"
    return f"Attacked by {link.claim.party_name}"


def _intro(doc: Handout) -> tuple[str, list[str], str, list[str]]:
    """The counts at the top of a handout: two lines, each with its sub-lines."""
    must = doc.must_answer
    own = doc.own
    must_subs = (
        [
            f"answered: {sum(b.status == 'answered' for b in must)}",
            f"no answer yet, to prepare: {len(doc.to_prepare)}"
            + (f" ({len(doc.acknowledged)} acknowledged as open)" if doc.acknowledged else ""),
        ]
        if must
        else []
    )
    own_subs = (
        [
            f"answered by the other side: {sum(b.status == 'answered' for b in own)}",
            f"not answered: {sum(b.status != 'answered' for b in own)}",
            f"answers you do not attack yet, to prepare: {len(doc.to_counter)}",
        ]
        if own
        else []
    )
    return (
        f"Allegations you must answer: {len(must)}",
        must_subs,
        f"Your own allegations: {len(own)}",
        own_subs,
    )


def _prepare_lead(doc: Handout) -> str:
    lead = (
        f"{len(doc.to_prepare)} of the allegations you must answer have no answer from you "
        "in the map"
    )
    if doc.acknowledged:
        lead += (
            f" ({len(doc.acknowledged)} acknowledged as open by the map's authors, "
            "with their reason)"
        )
    return lead + ". Prepare what you will say to each:"


NOTHING_TO_PREPARE = "None: the map gives you an answer to every allegation you must answer."
COUNTER_LEAD = (
    "The other side answers your allegations with these claims, and none of your claims "
    "attacks them yet. Prepare a counter-attack to each:"
)
NOTHING_TO_COUNTER = "None: you have a counter-attack on every answer to your allegations."


HOW_TO_READ = (
    "Claims are named by their id. A claim is set out in full once, with its evidence; "
    "afterwards it is referred to by its id. “Backed by” lists the reasons given for a "
    "claim; “Counter-attack” is what another party can say against one of your claims, "
    "“Your reply” what you can say back, and “Attacked by” any other attack."
)
SEMANTICS_NOTE = (
    "Grounded status (computed by argmap): in = the claim stands once every attack is "
    "weighed, out = it is defeated, undecided = the map does not settle it."
)
NO_SEMANTICS_NOTE = "Grounded status is not shown: argmap's semantics module is not installed."


def _sections(doc: Handout) -> dict[str, int]:
    """Allegation id -> its section number, counted through both parts of the handout."""
    return {b.claim.id: n for n, b in enumerate((*doc.must_answer, *doc.own), 1)}


def _walk(links: Iterable[Link]) -> Iterable[ClaimView]:
    for link in links:
        yield link.claim
        yield from _walk(link.supports)
        yield from _walk(link.attacks)


def main_source(doc: Handout | ModeratorSheet) -> SourceView | None:
    """The source most quoted in a document: named once, not on every card."""
    if isinstance(doc, Handout):
        claims: Iterable[ClaimView] = (
            c
            for brief in (*doc.must_answer, *doc.own)
            for c in (brief.claim, *_walk(brief.case), *_walk(brief.answers))
        )
    else:
        claims = (entry.claim for entry in doc.entries)
    counts: dict[str, int] = {}
    for claim in claims:
        for card in claim.cards:
            counts[card.source] = counts.get(card.source, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda s: counts[s])
    return next((s for s in doc.sources if s.id == best), None)


def _html_main_source(main: SourceView | None) -> str:
    if main is None:
        return ""
    return (
        f"<p>Quotations are from <cite>{h(main.title)}</cite> unless another source is named.</p>\n"
    )


# -- Markdown -------------------------------------------------------------------------------


class _Markdown:
    def __init__(self, main_source: SourceView | None) -> None:
        self.lines: list[str] = []
        self.anchors: set[str] = set()
        self.sections: dict[str, int] = {}
        self.main_source = main_source.id if main_source else None

    def add(self, line: str = "") -> None:
        self.lines.append(line)

    def anchor(self, claim_id: str) -> str:
        name = anchor(claim_id)
        if name in self.anchors:
            return ""
        self.anchors.add(name)
        return f'<a id="{name}"></a>'

    def text(self) -> str:
        out = "\n".join(self.lines).rstrip("\n") + "\n"
        return re.sub(r"\n{3,}", "\n\n", out)


def md_ref(claim_id: str) -> str:
    return f"[{md_id(claim_id)}](#{anchor(claim_id)})"


def md_card(card: Card, main_source: str | None = None) -> str:
    where = [md_text(card.at)] if card.at else []
    if card.source != main_source or not where:
        where.append(f"*{md_text(card.title)}*")
    if card.quote:
        return f"“{md_text(card.quote)}” — {', '.join(where)}"
    return f"(no quotation) — {', '.join(where)}"


def md_how(link: Link) -> str:
    """How an attack bears on the claim above it (a support's target is always that claim)."""
    if link.relation == "undercuts":
        source, _, target = link.target.partition(" -> ")
        return f" (undercuts the step {md_ref(source)} → {md_ref(target)})"
    return " (rebuts)" if link.relation == "rebuts" else ""


def _md_link(out: _Markdown, link: Link, side: PartyView, indent: str, role: str) -> None:
    claim = link.claim
    who = " · ".join(md_text(p) for p in _kind_and_label(claim))
    head = (
        f"{indent}- {out.anchor(claim.id) if not link.elsewhere else ''}**{role}**{md_how(link)}: "
    )
    head += f"{md_ref(claim.id)} ({who}): {md_text(claim.text)}"
    out.add(head)
    inner = indent + "  "
    if link.elsewhere:
        out.add(f"{inner}- *{_see(claim, out.sections)} {md_ref(claim.id)}.*")
    else:
        for card in claim.cards:
            out.add(f"{inner}- Evidence: {md_card(card, out.main_source)}")
        if claim.note:
            out.add(f"{inner}- Note: {md_text(claim.note)}")
    if link.cut:
        out.add(f"{inner}- *The exchange goes on: see the moderator sheet.*")
    for child in link.supports:
        _md_link(out, child, side, inner, _role(child, side, claim))
    for child in link.attacks:
        _md_link(out, child, side, inner, _role(child, side, claim))


def _md_brief(out: _Markdown, number: int, brief: Brief, side: PartyView, mine: bool) -> None:
    claim = brief.claim
    flag = f"⚠ {PREPARE}: " if brief.status != "answered" and not mine else ""
    out.add(f"### {number}. {flag}{md_id(claim.id)} ({STATUS_TEXT[brief.status]})")
    out.add("")
    out.add(
        f"{out.anchor(claim.id)}**Alleged by {md_text(claim.party_name)}:** {md_text(claim.text)}"
    )
    out.add("")
    facts = [f"- Must answer: {', '.join(md_text(p.name) for p in brief.must_answer) or 'nobody'}"]
    facts.append(f"- Status: {STATUS_TEXT[brief.status]}")
    if claim.reason:
        facts.append(f"- Why it is left open: {md_text(claim.reason)}")
    if claim.label is not None:
        facts.append(f"- Grounded: {LABEL_MEANING[claim.label]}")
    facts.extend(f"- Evidence: {md_card(card, out.main_source)}" for card in claim.cards)
    if claim.note:
        facts.append(f"- Note: {md_text(claim.note)}")
    out.lines.extend(facts)
    out.add("")
    out.add(f"**The case for {md_id(claim.id)}**" + ("" if brief.case else ": nothing backs it"))
    out.add("")
    for link in brief.case:
        _md_link(out, link, side, "", _role(link, side, brief.claim))
    out.add("")
    who = "Your answers" if not mine else "Answers the other side can give"
    if brief.answers:
        out.add(f"**{who}**")
        out.add("")
        for link in brief.answers:
            _md_link(out, link, side, "", "Answer")
    elif brief.status == "acknowledged":
        out.add(f"**{who}:** none; the map acknowledges this allegation as open.")
    elif mine:
        out.add(f"**{who}:** none in the map; it stands unanswered.")
    else:
        out.add(f"**{who}:** none yet. **⚠ {PREPARE}** an answer to this allegation.")
    out.add("")


def handout_markdown(doc: Handout) -> str:
    """A side's handout as Markdown."""
    main = main_source(doc)
    out = _Markdown(main)
    out.sections = _sections(doc)
    side = doc.side
    out.add(f"# Debate handout: {md_text(side.name)}")
    out.add("")
    if doc.title:
        out.add(f"**Map:** {md_text(doc.title)}  ")
    role = f" ({md_text(side.role)})" if side.role else ""
    out.add(f"**Your side:** {md_text(side.name)}{role}, party {md_id(side.id)}")
    out.add("")
    if doc.description:
        out.add(md_text(doc.description))
        out.add("")
    out.add(md_text(HOW_TO_READ))
    out.add("")
    out.add(md_text(SEMANTICS_NOTE if doc.semantics else NO_SEMANTICS_NOTE))
    out.add("")
    if main:
        out.add(f"Quotations are from *{md_text(main.title)}* unless another source is named.")
        out.add("")
    out.add("## At a glance")
    out.add("")
    first, first_subs, second, second_subs = _intro(doc)
    for line, subs in ((first, first_subs), (second, second_subs)):
        out.add(f"- {line}")
        out.lines.extend(f"  - {sub}" for sub in subs)
    out.add("")
    out.add("## Points to prepare")
    out.add("")
    if doc.must_answer or not doc.own:
        out.add("### Allegations with no answer from you")
        out.add("")
        if doc.to_prepare:
            out.add(_prepare_lead(doc))
            out.add("")
            for brief in doc.to_prepare:
                out.add(
                    f"- **⚠ {PREPARE}** {md_ref(brief.claim.id)} "
                    f"(by {md_text(brief.claim.party_name)}): {md_text(brief.claim.text)}"
                )
                if brief.claim.reason is not None:
                    out.add(f"  - *Acknowledged as open:* {md_text(brief.claim.reason)}")
        elif doc.must_answer:
            out.add(NOTHING_TO_PREPARE)
        else:
            out.add("None: no allegation in the map is addressed to you.")
        out.add("")
    if doc.own:
        out.add("### Answers to your allegations that you do not attack yet")
        out.add("")
        if doc.to_counter:
            out.add(COUNTER_LEAD)
            out.add("")
            for answer, allegations in doc.to_counter:
                out.add(
                    f"- **⚠ {PREPARE}** a counter to {md_ref(answer.id)} "
                    f"(by {md_text(answer.party_name)}; it answers "
                    f"{', '.join(md_ref(a) for a in allegations)}): {md_text(answer.text)}"
                )
        else:
            out.add(NOTHING_TO_COUNTER)
        out.add("")
    out.add("## Allegations you must answer")
    out.add("")
    if not doc.must_answer:
        out.add("None: no allegation in the map is addressed to you.")
        out.add("")
    for number, brief in enumerate(doc.must_answer, 1):
        _md_brief(out, number, brief, side, mine=False)
    out.add("## Your own allegations")
    out.add("")
    if not doc.own:
        out.add("None: you make no allegation in the map.")
        out.add("")
    for number, brief in enumerate(doc.own, len(doc.must_answer) + 1):
        _md_brief(out, number, brief, side, mine=True)
    _md_sources(out, doc.sources)
    return out.text()


def moderator_markdown(sheet: ModeratorSheet) -> str:
    """The moderator sheet as Markdown."""
    main = main_source(sheet)
    out = _Markdown(main)
    out.add(f"# Moderator sheet: {md_text(sheet.title or 'argument map')}")
    out.add("")
    if sheet.description:
        out.add(md_text(sheet.description))
        out.add("")
    out.add(md_text(SEMANTICS_NOTE if sheet.semantics else NO_SEMANTICS_NOTE))
    out.add("")
    if main:
        out.add(f"Quotations are from *{md_text(main.title)}* unless another source is named.")
        out.add("")
    out.add("## Parties")
    out.add("")
    counts = _claim_counts(sheet)
    out.add("| party | name | role | claims |")
    out.add("|---|---|---|---|")
    for party in sheet.parties:
        out.add(
            f"| {md_id(party.id)} | {md_text(party.name)} | {md_text(party.role or '')} "
            f"| {counts.get(party.id, 0)} |"
        )
    out.add("")
    out.add("## Allegations")
    out.add("")
    out.add(
        "| # | allegation (by → who must answer) | status | answers | counter-attacks | grounded |"
    )
    out.add("|---|---|---|---|---|---|")
    for number, row in enumerate(sheet.allegations, 1):
        claim = row.claim
        status = STATUS_TEXT[claim.status or "unanswered"]
        if claim.status == "unanswered":
            status = f"**⚠ {status}**"
        who = f"{md_text(claim.party_name)} → " + ", ".join(
            md_text(p.name) for p in row.must_answer
        )
        out.add(
            f"| {number} | {md_ref(claim.id)}: {md_text(claim.text)} *({who})* | {status} "
            f"| {', '.join(md_ref(a) for a in row.answers) or '—'} "
            f"| {', '.join(md_ref(c) for c in row.counters) or '—'} "
            f"| {LABEL_MEANING[claim.label] if claim.label else '—'} |"
        )
    out.add("")
    out.add("## Questions for the class")
    out.add("")
    for number, question in enumerate(sheet.questions, 1):
        out.add(f"{number}. **{md_text(question.prompt)}**  ")
        out.add(f"   *Answer:* {md_text(question.answer)}")
        for claim_id in question.claims:
            entry = sheet.entry(claim_id)
            text = md_text(entry.claim.text) if entry else ""
            out.add(f"   - {md_ref(claim_id)}: {text}")
            out.lines.extend(
                f"     - Quotation: {md_card(card, out.main_source)}"
                for card in question.quotes
                if card.claim == claim_id
            )
    out.add("")
    out.add("## The whole map")
    out.add("")
    for party in sheet.parties:
        entries = [e for e in sheet.entries if e.claim.party == party.id]
        if not entries:
            continue
        role = f" ({md_text(party.role)})" if party.role else ""
        out.add(f"### {md_text(party.name)}{role}")
        out.add("")
        for entry in entries:
            _md_entry(out, entry)
        out.add("")
    _md_sources(out, sheet.sources)
    return out.text()


def _md_sources(out: _Markdown, sources: tuple[SourceView, ...]) -> None:
    if not sources:
        return
    out.add("## Sources")
    out.add("")
    for source in sources:
        details = [md_text(x) for x in (source.author, source.date, source.url) if x]
        out.add(
            f"- {md_id(source.id)}: *{md_text(source.title)}*"
            + (f", {', '.join(details)}" if details else "")
        )


def _md_entry(out: _Markdown, entry: MapEntry) -> None:
    claim = entry.claim
    facts: list[str] = [claim.kind]
    if claim.status:
        facts.append(STATUS_TEXT[claim.status])
    if claim.label:
        facts.append(f"grounded: {LABEL_MEANING[claim.label]}")
    out.add(
        f"- {out.anchor(claim.id)}**{md_id(claim.id)}** ({'; '.join(facts)}): {md_text(claim.text)}"
    )
    for card in claim.cards:
        out.add(f"  - Evidence: {md_card(card, out.main_source)}")
    for name, ids in _relations(entry):
        out.add(f"  - {name}: {', '.join(md_ref(i) for i in ids)}")
    for label in entry.undercuts:
        source, _, target = label.partition(" -> ")
        out.add(f"  - Undercuts the step {md_ref(source)} → {md_ref(target)}")
    if claim.reason:
        out.add(f"  - Left open: {md_text(claim.reason)}")
    if claim.note:
        out.add(f"  - Note: {md_text(claim.note)}")


def _relations(entry: MapEntry) -> Iterable[tuple[str, tuple[str, ...]]]:
    for name, ids in (
        ("Supports", entry.supports),
        ("Rebuts", entry.rebuts),
        ("Backed by", entry.supported_by),
        ("Attacked by", entry.attacked_by),
    ):
        if ids:
            yield name, ids


def _claim_counts(sheet: ModeratorSheet) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in sheet.entries:
        counts[entry.claim.party] = counts.get(entry.claim.party, 0) + 1
    return counts


# -- HTML -----------------------------------------------------------------------------------

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
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
td .id, td.id { overflow-wrap: anywhere; }
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


def _html_page(title: str, body: str) -> str:
    css = PRINT_CSS
    policy = f"default-src 'none'; style-src 'sha256-{_sha256(css)}'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


class _Html:
    def __init__(self, main_source: SourceView | None) -> None:
        self.parts: list[str] = []
        self.anchors: set[str] = set()
        self.sections: dict[str, int] = {}
        self.main_source = main_source.id if main_source else None

    def add(self, part: str) -> None:
        self.parts.append(part)

    def id_attr(self, claim_id: str) -> str:
        name = anchor(claim_id)
        if name in self.anchors:
            return ""
        self.anchors.add(name)
        return f' id="{h(name)}"'

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
    who = " · ".join(h(p) for p in _kind_and_label(claim))
    ident = "" if link.elsewhere else out.id_attr(claim.id)
    out.add(
        f'<li{ident}><span class="role">{h(role)}</span>{html_how(link)}: '
        f"{html_ref(claim.id)} ({who}): {h(claim.text)}"
    )
    if link.elsewhere:
        out.add(f' <span class="see">{_see(claim, out.sections)} {html_ref(claim.id)}.</span>')
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
            _html_link(out, child, side, _role(child, side, claim))
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
            _html_link(out, link, side, _role(link, side, brief.claim))
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
    out.sections = _sections(doc)
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
    out.add(_html_main_source(main) + "</header>\n")
    first, first_subs, second, second_subs = _intro(doc)
    out.add("<h2>At a glance</h2>\n<ul>")
    for line, subs in ((first, first_subs), (second, second_subs)):
        inner = "<ul>" + "".join(f"<li>{h(x)}</li>" for x in subs) + "</ul>" if subs else ""
        out.add(f"<li>{h(line)}{inner}</li>")
    out.add("</ul>\n")
    out.add('<h2 id="points-to-prepare">Points to prepare</h2>\n')
    if doc.must_answer or not doc.own:
        out.add("<h3>Allegations with no answer from you</h3>\n")
        if doc.to_prepare:
            out.add(f'<p>{h(_prepare_lead(doc))}</p>\n<ul class="to-prepare">')
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
    out.add(_html_main_source(main) + "</header>\n")
    counts = _claim_counts(sheet)
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
    rows = [f"{h(name)}: {', '.join(html_ref(i) for i in ids)}" for name, ids in _relations(entry)]
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


def generate(doc: Handout | ModeratorSheet, fmt: str) -> str | bytes:
    """The document in ``fmt`` (``md``, ``html`` or ``pdf``)."""
    if isinstance(doc, Handout):
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


def chromium_path() -> str | None:
    """Debian's Chromium, or another Chromium on PATH."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


def html_to_pdf(page: str) -> bytes:
    """Print an HTML page to A4 PDF with headless Chromium, with every network request refused."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise HandoutError(
            "PDF needs Playwright for Python (pip install playwright) and Chromium; "
            "or write .html and print it"
        ) from None
    executable = chromium_path()
    if executable is None:
        raise HandoutError(
            "PDF needs Chromium (apt-get install chromium); or write .html and print it"
        )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=list(CHROMIUM_ARGS)
            )
            try:
                tab = browser.new_page()
                tab.route("**/*", lambda route: route.abort())
                tab.set_content(page, wait_until="load")
                pdf: bytes = tab.pdf(format="A4", prefer_css_page_size=True)
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HandoutError(f"Chromium could not print the PDF: {first}") from None
    return pdf
