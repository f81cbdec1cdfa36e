"""Findings: the immutable record of one problem at one place."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from argmap.model import Span

Severity = Literal["error", "warning"]


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
