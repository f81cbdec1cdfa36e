"""The relation colours and line styles read for colour-blind readers and in greyscale."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from coloraide import Color

from argmap.draw.palette import PARTY_PALETTE, RELATION_STYLES
from tests.conftest import needs_dot

DISTINCT = 20.0
"""A CIEDE2000 difference anyone tells apart at a glance (2.3 is 'just noticeable')."""


@pytest.mark.parametrize("deficiency", ["deutan", "protan", "tritan", None])
def test_relation_colours_stay_apart_under_colour_vision_deficiencies(
    deficiency: str | None,
) -> None:
    for (one, a), (two, b) in itertools.combinations(RELATION_STYLES.items(), 2):
        first, second = Color(a.colour), Color(b.colour)
        if deficiency:
            first, second = first.filter(deficiency), second.filter(deficiency)
        difference = first.delta_e(second, method="2000")
        assert difference >= DISTINCT, (one, two, deficiency, difference)


def test_each_relation_has_its_own_line_style_and_arrowhead() -> None:
    styles = list(RELATION_STYLES.values())
    assert len({s.line for s in styles}) == len(styles)
    assert len({s.arrowhead for s in styles}) == len(styles)
    assert len({s.dasharray for s in styles}) == len(styles)


def test_relations_differ_in_lightness_or_dashes_in_greyscale() -> None:
    """Printed in black and white, two relations differ at least by their dash pattern."""
    for a, b in itertools.combinations(RELATION_STYLES.values(), 2):
        assert a.dasharray != b.dasharray


def test_party_palette_is_okabe_ito() -> None:
    assert PARTY_PALETTE[:7] == (
        "#0072B2",
        "#E69F00",
        "#CC79A7",
        "#56B4E9",
        "#D55E00",
        "#009E73",
        "#F0E442",
    )


@needs_dot
def test_svg_draws_each_relation_with_its_own_dash_pattern() -> None:
    from argmap import load
    from argmap.draw.render import render_svg

    svg = render_svg(load(str(Path(__file__).parents[2] / "claims" / "moscow-1936")))
    patterns: dict[str, set[str]] = {}
    for relation, body in re.findall(
        r'<g id="edge\d+" class="edge (supports|rebuts|undercuts)[^"]*">(.*?)</g>', svg, re.S
    ):
        path = re.search(r"<path [^>]*>", body)
        assert path is not None
        dash = re.search(r'stroke-dasharray="([^"]+)"', path.group())
        patterns.setdefault(relation, set()).add(dash.group(1) if dash else "solid")
    assert set(patterns) == {"supports", "rebuts", "undercuts"}
    assert all(len(found) == 1 for found in patterns.values()), patterns
    assert len({next(iter(found)) for found in patterns.values()}) == 3
