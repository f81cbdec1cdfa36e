"""Fuzz the YAML layer: whatever the bytes, ``parse_tree`` and the loader return findings.

Properties: no exception ever leaves them; every finding has a place inside the file;
every value of the tree is a string, None, a list or a mapping of strings; plain data
round-trips through ``yaml.safe_dump``; anchors, aliases and tags are always refused.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import assume, example, given
from hypothesis import strategies as st

from argmap.findings import Finding
from argmap.loading import tree as yamltree
from argmap.loading.build import load
from argmap.loading.tree import Node, parse_tree

from .strategies import HOSTILE, document, dumped, hostile_text, node_events, plain


def plain_of(node: Node | None) -> Any:
    """A node tree as plain Python data, checking its shape on the way."""
    if node is None:
        return None
    value, line, column = node
    assert line >= 1 and column >= 1
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list):
        return [plain_of(item) for item in value]
    assert isinstance(value, dict)
    out = {}
    for key, (key_line, key_column, child) in value.items():
        assert isinstance(key, str) and key_line >= 1 and key_column >= 1
        out[key] = plain_of(child)
    return out


def assert_placed(findings: list[Finding], text_lines: int) -> None:
    for finding in findings:
        assert finding.message and "\n" not in finding.message
        assert 1 <= finding.span.line <= text_lines + 1, finding
        assert finding.span.column >= 1, finding


def load_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "fuzz.yaml"
        path.write_bytes(data)
        amap = load(directory)
        for finding in amap.problems:
            assert finding.span.line >= 1 and finding.span.column >= 1


@given(st.binary(max_size=400))
@example(b"\xff\xfe\x00\x00a\x00\x00\x00")  # UTF-32 BOM
@example(b"\xef\xbb\xbf\xef\xbb\xbf")  # two UTF-8 BOMs
@example(b"\xfe\xff\x00[\x00[")
def test_any_bytes_give_findings_never_an_exception(data: bytes) -> None:
    tree, findings = parse_tree(data, "fuzz.yaml")
    plain_of(tree)
    assert_placed(findings, data.count(b"\n") + data.count(b"\r") + 1)
    load_bytes(data)


@given(st.lists(st.one_of(st.sampled_from(HOSTILE), hostile_text), max_size=30).map("".join))
def test_any_text_gives_findings_never_an_exception(text: str) -> None:
    tree, findings = parse_tree(text, "fuzz.yaml")
    plain_of(tree)
    assert_placed(findings, len(text.splitlines()) + text.count("\x85") + 1)
    encoded = text.encode("utf-8", "surrogatepass")
    load_bytes(encoded)
    load_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"))


@given(dumped(plain))
@example("- ' ': null\n  ? '\x85    '\n  : null\n")  # NEL in a quoted key folds to a space
def test_plain_data_round_trips(text: str) -> None:
    expected = yaml.safe_load(text)
    tree, findings = parse_tree(text, "fuzz.yaml")
    if _repeats_a_key(yaml.compose(text, Loader=yaml.SafeLoader)):
        # PyYAML's emitter writes a line break (NEL, U+2028) raw inside a quoted key and
        # YAML folds it to a space: two keys became one. argmap says so; PyYAML keeps the last.
        assert {f.code for f in findings} == {"AM003"}
        return
    assert findings == []
    assert plain_of(tree) == expected


def _repeats_a_key(node: yaml.Node | None) -> bool:
    if isinstance(node, yaml.SequenceNode):
        return any(_repeats_a_key(item) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value]
        return len(keys) != len(set(keys)) or any(_repeats_a_key(v) for _, v in node.value)
    return False


@given(dumped(plain), st.sampled_from(["utf-8-sig", "utf-16", "utf-16-be", "utf-32"]))
def test_plain_data_round_trips_in_every_encoding_with_a_bom(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "f.yaml").write_bytes(data)
        plain_text = yaml.safe_load(text)
        amap = load(directory)
        # The loader reads a mapping at the top and nothing else: whatever the data,
        # the problems it reports are those of the same text in UTF-8.
        (Path(directory) / "f.yaml").write_bytes(text.encode("utf-8"))
        again = load(directory)
    assert [(f.code, f.span.line, f.span.column, f.message) for f in amap.problems] == [
        (f.code, f.span.line, f.span.column, f.message) for f in again.problems
    ], plain_text


@given(
    st.lists(
        st.sampled_from(
            [
                "no",
                "yes",
                "on",
                "off",
                "012",
                "0o17",
                "0x1F",
                "1e3",
                "1_000",
                ".inf",
                ".NaN",
                "2024-01-01",
                "12:30:00",
                "true",
                "-1",
                "+1",
                "0b101",
                "2001-12-14t21:59:43.10-05:00",
            ]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_yaml_1_1_lookalikes_stay_strings(values: list[str]) -> None:
    text = (
        "".join(f"- {v}\n" for v in values) + "- {" + ", ".join(f"{v}: {v}" for v in values) + "}\n"
    )
    tree, findings = parse_tree(text, "fuzz.yaml")
    data = plain_of(tree)
    assert {f.code for f in findings} <= {"AM003"}  # a value drawn twice is a repeated key
    assert data[:-1] == values
    assert data[-1] == {v: v for v in values}


def _has(events: list[Any], attribute: str, refused: Any) -> bool:
    return any(refused(getattr(e, attribute, None)) for e in events)


@given(node_events)
def test_event_streams_refuse_anchors_aliases_and_tags(events: list[Any]) -> None:
    try:
        text = yaml.emit(document(events))
    except yaml.YAMLError:
        assume(False)
        return
    tree, findings = parse_tree(text, "fuzz.yaml")
    plain_of(tree)
    codes = {f.code for f in findings}
    if any(isinstance(e, yaml.AliasEvent) for e in events) or _has(
        events, "anchor", lambda a: a is not None
    ):
        assert "AM004" in codes or "AM001" in codes, text
    strange = {None, "!", "tag:yaml.org,2002:str"}
    if _has(events, "tag", lambda t: t not in strange):
        assert "AM004" in codes or "AM001" in codes, text
    if not codes & {"AM001", "AM004", "AM002", "AM003"}:
        # The same text parsed by PyYAML's pure-Python parser, built the simplest way.
        assert plain_of(tree) == _expected(yaml.parse(text, Loader=yaml.SafeLoader)), text


_NULLS = ("", "~", "null", "Null", "NULL")


def _expected(events: Any) -> Any:
    """The plain data of an event stream: a plain untagged null word is None, all else text.

    ``!`` is the non-specific tag: YAML resolves the scalar as a string (PyYAML's
    composer would resolve it like an untagged plain scalar; argmap follows the spec).
    """
    stack: list[list[Any]] = [[]]
    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            null = event.tag is None and event.implicit[0] and event.value in _NULLS
            stack[-1].append(None if null else event.value)
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            stack.append([])
        elif isinstance(event, yaml.SequenceEndEvent):
            items = stack.pop()
            stack[-1].append(items)
        elif isinstance(event, yaml.MappingEndEvent):
            items = stack.pop()
            stack[-1].append(dict(zip(items[::2], items[1::2], strict=True)))
    return stack[0][0] if stack[0] else None


@given(st.one_of(st.binary(max_size=300), hostile_text.map(lambda t: t.encode("utf-8", "replace"))))
@example(b"claims:\n  - id: \x01\n")  # the pure-Python reader raised this at construction
def test_the_pure_python_parser_also_gives_findings_never_an_exception(data: bytes) -> None:
    """PyYAML without libyaml parses in Python; argmap must stand on it too."""
    names = vars(yamltree)
    saved, names["Parser"] = names["Parser"], yaml.SafeLoader
    try:
        tree, findings = parse_tree(data, "fuzz.yaml")
    finally:
        names["Parser"] = saved
    plain_of(tree)
    assert all(f.span.line >= 1 and f.span.column >= 1 for f in findings)
