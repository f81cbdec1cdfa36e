"""``argmap lint``: check claim files and report findings in a CI's format.

A directory is linted as a map. Claim files named alone are linted within their
whole map (``argmap.workspace``), and only their findings are reported; ``-`` with
``--stdin-filename NAME`` lints standard input in place of NAME (an editor's buffer).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.commands.common import (
    add_colour_argument,
    add_map_arguments,
    colour_of,
    config_of,
    emit,
    load_map,
    source_roots,
)
from argmap.commands.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, CommandError
from argmap.config import Config
from argmap.lint.report import FORMATS

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgMap


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser, many=None)
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes such as AM2, names; comma-separated)",
    )
    parser.add_argument(
        "--ignore", action="append", default=[], metavar="CODES", help="skip these rules"
    )
    parser.add_argument(
        "--extend-select", action="append", default=[], metavar="CODES", help="add to select"
    )
    parser.add_argument(
        "--extend-ignore", action="append", default=[], metavar="CODES", help="add to ignore"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        help="lowest severity that fails the run (default: error)",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the run"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE instead of standard output ('-': standard output)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="the findings only: no summary line"
    )
    parser.add_argument(
        "--statistics", action="store_true", help="a count per rule instead of each finding"
    )
    add_colour_argument(parser)
    parser.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes (a 'did you mean' on a reference, party, source or key) "
        "in place, keeping comments and layout",
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff; change nothing"
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with PATH '-': lint standard input as the claim file NAME, within NAME's map",
    )
    parser.add_argument(
        "--base-dir",
        metavar="DIR",
        help="CI formats name files relative to DIR (default: the git repository's top level)",
    )
    parser.add_argument(
        "--keep-acknowledged",
        action="store_true",
        help="sarif, gitlab: keep acknowledged findings (SARIF: as suppressed notes)",
    )
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--explain", metavar="CODE", help="print a rule's documentation and exit")
    parser.usage = "argmap lint [options] PATH [PATH ...]"


def run(args: argparse.Namespace) -> int:
    from argmap.lint import registry, resolve_codes

    if args.list_rules:
        emit(args, _rule_table(registry()))
        return EXIT_OK
    if args.explain:
        try:
            codes = sorted(resolve_codes([args.explain]))
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if len(codes) != 1:
            raise CommandError(
                f"--explain takes one rule, such as AM201; {args.explain!r} matches "
                f"{', '.join(codes) or 'none'}"
            )
        rule = registry()[codes[0]].RULE
        emit(args, f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.explanation}\n")
        return EXIT_OK
    texts = _stdin_text(args)
    if not args.paths or any(p == "" for p in args.paths):
        raise CommandError("lint needs a PATH (a map directory or claim files)")
    config = config_of(args)
    _check_selectors(args, config)
    amap, findings = _lint(args, config, texts)
    if args.fix or args.diff:
        return _fix(args, config, amap, findings)
    _report(args, findings, amap)
    failing = any(f.fails(args.fail_on or config.fail_on) for f in findings)  # type: ignore[arg-type]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _stdin_text(args: argparse.Namespace) -> dict[str, bytes] | None:
    """``{NAME: standard input}`` for ``- --stdin-filename NAME``; paths become ``[NAME]``."""
    if "-" not in args.paths:
        if args.stdin_filename:
            raise CommandError("--stdin-filename NAME needs '-' as the PATH")
        return None
    if args.paths != ["-"] or not args.stdin_filename:
        raise CommandError("'-' lints standard input: give it alone, with --stdin-filename NAME")
    if args.fix:
        raise CommandError("--fix cannot edit standard input; use --diff")
    data = sys.stdin.buffer.read()
    args.paths = [args.stdin_filename]
    return {args.stdin_filename: data}


def _lint(
    args: argparse.Namespace, config: Config, texts: dict[str, bytes] | None
) -> tuple[ArgMap, list[Finding]]:
    """The map and its findings; only the named files' when files (not directories) are named."""
    from argmap.config import adjust
    from argmap.lint import LintOptions, lint, resolve_codes
    from argmap.workspace import load_within_map, only_in

    select = (
        _split(args.select) if args.select else (list(config.select) if config.select else None)
    )
    extend_select = [*config.extend_select, *_split(args.extend_select)]
    if extend_select and select is not None:
        select = [*select, *extend_select]
    ignore = [*config.ignore, *config.extend_ignore, *_split(args.ignore)]
    ignore += _split(args.extend_ignore)
    files = [p for p in args.paths if not _is_dir(p)]
    if texts is None:
        from argmap.loading.build import MapNotFoundError

        for file in files:
            if not os.path.lexists(file):
                raise MapNotFoundError(f"no such file or directory: {file}")
    if texts is not None or (files and len(files) == len(args.paths)):
        try:
            amap, wanted = load_within_map(files, texts)
        except OSError as exc:
            raise CommandError(f"cannot read {files[0]}: {exc.strerror or exc}") from None
    else:
        amap, wanted = load_map(args), None
    try:
        found = lint(
            amap,
            select=select,
            ignore=ignore,
            options=LintOptions(source_roots=source_roots(args, config)),
        )
        found = adjust(found, config, resolve_codes)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    return amap, found if wanted is None else only_in(found, wanted)


def _is_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _report(args: argparse.Namespace, findings: list[Finding], amap: ArgMap) -> None:
    from argmap.lint.report import ReportOptions, render, repository_root

    base = Path(args.base_dir) if args.base_dir else repository_root()
    options = ReportOptions(
        base=base.resolve() if base is not None else None,
        colour=colour_of(args),
        quiet=args.quiet,
        statistics=args.statistics,
        suppressed=args.keep_acknowledged,
    )
    emit(args, render(findings, args.format, options), amap, escaped=True)


def _fix(args: argparse.Namespace, config: Config, amap: ArgMap, findings: list[Finding]) -> int:
    """Apply (``--fix``) or show (``--diff``) the safe fixes; then lint again."""
    from argmap.fix import apply, edits_for, unified_diff
    from argmap.output import write

    changed = apply(edits_for(findings))
    if args.diff:
        emit(args, unified_diff(changed), amap)
        return EXIT_FINDINGS if changed and not args.exit_zero else EXIT_OK
    for path, (_before, after) in changed.items():
        write(path, after)
    sys.stderr.write(f"argmap: fixed {len(changed)} file(s)\n")
    amap, remaining = _lint(args, config, None)
    _report(args, remaining, amap)
    failing = any(f.fails(args.fail_on or config.fail_on) for f in remaining)  # type: ignore[arg-type]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _check_selectors(args: argparse.Namespace, config: Config) -> None:
    """Fail on an unknown rule before loading the map, naming where it was written."""
    from argmap.config import check_rules
    from argmap.lint import resolve_codes

    check_rules(config, resolve_codes)
    for key in ("select", "ignore", "extend_select", "extend_ignore"):
        try:
            resolve_codes(_split(getattr(args, key) or []))
        except ValueError as exc:
            raise CommandError(f"--{key.replace('_', '-')}: {exc}") from None


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _rule_table(rules: dict) -> str:  # type: ignore[type-arg]
    lines = [f"{'code':<6} {'name':<22} {'severity':<8} summary"]
    for code, module in rules.items():
        rule = module.RULE
        lines.append(f"{code:<6} {rule.name:<22} {rule.severity:<8} {rule.summary}")
    return "\n".join(lines) + "\n"


__all__ = ["EXIT_ERROR", "configure", "run"]
