"""The shipped map's later record: a dated layer that changes the chapter only when asked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap.dates import parse_period, period_or_none
from argmap.history import is_said_by, said_period
from argmap.loading.build import load
from argmap.model import Span
from tests.conftest import REPO, RunCli

CLAIMS = REPO / "claims"
MAP = CLAIMS / "moscow-1936"
LAYER = MAP / "later-record.yaml"
CHAPTER_DATE = "1937-01-03"


def _findings(run_cli: RunCli, *args: str | Path) -> list[tuple[str, int, int, str, str]]:
    _, out, _ = run_cli("lint", "--format", "json", *args)
    found: list[dict[str, Any]] = json.loads(out)
    return sorted(
        (Path(f["path"]).name, f["line"], f["column"], f["code"], f["message"]) for f in found
    )


def test_lint_as_of_the_chapter_reports_what_the_chapter_alone_does(run_cli: RunCli) -> None:
    chapter_files = sorted(p for p in MAP.glob("*.yaml") if p != LAYER)
    as_of = _findings(run_cli, "--as-of", CHAPTER_DATE, CLAIMS)
    chapter = _findings(run_cli, *chapter_files)
    assert as_of == chapter
    assert _findings(run_cli, CLAIMS) != chapter  # the layer is there, and linted


def test_diff_names_what_the_later_record_changes(run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "diff", "--as-of", CHAPTER_DATE, "--to", "1990", MAP, "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    layer = {c.id for c in load(MAP).claims if c.span.path.endswith("later-record.yaml")}
    added = {c["id"] for c in data["claims"]["added"]}
    assert added and added <= layer
    bearings = {b["id"]: b for b in data["bearings"]}
    allegations = {i for i, b in bearings.items() if b["kind"] == "allegation"}
    # the Commission's findings rebut the case; Broué's documents support the 1932 steps
    assert {"zinoviev-trotsky-alliance", "trotsky-letter-1932", "union-decision-1932"} <= (
        allegations
    )
    assert any(w["how"] == "rebutted by" for w in bearings["zinoviev-trotsky-alliance"]["weakened"])
    assert bearings["trotsky-letter-1932"]["strengthened"]
    # ... and weaken Trotsky's denial of contact
    trotsky_weakened = {i for i, b in bearings.items() if b["party"] == "trotsky" and b["weakened"]}
    assert "no-contact-after-1927" in trotsky_weakened
    _, text, _ = run_cli("diff", "--as-of", CHAPTER_DATE, "--to", "1990", MAP)
    assert "no-contact-after-1927 (trotsky): its step to zinoviev-trotsky-alliance undercut" in text


def test_every_claim_of_the_layer_cites_a_dated_source_with_a_locator() -> None:
    amap = load(MAP)
    layer = [c for c in amap.claims if c.span.path.endswith("later-record.yaml")]
    assert len(layer) >= 8
    for claim in layer:
        dated = [
            c
            for c in claim.cite
            if c.at
            and c.source in amap.source_by_id
            and period_or_none(amap.source_by_id[c.source].date) is not None
        ]
        assert dated, f"{claim.id} cites no dated source with a locator"
        said = said_period(claim, amap)
        assert not is_said_by(said, parse_period(CHAPTER_DATE)), claim.id


def in_layer(span: Span) -> bool:
    return span.path.endswith("later-record.yaml")


def test_the_layer_has_its_own_parties_and_dated_sources() -> None:
    amap = load(MAP)
    parties = {p.id for p in amap.parties if in_layer(p.span)}
    chapter_parties = {c.party for c in amap.claims if not in_layer(c.span)}
    assert parties and not parties & chapter_parties
    assert {c.party for c in amap.claims if in_layer(c.span)} <= parties
    for source in amap.sources:
        if in_layer(source.span):
            assert period_or_none(source.date) is not None, source.id
