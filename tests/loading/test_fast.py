"""The loader's fast path builds exactly what the ordinary path builds, or gives up.

For any claim file, ``read_claims`` either returns None (the loader then reads the
file the ordinary way) or returns the very claims, positions included, that the
ordinary path (``parse_tree`` then the loader's validation) builds from it, with no
problem to report. Files are generated valid and then spoiled in many small ways.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap.loading.build
from argmap.loading.build import FileRecords, load, read_file_text
from argmap.loading.events import MAX_NODES
from argmap.loading.fast import read_claims
from argmap.model import Claim
from tests.conftest import REPO, SHIPPED_MAP


def mostly(good: list[Any], bad: list[Any]) -> st.SearchStrategy[Any]:
    """Mostly a good value: many files stay valid, and take the fast path."""
    return st.sampled_from(good * 30 + bad) if bad else st.sampled_from(good)


IDS = mostly(["a", "b", "c-1", "x.y", "Z_9", "012", "null"], ["a b", "-bad", ""])
TEXTS = mostly(["A claim.", "Two\nlines", "“Curly” — dash", "a: colon", "#hash", "~"], ["  ", ""])
PARTIES = mostly(["p", "q", "True"], ["p q", ""])
KINDS = mostly(["claim", "allegation", "evidence"], ["Claim", "opinion"])
UNDERCUTS = mostly(["a -> b", "a->b", " a  ->  c-1 "], ["a -> ", "a > b", "a -> b c", "-x -> b"])
ODD = st.one_of(
    st.none(), st.integers(), st.booleans(), st.fixed_dictionaries({"k": TEXTS}), st.lists(IDS)
)


def value(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually ``good``; one time in 30 a null, a number, a list or a mapping instead."""
    return st.integers(0, 29).flatmap(lambda i: ODD if i == 0 else good)


def one_or_many(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(values, st.lists(values, max_size=3))


DATES = mostly(
    ["1932", "1932-06", "1932-06-15", "1931/1936", "1936-08/1937"],
    ["1932-13", "32", "soon", "1936/1931"],
)
CITATIONS = st.fixed_dictionaries(
    {"source": value(IDS)},
    optional={"quote": value(TEXTS), "at": value(TEXTS), "by": value(PARTIES)},
)

CLAIMS = st.fixed_dictionaries(
    {"id": value(IDS), "text": value(TEXTS)},
    optional={
        "party": value(PARTIES),
        "kind": value(KINDS),
        "against": value(PARTIES),
        "supports": value(one_or_many(IDS)),
        "rebuts": value(one_or_many(IDS)),
        "undercuts": value(one_or_many(UNDERCUTS)),
        "cite": value(st.one_of(CITATIONS, st.lists(CITATIONS, max_size=2))),
        "tags": value(st.lists(TEXTS, max_size=3)),
        "note": value(TEXTS),
        "ignore": value(st.dictionaries(st.sampled_from(["AM201", "unanswered"]), TEXTS)),
        "when": value(DATES),
        "said": value(DATES),
    },
)

FILES = st.fixed_dictionaries(
    {"party": value(PARTIES), "claims": value(st.lists(CLAIMS, max_size=4))},
)

# Small edits of a file's text that the fast path must notice (or read right).
EDITS: list[Callable[[str, random.Random], str]] = [
    lambda text, rng: text,
    lambda text, rng: text.replace(": ", ": !!str ", 1),
    lambda text, rng: text.replace(": ", ": &anchor ", 1),
    lambda text, rng: text + "\n---\nclaims: []\n",
    lambda text, rng: "party: q\n" + text,
    lambda text, rng: text.replace("\n", "\n# a comment\n", 1),
    lambda text, rng: text.replace("id:", "id: ~ #", 1),
    lambda text, rng: text.replace("text:", "text: !!null", 1),
    lambda text, rng: text.replace("- id:", "- &x id:", 1),
    lambda text, rng: text + "extra: *x\n",
    lambda text, rng: text.replace("text:", "? text\n    :", 1),
    lambda text, rng: "\ufeff" + text,
    lambda text, rng: text.replace("'", '"', 2),
    lambda text, rng: "\n".join(line for line in text.split("\n") if rng.random() > 0.1),
    lambda text, rng: text.replace("  ", "\t", 1),
    lambda text, rng: text.replace("text:", "weight: 3\n    text:", 1),
    lambda text, rng: text.replace("source:", "page: 3, source:", 1),
    lambda text, rng: text + "parties: {p: {name: P}}\n",
    lambda text, rng: text.replace("party:", "against:", 1),
    lambda text, rng: text + "glossary: {Thermidor: A turn.}\n",
    lambda text, rng: text + "events: [{date: '1934', text: T.}]\n",
    lambda text, rng: text.replace("text:", "when: 1932-02-30\n    text:", 1),
]


def ordinary(source: bytes, path: str) -> tuple[list[Claim], list[Any], FileRecords]:
    """The claims and problems of the ordinary path, for one file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argmap.loading.build, "read_claims", lambda *args, **kwargs: None)
        records = read_file_text(source, path, Path(path).parent)
    return records.claims, records.problems, records


def fast(source: bytes, path: str) -> list[Claim] | None:
    return read_claims(source, path, max_values=MAX_NODES)


def check_agrees(source: bytes, path: str = "map/claims.yaml") -> list[Claim] | None:
    claims = fast(source, path)
    if claims is not None:
        expected, problems, collected = ordinary(source, path)
        assert problems == [], "the fast path read a file with problems"
        assert claims == expected
        assert not (collected.parties or collected.sources or collected.infos)
        assert not (collected.glossary or collected.events)
    return claims


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    FILES,
    st.booleans(),
    st.integers(40, 200),
    st.one_of(st.just(0), st.integers(0, len(EDITS) - 1)),
    st.randoms(),
    st.sampled_from(["\n", "\n", "\r\n"]),
    st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-8-sig"]),
)
def test_the_fast_path_agrees_with_the_ordinary_path(
    document: dict[str, Any],
    flow: bool,
    width: int,
    edit: int,
    rng: random.Random,
    newline: str,
    encoding: str,
) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, width=width, allow_unicode=True)
    text = EDITS[edit](text, rng).replace("\n", newline)
    check_agrees(text.encode(encoding))


def test_plain_valid_files_take_the_fast_path() -> None:
    text = """\
party: prosecution
claims:
  - id: a
    kind: allegation
    against: defence
    text: >-
      A folded
      text.
    cite: {source: s, quote: "a quote", at: p. 3}
    tags: [t1, "t2"]
    note: ""
  - id: b
    party: defence
    text: 'B.'
    rebuts: a
    supports: [a, c]
    undercuts: ["a -> b", c -> a]
    cite:
      - source: s
      - {source: s, at: "12"}
    ignore: {AM204: "on purpose"}
"""
    claims = check_agrees(text.encode())
    assert claims is not None
    assert [c.id for c in claims] == ["a", "b"]
    assert claims[0].text == "A folded text."
    assert claims[0].span.line == 3 and claims[0].span.column == 5
    assert claims[1].cite[1].at == "12" and claims[1].ignore[0].span.line == 21


@pytest.mark.parametrize(
    "text",
    [
        "claims:\n  - {id: a, text: A.}\n",  # no party anywhere
        "party: p\nclaims:\n  - {id: a, text: A., weight: 3}\n",  # an unknown key
        "party: p\nclaims:\n  - {id: a, text: A., text: B.}\n",  # a repeated key
        "party: p\nclaims:\n  - {id: a, text: ~}\n",  # a null
        "party: p\nclaims:\n  - {id: a, text: !!str A.}\n",  # a tag
        "party: p\nparties: {p: {name: P}}\nclaims: []\n",  # parties: the ordinary path's
        "party: p\nclaims:\n  - {id: a, text: A.}\n---\nclaims: []\n",  # two documents
        "party: p\nclaims:\n  - {id: a, text: A.\n",  # a syntax error
        "",  # an empty file
    ],
)
def test_anything_unusual_is_left_to_the_ordinary_path(text: str) -> None:
    assert fast(text.encode(), "a.yaml") is None


BASE = """\
party: p
claims:
  - id: a
    text: A.
    kind: allegation
    against: q
    supports: [b]
    rebuts: b
    undercuts: "b -> c"
    cite: {source: s, quote: Q., at: p. 1}
    tags: [t]
    note: N.
    ignore: {AM201: R.}
    when: 1932-06
    said: 1937/1938
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("id: a", "id: -a"),
        ("text: A.", "text: ' '"),
        ("party: p", "party: p p"),
        ("kind: allegation", "kind: rumour"),
        ("against: q", "against: q!"),
        ("supports: [b]", "supports: [b, {c: d}]"),
        ("rebuts: b", "rebuts: b c"),
        ('undercuts: "b -> c"', 'undercuts: "-b -> c"'),
        ('undercuts: "b -> c"', 'undercuts: "b -> "'),
        ("source: s,", "source: s s,"),
        ("quote: Q.", "quote: ''"),
        ("at: p. 1", "at: [1]"),
        ("tags: [t]", "tags: t"),
        ("tags: [t]", "tags: [' ']"),
        ("note: N.", "note: [N.]"),
        ("ignore: {AM201: R.}", "ignore: {AM201: ' '}"),
        ("ignore: {AM201: R.}", "ignore: [AM201]"),
        ("cite: {source: s,", "cite: {source: s, page: 1,"),
        ("cite: {source: s,", "cite: {"),
        ("  - id: a\n    text: A.", "  - text: A."),
        ("when: 1932-06", "when: 1932-13"),
        ("said: 1937/1938", "said: 1938/1937"),
        ("said: 1937/1938", "said: ~"),
        ("source: s,", "source: s, by: q q,"),
        ("    text: A.\n", ""),
    ],
)
def test_each_value_the_ordinary_path_reports_is_left_to_it(old: str, new: str) -> None:
    assert fast(BASE.encode(), "a.yaml") is not None
    spoiled = BASE.replace(old, new, 1)
    assert spoiled != BASE
    assert ordinary(spoiled.encode(), "a.yaml")[1], "the ordinary path reports it"
    assert fast(spoiled.encode(), "a.yaml") is None


def test_a_file_with_too_many_values_is_left_to_the_ordinary_path() -> None:
    text = "party: p\nclaims:\n" + "".join(f"  - {{id: c{i}, text: T.}}\n" for i in range(50))
    assert read_claims(text.encode(), "a.yaml", max_values=100) is None
    assert fast(text.encode(), "a.yaml") is not None


def maps_equal(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole map loads the same with and without the fast path."""
    quick = load(root)
    with monkeypatch.context() as patch:
        patch.setattr(argmap.loading.build, "read_claims", lambda *args, **kwargs: None)
        slow = load(root)
    for attribute in (
        "files",
        "claims",
        "parties",
        "sources",
        "infos",
        "problems",
        "glossary",
        "events",
        "unparsed",
    ):
        assert getattr(quick, attribute) == getattr(slow, attribute), attribute


def test_a_generated_map_loads_the_same_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    try:
        from generate import Spec, generate
    finally:
        sys.path.pop(0)
    root = generate(Spec(claims=1500, files=6, text_mb=0.05), tmp_path / "map")
    maps_equal(root, monkeypatch)
    for path in sorted((root / "claims").glob("*.yaml")):
        assert fast(path.read_bytes(), str(path)) is not None, f"{path.name} missed the fast path"


def test_the_shipped_map_loads_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    maps_equal(SHIPPED_MAP, monkeypatch)


def test_a_spoiled_map_loads_the_same_either_way(
    write_map: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = "party: p\nclaims:\n  - {id: a, text: A.}\n  - {id: b, text: B., rebuts: a}\n"
    root = write_map(
        {
            "0.yaml": "parties: {p: {name: P}, q: {name: Q}}\n",
            "good.yaml": good,
            "bad.yaml": good.replace("B.", "~").replace("id: a", "id: c"),
            "json.yaml": json.dumps({"party": "q", "claims": [{"id": "d", "text": "D."}]}),
        }
    )
    maps_equal(root, monkeypatch)
