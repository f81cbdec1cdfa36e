"""docs/ci.md and docs/github-actions.yml: the commands and settings they show work."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, SARIF_SCHEMA

CI_MD = REPO / "docs" / "ci.md"
WORKFLOW = REPO / "docs" / "github-actions.yml"

MAP = """\
parties: {p: {name: P}, q: {name: Q}}
claims:
  - {id: a, party: p, kind: allegation, text: A.}
  - {id: b, party: q, text: B., rebuts: missing}
"""


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", CI_MD.read_text(encoding="utf-8"), re.S)


def argmap(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    words = shlex.split(command, comments=True)
    assert words[0] == "argmap"
    return subprocess.run(
        [sys.executable, "-m", "argmap", *words[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for directory in ("claims", "maps/trial"):
        (tmp_path / directory).mkdir(parents=True)
        (tmp_path / directory / "a.yaml").write_text(MAP)
    (tmp_path / "pyproject.toml").write_text("[tool.argmap]\n")
    return tmp_path


def workflow() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def workflow_steps() -> list[dict[str, Any]]:
    document: dict[Any, Any] = workflow()
    assert document["permissions"] == {"contents": "read"}
    triggers: dict[str, Any] = document["on"] if "on" in document else document[True]
    assert set(triggers) == {"push", "pull_request"}
    (job,) = document["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_the_workflow_lints_to_sarif_and_uploads_it(project: Path) -> None:
    steps = workflow_steps()
    lint = next(s for s in steps if s.get("id") == "lint")
    assert lint["run"] == "argmap lint --format sarif -o argmap.sarif claims/"
    assert lint["continue-on-error"] is True  # the last step fails the job
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "argmap.sarif"
    assert "!cancelled()" in upload["if"]  # uploaded when the lint fails too
    assert "head.repo.full_name == github.repository" in upload["if"]  # not from a fork
    assert upload["continue-on-error"] is True  # no code scanning: the job goes on
    assert steps.index(lint) < steps.index(upload)

    done = argmap(lint["run"], project)
    assert done.returncode == 1 and done.stdout == ""
    document = json.loads((project / "argmap.sarif").read_text(encoding="utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {"claims/a.yaml"}
    if SARIF_SCHEMA.exists():
        import jsonschema

        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(document)

    annotate = next(s for s in steps if "--format github" in s.get("run", ""))
    assert annotate["if"] == "${{ !cancelled() && steps.upload.outcome != 'success' }}"
    done = argmap(annotate["run"], project)
    assert done.returncode == 0  # --exit-zero: the last step says whether the job fails
    assert done.stdout.startswith("::error file=claims/a.yaml,line=")
    last = steps[-1]
    assert last["if"] == "${{ steps.lint.outcome == 'failure' }}" and "exit 1" in last["run"]


def test_the_workflow_pins_actions_and_keeps_credentials() -> None:
    steps = workflow_steps()
    uses = [s["uses"] for s in steps if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses
    text = WORKFLOW.read_text(encoding="utf-8")
    for action in uses:
        line = next(line for line in text.splitlines() if action in line)
        assert re.search(r"# v\d+\.\d+\.\d+$", line), line  # the release, for a reader
    checkout = next(s for s in steps if s["uses"].startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    install = next(s for s in steps if s.get("name") == "Install argmap")
    assert "==" not in install["run"]  # not on PyPI: no version pin that cannot install
    assert "git+https://" in workflow()["env"]["ARGMAP"]


def actionlint() -> str | None:
    found = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    return found


@pytest.mark.skipif(
    actionlint() is None and not os.environ.get("CI"),
    reason="actionlint is not installed (scripts/setup test installs it)",
)
def test_the_workflow_passes_actionlint() -> None:
    executable = actionlint()
    assert executable is not None, "actionlint must be installed in CI (scripts/setup test)"
    done = subprocess.run(
        [executable, "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_no_install_instruction_names_a_release_that_does_not_exist() -> None:
    for path in (CI_MD, WORKFLOW, REPO / "README.md", REPO / ".pre-commit-hooks.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"argmap==\d", text), path
        assert not re.search(r"rev: v\d", text), path


def test_every_command_in_ci_md_runs(project: Path) -> None:
    commands = [
        line.strip()
        for block in blocks("sh")
        for line in block.splitlines()
        if line.strip().startswith("argmap ")
    ]
    assert len(commands) >= 7
    for command in commands:
        done = argmap(command, project)
        assert done.returncode in (0, 1), f"{command}: {done.stderr}"
        assert done.stderr == "", command


def test_the_configuration_example_is_valid(project: Path) -> None:
    (toml,) = blocks("toml")
    (project / "pyproject.toml").write_text(toml)
    (project / "sources").mkdir()
    done = argmap("argmap lint claims", project)
    assert done.returncode == 1 and done.stderr == ""
    assert "AM201" in done.stdout and "AM203" not in done.stdout  # ignore = ["AM203"]


def test_the_documented_ignore_and_pre_commit_snippets() -> None:
    claim_example, pre_commit, gitlab = blocks("yaml")
    assert "--format gitlab" in gitlab
    (claim,) = yaml.safe_load(claim_example)["claims"]
    assert claim["ignore"] == {"AM201": "the defence answers this at the next hearing"}
    (repo,) = yaml.safe_load(pre_commit)["repos"]
    (hook,) = repo["hooks"]
    (manifest,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == manifest["id"]


def test_every_file_the_docs_name_exists() -> None:
    """A reader sent to `argmap/x.py` or `tests/y.py` by the docs finds it there."""
    named = re.compile(r"`((?:argmap|tests|bench|scripts|docs|claims|fuzz)/[\w./-]+)`")
    pages = [REPO / "README.md", REPO / "SECURITY.md", *sorted((REPO / "docs").glob("*.md"))]
    missing = [
        f"{page.name}: {path}"
        for page in pages
        for path in named.findall(page.read_text(encoding="utf-8"))
        if not (REPO / path.rstrip(".")).exists()
    ]
    assert missing == []
