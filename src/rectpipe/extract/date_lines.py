"""Dates and numbers a report's front lines state outside its sentences: a text copy's date
lines (发布日期：…, 成文日期：…, a portal's bare date under the title), the document's own
dateline under its title, and the 文号 cell of a pipe-separated metadata box.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..readers.doc_number import DOC_NUMBER
from ..runtime.page_dates import DATE_ALONE, NEWS_SOURCE_END, meta_line_date
from ..runtime.patterns import compile_pattern
from ..text.dates import find_dates, iso
from .collector import Collector

__all__ = ["DOC_NUMBER", "date_lines", "dateline", "pipe_box_row"]


_DATE_LINE = compile_pattern(
    r"(?<!上传)(?P<label>成文日期|发文日期|印发日期|发布日期|发布时间|公开日期|更新时间|日期|时间"
    r"|发表于|发布于)\s*[:：∶]?\s*"
    r"(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})(?![0-9])"
)
_WRITTEN = ("成文日期", "发文日期", "印发日期")
# A page's date without a label, as portals print it under the title: alone on its line
# (2024-07-18 11:16:05), before the page's source, author, editor or counter (2018年10月19日
# 07:29 | 来源：…, 2025-04-16 09:20　编辑：…), or with its time and then the site's name
# (2025-05-20 09:30 某省纪委监委网站).
# (A date in brackets or with its weekday alone on its line, or one piece of a meta line:
# runtime/page_dates, shared with the web reader.)
_BARE_DATE = compile_pattern(
    r"^\s*(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<dd>(?P<d>[0-9]{1,2})日?)"
    r"(?:(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
    r"\s*(?:$|[|｜丨]|(?:信息)?来源|作者|(?:责任)?编辑|浏览|点击|阅读|访问)"
    r"|\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s+[^\s，。；：:,;]{2,24}\s*$"
    # or with no time, then a news source's name (2020-12-21 某某网, 2024年3月5日 某某日报)
    # (the blank after 日 is gone once the text's blanks between Chinese characters are)
    rf"|(?:(?<=日)\s*|\s+)[^\s，。；：:,;]{{1,14}}{NEWS_SOURCE_END}\s*$)"
)

# A post's line on a news account, copied with the post: an optional 原创 mark, the author and
# the account's name, the date with its time, maybe the place it was posted from
# (原创 某某 某某发布 2025年06月18日 17:42 某省).
_POST_LINE = compile_pattern(
    r"^\s*(?:原创\s+)?(?:[^\s，。；：:,;|]{1,20}\s+){0,3}"
    r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<dd>(?P<d>[0-9]{1,2})\s*日)"
    r"\s*[0-9]{1,2}:[0-9]{2}(?:\s+[^\s，。；：:,;]{1,10})?\s*$"
)


# The document's own dateline in its front matter, alone on its line: under the title in
# parentheses (（二〇二四年十一月八日公告）), or under a speaker's name (2025年10月28日).
_DATELINE = compile_pattern(
    r"^\s*(?P<open>[（(])?\s*(?P<date>[0-9〇○零一二三四五六七八九]{4}年[0-9〇一二三四五六七八九十]{1,2}月"
    # (the day left out only in brackets: （2024年12月） under the title dates it to its month)
    r"(?(open)(?:[0-9〇一二三四五六七八九十]{1,3}日)?|[0-9〇一二三四五六七八九十]{1,3}日))"
    r"\s*(?:公告|印发|发布|通过)?\s*(?(open)[）)])\s*$"
)


_NUMBER_LABELS = frozenset({"文号", "发文字号", "文件编号", "文件文号"})


def pipe_box_row(found: Collector, line: str, start: int) -> None:
    """The document number of a pipe row of a metadata box: the cell after a 文号 label."""
    cells = line.split("|")
    at = 0
    for k, cell in enumerate(cells[:-1]):
        label = "".join(cell.split()).rstrip("：:")
        value_at = at + len(cell) + 1
        at = value_at
        if label not in _NUMBER_LABELS:
            continue
        number = DOC_NUMBER.search(cells[k + 1])
        if number:
            where = start + value_at + number.start()
            found.put(
                "document_number", number.group(0), where, where + len(number.group(0)), "front"
            )
        return


def dateline(found: Collector, front: Sequence[int]) -> None:
    """The document's own dateline under its title (after a signature's date, before a page's
    date line): the first line of the front matter that is a date in 年月日 and nothing else."""
    for index in front[:12]:
        match = _DATELINE.match(found.line(index))
        if match is None:
            continue
        dates = find_dates(match.group("date"))
        if dates:
            at = found.span(index)[0] + match.start("date")
            found.put("date", dates[0].iso, at + dates[0].start, at + dates[0].end, "front")
        return


_UPLOADED = compile_pattern(r"上传(?:时间|日期|于)")


def date_lines(found: Collector, blocks: Sequence[int]) -> None:
    """The date of a date line among ``blocks`` (成文日期 before 发布日期 and other labels, a
    label before a page's bare date under its title), recorded as from a ``date_line``."""
    best: tuple[int, str, int, int] | None = None
    for index in blocks:
        line = found.line(index)
        if len(line) > 120 or _UPLOADED.search(line):
            continue  # (a sharing site's 上传时间 line: when a copy was uploaded dates no report)
        base = found.span(index)[0]
        for match in _DATE_LINE.finditer(line):
            value = iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if value is None:
                continue
            rank = 0 if match.group("label") in _WRITTEN else 1
            end = match.end("d") + (line[match.end("d") : match.end("d") + 1] in ("日", "号"))
            if best is None or rank < best[0]:
                best = (rank, value, base + match.start("y"), base + end)
        bare = (
            _BARE_DATE.match(line)
            or DATE_ALONE.match(line)
            or _POST_LINE.match(line)
            or meta_line_date(line)
        )
        if bare:
            value = iso(int(bare.group("y")), int(bare.group("m")), int(bare.group("d")))
            if value is not None and (best is None or best[0] > 2):
                best = (2, value, base + bare.start("y"), base + bare.end("dd"))
    if best is not None:
        found.put("date", best[1], best[2], best[3], "date_line")
