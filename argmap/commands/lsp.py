"""``argmap lsp``: the language server over standard input and output, for editors."""

from __future__ import annotations

import argparse
import io
import sys

from argmap.commands.errors import CommandError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin/stdout (the default and only way)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        from argmap.lsp.server import main
    except ImportError as exc:  # pygls is an extra
        raise CommandError(
            f"the language server needs pygls ({exc.name} is missing): pip install 'argmap[lsp]'"
        ) from None
    main()
    if sys.stdout.closed:  # pygls closes the stream when the editor exits
        sys.stdout = io.StringIO()  # a sink for the CLI's flush at exit
    return 0
