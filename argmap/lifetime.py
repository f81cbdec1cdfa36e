"""What a command keeps until the process ends, instead of freeing it object by object.

A loaded map is millions of small objects. Freeing them one by one when a command
returns costs about a twentieth of the command (0.15 s of a 3.2 s lint of 100,000
claims, 1.5 s at a million) and serves no one when the process ends right after:
the operating system takes the memory back at once. So the ``argmap`` program
(``cli.entry``) keeps every map that a command which ends loads, and leaves with
``os._exit`` once its output is flushed, as mypy does. Everyone else (``cli.main``
called in-process, the language server, the live preview, the tests) frees maps as
usual: nothing is kept unless ``keep_until_exit`` was called.
"""

from __future__ import annotations

_kept: list[object] | None = None


def keep_until_exit() -> None:
    """From now on, ``keep`` holds what it is given until the process ends."""
    global _kept
    if _kept is None:
        _kept = []


def keep(value: object) -> None:
    """Hold ``value`` until the process ends, if ``keep_until_exit`` was called."""
    if _kept is not None:
        _kept.append(value)
