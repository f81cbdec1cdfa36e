"""The map as it stood at a date: only what had been said by then.

A claim said after the date is left out, and with it the relations it makes (its
``supports``, ``rebuts`` and ``undercuts``). What earlier claims wrote stays as written:
a claim cannot refer to one that was not yet said, so such a reference is a dangling
reference as of that date and ``argmap lint`` reports it (AM102); the map's dates, or
the reference, are wrong. Parties and sources that only later claims use are left out
too, and so is a source dated after the date that nothing kept cites.
"""

from __future__ import annotations

import dataclasses

from argmap.dates import SYNTAX, DateError, Period, parse_period, period_or_none
from argmap.history.said import is_said_by, said_period
from argmap.model import ArgMap, Claim


def as_of(amap: ArgMap, when: Period | str) -> ArgMap:
    """``amap`` as of ``when`` (a ``Period`` or a date string; ``DateError`` if bad)."""
    period = when if isinstance(when, Period) else parse_period(when)
    said = [is_said_by(said_period(c, amap), period) for c in amap.claims]
    if all(said):
        return amap
    kept = tuple(c for c, there in zip(amap.claims, said, strict=True) if there)
    dropped = [c for c, there in zip(amap.claims, said, strict=True) if not there]
    kept_parties, kept_sources = _used(kept)
    later_parties, later_sources = _used(dropped)
    parties = tuple(p for p in amap.parties if p.id in kept_parties or p.id not in later_parties)
    sources = tuple(
        s
        for s in amap.sources
        if s.id in kept_sources
        or (s.id not in later_sources and is_said_by(period_or_none(s.date), period))
    )
    source_ids = {s.id for s in sources}
    events = tuple(e for e in amap.events if e.cite is None or e.cite.source in source_ids)
    return dataclasses.replace(amap, claims=kept, parties=parties, sources=sources, events=events)


def _used(claims: list[Claim] | tuple[Claim, ...]) -> tuple[set[str], set[str]]:
    """The party ids and source ids that ``claims`` name."""
    parties: set[str] = set()
    sources: set[str] = set()
    for claim in claims:
        parties.add(claim.party)
        if claim.against:
            parties.add(claim.against)
        for citation in claim.cite:
            sources.add(citation.source)
            if citation.by:
                parties.add(citation.by)
    return parties, sources


def parse_as_of(text: str) -> Period:
    """The period of an ``--as-of`` value; ``DateError`` naming the syntax if it is not one."""
    try:
        return parse_period(text)
    except DateError as exc:
        message = str(exc)
        raise DateError(message if SYNTAX in message else f"{message} ({SYNTAX})") from None
