"""Shared test helpers: where things are, write a map from YAML strings, run the CLI in-process.

Test modules import what they name from here (``from tests.conftest import SHIPPED_MAP``);
the fixtures ``write_map`` and ``run_cli`` reach every test without an import.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

from argmap.cli import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
"""The repository's root."""
SHIPPED_MAP = REPO / "claims" / "moscow-1936"
"""The map the repository ships: part of the repository, so a test that needs it fails
(never skips) when it is gone."""
SHARED = REPO.parent / "shared"
"""The project's shared folder beside the repository (design notes, seed text, schemas);
a clone on its own does not have it, so tests that read it skip (``needs_shared``)."""
SEED_TEXT = SHARED / "seed" / "thirst-for-power.txt"
"""The seed text: the shipped map's source text."""
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
"""The official SARIF 2.1.0 JSON schema."""
CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium, which Playwright drives (it downloads no browser of its own here)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class MapWriter(Protocol):
    """The ``write_map`` fixture: write claim files, get the map's directory."""

    def __call__(self, files: Mapping[str, str | bytes], directory: str = "map") -> Path: ...


class RunCli(Protocol):
    """The ``run_cli`` fixture: run ``argmap`` in-process, get (exit code, stdout, stderr)."""

    def __call__(self, *args: str | Path) -> tuple[int, str, str]: ...


@pytest.fixture
def write_map(tmp_path: Path) -> MapWriter:
    """Write claim files: ``write_map({"a.yaml": "...yaml..."})`` -> the map directory."""

    def write(files: Mapping[str, str | bytes], directory: str = "map") -> Path:
        root = tmp_path / directory
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        root.mkdir(parents=True, exist_ok=True)
        return root

    return write


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``argmap`` in-process: returns (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium through Playwright, one per test module; skips without Chromium."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
"""Mark a test that runs Graphviz's ``dot``."""


def shared_missing(path: Path) -> str | None:
    """Why ``path`` (under ../shared) cannot be read, or None when it is there."""
    if path.exists():
        return None
    where = f"../shared/{path.relative_to(SHARED).as_posix()}"
    if not SHARED.is_dir():
        return f"../shared is not beside the repository: this test reads {where}"
    return f"{where} is missing"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Mark a test that reads ``path`` under ../shared: it skips, saying why, without it."""
    reason = shared_missing(path)
    return pytest.mark.skipif(reason is not None, reason=reason or "")
