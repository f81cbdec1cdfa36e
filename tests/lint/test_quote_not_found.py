"""AM302 quote-not-found: quotes checked against source texts, after normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import quotes
from argmap.quotes import SMALL_TEXT, QuoteIndex, normalise
from tests.conftest import SEED_TEXT, needs_shared

from .conftest import LintMap

SOURCE_TEXT = (
    "The accused formed a secret \u201cUnited Center\u201d in the summer of 1932,\n"
    "said the prosecutor \u2014 and it was \u2018directed\u2019 by Trotsky   himself.\n"
    "Their thirst for power drove them to the most abomin-\n"
    "able crimes against the people.\n"
)


def claims(*quotes: str) -> str:
    head = "party: p\nparties: {p: {name: P}}\nsources:\n  speech: {title: S, text: speech.txt}\n"
    items = "".join(
        f"  - id: q{i}\n    text: Q.\n    cite: {{source: speech, quote: '{quote}'}}\n"
        for i, quote in enumerate(quotes)
    )
    return head + "claims:\n" + items


@pytest.mark.parametrize(
    "quote",
    [
        'a secret "United Center"',  # straight quote marks for curly ones
        "the prosecutor - and it was 'directed'",  # a hyphen for an em dash
        "the prosecutor -- and".replace("--", "\u2013"),  # an en dash for an em dash
        "by Trotsky himself. Their thirst",  # runs of white space and a line break
        "the most abominable crimes",  # a word hyphenated at a line break
        "The accused",
    ],
)
def test_quotes_are_found_after_normalisation(lint_map: LintMap, quote: str) -> None:
    linted = lint_map({"a.yaml": claims(quote), "speech.txt": SOURCE_TEXT}, select=["AM302"])
    assert linted.findings == []


def test_a_misquote_is_reported_at_the_quote_with_the_closest_passage(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": claims("Their thirst for power at any cost", "formed a secret United Centre"),
            "speech.txt": SOURCE_TEXT,
        }
    )
    assert linted.at("AM302") == [("a.yaml", 8, 35), ("a.yaml", 11, 35)]
    first, second = linted.messages("AM302")
    assert first.startswith("quote not found in the text of source 'speech'; closest passage: ")
    assert '"Their thirst for power drove them' in first
    assert 'closest passage: "formed a secret "United Center"' in second
    assert [f.claim for f in linted.of("AM302")] == ["q0", "q1"]
    assert all(f.severity == "error" for f in linted.of("AM302"))


def test_quotes_are_verbatim_not_case_folded(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": claims("the accused formed"), "speech.txt": SOURCE_TEXT})
    assert linted.at("AM302") == [("a.yaml", 8, 35)]


def test_large_texts_use_the_word_index(lint_map: LintMap, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes, "FEW_QUOTES", 0)  # two quotes would be searched directly
    filler = "Nothing of note was said on this day in the hall.\n" * (2 * SMALL_TEXT // 50)
    text = filler + SOURCE_TEXT + filler
    assert len(text) > SMALL_TEXT
    linted = lint_map(
        {
            "a.yaml": claims("the most abominable crimes", "the most abominable crime against"),
            "speech.txt": text,
        }
    )
    assert linted.at("AM302") == [("a.yaml", 11, 35)]
    assert "the most abominable crimes against" in linted.messages("AM302")[0]


@needs_shared(SEED_TEXT)
def test_the_seed_text_quotes(lint_map: LintMap) -> None:
    index = QuoteIndex.of(SEED_TEXT.read_text(encoding="utf-8"))
    words = normalise(SEED_TEXT.read_text(encoding="utf-8")).split(" ")
    passage = " ".join(words[100:112])
    assert index.contains(passage)
    assert not index.contains(passage + " not in the text at all")


def test_normalise_folds_what_the_spec_names() -> None:
    assert normalise("\u201cA\u201d \u2018b\u2019 c\u2014d\u00a0e  \n\t f hyph-\n  enated") == (
        "\"A\" 'b' c-d e f hyphenated"
    )


WORDS = st.sampled_from(
    [
        "the",
        "treasurer",
        "kept",
        "ledger",
        "at",
        "home",
        "for",
        "six",
        "weeks",
        "council",
        "audit",
        "safe",
        "clerk",
        "fair",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=20, max_size=200), st.lists(WORDS, min_size=1, max_size=8))
def test_the_closest_passage_is_whole_words_of_the_text(
    text_words: list[str], quote_words: list[str]
) -> None:
    index = QuoteIndex.of(" ".join(text_words))
    passage = index.closest_passage(" ".join(quote_words) + " unknownword")
    if passage is None:  # only when no word of the quote is in the text
        assert not set(quote_words) & set(text_words)
        return
    at = index.text.find(passage)
    assert at >= 0
    end = at + len(passage)
    assert at == 0 or index.text[at - 1] == " "
    assert end == len(index.text) or index.text[end] == " "


def test_the_suggestion_does_not_cut_a_word_at_the_window_edge() -> None:
    minutes = Path(__file__).resolve().parents[1] / "fixtures" / "unseen" / "texts" / "minutes.txt"
    index = QuoteIndex.of(minutes.read_text(encoding="utf-8"))
    passage = index.closest_passage("the treasurer resented the council")
    assert passage == 'the treasurer "kept the ledger at home'


def test_a_quote_that_differs_only_in_hyphens_is_found(lint_map: LintMap) -> None:
    """A real compound broken at a line end, and hyphens lost in extraction, still match."""
    linted = lint_map(
        {
            "a.yaml": """\
parties: {p: {name: P}}
sources: {s: {title: S, text: s.txt}}
claims:
  - id: a
    party: p
    text: A.
    cite:
      - {source: s, quote: "a well-known fact"}
      - {source: s, quote: "a face-to-face discussion"}
      - {source: s, quote: "a go-slow approach"}
      - {source: s, quote: "a well known fact"}
""",
            "s.txt": "It is a well-\nknown fact. He held a face-toface discussion, then\n"
            "a goslow approach.\n",
        },
        select=["AM302"],
    )
    assert linted.at("AM302") == [("a.yaml", 11, 28)]
