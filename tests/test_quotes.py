"""Quote checks: the batch index finds exactly what a plain search finds.

``QuoteIndex.contains_all`` anchors each quote on a pair of its tokens and compares it
only where that pair occurs; ``closest_passages`` locates all the words it needs in
one pass. Both must give what the obvious, slow way gives: ``needle in text`` on the
normalised text, and votes from the full word index.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import quotes
from argmap.quotes import TOO_COMMON, QuoteIndex, normalise

PIECES = st.sampled_from(
    [
        *"ab c-\n\t_\u00e9.,`'\"x1",
        *"\u201c\u201d\u2018\u2019\u2014\u2013\u00ad\u00a0",  # curly quotes, dashes, soft hyphen
        *["ab", "ba", "-\n", " ", "abc", "c a", " ab ba "],
    ]
)
TEXTS = st.lists(PIECES, max_size=200).map("".join)


def slow_closest(index: QuoteIndex, quote: str) -> str | None:
    """The closest passage computed from the full word index, word by word."""
    needle = normalise(quote)
    if not needle or not index.text:
        return None
    words = index.words
    postings = [
        (word, words[word])
        for word in dict.fromkeys(quotes._WORD.findall(needle))
        if word in words and len(words[word]) <= TOO_COMMON
    ]
    return index._closest(needle, postings)


@pytest.fixture
def indexed_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small texts and few quotes are searched directly; make every search use the index,
    and locate words a few characters at a time, so that pieces' cuts are exercised."""
    monkeypatch.setattr(quotes, "SMALL_TEXT", 0)
    monkeypatch.setattr(quotes, "FEW_QUOTES", 0)
    monkeypatch.setattr(quotes, "WORDS_CHUNK", 5)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.lists(TEXTS, min_size=1, max_size=6), st.integers(0, 40), st.integers(0, 25))
def test_the_index_finds_what_a_plain_search_finds(
    indexed_always: None, raw: str, others: list[str], start: int, length: int
) -> None:
    text = normalise(raw)
    cut = text[start : start + length]
    candidates = [*others, cut, f" {cut} ", cut.replace(" ", "  "), cut.upper()]
    expected = [normalise(quote) in text for quote in candidates]
    assert QuoteIndex.of(raw).contains_all(candidates) == expected
    assert [QuoteIndex.of(raw).contains(quote) for quote in candidates] == expected
    slow = QuoteIndex.of(raw)
    assert QuoteIndex.of(raw).closest_passages(candidates) == [
        slow_closest(slow, quote) for quote in candidates
    ]


def test_tens_of_thousands_of_quotes_against_a_large_text() -> None:
    rng = random.Random(8)
    words = ["alpha", "beta", "de-\nlta", "\u201ceps\u201d", "zeta\u2014eta", "the", "of", "a b"]
    raw = " ".join(rng.choice(words) + ("\n" if rng.random() < 0.1 else "") for _ in range(60000))
    index = QuoteIndex.of(raw)
    text = index.text
    assert len(text) > quotes.SMALL_TEXT
    cuts = [
        text[i : i + rng.randint(0, 80)] for i in (rng.randrange(len(text)) for _ in range(20000))
    ]
    cuts += [cut.replace("a", "o", 1) for cut in cuts[:3000]]
    assert index.contains_all(cuts) == [normalise(cut) in text for cut in cuts]
    missing = [cut for cut in cuts[-3000:] if normalise(cut) not in text][:40]
    slow = QuoteIndex.of(raw)
    assert index.closest_passages(missing) == [slow_closest(slow, quote) for quote in missing]


@pytest.mark.usefixtures("indexed_always")
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.lists(TEXTS, min_size=1, max_size=8), st.integers(1, 40))
def test_ignoring_hyphens_finds_what_a_plain_search_of_the_hyphenless_text_finds(
    text: str, quoted: list[str], chunk: int
) -> None:
    # Small pieces, so that pairs and words across the pieces' cuts are exercised too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes, "CHUNK", chunk)
        patch.setattr(quotes._chunks, "__defaults__", (chunk,))
        index = QuoteIndex.of(text)
        found = index.contains_all_ignoring_hyphens(quoted)
        plain = index.contains_all(quoted)
    hyphenless = " ".join(index.text.replace("-", "").split())
    expected = [" ".join(normalise(q).replace("-", "").split()) in hyphenless for q in quoted]
    assert found == expected
    assert plain == [normalise(q) in index.text for q in quoted]
    assert all(f for f, p in zip(found, plain, strict=True) if p), "found stays found"


def test_normalising_a_big_text_keeps_what_a_small_one_gives() -> None:
    rng = random.Random(7)
    pieces = ["word", " ", "\n", "\t", "\u00a0", "\u2028", "\x1c", "hy-\nphen", "\u201cq\u201d"]
    text = "".join(rng.choice(pieces) for _ in range(quotes.SMALL_TEXT))
    assert len(text) > quotes.SMALL_TEXT
    assert normalise(text) == " ".join(quotes._folded(text).split())


def test_a_source_text_costs_about_its_size_in_memory() -> None:
    import tracemalloc

    rng = random.Random(3)
    vocabulary = [
        "".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 9))) for _ in range(5000)
    ]
    raw = " ".join(rng.choice(vocabulary) for _ in range(600_000))  # about 3.3 MB
    quoted = [" ".join(rng.choice(vocabulary) for _ in range(6)) for _ in range(300)]
    tracemalloc.start()
    try:
        index = QuoteIndex.of(raw)
        found = index.contains_all(quoted)
        missing = [q for q, ok in zip(quoted, found, strict=True) if not ok]
        index.contains_all_ignoring_hyphens(missing)
        index.closest_passages(missing)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A list of its tokens alone would cost ten times the text: none is held or built
    # whole. Held: the text, its hyphenless copy, and the places of the quotes' words.
    places = sum(len(offsets) for offsets in index._postings.values())
    assert held < 3 * len(raw) + 64 * places, (held, places)
    assert peak < 3 * len(raw) + 64 * places + 20 * quotes.CHUNK, peak


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.lists(st.lists(TEXTS, max_size=6), min_size=1, max_size=5), st.integers(1, 8))
def test_a_text_asked_again_answers_as_a_fresh_one(
    indexed_always: None,
    monkeypatch: pytest.MonkeyPatch,
    raw: str,
    rounds: list[list[str]],
    remembered: int,
) -> None:
    """An editor lints the same quotes on every keystroke: what the index remembers
    between runs (and forgets past REMEMBERED) never changes an answer."""
    monkeypatch.setattr(quotes, "REMEMBERED", remembered)
    kept = QuoteIndex.of(raw)
    for asked in rounds:
        fresh = QuoteIndex.of(raw)
        assert kept.contains_all(asked) == fresh.contains_all(asked)
        assert kept.closest_passages(asked) == fresh.closest_passages(asked)
        assert kept.contains_all_ignoring_hyphens(asked) == fresh.contains_all_ignoring_hyphens(
            asked
        )


TIE = "alpha one two three. " + "filler words here. " * 40 + "gamma four five six."


@pytest.mark.parametrize("seed", ["1", "2", "3", "4", "5", "6"])
def test_a_tie_between_passages_falls_the_same_way_on_every_run(seed: str) -> None:
    """Two passages with as many votes: the quote's earlier word decides, whatever the
    hash seed of the process (a set's order would make lint's suggestion vary by run)."""
    code = (
        "from argmap.quotes import QuoteIndex; "
        f"print(QuoteIndex({TIE!r}).closest_passage('alpha gamma zzz'))"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert run.stdout.strip().startswith("alpha one"), run.stdout + run.stderr
