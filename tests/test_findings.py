"""Findings: immutable records, their order, whether they fail, acknowledgement."""

from __future__ import annotations

import dataclasses

import pytest

from argmap.findings import Finding, sort_findings
from argmap.model import Span


def finding(path: str, line: int, column: int, code: str = "AM201", **kw: object) -> Finding:
    return Finding(code, "rule", "error", "message", Span(path, line, column), **kw)  # type: ignore[arg-type]


def test_sorted_by_path_then_line_then_column_then_code() -> None:
    items = [
        finding("b.yaml", 1, 1),
        finding("a.yaml", 10, 1),
        finding("a.yaml", 2, 9),
        finding("a.yaml", 2, 3, "AM203"),
        finding("a.yaml", 2, 3, "AM102"),
    ]
    assert [(f.span.path, f.span.line, f.span.column, f.code) for f in sort_findings(items)] == [
        ("a.yaml", 2, 3, "AM102"),
        ("a.yaml", 2, 3, "AM203"),
        ("a.yaml", 2, 9, "AM201"),
        ("a.yaml", 10, 1, "AM201"),  # numerically, not as text
        ("b.yaml", 1, 1, "AM201"),
    ]


def test_errors_fail_warnings_fail_only_on_request_acknowledged_never() -> None:
    error = finding("a.yaml", 1, 1)
    warning = dataclasses.replace(error, severity="warning")
    assert error.fails() and error.fails("warning")
    assert not warning.fails() and warning.fails("warning")
    for acknowledged in (error.acknowledge("known"), warning.acknowledge("known")):
        assert not acknowledged.fails() and not acknowledged.fails("warning")
        assert acknowledged.acknowledged == "known"


def test_findings_are_immutable_and_acknowledge_returns_a_copy() -> None:
    original = finding("a.yaml", 1, 1, claim="c")
    copy = original.acknowledge("reason")
    assert original.acknowledged is None
    assert copy == dataclasses.replace(original, acknowledged="reason")
    with pytest.raises(dataclasses.FrozenInstanceError):
        original.code = "AM202"  # type: ignore[misc]


def test_as_dict_is_the_json_report_record() -> None:
    record = finding("a.yaml", 3, 4, claim="c").acknowledge("why").as_dict()
    assert record == {
        "path": "a.yaml",
        "line": 3,
        "column": 4,
        "code": "AM201",
        "rule": "rule",
        "severity": "error",
        "message": "message",
        "claim": "c",
        "acknowledged": True,
        "reason": "why",
    }
