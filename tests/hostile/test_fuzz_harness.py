"""The fuzzers of fuzz/ run with every test run, at the bounded ``ci`` profile.

They live outside tests/ so that they can also run for hours (``ARGMAP_FUZZ=long``);
here they run once, in a subprocess under the same limits as every hostile run.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

from .conftest import WALL_SECONDS, limit_resources


def test_the_fuzzers_find_nothing_at_the_ci_profile() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "fuzz"],
        cwd=REPO,
        env={**os.environ, "ARGMAP_FUZZ": "ci"},
        capture_output=True,
        text=True,
        preexec_fn=limit_resources,
        timeout=WALL_SECONDS,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
    assert " passed" in completed.stdout and "failed" not in completed.stdout
