"""The claim-file schema as data, published as a Draft-07 JSON Schema for editors.

It is also the format's reference card: every key and value has a description (plain
and Markdown, which editors show on hover and in completion), each ``kind`` its own,
with examples. The loader validates with its own single pass over the YAML events
(fast, with positions); it takes its key sets and patterns from here, so that the
published schema and the loader cannot drift apart. Tests check both agree, and that
the shipped file ``claim-file.schema.json`` is this schema (``argmap schema`` prints it).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
UNDERCUT_PATTERN = r"^\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*->\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
_DAY = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_PATTERN = rf"^{_DAY}(/{_DAY})?$"
"""A date or period as ``argmap.dates`` reads it (which also checks months and days)."""
SCHEMA_FILE = "claim-file.schema.json"
_DATE_WORDS = "`1932`, `1932-06`, `1932-06-15`, or a period `START/END` such as `1931/1936`"


def _doc(schema: dict[str, Any], text: str, *examples: Any) -> dict[str, Any]:
    """``schema`` with its description: Markdown for editors that render it, plain text
    (without backticks) for the others; and examples, when given."""
    described = {**schema, "description": text.replace("`", ""), "markdownDescription": text}
    if examples:
        described["examples"] = list(examples)
    return described


_ID = {"type": "string", "pattern": ID_PATTERN}
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}  # not only white space
_STRING = {"type": "string"}


def _one_or_many(item: dict[str, Any], item_text: str) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": _doc(item, item_text)}]}


def _date(text: str, *examples: Any) -> dict[str, Any]:
    """A date or period; YAML readers may see ``1932`` as a number, which is accepted."""
    return _doc(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        },
        f"{text} Written {_DATE_WORDS}.",
        *examples,
    )


_CITATION: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "source": _doc(_ID, "A source id declared under `sources` (in any file).", "intro"),
            "quote": _doc(
                _TEXT,
                "Words of the source, verbatim. `argmap lint` checks them against the source's "
                "`text` (white space, quote marks, dashes and line-break hyphens are folded).",
                "A secret “United Center”",
            ),
            "at": _doc(_STRING, "Where in the source: a page, a paragraph.", "para 24", "p. 12"),
            "by": _doc(
                _ID,
                "Who says the quoted words in the source (a party id), when it is not the "
                "claim's own party: the editor, or someone the author reports. A claim whose "
                "evidence is another party's words is *reported speech*.",
                "editor",
            ),
        },
        "required": ["source"],
        "additionalProperties": False,
    },
    "Where the claim is made or evidenced: a source, a verbatim quote, a locator, and who "
    "speaks in the quote.",
    {"source": "memoir", "quote": "I never met him", "at": "p. 12", "by": "trotsky"},
)

_KINDS = {
    "allegation": "A charge one party makes that another must answer. Reported as "
    "unanswered (AM201) until a claim of another party (the `against` party, if named) "
    "rebuts or undercuts it.",
    "claim": "A position or reason (the default).",
    "evidence": "A fact offered from a source: a document, a testimony, a quote. Should "
    "`cite` it (AM301).",
}

CLAIM_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "id": _doc(
                _ID,
                "The claim's id: unique in the map, letters, digits, `_`, `.`, `-`. Other "
                "claims name it in `supports`, `rebuts` and `undercuts`.",
                "united-center",
            ),
            "text": _doc(
                _TEXT, "The claim, in the author's own words.", "There was no meeting in 1932."
            ),
            "party": _doc(
                _ID,
                "Who makes the claim: a party id declared under `parties`. Defaults to the "
                "file's `party`.",
                "defence",
            ),
            "kind": _doc(
                {
                    "enum": list(_KINDS),
                    "oneOf": [_doc({"const": kind}, text, kind) for kind, text in _KINDS.items()],
                    "default": "claim",
                },
                "What the claim is: `allegation` (must be answered by another party), "
                "`claim` (the default) or `evidence` (a fact from a source).",
            ),
            "against": _doc(
                _ID,
                "For an allegation: the party that must answer it (default: any other party).",
                "defence",
            ),
            "supports": _doc(
                _one_or_many(_ID, "A claim id this claim gives a reason for."),
                "Claims this one gives a reason for: an id or a list of ids.",
                "no-contact",
                ["no-contact", "no-letter"],
            ),
            "rebuts": _doc(
                _one_or_many(_ID, "A claim id this claim attacks."),
                "Claims this one attacks: an id or a list of ids. A rebuttal by another party "
                "answers an allegation.",
                "united-center",
            ),
            "undercuts": _doc(
                _one_or_many(
                    {"type": "string", "pattern": UNDERCUT_PATTERN},
                    "A relation `A -> B` (A supports or rebuts B) whose inference this claim "
                    "attacks.",
                ),
                "Relations `A -> B` whose inference this claim attacks, not their conclusion: "
                "A's reason does not bear on B.",
                "confession -> guilt",
            ),
            "cite": _doc(
                _one_or_many(_CITATION, "A citation: `{source, quote?, at?, by?}`."),
                "Where the claim is made or evidenced: one citation or a list of them.",
            ),
            "tags": _doc(
                {"type": "array", "items": _doc(_TEXT, "A topic.")},
                "Free topics, to filter and group claims.",
                ["1932", "letters"],
            ),
            "note": _doc(_STRING, "A note for teachers and readers (not part of the claim)."),
            "ignore": _doc(
                {
                    "type": "object",
                    "propertyNames": _doc(_STRING, "A rule code (AM201) or name (unanswered)."),
                    "additionalProperties": _doc(_TEXT, "Why the finding is acknowledged."),
                },
                "Acknowledged findings on this claim: rule code (or name) -> the reason, "
                "which reports show. An acknowledged finding does not fail the run.",
                {"AM201": "the text leaves this open"},
            ),
            "when": _date(
                "The date or period the claim is *about* (timelines). Never decides what "
                "`--as-of` keeps.",
                "1932",
                "1932-06",
                "1931/1936",
            ),
            "said": _date(
                "When the claim was *made*, where the `date` of its cited sources does not "
                "say it (`--as-of`, `argmap diff`).",
                "1937-02",
            ),
        },
        "required": ["id", "text"],
        "additionalProperties": False,
    },
    "A claim: who says what, and how it relates to other claims.",
)

PARTY_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "name": _doc(_TEXT, "The party's name as readers see it.", "The defence"),
            "role": _doc(_STRING, "Its role in the debate or trial.", "accused", "prosecution"),
            "color": _doc(
                {"type": "string", "pattern": COLOR_PATTERN},
                "Its colour in diagrams: `#` and six hex digits.",
                "#1f77b4",
            ),
        },
        "required": ["name"],
        "additionalProperties": False,
    },
    "Someone who speaks in the map.",
    {"name": "Leon Trotsky", "role": "accused", "color": "#1f77b4"},
)

SOURCE_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "title": _doc(_TEXT, "The source's title.", "The Moscow Trials"),
            "author": _doc(_STRING, "Who wrote it.", "Leon Trotsky"),
            "date": _doc(
                _STRING,
                f"When it was published: {_DATE_WORDS}. A claim is said at the latest date "
                "of the sources it cites (unless it has `said`).",
                "1937",
            ),
            "url": _doc(_STRING, "Where to find it.", "https://example.org/trials.html"),
            "text": _doc(
                _TEXT,
                "Path, relative to this file, of a plain-text copy used to check quotes. It "
                "must lie inside the map's directory (or a trusted source root).",
                "texts/chapter.txt",
            ),
            "outside": _doc(
                {"type": "boolean"},
                "`true` for material from outside the map's own text (a later book, an "
                "archive), so that readers can tell it apart.",
                True,
            ),
        },
        "required": ["title"],
        "additionalProperties": False,
    },
    "Something cited.",
    {"title": "The Moscow Trials", "author": "Leon Trotsky", "date": "1937"},
)

MAP_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "title": _doc(
                _STRING, "The map's title, on diagrams and handouts.", "The Moscow Trials"
            ),
            "description": _doc(_STRING, "What the map is about, in a sentence or two."),
        },
        "additionalProperties": False,
    },
    "The map's title and description; at most one file of a map sets `map`.",
    {"title": "The first Moscow trial, 1936"},
)

EVENT_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "properties": {
            "date": _date("When it happened.", "1936-08-19"),
            "text": _doc(_TEXT, "What happened.", "The trial of the sixteen opens in Moscow."),
            "cite": _doc(
                _CITATION,
                "Where the text gives it (one citation: `{source, quote?, at?, by?}`).",
            ),
        },
        "required": ["date", "text"],
        "additionalProperties": False,
    },
    "A dated event the map is about.",
    {"date": "1934-12", "text": "Kirov is murdered in Leningrad."},
)

GLOSSARY_SCHEMA: dict[str, Any] = _doc(
    {
        "type": "object",
        "propertyNames": _doc(_TEXT, "A person or term."),
        "additionalProperties": _doc(_TEXT, "A short definition of the term."),
    },
    "People and terms a reader needs: term -> short definition (the lesson pack's glossary).",
    {"Thermidor": "The turn of the French Revolution against its radicals, in July 1794."},
)

CLAIM_FILE_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://argmap.invalid/schema/claim-file-v1.json",
    "title": "argmap claim file (format v1)",
    **_doc(
        {
            "type": "object",
            "properties": {
                "map": MAP_SCHEMA,
                "party": _doc(_ID, "The default party of the claims of this file.", "prosecution"),
                "parties": _doc(
                    {
                        "type": "object",
                        "propertyNames": _doc({"pattern": ID_PATTERN}, "A party id."),
                        "additionalProperties": PARTY_SCHEMA,
                    },
                    "Who speaks: party id -> `{name, role?, color?}`. Each id is declared "
                    "once in the map.",
                ),
                "sources": _doc(
                    {
                        "type": "object",
                        "propertyNames": _doc({"pattern": ID_PATTERN}, "A source id."),
                        "additionalProperties": SOURCE_SCHEMA,
                    },
                    "What is cited: source id -> `{title, author?, date?, url?, text?, outside?}`.",
                ),
                "glossary": GLOSSARY_SCHEMA,
                "events": _doc(
                    {"type": "array", "items": EVENT_SCHEMA},
                    "Dated events the map is about: a list of `{date, text, cite?}`.",
                ),
                "claims": _doc(
                    {"type": "array", "items": CLAIM_SCHEMA}, "The claims of this file."
                ),
            },
            "additionalProperties": False,
            # Without a file-wide `party`, every claim names its own.
            "if": {"not": {"required": ["party"]}},
            "then": {"properties": {"claims": {"items": {"required": ["party"]}}}},
        },
        "A claim file of an argmap map: a YAML mapping; every key is optional.",
    ),
}


def schema_json() -> str:
    """The published JSON Schema, as text."""
    return json.dumps(CLAIM_FILE_SCHEMA, indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The JSON Schema file shipped in the package (kept equal to ``schema_json``)."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


CITATION_KEYS: tuple[str, ...] = tuple(_CITATION["properties"])
