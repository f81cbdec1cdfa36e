"""Verbatim quotes against a source text: normalisation, a word index, closest passages.

Both sides are normalised the same way: typographic quote marks and dashes fold to
ASCII, a hyphen at a line break joins the word (``hyphen-\\nation`` -> ``hyphenation``),
and runs of white space become one space. A quote is found through its rarest whole
word: ``contains_all`` counts the words of the text once, finds where the rarest word
of every quote lies in one more pass, and then compares each quote only at those
places, so checking tens of thousands of quotes costs two passes over the text, not
one per quote.
"""

from __future__ import annotations

import difflib
import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, islice, repeat

# Typographic quote marks and dashes, by code point, and what they fold to.
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a`"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DASHES, "-"),
        "\u00a0": " ",  # no-break space
        "\u00ad": None,  # soft hyphen
    }
)
# The same table as (character, replacement) pairs: one str.replace per pair is about
# twenty times faster than str.translate with a table of non-ASCII characters.
_FOLD_PAIRS = tuple((chr(code), to or "") for code, to in _FOLD.items())
# A hyphen at a line break between word characters. The pattern starts with the hyphen
# (the lookbehind checks the character before it), which lets the regex engine jump
# from hyphen to hyphen instead of trying every position: 25 times faster on a big text.
_LINE_BREAK_HYPHEN = re.compile(r"-(?<=\w-)[ \t]*\r?\n\s*(?=\w)")
_WORD = re.compile(r"\w+")
_NOT_WORD = re.compile(r"[^\w ]")
SMALL_TEXT = 64 * 1024
TOO_COMMON = 5000
"""Words more frequent than this in a text do not help to find the closest passage."""


def normalise(text: str) -> str:
    """The form in which quotes and texts are compared."""
    if text.isascii():
        folded = text.replace("`", "'")
    else:
        folded = text
        for character, replacement in _FOLD_PAIRS:
            folded = folded.replace(character, replacement)
    if "\n" in folded:
        folded = _LINE_BREAK_HYPHEN.sub("", folded)
    return " ".join(folded.split())


def _words_of(text: str) -> list[str]:
    """The text split at every character that is not a word character.

    The words (maximal runs of ``\\w``, as ``_WORD`` finds them) are the non-empty items,
    and item ``i`` starts at ``sum(len(item) + 1 for item in items[:i])``: so offsets
    can be recovered without a match object per word, which is what makes this fast.
    """
    return _NOT_WORD.sub(" ", text).split(" ")


@dataclass
class QuoteIndex:
    """A normalised source text, with its words counted and located on demand."""

    text: str
    _words: dict[str, list[int]] | None = field(default=None, repr=False)
    _pieces: list[str] | None = field(default=None, repr=False)
    _counts: Counter[str] | None = field(default=None, repr=False)
    _starts: array[int] | None = field(default=None, repr=False)
    _postings: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, raw_text: str) -> QuoteIndex:
        return cls(normalise(raw_text))

    @property
    def words(self) -> dict[str, list[int]]:
        """Every whole word of the text -> its offsets (built on first use)."""
        if self._words is None:
            index: defaultdict[str, list[int]] = defaultdict(list)
            for match in _WORD.finditer(self.text):
                index[match.group()].append(match.start())
            self._words = dict(index)
        return self._words

    @property
    def counts(self) -> Counter[str]:
        """Every whole word of the text -> how often it occurs (one pass, at C speed)."""
        if self._counts is None:
            self._pieces = _words_of(self.text)
            self._counts = Counter(self._pieces)
            self._counts.pop("", None)  # the gaps between separators are not words
        return self._counts

    def postings(self, words: Iterable[str]) -> dict[str, list[int]]:
        """The offsets of each of ``words`` in the text, found in one pass for all."""
        words = set(words)
        wanted = {w for w in words if w not in self._postings and self.counts.get(w)}
        if wanted:
            found: dict[str, list[int]] = {word: [] for word in wanted}
            pieces, starts = self._pieces, self._starts
            assert pieces is not None  # set by self.counts
            if starts is None:  # piece i starts at the lengths of those before it, plus i
                starts = self._starts = array("q", accumulate(map(len, pieces), initial=0))
            for i in [i for i, piece in enumerate(pieces) if piece in wanted]:
                found[pieces[i]].append(starts[i] + i)
            self._postings.update(found)
        return {w: self._postings.get(w, []) for w in words}

    def contains(self, quote: str) -> bool:
        """Whether the quote, normalised, occurs in the text."""
        return self.contains_all([quote])[0]

    def contains_all(self, quotes: Iterable[str]) -> list[bool]:
        """Whether each quote, normalised, occurs in the text: one pass for all of them."""
        needles = [normalise(quote) for quote in quotes]
        text = self.text
        if len(text) <= SMALL_TEXT:
            return [needle in text for needle in needles]
        anchors = [self._rarest_whole_word(needle) for needle in needles]
        postings = self.postings({a[0] for a in anchors if a is not None})
        startswith = text.startswith
        found: list[bool] = []
        for needle, anchor in zip(needles, anchors, strict=True):
            if anchor is None:  # no whole word inside: a quote of a word or two
                found.append(needle in text)
                continue
            word, offset = anchor
            places = postings[word]  # ascending; a quote cannot start before the text
            starts = map(offset.__rsub__, islice(places, bisect_left(places, offset), None))
            # text.startswith(needle, at - offset) for each place, looped over in C: the
            # rarest word of a quote still occurs a few dozen times in a big text.
            found.append(any(map(startswith, repeat(needle), starts)))
        return found

    def _rarest_whole_word(self, needle: str) -> tuple[str, int] | None:
        """A word of the needle not cut by its ends, with the fewest occurrences."""
        pieces = _words_of(needle)
        inside = [piece for piece in pieces[1:-1] if piece]  # the ends may be cut words
        if not inside:
            return None
        word = min(inside, key=self.counts.__getitem__)  # the first of the rarest
        index = pieces.index(word, 1)
        return word, sum(map(len, pieces[:index])) + index

    def closest_passage(self, quote: str) -> str | None:
        """The passage of the text most like the quote, as long as it, or None."""
        return self.closest_passages([quote])[0]

    def closest_passages(self, quotes: Iterable[str]) -> list[str | None]:
        """``closest_passage`` of each quote, locating all their words in one pass."""
        needles = [normalise(quote) for quote in quotes]
        if not self.text:
            return [None for _ in needles]
        word_sets = [set(_WORD.findall(needle)) for needle in needles]
        counts = self.counts
        useful = {w for words in word_sets for w in words if counts.get(w, 0) <= TOO_COMMON}
        postings = self.postings(useful)
        return [
            self._closest(needle, [(w, postings[w]) for w in words if w in useful])
            if needle
            else None
            for needle, words in zip(needles, word_sets, strict=True)
        ]

    def _closest(self, needle: str, postings: list[tuple[str, list[int]]]) -> str | None:
        width = max(len(needle), 20)
        votes: defaultdict[int, int] = defaultdict(int)
        for word, offsets in postings:
            weight = len(word)
            # Counting buckets at C speed keeps their first-seen order, so ties in
            # max() below fall as they would counting one offset at a time.
            for bucket, times in Counter(map(width.__rfloordiv__, offsets)).items():
                votes[bucket] += weight * times
        if not votes:
            return None
        get = votes.get
        bucket = max(votes, key=lambda b: votes[b] + get(b - 1, 0) + get(b + 1, 0))
        start = max(0, (bucket - 1) * width)
        window = self.text[start : start + 3 * width]
        matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        # Whole words of the text, even where they run past the window.
        begin = start + max(0, blocks[0].b - blocks[0].a)
        end = min(len(self.text), begin + len(needle))
        begin = _word_boundary(self.text, begin, -1)
        end = _word_boundary(self.text, end, +1)
        passage = self.text[begin:end].strip()
        return passage or None


def _word_boundary(text: str, at: int, step: int) -> int:
    """Move ``at`` outwards to the nearest space (at most 20 characters)."""
    for _ in range(20):
        if at <= 0 or at >= len(text) or text[at - 1 if step < 0 else at] == " ":
            break
        at += step
    return max(0, min(len(text), at))
