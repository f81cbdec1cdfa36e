"""``argmap render``: draw the argument map; the format follows the output file's suffix."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.analysis.semantics import SEMANTICS
from argmap.commands.common import add_map_arguments, load_map
from argmap.commands.errors import EXIT_OK, CommandError
from argmap.draw.diagram import GROUPINGS, RANKDIRS

if TYPE_CHECKING:
    from argmap.draw.diagram import DiagramOptions
    from argmap.model import ArgMap


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser)
    parser.usage = "argmap render [options] PATH [PATH ...] -o FILE"
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write; its suffix names the format: "
        ".svg .png .pdf (Graphviz), .dot, .mmd (Mermaid), .md (Markdown page with the "
        "Mermaid), .html (interactive explorer)",
    )
    parser.add_argument(
        "--rankdir",
        type=str.upper,
        choices=RANKDIRS,
        default="BT",
        help="direction of the flow from reasons to conclusions (default: BT, bottom to top)",
    )
    parser.add_argument(
        "--group", choices=GROUPINGS, help="cluster claims by party, first tag or file"
    )
    parser.add_argument("--focus", metavar="ID", help="draw only the neighbourhood of this claim")
    parser.add_argument(
        "--depth",
        type=int,
        default=2,
        metavar="N",
        help="with --focus: how many relations away from it, in either direction (default: 2)",
    )
    parser.add_argument(
        "--party",
        action="append",
        default=[],
        metavar="P",
        help="only this party's claims and their answer chains (repeatable)",
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="only claims with this tag and their answer chains (repeatable)",
    )
    parser.add_argument(
        "--only-unanswered",
        action="store_true",
        help="only unanswered allegations (acknowledged ones included) and their answer chains",
    )
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")
    parser.add_argument(
        "--labels",
        choices=SEMANTICS,
        help="mark each claim in, out or undec under this semantics (see argmap analyse)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="draw a map beyond the readable size, with no time limit on Graphviz",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.draw.render import RenderError, format_of

    try:
        fmt = format_of(args.output)
    except RenderError as exc:
        raise CommandError(str(exc)) from None
    amap = load_map(args, partial="what loaded is drawn")
    labels = None
    if args.labels:
        from argmap.commands.analyse import labels_for_command

        labels = labels_for_command(amap, args.labels)
    options = diagram_options(args, amap, labels)
    render_to_file(amap, args.output, fmt, options, force=args.force)
    return EXIT_OK


def diagram_options(
    args: argparse.Namespace, amap: ArgMap, labels: Mapping[str, str] | None = None
) -> DiagramOptions:
    """The drawing options the command line asks for; ``labels`` from a semantics, if any."""
    from argmap.draw.diagram import DiagramOptions
    from argmap.draw.focus import SelectionError, select

    if args.focus is None and args.depth != 2:
        raise CommandError("--depth needs --focus ID")
    filtered = bool(args.focus or args.party or args.tag or args.only_unanswered)
    try:
        claims = (
            select(
                amap,
                focus=args.focus,
                depth=args.depth,
                parties=args.party,
                tags=args.tag,
                only_unanswered=args.only_unanswered,
            )
            if filtered
            else None
        )
    except SelectionError as exc:
        raise CommandError(str(exc)) from None
    return DiagramOptions(
        rankdir=args.rankdir,
        group=args.group,
        claims=claims,
        labels=labels,
        legend=not args.no_legend,
    )


def render_to_file(
    amap: ArgMap, output: str, fmt: str, options: DiagramOptions, *, force: bool = False
) -> None:
    """Draw ``amap`` as ``fmt`` and write it to ``output`` atomically (never a claim file)."""
    from argmap.draw.focus import size_problem
    from argmap.draw.render import DOT_TIMEOUT, RenderError, render
    from argmap.output import write

    count = len(amap.claim_by_id) if options.claims is None else len(options.claims)
    problem = size_problem(count)
    if problem and fmt != "dot" and not force:
        raise CommandError(problem)
    if count == 0 and options.claims is not None:
        sys.stderr.write("argmap: warning: the selection is empty; the diagram has no claim\n")
    try:
        data = render(amap, fmt, options, timeout=None if force else DOT_TIMEOUT)
    except (RenderError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    write(output, data, protect=amap.files)
