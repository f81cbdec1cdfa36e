"""The map as of a date: later claims leave, with the relations they make."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.history.as_of import as_of
from argmap.loading.build import load
from argmap.relations import relations_of
from tests.conftest import MapWriter, RunCli

LATER_ANSWER = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
  later: {name: A historian}
sources:
  trial: {title: The trial, date: "1936-08"}
  reply: {title: The reply, date: "1937-01-03"}
  study: {title: The study, date: "1980-01"}
claims:
  - id: charge
    party: pros
    kind: allegation
    text: They formed a bloc.
    cite: {source: trial, at: p 1}
  - id: motive
    party: pros
    kind: allegation
    text: Their motive was power.
    cite: {source: trial, at: p 2}
  - id: denial
    party: def
    text: There was no motive of power.
    rebuts: motive
    cite: {source: reply, at: p 3}
  - id: finding
    party: later
    text: The letters do not show a bloc of terror.
    rebuts: charge
    cite: {source: study, at: p 4}
"""


@pytest.fixture
def later_map(write_map: MapWriter) -> Path:
    return write_map({"map.yaml": LATER_ANSWER})


def test_later_claims_and_their_relations_leave(later_map: Path) -> None:
    full = load(later_map)
    early = as_of(full, "1937")
    assert [c.id for c in early.claims] == ["charge", "motive", "denial"]
    assert relations_of(early).status(early.claim_by_id["charge"]).status == "unanswered"
    assert relations_of(full).status(full.claim_by_id["charge"]).status == "answered"
    assert "later" not in early.party_by_id and "study" not in early.source_by_id


def test_before_anything_was_said_only_the_timeless_remain(later_map: Path) -> None:
    assert as_of(load(later_map), "1900").claims == ()


def test_a_date_after_everything_changes_nothing(later_map: Path) -> None:
    full = load(later_map)
    assert as_of(full, "2024-05-01") is full


def test_lint_as_of_reports_the_open_allegation_of_the_time(
    later_map: Path, run_cli: RunCli
) -> None:
    code, out, _ = run_cli("lint", "--as-of", "1937-01-03", later_map)
    assert code == 1 and "'charge' is unanswered" in out
    code, out, _ = run_cli("lint", later_map)
    assert code == 0, out


def test_stats_as_of_counts_what_was_said(later_map: Path, run_cli: RunCli) -> None:
    _, early, _ = run_cli("stats", "--as-of", "1937", later_map)
    _, today, _ = run_cli("stats", later_map)
    assert early.startswith("claims: 3 (2 allegation, 1 claim")
    assert today.startswith("claims: 4 (2 allegation, 2 claim")


def test_a_reference_to_a_later_claim_is_dangling_as_of_then(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    """An earlier claim cannot answer one not yet said: lint reports the reference."""
    text = LATER_ANSWER + "    supports: denial\n"  # the 1980 finding, rewritten...
    text = text.replace(
        "    rebuts: motive\n", "    rebuts: motive\n    supports: finding\n"
    )  # ... and the 1937 denial supports the 1980 finding
    root = write_map({"map.yaml": text})
    code, out, _ = run_cli("lint", "--as-of", "1937", "--select", "AM102", root)
    assert code == 1 and "'supports' names no claim 'finding'" in out


@pytest.mark.parametrize(
    "command",
    [["lint"], ["stats"], ["analyse"], ["render", "-o", "m.svg"], ["debate", "--side", "def"]],
)
@pytest.mark.parametrize("bad", ["1937-13", "January 1937", "1937-02-30"])
def test_a_bad_date_is_a_usage_error(
    later_map: Path, run_cli: RunCli, command: list[str], bad: str
) -> None:
    code, out, err = run_cli(*command, "--as-of", bad, later_map)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "--as-of" in err and "YYYY-MM-DD" in err
