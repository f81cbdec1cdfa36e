"""What reaches a terminal or a CI log: control characters escaped, colour when wanted.

``escape`` is the one function every string passes through on its way to a terminal
or a CI log (reports, warnings, file names on stderr): escape sequences, C0 and C1
controls, NUL, DEL, line and paragraph separators and the bidirectional controls
(U+202E and its kin) are shown as ``\\x1b``, ``\\u202e``..., so a claim file or a
file name cannot move the cursor, erase lines, fake an all-clear, reorder what is
shown, or start a GitHub workflow command on a line of its own.

Colour comes from termcolor, imported only when colour is on, so start-up stays low.
"""

from __future__ import annotations

import os
from typing import TextIO

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + [*_BIDI, "\u2028", "\u2029"]


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _table(style: str, keep: str) -> dict[int, str]:
    def shown(char: str) -> str:
        if char in _NAMED:
            return _NAMED[char]
        code = ord(char)
        if style == "json" or code > 0xFF:
            return f"\\u{code:04x}"
        return f"\\x{code:02x}"

    return {ord(c): shown(c) for c in _CONTROLS if c not in keep}


_TABLES: dict[tuple[str, str], dict[int, str]] = {}


def escape(text: str, *, keep: str = "", style: str = "python") -> str:
    """``text`` with every control character but those in ``keep`` written as an escape.

    ``style="json"`` writes ``\\u001b`` (valid inside a JSON string) instead of
    ``\\x1b``; use it for a whole JSON document, with ``keep="\\n"`` for its layout.
    """
    table = _TABLES.get((style, keep))
    if table is None:
        table = _TABLES[(style, keep)] = _table(style, keep)
    return text.translate(table)


COLOR_CHOICES = ("auto", "always", "never")


def wants_colour(stream: TextIO, choice: str = "auto") -> bool:
    """Colour for ``stream``: ``--color`` first, then ``NO_COLOR``, ``FORCE_COLOR``, a tty.

    See https://no-color.org and https://force-color.org: a set, non-empty variable
    counts; ``NO_COLOR`` wins over ``FORCE_COLOR``.
    """
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def paint(text: str, colour: str | None = None, *, bold: bool = False) -> str:
    """``text`` in ``colour`` (a termcolor name) and/or bold; call only when colour is on."""
    from termcolor import colored

    return colored(text, colour, attrs=["bold"] if bold else None, force_color=True)
