"""``argmap analyse``: which claims stand, under Dung's semantics.

PATH is a map, or an abstract framework file named by its suffix (``.apx``,
``.tgf``, ``.i23``, ``.af``). ``--format json`` prints ``{"in": [...], "out": [...],
"undec": [...]}`` for the grounded labelling and a list of such labellings, one
per extension, for the other semantics; ``--format iccma`` prints the answer as the
competitions write it. For a map, the text report also says which allegations lint
counts as answered but still stand. A solver that reaches ``--timeout`` is an
error (exit 2): no partial answer is printed. The reports are written by
``argmap.analysis.report``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from argmap.analysis.framework import MODES
from argmap.analysis.report import FORMATS
from argmap.analysis.semantics import DEFAULT_TIMEOUT, SEMANTICS
from argmap.commands.common import add_map_arguments, emit, load_map
from argmap.commands.errors import EXIT_OK, CommandError

if TYPE_CHECKING:
    from argmap.analysis.framework import Framework
    from argmap.model import ArgMap


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(
        parser,
        many=False,
        path_help="a map (directory or claim file), or an abstract framework file: "
        "ASPARTIX .apx, .tgf, ICCMA 2023 .i23 or .af",
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
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
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
    from argmap.analysis import report
    from argmap.formats.iccma import FrameworkFileError, format_of, read_framework

    try:
        framework = read_framework(path)
    except FrameworkFileError as exc:
        raise CommandError(str(exc)) from None
    found = _solve(framework, args.semantics, args.timeout)
    shown = list(framework.arguments)
    if args.format == "iccma":
        numbered = format_of(path) == "i23"
        return report.as_iccma(framework, found, args.semantics, numbered=numbered)
    labellings = [report.labelling(framework, e, shown) for e in found]
    if args.format == "json":
        return report.as_json(labellings, args.semantics)
    heading = f"{report.title(args.semantics, len(found))} of {path}: {len(framework)} argument(s)"
    return report.text_labellings(heading, args.semantics, labellings)


def _analyse_map(args: argparse.Namespace, amap: ArgMap) -> str:
    from argmap.analysis import report
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
        return report.as_iccma(
            framework, [e & visible for e in found], args.semantics, numbered=False
        )
    labellings = [report.labelling(framework, e, shown) for e in found]
    if args.format == "json":
        return report.as_json(labellings, args.semantics)
    return report.text_map(amap, str(args.paths), args.semantics, translated, labellings)
