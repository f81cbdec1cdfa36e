"""A role card: what one side of a classroom debate needs, on two pages, in plain words.

Built from the map alone, so every map gets one: the side's case in a few sentences;
its strongest arguments, each with its best evidence quoted with speaker and place;
the weak points the other side will press; questions to put to the other side; and
the allegations the text leaves open, each with the instruction to say "the text is
silent here" rather than invent an answer. Both sides get the same sections with the
same limits. No claim ids, no tool vocabulary; "answered / not answered in this text",
never a verdict.

>>> from argmap.debate.card import role_card
>>> outline = role_card(amap, "trotsky")   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.debate.outline import Card, Item, Items, Outline, Para, Quote, Section, plain
from argmap.debate.quoting import (
    headline,
    in_brief,
    main_source,
    mid_sentence,
    plain_name,
    quotes_of_claim,
    short_name,
    speakers,
)
from argmap.debate.sides import UnknownSide, party_ids
from argmap.model import ArgMap, Claim
from argmap.relations import Relations, relations_of

ARGUMENTS = 4
"""Strongest arguments on a card."""
WEAK_POINTS = 3
"""Weak points on a card."""
QUESTIONS = 4
"""Questions to put to the other side."""
QUOTE_CAP = 6
"""Quotes behind a claim that count towards its strength: past six, more is not stronger."""
SILENT = "the text is silent here"


class _Side:
    """One side's view of the map: what it must answer and what it alleges."""

    def __init__(self, amap: ArgMap, side: str) -> None:
        self.amap = amap
        self.rel: Relations = relations_of(amap)
        self.side = side
        self.main = main_source(amap)
        self._targets: dict[str, list[Claim]] = {}
        self._main: set[str] | None = None
        for claim in amap.claim_by_id.values():
            for attacker in self.rel.attackers(claim.id):
                self._targets.setdefault(attacker.id, []).append(claim)

    def must_answer(self, claim: Claim) -> bool:
        if not claim.is_allegation or claim.party == self.side:
            return False
        return claim.against is None or claim.against == self.side

    @property
    def accused(self) -> list[Claim]:
        return [c for c in self.amap.claim_by_id.values() if self.must_answer(c)]

    @property
    def own(self) -> list[Claim]:
        return [
            c for c in self.amap.claim_by_id.values() if c.is_allegation and c.party == self.side
        ]

    @property
    def opponents(self) -> list[str]:
        found = [c.party for c in self.accused]
        found.extend(c.against for c in self.own if c.against)
        if not found:
            found.extend(c.party for c in self.amap.claim_by_id.values() if c.party != self.side)
        return list(dict.fromkeys(p for p in found if p and p != self.side))

    def quote_count(self, claim: Claim) -> int:
        return sum(1 for cite in claim.cite if cite.quote)

    def backing(self, claim: Claim) -> int:
        """Quotes behind a claim: its own and its supporters', two levels down."""
        seen = {claim.id}
        score = self.quote_count(claim)
        layer = [claim]
        for _ in range(2):
            nxt = []
            for current in layer:
                for backer in self.rel.supporters(current.id):
                    if backer.id not in seen:
                        seen.add(backer.id)
                        score += self.quote_count(backer)
                        nxt.append(backer)
            layer = nxt
        return score

    def strength(self, claim: Claim) -> int:
        """How much a claim carries: the quotes behind it (up to six), what it answers
        (the main charge most, any charge more than another claim), for a charge the
        steps that lead up to it, and most of all the other side's own words."""
        score = min(self.backing(claim), QUOTE_CAP)
        for target in self.targets(claim):
            if target.id in self.main_charges:
                score += 8
            else:
                score += 4 if target.is_allegation else 2
        if claim.is_allegation:
            score += 2 * sum(1 for b in self.rel.supporters(claim.id) if b.is_allegation)
        return score + 3 * len(self.their_words(claim))

    def their_words(self, claim: Claim) -> list[Claim]:
        """Evidence for ``claim`` in the words of the party it is made against."""
        against = set(self.opponents) if claim.party == self.side else {self.side}
        return [
            b
            for b in self.rel.supporters(claim.id)
            if not b.is_allegation and any(c.by in against and c.quote for c in b.cite)
        ]

    @property
    def main_charges(self) -> set[str]:
        """The main charge of each side of the case: what most other charges lead up to."""
        if self._main is None:
            self._main = set()
            for allegations in (self.accused, self.own):
                ids = {a.id for a in allegations}
                tops = [
                    a for a in allegations if not any(t in ids for t in self.rel.supported(a.id))
                ]
                if tops:
                    self._main.add(max(tops, key=self.backing).id)
        return self._main

    def targets(self, claim: Claim) -> list[Claim]:
        """The claims ``claim`` attacks: those it rebuts, and the ends of steps it undercuts."""
        return self._targets.get(claim.id, [])

    def best_backers(self, claim: Claim, limit: int) -> list[Claim]:
        """Supporters of a claim with a quote, the other side's own words first."""
        opponents = set(self.opponents) if claim.party == self.side else {claim.party}

        def rank(backer: Claim) -> tuple[int, int]:
            theirs = not backer.is_allegation and any(
                c.by in opponents and c.by != claim.party for c in backer.cite
            )
            own = backer.party == claim.party
            return (-(3 * theirs + (backer.kind == "evidence") + own), -self.quote_count(backer))

        backers = [b for b in self.rel.supporters(claim.id) if self.quote_count(b)]
        return sorted(backers, key=rank)[:limit]

    def evidence(self, claim: Claim, used: set[Quote]) -> tuple[Quote, ...]:
        """A claim's best quote and its best backer's best quote, none of them ``used``."""
        own = [q for q in quotes_of_claim(self.amap, claim, self.main, limit=2) if q not in used]
        backing = [
            q
            for backer in self.best_backers(claim, 3)
            for q in quotes_of_claim(self.amap, backer, self.main)
            if q not in used and q not in own
        ]
        return tuple([*own[:1], *backing[:1], *own[1:]][:2])


def role_card(amap: ArgMap, side: str) -> Outline:
    """The role card of ``side`` (a party id). Raises :class:`UnknownSide`."""
    if side not in party_ids(amap):
        listed = ", ".join(party_ids(amap)) or "none"
        raise UnknownSide(f"unknown side {side!r} (the map's parties are: {listed})")
    view = _Side(amap, side)
    arguments = _arguments(view)
    weak = _weak_points(view)
    sections = [
        Section("Your case in brief", tuple(_case(view))),
        Section("Your strongest arguments", tuple(arguments)),
        Section("Weak points the other side will press", tuple(weak)),
        Section("Questions to put to the other side", tuple(_questions(view))),
        Section("Where the text is silent", tuple(_silent(view))),
    ]
    info = amap.info
    title = f"Role card: {plain_name(amap, side)}"
    return Outline(
        title=title,
        subtitle=info.title if info else None,
        intro=tuple(_intro(view, sections)),
        sections=tuple(s for s in sections if s.blocks),
    )


def _intro(view: _Side, sections: list[Section]) -> Iterable[Para]:
    yield Para("Use only what the text says. Each quote shows who said it and where.")
    used = {q.speaker for s in sections for q in _quotes(s.blocks) if q.speaker}
    claims = view.amap.claim_by_id.values()
    who = [full for short, full in speakers(view.amap, claims) if short in used]
    if who:
        yield Para("; ".join(who) + ".", lead="Who speaks:")


def _quotes(blocks: Iterable[object]) -> Iterable[Quote]:
    for block in blocks:
        if isinstance(block, Quote):
            yield block
        elif isinstance(block, Items):
            for item in block.items:
                yield from item.quotes
        elif isinstance(block, Card):
            yield from _quotes(block.blocks)


def _names(view: _Side, parties: Iterable[str]) -> str:
    names = [plain_name(view.amap, p) for p in parties]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _root(view: _Side, allegations: list[Claim]) -> Claim | None:
    """The main charge among ``allegations``."""
    return next((a for a in allegations if a.id in view.main_charges), None)


def _case(view: _Side) -> Iterable[Para]:
    yield Para(f"You speak for {mid_sentence(plain_name(view.amap, view.side))}.")
    for allegations, mine in ((view.accused, False), (view.own, True)):
        if not allegations:
            continue
        opened = [a for a in allegations if view.rel.status(a).is_open]
        charges = _count(len(allegations), "charge")
        if mine:
            lead = f"You make {charges} against {mid_sentence(_names(view, view.opponents))}."
        else:
            accusers = _names(view, dict.fromkeys(a.party for a in allegations))
            lead = f"You must answer {charges}, made by {mid_sentence(accusers)}."
        root = _root(view, allegations)
        text = [lead]
        if root is not None:
            text.append(f"The main charge: {in_brief(view.amap, root)}")
        answered = len(allegations) - len(opened)
        text.append(
            f"In this text, {_count(answered, 'charge')} {'is' if answered == 1 else 'are'} "
            f"answered and {len(opened)} {'is' if len(opened) == 1 else 'are'} not answered."
        )
        yield Para(" ".join(text))
    if not view.accused and not view.own:
        yield Para("No charge in this text is made by you or against you.")


def _arguments(view: _Side) -> list[Card]:
    mine = [c for c in view.amap.claim_by_id.values() if c.party == view.side]
    candidates = [c for c in mine if view.targets(c) or (c.is_allegation and c in view.own)]
    if not candidates:
        candidates = [c for c in mine if view.quote_count(c)]
    ranked = sorted(candidates, key=view.strength, reverse=True)[:ARGUMENTS]
    cards = []
    used: set[Quote] = set()
    for claim in ranked:
        blocks: list[Para | Quote] = [q for q in view.evidence(claim, used) if q not in used]
        used.update(q for q in blocks if isinstance(q, Quote))
        if claim.is_allegation:
            status = "answered" if not view.rel.status(claim).is_open else "not answered"
            blocks.append(Para(f"{status.capitalize()} in this text.", lead="Status:"))
        cards.append(Card(headline(view.amap, claim), tuple(blocks)))
    return cards


def _replies(view: _Side, attacker: Claim) -> list[Claim]:
    """The side's claims that attack ``attacker``, or that read the same words."""
    found = [c for c in view.rel.attackers(attacker.id) if c.party == view.side]
    if found:
        return found
    words = {c.quote for c in attacker.cite if c.quote}
    return [
        c
        for c in view.amap.claim_by_id.values()
        if c.party == view.side and any(x.quote in words for x in c.cite)
    ]


def _pressed(view: _Side) -> list[Claim]:
    """Claims of others that attack the side's claims, or back a charge with the side's words."""
    found: dict[str, Claim] = {}
    for claim in view.amap.claim_by_id.values():
        if claim.party == view.side:
            for attacker in view.rel.attackers(claim.id):
                if attacker.party != view.side:
                    found.setdefault(attacker.id, attacker)
    for allegation in view.accused:
        for backer in view.rel.supporters(allegation.id):
            theirs = any(c.by == view.side for c in backer.cite)
            if backer.party != view.side and not backer.is_allegation and theirs:
                found.setdefault(backer.id, backer)
    return sorted(found.values(), key=view.strength, reverse=True)


def _weak_points(view: _Side) -> list[Card]:
    cards = []
    for attacker in _pressed(view)[:WEAK_POINTS]:
        quotes = quotes_of_claim(view.amap, attacker, view.main, limit=2)
        in_order: list[Quote] = sorted(quotes, key=lambda q: _order(attacker, q))
        blocks: list[Para | Quote] = [*in_order]
        replies = _replies(view, attacker)
        backing = _backing(view, attacker)
        if replies:
            blocks.append(Para(in_brief(view.amap, replies[0]), lead="What you can say:"))
        elif backing is not None:
            blocks.append(Para(in_brief(view.amap, backing), lead="What you can say:"))
        else:
            blocks.append(
                Para("The text gives you no reply. Do not make one up.", lead="What you can say:")
            )
        who = short_name(view.amap, attacker.party)
        text = headline(view.amap, attacker)
        cards.append(Card(text if who in text else f"{who}: {text}", tuple(blocks)))
    return cards


def _order(claim: Claim, quote: Quote) -> int:
    """Where a quote stands among its claim's cites, so that quotes read in the text's order."""
    texts = [" ".join((c.quote or "").split()) for c in claim.cite]
    return texts.index(quote.text) if quote.text in texts else len(texts)


def _backing(view: _Side, attacker: Claim) -> Claim | None:
    """The side's own evidence for the claim ``attacker`` attacks, through a step that
    ``attacker`` leaves alone: what the side can still point to."""
    for target in view.targets(attacker):
        if target.party != view.side:
            continue
        for backer in view.rel.supporters(target.id):
            untouched = attacker not in view.rel.undercutters(backer.id, target.id)
            if (
                untouched
                and backer.party == view.side
                and backer.kind == "evidence"
                and view.quote_count(backer)
            ):
                return backer
    return None


def _questions(view: _Side) -> Iterable[Items]:
    items: list[Item] = []
    opponents = set(view.opponents)
    # The other side's own words, used by a charge against them.
    for allegation in view.own:
        for backer in view.rel.supporters(allegation.id):
            for quote in quotes_of_claim(view.amap, backer, view.main):
                if not backer.is_allegation and any(c.by in opponents for c in backer.cite):
                    items.append(Item("What did you mean by these words?", quotes=(quote,)))
    # Attacks on the other side's claims that they leave without reply.
    for claim in view.amap.claim_by_id.values():
        if claim.party not in opponents:
            continue
        for attacker in view.rel.attackers(claim.id):
            if attacker.party in opponents:
                continue
            replied = any(c.party == claim.party for c in view.rel.attackers(attacker.id))
            if not replied:
                quotes = quotes_of_claim(view.amap, attacker, view.main)
                ask = "How do you answer this?"
                if not quotes:
                    ask = f"{ask} {in_brief(view.amap, attacker)}"
                items.append(Item(ask, quotes=quotes))
    # Charges that rest on a single voice that is not the accuser's.
    for allegation in view.accused:
        voices = {c.by for c in allegation.cite if c.quote and c.by}
        if len(voices) == 1 and allegation.party not in voices:
            (voice,) = voices
            items.append(
                Item(
                    f"This charge is known only from {short_name(view.amap, voice)}. "
                    "Who else says so?",
                    quotes=quotes_of_claim(view.amap, allegation, view.main),
                )
            )
            break
    # The side's own charges that the text leaves open.
    for allegation in view.own:
        if view.rel.status(allegation).is_open:
            items.append(
                Item(
                    f"Where in the text do you answer this? {in_brief(view.amap, allegation)}",
                    quotes=quotes_of_claim(view.amap, allegation, view.main),
                )
            )
            break
    unique = list({(i.text, i.quotes): i for i in items}.values())
    if unique:
        yield Items(tuple(_spread(unique)[:QUESTIONS]))


def _spread(items: list[Item]) -> list[Item]:
    """Items with one of each kind of question first, then the rest in order."""
    first: dict[str, Item] = {}
    for item in items:
        first.setdefault(plain(item.text).split("?")[0][:20], item)
    rest = [i for i in items if i not in first.values()]
    return [*first.values(), *rest]


def _silent(view: _Side) -> Iterable[Para | Items]:
    opened = [a for a in (*view.accused, *view.own) if view.rel.status(a).is_open]
    if not opened:
        return
    if view.accused:
        yield Para(
            f"The text gives no answer to these charges. If one comes up, say “{SILENT}”. "
            "Do not invent an answer."
        )
    else:
        yield Para(
            f"The text gives no answer to these charges. You may say “{SILENT}”. "
            "But silence is not proof. Do not invent evidence."
        )
    yield Items(tuple(Item(headline(view.amap, a)) for a in opened))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
