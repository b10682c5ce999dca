"""Ledger tables (整改台账) → one problem per row, columns mapped through the profile.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models.records import Measure, PathItem, Problem, Provenance, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, escape
from ..text.numbering import Marker, MarkerKind, match_marker
from ..text.sentences import split_first_sentence
from ..text.textmap import TextMap
from .measures import find_cell_measures
from .status import StatusMatch, by_deadline, normalise_status, status_sentence
from .table_header import (
    align_header,
    column_map,
    is_sub_header,
    progress_beside_state,
    tick_columns,
    ticked,
    with_sub_header,
)

if TYPE_CHECKING:
    import regex

__all__ = ["Warn", "ledger_problems"]

Warn = Callable[[str, str, "int | None", "int | None"], None]


def _stripped_start(cell: str, start: int) -> int:
    """Where ``cell`` (starting at ``start`` in the text) begins once stripped of blanks."""
    return start + len(cell) - len(cell.lstrip())


def _cell_offsets(rows: tuple[tuple[str, ...], ...], base: int) -> list[list[int]]:
    offsets: list[list[int]] = []
    position = base
    for row in rows:
        starts: list[int] = []
        for cell in row:
            starts.append(position)
            position += len(cell) + 1  # "\t" between cells, "\n" after the row
        offsets.append(starts)
    return offsets


def ledger_problems(
    index: int,
    textmap: TextMap,
    profile: Profile,
    path: list[PathItem],
    unique: Callable[[str], str],
    warn: Warn,
) -> list[Problem]:
    """Problems from the table block ``index``; ``[]`` when it is not a ledger.

    A ledger has a header row (within its first three rows, or as the line right above the
    table) naming at least the problem column and one of the action / status / responsible
    columns. Rows whose cells all hold the same text (a merged note row) are skipped.
    """
    block = textmap.blocks[index]
    rows = block.cells or ()
    header_at: int | None = None
    columns: dict[str, int] = {}
    for r, row in enumerate(rows[:3]):
        mapping = column_map(row, profile)
        if "title" in mapping and len(mapping) >= 2:
            header_at, columns = r, mapping
            break
    if header_at is None and (columns := _header_line_above(textmap, index, profile)):
        header_at = -1  # the header is the line above: every row is a data row
    if header_at is None:
        return []
    problems: list[Problem] = []
    sections = _sections(rows, header_at, columns, profile)
    for k, (at, mapping) in enumerate(sections):
        end = sections[k + 1][0] if k + 1 < len(sections) else len(rows)
        problems.extend(
            _section_problems(index, textmap, profile, path, unique, warn, (at, end), mapping)
        )
    return problems


def _header_line_above(textmap: TextMap, index: int, profile: Profile) -> dict[str, int]:
    """The columns a paragraph right above a table without a header names, when it is a line
    of as many short header words as the table has columns (序号 反馈问题 整改措施 …: a PDF
    reader that gave the header row as a line); ``{}`` otherwise."""
    rows = textmap.blocks[index].cells or ()
    if index == 0 or not rows or textmap.blocks[index - 1].cells:
        return {}
    line = textmap.block_text(index - 1)
    width = max(len(row) for row in rows)
    words = tuple(line.split())
    if len(words) != width:
        words = _header_words(line.replace(" ", ""), profile)
    if len(words) != width or not _short_cells(words):
        return {}
    mapping = column_map(words, profile)
    return mapping if "title" in mapping and len(mapping) >= 3 else {}


def _header_words(line: str, profile: Profile) -> tuple[str, ...]:
    """``line`` cut into the profile's column names, longest first (序号反馈问题整改措施…, its
    blanks lost in the copy); ``()`` when a part of it is no column name."""
    names = sorted(
        {name for names in profile.table_columns.values() for name in names}, key=len, reverse=True
    )
    words: list[str] = []
    at = 0
    while at < len(line):
        name = next((n for n in names if line.startswith(n, at)), None)
        if name is None:
            return ()
        words.append(name)
        at += len(name)
    return tuple(words)


def _sections(
    rows: tuple[tuple[str, ...], ...], header_at: int, columns: dict[str, int], profile: Profile
) -> list[tuple[int, dict[str, int]]]:
    """Where each table of the block starts (its header row) with its columns: a later row
    that reads as a header of its own with other columns (序号 and the problem column among
    short cells) starts the next table (two tables one after the other that a reader joined
    into one). The same header again is the header repeated on a new page: no new table."""
    sections = [(header_at, columns)]
    for r in range(max(header_at + 2, 0), len(rows)):
        row, at = rows[r], sections[-1][0]
        if row in rows[max(at, 0) : at + 2] or not _short_cells(row):
            continue  # the header (or its second row) again, or a row of text
        mapping = column_map(row, profile)
        new = "title" in mapping and "number" in mapping and len(mapping) >= 3
        if new and mapping != sections[-1][1]:
            sections.append((r, mapping))
    return sections


# A header cell is short (反馈问题内容, 整改完成时限); a longer cell is a row's text.
_HEADER_CELL_CHARS = 12


def _short_cells(row: tuple[str, ...]) -> bool:
    return all(len(cell.strip()) <= _HEADER_CELL_CHARS for cell in row)


def _section_problems(
    index: int,
    textmap: TextMap,
    profile: Profile,
    path: list[PathItem],
    unique: Callable[[str], str],
    warn: Warn,
    bounds: tuple[int, int],
    columns: dict[str, int],
) -> list[Problem]:
    """Problems of one table of the block: the rows from its header row up to ``bounds[1]``,
    read through ``columns``."""
    rows = textmap.blocks[index].cells or ()
    header_at, end = bounds
    first_data = header_at + 1
    more_actions: list[int] = []
    ticks: dict[int, tuple[StatusMatch, str]] = {}
    tick_row = 0
    if header_at >= 0 and first_data < end:
        header = align_header(rows[header_at], rows[first_data])
        if is_sub_header(header, rows[first_data]):
            # 整改措施 over 已采取措施 | 下一步措施: the field spans sub-columns; the first holds
            # it, the others follow it on lines of their own (sub-headers naming a field of
            # their own, 完成情况, are that field). 整改状态 over 已完成 | 正在推进: a tick
            # under one of them is the status.
            below = rows[first_data]
            columns, more_actions = with_sub_header(
                column_map(header, profile), header, below, profile
            )
            ticks = tick_columns(header, below, columns.get("status"), profile)
            tick_row = first_data
            first_data += 1
    offsets = _cell_offsets(rows, textmap.starts[index])
    remark_at = (
        next(
            (
                c
                for c, name in enumerate(rows[header_at])
                if name.strip() in _REMARKS and c not in columns.values()
            ),
            None,
        )
        if header_at >= 0
        else None
    )
    progress_at = (
        progress_beside_state([c.strip() for c in rows[header_at]], columns)
        if header_at >= 0
        else None
    )
    header_rows = set(rows[max(header_at, 0) : first_data])
    sheet = _sheet_path(textmap, index, profile)
    path = [*path, *sheet]
    # Sheets named by status (已完成整改 | 正在整改): the sheet says each row's status.
    by_sheet = _sheet_status(sheet, profile)
    categories: list[PathItem] = []
    last_category = ""
    problems: list[Problem] = []
    width = max(len(row) for row in rows)
    for group in _row_groups(rows, (first_data, end), columns, width):
        r, row = group[0], rows[group[0]]
        if len(group) == 1 and _is_spanning(row, width):
            # A row of one merged cell (repeated across the row, or one cell spanning it as
            # web pages give it): a category heading (一、…) for the rows below it, or a note.
            item = _category_row(_span_text(row))
            if item is not None:
                # 一、 then （一）: the second is under the first; another 一、 replaces both.
                categories = [c for c in categories if _category_level(c) < _category_level(item)]
                categories.append(item)
            continue
        if _is_sum_row(row) or row in header_rows:
            continue  # a 合计 row, or the header repeated on a new page

        def cell(field: str, row: tuple[str, ...] = row) -> str:
            column = columns.get(field)
            return row[column].strip() if column is not None and column < len(row) else ""

        def span(field: str, r: int = r) -> Provenance | None:
            column = columns.get(field)
            if column is None or column >= len(rows[r]) or not rows[r][column].strip():
                return None
            start = offsets[r][column]
            return textmap.provenance(start, start + len(rows[r][column]))

        statement = cell("title")
        if not statement or _FILLED_BY.match(next((c for c in row if c.strip()), "")):
            continue  # (填报单位（盖章）：X … 2025年2月18日: who filled the ledger in, and when)
        number = cell("number") or None
        marked = 0  # the length of a marker the finding's cell opens with, taken off
        if number is None and (own := _own_marker(statement)) is not None:
            # no 序号 column: 1.镇党委理论学习…。 / 问题2：… numbers the finding in its cell
            number, marked = str(own.ordinal), own.end
            statement = statement[marked:].lstrip()
            marked = len(cell("title")) - len(statement)
        statement, own_fields = _fields_in_cell(statement, columns, profile)
        title, description = split_first_sentence(statement)
        sources = {
            name: p
            for name in ("actions", "status", "responsible", "deadline")
            if (p := span(name))
        }
        statement_at = (
            _stripped_start(rows[r][columns["title"]], offsets[r][columns["title"]]) + marked
        )
        sources["title"] = textmap.provenance(statement_at, statement_at + len(title))
        if description:
            at = statement_at + statement.rindex(description)
            sources["description"] = textmap.provenance(at, at + len(description))
        for name in ("actions", "responsible", "deadline"):
            if name in sources:  # the value is the stripped cell
                at = _stripped_start(rows[r][columns[name]], offsets[r][columns[name]])
                sources[name] = textmap.provenance(at, at + len(cell(name)))
        status, long_term, raw = Status.UNKNOWN, False, cell("status") or None
        actions = cell("actions")
        pieces = [actions] if actions else []

        def add_piece(
            text: str,
            at: int,
            pieces: list[str] = pieces,
            sources: dict[str, Provenance] = sources,
        ) -> None:
            # actions joins its pieces line by line; sources "actions", "actions.2"… hold them.
            key = "actions" if not pieces else f"actions.{len(pieces) + 1}"
            pieces.append(text)
            sources[key] = textmap.provenance(at, at + len(text))

        for k, at_row in enumerate(group):
            if k and (more := _cell_of(rows[at_row], columns.get("actions"))):
                # A later row of the problem (its 序号 merged down, or cut by a page break).
                column = columns["actions"]
                add_piece(more, _stripped_start(rows[at_row][column], offsets[at_row][column]))
            for column in more_actions:
                extra = _cell_of(rows[at_row], column)
                if extra:
                    add_piece(extra, _stripped_start(rows[at_row][column], offsets[at_row][column]))
        if by_sheet is not None:
            # The sheet's name is the status; a progress cell tells what was done so far.
            status, long_term, raw = by_sheet.status, by_sheet.long_term, sheet[0].title
            sources.pop("status", None)
            if progress_cell := cell("status"):
                column = columns["status"]
                add_piece(progress_cell, _stripped_start(rows[r][column], offsets[r][column]))
        elif ticks:
            raw = None
            hits = [
                (column, tick, name)
                for column, (tick, name) in ticks.items()
                if column < len(row) and ticked(row[column])
            ]
            if hits:
                # The status is the ticked column's name, in the header's second row; a
                # second tick under 长期坚持 beside 已完成 makes the work long-term.
                column, tick, name = next(
                    (hit for hit in hits if hit[1].status is not Status.ONGOING), hits[0]
                )
                status, raw = tick.status, name
                long_term = any(t.long_term or t.status is Status.ONGOING for _, t, _ in hits)
                at = _stripped_start(rows[tick_row][column], offsets[tick_row][column])
                sources["status"] = textmap.provenance(at, at + len(name))
        elif raw:
            # A progress cell often opens with the status and goes on with what was done:
            # 已完成。修订《…》… → status 已完成, the rest joins the actions on a line of its own.
            lead, progress = split_first_sentence(raw)
            match = normalise_status(lead, profile)
            status_at = _stripped_start(rows[r][columns["status"]], offsets[r][columns["status"]])
            if match is not None and len(lead) <= profile.status_sentence_max_chars:
                raw = lead
                sources["status"] = textmap.provenance(status_at, status_at + len(lead))
                if progress:
                    add_piece(progress, status_at + cell("status").rindex(progress))
            elif (closing := status_sentence(raw, profile)) is not None:
                # A long progress cell: its status is the sentence or clause that states one
                # (…剩余4家正在建设。达到序时进度。), not the first 已完成 inside it.
                s, e, match = closing
                raw = raw[s:e]
                sources["status"] = textmap.provenance(status_at + s, status_at + e)
            else:
                match = normalise_status(raw, profile) or _yes_or_no(
                    raw, rows[header_at][columns["status"]] if header_at >= 0 else ""
                )
                sources["status"] = textmap.provenance(status_at, status_at + len(raw))
            told = _progress_beside_no(match, raw, _cell_of(row, progress_at), profile)
            if told is not None and progress_at is not None:
                # 是否完成：否 beside 进展情况：正在推进。…: not done, and how far it got
                raw, match = told
                at = _stripped_start(rows[r][progress_at], offsets[r][progress_at])
                sources["status"] = textmap.provenance(at, at + len(raw))
            if match is not None:
                status, long_term = match.status, match.long_term
            else:
                found = span("status")
                warn(
                    "status_unrecognised",
                    f"status {raw!r} is not in the profile",
                    found.start if found else None,
                    found.end if found else None,
                )
        remark = _cell_of(row, remark_at)
        if remark and (refined := _refined_by_remark(status, long_term, remark, profile)):
            # √ under 未完成 | 备注：正在推进; √ under 已完成 | 备注：长期坚持
            status, long_term = refined
            if status is not Status.COMPLETED and remark_at is not None:
                raw = remark
                at = _stripped_start(rows[r][remark_at], offsets[r][remark_at])
                sources["status"] = textmap.provenance(at, at + len(remark))
        if "status" not in columns and (done_on := cell("done_on")):
            # 销号时间 2024年9月20日: put right that day; words there say how it stands
            match = normalise_status(done_on, profile) or (
                StatusMatch(Status.COMPLETED, False) if _DAY_DONE.search(done_on) else None
            )
            if match is not None:
                status, long_term, raw = match.status, match.long_term, done_on
                at = _stripped_start(rows[r][columns["done_on"]], offsets[r][columns["done_on"]])
                sources["status"] = textmap.provenance(at, at + len(done_on))
        if status is Status.COMPLETED and len(group) > 1 and "status" in columns:
            # one problem over several measure rows (a merged 问题 cell): done when all are
            behind = _least_advanced(group[1:], rows, columns["status"], profile)
            if behind is not None:
                at_row, match = behind
                status, long_term = match.status, match.long_term
                raw = rows[at_row][columns["status"]].strip()
                at = _stripped_start(
                    rows[at_row][columns["status"]], offsets[at_row][columns["status"]]
                )
                sources["status"] = textmap.provenance(at, at + len(raw))
        measured_cells = [
            (
                text,
                _stripped_start(
                    rows[at_row][columns["actions"]], offsets[at_row][columns["actions"]]
                ),
            )
            for at_row in group
            if (text := _cell_of(rows[at_row], columns.get("actions")))
        ]
        stated = None
        if (
            "status" not in columns
            and "done_on" not in columns
            and by_sheet is None
            and measured_cells
        ):
            # No status column: a progress cell says it in its own words (……。已完成。).
            measured, measured_at = measured_cells[-1]
            stated = status_sentence(measured, profile)
            if stated is not None:
                s, e, match = stated
                status, long_term, raw = match.status, match.long_term, measured[s:e]
                sources["status"] = textmap.provenance(measured_at + s, measured_at + e)
        measures = _cell_measures(measured_cells, stated, textmap)
        actions = "\n".join(pieces)
        if status is Status.ONGOING:  # 持续推进 beside a dated 整改时限 is not long-term
            read = by_deadline(
                StatusMatch(status, long_term), raw, cell("deadline") or None, actions, profile
            )
            status, long_term = read.status, read.long_term
        row_path = [*path, *categories]
        category = cell("category") or (last_category if "category" in columns else "")
        if category:
            # A category column (merged down: a reader may leave its lower cells empty):
            # 一、财务管理 is a heading with its numeral, 工程建设管理 one without.
            row_path.append(_category_row(category) or PathItem(marker=None, title=category))
            last_category = category
        first = offsets[r][0]
        end_row = rows[group[-1]]
        last_cell = len(end_row) - 1
        problems.append(
            Problem(
                id=unique(f"t{index}-r{r}"),
                number=number,
                marker=None,
                path=row_path,
                title=title,
                description=description,
                status=status,
                status_raw=raw,
                long_term=long_term,
                actions=actions,
                measures=measures,
                responsible=cell("responsible") or own_fields.get("responsible"),
                deadline=cell("deadline") or own_fields.get("deadline"),
                provenance=textmap.provenance(
                    first, offsets[group[-1]][last_cell] + len(end_row[last_cell])
                ),
                sources=sources,
            )
        )
    return problems


# A day written whole (2024年9月20日, 2024.9.20, 2024-09-20), not a time limit (年底前).
_DAY_DONE = compile_pattern(
    r"^\s*[0-9]{4}\s*(?:年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[-./]\s*[0-9]{1,2}\s*[-./]\s*[0-9]{1,2})\s*$"
)


def _cell_measures(
    cells: list[tuple[str, int]],
    stated: tuple[int, int, object] | None,
    textmap: TextMap,
) -> list[Measure]:
    """The measures the actions cells of a problem's rows enumerate (``(text, offset)`` each,
    read as one text, a line each: one row per measure is a common layout). A measure ends
    with its cell; in the last cell, before the closing status sentence ``stated`` gives.
    Rows that number none of their measures give one each."""
    joined = "\n".join(text for text, _ in cells)
    bounds: list[tuple[int, int, int]] = []  # (start in joined, end in joined, text offset)
    position = 0
    for text, at in cells:
        bounds.append((position, position + len(text), at))
        position += len(text) + 1
    measures: list[Measure] = []
    found = find_cell_measures(joined)
    if not found and len(cells) >= 2:
        # one problem over several rows, a measure each, none numbered: each row's is one
        for ordinal, (text, at) in enumerate(cells, start=1):
            body = text.strip()
            lead = at + text.find(body)
            measures.append(
                Measure(
                    ordinal=ordinal,
                    marker="",
                    text=body,
                    provenance=textmap.provenance(lead, lead + len(body)),
                )
            )
        return measures
    for m in found:
        start, end, at = next(b for b in bounds if b[0] <= m.marker_start < b[1] + 1)
        stop = min(m.end, end)
        if stated is not None and start == bounds[-1][0] and m.start < start + stated[0] < stop:
            # The closing status sentence is the status, not part of the last measure.
            stop = start + stated[0]
            while stop > m.start and joined[stop - 1] in " \n，,；;":
                stop -= 1
        measures.append(
            Measure(
                ordinal=m.ordinal,
                marker=m.marker,
                text=joined[m.start : stop].strip(),
                provenance=textmap.provenance(at + m.marker_start - start, at + stop - start),
            )
        )
    return measures


_SUM_ROW = compile_pattern(r"^(?:合\s*计|小\s*计|总\s*计|累\s*计|备\s*注|注)(?:[：:（(]|$)")


def _is_sum_row(row: tuple[str, ...]) -> bool:
    """A 合计 / 小计 row (its totals are the report's, read elsewhere) or a 备注 / 注： row:
    never a problem."""
    first = next((cell.strip() for cell in row if cell.strip()), "")
    return bool(_SUM_ROW.match(first))


_NO = ("否", "未", "×", "✗", "✘")
_REMARKS = ("备注", "说明")
_NOT_DONE_YET = (Status.IN_PROGRESS, Status.PARTIALLY_COMPLETED, Status.ONGOING)


def _refined_by_remark(
    status: Status, long_term: bool, remark: str, profile: Profile
) -> tuple[Status, bool] | None:
    """A remark that is a status phrase alone refining the state a tick or a 是/否 gave: not
    done, and the remark tells how it stands (正在推进); done, and the remark keeps the work up
    (长期坚持). ``None`` when it refines nothing."""
    if len(remark) > profile.status_sentence_max_chars:
        return None
    told = normalise_status(remark.rstrip("。；;"), profile)
    if told is None:
        return None
    if status is Status.NOT_COMPLETED and told.status in _NOT_DONE_YET:
        return told.status, told.long_term
    if (
        status is Status.COMPLETED
        and not long_term
        and (told.status is Status.ONGOING or told.long_term)
    ):
        return Status.COMPLETED, True
    return None


def _progress_beside_no(
    match: StatusMatch | None, state: str, progress: str, profile: Profile
) -> tuple[str, StatusMatch] | None:
    """A 否 in a yes-or-no state column (是否完成) beside a results cell that opens by telling
    the work under way, partly done or kept up (正在推进。已补充…): that opening sentence and
    its state; ``None`` otherwise."""
    if match is None or match.status is not Status.NOT_COMPLETED or not progress:
        return None
    if state.strip() not in _NO:
        return None  # (未完成, 尚未整改: a state in words of its own)
    lead = split_first_sentence(progress)[0]
    told = normalise_status(lead, profile)
    if told is None or len(lead) > profile.status_sentence_max_chars:
        return None
    if told.status not in (Status.IN_PROGRESS, Status.PARTIALLY_COMPLETED, Status.ONGOING):
        return None
    return lead, told


def _cell_of(row: tuple[str, ...], column: int | None) -> str:
    return row[column].strip() if column is not None and column < len(row) else ""


# A ledger's closing row: who filled it in, checked it or made it (填报单位（盖章）：…, 制表人：…).
_FILLED_BY = compile_pattern(
    r"^\s*(?:填报|填表|报送|制表|审核|审批)(?:单位|人|日期|时间)\s*(?:[（(][^）)]{1,4}[）)])?\s*[：:∶]"
    r"|^\s*(?:单位负责人|负责人|联系人|经办人)\s*[：:∶]"
)
# The markers that number a finding inside its own cell.
_CELL_MARKERS = (MarkerKind.ARABIC, MarkerKind.ARABIC_PAREN, MarkerKind.LABEL)
# A category row's numeral alone in the 序号 cell, its name in a cell spanning the rest
# (一 | 党的政治建设方面).
_BARE_NUMERAL = compile_pattern(
    r"^\s*(?:[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十]{1,3}[)）])\s*$"
)


@lru_cache(maxsize=16)
def _field_labels(profile: Profile, fields: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One pattern for the labels of ``fields`` and their colon (责任单位：), each field a group
    named for it, the longest label first (profiles hash by identity)."""
    groups = [
        f"(?P<{field}>{'|'.join(escape(w) for w in sorted(words, key=len, reverse=True))})"
        for field in fields
        if (words := profile.labels.get(field, ()))
    ]
    return compile_pattern(rf"(?:{'|'.join(groups)})\s*[：:]") if groups else None


def _fields_in_cell(
    statement: str, columns: dict[str, int], profile: Profile
) -> tuple[str, dict[str, str]]:
    """The finding's cell up to the labels of its unit and time limit (问题1：X。 / 责任单位：县
    生态环境局 / 整改时限：2025年6月底前, on lines of their own or run together as a PDF's cell
    gives them) when the table has no column of their own, and those values by field."""
    wanted = tuple(field for field in ("responsible", "deadline") if field not in columns)
    pattern = _field_labels(profile, wanted) if wanted else None
    if pattern is None or ("：" not in statement and ":" not in statement):
        return statement, {}
    found = [(at.start(), at.end(), at.lastgroup or "") for at in pattern.finditer(statement)]
    fields: dict[str, str] = {}
    for k, (_, value_at, field) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(statement)
        value = statement[value_at:stop].strip().rstrip("。；;，,")
        if value:
            fields.setdefault(field, value)
    if not fields:
        return statement, {}
    return statement[: found[0][0]].strip(), fields


def _own_marker(statement: str) -> Marker | None:
    """The item marker a finding's cell opens with (1. / （1） / 问题1：), when words follow."""
    marker = match_marker(statement)
    if marker is None or marker.kind not in _CELL_MARKERS:
        return None
    return marker if statement[marker.end :].strip() else None


def _numbered_span(row: tuple[str, ...]) -> str | None:
    """``一、党的政治建设方面`` for a row whose first cell holds a bare numeral and whose other
    cells one text between them (a merged cell); ``None`` for any other row."""
    if len(row) < 2 or not _BARE_NUMERAL.match(row[0]):
        return None
    rest = {cell for cell in row[1:] if cell}
    if len(rest) != 1:
        return None
    numeral = row[0].strip()
    return numeral + ("" if numeral.endswith(("）", ")")) else "、") + next(iter(rest))


def _span_text(row: tuple[str, ...]) -> str:
    """The text of a spanning row (:func:`_is_spanning`)."""
    return _numbered_span(row) or next(iter({cell for cell in row if cell}), "")


def _is_spanning(row: tuple[str, ...], width: int) -> bool:
    """Is ``row`` one merged cell (the same text across it or in its first cell, or one cell
    as web pages give it, or a category's numeral and the cell spanning the rest), or empty?"""
    distinct = {cell for cell in row if cell}
    if len(distinct) > 1:
        return _numbered_span(row) is not None
    # Not a row whose only text is in a later column ('', '', '', 三是…): a problem's rest.
    # In a table of two columns, a first cell alone spans it when it is a category heading
    # (一、水污染防治方面 | ''), not a finding whose account is still empty.
    return (
        len(row) < width
        or (len(row) > 2 and (bool(row[0]) or not distinct))
        or (len(row) == 2 and bool(row[0]) and _category_row(row[0]) is not None)
    )


def _row_groups(
    rows: tuple[tuple[str, ...], ...],
    bounds: tuple[int, int],
    columns: dict[str, int],
    width: int,
) -> list[list[int]]:
    """The data rows from ``bounds[0]`` up to ``bounds[1]``, grouped by problem. A row
    belongs to the problem above it when it repeats that problem's 序号 and statement (cells
    merged down, which readers fill in every row they span), or when it has no 序号 and its
    statement is empty or the end of the problem's (a merged cell cut by a page break, or a
    reader that leaves merged cells empty below their first row). Spanning rows (categories,
    notes) stand alone and end a problem."""
    groups: list[list[int]] = []
    open_problem = False
    for r in range(*bounds):
        row = rows[r]
        if _is_spanning(row, width):
            groups.append([r])
            open_problem = False
            continue
        number = _cell_of(row, columns.get("number"))
        statement = _cell_of(row, columns.get("title"))
        if open_problem:
            above = groups[-1][0]
            above_statement = _cell_of(rows[above], columns.get("title"))
            repeats = statement == above_statement and (
                number == _cell_of(rows[above], columns.get("number"))
            )
            # Without a 序号, the rest of the statement cut by a page break (a reader fills a
            # merged cell down with what the new page shows of it) or nothing.
            rest = not number and above_statement.endswith(statement)
            if any(row) and (repeats or rest):
                groups[-1].append(r)
                continue
        groups.append([r])
        open_problem = bool(statement)
    return groups


def _category_row(text: str) -> PathItem | None:
    """A category heading row spanning the table (一、…问题 / （一）…), as a path item."""
    marker = match_marker(text)
    if marker is None or marker.kind not in (MarkerKind.CN, MarkerKind.CN_PAREN):
        return None
    title = split_first_sentence(text[marker.end :])[0].rstrip("：:；;。")
    return PathItem(marker=marker.raw, title=title) if title else None


def _category_level(item: PathItem) -> int:
    marker = match_marker(item.marker or "")
    return marker.kind.value if marker is not None else 0


_DEFAULT_SHEET = compile_pattern(r"(?i)^(?:sheet|工作表|表)\s*\d*$")


def _sheet_path(textmap: TextMap, index: int, profile: Profile) -> list[PathItem]:
    """A workbook of several ledger sheets (one per category): the sheet's name is the rows'
    category, unless it is a default name (Sheet1, 工作表2). Sheets that are no ledger (a 汇总
    count sheet, a 说明 sheet) do not make the workbook one of several ledgers."""
    path = textmap.blocks[index].path
    if not path.startswith("sheet:"):
        return []
    sheets = [
        b
        for b in textmap.blocks
        if b.path.startswith("sheet:") and b.cells and _has_ledger_header(b.cells, profile)
    ]
    name = path[len("sheet:") :]
    if len(sheets) < 2 or _DEFAULT_SHEET.match(name):
        return []
    return [PathItem(marker=None, title=name)]


def _sheet_status(sheet: list[PathItem], profile: Profile) -> StatusMatch | None:
    """The status a ledger sheet's name states (已完成整改, 正在整改问题), when the workbook
    splits its ledger by status over sheets; ``None`` otherwise."""
    if not sheet:
        return None
    name = sheet[0].title
    match = normalise_status(name.removesuffix("问题").removesuffix("事项"), profile)
    return match if match is not None and len(name) <= _SHEET_STATUS_CHARS else None


# A sheet named by status is short (已完成整改问题); a longer name is a category that may
# happen to hold a status word.
_SHEET_STATUS_CHARS = 8


def _has_ledger_header(rows: tuple[tuple[str, ...], ...], profile: Profile) -> bool:
    for row in rows[:3]:
        mapping = column_map(row, profile)
        if "title" in mapping and len(mapping) >= 2:
            return True
    return False


_YES = {"是": Status.COMPLETED, "否": Status.NOT_COMPLETED}


def _yes_or_no(value: str, header: str) -> StatusMatch | None:
    """是 / 否 under a column that asks whether the item is done (是否完成, 是否整改到位)."""
    status = _YES.get(value.strip())
    if status is None or not header.strip().startswith("是否"):
        return None
    return StatusMatch(status, False)


_BEHIND = (Status.NOT_COMPLETED, Status.IN_PROGRESS, Status.PARTIALLY_COMPLETED)


def _least_advanced(
    at_rows: Sequence[int], rows: Sequence[tuple[str, ...]], column: int, profile: Profile
) -> tuple[int, StatusMatch] | None:
    """Of the status cells in ``at_rows``, the one furthest from done (未完成, then 正在推进,
    then 基本完成) and its row, or ``None`` when none is behind."""
    found: list[tuple[int, int, StatusMatch]] = []
    for at_row in at_rows:
        cell = rows[at_row][column].strip() if column < len(rows[at_row]) else ""
        match = normalise_status(cell, profile) if cell else None
        if match is not None and match.status in _BEHIND:
            found.append((_BEHIND.index(match.status), at_row, match))
    if not found:
        return None
    _, at_row, match = min(found, key=lambda f: (f[0], f[1]))
    return at_row, match
