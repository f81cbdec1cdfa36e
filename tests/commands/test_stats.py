"""``argmap stats``: text and JSON, -o, and the shipped map."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SHIPPED_MAP, MapWriter, RunCli

DEBATE = """\
parties:
  pro: {name: Prosecution}
  def: {name: Defence}
  press: {name: Press}
sources: {speech: {title: Speech}}
claims:
  - {id: charge, party: pro, kind: allegation, text: They met., cite: {source: speech}}
  - {id: letter, party: pro, kind: allegation, text: A letter., against: def}
  - {id: plot, party: pro, kind: allegation, text: A plot., ignore: {AM201: no answer known}}
  - {id: rumour, party: press, kind: allegation, text: A rumour., ignore: {unanswered: open}}
  - {id: denial, party: def, text: They never met., rebuts: charge, cite: {source: speech}}
  - {id: doubt, party: pro, text: The denial is late., rebuts: denial}
  - {id: diary, party: def, kind: evidence, text: A diary., supports: denial}
  - {id: forged, party: pro, text: The diary is forged., undercuts: "diary -> denial"}
  - {id: aside, party: press, text: An aside.}
  - {id: press-answer, party: press, text: No letter., rebuts: letter}
  - {id: bad, party: def, text: Dangling., rebuts: [nothing], supports: denial}
"""


def test_json_gives_every_number(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"map.yaml": DEBATE})
    code, out, err = run_cli("stats", root, "--format", "json")
    assert (code, err) == (0, "")
    numbers = json.loads(out)
    assert set(numbers) == {
        "title",
        "claims",
        "relations",
        "allegations",
        "longest_rebuttal_chain",
        "isolated",
        "without_citation",
    }
    assert numbers["relations"] == {"supports": 2, "rebuts": 3, "undercuts": 1}
    assert numbers["allegations"]["total"]["acknowledged"] == 2


def test_text_is_a_readable_report(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"map.yaml": DEBATE})
    code, out, _ = run_cli("stats", root)
    assert code == 0
    assert "claims: 11 (4 allegation, 6 claim, 1 evidence)" in out
    assert "relations: 2 supports, 3 rebuts, 1 undercuts" in out
    assert "allegations: 4 (1 answered, 1 unanswered, 2 acknowledged as unanswered)" in out
    assert "longest rebuttal chain: 2 rebuttal(s): doubt rebuts denial rebuts charge" in out
    assert "isolated claims: 3: aside, plot, rumour" in out
    lines = out.splitlines()
    assert lines[1:5] == [
        "  party  allegation  claim  evidence  total",
        "  def             0      2         1      3",
        "  press           1      2         0      3",
        "  pro             3      2         0      5",
    ]
    assert "  pro           1           1             1      3" in lines


def test_cycles_are_shown_in_braces(write_map: MapWriter, run_cli: RunCli) -> None:
    cycle = "party: p\nclaims:\n  - {id: a, text: A, rebuts: b}\n  - {id: b, text: B, rebuts: a}\n"
    root = write_map({"m.yaml": cycle})
    code, out, _ = run_cli("stats", root)
    assert code == 0
    assert "longest rebuttal chain: 0 rebuttal(s): {a, b}" in out
    assert "rebuttal cycles: 1" in out


def test_output_file_and_load_problems(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"map.yaml": DEBATE, "broken.yaml": "claims: [\n"})
    target = tmp_path / "out" / "stats.json"
    code, out, err = run_cli("stats", root, "--format", "json", "-o", target)
    assert (code, out) == (0, "")
    assert "warning: 1 problem(s) loading the map" in err
    assert json.loads(target.read_text())["claims"]["total"] == 11


def test_refuses_to_overwrite_a_claim_file(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"map.yaml": DEBATE})
    code, _, err = run_cli("stats", root, "-o", root / "map.yaml")
    assert code == 2
    assert "refusing to overwrite claim file" in err
    assert (root / "map.yaml").read_text().startswith("parties:")


def test_a_missing_map_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    code, _, err = run_cli("stats", tmp_path / "nowhere")
    assert code == 2
    assert err.count("\n") == 1 and "no such file or directory" in err


def test_the_shipped_map(run_cli: RunCli) -> None:
    code, out, _ = run_cli("stats", SHIPPED_MAP, "--format", "json")
    numbers = json.loads(out)
    assert code == 0
    assert numbers["claims"]["total"] > 0
    assert numbers["allegations"]["total"]["total"] == numbers["claims"]["by_kind"]["allegation"]
