"""AM210 party-colours: two parties' colours that colour-blind readers cannot tell apart."""

from __future__ import annotations

from itertools import combinations

import pytest

from argmap.draw.palette import OKABE_ITO, PARTY_PALETTE
from argmap.lint import party_colours
from argmap.lint.party_colours import PALETTE_ALIKE

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


def two_parties(first: str, second: str) -> dict[str, str]:
    """A map of two parties coloured ``first`` and ``second``."""
    return {
        "a.yaml": f"""\
parties:
  p: {{name: P, color: "{first}"}}
  q: {{name: Q, color: "{second}"}}
claims:
  - {{id: a, party: p, text: A.}}
"""
    }


def test_colours_alike_for_everyone_are_reported_too(lint_map: LintMap) -> None:
    linted = lint_map(two_parties("#1565C0", "#1565C1"), select=["party-colours"])
    assert len(linted.of("AM210")) == 1


def test_the_palette_table_is_what_colour_science_finds() -> None:
    """A map that keeps to the palettes is checked from the table: it must say, pair by
    pair, what the colour science says."""
    colours = sorted({*OKABE_ITO.values(), *PARTY_PALETTE})
    computed = {
        frozenset(pair): found
        for pair in combinations(colours, 2)
        if (found := party_colours.alike(*pair)) is not None
    }
    assert computed.keys() == PALETTE_ALIKE.keys()
    for pair, (viewer, difference) in computed.items():
        assert PALETTE_ALIKE[pair][0] == viewer
        assert PALETTE_ALIKE[pair][1] == pytest.approx(difference, abs=0.001)


def test_palette_colours_that_look_alike_are_reported_from_the_table(lint_map: LintMap) -> None:
    linted = lint_map(two_parties("#cc79a7", "#E69F00"), select=["AM210"])
    (finding,) = linted.of("AM210")
    assert "look alike to readers with tritanopia (colour difference 7.9" in finding.message
