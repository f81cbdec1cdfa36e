"""``argmap debate``: a role card for one side, or the teacher's lesson pack; the full
dossier of either behind ``--dossier``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from argmap.commands.common import add_map_arguments, emit, load_map
from argmap.commands.errors import EXIT_OK, CommandError

if TYPE_CHECKING:
    from argmap.debate.brief import Handout, ModeratorSheet
    from argmap.debate.outline import Outline
    from argmap.model import ArgMap

DEFAULT_MINUTES = 45


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser, many=False)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--side",
        metavar="PARTY",
        help="the role card of one side (a party id): two pages in plain words",
    )
    who.add_argument(
        "--moderator",
        action="store_true",
        help="the teacher's lesson pack: plan, roles, timeline, glossary, questions, rubric",
    )
    parser.add_argument(
        "--dossier",
        action="store_true",
        help="the full dossier instead (every exchange, with claim ids): the teacher's reference",
    )
    parser.add_argument(
        "--minutes",
        type=int,
        default=DEFAULT_MINUTES,
        metavar="N",
        help=f"the length of the lesson in the lesson pack (default: {DEFAULT_MINUTES})",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="FILE.md, FILE.html (printable, A4) or FILE.pdf (default: Markdown to stdout)",
    )
    parser.add_argument(
        "--to",
        choices=("md", "html", "pdf"),
        help="the file format, when it is not FILE's suffix (default: md on standard output)",
    )
    parser.add_argument(  # --format names a report's format in the other commands
        "--format",
        choices=("md", "html", "pdf"),
        dest="to",
        help="deprecated: the old spelling of --to, kept working",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.debate.output import HandoutError, format_of, generate
    from argmap.debate.sides import UnknownSide

    try:
        fmt = args.to or (format_of(args.output) if args.output not in (None, "-") else "md")
    except HandoutError as exc:
        raise CommandError(str(exc)) from None
    if fmt == "pdf" and args.output in (None, "-"):
        raise CommandError("a PDF needs -o FILE.pdf")
    if not 5 <= args.minutes <= 600:
        raise CommandError(f"--minutes {args.minutes}: a lesson of 5 to 600 minutes, please")
    amap = load_map(args, partial="the handout leaves out what could not be read")
    if not amap.claims:
        raise CommandError(f"no claims in {args.paths}: nothing to prepare a debate on")
    try:
        emit(args, generate(_document(args, amap), fmt), amap)
    except (UnknownSide, HandoutError) as exc:
        raise CommandError(str(exc)) from None
    return EXIT_OK


def _document(args: argparse.Namespace, amap: ArgMap) -> Handout | ModeratorSheet | Outline:
    from argmap.debate.brief import handout, moderator_sheet
    from argmap.debate.card import role_card
    from argmap.debate.lesson import lesson_pack

    if args.dossier:
        return moderator_sheet(amap) if args.moderator else handout(amap, args.side)
    return lesson_pack(amap, args.minutes) if args.moderator else role_card(amap, args.side)
