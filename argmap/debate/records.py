"""The records of the dossier: views of the map that a side's handout and the moderator
sheet are made of (parties, claims with their evidence cards, exchanges, briefs, rows)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from argmap.analysis.semantics import Label as Label  # re-exported for the kit
from argmap.model import ClaimKind
from argmap.relations import AnswerStatus

Status = AnswerStatus
"""answered, unanswered, or unanswered and acknowledged (as :mod:`argmap.relations` says)."""
LinkKind = Literal["supports", "rebuts", "undercuts"]

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
    by: str | None = None
    """Who says the quoted words, as a reader names them ("Trotsky")."""


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
