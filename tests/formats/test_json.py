"""``generate_json`` / ``read_json``: node-link JSON with every attribute and span."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from argmap.formats.json import NotArgmapJSONError, generate_json, read_json
from argmap.graph import to_digraph
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import MapWriter

MAP = """\
map: {title: The trial, description: Who said what.}
parties:
  pro: {name: Prosecution, role: accuses, color: '#aa0000'}
  def: {name: Defence}
sources:
  speech: {title: Speech, author: Vyshinsky, date: '1936', url: 'https://example.org'}
claims:
  - id: charge
    party: pro
    kind: allegation
    against: def
    text: They plotted <in secret> & "met".
    cite: {source: speech, quote: plotted, at: p. 1}
    tags: [plot]
  - id: letter
    party: pro
    kind: evidence
    text: A letter.
    supports: charge
    note: For teachers.
  - id: denial
    party: def
    text: No letter was sent.
    rebuts: letter
    ignore: {AM203: fine}
  - id: forged
    party: def
    text: The letter is forged.
    undercuts: letter -> charge
"""


@pytest.fixture
def amap(write_map: MapWriter) -> ArgMap:
    return load(write_map({"a.yaml": MAP}))


def test_every_claim_attribute_and_span(amap: ArgMap) -> None:
    data = json.loads("".join(generate_json(amap)))
    nodes = {n["id"]: n for n in data["nodes"]}
    charge = nodes["charge"]
    assert charge["text"] == 'They plotted <in secret> & "met".'
    assert (charge["party"], charge["kind"], charge["against"]) == ("pro", "allegation", "def")
    assert charge["tags"] == ["plot"]
    assert charge["path"].endswith("a.yaml") and (charge["line"], charge["column"]) == (8, 5)
    [cite] = charge["cite"]
    assert (cite["source"], cite["quote"], cite["at"]) == ("speech", "plotted", "p. 1")
    assert (cite["line"], cite["column"]) == (13, 20)
    assert nodes["letter"]["note"] == "For teachers."
    assert nodes["denial"]["ignore"] == {"AM203": "fine"}
    assert nodes["letter->charge"] == {
        "id": "letter->charge",
        "type": "inference",
        "source": "letter",
        "target": "charge",
        "relation": "supports",
    }
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges["letter", "charge"]["relation"] == "supports"
    assert (edges["letter", "charge"]["line"], edges["letter", "charge"]["column"]) == (19, 15)
    assert edges["denial", "letter"]["relation"] == "rebuts"
    assert edges["forged", "letter->charge"]["relation"] == "undercuts"
    assert edges["forged", "letter->charge"]["line"] == 29


def test_the_map_metadata(amap: ArgMap) -> None:
    graph = json.loads("".join(generate_json(amap)))["graph"]
    assert graph["format"] == "argmap-node-link" and graph["version"] == 1
    assert (graph["title"], graph["description"]) == ("The trial", "Who said what.")
    assert graph["parties"]["pro"]["name"] == "Prosecution"
    assert graph["parties"]["pro"]["color"] == "#aa0000"
    assert graph["parties"]["def"]["line"] == 4
    assert graph["sources"]["speech"]["author"] == "Vyshinsky"


def test_networkx_reads_it(amap: ArgMap) -> None:
    graph = nx.node_link_graph(json.loads("".join(generate_json(amap))), edges="edges")
    assert isinstance(graph, nx.DiGraph)
    assert set(graph.nodes) == set(to_digraph(amap).nodes)
    assert graph.edges["denial", "letter"]["relation"] == "rebuts"


def test_read_json_gives_the_same_map(amap: ArgMap) -> None:
    again, _ = read_json("".join(generate_json(amap)), "map.json")
    assert again.claims == amap.claims
    assert again.party_by_id == amap.party_by_id
    assert [(s.id, s.title, s.author, s.date, s.url) for s in again.sources] == [
        ("speech", "Speech", "Vyshinsky", "1936", "https://example.org")
    ]
    assert again.info is not None and again.info.title == "The trial"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "map.json:1:2: not JSON"),
        ('{"nodes": []}', "not argmap node-link JSON"),
        ('{"graph": {"format": "argmap-node-link"}, "nodes": [{"id": 1}]}', "malformed"),
    ],
)
def test_read_json_refuses_other_documents(text: str, words: str) -> None:
    with pytest.raises(NotArgmapJSONError) as error:
        read_json(text, "map.json")
    assert words in str(error.value)
