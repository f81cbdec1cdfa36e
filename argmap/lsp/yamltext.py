"""Where the cursor is in a claim file, read from the text as typed (it may not parse).

The loader gives the records and their positions; this module answers only what an
editor asks of half-written text: which word is under the cursor, and under which
keys it sits (``claims`` > ``cite`` > ``source``), by indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID_CHARS = re.compile(r"[A-Za-z0-9_.-]+")
_KEY_LINE = re.compile(
    r"^(?P<indent>[ ]*)(?P<dash>(?:-[ ]+)*)(?P<key>[A-Za-z0-9_.-]+)[ ]*:(?:[ ]|$)"
)
_VALUE_KEY = re.compile(r"([A-Za-z0-9_.-]+)[ ]*:[ ]")
_LIST_ITEM = re.compile(r"^[ ]*-[ ]*[\"']?[A-Za-z0-9_.-]*$")
_BARE_KEY = re.compile(r"^[ ]*(?:-[ ]+)*[A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Word:
    """An id-like word of a line: 0-based line, start and end characters."""

    text: str
    line: int
    start: int
    end: int


def word_at(lines: list[str], line: int, character: int) -> Word | None:
    """The id-like word touching the cursor, if any."""
    if not 0 <= line < len(lines):
        return None
    for match in ID_CHARS.finditer(lines[line]):
        if match.start() <= character <= match.end():
            return Word(match.group(), line, match.start(), match.end())
    return None


def find_word(lines: list[str], line: int, column: int, word: str) -> Word | None:
    """The whole word ``word`` on ``line`` at or after ``column`` (0-based)."""
    if not 0 <= line < len(lines):
        return None
    pattern = re.compile(rf"(?<![A-Za-z0-9_.-]){re.escape(word)}(?![A-Za-z0-9_.-])")
    match = pattern.search(lines[line], max(column, 0))
    return Word(word, line, match.start(), match.end()) if match else None


@dataclass(frozen=True)
class Context:
    """The keys enclosing the cursor, outermost first, and what is being typed there."""

    keys: tuple[str, ...]
    value_of: str | None
    """The key whose value the cursor is in (``rebuts`` for ``rebuts: a|`` or ``- a|``)."""
    typing_key: bool
    """The cursor is where a key is written."""


def context_at(lines: list[str], line: int, character: int) -> Context:
    """Where the cursor is, by the indentation of the lines above it."""
    before = lines[line][:character] if 0 <= line < len(lines) else ""
    match = _KEY_LINE.match(before)
    if match:
        column = len(match.group("indent")) + len(match.group("dash"))
        keys = _enclosing(lines, line, column)
        inner = _VALUE_KEY.findall(before[match.end("key") :])
        value_of = inner[-1] if inner else match.group("key")
        return Context((*keys, match.group("key")), value_of, False)
    column = len(before) - len(before.lstrip(" -"))
    keys = _enclosing(lines, line, column if before.strip() else len(before))
    if _LIST_ITEM.match(before) and keys:
        return Context(keys, keys[-1], False)
    return Context(keys, None, bool(_BARE_KEY.match(before)))


def _enclosing(lines: list[str], line: int, column: int) -> tuple[str, ...]:
    """The keys of the mappings that hold a key written at ``column`` on ``line``."""
    keys: list[str] = []
    limit = column
    for number in range(line - 1, -1, -1):
        text = lines[number]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(text) - len(stripped)
        if indent >= limit:
            continue
        match = _KEY_LINE.match(text)
        if stripped.startswith("-"):
            limit = indent  # a list item holds what follows it
            continue
        if match:
            keys.append(match.group("key"))
        limit = indent
        if limit == 0:
            break
    return tuple(reversed(keys))


def item_start(lines: list[str], line: int, column: int) -> int:
    """The column of the ``-`` that opens the list item whose first key is at ``column``."""
    head = lines[line][:column] if 0 <= line < len(lines) else ""
    dash = head.rfind("-")
    return dash if dash >= 0 else column


def item_end(lines: list[str], line: int, dash: int) -> int:
    """The last line (0-based, not blank) of the list item opened at ``dash`` on ``line``."""
    last = line
    for number in range(line + 1, len(lines)):
        text = lines[number]
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if len(text) - len(stripped) <= dash:
            break
        last = number
    return last
