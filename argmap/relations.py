"""The relations of a map and the answers to its allegations: one index, built once.

``relations_of(amap)`` is the one definition of "which claim supports, rebuts or
undercuts which" and of "is this allegation answered". Everything that needs them
(lint rules, the semantics, coverage, the debate kit, diagrams, the graph, the AIF
writer) calls it instead of re-deriving them from the records.

- **Relations**: a ``supports`` or ``rebuts`` written on a claim, between two
  existing, distinct claims (the first claim of each id). For a (source, target)
  pair the first one written wins: a claim that supports and then rebuts the same
  claim supports it (lint reports the conflict).
- **Undercuts**: a claim attacks the inference of a relation ``A -> B``. It counts
  when that relation exists and the undercutter is neither A nor B.
- **Attackers** of a claim: the claims that rebut it, and the claims that undercut a
  relation ending at it, each once, in map order.
- **Answers** to an allegation: its attackers from a party that may answer it, that
  is another party than the allegation's, and the ``against`` party where it names one.
- **Status**: ``answered`` when it has an answer; otherwise ``acknowledged`` when the
  claim carries ``ignore: {AM201: reason}`` and ``unanswered`` when it does not.

Building the index is linear in the map; it is built once per map object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from argmap.model import ArgMap, Claim, Ref

RelationKind = Literal["supports", "rebuts"]
"""The kinds of relation between two claims."""
AttackKind = Literal["rebuts", "undercuts"]
"""The two ways a claim attacks another: deny it, or deny the step to it."""
KINDS: tuple[str, ...] = ("supports", "rebuts", "undercuts")
"""Every kind of link a claim can write, in the order the format documents them."""

Edge = tuple[str, str]
"""A relation as (source claim id, target claim id)."""

AnswerStatus = Literal["answered", "unanswered", "acknowledged"]
"""Whether an allegation is answered in the map, or left open (acknowledged or not)."""
ANSWER_STATUSES: tuple[AnswerStatus, ...] = ("answered", "unanswered", "acknowledged")

UNANSWERED_CODE = "AM201"
"""The code of the lint rule reporting unanswered allegations (``ignore: {AM201: ...}``)."""
UNANSWERED_NAME = "unanswered"
"""That rule's name, which an ``ignore`` may use instead of the code."""


@dataclass(frozen=True, slots=True)
class Status:
    """Whether a claim is answered, and why: the answering claims or the acknowledgement."""

    status: AnswerStatus
    answers: tuple[Claim, ...] = ()
    reason: str | None = None
    """The acknowledgement's text, when the claim is acknowledged as open."""

    @property
    def is_open(self) -> bool:
        """Unanswered, acknowledged or not."""
        return self.status != "answered"


def acknowledgement(claim: Claim) -> str | None:
    """The reason a claim gives for leaving itself unanswered (``ignore: {AM201: ...}``)."""
    for entry in claim.ignore:
        if entry.code == UNANSWERED_NAME or entry.code.upper() == UNANSWERED_CODE:
            return entry.reason
    return None


def may_answer(allegation: Claim, claim: Claim) -> bool:
    """Whether ``claim`` is by a party that may answer ``allegation``."""
    if not claim.party or claim.party == allegation.party:
        return False
    return allegation.against is None or claim.party == allegation.against


class Relations:
    """The relations, undercuts and attackers of one map (see the module docstring)."""

    __slots__ = (
        "_attackers",
        "_by_id",
        "_claims",
        "_kinds",
        "_linked",
        "_rebutters",
        "_statuses",
        "_supported",
        "_supporters",
        "_undercutters",
        "_undercutting",
    )

    def __init__(self, amap: ArgMap) -> None:
        # The map's records, not the map: the map keeps this index (relations_of), and a
        # reference back would make a cycle that only the cyclic collector frees.
        self._claims = amap.claims
        self._by_id = claims = amap.claim_by_id
        kinds: dict[Edge, RelationKind] = {}
        supporters: dict[str, list[Claim]] = {}
        supported: dict[str, list[str]] = {}
        rebutters: dict[str, list[Claim]] = {}
        undercutting_claims: list[Claim] = []
        for claim in claims.values():
            source = claim.id
            # A pair keeps its first relation, in claim order (a claim's supports first).
            written: tuple[tuple[RelationKind, tuple[Ref, ...]], ...] = (
                ("supports", claim.supports),
                ("rebuts", claim.rebuts),
            )
            for kind, refs in written:
                for ref in refs:
                    target = ref.target
                    if (
                        (edge := (source, target)) in kinds
                        or target == source
                        or target not in claims
                    ):
                        continue
                    kinds[edge] = kind
                    if kind == "supports":
                        supporters.setdefault(target, []).append(claim)
                        supported.setdefault(source, []).append(target)
                    else:
                        rebutters.setdefault(target, []).append(claim)
            if claim.undercuts:
                undercutting_claims.append(claim)
        # Undercuts last: the relation an undercut names may be written by a later claim.
        undercutters: dict[Edge, list[Claim]] = {}
        undercutting: dict[str, dict[str, Claim]] = {}
        for claim in undercutting_claims:
            for undercut in claim.undercuts:
                edge = (undercut.source, undercut.target)
                if edge not in kinds or claim.id in edge:
                    continue
                found = undercutters.setdefault(edge, [])
                if claim not in found:
                    found.append(claim)
                undercutting.setdefault(undercut.target, {}).setdefault(claim.id, claim)
        self._kinds = kinds
        self._supporters: Mapping[str, Sequence[Claim]] = supporters
        self._supported: Mapping[str, Sequence[str]] = supported
        self._rebutters: Mapping[str, Sequence[Claim]] = rebutters
        self._undercutters = undercutters
        self._undercutting = {t: tuple(found.values()) for t, found in undercutting.items()}
        # A claim's attackers are its rebutters (each once: a pair has one relation) and
        # the claims undercutting a relation to it, merged in map order.
        self._attackers = {**rebutters, **_merged(rebutters, self._undercutting, claims)}
        self._statuses: dict[str, Status] = {}
        self._linked: frozenset[str] | None = None

    # -- relations ----------------------------------------------------------------------

    @property
    def kinds(self) -> Mapping[Edge, RelationKind]:
        """(source, target) -> kind, for every relation, in claim order (read only)."""
        return self._kinds

    def kind(self, source: str, target: str) -> RelationKind | None:
        """The kind of the relation ``source -> target``, or None if there is none."""
        return self._kinds.get((source, target))

    def edges(self) -> Iterator[tuple[str, str, RelationKind]]:
        """Every relation once, as (source, target, kind), in claim order."""
        for (source, target), kind in self._kinds.items():
            yield source, target, kind

    def supporters(self, claim_id: str) -> Sequence[Claim]:
        """The claims that support ``claim_id``, in map order."""
        return self._supporters.get(claim_id, ())

    def supported(self, claim_id: str) -> Sequence[str]:
        """The ids of the claims that ``claim_id`` supports, in the order written."""
        return self._supported.get(claim_id, ())

    def rebutters(self, claim_id: str) -> Sequence[Claim]:
        """The claims that rebut ``claim_id``, in map order."""
        return self._rebutters.get(claim_id, ())

    def undercutters(self, source: str, target: str) -> tuple[Claim, ...]:
        """The claims that undercut the relation ``source -> target``, in map order."""
        return tuple(self._undercutters.get((source, target), ()))

    def undercut_relations(self) -> Mapping[Edge, tuple[Claim, ...]]:
        """Each relation that some claim undercuts -> its undercutters, in map order."""
        return {edge: tuple(found) for edge, found in self._undercutters.items()}

    def linked(self) -> frozenset[str]:
        """Ids that a claim's ``supports``, ``rebuts`` or ``undercuts`` writes, and the
        ids of the claims writing them: resolved or not (for "isolated", which lint's
        other rules complement with the dangling references)."""
        if self._linked is None:
            ids: set[str] = set()
            add = ids.add
            for claim in self._claims:
                if claim.supports or claim.rebuts or claim.undercuts:  # one test when isolated
                    add(claim.id)
                    for ref in claim.supports:
                        add(ref.target)
                    for ref in claim.rebuts:
                        add(ref.target)
                    for undercut in claim.undercuts:
                        add(undercut.source)
                        add(undercut.target)
            self._linked = frozenset(ids)
        return self._linked

    def undercutting(self, claim_id: str) -> Sequence[Claim]:
        """The claims that undercut some relation ending at ``claim_id``, each once, in map
        order."""
        return self._undercutting.get(claim_id, ())

    def attacked(self) -> Mapping[str, Sequence[Claim]]:
        """Each claim that has attackers -> :meth:`attackers` (read only)."""
        return self._attackers

    def attackers(self, claim_id: str) -> Sequence[Claim]:
        """Claims that rebut ``claim_id`` or undercut a relation ending at it, each once."""
        return self._attackers.get(claim_id, ())

    # -- answers ------------------------------------------------------------------------

    def answers(self, allegation: Claim) -> tuple[Claim, ...]:
        """The attackers of ``allegation`` from a party that may answer it."""
        return tuple(a for a in self.attackers(allegation.id) if may_answer(allegation, a))

    def status(self, claim: Claim) -> Status:
        """Answered (with the answers), acknowledged (with the reason) or unanswered."""
        known = self._statuses.get(claim.id)
        if known is not None and self._by_id.get(claim.id) is claim:
            return known
        answers = self.answers(claim)
        if answers:
            result = Status("answered", answers)
        else:
            reason = acknowledgement(claim)
            result = Status("unanswered") if reason is None else Status("acknowledged", (), reason)
        if self._by_id.get(claim.id) is claim:
            self._statuses[claim.id] = result
        return result

    def unanswered(self) -> tuple[Claim, ...]:
        """The allegations without an answer, acknowledged or not, in map order."""
        return tuple(
            claim
            for claim in self._by_id.values()
            if claim.is_allegation and self.status(claim).is_open
        )

    def unanswered_ids(self) -> frozenset[str]:
        """The ids of :meth:`unanswered`."""
        return frozenset(claim.id for claim in self.unanswered())


def _merged(
    first: Mapping[str, Sequence[Claim]],
    then: Mapping[str, Sequence[Claim]],
    claims: Iterable[str],
) -> dict[str, Sequence[Claim]]:
    """For each key of ``then``: the claims of both, each once (by id), in map order."""
    unique = {key: {c.id: c for c in (*first.get(key, ()), *found)} for key, found in then.items()}
    involved = {claim_id for found in unique.values() for claim_id in found}
    order = {claim_id: i for i, claim_id in enumerate(claims) if claim_id in involved}
    return {
        key: tuple(found[claim_id] for claim_id in sorted(found, key=order.__getitem__))
        for key, found in unique.items()
    }


_CACHE = "_argmap_relations"


def relations_of(amap: ArgMap) -> Relations:
    """The map's :class:`Relations`, built on first use and kept with the map object."""
    found = amap.__dict__.get(_CACHE)
    if isinstance(found, Relations):
        return found
    built = Relations(amap)
    object.__setattr__(amap, _CACHE, built)  # ArgMap is frozen; the index is not a field
    return built
