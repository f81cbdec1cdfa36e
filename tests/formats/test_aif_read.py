"""``read_aif``: AIF JSON (every node type, and messy real-world files) to claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.findings import Finding
from argmap.formats.aif.read import NotAIFError, read_aif
from argmap.formats.claimfiles import claim_files
from argmap.lint import lint
from argmap.loading.build import load
from argmap.model import ArgMap
from argmap.output import write
from tests.conftest import RunCli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "aif"


def read_fixture(name: str) -> tuple[ArgMap, list[Finding]]:
    path = FIXTURES / name
    return read_aif(path.read_text(encoding="utf-8"), str(path))


def relations(amap: ArgMap) -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = {(r.source, r.kind, r.target) for r in amap.relations}
    for claim in amap.claims:
        found |= {(claim.id, "undercuts", u.label) for u in claim.undercuts}
    return found


def codes_and_ids(findings: list[Finding]) -> set[tuple[str, str]]:
    return {(f.code, f.message) for f in findings}


def test_every_node_type_of_a_dialogue() -> None:
    amap, findings = read_fixture("dialogue.json")
    claims = amap.claim_by_id
    assert set(claims) == {f"aif-{n}" for n in range(1, 9)}
    assert claims["aif-1"].text == "The council should build a new bridge."
    # L -> YA -> I with locutions and participants: the speaker is the party.
    assert {p.id: p.name for p in amap.parties} == {
        "bob-smith": "Bob Smith",
        "wilma-jones": "Wilma Jones",
    }
    assert {c.id for c in amap.claims if c.party == "wilma-jones"} == {"aif-4", "aif-5", "aif-7"}
    assert relations(amap) == {
        ("aif-2", "supports", "aif-1"),  # RA 20, a linked argument with two premises
        ("aif-3", "supports", "aif-1"),
        ("aif-4", "rebuts", "aif-1"),  # CA 21 between I-nodes
        ("aif-5", "undercuts", "aif-2 -> aif-1"),  # CA 22 aimed at RA 20: both premises
        ("aif-5", "undercuts", "aif-3 -> aif-1"),
        ("aif-6", "undercuts", "aif-4 -> aif-1"),  # CA 23 aimed at the rebuttal CA 21
    }
    # The linked argument is tagged and noted on both premises.
    for premise in ("aif-2", "aif-3"):
        assert "aif-linked-20" in claims[premise].tags
        assert "together, aif-2 and aif-3 support aif-1" in (claims[premise].note or "")
    # MA (rephrase) and PA (preference) are kept as notes on both ends.
    assert "aif-7 restates aif-4 (AIF MA node 24)" in (claims["aif-7"].note or "")
    assert "aif-7 restates aif-4" in (claims["aif-4"].note or "")
    assert "aif-8 is preferred to aif-4 (AIF PA node 25)" in (claims["aif-8"].note or "")
    # The original node ids stay traceable.
    assert all((c.note or "").startswith(f"AIF I-node {c.id[4:]}.") for c in amap.claims)
    by_code = {f.code: f for f in findings}
    assert sorted(f.code for f in findings) == ["AIF006", "AIF007", "AIF007", "AIF009", "AIF009"]
    assert "RA node 20" in by_code["AIF006"].message
    dialogue = [f.message for f in findings if f.code == "AIF009"]
    assert any("TA" in m and "301, 302" in m for m in dialogue)
    assert any("YA" in m and "401, 402" in m for m in dialogue)
    assert all(f.severity == "warning" for f in findings)


def test_findings_point_at_the_node_in_the_file() -> None:
    _, findings = read_fixture("dialogue.json")
    linked = next(f for f in findings if f.code == "AIF006")
    lines = (FIXTURES / "dialogue.json").read_text(encoding="utf-8").splitlines()
    assert '"nodeID": 20,' in lines[linked.span.line - 1]
    assert lines[linked.span.line - 1][linked.span.column - 1 :].startswith('"nodeID": 20')


def test_a_messy_file_imports_what_is_sound() -> None:
    amap, findings = read_fixture("messy.json")
    assert {c.id for c in amap.claims} == {
        "aif-10",
        "aif-11",
        "aif-12",
        "aif-16",
        "aif-17",
        "aif-18",
    }
    # ids as numbers in one place and strings in another are the same node
    assert relations(amap) == {
        ("aif-11", "supports", "aif-10"),
        ("aif-16", "rebuts", "aif-10"),
        ("aif-18", "undercuts", "aif-11 -> aif-10"),
    }
    party = {c.id: c.party for c in amap.claims}
    assert party["aif-10"] == "ann"  # no locution: "Ann : ..." in the L-node's text
    assert party["aif-11"] == "carl"  # a locution without participants: the L-node's text
    assert party["aif-16"] == "unknown"  # nobody says it
    assert {p.id for p in amap.parties} == {"ann", "carl", "unknown"}
    expected = [
        ("AIF001", "node number 6 has no usable nodeID"),
        ("AIF001", "node number 9 is not an object"),
        ("AIF001", "node 10 is defined twice"),
        ("AIF001", "node 15 has type 'XYZ'"),
        ("AIF002", "I-node 13 has no text"),
        ("AIF002", "I-node 14 has no text"),
        ("AIF003", "edge 99 names a missing node (toID '404')"),
        ("AIF003", "edge 100 names a missing node (no toID)"),
        ("AIF003", "edge number 24 is not an object"),
        ("AIF004", "RA node 21 has 0 conclusions"),
        ("AIF004", "RA node 27 relates I-nodes that were left out (nodes 13)"),
        ("AIF005", "RA node 22 supports the inference of RA node 20"),
        ("AIF005", "CA node 24 attacks CA node 25, which attacks RA node 20"),
        ("AIF005", "RA node 26 makes I-node 11 support itself"),
        ("AIF008", "nodes 12, 16, 17, 18"),
        ("AIF010", "I-node 12 has the same text (up to case and spacing) as I-node 10"),
        ("AIF014", "edge e20 from I node 16 to I node 17"),
    ]
    for code, words in expected:
        assert any(f.code == code and words in f.message for f in findings), (code, words)
    assert len(findings) == len(expected)
    no_text = next(f for f in findings if f.code == "AIF002" and "13" in f.message)
    assert (no_text.span.line, no_text.span.column) == (6, 6)
    twice = next(f for f in findings if "defined twice" in f.message)
    assert (twice.span.line, twice.span.column) == (10, 6)  # the second node 10


def test_ids_are_traceable_and_unique() -> None:
    document = {
        "nodes": [
            {"nodeID": "node 7/a", "text": "Odd id.", "type": "I"},
            {"nodeID": "node-7-a", "text": "Clashing id.", "type": "I"},
            {"nodeID": 3.0, "text": "Float id.", "type": "I"},
        ],
        "edges": [],
        "locutions": [],
    }
    amap, _ = read_aif(json.dumps(document), "odd.json")
    notes = {c.id: c.note for c in amap.claims}
    assert notes == {
        "aif-node-7-a": "AIF I-node node 7/a.",
        "aif-node-7-a-2": "AIF I-node node-7-a.",
        "aif-3": "AIF I-node 3.",
    }


def test_the_xaif_wrapper_is_read() -> None:
    inner = {"nodes": [{"nodeID": "1", "text": "Wrapped.", "type": "I"}], "edges": []}
    amap, _ = read_aif(json.dumps({"AIF": inner, "text": "..."}), "x.json")
    assert [c.text for c in amap.claims] == ["Wrapped."]


def test_a_map_of_more_than_a_thousand_nodes() -> None:
    count = 1500
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for n in range(count):
        nodes.append({"nodeID": n if n % 2 else str(n), "text": f"Claim {n}.", "type": "I"})
    for n in range(1, count):
        ra = f"ra{n}"
        nodes.append({"nodeID": ra, "text": "Default Inference", "type": "RA"})
        edges.append({"edgeID": 2 * n, "fromID": n, "toID": ra})
        edges.append({"edgeID": 2 * n + 1, "fromID": ra, "toID": str(n - 1)})
    amap, findings = read_aif(json.dumps({"nodes": nodes, "edges": edges}), "big.json")
    assert len(amap.claims) == count
    assert len(amap.relations) == count - 1
    assert [f.code for f in findings] == ["AIF008"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("this is not json", "not JSON"),
        ("[1, 2, 3]", "expected an object with a 'nodes' list"),
        ('{"nodes": {"a": 1}}', "expected an object with a 'nodes' list"),
        ('{"nodes": [{"id": 1, "label": "x"}]}', "no node has a 'nodeID' and a 'type'"),
        ('{"nodes": [], "edges": 5}', "'edges' must be a list"),
        ("[" * 100000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_aif(text: str, words: str) -> None:
    with pytest.raises(NotAIFError, match=r"^bad\.json") as error:
        read_aif(text, "bad.json")
    assert words in str(error.value)
    assert "\n" not in str(error.value)


_near = st.integers(0, 9)
_ids = st.one_of(_near, _near.map(str), st.text(max_size=3), st.none(), st.booleans(), st.floats())
_types = st.sampled_from(["I", "I", "I", "L", "RA", "RA", "CA", "CA", "MA", "PA", "YA", "TA"])
_nodes = st.fixed_dictionaries(
    {},
    optional={
        "nodeID": _ids,
        "text": st.one_of(st.text(max_size=8), st.none(), st.integers()),
        "type": st.one_of(_types, st.text(max_size=3)),
        "argmap": st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["id", "kind", "tags", "note", "cite", "against", "ignore"]),
                st.one_of(
                    st.text(max_size=5),
                    st.integers(),
                    st.lists(st.text(max_size=3), max_size=2),
                    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
                    st.lists(
                        st.dictionaries(
                            st.sampled_from(["source", "quote", "at"]),
                            st.one_of(st.text(max_size=3), st.integers(), st.lists(st.none())),
                        ),
                        max_size=2,
                    ),
                ),
            ),
        ),
    },
)
_edges = st.fixed_dictionaries({}, optional={"edgeID": _ids, "fromID": _ids, "toID": _ids})
_locutions = st.fixed_dictionaries({}, optional={"nodeID": _ids, "personID": _ids})
_participants = st.fixed_dictionaries(
    {},
    optional={
        "participantID": _ids,
        "firstname": st.one_of(st.text(max_size=4), st.integers()),
        "surname": st.one_of(st.text(max_size=4), st.none()),
        "argmap": st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["id", "role", "color", "declared"]),
                st.one_of(st.text(max_size=4), st.booleans(), st.sampled_from(["#aabbcc", "p"])),
            ),
        ),
    },
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    nodes=st.lists(st.one_of(_nodes, st.integers()), max_size=25),
    edges=st.lists(st.one_of(_edges, st.text(max_size=2)), max_size=40),
    locutions=st.lists(_locutions, max_size=6),
    participants=st.lists(_participants, max_size=3),
)
def test_any_aif_shaped_document_imports_without_crashing(
    tmp_path_factory: pytest.TempPathFactory,
    nodes: list[Any],
    edges: list[Any],
    locutions: list[Any],
    participants: list[Any],
) -> None:
    document = json.dumps(
        {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}
    )
    try:
        amap, findings = read_aif(document, "fuzz.json")
    except NotAIFError:
        return
    ids = [c.id for c in amap.claims]
    assert len(ids) == len(set(ids))
    parties = {p.id for p in amap.parties}
    for claim in amap.claims:
        assert claim.text.strip()
        assert claim.party in parties
        targets = {r.target for r in (*claim.supports, *claim.rebuts)}
        assert targets <= set(ids) and claim.id not in targets
    assert all(f.code.startswith("AIF") for f in findings)
    directory = tmp_path_factory.mktemp("fuzz")
    for relative, text in claim_files(amap).items():
        write(directory / relative, text)
    loaded = load(directory)  # valid claim files with sound references, whatever came in
    assert loaded.problems == ()
    references = ["AM101", "AM102", "AM103", "AM104"]
    assert [f.message for f in lint(loaded, select=references)] == []


def test_imported_files_pass_lint(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "bridge"
    code, report, summary = run_cli("import", "aif", FIXTURES / "dialogue.json", "-o", out)
    assert code == 0, report
    assert "imported 8 claims, 6 relations and 2 parties" in summary
    code, report, _ = run_cli("lint", out)
    assert code == 0, report
    assert "AM0" not in report and "AM1" not in report
