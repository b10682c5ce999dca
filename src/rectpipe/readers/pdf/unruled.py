"""Internal: tables drawn without ruling lines, found from the alignment of their text.

A table without lines still leaves its mark: its rows are lines broken by wide holes (the cell
padding between columns, about an em), and down the table those holes line up into gutters no
glyph crosses. Running text has neither (a justified line has no hole; a paragraph crosses any
gutter). A page's lines are read top down:

- a table starts at a line with holes (its header, or a first row), which give the candidate
  gutters;
- each following line keeps the gutters it does not cross (narrowed to where it leaves them
  free); a line that crosses one ends the table, unless it is a single stretch of text starting
  at the table's left edge and the next line keeps every gutter: a row spanning the table
  (a category, 一、…), which stays in the table as a row of one cell;
- lines at the end with text in the first column alone (a signature, a date at the left
  edge) are given back;
- a table needs ``settings.unruled_min_columns`` columns and ``unruled_min_rows`` lines with
  holes at least, else its lines are running text again.

Columns are the stretches between gutters, each starting where its text starts. A row starts at
a line with text in the first column after a line without (or after a spanning row), or, when
the first column holds short marks (序号 1, 2, 3), at each of them. Each line's characters go
to the column holding their centres, and a cell's pieces of lines make its text as a ruled
cell's lines do (:func:`.cells.lines_text`).

A table that ends its page goes on at the top of the next one when the lines there lie within
its columns (:func:`.unruled_pages.continue_table`): a repeated header and the rest of a cut
row often have too few holes to be found on their own.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Sequence

from ...runtime.record import record
from .cells import EMPTY_CELL, CellText, is_row_mark, lines_text
from .lines import Line
from .settings import LayoutSettings
from .tables import TableGrid

__all__ = ["Region", "build_grid", "find_unruled_tables", "line_stretches"]

Interval = tuple[float, float]


def line_stretches(line: Line, hole: float) -> list[Interval]:
    """The stretches of text of ``line``: its extent cut at every hole of at least ``hole`` em
    between two glyphs (spaces count as holes)."""
    text = line.text
    x0s, x1s = line.edges()
    if not text:
        return []
    wide = hole * line.size
    stretches: list[Interval] = []
    start: float | None = None
    end = 0.0
    for ch, a, b in zip(text, x0s, x1s, strict=False):
        if ch.isspace():
            continue
        if start is None:
            start, end = a, b
            continue
        if a - end >= wide:
            stretches.append((start, end))
            start = a
        end = max(end, b)
    if start is not None:
        stretches.append((start, end))
    return stretches


def _may_have_holes(line: Line, hole: float) -> bool:
    """A quick test: whether ``line`` can have a hole of ``hole`` em at all (most lines of a
    page cannot, and are not looked at glyph by glyph)."""
    x0s, x1s = line.edges()
    if len(x0s) < 2:
        return False
    if " " in line.text or "\u3000" in line.text:
        return True
    if line.widest is not None and len(x0s) == len(line.x0s):  # measured on these edges
        return line.widest >= hole * line.size
    gaps = map(operator.sub, x0s[1:], x1s)
    return any(map(operator.ge, gaps, itertools.repeat(hole * line.size)))


def _keep(gutters: list[Interval], stretches: list[Interval], narrowest: float) -> list[Interval]:
    """``gutters`` narrowed to where ``stretches`` leave them free; a gutter a stretch crosses
    (or narrows below ``narrowest`` points) is gone."""
    kept: list[Interval] = []
    for a, b in gutters:
        for s0, s1 in stretches:
            if s1 <= a or s0 >= b:
                continue
            if s0 <= a and s1 >= b:
                a = b  # crossed
                break
            if s0 <= a:
                a = s1
            elif s1 >= b:
                b = s0
            else:
                a = b  # text inside the gutter, with room on both sides: no gutter
                break
        if b - a >= narrowest:
            kept.append((a, b))
    return kept


def _holes(stretches: list[Interval]) -> list[Interval]:
    return [(a[1], b[0]) for a, b in itertools.pairwise(stretches)]


@record(frozen=False)
class Region:
    """Lines of one candidate table: ``first`` to ``last`` (indices into the page's lines),
    the gutters they leave free, the spanning rows among them, and how many have holes."""

    first: int
    last: int
    gutters: list[Interval]
    spanning: set[int]
    holed: int


def _grow(
    start: int,
    lines: Sequence[Line],
    stretches: list[list[Interval]],
    settings: LayoutSettings,
) -> Region:
    """The table that starts at line ``start`` (a line with holes), as far as it goes."""
    narrowest = settings.unruled_gutter_ratio * lines[start].size
    gutters = [g for g in _holes(stretches[start]) if g[1] - g[0] >= narrowest]
    region = Region(start, start, gutters, set(), 1)
    left = stretches[start][0][0]
    pitch = 0.0
    k = start + 1
    while k < len(lines) and region.gutters:
        line, prev = lines[k], lines[region.last]
        step = line.top - prev.top
        if step <= 0:
            step = 0.0
        elif pitch and step > settings.unruled_gap_ratio * max(pitch, line.size * 1.2):
            break  # a wider gap than rows leave: the table ended
        kept = _keep(region.gutters, stretches[k], narrowest)
        if len(kept) == len(region.gutters):
            region.gutters = kept
        elif (
            len(stretches[k]) == 1
            and abs(stretches[k][0][0] - left) <= line.size
            and k + 1 < len(lines)
            and len(_keep(region.gutters, stretches[k + 1], narrowest)) == len(region.gutters)
        ):
            region.spanning.add(k)
        else:
            break
        if len(stretches[k]) > 1:
            region.holed += 1
        if step:
            pitch = step if not pitch else min(pitch, step)
        region.last = k
        k += 1
    return region


def _trim(region: Region, lines: Sequence[Line], stretches: list[list[Interval]]) -> None:
    """Give back the lines at the end of ``region`` that are text in the first column alone,
    or rows spanning the table: what follows a table at its left edge (a signature, a date, a
    note) is no row of it."""
    starts = _columns(region, stretches)
    while region.last > region.first:
        k = region.last
        alone = all(_column_of(s0, starts, lines[k].size) == 0 for s0, _ in stretches[k])
        if not alone and k not in region.spanning:
            break
        region.spanning.discard(k)
        region.last -= 1


def _columns(region: Region, stretches: list[list[Interval]]) -> list[float]:
    """Where each column's text starts: the first stretch right of each gutter (and of the
    table's left edge)."""
    bounds = [g[1] for g in region.gutters]
    starts = [float("inf")] * (len(bounds) + 1)
    for k in range(region.first, region.last + 1):
        if k in region.spanning:
            continue
        for s0, _ in stretches[k]:
            column = sum(1 for b in bounds if s0 >= b - 0.5)
            starts[column] = min(starts[column], s0)
    return starts


def _column_of(x: float, starts: Sequence[float], tolerance: float) -> int:
    column = 0
    for c, start in enumerate(starts):
        if x >= start - tolerance:
            column = c
    return column


def _rows(
    region: Region,
    lines: Sequence[Line],
    stretches: list[list[Interval]],
    starts: Sequence[float],
    settings: LayoutSettings,
) -> list[int]:
    """The line (index) each row starts at: the table's first line; a spanning row and the
    line after it; a line with text in the first column after one without, or at every row
    mark (1, 2, 3: :func:`~.cells.is_row_mark`) there when the first column holds only short
    texts (序号); and the line after the first when a wider gap than the table's line pitch
    follows that one (a header)."""
    body = [k for k in range(region.first, region.last + 1) if k not in region.spanning]
    in_first = {
        k: [s for s in stretches[k] if _column_of(s[0], starts, lines[k].size) == 0] for k in body
    }
    marks = all(
        s[1] - s[0] <= settings.unruled_mark_chars * lines[k].size
        for k in body
        for s in in_first[k]
    )
    steps = sorted(
        lines[k].top - lines[k - 1].top
        for k in range(region.first + 1, region.last + 1)
        if lines[k].top > lines[k - 1].top
    )
    pitch = steps[len(steps) // 2] if steps else 0.0
    firsts: list[int] = []
    previous_first = False
    for k in range(region.first, region.last + 1):
        if k in region.spanning or not firsts or (k - 1) in region.spanning:
            firsts.append(k)
            previous_first = bool(in_first.get(k))
            continue
        has_first = bool(in_first[k])
        mark = marks and has_first and is_row_mark(_first_text(lines[k], starts))
        header = (
            k == region.first + 1
            and lines[k].top - lines[k - 1].top > settings.unruled_row_gap_ratio * pitch
        )
        if header or mark or (has_first and not previous_first):
            firsts.append(k)
        previous_first = has_first
    return firsts


def _first_text(line: Line, starts: Sequence[float]) -> str:
    """The text of ``line`` in the first column (whose right side is taken half an em before
    the second column's text)."""
    if len(starts) < 2:
        return line.text
    piece = _slice(line, -math.inf, starts[1] - 0.5 * line.size)
    return piece.text if piece is not None else ""


def find_unruled_tables(
    lines: list[Line], settings: LayoutSettings
) -> tuple[list[TableGrid], list[Line]]:
    """Tables without ruling lines among a page's ``lines`` (top down, as
    :func:`~.lines.build_lines` gives them), and the lines left outside them (``lines`` itself
    when there are none)."""
    hole = settings.unruled_hole_ratio
    if not any(_may_have_holes(line, hole) for line in lines):
        return [], lines
    stretches = [line_stretches(line, hole) for line in lines]
    grids: list[TableGrid] = []
    taken: set[int] = set()
    k = 0
    while k < len(lines):
        if len(stretches[k]) < 2:
            k += 1
            continue
        region = _grow(k, lines, stretches, settings)
        _trim(region, lines, stretches)
        columns = len(region.gutters) + 1
        if columns < settings.unruled_min_columns or region.holed < settings.unruled_min_rows:
            k += 1
            continue
        starts = _columns(region, stretches)
        size = lines[region.first].size
        xs = [start - settings.unruled_padding_ratio * size for start in starts]
        grids.append(build_grid(region, lines, stretches, xs, settings, starts=starts))
        taken.update(range(region.first, region.last + 1))
        k = region.last + 1
    if not grids:
        return [], lines
    return grids, [line for i, line in enumerate(lines) if i not in taken]


def _slice(line: Line, a: float, b: float) -> Line | None:
    """The part of ``line`` whose characters' centres lie between ``a`` and ``b``."""
    x0s, x1s = line.edges()
    keep = [i for i, (c0, c1) in enumerate(zip(x0s, x1s, strict=False)) if a <= (c0 + c1) / 2 < b]
    if not keep:
        return None
    i, j = keep[0], keep[-1] + 1
    text = line.text[i:j]
    while text and text[0].isspace():
        i, text = i + 1, text[1:]
    while text and text[-1].isspace():
        j, text = j - 1, text[:-1]
    if not text:
        return None
    return Line(
        line.page,
        text,
        x0s[i],
        max(x1s[i:j]),
        line.top,
        line.bottom,
        line.size,
        j - i,
        0.0,
        list(x0s[i:j]),
        list(x1s[i:j]),
        line.score,
    )


def build_grid(
    region: Region,
    lines: Sequence[Line],
    stretches: list[list[Interval]],
    bounds: list[float],
    settings: LayoutSettings,
    *,
    starts: Sequence[float] | None = None,
) -> TableGrid:
    """The grid of ``region``: columns from their left sides ``bounds``, rows from
    :func:`_rows`, each line's characters put in the column holding their centres (a spanning
    row's all in its first cell)."""
    if starts is None:
        starts = [b + settings.unruled_padding_ratio * lines[region.first].size for b in bounds]
    body = lines[region.first : region.last + 1]
    pad = settings.unruled_padding_ratio * body[0].size
    right = max(line.x1 for line in body) + pad
    xs = [*bounds, max(right, bounds[-1] + pad)]
    firsts = _rows(region, lines, stretches, starts, settings)
    n_cols = len(bounds)
    cells: list[list[list[Line]]] = [[[] for _ in range(n_cols)] for _ in firsts]
    row = -1
    for k in range(region.first, region.last + 1):
        if row + 1 < len(firsts) and firsts[row + 1] == k:
            row += 1
        line = lines[k]
        if k in region.spanning:
            cells[row][0].append(line)
            continue
        for c in range(n_cols):
            piece = _slice(
                line, xs[c] if c else -math.inf, xs[c + 1] if c + 1 < n_cols else math.inf
            )
            if piece is not None:
                cells[row][c].append(piece)
    matrix: list[list[CellText]] = []
    spans: list[tuple[int, ...]] = []
    for r, k in enumerate(firsts):
        if k in region.spanning:
            matrix.append([lines_text(cells[r][0], (xs[0], xs[-1]), settings)])
            matrix[-1] += [EMPTY_CELL] * (n_cols - 1)
            spans.append((0,) * n_cols)
            continue
        matrix.append(
            [lines_text(cells[r][c], (xs[c], xs[c + 1]), settings) for c in range(n_cols)]
        )
        spans.append(tuple(range(n_cols)))
    top = min(line.top for line in body)
    bottom = max(line.bottom for line in body)
    return TableGrid(
        bbox=(xs[0], top, xs[-1], bottom),
        xs=tuple(xs),
        rows=tuple(tuple(cell.text for cell in row) for row in matrix),
        rooms=tuple(tuple(round(cell.room, 2) for cell in row) for row in matrix),
        leads=tuple(tuple(round(cell.lead, 2) for cell in row) for row in matrix),
        spans=tuple(spans),
        ruled=False,
    )
