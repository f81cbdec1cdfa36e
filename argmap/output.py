"""The one function that writes files: atomically, never over a claim file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """A file could not, or must not, be written."""


def write(path: str | os.PathLike[str], data: str | bytes, *, protect: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader sees the old file or the new one, never a part; a failure leaves the old
    file intact and no temporary behind. ``protect`` lists files (the map's claim
    files) that must never be overwritten.
    """
    target = Path(path)
    real = os.path.realpath(target)
    if any(real == os.path.realpath(p) for p in protect):
        raise OutputError(f"refusing to overwrite claim file {target}; choose another -o")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {exc.strerror}") from None
        raise
