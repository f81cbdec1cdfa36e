"""``argmap lint``: check claim files and report findings in a CI's format."""

from __future__ import annotations

import argparse
import sys

from argmap.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, CommandError
from argmap.commands.common import add_map_arguments, config_of, emit, load_map, source_roots
from argmap.config import Config
from argmap.lint.report import FORMATS


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser)
    parser.set_defaults(paths=[])
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
        "--fail-on",
        choices=("error", "warning"),
        help="lowest severity that fails the run (default: error)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--explain", metavar="CODE", help="print a rule's documentation and exit")
    parser.usage = "argmap lint [options] PATH [PATH ...]"
    for action in parser._actions:
        if action.dest == "paths":
            action.nargs = "*"


def run(args: argparse.Namespace) -> int:
    from argmap.lint import LintOptions, lint, registry, resolve_codes
    from argmap.lint.report import render

    if args.list_rules:
        sys.stdout.write(_rule_table(registry()))
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
        sys.stdout.write(f"{rule.code} {rule.name} ({rule.severity})\n\n{rule.explanation}\n")
        return EXIT_OK
    if not args.paths:
        raise CommandError("lint needs a PATH (a map directory or claim files)")
    config = config_of(args)
    select = (
        _split(args.select) if args.select else (list(config.select) if config.select else None)
    )
    ignore = [*config.ignore, *_split(args.ignore)]
    fail_on = args.fail_on or config.fail_on
    _check_selectors(args, config)
    amap = load_map(args)
    try:
        findings = lint(
            amap,
            select=select,
            ignore=ignore,
            options=LintOptions(source_roots=source_roots(args, config)),
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    emit(args, render(findings, args.format), amap)
    failing = any(f.fails(fail_on) for f in findings)  # type: ignore[arg-type]
    return EXIT_FINDINGS if failing else EXIT_OK


def _check_selectors(args: argparse.Namespace, config: Config) -> None:
    """Fail on an unknown rule before loading the map, naming where it was written."""
    from argmap.lint import resolve_codes

    for key, given, configured in (
        ("select", args.select or [], config.select or ()),
        ("ignore", args.ignore, config.ignore),
    ):
        try:
            resolve_codes(configured)
        except ValueError as exc:
            raise CommandError(f"{config.path}: [tool.argmap] {key}: {exc}") from None
        try:
            resolve_codes(_split(given))
        except ValueError as exc:
            raise CommandError(f"--{key}: {exc}") from None


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _rule_table(rules: dict) -> str:  # type: ignore[type-arg]
    lines = [f"{'code':<6} {'name':<22} {'severity':<8} summary"]
    for code, module in rules.items():
        rule = module.RULE
        lines.append(f"{code:<6} {rule.name:<22} {rule.severity:<8} {rule.summary}")
    return "\n".join(lines) + "\n"


__all__ = ["EXIT_ERROR", "configure", "run"]
