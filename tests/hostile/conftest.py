"""Run argmap as a stranger's pull request would meet it: a subprocess with bounded means.

Every hostile test goes through ``run_argmap``: ``python -m argmap`` in a child process
whose address space and CPU time are capped by ``setrlimit`` and whose wall time is
capped by ``subprocess.run``. A run that crashes (a signal: segfault, CPU limit), prints
a traceback, reports an internal error (MemoryError included) or outlives its bounds
fails the test, whatever else the test asserts.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest

MEMORY_LIMIT = 1 << 30
"""Address space of a run: 1 GiB (Python, libyaml and a map of several MB fit in it)."""
CPU_SECONDS = 60
"""CPU time of a run; generous, since 8 engineers share 2 cores, but finite."""
WALL_SECONDS = 240
"""Wall time of a run, for what does not use CPU (a blocked read, a sleep)."""


def limit_resources() -> None:
    """In the child, before exec: cap memory and CPU time; no core dumps."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


@dataclass(frozen=True)
class Run:
    """The outcome of one bounded argmap run."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    def findings(self) -> list[dict[str, Any]]:
        """The findings of a ``lint --format json`` run."""
        data: list[dict[str, Any]] = json.loads(self.stdout)
        return data

    def codes(self) -> set[str]:
        return {f["code"] for f in self.findings()}

    def of(self, code: str) -> list[dict[str, Any]]:
        return [f for f in self.findings() if f["code"] == code]


class RunArgmap(Protocol):
    """The ``run_argmap`` fixture: ``python -m argmap ARGS`` under the limits."""

    def __call__(
        self,
        *args: str | os.PathLike[str],
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> Run: ...


class LintJson(Protocol):
    """The ``lint_json`` fixture: ``argmap lint --no-config --format json`` of a map, bounded."""

    def __call__(self, path: Path, *options: str) -> Run: ...


def run_bounded(
    *args: str | os.PathLike[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """``python -m argmap ARGS`` under the limits; asserts it ended the way a tool should."""
    argv = [sys.executable, "-m", "argmap", *(os.fspath(a) for a in args)]
    try:
        completed = subprocess.run(
            argv,
            capture_output=True,
            preexec_fn=limit_resources,
            timeout=WALL_SECONDS,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"argmap {' '.join(argv[3:])[:200]} ran longer than {WALL_SECONDS} s")
    run = Run(
        tuple(argv[3:]),
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )
    if run.code < 0:
        name = signal.Signals(-run.code).name
        hint = " (CPU limit)" if name == "SIGXCPU" else ""
        pytest.fail(f"argmap was killed by {name}{hint}; stderr: {run.stderr[-500:]}")
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "internal error" not in run.stderr, run.stderr[-2000:]
    assert run.code in (0, 1, 2), run
    if run.code == 2:
        lines = run.stderr.strip().splitlines()
        assert lines and lines[-1].startswith("argmap: error: "), run.stderr
    return run


@pytest.fixture
def run_argmap() -> RunArgmap:
    """The bounded runner, as a fixture."""
    return run_bounded


@pytest.fixture
def lint_json(run_argmap: RunArgmap) -> LintJson:
    """``lint_json(path, *options)``: ``argmap lint --no-config --format json``, bounded."""

    def lint(path: Path, *options: str) -> Run:
        run = run_argmap("lint", "--no-config", "--format", "json", *options, path)
        assert run.code in (0, 1), run.stderr
        return run

    return lint
