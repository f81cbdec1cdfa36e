"""Claim files to an ``ArgMap``: each file to its records (``read_file_text``), then the map.

Never raises on what a file contains: every problem becomes a finding (AM0xx) and
loading goes on with the rest of the file and with the other files. A file that
does not parse still gives the records read before the error; the map records the
file as unparsed (``ArgMap.unparsed``), so that rules which need the whole map
(dangling references, unanswered allegations) can hold back instead of guessing.

For an editor that re-reads one changed buffer: ``read_file_text(text, path, root)``
gives that file's ``FileRecords``; ``assemble(root, records)`` makes the map of the
files' records, without reading the others again.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from argmap import schema as schema_data
from argmap.dates import SYNTAX as DATE_SYNTAX
from argmap.findings import SCHEMA, YAML_SYNTAX, Finding
from argmap.gc_pause import cyclic_gc_paused
from argmap.lifetime import keep
from argmap.loading.events import MAX_LISTED, MAX_NODES
from argmap.loading.fast import read_claims
from argmap.loading.fields import (
    CITATION_FIELDS,
    CITATION_SPANNED,
    CLAIM_FIELDS,
    COLOR_RE,
    FALSE,
    ID_RE,
    SPANNED,
    TRUE,
    ValueType,
    date_problem,
    make_citation,
    make_claim,
    undercut_parts,
)
from argmap.loading.files import (
    MAX_FILE_BYTES,
    SUFFIXES,
    MapNotFoundError,
    check_path,
    discover,
    read_claim_file,
)
from argmap.loading.text import DecodeError, decode
from argmap.loading.tree import Mapping, Node, parse
from argmap.model import (
    CLAIM_KINDS,
    ArgMap,
    Citation,
    Claim,
    Event,
    GlossaryEntry,
    Ignore,
    MapInfo,
    Party,
    Ref,
    Source,
    Span,
    Undercut,
)

__all__ = [
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "FileRecords",
    "MapNotFoundError",
    "assemble",
    "discover",
    "load",
    "read_file",
    "read_file_text",
]

_CLAIM_KEYS = CLAIM_FIELDS.keys()
_CITATION_KEYS = CITATION_FIELDS.keys()


@dataclass
class FileRecords:
    """What one claim file holds, and what is wrong with it."""

    path: str
    claims: list[Claim] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    infos: list[MapInfo] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    unparsed: Span | None = None
    """Where a syntax error stopped the reading: the records are those before it."""


def load(path: str | os.PathLike[str], *more: str | os.PathLike[str]) -> ArgMap:
    """Load a map from directories (searched recursively) and claim files."""
    paths = [check_path(p) for p in (path, *more)]
    with cyclic_gc_paused():
        return _load(paths)


def _load(paths: list[Path]) -> ArgMap:
    records: list[FileRecords] = []
    problems: list[Finding] = []
    seen: set[str] = set()
    for p in paths:
        root = p if p.is_dir() else p.parent
        files, found = discover(p)
        problems.extend(found)
        for file in files:
            real = os.path.realpath(file)
            if real in seen:
                continue
            seen.add(real)
            records.append(read_file(file, root))
    return assemble(paths[0] if paths[0].is_dir() else paths[0].parent, records, problems)


def assemble(
    root: str | os.PathLike[str], files: Sequence[FileRecords], problems: Iterable[Finding] = ()
) -> ArgMap:
    """The map of some files' records, in the order given, with map-wide load checks."""
    found = [*problems]
    for records in files:
        found.extend(records.problems)
    glossary = [entry for records in files for entry in records.glossary]
    found.extend(_repeated_terms(glossary))
    unparsed = tuple(records.unparsed for records in files if records.unparsed is not None)
    if unparsed:
        _note_unchecked(found, unparsed[0])
    amap = ArgMap(
        root=str(root),
        files=tuple(records.path for records in files),
        claims=tuple(claim for records in files for claim in records.claims),
        parties=tuple(party for records in files for party in records.parties),
        sources=tuple(source for records in files for source in records.sources),
        infos=tuple(info for records in files for info in records.infos),
        problems=tuple(found),
        glossary=tuple(glossary),
        events=tuple(event for records in files for event in records.events),
        unparsed=unparsed,
    )
    keep(amap)  # by a command that ends the process, which need not free it: lifetime.py
    return amap


UNCHECKED_NOTE = (
    "; until this file is read whole, references to claims and answers to allegations "
    "are not checked, since their targets may be in the part not read"
)


def _note_unchecked(found: list[Finding], stopped: Span) -> None:
    """Say once, on the first file that was not read whole, what is not checked."""
    for i, finding in enumerate(found):
        if finding.span == stopped:
            found[i] = replace(finding, message=finding.message + UNCHECKED_NOTE)
            return


def _repeated_terms(glossary: list[GlossaryEntry]) -> Iterable[Finding]:
    first: dict[str, GlossaryEntry] = {}
    for entry in glossary:
        earlier = first.setdefault(entry.term, entry)
        if earlier is not entry:
            yield SCHEMA.finding(
                f"glossary term {_quote(entry.term)} is defined twice, first at {earlier.span}; "
                "keep one definition",
                entry.span,
            )


def read_file(path: Path, root: Path) -> FileRecords:
    """Read, decode, parse and validate one claim file of the map at ``root``."""
    data = read_claim_file(path)
    if isinstance(data, Finding):
        return FileRecords(str(path), problems=[data], unparsed=data.span)
    return read_file_text(data, str(path), root)


def read_file_text(data: bytes | str, path: str, root: str | os.PathLike[str]) -> FileRecords:
    """The records of one claim file's content (bytes as read, or text as an editor has it).

    ``path`` is where the file is (sources' ``text`` paths are relative to its directory);
    ``root`` the map's directory, which those texts must stay inside.
    """
    records = FileRecords(path)
    if isinstance(data, bytes):
        text = decode(data)
        if isinstance(text, DecodeError):
            records.problems.append(
                YAML_SYNTAX.finding(text.message, Span(path, text.line, text.column))
            )
            records.unparsed = Span(path, text.line, text.column)
            return records
        # Decoded only to diagnose: libyaml reads UTF-8 and UTF-16 bytes, not UTF-32.
        utf32 = data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
        source: bytes | str = text if utf32 else data
    else:
        source = data
    claims = read_claims(source, path, max_values=MAX_NODES)
    if claims is not None:  # a plain file of valid claims, read straight from its events
        records.claims = claims
        return records
    parsed = parse(source, path)
    records.problems.extend(parsed.findings)
    records.unparsed = parsed.stopped
    if parsed.tree is not None:
        builder = _FileBuilder(path, Path(path).parent, Path(root), records)
        builder.build(parsed.tree)
        builder.count_unlisted()
        builder.readers.clear()  # its table of its own bound methods is a reference cycle
    return records


class _FileBuilder:
    """Validates one file's tree against the schema and adds its records."""

    def __init__(self, path: str, directory: Path, root: Path, into: FileRecords) -> None:
        self.path = path
        self.directory = str(directory)
        self.root = str(root)
        self.into = into
        self.default_party: str | None = None
        self.default_party_span: Span | None = None
        self.errors = 0
        self.first_unlisted: tuple[int, int] | None = None
        readers: dict[ValueType, Callable[[Node, str, str | None], Any]] = {
            "id": self.identifier,
            "text": self.text,
            "string": self.given_string,
            "kind": self.kind,
            "date": self.date,
            "refs": self.refs,
            "undercuts": self.undercuts,
            "citations": self.citations,
            "tags": self.tags,
            "ignores": self.ignores,
        }
        self.readers = readers

    # -- reporting ---------------------------------------------------------------

    def span(self, node: Node) -> Span:
        return Span(self.path, node.line, node.column)

    def error(self, message: str, node: Node | tuple[int, int], claim: str | None = None) -> None:
        line, column = (node.line, node.column) if isinstance(node, Node) else node
        self.errors += 1
        if self.errors > MAX_LISTED:  # a flood (millions of bad items) costs no memory
            self.first_unlisted = self.first_unlisted or (line, column)
            return
        self.into.problems.append(SCHEMA.finding(message, Span(self.path, line, column), claim))

    def count_unlisted(self) -> None:
        if self.first_unlisted is not None:
            self.into.problems.append(
                SCHEMA.finding(
                    f"{self.errors - MAX_LISTED} more schema problems in this file are not "
                    "listed, from here on; fix the ones above first",
                    Span(self.path, *self.first_unlisted),
                )
            )

    # -- typed access: each returns the value, or None after reporting why not -------

    def mapping(self, node: Node, what: str, claim: str | None = None) -> Mapping | None:
        if isinstance(node.value, dict):
            return node.value
        self.error(f"{what} must be a mapping, not {_describe(node.value)}", node, claim)
        return None

    def string(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node.value
        if isinstance(value, str):
            return value
        self.error(f"{what} must be a string, not {_describe(value)}", node, claim)
        return None

    def given_string(self, node: Node, what: str, claim: str | None = None) -> str | None:
        """A string of an optional key, which, once written, must not be left empty."""
        if node.value is None:
            self.error(f"{what} is empty; give a value or remove the key", node, claim)
            return None
        return self.string(node, what, claim)

    def text(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node.value
        if type(value) is str and value.strip():  # the common case, without further calls
            return value
        value = self.string(node, what, claim)
        if value is not None and not value.strip():
            self.error(f"{what} must not be empty", node, claim)
            return None
        return value

    def identifier(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node.value
        if type(value) is str and ID_RE.fullmatch(value):  # the common case, without calls
            return value
        value = self.string(node, what, claim)
        if value is not None and not ID_RE.fullmatch(value):
            self.error(
                f"{what} {_quote(value)} is not a valid id: use letters, digits, '_', '.', '-', "
                "starting with a letter or digit",
                node,
                claim,
            )
            return None
        return value

    def kind(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = self.string(node, what, claim)
        if value is None or value in CLAIM_KINDS:
            return value
        self.error(f"kind {_quote(value)} is not one of: {', '.join(CLAIM_KINDS)}", node, claim)
        return None

    def date(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = self.string(node, what, claim)
        if value is None:
            return None
        problem = date_problem(value)
        if problem is not None:
            reason = f"write {DATE_SYNTAX}" if DATE_SYNTAX in problem else problem
            self.error(f"{what} {_quote(value)} is not a date: {reason}", node, claim)
            return None
        return value

    def flag(self, node: Node, what: str) -> bool | None:
        value = node.value
        if value in TRUE or value in FALSE:
            return value in TRUE
        self.error(f"{what} must be true or false, not {_describe(value)}", node)
        return None

    def items(self, node: Node, what: str, claim: str | None = None) -> list[Node]:
        """A value that may be one item or a list of items."""
        value = node.value
        if isinstance(value, list):
            return value
        if value is None:
            self.error(f"{what} is empty; give a value or remove the key", node, claim)
            return []
        return [node]

    def check_keys(
        self, entries: Mapping, allowed: Iterable[str], what: str, claim: str | None = None
    ) -> None:
        allowed = list(allowed)
        for key, entry in entries.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                advice = (
                    f"did you mean '{hint[0]}'?"
                    if hint
                    else f"expected one of: {', '.join(allowed)}"
                )
                self.error(
                    f"unknown key {_quote(key)} in {what}; {advice}",
                    (entry.key_line, entry.key_column),
                    claim,
                )

    def optional(
        self,
        fields: Mapping,
        key: str,
        what: str,
        *,
        nonempty: bool = False,
        claim: str | None = None,
    ) -> str | None:
        if key not in fields:
            return None
        node = fields[key].node
        if node.value is None:
            self.error(f"{what} is empty; give a value or remove the key", node, claim)
            return None
        return self.text(node, what, claim) if nonempty else self.string(node, what, claim)

    # -- the file ----------------------------------------------------------------

    def build(self, tree: Node) -> None:
        if tree.value is None:
            return  # an empty file holds nothing, which is allowed
        top = self.mapping(tree, "a claim file")
        if top is None:
            return
        self.check_keys(top, schema_data.CLAIM_FILE_SCHEMA["properties"], "a claim file")
        if "party" in top:
            node = top["party"].node
            self.default_party = self.identifier(node, "the file's 'party'")
            self.default_party_span = self.span(node)
        sections: dict[str, Callable[[Node], None]] = {
            "map": self.map_info,
            "parties": self.parties,
            "sources": self.sources,
            "glossary": self.glossary,
            "events": self.events,
            "claims": self.claims,
        }
        for key, build in sections.items():
            if key in top:
                build(top[key].node)

    def map_info(self, node: Node) -> None:
        entries = self.mapping(node, "'map'")
        if entries is None:
            return
        self.check_keys(entries, schema_data.MAP_SCHEMA["properties"], "'map'")
        fields = {
            k: self.string(entries[k].node, f"map {k}")
            for k in ("title", "description")
            if k in entries
        }
        self.into.infos.append(
            MapInfo(fields.get("title"), fields.get("description"), self.span(node))
        )

    def parties(self, node: Node) -> None:
        entries = self.mapping(node, "'parties'")
        for party_id, (line, column, value) in (entries or {}).items():
            if self.identifier(Node(party_id, line, column), "party id") is None:
                continue
            fields = self.mapping(value, f"party {_quote(party_id)}")
            if fields is None:
                continue
            self.check_keys(
                fields, schema_data.PARTY_SCHEMA["properties"], f"party {_quote(party_id)}"
            )
            name = self.text(fields["name"].node, "a party's 'name'") if "name" in fields else None
            if "name" not in fields:
                self.error(f"party {_quote(party_id)} needs a 'name'", value)
            color = self.optional(fields, "color", "a party's 'color'")
            if color is not None and not COLOR_RE.fullmatch(color):
                self.error(
                    f"color {_quote(color)} must be '#' and six hex digits, like '#1f77b4'",
                    fields["color"].node,
                )
                color = None
            role = self.optional(fields, "role", "a party's 'role'")
            self.into.parties.append(
                Party(party_id, name or party_id, Span(self.path, line, column), role, color)
            )

    def sources(self, node: Node) -> None:
        entries = self.mapping(node, "'sources'")
        for source_id, (line, column, value) in (entries or {}).items():
            if self.identifier(Node(source_id, line, column), "source id") is None:
                continue
            fields = self.mapping(value, f"source {_quote(source_id)}")
            if fields is None:
                continue
            what = f"source {_quote(source_id)}"
            self.check_keys(fields, schema_data.SOURCE_SCHEMA["properties"], what)
            if "title" not in fields:
                self.error(f"{what} needs a 'title'", value)
            title = (
                self.text(fields["title"].node, "a source's 'title'") if "title" in fields else None
            )
            text_path = self.optional(fields, "text", "a source's 'text'", nonempty=True)
            outside = (
                self.flag(fields["outside"].node, f"{what}'s 'outside'")
                if "outside" in fields
                else None
            )
            self.into.sources.append(
                Source(
                    id=source_id,
                    title=title or source_id,
                    span=Span(self.path, line, column),
                    base_dir=self.directory,
                    root=self.root,
                    author=self.optional(fields, "author", "a source's 'author'"),
                    date=self.optional(fields, "date", "a source's 'date'"),
                    url=self.optional(fields, "url", "a source's 'url'"),
                    text=text_path,
                    text_span=self.span(fields["text"].node) if "text" in fields else None,
                    outside=bool(outside),
                )
            )

    def glossary(self, node: Node) -> None:
        entries = self.mapping(node, "'glossary'")
        for term, (line, column, value) in (entries or {}).items():
            if not term.strip():
                self.error("a glossary term must not be empty", (line, column))
                continue
            definition = self.text(value, f"the definition of {_quote(term)}")
            if definition is not None:
                self.into.glossary.append(
                    GlossaryEntry(term, definition, Span(self.path, line, column))
                )

    def events(self, node: Node) -> None:
        if not isinstance(node.value, list):
            self.error(f"'events' must be a list of events, not {_describe(node.value)}", node)
            return
        for item in node.value:
            fields = self.mapping(item, "an event")
            if fields is None:
                continue
            self.check_keys(fields, schema_data.EVENT_SCHEMA["properties"], "an event")
            missing = [key for key in ("date", "text") if key not in fields]
            if missing:
                self.error(f"an event needs a {' and a '.join(repr(k) for k in missing)}", item)
                continue
            date = self.date(fields["date"].node, "an event's 'date'")
            text = self.text(fields["text"].node, "an event's 'text'")
            cite = None
            if "cite" in fields:
                cite = self.citation(fields["cite"].node, None, "an event's 'cite'")
                if cite is None:
                    continue
            if date is not None and text is not None:
                self.into.events.append(Event(date, text, self.span(item), cite))

    def claims(self, node: Node) -> None:
        if not isinstance(node.value, list):
            self.error(f"'claims' must be a list of claims, not {_describe(node.value)}", node)
            return
        for claim_node in node.value:
            claim = self.claim(claim_node)
            if claim is not None:
                self.into.claims.append(claim)

    def claim(self, node: Node) -> Claim | None:
        fields = self.mapping(node, "a claim")
        if fields is None:
            return None
        if "id" not in fields:
            self.error("claim has no 'id'; give it a unique id", node)
            return None
        claim_id = self.identifier(fields["id"].node, "claim id")
        if claim_id is None:
            return None
        if not fields.keys() <= _CLAIM_KEYS:  # checked first: the message costs a _quote
            self.check_keys(fields, _CLAIM_KEYS, f"claim {_quote(claim_id)}", claim_id)
        if "text" not in fields:
            self.error(
                f"claim {_quote(claim_id)} has no 'text'; say what it claims", node, claim_id
            )
        if "party" not in fields and self.default_party is None:
            self.error(
                f"claim {_quote(claim_id)} has no 'party'; "
                "add one to the claim or 'party:' to the file",
                node,
                claim_id,
            )
        values: dict[str, Any] = {"id": claim_id, "text": ""}
        readers = self.readers
        for key, (_line, _column, value_node) in fields.items():
            value_type = CLAIM_FIELDS.get(key)
            if value_type is None or key == "id":
                continue
            value = readers[value_type](value_node, _WHAT.get(key, f"'{key}'"), claim_id)
            if key in SPANNED:
                values[key + "_span"] = self.span(value_node)
            if value is not None:
                values[key] = value
            elif key in ("text", "party"):
                values[key] = ""
        return make_claim(values, self.span(node), self.default_party, self.default_party_span)

    def refs(self, node: Node, what: str, claim_id: str | None) -> tuple[Ref, ...]:
        value = node.value
        if type(value) is str and ID_RE.fullmatch(value):  # one valid id: the common case
            return (Ref(value, Span(self.path, node.line, node.column)),)
        refs = []
        for item in self.items(node, what, claim_id):
            target = self.identifier(item, f"{what} target", claim_id)
            if target is not None:
                refs.append(Ref(target, self.span(item)))
        return tuple(refs)

    def undercuts(self, node: Node, what: str, claim_id: str | None) -> tuple[Undercut, ...]:
        found = []
        for item in self.items(node, what, claim_id):
            value = self.string(item, "an undercut", claim_id)
            if value is None:
                continue
            parts = undercut_parts(value)
            if parts is None:
                self.error(
                    f"undercut {_quote(value)} must name a relation as 'A -> B' with two claim ids",
                    item,
                    claim_id,
                )
                continue
            found.append(Undercut(parts[0], parts[1], self.span(item)))
        return tuple(found)

    def citations(self, node: Node, what: str, claim_id: str | None) -> tuple[Citation, ...]:
        found = (self.citation(item, claim_id) for item in self.items(node, what, claim_id))
        return tuple(citation for citation in found if citation is not None)

    def citation(
        self, node: Node, claim_id: str | None, what: str = "a citation"
    ) -> Citation | None:
        entries = self.mapping(node, what, claim_id)
        if entries is None:
            return None
        if not entries.keys() <= _CITATION_KEYS:
            self.check_keys(entries, _CITATION_KEYS, "a citation", claim_id)
        if "source" not in entries:
            self.error("a citation needs a 'source'", node, claim_id)
            return None
        values: dict[str, Any] = {}
        for key, (_line, _column, value_node) in entries.items():
            value_type = CITATION_FIELDS.get(key)
            if value_type is None:
                continue
            value = self.readers[value_type](value_node, _CITE_WHAT[key], claim_id)
            if key in CITATION_SPANNED:
                values[key + "_span"] = self.span(value_node)
            if value is None and key == "source":
                return None
            if value is not None:
                values[key] = value
        return make_citation(values)

    def tags(self, node: Node, what: str, claim_id: str | None) -> tuple[str, ...]:
        if not isinstance(node.value, list):
            self.error(
                f"'tags' must be a list of strings, not {_describe(node.value)}", node, claim_id
            )
            return ()
        found = (self.text(item, "a tag", claim_id) for item in node.value)
        return tuple(tag for tag in found if tag is not None)

    def ignores(self, node: Node, what: str, claim_id: str | None) -> tuple[Ignore, ...]:
        entries = self.mapping(node, what, claim_id)
        found = []
        for rule, (line, column, reason_node) in (entries or {}).items():
            reason = self.text(reason_node, f"the reason for ignoring {rule}", claim_id)
            if reason is None:
                continue
            found.append(Ignore(rule, reason, Span(self.path, line, column)))
        return tuple(found)


_WHAT = {
    "text": "a claim's 'text'",
    "party": "a claim's 'party'",
    "kind": "a claim's 'kind'",
    "note": "a claim's 'note'",
    "when": "a claim's 'when'",
    "said": "a claim's 'said'",
}
"""How messages name a claim's key (others: the key, quoted)."""
_CITE_WHAT = {
    "source": "a citation's 'source'",
    "quote": "a quote",
    "at": "a citation's 'at'",
    "by": "a citation's 'by'",
}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the string {_quote(value)}"


def _quote(value: str, limit: int = 60) -> str:
    flat = value.encode("unicode_escape", "backslashreplace").decode("ascii").replace("'", "\\'")
    return "'" + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + "'"
