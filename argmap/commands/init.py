"""``argmap init [DIR]``: start a map that lints clean, with schema, editor and CI set up."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from argmap.commands.errors import CommandError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory", nargs="?", default=".", metavar="DIR", help="where to start the map (.)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite the starter's files if they exist"
    )


def run(args: argparse.Namespace) -> int:
    from argmap.init import StarterExistsError, create

    directory = Path(args.directory)
    if directory.exists() and not directory.is_dir():
        raise CommandError(f"{directory} is a file, not a directory; name a directory to init")
    try:
        written = create(directory, map_path=_map_path(directory), force=args.force)
    except StarterExistsError as exc:
        raise CommandError(str(exc)) from None
    for path in written:
        sys.stdout.write(f"wrote {path}\n")
    sys.stdout.write(
        f"next: argmap lint {directory}   (and argmap serve {directory} to see the map)\n"
    )
    return 0


def _map_path(directory: Path) -> str:
    """The map's path from the root of the git repository holding it (for CI), or '.'."""
    here = directory.resolve()
    for parent in (here, *here.parents):
        if (parent / ".git").exists():
            relative = os.path.relpath(here, parent)
            return "." if relative == "." else relative
    return "."
