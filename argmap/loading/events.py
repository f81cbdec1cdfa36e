"""libyaml's event stream, bound once for the tree and the fast path: the parser, the
event classes, what a null is, and the limits that keep hostile files cheap."""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as Parser  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "MAX_LISTED", "MAX_NODES", "NULLS", "Parser", "is_null"]

MAX_DEPTH = 32
"""Nesting deeper than this is not read (some libyaml builds crash near 30,000)."""
MAX_NODES = 4_000_000
"""Values read from one file at most: bounds the memory a file costs (claim files hold
far fewer; 100,000 claims are about 2,000,000)."""
MAX_LISTED = 100
"""Findings of one rule listed per file; the others are counted in one more finding."""
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
"""Plain scalars that YAML 1.2 reads as null; every other scalar stays a string."""

# The event classes, bound once: the event loops compare types by identity.
ScalarEvent = yaml.ScalarEvent
MappingStartEvent, MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
SequenceStartEvent, SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
AliasEvent = yaml.AliasEvent
DocumentStartEvent, DocumentEndEvent = yaml.DocumentStartEvent, yaml.DocumentEndEvent
StreamStartEvent, StreamEndEvent = yaml.StreamStartEvent, yaml.StreamEndEvent


def is_null(event: Any) -> bool:
    """Whether an untagged scalar event is a plain null (``~``, ``null``, nothing)."""
    return bool(event.value in NULLS and event.implicit[0])
