"""When a claim was said: its ``said`` date, else its latest cited source's ``date``.

``when`` (the time a claim is about) never enters here: a claim about 1932 may be
said in 1937 or in 1980.
"""

from __future__ import annotations

from argmap.dates import Period, period_or_none
from argmap.model import ArgMap, Claim


def said_period(claim: Claim, amap: ArgMap) -> Period | None:
    """When ``claim`` was said, or None for a timeless claim.

    Its own ``said`` date where it has one (and it parses); else the latest ``date``
    of the sources it cites (latest by the period's last day); else None.
    """
    own = period_or_none(claim.said)
    if own is not None:
        return own
    dates = [
        period
        for citation in claim.cite
        if (source := amap.source_by_id.get(citation.source)) is not None
        and (period := period_or_none(source.date)) is not None
    ]
    return max(dates, key=lambda p: (p.end, p.start)) if dates else None


def is_said_by(said: Period | None, as_of: Period) -> bool:
    """Whether something said in ``said`` had certainly been said by the end of ``as_of``.

    A timeless claim (None) is always there. A date given only as a year or month
    counts from its last day: a source dated "1938" is not yet out as of 1938-06.
    """
    return said is None or said.end <= as_of.end
