"""``argmap debate``: a handout for one side, or the moderator's sheet, for a classroom debate."""

from __future__ import annotations

import argparse

from argmap.cli import EXIT_OK, CommandError
from argmap.commands.common import add_map_arguments, emit, load_map


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser, many=False)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--side", metavar="PARTY", help="the party to prepare (a party id)")
    who.add_argument(
        "--moderator",
        action="store_true",
        help="the moderator's sheet: the whole map, every allegation's status, questions",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="FILE.md, FILE.html (printable, A4) or FILE.pdf (default: Markdown to stdout)",
    )
    parser.add_argument(
        "--format",
        choices=("md", "html", "pdf"),
        help="the format, when it is not FILE's suffix (default: md on standard output)",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.debate.brief import UnknownSide, handout, moderator_sheet
    from argmap.debate.output import HandoutError, format_of, generate

    try:
        fmt = args.format or (format_of(args.output) if args.output not in (None, "-") else "md")
    except HandoutError as exc:
        raise CommandError(str(exc)) from None
    if fmt == "pdf" and args.output in (None, "-"):
        raise CommandError("a PDF needs -o FILE.pdf")
    amap = load_map(args, partial="the handout leaves out what could not be read")
    if not amap.claims:
        raise CommandError(f"no claims in {args.paths}: nothing to prepare a debate on")
    try:
        document = moderator_sheet(amap) if args.moderator else handout(amap, args.side)
        emit(args, generate(document, fmt), amap)
    except (UnknownSide, HandoutError) as exc:
        raise CommandError(str(exc)) from None
    return EXIT_OK
