"""The dossier as an outline: a side's full handout and the moderator sheet, every
exchange with claim ids, for the teacher and the strong student (``--dossier``).

A claim is set out in full once per document, where its anchor is; elsewhere a
:class:`~argmap.debate.outline.Ref` links to it. Quotes name their speaker and place.
"""

from __future__ import annotations

from argmap.debate.outline import (
    Block,
    Card,
    Cite,
    Em,
    Flag,
    Id,
    Inline,
    Item,
    Items,
    Outline,
    Para,
    Quote,
    Ref,
    Section,
    Span,
    Strong,
    Table,
)
from argmap.debate.records import (
    LABEL_MEANING,
    Brief,
    ClaimView,
    Handout,
    Link,
    MapEntry,
    ModeratorSheet,
    PartyView,
    SourceView,
)
from argmap.debate.records import (
    Card as Evidence,
)
from argmap.debate.words import (
    COUNTER_LEAD,
    HOW_TO_READ,
    NO_SEMANTICS_NOTE,
    NOTHING_TO_COUNTER,
    NOTHING_TO_PREPARE,
    PREPARE,
    SEMANTICS_NOTE,
    STATUS_TEXT,
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


class _Anchors:
    """Each claim's anchor, given at the first place it is set out, and only there."""

    def __init__(self) -> None:
        self.given: set[str] = set()

    def first(self, claim_id: str) -> str | None:
        name = anchor(claim_id)
        if name in self.given:
            return None
        self.given.add(name)
        return name


def evidence(card: Evidence, main: str | None) -> Quote | Para:
    """An evidence card as a quote with speaker and place (the source named unless main)."""
    where = [card.at] if card.at else []
    if card.source != main or not where:
        where.append(card.title)
    if card.quote:
        return Quote(" ".join(card.quote.split()), card.by, ", ".join(where))
    return Para(f"(no quotation) — {', '.join(where)}", lead="Evidence:")


def _quotes(claim: ClaimView, main: str | None) -> tuple[tuple[Quote, ...], tuple[Para, ...]]:
    quotes: list[Quote] = []
    bare: list[Para] = []
    for card in claim.cards:
        made = evidence(card, main)
        (quotes if isinstance(made, Quote) else bare).append(made)  # type: ignore[arg-type]
    return tuple(quotes), tuple(bare)


def _how(link: Link) -> tuple[Span, ...]:
    """How an attack bears on the claim above it (a support's target is always that claim)."""
    if link.relation == "undercuts":
        source, _, target = link.target.partition(" -> ")
        return (" (undercuts the step ", Ref(source), " → ", Ref(target), ")")
    return (" (rebuts)",) if link.relation == "rebuts" else ()


class _Builder:
    def __init__(self, main: SourceView | None, sections: dict[str, int]) -> None:
        self.main = main.id if main else None
        self.anchors = _Anchors()
        self.sections = sections

    def link(self, link: Link, side: PartyView, role: str) -> Item:
        claim = link.claim
        who = " · ".join(kind_and_label(claim))
        text: tuple[Span, ...] = (*_how(link), ": ", Ref(claim.id), f" ({who}): {claim.text}")
        notes: list[Para] = []
        quotes: tuple[Quote, ...] = ()
        if link.elsewhere:
            notes.append(Para((Em(f"{see_also(claim, self.sections)} {claim.id}."),)))
        else:
            quotes, bare = _quotes(claim, self.main)
            notes.extend(bare)
            if claim.note:
                notes.append(Para(claim.note, lead="Note:"))
        if link.cut:
            notes.append(Para((Em("The exchange goes on: see the moderator sheet."),)))
        children = tuple(
            self.link(child, side, role_of(child, side, claim))
            for child in (*link.supports, *link.attacks)
        )
        return Item(
            text,
            lead=role,
            quotes=quotes,
            notes=tuple(notes),
            children=children,
            anchor=None if link.elsewhere else self.anchors.first(claim.id),
        )

    def brief(self, number: int, brief: Brief, side: PartyView, mine: bool) -> Card:
        claim = brief.claim
        status = STATUS_TEXT[brief.status]
        title: list[Span] = [f"{number}. "]
        if brief.status != "answered" and not mine:
            title.append(Flag(f"{PREPARE}:"))
            title.append(" ")
        title += [
            Id(claim.id),
            " (",
            Flag(status, "open") if brief.status != "answered" else status,
            ")",
        ]
        facts = [Item(", ".join(p.name for p in brief.must_answer) or "nobody", "Must answer:")]
        facts.append(Item(status, "Status:"))
        if claim.reason:
            facts.append(Item(claim.reason, "Why it is left open:"))
        if claim.label is not None:
            facts.append(Item(LABEL_MEANING[claim.label], "Grounded:"))
        if claim.note:
            facts.append(Item(claim.note, "Note:"))
        quotes, bare = _quotes(claim, self.main)
        blocks: list[Block] = [
            Para(
                claim.text,
                lead=f"Alleged by {claim.party_name}:",
                anchor=self.anchors.first(claim.id),
            ),
            Items(tuple(facts)),
            *quotes,
            *bare,
        ]
        case_title: Inline = (
            "The case for ",
            Id(claim.id),
            "" if brief.case else ": nothing backs it",
        )
        blocks.append(
            Card(
                case_title,
                (
                    Items(
                        tuple(self.link(x, side, role_of(x, side, claim)) for x in brief.case),
                        tree=True,
                    ),
                )
                if brief.case
                else (),
                keep=False,
                boxed=False,
            )
        )
        who = "Your answers" if not mine else "Answers the other side can give"
        if brief.answers:
            links = tuple(self.link(x, side, "Answer") for x in brief.answers)
            blocks.append(_part(who, Items(links, tree=True)))
        elif brief.status == "acknowledged":
            blocks.append(
                _part(f"{who}: none", Para("The map acknowledges this allegation as open."))
            )
        elif mine:
            blocks.append(_part(f"{who}: none", Para("It stands unanswered in the map.")))
        else:
            todo = Para((Flag(PREPARE), " an answer to this allegation."))
            blocks.append(_part(f"{who}: none yet", todo))
        return Card(tuple(title), tuple(blocks), keep=False)


def _part(title: Inline, *blocks: Block) -> Card:
    """A titled part of an allegation's section (not boxed, free to break across pages)."""
    return Card(title, blocks, keep=False, boxed=False)


def _main_source_note(main: SourceView | None) -> list[Block]:
    if main is None:
        return []
    return [Para(("Quotations are from ", Cite(main.title), " unless another source is named."))]


def _sources(sources: tuple[SourceView, ...]) -> list[Section]:
    if not sources:
        return []
    items = []
    for source in sources:
        details = [x for x in (source.author, source.date, source.url) if x]
        text: tuple[Span, ...] = (Id(source.id), ": ", Cite(source.title))
        if details:
            text += (", " + ", ".join(details),)
        items.append(Item(text))
    return [Section("Sources", (Items(tuple(items)),))]


def handout_outline(doc: Handout) -> Outline:
    """A side's full handout (the dossier) as an outline."""
    main = main_source(doc)
    out = _Builder(main, section_numbers(doc))
    side = doc.side
    intro_blocks: list[Block] = []
    if doc.title:
        intro_blocks.append(Para(doc.title, lead="Map:"))
    role = f" ({side.role})" if side.role else ""
    intro_blocks.append(Para((f"{side.name}{role}, party ", Id(side.id)), lead="Your side:"))
    if doc.description:
        intro_blocks.append(Para(doc.description))
    intro_blocks.append(Para(HOW_TO_READ))
    intro_blocks.append(Para(SEMANTICS_NOTE if doc.semantics else NO_SEMANTICS_NOTE))
    intro_blocks.extend(_main_source_note(main))
    first, first_subs, second, second_subs = intro(doc)
    glance = Items(
        (
            Item(first, children=tuple(Item(x) for x in first_subs)),
            Item(second, children=tuple(Item(x) for x in second_subs)),
        )
    )
    sections = [Section("At a glance", (glance,))]
    prepare: list[Block] = []
    if doc.must_answer or not doc.own:
        inner: list[Block] = []
        if doc.to_prepare:
            inner.append(Para(prepare_lead(doc)))
            items = []
            for brief in doc.to_prepare:
                notes = (
                    (Para(brief.claim.reason, lead="Acknowledged as open:"),)
                    if brief.claim.reason is not None
                    else ()
                )
                items.append(
                    Item(
                        (
                            Flag(PREPARE),
                            " ",
                            Ref(brief.claim.id),
                            f" (by {brief.claim.party_name}): {brief.claim.text}",
                        ),
                        notes=notes,
                    )
                )
            inner.append(Items(tuple(items)))
        elif doc.must_answer:
            inner.append(Para(NOTHING_TO_PREPARE))
        else:
            inner.append(Para("None: no allegation in the map is addressed to you."))
        prepare.append(
            Card("Allegations with no answer from you", tuple(inner), keep=False, boxed=False)
        )
    if doc.own:
        inner = []
        if doc.to_counter:
            inner.append(Para(COUNTER_LEAD))
            items = []
            for answer, allegations in doc.to_counter:
                answered: list[Span] = []
                for n, a in enumerate(allegations):
                    answered += [", "] if n else []
                    answered.append(Ref(a))
                items.append(
                    Item(
                        (
                            Flag(PREPARE),
                            " a counter to ",
                            Ref(answer.id),
                            f" (by {answer.party_name}; it answers ",
                            *answered,
                            f"): {answer.text}",
                        )
                    )
                )
            inner.append(Items(tuple(items)))
        else:
            inner.append(Para(NOTHING_TO_COUNTER))
        prepare.append(
            Card(
                "Answers to your allegations that you do not attack yet",
                tuple(inner),
                keep=False,
                boxed=False,
            )
        )
    sections.append(Section("Points to prepare", tuple(prepare), anchor="points-to-prepare"))
    must: list[Block] = [
        out.brief(n, b, side, mine=False) for n, b in enumerate(doc.must_answer, 1)
    ]
    if not doc.must_answer:
        must = [Para("None: no allegation in the map is addressed to you.")]
    sections.append(Section("Allegations you must answer", tuple(must)))
    start = len(doc.must_answer) + 1
    own: list[Block] = [out.brief(n, b, side, mine=True) for n, b in enumerate(doc.own, start)]
    if not doc.own:
        own = [Para("None: you make no allegation in the map.")]
    sections.append(Section("Your own allegations", tuple(own)))
    sections.extend(_sources(doc.sources))
    return Outline(
        f"Debate handout: {side.name}",
        subtitle=None,
        intro=tuple(intro_blocks),
        sections=tuple(sections),
    )


def _refs(ids: tuple[str, ...]) -> tuple[Span, ...]:
    out: list[Span] = []
    for n, claim_id in enumerate(ids):
        if n:
            out.append(", ")
        out.append(Ref(claim_id))
    return tuple(out) or ("—",)


def moderator_outline(sheet: ModeratorSheet) -> Outline:
    """The moderator sheet (the dossier's) as an outline."""
    main = main_source(sheet)
    out = _Builder(main, {})
    intro_blocks: list[Block] = []
    if sheet.description:
        intro_blocks.append(Para(sheet.description))
    intro_blocks.append(Para(SEMANTICS_NOTE if sheet.semantics else NO_SEMANTICS_NOTE))
    intro_blocks.extend(_main_source_note(main))
    counts = claim_counts(sheet)
    parties = Table(
        ("party", "name", "role", "claims"),
        tuple(((Id(p.id),), p.name, p.role or "", str(counts.get(p.id, 0))) for p in sheet.parties),
    )
    rows = []
    for number, row in enumerate(sheet.allegations, 1):
        claim = row.claim
        said = STATUS_TEXT[claim.status or "unanswered"]
        status: Inline = (Flag(said),) if claim.status == "unanswered" else said
        who = f"{claim.party_name} → " + ", ".join(p.name for p in row.must_answer)
        rows.append(
            (
                str(number),
                (Ref(claim.id), f": {claim.text} ", Em(f"({who})")),
                status,
                _refs(row.answers),
                _refs(row.counters),
                LABEL_MEANING[claim.label] if claim.label else "—",
            )
        )
    allegations = Table(
        (
            "#",
            "allegation (by → who must answer)",
            "status",
            "answers",
            "counter-attacks",
            "grounded",
        ),
        tuple(rows),
        widths=(1, 12, 3, 3, 3, 2),
    )
    questions = []
    for question in sheet.questions:
        children = []
        for claim_id in question.claims:
            entry = sheet.entry(claim_id)
            quotes = tuple(
                q
                for card in question.quotes
                if card.claim == claim_id and isinstance(q := evidence(card, out.main), Quote)
            )
            children.append(
                Item((Ref(claim_id), f": {entry.claim.text if entry else ''}"), quotes=quotes)
            )
        questions.append(
            Item(
                (Strong(question.prompt),),
                notes=(Para(question.answer, lead="Answer:"),),
                children=tuple(children),
            )
        )
    sections = [
        Section("Parties", (parties,)),
        Section("Allegations", (allegations,)),
        Section("Questions for the class", (Items(tuple(questions), numbered=True),)),
    ]
    whole: list[Block] = []
    for party in sheet.parties:
        entries = [e for e in sheet.entries if e.claim.party == party.id]
        if entries:
            role = f" ({party.role})" if party.role else ""
            listed = Items(tuple(_entry(out, e) for e in entries), tree=True)
            whole.append(Card(f"{party.name}{role}", (listed,), keep=False, boxed=False))
    sections.append(Section("The whole map", tuple(whole)))
    sections.extend(_sources(sheet.sources))
    return Outline(
        f"Moderator sheet: {sheet.title or 'argument map'}",
        intro=tuple(intro_blocks),
        sections=tuple(sections),
    )


def _entry(out: _Builder, entry: MapEntry) -> Item:
    claim = entry.claim
    facts: list[str] = [claim.kind]
    if claim.status:
        facts.append(STATUS_TEXT[claim.status])
    if claim.label:
        facts.append(f"grounded: {LABEL_MEANING[claim.label]}")
    quotes, bare = _quotes(claim, out.main)
    notes: list[Para] = list(bare)
    for name, ids in entry.relations():
        notes.append(Para(_refs(ids), lead=f"{name}:"))
    for label in entry.undercuts:
        source, _, target = label.partition(" -> ")
        notes.append(Para(("Undercuts the step ", Ref(source), " → ", Ref(target))))
    if claim.reason:
        notes.append(Para(claim.reason, lead="Left open:"))
    if claim.note:
        notes.append(Para(claim.note, lead="Note:"))
    return Item(
        (Strong(claim.id), f" ({'; '.join(facts)}): {claim.text}"),
        quotes=quotes,
        notes=tuple(notes),
        anchor=out.anchors.first(claim.id),
    )
