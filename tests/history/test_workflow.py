"""docs/github-actions-diff.yml: hardened, actionlint-clean, and its command works."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

WORKFLOW = REPO / "docs" / "github-actions-diff.yml"
ACTIONLINT = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")


def test_actions_are_pinned_by_sha_with_their_version() -> None:
    uses = re.findall(r"uses: (\S+)(.*)", WORKFLOW.read_text())
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), comment


def test_least_privilege() -> None:
    text = WORKFLOW.read_text()
    assert "permissions: {}" in text
    assert "persist-credentials: false" in text
    assert "pull_request_target" not in text
    for line in text.splitlines():
        if line.strip().startswith(("run:", "argmap ", "gh ")):
            assert "${{" not in line, line  # event data through env, never in a script


@pytest.mark.skipif(not Path(ACTIONLINT).exists(), reason="actionlint is not installed")
def test_actionlint_is_clean() -> None:
    done = subprocess.run([ACTIONLINT, str(WORKFLOW)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_it_runs_argmap_diff_on_the_two_revisions() -> None:
    text = WORKFLOW.read_text()
    assert 'argmap diff --rev "$BASE..$HEAD" "$MAP" --format markdown' in text
    assert "--fail-on new-unanswered" in text
    assert "fetch-depth: 0" in text
