"""Dates as Chinese documents write them → ISO strings."""

from __future__ import annotations

import regex

from ..runtime.record import record
from .numbering import cn_to_int

_NUM = r"[0-9０-９]{1,4}|[〇○零一二三四五六七八九十]{1,5}"
DATE = regex.compile(
    rf"(?P<y>[0-9０-９]{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUM})\s*月(?:\s*(?P<d>{_NUM})\s*[日号])?"
)
RANGE = regex.compile(
    rf"(?P<y>[0-9]{{4}})年(?P<m>{_NUM})月(?P<d>{_NUM})日?\s*(?:至|到|—|-|–|－|~|～)\s*"
    rf"(?:(?P<y2>[0-9]{{4}})年)?(?:(?P<m2>{_NUM})月)?(?P<d2>{_NUM})日"
)
MONTH_DAY = regex.compile(r"(?<![0-9年月])(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")
_FW = str.maketrans("０１２３４５６７８９", "0123456789")


@record
class FoundDate:
    iso: str
    start: int
    end: int


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return cn_to_int(text.translate(_FW))


def iso(year: int, month: int, day: int | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` without a day); ``None`` for impossible values."""
    if not (1900 <= year <= 2199 and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, *, year: int | None = None) -> list[FoundDate]:
    """Every date with at least a year and a month, in order.

    With ``year`` given, a month-and-day date without a year (``6月21日``) is found too and
    takes the year of the nearest full date before it, else ``year``.
    """
    found: list[FoundDate] = []
    for match in DATE.finditer(text):
        y, month, day = _num(match.group("y")), _num(match.group("m")), _num(match.group("d"))
        if y is None or month is None:
            continue
        value = iso(y, month, day)
        if value:
            found.append(FoundDate(value, match.start(), match.end()))
    if year is None:
        return found
    taken = [(d.start, d.end) for d in found]
    for match in MONTH_DAY.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        month, day = _num(match.group("m")), _num(match.group("d"))
        before = [d for d in found if d.end <= match.start() and len(d.iso) >= 7]
        carried = int(before[-1].iso[:4]) if before else year
        value = iso(carried, month or 0, day)
        if value and month:
            found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def find_range(text: str) -> tuple[FoundDate, FoundDate] | None:
    """The first date range (``2023年3月10日至6月10日``), the end's year/month carried over."""
    for match in RANGE.finditer(text):
        year, month, day = _num(match.group("y")), _num(match.group("m")), _num(match.group("d"))
        if year is None or month is None or day is None:
            continue
        year2 = _num(match.group("y2")) or year
        month2 = _num(match.group("m2")) or month
        day2 = _num(match.group("d2"))
        first, last = iso(year, month, day), iso(year2, month2, day2)
        if first and last:
            cut = match.group(0)
            mid = match.start() + max(cut.find("至"), cut.find("到"), 0)
            return FoundDate(first, match.start(), mid), FoundDate(last, mid + 1, match.end())
    return None
