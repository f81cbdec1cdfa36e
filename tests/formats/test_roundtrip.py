"""Round trips: a map through AIF or node-link JSON and back is the same map.

"The same" is checked the way a reader would: ``networkx.is_isomorphic`` on the
graphs of ``to_digraph`` with nodes matched on text, party, kind (and every other
claim field) and edges on their relation; then the ids, parties and sources.
The AIF trip goes all the way: export, import, claim files on disk, ``load``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats.aif.read import read_aif
from argmap.formats.aif.write import generate_aif
from argmap.formats.claimfiles import claim_files
from argmap.formats.json import generate_json, read_json
from argmap.graph import to_digraph
from argmap.loading.build import load
from argmap.model import (
    CLAIM_KINDS,
    ArgMap,
    Citation,
    Claim,
    Ignore,
    MapInfo,
    Party,
    Ref,
    Source,
    Span,
    Undercut,
)
from argmap.output import write
from tests.conftest import SEED_TEXT, SHIPPED_MAP, needs_shared

CLAIM_FIELDS = ("type", "text", "party", "kind", "against", "tags", "note", "cite", "ignore")
INFERENCE_FIELDS = ("type", "source", "target", "relation")
SPAN = Span("built.yaml", 1, 1)


def same_graph(expected: nx.DiGraph, actual: nx.DiGraph) -> bool:
    def node_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
        fields = CLAIM_FIELDS if a.get("type") == "claim" else INFERENCE_FIELDS
        return all(a.get(k) == b.get(k) for k in fields)

    def edge_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return bool(a["relation"] == b["relation"])

    return bool(nx.is_isomorphic(expected, actual, node_match=node_match, edge_match=edge_match))


def assert_same_map(expected: ArgMap, actual: ArgMap) -> None:
    before, after = to_digraph(expected), to_digraph(actual)
    assert same_graph(before, after)
    assert sorted(before.nodes) == sorted(after.nodes)  # ids survive too
    assert sorted(before.edges(data="relation")) == sorted(after.edges(data="relation"))
    assert before.graph["parties"] == after.graph["parties"]
    assert before.graph["sources"] == after.graph["sources"]
    assert (before.graph["title"], before.graph["description"]) == (
        after.graph["title"],
        after.graph["description"],
    )


def through_aif(amap: ArgMap, directory: Path) -> ArgMap:
    """Export to AIF, import it, write the claim files, load them."""
    imported, findings = read_aif("".join(generate_aif(amap)), str(directory / "map.aif.json"))
    assert findings == []
    for relative, text in claim_files(imported).items():
        write(directory / relative, text)
    loaded = load(directory)
    assert loaded.problems == ()
    return loaded


def through_json(amap: ArgMap, directory: Path) -> ArgMap:
    """Export to node-link JSON, read it back, and through claim files on disk."""
    read, _ = read_json("".join(generate_json(amap)), "map.json")
    assert_same_map(amap, read)
    for relative, text in claim_files(read).items():
        write(directory / relative, text)
    loaded = load(directory)
    assert loaded.problems == ()
    return loaded


# -- random small maps ---------------------------------------------------------------

_ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,6}", fullmatch=True)
_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda s: bool(s.strip()))
_optional_text = st.none() | _text
_colour = st.none() | st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)


@st.composite
def small_maps(draw: st.DrawFn) -> ArgMap:
    party_ids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    parties = tuple(
        Party(p, draw(_text), SPAN, draw(_optional_text), draw(_colour)) for p in party_ids
    )
    sources = (Source("src", draw(_text), SPAN, ".", ".", author=draw(_optional_text)),)
    claim_ids = draw(st.lists(_ids, min_size=1, max_size=7, unique=True))
    pairs = [(a, b) for a in claim_ids for b in claim_ids if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=8)) if pairs else []
    kinds = {pair: draw(st.sampled_from(["supports", "rebuts"])) for pair in chosen}
    undercuts: dict[str, list[tuple[str, str]]] = {}
    for pair in chosen:
        others = [c for c in claim_ids if c not in pair]
        undercut: bool = draw(st.booleans())
        if others and undercut:
            undercuts.setdefault(draw(st.sampled_from(others)), []).append(pair)
    claims = []
    for claim_id in claim_ids:
        kind = draw(st.sampled_from(CLAIM_KINDS))
        refs = {
            k: tuple(Ref(b, SPAN) for (a, b) in chosen if a == claim_id and kinds[(a, b)] == k)
            for k in ("supports", "rebuts")
        }
        claims.append(
            Claim(
                id=claim_id,
                text=draw(_text),
                party=draw(st.sampled_from(party_ids)),
                span=SPAN,
                kind=kind,
                against=draw(st.none() | st.sampled_from(party_ids))
                if kind == "allegation"
                else None,
                supports=refs["supports"],
                rebuts=refs["rebuts"],
                undercuts=tuple(Undercut(a, b, SPAN) for a, b in undercuts.get(claim_id, [])),
                cite=tuple(
                    Citation("src", SPAN, draw(_optional_text), draw(_optional_text))
                    for _ in range(draw(st.integers(0, 2)))
                ),
                tags=tuple(draw(st.lists(_text, max_size=2, unique=True))),
                note=draw(_optional_text),
                ignore=tuple(
                    Ignore(code, draw(_text), SPAN)
                    for code in draw(st.lists(st.sampled_from(["AM201", "AM203"]), unique=True))
                ),
            )
        )
    info = MapInfo(draw(_optional_text), draw(_optional_text), SPAN)
    return ArgMap(root=".", claims=tuple(claims), parties=parties, sources=sources, infos=(info,))


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(amap=small_maps())
def test_random_maps_survive_aif(amap: ArgMap, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert_same_map(amap, through_aif(amap, tmp_path_factory.mktemp("aif")))


@PROPERTY
@given(amap=small_maps())
def test_random_maps_survive_json(amap: ArgMap, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert_same_map(amap, through_json(amap, tmp_path_factory.mktemp("json")))


def test_a_changed_text_is_noticed() -> None:
    """The comparison can fail: one changed word makes the graphs differ."""
    claim = Claim("a", "One.", "p", SPAN)
    other = Claim("a", "Two.", "p", SPAN)
    parties = (Party("p", "P", SPAN),)
    assert not same_graph(
        to_digraph(ArgMap(".", claims=(claim,), parties=parties)),
        to_digraph(ArgMap(".", claims=(other,), parties=parties)),
    )


# -- the shipped map -----------------------------------------------------------------


@needs_shared(SEED_TEXT)  # the AIF reader checks that the source text is reachable
def test_the_shipped_map_survives_aif(tmp_path: Path) -> None:
    amap = load(SHIPPED_MAP)
    assert amap.claims and amap.relations
    assert_same_map(amap, through_aif(amap, tmp_path))


def test_the_shipped_map_survives_json(tmp_path: Path) -> None:
    amap = load(SHIPPED_MAP)
    assert_same_map(amap, through_json(amap, tmp_path))
