"""AM104 self-reference: a claim that supports, rebuts or undercuts itself."""

from __future__ import annotations

from .conftest import LintMap


def test_self_references_are_reported_at_the_reference(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
party: p
parties: {p: {name: P}, q: {name: Q}}
claims:
  - {id: other, text: Other.}
  - id: motive
    text: Power was the only motive.
    supports: [other, motive]
    rebuts: motive
  - id: c
    party: q
    text: C.
    rebuts: other
    undercuts: [c -> other, other -> c]
"""
        }
    )
    assert linted.at("AM104") == [
        ("a.yaml", 7, 23),
        ("a.yaml", 8, 13),
        ("a.yaml", 13, 17),
        ("a.yaml", 13, 29),
    ]
    assert linted.messages("AM104") == [
        "claim 'motive' supports itself",
        "claim 'motive' rebuts itself",
        "claim 'c' undercuts its own relation 'c -> other'",
        "claim 'c' undercuts its own relation 'other -> c'",
    ]


def test_references_to_others_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {p: {name: P}, q: {name: Q}}
claims:
  - {id: a, party: p, text: A.}
  - {id: b, party: p, text: B., supports: a}
  - {id: c, party: q, text: C., undercuts: b -> a}
"""
        }
    )
    assert linted.of("AM104") == []
