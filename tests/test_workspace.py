"""argmap.workspace: which map a claim file named alone belongs to."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.workspace import map_root
from tests.conftest import MapWriter, RunCli

STRAY = "claims:\n  - {id: a, party: x, text: A claim of some other map.}\n"
MINE = "parties: {x: {name: X}}\nclaims:\n  - {id: a, party: x, text: My claim.}\n"


def test_the_map_of_a_file_stops_at_the_working_directory(
    write_map: MapWriter, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    outer = write_map({"stray.yaml": STRAY, "project/c.yaml": MINE}, directory="outer")
    monkeypatch.chdir(outer / "project")
    assert map_root("c.yaml") == outer / "project"
    code, out, _ = run_cli("lint", "c.yaml")
    assert code == 0, out
    assert "AM101" not in out


def test_a_file_below_the_working_directory_finds_its_whole_map(
    write_map: MapWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_map({"a.yaml": MINE, "b.yaml": STRAY.replace("id: a", "id: b")}, directory="m")
    monkeypatch.chdir(root.parent)
    assert map_root(Path("m") / "a.yaml") == root
