"""The timeline layout: time left to right by the claims' ``when``, a band per party."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.dates import parse_period
from argmap.draw.diagram import DiagramOptions
from argmap.draw.render import render_svg
from argmap.draw.timeline import NO_DATE, timeline_of
from argmap.loading.build import load
from argmap.model import Claim, Span
from tests.conftest import MapWriter, needs_dot

SVG = "{http://www.w3.org/2000/svg}"
SPAN = Span("m.yaml", 1, 1)

STORY = """
parties: {p: {name: Prosecution}, d: {name: Defence}}
claims:
  - {id: plot, party: p, kind: allegation, text: The plot began., when: "1932-06"}
  - {id: letter, party: p, kind: allegation, text: A letter was sent., when: "1932"}
  - {id: murder, party: p, kind: allegation, text: The murder., when: "1934-12-01"}
  - {id: break, party: d, text: The break., when: "1927", rebuts: plot}
  - {id: exile, party: d, text: Exile began., when: "1929/1933"}
  - {id: trial, party: p, text: The trial., when: "1936-08"}
  - {id: undated, party: d, text: No answer was possible., rebuts: murder}
"""


def centres(svg: str) -> dict[str, tuple[float, float]]:
    """Claim id -> the centre of its box, read from the SVG."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        match = re.fullmatch(r"claim-(.+)", group.get("id", ""))
        if not match:
            continue
        shape = next(group.iter(f"{SVG}polygon"), None)
        if shape is None:
            shape = next(group.iter(f"{SVG}path"), None)
        assert shape is not None
        numbers = [
            float(n)
            for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d") or "")
        ]
        xs, ys = numbers[0::2], numbers[1::2]
        found[match.group(1)] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return found


@needs_dot
def test_claims_with_a_when_stand_in_time_order_along_the_axis(write_map: MapWriter) -> None:
    amap = load(write_map({"m.yaml": STORY}))
    svg = render_svg(amap, DiagramOptions(layout="timeline"))
    where = centres(svg)
    dated = sorted(
        (c for c in amap.claims if c.when), key=lambda c: parse_period(c.when).start.year
    )
    for earlier, later in itertools.pairwise(dated):
        if parse_period(earlier.when).start.year < parse_period(later.when).start.year:
            assert where[earlier.id][0] < where[later.id][0], (earlier.id, later.id)
    # an undated claim stands beside what it answers
    assert abs(where["undated"][0] - where["murder"][0]) < 1
    # the accusers' band above the answers
    assert where["plot"][1] < where["break"][1]
    assert "1927" in svg and "1936" in svg


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1900, 2000)), min_size=1, max_size=30))
def test_columns_follow_time_and_undated_claims_go_last(years: list[int | None]) -> None:
    claims = [
        Claim(f"c{n}", "t", "p", SPAN, when=None if year is None else str(year))
        for n, year in enumerate(years)
    ]
    timeline = timeline_of(claims)
    dated = [c for c in claims if c.when]
    assert list(
        timeline.columns[: len(timeline.columns) - (NO_DATE in timeline.columns)]
    ) == sorted(timeline.columns[: len(timeline.columns) - (NO_DATE in timeline.columns)])
    for one in dated:
        for two in dated:
            if int(one.when or 0) < int(two.when or 0):
                assert timeline.column_of[one.id] < timeline.column_of[two.id]
    assert set(timeline.column_of) == {c.id for c in claims}
