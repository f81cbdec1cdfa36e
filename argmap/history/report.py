"""A map diff as text (a terminal), JSON (tools) or Markdown (a pull-request comment,
a GitHub job summary)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from argmap.history.diff import (
    AnswerChange,
    Bearing,
    ClaimChange,
    LabelChange,
    MapDiff,
    Relation,
)
from argmap.model import Claim

FORMATS = ("text", "json", "markdown")
LABEL_WORDS = {"in": "in", "out": "out", "undec": "undecided"}
LABEL_CAVEAT = (
    "In/out is grounded semantics (bipolar, as `argmap analyse` defaults): a property of "
    "the graph, not a finding of fact; nothing is weighed, and the last to speak wins."
)


def render(diff: MapDiff, fmt: str) -> str:
    """``diff`` in ``fmt`` (one of ``FORMATS``)."""
    writers: dict[str, Callable[[MapDiff], str]] = {
        "text": to_text,
        "json": to_json,
        "markdown": to_markdown,
    }
    return writers[fmt](diff)


def summary(diff: MapDiff) -> str:
    """One line: the counts a reviewer reads first."""
    if diff.empty:
        return "no change to claims, relations, answers or grounded labels"
    parts = [
        f"{len(diff.added)} claim(s) added",
        f"{len(diff.removed)} removed",
        f"{len(diff.changed)} changed",
        f"{len(diff.relations_added)} relation(s) added",
        f"{len(diff.relations_removed)} removed",
        f"{len(diff.newly_answered)} allegation(s) newly answered",
        f"{len(diff.newly_open)} newly open",
        f"{sum(b.kind == 'allegation' for b in diff.bearings)} allegation(s) newly attacked "
        "or supported",
        f"{sum(bool(b.weakens) for b in diff.bearings if b.kind != 'allegation')} other "
        "claim(s) weakened",
        f"{len(diff.labels)} grounded label(s) changed",
    ]
    return ", ".join(parts)


# -- text ---------------------------------------------------------------------------------


def to_text(diff: MapDiff) -> str:
    lines = [f"argmap diff {diff.old_label} -> {diff.new_label}: {summary(diff)}"]
    lines.extend(f"note: {note}" for note in diff.notes)

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", f"{title}:", *rows])

    section("Claims added", [f"  + {c.id} ({c.party}): {_flat(c.text)}" for c in diff.added])
    section("Claims removed", [f"  - {c.id} ({c.party}): {_flat(c.text)}" for c in diff.removed])
    section("Claims changed", [row for c in diff.changed for row in _text_change(c)])
    section("Relations added", [f"  + {_relation(r)}" for r in diff.relations_added])
    section("Relations removed", [f"  - {_relation(r)}" for r in diff.relations_removed])
    section("Allegations newly answered", [_text_answer(a) for a in diff.newly_answered])
    section("Allegations newly open", [_text_answer(a) for a in diff.newly_open])
    allegations, weakened, strengthened = _bearing_groups(diff)
    section("Allegations the change bears on", [_text_bearing(b) for b in allegations])
    section("Other claims it weakens", [_text_bearing(b, "weakens") for b in weakened])
    section("Other claims it strengthens", [_text_bearing(b, "strengthens") for b in strengthened])
    section("Grounded label changed", [_text_label(c) for c in diff.labels])
    if diff.labels:
        lines.append(f"({LABEL_CAVEAT.replace('`', '')})")
    return "\n".join(lines) + "\n"


def _text_change(change: ClaimChange) -> list[str]:
    rows = [f"  ~ {change.id} ({change.party})"]
    if change.old_text != change.new_text:
        rows += [f"      was: {_flat(change.old_text)}", f"      now: {_flat(change.new_text)}"]
    if change.fields:
        rows.append(f"      also changed: {', '.join(change.fields)}")
    return rows


def _text_answer(change: AnswerChange) -> str:
    return f"  {change.id} ({change.party}): {_answer_words(change)}"


def _text_bearing(bearing: Bearing, which: str = "both") -> str:
    return f"  {bearing.id} ({bearing.party}): {_bearing_words(bearing, which)}"


def _text_label(change: LabelChange) -> str:
    return f"  {change.id} ({change.party}): {_label_words(change)}"


# -- JSON ---------------------------------------------------------------------------------


def to_json(diff: MapDiff) -> str:
    data: dict[str, Any] = {
        "old": diff.old_label,
        "new": diff.new_label,
        "summary": summary(diff),
        "notes": list(diff.notes),
        "claims": {
            "added": [_claim(c) for c in diff.added],
            "removed": [_claim(c) for c in diff.removed],
            "changed": [
                {
                    "id": c.id,
                    "party": c.party,
                    "old_text": c.old_text,
                    "new_text": c.new_text,
                    "fields": list(c.fields),
                }
                for c in diff.changed
            ],
        },
        "relations": {
            "added": [_relation_dict(r) for r in diff.relations_added],
            "removed": [_relation_dict(r) for r in diff.relations_removed],
        },
        "allegations": {
            "newly_answered": [_answer_dict(a) for a in diff.newly_answered],
            "newly_open": [_answer_dict(a) for a in diff.newly_open],
        },
        "bearings": [
            {
                "id": b.id,
                "party": b.party,
                "kind": b.kind,
                "weakened": [_bearing_dict(entry) for entry in b.weakens],
                "strengthened": [_bearing_dict(entry) for entry in b.strengthens],
            }
            for b in diff.bearings
        ],
        "grounded": [
            {
                "id": c.id,
                "party": c.party,
                "old": c.old,
                "new": c.new,
                "because": list(c.because),
                "reason": c.reason,
            }
            for c in diff.labels
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _claim(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "party": claim.party, "kind": claim.kind, "text": claim.text}


def _relation_dict(relation: Relation) -> dict[str, str]:
    source, kind, target = relation
    return {"source": source, "kind": kind, "target": target}


def _bearing_dict(entry: tuple[str, str, str]) -> dict[str, str]:
    how, other, by = entry
    return {"how": how.format(other) if other else how, "by": by}


def _answer_dict(change: AnswerChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "party": change.party,
        "old": change.old,
        "new": change.new,
        "because": list(change.because),
    }


# -- Markdown -----------------------------------------------------------------------------


def to_markdown(diff: MapDiff) -> str:
    from argmap.debate.words import md_id, md_text

    def ids(names: tuple[str, ...]) -> str:
        return ", ".join(md_id(n) for n in names)

    lines = [
        f"### argmap diff: {md_text(diff.old_label)} → {md_text(diff.new_label)}",
        "",
        f"**{md_text(summary(diff))}**",
    ]
    if diff.notes:
        lines += ["", *(f"- {md_text(note)}" for note in diff.notes)]

    def section(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", f"#### {title}", "", *rows])

    section(
        "Allegations newly answered",
        [
            f"- {md_id(a.id)} ({md_text(a.party)}): {_answer_words(a, ids)}"
            for a in diff.newly_answered
        ],
    )
    section(
        "Allegations newly open",
        [f"- {md_id(a.id)} ({md_text(a.party)}): {_answer_words(a, ids)}" for a in diff.newly_open],
    )
    allegations, weakened, strengthened = _bearing_groups(diff)

    def bearing_rows(bearings: list[Bearing], which: str) -> list[str]:
        return [
            f"- {md_id(b.id)} ({md_text(b.party)}): {_bearing_words(b, which, md_id)}"
            for b in bearings
        ]

    section("Allegations the change bears on", bearing_rows(allegations, "both"))
    section("Other claims it weakens", bearing_rows(weakened, "weakens"))
    section("Other claims it strengthens", bearing_rows(strengthened, "strengthens"))
    section(
        "Grounded label changed",
        [f"- {md_id(c.id)} ({md_text(c.party)}): {_label_words(c, ids)}" for c in diff.labels],
    )
    if diff.labels:
        lines += ["", f"_{LABEL_CAVEAT}_"]
    section(
        "Claims added",
        [f"- {md_id(c.id)} ({md_text(c.party)}): {md_text(c.text)}" for c in diff.added],
    )
    section(
        "Claims removed",
        [f"- {md_id(c.id)} ({md_text(c.party)}): {md_text(c.text)}" for c in diff.removed],
    )
    changed: list[str] = []
    for c in diff.changed:
        changed.append(f"- {md_id(c.id)} ({md_text(c.party)})")
        if c.old_text != c.new_text:
            changed += [f"  - was: {md_text(c.old_text)}", f"  - now: {md_text(c.new_text)}"]
        if c.fields:
            changed.append(f"  - also changed: {', '.join(c.fields)}")
    section("Claims changed", changed)
    relation_rows = [f"| added | {_md_relation(r)} |" for r in diff.relations_added]
    relation_rows += [f"| removed | {_md_relation(r)} |" for r in diff.relations_removed]
    if relation_rows:
        section("Relations", ["| change | relation |", "|---|---|", *relation_rows])
    return "\n".join(lines) + "\n"


def _md_relation(relation: Relation) -> str:
    from argmap.debate.words import md_id

    source, kind, target = relation
    if kind == "undercuts":
        first, _, second = target.partition(" -> ")
        return f"{md_id(source)} undercuts {md_id(first)} → {md_id(second)}"
    return f"{md_id(source)} {kind} {md_id(target)}"


# -- words shared by the formats ----------------------------------------------------------


def _plain_ids(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def _answer_words(change: AnswerChange, ids: Callable[[tuple[str, ...]], str] = _plain_ids) -> str:
    if change.new == "answered":
        return f"was {change.old}, now answered by {ids(change.because)}"
    if change.old is None:
        return f"new allegation, {change.new}"
    lost = f" (it lost the answer of {ids(change.because)})" if change.because else ""
    return f"was answered, now {change.new}{lost}"


def _label_words(change: LabelChange, ids: Callable[[tuple[str, ...]], str] = _plain_ids) -> str:
    words = f"{LABEL_WORDS[change.old]} → {LABEL_WORDS[change.new]}"
    if change.because:
        words += f", {change.reason} {ids(change.because)}"
    return words


def _bearing_groups(diff: MapDiff) -> tuple[list[Bearing], list[Bearing], list[Bearing]]:
    """Allegations the change bears on; other claims it weakens; others it strengthens."""
    allegations = [b for b in diff.bearings if b.kind == "allegation"]
    weakened = [b for b in diff.bearings if b.kind != "allegation" and b.weakens]
    strengthened = [b for b in diff.bearings if b.kind != "allegation" and b.strengthens]
    return allegations, weakened, strengthened


def _bearing_words(
    bearing: Bearing, which: str, name: Callable[[str], str] = lambda claim: claim
) -> str:
    """``weakened: rebutted by A, B; ... | strengthened: supported by C`` (or one side)."""
    sides = [
        ("weakened", "weakens", bearing.weakens),
        ("strengthened", "strengthens", bearing.strengthens),
    ]
    parts: list[str] = []
    for side, verb, entries in sides:
        if which not in ("both", verb) or not entries:
            continue
        grouped: dict[str, list[str]] = {}
        for how, other, by in entries:
            grouped.setdefault(how.format(name(other)) if other else how, []).append(name(by))
        words = "; ".join(f"{how} {', '.join(names)}" for how, names in grouped.items())
        parts.append(f"{side}: {words}" if which == "both" else words)
    return " | ".join(parts)


def _relation(relation: Relation) -> str:
    source, kind, target = relation
    return f"{source} {kind} {target}"


def _flat(text: str) -> str:
    """One line, without control characters (a terminal must not act on map text)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
