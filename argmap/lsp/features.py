"""What the language server answers, as functions of a map snapshot and the buffer text.

Each function takes the map as the editor sees it (``Snapshot``) and returns LSP
records; the server only routes requests here. Ranges are 0-based; the loader's
spans are 1-based.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from lsprotocol import types

from argmap.findings import Finding
from argmap.lsp import yamltext
from argmap.lsp.workspace import Snapshot
from argmap.model import Claim, Span
from argmap.relations import relations_of

IdKind = Literal["claim", "party", "source"]
CLAIM_KEYS = frozenset({"supports", "rebuts", "undercuts", "id"})
PARTY_KEYS = frozenset({"party", "against", "by"})
_DID_YOU_MEAN = re.compile(r".*'([^']*)'[^']*; did you mean '([^']*)'\?")
_SCALAR_END = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?|[^\s,\[\]{}#]+")


# -- positions ---------------------------------------------------------------------------


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def word_range(word: yamltext.Word) -> types.Range:
    return types.Range(types.Position(word.line, word.start), types.Position(word.line, word.end))


def span_range(span: Span, lines: list[str]) -> types.Range:
    """The range of the YAML scalar that starts at ``span`` (one character at least)."""
    line, column = span.line - 1, max(span.column - 1, 0)
    text = lines[line] if 0 <= line < len(lines) else ""
    match = _SCALAR_END.match(text, column)
    end = match.end() if match and match.end() > column else min(column + 1, len(text))
    return types.Range(types.Position(line, column), types.Position(line, max(end, column)))


@dataclass(frozen=True)
class Occurrence:
    """An id written in a file: where, and whether it declares the thing."""

    path: str
    word: yamltext.Word
    declaration: bool


def occurrences(snap: Snapshot, kind: IdKind, name: str) -> list[Occurrence]:
    """Every place the map writes the id ``name`` of a claim, party or source."""
    found: list[Occurrence] = []
    seen: set[tuple[str, int, int]] = set()

    def add(span: Span | None, declaration: bool, *, key: str | None = None) -> None:
        if span is None:
            return
        lines = lines_of(snap.texts.get(span.path, ""))
        word = _locate(lines, span, name, key)
        if word is not None and (span.path, word.line, word.start) not in seen:
            seen.add((span.path, word.line, word.start))
            found.append(Occurrence(span.path, word, declaration))

    amap = snap.amap
    if kind == "party":
        for party in amap.parties:
            if party.id == name:
                add(party.span, True)
    if kind == "source":
        for source in amap.sources:
            if source.id == name:
                add(source.span, True)
    for claim in amap.claims:
        if kind == "claim":
            if claim.id == name:
                add(claim.span, True, key="id")
            for ref in (*claim.supports, *claim.rebuts):
                if ref.target == name:
                    add(ref.span, False)
            for undercut in claim.undercuts:
                if name in (undercut.source, undercut.target):
                    add(undercut.span, False)
        elif kind == "party":
            if claim.party == name:
                add(claim.party_span, False)
            if claim.against == name:
                add(claim.against_span, False)
            for citation in claim.cite:
                if citation.by == name:
                    add(citation.by_span, False)
        else:
            for citation in claim.cite:
                if citation.source == name:
                    add(citation.span, False)
    return found


def _locate(lines: list[str], span: Span, name: str, key: str | None) -> yamltext.Word | None:
    """The word ``name`` at ``span``; with ``key``, in the line of that key below it."""
    line, column = span.line - 1, span.column - 1
    if key is None:
        return yamltext.find_word(lines, line, column, name)
    pattern = re.compile(rf"(?<![A-Za-z0-9_.-]){key}[ ]*:[ ]*[\"']?{re.escape(name)}(?![\w.-])")
    for number in range(line, min(line + 200, len(lines))):
        match = pattern.search(lines[number], column if number == line else 0)
        if match:
            return yamltext.Word(name, number, match.end() - len(name), match.end())
    return None


def identify(
    snap: Snapshot, lines: list[str], line: int, character: int
) -> tuple[IdKind, str] | None:
    """The claim, party or source id under the cursor."""
    word = yamltext.word_at(lines, line, character)
    if word is None:
        return None
    ctx = yamltext.context_at(lines, line, word.start)
    amap = snap.amap
    if ctx.value_of in CLAIM_KEYS or ctx.keys[-1:] == ("undercuts",):
        return ("claim", word.text) if word.text in amap.claim_by_id or ctx.value_of else None
    if ctx.value_of in PARTY_KEYS or ctx.keys == ("parties",):
        return "party", word.text
    if ctx.value_of == "source" or ctx.keys == ("sources",):
        return "source", word.text
    for kind, index in (
        ("claim", amap.claim_by_id),
        ("party", amap.party_by_id),
        ("source", amap.source_by_id),
    ):
        if word.text in index:
            return kind, word.text  # type: ignore[return-value]
    return None


# -- diagnostics -------------------------------------------------------------------------


def diagnostics(snap: Snapshot) -> dict[str, list[types.Diagnostic]]:
    """Path -> the diagnostics of that file, for every file of the map."""
    out: dict[str, list[types.Diagnostic]] = {path: [] for path in snap.texts}
    cache: dict[str, list[str]] = {}
    for finding in snap.findings:
        path = finding.span.path
        if path not in cache:
            cache[path] = lines_of(snap.texts.get(path, ""))
        out.setdefault(path, []).append(diagnostic(finding, cache[path]))
    return out


def diagnostic(finding: Finding, lines: list[str]) -> types.Diagnostic:
    acknowledged = finding.acknowledged is not None
    severity = (
        types.DiagnosticSeverity.Information
        if acknowledged
        else types.DiagnosticSeverity.Error
        if finding.severity == "error"
        else types.DiagnosticSeverity.Warning
    )
    message = finding.message
    if acknowledged:
        message += f" (acknowledged: {finding.acknowledged})"
    return types.Diagnostic(
        range=span_range(finding.span, lines),
        message=message,
        severity=severity,
        code=finding.code,
        source="argmap",
        data={"claim": finding.claim, "rule": finding.rule},
    )


# -- hover -------------------------------------------------------------------------------


def hover(snap: Snapshot, kind: IdKind, name: str) -> str | None:
    """Markdown about a claim, party or source."""
    amap = snap.amap
    if kind == "party":
        party = amap.party_by_id.get(name)
        if party is None:
            return None
        role = f" ({party.role})" if party.role else ""
        said = sum(1 for c in amap.claims if c.party == name)
        return f"**{party.name}**{role}: party `{name}`, {said} claim(s)"
    if kind == "source":
        source = amap.source_by_id.get(name)
        if source is None:
            return None
        by = ", ".join(x for x in (source.author, source.date) if x)
        return f"**{source.title}**" + (f" ({by})" if by else "") + f": source `{name}`"
    claim = amap.claim_by_id.get(name)
    if claim is None:
        return None
    return _claim_hover(snap, claim)


def _claim_hover(snap: Snapshot, claim: Claim) -> str:
    amap = snap.amap
    relations = relations_of(amap)

    def who(c: Claim) -> str:
        party = amap.party_by_id.get(c.party)
        return f"`{c.id}` ({party.name if party else c.party})"

    party = amap.party_by_id.get(claim.party)
    lines = [
        f"**{claim.id}**: {claim.kind} by {party.name if party else claim.party or '?'}",
        "",
        claim.text,
        "",
    ]
    if claim.is_allegation:
        status = relations.status(claim)
        if status.status == "answered":
            lines.append("Status: answered by " + ", ".join(who(c) for c in status.answers))
        elif status.status == "acknowledged":
            lines.append(f"Status: unanswered, acknowledged: {status.reason}")
        else:
            lines.append("Status: **unanswered**")
    attackers = relations.attackers(claim.id)
    supporters = relations.supporters(claim.id)
    lines.append("Attacked by: " + (", ".join(who(c) for c in attackers) or "nobody"))
    lines.append("Supported by: " + (", ".join(who(c) for c in supporters) or "nothing"))
    return "\n\n".join(line for line in lines if line) + "\n"


# -- completion --------------------------------------------------------------------------


def completions(
    snap: Snapshot, lines: list[str], line: int, character: int
) -> list[types.CompletionItem]:
    ctx = yamltext.context_at(lines, line, character)
    amap = snap.amap
    if ctx.typing_key:
        if ctx.keys[-1:] == ("ignore",):
            return _rule_items()
        return _key_items(ctx.keys)
    key = ctx.value_of
    if key in CLAIM_KEYS - {"id"}:
        return [
            _item(c.id, types.CompletionItemKind.Reference, c.text, f"{c.kind}, {c.party}")
            for c in amap.claim_by_id.values()
        ]
    if key in PARTY_KEYS:
        return [
            _item(p.id, types.CompletionItemKind.EnumMember, p.name, p.role)
            for p in amap.party_by_id.values()
        ]
    if key == "source":
        return [
            _item(s.id, types.CompletionItemKind.File, s.title, s.author)
            for s in amap.source_by_id.values()
        ]
    if key == "kind":
        schema = _schema_at(("claims", "kind"))
        return [
            _item(v, types.CompletionItemKind.EnumMember, _describe_value(schema, v))
            for v in schema.get("enum", ())
        ]
    if ctx.keys[-2:-1] == ("ignore",) or key == "ignore":
        return _rule_items()
    return []


def _item(
    label: str, kind: types.CompletionItemKind, doc: str | None, detail: str | None = None
) -> types.CompletionItem:
    return types.CompletionItem(
        label=label,
        kind=kind,
        detail=detail,
        documentation=types.MarkupContent(types.MarkupKind.Markdown, doc) if doc else None,
    )


def _rule_items() -> list[types.CompletionItem]:
    from argmap.lint import registry

    return [
        _item(code, types.CompletionItemKind.Value, module.RULE.summary, module.RULE.name)
        for code, module in registry().items()
    ]


def _key_items(keys: tuple[str, ...]) -> list[types.CompletionItem]:
    properties = _schema_at(keys).get("properties", {})
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Property,
            insert_text=f"{name}: ",
            documentation=types.MarkupContent(
                types.MarkupKind.Markdown,
                str(spec.get("markdownDescription") or spec.get("description", "")),
            )
            if isinstance(spec, dict) and spec.get("description")
            else None,
        )
        for name, spec in properties.items()
    ]


def _schema_at(keys: tuple[str, ...]) -> dict[str, Any]:
    """The schema of the value at a path of keys (list items and named entries passed)."""
    from argmap.schema import CLAIM_FILE_SCHEMA

    node: dict[str, Any] = CLAIM_FILE_SCHEMA
    for key in keys:
        node = _object_of(node)
        properties = node.get("properties", {})
        if key in properties:
            node = properties[key]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        else:
            return {}
    return _object_of(node) if "enum" not in node else node


def _object_of(node: dict[str, Any]) -> dict[str, Any]:
    """The mapping form of a schema: through ``items`` and the object branch of ``anyOf``."""
    for _ in range(4):
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            node = node["items"]
        elif "anyOf" in node:
            objects = [b for b in node["anyOf"] if b.get("type") in ("object", "array")]
            node = objects[0] if objects else node["anyOf"][0]
        else:
            break
    return node


def _describe_value(schema: dict[str, Any], value: str) -> str | None:
    """A value's own description, where the schema gives one (``oneOf`` with ``const``)."""
    for branch in schema.get("oneOf", ()):
        if branch.get("const") == value:
            return str(branch.get("description", "")) or None
    described = schema.get("description")
    return str(described) if described else None


# -- symbols -----------------------------------------------------------------------------


_SYMBOL_KINDS = {
    "allegation": types.SymbolKind.Event,
    "evidence": types.SymbolKind.Constant,
    "claim": types.SymbolKind.String,
}


def symbols(snap: Snapshot, path: str) -> list[types.DocumentSymbol]:
    """The outline of a file: its claims, in order."""
    lines = lines_of(snap.texts.get(path, ""))
    out: list[types.DocumentSymbol] = []
    for claim in snap.amap.claims:
        if claim.span.path != path:
            continue
        line = claim.span.line - 1
        end = yamltext.item_end(
            lines, line, yamltext.item_start(lines, line, claim.span.column - 1)
        )
        word = _locate(lines, claim.span, claim.id, "id")
        select = word_range(word) if word else span_range(claim.span, lines)
        out.append(
            types.DocumentSymbol(
                name=claim.id,
                detail=f"{claim.kind}, {claim.party}",
                kind=_SYMBOL_KINDS.get(claim.kind, types.SymbolKind.String),
                range=types.Range(
                    types.Position(line, 0),
                    types.Position(end, len(lines[end]) if end < len(lines) else 0),
                ),
                selection_range=select,
            )
        )
    return out


# -- code actions ------------------------------------------------------------------------


def code_actions(
    snap: Snapshot, path: str, uri_of: Any, diagnostics_: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """Quick fixes for the diagnostics under the cursor."""
    lines = lines_of(snap.texts.get(path, ""))
    actions: list[types.CodeAction] = []
    for diag in diagnostics_:
        actions.extend(_fixes(snap, path, lines, uri_of, diag))
    return actions


def _fixes(
    snap: Snapshot, path: str, lines: list[str], uri_of: Any, diag: types.Diagnostic
) -> Iterator[types.CodeAction]:
    uri = uri_of(path)
    start = diag.range.start
    meant = _DID_YOU_MEAN.match(diag.message)
    if meant:
        wrong, right = meant.groups()
        word = yamltext.find_word(lines, start.line, start.character, wrong)
        if word is not None:
            yield _action(
                f"Change '{wrong}' to '{right}'",
                {uri: [types.TextEdit(word_range(word), right)]},
                diag,
                preferred=True,
            )
    data = diag.data if isinstance(diag.data, dict) else {}
    claim = snap.amap.claim_by_id.get(str(data.get("claim")))
    if claim is None or claim.span.path != path or diag.code is None:
        return
    edit = _ignore_edit(lines, claim, str(diag.code))
    if edit is not None:
        yield _action(
            f"Acknowledge {diag.code} on '{claim.id}' (ignore, with a reason)", {uri: [edit]}, diag
        )
    if diag.code == "AM201":
        yield _action(
            f"Add a rebuttal of '{claim.id}'", {uri: [_rebuttal_edit(snap, lines, claim)]}, diag
        )


def _action(
    title: str,
    changes: dict[str, list[types.TextEdit]],
    diag: types.Diagnostic,
    *,
    preferred: bool = False,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes=changes),
    )


REASON = "why this is left open"


def _ignore_edit(lines: list[str], claim: Claim, code: str) -> types.TextEdit | None:
    """Insert ``CODE: reason`` in the claim's ``ignore``, or add the key."""
    line, column = claim.span.line - 1, claim.span.column - 1
    end = yamltext.item_end(lines, line, yamltext.item_start(lines, line, column))
    for number in range(line, end + 1):
        match = re.match(r"^([ ]*(?:-[ ]+)?)ignore[ ]*:[ ]*(\{?)", lines[number])
        if not match:
            continue
        if match.group(2):
            at = types.Position(number, match.end())
            return types.TextEdit(types.Range(at, at), f"{code}: {REASON}, ")
        at = types.Position(number + 1, 0)
        return types.TextEdit(
            types.Range(at, at), " " * (len(match.group(1)) + 2) + f"{code}: {REASON}\n"
        )
    at = types.Position(end + 1, 0)
    text = " " * column + f"ignore: {{{code}: {REASON}}}\n"
    return types.TextEdit(types.Range(at, at), text)


def _rebuttal_edit(snap: Snapshot, lines: list[str], claim: Claim) -> types.TextEdit:
    """A new claim after the allegation, by a party that may answer it, rebutting it."""
    line, column = claim.span.line - 1, claim.span.column - 1
    dash = yamltext.item_start(lines, line, column)
    end = yamltext.item_end(lines, line, dash)
    others = [p.id for p in snap.amap.party_by_id.values() if p.id != claim.party]
    party = claim.against or (others[0] if others else "PARTY")
    pad, inner = " " * dash, " " * column
    text = (
        f"\n{pad}- id: {claim.id}-answer\n{inner}party: {party}\n"
        f"{inner}text: WRITE THE ANSWER HERE\n{inner}rebuts: {claim.id}\n"
    )
    at = types.Position(end + 1, 0)
    return types.TextEdit(types.Range(at, at), text)


# -- rename ------------------------------------------------------------------------------


def rename(snap: Snapshot, uri_of: Any, kind: IdKind, old: str, new: str) -> types.WorkspaceEdit:
    changes: dict[str, list[types.TextEdit]] = {}
    for occurrence in occurrences(snap, kind, old):
        changes.setdefault(uri_of(occurrence.path), []).append(
            types.TextEdit(word_range(occurrence.word), new)
        )
    return types.WorkspaceEdit(changes=changes)
