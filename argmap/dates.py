"""Dates and periods of the claim format: ``1932``, ``1932-06``, ``1932-06-15``, ``1931/1936``.

One syntax serves a claim's ``when`` (what it is about), its ``said`` (when it was
made), a source's ``date`` and an event's ``date``. A value is a period: its first
and last day, so that "1932" and "1932-06" can be ordered against "1932-06-15".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PART = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_DATE = re.compile(rf"{_PART}(?:/{_PART})?")

SYNTAX = "YYYY, YYYY-MM, YYYY-MM-DD, or a period START/END such as 1931/1936"


class DateError(ValueError):
    """A value that is not a date or period of the format; the message says why."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """The days a date covers, from ``start`` to ``end`` inclusive."""

    start: date
    end: date

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _bounds(year: str, month: str | None, day: str | None) -> tuple[date, date]:
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31)
    m = int(month)
    if not 1 <= m <= 12:
        raise DateError(f"month {month} is not 01 to 12")
    if day is None:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    try:
        one = date(y, m, int(day))
    except ValueError:
        raise DateError(f"{year}-{month}-{day} is not a day of the calendar") from None
    return one, one


def parse_period(text: object) -> Period:
    """The period a date value covers; raises ``DateError`` for anything else."""
    if isinstance(text, date):
        return Period(text, text)
    if isinstance(text, int) and not isinstance(text, bool) and 1 <= text <= 9999:
        text = f"{text:04d}"
    if not isinstance(text, str):
        raise DateError(f"expected a date ({SYNTAX})")
    match = _DATE.fullmatch(text.strip())
    if match is None or (year := match.group(1)) == "0000":
        raise DateError(f"{text!r} is not a date ({SYNTAX})")
    start, end = _bounds(year, match.group(2), match.group(3))
    if match.group(4) is not None:
        end = _bounds(match.group(4), match.group(5), match.group(6))[1]
        if end < start:
            raise DateError(f"{text!r} ends before it starts")
    return Period(start, end)


def period_or_none(text: object) -> Period | None:
    """The period of ``text``, or None when it is missing or not a date."""
    if text is None:
        return None
    try:
        return parse_period(text)
    except DateError:
        return None
