"""Habits shared by the commands: paths in, ``-o`` out, the map's configuration."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.config import Config, find_config
from argmap.model import ArgMap


def add_map_arguments(parser: argparse.ArgumentParser, *, many: bool = True) -> None:
    """PATH argument(s) and the options that say how to read a map."""
    parser.add_argument(
        "paths",
        nargs="+" if many else None,
        metavar="PATH",
        help="a map directory (searched recursively for *.yaml, *.yml) or claim files",
    )
    parser.add_argument(
        "--source-root",
        action="append",
        default=[],
        metavar="DIR",
        help="a directory outside the map that source texts may be read from (repeatable)",
    )
    parser.add_argument(
        "--no-config", action="store_true", help="ignore [tool.argmap] in pyproject.toml"
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="the map as it stood at DATE (1937, 1937-01, 1937-01-03): only what had been "
        "said by then (docs/history.md)",
    )


def paths_of(args: argparse.Namespace) -> list[str]:
    paths = args.paths
    return list(paths) if isinstance(paths, list) else [paths]


def config_of(args: argparse.Namespace) -> Config:
    """The ``[tool.argmap]`` configuration nearest the first path, unless ``--no-config``."""
    if getattr(args, "no_config", False):
        return Config()
    return find_config(Path(paths_of(args)[0]))


def source_roots(args: argparse.Namespace, config: Config) -> tuple[Path, ...]:
    return (*config.source_roots, *(Path(p) for p in getattr(args, "source_root", [])))


def load_map(args: argparse.Namespace, *, partial: str | None = None) -> ArgMap:
    """The map named by the command's PATH arguments; a usage error if they hold no file.

    Commands other than ``lint`` pass ``partial`` (what they do with a map that did not
    load cleanly, e.g. "what loaded is exported"): problems then get one warning line.
    """
    from argmap.cli import CommandError
    from argmap.loading.build import load

    paths = paths_of(args)
    as_of = None
    if getattr(args, "as_of", None) is not None:
        from argmap.dates import DateError
        from argmap.history.as_of import parse_as_of

        try:
            as_of = parse_as_of(args.as_of)
        except DateError as exc:
            raise CommandError(f"--as-of: {exc}") from None
    amap = load(paths[0], *paths[1:])
    if not amap.files and not amap.problems:
        raise CommandError(
            f"no claim files (*.yaml, *.yml) in {', '.join(paths)}; is this the map's directory?"
        )
    if partial is not None and amap.problems:
        first = min(amap.problems, key=lambda p: p.sort_key())
        sys.stderr.write(
            f"argmap: warning: {len(amap.problems)} problem(s) loading the map, the first at "
            f"{first.span}; {partial} ('argmap lint' shows them all)\n"
        )
    if as_of is not None:
        from argmap.history.as_of import as_of as map_as_of

        amap = map_as_of(amap, as_of)
    return amap


def emit(args: argparse.Namespace, data: str | bytes, amap: ArgMap | None = None) -> None:
    """Write the command's result to ``-o`` (atomically) or to standard output."""
    output = getattr(args, "output", None)
    if output in (None, "-"):
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from argmap.output import write

    write(output, data, protect=amap.files if amap is not None else ())
