"""The pre-commit hook, installed for real by ``pre-commit try-repo`` (language: python).

This builds the hook's virtual environment with pip from this repository's HEAD, so it
takes a few seconds and needs the package index that pip is configured with.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

MANIFEST = REPO / ".pre-commit-hooks.yaml"

FAILING = "parties: {p: {name: P}}\nclaims:\n  - {id: a, party: p, text: A., rebuts: b}\n"
CLEAN = (
    "parties: {p: {name: P}, q: {name: Q}}\nclaims:\n  - {id: a, party: p, text: A., rebuts: b}\n"
    "  - {id: b, party: q, text: B., rebuts: a}\n"
)


def test_the_manifest_lints_the_whole_map() -> None:
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "argmap-lint"
    assert hook["entry"] == "argmap lint"
    assert hook["language"] == "python"  # installable in any repository, not `system`
    assert hook["pass_filenames"] is False  # claims reference each other across files
    assert hook["args"] == ["claims"]
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in ("a.yaml", "m/b.yml", "a.json", "yaml.txt")] == [
        True,
        True,
        False,
        False,
    ]


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="not a git checkout")
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path) -> None:
    head = git("rev-parse", "HEAD", cwd=REPO)
    assert "argmap-lint" in git("show", f"{head}:.pre-commit-hooks.yaml", cwd=REPO)
    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)
    (project / "notes.yaml").write_text("not: [a claim file\n")  # outside the map: not linted
    git("init", "-q", cwd=project)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }

    def try_repo() -> subprocess.CompletedProcess[str]:
        git("add", "-A", cwd=project)
        command = ["try-repo", str(REPO), "argmap-lint", "--ref", head, "--all-files"]
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    (project / "claims" / "a.yaml").write_text(FAILING)
    done = try_repo()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "claims/a.yaml:3:41: AM102 'rebuts' names no claim 'b'" in done.stdout
    assert "notes.yaml" not in done.stdout

    (project / "claims" / "a.yaml").write_text(CLEAN)
    done = try_repo()
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"argmap lint\.+Passed", done.stdout)


def documented_rev() -> str:
    """The ``rev`` that docs/ci.md tells users to put in their .pre-commit-config.yaml."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    match = re.search(r"^\s*rev: (\S+)", text, re.M)
    assert match, "docs/ci.md shows no pre-commit rev"
    return match.group(1)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="not a git checkout")
def test_the_documented_rev_exists_and_its_hook_runs_from_a_local_clone(tmp_path: Path) -> None:
    rev = documented_rev()
    exists = subprocess.run(
        ["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=REPO, capture_output=True, check=False
    )
    if exists.returncode != 0 and (REPO / ".git" / "shallow").exists():
        pytest.skip(f"a shallow clone: {rev} may be older than its history")
    assert exists.returncode == 0, f"docs/ci.md names rev {rev}, which this repository lacks"
    assert "argmap-lint" in git("show", f"{rev}:.pre-commit-hooks.yaml", cwd=REPO)
    clone = tmp_path / "argmap"
    git("clone", "-q", "--no-checkout", str(REPO), str(clone), cwd=tmp_path)
    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)
    (project / "claims" / "a.yaml").write_text(FAILING)
    config = {"repos": [{"repo": str(clone), "rev": rev, "hooks": [{"id": "argmap-lint"}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "claims/a.yaml:3:41: AM102" in done.stdout
