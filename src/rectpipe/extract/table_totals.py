"""Totals of a count table (a 汇总 sheet): a header naming the problem count and the statuses
(问题类别 | 问题数 | 已完成 | 正在推进 | 长期坚持) and a 合计 row of figures under them.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from .status import normalise_status

__all__ = ["count_table_totals"]

_SUM = compile_pattern(r"^(?:合\s*计|总\s*计)$")
_FIGURE = compile_pattern(r"^\s*(?P<n>[0-9]{1,5})\s*(?:个|项|条|件)?\s*$")
# The problem count's column: 问题数, 问题总数, 问题个数, 反馈问题数.
_PROBLEMS = compile_pattern(
    r"问题(?:总数|个数|数量|数)$|^(?:总数|问题总计)$"
    # a count of the tasks the findings were broken into (任务数, 整改任务数)
    r"|^(?:整改)?任务(?:总数|个数|数量|数)$"
)


# A column of the share done (完成率, 整改完成率, 销号率) and a share as a table writes it (66.7%).
_RATE_COLUMN = compile_pattern(r"^(?:整改)?(?:完成|销号|办结|整改)率$")
_SHARE = compile_pattern(r"^\s*(?P<r>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]\s*$")


def count_table_totals(
    rows: tuple[tuple[str, ...], ...], profile: Profile
) -> tuple[dict[str, int], int, float | None] | None:
    """The totals the 合计 row of the count table ``rows`` gives, by field, with the row's
    index and the share done its rate column gives; ``None`` when ``rows`` is no such table
    (no header naming the problem count, no 合计 row of figures)."""
    header = rows[0] if rows else ()
    fields: dict[int, str] = {}
    rate_column: int | None = None
    for column, cell in enumerate(header):
        name = cell.replace(" ", "").replace("\n", "")
        if _RATE_COLUMN.match(name):
            rate_column = column
        elif _PROBLEMS.search(name):
            fields[column] = "problems"
        elif name and (match := normalise_status(name, profile)) is not None and len(name) <= 8:
            fields[column] = match.status.value
    if "problems" not in fields.values() or len(fields) < 2:
        return None
    for r in range(len(rows) - 1, 0, -1):
        row = rows[r]
        if not row or not _SUM.match(row[0].strip()):
            continue
        values: dict[str, int] = {}
        for column, field in fields.items():
            figure = _FIGURE.match(row[column]) if column < len(row) else None
            if figure is not None and field not in values:
                values[field] = int(figure.group("n"))
        share = (
            _SHARE.match(row[rate_column])
            if rate_column is not None and rate_column < len(row)
            else None
        )
        rate = float(share.group("r")) if share is not None else None
        return (values, r, rate) if "problems" in values else None
    return None
