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

from collections.abc import Iterable, Mapping

from argmap.debate.questions import class_questions, unique
from argmap.debate.quoting import short_name
from argmap.debate.records import (
    LABEL_MEANING,
    AllegationRow,
    Brief,
    Card,
    ClaimView,
    Handout,
    Label,
    Link,
    LinkKind,
    MapEntry,
    ModeratorSheet,
    PartyView,
    Question,
    SourceView,
    Status,
)
from argmap.debate.sides import UnknownSide, party_ids
from argmap.model import ArgMap, Claim
from argmap.relations import relations_of

__all__ = [
    "LABEL_MEANING",
    "AllegationRow",
    "Brief",
    "Card",
    "ClaimView",
    "Handout",
    "Label",
    "Link",
    "LinkKind",
    "MapEntry",
    "ModeratorSheet",
    "PartyView",
    "Question",
    "SourceView",
    "Status",
    "UnknownSide",
    "claim_views",
    "grounded_labels",
    "handout",
    "moderator_sheet",
    "sides",
]

MAX_DEPTH = 12
"""How deep an exchange is followed in a handout before it is left to the moderator sheet."""


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
        rel = self.relations
        self.supporters = {c: list(rel.supporters(c)) for c in self.claims if rel.supporters(c)}
        self.rebutters = {c: list(rel.rebutters(c)) for c in self.claims if rel.rebutters(c)}
        self.undercutters = {k: list(v) for k, v in rel.undercut_relations().items()}
        self.undercutting = {c: list(rel.undercutting(c)) for c in self.claims}
        """Claim id -> claims undercutting a relation that ends at it."""
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
            found = self.relations.status(claim)
            status, reason = found.status, found.reason
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
        by = short_name(self.amap, cite.by) if cite.by else None
        if source is None:
            return Card(claim.id, cite.source, cite.source, cite.quote, cite.at, by=by)
        return Card(
            claim.id,
            source.id,
            source.title,
            cite.quote,
            cite.at,
            source.author,
            source.date,
            source.url,
            by,
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
            unique(
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
            supports=unique(r.target for r in claim.supports),
            rebuts=unique(r.target for r in claim.rebuts),
            undercuts=unique(u.label for u in claim.undercuts),
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
            unique(c.id for c, _, _ in answers),
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
            questions=tuple(class_questions(self, rows)),
            semantics=self.labels is not None,
        )


def _tie(tie: tuple[str, str]) -> str:
    return f"{tie[0]} -> {tie[1]}"
