"""The argument map as immutable records: claims, relations, parties, sources, spans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from argmap.findings import Finding
from argmap.span import Span

__all__ = [
    "CLAIM_KINDS",
    "ArgMap",
    "Citation",
    "Claim",
    "ClaimKind",
    "Event",
    "GlossaryEntry",
    "Ignore",
    "MapInfo",
    "Party",
    "Ref",
    "Relation",
    "RelationKind",
    "Source",
    "Span",
    "Undercut",
]

ClaimKind = Literal["allegation", "claim", "evidence"]
RelationKind = Literal["supports", "rebuts"]
CLAIM_KINDS: tuple[ClaimKind, ...] = ("allegation", "claim", "evidence")


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a claim id, where it was written."""

    target: str
    span: Span


@dataclass(frozen=True, slots=True)
class Undercut:
    """An attack on the inference of the relation ``source -> target``."""

    source: str
    target: str
    span: Span

    @property
    def label(self) -> str:
        return f"{self.source} -> {self.target}"


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a claim is made or evidenced: a source, a verbatim quote, a locator."""

    source: str
    span: Span
    quote: str | None = None
    at: str | None = None
    quote_span: Span | None = None
    by: str | None = None
    """Who says the quoted words in the source (a party id); None: the claim's party."""
    by_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Ignore:
    """An acknowledgement of a finding on a claim, with its reason."""

    code: str
    reason: str
    span: Span


@dataclass(frozen=True, slots=True)
class Claim:
    """A node of the map: who says what, and how it relates to other claims."""

    id: str
    text: str
    party: str
    span: Span
    kind: ClaimKind = "claim"
    against: str | None = None
    supports: tuple[Ref, ...] = ()
    rebuts: tuple[Ref, ...] = ()
    undercuts: tuple[Undercut, ...] = ()
    cite: tuple[Citation, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    ignore: tuple[Ignore, ...] = ()
    party_span: Span | None = None
    against_span: Span | None = None
    when: str | None = None
    """The date or period the claim is about (``argmap.dates`` syntax): timelines."""
    said: str | None = None
    """When the claim was made, where its cited sources' dates do not say: ``--as-of``."""
    when_span: Span | None = None
    said_span: Span | None = None

    @property
    def is_allegation(self) -> bool:
        return self.kind == "allegation"


@dataclass(frozen=True, slots=True)
class Relation:
    """A ``supports`` or ``rebuts`` edge from one claim to another."""

    kind: RelationKind
    source: str
    target: str
    span: Span


@dataclass(frozen=True, slots=True)
class Party:
    """Someone who speaks in the map."""

    id: str
    name: str
    span: Span
    role: str | None = None
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Something cited; ``text`` is a path (relative to ``base_dir``) to a plain-text copy.

    ``root`` is the directory of the map that declared it: the text must stay inside it
    unless a trusted source root allows otherwise.
    """

    id: str
    title: str
    span: Span
    base_dir: str
    root: str
    author: str | None = None
    date: str | None = None
    url: str | None = None
    text: str | None = None
    text_span: Span | None = None
    outside: bool = False
    """Material from outside the map's own text (a reader must be able to tell it apart)."""


@dataclass(frozen=True, slots=True)
class MapInfo:
    """The map's title and description."""

    title: str | None
    description: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A person or term a reader needs, with a short definition."""

    term: str
    definition: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event the map is about (``date`` in ``argmap.dates`` syntax)."""

    date: str
    text: str
    span: Span
    cite: Citation | None = None


@dataclass(frozen=True)
class ArgMap:
    """A loaded map. Duplicates are kept in the tuples; the indexes hold the first."""

    root: str
    files: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    parties: tuple[Party, ...] = ()
    sources: tuple[Source, ...] = ()
    infos: tuple[MapInfo, ...] = ()
    problems: tuple[Finding, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    events: tuple[Event, ...] = ()
    unparsed: tuple[Span, ...] = ()
    """Files that did not parse, each where its reading stopped: the records of such a
    file are only those before that place, so the map may lack claims and sources."""
    claim_by_id: Mapping[str, Claim] = field(init=False, repr=False, compare=False)
    party_by_id: Mapping[str, Party] = field(init=False, repr=False, compare=False)
    source_by_id: Mapping[str, Source] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "claim_by_id", _first_by_id(self.claims))
        object.__setattr__(self, "party_by_id", _first_by_id(self.parties))
        object.__setattr__(self, "source_by_id", _first_by_id(self.sources))

    @property
    def info(self) -> MapInfo | None:
        return self.infos[0] if self.infos else None

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Every supports and rebuts as written (with its span, repeats and dangling ones
        included), in claim order. The relations that count, first written winning, are
        ``argmap.relations.relations_of(map)``'s."""
        out: list[Relation] = []
        for claim in self.claims:
            out.extend(Relation("supports", claim.id, r.target, r.span) for r in claim.supports)
            out.extend(Relation("rebuts", claim.id, r.target, r.span) for r in claim.rebuts)
        return tuple(out)


T = TypeVar("T", Claim, Party, Source)


def _first_by_id(items: tuple[T, ...]) -> dict[str, T]:
    index: dict[str, T] = {}
    for item in items:
        index.setdefault(item.id, item)
    return index
