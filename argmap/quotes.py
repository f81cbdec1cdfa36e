"""Verbatim quotes against a source text: normalisation, a word index, closest passages.

Both sides are normalised the same way: typographic quote marks and dashes fold to
ASCII, a hyphen at a line break joins the word (``hyphen-\\nation`` -> ``hyphenation``),
and runs of white space become one space. A quote is found through its rarest whole
word, so checking many quotes costs about one pass over the text, not one per quote.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

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
_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_WORD = re.compile(r"\w+")
SMALL_TEXT = 64 * 1024


def normalise(text: str) -> str:
    """The form in which quotes and texts are compared."""
    folded = _LINE_BREAK_HYPHEN.sub("", text.translate(_FOLD))
    return " ".join(folded.split())


@dataclass
class QuoteIndex:
    """A normalised source text with an index from whole words to their offsets."""

    text: str
    _words: dict[str, list[int]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, raw_text: str) -> QuoteIndex:
        return cls(normalise(raw_text))

    @property
    def words(self) -> dict[str, list[int]]:
        if self._words is None:
            index: defaultdict[str, list[int]] = defaultdict(list)
            for match in _WORD.finditer(self.text):
                index[match.group()].append(match.start())
            self._words = dict(index)
        return self._words

    def contains(self, quote: str) -> bool:
        """Whether the quote, normalised, occurs in the text."""
        needle = normalise(quote)
        if not needle:
            return True
        if len(self.text) <= SMALL_TEXT:
            return needle in self.text
        anchor = self._rarest_whole_word(needle)
        if anchor is None:
            return needle in self.text
        word, offset = anchor
        startswith = self.text.startswith
        return any(
            startswith(needle, at - offset) for at in self.words.get(word, ()) if at >= offset
        )

    def _rarest_whole_word(self, needle: str) -> tuple[str, int] | None:
        """A word of the needle not cut by its ends, with the fewest occurrences."""
        best: tuple[int, str, int] | None = None
        for match in _WORD.finditer(needle):
            if match.start() == 0 or match.end() == len(needle):
                continue
            count = len(self.words.get(match.group(), ()))
            if best is None or count < best[0]:
                best = (count, match.group(), match.start())
                if count == 0:
                    break
        return None if best is None else (best[1], best[2])

    def closest_passage(self, quote: str) -> str | None:
        """The passage of the text most like the quote, as long as it, or None."""
        needle = normalise(quote)
        if not needle or not self.text:
            return None
        width = max(len(needle), 20)
        votes: defaultdict[int, int] = defaultdict(int)
        for word in set(_WORD.findall(needle)):
            postings = self.words.get(word, ())
            if len(postings) > 5000:
                continue  # too common to tell passages apart
            for at in postings:
                votes[at // width] += len(word)
        if not votes:
            return None
        bucket = max(votes, key=lambda b: votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0))
        start = max(0, (bucket - 1) * width)
        window = self.text[start : start + 3 * width]
        matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        begin = max(0, blocks[0].b - blocks[0].a)
        end = min(len(window), begin + len(needle))
        begin = _word_boundary(window, begin, -1)
        end = _word_boundary(window, end, +1)
        passage = window[begin:end].strip()
        return passage or None


def _word_boundary(text: str, at: int, step: int) -> int:
    """Move ``at`` outwards to the nearest space (at most 20 characters)."""
    for _ in range(20):
        if at <= 0 or at >= len(text) or text[at - 1 if step < 0 else at] == " ":
            break
        at += step
    return max(0, min(len(text), at))
