"""``argmap stats``: the numbers a teacher puts on a slide (text or JSON)."""

from __future__ import annotations

import argparse
import json

from argmap.commands.common import add_map_arguments, emit, load_map
from argmap.commands.errors import EXIT_OK

FORMATS = ("text", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def run(args: argparse.Namespace) -> int:
    from argmap.analysis.coverage import coverage

    amap = load_map(args, partial="the numbers cover what loaded")
    numbers = coverage(amap)
    if args.format == "json":
        emit(args, json.dumps(numbers, indent=2, ensure_ascii=False) + "\n", amap)
    else:
        from argmap.analysis.stats_report import format_text

        emit(args, format_text(numbers), amap)
    return EXIT_OK
