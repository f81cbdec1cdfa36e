"""A map written to the spec by hand (tests/fixtures/unseen) gets exactly the findings
the spec implies. The expectation below was derived by reading claim-format.md and the
claim files, line by line, not by copying argmap's output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from argmap.lint import lint
from argmap.loading.build import load
from tests.conftest import RunCli

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"

EXPECTED = {
    # parties.yaml: the source 'letters' names a text that is not there (a warning)
    ("AM303", "parties.yaml", 12, 49),
    # council.yaml
    ("AM201", "council.yaml", 14, 5),  # never-audited: only the clerk answers; against treasurer
    ("AM202", "council.yaml", 19, 5),  # greed -> motive -> greed; greed comes first
    ("AM102", "council.yaml", 21, 24),  # greed supports 'hid-acounts'
    ("AM301", "council.yaml", 25, 5),  # fair-profit: evidence without cite
    ("AM204", "council.yaml", 31, 13),  # chair-was-wrong rebuts the council's own evidence
    ("AM206", "council.yaml", 31, 13),  # ... evidence the council relies on (it supports
    # hid-accounts): the council defeats its own allegation (issue 13, self-defeating)
    ("AM002", "council.yaml", 32, 5),  # 'tag' is not a key ('tags' is)
    ("AM201", "council.yaml", 33, 5),  # old-grudge: unanswered, acknowledged
    ("AM203", "council.yaml", 33, 5),  # old-grudge: no relation at all
    ("AM302", "council.yaml", 36, 36),  # a quote the minutes do not contain
    ("AM105", "council.yaml", 39, 7),  # ignore of AM301, but old-grudge cites a source
    # treasurer.yaml
    ("AM101", "treasurer.yaml", 22, 5),  # a second 'motive'
    ("AM201", "treasurer.yaml", 25, 5),  # council-lost-money: nobody answers it
    ("AM103", "treasurer.yaml", 27, 14),  # against 'councl'
}


def found(findings: list) -> set[tuple[str, str, int, int]]:  # type: ignore[type-arg]
    return {
        (f.code, Path(os.path.relpath(f.span.path, UNSEEN)).as_posix(), f.span.line, f.span.column)
        for f in findings
    }


def test_exactly_the_findings_the_spec_implies() -> None:
    findings = lint(load(UNSEEN))
    assert found(findings) == EXPECTED
    assert len(findings) == len(EXPECTED)  # no duplicates at one place


def test_the_messages_name_what_a_user_needs() -> None:
    by_place = {(f.code, Path(f.span.path).name, f.span.line): f for f in lint(load(UNSEEN))}
    assert (
        by_place["AM202", "council.yaml", 19].message
        == "circular support: greed -> motive -> greed"
    )
    assert "did you mean 'hid-accounts'?" in by_place["AM102", "council.yaml", 21].message
    assert f"{UNSEEN / 'council.yaml'}:22:5" in by_place["AM101", "treasurer.yaml", 22].message
    assert "no claim of 'treasurer'" in by_place["AM201", "council.yaml", 14].message
    assert "did you mean 'council'?" in by_place["AM103", "treasurer.yaml", 27].message
    assert "did you mean 'tags'?" in by_place["AM002", "council.yaml", 32].message
    assert "closest passage" in by_place["AM302", "council.yaml", 36].message
    acknowledged = by_place["AM201", "council.yaml", 33]
    assert acknowledged.acknowledged == "the treasurer has not replied to this yet"
    assert [f for f in by_place.values() if f.acknowledged] == [acknowledged]
    warnings = {code for (code, *_), f in by_place.items() if f.severity == "warning"}
    assert warnings == {"AM203", "AM204", "AM301", "AM303", "AM105"}


def test_the_command_line_fails_the_run(run_cli: RunCli) -> None:
    code, out, err = run_cli("lint", "--no-config", UNSEEN)
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == "Found 9 error(s), 5 warning(s), 1 acknowledged."
    code, out, _ = run_cli("lint", "--no-config", "--format", "json", UNSEEN)
    assert len(json.loads(out)) == len(EXPECTED)
