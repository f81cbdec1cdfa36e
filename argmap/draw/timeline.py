"""The timeline layout: time runs left to right, one band per party.

Each claim with a ``when`` (``argmap.dates``) stands in the column of the date it
starts at; a claim without one stands in the column of the nearest dated claim
it is linked to (a reason or an answer beside what it argues about), and claims
linked to no dated claim in a last column, "no date". Columns are years, or
months when the dated claims fall within a few years. The parties are bands: in
every column, the claims of the party with the most allegations (the prosecution)
stand on top and the answers below, party by party in the same order. Relations are
drawn without pulling columns apart, so time alone orders them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.dates import period_or_none
from argmap.draw.nearest import neighbours, spread
from argmap.model import Claim

__all__ = ["NO_DATE", "Timeline", "timeline_of"]

NO_DATE = "no date"
MONTHS_WITHIN = 4
"""Columns are months when every dated claim falls within this many years."""


@dataclass(frozen=True)
class Timeline:
    """Columns of the timeline, left to right, and the column of each claim."""

    columns: tuple[str, ...]
    column_of: dict[str, int]
    bands: tuple[str, ...]
    """Party ids, top to bottom."""


def timeline_of(claims: Sequence[Claim], party_order: Sequence[str] = ()) -> Timeline:
    """Columns and bands for ``claims``; ``party_order``: the map's parties, in order."""
    starts = {c.id: p.start for c in claims if (p := period_or_none(c.when)) is not None}
    months = bool(starts) and (
        max(d.year for d in starts.values()) - min(d.year for d in starts.values()) < MONTHS_WITHIN
    )
    key = {
        cid: (f"{d.year:04d}-{d.month:02d}" if months else f"{d.year:04d}")
        for cid, d in starts.items()
    }
    columns = sorted(set(key.values()))
    column_of = {cid: columns.index(k) for cid, k in key.items()}
    spread(column_of, neighbours(claims))  # an undated claim beside what it argues about
    if len(column_of) < len(claims):
        columns.append(NO_DATE)
        for claim in claims:
            column_of.setdefault(claim.id, len(columns) - 1)
    return Timeline(tuple(columns), column_of, _bands(claims, party_order))


def _bands(claims: Sequence[Claim], party_order: Sequence[str]) -> tuple[str, ...]:
    """Parties by the number of their allegations (the accusers first), then map order."""
    order = {p: n for n, p in enumerate(party_order)}
    allegations: dict[str, int] = {}
    for claim in claims:
        allegations.setdefault(claim.party, 0)
        if claim.kind == "allegation":
            allegations[claim.party] += 1
    return tuple(sorted(allegations, key=lambda p: (-allegations[p], order.get(p, len(order)), p)))
