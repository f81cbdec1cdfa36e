"""``lint --fix``: the safe fixes are text edits at the findings' places, nothing else."""

from __future__ import annotations

from pathlib import Path

from argmap import lint, load
from argmap.fix import apply, edits_for, unified_diff

MAP = """\
parties: {pro: {name: Prosecution}, defence: {name: Defence}}   # two sides
claims:
  - id: charge
    party: pro
    kind: allegation
    text: They met.
  - id: denial
    party: "defense"        # quoted, with a comment
    txt: They never met.
    rebuts: ['chrage']
  - {id: aside, party: defence, text: Unrelated., rebuts: zzzzzz}   # no close id
"""


def test_each_fix_replaces_only_the_misspelt_name(tmp_path: Path) -> None:
    path = tmp_path / "map" / "a.yaml"
    path.parent.mkdir()
    path.write_text(MAP, encoding="utf-8")
    findings = lint(load(path.parent))
    edits = edits_for(findings)
    assert {(e.old, e.new) for e in edits} == {
        ("'chrage'", "'charge'"),
        ('"defense"', '"defence"'),
        ("txt", "text"),  # a misspelt key
    }
    changed = apply(edits)
    (before, after) = changed[str(path)]
    assert before == MAP
    assert after.splitlines()[7] == '    party: "defence"        # quoted, with a comment'
    assert after.splitlines()[8] == "    text: They never met."
    assert after.splitlines()[9] == "    rebuts: ['charge']"
    assert "zzzzzz" in after  # no suggestion, no edit
    changed_lines = [
        (a, b) for a, b in zip(MAP.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed_lines) == len(edits)
    diff = unified_diff(changed)
    assert diff.startswith(f"--- a/{path}\n+++ b/{path}\n")


def test_acknowledged_findings_and_moved_text_are_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "map" / "a.yaml"
    path.parent.mkdir()
    path.write_text(MAP, encoding="utf-8")
    findings = lint(load(path.parent))
    assert edits_for([f.acknowledge("on purpose") for f in findings]) == []
    edits = edits_for(findings)
    path.write_text(MAP.replace("chrage", "other!"), encoding="utf-8")  # the file changed since
    after = apply(edits).get(str(path), ("", path.read_text(encoding="utf-8")))[1]
    assert "other!" in after
