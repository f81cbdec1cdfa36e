"""Findings: the immutable record of one problem at one place, and the rules that make them.

A :class:`Rule` is a rule's identity (code, name, severity, documentation). The
rules whose problems the loader finds while reading files are named here too, so
that the loader makes their findings without importing the linter; their
documentation lives with the other rules in ``argmap.lint``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, replace
from typing import Any, Literal

from argmap.span import Span

Severity = Literal["error", "warning"]

MAX_PER_FILE = 100
"""Each rule lists at most this many findings per file, then one finding counts the rest."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a map, at a span, optionally about a claim."""

    code: str
    rule: str
    severity: Severity
    message: str
    span: Span
    claim: str | None = None
    acknowledged: str | None = None
    """The reason given in the claim's ``ignore``, when the finding is acknowledged."""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.span.path, self.span.line, self.span.column, self.code, self.message)

    def fails(self, fail_on: Severity = "error") -> bool:
        """Whether this finding should make the run fail."""
        if self.acknowledged is not None:
            return False
        return self.severity == "error" or fail_on == "warning"

    def acknowledge(self, reason: str) -> Finding:
        return replace(self, acknowledged=reason)

    def as_dict(self) -> dict[str, Any]:
        """The finding as the JSON report writes it."""
        return {
            "path": self.span.path,
            "line": self.span.line,
            "column": self.span.column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "claim": self.claim,
            "acknowledged": self.acknowledged is not None,
            "reason": self.acknowledged,
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in report order: path, line, column, code."""
    return sorted(findings, key=Finding.sort_key)


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity. For a lint rule, its module's docstring is its documentation."""

    code: str
    name: str
    severity: Severity
    doc: str = ""

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    @property
    def explanation(self) -> str:
        return inspect.cleandoc(self.doc)

    def section(self, heading: str) -> str:
        """The text under ``## heading`` of the documentation, joined into one paragraph."""
        lines = self.explanation.splitlines()
        try:
            start = lines.index(f"## {heading}") + 1
        except ValueError:
            return ""
        body = []
        for line in lines[start:]:
            if line.startswith("## "):
                break
            body.append(line.strip())
        return " ".join(" ".join(body).split())

    def documented(self, doc: str | None) -> Rule:
        """The same rule with its documentation (a lint module's docstring)."""
        return replace(self, doc=doc or "")

    def finding(self, message: str, span: Span, claim: str | None = None) -> Finding:
        return Finding(self.code, self.name, self.severity, message, span, claim)


YAML_SYNTAX = Rule("AM001", "yaml-syntax", "error")
SCHEMA = Rule("AM002", "schema", "error")
DUPLICATE_KEY = Rule("AM003", "duplicate-key", "error")
UNSUPPORTED_YAML = Rule("AM004", "unsupported-yaml", "error")
UNREADABLE_FILE = Rule("AM005", "unreadable-file", "error")
