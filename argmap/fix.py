"""``lint --fix``: apply the safe fixes the linter already knows, as text edits.

A fix is safe when a finding says "did you mean 'x'?" about a name written at its
span (a reference, a party, a source, a key) and the file holds exactly that name
there: the name is replaced by the suggestion and nothing else in the file changes
(comments, quoting, layout), since the edit is made in the text, never by writing
the YAML back from a parsed tree.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.findings import Finding

_SUGGESTION = re.compile(r"did you mean '([^'\n]+)'\?")
_QUOTED = re.compile(r"'([^'\n]*)'")
_PLAIN_END = re.compile(r"[,\]\}#:\s]")


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` at ``line``:``column`` (1-based) of ``path`` with ``new``."""

    path: str
    line: int
    column: int
    old: str
    new: str
    code: str


def edits_for(findings: Iterable[Finding]) -> list[Edit]:
    """The safe edits of ``findings`` (acknowledged ones are left alone)."""
    lines_of: dict[str, list[str]] = {}
    edits: dict[tuple[str, int, int], Edit] = {}
    for finding in findings:
        if finding.acknowledged is not None:
            continue
        match = _SUGGESTION.search(finding.message)
        if match is None:
            continue
        new = match.group(1)
        names = {m for m in _QUOTED.findall(finding.message[: match.start()]) if m != new}
        path = finding.span.path
        if path not in lines_of:
            try:
                lines_of[path] = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
            except (OSError, UnicodeDecodeError):
                lines_of[path] = []
        old = _token_at(lines_of[path], finding.span.line, finding.span.column)
        if old is None or old[1] not in names:
            continue
        key = (path, finding.span.line, finding.span.column)
        edits[key] = Edit(
            path, finding.span.line, finding.span.column, old[0], _as(old[0], new), finding.code
        )
    return list(edits.values())


def _token_at(lines: Sequence[str], line: int, column: int) -> tuple[str, str] | None:
    """The scalar written at a place: (as written, its value), or None."""
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    start = column - 1
    if not 0 <= start < len(text):
        return None
    quote = text[start]
    if quote in "'\"":
        end = text.find(quote, start + 1)
        if end < 0:
            return None
        written = text[start : end + 1]
        return written, written[1:-1]
    found = _PLAIN_END.search(text, start)
    written = text[start : found.start() if found else len(text)].rstrip()
    return (written, written) if written else None


def _as(written: str, new: str) -> str:
    """``new`` written as ``written`` was: in the same quotes, if any."""
    if written[:1] in "'\"":
        return written[0] + new + written[0]
    return new


def apply(edits: Sequence[Edit]) -> dict[str, tuple[str, str]]:
    """Each file's (old text, new text) after its edits, last on a line first."""
    changed: dict[str, tuple[str, str]] = {}
    by_path: dict[str, list[Edit]] = {}
    for edit in edits:
        by_path.setdefault(edit.path, []).append(edit)
    for path, file_edits in by_path.items():
        before = Path(path).read_text(encoding="utf-8")
        lines = before.splitlines(keepends=True)
        for edit in sorted(file_edits, key=lambda e: (e.line, e.column), reverse=True):
            text = lines[edit.line - 1]
            start = edit.column - 1
            if text[start : start + len(edit.old)] != edit.old:
                continue
            lines[edit.line - 1] = text[:start] + edit.new + text[start + len(edit.old) :]
        after = "".join(lines)
        if after != before:
            changed[path] = (before, after)
    return changed


def unified_diff(changed: dict[str, tuple[str, str]]) -> str:
    """The changes as a unified diff, file by file."""
    out: list[str] = []
    for path, (before, after) in changed.items():
        out += difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)
