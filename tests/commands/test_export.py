"""``argmap export``: each format to -o or standard output; errors as one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from argmap.commands.export import EXPORTERS
from tests.conftest import MapWriter, RunCli

MAP = """\
parties:
  pro: {name: Prosecution}
claims:
  - id: a
    party: pro
    text: A.
  - id: b
    party: pro
    text: B.
    supports: a
"""


ABSTRACT = {"apx", "tgf", "i23"}


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_writes_a_file(
    fmt: str, run_cli: RunCli, write_map: MapWriter, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": MAP})
    out = tmp_path / f"map.{fmt}"
    code, stdout, stderr = run_cli("export", root, "--to", fmt, "-o", out)
    assert (code, stdout, stderr) == (0, "", "")
    text = out.read_text(encoding="utf-8")
    # Claim formats carry the text; abstract frameworks (ICCMA) carry only arguments.
    assert "B." in text if fmt not in ABSTRACT else ("b" in text and "B." not in text)


def test_standard_output_and_formats(run_cli: RunCli, write_map: MapWriter, tmp_path: Path) -> None:
    root = write_map({"a.yaml": MAP})
    code, stdout, _ = run_cli("export", root, "--to", "json")
    assert code == 0
    graph = nx.node_link_graph(json.loads(stdout), edges="edges")
    assert list(graph.edges(data="relation")) == [("b", "a", "supports")]
    code, stdout, _ = run_cli("export", root, "--to", "aif")
    assert {n["type"] for n in json.loads(stdout)["nodes"]} == {"I", "L", "YA", "RA"}
    code, stdout, _ = run_cli("export", root, "--to", "graphml", "-o", "-")
    path = tmp_path / "g.graphml"
    path.write_text(stdout, encoding="utf-8")
    assert set(nx.read_graphml(path).nodes) == {"a", "b"}


def test_the_attack_graph_exports_as_iccma_frameworks(
    run_cli: RunCli, write_map: MapWriter, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": MAP + "  - {id: c, party: pro, text: C., rebuts: a}\n"})
    code, apx, _ = run_cli("export", root, "--to", "apx")
    assert code == 0 and "arg(a)." in apx and "att(c,a)." in apx
    code, tgf, _ = run_cli("export", root, "--to", "tgf")
    assert code == 0 and "c a" in tgf.split("#", 1)[1]
    code, i23, _ = run_cli("export", root, "--to", "i23")
    assert code == 0 and i23.splitlines()[0].startswith("p af ")
    for fmt, text in (("apx", apx), ("tgf", tgf), ("i23", i23)):
        path = tmp_path / f"map.{fmt}"
        path.write_text(text, encoding="utf-8")
        code, out, _ = run_cli("analyse", path, "--semantics", "grounded", "--format", "json")
        assert code == 0 and json.loads(out)["out"] == ["a"], fmt


def test_an_unknown_format_is_a_usage_error(run_cli: RunCli, write_map: MapWriter) -> None:
    root = write_map({"a.yaml": MAP})
    code, stdout, stderr = run_cli("export", root, "--to", "svgz")
    assert code == 2 and stdout == ""
    assert stderr == (
        "argmap: error: unknown format: 'svgz' (must be one of "
        "['aif', 'apx', 'argdown', 'graphml', 'i23', 'json', 'tgf'])\n"
    )


def test_a_missing_map_or_a_claim_file_as_output(
    run_cli: RunCli, write_map: MapWriter, tmp_path: Path
) -> None:
    code, _, stderr = run_cli("export", tmp_path / "nowhere", "--to", "json")
    assert code == 2 and stderr.count("\n") == 1 and "nowhere" in stderr
    root = write_map({"a.yaml": MAP})
    code, _, stderr = run_cli("export", root, "--to", "json", "-o", root / "a.yaml")
    assert code == 2 and "refusing to overwrite claim file" in stderr
    assert "B." in (root / "a.yaml").read_text(encoding="utf-8")


def test_a_map_with_problems_is_exported_with_a_warning(
    run_cli: RunCli, write_map: MapWriter
) -> None:
    root = write_map({"a.yaml": MAP, "b.yaml": "claims: [{id: c, text: no party}]\n"})
    code, stdout, stderr = run_cli("export", root, "--to", "json")
    assert code == 0 and "B." in stdout
    assert stderr.startswith("argmap: warning: 1 problem(s) loading the map")


def test_adding_a_format_is_one_line() -> None:
    for module, function, description in EXPORTERS.values():
        assert module.startswith("argmap.formats.")
        assert function.startswith(("generate_", "export_"))
        assert description
