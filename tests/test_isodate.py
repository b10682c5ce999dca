"""The one calendar check (rectpipe.runtime.isodate)."""

from __future__ import annotations

import calendar

from rectpipe.runtime.isodate import days_in_month, iso, last_day


def test_days_in_month_is_the_calendar_s() -> None:
    for year in range(1890, 2210):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


def test_a_day_the_calendar_lacks_is_refused() -> None:
    assert iso(2024, 2, 29) == "2024-02-29"
    assert iso(2023, 2, 29) is None
    assert iso(2100, 2, 29) is None
    assert iso(2000, 2, 29) == "2000-02-29"
    assert iso(2024, 13, 1) is None
    assert iso(2024, 4, None) == "2024-04"
    assert last_day(2024, 2) == "2024-02-29"
    assert last_day(2023, 11) == "2023-11-30"
