"""What a change does to a map: claims, relations, answers and grounded labels.

``compare(old, new)`` matches claims by id (so a claim that moves to another file is
not "removed and added") and reports what a reviewer asks of a change: which claims
came and went or were reworded, which relations, which allegations it answers or
leaves open, and which claims now stand or fall under grounded semantics (bipolar,
as ``argmap analyse`` defaults), naming the claim that caused it where one can be
named. Labels are a property of the graph, not a finding of fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.model import ArgMap, Claim
from argmap.relations import AnswerStatus, relations_of

if TYPE_CHECKING:
    from argmap.analysis.framework import MapFramework

Relation = tuple[str, str, str]
"""(source claim, kind, target): ``supports``/``rebuts`` a claim, ``undercuts`` "A -> B"."""

COMPARED_FIELDS = ("party", "kind", "against", "cite", "said", "when", "tags", "note", "ignore")
"""The fields besides ``text`` whose change makes a claim "changed" (relations are apart)."""


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """A claim in both maps, changed: its old and new text and the other fields changed."""

    id: str
    party: str
    old_text: str
    new_text: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """An allegation whose answer status changed; ``because`` names the claims involved."""

    id: str
    party: str
    text: str
    old: AnswerStatus | None
    """None: the allegation is new."""
    new: AnswerStatus
    because: tuple[str, ...]
    """Newly answered: its answers now; newly open: the answers it lost."""


@dataclass(frozen=True, slots=True)
class LabelChange:
    """A claim whose grounded label changed; ``because`` names what changed its attackers."""

    id: str
    party: str
    text: str
    old: str
    new: str
    because: tuple[str, ...]
    reason: str
    """How ``because`` bears on it: "newly attacked by", "no longer attacked by",
    "its attacker's label changed", or "" when no one claim can be named."""


@dataclass(frozen=True, slots=True)
class Bearing:
    """How the relations a change adds bear on a claim that was already there.

    Each entry is (how, other, by): ``how`` in plain words ("rebutted by",
    "supported by", "its step to {} undercut by", "the step from {} undercut by"),
    ``other`` the claim that fills its ``{}`` (or ""), ``by`` the claim that does it.
    ``weakens``/``strengthens`` say which way the entries push.
    """

    id: str
    party: str
    kind: str
    text: str
    weakens: tuple[tuple[str, str, str], ...]
    strengthens: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class MapDiff:
    """Everything ``compare`` found; empty tuples when nothing changed."""

    old_label: str
    new_label: str
    added: tuple[Claim, ...] = ()
    removed: tuple[Claim, ...] = ()
    changed: tuple[ClaimChange, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    newly_answered: tuple[AnswerChange, ...] = ()
    newly_open: tuple[AnswerChange, ...] = ()
    labels: tuple[LabelChange, ...] = ()
    bearings: tuple[Bearing, ...] = ()
    """Claims in both maps that the added relations attack or support, in map order."""
    notes: tuple[str, ...] = field(default=())
    """What the reader should know about the inputs: files renamed, files that did not
    load (``path:line:col: CODE message``)."""

    @property
    def new_unanswered(self) -> tuple[AnswerChange, ...]:
        """Allegations left unanswered by the change and not acknowledged (what CI fails on)."""
        return tuple(c for c in self.newly_open if c.new == "unanswered")

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.relations_added
            or self.relations_removed
            or self.newly_answered
            or self.newly_open
            or self.labels
            or self.bearings
        )


def relations(amap: ArgMap) -> list[Relation]:
    """The map's relations and undercuts, in claim order (from ``argmap.relations``)."""
    index = relations_of(amap)
    found: list[Relation] = [(s, kind, t) for s, t, kind in index.edges()]
    for (source, target), undercutters in index.undercut_relations().items():
        found.extend((u.id, "undercuts", f"{source} -> {target}") for u in undercutters)
    return found


def compare(
    old: ArgMap,
    new: ArgMap,
    old_label: str = "old",
    new_label: str = "new",
    notes: tuple[str, ...] = (),
) -> MapDiff:
    """What changed from ``old`` to ``new`` (see the module docstring)."""
    before, after = old.claim_by_id, new.claim_by_id
    old_relations, new_relations = relations(old), relations(new)
    old_set, new_set = set(old_relations), set(new_relations)
    return MapDiff(
        old_label=old_label,
        new_label=new_label,
        added=tuple(c for i, c in after.items() if i not in before),
        removed=tuple(c for i, c in before.items() if i not in after),
        changed=tuple(
            change
            for i, claim in after.items()
            if i in before and (change := _claim_change(before[i], claim)) is not None
        ),
        relations_added=tuple(r for r in new_relations if r not in old_set),
        relations_removed=tuple(r for r in old_relations if r not in new_set),
        **_answer_changes(old, new),
        labels=_label_changes(old, new),
        bearings=_bearings(old, new, [r for r in new_relations if r not in old_set]),
        notes=notes,
    )


def _bearings(old: ArgMap, new: ArgMap, added: list[Relation]) -> tuple[Bearing, ...]:
    """What the added relations do to the claims that were there before."""
    index = relations_of(new)
    weak: dict[str, list[tuple[str, str, str]]] = {}
    strong: dict[str, list[tuple[str, str, str]]] = {}
    for source, kind, target in added:
        if kind == "supports":
            strong.setdefault(target, []).append(("supported by", "", source))
        elif kind == "rebuts":
            weak.setdefault(target, []).append(("rebutted by", "", source))
        else:
            first, _, second = target.partition(" -> ")
            weak.setdefault(first, []).append(("its step to {} undercut by", second, source))
            pushed = strong if index.kind(first, second) == "rebuts" else weak
            pushed.setdefault(second, []).append(("the step from {} undercut by", first, source))
    found: list[Bearing] = []
    for claim in new.claim_by_id.values():
        if claim.id not in old.claim_by_id or not (claim.id in weak or claim.id in strong):
            continue
        found.append(
            Bearing(
                claim.id,
                claim.party,
                claim.kind,
                claim.text,
                tuple(weak.get(claim.id, ())),
                tuple(strong.get(claim.id, ())),
            )
        )
    return tuple(found)


def _claim_change(old: Claim, new: Claim) -> ClaimChange | None:
    fields = tuple(f for f in COMPARED_FIELDS if _plain(old, f) != _plain(new, f))
    if old.text == new.text and not fields:
        return None
    return ClaimChange(new.id, new.party, old.text, new.text, fields)


def _plain(claim: Claim, name: str) -> object:
    """A field's value without the places it was written (spans)."""
    value = getattr(claim, name)
    if name == "cite":
        return [(c.source, c.quote, c.at, c.by) for c in value]
    if name == "ignore":
        return [(i.code, i.reason) for i in value]
    return value


def _answer_changes(old: ArgMap, new: ArgMap) -> dict[str, tuple[AnswerChange, ...]]:
    old_index, new_index = relations_of(old), relations_of(new)
    answered: list[AnswerChange] = []
    opened: list[AnswerChange] = []
    for claim in new.claim_by_id.values():
        if not claim.is_allegation:
            continue
        now = new_index.status(claim)
        earlier = old.claim_by_id.get(claim.id)
        then = old_index.status(earlier) if earlier is not None and earlier.is_allegation else None
        if now.status == "answered" and then is not None and then.is_open:
            answered.append(_answer(claim, then.status, now.status, now.answers))
        elif now.is_open and (then is None or then.status == "answered"):
            lost = then.answers if then is not None else ()
            if then is not None or now.status == "unanswered":
                opened.append(_answer(claim, then.status if then else None, now.status, lost))
    return {"newly_answered": tuple(answered), "newly_open": tuple(opened)}


def _answer(
    claim: Claim, old: AnswerStatus | None, new: AnswerStatus, because: tuple[Claim, ...]
) -> AnswerChange:
    return AnswerChange(claim.id, claim.party, claim.text, old, new, tuple(c.id for c in because))


def _label_changes(old: ArgMap, new: ArgMap) -> tuple[LabelChange, ...]:
    from argmap.analysis.framework import from_map
    from argmap.analysis.semantics import claim_labels

    old_labels, new_labels = claim_labels(old), claim_labels(new)
    old_attackers = _claim_attackers(from_map(old))
    new_attackers = _claim_attackers(from_map(new))
    changes: list[LabelChange] = []
    for claim_id, label in new_labels.items():
        before = old_labels.get(claim_id)
        if before is None or before == label:
            continue
        then, now = old_attackers.get(claim_id, []), new_attackers.get(claim_id, [])
        because, reason = _cause(then, now, old_labels, new_labels)
        claim = new.claim_by_id[claim_id]
        changes.append(
            LabelChange(claim_id, claim.party, claim.text, before, label, because, reason)
        )
    return tuple(changes)


def _cause(
    then: list[str], now: list[str], old_labels: Mapping[str, str], new_labels: Mapping[str, str]
) -> tuple[tuple[str, ...], str]:
    """The claims to name as the cause of a label change, and how they caused it."""
    if fresh := tuple(a for a in now if a not in then):
        return fresh, "newly attacked by"
    if gone := tuple(a for a in then if a not in now):
        return gone, "no longer attacked by"
    if moved := tuple(a for a in now if old_labels.get(a) != new_labels.get(a)):
        return moved, "following its attacker"
    return (), ""


def _claim_attackers(translated: MapFramework) -> dict[str, list[str]]:
    """Claim id -> the claims that attack it in the framework (directly or derived)."""
    roles = translated.roles
    framework = translated.framework
    found: dict[str, list[str]] = {}
    for argument in framework.arguments:
        if roles[argument] != "claim":
            continue
        names: list[str] = []
        for attacker in framework.attackers(argument):
            name = _claim_behind(attacker, roles[attacker])
            if name is not None and name != argument and name not in names:
                names.append(name)
        found[argument] = names
    return found


def _claim_behind(argument: str, role: str) -> str | None:
    """The claim an argument of the framework stands for, where it stands for one."""
    if role == "claim":
        return argument
    if role == "auxiliary":
        return argument[1:]
    if role == "carrier":
        return argument.split("=>", 1)[0]
    return None
