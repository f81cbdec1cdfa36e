"""``argmap debate`` as a user runs it: role card by default, the lesson pack, the dossier
behind --dossier, --minutes, and a clear line when WeasyPrint is missing."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import SHIPPED_MAP, MapWriter, RunCli

COURT = {
    "court.yaml": """
        parties:
          pro: {name: The prosecution}
          def: {name: The defence}
        sources:
          rec: {title: The record}
        claims:
          - id: met-plotters
            party: pro
            kind: allegation
            against: def
            text: The accused met the plotters in 1932.
            cite: {source: rec, quote: "met them in the summer", at: p. 3}
          - id: abroad
            party: def
            text: The accused was abroad all of 1932.
            rebuts: met-plotters
    """
}


def test_a_side_gets_its_role_card_by_default(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map(COURT)
    code, out, err = run_cli("debate", root, "--side", "def")
    assert (code, err) == (0, "")
    assert out.startswith("# Role card: The defence")
    assert "met-plotters" not in out and "`" not in out  # no claim ids on a card
    code, out, err = run_cli("debate", root, "--side", "pro")
    assert (code, err) == (0, "")
    assert "**p. 3:** “met them in the summer”" in out


def test_the_dossier_is_behind_a_flag(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map(COURT)
    code, out, _ = run_cli("debate", root, "--side", "def", "--dossier")
    assert code == 0 and out.startswith("# Debate handout: The defence")
    assert "[`abroad`](#claim-abroad)" in out
    code, out, _ = run_cli("debate", root, "--moderator", "--dossier")
    assert code == 0 and out.startswith("# Moderator sheet")


@pytest.mark.parametrize("minutes", [20, 45, 60])
def test_the_lesson_pack_takes_the_minutes_asked(
    write_map: MapWriter, run_cli: RunCli, minutes: int
) -> None:
    code, out, _ = run_cli("debate", write_map(COURT), "--moderator", "--minutes", str(minutes))
    assert code == 0
    assert f"## Lesson plan ({minutes} minutes)" in out
    plan = out.split("## Lesson plan", 1)[1].split("## Roles", 1)[0]
    rows = re.findall(r"^\| \d+\N{EN DASH}\d+ \| (\d+) \|", plan, flags=re.M)
    assert sum(int(r) for r in rows) == minutes


@pytest.mark.parametrize("minutes", ["0", "4", "601"])
def test_a_lesson_too_short_or_too_long_is_a_usage_error(
    write_map: MapWriter, run_cli: RunCli, minutes: str
) -> None:
    code, out, err = run_cli("debate", write_map(COURT), "--moderator", "--minutes", minutes)
    assert code == 2 and out == ""
    assert "--minutes" in err and len(err.strip().splitlines()) == 1


def test_a_pdf_role_card_has_numbered_pages_and_a_title(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    target = tmp_path / "card.pdf"
    code, _, err = run_cli("debate", write_map(COURT), "--side", "pro", "-o", target)
    assert (code, err) == (0, "")
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert reader.metadata is not None
    assert (reader.metadata.title or "").startswith("Role card: The prosecution")
    assert "Page 1 of 1" in (reader.pages[0].extract_text() or "")


def test_without_weasyprint_a_pdf_is_one_clear_line(write_map: MapWriter, tmp_path: Path) -> None:
    # WeasyPrint made unimportable in a real run of the command, as when it is not installed.
    script = (
        "import sys; sys.modules['weasyprint'] = None\n"
        "from argmap.cli import main\n"
        f"sys.exit(main(['debate', {str(write_map(COURT))!r}, '--side', 'def', "
        f"'-o', {str(tmp_path / 'x.pdf')!r}]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "pip install 'argmap[pdf]'" in run.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_dossier_never_breaks_an_id_inside_a_word(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "moderator.pdf"
    code, _, err = run_cli("debate", SHIPPED_MAP, "--moderator", "--dossier", "-o", target)
    assert code == 0, err
    from argmap.loading.build import load

    ids = set(load(SHIPPED_MAP).claim_by_id)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    for page in reader.pages:
        lines = [line.split() for line in (page.extract_text() or "").splitlines() if line.split()]
        for before, after in itertools.pairwise(lines):
            joined = before[-1] + after[0]
            broken = joined.strip(",.:;()") in ids and not before[-1].endswith("-")
            assert not broken, f"{before[-1]!r} / {after[0]!r}"
