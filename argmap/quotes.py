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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, islice, pairwise, repeat
from operator import add
from typing import TypeVar

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
_SPACE = re.compile(r"\s")
_NOT_WORD = re.compile(r"[^\w ]")
_ASCII_NOT_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128))
_ASCII_NOT_WORD += b" " * 128  # what _NOT_WORD does to ASCII text, as a table of bytes
SMALL_TEXT = 64 * 1024
FEW_QUOTES = 100
"""Up to this many quotes, each is searched in the text directly: a search of the text
costs about a two-hundredth of the indexed pass that serves any number of quotes."""
CHUNK = 1 << 20
"""Characters of a text split into tokens at a time: bounds the memory of a pass."""
WORDS_CHUNK = 32 * 1024
"""Characters split into words at a time when locating words: small, so that a word
found too common (``TOO_COMMON``) stops being located soon after it shows so."""
TOO_COMMON = 5000
"""Words more frequent than this in a text do not help to find the closest passage."""
REMEMBERED = 100_000
"""Answers a text keeps for quotes asked again (an editor lints the same quotes on each
keystroke); past this many, it forgets them all and starts again."""
Answer = TypeVar("Answer")


def normalise(text: str) -> str:
    """The form in which quotes and texts are compared."""
    return _collapse(_folded(text))


def _collapse(text: str) -> str:
    """Runs of white space made one space, and none at the ends.

    A big text a piece at a time: a list of all its tokens would cost ten times its
    size. Pieces are cut at white space (``\\s`` is what ``str.split`` splits at).
    """
    if len(text) <= CHUNK:
        return " ".join(text.split())
    pieces = []
    start = 0
    while start < len(text):
        end = start + CHUNK
        if end < len(text):
            space = _SPACE.search(text, end)
            end = space.start() if space else len(text)
        piece = " ".join(text[start:end].split())
        if piece:
            pieces.append(piece)
        start = end
    return " ".join(pieces)


def _single_spaced(text: str) -> str:
    """A text whose only white space is the space, its runs made one, none at the ends:
    ``_collapse`` for such a text, without splitting it into tokens."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _folded(text: str) -> str:
    """Quote marks and dashes folded, line-break hyphens joined; white space as it was."""
    if text.isascii():
        folded = text.replace("`", "'")
    else:
        folded = text
        for character, replacement in _FOLD_PAIRS:
            folded = folded.replace(character, replacement)
    if "\n" in folded:
        folded = _LINE_BREAK_HYPHEN.sub("", folded)
    return folded


def _words_of(text: str) -> list[str]:
    """The text split at every character that is not a word character.

    The words (maximal runs of ``\\w``, as ``_WORD`` finds them) are the non-empty items,
    and item ``i`` starts at ``sum(len(item) + 1 for item in items[:i])``: so offsets
    can be recovered without a match object per word, which is what makes this fast.
    An ASCII text is mapped a byte at a time by a table, five times faster than a regex.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_NOT_WORD).decode("ascii").split(" ")
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


def _chunks(text: str, size: int = CHUNK) -> Iterator[tuple[int, str]]:
    """The normalised text in pieces of about ``size`` characters, cut at spaces:
    (offset of the piece, the piece). No piece starts or ends with the cut space."""
    start = 0
    while start < len(text):
        end = text.find(" ", start + size) if start + size < len(text) else -1
        if end == -1:
            yield start, text[start:]
            return
        yield start, text[start:end]
        start = end + 1


def _starts(tokens: list[str], indexes: list[int], start: int) -> Iterator[int]:
    """The offsets in the text of the tokens at ``indexes`` of a piece that starts at
    ``start``, where each token is followed by one separator: computed at C speed."""
    ends = list(accumulate(map(len, tokens), initial=start))  # ends[i]: tokens[:i]'s length
    return map(add, map(ends.__getitem__, indexes), indexes)


@dataclass
class QuoteIndex:
    """A normalised source text; its tokens and words located on demand, a piece at a time.

    Only the normalised text is held (and the places of the words asked about), so
    a source text costs about its own size: the raw text is released once normalised,
    and no list of the text's tokens outlives the pass that needs it.
    """

    text: str
    _postings: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _counted: dict[str, int] = field(default_factory=dict, repr=False)
    _dehyphenated: QuoteIndex | None = field(default=None, repr=False)
    _found: dict[str, bool] = field(default_factory=dict, repr=False)
    _passages: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, raw_text: str) -> QuoteIndex:
        return cls(normalise(raw_text))

    @property
    def words(self) -> dict[str, list[int]]:
        """Every whole word of the text -> its offsets (built on each use: for tests)."""
        index: defaultdict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(self.text):
            index[match.group()].append(match.start())
        return dict(index)

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
        compared only there. A quote asked before is answered from memory.
        """
        needles = [normalise(quote) for quote in quotes]
        return _remembered(self._found, needles, self._search)

    def _search(self, needles: list[str]) -> list[bool]:
        """Whether each normalised quote occurs in the text (``contains_all``'s pass;
        ``_remembered`` asks each needle once)."""
        text = self.text
        if len(text) <= SMALL_TEXT or len(needles) <= FEW_QUOTES:
            return [needle in text for needle in needles]
        anchors = [_anchor(needle) for needle in needles]
        places = self._places({key for key, _ in filter(None, anchors)})
        startswith = text.startswith
        found: list[bool] = []
        for needle, anchor in zip(needles, anchors, strict=True):
            if anchor is None:  # no inner token: a quote of a word or two, searched
                found.append(needle in text)  # in the whole text (each needle comes once)
                continue
            key, offset = anchor
            at = places.get(key, [])  # ascending; a quote cannot start before the text
            starts = map(offset.__rsub__, islice(at, bisect_left(at, offset), None))
            # text.startswith(needle, place - offset) for each place, looped over in C.
            found.append(any(map(startswith, repeat(needle), starts)))
        return found

    def contains_all_ignoring_hyphens(self, quotes: Iterable[str]) -> list[bool]:
        """``contains_all`` with every hyphen removed from text and quotes alike.

        Joining a word hyphenated at a line break cannot tell ``hyphen-ation`` from a
        compound such as ``well-known``, and extracted texts lose hyphens
        (``face-toface``): a quote that differs from the text only in its hyphens is
        found here. The hyphenless text is indexed once, so many quotes cost one pass.
        """
        if self._dehyphenated is None:
            self._dehyphenated = QuoteIndex(_single_spaced(self.text.replace("-", "")))
        return self._dehyphenated.contains_all(
            normalise(quote).replace("-", "") for quote in quotes
        )

    def _places(self, keys: set[str | tuple[str, str]]) -> dict[str | tuple[str, str], list[int]]:
        """Offsets in the text of tokens (a string) and pairs of adjacent tokens (a tuple)."""
        singles = {key for key in keys if isinstance(key, str)}
        pairs = keys - singles
        places: defaultdict[str | tuple[str, str], list[int]] = defaultdict(list)
        last: tuple[str, int] | None = None  # the previous piece's last token, and its offset
        for start, piece in _chunks(self.text):
            tokens = piece.split(" ")
            if last is not None and (pair := (last[0], tokens[0])) in pairs:
                places[pair].append(last[1])
            if singles:
                hits = list(compress(count(), map(singles.__contains__, tokens)))
                for i, offset in zip(hits, _starts(tokens, hits, start), strict=True):
                    places[tokens[i]].append(offset)
            if pairs:
                hits = list(compress(count(), map(pairs.__contains__, pairwise(tokens))))
                for i, offset in zip(hits, _starts(tokens, hits, start), strict=True):
                    places[tokens[i], tokens[i + 1]].append(offset)
            last = tokens[-1], start + len(piece) - len(tokens[-1])
        return places

    def postings(self, words: Iterable[str], limit: int | None = None) -> dict[str, list[int]]:
        """The offsets of each of ``words`` in the text, found in one pass for all.

        With ``limit``, words that occur more often than that are left out (and are no
        longer looked for once a piece of the text has shown them too frequent).
        """
        words = set(words)
        cap = len(self.text) if limit is None else limit
        known, counted = self._postings, self._counted
        wanted = {w for w in words if w not in known and counted.get(w, 0) <= cap}
        if wanted:
            found: dict[str, list[int]] = {w: [] for w in wanted}
            counts: Counter[str] = Counter()
            looking = set(wanted)
            for start, piece in _chunks(self.text, WORDS_CHUNK):
                items = _words_of(piece)
                hits = list(compress(count(), map(looking.__contains__, items)))
                if not hits:
                    continue
                hit_words = list(map(items.__getitem__, hits))
                counts.update(hit_words)  # the loops over hits run at C speed but one
                for word, offset in zip(hit_words, _starts(items, hits, start), strict=True):
                    found[word].append(offset)
                too_common = {word for word in set(hit_words) if counts[word] > cap}
                if too_common:
                    looking -= too_common
                    for word in too_common:
                        found[word] = []
            for word in wanted:
                counted[word] = counts[word]
                if counts[word] <= cap:
                    known[word] = found[word]
        return {word: known[word] for word in words if word in known and len(known[word]) <= cap}

    def closest_passage(self, quote: str) -> str | None:
        """The passage of the text most like the quote, as long as it, or None."""
        return self.closest_passages([quote])[0]

    def closest_passages(self, quotes: Iterable[str]) -> list[str | None]:
        """``closest_passage`` of each quote, locating all their words in one pass."""
        needles = [normalise(quote) for quote in quotes]
        return _remembered(self._passages, needles, self._closest_all)

    def _closest_all(self, needles: list[str]) -> list[str | None]:
        if not self.text:
            return [None for _ in needles]
        # Each quote's words in the order they come (not a set, whose order changes with
        # the hash seed): where two passages tie, the one its earlier words vote for wins.
        word_sets = [dict.fromkeys(_WORD.findall(needle)) for needle in needles]
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


def _remembered(
    memory: dict[str, Answer], needles: list[str], compute: Callable[[list[str]], list[Answer]]
) -> list[Answer]:
    """The answer for each of ``needles``, computed in one call for those not in ``memory``."""
    if not memory:  # the first call, as in every lint run: no lookups in memory
        new = list(dict.fromkeys(needles))
        answers = dict(zip(new, compute(new), strict=True)) if new else {}
        result = list(map(answers.__getitem__, needles))
    else:
        new = list(dict.fromkeys(needle for needle in needles if needle not in memory))
        answers = dict(zip(new, compute(new), strict=True)) if new else {}
        result = [answers[n] if n in answers else memory[n] for n in needles]
    if len(memory) + len(answers) > REMEMBERED:
        memory.clear()
    memory.update(answers)
    return result
