"""The loader's fast path: the claims of a plain, valid claim file, straight from events.

The ordinary path reads any file and explains every problem in it: libyaml's events
become a tree of positioned nodes (``yamltree``), then the loader validates the tree
and builds records. A claim file is thus built twice, and most files in a repository
have nothing to explain. This module builds the ``Claim`` records of a file whose
top-level keys are only ``party`` and ``claims`` directly from the event stream, and
gives up - returns None - at the first thing it does not expect: any value the
ordinary path would report (a null, a bad id, an unknown key, a blank text), a tag,
an anchor or alias, a repeated key, a second document, a syntax error. The loader
then reads that file the ordinary way, so every message is the ordinary path's.

What it accepts it builds exactly as the ordinary path would, positions included;
``tests/test_fastload.py`` holds the two paths to that on generated files. On a map
of 100,000 claims it reads the claim files in about half the time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from argmap.model import CLAIM_KINDS, Citation, Claim, Ignore, Ref, Span, Undercut

try:
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_Scalar = yaml.ScalarEvent
_MappingStart, _MappingEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStart, _SequenceEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DocumentStart, _DocumentEnd = yaml.DocumentStartEvent, yaml.DocumentEndEvent
_StreamStart, _StreamEnd = yaml.StreamStartEvent, yaml.StreamEndEvent


class _GiveUp(Exception):
    """Something the fast path does not build: the ordinary path reads the file."""


def read_claims(
    source: bytes | str,
    path: str,
    *,
    id_pattern: re.Pattern[str],
    undercut_pattern: re.Pattern[str],
    max_values: int,
) -> list[Claim] | None:
    """The claims of a plain, valid claim file, or None to read it the ordinary way.

    ``id_pattern`` and ``undercut_pattern`` are the loader's own, so that both paths
    accept the same ids. A file that could hold more than ``max_values`` values is
    left to the ordinary path, which counts them and reports too many: every value
    takes at least one character of its own (a scalar its first, a flow collection
    its bracket, a block sequence its first dash, a block mapping its first colon),
    so a file of at most ``max_values`` characters cannot, and is read uncounted.
    """
    if len(source) > max_values:
        return None
    parser = reader = None
    try:
        parser = _Parser(source)  # the pure-Python reader checks characters here already
        reader = _FileReader(parser.get_event, path, id_pattern, undercut_pattern)
        return reader.read()
    except (_GiveUp, yaml.YAMLError):
        return None
    finally:
        if reader is not None:
            # Its table of its own bound methods is a reference cycle; with the collector
            # paused (gc_pause.py) a cycle per file would pile up in a long-lived process.
            reader.fields.clear()
        if parser is not None:
            parser.dispose()


class _FileReader:
    """Reads one file's events; each ``_read_*`` method consumes one value."""

    def __init__(
        self,
        get_event: Callable[[], Any],
        path: str,
        id_pattern: re.Pattern[str],
        undercut_pattern: re.Pattern[str],
    ) -> None:
        self.event = get_event
        self.path = path
        self.is_id = id_pattern.fullmatch
        self.undercut = undercut_pattern.match
        self.default_party: str | None = None
        self.default_party_span: Span | None = None
        self.fields: dict[str, Callable[[Any], Any]] = {
            "id": self._read_id,
            "text": self._read_text,
            "party": self._read_id_and_span,
            "kind": self._read_kind,
            "against": self._read_id_and_span,
            "supports": self._read_refs,
            "rebuts": self._read_refs,
            "undercuts": self._read_undercuts,
            "cite": self._read_citations,
            "tags": self._read_tags,
            "note": self._read_string,
            "ignore": self._read_ignores,
        }

    # -- the file -------------------------------------------------------------------

    def read(self) -> list[Claim]:
        if type(self.event()) is not _StreamStart or type(self.event()) is not _DocumentStart:
            raise _GiveUp
        top = self.event()
        self._start(top, _MappingStart)  # not an empty file, nor a list or a string
        fields: list[tuple[dict[str, Any], int, int]] = []
        seen: set[str] = set()
        while type(event := self.event()) is not _MappingEnd:
            key = self._key(event, seen)
            if key == "party":
                self.default_party, self.default_party_span = self._read_id_and_span(self.event())
            elif key == "claims":
                fields = self._read_claims(self.event())
            else:
                raise _GiveUp  # map, parties, sources: the ordinary path builds those
        if type(self.event()) is not _DocumentEnd or type(self.event()) is not _StreamEnd:
            raise _GiveUp  # a second document
        # Built last: the file's `party`, the default, may follow its claims.
        return [self._claim(values, line, column) for values, line, column in fields]

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
        if value in _NULLS and event.implicit[0]:
            raise _GiveUp  # null: never a valid value in a claim
        return value

    def _scalar(self, event: Any) -> tuple[str, int, int]:
        """A string as ``_string`` reads it, and its 1-based position."""
        value = self._string(event)
        mark: Any = event.start_mark
        return value, mark.line + 1, mark.column + 1

    def _start(self, event: Any, kind: Any) -> tuple[int, int]:
        """The position of a mapping or sequence (of ``kind``) with no tag or anchor."""
        if type(event) is not kind or event.tag is not None or event.anchor is not None:
            raise _GiveUp
        mark: Any = event.start_mark
        return mark.line + 1, mark.column + 1

    # -- claims ---------------------------------------------------------------------

    def _read_claims(self, event: Any) -> list[tuple[dict[str, Any], int, int]]:
        self._start(event, _SequenceStart)
        claims = []
        while type(event := self.event()) is not _SequenceEnd:
            claims.append(self._read_claim(event))
        return claims

    def _read_claim(self, event: Any) -> tuple[dict[str, Any], int, int]:
        """A claim's fields, each read by its reader, and the claim's position."""
        line, column = self._start(event, _MappingStart)
        values: dict[str, Any] = {}
        fields, next_event = self.fields, self.event
        while type(event := next_event()) is not _MappingEnd:
            # A key, checked here rather than by _scalar: this loop runs for every field of
            # every claim. A null key ("", "~") is no field name, so fields.get rejects it.
            if type(event) is not _Scalar or event.tag is not None or event.anchor is not None:
                raise _GiveUp
            key = event.value
            read = fields.get(key)
            if read is None or key in values:
                raise _GiveUp  # an unknown or repeated key
            values[key] = read(next_event())
        return values, line, column

    def _claim(self, values: dict[str, Any], line: int, column: int) -> Claim:
        get = values.get
        claim_id, text = get("id"), get("text")
        if claim_id is None or text is None:
            raise _GiveUp
        party, party_span = get("party") or (self.default_party, self.default_party_span)
        if party is None:
            raise _GiveUp
        against, against_span = get("against") or (None, None)
        return Claim(
            id=claim_id,
            text=text,
            party=party,
            span=Span(self.path, line, column),
            kind=get("kind", "claim"),
            against=against,
            supports=get("supports", ()),
            rebuts=get("rebuts", ()),
            undercuts=get("undercuts", ()),
            cite=get("cite", ()),
            tags=get("tags", ()),
            note=get("note"),
            ignore=get("ignore", ()),
            party_span=party_span,
            against_span=against_span,
        )

    # -- values ---------------------------------------------------------------------

    def _read_string(self, event: Any) -> str:
        return self._string(event)

    def _read_text(self, event: Any) -> str:
        value = self._string(event)
        if not value.strip():
            raise _GiveUp  # blank
        return value

    def _read_id(self, event: Any) -> str:
        value = self._string(event)
        if not self.is_id(value):
            raise _GiveUp
        return value

    def _read_id_and_span(self, event: Any) -> tuple[str, Span]:
        value, line, column = self._scalar(event)
        if not self.is_id(value):
            raise _GiveUp
        return value, Span(self.path, line, column)

    def _read_kind(self, event: Any) -> str:
        value = self._string(event)
        if value not in CLAIM_KINDS:
            raise _GiveUp
        return value

    def _items(self, event: Any) -> list[tuple[str, int, int]]:
        """One string, or a list of strings (each with its position)."""
        if type(event) is _Scalar:
            return [self._scalar(event)]
        self._start(event, _SequenceStart)
        items = []
        while type(event := self.event()) is not _SequenceEnd:
            items.append(self._scalar(event))
        return items

    def _read_refs(self, event: Any) -> tuple[Ref, ...]:
        refs = []
        for target, line, column in self._items(event):
            if not self.is_id(target):
                raise _GiveUp
            refs.append(Ref(target, Span(self.path, line, column)))
        return tuple(refs)

    def _read_undercuts(self, event: Any) -> tuple[Undercut, ...]:
        undercuts = []
        for value, line, column in self._items(event):
            match = self.undercut(value)
            if not match or not all(self.is_id(part) for part in match.groups()):
                raise _GiveUp
            undercuts.append(
                Undercut(match.group(1), match.group(2), Span(self.path, line, column))
            )
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
        source: tuple[str, Span] | None = None
        quote: tuple[str, Span] | None = None
        at: str | None = None
        seen: set[str] = set()
        while type(event := self.event()) is not _MappingEnd:
            key = self._key(event, seen)
            if key == "source":
                source = self._read_id_and_span(self.event())
            elif key == "quote":
                value, line, column = self._scalar(self.event())
                if not value.strip():
                    raise _GiveUp
                quote = value, Span(self.path, line, column)
            elif key == "at":
                at = self._read_string(self.event())
            else:
                raise _GiveUp
        if source is None:
            raise _GiveUp
        if quote is None:
            return Citation(source[0], source[1], None, at, None)
        return Citation(source[0], source[1], quote[0], at, quote[1])

    def _read_ignores(self, event: Any) -> tuple[Ignore, ...]:
        self._start(event, _MappingStart)
        ignores = []
        seen: set[str] = set()
        while type(event := self.event()) is not _MappingEnd:
            _, line, column = self._scalar(event)
            code = self._key(event, seen)
            ignores.append(
                Ignore(code, self._read_text(self.event()), Span(self.path, line, column))
            )
        return tuple(ignores)
