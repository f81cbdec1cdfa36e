"""A flood of findings gives a bounded report: 100 per rule and file, then one count."""

from __future__ import annotations

import json

from argmap.findings import MAX_PER_FILE
from argmap.lint.report import sarif

from .conftest import LintMap


def dangling(count: int, prefix: str = "c") -> str:
    lines = ["parties: {p: {name: P}}", "claims:", "  - {id: a, party: p, text: A.}"]
    lines += [
        f"  - {{id: {prefix}{i}, party: p, text: T., supports: ghost{i}}}" for i in range(count)
    ]
    return "\n".join(lines) + "\n"


def test_each_rule_lists_at_most_the_cap_per_file_then_counts_the_rest(
    lint_map: LintMap,
) -> None:
    more = 3 * MAX_PER_FILE + 7
    linted = lint_map(
        {"big.yaml": dangling(MAX_PER_FILE + more), "small.yaml": dangling(3, "d")},
        select=["AM102"],
    )
    big = [f for f in linted.of("AM102") if f.span.path.endswith("big.yaml")]
    small = [f for f in linted.of("AM102") if f.span.path.endswith("small.yaml")]
    assert len(small) == 3
    assert len(big) == MAX_PER_FILE + 1
    (summary,) = [f for f in big if "not listed" in f.message]
    assert summary.message.startswith(f"{more:,} more dangling-reference findings in this file")
    assert summary.fails()
    listed_lines = [f.span.line for f in big if f is not summary]
    assert summary.span.line > max(listed_lines)
    report = json.loads(sarif(linted.findings))
    assert len(report["runs"][0]["results"]) == MAX_PER_FILE + 1 + 3


def test_acknowledged_findings_past_the_cap_are_still_acknowledged(lint_map: LintMap) -> None:
    count = MAX_PER_FILE + 5
    lines = ["parties: {p: {name: P}, q: {name: Q}}", "claims:"]
    lines += [
        f"  - {{id: a{i}, party: p, kind: allegation, text: A., ignore: {{AM201: open}}}}"
        for i in range(count)
    ]
    linted = lint_map({"a.yaml": "\n".join(lines) + "\n"}, select=["AM201", "AM105"])
    assert linted.of("AM105") == []
    (summary,) = [f for f in linted.of("AM201") if "not listed" in f.message]
    assert summary.message.startswith("5 more unanswered findings")
    assert not summary.fails()
    assert all(f.acknowledged for f in linted.of("AM201"))


def test_two_hundred_thousand_dangling_references_give_a_small_report(
    lint_map: LintMap,
) -> None:
    refs = ", ".join(f"g{i}" for i in range(200_000))
    linted = lint_map(
        {
            "flood.yaml": f"parties: {{p: {{name: P}}}}\nclaims:\n  - {{id: a, party: p, text: A., "
            f"supports: [{refs}]}}\n"
        }
    )
    assert len(linted.of("AM102")) == MAX_PER_FILE + 1
    assert linted.of("AM102")[-1].message.startswith("199,900 more dangling-reference findings")
    assert len(sarif(linted.findings)) < 1_000_000
