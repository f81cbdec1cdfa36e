"""Claim files to an ``ArgMap``: discovery, decoding, and validation with positions.

Never raises on what a file contains: every problem becomes a finding (AM0xx) and
loading goes on with the rest of the file and with the other files.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap import schema as schema_data
from argmap.findings import Finding
from argmap.gc_pause import cyclic_gc_paused
from argmap.lint import schema as schema_rule
from argmap.lint import unreadable_file, yaml_syntax
from argmap.loading.fast import read_claims
from argmap.loading.text import DecodeError, decode
from argmap.loading.tree import MAX_LISTED, MAX_NODES, Node, parse_tree
from argmap.model import (
    CLAIM_KINDS,
    ArgMap,
    Citation,
    Claim,
    ClaimKind,
    Ignore,
    MapInfo,
    Party,
    Ref,
    Source,
    Span,
    Undercut,
)

MAX_FILE_BYTES = 64 * 1024 * 1024
SUFFIXES = (".yaml", ".yml")
_ID_RE = re.compile(schema_data.ID_PATTERN)
_UNDERCUT_RE = re.compile(r"^\s*([^\s>]+?)\s*->\s*(\S+?)\s*$")  # linear: no '>' in A
_COLOR_RE = re.compile(schema_data.COLOR_PATTERN)
_CLAIM_KEYS = schema_data.CLAIM_SCHEMA["properties"].keys()
_CITATION_KEYS = frozenset(schema_data.CITATION_KEYS)


class MapNotFoundError(FileNotFoundError):
    """A path given to ``load`` does not exist: a usage error, not a finding."""


def load(
    path: str | os.PathLike[str],
    *more: str | os.PathLike[str],
    texts: Mapping[str, bytes] | None = None,
) -> ArgMap:
    """Load a map from directories (searched recursively) and claim files.

    ``texts`` maps a claim file's path to the bytes read in its place (an unsaved
    buffer: ``lint --stdin-filename``, the language server); a path not found in
    the map is read as one more file of it.
    """
    paths = [Path(path), *(Path(p) for p in more)]
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise MapNotFoundError(f"no such file or directory: {p}")
    with cyclic_gc_paused():
        return _load(paths, {os.path.realpath(k): (k, v) for k, v in (texts or {}).items()})


def _load(paths: list[Path], texts: dict[str, tuple[str, bytes]]) -> ArgMap:
    collected = _Collected()
    seen: set[str] = set()
    for p in paths:
        root = p if p.is_dir() else p.parent
        files, problems = discover(p)
        collected.problems.extend(problems)
        for file in files:
            real = os.path.realpath(file)
            if real in seen:
                continue
            seen.add(real)
            collected.files.append(str(file))
            load_file(file, root, collected, texts[real][1] if real in texts else None)
    for real, (given, data) in texts.items():
        if real not in seen:
            collected.files.append(given)
            root = paths[0] if paths[0].is_dir() else Path(given).parent
            load_file(Path(given), root, collected, data)
    return ArgMap(
        root=str(paths[0] if paths[0].is_dir() else paths[0].parent),
        files=tuple(collected.files),
        claims=tuple(collected.claims),
        parties=tuple(collected.parties),
        sources=tuple(collected.sources),
        infos=tuple(collected.infos),
        problems=tuple(collected.problems),
    )


def discover(path: Path) -> tuple[list[Path], list[Finding]]:
    """The claim files of a path, sorted; links that leave it or loop are findings."""
    if not path.is_dir():
        return [path], []
    root_real = os.path.realpath(path)
    files: list[Path] = []
    problems: list[Finding] = []
    visited = {root_real}
    pending = [path]
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(_unreadable(directory, f"cannot read directory: {exc.strerror}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            entry_path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                wanted = is_dir or entry.name.endswith(SUFFIXES)
                if not wanted:
                    continue
                if entry.is_symlink():
                    real = os.path.realpath(entry.path)
                    if not os.path.exists(real):
                        problems.append(_unreadable(entry_path, "broken or looping symbolic link"))
                        continue
                    if not _is_within(real, root_real):
                        problems.append(
                            _unreadable(entry_path, "symbolic link leaves the map; not followed")
                        )
                        continue
                    if is_dir and real in visited:
                        continue
                    visited.add(real)
            except OSError as exc:
                problems.append(_unreadable(entry_path, f"cannot read: {exc.strerror}"))
                continue
            if is_dir:
                pending.append(entry_path)
            else:
                files.append(entry_path)
    files.sort()
    return files, problems


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _unreadable(path: Path | str, message: str) -> Finding:
    return unreadable_file.RULE.finding(message, Span(str(path), 1, 1))


@dataclass
class _Collected:
    files: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    infos: list[MapInfo] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def load_file(path: Path, root: Path, into: _Collected, content: bytes | None = None) -> None:
    """Read (unless ``content`` is given), decode, parse and validate one claim file."""
    shown = str(path)
    try:
        data = _read_regular_file(path, MAX_FILE_BYTES + 1) if content is None else content
    except OSError as exc:
        into.problems.append(_unreadable(shown, f"cannot read file: {exc.strerror}"))
        return
    if data is None:
        into.problems.append(
            _unreadable(shown, "not a regular file (a FIFO or a device); not read")
        )
        return
    if len(data) > MAX_FILE_BYTES:
        into.problems.append(
            _unreadable(shown, f"file larger than {MAX_FILE_BYTES // 2**20} MiB; split it")
        )
        return
    text = decode(data)
    if isinstance(text, DecodeError):
        into.problems.append(
            yaml_syntax.RULE.finding(text.message, Span(shown, text.line, text.column))
        )
        return
    # Decoded only to diagnose: libyaml reads UTF-8 and UTF-16 bytes, not UTF-32.
    utf32 = data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    source = text if utf32 else data
    claims = read_claims(
        source, shown, id_pattern=_ID_RE, undercut_pattern=_UNDERCUT_RE, max_values=MAX_NODES
    )
    if claims is not None:  # a plain file of valid claims, read straight from its events
        into.claims.extend(claims)
        return
    tree, problems = parse_tree(source, shown)
    into.problems.extend(problems)
    if tree is not None:
        builder = _FileBuilder(shown, path.parent, root, into)
        builder.build(tree)
        builder.count_unlisted()


def _read_regular_file(path: Path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of a regular file; None for a FIFO or a device, unread.

    Opened without blocking, so that a FIFO named like a claim file cannot hold the run.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    with open(fd, "rb") as handle:
        return handle.read(limit)


class _FileBuilder:
    """Validates one file's tree against the schema and adds its records."""

    def __init__(self, path: str, directory: Path, root: Path, into: _Collected) -> None:
        self.path = path
        self.directory = str(directory)
        self.root = str(root)
        self.into = into
        self.default_party: str | None = None
        self.default_party_span: Span | None = None
        self.errors = 0
        self.first_unlisted: tuple[int, int] | None = None

    # -- reporting ---------------------------------------------------------------

    def span(self, node: Node) -> Span:
        return Span(self.path, node[1], node[2])

    def error(self, message: str, node: Node | tuple[int, int], claim: str | None = None) -> None:
        line, column = (node[1], node[2]) if len(node) == 3 else node
        self.errors += 1
        if self.errors > MAX_LISTED:  # a flood (millions of bad items) costs no memory
            self.first_unlisted = self.first_unlisted or (line, column)
            return
        self.into.problems.append(
            schema_rule.RULE.finding(message, Span(self.path, line, column), claim)
        )

    def count_unlisted(self) -> None:
        if self.first_unlisted is not None:
            self.into.problems.append(
                schema_rule.RULE.finding(
                    f"{self.errors - MAX_LISTED} more schema problems in this file are not "
                    "listed, from here on; fix the ones above first",
                    Span(self.path, *self.first_unlisted),
                )
            )

    # -- typed access ------------------------------------------------------------

    def mapping(
        self, node: Node, what: str, claim: str | None = None
    ) -> dict[str, tuple[int, int, Node]] | None:
        if isinstance(node[0], dict):
            return node[0]
        self.error(f"{what} must be a mapping, not {_describe(node[0])}", node, claim)
        return None

    def string(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node[0]
        if isinstance(value, str):
            return value
        self.error(f"{what} must be a string, not {_describe(value)}", node, claim)
        return None

    def text(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node[0]
        if type(value) is str and value.strip():  # the common case, without further calls
            return value
        value = self.string(node, what, claim)
        if value is not None and not value.strip():
            self.error(f"{what} must not be empty", node, claim)
            return None
        return value

    def identifier(self, node: Node, what: str, claim: str | None = None) -> str | None:
        value = node[0]
        if type(value) is str and _ID_RE.fullmatch(value):  # the common case, without calls
            return value
        value = self.string(node, what, claim)
        if value is not None and not _ID_RE.fullmatch(value):
            self.error(
                f"{what} {_quote(value)} is not a valid id: use letters, digits, '_', '.', '-', "
                "starting with a letter or digit",
                node,
                claim,
            )
            return None
        return value

    def items(self, node: Node, what: str, claim: str | None = None) -> list[Node]:
        """A value that may be one item or a list of items."""
        value = node[0]
        if isinstance(value, list):
            return value
        if value is None:
            self.error(f"{what} is empty; give a value or remove the key", node, claim)
            return []
        return [node]

    def check_keys(
        self,
        entries: dict[str, tuple[int, int, Node]],
        allowed: Iterable[str],
        what: str,
        claim: str | None = None,
    ) -> None:
        allowed = list(allowed)
        for key, (line, column, _node) in entries.items():
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                advice = (
                    f"did you mean '{hint[0]}'?"
                    if hint
                    else f"expected one of: {', '.join(allowed)}"
                )
                self.error(f"unknown key {_quote(key)} in {what}; {advice}", (line, column), claim)

    # -- the file ----------------------------------------------------------------

    def build(self, tree: Node) -> None:
        if tree[0] is None:
            return  # an empty file holds nothing, which is allowed
        top = self.mapping(tree, "a claim file")
        if top is None:
            return
        self.check_keys(top, schema_data.CLAIM_FILE_SCHEMA["properties"], "a claim file")
        if "party" in top:
            node = top["party"][2]
            self.default_party = self.identifier(node, "the file's 'party'")
            self.default_party_span = self.span(node)
        sections: dict[str, Callable[[Node], None]] = {
            "map": self.map_info,
            "parties": self.parties,
            "sources": self.sources,
            "claims": self.claims,
        }
        for key, build in sections.items():
            if key in top:
                build(top[key][2])

    def map_info(self, node: Node) -> None:
        entries = self.mapping(node, "'map'")
        if entries is None:
            return
        self.check_keys(entries, schema_data.MAP_SCHEMA["properties"], "'map'")
        fields = {
            k: self.string(entries[k][2], f"map {k}")
            for k in ("title", "description")
            if k in entries
        }
        self.into.infos.append(
            MapInfo(fields.get("title"), fields.get("description"), self.span(node))
        )

    def parties(self, node: Node) -> None:
        entries = self.mapping(node, "'parties'")
        for party_id, (line, column, value) in (entries or {}).items():
            if self.identifier((party_id, line, column), "party id") is None:
                continue
            fields = self.mapping(value, f"party {_quote(party_id)}")
            if fields is None:
                continue
            self.check_keys(
                fields, schema_data.PARTY_SCHEMA["properties"], f"party {_quote(party_id)}"
            )
            name = self.text(fields["name"][2], "a party's 'name'") if "name" in fields else None
            if "name" not in fields:
                self.error(f"party {_quote(party_id)} needs a 'name'", value)
            color = self.optional(fields, "color", "a party's 'color'")
            if color is not None and not _COLOR_RE.fullmatch(color):
                self.error(
                    f"color {_quote(color)} must be '#' and six hex digits, like '#1f77b4'",
                    fields["color"][2],
                )
                color = None
            role = self.optional(fields, "role", "a party's 'role'")
            self.into.parties.append(
                Party(party_id, name or party_id, Span(self.path, line, column), role, color)
            )

    def sources(self, node: Node) -> None:
        entries = self.mapping(node, "'sources'")
        for source_id, (line, column, value) in (entries or {}).items():
            if self.identifier((source_id, line, column), "source id") is None:
                continue
            fields = self.mapping(value, f"source {_quote(source_id)}")
            if fields is None:
                continue
            what = f"source {_quote(source_id)}"
            self.check_keys(fields, schema_data.SOURCE_SCHEMA["properties"], what)
            if "title" not in fields:
                self.error(f"{what} needs a 'title'", value)
            title = (
                self.text(fields["title"][2], "a source's 'title'") if "title" in fields else None
            )
            text_path = self.optional(fields, "text", "a source's 'text'", nonempty=True)
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
                    text_span=self.span(fields["text"][2]) if "text" in fields else None,
                )
            )

    def optional(
        self,
        fields: dict[str, tuple[int, int, Node]],
        key: str,
        what: str,
        *,
        nonempty: bool = False,
        claim: str | None = None,
    ) -> str | None:
        if key not in fields:
            return None
        node = fields[key][2]
        if node[0] is None:
            self.error(f"{what} is empty; give a value or remove the key", node, claim)
            return None
        return self.text(node, what, claim) if nonempty else self.string(node, what, claim)

    def claims(self, node: Node) -> None:
        if not isinstance(node[0], list):
            self.error(f"'claims' must be a list of claims, not {_describe(node[0])}", node)
            return
        for claim_node in node[0]:
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
        claim_id = self.identifier(fields["id"][2], "claim id")
        if claim_id is None:
            return None
        if not fields.keys() <= _CLAIM_KEYS:  # checked first: the message costs a _quote
            self.check_keys(fields, _CLAIM_KEYS, f"claim {_quote(claim_id)}", claim_id)
        text = ""
        if "text" in fields:
            text = self.text(fields["text"][2], "a claim's 'text'", claim_id) or ""
        else:
            self.error(
                f"claim {_quote(claim_id)} has no 'text'; say what it claims", node, claim_id
            )
        party, party_span = self.default_party, self.default_party_span
        if "party" in fields:
            party_node = fields["party"][2]
            party, party_span = (
                self.identifier(party_node, "a claim's 'party'", claim_id),
                self.span(party_node),
            )
        elif party is None:
            self.error(
                f"claim {_quote(claim_id)} has no 'party'; "
                "add one to the claim or 'party:' to the file",
                node,
                claim_id,
            )
        kind: ClaimKind = "claim"
        if "kind" in fields:
            kind_node = fields["kind"][2]
            value = self.string(kind_node, "a claim's 'kind'", claim_id)
            if value in CLAIM_KINDS:
                kind = value
            elif value is not None:
                self.error(
                    f"kind {_quote(value)} is not one of: {', '.join(CLAIM_KINDS)}",
                    kind_node,
                    claim_id,
                )
        against, against_span = None, None
        if "against" in fields:
            against_node = fields["against"][2]
            against, against_span = (
                self.identifier(against_node, "'against'", claim_id),
                self.span(against_node),
            )
        return Claim(
            id=claim_id,
            text=text,
            party=party or "",
            span=self.span(node),
            kind=kind,
            against=against,
            supports=self.refs(fields, "supports", claim_id),
            rebuts=self.refs(fields, "rebuts", claim_id),
            undercuts=self.undercuts(fields, claim_id),
            cite=self.citations(fields, claim_id),
            tags=self.tags(fields, claim_id),
            note=self.optional(fields, "note", "a claim's 'note'", claim=claim_id),
            ignore=self.ignores(fields, claim_id),
            party_span=party_span,
            against_span=against_span,
        )

    def refs(
        self, fields: dict[str, tuple[int, int, Node]], key: str, claim_id: str
    ) -> tuple[Ref, ...]:
        if key not in fields:
            return ()
        node = fields[key][2]
        if type(node[0]) is str and _ID_RE.fullmatch(node[0]):  # one valid id: the common case
            return (Ref(node[0], Span(self.path, node[1], node[2])),)
        refs = []
        for item in self.items(node, f"'{key}'", claim_id):
            target = self.identifier(item, f"'{key}' target", claim_id)
            if target is not None:
                refs.append(Ref(target, self.span(item)))
        return tuple(refs)

    def undercuts(
        self, fields: dict[str, tuple[int, int, Node]], claim_id: str
    ) -> tuple[Undercut, ...]:
        if "undercuts" not in fields:
            return ()
        found = []
        for item in self.items(fields["undercuts"][2], "'undercuts'", claim_id):
            value = self.string(item, "an undercut", claim_id)
            if value is None:
                continue
            match = _UNDERCUT_RE.match(value)
            if not match or not all(_ID_RE.fullmatch(part) for part in match.groups()):
                self.error(
                    f"undercut {_quote(value)} must name a relation as 'A -> B' with two claim ids",
                    item,
                    claim_id,
                )
                continue
            found.append(Undercut(match.group(1), match.group(2), self.span(item)))
        return tuple(found)

    def citations(
        self, fields: dict[str, tuple[int, int, Node]], claim_id: str
    ) -> tuple[Citation, ...]:
        if "cite" not in fields:
            return ()
        found = []
        for item in self.items(fields["cite"][2], "'cite'", claim_id):
            entries = self.mapping(item, "a citation", claim_id)
            if entries is None:
                continue
            if not entries.keys() <= _CITATION_KEYS:
                self.check_keys(entries, schema_data.CITATION_KEYS, "a citation", claim_id)
            if "source" not in entries:
                self.error("a citation needs a 'source'", item, claim_id)
                continue
            source = self.identifier(entries["source"][2], "a citation's 'source'", claim_id)
            if source is None:
                continue
            quote_span = None
            quote = None
            if "quote" in entries:
                quote_node = entries["quote"][2]
                quote = self.text(quote_node, "a quote", claim_id)
                quote_span = self.span(quote_node)
            at = self.optional(entries, "at", "a citation's 'at'", claim=claim_id)
            found.append(Citation(source, self.span(entries["source"][2]), quote, at, quote_span))
        return tuple(found)

    def tags(self, fields: dict[str, tuple[int, int, Node]], claim_id: str) -> tuple[str, ...]:
        if "tags" not in fields:
            return ()
        node = fields["tags"][2]
        if not isinstance(node[0], list):
            self.error(
                f"'tags' must be a list of strings, not {_describe(node[0])}", node, claim_id
            )
            return ()
        found = (self.text(item, "a tag", claim_id) for item in node[0])
        return tuple(tag for tag in found if tag is not None)

    def ignores(
        self, fields: dict[str, tuple[int, int, Node]], claim_id: str
    ) -> tuple[Ignore, ...]:
        if "ignore" not in fields:
            return ()
        entries = self.mapping(fields["ignore"][2], "'ignore'", claim_id)
        found = []
        for rule, (line, column, reason_node) in (entries or {}).items():
            reason = self.text(reason_node, f"the reason for ignoring {rule}", claim_id)
            if reason is None:
                continue
            found.append(Ignore(rule, reason, Span(self.path, line, column)))
        return tuple(found)


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
