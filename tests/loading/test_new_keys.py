"""The keys this round adds: cite `by`, claim `when` and `said`, source `outside`,
top-level `glossary` and `events`. Optional, read the same by both paths, checked
with positions; a v1 file without them loads as before."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.loading.build
from argmap.dates import parse_period
from argmap.loading.build import load, read_file_text
from argmap.loading.fast import read_claims
from argmap.model import Citation, Event, GlossaryEntry, Span
from tests.conftest import MapWriter

CLAIMS = """\
party: trotsky
claims:
  - id: kamenev-said
    kind: evidence
    text: Trotsky reports that Kamenev said they would work as a team.
    when: 1926
    said: 1937-02
    cite: {source: chapter, quote: a team of horses, at: para 13, by: kamenev}
  - id: break
    text: The break of 1927 was political.
    when: 1927/1932
    supports: kamenev-said
"""

MAP = """\
map: {title: The Moscow trials}
parties: {trotsky: {name: Trotsky}, kamenev: {name: Kamenev}, editor: {name: The editor}}
sources:
  chapter: {title: The chapter, date: "1937"}
  broue: {title: Broué's article, date: "1980", outside: true}
glossary:
  Thermidor: The turn of the French Revolution against its radicals.
  Kamenev: An old Bolshevik, tried in 1936.
events:
  - date: 1934-12-01
    text: Kirov is murdered.
  - {date: 1936-08, text: The trial opens., cite: {source: chapter, at: para 2, by: editor}}
"""


def test_the_new_keys_reach_the_records(write_map: MapWriter) -> None:
    amap = load(write_map({"map.yaml": MAP, "trotsky.yaml": CLAIMS}))
    assert amap.problems == ()
    said, broke = amap.claims
    assert (said.when, said.said, broke.when, broke.said) == ("1926", "1937-02", "1927/1932", None)
    assert said.when_span is not None and (said.when_span.line, said.when_span.column) == (6, 11)
    assert said.said_span is not None and said.said_span.line == 7
    (cite,) = said.cite
    assert (cite.by, cite.quote, cite.at) == ("kamenev", "a team of horses", "para 13")
    assert cite.by_span is not None and cite.by_span.line == 8
    assert [s.outside for s in amap.sources] == [False, True]
    assert [(g.term, g.span.line) for g in amap.glossary] == [("Thermidor", 7), ("Kamenev", 8)]
    assert all(isinstance(g, GlossaryEntry) for g in amap.glossary)
    first, second = amap.events
    assert isinstance(first, Event) and (first.date, first.text, first.cite) == (
        "1934-12-01",
        "Kirov is murdered.",
        None,
    )
    assert (first.span.line, first.span.column) == (10, 5)
    assert isinstance(second.cite, Citation) and second.cite.by == "editor"
    assert parse_period(second.date).start.isoformat() == "1936-08-01"


def test_claims_with_the_new_keys_take_the_fast_path_and_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = read_claims(CLAIMS.encode(), "t.yaml", max_values=10**6)
    assert fast is not None, "a plain file with when, said and by should take the fast path"
    with monkeypatch.context() as patch:
        patch.setattr(argmap.loading.build, "read_claims", lambda *args, **kwargs: None)
        slow = read_file_text(CLAIMS.encode(), "t.yaml", ".")
    assert slow.problems == []
    assert fast == slow.claims


@pytest.mark.parametrize(
    ("old", "new", "place", "words"),
    [
        ("when: 1926", "when: 1926-13", (6, 11), "month 13 is not 01 to 12"),
        ("when: 1926", "when: soon", (6, 11), "write YYYY, YYYY-MM, YYYY-MM-DD"),
        ("when: 1927/1932", "when: 1932/1927", (11, 11), "ends before it starts"),
        ("said: 1937-02", "said: 1937-02-30", (7, 11), "not a day of the calendar"),
        ("said: 1937-02", "said: [1937]", (7, 11), "must be a string"),
        ("by: kamenev}", "by: the editor}", (8, 71), "not a valid id"),
    ],
)
def test_a_bad_value_is_a_schema_error_at_the_value(
    write_map: MapWriter, old: str, new: str, place: tuple[int, int], words: str
) -> None:
    amap = load(write_map({"map.yaml": MAP, "trotsky.yaml": CLAIMS.replace(old, new, 1)}))
    (problem,) = amap.problems
    assert problem.code == "AM002"
    assert (problem.span.line, problem.span.column) == place
    assert words in problem.message
    assert problem.span.path.endswith("trotsky.yaml")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("date: 1934-12-01", "date: 1934-12-41", "not a day of the calendar"),
        ("  - date: 1934-12-01\n", "  - ", "an event needs a 'date'"),
        ("outside: true", "outside: maybe", "must be true or false"),
        ("at: para 2,", "page: 2,", "unknown key 'page' in a citation"),
        ("Kamenev: An old Bolshevik, tried in 1936.", "Kamenev: ''", "must not be empty"),
        ("glossary:\n  Thermidor", "glossary: [x]\nx:\n  Thermidor", "must be a mapping"),
    ],
)
def test_a_bad_map_key_is_a_schema_error(
    write_map: MapWriter, old: str, new: str, words: str
) -> None:
    spoiled = MAP.replace(old, new, 1)
    assert spoiled != MAP
    amap = load(write_map({"map.yaml": spoiled, "trotsky.yaml": CLAIMS}))
    assert [p.code for p in amap.problems][:1] == ["AM002"]
    assert any(words in p.message for p in amap.problems), [p.message for p in amap.problems]


def test_a_glossary_term_defined_twice_names_both_places(write_map: MapWriter) -> None:
    root = write_map(
        {"map.yaml": MAP, "more.yaml": "glossary:\n  Thermidor: Again.\n", "t.yaml": CLAIMS}
    )
    (problem,) = load(root).problems
    assert problem.code == "AM002"
    assert problem.span == Span(str(root / "more.yaml"), 2, 3)
    assert f"{root / 'map.yaml'}:7:3" in problem.message


def test_a_v1_file_loads_as_before(write_map: MapWriter) -> None:
    v1 = CLAIMS.replace("    when: 1926\n", "").replace("    said: 1937-02\n", "")
    v1 = v1.replace(", by: kamenev", "").replace("    when: 1927/1932\n", "")
    amap = load(write_map({"t.yaml": v1, "p.yaml": "parties: {trotsky: {name: T}}\n"}))
    assert amap.problems == () and amap.glossary == () and amap.events == ()
    assert all(c.when is None and c.said is None for c in amap.claims)
    assert all(cite.by is None for c in amap.claims for cite in c.cite)


@given(
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 31)),
)
def test_any_date_the_parser_takes_the_loader_takes(
    year: int, month: int | None, day: int | None
) -> None:
    value = (
        f"{year:04d}"
        + (f"-{month:02d}" if month else "")
        + (f"-{day:02d}" if month and day else "")
    )
    try:
        parse_period(value)
        valid = True
    except ValueError:
        valid = False
    text = f"party: p\nclaims:\n  - {{id: a, text: A., when: {value}, said: '{value}'}}\n"
    records = read_file_text(text.encode(), "a.yaml", ".")
    assert (records.problems == []) == valid, records.problems
    fast = read_claims(text.encode(), "a.yaml", max_values=10**6)
    assert (fast is not None) == valid
    if fast is not None:
        assert fast == records.claims


def test_an_event_quote_is_checked_like_a_claim_quote(write_map: MapWriter) -> None:
    from argmap.lint import LintOptions, lint

    events = """\
parties: {p: {name: P}}
sources: {s: {title: S, text: s.txt}}
events:
  - {date: 1936, text: Said., cite: {source: s, quote: the very words}}
  - {date: 1937, text: Misquoted., cite: {source: s, quote: words never said}}
"""
    root = write_map({"map.yaml": events, "s.txt": "Here are the very words of it."})
    found = [f for f in lint(load(root), options=LintOptions()) if f.code == "AM302"]
    assert [(f.span.line, f.claim) for f in found] == [(5, None)]
