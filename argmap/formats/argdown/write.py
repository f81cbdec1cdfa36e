"""The map as Argdown: a section per party, a statement per claim, its relations.

Each party gets a heading ``# Name {party: ..., name: ...}``; under it each of its
claims is a statement ``[id]: text #(party) {kind: ..., ...}`` followed by the
claims that support it (``+ [id]``) and rebut it (``- [id]``). A relation that is
undercut becomes an argument ``<a to b>`` (for a support, reconstructed as premise
``[a]`` and conclusion ``[b]``, so the undercut hits its inference) or ``<a
against b>`` (for a rebuttal), and each undercutting claim is listed under it
with ``_ [id]``. Parsed by the Argdown tool, the document gives one statement per
claim, one relation per support, rebuttal and undercut, one argument per undercut
relation (``tests/export/test_argdown.py`` checks this with the real CLI).

Claim text is written on one line (runs of white space become one space) with
every character Argdown would read as syntax escaped. Kind, against, tags, note,
acknowledgements and citations (source id, quote, locator and who says the quoted
words, ``by``) travel in the statements' data (YAML in braces), which ``argmap
import argdown`` reads back; the sources themselves and the map's title stay in the
front matter, which Argdown's JSON does not carry.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

from argmap.formats.links import Inference, inferences, links
from argmap.model import ArgMap, Claim, Party

_ALWAYS = frozenset("\\[]<>#*_@{}`")
_SIMPLE_TAG = re.compile(r"^[A-Za-z0-9_-]+$")
_SYNTAX = re.compile(r"[\\\[\]<>#*_@{}`]|/[/*]|==|([.:])\S+?\1")
"""Anything ``_escape_word`` would escape: a character of ``_ALWAYS``, a comment or
front-matter opener, or a '.' or ':' that recurs at least two characters later in
the same word."""


def escape(text: str) -> str:
    """``text`` on one line, with everything Argdown would parse escaped by ``\\``."""
    if not _SYNTAX.search(text):  # most texts: nothing to escape
        return " ".join(text.split())
    return " ".join(_escape_word(word) for word in text.split())


def _escape_word(word: str) -> str:
    # A shortcode (":smile:", ".A.") opens at a '.' or ':' that recurs at least two
    # characters later in the same word: escape the opener.
    last = {char: word.rfind(char) for char in ".:"}
    out: list[str] = []
    for index, char in enumerate(word):
        after = word[index + 1 : index + 2]
        if (
            char in _ALWAYS
            or (char == "/" and after in ("/", "*"))
            or (char == "=" and after == "=")
            or (char in last and last[char] >= index + 2)
        ):
            out.append("\\")
        out.append(char)
    return "".join(out)


def _tag(party: str) -> str:
    if not party:
        return ""
    return f" #{party}" if _SIMPLE_TAG.match(party) else f" #({party})"


def _data(values: dict[str, Any]) -> str:
    """A YAML flow mapping Argdown's lexer keeps whole: JSON strings, braces escaped."""
    present = {k: v for k, v in values.items() if v not in (None, [], {}, "")}
    if not present:
        return ""
    items = ", ".join(f"{key}: {_json(value)}" for key, value in present.items())
    return f" {{{items}}}"


def _json(value: Any) -> str:
    """``value`` as YAML flow (JSON syntax) with no brace or ``=`` inside strings."""
    if isinstance(value, dict):
        items = ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items())
        return f"{{{items}}}"
    if isinstance(value, list):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")


def generate_argdown(amap: ArgMap) -> Iterator[str]:
    """Argdown text of the map, a part at a time (see the module documentation)."""
    return _joined(_blocks(amap))


def write_argdown(amap: ArgMap, path: str | os.PathLike[str]) -> None:
    """Write the map's Argdown to ``path`` (atomically, as it is generated)."""
    from argmap.output import write

    write(path, generate_argdown(amap))


def _blocks(amap: ArgMap) -> Iterator[list[str]]:
    """The document's lines: the front matter, then a block per party."""
    from argmap.relations import relations_of

    relations = relations_of(amap)
    if amap.info is not None and (amap.info.title or amap.info.description):
        lines = ["==="]
        lines += [
            f"{key}: {_json(value)}"
            for key, value in (("title", amap.info.title), ("description", amap.info.description))
            if value
        ]
        yield [*lines, "===", ""]
    incoming: dict[str, list[tuple[str, str]]] = {}
    undercutters: dict[str, list[str]] = {}
    for claim in amap.claim_by_id.values():
        for link in links(claim, relations):
            if link.relation == "undercuts":
                undercutters.setdefault(link.target, []).append(link.source)
            else:
                incoming.setdefault(link.target, []).append((link.relation, link.source))
    undercut: dict[str, list[Inference]] = {}
    for inference in inferences(amap, relations):
        undercut.setdefault(inference.source, []).append(inference)
    for party, claims in _by_party(amap).items():
        yield [_heading(party, amap.party_by_id.get(party)), ""]
        for claim in claims:
            lines = _statement(claim, incoming.get(claim.id, []))
            for step in undercut.get(claim.id, []):
                lines += _inference(step, undercutters.get(step.id, []))
            yield lines


def _joined(blocks: Iterator[list[str]]) -> Iterator[str]:
    """The lines of all blocks, one a line, without blank lines at the end."""
    held = ""  # line breaks kept back until more text follows
    for block in blocks:
        chunk = "".join(line + "\n" for line in block)
        body = chunk.rstrip("\n")
        if body:
            yield held + body
            held = chunk[len(body) :]
        else:
            held += chunk
    yield "\n"


def _by_party(amap: ArgMap) -> dict[str, list[Claim]]:
    groups: dict[str, list[Claim]] = {p: [] for p in amap.party_by_id}
    for claim in amap.claim_by_id.values():
        groups.setdefault(claim.party, []).append(claim)
    return groups  # a declared party without claims keeps its heading (it may speak in quotes)


def _heading(party_id: str, party: Party | None) -> str:
    name = party.name if party is not None else party_id or "No party"
    data: dict[str, Any] = {"party": party_id, "name": name}
    if party is not None:
        data.update(role=party.role, color=party.color)
    return f"# {escape(name)}{_data(data)}"


def _statement(claim: Claim, incoming: list[tuple[str, str]]) -> list[str]:
    data = _data(
        {
            "kind": claim.kind if claim.kind != "claim" else None,
            "against": claim.against,
            "tags": list(claim.tags),
            "note": claim.note,
            "ignore": {i.code: i.reason for i in claim.ignore},
            "cite": [
                {
                    k: v
                    for k, v in (
                        ("source", c.source),
                        ("quote", c.quote),
                        ("at", c.at),
                        ("by", c.by),
                    )
                    if v is not None
                }
                for c in claim.cite
            ],
        }
    )
    lines = [f"[{claim.id}]: {escape(claim.text)}{_tag(claim.party)}{data}"]
    symbols = {"supports": "+", "rebuts": "-"}
    lines += [f"  {symbols[relation]} [{source}]" for relation, source in incoming]
    return [*lines, ""]


def _inference(inference: Inference, undercutters: list[str]) -> list[str]:
    source, target, relation = inference.source, inference.target, inference.relation
    data = _data({"source": source, "target": target, "relation": relation})
    if relation == "supports":
        title = f"{source} to {target}"
        lines = [
            f"<{title}>: {escape(f'The inference from {source} to {target}.')}{data}",
            "",
            f"(1) [{source}]",
            "----",
            f"(2) [{target}]",
            "",
            f"<{title}>",
        ]
    else:
        title = f"{source} against {target}"
        lines = [f"<{title}>: {escape(f'How {source} tells against {target}.')}{data}"]
    lines += [f"  _ [{claim}]" for claim in undercutters]
    return [*lines, ""]
