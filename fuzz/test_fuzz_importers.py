"""Fuzz the importers and the framework parsers: any document, any text.

Each reader (AIF, Argdown JSON, node-link JSON) gets documents of the right outline
whose fields hold anything (hostile strings, wrong shapes, huge numbers); it must
return a map and findings or raise its own ``ValueError`` in one line, and what it
returns must become claim files that load. The ICCMA parsers get text built from
the pieces their formats use; the bulk path of ``parse_i23`` must agree with the
careful one, answer for answer and error for error.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap.formats.aif.read import read_aif
from argmap.formats.argdown.read import read_argdown_json
from argmap.formats.claimfiles import claim_files
from argmap.formats.iccma import (
    FrameworkFileError,
    _parse_i23_lines,
    parse_apx,
    parse_i23,
    parse_tgf,
)
from argmap.formats.json import read_json
from argmap.loading.build import load
from argmap.model import ArgMap

from .strategies import hostile_text, maybe_wrong

anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=10,
)
node_ids = st.integers(1, 8) | st.sampled_from(["1", "2", "x", ""])


def fields(outline: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """An object with these fields, each right or wrong, some missing."""
    return st.fixed_dictionaries({}, optional={k: maybe_wrong(v) for k, v in outline.items()})


aif_documents = st.fixed_dictionaries(
    {
        "nodes": st.lists(
            fields(
                {
                    "nodeID": node_ids,
                    "type": st.sampled_from(["I", "L", "RA", "CA", "MA", "PA", "YA", "TA"]),
                    "text": hostile_text,
                    "argmap": st.dictionaries(
                        st.sampled_from(["id", "kind", "cite", "tags", "note", "quote_of"]),
                        anything,
                    ),
                }
            ),
            max_size=8,
        ),
        "edges": st.lists(fields({"edgeID": node_ids, "fromID": node_ids, "toID": node_ids})),
        "locutions": st.lists(fields({"nodeID": node_ids, "personID": node_ids}), max_size=3),
        "participants": st.lists(
            fields({"participantID": node_ids, "firstname": hostile_text, "argmap": anything}),
            max_size=3,
        ),
        "argmap": fields({"version": st.integers(), "map": anything, "sources": anything}),
    }
)
argdown_documents = st.fixed_dictionaries(
    {
        "statements": st.dictionaries(
            hostile_text,
            fields(
                {
                    "members": st.lists(
                        fields(
                            {
                                "text": hostile_text,
                                "ranges": anything,
                                "data": anything,
                                "section": hostile_text,
                                "tags": anything,
                            }
                        ),
                        max_size=2,
                    )
                }
            ),
            max_size=4,
        ),
        "arguments": st.dictionaries(hostile_text, fields({"members": anything, "pcs": anything})),
        "relations": st.lists(
            fields(
                {
                    "relationType": st.sampled_from(["support", "attack", "undercut", "contrary"]),
                    "from": hostile_text,
                    "to": hostile_text,
                    "fromType": st.just("equivalence-class"),
                    "toType": st.sampled_from(["equivalence-class", "argument", "inference"]),
                }
            ),
            max_size=4,
        ),
        "sections": st.lists(
            fields({"id": hostile_text, "children": anything, "data": anything}), max_size=3
        ),
    }
)
node_link_documents = st.fixed_dictionaries(
    {
        "graph": st.fixed_dictionaries(
            {"format": st.just("argmap-node-link")},
            optional={"parties": anything, "sources": anything, "root": anything},
        ),
        "nodes": st.lists(
            fields(
                {
                    "id": hostile_text,
                    "type": st.just("claim"),
                    "text": hostile_text,
                    "party": hostile_text,
                    "line": st.integers(),
                    "cite": anything,
                }
            ),
            max_size=4,
        ),
        "edges": st.lists(fields({"source": hostile_text, "target": hostile_text}), max_size=3),
    }
)
READERS: list[tuple[Callable[[str, str], tuple[ArgMap, Any]], st.SearchStrategy[Any]]] = [
    (read_aif, aif_documents),
    (read_argdown_json, argdown_documents),
    (read_json, node_link_documents),
]


def check_import(read: Callable[[str, str], tuple[ArgMap, Any]], document: Any) -> None:
    try:
        amap, findings = read(json.dumps(document), "in.json")
    except ValueError as exc:  # the reader's own: a document it refuses, in one line
        assert str(exc).startswith("in.json") and "\n" not in str(exc).strip()
        return
    assert isinstance(findings, list)
    with tempfile.TemporaryDirectory() as directory:
        for relative, text in claim_files(amap).items():
            path = Path(directory) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        load(directory)


@given(st.sampled_from(range(len(READERS))).flatmap(lambda i: st.tuples(st.just(i), READERS[i][1])))
def test_any_document_imports_or_is_refused_in_one_line(chosen: tuple[int, Any]) -> None:
    index, document = chosen
    check_import(READERS[index][0], document)


i23_pieces = st.sampled_from(
    ["p af 3", "p af 0", "p af 12", "p af", "1 2", "2 3", "3 1", "0 1", "4 1", "1", "1 2 3",
     "# 1 \"a\"", "# 2 \"b\"", "#", "", " ", "\t", "\r", "+1 2", "\uff11 2", "1\x0c2", "p af 3 x",
     "99999999999999999999 1"]
)  # fmt: skip


@given(st.lists(i23_pieces, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_the_bulk_i23_path_agrees_with_the_careful_one(lines: list[str], end: str) -> None:
    text = end.join(lines)
    outcomes: list[tuple[str, object]] = []
    for parse in (parse_i23, _parse_i23_lines):
        try:
            framework = parse(text, "f.i23")
        except FrameworkFileError as exc:
            outcomes.append(("error", str(exc)))
        else:
            outcomes.append(("framework", (framework.arguments, sorted(framework.attacks()))))
    assert outcomes[0] == outcomes[1]


@given(st.text(alphabet='arg(att,)."\\ \n%#abc123', max_size=60))
def test_apx_and_tgf_parsers_answer_anything(text: str) -> None:
    for parse in (parse_apx, parse_tgf):
        try:
            parse(text, "f")
        except FrameworkFileError as exc:
            assert str(exc).startswith("f:")
