"""Findings as text, JSON, GitHub workflow commands, SARIF 2.1.0, GitLab Code Quality, JUnit.

Every string that reaches a terminal or a CI log passes through ``argmap.terminal.escape``.
Paths in the CI formats (``github``, ``sarif``, ``gitlab``, ``junit``) are relative to
``ReportOptions.base`` (the repository root) when it is given, so that annotations and
alerts land on the right file whatever directory the linter ran from.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from argmap.findings import Finding
from argmap.terminal import escape, paint

FORMATS = ("text", "json", "github", "sarif", "gitlab", "junit")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class ReportOptions:
    """How a report is written, beyond its format."""

    base: Path | None = None
    """The repository root: CI formats name files relative to it (default: the cwd)."""
    colour: bool = False
    quiet: bool = False
    """Text: the findings only, no summary line."""
    statistics: bool = False
    """Text: a count per rule instead of one line per finding."""
    suppressed: bool = False
    """SARIF, GitLab: keep acknowledged findings (SARIF: as suppressed notes)."""


def render(findings: Sequence[Finding], fmt: str, options: ReportOptions | None = None) -> str:
    """Findings in one of ``FORMATS``."""
    formatters: dict[str, Callable[[Sequence[Finding], ReportOptions], str]] = {
        "text": text,
        "json": lambda found, _: as_json(found),
        "github": github,
        "sarif": sarif,
        "gitlab": gitlab,
        "junit": junit,
    }
    if fmt not in formatters:
        raise ValueError(f"unknown format: {fmt!r} (must be one of {list(FORMATS)})")
    return formatters[fmt](findings, options or ReportOptions())


def text(findings: Sequence[Finding], options: ReportOptions | None = None) -> str:
    """``path:line:col: CODE message`` a line (or counts per rule), then a summary."""
    options = options or ReportOptions()
    lines = statistics(findings, options) if options.statistics else []
    for f in () if options.statistics else findings:
        location, code = escape(str(f.span)), f.code
        tail = ""
        if f.acknowledged is not None:
            tail = f" [acknowledged: {escape(f.acknowledged)}]"
        elif f.severity == "warning":
            tail = " [warning]"
        if options.colour:
            location = paint(location, bold=True)
            code = paint(code, _colour(f), bold=True)
            tail = paint(tail, "dark_grey") if tail else ""
        lines.append(f"{location}: {code} {escape(f.message)}{tail}")
    if not options.quiet:
        line = summary(findings)
        if options.colour:
            line = paint(line, _colour_of_summary(findings), bold=True)
        lines.append(line)
    return "".join(line + "\n" for line in lines)


def _colour(f: Finding) -> str:
    if f.acknowledged is not None:
        return "dark_grey"
    return "red" if f.severity == "error" else "yellow"


def _colour_of_summary(findings: Sequence[Finding]) -> str:
    if any(f.fails() for f in findings):
        return "red"
    return "yellow" if any(f.acknowledged is None for f in findings) else "green"


def statistics(findings: Sequence[Finding], options: ReportOptions | None = None) -> list[str]:
    """One line per rule found: count, code, name, most frequent first."""
    counts = Counter((f.code, f.rule) for f in findings)
    width = len(str(max(counts.values(), default=0)))
    return [
        f"{count:>{width}}  {code} {escape(rule)}"
        for (code, rule), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def summary(findings: Sequence[Finding]) -> str:
    errors = sum(f.severity == "error" and f.acknowledged is None for f in findings)
    warnings = sum(f.severity == "warning" and f.acknowledged is None for f in findings)
    acknowledged = sum(f.acknowledged is not None for f in findings)
    if not findings:
        return "No problems found."
    return f"Found {errors} error(s), {warnings} warning(s), {acknowledged} acknowledged."


def as_json(findings: Sequence[Finding]) -> str:
    return _json([f.as_dict() for f in findings])


def _json(data: object) -> str:
    """JSON as argmap writes it: readable, and safe to print (``\\u202e``, not the character)."""
    return escape(json.dumps(data, indent=2, ensure_ascii=False), keep="\n", style="json") + "\n"


def github(findings: Sequence[Finding], options: ReportOptions | None = None) -> str:
    """GitHub Actions workflow commands: an annotation per finding."""
    base = (options or ReportOptions()).base
    out = []
    for f in findings:
        level = "notice" if f.acknowledged is not None else f.severity
        message = (
            f.message if f.acknowledged is None else f"{f.message} (acknowledged: {f.acknowledged})"
        )
        props = ",".join(
            f"{k}={_escape_property(str(v))}"
            for k, v in (
                ("file", repository_path(f.span.path, base)),
                ("line", f.span.line),
                ("col", f.span.column),
                ("title", f"{f.code} {f.rule}"),
            )
        )
        out.append(f"::{level} {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in out)


def _escape_data(value: str) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape(value)


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sarif(findings: Sequence[Finding], options: ReportOptions | None = None) -> str:
    """SARIF 2.1.0 as GitHub code scanning takes it: rules with help, repository URIs.

    No ``informationUri``: the project has no public home page yet, and a link that
    leads nowhere is worse than none. Acknowledged findings are left out (code
    scanning would show them as open alerts), unless
    ``options.suppressed``: then they are ``note`` results with a suppression.
    """
    from argmap import __version__
    from argmap.lint import registry

    options = options or ReportOptions()
    rules = registry()
    codes = list(rules)
    results: list[dict[str, Any]] = []
    for f in findings:
        if f.acknowledged is not None and not options.suppressed:
            continue
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code) if f.code in rules else -1,
            "level": f.severity if f.acknowledged is None else "note",
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": _uri(repository_path(f.span.path, options.base)),
                            "uriBaseId": "%SRCROOT%",
                        },
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
                        "rules": [_sarif_rule(m.RULE) for m in rules.values()],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _base_uri(options.base)}},
                "results": results,
            }
        ],
    }
    return _json(document)


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


_GITLAB_SEVERITY = {"error": "major", "warning": "minor"}


def gitlab(findings: Sequence[Finding], options: ReportOptions | None = None) -> str:
    """GitLab Code Quality JSON (a CodeClimate subset); acknowledged findings left out."""
    options = options or ReportOptions()
    issues = []
    for f in findings:
        if f.acknowledged is not None and not options.suppressed:
            continue
        path = repository_path(f.span.path, options.base)
        import hashlib

        identity = f"{f.code}\0{path}\0{f.claim or ''}\0{f.message}"
        issues.append(
            {
                "description": f"{f.code} {f.message}",
                "check_name": f"{f.code} {f.rule}",
                "fingerprint": hashlib.sha256(identity.encode("utf-8")).hexdigest(),
                "severity": "info" if f.acknowledged else _GITLAB_SEVERITY[f.severity],
                "location": {"path": path, "lines": {"begin": f.span.line}},
            }
        )
    return _json(issues)


def junit(findings: Sequence[Finding], options: ReportOptions | None = None) -> str:
    """JUnit XML: one test case per finding that is not acknowledged (one passing case if none)."""
    options = options or ReportOptions()
    shown = [f for f in findings if f.acknowledged is None]
    cases = []
    for f in shown:
        path = repository_path(f.span.path, options.base)
        tag = "failure" if f.severity == "error" else "skipped"
        name = f"{path}:{f.span.line}:{f.span.column} {f.code}"
        cases.append(
            f"    <testcase classname={_attr(path)} name={_attr(name)} "
            f'file={_attr(path)} line="{f.span.line}">\n'
            f"      <{tag} message={_attr(f.message)} type={_attr(f.code)}>"
            f"{_xml(f'{path}:{f.span.line}:{f.span.column}: {f.code} {f.message}')}</{tag}>\n"
            "    </testcase>"
        )
    if not shown:
        cases.append('    <testcase classname="argmap" name="argmap lint"/>')
    failures = sum(f.severity == "error" for f in shown)
    skipped = len(shown) - failures
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="argmap" tests="{len(cases)}" failures="{failures}">\n'
        f'  <testsuite name="argmap lint" tests="{len(cases)}" failures="{failures}" '
        f'errors="0" skipped="{skipped}">\n'
        + "\n".join(cases)
        + "\n  </testsuite>\n</testsuites>\n"
    )


def _xml(value: str) -> str:
    """Text XML 1.0 can hold: controls it forbids are written as escapes."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(escape(value, keep="\n\t"))


def _attr(value: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(escape(value))


def repository_root(start: Path | None = None) -> Path | None:
    """The nearest directory at or above ``start`` (the cwd) holding ``.git``, if any."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        with contextlib.suppress(OSError):
            if (directory / ".git").exists():
                return directory
    return None


def repository_path(path: str, base: Path | None) -> str:
    """``path`` (as the loader wrote it) relative to ``base``; unchanged without one."""
    if base is None:
        return path
    absolute = os.path.abspath(path)
    with contextlib.suppress(ValueError):
        relative = os.path.relpath(absolute, base)
        if not relative.startswith(os.pardir):
            return PurePath(relative).as_posix()
    return path


def _uri(path: str) -> str:
    """A path as a URI relative to the base (the repository root in CI)."""
    pure = PurePath(path)
    if pure.is_absolute():
        with contextlib.suppress(ValueError):  # another drive, on Windows
            pure = PurePath(os.path.relpath(pure))
    return quote(pure.as_posix())


def _base_uri(base: Path | None) -> str:
    return PurePath(os.path.abspath(base or os.getcwd())).as_uri() + "/"
