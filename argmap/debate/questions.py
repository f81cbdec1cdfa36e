"""Questions a teacher can ask about a map, each with the answer the map gives (the
dossier's moderator sheet): open allegations, the answer that reaches furthest, answers
that are attacked, the quotation that carries most weight."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol

from argmap.debate.records import AllegationRow, ClaimView, Label, Question
from argmap.model import Claim


class Analysis(Protocol):
    """What the questions read of the dossier's indexes over a map."""

    @property
    def claims(self) -> Mapping[str, Claim]: ...

    @property
    def relation_kinds(self) -> Mapping[tuple[str, str], str]: ...

    @property
    def labels(self) -> Mapping[str, Label] | None: ...

    @property
    def supporters(self) -> Mapping[str, list[Claim]]: ...

    def view(self, claim_id: str) -> ClaimView: ...

    def attacks_on(self, claim: Claim, tie: tuple[str, str] | None) -> list[tuple[Claim, str]]: ...


def class_questions(self: Analysis, rows: tuple[AllegationRow, ...]) -> Iterable[Question]:
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
    counters = {a: attacks_on_answer(self, a, reached) for a, reached in reach.items()}
    attacked = [a for a, by in counters.items() if by]
    if attacked:
        yield Question(
            "Which answer is itself attacked?",
            f"{_count(len(attacked), 'answer')} "
            + ("meets" if len(attacked) == 1 else "meet")
            + " a counter-attack: "
            + "; ".join(f"{a} by {', '.join(counters[a])}" for a in attacked)
            + ".",
            tuple(attacked),
        )
    elif reach:
        yield Question(
            "Which answer is itself attacked?",
            "None: no answer meets a counter-attack. What could the other side say?",
        )
    weights = quote_weights(self)
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
    bare = [r.claim.id for r in rows if not rests_on_quote(self, r.claim.id)]
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
            "Under grounded semantics (a formal calculation), which allegations are in?",
            f"{_count(len(standing), 'allegation')} in, "
            f"{_count(len(defeated), 'allegation')} out, the rest undecided. The calculation "
            "does not weigh evidence and favours whoever speaks last: does the class agree?",
            tuple(standing),
        )


def attacks_on_answer(self: Analysis, answer: str, allegations: Iterable[str]) -> list[str]:
    """The claims that attack ``answer`` or its answering of one of ``allegations``."""
    claim = self.claims[answer]
    out: dict[str, None] = {}  # in the order found, each once
    for allegation in allegations:
        for attacker, _ in self.attacks_on(claim, (answer, allegation)):
            out[attacker.id] = None
    return list(out)


def quote_weights(self: Analysis) -> dict[str, list[str]]:
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
        weights[claim.id] = list(unique([*reached, *attacked]))
    return {k: v for k, v in weights.items() if v}


def rests_on_quote(self: Analysis, claim_id: str) -> bool:
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


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """The items in order, each once."""
    return tuple(dict.fromkeys(items))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _names(ids: list[str]) -> str:
    return ", ".join(ids)
