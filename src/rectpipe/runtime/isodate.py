"""Internal: the one calendar check of the project, shared by the readers (page date lines) and
the text stage (dates in running text).

A date is kept only when the calendar has it: 2023年2月31日 and month 13 are refused, so a
garbled copy never yields a date that does not exist.
"""

from __future__ import annotations

import calendar

__all__ = ["iso", "last_day"]

#: Years a report can be about; anything outside is a misread number, not a date.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def iso(year: int, month: int, day: int | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` without a day); ``None`` for a date the calendar lacks."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def last_day(year: int, month: int) -> str:
    """The month's last day as ``YYYY-MM-DD``."""
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
