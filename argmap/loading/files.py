"""Which files make a map, and reading one of them: regular files only, bounded in size.

A path given on the command line that cannot be used is a ``MapPathError`` (a usage
error: one line, exit 2); a file found inside a map that cannot be read is a finding.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from argmap.findings import UNREADABLE_FILE, Finding
from argmap.loading.text import one_line
from argmap.model import Span

MAX_FILE_BYTES = 64 * 1024 * 1024
SUFFIXES = (".yaml", ".yml")


class MapNotFoundError(FileNotFoundError):
    """A path given to ``load`` cannot be used: a usage error, not a finding."""


def check_path(path: str | os.PathLike[str]) -> Path:
    """The path given for a map, or ``MapNotFoundError`` saying in one line why not."""
    text = os.fspath(path)
    if text == "":
        raise MapNotFoundError("an empty path names no map; give a directory or a claim file")
    if "\x00" in text:
        raise MapNotFoundError("a path cannot hold a NUL character")
    shown = one_line(text)
    given = Path(text)
    try:
        given.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise MapNotFoundError(f"symbolic link loop: {shown}") from None
        if exc.errno == errno.ENAMETOOLONG:
            raise MapNotFoundError(f"path too long ({len(text):,} characters): {shown}") from None
        if exc.errno == errno.EACCES:
            raise MapNotFoundError(f"permission denied: {shown}") from None
        if given.is_symlink():
            raise MapNotFoundError(f"broken symbolic link: {shown}") from None
        raise MapNotFoundError(f"no such file or directory: {shown}") from None
    return given


def discover(path: Path) -> tuple[list[Path], list[Finding]]:
    """The claim files of a path, sorted; links that leave it or loop are findings."""
    if not path.is_dir():
        return [path], []
    root_real = os.path.realpath(path)
    files: list[Path] = []
    problems: list[Finding] = []
    visited = {root_real}
    pending = [path]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(unreadable(directory, f"cannot read directory: {exc.strerror}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            entry_path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                wanted = is_dir or entry.name.endswith(SUFFIXES)
                if not wanted:
                    continue
                if entry.is_symlink():
                    real = os.path.realpath(entry.path)
                    if not os.path.exists(real):
                        problems.append(unreadable(entry_path, "broken or looping symbolic link"))
                        continue
                    if not _is_within(real, root_real):
                        problems.append(
                            unreadable(entry_path, "symbolic link leaves the map; not followed")
                        )
                        continue
                    if is_dir and real in visited:
                        continue
                    visited.add(real)
            except OSError as exc:
                problems.append(unreadable(entry_path, f"cannot read: {exc.strerror}"))
                continue
            if is_dir:
                pending.append(entry_path)
            else:
                files.append(entry_path)
    files.sort()
    return files, problems


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def unreadable(path: Path | str, message: str) -> Finding:
    return UNREADABLE_FILE.finding(message, Span(str(path), 1, 1))


def read_claim_file(path: Path) -> bytes | Finding:
    """The bytes of a claim file, or the finding that says why it cannot be read."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES + 1)
    except OSError as exc:
        return unreadable(path, f"cannot read file: {exc.strerror}")
    if data is None:
        return unreadable(path, "not a regular file (a FIFO or a device); not read")
    if len(data) > MAX_FILE_BYTES:
        return unreadable(path, f"file larger than {MAX_FILE_BYTES // 2**20} MiB; split it")
    return data


def read_regular_file(path: Path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a regular file; None for a FIFO or a device, unread.

    Opened without blocking, so that a FIFO named like a claim file cannot hold the run.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    with open(fd, "rb") as handle:
        return handle.read(limit)
