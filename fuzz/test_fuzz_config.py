"""Fuzz the settings file: whatever ``argmap.toml``, ``.argmap.toml`` or ``pyproject.toml``
holds, reading it gives settings or one ``ConfigError`` line naming the file, never
another exception (issue 20: a ``pyproject.toml`` of deeply nested arrays was an
internal error)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap.config import Config, ConfigError, find_config, load_config

KEYS = [
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "severity",
    "per-file-ignores",
    "fail-on",
    "source-roots",
]
WORDS = st.sampled_from(
    ["AM201", "AM2", "ALL", "unanswered", "error", "warning", "*.yaml", "../texts", "", "\x1b[2J"]
)
SCALARS = st.one_of(
    WORDS,
    st.text(max_size=20),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(WORDS, st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=20,
)
TABLES = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=12)), VALUES, max_size=6)


def toml_value(value: Any) -> str:
    """A value as TOML inline syntax (JSON strings are TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_table(table: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in table.items())


def check_reads(directory: Path, path: Path) -> None:
    reads: list[Callable[[], Config]] = [
        lambda: find_config(directory),
        lambda: load_config(path),
    ]
    for read in reads:
        try:
            config = read()
        except ConfigError as exc:
            message = str(exc)
            assert message and "\n" not in message.strip(), message
            assert "\x1b" not in message, "escapes are shown, not sent to the terminal"
        else:
            assert isinstance(config, Config)


@given(
    TABLES,
    st.sampled_from(["argmap.toml", ".argmap.toml", "pyproject.toml"]),
    st.one_of(st.none(), st.integers(0, 400)),
)
def test_any_settings_file_gives_settings_or_one_clear_error(
    table: dict[str, Any], name: str, cut: int | None
) -> None:
    text = toml_table(table)
    if name == "pyproject.toml":
        text = "[tool.argmap]\n" + text
    if cut is not None:
        text = text[:cut]  # a file cut anywhere: often not TOML at all
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / name).write_text(text, encoding="utf-8")
        check_reads(directory, directory / name)


@given(st.binary(max_size=400), st.sampled_from(["argmap.toml", "pyproject.toml"]))
def test_any_bytes_give_settings_or_one_clear_error(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / name).write_bytes(data)
        check_reads(directory, directory / name)


@given(st.integers(1, 100_000), st.sampled_from(["[", "{a="]))
def test_deep_nesting_is_one_clear_error(depth: int, opener: str) -> None:
    closer = {"[": "]", "{a=": "}"}[opener]
    text = "[tool.argmap]\nselect = " + opener * depth + "1" + closer * depth + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / "pyproject.toml").write_text(text, encoding="utf-8")
        check_reads(directory, directory / "pyproject.toml")


def test_the_command_line_says_it_in_one_line() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / "pyproject.toml").write_text(
            "[tool.argmap]\nselect = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8"
        )
        (directory / "a.yaml").write_text("party: p\nclaims: [{id: a, text: A.}]\n")
        result = subprocess.run(
            [sys.executable, "-m", "argmap", "lint", str(directory)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
    assert result.returncode == 2, result
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "pyproject.toml" in result.stderr
