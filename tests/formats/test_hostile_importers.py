"""Hostile files for the importers and writers (issue 20, items 1, 2, 3, 7, 11, 15, 16).

Each reproduction of the issue is answered by a finding or by one clear line naming
the file; and over adversarial shapes (hypothesis), a reader either returns a map
and its findings or raises its own ``ValueError``, never anything else. Nothing here
times a run: a file that used to hang runs in a child process whose time limit only
turns a hang into a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats.aif.read import NotAIFError, read_aif, speaker_of
from argmap.formats.argdown.read import NotArgdownJSONError, read_argdown_json
from argmap.formats.claimfiles import claim_files
from argmap.formats.graphml import generate_graphml
from argmap.formats.iccma import FrameworkFileError, parse_i23
from argmap.formats.json import NotArgmapJSONError, read_json
from argmap.formats.naming import UniqueNames
from argmap.model import ArgMap, Claim, Party, Span
from tests.conftest import RunCli

HANG_GUARD = 120  # seconds: not a timing, only a hang turned into a failure


def run_import(fmt: str, document: Any, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``argmap import FMT FILE -o DIR`` in a child process (so a hang can be stopped)."""
    source = tmp_path / "in.json"
    text = document if isinstance(document, str) else json.dumps(document)
    source.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "argmap", "import", fmt, str(source), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )


def one_clear_line(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 1, 2), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.count("\n") == 1, result.stderr


# -- item 1: a section that is its own child -------------------------------------------


def test_argdown_section_that_is_its_own_child_ends(tmp_path: Path) -> None:
    document = {
        "statements": {"s": {"members": [{"text": "t", "section": "a"}]}},
        "relations": [],
        "sections": [{"id": "a", "children": [{"id": "a"}]}],
    }
    result = run_import("argdown", document, tmp_path)
    one_clear_line(result)
    assert (tmp_path / "out" / "map.yaml").is_file()


def test_argdown_sections_in_a_cycle_still_give_the_party() -> None:
    document = {
        "statements": {"s": {"members": [{"text": "t", "section": "b"}]}},
        "relations": [],
        "sections": [
            {
                "id": "a",
                "data": {"party": "p"},
                "children": [{"id": "b", "children": [{"id": "a"}]}],
            },
        ],
    }
    amap, _ = read_argdown_json(json.dumps(document), "x.json")
    assert [c.party for c in amap.claims] == ["p"]


# -- item 2: the speaker of an L-node --------------------------------------------------


def test_speaker_of_a_locution() -> None:
    assert speaker_of("Trotsky : I never met them.") == "Trotsky"
    assert speaker_of("  Vyshinsky:\tThey plotted.") == "Vyshinsky"
    assert speaker_of("no colon here") is None
    assert speaker_of("Name:no space") is None
    assert speaker_of("x" * 81 + ": words") is None
    assert speaker_of(" " * 20_000) is None
    assert speaker_of(" " * 20_000 + ": x") is None


def test_aif_l_node_of_spaces_is_read(tmp_path: Path) -> None:
    spaces = " " * 50_000
    document = {
        "nodes": [
            {"nodeID": "1", "text": "A claim.", "type": "I"},
            {"nodeID": "2", "text": spaces, "type": "L"},
            {"nodeID": "3", "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [],
    }
    one_clear_line(run_import("aif", document, tmp_path))


# -- item 3: ids that all sanitise to the same id --------------------------------------


def test_unique_names_do_not_count_up_again() -> None:
    probes: list[str] = []

    class Counting(UniqueNames):
        def _key(self, name: str) -> str:
            probes.append(name)
            return super()._key(name)

    names = Counting()
    given_names = [names.unique("x") for _ in range(3000)]
    assert len(set(given_names)) == 3000 and given_names[:3] == ["x", "x-2", "x-3"]
    assert len(probes) < 8 * 3000  # a few probes a name, not thousands (4.5 million)


def test_many_colliding_ids_in_both_importers() -> None:
    count = 3000
    nodes = [{"nodeID": f"n{'/' * i}", "text": f"claim {i}", "type": "I"} for i in range(count)]
    amap, _ = read_aif(json.dumps({"nodes": nodes, "edges": []}), "x.json")
    assert len({c.id for c in amap.claims}) == count
    statements = {f"a{'!' * i}": {"members": [{"text": f"t{i}"}]} for i in range(count)}
    amap, _ = read_argdown_json(json.dumps({"statements": statements, "relations": []}), "x")
    assert len({c.id for c in amap.claims}) == count


# -- item 7: huge numbers --------------------------------------------------------------


def test_a_5001_digit_integer_in_aif_names_the_file(tmp_path: Path) -> None:
    text = '{"nodes": [{"nodeID": ' + "9" * 5001 + ', "text": "t", "type": "I"}], "edges": []}'
    result = run_import("aif", text, tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "in.json" in result.stderr and "set_int_max_str_digits" not in result.stderr


def test_a_header_declaring_millions_of_arguments_is_refused() -> None:
    with pytest.raises(FrameworkFileError, match=r"f\.i23:1:1: 'p af 4000000': argmap reads"):
        parse_i23("p af 4000000\n", "f.i23")
    assert len(parse_i23("p af 3\n1 2\n", "f.i23")) == 3


# -- item 11: GraphML of control characters --------------------------------------------


def test_graphml_of_control_characters_is_well_formed() -> None:
    span = Span("a.yaml", 1, 1)
    text = "escape \x1b[2J, nul \x00, bell \x07, cr \r and tab \t, é and <&>"
    amap = ArgMap(
        root=".",
        claims=(Claim("c", text, "p", span, note="\x00\x1b"),),
        parties=(Party("p", "P\x1b", span),),
    )
    root = ET.fromstring("".join(generate_graphml(amap)).encode("utf-8"))
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    data = [d.text for d in root.iter(f"{namespace}data")]
    assert "escape \ufffd[2J, nul \ufffd, bell \ufffd, cr \r and tab \t, é and <&>" in data


# -- item 15: a party name past any file system's limit --------------------------------


def test_a_long_party_gets_a_file_name_that_fits(tmp_path: Path) -> None:
    long_id = "p" * 300
    span = Span("a.yaml", 1, 1)
    amap = ArgMap(
        root=".",
        claims=(Claim("c", "t", long_id, span), Claim("d", "u", long_id + "q", span)),
        parties=(Party(long_id, "P", span), Party(long_id + "q", "Q", span)),
    )
    files = claim_files(amap)
    names = [name for name in files if name.startswith("claims/")]
    assert len(names) == 2 and all(len(Path(n).name.encode()) < 255 for n in names)
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")


def test_aif_speaker_with_a_long_name_imports(tmp_path: Path) -> None:
    name = "N" * 400
    document = {
        "nodes": [
            {"nodeID": "1", "text": "A claim.", "type": "I"},
            {"nodeID": "2", "text": "x : A claim.", "type": "L"},
            {"nodeID": "3", "text": "Asserting", "type": "YA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "2", "toID": "3"},
            {"edgeID": "2", "fromID": "3", "toID": "1"},
        ],
        "locutions": [{"nodeID": "2", "personID": 1}],
        "participants": [{"participantID": 1, "firstname": name, "surname": ""}],
    }
    result = run_import("aif", document, tmp_path)
    one_clear_line(result)
    assert result.returncode in (0, 1)
    assert len(list((tmp_path / "out" / "claims").glob("*.yaml"))) == 1


# -- item 16: fields of the wrong shape ------------------------------------------------

WRONG_SHAPES = [
    ("argdown", {"statements": {"s": {"members": 5}}, "relations": []}),
    ("argdown", {"statements": {"s": {"members": [{"text": "t", "ranges": 5}]}}, "relations": []}),
    (
        "argdown",
        {
            "statements": {"s": {"members": [{"text": "t #x", "ranges": [{"type": "tag"}]}]}},
            "relations": [],
        },
    ),
    ("argdown", {"statements": {"s": {}}, "arguments": {"a": {"pcs": 7}}, "relations": []}),
    (
        "argdown",
        '{"statements": {"s": {"members": [{"text": "t", "ranges": '
        '[{"type": "tag", "start": 1e999, "stop": 1}]}]}}, "relations": []}',
    ),
    (
        "argdown",
        {
            "statements": {"s": {"members": [{"text": "t", "section": [1]}]}},
            "relations": [{"relationType": [1], "from": "s", "to": "s"}],
            "sections": [{"id": [1]}, 5],
        },
    ),
]


@pytest.mark.parametrize(("fmt", "document"), WRONG_SHAPES)
def test_wrong_shapes_are_findings_or_one_line(fmt: str, document: Any, tmp_path: Path) -> None:
    one_clear_line(run_import(fmt, document, tmp_path))


def test_node_link_line_of_1e999_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    document = {
        "directed": True,
        "multigraph": False,
        "graph": {"format": "argmap-node-link", "version": 1, "parties": {}, "sources": {}},
        "nodes": [{"id": "c", "type": "claim", "text": "t", "party": "p", "path": "a", "line": 1}],
        "edges": [],
    }
    text = json.dumps(document).replace('"line": 1', '"line": 1e999')
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    code, out, err = run_cli("import", "json", tmp_path / "in.json", "-o", tmp_path / "out")
    assert code == 2 and out == "" and err.count("\n") == 1 and "internal error" not in err
    assert "in.json" in err


# -- any shape, every reader -------------------------------------------------------------

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


def _any(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with the fields a reader looks at, each holding any JSON value."""
    return st.dictionaries(st.sampled_from(keys), _VALUES, max_size=len(keys))


AIF_NODE = _any(["nodeID", "text", "type", "argmap", "scheme"])
AIF_DOCUMENT = st.fixed_dictionaries(
    {
        "nodes": st.lists(
            AIF_NODE
            | st.fixed_dictionaries(
                {
                    "nodeID": st.integers(1, 6),
                    "type": st.sampled_from(["I", "L", "RA", "CA", "YA", "MA", "PA", "TA"]),
                    "text": st.text(max_size=12),
                    "argmap": _any(["id", "kind", "cite", "tags", "ignore", "note", "quote_of"]),
                }
            ),
            max_size=6,
        ),
        "edges": st.lists(
            _any(["edgeID", "fromID", "toID"])
            | st.fixed_dictionaries({"fromID": st.integers(1, 6), "toID": st.integers(1, 6)}),
            max_size=6,
        ),
        "locutions": st.lists(_any(["nodeID", "personID"]), max_size=3),
        "participants": st.lists(
            _any(["participantID", "firstname", "surname", "argmap"]), max_size=3
        ),
        "argmap": _any(["version", "map", "sources"]),
    }
)
STATEMENT = _any(["members", "section", "tags"]) | st.fixed_dictionaries(
    {"members": st.lists(_any(["text", "ranges", "data", "section", "tags"]), max_size=2)}
)
ARGDOWN_DOCUMENT = st.fixed_dictionaries(
    {
        "statements": st.dictionaries(st.text(max_size=5), STATEMENT, max_size=4),
        "arguments": st.dictionaries(st.text(max_size=5), _any(["members", "pcs"]), max_size=3),
        "relations": st.lists(
            _any(["relationType", "from", "to", "fromType", "toType"]), max_size=4
        ),
        "sections": st.lists(_any(["id", "children", "data", "parent"]), max_size=3),
    }
)
NODE_LINK_DOCUMENT = st.fixed_dictionaries(
    {
        "graph": st.fixed_dictionaries(
            {"format": st.just("argmap-node-link")},
            optional={"parties": _VALUES, "sources": _VALUES, "root": _VALUES, "title": _VALUES},
        ),
        "nodes": st.lists(
            _any(["id", "type", "text", "party", "line", "cite", "kind", "spans", "source"]),
            max_size=4,
        ),
        "edges": st.lists(_any(["source", "target", "relation", "line"]), max_size=4),
    }
)
HYPOTHESIS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


READERS: list[tuple[Callable[[str, str], tuple[ArgMap, Any]], st.SearchStrategy[Any]]] = [
    (read_aif, AIF_DOCUMENT),
    (read_argdown_json, ARGDOWN_DOCUMENT),
    (read_json, NODE_LINK_DOCUMENT),
]
REFUSALS = (NotAIFError, NotArgdownJSONError, NotArgmapJSONError)


@HYPOTHESIS
@given(st.integers(0, len(READERS) - 1).flatmap(lambda i: st.tuples(st.just(i), READERS[i][1])))
def test_every_reader_on_any_shape(chosen: tuple[int, dict[str, Any]]) -> None:
    """A map and its findings, or the reader's own refusal in one line naming the file."""
    index, document = chosen
    try:
        amap, findings = READERS[index][0](json.dumps(document), "x.json")
    except REFUSALS as exc:
        assert str(exc).startswith("x.json") and "\n" not in str(exc)
    else:
        assert isinstance(amap, ArgMap) and isinstance(findings, list)
