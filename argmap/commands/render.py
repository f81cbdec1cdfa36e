"""``argmap render``: draw the argument map; the format follows the output file's suffix."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from argmap.analysis.semantics import SEMANTICS
from argmap.commands.common import add_map_arguments, load_map, write_stdout
from argmap.commands.errors import EXIT_OK, CommandError
from argmap.draw.diagram import GROUPINGS, LAYOUTS, RANKDIRS
from argmap.draw.render import FORMATS as RENDER_FORMATS

PAPERS = ("a4", "a3", "letter")

if TYPE_CHECKING:
    from argmap.draw.diagram import DiagramOptions
    from argmap.model import ArgMap


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser)
    parser.usage = "argmap render [options] PATH [PATH ...] [-o FILE | --to FORMAT]"
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write; its suffix names the format: "
        ".svg .png .pdf (Graphviz), .dot, .mmd (Mermaid), .md (Markdown page with the "
        "Mermaid), .html (interactive explorer). Default: standard output",
    )
    parser.add_argument(
        "--to",
        choices=RENDER_FORMATS,
        help="the file format, when it is not -o's suffix (default on standard output: svg)",
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
        "--overview",
        action="store_true",
        help="draw the map folded into its lines of argument (a box per tag or file, saying "
        "how many claims and unanswered allegations each holds); in .html, click a box to "
        "open it",
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="graph",
        help="graph (default), or timeline: time left to right by the claims' 'when', "
        "one band per party",
    )
    parser.add_argument(
        "--paper",
        choices=PAPERS,
        type=str.lower,
        help="with -o FILE.pdf: pages of this size with no text under 8 pt; a map too large "
        "for one page gets an overview page and a page per line of argument",
    )
    parser.add_argument(
        "--landscape", action="store_true", help="with --paper: the pages turned sideways"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="draw a map beyond the readable size, with no time limit on Graphviz",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.draw.render import RenderError, format_of

    to_stdout = args.output in (None, "-")
    try:
        fmt = args.to or ("svg" if to_stdout else format_of(args.output))
    except RenderError as exc:
        raise CommandError(str(exc)) from None
    if to_stdout and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise CommandError(f"a {fmt.upper()} is not for a terminal: give -o FILE.{fmt}")
    amap = load_map(args, partial="what loaded is drawn")
    labels = None
    if args.labels:
        from argmap.analysis.report import AnalysisError, map_labels

        try:
            labels = map_labels(amap, args.labels)
        except AnalysisError as exc:
            raise CommandError(str(exc)) from None
    options = diagram_options(args, amap, labels)
    if args.landscape and not args.paper:
        raise CommandError("--landscape needs --paper a4, a3 or letter")
    render_to_file(
        amap,
        args.output,
        fmt,
        options,
        force=args.force,
        overview=args.overview,
        paper=args.paper,
        landscape=args.landscape,
    )
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
        layout=args.layout,
    )


def render_to_file(
    amap: ArgMap,
    output: str | None,
    fmt: str,
    options: DiagramOptions,
    *,
    force: bool = False,
    overview: bool = False,
    paper: str | None = None,
    landscape: bool = False,
) -> None:
    """Draw ``amap`` as ``fmt`` and write it to ``output`` atomically (never a claim file).

    Past the size ``dot`` lays out quickly, a drawing of the whole map becomes its
    overview (and the explorer opens each line of argument from it), unless ``force``.
    """
    from argmap.draw.focus import size_problem
    from argmap.draw.render import DOT_TIMEOUT, OVERVIEW_FORMATS, RenderError, render
    from argmap.output import write

    count = len(amap.claim_by_id) if options.claims is None else len(options.claims)
    problem = size_problem(count)
    if problem and not force and not overview and paper is None and fmt != "dot":
        if fmt not in OVERVIEW_FORMATS:
            raise CommandError(problem)
        overview = True
        sys.stderr.write(
            f"argmap: note: {count} claims are more than one drawing can show readably: "
            "drew the overview (a box per line of argument); draw a part with --focus ID, "
            "--party or --tag, or all of it with --force\n"
        )
    if count == 0 and options.claims is not None:
        sys.stderr.write("argmap: warning: the selection is empty; the diagram has no claim\n")
    try:
        data = render(
            amap,
            fmt,
            options,
            timeout=None if force else DOT_TIMEOUT,
            overview=overview,
            paper=paper,
            landscape=landscape,
        )
    except (RenderError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    if output in (None, "-"):
        write_stdout(data)
        return
    write(output, data, protect=amap.files)
