"""The 填报 line of a ledger or an attachment: ``填报单位：X（盖章）  填报日期：2024年10月15日``
names who filled the table in (its issuer) and when (its date).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..runtime.patterns import compile_pattern
from ..text.dates import find_dates
from .collector import Collector

__all__ = ["fill_lines"]

# 填报单位：X（盖章） / 报送单位：X / 填报单位（盖章）：X — the unit ends at the seal note, a run of
# blanks, the next label or the line's end.
_UNIT = compile_pattern(
    r"(?:填报|报送|填表)单位\s*(?:[（(]\s*(?:盖章|公章)\s*[）)])?\s*[：:∶]\s*"
    r"(?P<v>[^\s（(：:∶，,；;。]{2,40}?)\s*(?:[（(]\s*(?:盖章|公章)\s*[）)]|\s{2,}|\t|$|(?=填报|报送|填表))"
)
_DATE = compile_pattern(r"(?:填报|报送|填表)(?:日期|时间)\s*[：:∶]\s*(?P<v>[^\s，,；;。]{6,20})")


def fill_lines(found: Collector, blocks: Sequence[int]) -> None:
    """Issuer and date from the first 填报单位 / 填报日期 line among ``blocks``."""
    for index in blocks:
        line = found.line(index)
        if "单位" not in line and "日期" not in line and "时间" not in line:
            continue
        start = found.span(index)[0]
        unit = _UNIT.search(line)
        if unit is not None:
            found.put("issuer", unit.group("v"), start + unit.start("v"), start + unit.end("v"))
        date = _DATE.search(line)
        if date is not None:
            dates = find_dates(date.group("v"))
            if dates:
                at = start + date.start("v")
                found.put("date", dates[0].iso, at + dates[0].start, at + dates[0].end)
        elif unit is not None:
            # a ledger's closing row: 填报单位（盖章）：X in its first cells, the day in a later one
            rest = line[unit.end() :]
            dates = [d for d in find_dates(rest) if len(d.iso) == 10]
            if dates:
                at = start + unit.end()
                found.put("date", dates[-1].iso, at + dates[-1].start, at + dates[-1].end)
