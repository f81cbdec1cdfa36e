"""Debate preparation as data: a handout per side and a moderator sheet, computed from a map.

A *side* is a party. The side that must answer an allegation is its ``against``
party, or every party other than its author when it names none. For each side a
:class:`Handout` holds:

- the allegations it must answer, each with the case for it (the claims that
  support it, with their evidence cards), the answers available (claims that rebut
  it or undercut a relation ending at it), the counter-attacks the other side can
  make on those answers, and the replies to those;
- the side's own allegations, the same way round (the mirror image);
- the allegations still unanswered, the points to prepare, and those acknowledged
  as open with their reason.

Whether an allegation is answered is decided by :mod:`argmap.relations`, the
definition rule AM201 reports on. The grounded label of each claim comes from
:mod:`argmap.analysis.semantics` when it is available.

Exchanges are trees of :class:`Link`. A claim is set out in full once per
document; later mentions are marked ``elsewhere`` and refer to it by id, so a
document grows linearly with the map.

>>> from argmap.debate.brief import handout, moderator_sheet
>>> sheet = handout(amap, "trotsky")          # doctest: +SKIP
>>> [b.claim.id for b in sheet.to_prepare]    # doctest: +SKIP
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from argmap.analysis.semantics import Label
from argmap.debate.sides import UnknownSide, party_ids
from argmap.model import ArgMap, Claim, ClaimKind
from argmap.relations import AnswerStatus as Status
from argmap.relations import acknowledgement, relations_of

LinkKind = Literal["supports", "rebuts", "undercuts"]

MAX_DEPTH = 12
"""How deep an exchange is followed in a handout before it is left to the moderator sheet."""

LABEL_MEANING: dict[str, str] = {"in": "in", "out": "out", "undec": "undecided"}


@dataclass(frozen=True, slots=True)
class PartyView:
    """A side of the debate."""

    id: str
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """An evidence card: what a claim cites, where, in the source's words."""

    claim: str
    source: str
    title: str
    quote: str | None = None
    at: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as a reader needs it: text, who says it, its evidence and standing."""

    id: str
    text: str
    party: str
    party_name: str
    kind: ClaimKind
    cards: tuple[Card, ...] = ()
    note: str | None = None
    tags: tuple[str, ...] = ()
    status: Status | None = None
    """For an allegation: answered, unanswered, or unanswered and acknowledged."""
    reason: str | None = None
    """For an acknowledged allegation: why it is left open."""
    label: Label | None = None
    """The grounded label, when semantics are available."""

    @property
    def quotes(self) -> tuple[Card, ...]:
        return tuple(card for card in self.cards if card.quote)


@dataclass(frozen=True, slots=True)
class Link:
    """A claim in an exchange and how it bears on the claim above it.

    ``target`` is the claim id it supports or rebuts, or ``"A -> B"`` for an
    undercut. ``supports`` are the reasons given for it; ``attacks`` are the
    claims of other parties that rebut it or undercut its tie to the claim above.
    ``elsewhere`` means it is set out in full at another place of the same
    document (its own supports and attacks are listed there); ``cut`` means the
    exchange goes on deeper than a handout follows.
    """

    claim: ClaimView
    relation: LinkKind
    target: str
    supports: tuple[Link, ...] = ()
    attacks: tuple[Link, ...] = ()
    elsewhere: bool = False
    cut: bool = False


@dataclass(frozen=True, slots=True)
class Brief:
    """One allegation with its case, its answers and the attacks on them."""

    claim: ClaimView
    must_answer: tuple[PartyView, ...]
    case: tuple[Link, ...]
    answers: tuple[Link, ...]
    uncountered: tuple[str, ...] = ()
    """Ids of the answers that no claim of the allegation's author attacks."""

    @property
    def status(self) -> Status:
        return self.claim.status or "unanswered"


@dataclass(frozen=True, slots=True)
class SourceView:
    """A cited source, for the moderator's list."""

    id: str
    title: str
    author: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything one side needs to prepare."""

    side: PartyView
    title: str | None
    description: str | None
    must_answer: tuple[Brief, ...]
    """Allegations this side must answer, in map order."""
    own: tuple[Brief, ...]
    """This side's own allegations, in map order."""
    sources: tuple[SourceView, ...]
    semantics: bool
    """Whether grounded labels were computed."""

    @property
    def to_prepare(self) -> tuple[Brief, ...]:
        """Allegations this side must answer and has not: the points to prepare."""
        return tuple(b for b in self.must_answer if b.status != "answered")

    @property
    def acknowledged(self) -> tuple[Brief, ...]:
        """The points to prepare that the map acknowledges as open, with a reason."""
        return tuple(b for b in self.must_answer if b.status == "acknowledged")

    @property
    def to_counter(self) -> tuple[tuple[ClaimView, tuple[str, ...]], ...]:
        """Answers to this side's allegations that it does not attack yet, each with the
        allegations it answers: the other points to prepare (the mirror of ``to_prepare``)."""
        answered: dict[str, list[str]] = {}
        views: dict[str, ClaimView] = {}
        for brief in self.own:
            for link in brief.answers:
                if link.claim.id in brief.uncountered:
                    views[link.claim.id] = link.claim
                    allegations = answered.setdefault(link.claim.id, [])
                    if brief.claim.id not in allegations:
                        allegations.append(brief.claim.id)
        return tuple((views[k], tuple(v)) for k, v in answered.items())


@dataclass(frozen=True, slots=True)
class MapEntry:
    """A claim of the whole map with its relations, for the moderator."""

    claim: ClaimView
    supports: tuple[str, ...]
    rebuts: tuple[str, ...]
    undercuts: tuple[str, ...]
    supported_by: tuple[str, ...]
    attacked_by: tuple[str, ...]

    def relations(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(what, claim ids) for each kind of relation the claim has, in reading order."""
        for name, ids in (
            ("Supports", self.supports),
            ("Rebuts", self.rebuts),
            ("Backed by", self.supported_by),
            ("Attacked by", self.attacked_by),
        ):
            if ids:
                yield name, ids


@dataclass(frozen=True, slots=True)
class AllegationRow:
    """A line of the moderator's table of allegations."""

    claim: ClaimView
    must_answer: tuple[PartyView, ...]
    answers: tuple[str, ...]
    """Ids of the claims that answer it."""
    counters: tuple[str, ...]
    """Ids of the claims that attack those answers."""


@dataclass(frozen=True, slots=True)
class Question:
    """A question a teacher can ask, with the answer the map gives."""

    prompt: str
    answer: str
    claims: tuple[str, ...] = ()
    """The claims the answer names, in order."""
    quotes: tuple[Card, ...] = ()
    """The quotations the answer is about, when it is about quotations."""


@dataclass(frozen=True, slots=True)
class ModeratorSheet:
    """The whole map, every allegation's status, and questions for the class."""

    title: str | None
    description: str | None
    parties: tuple[PartyView, ...]
    sources: tuple[SourceView, ...]
    entries: tuple[MapEntry, ...]
    allegations: tuple[AllegationRow, ...]
    questions: tuple[Question, ...]
    semantics: bool

    def entry(self, claim_id: str) -> MapEntry | None:
        return next((e for e in self.entries if e.claim.id == claim_id), None)


def sides(amap: ArgMap) -> tuple[PartyView, ...]:
    """The parties of the map: those declared, then any that claims use without declaring."""
    declared = amap.party_by_id
    return tuple(
        PartyView(p, declared[p].name, declared[p].role) if p in declared else PartyView(p, p)
        for p in party_ids(amap)
    )


def grounded_labels(amap: ArgMap) -> dict[str, Label] | None:
    """Claim id -> grounded label (bipolar mode), or None when they cannot be had.

    That is when the semantics are not installed, or when the map is too large for the
    bipolar reading (``FrameworkTooLarge``): the handout then says labels are unavailable.
    """
    try:
        from argmap.analysis.framework import FrameworkTooLarge
        from argmap.analysis.semantics import claim_labels
    except ImportError:
        return None
    try:
        labels: Mapping[str, str] = claim_labels(amap, semantics="grounded", mode="bipolar")
    except FrameworkTooLarge:
        return None
    return {k: v for k, v in labels.items() if v in ("in", "out", "undec")}  # type: ignore[misc]


def handout(amap: ArgMap, side: str) -> Handout:
    """The handout for ``side`` (a party id). Raises :class:`UnknownSide`."""
    return _Analysis(amap).handout(side)


def moderator_sheet(amap: ArgMap) -> ModeratorSheet:
    """The moderator's sheet for the whole map."""
    return _Analysis(amap).moderator()


def claim_views(amap: ArgMap) -> dict[str, ClaimView]:
    """Every claim (first of each id) as a :class:`ClaimView`, with status and label."""
    analysis = _Analysis(amap)
    return {claim_id: analysis.view(claim_id) for claim_id in amap.claim_by_id}


def is_acknowledged_open(claim: Claim) -> str | None:
    """The reason a claim gives for leaving AM201 (unanswered) open, if it gives one."""
    return acknowledgement(claim)


class _Analysis:
    """Indexes over one map, built once, shared by the documents computed from it."""

    def __init__(self, amap: ArgMap) -> None:
        self.amap = amap
        self.claims = amap.claim_by_id
        self.relations = relations_of(amap)
        self.relation_kinds = self.relations.kinds
        self.unanswered = self.relations.unanswered_ids()
        self.parties = {p.id: p for p in sides(amap)}
        self.labels = grounded_labels(amap)
        self.supporters: defaultdict[str, list[Claim]] = defaultdict(list)
        self.rebutters: defaultdict[str, list[Claim]] = defaultdict(list)
        self.undercutters: defaultdict[tuple[str, str], list[Claim]] = defaultdict(list)
        self.undercutting: defaultdict[str, list[Claim]] = defaultdict(list)
        """Claim id -> claims undercutting a relation that ends at it."""
        for claim in self.claims.values():
            for ref in claim.supports:
                if ref.target != claim.id and claim not in self.supporters[ref.target]:
                    self.supporters[ref.target].append(claim)
            for ref in claim.rebuts:
                if ref.target != claim.id and claim not in self.rebutters[ref.target]:
                    self.rebutters[ref.target].append(claim)
            for undercut in claim.undercuts:
                key = (undercut.source, undercut.target)
                if key in self.relation_kinds and claim.id not in key:
                    self.undercutters[key].append(claim)
                    if claim not in self.undercutting[undercut.target]:
                        self.undercutting[undercut.target].append(claim)
        self._views: dict[str, ClaimView] = {}

    # -- claims -------------------------------------------------------------------------

    def party(self, party_id: str) -> PartyView:
        return self.parties.get(party_id) or PartyView(party_id, party_id)

    def view(self, claim_id: str) -> ClaimView:
        cached = self._views.get(claim_id)
        if cached is not None:
            return cached
        claim = self.claims[claim_id]
        status: Status | None = None
        reason: str | None = None
        if claim.is_allegation:
            if claim.id not in self.unanswered:
                status = "answered"
            else:
                reason = is_acknowledged_open(claim)
                status = "acknowledged" if reason is not None else "unanswered"
        view = ClaimView(
            id=claim.id,
            text=claim.text,
            party=claim.party,
            party_name=self.party(claim.party).name,
            kind=claim.kind,
            cards=tuple(self.card(claim, i) for i in range(len(claim.cite))),
            note=claim.note,
            tags=claim.tags,
            status=status,
            reason=reason,
            label=self.labels.get(claim.id) if self.labels is not None else None,
        )
        self._views[claim_id] = view
        return view

    def card(self, claim: Claim, index: int) -> Card:
        cite = claim.cite[index]
        source = self.amap.source_by_id.get(cite.source)
        if source is None:
            return Card(claim.id, cite.source, cite.source, cite.quote, cite.at)
        return Card(
            claim.id,
            source.id,
            source.title,
            cite.quote,
            cite.at,
            source.author,
            source.date,
            source.url,
        )

    def must_answer(self, allegation: Claim) -> tuple[PartyView, ...]:
        if allegation.against:
            return (self.party(allegation.against),)
        return tuple(p for p in self.parties.values() if p.id != allegation.party)

    def answering(self, allegation: Claim) -> list[tuple[Claim, LinkKind, str]]:
        """The answers to an allegation: (claim, how, target), in map order."""
        out: list[tuple[Claim, LinkKind, str]] = []
        seen: set[tuple[str, str]] = set()
        for attacker in self.relations.answers(allegation):
            rebuts = self.relations.kind(attacker.id, allegation.id) == "rebuts"
            if rebuts and (attacker.id, allegation.id) not in seen:
                seen.add((attacker.id, allegation.id))
                out.append((attacker, "rebuts", allegation.id))
            for undercut in attacker.undercuts:
                key = (undercut.source, undercut.target)
                if undercut.target == allegation.id and key in self.relation_kinds:
                    label = f"{undercut.source} -> {undercut.target}"
                    if (attacker.id, label) not in seen:
                        seen.add((attacker.id, label))
                        out.append((attacker, "undercuts", label))
        return out

    def attacks_on(self, claim: Claim, tie: tuple[str, str] | None) -> list[tuple[Claim, str]]:
        """Claims of other parties rebutting ``claim`` or undercutting its ``tie``."""
        out: list[tuple[Claim, str]] = [
            (c, "rebuts") for c in self.rebutters.get(claim.id, ()) if c.party != claim.party
        ]
        if tie is not None:
            out.extend(
                (c, "undercuts") for c in self.undercutters.get(tie, ()) if c.party != claim.party
            )
        return out

    # -- exchanges ----------------------------------------------------------------------

    def link(
        self,
        claim: Claim,
        relation: LinkKind,
        target: str,
        parent: str | None,
        expanded: set[str],
        depth: int,
    ) -> Link:
        """The exchange below ``claim``, which bears on ``parent`` by ``relation``."""
        view = self.view(claim.id)
        tie = (claim.id, parent) if parent is not None and relation != "undercuts" else None
        if claim.id in expanded or depth >= MAX_DEPTH:
            # Undercuts of this very tie belong here, wherever the claim is set out.
            tie_attacks: tuple[Link, ...] = ()
            if tie is not None and depth < MAX_DEPTH:
                tie_attacks = tuple(
                    self.link(c, "undercuts", _tie(tie), None, expanded, depth + 1)
                    for c in self.undercutters.get(tie, ())
                    if c.party != claim.party
                )
            elsewhere = claim.id in expanded
            return Link(
                view, relation, target, attacks=tie_attacks, elsewhere=elsewhere, cut=not elsewhere
            )
        expanded.add(claim.id)
        supports = tuple(
            self.link(s, "supports", claim.id, claim.id, expanded, depth + 1)
            for s in self.supporters.get(claim.id, ())
        )
        attacks = []
        for attacker, how in self.attacks_on(claim, tie):
            if how == "rebuts":
                attacks.append(
                    self.link(attacker, "rebuts", claim.id, claim.id, expanded, depth + 1)
                )
            elif tie is not None:
                attacks.append(
                    self.link(attacker, "undercuts", _tie(tie), None, expanded, depth + 1)
                )
        return Link(view, relation, target, supports, tuple(attacks))

    def brief(self, allegation: Claim, expanded: set[str]) -> Brief:
        expanded.add(allegation.id)
        answers = self.answering(allegation)
        answer_ids = {a.id for a, _, _ in answers}
        answer_links = tuple(
            self.link(
                claim,
                how,
                target,
                allegation.id if how == "rebuts" else None,
                expanded,
                1,
            )
            for claim, how, target in answers
        )
        case = []
        for support in self.supporters.get(allegation.id, ()):
            link = self.link(support, "supports", allegation.id, allegation.id, expanded, 1)
            # Undercuts of a support's tie that answer the allegation are listed as answers.
            kept = tuple(
                a
                for a in link.attacks
                if not (a.relation == "undercuts" and a.claim.id in answer_ids)
            )
            case.append(
                Link(
                    link.claim,
                    link.relation,
                    link.target,
                    link.supports,
                    kept,
                    link.elsewhere,
                    link.cut,
                )
            )
        uncountered = tuple(
            _unique(
                claim.id
                for claim, how, _ in answers
                if not any(
                    attacker.party == allegation.party
                    for attacker, _ in self.attacks_on(
                        claim, (claim.id, allegation.id) if how == "rebuts" else None
                    )
                )
            )
        )
        return Brief(
            self.view(allegation.id),
            self.must_answer(allegation),
            tuple(case),
            answer_links,
            uncountered,
        )

    # -- documents ----------------------------------------------------------------------

    def allegations(self) -> Iterable[Claim]:
        return (c for c in self.claims.values() if c.is_allegation)

    def handout(self, side: str) -> Handout:
        if side not in self.parties:
            listed = ", ".join(self.parties) or "none"
            raise UnknownSide(f"unknown side {side!r} (the map's parties are: {listed})")
        must_list = [
            a for a in self.allegations() if any(p.id == side for p in self.must_answer(a))
        ]
        own_list = [a for a in self.allegations() if a.party == side and a not in must_list]
        # An allegation with a section of its own is set out there, not inside another's case.
        expanded = {a.id for a in (*must_list, *own_list)}
        must = tuple(self.brief(a, expanded) for a in must_list)
        own = tuple(self.brief(a, expanded) for a in own_list)
        info = self.amap.info
        return Handout(
            side=self.parties[side],
            title=info.title if info else None,
            description=info.description if info else None,
            must_answer=must,
            own=own,
            sources=self.sources(),
            semantics=self.labels is not None,
        )

    def sources(self) -> tuple[SourceView, ...]:
        return tuple(
            SourceView(s.id, s.title, s.author, s.date, s.url)
            for s in self.amap.source_by_id.values()
        )

    def entry(self, claim: Claim) -> MapEntry:
        attacked_by = [c.id for c in self.rebutters.get(claim.id, ())]
        attacked_by.extend(c.id for c in self.undercutting[claim.id] if c.id not in attacked_by)
        return MapEntry(
            self.view(claim.id),
            supports=_unique(r.target for r in claim.supports),
            rebuts=_unique(r.target for r in claim.rebuts),
            undercuts=_unique(u.label for u in claim.undercuts),
            supported_by=tuple(c.id for c in self.supporters.get(claim.id, ())),
            attacked_by=tuple(attacked_by),
        )

    def row(self, allegation: Claim) -> AllegationRow:
        answers = self.answering(allegation)
        counters: list[str] = []
        for claim, how, _ in answers:
            tie = (claim.id, allegation.id) if how == "rebuts" else None
            for attacker, _how in self.attacks_on(claim, tie):
                if attacker.id not in counters:
                    counters.append(attacker.id)
        return AllegationRow(
            self.view(allegation.id),
            self.must_answer(allegation),
            _unique(c.id for c, _, _ in answers),
            tuple(counters),
        )

    def moderator(self) -> ModeratorSheet:
        info = self.amap.info
        rows = tuple(self.row(a) for a in self.allegations())
        return ModeratorSheet(
            title=info.title if info else None,
            description=info.description if info else None,
            parties=tuple(self.parties.values()),
            sources=self.sources(),
            entries=tuple(self.entry(c) for c in self.claims.values()),
            allegations=rows,
            questions=tuple(self.questions(rows)),
            semantics=self.labels is not None,
        )

    # -- questions ----------------------------------------------------------------------

    def questions(self, rows: tuple[AllegationRow, ...]) -> Iterable[Question]:
        """Questions drawn from the map's structure, each with the answer the map gives."""
        if not rows:
            return
        open_rows = [r for r in rows if not r.answers]
        if open_rows:
            yield Question(
                "Which allegation does no answer reach?",
                _count(len(open_rows), "allegation")
                + " stand without any answer"
                + (
                    f" ({sum(r.claim.status == 'acknowledged' for r in open_rows)} acknowledged "
                    "as open by the map's authors)"
                    if any(r.claim.status == "acknowledged" for r in open_rows)
                    else ""
                )
                + ".",
                tuple(r.claim.id for r in open_rows),
            )
        else:
            yield Question(
                "Which allegation does no answer reach?",
                "None: every allegation has at least one answer. Which answer is the weakest?",
            )
        reach: defaultdict[str, list[str]] = defaultdict(list)
        for row in rows:
            for answer in row.answers:
                reach[answer].append(row.claim.id)
        if reach:
            best = max(len(v) for v in reach.values())
            top = [a for a, v in reach.items() if len(v) == best]
            yield Question(
                "Which single answer rebuts the most allegations?",
                f"{_names(top)} answer{'s' if len(top) == 1 else ''} "
                f"{_count(best, 'allegation')}"
                + (" each" if len(top) > 1 else "")
                + (": " + ", ".join(reach[top[0]]) if len(top) == 1 else "")
                + ".",
                tuple(top),
            )
        attacked = [a for a in reach if self.attacks_on_answer(a, rows)]
        if attacked:
            yield Question(
                "Which answer is itself attacked?",
                f"{_count(len(attacked), 'answer')} "
                + ("meets" if len(attacked) == 1 else "meet")
                + " a counter-attack: "
                + "; ".join(
                    f"{a} by {', '.join(self.attacks_on_answer(a, rows))}" for a in attacked
                )
                + ".",
                tuple(attacked),
            )
        elif reach:
            yield Question(
                "Which answer is itself attacked?",
                "None: no answer meets a counter-attack. What could the other side say?",
            )
        weights = self.quote_weights()
        if weights:
            best = max(len(v) for v in weights.values())
            top = [c for c, v in weights.items() if len(v) == best]
            yield Question(
                "Which quotation carries the most weight?",
                f"The quotation{'s' if len(top) > 1 else ''} cited by {_names(top)}: "
                f"{'each ' if len(top) > 1 else ''}bears on {_count(best, 'claim')}"
                + (" (" + ", ".join(weights[top[0]]) + ")" if len(top) == 1 else "")
                + ", through what it supports and what that attacks.",
                tuple(top),
                tuple(card for c in top for card in self.view(c).quotes),
            )
        bare = [r.claim.id for r in rows if not self.rests_on_quote(r.claim.id)]
        if bare:
            yield Question(
                "Which allegation rests on no quotation at all?",
                f"{_count(len(bare), 'allegation')}: neither it nor anything supporting it "
                "quotes a source.",
                tuple(bare),
            )
        undercutting = [
            c.id
            for c in self.claims.values()
            if any((u.source, u.target) in self.relation_kinds for u in c.undercuts)
        ]
        if undercutting:
            yield Question(
                "Which claims attack an inference rather than a claim?",
                f"{_count(len(undercutting), 'claim')} undercut the step from one claim to "
                "another without denying either.",
                tuple(undercutting),
            )
        if self.labels is not None:
            standing = [r.claim.id for r in rows if r.claim.label == "in"]
            defeated = [r.claim.id for r in rows if r.claim.label == "out"]
            yield Question(
                "Under grounded semantics, which allegations still stand?",
                f"{_count(len(standing), 'allegation')} in (standing), "
                f"{_count(len(defeated), 'allegation')} out (defeated), the rest undecided. "
                "Does the class agree with the calculation?",
                tuple(standing),
            )

    def attacks_on_answer(self, answer: str, rows: tuple[AllegationRow, ...]) -> list[str]:
        claim = self.claims[answer]
        out: list[str] = []
        for row in rows:
            if answer in row.answers:
                for attacker, _ in self.attacks_on(claim, (answer, row.claim.id)):
                    if attacker.id not in out:
                        out.append(attacker.id)
        return out

    def quote_weights(self) -> dict[str, list[str]]:
        """Quoting claim id -> the claims its quotations bear on (supported, then attacked)."""
        supported: defaultdict[str, list[str]] = defaultdict(list)
        for claim in self.claims.values():
            supported[claim.id] = [r.target for r in claim.supports if r.target in self.claims]
        weights: dict[str, list[str]] = {}
        for claim in self.claims.values():
            if not any(c.quote for c in claim.cite):
                continue
            reached: list[str] = []  # in the order found, for a stable sheet
            seen: set[str] = {claim.id}
            stack = list(supported[claim.id])
            while stack:
                current = stack.pop()
                if current in seen:
                    continue
                seen.add(current)
                reached.append(current)
                stack.extend(supported[current])
            attacked: list[str] = []
            for backer in (claim.id, *reached):
                for ref in self.claims[backer].rebuts:
                    attacked.append(ref.target)
                attacked.extend(u.target for u in self.claims[backer].undercuts)
            weights[claim.id] = list(_unique([*reached, *attacked]))
        return {k: v for k, v in weights.items() if v}

    def rests_on_quote(self, claim_id: str) -> bool:
        stack, seen = [claim_id], set()
        while stack:
            current = stack.pop()
            if current in seen or current not in self.claims:
                continue
            seen.add(current)
            if any(c.quote for c in self.claims[current].cite):
                return True
            stack.extend(s.id for s in self.supporters.get(current, ()))
        return False


def _tie(tie: tuple[str, str]) -> str:
    return f"{tie[0]} -> {tie[1]}"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _names(ids: list[str]) -> str:
    return ", ".join(ids)
