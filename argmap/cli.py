"""The command line: parse arguments, dispatch to one command module, map errors to exits.

Exit codes: 0 nothing fails, 1 a finding fails, 2 a usage or internal error (one
line on stderr, never a traceback), 130 interrupted. Only the chosen command's
module is imported, so start-up stays low.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import NoReturn

from argmap import __version__, startup
from argmap.commands.errors import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
)

# Commands import these from argmap.commands.errors; the names stay here for old imports.
__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "CommandError", "entry", "main"]

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
    "diff": ("argmap.commands.diff", "what a change does: two maps, git revisions or dates"),
    "init": ("argmap.commands.init", "start a map: claim files, schema, editor and CI set up"),
    "serve": ("argmap.commands.serve", "a live preview in the browser, redrawn as files change"),
    "lsp": ("argmap.commands.lsp", "the language server for editors (LSP over stdio)"),
}


LONG_RUNNING = frozenset({"serve", "lsp"})
"""Commands that run until stopped: the cycle collector stays on for them."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from argmap.terminal import escape

        sys.stderr.write(f"argmap: error: {escape(message)} (see '{self.prog} --help')\n")
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


class _Terminated(SystemExit):
    """SIGTERM, raised in the main thread: cleanup runs, a child such as ``dot`` is killed."""


def _terminate(_signum: int, _frame: object) -> None:
    sys.stderr.write("argmap: terminated\n")
    raise _Terminated(128 + signal.SIGTERM)


def entry() -> NoReturn:
    """The ``argmap`` program (and ``python -m argmap``): ``main``, then the process ends.

    It ends with ``os._exit`` once the output is flushed, without freeing the map a
    command loaded object by object (``argmap/lifetime.py``); a flush that fails still
    fails the command.
    """
    code = main(process_ends=True)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        code = code or EXIT_ERROR
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run argmap; returns the exit code. With ``process_ends``, a command that ends
    keeps the maps it loads until the process does (``argmap/lifetime.py``)."""
    try:
        previous_sigterm = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        previous_sigterm = None
    try:
        return _main(argv, process_ends)
    finally:
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)


def _main(argv: Sequence[str] | None, process_ends: bool) -> int:
    try:
        startup.restore()  # from here on Ctrl-C raises KeyboardInterrupt: files are cleaned up
        args_list = list(sys.argv[1:] if argv is None else argv)
        command = next((a for a in args_list if not a.startswith("-")), None)
        parser = build_parser(command if command in COMMANDS else None)
        args = parser.parse_args(args_list)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        module = importlib.import_module(COMMANDS[args.command][0])
        if process_ends and args.command not in LONG_RUNNING:
            from argmap.lifetime import keep_until_exit

            keep_until_exit()
        with _one_shot(args.command):
            result: int = module.run(args)
        sys.stdout.flush()
        return result
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("argmap: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _devnull_stdout()
        return EXIT_OK
    except Exception as exc:
        return _report_error(exc)


def _one_shot(command: str) -> AbstractContextManager[None]:
    """The cycle collector paused for a command that ends, as for loading (gc_pause.py).

    A command builds indexes and pages over a map of millions of acyclic objects, and
    every collection would walk them again: at 10^6 claims that made ``stats`` a third
    slower. What the command drops is still freed by reference counting.
    """
    if command in LONG_RUNNING:
        return nullcontext()
    from argmap.gc_pause import cyclic_gc_paused

    return cyclic_gc_paused()


def _devnull_stdout() -> None:
    from argmap.output import silence_stdout

    silence_stdout()


def _report_error(exc: Exception) -> int:
    from argmap.config import ConfigError
    from argmap.loading.build import MapNotFoundError
    from argmap.output import OutputError
    from argmap.terminal import escape

    if isinstance(exc, OSError) and not isinstance(exc, MapNotFoundError):
        message = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    elif isinstance(exc, CommandError | ConfigError | OutputError | MapNotFoundError):
        message = str(exc)
    elif isinstance(exc, RecursionError | MemoryError):
        message = f"the input is too large or too deeply nested to handle ({type(exc).__name__})"
    else:
        first = str(exc).splitlines()[0] if str(exc).strip() else ""
        message = f"internal error: {type(exc).__name__}: {first} (please report this)"
    if isinstance(exc, OutputError) and "standard output" in message:
        _devnull_stdout()
    first_line = message.splitlines()[0] if message.strip() else type(exc).__name__
    sys.stderr.write(f"argmap: error: {escape(first_line)}\n")
    return EXIT_ERROR
