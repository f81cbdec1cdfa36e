"""The claim-file schema as data, published as a Draft-07 JSON Schema for editors.

The loader validates with its own single pass over the YAML events (fast, with
positions); it takes its key sets and patterns from ``CLAIM_FILE_SCHEMA`` so that the
published schema and the loader cannot drift apart. Tests check both agree.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
UNDERCUT_PATTERN = r"^\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*->\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
SCHEMA_FILE = "claim-file.schema.json"

_ID = {"type": "string", "pattern": ID_PATTERN}
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}  # not only white space


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}]}


_CITATION: dict[str, Any] = {
    "type": "object",
    "description": "Where the claim is made or evidenced.",
    "properties": {
        "source": {**_ID, "description": "A source id declared under `sources`."},
        "quote": {**_TEXT, "description": "Verbatim words of the source."},
        "at": {"type": "string", "description": "A locator: page, paragraph."},
    },
    "required": ["source"],
    "additionalProperties": False,
}

CLAIM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**_ID, "description": "Unique in the map."},
        "text": {**_TEXT, "description": "The claim, in the author's own words."},
        "party": {**_ID, "description": "Who makes the claim (defaults to the file's party)."},
        "kind": {
            "enum": ["allegation", "claim", "evidence"],
            "description": "An allegation must be answered by another party.",
        },
        "against": {**_ID, "description": "The party that must answer an allegation."},
        "supports": {**_one_or_many(_ID), "description": "Claims this one gives a reason for."},
        "rebuts": {**_one_or_many(_ID), "description": "Claims this one attacks."},
        "undercuts": {
            **_one_or_many({"type": "string", "pattern": UNDERCUT_PATTERN}),
            "description": "Relations 'A -> B' whose inference this claim attacks.",
        },
        "cite": _one_or_many(_CITATION),
        "tags": {"type": "array", "items": _TEXT},
        "note": {"type": "string"},
        "ignore": {
            "type": "object",
            "description": "Acknowledged findings: rule code (or name) -> reason.",
            "additionalProperties": _TEXT,
        },
    },
    "required": ["id", "text"],
    "additionalProperties": False,
}

PARTY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": _TEXT,
        "role": {"type": "string"},
        "color": {"type": "string", "pattern": COLOR_PATTERN},
    },
    "required": ["name"],
    "additionalProperties": False,
}

SOURCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": _TEXT,
        "author": {"type": "string"},
        "date": {"type": "string"},
        "url": {"type": "string"},
        "text": {
            **_TEXT,
            "description": "Path, relative to this file, of a plain-text copy for quote checks.",
        },
    },
    "required": ["title"],
    "additionalProperties": False,
}

MAP_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "description": {"type": "string"}},
    "additionalProperties": False,
}

CLAIM_FILE_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://argmap.invalid/schema/claim-file-v1.json",
    "title": "argmap claim file (format v1)",
    "type": "object",
    "properties": {
        "map": MAP_SCHEMA,
        "party": {**_ID, "description": "Default party for the claims of this file."},
        "parties": {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": PARTY_SCHEMA,
        },
        "sources": {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": SOURCE_SCHEMA,
        },
        "claims": {"type": "array", "items": CLAIM_SCHEMA},
    },
    "additionalProperties": False,
    # Without a file-wide `party`, every claim names its own.
    "if": {"not": {"required": ["party"]}},
    "then": {"properties": {"claims": {"items": {"required": ["party"]}}}},
}


def schema_json() -> str:
    """The published JSON Schema, as text."""
    return json.dumps(CLAIM_FILE_SCHEMA, indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The JSON Schema file shipped in the package (kept equal to ``schema_json``)."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


CITATION_KEYS: tuple[str, ...] = tuple(_CITATION["properties"])
