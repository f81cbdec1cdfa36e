"""Wherever labels reach readers, one sentence says what they do not measure."""

from __future__ import annotations

from pathlib import Path

from argmap.analysis.semantics import LABELS_DO_NOT_MEASURE
from tests.conftest import REPO, MapWriter, RunCli

MAP = """\
parties: {pro: {name: Prosecution}, def: {name: Defence}}
claims:
  - {id: charge, party: pro, kind: allegation, text: They met.}
  - {id: denial, party: def, text: They never met., rebuts: charge}
"""


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_sentence_names_evidence_and_the_last_speaker() -> None:
    assert "strength of the evidence" in LABELS_DO_NOT_MEASURE
    assert "speaks last wins" in LABELS_DO_NOT_MEASURE


def test_analyse_prints_it_under_the_title_of_a_maps_labelling(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root: Path = write_map({"a.yaml": MAP})
    for semantics in ("grounded", "preferred"):
        code, out, _ = run_cli("analyse", root, "--semantics", semantics)
        assert code == 0
        head = flat("\n".join(out.splitlines()[1:4]))
        assert head.startswith(flat(LABELS_DO_NOT_MEASURE))


def test_the_semantics_documentation_says_it() -> None:
    assert flat(LABELS_DO_NOT_MEASURE) in flat((REPO / "docs" / "semantics.md").read_text())
