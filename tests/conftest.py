"""Shared test helpers: write a map from YAML strings, run the CLI in-process."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parent.parent
SHIPPED_MAP = REPO / "claims" / "moscow-1936"
SEED_TEXT = REPO.parent / "shared" / "seed" / "thirst-for-power.txt"

MapWriter = Callable[..., Path]


@pytest.fixture
def write_map(tmp_path: Path) -> MapWriter:
    """Write claim files: ``write_map({"a.yaml": "...yaml..."})`` -> the map directory."""

    def write(files: dict[str, str | bytes], directory: str = "map") -> Path:
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
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``argmap`` in-process: returns (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def needs_dot() -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
