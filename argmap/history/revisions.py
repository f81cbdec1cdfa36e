"""A map as it was at a git revision, read with ``git`` itself (no checkout).

``git ls-tree`` lists the claim files under the map's path at the revision, ``git
cat-file --batch`` reads their contents, and the loader reads each one from memory
(nothing is written to disk). A file that does not parse at that revision is a load problem like any
other; the caller reports it, naming the revision (``REV:path:line:col``).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from argmap.model import ArgMap

GIT_TIMEOUT = 120.0
CLAIM_SUFFIXES = (".yaml", ".yml")


class RevisionError(Exception):
    """git could not give the map at a revision; the message is one line saying why."""


def split_range(text: str) -> tuple[str, str | None]:
    """``A..B`` -> (A, B); ``A`` -> (A, None): None stands for the files as they are now."""
    old, dots, new = text.partition("..")
    if not old or (dots and not new) or new.startswith("."):
        raise RevisionError(
            f"--rev {text!r}: expected A..B (two revisions) or A (against the files)"
        )
    return old, new or None


def repository_of(path: str) -> Path:
    """The top of the git work tree holding ``path`` (which may not exist any more)."""
    here = Path(os.path.abspath(path))
    while not here.is_dir() and here != here.parent:
        here = here.parent
    result = _git(here, "rev-parse", "--show-toplevel", what=f"{path} is not in a git repository")
    return Path(result.decode("utf-8", "replace").strip())


def load_at(path: str, rev: str) -> tuple[ArgMap, tuple[str, ...]]:
    """The map at ``path`` as of revision ``rev``, and notes for the reader.

    The notes say when the revision holds no claim file there, and give each load
    problem as ``REV:path:line:col: CODE message``.
    """
    from argmap.loading.build import assemble, read_file_text

    top = repository_of(path)
    _git(
        top,
        "rev-parse",
        "--verify",
        "--quiet",
        f"{rev}^{{commit}}",
        what=f"--rev: {rev!r} is not a revision of the repository at {top}",
    )
    relative = Path(os.path.relpath(os.path.abspath(path), top))
    listing = _git(
        top,
        "ls-tree",
        "-r",
        "-z",
        "--full-name",
        rev,
        "--",
        str(relative) or ".",
        what=f"--rev: cannot list {relative} at {rev}",
    )
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_name = entry.partition(b"\t")
        parts = meta.split()
        file_name = raw_name.decode("utf-8", "surrogateescape")
        safe = ".." not in Path(file_name).parts and not os.path.isabs(file_name)
        if len(parts) == 3 and parts[1] == b"blob" and safe and file_name.endswith(CLAIM_SUFFIXES):
            blobs.append((parts[2].decode("ascii"), file_name))
    root = top / relative
    if not blobs:
        return ArgMap(root=str(root)), (f"{rev}: no claim files at {relative}",)
    contents = _read_blobs(top, [o for o, _ in blobs])
    files = [
        read_file_text(content, str(top / name), root)
        for (_, name), content in zip(blobs, contents, strict=True)
    ]
    amap = assemble(root, files)
    prefix = str(top) + os.sep
    notes = tuple(
        f"{rev}:{_unprefix(str(p.span), prefix)}: {p.code} {p.message}"
        for p in sorted(amap.problems, key=lambda p: p.sort_key())
    )
    return amap, notes


def renames(path: str, old: str, new: str | None) -> tuple[str, ...]:
    """``old -> new`` for each claim file git sees renamed between the two revisions."""
    top = repository_of(path)
    relative = os.path.relpath(os.path.abspath(path), top)
    revisions = [old] if new is None else [old, new]
    out = _git(
        top,
        "diff",
        "-M",
        "--name-status",
        "-z",
        *revisions,
        "--",
        relative,
        what="--rev: cannot compare the revisions",
    )
    fields = out.split(b"\0")
    found: list[str] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i].decode("ascii", "replace")
        if status.startswith(("R", "C")) and i + 2 < len(fields):
            before = fields[i + 1].decode("utf-8", "replace")
            after = fields[i + 2].decode("utf-8", "replace")
            if before.endswith(CLAIM_SUFFIXES) or after.endswith(CLAIM_SUFFIXES):
                found.append(f"renamed {before} -> {after}")
            i += 3
        else:
            i += 2
    return tuple(found)


def _unprefix(text: str, prefix: str) -> str:
    return text[len(prefix) :] if text.startswith(prefix) else text


def _read_blobs(top: Path, oids: list[str]) -> list[bytes]:
    """The contents of the blobs ``oids``, in order, from one ``git cat-file --batch``."""
    request = "".join(f"{oid}\n" for oid in oids).encode("ascii")
    out = _git(top, "cat-file", "--batch", what="--rev: cannot read the claim files", stdin=request)
    contents: list[bytes] = []
    at = 0
    for _ in oids:
        header_end = out.index(b"\n", at)
        header = out[at:header_end].split()
        if len(header) != 3:
            raise RevisionError("--rev: git cat-file gave an unexpected answer")
        size = int(header[2])
        contents.append(out[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents


def _git(cwd: Path, *args: str, what: str, stdin: bytes | None = None) -> bytes:
    """Run git in ``cwd``; ``RevisionError(what + git's first line)`` if it fails."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise RevisionError("--rev needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"{what}: git took longer than {GIT_TIMEOUT:.0f} s") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"{what}" + (f" ({detail[0]})" if detail else ""))
    return done.stdout
