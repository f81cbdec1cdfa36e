"""docs/ci.md and docs/github-actions.yml: the commands and settings they show work."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
CI_MD = REPO / "docs" / "ci.md"
WORKFLOW = REPO / "docs" / "github-actions.yml"
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

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


def workflow_steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"]["security-events"] == "write"
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    assert set(triggers) == {"push", "pull_request"}
    (job,) = workflow["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_the_workflow_lints_to_sarif_and_uploads_it(project: Path) -> None:
    steps = workflow_steps()
    lint = next(s for s in steps if s.get("id") == "lint")
    assert lint["run"] == "argmap lint --format sarif -o argmap.sarif claims/"
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "argmap.sarif"
    assert "!cancelled()" in upload["if"]  # uploaded when the lint fails too
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

    annotate = steps[-1]
    done = argmap(annotate["run"], project)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=claims/a.yaml,line=")


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
    claim_example, pre_commit = blocks("yaml")
    (claim,) = yaml.safe_load(claim_example)["claims"]
    assert claim["ignore"] == {"AM201": "the defence answers this at the next hearing"}
    (repo,) = yaml.safe_load(pre_commit)["repos"]
    (hook,) = repo["hooks"]
    (manifest,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == manifest["id"]
