"""Internal: a table without ruling lines (:mod:`.unruled`) across pages.

A table that ends its page goes on at the top of the next one when the lines there lie within
its columns (:func:`continue_table`): a repeated header and the rest of a cut row often have
too few holes to be found on their own. A line spanning the table (a category, 一、…) joins it
as a row of one cell (:func:`with_spanning_rows`), and two parts of one table become one grid
(:func:`joined`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...runtime.record import replace
from .cells import lines_text
from .lines import Line
from .settings import LayoutSettings
from .tables import TableGrid
from .unruled import Interval, Region, build_grid, line_stretches

__all__ = ["continue_table", "joined", "spans_table", "with_spanning_rows"]


def continue_table(
    table: TableGrid, lines: list[Line], settings: LayoutSettings, *, more: bool = False
) -> tuple[TableGrid | None, list[Line]]:
    """The rest of ``table`` (a table without lines that ended its page) at the top of the next
    page, whose ``lines`` (top down, furniture removed) are given: the leading lines whose text
    all lies within its columns, up to a wider gap than the table's rows leave, and the rows
    spanning the table among them (:func:`spans_table`, followed by such a line, or last when
    ``more`` of the table follows them); and the lines after them. ``None`` and ``lines`` when
    the page does not start so."""
    hole = settings.unruled_hole_ratio
    bounds = table.xs[:-1]
    pieces = [line_stretches(line, hole) for line in lines]
    fits = [bool(p) and all(_within(piece, bounds) for piece in p) for p in pieces]
    spanning: set[int] = set()
    taken = 0
    pitch = 0.0
    while taken < len(lines):
        line = lines[taken]
        if not fits[taken]:
            following = fits[taken + 1] if taken + 1 < len(lines) else more
            if not (spans_table(line, table, settings) and following):
                break
            spanning.add(taken)
        if taken:
            step = line.top - lines[taken - 1].top
            if step > settings.unruled_gap_ratio * max(pitch, 1.2 * line.size):
                spanning.discard(taken)
                break
            if step > 0:
                pitch = step if not pitch else min(pitch, step)
        taken += 1
    if not taken:
        return None, lines
    holed = sum(1 for p in pieces[:taken] if len(p) > 1)
    region = Region(0, taken - 1, [], spanning, holed)
    starts = [x + settings.unruled_padding_ratio * lines[0].size for x in bounds]
    grid = build_grid(region, lines[:taken], pieces[:taken], list(bounds), settings, starts=starts)
    return grid, lines[taken:]


def spans_table(line: Line, table: TableGrid, settings: LayoutSettings) -> bool:
    """Whether ``line`` reads as a row spanning ``table`` (a table without lines): one stretch
    of text starting where the first column's text starts."""
    pieces = line_stretches(line, settings.unruled_hole_ratio)
    start = table.xs[0] + settings.unruled_padding_ratio * line.size
    return len(pieces) == 1 and abs(pieces[0][0] - start) <= line.size


def with_spanning_rows(
    table: TableGrid, lines: Sequence[Line], settings: LayoutSettings, *, before: bool
) -> TableGrid:
    """``table`` with a row spanning it for each of ``lines``, before its rows or after."""
    width = len(table.xs) - 1
    cells = [lines_text([line], (table.xs[0], table.xs[-1]), settings) for line in lines]
    rows = tuple((cell.text,) + ("",) * (width - 1) for cell in cells)
    rooms = tuple((round(cell.room, 2),) + (0.0,) * (width - 1) for cell in cells)
    leads = tuple((round(cell.lead, 2),) + (0.0,) * (width - 1) for cell in cells)
    spans = tuple((0,) * width for _ in cells)
    top = min([table.bbox[1], *(line.top for line in lines)])
    bottom = max([table.bbox[3], *(line.bottom for line in lines)])
    bbox = (table.bbox[0], top, table.bbox[2], bottom)
    if before:
        return replace(
            table,
            bbox=bbox,
            rows=rows + table.rows,
            rooms=rooms + table.rooms,
            leads=leads + table.leads,
            spans=spans + table.spans,
        )
    return replace(
        table,
        bbox=bbox,
        rows=table.rows + rows,
        rooms=table.rooms + rooms,
        leads=table.leads + leads,
        spans=table.spans + spans,
    )


def joined(upper: TableGrid, lower: TableGrid) -> TableGrid:
    """Two parts of one table without lines, one above the other on a page, as one grid (the
    upper part's columns)."""
    xs = (*upper.xs[:-1], max(upper.xs[-1], lower.xs[-1]))
    bbox = (upper.bbox[0], upper.bbox[1], xs[-1], max(upper.bbox[3], lower.bbox[3]))
    return replace(
        upper,
        bbox=bbox,
        xs=xs,
        rows=upper.rows + lower.rows,
        rooms=upper.rooms + lower.rooms,
        leads=upper.leads + lower.leads,
        spans=upper.spans + lower.spans,
    )


def _within(piece: Interval, bounds: Sequence[float]) -> bool:
    """Whether the stretch ``piece`` lies within one column (``bounds``: the columns' left
    sides), crossing no boundary but the table's own left side."""
    column = sum(1 for b in bounds if piece[0] >= b)
    if column == 0:
        return False
    return column == len(bounds) or piece[1] <= bounds[column]
