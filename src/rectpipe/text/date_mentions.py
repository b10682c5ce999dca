"""Every date a text mentions: absolute, ranges, quarters, month-only, seasons, deadlines.

Used by enrichment (``dates`` of every problem) and by the consistency checks (deadlines), so
it lives with the text stage. Builds on :mod:`rectpipe.text.dates` (its
:func:`~rectpipe.runtime.isodate.iso`) and :func:`rectpipe.text.numbering.cn_to_int`, so
二〇二三年十二月二十二日 reads like 2023年12月22日.
Mentions never overlap: patterns are tried from the most specific (a dated deadline, a range)
to the least (a bare year), and a later pattern skips characters an earlier one took.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..models.records import DateMention, copied
from ..runtime.isodate import iso, last_day
from ..runtime.patterns import compile_pattern
from ..runtime.record import record
from .numbering import cn_to_int

if TYPE_CHECKING:
    import regex

__all__ = ["find_dated_deadlines", "find_dates"]

_FW = str.maketrans("０１２３４５６７８９", "0123456789")
_Y = r"[0-9０-９]{4}|[〇○零一二三四五六七八九]{4}"
_M = r"1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]"
_D = r"3[01]|[12][0-9]|0?[1-9]|[０-９]{1,2}|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
_SEP = r"\s*(?:至|到|——|—|–|-|－|~|～)\s*"
_PART = r"(?:初|上旬|中旬|下旬|底|末|份)?"
_REL = r"(?P<rel>今年|本年|当年|去年|上年|明年)"
_NOT_DIGIT_BEFORE = r"(?<![0-9０-９])"

_SEASONS = {"春季": (3, 5), "夏季": (6, 8), "秋季": (9, 11), "冬季": (12, 14)}
_RELATIVE = {"今": 0, "本": 0, "当": 0, "去": -1, "上": -1, "明": 1}


def _int(text: str | None) -> int | None:
    return None if not text else cn_to_int(text.translate(_FW))


@record(frozen=False, slots=False)
class _Context:
    """What a pattern handler needs besides its match: the report's year, and the year of the
    last date written in full before the match (for month-only mentions)."""

    text: str
    report_year: int | None
    explicit_years: list[tuple[int, int]]

    def year_before(self, offset: int) -> int | None:
        """The year written nearest before ``offset`` in the same paragraph, else the report's."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        for position, year in reversed(self.explicit_years):
            if line_start <= position < offset:
                return year
        return self.report_year

    def relative(self, word: str | None) -> int | None:
        if not word or self.report_year is None:
            return None
        return self.report_year + _RELATIVE[word[0]]


_Handler = Callable[["regex.Match[str]", _Context], "DateMention | None"]


def _mention(match: regex.Match[str], **values: object) -> DateMention:
    return DateMention(text=match.group(0), start=match.start(), end=match.end(), **values)  # type: ignore[arg-type]


def _dated_deadline(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    groups = match.groupdict()
    year, month, day = _int(groups.get("y")), _int(groups.get("m")), _int(groups.get("d"))
    inferred = year is None
    if year is None:
        year = ctx.relative(groups.get("rel")) or ctx.year_before(match.start())
    if year is None:
        return _mention(match, kind="deadline", value=None, inferred=True, term="by_date")
    if month is None:
        value, precision = f"{year:04d}-12-31", "day"
    elif day is None:
        if not 1 <= month <= 12:
            return None
        value, precision = last_day(year, month), "day"
    else:
        found = iso(year, month, day)
        if found is None:
            return None
        value, precision = found, "day"
    return _mention(
        match,
        kind="deadline",
        value=value,
        precision=precision,
        inferred=inferred,
        term="by_date",
    )


def _term_deadline(match: regex.Match[str], ctx: _Context) -> DateMention:
    term = "immediate" if match.group("now") else "long_term"
    return _mention(match, kind="deadline", value=None, term=term)


def _range(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    year = _int(match.group("y"))
    inferred = year is None
    if year is None:
        year = ctx.year_before(match.start())
    month, day = _int(match.group("m")), _int(match.group("d"))
    year2 = _int(match.group("y2")) or year
    month2 = _int(match.group("m2")) or month
    day2 = _int(match.group("d2"))
    if year is None or year2 is None or month is None or month2 is None:
        return _mention(match, kind="range", value=None, inferred=True)
    first, last = iso(year, month, day), iso(year2, month2, day2)
    if first is None or last is None or last < first:
        return None
    precision = "day" if day is not None else "month"
    return _mention(
        match, kind="range", value=first, value_end=last, precision=precision, inferred=inferred
    )


def _year_range(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    first, last = _int(match.group("y")), _int(match.group("y2"))
    if first is None or last is None or not 1900 <= first < last <= 2199:
        return None
    return _mention(
        match, kind="range", value=f"{first:04d}", value_end=f"{last:04d}", precision="year"
    )


def _quarter(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    """第三季度 → the range of its months (2024-07 … 2024-09)."""
    year = _int(match.group("y"))
    inferred = year is None
    if year is None:
        year = ctx.relative(match.group("rel")) or ctx.year_before(match.start())
    quarter = _int(match.group("q"))
    if quarter is None or not 1 <= quarter <= 4:
        return None
    if year is None:
        return _mention(match, kind="range", value=None, precision="month", inferred=True)
    return _mention(
        match,
        kind="range",
        value=f"{year:04d}-{3 * quarter - 2:02d}",
        value_end=f"{year:04d}-{3 * quarter:02d}",
        precision="month",
        inferred=inferred,
    )


def _full_date(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    year, month, day = _int(match.group("y")), _int(match.group("m")), _int(match.group("d"))
    if year is None or month is None:
        return None
    value = iso(year, month, day)
    if value is None:
        return None
    return _mention(match, kind="date", value=value, precision="day" if day else "month")


def _month_day(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    month, day = _int(match.group("m")), _int(match.group("d"))
    year = ctx.relative(match.groupdict().get("rel")) or ctx.year_before(match.start())
    if month is None:
        return None
    if year is None:
        return _mention(match, kind="date", value=None, inferred=True)
    value = iso(year, month, day)
    if value is None:
        return None
    return _mention(
        match, kind="date", value=value, precision="day" if day else "month", inferred=True
    )


def _season(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    year = _int(match.groupdict().get("y"))
    inferred = year is None
    if year is None:
        year = ctx.relative(match.groupdict().get("rel")) or ctx.year_before(match.start())
    if year is None:
        return _mention(match, kind="date", value=None, precision="season", inferred=True)
    first, last = _SEASONS[match.group("s")]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return _mention(
        match,
        kind="date",
        value=f"{year:04d}-{first:02d}",
        value_end=f"{end_year:04d}-{end_month:02d}",
        precision="season",
        inferred=inferred,
    )


def _year(match: regex.Match[str], ctx: _Context) -> DateMention | None:
    year = _int(match.groupdict().get("y"))
    inferred = year is None
    if year is None:
        year = ctx.relative(match.groupdict().get("rel"))
    if year is None:
        return _mention(match, kind="date", value=None, precision="year", inferred=True)
    if not 1900 <= year <= 2199:
        return None
    return _mention(match, kind="date", value=f"{year:04d}", precision="year", inferred=inferred)


_DEADLINE = compile_pattern(
    rf"{_NOT_DIGIT_BEFORE}(?:(?P<y>{_Y})|(?P<rel>今|本|当|明))?"
    rf"(?:年年?(?:底|末)|年?(?P<m>{_M})月(?:(?P<d>{_D})[日号]|底|末))(?:之)?前"
)
_WITHIN_YEAR = compile_pattern(
    rf"(?<![0-9０-９一二三四五六七八九十两几])(?:(?P<y>{_Y})|(?P<rel>今|本|当|明))?年度?内"
)
_DEADLINE_PATTERNS: tuple[tuple[regex.Pattern[str], _Handler], ...] = (
    (_DEADLINE, _dated_deadline),
    (_WITHIN_YEAR, _dated_deadline),
)
"""The dated-deadline patterns, which the consistency checks run on every report: first in
:func:`_patterns`, so nothing else can take their text."""


@cache
def _patterns() -> tuple[tuple[regex.Pattern[str], _Handler], ...]:
    """Every pattern, most specific first. Compiled on first use (``regex`` parses a pattern in
    Python, and only enrichment needs more than :data:`_DEADLINE_PATTERNS`)."""
    return (
        *_DEADLINE_PATTERNS,
        (
            compile_pattern(r"长期坚持|长期推进|长期整改|(?P<now>立行立改|即知即改|立即整改)"),
            _term_deadline,
        ),
        (
            compile_pattern(
                rf"{_NOT_DIGIT_BEFORE}(?:(?P<y>{_Y})年)?(?P<m>{_M})月(?:(?P<d>{_D})[日号])?{_SEP}"
                rf"(?:(?P<y2>{_Y})年)?(?:(?P<m2>{_M})月)?(?P<d2>{_D})[日号]"
            ),
            _range,
        ),
        (
            compile_pattern(
                rf"{_NOT_DIGIT_BEFORE}(?P<y>{_Y})年(?P<m>{_M})月{_SEP}(?:(?P<y2>{_Y})年)?(?P<m2>{_M})月"
                rf"(?P<d>)(?P<d2>)(?![0-9０-９一二三四五六七八九十]+[日号])"
            ),
            _range,
        ),
        (
            compile_pattern(rf"{_NOT_DIGIT_BEFORE}(?P<y>[0-9]{{4}}){_SEP}(?P<y2>[0-9]{{4}})年"),
            _year_range,
        ),
        (
            compile_pattern(rf"(?:(?P<y>{_Y})年度?|{_REL})?第?(?P<q>[一二三四1-4１-４])季度"),
            _quarter,
        ),
        (
            compile_pattern(
                rf"(?P<y>{_Y})\s*年\s*(?P<m>{_M})\s*月(?:\s*(?P<d>{_D})\s*[日号]|{_PART})"
            ),
            _full_date,
        ),
        (
            compile_pattern(
                r"(?<![0-9０-９年月])(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12][0-9]|0?[1-9])[日号]"
            ),
            _month_day,
        ),
        (compile_pattern(rf"{_REL}(?P<m>{_M})月(?P<d>){_PART}"), _month_day),
        (compile_pattern(rf"(?:(?P<y>{_Y})年|{_REL})?(?P<s>春季|夏季|秋季|冬季)"), _season),
        (
            compile_pattern(
                rf"(?<![0-9０-９年月第个])(?P<m>1[0-2]|[1-9])月(?P<d>){_PART}(?![0-9０-９日号])"
            ),
            _month_day,
        ),
        (compile_pattern(rf"(?P<y>[0-9]{{4}})年(?![0-9０-９月]){_PART}"), _year),
        (compile_pattern(rf"{_REL}(?!\s*[0-9０-９一二三四五六七八九十]+月)"), _year),
    )


_EXPLICIT_YEAR = compile_pattern(rf"(?P<y>{_Y})\s*年")


def _explicit_years(text: str) -> list[tuple[int, int]]:
    years: list[tuple[int, int]] = []
    for match in _EXPLICIT_YEAR.finditer(text):
        year = _int(match.group("y"))
        if year is not None and 1900 <= year <= 2199:
            years.append((match.start(), year))
    return years


def _matches(
    text: str, ctx: _Context, patterns: tuple[tuple[regex.Pattern[str], _Handler], ...]
) -> Iterator[DateMention]:
    taken: list[tuple[int, int]] = []
    for pattern, handler in patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            mention = handler(match, ctx)
            if mention is not None:
                taken.append((match.start(), match.end()))
                yield mention


def find_dates(text: str, *, base: int = 0, report_year: int | None = None) -> list[DateMention]:
    """Every date mention in ``text`` in order, with offsets shifted by ``base``.

    ``report_year`` resolves 今年/去年/明年 and is the fallback year of a mention written
    without one (8月, 秋季, 年底前) when no full date comes before it in the same paragraph;
    without it such mentions have ``value`` ``None``. Impossible dates (13月, 2月30日) are
    skipped, never raised.
    """
    return _found(text, _patterns(), base, report_year)


def find_dated_deadlines(
    text: str, *, base: int = 0, report_year: int | None = None
) -> list[DateMention]:
    """The dated deadlines (``kind`` deadline, ``term`` by_date: 年底前, 2024年6月底前) among
    :func:`find_dates` ``(text)``: the same mentions, found without trying the other patterns
    (the deadline patterns come first, so no other mention can overlap them)."""
    return [
        m
        for m in _found(text, _DEADLINE_PATTERNS, base, report_year)
        if m.kind == "deadline" and m.term == "by_date"
    ]


def _found(
    text: str,
    patterns: tuple[tuple[regex.Pattern[str], _Handler], ...],
    base: int,
    report_year: int | None,
) -> list[DateMention]:
    ctx = _Context(text, report_year, _explicit_years(text))
    found = sorted(_matches(text, ctx, patterns), key=lambda m: m.start)
    if base:
        found = [copied(m, start=m.start + base, end=m.end + base) for m in found]
    return found
