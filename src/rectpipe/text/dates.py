"""Dates as Chinese documents write them → ISO strings.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..runtime.isodate import iso as iso
from ..runtime.patterns import compile_pattern
from ..runtime.record import record
from .numbering import cn_to_int

__all__ = [
    "DATE",
    "DATE_ALONE",
    "GARBLED_DATE",
    "MONTH_DAY",
    "NUMERIC_DATE",
    "PERIOD",
    "RANGE",
    "FoundDate",
    "Period",
    "find_dates",
    "find_period",
    "find_periods",
    "find_range",
    "find_yearless_period",
]

_NUM = r"[0-9０-９]{1,4}|[〇○零一二三四五六七八九十]{1,5}"
# What joins a range's two ends (至, 到, dashes, tildes).
_TO = r"(?:至|到|—{1,2}|－|–|~|～|-)"
DATE = compile_pattern(
    rf"(?P<y>[0-9０-９]{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUM})\s*月(?:\s*(?P<d>{_NUM})\s*[日号])?"
)
RANGE = compile_pattern(
    rf"(?P<y>[0-9]{{4}})年(?P<m>{_NUM})月(?P<d>{_NUM})日?\s*{_TO}\s*"
    rf"(?:(?P<y2>[0-9]{{4}})年)?(?:(?P<m2>{_NUM})月)?(?P<d2>{_NUM})日"
)
# 6月8日, also after 同年/当年 (the year of the date before); not the tail of a full date.
MONTH_DAY = compile_pattern(
    r"(?<![0-9月])(?<![0-9〇○零一二三四五六七八九]年)(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"
)
# A date written with figures alone and one separator: 2024-10-18, 2024.10.18, 2024/10/18.
NUMERIC_DATE = compile_pattern(
    r"\s*(?P<y>[0-9]{4})\s*(?P<sep>[-/.])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*(?P<d>[0-9]{1,2})\s*"
)
# A date alone on its line, as a signature writes it: 2024年10月18日, 二〇二四年十月十八日, or
# with figures alone (NUMERIC_DATE).
DATE_ALONE = compile_pattern(
    r"^(?:[0-9〇○零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日"
    r"|\s*[0-9]{4}\s*(?P<sep>[-/.])\s*[0-9]{1,2}\s*(?P=sep)\s*[0-9]{1,2}\s*)$"
)
_FW = str.maketrans("０１２３４５６７８９", "0123456789")


@record
class FoundDate:
    """A date found in a text: its ISO form and where it stands."""

    iso: str
    start: int
    end: int


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return cn_to_int(text.translate(_FW))


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


# A period as introductions write it: days, ten-day parts (上旬/中旬/下旬), or whole months,
# the end's year and month carried over from the start when left out.
_PART = r"(?:(?P<{d}>{num})\s*日|(?P<{x}>上旬|中旬|下旬|初|中|底|末))?"
# Between a period's two dates: 至, 到 or a dash, also after 起 or 开始 (自2024年9月2日起至10月18日
# 止, 从2024年10月21日开始，至11月29日结束).
_PERIOD_TO = rf"(?:\s*(?:起|开始)\s*[，,]?\s*(?:至|到)|\s*{_TO})"
PERIOD = compile_pattern(
    rf"(?P<y>[0-9０-９]{{4}})\s*年\s*(?P<m>{_NUM})\s*月{_PART.format(d='d', x='x', num=_NUM)}"
    rf"{_PERIOD_TO}\s*"
    rf"(?:(?P<y2>[0-9０-９]{{4}})\s*年)?\s*(?:(?P<m2>{_NUM})\s*月)?"
    rf"{_PART.format(d='d2', x='x2', num=_NUM)}"
)
_TEN_DAYS = {"上旬": 1, "初": 1, "中旬": 11, "中": 11, "下旬": 21, "底": 21, "末": 21}


@record
class Period:
    """An inspection period: ``start``/``end`` found dates and how precisely it is written
    (``day``, ``ten_days`` or ``month``; a ten-day part is given as its month)."""

    start: FoundDate
    end: FoundDate
    precision: str


_RANGE_SEP = compile_pattern(rf"\s*{_TO}\s*")
# A second stretch of days after a period, in its year (2023年2月6日至2月10日、4月3日至5月26日:
# one inspection in two visits): the period ends with it.
_NEXT_STRETCH = compile_pattern(
    rf"\s*[、和及]\s*(?:(?P<y>[0-9０-９]{{4}})\s*年)?\s*(?P<m>{_NUM})\s*月\s*(?:{_NUM})\s*日"
    rf"\s*{_TO}\s*"
    rf"(?:(?P<y2>[0-9０-９]{{4}})\s*年)?\s*(?:(?P<m2>{_NUM})\s*月)?\s*(?P<d2>{_NUM})\s*日"
)


def find_period(text: str) -> Period | None:
    """The first period in ``text``: ``2023年3月10日至6月10日``, ``2022年8月下旬至10月下旬``,
    ``2023年11月至12月``. Impossible dates (2月31日) are not periods (:func:`iso`)."""
    return next(find_periods(text), None)


def find_periods(text: str) -> Iterator[Period]:
    """Every period in ``text``, in order (see :func:`find_period`)."""
    for match in PERIOD.finditer(text):
        year, month = _num(match.group("y")), _num(match.group("m"))
        day, part = _num(match.group("d")), match.group("x")
        year2 = _num(match.group("y2")) or year
        month2 = _num(match.group("m2"))
        day2, part2 = _num(match.group("d2")), match.group("x2")
        if year is None or month is None or year2 is None:
            continue
        if month2 is None and day2 is None:
            continue  # 2023年3月至… with nothing after: not a period
        month2 = month2 or month
        if day is not None and day2 is not None:
            precision = "day"
        elif day is None and day2 is None and (part or part2):
            precision = "ten_days"
        elif day is None and day2 is None:
            precision = "month"
        else:
            continue  # mixed day and month precision: not a form introductions use
        first = iso(year, month, day) if precision == "day" else iso(year, month, None)
        last = iso(year2, month2, day2) if precision == "day" else iso(year2, month2, None)
        if first is None or last is None:
            continue
        if last < first:
            continue
        cut = match.group(0)
        sep = _RANGE_SEP.search(cut[4:])
        mid = match.start() + 4 + (sep.start() if sep else 0)
        end_at, end = match.start() + 4 + (sep.end() if sep else 0), match.end()
        if precision == "day":
            more = _NEXT_STRETCH.match(text, match.end())
            if more is not None:
                year3 = _num(more.group("y2")) or _num(more.group("y")) or year2
                month3 = _num(more.group("m2")) or _num(more.group("m"))
                later = iso(year3, month3, _num(more.group("d2"))) if month3 else None
                if later is not None and later > last:
                    named = "y2" if more.group("y2") else "m2" if more.group("m2") else "d2"
                    last, end_at, end = later, more.start(named), more.end()
        yield Period(FoundDate(first, match.start(), mid), FoundDate(last, end_at, end), precision)


# A period of days written without its year (3月3日至4月30日, 3月3日至30日): not the tail of a
# date that has one.
_YEARLESS = compile_pattern(
    r"(?<![0-9０-９]\s*年\s*)(?<![0-9０-９])(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日"
    rf"{_PERIOD_TO}\s*(?:(?P<m2>[0-9]{{1,2}})\s*月\s*)?(?P<d2>[0-9]{{1,2}})\s*日"
)


def find_yearless_period(text: str, year: int) -> Period | None:
    """The first period of days in ``text`` written without its year (``3月3日至4月30日``),
    in ``year``; ``None`` when there is none or its days are no dates."""
    for match in _YEARLESS.finditer(text):
        month, day = int(match.group("m")), int(match.group("d"))
        month2 = int(match.group("m2")) if match.group("m2") else month
        first, last = iso(year, month, day), iso(year, month2, int(match.group("d2")))
        if first is None or last is None or last < first:
            continue
        sep = _RANGE_SEP.search(match.group(0))
        mid = match.start() + (sep.start() if sep else 0)
        end_at = match.start() + (sep.end() if sep else 0)
        return Period(
            FoundDate(first, match.start(), mid), FoundDate(last, end_at, match.end()), "day"
        )
    return None


# Dates that lost characters in copying and that repair could not read
# (:mod:`.glued_dates`): 2025117日 (1月17日 or 11月7日?), and figures that lost their 日 too, a
# range's end (…16日至1115县委…) or a year's glued date run into the next word (2025110县委).
GARBLED_DATE = compile_pattern(
    r"(?<![0-9])[0-9]{4}年?[0-9]{3,4}日|(?<![0-9年])[0-9]{5,8}日"
    r"|(?<=日\s*(?:至|到)\s*)[0-9]{3,4}(?![0-9.年月日号])"
    r"|(?<![0-9.])(?:19|20)[0-9]{5,6}(?=\p{Han})(?![年月日号])"
)
