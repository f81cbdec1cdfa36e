"""What every drawing shares: colours, citations, safe names, clean text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.draw.diagram import (
    PALETTE,
    clean,
    css_name,
    party_colours,
    short_citation,
    shorten,
    tint,
    wrap,
)
from argmap.model import ArgMap, Citation, Claim, Party, Source, Span

SPAN = Span("m.yaml", 1, 1)


def test_declared_colours_win_and_the_rest_take_unused_palette_colours() -> None:
    amap = ArgMap(
        root=".",
        parties=(Party("a", "A", SPAN, color=PALETTE[0]), Party("b", "B", SPAN)),
        claims=(Claim("x", "t", "ghost", SPAN),),
    )
    colours = party_colours(amap)
    assert colours == {"a": PALETTE[0], "b": PALETTE[1], "ghost": PALETTE[2]}


def test_short_citation() -> None:
    sources = (
        Source("rec", "Trial record", SPAN, ".", "."),
        Source("long", "x" * 40, SPAN, ".", "."),
    )
    amap = ArgMap(root=".", sources=sources)

    def claim(*cites: Citation) -> Claim:
        return Claim("c", "t", "p", SPAN, cite=cites)

    assert short_citation(amap, claim()) is None
    assert short_citation(amap, claim(Citation("rec", SPAN, at="p. 7"))) == "Trial record, p. 7"
    assert short_citation(amap, claim(Citation("long", SPAN))) == "long"  # an id, not 40 x's
    two = claim(Citation("rec", SPAN, at="p. 7"), Citation("rec", SPAN, at="p. 9"))
    assert short_citation(amap, two) == "Trial record, p. 7 (+1)"
    same = claim(Citation("rec", SPAN, at="p. 7"), Citation("rec", SPAN, at="p. 7"))
    assert short_citation(amap, same) == "Trial record, p. 7"


@given(st.text())
def test_css_names_are_safe_and_keep_claim_ids(value: str) -> None:
    name = css_name(value)
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", name)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        assert name == value


@given(st.text())
def test_clean_text_is_one_line_of_xml_characters(text: str) -> None:
    cleaned = clean(text)
    assert "\n" not in cleaned and "\r" not in cleaned and cleaned == cleaned.strip()
    cleaned.encode("utf-8")  # no lone surrogates
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", cleaned)


@given(st.text(), st.integers(8, 60), st.integers(2, 400))
def test_wrap_and_shorten(text: str, width: int, limit: int) -> None:
    short = shorten(text, limit)
    assert len(short) <= max(limit, 1)
    lines = wrap(text, width, limit)
    assert all(len(line) <= width for line in lines)
    assert " ".join(lines).replace(" ", "") == short.replace(" ", "")


def test_tint_lightens() -> None:
    assert tint("#000000") == "#D1D1D1"
    assert tint("#FFFFFF") == "#FFFFFF"
    assert tint("#B71C1C") == "#F2D6D6"  # 0xB7 + (255 - 0xB7) * 0.82 = 0xF2, ...
    assert tint("not a colour") == "#FFFFFF"
