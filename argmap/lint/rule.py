"""What every lint rule is: a code, a name, a severity and its documentation."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from argmap.findings import Finding, Severity
from argmap.model import Claim, Span


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity. Its module's docstring is its documentation."""

    code: str
    name: str
    severity: Severity
    doc: str

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

    def acknowledged_by(self, claim: Claim) -> str | None:
        """The reason the claim's ``ignore`` gives for this rule (by code or name), if any."""
        for entry in claim.ignore:
            if entry.code == self.name or entry.code.upper() == self.code:
                return entry.reason
        return None

    def finding(self, message: str, span: Span, claim: str | None = None) -> Finding:
        return Finding(self.code, self.name, self.severity, message, span, claim)
