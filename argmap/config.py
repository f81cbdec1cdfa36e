"""A project's argmap settings: ``argmap.toml``, ``.argmap.toml`` or ``[tool.argmap]``.

The search starts at the map (or the first claim file) and walks up. In each
directory, ``argmap.toml``, then ``.argmap.toml``, then a ``pyproject.toml`` with a
``[tool.argmap]`` table is taken, the first found. The walk STOPS at the first
project root, even when it holds no settings: a directory with a ``pyproject.toml``
(with or without ``[tool.argmap]``), an argmap config, or a ``.git`` (the top of a
repository). So a map never picks up the settings of a parent project that someone
else owns (issue 20, item 17).

The keys (the same in each file; in ``argmap.toml`` at the top level)::

    select = ["AM1", "AM2"]          # only these rules (codes, prefixes, names)
    ignore = ["isolated"]            # never these
    extend-select = ["AM301"]        # add to select (or to every rule)
    extend-ignore = ["AM203"]        # add to ignore
    severity = {AM201 = "warning"}   # a rule's severity: "error" or "warning"
    per-file-ignores = {"claims/drafts/*.yaml" = ["AM201"]}   # globs, from this file's directory
    fail-on = "warning"              # the lowest severity that fails: "error" (default)
    source-roots = ["../texts"]      # directories outside the map that source texts may be in
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.findings import Finding

CONFIG_NAMES = ("argmap.toml", ".argmap.toml")
MAX_BYTES = 1024 * 1024


class ConfigError(Exception):
    """The configuration is unusable; the message names the file, the line and the key."""


@dataclass(frozen=True)
class Config:
    """Settings of a project; paths are resolved against the config file's directory."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    source_roots: tuple[Path, ...] = ()
    fail_on: str = "error"
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def table(self) -> str:
        """How messages name where the keys are: ``[tool.argmap]`` or the file itself."""
        if self.path is None:
            return "the configuration"
        return "[tool.argmap]" if self.path.name == "pyproject.toml" else self.path.name


_KEYS = (
    "extend-ignore",
    "extend-select",
    "fail-on",
    "ignore",
    "per-file-ignores",
    "select",
    "severity",
    "source-roots",
)
SEVERITIES = ("error", "warning")


def find_config(start: Path) -> Config:
    """The settings nearest ``start``, walking up no further than its project root."""
    try:
        here = Path(os.path.abspath(start))
        if not _isdir(here):
            here = here.parent
    except (OSError, ValueError):
        return Config()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if _isfile(candidate):
                return _parse(candidate, _read(candidate), "")
        candidate = directory / "pyproject.toml"
        if _isfile(candidate):
            data = _read(candidate)
            tool = data.get("tool", {})
            table = tool.get("argmap") if isinstance(tool, dict) else None
            return Config() if table is None else _parse(candidate, table, "[tool.argmap]")
        if _exists(directory / ".git"):
            return Config()
    return Config()


def load_config(path: Path) -> Config:
    """The settings of the file named by ``--config`` (any of the three kinds)."""
    if not _isfile(path):
        raise ConfigError(f"{path}: no such configuration file")
    data = _read(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("argmap") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: no [tool.argmap] table")
        return _parse(path, table, "[tool.argmap]")
    return _parse(path, data, "")


def _isfile(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _isdir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_BYTES // 1024} KiB; is it a config file?")
        return tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(
            f"{path}: arrays or tables nested too deeply to read; is it a config file?"
        ) from None


def _line_of(path: Path, key: str) -> str:
    """``:LINE`` of the first line that sets ``key``, or nothing."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    pattern = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f":{number}"
    return ""


def _parse(path: Path, table: Any, where: str) -> Config:
    prefix = f"{where} " if where else ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where or 'the file'} must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(
            f"{path}{_line_of(path, unknown[0])}: unknown key {unknown[0]!r} in "
            f"{where or path.name} (allowed: {', '.join(_KEYS)})"
        )

    def problem(key: str, what: str) -> ConfigError:
        return ConfigError(f"{path}{_line_of(path, key)}: {prefix}{key} must be {what}")

    def strings(key: str, value: Any = None) -> tuple[str, ...]:
        value = table.get(key) if value is None else value
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise problem(key, "a list of strings")
        return tuple(value)

    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise problem("fail-on", "'error' or 'warning'")
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
        raise problem("severity", 'a table of rule = "error" or "warning"')
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise problem("per-file-ignores", 'a table of "glob" = [rules]')
    roots = tuple(path.parent / r for r in strings("source-roots"))
    return Config(
        path=path,
        select=strings("select") if "select" in table else None,
        ignore=strings("ignore"),
        source_roots=roots,
        fail_on=fail_on,
        extend_select=strings("extend-select"),
        extend_ignore=strings("extend-ignore"),
        severity=dict(severity),
        per_file_ignores={
            glob: strings("per-file-ignores", codes) for glob, codes in per_file.items()
        },
    )


def check_rules(config: Config, resolve: Any) -> None:
    """Fail on an unknown rule anywhere in ``config``, naming the file, line and key.

    ``resolve`` turns selectors (codes, prefixes, names) into codes, raising
    ``ValueError`` for an unknown one (``argmap.lint.resolve_codes``).
    """
    if config.path is None:
        return
    path = config.path
    prefix = "[tool.argmap] " if config.table == "[tool.argmap]" else ""
    keyed: list[tuple[str, Iterable[str]]] = [
        ("select", config.select or ()),
        ("ignore", config.ignore),
        ("extend-select", config.extend_select),
        ("extend-ignore", config.extend_ignore),
        ("severity", config.severity),
        *(("per-file-ignores", codes) for codes in config.per_file_ignores.values()),
    ]
    for key, selectors in keyed:
        try:
            resolve(list(selectors))
        except ValueError as exc:
            raise ConfigError(f"{path}{_line_of(path, key)}: {prefix}{key}: {exc}") from None


def adjust(findings: Iterable[Finding], config: Config, resolve: Any) -> list[Finding]:
    """``findings`` with the config's severities, and without its per-file ignores.

    Per-file globs are matched against each finding's path relative to the config
    file's directory (``claims/drafts/*.yaml``), or the path's name (``drafts.yaml``).
    """
    severity: dict[str, str] = {}
    for selector, level in config.severity.items():
        for code in resolve([selector]):
            severity[code] = level
    per_file = [(glob, resolve(list(codes))) for glob, codes in config.per_file_ignores.items()]
    base = config.path.parent if config.path is not None else Path.cwd()
    kept = []
    for finding in findings:
        if per_file:
            relative = _relative(finding.span.path, base)
            name = PurePath(relative).name
            if any(
                finding.code in codes
                and (fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob))
                for glob, codes in per_file
            ):
                continue
        if finding.code in severity and severity[finding.code] != finding.severity:
            finding = replace(finding, severity=severity[finding.code])  # type: ignore[arg-type]
        kept.append(finding)
    return kept


def _relative(path: str, base: Path) -> str:
    try:
        return PurePath(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:
        return PurePath(path).as_posix()
