"""A command run by the ``argmap`` program keeps its map until the process ends; nothing
else keeps anything (``argmap/lifetime.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap import lifetime
from argmap.cli import main
from tests.conftest import SHIPPED_MAP

KEPT = (
    "import sys; from argmap import cli, lifetime; "
    "code = cli.main(sys.argv[1:], process_ends=True); "
    "print(code, len(lifetime._kept or ()))"
)


def test_a_command_called_in_process_keeps_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(SHIPPED_MAP)]) == 0
    assert lifetime._kept is None
    assert "claims" in capsys.readouterr().out


@pytest.mark.parametrize(("command", "code"), [("lint", 0), ("stats", 0)])
def test_a_command_that_ends_the_program_keeps_the_map_it_loaded(command: str, code: int) -> None:
    run = subprocess.run(
        [sys.executable, "-c", KEPT, command, str(SHIPPED_MAP)], capture_output=True, text=True
    )
    assert run.stdout.split()[-2:] == [str(code), "1"], run.stderr


def test_the_program_exits_with_the_command_s_code_and_all_its_output(tmp_path: Path) -> None:
    broken = tmp_path / "map"
    broken.mkdir()
    (broken / "a.yaml").write_text("claims:\n  - {id: a, party: p, text: A., supports: nowhere}\n")
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "lint", "--no-config", str(broken)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "'supports' names no claim 'nowhere'" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith("Found 2 error(s)")
