"""The one function that writes files: atomically to regular files, never over a claim file.

- A regular file (or a new one) is written through a temporary file beside it and a
  rename: a reader sees the old file or the new one, never a part.
- What is not a regular file (a device such as ``/dev/null``, a FIFO, a terminal, a
  symbolic link to ``/proc/self/fd/1``) is written to directly, never replaced.
- A new file gets the mode the umask allows (``0666 & ~umask``); an existing file
  keeps its mode.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

Payload = bytes | Iterable[str] | Iterable[bytes]
"""What is written: bytes, or chunks (an export streams its text as it is generated)."""


class OutputError(Exception):
    """A file could not, or must not, be written."""


def write(
    path: str | os.PathLike[str], data: str | Payload, *, protect: Iterable[str] = ()
) -> None:
    """Write ``data`` to ``path``: atomically to a regular file, directly to anything else.

    A failure or an interruption leaves the old file intact and no temporary behind
    (on Linux the data is written to an unnamed file, so even a killed process leaves
    nothing). ``protect`` lists files (the map's claim files) that must never be
    overwritten, whatever name (a symbolic or a hard link) the target gives them.
    """
    target = Path(path)
    if _is_protected(target, protect):
        raise OutputError(f"refusing to overwrite claim file {target}; choose another -o")
    payload: Payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        existing = _stat(target)
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            if stat.S_ISDIR(existing.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            _write_through(target, payload)
            return
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else _new_file_mode()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not _write_unnamed(target, payload, mode):
            _write_named(target, payload, mode)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None


def _stat(target: Path) -> os.stat_result | None:
    """What ``target`` names (following links), or None when nothing is there yet."""
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_through(target: Path, payload: Payload) -> None:
    """Write to a device, FIFO or terminal as it is: opened for writing, never replaced."""
    fd = os.open(target, os.O_WRONLY | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    try:
        _write_all(fd, payload, sync=False)
    finally:
        os.close(fd)


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


def _temporary_name(target: Path) -> Path:
    """A short name beside the target: ``.argmap-XXXXXXXX.tmp`` (any -o name that fits fits)."""
    return target.parent / f".argmap-{secrets.token_hex(4)}.tmp"


def _write_unnamed(target: Path, payload: Payload, mode: int) -> bool:
    """Write through an unnamed file (Linux ``O_TMPFILE``); False where that is unavailable."""
    flags = getattr(os, "O_TMPFILE", 0)
    if not flags or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flags | os.O_RDWR | os.O_CLOEXEC, mode)
    except OSError:
        return False  # a file system without O_TMPFILE
    try:
        _write_all(fd, payload)
        os.fchmod(fd, mode)
        temporary = _temporary_name(target)
        try:
            os.link(f"/proc/self/fd/{fd}", temporary, follow_symlinks=True)
        except OSError:
            if isinstance(payload, bytes):
                return False
            _write_named(target, _read_back(fd), mode)  # a stream cannot be generated twice
            return True
        _rename(temporary, target)
    finally:
        os.close(fd)
    return True


def _write_named(target: Path, payload: Payload, mode: int) -> None:
    """Write through a named temporary file beside the target, removed on any failure."""
    temporary = _temporary_name(target)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            _write_all(fd, payload)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _rename(temporary, target)


def _write_all(fd: int, payload: Payload, *, sync: bool = True) -> None:
    for block in _blocks(payload):
        view = memoryview(block)
        while view:
            view = view[os.write(fd, view) :]
    if sync:
        os.fsync(fd)


def _blocks(payload: Payload, size: int = 1 << 20) -> Iterator[bytes]:
    """The payload in blocks: bytes as given, text chunks gathered to about ``size``."""
    if isinstance(payload, bytes):
        yield payload
        return
    gathered: list[str] = []
    length = 0
    for chunk in payload:
        if isinstance(chunk, bytes):
            yield chunk
            continue
        gathered.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(gathered).encode("utf-8")
            gathered.clear()
            length = 0
    if gathered:
        yield "".join(gathered).encode("utf-8")


def _read_back(fd: int) -> Iterator[bytes]:
    """What was written to ``fd``, from its start, in blocks."""
    os.lseek(fd, 0, os.SEEK_SET)
    while block := os.read(fd, 1 << 20):
        yield block


def _rename(temporary: Path, target: Path) -> None:
    """Move the complete temporary file over the target, or remove it."""
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that the final flush at exit cannot fail again
    (after a broken pipe or a full disk, which argmap has already reported)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
