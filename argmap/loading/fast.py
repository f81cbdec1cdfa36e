"""The loader's fast path: the claims of a plain, valid claim file, straight from events.

The ordinary path reads any file and explains every problem in it: libyaml's events
become a tree of positioned nodes (``tree.py``), then ``build.py`` validates the tree
and builds records. A claim file is thus built twice, and most files in a repository
have nothing to explain. This module builds the ``Claim`` records of a file whose
top-level keys are only ``party`` and ``claims`` directly from the event stream, and
gives up - returns None - at the first thing it does not expect: any value the
ordinary path would report (a null, a bad id, an unknown key, a blank text), a tag,
an anchor or alias, a repeated key, a second document, a syntax error. The loader
then reads that file the ordinary way, so every message is the ordinary path's.

Both paths read the keys of ``fields.py`` (the claim schema, stated once). What this
one accepts it builds exactly as the ordinary path would, positions included;
``tests/loading/test_fast.py`` holds the two paths to that on generated files. On a map
of 100,000 claims it reads the claim files in about half the time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from argmap.loading.events import (
    NULLS,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    Parser,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from argmap.loading.fields import (
    CITATION_FIELDS,
    CITATION_SPANNED,
    CLAIM_FIELDS,
    ID_RE,
    SPANNED,
    ValueType,
    date_problem,
    is_kind,
    make_citation,
    make_claim,
    undercut_parts,
)
from argmap.model import Citation, Claim, Ignore, Ref, Span, Undercut

_Scalar = ScalarEvent
_MappingStart, _MappingEnd = MappingStartEvent, MappingEndEvent
_SequenceStart, _SequenceEnd = SequenceStartEvent, SequenceEndEvent


class _GiveUp(Exception):
    """Something the fast path does not build: the ordinary path reads the file."""


def read_claims(source: bytes | str, path: str, *, max_values: int) -> list[Claim] | None:
    """The claims of a plain, valid claim file, or None to read it the ordinary way.

    A file that could hold more than ``max_values`` values is left to the ordinary
    path, which counts them and reports too many: every value takes at least one
    character of its own (a scalar its first, a flow collection its bracket, a block
    sequence its first dash, a block mapping its first colon), so a file of at most
    ``max_values`` characters cannot, and is read uncounted.
    """
    if len(source) > max_values:
        return None
    parser = reader = None
    try:
        parser = Parser(source)  # the pure-Python reader checks characters here already
        reader = _FileReader(parser.get_event, path)
        return reader.read()
    except (_GiveUp, yaml.YAMLError):
        return None
    finally:
        if reader is not None:
            # Its table of its own bound methods is a reference cycle; with the collector
            # paused (gc_pause.py) a cycle per file would pile up in a long-lived process.
            reader.fields.clear()
            reader.citation_fields.clear()
        if parser is not None:
            parser.dispose()


class _FileReader:
    """Reads one file's events; each ``_read_*`` method consumes one value."""

    def __init__(self, get_event: Callable[[], Any], path: str) -> None:
        self.event = get_event
        self.path = path
        self.id_match = ID_RE.fullmatch
        self.default_party: str | None = None
        self.default_party_span: Span | None = None
        readers: dict[ValueType, Callable[[Any], Any]] = {
            "id": self._read_id,
            "text": self._read_text,
            "string": self._string,
            "kind": self._read_kind,
            "date": self._read_date,
            "refs": self._read_refs,
            "undercuts": self._read_undercuts,
            "citations": self._read_citations,
            "tags": self._read_tags,
            "ignores": self._read_ignores,
        }
        self.fields = {key: readers[value_type] for key, value_type in CLAIM_FIELDS.items()}
        self.citation_fields = {
            key: readers[value_type] for key, value_type in CITATION_FIELDS.items()
        }

    # -- the file -------------------------------------------------------------------

    def read(self) -> list[Claim]:
        if (
            type(self.event()) is not StreamStartEvent
            or type(self.event()) is not DocumentStartEvent
        ):
            raise _GiveUp
        top = self.event()
        self._start(top, _MappingStart)  # not an empty file, nor a list or a string
        fields: list[tuple[dict[str, Any], int, int]] = []
        seen: set[str] = set()
        while type(event := self.event()) is not _MappingEnd:
            key = self._key(event, seen)
            if key == "party":
                event = self.event()
                self.default_party = self._read_id(event)
                self.default_party_span = self._span(event)
            elif key == "claims":
                fields = self._read_claims(self.event())
            else:
                raise _GiveUp  # map, parties, sources, glossary, events: the full path's
        if type(self.event()) is not DocumentEndEvent or type(self.event()) is not StreamEndEvent:
            raise _GiveUp  # a second document
        # Built last: the file's `party`, the default, may follow its claims.
        party, party_span = self.default_party, self.default_party_span
        claims = []
        for values, line, column in fields:
            if "party" not in values and party is None:
                raise _GiveUp
            claims.append(make_claim(values, Span(self.path, line, column), party, party_span))
        return claims

    def _key(self, event: Any, seen: set[str]) -> str:
        key = self._string(event)
        if key in seen:
            raise _GiveUp  # a repeated key
        seen.add(key)
        return key

    def _string(self, event: Any) -> str:
        """A plain or quoted string with no tag or anchor."""
        if type(event) is not _Scalar or event.tag is not None or event.anchor is not None:
            raise _GiveUp
        value: str = event.value
        # events.is_null, inlined: this runs for every value of every claim.
        if value in NULLS and event.implicit[0]:
            raise _GiveUp  # null: never a valid value in a claim
        return value

    def _span(self, event: Any) -> Span:
        mark: Any = event.start_mark
        return Span(self.path, mark.line + 1, mark.column + 1)

    def _start(self, event: Any, kind: Any) -> None:
        """Checks a mapping or sequence (of ``kind``) with no tag or anchor starts here."""
        if type(event) is not kind or event.tag is not None or event.anchor is not None:
            raise _GiveUp

    # -- claims ---------------------------------------------------------------------

    def _read_claims(self, event: Any) -> list[tuple[dict[str, Any], int, int]]:
        self._start(event, _SequenceStart)
        claims = []
        while type(event := self.event()) is not _SequenceEnd:
            claims.append(self._read_claim(event))
        return claims

    def _read_claim(self, event: Any) -> tuple[dict[str, Any], int, int]:
        """A claim's values, each read by the reader of its type, and its position."""
        self._start(event, _MappingStart)
        mark: Any = event.start_mark
        values: dict[str, Any] = {}
        fields, next_event = self.fields, self.event
        while type(event := next_event()) is not _MappingEnd:
            # A key, checked here rather than by _string: this loop runs for every field of
            # every claim. A null key ("", "~") is no field name, so fields.get rejects it.
            if type(event) is not _Scalar or event.tag is not None or event.anchor is not None:
                raise _GiveUp
            key = event.value
            read = fields.get(key)
            if read is None or key in values:
                raise _GiveUp  # an unknown or repeated key
            value_event = next_event()
            values[key] = read(value_event)
            if key in SPANNED:
                at: Any = value_event.start_mark  # self._span, inlined
                values[key + "_span"] = Span(self.path, at.line + 1, at.column + 1)
        if "id" not in values or "text" not in values:
            raise _GiveUp
        return values, mark.line + 1, mark.column + 1

    # -- values ---------------------------------------------------------------------

    def _read_text(self, event: Any) -> str:
        value = self._string(event)
        if not value or value.isspace():  # fields.is_text of a string, without the call
            raise _GiveUp  # blank
        return value

    def _read_id(self, event: Any) -> str:
        value = self._string(event)
        if self.id_match(value) is None:  # fields.is_id of a string, without the call
            raise _GiveUp
        return value

    def _read_kind(self, event: Any) -> str:
        value = self._string(event)
        if not is_kind(value):
            raise _GiveUp
        return value

    def _read_date(self, event: Any) -> str:
        value = self._string(event)
        if date_problem(value) is not None:
            raise _GiveUp
        return value

    def _items(self, event: Any) -> list[Any]:
        """The events of one string, or of a list of strings."""
        if type(event) is _Scalar:
            return [event]
        self._start(event, _SequenceStart)
        items = []
        while type(event := self.event()) is not _SequenceEnd:
            items.append(event)
        return items

    def _read_refs(self, event: Any) -> tuple[Ref, ...]:
        if type(event) is _Scalar:  # one id, as most claims write it: no list to build
            return (Ref(self._read_id(event), self._span(event)),)
        return tuple(Ref(self._read_id(item), self._span(item)) for item in self._items(event))

    def _read_undercuts(self, event: Any) -> tuple[Undercut, ...]:
        undercuts = []
        for item in self._items(event):
            parts = undercut_parts(self._string(item))
            if parts is None:
                raise _GiveUp
            undercuts.append(Undercut(parts[0], parts[1], self._span(item)))
        return tuple(undercuts)

    def _read_tags(self, event: Any) -> tuple[str, ...]:
        self._start(event, _SequenceStart)  # a single string is an error: a list it must be
        tags = []
        while type(event := self.event()) is not _SequenceEnd:
            tags.append(self._read_text(event))
        return tuple(tags)

    def _read_citations(self, event: Any) -> tuple[Citation, ...]:
        if type(event) is _MappingStart:
            return (self._read_citation(event),)
        self._start(event, _SequenceStart)
        citations = []
        while type(event := self.event()) is not _SequenceEnd:
            citations.append(self._read_citation(event))
        return tuple(citations)

    def _read_citation(self, event: Any) -> Citation:
        self._start(event, _MappingStart)
        values: dict[str, Any] = {}
        fields, next_event = self.citation_fields, self.event
        while type(event := next_event()) is not _MappingEnd:
            # As in _read_claim: the key checked here; a null key is no field name.
            if type(event) is not _Scalar or event.tag is not None or event.anchor is not None:
                raise _GiveUp
            key = event.value
            read = fields.get(key)
            if read is None or key in values:
                raise _GiveUp  # an unknown or repeated key
            value_event = next_event()
            values[key] = read(value_event)
            if key in CITATION_SPANNED:
                at: Any = value_event.start_mark  # self._span, inlined
                values[key + "_span"] = Span(self.path, at.line + 1, at.column + 1)
        if "source" not in values:
            raise _GiveUp
        return make_citation(values)

    def _read_ignores(self, event: Any) -> tuple[Ignore, ...]:
        self._start(event, _MappingStart)
        ignores = []
        seen: set[str] = set()
        while type(event := self.event()) is not _MappingEnd:
            span = self._span(event)
            code = self._key(event, seen)
            ignores.append(Ignore(code, self._read_text(self.event()), span))
        return tuple(ignores)
