"""Paths that are not maps (issue 20, item 16): each is one clear line, exit 2 or a
finding, never an internal error; and the library says the same without the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.loading.build import MapNotFoundError, load


def run_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "lint", "--no-config", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr + result.stdout


def test_an_empty_path_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("party: p\nclaims: [{id: a, text: A.}]\n")
    with pytest.raises(MapNotFoundError, match="empty path"):
        load("")
    result = run_lint("", cwd=tmp_path)
    assert_clean_failure(result, 2)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "a.yaml" not in result.stdout, "the working directory is not linted"


def test_a_path_that_is_a_symbolic_link_loop(tmp_path: Path) -> None:
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    with pytest.raises(MapNotFoundError, match="symbolic link loop"):
        load(tmp_path / "one")
    result = run_lint("one", cwd=tmp_path)
    assert result.returncode in (1, 2)
    assert_clean_failure(result, result.returncode)
    assert "link" in (result.stderr + result.stdout)


def test_a_path_of_five_thousand_characters(tmp_path: Path) -> None:
    long = "x" * 5000
    with pytest.raises(MapNotFoundError, match="path too long") as raised:
        load(long)
    assert len(str(raised.value)) < 200, "the message stays one short line"
    result = run_lint(long, cwd=tmp_path)
    assert_clean_failure(result, 2)
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_claim_file_that_cannot_be_read_is_a_finding(tmp_path: Path) -> None:
    # Root reads any file, whatever its mode: /proc/self/mem is a regular file that no
    # one can read from its start, which is what an unreadable claim file looks like.
    if not Path("/proc/self/mem").exists():
        pytest.skip("needs Linux's /proc")
    (tmp_path / "claims.yaml").symlink_to("/proc/self/mem")
    amap = load(tmp_path / "claims.yaml")
    (problem,) = amap.problems
    assert problem.code == "AM005" and "cannot read file" in problem.message
    assert amap.unparsed == (problem.span,), "its claims may be missing: checks hold back"
    result = run_lint("claims.yaml", cwd=tmp_path)
    assert_clean_failure(result, 1)
    assert "AM005" in result.stdout


def test_a_path_with_a_nul_character(tmp_path: Path) -> None:
    with pytest.raises(MapNotFoundError, match="NUL"):
        load(str(tmp_path) + "/a\x00b")


NAMES = st.text(
    st.characters(blacklist_characters="/.\x00", blacklist_categories=["Cs"]),
    min_size=1,
    max_size=300,
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(NAMES, min_size=1, max_size=30))
def test_any_path_loads_or_is_a_usage_error(
    tmp_path_factory: pytest.TempPathFactory, parts: list[str]
) -> None:
    root = tmp_path_factory.mktemp("paths")
    try:
        amap = load(root.joinpath(*parts))
    except MapNotFoundError as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 400
    else:  # pragma: no cover - a generated path does not exist
        assert amap.files == ()


def test_a_source_text_is_held_in_about_its_size(tmp_path: Path) -> None:
    # Issue 20, item 6: an 85 MB text cost 2.77 GB, so the 256 MiB cap admitted ~8 GiB.
    # Read and index a 30 MB text, check all kinds of quotes, and measure the process.
    words = [f"w{i}x" for i in range(40_000)]
    line = " ".join(words) + "\n"
    text = tmp_path / "text.txt"
    with text.open("w", encoding="utf-8") as handle:
        for _ in range(30_000_000 // len(line)):
            handle.write(line)
    program = f"""
import resource
from argmap.model import Source, Span
from argmap.sources import read_text
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
index = read_text(Source("s", "S", Span("x", 1, 1), {str(tmp_path)!r}, {str(tmp_path)!r},
                         text="text.txt"), ())
quotes = ["w1x w2x w3x w4x", "w5x w7x w9x w1x", "w3x"] * 500
index.contains_all(quotes)
index.contains_all_ignoring_hyphens(quotes)
index.closest_passages(quotes[:50])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    grown = int(result.stdout) * 1024  # ru_maxrss is in KiB on Linux
    size = text.stat().st_size
    assert grown < 5 * size, f"{grown / size:.1f} times the text's size"
