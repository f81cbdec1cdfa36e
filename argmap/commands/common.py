"""Habits shared by the commands: paths in, ``-o`` out, the map's configuration, colour."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable
from pathlib import Path

from argmap.config import Config, find_config, load_config
from argmap.model import ArgMap
from argmap.terminal import COLOR_CHOICES, escape, wants_colour

PATH_HELP = "a map directory (searched recursively for *.yaml, *.yml) or claim files"


def add_map_arguments(
    parser: argparse.ArgumentParser, *, many: bool | None = True, path_help: str = PATH_HELP
) -> None:
    """PATH argument(s) (``many``: one or more; False: one; None: any number) and the
    options that say how to read a map."""
    parser.add_argument(
        "paths",
        nargs={True: "+", False: None, None: "*"}[many],
        metavar="PATH",
        help=path_help,
    )
    parser.add_argument(
        "--source-root",
        action="append",
        default=[],
        metavar="DIR",
        help="a directory outside the map that source texts may be read from (repeatable)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="the settings file (argmap.toml, .argmap.toml or a pyproject.toml with "
        "[tool.argmap]); default: the nearest one above the map, within its project",
    )
    parser.add_argument(
        "--no-config", action="store_true", help="ignore every settings file (and --config)"
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="the map as it stood at DATE (1937, 1937-01, 1937-01-03): only what had been "
        "said by then (docs/history.md)",
    )


def add_colour_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--color",
        "--colour",
        dest="color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the report: auto (default: on a terminal, unless NO_COLOR is set; "
        "FORCE_COLOR forces it), always, never",
    )


def colour_of(args: argparse.Namespace) -> bool:
    """Whether the command's report is coloured: only on standard output, never in a file."""
    if getattr(args, "output", None) not in (None, "-"):
        return False
    return wants_colour(sys.stdout, getattr(args, "color", "auto"))


def paths_of(args: argparse.Namespace) -> list[str]:
    paths = args.paths
    return list(paths) if isinstance(paths, list) else [paths]


def config_of(args: argparse.Namespace) -> Config:
    """The settings of ``--config``, else the nearest to the first path, unless ``--no-config``."""
    if getattr(args, "no_config", False):
        return Config()
    if getattr(args, "config", None):
        return load_config(Path(args.config))
    paths = paths_of(args)
    return find_config(Path(paths[0] if paths and paths[0] else "."))


def source_roots(args: argparse.Namespace, config: Config) -> tuple[Path, ...]:
    return (*config.source_roots, *(Path(p) for p in getattr(args, "source_root", [])))


def load_map(args: argparse.Namespace, *, partial: str | None = None) -> ArgMap:
    """The map named by the command's PATH arguments; a usage error if they hold no file.

    Commands other than ``lint`` pass ``partial`` (what they do with a map that did not
    load cleanly, e.g. "what loaded is exported"): problems then get one warning line.
    """
    from argmap.commands.errors import CommandError
    from argmap.loading.build import load

    paths = paths_of(args)
    if not paths or any(p == "" for p in paths):
        raise CommandError("an empty PATH names nothing; give a map directory or claim files")
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
            f"no claim files (*.yaml, *.yml) in {escape(', '.join(paths))}; "
            "is this the map's directory?"
        )
    if partial is not None and amap.problems:
        first = min(amap.problems, key=lambda p: p.sort_key())
        warn(
            f"{len(amap.problems)} problem(s) loading the map, the first at {first.span}; "
            f"{partial} ('argmap lint' shows them all)"
        )
    if as_of is not None:
        from argmap.history.as_of import as_of as map_as_of

        amap = map_as_of(amap, as_of)
    return amap


def warn(message: str) -> None:
    """``argmap: warning: MESSAGE`` on standard error, one line, escaped for a terminal."""
    sys.stderr.write(f"argmap: warning: {escape(message)}\n")


def emit(
    args: argparse.Namespace,
    data: str | bytes | Iterable[str],
    amap: ArgMap | None = None,
    *,
    escaped: bool = False,
) -> None:
    """Write the command's result to ``-o`` (atomically) or to standard output.

    Text on standard output has its control characters escaped (``argmap.terminal``):
    a claim's text cannot drive the terminal or a CI log. A failed write to standard
    output (a full disk, ``ulimit -f``) is an ``OutputError``: exit 2, never a
    silently truncated result. ``escaped``: the data escaped its strings already (a
    lint report, whose colour codes must reach the terminal).
    """
    output = getattr(args, "output", None)
    if output in (None, "-"):
        write_stdout(data, escaped=escaped)
        return
    from argmap.output import write

    write(output, data, protect=amap.files if amap is not None else ())


def write_stdout(data: str | bytes | Iterable[str], *, escaped: bool = False) -> None:
    """``data`` to standard output, flushed; text (or text in chunks) escaped for a terminal."""
    from argmap.output import OutputError

    try:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            chunks = iter([data] if isinstance(data, str) else data)
            first = next(chunks, "")
            style = "json" if first.lstrip()[:1] in ("{", "[") else "python"
            for chunk in itertools.chain([first], chunks):  # an export streams its chunks
                sys.stdout.write(chunk if escaped else escape(chunk, keep="\n\t", style=style))
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(
            f"cannot write to standard output: {exc.strerror or exc}; the output is incomplete"
        ) from None
