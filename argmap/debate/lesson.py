"""The teacher's lesson pack: a plan with timings, roles, timeline, glossary, questions,
a rubric and a note on role-play, all from the map (and saying what the map lacks).

>>> from argmap.debate.lesson import lesson_pack
>>> pack = lesson_pack(amap, minutes=45)   # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from argmap.dates import Period, period_or_none
from argmap.debate.outline import Item, Items, Outline, Para, Section, Table
from argmap.debate.quoting import (
    headline,
    in_brief,
    main_source,
    mid_sentence,
    plain_name,
    quote_of,
    short_name,
)
from argmap.model import ArgMap, Claim
from argmap.relations import relations_of

PHASES: tuple[tuple[str, int, str], ...] = (
    ("Briefing", 10, "Read the charge and the text's main lines aloud. Hand out the role cards."),
    ("Preparation", 20, "Teams read their cards and the text, and pick their quotes."),
    (
        "Debate",
        35,
        "Prosecution opens, defence opens, then questions across, then short closing speeches.",
    ),
    ("Historians' panel", 15, "The historians say who wrote each source, when and why."),
    ("Debrief", 20, "The jury reports which charges were answered in the text. Step out of role."),
)
"""(phase, share of the lesson in percent, what happens)."""
MIN_MINUTES = len(PHASES)


def timings(minutes: int) -> list[int]:
    """Minutes per phase, by their shares, adding up to exactly ``minutes`` (each >= 1)."""
    if minutes < MIN_MINUTES:
        raise ValueError(f"a lesson needs at least {MIN_MINUTES} minutes")
    spare = minutes - len(PHASES)
    exact = [spare * share / 100 for _, share, _ in PHASES]
    out = [int(x) for x in exact]
    order = sorted(range(len(PHASES)), key=lambda i: exact[i] - out[i], reverse=True)
    for i in order[: spare - sum(out)]:
        out[i] += 1
    return [1 + x for x in out]


def lesson_pack(amap: ArgMap, minutes: int = 45) -> Outline:
    """The lesson pack for a debate on ``amap`` lasting ``minutes``."""
    info = amap.info
    return Outline(
        title="Lesson pack: a classroom debate",
        subtitle=info.title if info else None,
        intro=(Para(info.description),) if info and info.description else (),
        sections=(
            Section(f"Lesson plan ({minutes} minutes)", tuple(_plan(minutes))),
            Section("Roles", tuple(_roles(amap))),
            Section("Timeline", tuple(_timeline(amap))),
            Section("Glossary", tuple(_glossary(amap))),
            Section("The charges", tuple(_charges(amap))),
            Section("Questions about the sources", tuple(_source_questions(amap))),
            Section("Questions for the class", tuple(_class_questions(amap))),
            Section("Assessment rubric", (RUBRIC,)),
            Section("Playing a show-trial prosecutor", (Para(ROLE_PLAY),)),
            Section("About the formal analysis", tuple(_analysis(amap))),
        ),
    )


def _plan(minutes: int) -> Iterable[Table]:
    rows, start = [], 0
    for (name, _, what), length in zip(PHASES, timings(minutes), strict=True):
        rows.append((f"{start}\N{EN DASH}{start + length}", str(length), name, what))
        start += length
    yield Table(("Time", "Minutes", "Phase", "What happens"), tuple(rows))


def _roles(amap: ArgMap) -> Iterable[Items]:
    claims = amap.claim_by_id.values()
    accusers = list(dict.fromkeys(c.party for c in claims if c.is_allegation))
    accused = [p for p in dict.fromkeys(c.against for c in claims if c.is_allegation) if p]
    others = [p for p in amap.party_by_id if p not in accusers and p not in accused]

    def names(ids: list[str]) -> str:
        return ", ".join(mid_sentence(plain_name(amap, p)) for p in ids) or "nobody in this map"

    yield Items(
        (
            Item(f"Speak for {names(accusers)}. Use the prosecution's role card.", "Prosecution:"),
            Item(f"Speak for {names(accused)}. Use the defence's role card.", "Defence:"),
            Item(
                f"Explain the other voices of the text ({names(others)}): who they are, "
                "when they wrote, what they knew.",
                "Historians:",
            ),
            Item(
                "Listen, and decide for each charge: answered or not answered in this text. "
                "The jury judges the debate, not the historical people.",
                "Jury:",
            ),
        )
    )


def when_text(value: str) -> str:
    """A date of the format in words: "June 1932", "7 November 1927", "1931 to 1936"."""
    parts = value.split("/")
    return " to ".join(_one_date(p) for p in parts)


def _one_date(value: str) -> str:
    bits = value.split("-")
    if len(bits) == 1:
        return bits[0]
    month = (
        calendar.month_name[int(bits[1])]
        if bits[1].isdigit() and 1 <= int(bits[1]) <= 12
        else bits[1]
    )
    return f"{int(bits[2])} {month} {bits[0]}" if len(bits) == 3 else f"{month} {bits[0]}"


def _timeline(amap: ArgMap) -> Iterable[Para | Table]:
    main = main_source(amap)
    rows: list[tuple[Period, tuple[str, str, str]]] = []
    for event in amap.events:
        period = period_or_none(event.date)
        if period is None:
            continue
        where = ""
        if event.cite is not None:
            quote = quote_of(amap, event.cite, main)
            where = quote.credit if quote else ""
        rows.append((period, (when_text(event.date), " ".join(event.text.split()), where)))
    told = {event.date for event in amap.events}
    dated = [c for c in amap.claim_by_id.values() if c.is_allegation and c.when not in told]
    for claim in dated:
        period = period_or_none(claim.when)
        if period is not None and claim.when:
            rows.append((period, (when_text(claim.when), "Charge: " + headline(amap, claim), "")))
    if not amap.events:
        yield Para(
            "This map lists no dated events, so there is no timeline of what happened. "
            "Add the events to the map (with where the text gives each) to get one."
        )
    if rows:
        rows.sort(key=lambda r: r[0])
        yield Table(("When", "What", "Where the text says so"), tuple(r for _, r in rows))


def _glossary(amap: ArgMap) -> Iterable[Para | Table]:
    if not amap.glossary:
        yield Para(
            "This map has no glossary of people and terms. Add one to the map to get it here; "
            "until then, list the names students will meet before the lesson."
        )
        return
    yield Table(
        ("Term", "Meaning"),
        tuple((e.term, " ".join(e.definition.split())) for e in amap.glossary),
    )


def _status_text(claim: Claim, amap: ArgMap) -> str:
    status = relations_of(amap).status(claim)
    if status.status == "answered":
        return "answered"
    if status.status == "acknowledged":
        return "not answered (the map says why)"
    return "not answered"


def _charges(amap: ArgMap) -> Iterable[Para | Table]:
    rel = relations_of(amap)
    allegations = [c for c in amap.claim_by_id.values() if c.is_allegation]
    if not allegations:
        yield Para("The map makes no charges.")
        return
    rows = []
    for number, claim in enumerate(allegations, 1):
        answers = rel.status(claim).answers
        rows.append(
            (
                str(number),
                headline(amap, claim),
                short_name(amap, claim.party),
                _status_text(claim, amap),
                " / ".join(headline(amap, a) for a in answers[:2]) or "—",
            )
        )
    yield Para("“In this text” means in the text the map is drawn from, not in history.")
    yield Table(("#", "Charge", "By", "In this text", "Answered by"), tuple(rows))


def _source_questions(amap: ArgMap) -> Iterable[Items]:
    items: list[Item] = []
    main = main_source(amap)
    for source in sorted(amap.source_by_id.values(), key=lambda s: s.id != main):
        title = source.title if source.title[:1] in '“"' else f"“{source.title}”"
        who = source.author or "an author the map does not name"
        when = f" ({when_text(source.date)})" if source.date and period_or_none(source.date) else ""
        if source.id == main:
            items.append(
                Item(
                    f"The text: {title}. By {who}{when}. Who wrote each part, when, and why? "
                    "What could they know, and what did they want readers to think?"
                )
            )
        else:
            items.append(
                Item(f"Also cited: {title}, by {who}{when}. Written when, and knowing what?")
            )
    voices: dict[str, int] = {}
    for claim in amap.claim_by_id.values():
        if claim.is_allegation:
            for cite in claim.cite:
                if cite.quote and cite.by:
                    name = short_name(amap, cite.by)
                    voices[name] = voices.get(name, 0) + 1
    if voices:
        counted = ", ".join(f"{name} ({n})" for name, n in voices.items())
        items.append(
            Item(
                f"Whose words carry the charges? Quotes behind the charges: {counted}. "
                "Do we hear the accusers in their own words, or through someone else?"
            )
        )
    reports = [c for c in amap.claim_by_id.values() if _REPORTS.search(c.text)]
    for claim in reports[:4]:
        reporter = _REPORTS.split(" ".join(claim.text.split()), maxsplit=1)[0].strip()
        items.append(
            Item(
                f"{in_brief(amap, claim)} Who else could confirm it? "
                f"Is {reporter or 'the reporter'} the only witness?"
            )
        )
    yield Items(tuple(items))


_REPORTS = re.compile(r"\s+reports?\s+that\s+")
"""How a claim reports what someone said or did: "A reports that B said X"."""


def _class_questions(amap: ArgMap) -> Iterable[Items]:
    rel = relations_of(amap)
    allegations = [c for c in amap.claim_by_id.values() if c.is_allegation]
    items: list[Item] = []
    opened = [a for a in allegations if rel.status(a).is_open]
    if allegations:
        items.append(
            Item(
                "Which charges does the text leave without an answer? Does silence prove anything?",
                notes=(
                    Para(
                        f"{len(opened)} of {len(allegations)} charges are not answered "
                        "in this text.",
                        "From the map:",
                    ),
                ),
            )
        )
    reach: dict[str, list[Claim]] = {}
    for allegation in allegations:
        for answer in rel.status(allegation).answers:
            reach.setdefault(answer.id, []).append(allegation)
    if reach:
        best = max(reach, key=lambda k: len(reach[k]))
        claim = amap.claim_by_id[best]
        items.append(
            Item(
                "Which single answer meets the most charges?",
                notes=(
                    Para(
                        f"{headline(amap, claim)} It meets {len(reach[best])} of them.",
                        "From the map:",
                    ),
                ),
            )
        )
    countered = [
        a for a in reach if any(x.party != amap.claim_by_id[a].party for x in rel.attackers(a))
    ]
    if countered:
        items.append(
            Item(
                "Which answers are themselves questioned by someone else?",
                notes=tuple(
                    Para(headline(amap, amap.claim_by_id[a]), "From the map:")
                    for a in countered[:3]
                ),
            )
        )
    items.append(Item("Which quote would you show a jury first, and why?"))
    items.append(Item("Where did a speaker in the debate go beyond what the text says?"))
    yield Items(tuple(items), numbered=True)


def _analysis(amap: ArgMap) -> Iterable[Para]:
    yield Para(
        "argmap analyse can label each claim by a formal calculation (grounded semantics): "
        "“in” when every attack on it is itself defeated, “out” when an attack on it stands. "
        "It does not measure the strength of evidence: a documented denial and an editor's "
        "“I would argue” count the same. It also rewards the last speaker: a claim that no "
        "one answers counts as standing. Keep these labels away from students as verdicts."
    )
    try:
        from argmap.analysis.semantics import claim_labels
    except ImportError:
        return
    try:
        labels = claim_labels(amap, semantics="grounded", mode="bipolar")
    except Exception:  # too large, or unavailable: the paragraph above stands
        return
    allegations = [c.id for c in amap.claim_by_id.values() if c.is_allegation]
    counts = {k: sum(labels.get(a) == k for a in allegations) for k in ("in", "out", "undec")}
    yield Para(
        f"For this map: {counts['in']} charges in, {counts['out']} out, "
        f"{counts['undec']} undecided. Ask the class what the calculation leaves out."
    )


RUBRIC = Table(
    ("Skill", "Secure", "Developing", "Beginning"),
    (
        (
            "Uses the text",
            "Quotes with speaker and place; every point rests on the text",
            "Quotes, but not always who or where",
            "Speaks without the text",
        ),
        (
            "Honesty about gaps",
            "Says “the text is silent here” and invents nothing",
            "Notices a gap but fills it with a guess",
            "Invents facts or answers",
        ),
        (
            "Reasoning",
            "Shows how a quote supports or answers a charge",
            "Links quote and charge loosely",
            "Lists quotes without a link",
        ),
        (
            "Listening",
            "Answers the other side's strongest point",
            "Answers a weaker point",
            "Ignores the other side",
        ),
        (
            "Sources",
            "Asks who wrote it, when and why; spots the only witness",
            "Names the author",
            "Treats every line as fact",
        ),
    ),
)

ROLE_PLAY = (
    "The prosecution's team voices a case made at a trial. Some trials in history were "
    "staged, and ended in prison or death for the accused. Playing the accuser is a way to "
    "test the evidence, not to defend the verdict. Ask students to argue only from the text, "
    "to avoid insults and the tone of the real trial, and to step out of role in the debrief: "
    "what did it feel like to argue a case you may not believe?"
)
