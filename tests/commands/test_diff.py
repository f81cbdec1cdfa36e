"""``argmap diff``: directories, git revisions (renames, broken files) and dates."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MapWriter, RunCli

PARTIES = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
"""
CHARGE = """
claims:
  - id: charge
    party: pros
    kind: allegation
    against: def
    text: They formed a bloc.
"""
DENIAL = """
claims:
  - id: denial
    party: def
    text: There was no bloc.
    rebuts: charge
"""

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "maps" / "m").mkdir(parents=True)
    _git(root, "init", "-q")
    return root


def test_two_directories(write_map: MapWriter, run_cli: RunCli) -> None:
    old = write_map({"parties.yaml": PARTIES, "charge.yaml": CHARGE}, directory="old")
    new = write_map(
        {"parties.yaml": PARTIES, "charge.yaml": CHARGE, "denial.yaml": DENIAL}, directory="new"
    )
    code, out, err = run_cli("diff", old, new)
    assert code == 0 and err == ""
    assert "+ denial (def): There was no bloc." in out
    assert "charge (pros): was unanswered, now answered by denial" in out
    code, out, _ = run_cli("diff", new, old, "--fail-on", "new-unanswered")
    assert code == 1 and "charge (pros): was answered, now unanswered" in out


def test_json_and_markdown(write_map: MapWriter, run_cli: RunCli) -> None:
    old = write_map({"parties.yaml": PARTIES, "charge.yaml": CHARGE}, directory="old")
    new = write_map(
        {"parties.yaml": PARTIES, "charge.yaml": CHARGE, "denial.yaml": DENIAL}, directory="new"
    )
    _, out, _ = run_cli("diff", old, new, "--format", "json")
    data = json.loads(out)
    assert data["claims"]["added"][0]["id"] == "denial"
    assert data["allegations"]["newly_answered"][0]["because"] == ["denial"]
    assert {"source": "denial", "kind": "rebuts", "target": "charge"} in data["relations"]["added"]
    _, out, _ = run_cli("diff", old, new, "--format", "markdown")
    assert out.startswith("### argmap diff")
    assert "#### Allegations newly answered" in out and "`denial`" in out


@needs_git
def test_revisions_across_a_rename_and_a_broken_file(repo: Path, run_cli: RunCli) -> None:
    maps = repo / "maps" / "m"
    (maps / "parties.yaml").write_text(PARTIES)
    (maps / "charge.yaml").write_text(CHARGE)
    first = _commit(repo, "the charge")
    _git(repo, "mv", "maps/m/charge.yaml", "maps/m/allegations.yaml")
    (maps / "denial.yaml").write_text(DENIAL)
    second = _commit(repo, "rename, and an answer")
    (maps / "broken.yaml").write_text("claims: [\n")
    third = _commit(repo, "a file that does not parse")

    code, out, err = run_cli("diff", "--rev", f"{first}..{second}", maps)
    assert code == 0, err
    assert "renamed maps/m/charge.yaml -> maps/m/allegations.yaml" in out
    assert "+ denial" in out and "- charge" not in out  # moved, not removed
    assert "charge (pros): was unanswered, now answered by denial" in out

    code, out, err = run_cli("diff", "--rev", f"{second}..{third}", maps)
    assert code == 0 and "Traceback" not in out + err
    assert f"note: {third}:maps/m/broken.yaml:" in out and "AM001" in out

    code, out, _ = run_cli("diff", "--rev", second, maps)  # against the files as they are
    assert code == 0 and "broken.yaml" in out


@needs_git
def test_a_bad_revision_is_a_usage_error(repo: Path, run_cli: RunCli) -> None:
    maps = repo / "maps" / "m"
    (maps / "charge.yaml").write_text(PARTIES + CHARGE)
    _commit(repo, "one")
    code, out, err = run_cli("diff", "--rev", "nosuch..HEAD", maps)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "nosuch" in err


def test_not_in_a_repository_is_a_usage_error(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"m.yaml": PARTIES + CHARGE})
    code, _, err = run_cli("diff", "--rev", "HEAD~1..HEAD", root)
    assert code == 2 and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["diff"],
        ["diff", "a"],
        ["diff", "--to", "1990", "a"],
        ["diff", "--as-of", "19x", "a"],
        ["diff", "--rev", "A..", "a"],
        ["diff", "--rev", "A..B", "--as-of", "1937", "a"],
    ],
)
def test_usage_errors(run_cli: RunCli, args: list[str]) -> None:
    code, out, err = run_cli(*args)
    assert code == 2 and out == "" and len(err.splitlines()) == 1


def test_output_file(write_map: MapWriter, run_cli: RunCli, tmp_path: Path) -> None:
    old = write_map({"parties.yaml": PARTIES, "charge.yaml": CHARGE}, directory="old")
    target = tmp_path / "diff.md"
    code, out, _ = run_cli("diff", old, old, "--format", "markdown", "-o", target)
    assert code == 0 and out == "" and "no change" in target.read_text()


@needs_git
def test_a_map_that_did_not_exist_yet(repo: Path, run_cli: RunCli) -> None:
    (repo / "README").write_text("a repository before its map\n")
    first = _commit(repo, "no map yet")
    maps = repo / "maps" / "m"
    (maps / "charge.yaml").write_text(PARTIES + CHARGE)
    second = _commit(repo, "the map")
    code, out, err = run_cli(
        "diff", "--rev", f"{first}..{second}", maps, "--fail-on", "new-unanswered"
    )
    assert code == 1, err
    assert f"note: {first}: no claim files at maps/m" in out
    assert "charge (pros): new allegation, unanswered" in out
