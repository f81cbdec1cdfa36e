"""``read_argdown_json``: the model ``argdown json`` writes, to claims.

``tests/fixtures/argdown/energy.json`` is the output of the real CLI (``argdown json``,
@argdown/cli 2.0.0) for ``energy.argdown`` beside it, a map written by hand the way
Argdown users write: tags, nested sections, a reconstructed argument, an argument
without reconstruction, a contradiction, an undercut, a statement with no text.
The round trip from argmap through the CLI and back is in tests/export/test_argdown.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.formats.argdown.read import NotArgdownJSONError, read_argdown_json
from argmap.model import ArgMap

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "argdown" / "energy.json"
INSTALL = Path(__file__).resolve().parents[2] / "tools" / "argdown" / "install.sh"


def relations(amap: ArgMap) -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = {(r.source, r.kind, r.target) for r in amap.relations}
    for claim in amap.claims:
        found |= {(claim.id, "undercuts", u.label) for u in claim.undercuts}
    return found


def test_a_hand_written_argdown_map() -> None:
    amap, findings = read_argdown_json(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    claims = amap.claim_by_id
    assert set(claims) == {
        "Build",
        "Clean",
        "Waste",
        "Repository",
        "Renewables-only",
        "Long-life",
        "Low-fuel-cost",
        "Sixty-years-is-optimistic",
        "Untitled-claim-without-text",
    }
    assert claims["Build"].text == "The country should build two new nuclear plants."
    assert claims["Renewables-only"].note == "Argdown title: [Renewables only]."
    # parties from the first tag; nobody for a statement without tags
    assert {c.id for c in amap.claims if c.party == "greens"} == {
        "Waste",
        "Renewables-only",
        "Sixty-years-is-optimistic",
    }
    assert claims["Untitled-claim-without-text"].party == "unknown"
    assert claims["Untitled-claim-without-text"].text == "Untitled claim without text"
    assert relations(amap) == {
        ("Clean", "supports", "Build"),
        ("Waste", "rebuts", "Build"),
        ("Repository", "rebuts", "Waste"),
        ("Build", "rebuts", "Renewables-only"),  # a contradiction: both ways
        ("Renewables-only", "rebuts", "Build"),
        ("Long-life", "supports", "Build"),  # the reconstructed <Cheap power>
        ("Low-fuel-cost", "supports", "Build"),
        ("Sixty-years-is-optimistic", "undercuts", "Long-life -> Build"),
        ("Sixty-years-is-optimistic", "undercuts", "Low-fuel-cost -> Build"),
    }
    assert claims["Long-life"].tags == ("argdown-Cheap-power",)
    codes = sorted(f.code for f in findings)
    assert codes == ["ADN001", "ADN002", "ADN003", "ADN004", "ADN005", "ADN006"]
    left_out = [f.message for f in findings if f.severity == "error"]
    assert any("<Cost overruns>" in m for m in left_out)


@pytest.mark.parametrize(
    "text", ["nope", "[]", '{"statements": [], "relations": []}', '{"statements": {}}']
)
def test_other_documents_are_refused(text: str) -> None:
    with pytest.raises(NotArgdownJSONError, match=r"^x\.json"):
        read_argdown_json(text, "x.json")


def test_data_that_cannot_be_used_is_reported() -> None:
    document = {
        "statements": {
            "a": {"members": [{"text": "A.", "data": {"kind": "rumour", "against": "nobody"}}]}
        },
        "relations": [{"relationType": "undercut", "from": "a", "to": "a", "fromType": "x"}],
    }
    amap, findings = read_argdown_json(json.dumps(document), "x.json")
    assert [(c.id, c.kind, c.against) for c in amap.claims] == [("a", "claim", None)]
    assert {f.code for f in findings} == {"ADN002", "ADN004", "ADN007"}


@pytest.mark.node
def test_the_fixture_is_what_the_cli_writes(tmp_path: Path) -> None:
    """energy.json is regenerated from energy.argdown by the real CLI and reads the same."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed (scripts/setup node installs it)")
    install = subprocess.run([str(INSTALL)], capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-2000:]
    cli = install.stdout.strip().splitlines()[-1]
    source = FIXTURE.with_suffix(".argdown")
    run = subprocess.run(
        [cli, "json", str(source), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout
    fresh = (tmp_path / "energy.json").read_text(encoding="utf-8")
    assert read_argdown_json(fresh, "x.json") == read_argdown_json(
        FIXTURE.read_text(encoding="utf-8"), "x.json"
    )
