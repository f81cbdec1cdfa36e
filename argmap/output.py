"""The one function that writes files: atomically, never over a claim file."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """A file could not, or must not, be written."""


def write(path: str | os.PathLike[str], data: str | bytes, *, protect: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader sees the old file or the new one, never a part; a failure or an
    interruption leaves the old file intact and no temporary behind (on Linux the
    data is written to an unnamed file, so even a killed process leaves nothing).
    ``protect`` lists files (the map's claim files) that must never be overwritten,
    whatever name (a symbolic or a hard link) the target gives them.
    """
    target = Path(path)
    if _is_protected(target, protect):
        raise OutputError(f"refusing to overwrite claim file {target}; choose another -o")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not _write_unnamed(target, payload):
            _write_named(target, payload)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None


def _is_protected(target: Path, protect: Iterable[str]) -> bool:
    real = os.path.realpath(target)
    try:
        existing: os.stat_result | None = os.stat(target)
    except (OSError, ValueError):
        existing = None
    for path in protect:
        if real == os.path.realpath(path):
            return True
        if existing is not None:
            with contextlib.suppress(OSError, ValueError):
                if os.path.samestat(existing, os.stat(path)):
                    return True
    return False


def _write_unnamed(target: Path, payload: bytes) -> bool:
    """Write through an unnamed file (Linux ``O_TMPFILE``); False where that is unavailable."""
    flags = getattr(os, "O_TMPFILE", 0)
    if not flags or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flags | os.O_WRONLY | os.O_CLOEXEC, 0o644)
    except OSError:
        return False  # a file system without O_TMPFILE
    try:
        _write_all(fd, payload)
        os.fchmod(fd, 0o644)
        temporary = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            os.link(f"/proc/self/fd/{fd}", temporary, follow_symlinks=True)
        except OSError:
            return False
        _rename(temporary, target)
    finally:
        os.close(fd)
    return True


def _write_named(target: Path, payload: bytes) -> None:
    """Write through a named temporary file beside the target, removed on any failure."""
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        try:
            _write_all(fd, payload)
        finally:
            os.close(fd)
        os.chmod(temporary, 0o644)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _rename(Path(temporary), target)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _rename(temporary: Path, target: Path) -> None:
    """Move the complete temporary file over the target, or remove it."""
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
