"""The grounded benchmark runs small (as CI runs it) and prints a consistent table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "grounded.py"


def test_the_benchmark_runs_small_and_its_counts_add_up() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--max-size", "2000", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["shape", "arguments", "attacks"]
    assert [row.split()[0] for row in rows] == ["chain", "random"]
    for row in rows:
        fields = row.split()
        arguments, in_, out, undec = int(fields[1]), *map(int, fields[-3:])
        assert arguments == 2000 and in_ + out + undec == arguments
    chain = rows[0].split()
    assert chain[-3:] == ["1000", "1000", "0"]  # a chain alternates in, out, in, ...
