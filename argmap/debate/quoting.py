"""Plain words about a map for students: who speaks in a quote, and a claim in brief."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.debate.outline import Quote
from argmap.model import ArgMap, Citation, Claim

_SAYS = r"\s+(?:alleged|alleges|held|holds|claimed|claims)\s+that\s+"
"""What follows a party's name when a claim reports its position: "X alleged that"."""


_SPLIT = re.compile(r"; (\w)")
"""A semicolon between two clauses: two sentences read more easily."""


def short_name(amap: ArgMap, party_id: str) -> str:
    """A party's name as a reader says it: "Trotsky" for "Leon Trotsky",
    "Davenport" for "Tim Davenport (editor, 2002)", else the name before any bracket."""
    party = amap.party_by_id.get(party_id)
    name = (party.name if party else party_id).split(" (")[0].strip()
    words = name.split()
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return words[-1]
    return name[:1].upper() + name[1:]


def plain_name(amap: ArgMap, party_id: str) -> str:
    """A party's name without its bracketed details."""
    party = amap.party_by_id.get(party_id)
    return (party.name if party else party_id).split(" (")[0].strip()


def quote_of(amap: ArgMap, cite: Citation, main_source: str | None) -> Quote | None:
    """A cite as a :class:`Quote` with speaker and place; None when it quotes nothing."""
    if not cite.quote:
        return None
    speaker = short_name(amap, cite.by) if cite.by else None
    place = cite.at
    source = amap.source_by_id.get(cite.source)
    if cite.source != main_source or not place:
        title = short_title(source.title if source else cite.source)
        place = f"{place}, {title}" if place else title
    return Quote(" ".join(cite.quote.split()), speaker, place)


def mid_sentence(name: str) -> str:
    """A name as written inside a sentence: "the prosecution", not "The prosecution"."""
    return "the" + name[3:] if name.startswith("The ") else name


def short_title(title: str) -> str:
    """A source's title as a card names it: without a subtitle, bracket or "with ..." tail."""
    head = re.split(r" \(|: |, with ", " ".join(title.split()), maxsplit=1)[0]
    return head or title


def quotes_of_claim(
    amap: ArgMap, claim: Claim, main_source: str | None, limit: int = 1
) -> tuple[Quote, ...]:
    """Up to ``limit`` quotes of a claim, the longest first (the one that says most)."""
    found = [q for c in claim.cite if (q := quote_of(amap, c, main_source))]
    found.sort(key=lambda q: -len(q.text))
    return tuple(found[:limit])


def main_source(amap: ArgMap) -> str | None:
    """The id of the source most quoted in the map."""
    counts: dict[str, int] = {}
    for claim in amap.claim_by_id.values():
        for cite in claim.cite:
            counts[cite.source] = counts.get(cite.source, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else None


def in_brief(amap: ArgMap, claim: Claim) -> str:
    """A claim's text as plain sentences: "The prosecution alleged that X" becomes "X",
    when the name is the claim's own party's; a "; " between clauses makes two sentences."""
    text = " ".join(claim.text.split())
    names = {plain_name(amap, claim.party), short_name(amap, claim.party)}
    lead = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    stripped = re.sub(rf"^(?:{lead}){_SAYS}", "", text, count=1, flags=re.IGNORECASE)
    if stripped != text and stripped:
        text = stripped[0].upper() + stripped[1:]
    text = text if text.endswith((".", "!", "?")) else text + "."
    return _SPLIT.sub(lambda m: ". " + m.group(1).upper(), text)


_CLAUSE = re.compile(r"(?:, and that |, where |, though |, waiting |; |: |\. (?=[A-Z]))")


def headline(amap: ArgMap, claim: Claim) -> str:
    """A claim in one main clause, for a reminder list: what follows ", where", "; "... dropped."""
    text = in_brief(amap, claim)
    head = _CLAUSE.split(text, maxsplit=1)[0]
    if head != text and len(head.split()) >= 4:
        return head.rstrip(".,") + "."
    return text


def speakers(amap: ArgMap, claims: Iterable[Claim]) -> list[tuple[str, str]]:
    """(short name, full name) of each party that speaks in the claims' quotes, in order."""
    seen: dict[str, str] = {}
    for claim in claims:
        for cite in claim.cite:
            if cite.by and cite.quote:
                party = amap.party_by_id.get(cite.by)
                seen.setdefault(short_name(amap, cite.by), party.name if party else cite.by)
    return list(seen.items())
