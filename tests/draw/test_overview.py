"""The overview: the map folded into its lines of argument, a box each."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.draw.overview import MAX_LINES, lines_of_argument, overview_source
from argmap.draw.render import render
from argmap.loading.build import load
from argmap.model import ArgMap, Claim, Party, Span
from tests.conftest import SHIPPED_MAP, MapWriter, needs_dot

SPAN = Span("m.yaml", 1, 1)

TAGGED = """
parties: {p: {name: Prosecution}, d: {name: Defence}}
claims:
  - {id: plot, party: p, kind: allegation, text: A plot., tags: [plot]}
  - {id: letter, party: p, kind: allegation, text: A letter., tags: [letters]}
  - {id: no-plot, party: d, text: No plot., rebuts: plot}
  - {id: reason, party: d, kind: evidence, text: A reason., supports: no-plot}
  - {id: lonely, party: d, text: Unrelated.}
"""


def test_each_claim_joins_the_line_of_its_tag_or_of_what_it_argues_about(
    write_map: MapWriter,
) -> None:
    lines = {line.name: line for line in lines_of_argument(load(write_map({"m.yaml": TAGGED})))}
    assert set(lines["plot"].claims) == {"plot", "no-plot", "reason"}
    assert set(lines["letters"].claims) == {"letter"}
    assert set(lines["other claims"].claims) == {"lonely"}
    assert (lines["plot"].allegations, lines["plot"].unanswered) == (1, 0)
    assert (lines["letters"].allegations, lines["letters"].unanswered) == (1, 1)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=80))
def test_every_claim_is_in_exactly_one_of_at_most_15_boxes(tags: list[str]) -> None:
    claims = tuple(
        Claim(f"c{n}", "text", "p", SPAN, tags=(tag,) if n % 3 else ())
        for n, tag in enumerate(tags)
    )
    amap = ArgMap(root=".", claims=claims, parties=(Party("p", "P", SPAN),))
    lines = lines_of_argument(amap)
    assert len(lines) <= MAX_LINES + 1 <= 15
    placed = [cid for line in lines for cid in line.claims]
    assert sorted(placed) == sorted(c.id for c in claims)


def test_shipped_map_overview_has_at_most_15_boxes_with_counts() -> None:
    amap = load(str(SHIPPED_MAP))
    lines = lines_of_argument(amap)
    assert 2 <= len(lines) <= 15
    assert sum(len(line.claims) for line in lines) == len(amap.claim_by_id)
    source = overview_source(amap, lines)
    boxes = re.findall(r'class="line[^"]*"', source)
    assert len(boxes) == len(lines)
    assert all(f"{len(line.claims)} claim" in source for line in lines)
    assert "unanswered" in source


@needs_dot
def test_overview_svg_boxes_say_claims_and_unanswered() -> None:
    svg = render(load(str(SHIPPED_MAP)), "svg", overview=True)
    assert isinstance(svg, bytes)
    text = svg.decode()
    assert 2 <= text.count('class="node line') <= 15
    assert re.search(r"\d+ of \d+ allegations? unanswered", text)
