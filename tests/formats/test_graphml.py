"""``generate_graphml``: GraphML that networkx (and so yEd, Gephi) reads back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from argmap.formats.graphml import generate_graphml
from argmap.loading.build import load
from tests.conftest import MapWriter

MAP = """\
map: {title: The <trial> & "after"}
parties:
  pro: {name: Prosecution, color: '#aa0010'}
  def: {name: Defence}
claims:
  - id: charge
    party: pro
    kind: allegation
    text: They plotted <script>alert(1)</script> & met.
    tags: [plot, "a, b"]
  - id: letter
    party: pro
    text: A letter.
    supports: charge
  - id: forged
    party: def
    text: The letter is forged.
    undercuts: letter -> charge
"""


def read_back(write_map: MapWriter, tmp_path: Path) -> nx.DiGraph:
    text = "".join(generate_graphml(load(write_map({"a.yaml": MAP}))))
    path = tmp_path / "map.graphml"
    path.write_text(text, encoding="utf-8")
    graph = nx.read_graphml(path)
    assert isinstance(graph, nx.DiGraph)
    return graph


def test_attributes_survive(write_map: MapWriter, tmp_path: Path) -> None:
    graph = read_back(write_map, tmp_path)
    charge = graph.nodes["charge"]
    assert charge["text"] == "They plotted <script>alert(1)</script> & met."
    assert (charge["party"], charge["kind"], charge["type"]) == ("pro", "allegation", "claim")
    assert json.loads(charge["tags"]) == ["plot", "a, b"]
    assert charge["label"] == "charge"
    assert (charge["r"], charge["g"], charge["b"]) == (0xAA, 0x00, 0x10)
    assert charge["line"] == 6
    assert "note" not in charge  # None is left out, not written as "None"
    assert "r" not in graph.nodes["forged"]  # the Defence has no colour
    assert graph.edges["letter", "charge"]["relation"] == "supports"
    assert graph.edges["letter", "charge"]["label"] == "supports"
    inference = graph.nodes["letter->charge"]
    assert (inference["type"], inference["source"], inference["target"]) == (
        "inference",
        "letter",
        "charge",
    )
    assert graph.edges["forged", "letter->charge"]["relation"] == "undercuts"
    assert graph.graph["title"] == 'The <trial> & "after"'
    assert json.loads(graph.graph["parties"])["pro"]["name"] == "Prosecution"


def test_it_is_well_formed_graphml(write_map: MapWriter) -> None:
    text = "".join(generate_graphml(load(write_map({"a.yaml": MAP}))))
    root = ET.fromstring(text.encode("utf-8"))
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.tag == f"{namespace}graphml"
    [graph] = root.findall(f"{namespace}graph")
    assert graph.get("edgedefault") == "directed"
    assert len(graph.findall(f"{namespace}node")) == 4
    assert len(graph.findall(f"{namespace}edge")) == 2
    kinds = {key.get("attr.type") for key in root.findall(f"{namespace}key")}
    assert kinds <= {"string", "long", "int", "double", "boolean"}
