"""Start-up: ``argmap --version`` and ``argmap lint`` import no heavy module.

A lint on save or in a pre-commit hook must start at once, so networkx, graphviz,
clingo and the like are imported inside the commands that draw or analyse, never on
the way to ``lint``. Checked in a fresh interpreter by what is in ``sys.modules``
(not by timing; bench/run.py measures the time).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SHIPPED_MAP, MapWriter

HEAVY = (
    "networkx",
    "graphviz",
    "clingo",
    "jsonschema",
    "jinja2",
    "markdown_it",
    "playwright",
    "numpy",
    "scipy",
    "termcolor",  # only when colour is on
    "coloraide",  # only for party colours off the palettes (AM210)
)

# Runs argmap's entry point as the console script does, then names the heavy modules
# that were imported, on the last line of standard error.
PROBE = """
import sys
from argmap.cli import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[0].split(",")))
sys.stderr.write("\\nimported: " + " ".join(heavy) + "\\n")
raise SystemExit(code)
"""


def imported_by(*args: str | Path, cwd: Path = REPO) -> tuple[int, list[str]]:
    """Exit code of ``argmap ARGS`` and the heavy modules it imported."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.replace("sys.argv[0]", repr(",".join(HEAVY))),
            *map(str, args),
        ],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("imported:"), result.stderr
    return result.returncode, last.removeprefix("imported:").split()


def small_map(write_map: MapWriter) -> Path:
    text = "The accused met in 1932. Nothing of the kind happened, said the defence.\n"
    root: Path = write_map(
        {
            "meta.yaml": """
                parties: {prosecution: {name: P}, defence: {name: D}}
                sources: {speech: {title: S, text: speech.txt}}
            """,
            "claims.yaml": """
                party: prosecution
                claims:
                  - id: met
                    kind: allegation
                    text: They met.
                    cite: {source: speech, quote: "The accused met in 1932."}
                  - id: never
                    party: defence
                    text: They did not.
                    rebuts: met
                    cite: {source: speech, quote: "Nothing of the kind happend"}
            """,
            "speech.txt": text,
        }
    )
    return root


def test_version_imports_nothing_heavy() -> None:
    code, heavy = imported_by("--version")
    assert code == 0
    assert heavy == []


@pytest.mark.parametrize("report", ["text", "json", "github", "sarif", "gitlab", "junit"])
def test_lint_imports_nothing_heavy(write_map: MapWriter, report: str) -> None:
    code, heavy = imported_by("lint", small_map(write_map), "--format", report)
    assert code == 1  # the misquote fails the run: the whole lint ran, quotes included
    assert heavy == []


def test_lint_list_rules_and_explain_import_nothing_heavy() -> None:
    assert imported_by("lint", "--list-rules") == (0, [])
    assert imported_by("lint", "--explain", "AM302") == (0, [])


def test_lint_of_the_shipped_map_imports_nothing_heavy() -> None:
    code, heavy = imported_by("lint", SHIPPED_MAP)
    assert code in (0, 1)
    assert heavy == []


def test_the_probe_sees_a_heavy_import(write_map: MapWriter) -> None:
    """The check can fail: a command that needs the clingo solver does import it."""
    pytest.importorskip("clingo")
    code, heavy = imported_by("analyse", small_map(write_map), "--semantics", "preferred")
    assert code == 0
    assert "clingo" in heavy


def test_colour_imports_termcolor_only_when_it_is_on(write_map: MapWriter) -> None:
    root = small_map(write_map)
    assert "termcolor" not in imported_by("lint", root, "--color", "never")[1]
    assert "termcolor" in imported_by("lint", root, "--color", "always")[1]
