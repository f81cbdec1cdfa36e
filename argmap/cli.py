"""The command line: parse arguments, dispatch to one command module, map errors to exits.

Exit codes: 0 nothing fails, 1 a finding fails, 2 a usage or internal error (one
line on stderr, never a traceback). Only the chosen command's module is imported,
so start-up stays low.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from argmap import __version__

# name -> (module, one-line help). Each module has configure(parser) and run(args) -> int.
COMMANDS: dict[str, tuple[str, str]] = {
    "lint": (
        "argmap.commands.lint",
        "check claim files: schema, references, unanswered allegations",
    ),
    "schema": ("argmap.commands.schema", "print the JSON Schema of claim files, for editors"),
    "export": ("argmap.commands.export", "the map as AIF, Argdown, GraphML or node-link JSON"),
    "import": ("argmap.commands.import_", "claim files from an AIF, Argdown or JSON map"),
    "render": ("argmap.commands.render", "draw the map: .svg .png .pdf .dot .mmd .md .html"),
    "debate": ("argmap.commands.debate", "debate prep: a handout per side, a moderator sheet"),
    "stats": ("argmap.commands.stats", "numbers for a slide: claims, relations, answers, chains"),
    "analyse": ("argmap.commands.analyse", "which claims stand, under Dung's semantics"),
}

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CommandError(Exception):
    """A usage problem a command found: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"argmap: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_ERROR)


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser, with full options only for ``command`` (the others are listed)."""
    parser = _Parser(prog="argmap", description="Map, lint and draw arguments in YAML claim files.")
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            importlib.import_module(module_name).configure(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run argmap; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    try:
        parser = build_parser(command if command in COMMANDS else None)
        args = parser.parse_args(args_list)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        module = importlib.import_module(COMMANDS[args.command][0])
        result: int = module.run(args)
        return result
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("argmap: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        return _report_error(exc)


def _report_error(exc: Exception) -> int:
    from argmap.config import ConfigError
    from argmap.loading.build import MapNotFoundError
    from argmap.output import OutputError

    if isinstance(exc, CommandError | ConfigError | OutputError | MapNotFoundError):
        message = str(exc)
    else:
        first = str(exc).splitlines()[0] if str(exc).strip() else ""
        message = f"internal error: {type(exc).__name__}: {first} (please report this)"
    sys.stderr.write(
        f"argmap: error: {message.splitlines()[0] if message else type(exc).__name__}\n"
    )
    return EXIT_ERROR
