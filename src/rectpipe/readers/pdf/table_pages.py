"""Internal: a ruled table continued across pages, put back together as one.

Word, WPS and LibreOffice repeat a table's header rows at the top of every page, let a row break
across a page (its cells' text goes on at the top of the next page, its first cells often empty
there) and draw a cell merged down across the break as a filled cell on the first page and an
empty one on the next. :class:`OpenTable` takes each page's part in turn: repeated header rows
are dropped, a row cut by the break is joined to its rest cell by cell (a cell's paragraph cut
in the middle goes on without a break, :func:`~.cells.closes_paragraph`), and the empty cells
of a new row under a cell merged across the break are filled from the row above.
"""

from __future__ import annotations

from ...runtime.record import record, replace
from .cells import closes_paragraph, is_row_mark
from .paragraphs import ends_sentence, join_fragments
from .settings import LayoutSettings
from .tables import TableGrid

__all__ = ["OpenTable", "continue_merged_cells", "continues_row", "join_row"]

_MAX_HEADER_ROWS = 3


@record(frozen=False)
class Ends:
    """The em left after each cell's last line and the em width of its first line's
    unbreakable start (:class:`~.cells.CellText`), and the row's cell layout
    (:attr:`TableGrid.spans`), for one row."""

    rooms: tuple[float, ...]
    leads: tuple[float, ...]
    spans: tuple[int, ...] = ()


def _ends(grid: TableGrid, r: int) -> Ends:
    width = len(grid.rows[r])
    rooms = grid.rooms[r] if r < len(grid.rooms) else (0.0,) * width
    leads = grid.leads[r] if r < len(grid.leads) else (0.0,) * width
    spans = grid.spans[r] if r < len(grid.spans) else tuple(range(width))
    return Ends(rooms, leads, spans)


def _goes_on(before: str, room: float, after: str, lead: float, settings: LayoutSettings) -> bool:
    """Whether ``after``, at the top of the next page, goes on with the paragraph ``before``
    ends with (it left ``room`` em after its last line), as lines do within a cell."""
    return bool(before and after) and not closes_paragraph(before, room, lead, settings)


def _cut(before: str, room: float, after: str, lead: float, settings: LayoutSettings) -> bool:
    """Whether the page break cut the paragraph ``before`` ends with, going on in ``after``: its
    last line had no room for what ``after`` starts with, in the middle of a sentence."""
    return (
        bool(before and after)
        and room < lead + settings.wrap_word_slack
        and not ends_sentence(before)
    )


def continues_row(
    above: tuple[str, ...],
    above_ends: Ends,
    row: tuple[str, ...],
    row_ends: Ends,
    settings: LayoutSettings,
) -> bool:
    """Whether ``row``, the first on a continuation page, is the rest of ``above``, the last row
    of the page before, cut by the page break.

    Its cells must lie as ``above``'s do (a row spanning the table is a heading, not a rest).
    Then either its first cell (序号, or the problem's own cell) is empty where ``above`` has
    one and it fills a cell ``above`` fills too; or neither first cell is a row mark (a number)
    and every cell it fills goes on from a cell of ``above`` whose paragraph the break cut
    (:func:`_cut`). A new row has a first cell of its own, and cells that start afresh.
    """
    if len(above) != len(row) or not any(row) or above_ends.spans != row_ends.spans:
        return False
    filled = [c for c, cell in enumerate(row) if cell]
    if not any(above[c] for c in filled):
        return False
    if any(
        is_row_mark(mine) and is_row_mark(theirs) and mine != theirs
        for mine, theirs in zip(row, above, strict=True)
    ):
        return False  # a 序号 of its own (under a category cell merged across the break)
    if not row[0] and above[0]:
        return True
    if is_row_mark(row[0]) or is_row_mark(above[0]):
        return False  # a row mark neither goes on nor is gone on from
    return all(
        _cut(above[c], above_ends.rooms[c], row[c], row_ends.leads[c], settings) for c in filled
    )


def join_row(
    above: tuple[str, ...],
    above_ends: Ends,
    row: tuple[str, ...],
    row_ends: Ends,
    settings: LayoutSettings,
) -> tuple[str, ...]:
    """The two parts of a row cut by a page break as one row: a cell whose paragraph the break
    cut goes on without a break, one whose paragraph had ended goes on on a new line."""
    joined: list[str] = []
    for c, (before, after) in enumerate(zip(above, row, strict=True)):
        if not before or not after:
            joined.append(before or after)
        elif _goes_on(before, above_ends.rooms[c], after, row_ends.leads[c], settings):
            head, newline, last = before.rpartition("\n")
            joined.append(head + newline + join_fragments([last, after]))
        else:
            joined.append(f"{before}\n{after}")
    return tuple(joined)


def continue_merged_cells(above: tuple[str, ...], row: tuple[str, ...]) -> tuple[str, ...]:
    """The first row on a continuation page, its empty cells filled from the row above.

    A cell merged down across a page break is drawn as a filled cell on the first page and an
    empty one on the next; in a data row (other cells filled) an empty cell is read as that
    continuation. Header-like rows and rows of other widths are left alone.
    """
    if len(above) != len(row) or sum(1 for cell in row if cell) < 2:
        return row
    return tuple(cell or previous for cell, previous in zip(row, above, strict=True))


def _repeated_header(rows: list[tuple[str, ...]], new_rows: tuple[tuple[str, ...], ...]) -> int:
    """How many rows at the top of a continuation page repeat the table's first rows (its
    header, of one row or several)."""
    n = 0
    limit = min(len(rows) - 1, len(new_rows), _MAX_HEADER_ROWS)
    while n < limit and new_rows[n] == rows[n] and any(rows[n]):
        n += 1
    return n


def _after_header(header: tuple[str, ...], row: tuple[str, ...]) -> tuple[str, ...] | None:
    """``row`` without the ``header`` it starts with, cell by cell (each cell the header's
    text, alone or followed by more); ``None`` when it does not start so."""
    if len(header) != len(row) or not any(header) or header == row:
        return None
    rest: list[str] = []
    for head, cell in zip(header, row, strict=True):
        if not cell.startswith(head):
            return None
        rest.append(cell[len(head) :].lstrip("\n"))
    return tuple(rest)


@record(frozen=False)
class OpenTable:
    """A table being read page by page: the page it starts on, its first page's grid, its rows
    so far and the ends of its last row's cells."""

    page: int
    grid: TableGrid
    rows: list[tuple[str, ...]]
    last: Ends

    @classmethod
    def start(cls, page: int, grid: TableGrid) -> OpenTable:
        last = _ends(grid, len(grid.rows) - 1) if grid.rows else Ends((), ())
        return cls(page, grid, list(grid.rows), last)

    @property
    def confidence(self) -> float | None:
        """The lowest OCR score of the table's parts so far (``None``: not recognised)."""
        return self.grid.confidence

    def extend(self, grid: TableGrid, settings: LayoutSettings) -> None:
        """Add ``grid``, this table's part on the next page."""
        if grid.confidence is not None:
            lowest = min(grid.confidence, self.grid.confidence or grid.confidence)
            self.grid = replace(self.grid, confidence=lowest)
        skip = _repeated_header(self.rows, grid.rows)
        rows = list(grid.rows[skip:])
        ends = [_ends(grid, r) for r in range(skip, len(grid.rows))]
        if not rows:
            return
        if not grid.ruled and skip == 0 and self.rows:
            rest = _after_header(self.rows[0], rows[0])
            if rest is not None:
                # Without lines, the repeated header and the rest of a cut row can make one
                # row: the header's part is dropped (what the rest starts with is not known).
                rows[0] = rest
                ends[0] = Ends(ends[0].rooms, (1.0,) * len(rest), ends[0].spans)
        row, row_ends = rows[0], ends[0]
        if continues_row(self.rows[-1], self.last, row, row_ends, settings):
            self.rows[-1] = join_row(self.rows[-1], self.last, row, row_ends, settings)
            self.last = Ends(
                tuple(
                    now if cell else before
                    for cell, now, before in zip(row, row_ends.rooms, self.last.rooms, strict=True)
                ),
                self.last.leads,
                self.last.spans,
            )
        else:
            self.rows.append(continue_merged_cells(self.rows[-1], row))
            self.last = row_ends
        self.rows.extend(rows[1:])
        if len(rows) > 1:
            self.last = ends[-1]
