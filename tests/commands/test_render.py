"""``argmap render``: formats by suffix, filters, errors as one line, atomic writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_MAP, MapWriter, RunCli, needs_dot

SVG = "{http://www.w3.org/2000/svg}"

MAP = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
claims:
  - {id: charge, party: pros, kind: allegation, against: def, text: The charge., tags: [core]}
  - {id: proof, party: pros, kind: evidence, text: The proof., supports: charge}
  - {id: reply, party: def, text: The reply., rebuts: charge}
  - {id: doubt, party: def, text: The proof is forged., undercuts: "proof -> charge"}
  - {id: motive, party: pros, kind: allegation, against: def, text: A motive., tags: [side]}
  - {id: aside, party: def, text: Unrelated.}
"""


@pytest.fixture
def mapdir(write_map: MapWriter) -> Path:
    return write_map({"m.yaml": MAP})


def claim_ids(svg: Path) -> list[str]:
    root = ET.parse(svg).getroot()
    return [
        g.get("id", "")[len("claim-") :]
        for g in root.iter(f"{SVG}g")
        if g.get("id", "").startswith("claim-") and "node" in g.get("class", "").split()
    ]


@needs_dot
@pytest.mark.dot
def test_svg_of_the_whole_map(run_cli: RunCli, mapdir: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    code, stdout, stderr = run_cli("render", mapdir, "-o", out)
    assert (code, stdout, stderr) == (0, "", "")
    assert claim_ids(out) == ["charge", "proof", "reply", "doubt", "motive", "aside"]
    root = ET.parse(out).getroot()
    classes = [set(g.get("class", "").split()) for g in root.iter(f"{SVG}g")]
    assert sum("edge" in c for c in classes) == 4  # proof->point->charge, reply, doubt
    assert sum({"edge", "supports"} <= c for c in classes) == 2
    assert sum({"edge", "rebuts"} <= c for c in classes) == 1
    assert sum({"edge", "undercuts"} <= c for c in classes) == 1
    assert sum({"node", "unanswered"} <= c for c in classes) == 1  # motive


@pytest.mark.parametrize("suffix", ["dot", "mmd", "md"])
def test_text_formats(run_cli: RunCli, mapdir: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"map.{suffix}"
    assert run_cli("render", mapdir, "-o", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    first = {"dot": "digraph argmap {", "mmd": "flowchart BT", "md": "# Argument map"}[suffix]
    assert text.startswith(first)


def test_options_reach_the_drawing(run_cli: RunCli, mapdir: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.dot"
    code, _, _ = run_cli("render", mapdir, "-o", out, "--rankdir", "lr", "--group", "party")
    assert code == 0
    text = out.read_text()
    assert "rankdir=LR" in text and text.count("subgraph cluster_") == 2
    assert run_cli("render", mapdir, "-o", out, "--no-legend")[0] == 0
    assert "legend [" not in out.read_text()


@needs_dot
@pytest.mark.dot
def test_focus_and_filters_keep_the_right_subgraph(
    run_cli: RunCli, mapdir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "part.svg"
    assert run_cli("render", mapdir, "-o", out, "--focus", "proof", "--depth", "1")[0] == 0
    assert claim_ids(out) == ["charge", "proof", "doubt"]
    assert run_cli("render", mapdir, "-o", out, "--only-unanswered")[0] == 0
    assert claim_ids(out) == ["motive"]
    assert run_cli("render", mapdir, "-o", out, "--tag", "core")[0] == 0
    assert claim_ids(out) == ["charge", "proof", "reply", "doubt"]
    assert run_cli("render", mapdir, "-o", out, "--party", "def")[0] == 0
    assert claim_ids(out) == ["charge", "proof", "reply", "doubt", "aside"]
    # the view is filtered; the answer to 'charge' is still judged on the whole map
    assert run_cli("render", mapdir, "-o", out, "--focus", "charge", "--depth", "0")[0] == 0
    root = ET.parse(out).getroot()
    (charge,) = [g for g in root.iter(f"{SVG}g") if g.get("id") == "claim-charge"]
    assert "unanswered" not in (charge.get("class") or "").split()


def test_usage_errors_are_one_line_exit_2(run_cli: RunCli, mapdir: Path, tmp_path: Path) -> None:
    cases = {
        ("-o", str(tmp_path / "m.svgz")): "argmap: error: unknown format: 'svgz' (must be one of",
        ("-o", str(tmp_path / "m.svg"), "--focus", "chrage"): (
            "argmap: error: no claim 'chrage' in the map (did you mean 'charge'?)"
        ),
        ("-o", str(tmp_path / "m.svg"), "--party", "defense"): "argmap: error: no party 'defense'",
        ("-o", str(tmp_path / "m.svg"), "--depth", "3"): "argmap: error: --depth needs --focus",
        (
            "-o",
            str(mapdir / "m.yml"),
        ): "argmap: error: unknown format: 'yml'",
    }
    for args, message in cases.items():
        code, stdout, stderr = run_cli("render", mapdir, *args)
        assert code == 2 and stdout == ""
        assert stderr.startswith(message), stderr
        assert stderr.count("\n") == 1
    assert not list(tmp_path.glob("m.*"))


def test_never_over_a_claim_file(run_cli: RunCli, write_map: MapWriter) -> None:
    mapdir = write_map({"m.dot": "# not yaml\n", "m.yaml": MAP})
    claim_file = mapdir / "m.yaml"
    before = claim_file.read_bytes()
    # a claim file can only be overwritten through a suffix that is also a format;
    # a symlink named .dot pointing at it must be refused too
    link = mapdir.parent / "link.dot"
    link.symlink_to(claim_file)
    code, _, stderr = run_cli("render", mapdir, "-o", link)
    assert code == 2 and "refusing to overwrite claim file" in stderr
    assert claim_file.read_bytes() == before


@needs_dot
@pytest.mark.dot
def test_a_failed_render_leaves_the_previous_file_and_no_temporary(
    run_cli: RunCli, mapdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.draw.render

    out = tmp_path / "out" / "map.svg"
    out.parent.mkdir()
    out.write_text("previous")
    monkeypatch.setattr(argmap.draw.render, "DOT_TIMEOUT", 1e-6)  # the real dot, stopped at once
    code, _, stderr = run_cli("render", mapdir, "-o", out)
    assert code == 2 and stderr.startswith("argmap: error: Graphviz's dot took more than")
    assert out.read_text() == "previous"
    assert [p.name for p in out.parent.iterdir()] == ["map.svg"]
    fresh = tmp_path / "out" / "new.png"
    assert run_cli("render", mapdir, "-o", fresh)[0] == 2
    assert not fresh.exists() and [p.name for p in out.parent.iterdir()] == ["map.svg"]


@needs_dot
def test_a_map_too_large_is_drawn_as_its_overview(
    run_cli: RunCli, write_map: MapWriter, tmp_path: Path
) -> None:
    lines = ["parties: {p: {name: P}}", "claims:"]
    lines += [f"  - {{id: c{n}, party: p, text: claim {n}, supports: c0}}" for n in range(1, 320)]
    lines.append("  - {id: c0, party: p, text: the root}")
    mapdir = write_map({"big.yaml": "\n".join(lines) + "\n"}, directory="big")
    out = tmp_path / "big.svg"
    code, _, stderr = run_cli("render", mapdir, "-o", out)
    assert code == 0
    assert "320 claims are more than one drawing can show readably" in stderr
    assert "--focus ID" in stderr and "--force" in stderr
    svg = out.read_text()
    assert 'class="node line' in svg and "320 claims" in svg
    code, _, stderr = run_cli("render", mapdir, "-o", tmp_path / "big.md")
    assert code == 2 and "320 claims are too many to lay out readably" in stderr
    assert run_cli("render", mapdir, "-o", tmp_path / "big.dot")[0] == 0  # no layout
    mermaid = tmp_path / "big.mmd"
    code, _, stderr = run_cli("render", mapdir, "-o", mermaid, "--focus", "c5", "--depth", "1")
    assert code == 0, stderr
    assert re.findall(r'\("<b>(c\d+)</b>', mermaid.read_text()) == ["c5", "c0"]
    assert run_cli("render", mapdir, "-o", mermaid, "--focus", "c5")[0] == 2  # depth 2: all
    assert run_cli("render", mapdir, "-o", mermaid, "--force")[0] == 0
    assert mermaid.read_text().count('("<b>c') == 320


def test_missing_graphviz_from_the_command_line(mapdir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}

    def argmap(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "argmap", *map(str, args)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    failed = argmap("render", mapdir, "-o", tmp_path / "map.svg")
    assert failed.returncode == 2
    assert failed.stderr == (
        "argmap: error: Graphviz's dot was not found: install it with "
        "'apt-get install graphviz' (or 'brew install graphviz'), or write .dot or .mmd, "
        "which need no Graphviz\n"
    )
    assert not (tmp_path / "map.svg").exists()
    for suffix in ("dot", "mmd"):
        done = argmap("render", mapdir, "-o", tmp_path / f"map.{suffix}")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / f"map.{suffix}").stat().st_size > 0


@needs_dot
@pytest.mark.dot
def test_the_shipped_map_draws_every_claim(run_cli: RunCli, tmp_path: Path) -> None:
    from argmap.loading.build import load

    amap = load(SHIPPED_MAP)
    out = tmp_path / "moscow.svg"
    assert run_cli("render", SHIPPED_MAP, "-o", out)[0] == 0
    assert sorted(claim_ids(out)) == sorted(amap.claim_by_id)


def test_a_map_with_loading_problems_is_drawn_with_one_warning_line(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map(
        {
            "a.yaml": "parties: {p: {name: P}}\nclaims:\n  - {id: a, party: p, text: A.}\n",
            "b.yaml": "claims: [{id: b, text: no party here}]\n",
        }
    )
    code, _, err = run_cli("render", root, "-o", tmp_path / "m.dot")
    assert code == 0 and (tmp_path / "m.dot").exists()
    assert err.startswith("argmap: warning: 1 problem(s) loading the map, the first at ")
    assert "b.yaml:1:" in err and "what loaded is drawn" in err and err.count("\n") == 1
