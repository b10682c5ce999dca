"""Internal: the one calendar check of the project, shared by the readers (page date lines) and
the text stage (dates in running text).

A date is kept only when the calendar has it: 2023年2月31日 and month 13 are refused, so a
garbled copy never yields a date that does not exist.
"""

from __future__ import annotations

__all__ = ["days_in_month", "iso", "last_day"]

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: Years a report can be about; anything outside is a misread number, not a date.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` (1–12) of ``year`` has, by the Gregorian leap rule (as
    ``calendar.monthrange``, which loads ``datetime`` at start-up)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS[month - 1]


def iso(year: int, month: int, day: int | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` without a day); ``None`` for a date the calendar lacks."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= days_in_month(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def last_day(year: int, month: int) -> str:
    """The month's last day as ``YYYY-MM-DD``."""
    return f"{year:04d}-{month:02d}-{days_in_month(year, month):02d}"
