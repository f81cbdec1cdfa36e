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

import re
from collections.abc import Callable
from typing import Any, TypeAlias

import yaml

from argmap.findings import Finding
from argmap.lint import duplicate_key, unsupported_yaml, yaml_syntax
from argmap.model import Span
from argmap.textfile import decode

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

Node: TypeAlias = tuple[Any, int, int]
Entry: TypeAlias = tuple[int, int, Node]

MAX_DEPTH = 32
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_NULL_TAG = "tag:yaml.org,2002:null"
_INVALID_KEY = object()


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("column", "container", "is_map", "key", "line")

    def __init__(self, is_map: bool, line: int, column: int) -> None:
        self.container: dict[Any, Entry] | list[Node] = {} if is_map else []
        self.is_map = is_map
        self.key: Any = None
        self.line = line
        self.column = column


def parse_tree(data: bytes | str, path: str) -> tuple[Node | None, list[Finding]]:
    """Parse one YAML document into a node tree, with findings for what was refused."""
    findings: list[Finding] = []

    def report(rule: Any, message: str, line: int, column: int) -> None:
        findings.append(rule.RULE.finding(message, Span(path, line, column)))

    builder = _TreeBuilder(report)
    parser = _Parser(data)
    try:
        get_event = parser.get_event
        while (event := get_event()) is not None:
            if not builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _within(data, mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        report(yaml_syntax, f"invalid YAML: {problem}", line, column)
        return None, findings
    except yaml.YAMLError as exc:  # reader errors: control characters, bad encoding
        report(yaml_syntax, f"invalid YAML: {_one_line(str(exc))}", 1, 1)
        return None, findings
    finally:
        parser.dispose()
    return builder.root, findings


class _TreeBuilder:
    """Turns a stream of events into nodes; returns False from ``feed`` to stop."""

    def __init__(self, report: Callable[[Any, str, int, int], None]) -> None:
        self.report = report
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0
        self.handlers: dict[type, Callable[[Any], bool]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document,
        }

    def feed(self, event: Any) -> bool:
        handler = self.handlers.get(type(event))
        return handler(event) if handler else True

    def _document(self, event: Any) -> bool:
        self.documents += 1
        if self.documents > 1:
            mark = event.start_mark
            self.report(
                yaml_syntax,
                "a claim file holds one YAML document; split the others into files of their own",
                mark.line + 1,
                mark.column + 1,
            )
            return False
        return True

    def _scalar(self, event: Any) -> bool:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if event.anchor is not None:
            self._refuse_anchor(line, column)
        tag = event.tag
        value: str | None = event.value
        if tag in _STR_TAGS:
            if tag is None and event.implicit[0] and value in _NULLS:
                value = None
        elif tag == _NULL_TAG:
            value = None
        else:
            self._refuse_tag(tag, line, column)
            value = None
        self._add((value, line, column))
        return True

    def _start(self, event: Any) -> bool:
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if len(self.stack) >= MAX_DEPTH:
            self.report(
                unsupported_yaml,
                f"nesting deeper than {MAX_DEPTH} levels; claim files need a few, "
                "so the rest of this file was not read",
                line,
                column,
            )
            return False
        if event.anchor is not None:
            self._refuse_anchor(line, column)
        if event.tag is not None and event.tag not in (
            "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq",
        ):
            self._refuse_tag(event.tag, line, column)
        self.stack.append(_Frame(type(event) is yaml.MappingStartEvent, line, column))
        return True

    def _end(self, event: Any) -> bool:
        frame = self.stack.pop()
        self._add((frame.container, frame.line, frame.column))
        return True

    def _alias(self, event: Any) -> bool:
        mark = event.start_mark
        self.report(
            unsupported_yaml,
            f"alias '*{event.anchor}' is not supported in claim files; write the value out",
            mark.line + 1,
            mark.column + 1,
        )
        self._add((None, mark.line + 1, mark.column + 1))
        return True

    def _refuse_anchor(self, line: int, column: int) -> None:
        self.report(unsupported_yaml, "anchors are not supported in claim files", line, column)

    def _refuse_tag(self, tag: str, line: int, column: int) -> None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self.report(
            unsupported_yaml,
            f"tag '{_one_line(shown)}' is not supported; claim files hold plain strings, "
            "lists and mappings",
            line,
            column,
        )

    def _add(self, node: Node) -> None:
        if not self.stack:
            if self.root is None:
                self.root = node
            return
        frame = self.stack[-1]
        if not frame.is_map:
            frame.container.append(node)  # type: ignore[union-attr]
            return
        if frame.key is None:
            frame.key = self._key(node)
            return
        key, frame.key = frame.key, None
        if key is _INVALID_KEY:
            return
        mapping: dict[Any, Entry] = frame.container  # type: ignore[assignment]
        key_text, key_line, key_column = key
        if key_text in mapping:
            first_line = mapping[key_text][0]
            self.report(
                duplicate_key,
                f"key '{_one_line(key_text)}' repeats the one on line {first_line}; "
                "the first value is kept, remove one of them",
                key_line,
                key_column,
            )
            return
        mapping[key_text] = (key_line, key_column, node)

    def _key(self, node: Node) -> Any:
        value, line, column = node
        if isinstance(value, str):
            return node
        from argmap.lint import schema

        what = "null" if value is None else "a list" if isinstance(value, list) else "a mapping"
        self.report(schema, f"a key must be a plain string, not {what}", line, column)
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
