"""AM210 party-colours: two parties' colours that colour-blind readers cannot tell apart."""

from __future__ import annotations

from .conftest import LintMap


def test_red_and_green_parties_are_a_warning_naming_the_deficiency(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  prosecution: {name: Prosecution, color: "#B71C1C"}
  defence: {name: Defence, color: "#2E7D32"}
claims:
  - {id: a, party: prosecution, text: A.}
  - {id: b, party: defence, text: B., rebuts: a}
"""
        },
        select=["AM210"],
    )
    assert linted.at("AM210") == [("a.yaml", 3, 3)]
    (finding,) = linted.of("AM210")
    assert finding.severity == "warning"
    assert "'prosecution' (#B71C1C) and 'defence' (#2E7D32)" in finding.message
    assert "deuteranopia" in finding.message
    assert "#0072B2" in finding.message  # a colour-blind-safe replacement


def test_okabe_ito_colours_and_undeclared_colours_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  prosecution: {name: Prosecution, color: "#D55E00"}
  defence: {name: Defence, color: "#0072B2"}
  editor: {name: Editor, color: "#009E73"}
  other: {name: Other}
claims:
  - {id: a, party: prosecution, text: A.}
  - {id: b, party: defence, text: B., rebuts: a}
"""
        },
        select=["AM210"],
    )
    assert linted.findings == []


def test_colours_alike_for_everyone_are_reported_too(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  p: {name: P, color: "#1565C0"}
  q: {name: Q, color: "#1565C1"}
claims:
  - {id: a, party: p, text: A.}
"""
        },
        select=["party-colours"],
    )
    assert len(linted.of("AM210")) == 1
