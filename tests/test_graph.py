"""``to_digraph``: claim nodes, relation edges, inference nodes for undercuts."""

from __future__ import annotations

from argmap.graph import inference_id, to_digraph
from argmap.loading.build import load
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
    text: They plotted.
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
    rebuts: [letter, letter, ghost]
    ignore: {AM203: fine}
  - id: forged
    party: def
    text: The letter is forged.
    undercuts: [letter -> charge, denial -> letter, ghost -> charge]
  - id: again
    party: def
    text: It does not follow.
    undercuts: letter -> charge
  - id: self
    party: def
    text: Self.
    supports: self
"""


def test_claims_relations_and_undercuts(write_map: MapWriter) -> None:
    root = write_map({"a.yaml": MAP})
    graph = to_digraph(load(root))
    claims = {n for n, d in graph.nodes(data=True) if d["type"] == "claim"}
    inferences = {n for n, d in graph.nodes(data=True) if d["type"] == "inference"}
    assert claims == {"charge", "letter", "denial", "forged", "again", "self"}
    assert inferences == {"letter->charge", "denial->letter"}
    assert inference_id("letter", "charge") == "letter->charge"

    assert {(s, t): d["relation"] for s, t, d in graph.edges(data=True)} == {
        ("letter", "charge"): "supports",
        ("denial", "letter"): "rebuts",  # once, though written twice; 'ghost' left out
        ("forged", "letter->charge"): "undercuts",
        ("forged", "denial->letter"): "undercuts",
        ("again", "letter->charge"): "undercuts",  # one inference node per relation
    }
    assert graph.nodes["letter->charge"] == {
        "type": "inference",
        "source": "letter",
        "target": "charge",
        "relation": "supports",
    }
    assert graph.nodes["denial->letter"]["relation"] == "rebuts"
    assert not graph.has_edge("self", "self")


def test_node_and_graph_attributes(write_map: MapWriter) -> None:
    root = write_map({"a.yaml": MAP})
    graph = to_digraph(load(root))
    assert graph.nodes["charge"] == {
        "type": "claim",
        "text": "They plotted.",
        "party": "pro",
        "kind": "allegation",
        "against": "def",
        "tags": ["plot"],
        "note": None,
        "cite": [{"source": "speech", "quote": "plotted", "at": "p. 1"}],
        "ignore": {},
        "path": str(root / "a.yaml"),
        "line": 8,
        "column": 5,
    }
    assert graph.nodes["denial"]["ignore"] == {"AM203": "fine"}
    assert graph.nodes["letter"]["note"] == "For teachers."
    assert graph.graph["title"] == "The trial"
    assert graph.graph["description"] == "Who said what."
    assert graph.graph["parties"]["pro"] == {
        "name": "Prosecution",
        "role": "accuses",
        "color": "#aa0000",
    }
    assert graph.graph["sources"]["speech"]["author"] == "Vyshinsky"


def test_duplicate_ids_keep_the_first_claim(write_map: MapWriter) -> None:
    root = write_map(
        {
            "a.yaml": "party: p\nclaims:\n  - {id: a, text: First.}\n  - {id: b, text: B.}\n",
            "b.yaml": "party: p\nclaims:\n  - {id: a, text: Second., supports: b}\n",
        }
    )
    graph = to_digraph(load(root))
    assert graph.nodes["a"]["text"] == "First."
    assert graph.number_of_edges() == 0


def test_an_empty_map(write_map: MapWriter) -> None:
    graph = to_digraph(load(write_map({"a.yaml": ""})))
    assert graph.number_of_nodes() == 0
    assert graph.graph["title"] is None
