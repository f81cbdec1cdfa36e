"""JSON documents from other tools: parsed, or refused in one line that names the place."""

from __future__ import annotations

import json
from typing import Any


def parse_json(text: str, path: str, error: type[ValueError]) -> Any:
    """The JSON value of ``text``, or ``error`` naming the file, line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise error(f"{path}: JSON nested too deeply") from None
