"""AM105 unused-ignore: ignore entries that acknowledge nothing or name no rule."""

from __future__ import annotations

from .conftest import LintMap

MAP = """\
parties: {p: {name: P}, q: {name: Q}}
sources: {s: {title: S}}
claims:
  - id: motive
    party: p
    kind: allegation
    text: Power was the only motive.
    cite: {source: s}
    ignore:
      AM301: cited elsewhere
      AM201: the defence never answered
      AM999: no such rule
      isolated: a remark
  - id: b
    party: q
    text: B.
    supports: motive
    ignore: {friendly-fire: not a rebuttal, am203: lower case code}
"""


def test_unused_and_unknown_ignores_are_reported_at_their_key(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": MAP})
    assert linted.at("AM105") == [
        ("a.yaml", 10, 7),
        ("a.yaml", 12, 7),
        ("a.yaml", 13, 7),
        ("a.yaml", 18, 14),
        ("a.yaml", 18, 45),
    ]
    assert linted.messages("AM105") == [
        "ignore of AM301 on 'motive' matches no finding; remove it",
        "ignore names no rule 'AM999'; use a code such as AM201 (see 'argmap lint --list-rules')",
        "ignore of AM203 on 'motive' matches no finding; remove it",
        "ignore of AM204 on 'b' matches no finding; remove it",
        "ignore of AM203 on 'b' matches no finding; remove it",
    ]
    assert all(f.severity == "warning" for f in linted.of("AM105"))
    # the ignores that match (by code and by rule name) acknowledge their findings
    acknowledged = {(f.code, f.claim): f.acknowledged for f in linted.findings if f.acknowledged}
    assert acknowledged == {("AM201", "motive"): "the defence never answered"}


def test_ignore_by_rule_name_acknowledges(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {p: {name: P}}
claims:
  - {id: aside, party: p, text: A remark., ignore: {isolated: kept for context}}
"""
        }
    )
    (finding,) = linted.findings
    assert (finding.code, finding.acknowledged) == ("AM203", "kept for context")


def test_ignores_of_rules_that_did_not_run_are_not_reported(lint_map: LintMap) -> None:
    assert lint_map({"a.yaml": MAP}, select=["AM2"]).of("AM105") == []
    linted = lint_map({"a.yaml": MAP}, ignore=["AM301", "AM203", "AM204"], directory="m2")
    assert linted.at("AM105") == [("a.yaml", 12, 7)]  # only the unknown rule
