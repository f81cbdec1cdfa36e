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
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice, pairwise, repeat
from operator import add

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
    return " ".join(_normal_tokens(text))


def _normal_tokens(text: str) -> list[str]:
    """The tokens of the normalised text: it is they, joined by single spaces."""
    if text.isascii():
        folded = text.replace("`", "'")
    else:
        folded = text
        for character, replacement in _FOLD_PAIRS:
            folded = folded.replace(character, replacement)
    if "\n" in folded:
        folded = _LINE_BREAK_HYPHEN.sub("", folded)
    return folded.split()


def _words_of(text: str) -> list[str]:
    """The text split at every character that is not a word character.

    The words (maximal runs of ``\\w``, as ``_WORD`` finds them) are the non-empty items,
    and item ``i`` starts at ``sum(len(item) + 1 for item in items[:i])``: so offsets
    can be recovered without a match object per word, which is what makes this fast.
    """
    return _NOT_WORD.sub(" ", text).split(" ")


def _anchor(needle: str) -> tuple[str | tuple[str, str], int] | None:
    """Where to look for a quote: its longest pair of adjacent inner tokens (or its one
    inner token), and the offset of that pair in the quote; None for one or two tokens."""
    tokens = needle.split(" ")
    if len(tokens) < 3:
        return None
    if len(tokens) == 3:
        return tokens[1], len(tokens[0]) + 1
    lengths = list(map(len, tokens))
    pair_lengths = list(map(add, lengths[1:-2], lengths[2:-1]))  # of inner pairs, from 1
    best = pair_lengths.index(max(pair_lengths)) + 1
    return (tokens[best], tokens[best + 1]), sum(lengths[:best]) + best


@dataclass
class QuoteIndex:
    """A normalised source text, with its tokens and words located on demand."""

    text: str
    _words: dict[str, list[int]] | None = field(default=None, repr=False)
    _tokens: list[str] | None = field(default=None, repr=False)
    _pieces: list[str] | None = field(default=None, repr=False)
    _postings: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _counted: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, raw_text: str) -> QuoteIndex:
        tokens = _normal_tokens(raw_text)
        return cls(" ".join(tokens), _tokens=tokens or [""])  # as text.split(" ") would be

    @property
    def words(self) -> dict[str, list[int]]:
        """Every whole word of the text -> its offsets (built on first use)."""
        if self._words is None:
            index: defaultdict[str, list[int]] = defaultdict(list)
            for match in _WORD.finditer(self.text):
                index[match.group()].append(match.start())
            self._words = dict(index)
        return self._words

    def contains(self, quote: str) -> bool:
        """Whether the quote, normalised, occurs in the text."""
        return self.contains_all([quote])[0]

    def contains_all(self, quotes: Iterable[str]) -> list[bool]:
        """Whether each quote, normalised, occurs in the text: one pass for all of them.

        Text and quotes are normalised, so single spaces separate their tokens, and a
        quote's inner tokens (all but the first and last, which may be cut) are whole
        tokens of the text wherever the quote occurs. Each quote is anchored on a pair
        of adjacent inner tokens, the longest, which is rarely frequent; one pass over
        the text's token pairs finds every place of every anchor, and each quote is
        compared only there.
        """
        needles = [normalise(quote) for quote in quotes]
        text = self.text
        if len(text) <= SMALL_TEXT:
            return [needle in text for needle in needles]
        anchors = [_anchor(needle) for needle in needles]
        places = self._places({key for key, _ in filter(None, anchors)})
        startswith = text.startswith
        found: list[bool] = []
        for needle, anchor in zip(needles, anchors, strict=True):
            if anchor is None:  # no inner token: a quote of a word or two
                found.append(needle in text)
                continue
            key, offset = anchor
            at = places.get(key, [])  # ascending; a quote cannot start before the text
            starts = map(offset.__rsub__, islice(at, bisect_left(at, offset), None))
            # text.startswith(needle, place - offset) for each place, looped over in C.
            found.append(any(map(startswith, repeat(needle), starts)))
        return found

    def _places(self, keys: set[str | tuple[str, str]]) -> dict[str | tuple[str, str], list[int]]:
        """Offsets in the text of tokens (a string) and pairs of adjacent tokens (a tuple)."""
        if self._tokens is None:
            self._tokens = self.text.split(" ")
        tokens = self._tokens
        hits: list[int] = []
        singles = {key for key in keys if isinstance(key, str)}
        if singles:
            hits += [i for i, token in enumerate(tokens) if token in singles]
        pairs = keys - singles
        if pairs:
            hits += [i for i, pair in enumerate(pairwise(tokens)) if pair in pairs]
        places: defaultdict[str | tuple[str, str], list[int]] = defaultdict(list)
        offset = previous = 0
        for i in sorted(set(hits)):  # each token is followed by one space
            offset += sum(map(len, tokens[previous:i])) + (i - previous)
            previous = i
            if tokens[i] in singles:
                places[tokens[i]].append(offset)
            if i + 1 < len(tokens) and (pair := (tokens[i], tokens[i + 1])) in pairs:
                places[pair].append(offset)
        return places

    def postings(self, words: Iterable[str], limit: int | None = None) -> dict[str, list[int]]:
        """The offsets of each of ``words`` in the text, found in one pass for all.

        With ``limit``, words that occur more often than that are left out.
        """
        words = set(words)
        cap = len(self.text) if limit is None else limit
        known, counted = self._postings, self._counted
        wanted = {w for w in words if w not in known and counted.get(w, 0) <= cap}
        if wanted:
            if self._pieces is None:
                self._pieces = _words_of(self.text)
            pieces = self._pieces
            hits = [i for i, piece in enumerate(pieces) if piece in wanted]
            counts = Counter(map(pieces.__getitem__, hits))  # at C speed
            counted.update(counts)
            too_common = {word for word, count in counts.items() if count > cap}
            if too_common:  # not worth locating, one by one
                hits = [i for i in hits if pieces[i] not in too_common]
            found: dict[str, list[int]] = {w: [] for w in wanted if w not in too_common}
            offset = previous = 0
            for i in hits:  # each piece is followed by one separator
                offset += sum(map(len, pieces[previous:i])) + (i - previous)
                previous = i
                found[pieces[i]].append(offset)
            known.update(found)
        return {word: known[word] for word in words if word in known and len(known[word]) <= cap}

    def closest_passage(self, quote: str) -> str | None:
        """The passage of the text most like the quote, as long as it, or None."""
        return self.closest_passages([quote])[0]

    def closest_passages(self, quotes: Iterable[str]) -> list[str | None]:
        """``closest_passage`` of each quote, locating all their words in one pass."""
        needles = [normalise(quote) for quote in quotes]
        if not self.text:
            return [None for _ in needles]
        word_sets = [set(_WORD.findall(needle)) for needle in needles]
        postings = self.postings({w for words in word_sets for w in words}, limit=TOO_COMMON)
        return [
            self._closest(needle, [(w, postings[w]) for w in words if w in postings])
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
        # The bucket whose votes, with its two neighbours', are the most (the first such):
        # max(votes, key=lambda b: votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0)),
        # with the scores summed by map() at C speed, not by a lambda per bucket.
        buckets = list(votes)
        before = map(votes.get, map((-1).__add__, buckets), repeat(0))
        after = map(votes.get, map((1).__add__, buckets), repeat(0))
        scores = list(map(add, map(add, votes.values(), before), after))
        bucket = buckets[max(range(len(scores)), key=scores.__getitem__)]
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
