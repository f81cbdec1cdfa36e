"""Claim-file YAML to a tree of plain values with positions, from libyaml's events.

This is the only code that builds values from YAML. It never constructs Python
objects from tags, never expands aliases, and stops reading a file that nests deeper
than ``MAX_DEPTH``, so hostile input costs time and memory linear in its size.

A ``Node`` is ``(value, line, column)`` (1-based) where value is a ``str``, ``None``
(null or refused), a ``list`` of nodes, or a ``dict`` mapping each key to a ``Field``
``(key_line, key_column, node)``. Every scalar stays a string: ``no``, ``012`` and
``2024-01-01`` are text, as the schema wants, never YAML 1.1 guesses.

A file with a syntax error still gives what was read before the error: the values
finished by then, in the containers still open, closed where they stand. A record
cut short by the error (an open mapping or list below the top two levels, such as
the claim being read) is left out whole, so nothing half-read looks complete.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeAlias

import yaml

from argmap.findings import DUPLICATE_KEY, SCHEMA, UNSUPPORTED_YAML, YAML_SYNTAX, Finding, Rule
from argmap.loading.events import (
    MAX_DEPTH,
    MAX_LISTED,
    MAX_NODES,
    NULLS,
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    Parser,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from argmap.loading.text import decode, one_line
from argmap.model import Span

__all__ = ["MAX_DEPTH", "MAX_LISTED", "MAX_NODES", "Field", "Node", "Parsed", "parse", "parse_tree"]


class Node(NamedTuple):
    """A value of the file and where it starts (1-based line and column)."""

    value: Any
    """A ``str``, ``None``, a ``list`` of nodes, or a ``dict`` of key -> ``Field``."""
    line: int
    column: int


class Field(NamedTuple):
    """An entry of a mapping: where its key is written, and its value."""

    key_line: int
    key_column: int
    node: Node


Mapping: TypeAlias = dict[str, Field]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A file's tree and findings. ``stopped`` is set when a syntax error ended the
    reading there: ``tree`` then holds only what came before it."""

    tree: Node | None
    findings: list[Finding] = field(default_factory=list)
    stopped: Span | None = None


_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_NULL_TAG = "tag:yaml.org,2002:null"
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_INVALID_KEY = object()
_KEPT_OPEN = 2
"""Open containers kept at a syntax error: the file's mapping and its sections."""


def parse_tree(data: bytes | str, path: str) -> tuple[Node | None, list[Finding]]:
    """Parse one YAML document into a node tree, with findings for what was refused.

    On a syntax error the tree is None; ``parse`` keeps what came before the error.
    """
    parsed = parse(data, path)
    return (None if parsed.stopped else parsed.tree), parsed.findings


def parse(data: bytes | str, path: str) -> Parsed:
    """Parse one YAML document: its tree (partial after a syntax error) and findings."""
    findings: list[Finding] = []
    counts: dict[Rule, int] = {}
    first_unlisted: dict[Rule, tuple[int, int]] = {}

    def report(rule: Rule, message: str, line: int, column: int) -> None:
        count = counts[rule] = counts.get(rule, 0) + 1
        if count <= MAX_LISTED:
            findings.append(rule.finding(message, Span(path, line, column)))
        elif count == MAX_LISTED + 1:
            first_unlisted[rule] = (line, column)

    root, stopped = _parse(data, report)
    for rule, (line, column) in first_unlisted.items():
        findings.append(
            rule.finding(
                f"{counts[rule] - MAX_LISTED} more {rule.name} problems in this file "
                "are not listed, from here on; fix the ones above first",
                Span(path, line, column),
            )
        )
    return Parsed(root, findings, Span(path, *stopped) if stopped else None)


Report: TypeAlias = Callable[[Rule, str, int, int], None]


def _parse(data: bytes | str, report: Report) -> tuple[Node | None, tuple[int, int] | None]:
    """The tree, and where a syntax error stopped the reading (None if it did not)."""
    parser = None
    builder = _TreeBuilder(report)
    try:
        parser = Parser(data)  # the pure-Python reader checks characters here already
        return builder.build(parser.get_event), None
    except yaml.MarkedYAMLError as exc:
        line, column = _error_position(data, exc)
        report(YAML_SYNTAX, f"invalid YAML: {_syntax_message(exc)}", line, column)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line, column = _offset_position(data, exc.position)
        report(
            YAML_SYNTAX,
            f"invalid YAML: {exc.reason}: U+{character:04X}; remove that character",
            line,
            column,
        )
    except yaml.YAMLError as exc:
        line, column = 1, 1
        report(YAML_SYNTAX, f"invalid YAML: {one_line(str(exc))}", line, column)
    finally:
        if parser is not None:
            parser.dispose()
    return builder.partial(), (line, column)


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    """The parser's problem and the context it was in, with that context's place."""
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.problem and exc.context:
        mark = exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return f"{problem}, {exc.context}{where}"
    return problem


def _error_position(data: bytes | str, exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    """Where to point for a parse error: inside the file, never past its end.

    An error found at the end of the stream (an unclosed quote or bracket) points
    where the unclosed thing starts, when the parser says.
    """
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return 1, 1
    line, column = _within(data, mark.line + 1, mark.column + 1)
    at_end = (line, column) != (mark.line + 1, mark.column + 1) or "end of stream" in str(
        exc.problem
    )
    if at_end and exc.context_mark is not None:
        return _within(data, exc.context_mark.line + 1, exc.context_mark.column + 1)
    return line, column


class _TreeBuilder:
    """Turns the event stream into nodes, keeping its state where an error may find it."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.root: Node | None = None
        self.stack: list[tuple[Any, Any, int, int]] = []
        self.container: Mapping | list[Node] | None = None
        self.key: Any = None
        self.opened = (0, 0)

    def partial(self) -> Node | None:
        """What was read before a syntax error: open containers closed where they stand,
        records cut short left out."""
        if self.root is not None:
            return self.root
        if self.container is None:
            return None  # nothing opened yet
        levels = [*self.stack[1:], (self.container, self.key, *self.opened)]
        node: Node | None = None  # the level below, closed, or None when left out
        for depth in range(len(levels) - 1, -1, -1):
            container, key, line, column = levels[depth]
            if node is not None:
                if type(container) is list:
                    container.append(node)
                elif key is not None and key is not _INVALID_KEY and key.value not in container:
                    container[key.value] = Field(key.line, key.column, node)
            node = Node(container, line, column) if depth < _KEPT_OPEN else None
        return node

    def build(self, get_event: Callable[[], Any]) -> Node | None:
        """The first document's root, or None.

        This loop runs once per event (about 14 per claim), so it is written for speed:
        the open container and its pending key in local variables, and ``type(event)
        is`` tests in order of frequency instead of a dispatch table of methods.
        Measured on 100,000 claims, that is a third of the time of the method per
        event it replaces (see docs/performance.md). The state goes back to ``self``
        only when a container opens or closes, so that ``partial`` can see it.
        """
        report = self.report
        stack = self.stack
        container: Any = None  # a Mapping or a list of nodes; None: at the top level
        key: Any = None  # in a mapping: the key node waiting for its value
        opened_line = opened_column = 0  # where the open container starts
        documents = 0
        nodes = 0
        while True:
            try:
                event = get_event()
            except yaml.YAMLError:
                self.container, self.key, self.opened = container, key, (opened_line, opened_column)
                raise
            if event is None:
                break
            kind = type(event)
            if kind is ScalarEvent:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if event.anchor is not None:
                    _refuse_anchor(report, line, column)
                value: str | None = event.value
                tag = event.tag
                if tag is None:
                    if value in NULLS and event.implicit[0]:
                        value = None
                elif tag not in _STR_TAGS:
                    if tag != _NULL_TAG:
                        _refuse_tag(report, tag, line, column)
                    value = None
                node = Node(value, line, column)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if len(stack) >= MAX_DEPTH:
                    report(
                        UNSUPPORTED_YAML,
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
                container = {} if kind is MappingStartEvent else []
                key, opened_line, opened_column = None, line, column
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                node = Node(container, opened_line, opened_column)
                container, key, opened_line, opened_column = stack.pop()
            elif kind is AliasEvent:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                report(
                    UNSUPPORTED_YAML,
                    f"alias '*{event.anchor}' is not supported in claim files; write the value out",
                    line,
                    column,
                )
                node = Node(None, line, column)
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    report(
                        YAML_SYNTAX,
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
                    UNSUPPORTED_YAML,
                    f"more than {MAX_NODES:,} values in one file; split it "
                    "(the rest of this file was not read)",
                    node.line,
                    node.column,
                )
                break
            if container is None:
                if self.root is None:
                    self.root = node
            elif type(container) is list:
                container.append(node)
            elif key is None:
                key = node if type(node.value) is str else _invalid_key(report, node)
            else:
                if key is not _INVALID_KEY:
                    key_text, key_line, key_column = key
                    if key_text in container:
                        first_line = container[key_text].key_line
                        _duplicate_key(report, key_text, first_line, key_line, key_column)
                    else:
                        container[key_text] = Field(key_line, key_column, node)
                key = None
        return self.root


def _refuse_anchor(report: Report, line: int, column: int) -> None:
    report(UNSUPPORTED_YAML, "anchors are not supported in claim files", line, column)


def _refuse_tag(report: Report, tag: str, line: int, column: int) -> None:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    report(
        UNSUPPORTED_YAML,
        f"tag '{one_line(shown)}' is not supported; claim files hold plain strings, "
        "lists and mappings",
        line,
        column,
    )


def _duplicate_key(report: Report, key_text: str, first_line: int, line: int, column: int) -> None:
    report(
        DUPLICATE_KEY,
        f"key '{one_line(key_text)}' repeats the one on line {first_line}; "
        "the first value is kept, remove one of them",
        line,
        column,
    )


def _invalid_key(report: Report, node: Node) -> Any:
    value, line, column = node
    what = "null" if value is None else "a list" if isinstance(value, list) else "a mapping"
    report(SCHEMA, f"a key must be a plain string, not {what}", line, column)
    return _INVALID_KEY


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what libyaml counts as line breaks


def _within(data: bytes | str, line: int, column: int) -> tuple[int, int]:
    """A parse error's place, kept inside the file.

    At the end of a file, libyaml reports the line after the last one; point at the
    end of the last line instead.
    """
    if column != 1:
        return line, column
    text = data if isinstance(data, str) else decode(data)
    if not isinstance(text, str):
        return line, column
    lines = _BREAKS.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # the final line break ends the last line; no line follows it
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
