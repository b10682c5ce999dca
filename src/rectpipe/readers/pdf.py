"""PDF reader: glyph positions → paragraphs and ruled tables, page furniture set aside.

:func:`read_pdf` is the door. It classifies the bytes first (not a PDF, truncated, needs a
password), reads every page's glyphs through a :class:`~rectpipe.readers.pdf_chars.CharSource`,
repairs them (duplicated bold glyphs, radicals, unmapped glyphs), finds ruled tables, removes
running headers, footers and page numbers (kept in :attr:`Document.removed`), and groups the
remaining lines into paragraphs (:mod:`rectpipe.readers.pdf_layout`).
"""

from __future__ import annotations

import bisect
import contextlib
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    LowTextYieldError,
    NoTextLayerError,
    PasswordRequiredError,
    RectpipeError,
    TooLargeError,
    UsageError,
)
from .blocks import Block, BlockKind, Document, RemovedText
from .pdf_chars import (
    REPLACEMENT,
    Char,
    CharSource,
    Edge,
    PageChars,
    PdfiumCharSource,
    PdfplumberCharSource,
    repair_chars,
)
from .pdf_layout import (
    BodyMetrics,
    Line,
    build_lines,
    ends_sentence,
    find_page_furniture,
    join_fragments,
    measure_body,
    split_paragraphs,
)

__all__ = ["ENGINES", "TableGrid", "find_tables", "read_pdf"]

Engine = Literal["pdfplumber", "pdfium"]
ENGINES: dict[str, Callable[[bytes], CharSource]] = {
    "pdfplumber": PdfplumberCharSource,
    "pdfium": PdfiumCharSource,
}
"""Character sources by name; both give the same blocks on ordinary documents."""

LOW_YIELD_RATIO = 0.5
"""Above this share of unmapped glyphs (``(cid:NN)``, U+FFFD) the document has no usable text."""

MAX_TABLE_EDGES = 4000
"""Pages with more ruling segments than this are not searched for tables (drawings, charts)."""

_FPDF_ERR_PASSWORD = 4
_FPDF_ERR_SECURITY = 5  # PDFium: unsupported security scheme


# --------------------------------------------------------------------------------------------
# classification


def _inspect(data: bytes) -> bool:
    """Whether ``data`` is an encrypted PDF; raises for what is no readable PDF at all.

    Looks at the bytes, not at a parser's exception: a ``%PDF-`` header in the first KiB, an
    ``%%EOF`` marker in the last 2 KiB (else truncated), and an ``/Encrypt`` entry.
    """
    if not data:
        raise CorruptFileError("empty file")
    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError("truncated PDF (no %%EOF at the end of the file)")
    return re.search(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)", data) is not None


def _probe_encryption(data: bytes) -> None:
    """Raise when an encrypted PDF cannot be opened without a password.

    Owner-password (edit-restricted) files open with the empty user password and pass.
    """
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of pdfplumber
        return
    try:
        pdfium.PdfDocument(data).close()
    except Exception as exc:
        code = getattr(exc, "err_code", None)
        if code == _FPDF_ERR_PASSWORD:
            raise PasswordRequiredError("the PDF needs a password to be opened") from None
        if code == _FPDF_ERR_SECURITY:
            raise EncryptedUnsupportedError("unsupported PDF security handler") from None
        raise CorruptFileError(f"unreadable encrypted PDF ({exc})") from None


def _open(data: bytes, engine: str, encrypted: bool) -> CharSource:
    factory = ENGINES.get(engine)
    if factory is None:
        raise UsageError(f"unknown PDF engine {engine!r}; expected one of {sorted(ENGINES)}")
    try:
        return factory(data)
    except Exception as exc:
        if encrypted:
            raise EncryptedUnsupportedError(f"cannot decrypt the PDF ({exc})") from None
        raise CorruptFileError(f"unreadable PDF ({type(exc).__name__}: {exc})") from None


# --------------------------------------------------------------------------------------------
# tables


@dataclass(frozen=True, slots=True)
class TableGrid:
    """A ruled table on one page: cell texts by row, column boundaries and row tops.

    A cell spanning several columns or rows holds its text at its top-left position and ``""``
    elsewhere. Within a cell, wrapped lines are joined and paragraphs separated by ``"\\n"``.
    """

    bbox: tuple[float, float, float, float]
    xs: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]


def _cluster(values: Sequence[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _index(bounds: Sequence[float], value: float) -> int:
    return min(range(len(bounds)), key=lambda k: abs(bounds[k] - value))


def _cell_text(chars: Sequence[Char]) -> str:
    """A cell's text: wrapped lines joined without spaces between CJK characters; a line that
    ends a sentence (。！？；：) more than one character short of the cell's longest line, or
    ends more than three characters short, closes a paragraph (``"\n"`` between paragraphs)."""
    lines = build_lines(chars, 0)
    if not lines:
        return ""
    widest = max(ln.x1 for ln in lines)
    paragraphs: list[list[str]] = [[]]
    for k, ln in enumerate(lines):
        if k:
            prev = lines[k - 1]
            room = widest - prev.x1
            if room > 3.0 * prev.size or (room > 1.0 * prev.size and ends_sentence(prev.text)):
                paragraphs.append([])
        paragraphs[-1].append(ln.text)
    return "\n".join(join_fragments(p) for p in paragraphs)


def _lattice_cells(edges: Sequence[Edge]) -> list[list[tuple[float, float, float, float]]]:
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
        if max(x1 - x0, bottom - top) < 3.0:
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
    merged = lattice.merge_edges(objs, 3, 3, 3, 3)
    intersections = lattice.edges_to_intersections(merged, 3, 3)
    cells = lattice.intersections_to_cells(intersections)
    return [list(group) for group in lattice.cells_to_tables(cells)]


def find_tables(
    edges: Sequence[Edge], chars: Sequence[Char]
) -> tuple[list[TableGrid], Sequence[Char]]:
    """Ruled tables drawn by ``edges``, with the text of ``chars`` in their cells, top to bottom,
    and the glyphs left outside every table.

    Segments are snapped and joined (3 pt), cells found from their intersections and grouped
    into tables with pdfplumber's lattice algorithm; a table needs two cells at least. A glyph
    belongs to the cell holding its centre. No tables (and all glyphs back) when there are no
    ruling lines, or more than :data:`MAX_TABLE_EDGES`: ``chars`` itself then, not a copy
    (it may be :class:`~rectpipe.readers.pdf_chars.CharColumns`, which the layout reads fastest).
    """
    if len(edges) < 4 or len(edges) > MAX_TABLE_EDGES:
        return [], chars
    groups = _lattice_cells(edges)
    if not groups:
        return [], chars
    grids: list[TableGrid] = []
    outside = list(chars)
    for group in groups:
        xs = _cluster([v for c in group for v in (c[0], c[2])], 1.0)
        ys = _cluster([v for c in group for v in (c[1], c[3])], 1.0)
        if len(xs) < 2 or len(ys) < 2:
            continue
        n_rows, n_cols = len(ys) - 1, len(xs) - 1
        owner: dict[tuple[int, int], tuple[int, int]] = {}  # grid slot -> the cell's top-left
        for x0, top, x1, bottom in group:
            r0, r1, c0, c1 = _index(ys, top), _index(ys, bottom), _index(xs, x0), _index(xs, x1)
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    owner[(r, c)] = (r0, c0)
        bbox = (xs[0], ys[0], xs[-1], ys[-1])
        buckets: dict[tuple[int, int], list[Char]] = {}
        remaining: list[Char] = []
        for char in outside:
            cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
            if not (bbox[0] - 1 <= cx <= bbox[2] + 1 and bbox[1] - 1 <= cy <= bbox[3] + 1):
                remaining.append(char)
                continue
            r = min(max(bisect.bisect_right(ys, cy) - 1, 0), n_rows - 1)
            c = min(max(bisect.bisect_right(xs, cx) - 1, 0), n_cols - 1)
            slot = owner.get((r, c))
            if slot is not None:
                buckets.setdefault(slot, []).append(char)
        outside = remaining
        matrix = [["" for _ in range(n_cols)] for _ in range(n_rows)]
        for (r, c), cell_chars in buckets.items():
            matrix[r][c] = _cell_text(cell_chars)
        # A cell merged down holds its text in every row it spans, so each row stands alone
        # (as the Word and web readers give it); a cell merged across stays in its first column.
        for (r, c), (r0, c0) in owner.items():
            if r != r0 and c == c0:
                matrix[r][c] = matrix[r0][c0]
        grids.append(TableGrid(bbox=bbox, xs=tuple(xs), rows=tuple(tuple(row) for row in matrix)))
    return grids, outside


# --------------------------------------------------------------------------------------------
# pages


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[TableGrid]
    images: int
    glyphs: int
    unmapped: int
    error: str | None = None


def _layout_page(page: PageChars) -> _Page:
    chars, unmapped = repair_chars(page.chars)
    tables, body = find_tables(page.edges, chars)
    return _Page(
        number=page.number,
        width=page.width,
        height=page.height,
        lines=build_lines(body, page.number),
        tables=tables,
        images=page.image_count,
        glyphs=len(chars),
        unmapped=unmapped,
    )


def _read_pages(source: CharSource, page_count: int) -> list[_Page]:
    """Every page laid out; a page that fails is kept empty with its error, the rest go on."""
    pages: list[_Page] = []
    try:
        for page in source.pages():
            if page.error:
                pages.append(_Page(page.number, 0.0, 0.0, [], [], 0, 0, 0, error=page.error))
                continue
            try:
                pages.append(_layout_page(page))
            except Exception as exc:  # a layout bug on one page must not lose the document
                error = f"layout failed: {type(exc).__name__}: {exc}"
                pages.append(_Page(page.number, 0.0, 0.0, [], [], page.image_count, 0, 0, error))
    except Exception as exc:  # the source itself broke down: the remaining pages are lost
        error = f"{type(exc).__name__}: {exc}"
        for number in range(len(pages) + 1, page_count + 1):
            pages.append(_Page(number, 0.0, 0.0, [], [], 0, 0, 0, error=error))
    return pages


# --------------------------------------------------------------------------------------------
# blocks


@dataclass(slots=True)
class _Builder:
    """Accumulates blocks in reading order, numbering them per page."""

    metrics: BodyMetrics
    blocks: list[Block] = field(default_factory=list)
    counters: dict[tuple[int, str], int] = field(default_factory=dict)
    open_table: tuple[int, TableGrid, list[tuple[str, ...]]] | None = None

    def _path(self, page: int, kind: str) -> str:
        n = self.counters.get((page, kind), 0)
        self.counters[(page, kind)] = n + 1
        return f"page:{page}/{kind}:{n}"

    def paragraphs(self, lines: list[Line]) -> None:
        if not lines:
            return
        self.close_table()
        left = self.metrics.left
        for para in split_paragraphs(lines, self.metrics):
            page = para.page
            x0, top, x1, bottom = para.bbox()
            self.blocks.append(
                Block(
                    text=para.text,
                    kind=BlockKind.PARAGRAPH,
                    path=self._path(page, "p"),
                    page=page,
                    bbox=(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                    indent=round(para.lines[0].x0 - left, 2),
                )
            )

    def table(self, page: int, grid: TableGrid, continues: bool) -> None:
        if continues and self.open_table is not None:
            rows = self.open_table[2]
            new_rows = list(grid.rows)
            if new_rows and rows and new_rows[0] == rows[0]:
                new_rows = new_rows[1:]  # header row repeated on the continuation page
            if new_rows and rows:
                new_rows[0] = _continue_merged_cells(rows[-1], new_rows[0])
            rows.extend(new_rows)
            return
        self.close_table()
        self.open_table = (page, grid, list(grid.rows))

    def close_table(self) -> None:
        if self.open_table is None:
            return
        page, grid, rows = self.open_table
        self.open_table = None
        self.blocks.append(
            Block(
                text="\n".join("\t".join(row) for row in rows),
                kind=BlockKind.TABLE,
                path=self._path(page, "t"),
                page=page,
                bbox=tuple(round(v, 2) for v in grid.bbox),  # type: ignore[arg-type]
                cells=tuple(rows),
            )
        )


def _continue_merged_cells(above: tuple[str, ...], row: tuple[str, ...]) -> tuple[str, ...]:
    """The first row on a continuation page, its empty cells filled from the row above.

    A cell merged down across a page break is drawn as a filled cell on the first page and an
    empty one on the next; in a data row (other cells filled) an empty cell is read as that
    continuation. Header-like rows and rows of other widths are left alone.
    """
    if len(above) != len(row) or sum(1 for cell in row if cell) < 2:
        return row
    return tuple(cell or previous for cell, previous in zip(row, above, strict=True))


def _same_columns(a: TableGrid, b: TableGrid) -> bool:
    return len(a.xs) == len(b.xs) and all(
        abs(x - y) <= 2.0 for x, y in zip(a.xs, b.xs, strict=True)
    )


_LINE_TOP = operator.attrgetter("top")


def _top_down(lines: list[Line]) -> bool:
    """Whether ``lines`` are in top-to-bottom order already (as :func:`build_lines` gives
    them), so that sorting them by their tops would leave them as they are."""
    tops = list(map(_LINE_TOP, lines))
    return all(map(operator.le, tops, tops[1:]))


def _assemble(pages: list[_Page], metrics: BodyMetrics) -> list[Block]:
    """Blocks of all pages: paragraph runs split at tables; tables continued across pages."""
    builder = _Builder(metrics)
    run: list[Line] = []
    last_item_was_table = False
    for page in pages:
        if not page.tables and _top_down(page.lines):  # the usual page: nothing to interleave
            if page.lines:
                run += page.lines
                last_item_was_table = False
            continue
        items: list[tuple[float, int, Line | TableGrid]] = [(ln.top, 1, ln) for ln in page.lines]
        items += [(t.bbox[1], 0, t) for t in page.tables]
        items.sort(key=lambda item: (item[0], item[1]))
        for position, (_, _, item) in enumerate(items):
            if isinstance(item, Line):
                run.append(item)
                last_item_was_table = False
                continue
            builder.paragraphs(run)
            run = []
            open_table = builder.open_table
            continues = (
                position == 0
                and last_item_was_table
                and open_table is not None
                and open_table[0] <= page.number - 1
                and _same_columns(open_table[1], item)
            )
            builder.table(page.number, item, continues)
            last_item_was_table = True
    builder.paragraphs(run)
    builder.close_table()
    return builder.blocks


# --------------------------------------------------------------------------------------------
# the door


def read_pdf(
    data: bytes, *, engine: Engine | str = "pdfplumber", max_pages: int | None = None
) -> Document:
    """The paragraphs and tables of a PDF, in reading order, as a :class:`Document`.

    Paragraph blocks have ``path="page:<n>/p:<i>"`` (``i`` counts paragraphs starting on page
    ``n`` from 0), the page where they start, their bounding box on that page and ``indent``
    (first-line x0 minus the body's left margin, in points). Ruled tables are ``TABLE`` blocks
    (``path="page:<n>/t:<i>"``) with ``cells``; a table continued on the next page is one block
    and a header row repeated there is dropped. Running headers, footers and page numbers are
    left out and listed in ``removed``. ``notes`` report pages that could not be read or carry
    no text. ``engine`` picks the glyph source (:data:`ENGINES`).

    Raises :class:`CorruptFileError` (not a PDF, truncated, unparseable),
    :class:`PasswordRequiredError` (a user password is set; owner-only passwords are fine),
    :class:`EncryptedUnsupportedError`, :class:`NoTextLayerError` (no glyph on any page:
    scanned images or text drawn as paths) and :class:`LowTextYieldError` (mostly unmapped
    glyphs); :class:`TooLargeError` when there are more than ``max_pages`` pages (checked
    before any page is read); :class:`UsageError` for an unknown ``engine``; a bare
    :class:`RectpipeError` if the layout itself fails. No other exception escapes.
    """
    encrypted = _inspect(data)
    if encrypted:
        _probe_encryption(data)
    source = _open(data, engine, encrypted)
    try:
        try:
            page_count = source.page_count
        except Exception as exc:
            raise CorruptFileError(f"cannot read the page tree ({exc})") from None
        if page_count == 0:
            raise CorruptFileError("the PDF has no pages")
        if max_pages is not None and page_count > max_pages:
            raise TooLargeError(f"{page_count} pages, over the {max_pages} page limit")
        pages = _read_pages(source, page_count)
    finally:
        with contextlib.suppress(Exception):  # closing must not mask the result
            source.close()
    try:
        return _document(pages, page_count)
    except RectpipeError:
        raise
    except Exception as exc:  # a bug of ours must still reach the caller as a typed error
        raise RectpipeError(f"PDF layout failed ({type(exc).__name__}: {exc})") from exc


def _document(pages: list[_Page], page_count: int) -> Document:
    notes: list[tuple[str, str]] = []
    for page in pages:
        if page.error:
            notes.append(("page_unreadable", f"page {page.number}: {page.error}"))
        elif page.glyphs == 0 and page.images:
            notes.append(("no_text_layer", f"page {page.number} has images but no text"))
        elif page.glyphs and page.unmapped / page.glyphs > LOW_YIELD_RATIO:
            notes.append(("low_text_yield", f"page {page.number}: mostly unmapped glyphs"))
    readable = [p for p in pages if not p.error]
    if not readable:
        raise CorruptFileError((pages[0].error if pages else None) or "no readable page")
    glyphs = sum(p.glyphs for p in pages)
    if glyphs == 0:
        if any(p.images for p in pages):
            raise NoTextLayerError("no page has a text layer (scanned images)")
        raise NoTextLayerError("no page has any text (blank, or text drawn as paths)")
    unmapped = sum(p.unmapped for p in pages)
    if unmapped / glyphs > LOW_YIELD_RATIO:
        raise LowTextYieldError(
            f"{unmapped} of {glyphs} glyphs have no Unicode mapping ({REPLACEMENT} / (cid:NN))"
        )

    furniture = find_page_furniture([p.lines for p in pages], [p.height for p in pages])
    removed = [RemovedText(text=f.text, reason=f.reason, page=f.page) for f in furniture]
    drop = {(f.page, f.index) for f in furniture}
    for page in pages:
        page.lines = [ln for i, ln in enumerate(page.lines) if (page.number, i) not in drop]
    width = max((p.width for p in pages), default=0.0)
    metrics = measure_body([p.lines for p in pages], width)
    blocks = _assemble(pages, metrics)
    return Document(
        blocks=blocks, format="pdf", page_count=page_count, removed=removed, notes=notes
    )
