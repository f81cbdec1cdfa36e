"""When a claim was said: ``said``, else its latest source's date, else timeless."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from argmap.dates import Period, parse_period
from argmap.history import is_said_by, said_period
from argmap.model import ArgMap, Citation, Claim, Source, Span

HERE = Span("m.yaml", 1, 1)


def _source(sid: str, when: str | None) -> Source:
    return Source(id=sid, title=sid, span=HERE, base_dir=".", root=".", date=when)


def _claim(*sources: str, said: str | None = None, when: str | None = None) -> Claim:
    cites = tuple(Citation(source=s, span=HERE) for s in sources)
    return Claim(id="c", text="t", party="p", span=HERE, cite=cites, said=said, when=when)


def _map(claim: Claim, *sources: Source) -> ArgMap:
    return ArgMap(root=".", claims=(claim,), sources=sources)


def test_said_date_wins_over_the_sources() -> None:
    claim = _claim("book", said="1937-04-10")
    assert said_period(claim, _map(claim, _source("book", "1938"))) == parse_period("1937-04-10")


def test_latest_cited_source_date_otherwise() -> None:
    claim = _claim("old", "new", "undated")
    amap = _map(
        claim, _source("old", "1937-01-03"), _source("new", "1980-01"), _source("undated", None)
    )
    assert said_period(claim, amap) == parse_period("1980-01")


def test_timeless_without_said_or_dated_source() -> None:
    claim = _claim("undated", "missing", when="1932")
    assert said_period(claim, _map(claim, _source("undated", None))) is None


def test_when_never_decides() -> None:
    claim = _claim(when="1932-06")
    assert said_period(claim, _map(claim)) is None


def test_a_year_counts_from_its_last_day() -> None:
    assert not is_said_by(parse_period("1938"), parse_period("1938-06"))
    assert is_said_by(parse_period("1938"), parse_period("1938"))
    assert is_said_by(None, parse_period("0001"))


days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))


@given(days, days, days)
def test_said_by_is_monotonic_in_the_date(said: date, first: date, second: date) -> None:
    """Once said, always said: a later as-of date never loses a claim."""
    early, late = sorted((first, second))
    period = Period(said, said)
    if is_said_by(period, Period(early, early)):
        assert is_said_by(period, Period(late, late))
    assert is_said_by(period, Period(said, said))
