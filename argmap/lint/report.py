"""Findings as text, JSON, GitHub workflow commands, or SARIF 2.1.0."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from argmap.findings import Finding

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(findings: Sequence[Finding], fmt: str) -> str:
    """Findings in one of ``FORMATS``."""
    formatters: dict[str, Callable[[Sequence[Finding]], str]] = {
        "text": text,
        "json": as_json,
        "github": github,
        "sarif": sarif,
    }
    if fmt not in formatters:
        raise ValueError(f"unknown format: {fmt!r} (must be one of {list(FORMATS)})")
    return formatters[fmt](findings)


def text(findings: Sequence[Finding]) -> str:
    """``path:line:col: CODE message`` a line, then a summary."""
    lines = []
    for f in findings:
        line = f"{_flat(str(f.span))}: {f.code} {_flat(f.message)}"  # a path may hold a newline
        if f.acknowledged is not None:
            line += f" [acknowledged: {_flat(f.acknowledged)}]"
        elif f.severity == "warning":
            line += " [warning]"
        lines.append(line)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"


def summary(findings: Sequence[Finding]) -> str:
    errors = sum(f.severity == "error" and f.acknowledged is None for f in findings)
    warnings = sum(f.severity == "warning" and f.acknowledged is None for f in findings)
    acknowledged = sum(f.acknowledged is not None for f in findings)
    if not findings:
        return "No problems found."
    return f"Found {errors} error(s), {warnings} warning(s), {acknowledged} acknowledged."


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"


def github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: an annotation per finding."""
    out = []
    for f in findings:
        level = "notice" if f.acknowledged is not None else f.severity
        message = (
            f.message if f.acknowledged is None else f"{f.message} (acknowledged: {f.acknowledged})"
        )
        props = ",".join(
            f"{k}={_escape_property(str(v))}"
            for k, v in (
                ("file", f.span.path),
                ("line", f.span.line),
                ("col", f.span.column),
                ("title", f"{f.code} {f.rule}"),
            )
        )
        out.append(f"::{level} {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in out)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_LINE_BREAKS = str.maketrans(  # every character str.splitlines() breaks at, escaped
    {c: c.encode("unicode_escape").decode("ascii") for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
)


def _flat(value: str) -> str:
    return value.translate(_LINE_BREAKS)


def sarif(findings: Sequence[Finding]) -> str:
    """SARIF 2.1.0 as GitHub code scanning takes it: rules with help, relative URIs."""
    from argmap import __version__
    from argmap.lint import registry

    rules = registry()
    codes = list(rules)
    results: list[dict[str, Any]] = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code) if f.code in rules else -1,
            "level": f.severity,
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.span.path), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": f.span.line, "startColumn": f.span.column},
                    }
                }
            ],
        }
        if f.claim is not None:
            result["properties"] = {"claim": f.claim}
        if f.acknowledged is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": f.acknowledged}]
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/argmap/",
                        "rules": [_sarif_rule(m.RULE) for m in rules.values()],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _cwd_uri()}},
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": "".join(part.title() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.section("What it does") or rule.summary},
        "help": {"text": rule.explanation, "markdown": rule.explanation},
        "defaultConfiguration": {"level": rule.severity},
        "properties": {"tags": ["argument-map"]},
    }


def _uri(path: str) -> str:
    """A path as a URI relative to the working directory (the repository root in CI)."""
    pure = PurePath(path)
    if pure.is_absolute():
        with contextlib.suppress(ValueError):  # another drive, on Windows
            pure = PurePath(os.path.relpath(pure))
    return quote(pure.as_posix())


def _cwd_uri() -> str:
    return PurePath(os.getcwd()).as_uri() + "/"
