"""Quote checks: the batch index finds exactly what a plain search finds.

``QuoteIndex.contains_all`` anchors each quote on a pair of its tokens and compares it
only where that pair occurs; ``closest_passages`` locates all the words it needs in
one pass. Both must give what the obvious, slow way gives: ``needle in text`` on the
normalised text, and votes from the full word index.
"""

from __future__ import annotations

import random

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
        for word in set(quotes._WORD.findall(needle))
        if word in words and len(words[word]) <= TOO_COMMON
    ]
    return index._closest(needle, postings)


@pytest.fixture
def indexed_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small texts are searched directly; make every text go through the index."""
    monkeypatch.setattr(quotes, "SMALL_TEXT", 0)


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
