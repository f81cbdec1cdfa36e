"""``argmap import``: claim files from another tool's map (AIF JSON, Argdown JSON, JSON).

``argmap import aif FILE.json -o DIR`` writes ``DIR/map.yaml`` (title, parties,
sources) and ``DIR/claims/<party>.yaml``, then reports, in lint's one-line form,
what could not be mapped. Exit 0 when everything was imported, 1 when something
was left out (the files are written all the same), 2 when FILE is not of the
format or DIR is not empty.

Each format is one line of ``IMPORTERS``: name -> (module, function, what it
reads). The function takes the file's text and its path and returns the map and
its findings, ``(ArgMap, findings)``, as every reader does; it raises
``ValueError`` for a file that is not of its format.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from argmap.commands.common import write_stdout
from argmap.commands.errors import EXIT_FINDINGS, EXIT_OK, CommandError
from argmap.terminal import escape

IMPORTERS: dict[str, tuple[str, str, str]] = {
    "aif": ("argmap.formats.aif.read", "read_aif", "AIF JSON (AIFdb, OVA, xAIF)"),
    "argdown": ("argmap.formats.argdown.read", "read_argdown_json", "the JSON of 'argdown json'"),
    "json": ("argmap.formats.json", "read_json", "argmap's node-link JSON ('export --to json')"),
}
MAX_BYTES = 256 * 1024 * 1024


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "format",
        metavar="FORMAT",
        help="the file's format: " + "; ".join(f"{k}: {v[2]}" for k, v in IMPORTERS.items()),
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "-o", "--output", required=True, metavar="DIR", help="the directory to write claim files to"
    )
    parser.add_argument(
        "--force", action="store_true", help="write into DIR even if it is not empty"
    )
    parser.add_argument(
        "--report-format",
        choices=("text", "json"),
        default="text",
        help="how to report what could not be imported (FORMAT names the file's format)",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.formats.claimfiles import claim_files, rebase_sources
    from argmap.lint.report import render
    from argmap.loading.build import load
    from argmap.output import write

    if args.format not in IMPORTERS:
        raise CommandError(f"unknown format: {args.format!r} (must be one of {sorted(IMPORTERS)})")
    module_name, function_name, what = IMPORTERS[args.format]
    if args.format == "argdown" and Path(args.file).suffix.lower() in (".argdown", ".ad"):
        raise CommandError(
            f"{escape(args.file)} is Argdown text; argmap reads the JSON that Argdown writes: "
            "run 'argdown json FILE OUTDIR' (npm @argdown/cli) first, then import the .json"
        )
    text = _read(args.file)
    output = Path(args.output)
    _check_output(output, args.force)
    read = getattr(importlib.import_module(module_name), function_name)
    try:
        amap, findings = read(text, args.file)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    header = f"Imported by 'argmap import {args.format}' from {os.path.basename(args.file)}."
    files = claim_files(rebase_sources(amap, output), header=header)
    inside = os.path.realpath(output)
    for relative in files:
        target = os.path.realpath(output / relative)
        if not target.startswith(inside.rstrip(os.sep) + os.sep):
            raise CommandError(f"refusing to write {relative!r}: it would leave {output}")
    for relative, content in files.items():
        write(output / relative, content)
    findings = [*findings, *load(output).problems]  # none, unless DIR held other files
    write_stdout(render(findings, args.report_format), escaped=True)
    relations = sum(len(c.supports) + len(c.rebuts) + len(c.undercuts) for c in amap.claims)
    sys.stderr.write(
        f"argmap: imported {len(amap.claims)} claims, {relations} relations and "
        f"{len(amap.parties)} parties from {escape(args.file)} ({what}) "
        f"into {escape(str(output))}\n"
    )
    return EXIT_FINDINGS if any(f.fails() for f in findings) else EXIT_OK


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise CommandError(f"{path} is larger than {MAX_BYTES // 2**20} MiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None


def _check_output(output: Path, force: bool) -> None:
    if output.exists() and not output.is_dir():
        raise CommandError(f"{output} is not a directory; give -o a directory")
    if output.is_dir() and any(output.iterdir()) and not force:
        raise CommandError(
            f"{output} is not empty; choose a new directory, or pass --force to write into it"
        )
