"""A glossary term that nothing in the map uses.

## What it does
Reports a `glossary` entry whose term appears nowhere a reader meets the map's
words: no claim's text, note or quote, no event, no party's name, and not the
map's title or description. Terms are matched case-insensitively, as whole words
("Thermidor" is not used by "Thermidorian"; "show trial" is used by "show-trial").

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


def check(ctx: LintContext) -> Iterator[Finding]:
    amap = ctx.amap
    terms = {entry.term: tuple(_WORD.findall(entry.term.casefold())) for entry in amap.glossary}
    wanted = {words for words in terms.values() if words}
    starts: dict[str, set[int]] = {}  # first word -> lengths of the terms starting with it
    for words in wanted:
        starts.setdefault(words[0], set()).add(len(words))
    used: set[tuple[str, ...]] = set()
    for text in _texts(amap):
        if len(used) == len(wanted):
            break
        seen = _WORD.findall(text.casefold())
        for i, word in enumerate(seen):
            for size in starts.get(word, ()):
                run = tuple(seen[i : i + size])
                if run in wanted:
                    used.add(run)
    for entry in amap.glossary:
        if terms[entry.term] and terms[entry.term] not in used:
            yield RULE.finding(
                f"glossary term '{entry.term}' appears in no claim, note, quote or event of "
                "the map; remove it, or spell it as the text does",
                entry.span,
            )


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
