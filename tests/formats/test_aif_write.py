"""``generate_aif``: AIF JSON with I, L, YA, RA and CA nodes, as AIFdb writes it."""

from __future__ import annotations

import json
from typing import Any

from argmap.formats.aif import AIF
from argmap.formats.aif.write import generate_aif
from argmap.loading.build import load
from tests.conftest import MapWriter

MAP = """\
parties:
  pro: {name: Prosecution}
  def: {name: Defence}
claims:
  - id: charge
    party: pro
    kind: allegation
    text: They plotted.
    tags: [plot]
  - id: letter
    party: pro
    text: A letter.
    supports: charge
  - id: denial
    party: def
    text: No letter was sent.
    rebuts: letter
  - id: forged
    party: def
    text: The letter is forged.
    undercuts: [letter -> charge, denial -> letter]
"""


def export(write_map: MapWriter) -> dict[str, Any]:
    document: dict[str, Any] = json.loads("".join(generate_aif(load(write_map({"a.yaml": MAP})))))
    return document


def test_nodes_and_edges(write_map: MapWriter) -> None:
    aif = export(write_map)
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    assert all(isinstance(key, str) for key in nodes)
    types = [n["type"] for n in aif["nodes"]]
    assert {t: types.count(t) for t in set(types)} == {"I": 4, "L": 4, "YA": 4, "RA": 1, "CA": 3}
    edges = [(e["fromID"], e["toID"]) for e in aif["edges"]]
    assert all(a in nodes and b in nodes for a, b in edges)
    assert len(set(e["edgeID"] for e in aif["edges"])) == len(edges)
    i_node = {n["argmap"]["id"]: n["nodeID"] for n in aif["nodes"] if n["type"] == "I"}

    def between(source: str, target: str) -> list[dict[str, Any]]:
        return [
            nodes[m]
            for m in nodes
            if (source, m) in edges and (m, target) in edges and nodes[m]["type"] in ("RA", "CA")
        ]

    [support] = between(i_node["letter"], i_node["charge"])
    assert support["type"] == "RA" and support["text"] == "Default Inference"
    [rebuttal] = between(i_node["denial"], i_node["letter"])
    assert rebuttal["type"] == "CA" and rebuttal["text"] == "Default Conflict"
    # undercuts: I -> CA -> RA and I -> CA -> CA
    assert [n["type"] for n in between(i_node["forged"], support["nodeID"])] == ["CA"]
    assert [n["type"] for n in between(i_node["forged"], rebuttal["nodeID"])] == ["CA"]


def test_speakers_are_locutions_of_participants(write_map: MapWriter) -> None:
    aif = export(write_map)
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    people = {p["participantID"]: p for p in aif["participants"]}
    assert {p["firstname"] for p in people.values()} == {"Prosecution", "Defence"}
    said: dict[str, str] = {}
    for locution in aif["locutions"]:
        l_node = nodes[locution["nodeID"]]
        assert l_node["type"] == "L"
        [ya] = [e["toID"] for e in aif["edges"] if e["fromID"] == l_node["nodeID"]]
        assert nodes[ya]["type"] == "YA" and nodes[ya]["text"] == "Asserting"
        [i_id] = [e["toID"] for e in aif["edges"] if e["fromID"] == ya]
        said[nodes[i_id]["argmap"]["id"]] = people[locution["personID"]]["argmap"]["id"]
        assert (
            l_node["text"] == f"{people[locution['personID']]['firstname']} : {nodes[i_id]['text']}"
        )
    assert said == {"charge": "pro", "letter": "pro", "denial": "def", "forged": "def"}


def test_argmap_fields_travel_in_an_extension(write_map: MapWriter) -> None:
    aif = export(write_map)
    charge = next(n for n in aif["nodes"] if n.get("argmap", {}).get("id") == "charge")
    assert charge["text"] == "They plotted."
    assert charge["argmap"] == {"id": "charge", "kind": "allegation", "tags": ["plot"]}
    assert aif["argmap"]["version"] == AIF.VERSION


def test_the_output_is_stable(write_map: MapWriter) -> None:
    amap = load(write_map({"a.yaml": MAP}))
    assert "".join(generate_aif(amap)) == "".join(generate_aif(amap))


TRICKY = """\
parties:
  pro: {name: "Prosecution \\"A\\""}
sources:
  book: {title: Book}
claims:
  - id: said
    party: pro
    text: "Two lines,\\nquoted \\"words\\", a tab\\t, a backslash \\\\, \\u00e9\\u2014\\U0001F600"
    note: "ü"
    cite: [{source: book, quote: "\\"Never\\", he said", by: pro}]
  - id: empty
    party: ghost
    text: ""
    rebuts: said
"""


def test_the_text_is_what_json_dumps_writes(write_map: MapWriter) -> None:
    for claims in (MAP, TRICKY):
        text = "".join(generate_aif(load(write_map({"a.yaml": claims}))))
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
