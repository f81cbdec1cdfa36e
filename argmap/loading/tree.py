"""Claim-file YAML to a tree of plain values with positions, from libyaml's events.

This is the only code that parses YAML. It never constructs Python objects from
tags, never expands aliases, and stops reading a file that nests deeper than
``MAX_DEPTH``, so hostile input costs time and memory linear in its size.

A node is a tuple ``(value, line, column)`` (1-based) where value is a ``str``,
``None`` (null or refused), a ``list`` of nodes, or a ``dict`` mapping each key to
``(key_line, key_column, node)``. Every scalar stays a string: ``no``, ``012`` and
``2024-01-01`` are text, as the schema wants, never YAML 1.1 guesses.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import Any, TypeAlias

import yaml

from argmap.findings import Finding
from argmap.lint import duplicate_key, unsupported_yaml, yaml_syntax
from argmap.loading.text import decode
from argmap.model import Span

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

Node: TypeAlias = tuple[Any, int, int]
Entry: TypeAlias = tuple[int, int, Node]

MAX_DEPTH = 32
MAX_NODES = 4_000_000
"""Values read from one file at most: bounds the memory a file costs (claim files hold
far fewer; 100,000 claims are about 2,000,000)."""
MAX_LISTED = 100
"""Findings of one rule listed per file; the others are counted in one more finding."""
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_NULL_TAG = "tag:yaml.org,2002:null"
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_INVALID_KEY = object()
# The event classes, bound once: the event loop compares types by identity.
_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_AliasEvent, _DocumentStartEvent = yaml.AliasEvent, yaml.DocumentStartEvent


def parse_tree(data: bytes | str, path: str) -> tuple[Node | None, list[Finding]]:
    """Parse one YAML document into a node tree, with findings for what was refused."""
    findings: list[Finding] = []
    counts: dict[Any, int] = {}
    first_unlisted: dict[Any, tuple[int, int]] = {}

    def report(rule: Any, message: str, line: int, column: int) -> None:
        count = counts[rule] = counts.get(rule, 0) + 1
        if count <= MAX_LISTED:
            findings.append(rule.RULE.finding(message, Span(path, line, column)))
        elif count == MAX_LISTED + 1:
            first_unlisted[rule] = (line, column)

    root = _parse(data, report)
    for rule, (line, column) in first_unlisted.items():
        findings.append(
            rule.RULE.finding(
                f"{counts[rule] - MAX_LISTED} more {rule.RULE.name} problems in this file "
                "are not listed, from here on; fix the ones above first",
                Span(path, line, column),
            )
        )
    return root, findings


Report: TypeAlias = Callable[[Any, str, int, int], None]


def _parse(data: bytes | str, report: Report) -> Node | None:
    parser = None
    try:
        parser = _Parser(data)  # the pure-Python reader checks characters here already
        root = _build(parser.get_event, report)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _within(data, mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        report(yaml_syntax, f"invalid YAML: {problem}", line, column)
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line, column = _offset_position(data, exc.position)
        report(
            yaml_syntax,
            f"invalid YAML: {exc.reason}: U+{character:04X}; remove that character",
            line,
            column,
        )
        return None
    except yaml.YAMLError as exc:
        report(yaml_syntax, f"invalid YAML: {_one_line(str(exc))}", 1, 1)
        return None
    finally:
        if parser is not None:
            parser.dispose()
    return root


def _build(get_event: Callable[[], Any], report: Report) -> Node | None:
    """Turn the event stream into nodes; the first document's root, or None.

    This loop runs once per event (about 14 per claim), so it is written for speed:
    one function, the open container and its pending key in local variables, and
    ``type(event) is`` tests in order of frequency instead of a dispatch table of
    methods. Measured on 100,000 claims, that is a third of the time of the method
    per event it replaces (see docs/performance.md).
    """
    root: Node | None = None
    stack: list[tuple[Any, Any, int, int]] = []  # enclosing (container, key, line, column)
    container: dict[str, Entry] | list[Node] | None = None  # None: at the top level
    key: Any = None  # in a mapping: the key node waiting for its value
    opened_line = opened_column = 0  # where the open container starts
    documents = 0
    nodes = 0
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is _ScalarEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.anchor is not None:
                _refuse_anchor(report, line, column)
            value: str | None = event.value
            tag = event.tag
            if tag is None:
                if value in _NULLS and event.implicit[0]:
                    value = None
            elif tag not in _STR_TAGS:
                if tag != _NULL_TAG:
                    _refuse_tag(report, tag, line, column)
                value = None
            node: Node = (value, line, column)
        elif kind is _MappingStartEvent or kind is _SequenceStartEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if len(stack) >= MAX_DEPTH:
                report(
                    unsupported_yaml,
                    f"nesting deeper than {MAX_DEPTH} levels; claim files need a few, "
                    "so the rest of this file was not read",
                    line,
                    column,
                )
                break
            if event.anchor is not None:
                _refuse_anchor(report, line, column)
            if event.tag is not None and event.tag not in _CONTAINER_TAGS:
                _refuse_tag(report, event.tag, line, column)
            stack.append((container, key, opened_line, opened_column))
            container = {} if kind is _MappingStartEvent else []
            key, opened_line, opened_column = None, line, column
            continue
        elif kind is _MappingEndEvent or kind is _SequenceEndEvent:
            node = (container, opened_line, opened_column)
            container, key, opened_line, opened_column = stack.pop()
        elif kind is _AliasEvent:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            report(
                unsupported_yaml,
                f"alias '*{event.anchor}' is not supported in claim files; write the value out",
                line,
                column,
            )
            node = (None, line, column)
        elif kind is _DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                report(
                    yaml_syntax,
                    "a claim file holds one YAML document; "
                    "split the others into files of their own",
                    mark.line + 1,
                    mark.column + 1,
                )
                break
            continue
        else:
            continue  # stream and document ends
        # Add the finished node to the open container.
        nodes += 1
        if nodes > MAX_NODES:
            report(
                unsupported_yaml,
                f"more than {MAX_NODES:,} values in one file; split it "
                "(the rest of this file was not read)",
                node[1],
                node[2],
            )
            break
        if container is None:
            if root is None:
                root = node
        elif type(container) is list:
            container.append(node)
        elif key is None:
            key = node if type(node[0]) is str else _invalid_key(report, node)
        else:
            if key is not _INVALID_KEY:
                key_text, key_line, key_column = key
                if key_text in container:
                    _duplicate_key(report, key_text, container[key_text][0], key_line, key_column)
                else:
                    container[key_text] = (key_line, key_column, node)
            key = None
    return root


def _refuse_anchor(report: Report, line: int, column: int) -> None:
    report(unsupported_yaml, "anchors are not supported in claim files", line, column)


def _refuse_tag(report: Report, tag: str, line: int, column: int) -> None:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    report(
        unsupported_yaml,
        f"tag '{_one_line(shown)}' is not supported; claim files hold plain strings, "
        "lists and mappings",
        line,
        column,
    )


def _duplicate_key(report: Report, key_text: str, first_line: int, line: int, column: int) -> None:
    report(
        duplicate_key,
        f"key '{_one_line(key_text)}' repeats the one on line {first_line}; "
        "the first value is kept, remove one of them",
        line,
        column,
    )


def _invalid_key(report: Report, node: Node) -> Any:
    from argmap.lint import schema

    value, line, column = node
    what = "null" if value is None else "a list" if isinstance(value, list) else "a mapping"
    report(schema, f"a key must be a plain string, not {what}", line, column)
    return _INVALID_KEY


def _one_line(text: str, limit: int = 120) -> str:
    """Text fit for a one-line message: control characters escaped, length bounded."""
    flat = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as line breaks


def _within(data: bytes | str, line: int, column: int) -> tuple[int, int]:
    """A parse error's place, kept inside the file.

    At the end of a file without a final line break, libyaml reports the line after
    the last one; point at the end of the last line instead.
    """
    if column != 1:
        return line, column
    text = data if isinstance(data, str) else decode(data)
    if not isinstance(text, str):
        return line, column
    lines = _BREAKS.split(text)
    if line <= len(lines):
        return line, column
    return len(lines), len(lines[-1]) + 1


def _offset_position(data: bytes | str, offset: int) -> tuple[int, int]:
    """Line and column of libyaml's reader offset: bytes of UTF-8, or of UTF-16 after a BOM."""
    if isinstance(data, bytes) and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        before = data[:offset].decode("utf-16", "replace")
    else:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        before = raw[:offset].decode("utf-8", "replace")
    lines = _BREAKS.split(before.removeprefix("\ufeff"))
    return len(lines), len(lines[-1]) + 1
