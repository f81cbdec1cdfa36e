"""The maps of an editing session: each file loaded once, open buffers in place of files.

An edit re-reads only the buffer that changed: every file's records are cached (a
file on disk until its size or time changes, a buffer until it is edited), and the
whole-map checks run again on the merged records. Nothing here knows about LSP.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from argmap.config import Config, ConfigError, find_config
from argmap.findings import Finding
from argmap.lint import LintOptions, lint
from argmap.loading.build import (
    SUFFIXES,
    FileRecords,
    assemble,
    discover,
    read_file,
    read_file_text,
)
from argmap.model import ArgMap, Source
from argmap.sources import SourceText, read_text, resolve


def is_claim_file(path: str) -> bool:
    return path.endswith(SUFFIXES) and not os.path.basename(path).startswith(".")


def map_root(path: str) -> str:
    """The map a claim file belongs to (as ``argmap lint FILE`` finds it)."""
    from argmap.workspace import map_root as root_of

    return str(root_of(path))


@dataclass(frozen=True)
class _Loaded:
    """One file's text and records; ``stamp`` is (mtime, size) when read from disk."""

    text: str
    records: FileRecords
    stamp: tuple[int, int] | None


@dataclass(frozen=True)
class Snapshot:
    """A map as the editor sees it now, and its findings."""

    root: str
    amap: ArgMap
    findings: tuple[Finding, ...]
    texts: dict[str, str]


class Workspace:
    """Open buffers and the per-file cache of load results, for any number of maps."""

    def __init__(self) -> None:
        self.buffers: dict[str, str] = {}
        self._loaded: dict[str, _Loaded] = {}
        self._configs: dict[str, Config] = {}
        self._texts: dict[tuple[Path, int, int], SourceText] = {}

    # -- buffers ------------------------------------------------------------------------

    def set_buffer(self, path: str, text: str) -> None:
        """An opened or edited buffer: re-read it alone, now."""
        path = os.path.abspath(path)
        self.buffers[path] = text
        self._loaded[path] = _Loaded(text, read_file_text(text, path, map_root(path)), None)

    def close_buffer(self, path: str) -> None:
        path = os.path.abspath(path)
        self.buffers.pop(path, None)
        self._loaded.pop(path, None)

    def forget(self, path: str) -> None:
        """A file changed on disk: read it again when next needed (unless open)."""
        path = os.path.abspath(path)
        if path not in self.buffers:
            self._loaded.pop(path, None)

    # -- maps ---------------------------------------------------------------------------

    def config(self, root: str) -> Config:
        if root not in self._configs:
            try:
                self._configs[root] = find_config(Path(root))
            except ConfigError:
                self._configs[root] = Config()
        return self._configs[root]

    def snapshot(self, path: str) -> Snapshot:
        """The map holding ``path`` (a claim file or the map's directory), linted."""
        path = os.path.abspath(path)
        root = path if os.path.isdir(path) else map_root(path)
        files, problems = discover(Path(root))
        names = [str(f) for f in files]
        names += sorted(p for p in self.buffers if p not in set(names) and _within(p, root))
        parts = [self._file(name, root) for name in names]
        amap = assemble(root, [loaded.records for loaded in parts], problems)
        config = self.config(root)
        findings = lint(
            amap,
            select=config.select,
            ignore=config.ignore,
            options=LintOptions(source_roots=config.source_roots, read_source=self._source_text),
        )
        texts = {name: loaded.text for name, loaded in zip(names, parts, strict=True)}
        return Snapshot(root, amap, tuple(findings), texts)

    def _source_text(self, source: Source, roots: tuple[Path, ...]) -> SourceText:
        """A source's indexed text, read again only when the file changes."""
        where = resolve(source, roots)
        stamp = _stamp(str(where)) if isinstance(where, Path) else None
        if not isinstance(where, Path) or stamp is None:
            return read_text(source, roots)
        key = (where, *stamp)
        if key not in self._texts:
            self._texts[key] = read_text(source, roots)
        return self._texts[key]

    def text(self, path: str) -> str:
        """The text of a file as the editor has it (its buffer, or the file)."""
        path = os.path.abspath(path)
        loaded = self._loaded.get(path)
        return loaded.text if loaded is not None else _read(path)

    def _file(self, path: str, root: str) -> _Loaded:
        loaded = self._loaded.get(path)
        if path in self.buffers and loaded is not None:
            return loaded
        stamp = _stamp(path)
        if loaded is None or loaded.stamp != stamp:
            text = _read(path)
            loaded = _Loaded(text, read_file(Path(path), Path(root)), stamp)
            self._loaded[path] = loaded
        return loaded


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _within(path: str, root: str) -> bool:
    return path.startswith(root.rstrip(os.sep) + os.sep) and is_claim_file(path)
