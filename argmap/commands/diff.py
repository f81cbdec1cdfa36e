"""``argmap diff``: what a change does to a map, between directories, revisions or dates.

    argmap diff OLD NEW                      two map directories (or claim files)
    argmap diff --rev A..B PATH              the map at PATH in two git revisions
    argmap diff --rev A PATH                 revision A against the files as they are
    argmap diff --as-of 1937-01-03 --to 1990 PATH    the same map at two dates

Exit 0; 1 with ``--fail-on new-unanswered`` when the change leaves an allegation
unanswered (and not acknowledged); 2 on a usage error.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from argmap.commands.common import emit

if TYPE_CHECKING:
    from argmap.history.diff import MapDiff
    from argmap.model import ArgMap

FAIL_ON = ("new-unanswered",)


def configure(parser: argparse.ArgumentParser) -> None:
    from argmap.history.report import FORMATS

    parser.usage = "argmap diff [options] OLD NEW | --rev A..B PATH | --as-of DATE [--to DATE] PATH"
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="OLD NEW (two maps), or one map with --rev/--as-of"
    )
    parser.add_argument(
        "--rev",
        metavar="A..B",
        help="compare the map at PATH in git revisions A and B (A alone: with the files now)",
    )
    parser.add_argument(
        "--as-of", metavar="DATE", help="compare the map at PATH as of DATE with --to"
    )
    parser.add_argument(
        "--to", metavar="DATE", help="the later date for --as-of (default: today, everything said)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, help="exit 1 when the change leaves an allegation unanswered"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output"
    )


def run(args: argparse.Namespace) -> int:
    from argmap.commands.errors import CommandError
    from argmap.history.report import render
    from argmap.history.revisions import RevisionError

    try:
        diff = _diff(args)
    except RevisionError as exc:
        raise CommandError(str(exc)) from None
    emit(args, render(diff, args.format))
    return 1 if args.fail_on == "new-unanswered" and diff.new_unanswered else 0


def _diff(args: argparse.Namespace) -> MapDiff:
    from argmap.commands.errors import CommandError
    from argmap.dates import DateError
    from argmap.history.as_of import as_of, parse_as_of
    from argmap.history.diff import compare

    paths: list[str] = args.paths
    if args.to is not None and args.as_of is None:
        raise CommandError("--to goes with --as-of: argmap diff --as-of DATE --to DATE PATH")
    if args.rev is not None and args.as_of is not None:
        raise CommandError("give --rev or --as-of, not both")
    if args.rev is not None or args.as_of is not None:
        if len(paths) != 1:
            option = "--rev" if args.rev is not None else "--as-of"
            raise CommandError(f"{option} compares one map: give exactly one PATH")
    elif len(paths) != 2:
        raise CommandError(
            "diff needs OLD NEW (two maps), --rev A..B PATH, or --as-of DATE [--to DATE] PATH"
        )
    if args.rev is not None:
        return _diff_revisions(args.rev, paths[0])
    if args.as_of is not None:
        try:
            early = parse_as_of(args.as_of)
            late = parse_as_of(args.to) if args.to is not None else None
        except DateError as exc:
            raise CommandError(f"--as-of/--to: {exc}") from None
        amap, notes = _load(paths[0])
        later = amap if late is None else as_of(amap, late)
        return compare(
            as_of(amap, early),
            later,
            f"as of {args.as_of}",
            f"as of {args.to}" if args.to is not None else "today",
            notes,
        )
    old, old_notes = _load(paths[0])
    new, new_notes = _load(paths[1])
    return compare(old, new, paths[0], paths[1], (*old_notes, *new_notes))


def _diff_revisions(text: str, path: str) -> MapDiff:
    from argmap.history.diff import compare
    from argmap.history.revisions import load_at, renames, split_range

    old_rev, new_rev = split_range(text)
    old, old_notes = load_at(path, old_rev)
    if new_rev is None:
        new, new_notes = _load(path)
    else:
        new, new_notes = load_at(path, new_rev)
    moved = renames(path, old_rev, new_rev)
    return compare(old, new, old_rev, new_rev or "the files", (*moved, *old_notes, *new_notes))


def _load(path: str) -> tuple[ArgMap, tuple[str, ...]]:
    from argmap.commands.errors import CommandError
    from argmap.loading.build import load

    amap = load(path)
    if not amap.files and not amap.problems:
        raise CommandError(
            f"no claim files (*.yaml, *.yml) in {path}; is this the map's directory?"
        )
    notes = tuple(
        f"{p.span}: {p.code} {p.message}" for p in sorted(amap.problems, key=lambda p: p.sort_key())
    )
    return amap, notes
