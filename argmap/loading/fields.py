"""The claim schema as the loader reads it, stated once for the fast path and the full path.

Each key of a claim and of a citation has a value type; both paths read a key by
its type, check its value with the predicates below, and build the record with
``make_claim`` / ``make_citation``. The published JSON Schema (``argmap.schema``)
names the same keys; a test holds the two to that.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from argmap import schema as published
from argmap.dates import DateError, parse_period
from argmap.model import CLAIM_KINDS, Citation, Claim, Span

ValueType = Literal[
    "id", "text", "string", "kind", "date", "refs", "undercuts", "citations", "tags", "ignores"
]

CLAIM_FIELDS: dict[str, ValueType] = {
    "id": "id",
    "text": "text",
    "party": "id",
    "kind": "kind",
    "against": "id",
    "supports": "refs",
    "rebuts": "refs",
    "undercuts": "undercuts",
    "cite": "citations",
    "tags": "tags",
    "note": "string",
    "ignore": "ignores",
    "when": "date",
    "said": "date",
}
"""Every key of a claim and the type of its value."""
CLAIM_REQUIRED = ("id", "text")
"""Keys a claim must have (``party`` too, unless its file sets one)."""
SPANNED = frozenset({"party", "against", "when", "said"})
"""Claim keys whose value's position is kept, as ``<key>_span`` of the record."""

CITATION_FIELDS: dict[str, ValueType] = {
    "source": "id",
    "quote": "text",
    "at": "string",
    "by": "id",
}
"""Every key of a citation (a claim's or an event's ``cite``) and its value type."""
CITATION_SPANNED = frozenset({"source", "quote", "by"})

ID_RE = re.compile(published.ID_PATTERN)
UNDERCUT_RE = re.compile(r"^\s*([^\s>]+?)\s*->\s*(\S+?)\s*$")  # linear: no '>' in A
COLOR_RE = re.compile(published.COLOR_PATTERN)
TRUE, FALSE = frozenset({"true", "True", "TRUE"}), frozenset({"false", "False", "FALSE"})

assert set(CITATION_FIELDS) == set(published.CITATION_KEYS)


def is_id(value: object) -> bool:
    return type(value) is str and ID_RE.fullmatch(value) is not None


def is_text(value: object) -> bool:
    """A string that is not only white space."""
    return type(value) is str and not value.isspace() and value != ""


def is_kind(value: object) -> bool:
    return value in CLAIM_KINDS


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a date or period of the format, or None when it is one."""
    try:
        parse_period(value)
    except DateError as exc:
        return str(exc)
    return None


def undercut_parts(value: str) -> tuple[str, str] | None:
    """The two claim ids of an undercut ``"A -> B"``, or None."""
    match = UNDERCUT_RE.match(value)
    if not match or not all(ID_RE.fullmatch(part) for part in match.groups()):
        return None
    return match.group(1), match.group(2)


def make_claim(
    values: dict[str, Any], span: Span, party: str | None, party_span: Span | None
) -> Claim:
    """A claim from the values read for its keys (``<key>_span`` for spanned keys).

    ``party`` and ``party_span`` are the file's default, used when the claim names none.
    """
    if "party" not in values:
        values["party"], values["party_span"] = party or "", party_span
    return Claim(span=span, **values)


def make_citation(values: dict[str, Any]) -> Citation:
    """A citation from the values read for its keys (``source`` and its span required)."""
    return Citation(
        source=values["source"],
        span=values["source_span"],
        quote=values.get("quote"),
        at=values.get("at"),
        quote_span=values.get("quote_span"),
        by=values.get("by"),
        by_span=values.get("by_span"),
    )
