"""``argmap import``: claim files from AIF (or JSON), findings in lint's form, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEED_TEXT, SHIPPED_MAP, MapWriter, RunCli, needs_shared

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "aif"


def test_import_aif_then_lint(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, report, summary = run_cli("import", "aif", FIXTURES / "dialogue.json", "-o", out)
    assert code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml")) == [
        "claims/bob-smith.yaml",
        "claims/wilma-jones.yaml",
        "map.yaml",
    ]
    lines = report.splitlines()
    assert lines[0].startswith(f"{FIXTURES / 'dialogue.json'}:11:6: AIF006 RA node 20 links")
    assert lines[-1] == "Found 0 error(s), 5 warning(s), 0 acknowledged."
    assert summary.startswith("argmap: imported 8 claims, 6 relations and 2 parties")
    text = (out / "claims" / "wilma-jones.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Imported by 'argmap import aif' from dialogue.json.\n")
    code, lint_report, _ = run_cli("lint", out)
    assert code == 0, lint_report


def test_what_was_left_out_fails_the_run(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, report, _ = run_cli(
        "import", "aif", FIXTURES / "messy.json", "-o", out, "--report-format", "json"
    )
    assert code == 1
    findings = json.loads(report)
    assert {f["code"] for f in findings} >= {"AIF001", "AIF002", "AIF003", "AIF005", "AIF014"}
    assert all(f["path"] == str(FIXTURES / "messy.json") for f in findings)
    code, lint_report, _ = run_cli("lint", out)
    assert code == 0, lint_report  # what was imported is sound


def test_not_aif_is_one_line_and_exit_2(run_cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "notes.json"
    source.write_text('{"title": "not a map"}', encoding="utf-8")
    code, stdout, stderr = run_cli("import", "aif", source, "-o", tmp_path / "out")
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"argmap: error: {source}: not AIF JSON: expected an object with a 'nodes' list "
        "(and 'edges', 'locutions')\n"
    )
    assert not (tmp_path / "out").exists()
    source.write_bytes(b"\xff\xfe{")
    code, _, stderr = run_cli("import", "aif", source, "-o", tmp_path / "out")
    assert code == 2 and stderr == f"argmap: error: {source}: not UTF-8 text (byte 1)\n"
    code, _, stderr = run_cli("import", "aif", tmp_path / "missing.json", "-o", tmp_path / "out")
    assert code == 2 and "cannot read" in stderr and stderr.count("\n") == 1


def test_a_directory_that_is_not_empty(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep me", encoding="utf-8")
    code, _, stderr = run_cli("import", "aif", FIXTURES / "dialogue.json", "-o", out)
    assert code == 2 and "is not empty" in stderr and "--force" in stderr
    code, _, _ = run_cli("import", "aif", FIXTURES / "dialogue.json", "-o", out, "--force")
    assert code == 0 and (out / "map.yaml").exists()
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_an_unknown_format(run_cli: RunCli, tmp_path: Path) -> None:
    code, _, stderr = run_cli("import", "ova", FIXTURES / "dialogue.json", "-o", tmp_path / "o")
    assert code == 2
    assert (
        stderr
        == "argmap: error: unknown format: 'ova' (must be one of ['aif', 'argdown', 'json'])\n"
    )


def test_json_export_then_import(run_cli: RunCli, write_map: MapWriter, tmp_path: Path) -> None:
    root = write_map(
        {
            "a.yaml": """\
            parties: {p: {name: P}, q: {name: Q}}
            claims:
              - {id: a, party: p, kind: allegation, text: "no"}
              - {id: b, party: q, text: "012", rebuts: a}
            """
        }
    )
    exported = tmp_path / "map.json"
    assert run_cli("export", root, "--to", "json", "-o", exported)[0] == 0
    code, report, _ = run_cli("import", "json", exported, "-o", tmp_path / "again")
    assert code == 0, report
    code, stdout, _ = run_cli("export", tmp_path / "again", "--to", "json")
    nodes = {n["id"]: n for n in json.loads(stdout)["nodes"]}
    assert (nodes["a"]["text"], nodes["a"]["kind"], nodes["b"]["text"]) == (
        "no",
        "allegation",
        "012",
    )


def test_import_json_never_writes_outside_the_output_directory(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A party id such as '../../x' would name a file outside -o DIR: refused, nothing written."""
    code, _, _ = run_cli("export", SHIPPED_MAP, "--to", "json", "-o", tmp_path / "map.json")
    assert code == 0
    data = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    for node in data["nodes"]:
        if node.get("party") == "trotsky":
            node["party"] = "../../escape/pwned"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli("import", "json", tmp_path / "bad.json", "-o", tmp_path / "out" / "x")
    assert code == 2 and out == ""
    assert "party '../../escape/pwned' is not a valid id" in err and err.count("\n") == 1
    assert not (tmp_path / "escape").exists() and not (tmp_path / "out").exists()


SEED_DIR = SEED_TEXT.parent


@needs_shared(SEED_TEXT)
def test_import_json_keeps_source_texts_reachable_from_the_new_files(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """A source's text path is relative to its file: the import rebases it to the new map."""
    code, _, _ = run_cli("export", SHIPPED_MAP, "--to", "json", "-o", tmp_path / "map.json")
    assert code == 0
    code, _, _ = run_cli("import", "json", tmp_path / "map.json", "-o", tmp_path / "copy")
    assert code == 0
    code, out, _ = run_cli("lint", tmp_path / "copy", "--source-root", SEED_DIR, "--format", "json")
    codes = {finding["code"] for finding in json.loads(out)}
    assert code == 0 and not codes & {"AM302", "AM303", "AM304"}, codes


@needs_shared(SEED_TEXT)
def test_the_aif_round_trip_still_checks_quotes(run_cli: RunCli, tmp_path: Path) -> None:
    """Source texts travel in argmap's AIF extension: the imported map checks its quotes."""
    exported = tmp_path / "map.aif.json"
    code, _, _ = run_cli("export", SHIPPED_MAP, "--to", "aif", "-o", exported)
    assert code == 0

    def codes_after_import(name: str) -> set[str]:
        code, _, err = run_cli("import", "aif", exported, "-o", tmp_path / name)
        assert code == 0, err
        code, out, _ = run_cli(
            "lint", tmp_path / name, "--no-config", "--source-root", SEED_DIR, "--format", "json"
        )
        return {finding["code"] for finding in json.loads(out)}

    assert not codes_after_import("copy") & {"AM302", "AM303", "AM304"}
    document = json.loads(exported.read_text(encoding="utf-8"))
    cited = next(n for n in document["nodes"] if n.get("argmap", {}).get("cite"))
    quote = next(c for c in cited["argmap"]["cite"] if c.get("quote"))
    quote["quote"] += " and this was never written"
    exported.write_text(json.dumps(document), encoding="utf-8")
    assert "AM302" in codes_after_import("spoiled")  # the quote is checked, and fails


def test_an_aif_source_text_that_cannot_be_found_is_reported(
    run_cli: RunCli, tmp_path: Path
) -> None:
    document = {
        "nodes": [{"nodeID": "1", "text": "A claim.", "type": "I", "argmap": {"id": "c"}}],
        "edges": [],
        "argmap": {
            "version": 2,
            "sources": {"s": {"title": "S", "text": "gone.txt", "path": "elsewhere/map.yaml"}},
        },
    }
    (tmp_path / "in.json").write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = run_cli("import", "aif", tmp_path / "in.json", "-o", tmp_path / "out")
    assert code == 0 and "source 's': its text 'gone.txt' is not found" in out
