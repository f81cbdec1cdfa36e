"""AM301 missing-citation: an allegation or evidence that cites no source."""

from __future__ import annotations

from .conftest import LintMap


def test_allegations_and_evidence_without_cite_are_warnings(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}}
claims:
  - {id: a, kind: allegation, text: A letter confirmed the union.}
  - {id: e, kind: evidence, text: The letter itself., supports: a}
  - {id: c, text: An ordinary claim needs no citation., supports: a}
"""
        }
    )
    assert linted.at("AM301") == [("a.yaml", 4, 5), ("a.yaml", 5, 5)]
    assert linted.messages("AM301") == [
        "allegation 'a' cites no source; add cite: {source: ..., quote: ...}",
        "evidence 'e' cites no source; add cite: {source: ..., quote: ...}",
    ]
    assert all(f.severity == "warning" for f in linted.of("AM301"))


def test_a_citation_passes_even_without_a_quote(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}}
sources: {s: {title: S}}
claims:
  - {id: a, kind: allegation, text: A., cite: {source: s}}
  - {id: e, kind: evidence, text: E., cite: [{source: s, at: p. 2}], supports: a}
"""
        },
        select=["AM301"],
    )
    assert linted.findings == []
