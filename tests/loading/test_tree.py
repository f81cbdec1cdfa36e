"""The YAML tree: plain strings by tag, positions, refusals, bounded work."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.loading.tree import MAX_DEPTH, Node, parse_tree
from argmap.loading.tree import parse as tree_parse


def plain(node: Node | None) -> Any:
    """A node tree without positions."""
    if node is None:
        return None
    value = node[0]
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(entry[2]) for key, entry in value.items()}
    return value


def parse(text: str) -> tuple[Node | None, list[tuple[str, int, int, str]]]:
    tree, findings = parse_tree(text.encode("utf-8"), "f.yaml")
    assert all(f.span.path == "f.yaml" for f in findings)
    return tree, [(f.code, f.span.line, f.span.column, f.message) for f in findings]


def test_scalars_stay_strings_whatever_yaml_1_1_would_guess() -> None:
    tree, findings = parse(
        "a: no\nb: 012\nc: 1e3\nd: 2024-01-01\ne: yes\nf: on\ng: 0x1F\nh: .inf\ni: 1_000\n"
        "j: !!str 7\nk: 'null'\nl: 12:30\nm: -.5\n"
    )
    assert findings == []
    assert plain(tree) == {
        "a": "no",
        "b": "012",
        "c": "1e3",
        "d": "2024-01-01",
        "e": "yes",
        "f": "on",
        "g": "0x1F",
        "h": ".inf",
        "i": "1_000",
        "j": "7",
        "k": "null",
        "l": "12:30",
        "m": "-.5",
    }


def test_plain_nulls_and_empty_values_are_none() -> None:
    tree, findings = parse("a: ~\nb: null\nc:\nd: !!null x\ne: ''\nf: NULL\n")
    assert findings == []
    assert plain(tree) == {"a": None, "b": None, "c": None, "d": None, "e": "", "f": None}


def test_keys_and_values_keep_their_positions() -> None:
    tree, _ = parse("claims:\n  - id: a\n    supports: [b, c]\n  - {id: d}\n")
    assert tree is not None
    assert tree[1:] == (1, 1)
    key_line, key_column, claims = tree[0]["claims"]
    assert (key_line, key_column) == (1, 1)
    assert claims[1:] == (2, 3)
    first, second = claims[0]
    assert first[1:] == (2, 5)
    assert first[0]["id"] == (2, 5, ("a", 2, 9))
    line, column, supports = first[0]["supports"]
    assert (line, column, supports[1:]) == (3, 5, (3, 15))
    assert [item[1:] for item in supports[0]] == [(3, 16), (3, 19)]
    assert second[1:] == (4, 5)
    assert second[0]["id"] == (4, 6, ("d", 4, 10))


def test_a_duplicate_key_keeps_the_first_value_and_names_the_first_line() -> None:
    tree, findings = parse("a: 1\nb: 2\na: 3\n")
    assert plain(tree) == {"a": "1", "b": "2"}
    assert findings == [
        (
            "AM003",
            3,
            1,
            "key 'a' repeats the one on line 1; the first value is kept, remove one of them",
        )
    ]


def test_keys_that_are_not_strings_are_schema_findings() -> None:
    tree, findings = parse("? [a, b]\n: 1\nok: 2\n")
    assert plain(tree) == {"ok": "2"}
    assert [(code, line, column) for code, line, column, _ in findings] == [("AM002", 1, 3)]
    assert "a key must be a plain string, not a list" in findings[0][3]


def test_anchors_aliases_and_tags_are_refused_not_expanded() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    tree, findings = parse(laughs)
    assert tree is not None
    assert all(v is None for item in plain(tree)["i"] for v in [item])  # aliases become null
    assert {code for code, *_ in findings} == {"AM004"}
    assert len(findings) == 9 + 8 * 9  # each anchor and each alias, once: no expansion

    _, findings = parse("x: !!python/object/apply:os.system [ls]\ny: !custom z\n")
    assert [(code, line, column) for code, line, column, _ in findings] == [
        ("AM004", 1, 4),
        ("AM004", 2, 4),
    ]


def test_nesting_is_bounded_before_the_parser_can_overflow() -> None:
    ok, findings = parse("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    assert findings == [] and ok is not None
    tree, findings = parse("[" * 200 + "]" * 200)
    assert [(code, line, column) for code, line, column, _ in findings] == [
        ("AM004", 1, MAX_DEPTH + 1)
    ]
    assert tree is None
    for hostile in (
        "[" * 100_000,
        "- " * 100_000 + "x",
        "a:\n" + "".join(" " * i + "a:\n" for i in range(1, 3000)),
    ):
        tree, findings = parse(hostile)
        assert len(findings) == 1 and findings[0][0] in ("AM001", "AM004")


def test_only_the_first_document_is_read() -> None:
    tree, findings = parse("a: 1\n---\nb: 2\n")
    assert plain(tree) == {"a": "1"}
    assert [(code, line, column) for code, line, column, _ in findings] == [("AM001", 2, 1)]


def test_empty_documents_and_syntax_errors() -> None:
    assert parse("") == (None, [])
    assert parse("# only a comment\n") == (None, [])
    tree, findings = parse("a: [1, 2\n")
    assert tree is None
    # Found at the end of the file, the error points where the unclosed list starts.
    assert [(code, line, column) for code, line, column, _ in findings] == [("AM001", 1, 4)]
    assert findings[0][3] == (
        "invalid YAML: did not find expected ',' or ']', "
        "while parsing a flow sequence at line 1, column 4"
    )


def test_an_error_at_the_end_of_the_file_points_into_the_file() -> None:
    for text, place in [
        ("a: [\n", (1, 5)),
        ("a: [", (1, 5)),
        ("x: y\r\na: [b", (2, 4)),
        ('x: y\nz: "open\n', (2, 4)),
        ('x: y\nz: "open', (2, 4)),
    ]:
        _, findings = parse(text)
        assert [(line, column) for _, line, column, _ in findings] == [place], text
        lines = text.splitlines()
        line, column = place
        assert line <= len(lines) and column <= len(lines[line - 1]) + 1


def test_a_syntax_error_keeps_what_was_read_before_it() -> None:
    text = (
        "party: p\nclaims:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
        '  - id: c\n    text: "open\n'
    )
    parsed = tree_parse(text.encode(), "f.yaml")
    assert parsed.stopped is not None and parsed.stopped.line == 8
    # The claim cut short (c) is left out whole; the finished ones are kept.
    assert plain(parsed.tree) == {
        "party": "p",
        "claims": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}],
    }
    assert [f.code for f in parsed.findings] == ["AM001"]
    assert "while scanning a quoted scalar at line 8, column 11" in parsed.findings[0].message


@given(st.integers(0, 200))
def test_whatever_the_cut_the_partial_tree_holds_only_finished_claims(cut: int) -> None:
    text = "".join(f"  - id: c{i}\n    text: T{i}.\n" for i in range(6))
    text = "party: p\nclaims:\n" + text[:cut] + '"\n'
    parsed = tree_parse(text.encode(), "f.yaml")
    if parsed.stopped is None:
        return
    tree = plain(parsed.tree)
    for claim in (tree or {}).get("claims") or []:
        assert isinstance(claim, dict) and claim.keys() <= {"id", "text"}
        if "text" in claim:
            assert claim["text"] == f"T{claim['id'][1:]}."


def test_messages_are_one_line_even_for_hostile_tags() -> None:
    _, findings = parse("x: !<tag:a\\nb> 1\n")
    assert findings and all("\n" not in message for *_, message in findings)


# PyYAML's emitter writes NEL raw inside quotes, where YAML folds it: a dumper bug.
SCALARS = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x85"), max_size=20
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(SCALARS, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(STRUCTURES, st.booleans())
def test_any_string_structure_round_trips(value: Any, flow: bool) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    tree, findings = parse_tree(text.encode("utf-8"), "f.yaml")
    assert findings == []
    assert plain(tree) == value
