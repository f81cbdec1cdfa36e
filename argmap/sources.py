"""Source texts: where they are, whether they may be read, and their content.

A source's ``text`` path is relative to the claim file that declares it. It may
only be read when its real path (links resolved) lies inside the map's directory or
inside a trusted source root named by the user. A refused file is never opened, so
nothing of it can reach a report.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from argmap.loading.text import DecodeError, decode, one_line
from argmap.model import Source
from argmap.quotes import QuoteIndex

MAX_SOURCE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Refused:
    """A text path outside every permitted directory."""

    path: str


@dataclass(frozen=True, slots=True)
class Missing:
    """A text that is permitted but cannot be read as text."""

    path: str
    reason: str


SourceText = QuoteIndex | Refused | Missing


def resolve(source: Source, trusted_roots: tuple[Path, ...]) -> Path | Refused | Missing:
    """The real path of a source's text, if it may be read."""
    assert source.text is not None
    shown = _shown(source.text)
    given = Path(source.text)
    if source.text.startswith("~"):
        with contextlib.suppress(RuntimeError, ValueError):  # no such user or home, or a NUL
            given = given.expanduser()
    candidate = given if given.is_absolute() else Path(source.base_dir) / given
    try:
        real = os.path.realpath(candidate)
    except ValueError:  # a NUL character
        return Missing(shown, "is not a valid path (it holds a NUL character)")
    permitted = [os.path.realpath(source.root), *(os.path.realpath(r) for r in trusted_roots)]
    if not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in permitted):
        return Refused(shown)
    return Path(real)


def read_text(source: Source, trusted_roots: tuple[Path, ...]) -> SourceText:
    """The indexed text of a source, or why it cannot be had."""
    where = resolve(source, trusted_roots)
    if not isinstance(where, Path):
        return where
    shown = _shown(source.text or str(where))
    try:
        # Non-blocking, so that a FIFO cannot hold the run; then only a regular file is read.
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        reason = {
            errno.ENOENT: "does not exist",
            errno.EISDIR: "is a directory",
            errno.ENXIO: "is not a regular file",
        }.get(exc.errno or 0, f"cannot be read ({exc.strerror})")
        return Missing(shown, reason)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            reason = "is a directory" if stat.S_ISDIR(mode) else "is not a regular file"
            return Missing(shown, reason)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        return Missing(shown, f"cannot be read ({exc.strerror})")
    if len(data) > MAX_SOURCE_BYTES:
        return Missing(shown, f"is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
    text = decode(data)
    del data  # held only as the normalised text from here on
    if isinstance(text, DecodeError):
        return Missing(shown, f"is not text: {text.message}")
    return QuoteIndex.of(text)


def _shown(path: str) -> str:
    """A path fit for a one-line message: control characters escaped, length bounded."""
    return one_line(path, 200)
