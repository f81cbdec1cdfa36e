"""Argdown's parsed model (the JSON of ``argdown json``) to an ``ArgMap``.

- A statement (an equivalence class) is a claim; its title is the claim's id (made
  a valid id where it is not, the title kept in the note), its text without tags
  the claim's text. Kind, against, tags and note come from the statement's data,
  as ``argmap export --to argdown`` writes them, and so do acknowledgements (``ignore``).
- The party is the ``party`` in the data of the statement's section (as argmap
  writes headings), else the statement's first tag, else ``unknown``.
- Support and entailment between statements are ``supports``; attack and
  contrariety ``rebuts``; a contradiction rebuts both ways.
- A reconstructed argument (premises and a conclusion) becomes a ``supports`` of the
  conclusion by each premise (tagged ``argdown-<title>`` when there are several); an
  undercut of its inference undercuts those relations. An argument argmap wrote for
  an undercut relation (data ``source``, ``target``) stands for that relation.

Arguments without premises and conclusion, and relations to or from them, have no
place in claim files: they are left out and reported (``ADN0xx``), as are
statements' data that could not be used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from argmap.findings import Finding, Rule
from argmap.formats.jsontext import parse_json
from argmap.formats.naming import UniqueNames
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
from argmap.schema import COLOR_PATTERN, ID_PATTERN

UNKNOWN_PARTY = "unknown"
_ID_RE = re.compile(ID_PATTERN)
_COLOR_RE = re.compile(COLOR_PATTERN)
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_RELATIONS = {
    "support": "supports",
    "entails": "supports",
    "attack": "rebuts",
    "contrary": "rebuts",
    "contradictory": "rebuts",
}


NO_TEXT = Rule("ADN001", "no-text", "warning", "A statement without text: its title is its text.")
NO_PARTY = Rule("ADN002", "no-party", "warning", "Statements with no party: party 'unknown'.")
ARGUMENT = Rule("ADN003", "argument-left-out", "error", "An argument that is not a claim.")
INEXPRESSIBLE = Rule(
    "ADN004", "inexpressible", "error", "A relation claim files (v1) cannot say: left out."
)
LINKED = Rule("ADN005", "linked-argument", "warning", "Several premises, split into supports.")
CONTRADICTION = Rule(
    "ADN006", "contradiction", "warning", "A contradiction, imported as two rebuttals."
)
BAD_DATA = Rule("ADN007", "bad-data", "warning", "Statement data that could not be used.")
RULES = (NO_TEXT, NO_PARTY, ARGUMENT, INEXPRESSIBLE, LINKED, CONTRADICTION, BAD_DATA)


class NotArgdownJSONError(ValueError):
    """A document that is not the JSON ``argdown json`` writes."""


def read_argdown_json(text: str, path: str) -> tuple[ArgMap, list[Finding]]:
    """The map of an Argdown JSON export, and what could not be imported."""
    data = parse_json(text, path, NotArgdownJSONError)
    if not (
        isinstance(data, dict)
        and isinstance(data.get("statements"), dict)
        and isinstance(data.get("relations"), list)
        and isinstance(data.get("arguments", {}), dict)
        and isinstance(data.get("sections", []), list)
    ):
        raise NotArgdownJSONError(
            f"{path}: not Argdown JSON: expected 'statements' and 'relations' "
            "(write it with 'argdown json FILE DIR')"
        )
    try:
        return _Importer(data, path).run()
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as exc:
        # a field of a shape 'argdown json' never writes, that no check above foresaw
        raise NotArgdownJSONError(f"{path}: malformed Argdown JSON: {_what(exc)}") from None


def _what(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


@dataclass
class _Draft:
    title: str
    id: str
    text: str
    party: str = UNKNOWN_PARTY
    kind: ClaimKind = "claim"
    against: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    supports: dict[str, None] = field(default_factory=dict)
    rebuts: dict[str, None] = field(default_factory=dict)
    undercuts: dict[tuple[str, str], None] = field(default_factory=dict)
    ignore: dict[str, str] = field(default_factory=dict)
    cite: list[Citation] = field(default_factory=list)


class _Importer:
    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data = data
        self.path = path
        self.span = Span(path, 1, 1)
        self.findings: list[Finding] = []
        self.sections = _sections(data.get("sections", []))
        self.drafts: dict[str, _Draft] = {}
        self.parties: dict[str, Party] = {}
        self.arguments: dict[str, Any] = {
            k: v for k, v in data.get("arguments", {}).items() if isinstance(v, dict)
        }

    def report(self, rule: Rule, message: str, claim: str | None = None) -> None:
        self.findings.append(rule.finding(message, self.span, claim))

    def run(self) -> tuple[ArgMap, list[Finding]]:
        self.read_statements()
        inferences = self.read_arguments()
        self.read_relations(inferences)
        claims = tuple(self.claim(d) for d in self.drafts.values())
        amap = ArgMap(
            root=str(PurePath(self.path).parent),
            claims=claims,
            parties=tuple(self.parties.values()),
            sources=self.cited_sources(),
            infos=(MapInfo(f"Imported from {PurePath(self.path).name}", None, self.span),),
        )
        return amap, self.findings

    # -- statements --------------------------------------------------------------

    def read_statements(self) -> None:
        for declared in self.sections.values():  # every party, those without claims too
            self.section_party(declared)
        taken = UniqueNames()
        silent: list[str] = []
        for title, raw in self.data["statements"].items():
            statement: dict[str, Any] = raw if isinstance(raw, dict) else {}
            members = _list(statement.get("members"))
            members = [m for m in members if isinstance(m, dict)]
            member = next((m for m in members if _text(m)), members[0] if members else {})
            text = _text(member)
            claim_id = taken.unique(title if _ID_RE.fullmatch(title) else _slug(title, "statement"))
            draft = _Draft(title, claim_id, text or title)
            if claim_id != title:
                draft.notes.append(f"Argdown title: [{title}].")
            if not text:
                self.report(
                    NO_TEXT, f"statement [{title}] has no text; its title is its text", claim_id
                )
            self.apply_data(draft, member.get("data"))
            section = self.sections.get(_key(member.get("section") or statement.get("section")))
            draft.party = self.party_of(section, member.get("tags") or statement.get("tags"))
            if draft.party == UNKNOWN_PARTY:
                silent.append(title)
            self.drafts[title] = draft
        if silent:
            self.parties.setdefault(
                UNKNOWN_PARTY,
                Party(
                    UNKNOWN_PARTY, "Unknown speaker", self.span, "the Argdown file names no party"
                ),
            )
            names = ", ".join(f"[{t}]" for t in silent)
            self.report(
                NO_PARTY,
                f"{len(silent)} statement(s) have no section party or tag; they belong to the "
                f"party '{UNKNOWN_PARTY}': {names}",
            )
        known = set(self.parties)
        for draft in self.drafts.values():
            if draft.against is not None and draft.against not in known:
                self.report(
                    BAD_DATA, f"[{draft.title}]: against {draft.against!r} names no party", draft.id
                )
                draft.against = None

    def cited_sources(self) -> tuple[Source, ...]:
        """A source for each id the citations name: Argdown's JSON carries only the ids."""
        root = str(PurePath(self.path).parent)
        ids = dict.fromkeys(c.source for d in self.drafts.values() for c in d.cite)
        for draft in self.drafts.values():
            unknown = {c.by for c in draft.cite if c.by is not None} - set(self.parties)
            if unknown:
                self.report(
                    BAD_DATA,
                    f"[{draft.title}]: a quote's speaker names no party: {sorted(unknown)}; "
                    "left out",
                    draft.id,
                )
                draft.cite = [replace(c, by=None) if c.by in unknown else c for c in draft.cite]
        if ids:
            self.report(
                BAD_DATA,
                f"{len(ids)} cited source(s) come without title or text (Argdown's JSON "
                f"carries only their ids): {', '.join(ids)}; add them to map.yaml to check quotes",
            )
        return tuple(Source(i, i, self.span, root, root) for i in ids)

    def apply_data(self, draft: _Draft, data: Any) -> None:
        if not isinstance(data, dict):
            return
        kind = data.get("kind", "claim")
        if kind in CLAIM_KINDS:
            draft.kind = kind
        else:
            self.report(
                BAD_DATA,
                f"[{draft.title}]: kind {kind!r} is not one of {', '.join(CLAIM_KINDS)}",
                draft.id,
            )
        against = data.get("against")
        if isinstance(against, str) and _ID_RE.fullmatch(against):
            draft.against = against
        tags = data.get("tags")
        if isinstance(tags, list):
            draft.tags += [
                str(t) for t in tags if isinstance(t, str | int | float) and str(t).strip()
            ]
        note = data.get("note")
        if isinstance(note, str) and note.strip():
            draft.notes.insert(0, note)
        for cite in _list(data.get("cite")):
            source = cite.get("source") if isinstance(cite, dict) else None
            if not (isinstance(source, str) and _ID_RE.fullmatch(source)):
                self.report(BAD_DATA, f"[{draft.title}]: a citation without a source id", draft.id)
                continue
            quote, at, by = (cite.get(k) for k in ("quote", "at", "by"))
            draft.cite.append(
                Citation(
                    source,
                    self.span,
                    quote if isinstance(quote, str) and quote.strip() else None,
                    at if isinstance(at, str) else None,
                    by=by if isinstance(by, str) and _ID_RE.fullmatch(by) else None,
                )
            )
        ignore = data.get("ignore")
        if isinstance(ignore, dict):
            draft.ignore.update(
                (str(code), reason)
                for code, reason in ignore.items()
                if isinstance(reason, str) and reason.strip()
            )

    def section_party(self, section: dict[str, Any]) -> str | None:
        """The party a section's data names (``{party: id, name: ...}``), registered."""
        raw = section.get("data")
        data: dict[str, Any] = raw if isinstance(raw, dict) else {}
        party = data.get("party")
        if not (isinstance(party, str) and _ID_RE.fullmatch(party)):
            return None
        if party not in self.parties:
            name = data.get("name") if isinstance(data.get("name"), str) else party
            role = data.get("role") if isinstance(data.get("role"), str) else None
            color = data.get("color")
            color = color if isinstance(color, str) and _COLOR_RE.fullmatch(color) else None
            self.parties[party] = Party(party, name or party, self.span, role, color)
        return party

    def party_of(self, section: dict[str, Any] | None, tags: Any) -> str:
        seen: set[int] = set()
        while section is not None and id(section) not in seen:  # a cycle of parents ends
            seen.add(id(section))
            party = self.section_party(section)
            if party is not None:
                return party
            section = self.sections.get(_key(section.get("parent")))
        if isinstance(tags, list) and tags and isinstance(tags[0], str) and tags[0].strip():
            tag = tags[0]
            party = tag if _ID_RE.fullmatch(tag) else _slug(tag, "party")
            self.parties.setdefault(party, Party(party, tag, self.span))
            return party
        return UNKNOWN_PARTY

    # -- arguments ---------------------------------------------------------------

    def read_arguments(self) -> dict[str, list[tuple[str, str]]]:
        """The relations each argument stands for (empty: left out)."""
        inferences: dict[str, list[tuple[str, str]]] = {}
        for title, argument in self.arguments.items():
            data: dict[str, Any] = next(
                (
                    m["data"]
                    for m in _list(argument.get("members"))
                    if isinstance(m, dict) and isinstance(m.get("data"), dict)
                ),
                {},
            )
            source, target = (
                self.drafts.get(str(data.get("source"))),
                self.drafts.get(str(data.get("target"))),
            )
            if data.get("relation") in ("supports", "rebuts") and source and target:
                inferences[title] = [(source.title, target.title)]
                continue
            pcs = [s.get("title") for s in _list(argument.get("pcs")) if isinstance(s, dict)]
            steps = [self.drafts[t] for t in pcs if isinstance(t, str) and t in self.drafts]
            if len(steps) < 2 or len(steps) != len(pcs):
                inferences[title] = []
                self.report(
                    ARGUMENT,
                    f"argument <{title}> has no premises and conclusion (no reconstruction); "
                    "arguments are not claims in claim files: left out with its relations",
                )
                continue
            *premises, conclusion = steps
            pairs = []
            for premise in premises:
                if premise is not conclusion:
                    premise.supports.setdefault(conclusion.id)
                    pairs.append((premise.title, conclusion.title))
            inferences[title] = pairs
            if len(premises) > 1:
                tag = f"argdown-{_slug(title, 'argument')}"
                for premise in premises:
                    premise.tags.append(tag)
                self.report(
                    LINKED,
                    f"argument <{title}> has {len(premises)} premises; each supports "
                    f"[{conclusion.title}] on its own, tagged {tag}",
                    conclusion.id,
                )
        return inferences

    # -- relations ---------------------------------------------------------------

    def read_relations(self, inferences: dict[str, list[tuple[str, str]]]) -> None:
        for relation in self.data["relations"]:
            if not isinstance(relation, dict):
                continue
            kind, source, target = (
                relation.get("relationType"),
                str(relation.get("from")),
                str(relation.get("to")),
            )
            from_statement = relation.get("fromType") == "equivalence-class"
            to_type = relation.get("toType")
            ends = f"{_shown(relation.get('fromType'), source)} to {_shown(to_type, target)}"
            shown = f"{kind} from {ends}"
            if not isinstance(kind, str):
                kind = repr(kind)
            if from_statement and to_type == "equivalence-class" and kind in _RELATIONS:
                self.relate(kind, self.drafts.get(source), self.drafts.get(target), shown)
            elif from_statement and kind == "undercut" and to_type in ("inference", "argument"):
                self.undercut(self.drafts.get(source), inferences.get(target, []), shown)
            else:
                self.report(
                    INEXPRESSIBLE, f"the relation {shown} has no place in claim files; left out"
                )

    def relate(self, kind: str, source: _Draft | None, target: _Draft | None, shown: str) -> None:
        if source is None or target is None or source is target:
            self.report(INEXPRESSIBLE, f"the relation {shown} joins no two statements; left out")
            return
        if _RELATIONS[kind] == "supports":
            source.supports.setdefault(target.id)
            return
        source.rebuts.setdefault(target.id)
        if kind == "contradictory":
            target.rebuts.setdefault(source.id)
            self.report(CONTRADICTION, f"the {shown} is imported as rebuttals both ways", source.id)

    def undercut(self, source: _Draft | None, pairs: list[tuple[str, str]], shown: str) -> None:
        if source is None or not pairs:
            self.report(INEXPRESSIBLE, f"the {shown} aims at nothing imported; left out")
            return
        for premise, conclusion in pairs:
            if source.title in (premise, conclusion):
                self.report(
                    INEXPRESSIBLE, f"the {shown} undercuts its own relation; left out", source.id
                )
                continue
            source.undercuts.setdefault((self.drafts[premise].id, self.drafts[conclusion].id))

    def claim(self, draft: _Draft) -> Claim:
        return Claim(
            id=draft.id,
            text=draft.text,
            party=draft.party,
            span=self.span,
            kind=draft.kind,
            against=draft.against,
            supports=tuple(Ref(t, self.span) for t in draft.supports),
            rebuts=tuple(Ref(t, self.span) for t in draft.rebuts),
            undercuts=tuple(Undercut(s, t, self.span) for s, t in draft.undercuts),
            tags=tuple(dict.fromkeys(draft.tags)),
            note=" ".join(draft.notes) if draft.notes else None,
            ignore=tuple(Ignore(code, reason, self.span) for code, reason in draft.ignore.items()),
            cite=tuple(draft.cite),
        )


def _text(member: dict[str, Any]) -> str:
    """A member's text without its tags, on one line."""
    text = member.get("text")
    if not isinstance(text, str):
        return ""
    ranges = [
        r for r in _list(member.get("ranges")) if isinstance(r, dict) and r.get("type") == "tag"
    ]
    cuts = [(_index(r.get("start"), 0), _index(r.get("stop"), -1)) for r in ranges]
    for start, stop in sorted(cuts, reverse=True):
        text = text[:start] + text[stop + 1 :]
    return " ".join(text.split())


def _list(value: Any) -> list[Any]:
    """A field that should be a list: itself, or empty (``members: 5``)."""
    return value if isinstance(value, list) else []


def _index(value: Any, default: int) -> int:
    """A position in a text: an integer, else ``default`` (``start: 1e999``, ``"x"``)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _key(value: Any) -> Any:
    """A section id usable as a key (a list or an object is none)."""
    return value if isinstance(value, str | int | float) else None


def _sections(items: list[Any], parent: str | None = None) -> dict[Any, dict[str, Any]]:
    """Every section by id, nested ones too, each with its ``parent``."""
    found: dict[Any, dict[str, Any]] = {}
    pending = [(item, parent) for item in reversed(_list(items))]
    while pending:  # no recursion: sections may nest as deep as the JSON does
        item, above = pending.pop()
        key = _key(item.get("id")) if isinstance(item, dict) else None
        if key is None or key in found:  # the first section of an id wins: no cycles
            continue
        found[key] = {**item, "parent": above}
        pending.extend((child, key) for child in reversed(_list(item.get("children"))))
    return found


def _shown(kind: Any, title: str) -> str:
    return f"[{title}]" if kind == "equivalence-class" else f"<{title}>"


def _slug(text: str, fallback: str) -> str:
    return _UNSAFE.sub("-", text).strip("-._") or fallback
