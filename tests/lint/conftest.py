"""Helpers for rule tests: lint a small map written from YAML strings."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.findings import Finding
from argmap.lint import LintOptions, lint
from argmap.loading.build import load
from tests.conftest import MapWriter


@dataclass
class Linted:
    """The findings of one lint run, with the map's directory to make paths relative."""

    root: Path
    findings: list[Finding]

    def of(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]

    def at(self, code: str) -> list[tuple[str, int, int]]:
        """(path relative to the map, line, column) of each finding of ``code``, in order."""
        return [
            (Path(os.path.relpath(f.span.path, self.root)).as_posix(), f.span.line, f.span.column)
            for f in self.of(code)
        ]

    def messages(self, code: str) -> list[str]:
        return [f.message for f in self.of(code)]

    @property
    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


LintMap = Callable[..., Linted]


@pytest.fixture
def lint_map(write_map: MapWriter) -> LintMap:
    """``lint_map({"a.yaml": "..."}, select=[...])``: write the files, load and lint them."""

    def run(
        files: dict[str, str | bytes],
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        source_roots: Iterable[Path] = (),
        directory: str = "map",
    ) -> Linted:
        root = write_map(files, directory)
        findings = lint(
            load(root),
            select=select,
            ignore=ignore,
            options=LintOptions(source_roots=tuple(source_roots)),
        )
        return Linted(root, findings)

    return run
