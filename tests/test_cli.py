"""The command line: exit codes, options, formats, errors as one line, atomic -o."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap import __version__
from argmap.lint import registry
from argmap.schema import schema_json
from tests.conftest import MapWriter, RunCli

CLEAN = """\
parties: {pro: {name: Prosecution}, def: {name: Defence}}
sources: {speech: {title: Speech}}
claims:
  - {id: charge, party: pro, kind: allegation, text: They met., cite: {source: speech}}
  - {id: denial, party: def, text: They never met., rebuts: charge}
"""
WARNINGS_ONLY = CLEAN + "  - {id: aside, party: pro, text: A remark.}\n"  # AM203
FAILING = (
    WARNINGS_ONLY + "  - {id: open, party: pro, kind: allegation, text: Open., rebuts: gone}\n"
)


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("argmap: error: ")
    return lines[0]


def test_exit_codes_0_clean_1_failing(write_map: MapWriter, run_cli: RunCli) -> None:
    code, out, err = run_cli("lint", write_map({"a.yaml": CLEAN}, "clean"))
    assert (code, out, err) == (0, "No problems found.\n", "")
    root = write_map({"a.yaml": FAILING}, "failing")
    code, out, _ = run_cli("lint", root)
    assert code == 1
    path = root / "a.yaml"
    assert out.splitlines() == [
        f"{path}:6:5: AM203 claim 'aside' has no relation; link it with supports, rebuts or "
        "undercuts [warning]",
        f"{path}:7:5: AM201 allegation 'open' is unanswered: no claim of any other party rebuts "
        "or undercuts it",
        f"{path}:7:5: AM301 allegation 'open' cites no source; add cite: {{source: ..., quote: "
        f"...}} [warning]",
        f"{path}:7:67: AM102 'rebuts' names no claim 'gone'",
        "Found 2 error(s), 2 warning(s), 0 acknowledged.",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("lint",),
        ("lint", "--select", "AM9", "{map}"),
        ("lint", "--ignore", "nonsense", "{map}"),
        ("lint", "--format", "xml", "{map}"),
        ("lint", "--fail-on", "info", "{map}"),
        ("lint", "--explain", "AM999"),
        ("lint", "--explain", "AM2"),
        ("lint", "--bogus", "{map}"),
        ("lint", "{map}/nowhere"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    write_map: MapWriter, run_cli: RunCli, args: tuple[str, ...]
) -> None:
    root = write_map({"a.yaml": CLEAN})
    code, out, err = run_cli(*(a.format(map=root) for a in args))
    assert code == 2
    assert out == ""
    one_line_error(err)


def test_usage_error_messages_say_what_is_allowed(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"a.yaml": CLEAN})
    err = run_cli("lint", "--select", "AM9", root)[2]
    assert "unknown rule 'AM9'" in err and "AM201" in err
    err = run_cli("lint", "--format", "xml", root)[2]
    assert "'xml'" in err and "sarif" in err
    assert "no such file or directory" in run_cli("lint", root / "nowhere")[2]
    assert "needs a PATH" in run_cli("lint")[2]


def test_no_command_prints_help_and_exits_2(run_cli: RunCli) -> None:
    code, _, err = run_cli()
    assert code == 2 and "lint" in err


def test_version(run_cli: RunCli) -> None:
    assert run_cli("--version")[:2] == (0, f"argmap {__version__}\n")


def test_python_dash_m_and_the_console_script(write_map: MapWriter) -> None:
    root = write_map({"a.yaml": FAILING})
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "--version"], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stdout) == (0, f"argmap {__version__}\n")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lint", "--format", "json", str(root)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert {f["code"] for f in json.loads(done.stdout)} == {"AM102", "AM201", "AM203", "AM301"}
    script = Path(sys.executable).with_name("argmap")
    if script.exists():
        done = subprocess.run(
            [script, "lint", str(root / "nowhere")], capture_output=True, text=True, env=env
        )
        assert done.returncode == 2
        one_line_error(done.stderr)


@pytest.mark.parametrize(
    ("options", "codes", "exit_code"),
    [
        ((), {"AM102", "AM201", "AM203", "AM301"}, 1),
        (("--select", "AM201"), {"AM201"}, 1),
        (("--select", "AM2"), {"AM201", "AM203"}, 1),
        (("--select", "isolated,missing-citation"), {"AM203", "AM301"}, 0),
        (("--select", "AM1", "--select", "AM3"), {"AM102", "AM301"}, 1),
        (("--ignore", "AM2,AM102"), {"AM301"}, 0),
        (("--ignore", "unanswered", "--ignore", "am1"), {"AM203", "AM301"}, 0),
        (("--select", "ALL", "--ignore", "AM1,AM2,AM3"), set(), 0),
        (("--fail-on", "warning", "--select", "AM3"), {"AM301"}, 1),
    ],
)
def test_select_ignore_and_fail_on(
    write_map: MapWriter,
    run_cli: RunCli,
    options: tuple[str, ...],
    codes: set[str],
    exit_code: int,
) -> None:
    root = write_map({"a.yaml": FAILING})
    code, out, err = run_cli("lint", "--format", "json", "--no-config", *options, root)
    assert err == ""
    assert {f["code"] for f in json.loads(out)} == codes
    assert code == exit_code


def test_warnings_fail_only_with_fail_on_warning(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"a.yaml": WARNINGS_ONLY})
    assert run_cli("lint", root)[0] == 0
    assert run_cli("lint", "--fail-on", "warning", root)[0] == 1


def test_acknowledged_findings_do_not_fail_and_show_their_reason(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root = write_map(
        {
            "a.yaml": CLEAN
            + "  - id: open\n    party: pro\n    kind: allegation\n    text: Open.\n"
            "    cite: {source: speech}\n    supports: charge\n"
            "    ignore: {AM201: the defence answers later}\n"
        }
    )
    code, out, _ = run_cli("lint", "--fail-on", "warning", root)
    assert code == 0
    assert "AM201 allegation 'open' is unanswered" in out
    assert "[acknowledged: the defence answers later]" in out
    code, out, _ = run_cli("lint", "--format", "json", root)
    (finding,) = json.loads(out)
    assert (finding["acknowledged"], finding["reason"]) == (True, "the defence answers later")


def test_list_rules_and_explain(run_cli: RunCli) -> None:
    code, out, _ = run_cli("lint", "--list-rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "summary"]
    assert [line.split()[0] for line in lines[1:]] == list(registry())
    assert any(line.split()[:3] == ["AM201", "unanswered", "error"] for line in lines)
    assert any(line.split()[:3] == ["AM303", "source-text-missing", "warning"] for line in lines)

    code, out, _ = run_cli("lint", "--explain", "AM201")
    assert code == 0
    assert out.startswith("AM201 unanswered (error)\n\nAn allegation that no other party answers.")
    for heading in ("## What it does", "## Why is this bad?", "## Example"):
        assert heading in out
    assert run_cli("lint", "--explain", "friendly-fire")[1].startswith("AM204 friendly-fire")
    assert run_cli("lint", "--explain", "am302")[1].startswith("AM302 quote-not-found")


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_output_file_is_written_atomically_with_the_report(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    root = write_map({"a.yaml": FAILING})
    code, expected, _ = run_cli("lint", "--format", fmt, root)
    target = tmp_path / "reports" / f"argmap.{fmt}"
    code_o, out, err = run_cli("lint", "--format", fmt, "-o", target, root)
    assert (code_o, out, err) == (code, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary left
    if fmt in ("json", "sarif"):
        json.loads(expected)
    if fmt == "github":
        assert all(line.startswith(("::error ", "::warning ")) for line in expected.splitlines())


def test_output_never_overwrites_a_claim_file(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"a.yaml": FAILING})
    code, out, err = run_cli("lint", "-o", root / "a.yaml", root)
    assert code == 2 and out == ""
    assert "refusing to overwrite claim file" in one_line_error(err)
    assert (root / "a.yaml").read_text(encoding="utf-8") == FAILING


def test_a_failed_write_leaves_nothing_behind(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": FAILING})
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("old")
    code, out, err = run_cli("lint", "-o", target, root)
    assert code == 2 and out == ""
    assert f"cannot write {target}" in one_line_error(err)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map", "out"]  # no temporary file


def test_an_internal_error_is_one_line_and_exit_2(
    write_map: MapWriter, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> str:
        raise RuntimeError("a bug\nwith two lines")

    monkeypatch.setattr(importlib.import_module("argmap.lint.report"), "render", broken)
    code, _, err = run_cli("lint", write_map({"a.yaml": CLEAN}))
    assert code == 2
    assert one_line_error(err) == (
        "argmap: error: internal error: RuntimeError: a bug (please report this)"
    )


TEXTS = (
    "sources:\n  s: {title: S, text: ../texts/s.txt}\n"
    "parties: {p: {name: P}, q: {name: Q}}\n"
    "claims:\n  - {id: e, party: p, kind: evidence, text: E., cite: {source: s, quote: hello}}\n"
    "  - {id: f, party: q, text: F., rebuts: e}\n"
)


def test_source_root_trusts_a_directory_outside_the_map(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": TEXTS}, "project/claims")
    (tmp_path / "project" / "texts").mkdir()
    (tmp_path / "project" / "texts" / "s.txt").write_text("well, hello there")
    code, out, _ = run_cli("lint", "--no-config", root)
    assert code == 1 and "AM304" in out
    assert run_cli("lint", "--no-config", "--source-root", tmp_path / "project" / "texts", root)[
        :2
    ] == (0, "No problems found.\n")
    (tmp_path / "project" / "pyproject.toml").write_text(
        '[tool.argmap]\nsource-roots = ["texts"]\n'
    )
    assert run_cli("lint", root)[:2] == (0, "No problems found.\n")
    assert run_cli("lint", "--no-config", root)[0] == 1


def test_configuration_select_ignore_and_fail_on(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": FAILING}, "project/claims")
    pyproject = tmp_path / "project" / "pyproject.toml"
    pyproject.write_text('[tool.argmap]\nselect = ["AM2", "AM3"]\nignore = ["unanswered"]\n')
    code, out, _ = run_cli("lint", "--format", "json", root)
    assert ({f["code"] for f in json.loads(out)}, code) == ({"AM203", "AM301"}, 0)
    pyproject.write_text('[tool.argmap]\nselect = ["AM3"]\nfail-on = "warning"\n')
    assert run_cli("lint", root)[0] == 1
    assert run_cli("lint", "--fail-on", "error", root)[0] == 0  # the command line wins
    code, out, _ = run_cli("lint", "--select", "AM1", "--format", "json", root)
    assert {f["code"] for f in json.loads(out)} == {"AM102"}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[tool.argmap]\nselect = ["AM7"]\n', "[tool.argmap] select: unknown rule 'AM7'"),
        ('[tool.argmap]\nignore = ["nope"]\n', "[tool.argmap] ignore: unknown rule 'nope'"),
        ("[tool.argmap]\ncolour = 1\n", "unknown key 'colour' in [tool.argmap]"),
    ],
)
def test_configuration_errors_name_the_file_and_key(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path, text: str, fragment: str
) -> None:
    root = write_map({"a.yaml": CLEAN}, "project/claims")
    pyproject = tmp_path / "project" / "pyproject.toml"
    pyproject.write_text(text)
    code, _, err = run_cli("lint", root)
    assert code == 2
    line = one_line_error(err)
    assert f"{pyproject}:2: " in line and fragment in line
    assert run_cli("lint", "--no-config", root)[0] == 0


def test_schema_command(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("schema") == (0, schema_json(), "")
    assert run_cli("schema", "-o", tmp_path / "s.json")[0] == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == schema_json()


def test_a_directory_without_claim_files_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a claim file", encoding="utf-8")
    code, out, err = run_cli("lint", tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("argmap: error: no claim files (*.yaml, *.yml) in ")
    assert err.count("\n") == 1


def test_severity_overrides_and_per_file_ignores_change_the_exit_code(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"drafts/a.yaml": FAILING}, "project/claims")
    settings = tmp_path / "project" / "argmap.toml"
    assert run_cli("lint", root)[0] == 1
    settings.write_text('severity = {AM201 = "warning", AM102 = "warning"}\n')
    code, out, _ = run_cli("lint", root)
    assert code == 0 and "0 error(s), 4 warning(s)" in out
    assert run_cli("lint", "--fail-on", "warning", root)[0] == 1
    settings.write_text('per-file-ignores = {"claims/drafts/*.yaml" = ["AM201", "AM1"]}\n')
    code, out, _ = run_cli("lint", "--format", "json", root)
    assert (code, {f["code"] for f in json.loads(out)}) == (0, {"AM203", "AM301"})
    settings.write_text('extend-ignore = ["AM2"]\nignore = ["AM102"]\n')
    code, out, _ = run_cli("lint", "--format", "json", root)
    assert (code, {f["code"] for f in json.loads(out)}) == (0, {"AM301"})
    assert run_cli("lint", "--no-config", root)[0] == 1
    other = tmp_path / "strict.toml"
    other.write_text('fail-on = "warning"\nselect = ["AM3"]\n')
    assert run_cli("lint", "--config", other, root)[0] == 1
    assert run_cli("lint", "--config", other, "--select", "AM203", "--exit-zero", root)[0] == 0


def test_quiet_statistics_and_exit_zero(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"a.yaml": FAILING})
    code, out, _ = run_cli("lint", "-q", root)
    assert code == 1 and len(out.splitlines()) == 4 and "Found" not in out
    code, out, _ = run_cli("lint", "--statistics", root)
    assert out.splitlines() == [
        "1  AM102 dangling-reference",
        "1  AM201 unanswered-allegation",
        "1  AM203 isolated-claim",
        "1  AM301 missing-citation",
        "Found 2 error(s), 2 warning(s), 0 acknowledged.",
    ] or out.splitlines()[-1].startswith("Found 2 error(s)")
    assert len(out.splitlines()) == 5 and all(" AM" in line for line in out.splitlines()[:4])
    assert run_cli("lint", "--exit-zero", root)[0] == 0
    assert run_cli("lint", "--quiet", write_map({"a.yaml": CLEAN}, "clean"))[:2] == (0, "")


def colour_run(root: Path, *options: str, **env: str) -> str:
    clean_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "lint", *options, str(root)],
        capture_output=True,
        text=True,
        env={**clean_env, **env},
    )
    return done.stdout


def test_colour_follows_force_color_no_color_and_the_option(write_map: MapWriter) -> None:
    root = write_map({"a.yaml": FAILING})
    assert "\x1b[" in colour_run(root, FORCE_COLOR="1")
    assert "\x1b[" not in colour_run(root, NO_COLOR="1", FORCE_COLOR="1")
    assert "\x1b[" not in colour_run(root)  # a pipe is not a terminal
    assert "\x1b[" in colour_run(root, "--color", "always", NO_COLOR="1")
    assert "\x1b[" not in colour_run(root, "--color", "never", FORCE_COLOR="1")
    plain = colour_run(root)
    coloured = colour_run(root, FORCE_COLOR="1")
    assert plain.splitlines()[0] in coloured.replace("\x1b[1m", "").replace("\x1b[0m", "") or (
        "AM203" in coloured
    )


@pytest.mark.parametrize("fmt", ["gitlab", "junit"])
def test_gitlab_and_junit_reports(write_map: MapWriter, run_cli: RunCli, fmt: str) -> None:
    import xml.etree.ElementTree as ET

    root = write_map({"a.yaml": FAILING})
    code, out, _ = run_cli("lint", "--format", fmt, root)
    assert code == 1
    if fmt == "gitlab":
        issues = json.loads(out)
        assert {i["check_name"].split()[0] for i in issues} == {"AM102", "AM201", "AM203", "AM301"}
        assert {i["severity"] for i in issues} == {"major", "minor"}
        assert len({i["fingerprint"] for i in issues}) == 4
        assert all(i["location"]["lines"]["begin"] >= 1 for i in issues)
    else:
        suite = ET.fromstring(out).find("testsuite")
        assert suite is not None
        assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "2", "2")
        clean = run_cli("lint", "--format", fmt, write_map({"a.yaml": CLEAN}, "clean"))
        assert ET.fromstring(clean[1]).find("testsuite").get("failures") == "0"  # type: ignore[union-attr]


MISSPELT = """\
# The defence's answers. This comment must survive --fix.
parties: {pro: {name: Prosecution}, defence: {name: Defence}}
sources: {speech: {title: Speech}}
claims:
  - id: charge          # the charge itself
    party: pro
    kind: allegation
    text: They met.
    cite: {source: speech}
  - {id: denial, party: defense, text: They never met., rebuts: [chrage]}   # two typos
"""


def test_fix_repairs_misspelt_references_and_keeps_comments(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root = write_map({"a.yaml": MISSPELT})
    path = root / "a.yaml"
    code, diff, _ = run_cli("lint", "--diff", root)
    assert code == 1
    assert "-  - {id: denial, party: defense, text: They never met., rebuts: [chrage]}" in diff
    assert "+  - {id: denial, party: defence, text: They never met., rebuts: [charge]}" in diff
    assert path.read_text(encoding="utf-8") == MISSPELT  # --diff changes nothing
    code, out, err = run_cli("lint", "--fix", root)
    assert (code, out) == (0, "No problems found.\n") and "fixed 1 file" in err
    fixed = path.read_text(encoding="utf-8")
    assert fixed == MISSPELT.replace("defense", "defence").replace("[chrage]", "[charge]")
    assert [line for line in fixed.splitlines() if "#" in line] == [
        line.replace("defense", "defence").replace("chrage", "charge")
        for line in MISSPELT.splitlines()
        if "#" in line
    ]


def test_a_file_is_linted_within_its_map(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map(
        {
            "map.yaml": "parties: {pro: {name: P}, def: {name: D}}\n",
            "claims/pro.yaml": "party: pro\nclaims:\n  - {id: charge, kind: allegation,"
            " text: T.}\n",
            "claims/def.yaml": "party: def\nclaims:\n  - {id: denial, text: N., rebuts: charge}\n",
        }
    )
    code, out, _ = run_cli("lint", "--select", "AM1,AM2", root / "claims" / "def.yaml")
    assert (code, out) == (0, "No problems found.\n")
    code, out, _ = run_cli("lint", "--select", "AM1,AM2", root / "claims" / "pro.yaml")
    assert code == 0 and "def.yaml" not in out


def test_stdin_filename_lints_a_buffer_in_place_of_the_file(
    write_map: MapWriter, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    root = write_map({"a.yaml": CLEAN, "b.yaml": "party: def\nclaims: []\n"})
    buffer = "party: def\nclaims:\n  - {id: late, text: L., rebuts: chrage}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.encode())))
    code, out, _ = run_cli("lint", "--stdin-filename", root / "b.yaml", "-")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{root / 'b.yaml'}:3:") and "did you mean 'charge'" in lines[0]
    assert all("a.yaml" not in line for line in lines)
    assert (root / "b.yaml").read_text(encoding="utf-8") == "party: def\nclaims: []\n"
    assert run_cli("lint", "-")[0] == 2
    assert run_cli("lint", "--stdin-filename", "x.yaml", root)[0] == 2


def test_ci_formats_name_files_from_the_repository_root(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_map({"a.yaml": FAILING}, "repo/maps/trial")
    (tmp_path / "repo" / ".git").mkdir()
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    out = run_cli("lint", "--format", "github", "../maps/trial")[1]
    assert out and all(",".join(["file=maps/trial/a.yaml"]) in line for line in out.splitlines())
    document = json.loads(run_cli("lint", "--format", "sarif", "../maps/trial")[1])
    (run,) = document["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"maps/trial/a.yaml"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path / "repo").as_uri() + "/"
    out = run_cli("lint", "--format", "github", "--base-dir", "..", "../maps/trial")[1]
    assert "file=maps/trial/a.yaml," in out
    assert root.exists()


def test_acknowledged_findings_are_not_sarif_errors(write_map: MapWriter, run_cli: RunCli) -> None:
    acknowledged = CLEAN + (
        "  - {id: open, party: pro, kind: allegation, text: Open., cite: {source: speech},"
        " ignore: {AM201: answered at the next hearing}}\n"
    )
    root = write_map({"a.yaml": acknowledged})
    results = json.loads(run_cli("lint", "--format", "sarif", root)[1])["runs"][0]["results"]
    assert results == [] or all(r["ruleId"] != "AM201" for r in results)
    kept = json.loads(run_cli("lint", "--format", "sarif", "--keep-acknowledged", root)[1])
    (note,) = [r for r in kept["runs"][0]["results"] if r["ruleId"] == "AM201"]
    assert note["level"] == "note" and note["suppressions"][0]["kind"] == "inSource"


def test_export_takes_its_format_from_the_suffix(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": CLEAN})
    target = tmp_path / "map.graphml"
    assert run_cli("export", "-o", target, root)[0] == 0
    assert "<graphml" in target.read_text(encoding="utf-8")
    assert run_cli("export", "-o", tmp_path / "m.argdown", root)[0] == 0
    assert run_cli("export", "-o", tmp_path / "m.json", root)[0] == 0  # node-link JSON
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["directed"] is True
    code, _, err = run_cli("export", "-o", tmp_path / "m.txt", root)
    assert code == 2 and "--to" in one_line_error(err)
    code, _, err = run_cli("export", root)
    assert code == 2 and "--to FORMAT" in one_line_error(err)
    code, out, _ = run_cli("export", "--to", "tgf", "-o", "-", root)
    assert code == 0 and "#" in out


def test_render_writes_to_standard_output_without_o(write_map: MapWriter, run_cli: RunCli) -> None:
    root = write_map({"a.yaml": CLEAN})
    code, out, _ = run_cli("render", "--to", "mmd", root)
    assert code == 0 and out.startswith(("flowchart", "%%", "---", "graph"))
    code, out, _ = run_cli("render", "--to", "dot", "-o", "-", root)
    assert code == 0 and "digraph" in out


def test_importing_argdown_text_says_to_run_argdown_json_first(
    run_cli: RunCli, tmp_path: Path
) -> None:
    source = tmp_path / "debate.argdown"
    source.write_text("[Claim]: Text.\n")
    code, _, err = run_cli("import", "argdown", source, "-o", tmp_path / "out")
    assert code == 2 and "argdown json" in one_line_error(err)


def test_format_is_a_report_format_and_to_a_file_format(
    write_map: MapWriter, run_cli: RunCli
) -> None:
    root = write_map({"a.yaml": CLEAN})
    code, new, _ = run_cli("debate", "--moderator", "--to", "md", root)
    assert code == 0 and new
    assert run_cli("debate", "--moderator", "--format", "md", root)[:2] == (0, new)  # old spelling
    help_text = run_cli("debate", "--help")[1]
    assert "deprecated" in help_text and "--to" in help_text
