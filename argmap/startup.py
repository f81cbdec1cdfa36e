"""Ctrl-C while argmap starts: one line and exit 130, never a traceback (issue 20, item 18).

Importing this module installs it (``argmap/__init__`` imports it first thing), so
the handler is in place before any import that takes time (YAML, the loader). It
acts only when the process is the argmap command (the console script or ``python
-m argmap``): a program that imports argmap as a library keeps its own Ctrl-C.
``argmap.cli.main`` hands Ctrl-C back to Python (a ``KeyboardInterrupt``, so that
temporary files are cleaned up) once the command starts.
"""

from __future__ import annotations

import _signal as signal  # type: ignore[import-not-found,unused-ignore]  # C: fast
import os
import sys

_installed: list[object] = []


def _interrupted(_signum: int, _frame: object) -> None:
    try:
        sys.stderr.write("argmap: interrupted\n")
        sys.stderr.flush()
    finally:
        os._exit(130)


def _is_the_command() -> bool:
    first = sys.argv[0] if sys.argv else ""
    return first == "-m" or os.path.basename(first) in ("argmap", "__main__.py")


def quiet_start_up() -> None:
    """Until ``restore`` is called: Ctrl-C ends the argmap command quietly."""
    if _installed or not _is_the_command():
        return
    try:
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, _interrupted)
            _installed.append(previous)
    except ValueError:  # not the main thread: leave signals alone
        pass


def restore() -> None:
    """Ctrl-C raises ``KeyboardInterrupt`` again (the command cleans up and exits 130)."""
    if not _installed:
        return
    try:
        if signal.getsignal(signal.SIGINT) is _interrupted:
            signal.signal(signal.SIGINT, _installed.pop())
    except ValueError:
        pass


quiet_start_up()
