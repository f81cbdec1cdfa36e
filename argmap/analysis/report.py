"""The reports of ``argmap analyse``: labellings as text, JSON or ICCMA answers.

The command solves; this module writes what was found, so that the words of a report
live beside the analysis and not in the command line.
"""

from __future__ import annotations

import json
import textwrap
from itertools import compress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework, MapFramework
    from argmap.analysis.semantics import AllegationStatus, Label
    from argmap.model import ArgMap

FORMATS = ("text", "json", "iccma")


def labelling(
    framework: Framework, extension: frozenset[str], shown: list[str]
) -> dict[str, Label]:
    from argmap.analysis.semantics import labelling_of

    labels = labelling_of(framework, extension)
    if len(shown) == len(labels) and shown == list(labels):
        return labels  # every argument, in the framework's order
    return {a: labels[a] for a in shown}


def _grouped(labels: dict[str, Label]) -> dict[str, list[str]]:
    """The arguments of each label, sorted (numbers numerically)."""
    from argmap.analysis.semantics import LABELS, sorted_arguments

    names, values = list(labels), list(labels.values())
    return {label: sorted_arguments(compress(names, map(label.__eq__, values))) for label in LABELS}


def as_json(labellings: list[dict[str, Label]], semantics: str) -> str:
    grouped = [_grouped(labels) for labels in labellings]
    data: object = grouped[0] if semantics == "grounded" else grouped
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_iccma(
    framework: Framework, found: list[frozenset[str]], semantics: str, *, numbered: bool
) -> str:
    from argmap.formats.iccma import format_set, format_sets, format_witnesses

    if numbered:
        return format_witnesses(framework, found)
    if semantics == "grounded":
        return format_set(found[0]) + "\n"
    return format_sets(found) + "\n"


def title(semantics: str, count: int) -> str:
    if semantics == "grounded":
        return "Grounded labelling"
    return f"{count} {semantics} extension{'s' if count != 1 else ''}"


def text_labellings(
    heading: str, semantics: str, labellings: list[dict[str, Label]], indent: str = ""
) -> str:
    """Labellings of an abstract framework as text: the arguments in, out and undecided."""
    lines = [heading]
    for number, labels in enumerate(labellings, start=1):
        grouped = _grouped(labels)
        if semantics != "grounded":
            lines.append("")
            lines.append(f"extension {number}:")
        for label, members in grouped.items():
            lines.append(f"{indent}  {label} ({len(members)}): " + ", ".join(members))
    if not labellings:
        lines.append(f"  no {semantics} extension")
    return "\n".join(lines) + "\n"


_MODE_WORDS = {
    "bipolar": "bipolar reading: rebuttals, undercuts, and supported and secondary attacks "
    "along supports",
    "attack-only": "attack-only reading: rebuttals and undercuts",
}


def text_map(
    amap: ArgMap,
    shown_as: str,
    semantics: str,
    translated: MapFramework,
    labellings: list[dict[str, Label]],
) -> str:
    """The text report of a map: its claims by label, undercut inferences, and the
    allegations whose standing differs from what lint says of them."""
    from argmap.analysis.semantics import (
        LABELS_DO_NOT_MEASURE,
        allegation_status,
        sceptical_labelling,
    )

    claims = list(amap.claim_by_id)
    labels = sceptical_labelling(translated.shown(), labellings)
    heading = f"{title(semantics, len(labellings))} of {shown_as} ({_MODE_WORDS[translated.mode]})"
    lines = [heading, *textwrap.wrap(LABELS_DO_NOT_MEASURE, width=100)]
    if semantics == "grounded":
        claim_labels = {c: labels[c] for c in claims}
        lines += _claim_sections(amap, claim_labels)
    else:
        for number, extension_labels in enumerate(labellings, start=1):
            counts = _grouped({c: extension_labels[c] for c in claims})
            lines.append(
                f"  extension {number}: "
                + ", ".join(f"{len(ids)} {label}" for label, ids in counts.items())
            )
            lines += textwrap.wrap(
                "in: " + (", ".join(counts["in"]) or "none"),
                width=100,
                initial_indent="    ",
                subsequent_indent="      ",
                break_on_hyphens=False,
            )
        if not labellings:
            lines.append(f"  no {semantics} extension: every claim is undecided below")
        lines.append("")
        lines.append(f"Sceptically, across the {semantics} extensions:")
        lines += _claim_sections(amap, {c: labels[c] for c in claims})
    inferences = [a for a in translated.shown() if translated.roles[a] == "inference"]
    if inferences:
        lines.append("")
        lines.append("Undercut inferences (does the relation still hold?):")
        lines += [f"  {a.replace('->', ' -> ')}: {labels[a]}" for a in inferences]
    status = allegation_status(amap, labels={c: labels[c] for c in claims})
    lines += _standing_sections(status, labels)
    return "\n".join(lines) + "\n"


def _claim_sections(amap: ArgMap, labels: dict[str, Label]) -> list[str]:
    grouped = _grouped(labels)
    lines = [
        f"{len(labels)} claims: "
        + ", ".join(f"{len(ids)} {label}" for label, ids in grouped.items())
    ]
    for label, ids in grouped.items():
        lines.append("")
        lines.append(f"{label} ({len(ids)}):")
        width = max((len(i) for i in ids), default=0)
        lines += [f"  {i.ljust(width)}  {amap.claim_by_id[i].party}" for i in ids]
    return lines


def _standing_sections(status: dict[str, AllegationStatus], labels: dict[str, Label]) -> list[str]:
    def answers(item: AllegationStatus) -> str:
        return ", ".join(f"{a} [{labels[a]}]" for a in item["answers"])

    sections = (
        (
            "Answered but still standing",
            "lint counts these as answered, but every answer is defeated or its attack undercut",
            [a for a, s in status.items() if s["answered"] and s["label"] == "in"],
        ),
        (
            "Answered, undecided",
            "an answer or the allegation's other attackers are themselves undecided",
            [a for a, s in status.items() if s["answered"] and s["label"] == "undec"],
        ),
        (
            "Unanswered, yet out",
            "attacked by claims lint does not count as answers: another party's, or "
            "attacks derived along supports",
            [a for a, s in status.items() if not s["answered"] and s["label"] == "out"],
        ),
    )
    lines: list[str] = []
    for heading, explanation, ids in sections:
        lines.append("")
        lines.append(f"{heading} ({len(ids)})" + (f": {explanation}" if ids else ": none"))
        for allegation in sorted(ids):
            item = status[allegation]
            why = f": answered by {answers(item)}" if item["answers"] else ""
            lines.append(f"  {allegation}{why}")
    return lines


class AnalysisError(ValueError):
    """The analysis a command asked for cannot be made (a solver's limit, a bad mode)."""


def map_labels(amap: ArgMap, semantics: str, mode: str = "bipolar") -> dict[str, Label]:
    """Each claim's label under ``semantics`` (for ``render --labels``); every failure is
    an ``AnalysisError`` of one line."""
    from argmap.analysis.framework import MODES
    from argmap.analysis.semantics import SolverTimeout, SolverUnavailable, claim_labels

    chosen = next((m for m in MODES if m == mode), None)
    if chosen is None:
        raise AnalysisError(f"unknown mode {mode!r} (must be one of {list(MODES)})")
    try:
        return claim_labels(amap, semantics, chosen)
    except (SolverTimeout, SolverUnavailable, ValueError) as exc:
        raise AnalysisError(str(exc)) from None
