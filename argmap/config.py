"""``[tool.argmap]`` in the nearest ``pyproject.toml`` above the map."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """The configuration is unusable; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """Settings of a project; paths are resolved against the pyproject's directory."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    source_roots: tuple[Path, ...] = ()
    fail_on: str = "error"


_KEYS = {"select", "ignore", "source-roots", "fail-on"}


def find_config(start: Path) -> Config:
    """Walk up from ``start`` to the first ``pyproject.toml`` with a ``[tool.argmap]`` table."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{candidate}: cannot read [tool.argmap]: {exc}") from None
            tool = data.get("tool", {})
            table = tool.get("argmap") if isinstance(tool, dict) else None
            if table is not None:
                return _parse(candidate, table)
    return Config()


def _parse(path: Path, table: Any) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.argmap] must be a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown key {sorted(unknown)[0]!r} in [tool.argmap] "
            f"(must be one of {sorted(_KEYS)})"
        )

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.argmap] {key} must be a list of strings")
        return tuple(value)

    fail_on = table.get("fail-on", "error")
    if fail_on not in ("error", "warning"):
        raise ConfigError(f"{path}: [tool.argmap] fail-on must be 'error' or 'warning'")
    roots = tuple(path.parent / r for r in strings("source-roots") or ())
    return Config(path, strings("select"), strings("ignore") or (), roots, fail_on)
