"""A glossary term that nothing in the map uses.

## What it does
Reports a `glossary` entry whose term appears nowhere a reader meets the map's
words: no claim's text, note or quote, no event, no party's name, and not the
map's title or description. Terms are matched case-insensitively, as whole words,
except that the term's last word may carry a suffix of up to four letters
("Thermidor" is used by "Thermidorian", "Trotsky" by "Trotskyist", but "art" is
not used by "artist"); "show trial" is used by "show-trial"; a term with an alias
in brackets, "Secret Police (NKVD)", is used when either name is.

## Why is this bad?
The glossary goes into the teacher's lesson pack: a term students never meet is
noise there, and is often a misspelling of the word the text really uses.

## Example
```yaml
glossary:
  Zinoviev: Grigory Zinoviev, head of the Comintern until 1926.
  Kirov: Sergei Kirov, Leningrad party chief, murdered in 1934.   # AM208 if no text names him
claims:
  - {id: meeting, party: pro, text: Zinoviev met Trotsky in Berlin.}
```
"""

import re
from collections.abc import Iterable, Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import ArgMap

RULE = Rule("AM208", "unused-term", "warning", __doc__ or "")

_WORD = re.compile(r"\w+")
_ALIAS = re.compile(r"\(([^()]*)\)")
MAX_SUFFIX = 4
"""A word uses a term when it is the term's last word plus at most this many letters."""
MIN_STEM = 4
"""...and that word of the term has at least this many letters (``art`` is not in ``artist``)."""


def check(ctx: LintContext) -> Iterator[Finding]:
    amap = ctx.amap
    variants = {entry.term: _variants(entry.term) for entry in amap.glossary}
    wanted = {words for found in variants.values() for words in found}
    starts: dict[str, set[int]] = {}  # first word -> lengths of the terms starting with it
    for words in wanted:
        starts.setdefault(words[0], set()).add(len(words))
    used: set[tuple[str, ...]] = set()
    for text in _texts(amap):
        if len(used) == len(wanted):
            break
        seen = _WORD.findall(text.casefold())
        for i, word in enumerate(seen):
            for stem in _stems(word):
                for size in starts.get(stem, ()):
                    if size == 1:
                        used.add((stem,))
                    elif stem == word and i + size <= len(seen):
                        head = tuple(seen[i : i + size - 1])
                        used.update(
                            (*head, last)
                            for last in _stems(seen[i + size - 1])
                            if (*head, last) in wanted
                        )
    for entry in amap.glossary:
        found = variants[entry.term]
        if found and not any(words in used for words in found):
            yield RULE.finding(
                f"glossary term '{entry.term}' appears in no claim, note, quote or event of "
                "the map; remove it, or spell it as the text does",
                entry.span,
            )


def _variants(term: str) -> set[tuple[str, ...]]:
    """The term's words, and with a bracketed alias ``Secret Police (NKVD)`` either part."""
    forms = {term, _ALIAS.sub(" ", term), *_ALIAS.findall(term)}
    return {words for form in forms if (words := tuple(_WORD.findall(form.casefold())))}


def _stems(word: str) -> Iterator[str]:
    """The word, then the word without its last 1 to ``MAX_SUFFIX`` letters (long stems only)."""
    yield word
    for cut in range(1, MAX_SUFFIX + 1):
        if len(word) - cut < MIN_STEM:
            break
        yield word[:-cut]


def _texts(amap: ArgMap) -> Iterable[str]:
    """Every text of the map a reader meets."""
    if amap.info is not None:
        yield amap.info.title or ""
        yield amap.info.description or ""
    for party in amap.parties:
        yield party.name
    for claim in amap.claims:
        yield claim.text
        yield claim.note or ""
        for cite in claim.cite:
            yield cite.quote or ""
    for event in amap.events:
        yield event.text
        if event.cite is not None:
            yield event.cite.quote or ""
