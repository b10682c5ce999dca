"""Internal: ruled tables found from a page's ruling segments, with the text of their cells.

Segments are snapped, joined and intersected with pdfplumber's lattice algorithm; each glyph
goes to the cell holding its centre, and a cell's lines are joined into its text (:mod:`.cells`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from ...runtime.record import record
from .cells import EMPTY_CELL, cell_text
from .glyphs import Char
from .settings import DEFAULT_SETTINGS, LayoutSettings
from .sources import Edge

__all__ = ["TableGrid", "fill_grid", "find_tables", "lattice_cells"]


@record
class TableGrid:
    """A ruled table on one page: cell texts by row, column boundaries and row tops.

    A cell spanning several columns or rows holds its text at its top-left position and ``""``
    elsewhere. Within a cell, wrapped lines are joined and paragraphs separated by ``"\\n"``.
    ``rooms`` and ``leads`` have the shape of ``rows``: the em left after each cell's last line
    and the em width of its first line's unbreakable start (:class:`~.cells.CellText`), to join
    a cell cut by a page break to its rest. ``spans`` holds, for each row and column, the
    first column of the cell covering it (``-1`` where no cell does): a row's cell layout.
    ``ruled`` is false for a table found from the alignment of its text (:mod:`.unruled`),
    whose last column boundary is only where its text ends. ``confidence`` is the lowest OCR
    score of the lines read into the table (``None``: not recognised by OCR).
    """

    bbox: tuple[float, float, float, float]
    xs: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    rooms: tuple[tuple[float, ...], ...] = ()
    leads: tuple[tuple[float, ...], ...] = ()
    spans: tuple[tuple[int, ...], ...] = ()
    ruled: bool = True
    confidence: float | None = None


def _cluster(values: Sequence[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _index(bounds: Sequence[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda k: abs(bounds[k] - value))


def fill_grid(
    xs: Sequence[float],
    ys: Sequence[float],
    owner: dict[tuple[int, int], tuple[int, int]],
    chars: Sequence[Char],
    settings: LayoutSettings,
    *,
    ruled: bool = True,
) -> tuple[TableGrid, list[Char]]:
    """The table whose column and row boundaries are ``xs`` and ``ys``, its cells given by
    ``owner`` (each grid slot → the top-left slot of the cell covering it), with the text of
    the ``chars`` whose centre falls in a cell; and the glyphs left outside the table.

    A glyph within ``settings.table_bbox_margin`` of the table's box still belongs to it.
    """
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    margin = settings.table_bbox_margin
    x_min, x_max = bbox[0] - margin, bbox[2] + margin
    y_min, y_max = bbox[1] - margin, bbox[3] + margin
    buckets: dict[tuple[int, int], list[Char]] = {}
    outside: list[Char] = []
    for char in chars:
        cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        if not (x_min <= cx <= x_max and y_min <= cy <= y_max):
            outside.append(char)
            continue
        r = min(max(bisect.bisect_right(ys, cy) - 1, 0), n_rows - 1)
        c = min(max(bisect.bisect_right(xs, cx) - 1, 0), n_cols - 1)
        slot = owner.get((r, c))
        if slot is not None:
            buckets.setdefault(slot, []).append(char)
    matrix = [[EMPTY_CELL] * n_cols for _ in range(n_rows)]
    right: dict[tuple[int, int], float] = {}  # a cell's right side (merged across: the last)
    for (_, c), slot in owner.items():
        right[slot] = max(right.get(slot, xs[c + 1]), xs[c + 1])
    for (r, c), cell_chars in buckets.items():
        box = (xs[c], right.get((r, c), xs[c + 1]))
        matrix[r][c] = cell_text(cell_chars, box, settings)
    # A cell merged down holds its text in every row it spans, so each row stands alone
    # (as the Word and web readers give it); a cell merged across stays in its first column.
    for (r, c), (r0, c0) in owner.items():
        if r != r0 and c == c0:
            matrix[r][c] = matrix[r0][c0]
    spans = [
        tuple(owner[(r, c)][1] if (r, c) in owner else -1 for c in range(n_cols))
        for r in range(n_rows)
    ]
    grid = TableGrid(
        bbox=bbox,
        xs=tuple(xs),
        rows=tuple(tuple(cell.text for cell in row) for row in matrix),
        rooms=tuple(tuple(round(cell.room, 2) for cell in row) for row in matrix),
        leads=tuple(tuple(round(cell.lead, 2) for cell in row) for row in matrix),
        spans=tuple(spans),
        ruled=ruled,
    )
    return grid, outside


def _lattice_cells(
    edges: Sequence[Edge], settings: LayoutSettings
) -> list[list[tuple[float, float, float, float]]]:
    """Cell boxes of each ruled table drawn by ``edges`` (pdfplumber's lattice algorithm)."""
    from pdfplumber import table as lattice

    objs: list[dict[str, Any]] = []
    for e in edges:
        if e.orientation == "h":
            y = (e.top + e.bottom) / 2
            x0, x1, top, bottom = e.x0, e.x1, y, y
        else:
            x = (e.x0 + e.x1) / 2
            x0, x1, top, bottom = x, x, e.top, e.bottom
        if max(x1 - x0, bottom - top) < settings.edge_min_length:
            continue
        objs.append(
            {
                "object_type": "line",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "orientation": e.orientation,
            }
        )
    if not objs:
        return []
    s = settings
    merged = lattice.merge_edges(
        objs, s.snap_x_tolerance, s.snap_y_tolerance, s.join_x_tolerance, s.join_y_tolerance
    )
    intersections = lattice.edges_to_intersections(
        merged, s.intersection_x_tolerance, s.intersection_y_tolerance
    )
    cells = lattice.intersections_to_cells(intersections)
    return [list(group) for group in lattice.cells_to_tables(cells)]


def lattice_cells(
    edges: Sequence[Edge], settings: LayoutSettings = DEFAULT_SETTINGS
) -> list[tuple[float, float, float, float]]:
    """The cell boxes ``(x0, top, x1, bottom)`` of every ruled table ``edges`` draw."""
    if len(edges) < settings.min_table_edges or len(edges) > settings.max_table_edges:
        return []
    return [cell for group in _lattice_cells(edges, settings) for cell in group]


def find_tables(
    edges: Sequence[Edge],
    chars: Sequence[Char],
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
) -> tuple[list[TableGrid], Sequence[Char]]:
    """Ruled tables drawn by ``edges``, with the text of ``chars`` in their cells, top to bottom,
    and the glyphs left outside every table.

    Segments are snapped and joined (3 pt), cells found from their intersections and grouped
    into tables with pdfplumber's lattice algorithm; a table needs two cells at least. A glyph
    belongs to the cell holding its centre. No tables (and all glyphs back) when there are no
    ruling lines, or more than ``settings.max_table_edges``: ``chars`` itself then, not a copy
    (it may be :class:`~.glyphs.CharColumns`, which the layout reads fastest). The tolerances
    are those of ``settings`` (its table fields).
    """
    if len(edges) < settings.min_table_edges or len(edges) > settings.max_table_edges:
        return [], chars
    groups = _lattice_cells(edges, settings)
    if not groups:
        return [], chars
    grids: list[TableGrid] = []
    outside = list(chars)
    for group in groups:
        xs = _cluster([v for c in group for v in (c[0], c[2])], settings.cell_boundary_tolerance)
        ys = _cluster([v for c in group for v in (c[1], c[3])], settings.cell_boundary_tolerance)
        if len(xs) < 2 or len(ys) < 2:
            continue
        owner: dict[tuple[int, int], tuple[int, int]] = {}  # grid slot -> the cell's top-left
        for x0, top, x1, bottom in group:
            r0, r1, c0, c1 = _index(ys, top), _index(ys, bottom), _index(xs, x0), _index(xs, x1)
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    owner[(r, c)] = (r0, c0)
        grid, outside = fill_grid(xs, ys, owner, outside, settings)
        grids.append(grid)
    return grids, outside
