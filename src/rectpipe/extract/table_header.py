"""The header of a ledger table: which column holds which field, two-row headers (a cell
merged across over sub-columns), and status given as a tick under one of several status
columns.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern
from .status import StatusMatch, normalise_status

__all__ = [
    "align_header",
    "column_map",
    "is_sub_header",
    "tick_columns",
    "ticked",
    "with_sub_header",
]

# Endings of a count column (问题数, 完成数量, 整改个数).
_COUNTS = ("数", "数量", "个数", "件数")

# The unit a header gives its figures in, after it in brackets (问题数（个）, 金额(万元)).
_UNIT_AFTER = compile_pattern(r"[（(][^（()）]{1,4}[)）]$")

# Endings of a responsible header naming a person or post rather than a unit.
_POSTS = ("领导", "人")

# Marks that tick a cell (a status column of several: 已完成 | 正在推进 | 长期坚持).
TICKS = frozenset("√✓✔☑●")


def column_map(row: tuple[str, ...], profile: Profile) -> dict[str, int]:
    """Which column holds which field, when ``row`` reads as a header row.

    A header naming a field exactly wins over one that only starts (or ends) with a field's
    name: 问题类别 is the category column, not the problem column 问题…. Of two responsible
    columns, the unit's wins over the post's (责任领导 | 责任单位: the 责任单位).
    """
    mapping: dict[str, int] = {}
    names = [cell.replace(" ", "").replace("\n", "") for cell in row]
    for exact in (True, False):
        for column, name in enumerate(names):
            if (
                not name
                or column in mapping.values()
                or _UNIT_AFTER.sub("", name).endswith(_COUNTS)
            ):
                continue  # 问题数, 完成数量, 问题数（个）: a count per row, not a field
            for field, headers in profile.table_columns.items():
                if field not in mapping and _names_field(name, field, headers, exact=exact):
                    mapping[field] = column
                    break
    _unit_over_post(names, mapping, profile)
    _day_done_beside_limit(names, mapping, profile)
    _tasks_beside_findings(names, mapping)
    _state_over_results(names, mapping)
    if "actions" in mapping and "status" not in mapping:
        # 整改措施 … 整改情况: how things stand (…情况), after the measures column, is the
        # progress, where the status is told.
        taken = set(mapping.values())
        actions = profile.table_columns.get("actions", ())
        for column in range(mapping["actions"] + 1, len(row)):
            name = row[column].replace(" ", "").replace("\n", "")
            if column not in taken and name.endswith("情况") and name in actions:
                mapping["status"] = column
                break
    return mapping


# A column of the tasks set for each finding (整改任务): the finding's own column when no
# other names the finding, its measures beside a finding's column (反馈问题 | 整改任务).
_TASKS_COLUMN = ("整改任务", "整改任务及措施", "具体整改任务")


def _tasks_beside_findings(names: list[str], mapping: dict[str, int]) -> None:
    """反馈问题 | 整改任务 | …: the tasks are the measures, when no measures column is named."""
    if "actions" in mapping or "title" not in mapping:
        return
    for column, name in enumerate(names):
        if name in _TASKS_COLUMN and column not in mapping.values():
            mapping["actions"] = column
            return


# A column that holds the state alone (整改状态, 完成状态, 是否完成): the status, over a column
# that tells the results (整改完成情况: what was done, in sentences).
# (not 是否销号: whether the item was signed off, beside how it stands)
_STATE_COLUMN = compile_pattern(r"状态$|^是否(?:完成|整改完成|整改到位)$")
_RESULTS_COLUMN = compile_pattern(r"(?:情况|结果|进展|成效)$")


def _state_over_results(names: list[str], mapping: dict[str, int]) -> None:
    """整改完成情况 | 整改状态: the state's column is the status; the results' column is the
    account (the measures' column when none is named)."""
    status = mapping.get("status")
    if status is None or not _RESULTS_COLUMN.search(names[status]):
        return
    state = next(
        (
            column
            for column, name in enumerate(names)
            if column not in mapping.values() and name and _STATE_COLUMN.search(name)
        ),
        None,
    )
    if state is None:
        return
    mapping["status"] = state
    if "actions" not in mapping:
        mapping["actions"] = status


def progress_beside_state(names: Sequence[str], mapping: dict[str, int]) -> int | None:
    """The results' column left beside a yes-or-no state column (是否完成 | 进展情况: how far
    the work got when it is not done), or ``None``."""
    status = mapping.get("status")
    if status is None or status >= len(names) or not names[status].startswith("是否"):
        return None
    return next(
        (
            column
            for column, name in enumerate(names)
            if column not in mapping.values() and name and _RESULTS_COLUMN.search(name)
        ),
        None,
    )


def _day_done_beside_limit(names: list[str], mapping: dict[str, int], profile: Profile) -> None:
    """Two columns that name a time (整改时限 | 完成时间): the one that says a limit (时限,
    期限) is the deadline, the other the day the problem was put right (``done_on``)."""
    if "deadline" not in mapping or "done_on" in mapping:
        return
    headers = profile.table_columns.get("deadline", ())
    timed = [c for c, name in enumerate(names) if name in headers]
    if len(timed) != 2:
        return
    limit = [c for c in timed if _LIMIT.search(names[c])]
    if len(limit) != 1:
        return
    mapping["deadline"] = limit[0]
    mapping["done_on"] = next(c for c in timed if c != limit[0])


_LIMIT = compile_pattern(r"时限|期限")


def _names_field(name: str, field: str, headers: tuple[str, ...], *, exact: bool) -> bool:
    """Whether the header ``name`` names ``field`` (exactly, or on the second pass by its
    start or end)."""
    if name in headers:
        return True
    if exact:
        return False
    # 责任人被处理情况: a …情况 column tells what happened, it names no one
    if field not in ("actions", "status") and name.endswith("情况"):
        return False
    return (
        any(name.startswith(h) for h in headers if len(h) >= 2)
        # 督察反馈问题, 巡察发现问题: a known header with who found it in front
        # 整改责任科室: a responsible header with what it is for in front
        # 调查核实及整改情况: a measures header with what came before the work in front
        or (field in _ENDS_AS_ITS_HEADER and any(name.endswith(h) for h in headers if len(h) >= 3))
        or (
            field in ("title", "responsible")
            and any(name.endswith(h) for h in headers if len(h) == 2)
        )
        # 办理状态, 完成状态, 当前状态: what the state is of, or when, in front of 状态
        or (field == "status" and name.endswith(_STATE))
        # 计划完成时间, 要求完成时限: the time set, not the day it was done (实际完成时间)
        or (
            field == "deadline"
            and name.startswith(_SET)
            and any(name.endswith(h) for h in headers if len(h) >= 3)
        )
    )


# Fields whose header may have words in front of a known one (of three characters or more).
_ENDS_AS_ITS_HEADER = frozenset({"title", "responsible", "actions"})
_STATE = "状态"
_SET = ("计划", "要求", "预计", "规定", "承诺")


def _is_post(name: str) -> bool:
    """A responsible header naming a person or post (责任领导, 整改责任人), not a unit."""
    return name.endswith(_POSTS)


def _unit_over_post(names: list[str], mapping: dict[str, int], profile: Profile) -> None:
    """When the responsible column names a post and a later free column names a unit
    (责任领导 | 责任科室, 整改责任人 … 牵头单位), the unit's column is the responsible one."""
    column = mapping.get("responsible")
    if column is None or not _is_post(names[column]):
        return
    headers = profile.table_columns.get("responsible", ())
    taken = set(mapping.values())
    for other, name in enumerate(names):
        if (
            other not in taken
            and name
            and not _is_post(name)
            and any(_names_field(name, "responsible", headers, exact=e) for e in (True, False))
        ):
            mapping["responsible"] = other
            return


def is_sub_header(header: tuple[str, ...], below: tuple[str, ...]) -> bool:
    """``below`` is the second row of a two-row header: under a header cell merged over
    several columns (the same text side by side) it names each column, and elsewhere it repeats
    the header (a cell merged down) or is empty."""
    spanning = False
    for c, text in enumerate(below):
        above = header[c] if c < len(header) else ""
        if not text or text == above:
            continue
        merged = (c > 0 and header[c - 1] == above) or (
            c + 1 < len(header) and header[c + 1] == above
        )
        if not above or not merged or len(text) > 12:
            return False
        spanning = True
    return spanning


def with_sub_header(
    columns: dict[str, int],
    header: tuple[str, ...],
    below: tuple[str, ...],
    profile: Profile,
) -> tuple[dict[str, int], list[int]]:
    """Columns once the sub-header names its columns, and the actions' further columns."""
    own = column_map(
        tuple(b if b != h else "" for h, b in zip(header, below, strict=False)), profile
    )
    columns = dict(columns)
    for name, column in own.items():
        if name != "actions":
            columns[name] = column  # a sub-column naming its own field (完成情况) is that field
    more: list[int] = []
    if "actions" in columns:
        first = columns["actions"]
        span = [c for c in range(len(header)) if header[c] == header[first]]
        span = [c for c in span if c not in columns.values() or c == first]
        columns["actions"] = span[0]
        more = span[1:]
    return columns, more


def align_header(header: tuple[str, ...], below: tuple[str, ...]) -> tuple[str, ...]:
    """``header`` laid over the columns of ``below``, its second row, when a cell merged across
    appears once (Word, web pages: 整改情况 over 整改措施 | 完成情况) or is followed by empty
    cells (PDF): the merged cell is repeated over the columns it spans. Cells merged down
    repeat in both rows and anchor the alignment; ``header`` comes back unchanged when the two
    rows do not line up so."""
    if len(header) < len(below):
        aligned: list[str] = []
        j = 0
        for i, text in enumerate(header):
            if j < len(below) and below[j] == text:
                aligned.append(text)
                j += 1
                continue
            following = header[i + 1] if i + 1 < len(header) else None
            k = j + 1
            while k < len(below) and (following is None or below[k] != following):
                k += 1
            aligned.extend([text] * (k - j))
            j = k
        return tuple(aligned) if len(aligned) == len(below) else header
    if len(header) == len(below):
        filled = list(header)
        for c in range(1, len(filled)):
            if not filled[c] and below[c] and filled[c - 1] and below[c - 1] != filled[c - 1]:
                filled[c] = filled[c - 1]
        return tuple(filled)
    return header


def tick_columns(
    header: tuple[str, ...], below: tuple[str, ...], status: int | None, profile: Profile
) -> dict[int, tuple[StatusMatch, str]]:
    """The sub-columns of a status header merged across (整改状态 over 已完成 | 正在推进 |
    长期坚持) whose names are statuses: a tick in one of them is the row's status."""
    if status is None or status >= len(header):
        return {}
    found: dict[int, tuple[StatusMatch, str]] = {}
    for c, name in enumerate(below):
        if c < len(header) and header[c] == header[status] and name != header[c]:
            match = normalise_status(name, profile)
            if match is not None:
                found[c] = (match, name.strip())
    return found if len(found) >= 2 else {}


def ticked(cell: str) -> bool:
    """Whether ``cell`` holds a tick mark alone."""
    text = cell.strip()
    return bool(text) and all(ch in TICKS for ch in text)
