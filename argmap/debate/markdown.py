"""Handouts and the moderator sheet as Markdown: claim text can create no link, image,
HTML, heading, list or emphasis."""

from __future__ import annotations

import re

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
    md_id,
    md_text,
    prepare_lead,
    role_of,
    section_numbers,
    see_also,
)

# -- Markdown -------------------------------------------------------------------------------


class _Markdown(Writer):
    def __init__(self, main_source: SourceView | None) -> None:
        super().__init__(main_source)
        self.lines: list[str] = []

    def add(self, line: str = "") -> None:
        self.lines.append(line)

    def anchor(self, claim_id: str) -> str:
        name = self.first_anchor(claim_id)
        return f'<a id="{name}"></a>' if name else ""

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
    who = " · ".join(md_text(p) for p in kind_and_label(claim))
    head = (
        f"{indent}- {out.anchor(claim.id) if not link.elsewhere else ''}**{role}**{md_how(link)}: "
    )
    head += f"{md_ref(claim.id)} ({who}): {md_text(claim.text)}"
    out.add(head)
    inner = indent + "  "
    if link.elsewhere:
        out.add(f"{inner}- *{see_also(claim, out.sections)} {md_ref(claim.id)}.*")
    else:
        for card in claim.cards:
            out.add(f"{inner}- Evidence: {md_card(card, out.main_source)}")
        if claim.note:
            out.add(f"{inner}- Note: {md_text(claim.note)}")
    if link.cut:
        out.add(f"{inner}- *The exchange goes on: see the moderator sheet.*")
    for child in link.supports:
        _md_link(out, child, side, inner, role_of(child, side, claim))
    for child in link.attacks:
        _md_link(out, child, side, inner, role_of(child, side, claim))


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
        _md_link(out, link, side, "", role_of(link, side, brief.claim))
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
    out.sections = section_numbers(doc)
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
    first, first_subs, second, second_subs = intro(doc)
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
            out.add(prepare_lead(doc))
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
    counts = claim_counts(sheet)
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
    for name, ids in entry.relations():
        out.add(f"  - {name}: {', '.join(md_ref(i) for i in ids)}")
    for label in entry.undercuts:
        source, _, target = label.partition(" -> ")
        out.add(f"  - Undercuts the step {md_ref(source)} → {md_ref(target)}")
    if claim.reason:
        out.add(f"  - Left open: {md_text(claim.reason)}")
    if claim.note:
        out.add(f"  - Note: {md_text(claim.note)}")


# -- outlines (role cards, lesson pack) -----------------------------------------------------


def outline_markdown(outline: Outline) -> str:
    """A handout outline as Markdown: headings, paragraphs, quotes, lists, tables."""
    out: list[str] = [f"# {md_text(outline.title)}", ""]
    if outline.subtitle:
        out += [f"*{md_text(outline.subtitle)}*", ""]
    for block in outline.intro:
        out += _md_block(block, "")
    for section in outline.sections:
        out += [f"## {md_text(section.title)}", ""]
        for block in section.blocks:
            out += _md_block(block, "")
    text = "\n".join(out).rstrip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)


def _md_quote(quote: Quote) -> str:
    credit = f"**{md_text(quote.credit)}:** " if quote.credit else ""
    return f"{credit}“{md_text(quote.text)}”"


def _md_para(text: str, lead: str | None) -> str:
    return (f"**{md_text(lead)}** " if lead else "") + md_text(text)


def _md_block(block: Block, indent: str) -> list[str]:
    if isinstance(block, Para):
        return [indent + _md_para(block.text, block.lead), ""]
    if isinstance(block, Quote):
        return [f"{indent}> {_md_quote(block)}", ""]
    if isinstance(block, Items):
        lines: list[str] = []
        for number, item in enumerate(block.items, 1):
            mark = f"{number}." if block.numbered else "-"
            lines.append(f"{indent}{mark} {_md_para(item.text, item.lead)}")
            under = indent + " " * (len(mark) + 1)
            lines.extend(f"{under}- {_md_quote(q)}" for q in item.quotes)
            lines.extend(f"{under}- {_md_para(n.text, n.lead)}" for n in item.notes)
        return [*lines, ""]
    if isinstance(block, Table):
        lines = [
            "| " + " | ".join(md_text(h) for h in block.header) + " |",
            "|" + "---|" * len(block.header),
        ]
        lines.extend("| " + " | ".join(md_text(c) for c in row) + " |" for row in block.rows)
        return [*lines, ""]
    lines = [f"### {md_text(block.title)}", ""]
    for inner in block.blocks:
        lines.extend(_md_block(inner, indent))
    return lines
