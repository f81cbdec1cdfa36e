"""``argmap export``: the map in another tool's format (AIF, Argdown, GraphML, JSON, ICCMA).

Each format is one line of ``EXPORTERS``: name -> (module, function, what it is).
The function takes the loaded ``ArgMap`` and yields the file's text in chunks as it
generates it (``argmap.output.write`` writes them as they come, so no second copy of
the map is held); its module is imported only when that format is asked for.
"""

from __future__ import annotations

import argparse
import importlib
import os

from argmap.commands.common import add_map_arguments, emit, load_map
from argmap.commands.errors import EXIT_OK, CommandError

EXPORTERS: dict[str, tuple[str, str, str]] = {
    "aif": (
        "argmap.formats.aif.write",
        "generate_aif",
        "Argument Interchange Format JSON (AIFdb, OVA)",
    ),
    "argdown": ("argmap.formats.argdown.write", "generate_argdown", "Argdown text"),
    "graphml": ("argmap.formats.graphml", "generate_graphml", "GraphML (yEd, Gephi)"),
    "json": ("argmap.formats.json", "generate_json", "node-link JSON of the graph (networkx)"),
    "apx": ("argmap.formats.iccma", "export_apx", "the attack graph as ASPARTIX facts"),
    "tgf": ("argmap.formats.iccma", "export_tgf", "the attack graph in trivial graph format"),
    "i23": ("argmap.formats.iccma", "export_i23", "the attack graph in ICCMA 2023 format"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    add_map_arguments(parser)
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        help="the format (default: -o's suffix, e.g. .graphml .argdown .aif .apx .tgf .i23): "
        + "; ".join(f"{k}: {v[2]}" for k, v in EXPORTERS.items()),
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )


def exporter(name: str) -> tuple[str, str]:
    """The (module, function) of a format; ``CommandError`` naming the known ones."""
    if name not in EXPORTERS:
        raise CommandError(f"unknown format: {name!r} (must be one of {sorted(EXPORTERS)})")
    module, function, _ = EXPORTERS[name]
    return module, function


SUFFIXES = {".argdown": "argdown", ".ad": "argdown", ".aif": "aif", ".graphml": "graphml"}


def format_of(args: argparse.Namespace) -> str:
    """``--to``, else the format that ``-o``'s suffix names; a usage error when neither."""
    if args.to:
        return str(args.to)
    output = args.output if args.output not in (None, "-") else None
    if output is None:
        raise CommandError("export needs --to FORMAT (or -o FILE with a suffix that names one)")
    suffix = os.path.splitext(output)[1].lower()
    name = SUFFIXES.get(suffix) or (suffix[1:] if suffix[1:] in EXPORTERS else None)
    if name is None:
        raise CommandError(f"the suffix of {output!r} names no format: give --to FORMAT")
    return name


def run(args: argparse.Namespace) -> int:
    module_name, function_name = exporter(format_of(args))
    amap = load_map(args, partial="what loaded is exported")
    generate = getattr(importlib.import_module(module_name), function_name)
    emit(args, generate(amap), amap)
    return EXIT_OK
