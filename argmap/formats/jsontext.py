"""JSON text: documents from other tools parsed (or refused in one line), ours written in parts.

``parse_json`` is the preamble of every JSON reader. ``indented`` and ``document``
are the writers' side: the text of ``json.dumps(value, indent=2,
ensure_ascii=False)``, byte for byte, but produced a part at a time, so that an
export streams its records without first building the whole document.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring
from typing import Any


def parse_json(text: str, path: str, error: type[ValueError]) -> Any:
    """The JSON value of ``text``, or ``error`` naming the file, line and column."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise error(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise error(f"{path}: JSON nested too deeply") from None
    except ValueError as exc:  # an integer past Python's digit limit, a bare NaN
        raise error(f"{path}: not JSON argmap can read: {_short(exc)}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _short(exc: ValueError) -> str:
    message = str(exc).split(";")[0]
    if "digits" in message:
        return "a number with too many digits (more than 4300)"
    return message


def indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` as if nested ``level`` deep."""
    kind = type(value)
    if kind in _SCALARS:
        return _SCALARS[kind](value)
    inner = "\n" + "  " * (level + 1)
    deeper = level + 1
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            (encode_basestring(k) if type(k) is str else _key(k))
            + ": "
            + (_SCALARS[type(v)](v) if type(v) in _SCALARS else indented(v, deeper))
            for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = [
            _SCALARS[type(v)](v) if type(v) in _SCALARS else indented(v, deeper) for v in value
        ]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    if isinstance(value, str | int | float):  # a subclass of a scalar type
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _null(_: None) -> str:
    return "null"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _key(key: Any) -> str:
    if isinstance(key, str):
        return encode_basestring(key)
    return json.dumps({key: 0}, ensure_ascii=False)[1:-4]


def _float(value: float) -> str:
    if math.isfinite(value):
        return float.__repr__(value)
    return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")


_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    type(None): _null,
    bool: _bool,
    int: int.__repr__,
    float: _float,
}
"""The text of each scalar type, as ``json.dumps`` writes it (exact types only)."""


class Texts:
    """A member's array whose elements come as JSON text, each as ``indented(element, 2)``
    writes it: for a writer that knows the shape of its records and writes them itself."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[str]) -> None:
        self.items = items


def document(members: Iterable[tuple[str, Any]]) -> Iterator[str]:
    """A top-level object written as it goes, ``indent=2``, with a final line break.

    Each member is ``(key, value)``; a value that is an iterator (not a list) is
    written as a JSON array, one element at a time, so it is never held whole, and
    so is a ``Texts`` (its elements already written).
    """
    yield "{"
    first = True
    for key, value in members:
        yield ("\n  " if first else ",\n  ") + _key(key) + ": "
        first = False
        if isinstance(value, Texts):
            yield from _array(value.items)
        elif isinstance(value, Iterator):
            yield from _array(indented(item, 2) for item in value)
        else:
            yield indented(value, 1)
    yield "\n}\n" if not first else "}\n"


def _array(texts: Iterable[str]) -> Iterator[str]:
    """A JSON array nested one deep, from its elements' texts (joined 512 at a time)."""
    remaining = iter(texts)
    batch = list(islice(remaining, 512))
    if not batch:
        yield "[]"
        return
    yield "[\n    " + ",\n    ".join(batch)
    while batch := list(islice(remaining, 512)):
        yield ",\n    " + ",\n    ".join(batch)
    yield "\n  ]"
