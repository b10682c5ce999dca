"""Dates whose 年 and 月 were lost in copying, written out again where only one reading is a date.

Some portals' copies drop the characters 年 and 月 of a date and leave its figures glued:
2024年9月18日 comes out as ``2024918日``, 2024年12月26日 as ``20241226日``, 2024年7月17日 as
``2024年717日``, and the end of a range, 至8月30日, as ``至830日``. The figures before 日 are cut
into a month and a day every way the calendar allows. When exactly one cut gives a date, it is
written out whole (``2024年9月18日``), and every date reader after repair reads it. When two do
(``2025117日``: 1月17日 or 11月7日), or none, the figures are left as they are: such a date gives
no value, and metadata warns ``date_unreadable`` (:data:`~.dates.GARBLED_DATE`).

A month and a day without a year (``313日``) are read only where a date stands: after the
separator of a range that starts with a date (``…18日至313日``; the end is on or after the
start, so ``9月27日至126日`` ends on 12月6日), or opening a sentence with a
comma after it (``。313日，巡察组…``). Elsewhere three or four figures before 日 are as likely a
number of days (``延长120日``).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..runtime.isodate import FIRST_YEAR, LAST_YEAR, days_in_month
from ..runtime.patterns import compile_pattern

if TYPE_CHECKING:
    import regex

__all__ = ["month_day", "readings", "unglue_dates"]

#: A leap year, for a month and a day read without their year (29 February is a date).
_ANY_YEAR = 2000

# A year's four figures, then (年 kept or lost) two to four figures and 日.
_WITH_YEAR = compile_pattern(r"(?<![0-9])(?P<y>[0-9]{4})年?(?P<md>[0-9]{2,4})日")
# Three or four figures and 日 where a date stands: a range's end after a date, or a sentence's
# opening date followed by a comma.
_SEP = r"\s*(?:至|到|—|－|–|-|~|～)\s*"
_RANGE_END = compile_pattern(
    rf"(?:(?P<y0>[0-9]{{4}})年)?(?P<m0>[0-9]{{1,2}})月(?P<d0>[0-9]{{1,2}})日(?P<sep>{_SEP})"
    r"(?:(?P<y>[0-9]{4})年?)?(?P<md>[0-9]{3,4})日"
)
_OPENING = compile_pattern(r"(?<=(?:^|[。；;])\s*)(?P<md>[0-9]{3,4})日(?=\s*[，,])")


def readings(figures: str, year: int = _ANY_YEAR) -> list[tuple[int, int]]:
    """Every ``(month, day)`` the glued ``figures`` can be in ``year``, earliest first."""
    found: list[tuple[int, int]] = []
    for cut in (1, 2):
        month_text, day_text = figures[:cut], figures[cut:]
        if not 1 <= len(day_text) <= 2 or not _padded_alike(month_text, day_text):
            continue
        month, day = int(month_text), int(day_text)
        if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            found.append((month, day))
    return sorted(found)


def month_day(figures: str, year: int = _ANY_YEAR) -> tuple[int, int] | None:
    """The one ``(month, day)`` the glued ``figures`` can be in ``year``; ``None`` when none or
    several can (``117``: 1月17日 or 11月7日)."""
    found = readings(figures, year)
    return found[0] if len(found) == 1 else None


def _padded_alike(month: str, day: str) -> bool:
    """Whether a month and a day are written alike: both in two figures (``0105``) or neither
    with a leading zero (``15``, ``1230``); ``105`` is 10月5日, never 1月05日."""
    if month.startswith("0") or day.startswith("0"):
        return len(month) == len(day) == 2
    return True


def _with_year(match: regex.Match[str]) -> str:
    year = int(match.group("y"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return match.group(0)
    found = month_day(match.group("md"), year)
    if found is None:
        return match.group(0)
    return f"{year}年{found[0]}月{found[1]}日"


def _range_end(match: regex.Match[str]) -> str:
    """A range's glued end read on or after its start, as near it as the figures allow:
    至126日 after 9月27日 is 12月6日, 至2025117日 after 2024年11月18日 is 2025年1月17日."""
    start_year = int(match.group("y0") or _ANY_YEAR)
    year = int(match.group("y") or start_year)
    start = (start_year, int(match.group("m0")), int(match.group("d0")))
    after = [(m, d) for m, d in readings(match.group("md"), year) if (year, m, d) >= start]
    if not after or not FIRST_YEAR <= year <= LAST_YEAR:
        return match.group(0)
    month, day = after[0]
    head = match.group(0)[: match.start("md") - match.start()]
    if match.group("y") and not head.endswith("年"):
        head += "年"
    return f"{head}{month}月{day}日"


def _opening(match: regex.Match[str]) -> str:
    found = month_day(match.group("md"))
    return match.group(0) if found is None else f"{found[0]}月{found[1]}日"


def unglue_dates(text: str) -> str:
    """``text`` with every glued date that has one reading written out whole, and every range's
    glued end that has one on or after its start."""
    if "日" not in text:
        return text
    text = _WITH_YEAR.sub(_with_year, text)
    text = _RANGE_END.sub(_range_end, text)
    return _OPENING.sub(_opening, text)
