"""``argmap analyse``: which claims stand, under Dung's semantics.

PATH is a map, or an abstract framework file named by its suffix (``.apx``,
``.tgf``, ``.i23``, ``.af``). ``--format json`` prints ``{"in": [...], "out": [...],
"undec": [...]}`` for the grounded labelling and a list of such labellings, one
per extension, for the other semantics; ``--format iccma`` prints the answer as the
competitions write it. For a map, the text report also says which allegations lint
counts as answered but still stand. A solver that reaches ``--timeout`` is an
error (exit 2): no partial answer is printed.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TYPE_CHECKING

from argmap.analysis.framework import MODES
from argmap.analysis.semantics import DEFAULT_TIMEOUT, SEMANTICS
from argmap.commands.common import add_map_arguments, emit, load_map
from argmap.commands.errors import EXIT_OK, CommandError

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework, MapFramework
    from argmap.analysis.semantics import AllegationStatus, Label
    from argmap.model import ArgMap

FORMATS = ("text", "json", "iccma")


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser, many=False)
    for action in parser._actions:
        if action.dest == "paths":
            action.help = (
                "a map (directory or claim file), or an abstract framework file: "
                "ASPARTIX .apx, .tgf, ICCMA 2023 .i23 or .af"
            )
    parser.usage = "argmap analyse [options] PATH   (a map, or a framework file .apx .tgf .i23 .af)"
    parser.add_argument(
        "--semantics", choices=SEMANTICS, default="grounded", help="default: grounded"
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        help="how a map becomes a framework: bipolar (default; supports add derived attacks) "
        "or attack-only (rebuttals and undercuts only)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="time limit for the solver (complete, preferred, stable; "
        f"default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def run(args: argparse.Namespace) -> int:
    from argmap.formats.iccma import format_of

    if not args.timeout > 0:
        raise CommandError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    path = str(args.paths)
    if format_of(path) is not None:
        if args.mode is not None:
            raise CommandError(f"--mode applies to maps; {path} is already an abstract framework")
        data = _analyse_framework(args, path)
        _emit_protecting(args, data, path)
        return EXIT_OK
    amap = load_map(args, partial="the labels cover what loaded")
    emit(args, _analyse_map(args, amap), amap)
    return EXIT_OK


def _emit_protecting(args: argparse.Namespace, data: str, path: str) -> None:
    if args.output in (None, "-"):
        emit(args, data)
        return
    from argmap.output import write

    write(args.output, data, protect=(path,))


def _solve(framework: Framework, semantics: str, timeout: float) -> list[frozenset[str]]:
    from argmap.analysis.semantics import SolverTimeout, SolverUnavailable, extensions

    try:
        return extensions(framework, semantics, timeout)
    except (SolverTimeout, SolverUnavailable) as exc:
        raise CommandError(str(exc)) from None


def _analyse_framework(args: argparse.Namespace, path: str) -> str:
    from argmap.formats.iccma import FrameworkFileError, format_of, read_framework

    try:
        framework = read_framework(path)
    except FrameworkFileError as exc:
        raise CommandError(str(exc)) from None
    found = _solve(framework, args.semantics, args.timeout)
    shown = list(framework.arguments)
    if args.format == "iccma":
        return _iccma(framework, found, args.semantics, numbered=format_of(path) == "i23")
    labellings = [_labelling(framework, e, shown) for e in found]
    if args.format == "json":
        return _json(labellings, args.semantics)
    title = f"{_title(args.semantics, len(found))} of {path}: {len(framework)} argument(s)"
    return _text_labellings(title, args.semantics, labellings)


def _analyse_map(args: argparse.Namespace, amap: ArgMap) -> str:
    from argmap.analysis.framework import FrameworkTooLarge, from_map

    mode = next(m for m in MODES if m == (args.mode or "bipolar"))
    try:
        translated = from_map(amap, mode)
    except FrameworkTooLarge as exc:
        raise CommandError(str(exc)) from None
    framework = translated.framework
    found = _solve(framework, args.semantics, args.timeout)
    shown = translated.shown()
    if args.format == "iccma":
        visible = set(shown)
        return _iccma(framework, [e & visible for e in found], args.semantics, numbered=False)
    labellings = [_labelling(framework, e, shown) for e in found]
    if args.format == "json":
        return _json(labellings, args.semantics)
    return _text_map(args, amap, translated, labellings)


def _labelling(
    framework: Framework, extension: frozenset[str], shown: list[str]
) -> dict[str, Label]:
    from argmap.analysis.semantics import labelling_of

    labels = labelling_of(framework, extension)
    return {a: labels[a] for a in shown}


def _grouped(labels: dict[str, Label]) -> dict[str, list[str]]:
    from argmap.analysis.semantics import LABELS, argument_order

    return {
        label: sorted((a for a, lab in labels.items() if lab == label), key=argument_order)
        for label in LABELS
    }


def _json(labellings: list[dict[str, Label]], semantics: str) -> str:
    grouped = [_grouped(labels) for labels in labellings]
    data: object = grouped[0] if semantics == "grounded" else grouped
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _iccma(
    framework: Framework, found: list[frozenset[str]], semantics: str, *, numbered: bool
) -> str:
    from argmap.formats.iccma import format_set, format_sets, format_witnesses

    if numbered:
        return format_witnesses(framework, found)
    if semantics == "grounded":
        return format_set(found[0]) + "\n"
    return format_sets(found) + "\n"


def _title(semantics: str, count: int) -> str:
    if semantics == "grounded":
        return "Grounded labelling"
    return f"{count} {semantics} extension{'s' if count != 1 else ''}"


def _text_labellings(
    title: str, semantics: str, labellings: list[dict[str, Label]], indent: str = ""
) -> str:
    lines = [title]
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


def _text_map(
    args: argparse.Namespace,
    amap: ArgMap,
    translated: MapFramework,
    labellings: list[dict[str, Label]],
) -> str:
    from argmap.analysis.semantics import allegation_status, sceptical_labelling

    claims = list(amap.claim_by_id)
    labels = sceptical_labelling(translated.shown(), labellings)
    title = (
        f"{_title(args.semantics, len(labellings))} of {args.paths} "
        f"({_MODE_WORDS[translated.mode]})"
    )
    lines = [title]
    if args.semantics == "grounded":
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
            lines.append(f"  no {args.semantics} extension: every claim is undecided below")
        lines.append("")
        lines.append(f"Sceptically, across the {args.semantics} extensions:")
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


def labels_for_command(amap: ArgMap, semantics: str, mode: str = "bipolar") -> dict[str, Label]:
    """``claim_labels`` for another command's option (``render --labels``): solver errors
    become one-line usage errors (exit 2)."""
    from argmap.analysis.semantics import SolverTimeout, SolverUnavailable, claim_labels

    chosen = next((m for m in MODES if m == mode), None)
    if chosen is None:
        raise CommandError(f"unknown mode {mode!r} (must be one of {list(MODES)})")
    try:
        return claim_labels(amap, semantics, chosen)
    except (SolverTimeout, SolverUnavailable, ValueError) as exc:
        raise CommandError(str(exc)) from None
