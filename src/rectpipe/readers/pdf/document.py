"""Internal: pages laid out one by one, then the document's blocks in reading order.

Each page's glyphs are repaired, its ruled tables taken out and its remaining glyphs built into
lines; across pages, furniture is removed, the body measured, and paragraph runs and tables
assembled into blocks (a table continued on the next page stays one block).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterator

from ...errors import CorruptFileError, LowTextYieldError, NoTextLayerError
from ...runtime.record import field, record
from ..blocks import Block, BlockKind, Document, RemovedText
from ..doc_number import header_hints
from .furniture import find_page_furniture
from .glyphs import REPLACEMENT, repair_chars
from .lines import Line, build_lines
from .paragraphs import BodyMetrics, iter_paragraphs, measure_body
from .settings import LayoutSettings
from .sources import CharSource, PageChars
from .spreads import spread_halves
from .table_pages import OpenTable
from .tables import TableGrid, find_tables
from .unruled import find_unruled_tables
from .unruled_pages import continue_table, joined, spans_table, with_spanning_rows

# --------------------------------------------------------------------------------------------
# pages


@record(frozen=False)
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
    half: bool = False
    """One page of a spread (:mod:`.spreads`): its paragraphs are measured on their own."""


def _layout_pages(page: PageChars, settings: LayoutSettings) -> list[_Page]:
    """A page laid out; a spread (:mod:`.spreads`) as its left page and its right page, both
    under the sheet's number."""
    halves = spread_halves(page, settings)
    if halves is not None:
        pages = [_layout_page(half, settings) for half in halves]
        for laid in pages:
            laid.half = True
        return pages
    return [_layout_page(page, settings)]


def _layout_page(page: PageChars, settings: LayoutSettings) -> _Page:
    chars, unmapped = repair_chars(page.chars)
    tables, body = find_tables(page.edges, chars, settings=settings)
    lines = build_lines(body, page.number, settings=settings)
    unruled, lines = find_unruled_tables(lines, settings)
    if unruled:
        tables = sorted([*tables, *unruled], key=lambda grid: grid.bbox[1])
    return _Page(
        number=page.number,
        width=page.width,
        height=page.height,
        lines=lines,
        tables=tables,
        images=page.image_count,
        glyphs=len(chars),
        unmapped=unmapped,
    )


def _read_pages(source: CharSource, page_count: int, settings: LayoutSettings) -> list[_Page]:
    """Every page laid out; a page that fails is kept empty with its error, the rest go on."""
    pages: list[_Page] = []
    try:
        for page in source.pages():
            if page.error:
                pages.append(_Page(page.number, 0.0, 0.0, [], [], 0, 0, 0, error=page.error))
                continue
            try:
                pages.extend(_layout_pages(page, settings))
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


def _drained(lines: list[Line]) -> Iterator[Line]:
    """``lines`` one by one, in order, each taken out of the list as it is given."""
    lines.reverse()
    while lines:
        yield lines.pop()


@record(frozen=False)
class _Builder:
    """Accumulates blocks in reading order, numbering them per page."""

    metrics: BodyMetrics
    settings: LayoutSettings
    blocks: list[Block] = field(default_factory=list)
    counters: dict[tuple[int, str], int] = field(default_factory=dict)
    open_table: OpenTable | None = None

    def _path(self, page: int, kind: str) -> str:
        n = self.counters.get((page, kind), 0)
        self.counters[(page, kind)] = n + 1
        return f"page:{page}/{kind}:{n}"

    def paragraphs(self, lines: list[Line]) -> None:
        """The paragraphs of ``lines`` as blocks. ``lines`` is emptied as they are built: a
        line is let go of once its paragraph is a block (a long document's lines, kept whole
        until here, weigh twice its blocks)."""
        if not lines:
            return
        self.close_table()
        left = self.metrics.left
        for para in iter_paragraphs(_drained(lines), self.metrics, settings=self.settings):
            page = para.page
            x0, top, x1, bottom = para.bbox()
            geometry = para.geometry()  # its text is the paragraph's (join_fragments)
            self.blocks.append(
                Block(
                    text=geometry.text,
                    kind=BlockKind.PARAGRAPH,
                    path=self._path(page, "p"),
                    page=page,
                    bbox=(round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                    indent=round(para.lines[0].x0 - left, 2),
                    geometry=geometry,
                    confidence=para.confidence(),
                )
            )

    def table(self, page: int, grid: TableGrid, continues: bool) -> None:
        if continues and self.open_table is not None:
            self.open_table.extend(grid, self.settings)
            return
        self.close_table()
        self.open_table = OpenTable.start(page, grid)

    def close_table(self) -> None:
        if self.open_table is None:
            return
        page, grid, rows = self.open_table.page, self.open_table.grid, self.open_table.rows
        confidence = self.open_table.confidence
        self.open_table = None
        self.blocks.append(
            Block(
                text="\n".join("\t".join(row) for row in rows),
                kind=BlockKind.TABLE,
                path=self._path(page, "t"),
                page=page,
                bbox=tuple(round(v, 2) for v in grid.bbox),  # type: ignore[arg-type]
                cells=tuple(rows),
                confidence=confidence,
            )
        )


def _same_columns(a: TableGrid, b: TableGrid, tolerance: float) -> bool:
    """Whether ``a`` and ``b`` have the same column boundaries (a table without lines: all but
    its last, which is only where its text ends)."""
    if len(a.xs) != len(b.xs) or a.ruled != b.ruled:
        return False
    n = len(a.xs) if a.ruled else len(a.xs) - 1
    return all(abs(x - y) <= tolerance for x, y in zip(a.xs[:n], b.xs[:n], strict=True))


_LINE_TOP = operator.attrgetter("top")


def _top_down(lines: list[Line]) -> bool:
    """Whether ``lines`` are in top-to-bottom order already (as :func:`build_lines` gives
    them), so that sorting them by their tops would leave them as they are."""
    tops = list(map(_LINE_TOP, lines))
    return all(map(operator.le, tops, tops[1:]))


def _turned_pages(pages: list[_Page]) -> set[int]:
    """The ``id`` of each page turned the other way from most of the document's lines (a
    landscape annex among portrait pages, or the reverse); none when the pages agree. Such a
    page's lines would set the body's right margin where no portrait line reaches."""
    lines = {True: 0, False: 0}
    for page in pages:
        if not page.half:
            lines[page.width > page.height] += len(page.lines)
    if not lines[True] or not lines[False]:
        return set()
    wide = lines[True] > lines[False]
    return {id(p) for p in pages if not p.half and (p.width > p.height) != wide}


def _assemble(
    pages: list[_Page],
    metrics: BodyMetrics,
    settings: LayoutSettings,
    turned: set[int] | frozenset[int] = frozenset(),
) -> list[Block]:
    """Blocks of all pages: paragraph runs split at tables; tables continued across pages.
    The pages' lines are taken from them (each page is left with none). A page of a spread,
    or one ``turned`` the other way from the body, is laid out by its own margins."""
    builder = _Builder(metrics, settings)
    run: list[Line] = []
    last_item_was_table = False
    for page in pages:
        lines, page.lines = page.lines, []  # the page's lines live on only in their blocks
        if (page.half or id(page) in turned) and not page.tables:  # its own width
            builder.paragraphs(run)
            run = []
            builder.metrics = measure_body([lines], page.width, settings=settings)
            builder.paragraphs(lines)
            builder.metrics = metrics
            last_item_was_table = False
            continue
        if not page.tables and _top_down(lines):  # the usual page: nothing to interleave
            if lines:
                run += lines
                last_item_was_table = False
            continue
        items: list[tuple[float, int, Line | TableGrid]] = [(ln.top, 1, ln) for ln in lines]
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
            tolerance = (
                settings.table_continuation_tolerance
                if item.ruled
                else settings.unruled_continuation_tolerance
            )
            continues = (
                position == 0
                and last_item_was_table
                and open_table is not None
                and open_table.page <= page.number - 1
                and _same_columns(open_table.grid, item, tolerance)
            )
            builder.table(page.number, item, continues)
            last_item_was_table = True
    builder.paragraphs(run)
    builder.close_table()
    return builder.blocks


def _continue_unruled(pages: list[_Page], settings: LayoutSettings) -> None:
    """Tables without lines put back together across pages (:mod:`.unruled`), before the
    pages' blocks are assembled.

    When the lowest table of a page has no ruling lines and only rows spanning it (a category,
    （二）…) follow it there, the top of the next page is read against its columns: lines that
    lie within them (and spanning rows among them) become a table there
    (:func:`~.unruled.continue_table`), joined to a table that page starts with when they lead
    to it. When the table goes on so, the spanning rows at the foot of its page join it.
    """
    for before, page in itertools.pairwise(pages):
        unruled = [grid for grid in before.tables if not grid.ruled]
        if not unruled:
            continue
        table = max(unruled, key=lambda grid: grid.bbox[3])
        if any(grid.bbox[1] > table.bbox[3] for grid in before.tables):
            continue
        trailing = [line for line in before.lines if line.top > table.bbox[3]]
        if not all(spans_table(line, table, settings) for line in trailing):
            continue
        head = min(page.tables, key=lambda grid: grid.bbox[1]) if page.tables else None
        leading = [line for line in page.lines if head is None or line.bottom <= head.bbox[1] + 1.0]
        heads = (
            head is not None
            and not head.ruled
            and _same_columns(table, head, settings.unruled_continuation_tolerance)
        )
        grid, rest = continue_table(table, leading, settings, more=heads)
        if grid is not None and heads and not rest and head is not None:
            page.tables[page.tables.index(head)] = joined(grid, head)
        elif grid is not None:
            page.tables.insert(0, grid)
        elif not (heads and not leading):
            continue  # the next page does not go on with the table
        page.lines = rest + page.lines[len(leading) :]
        if trailing:
            index = before.tables.index(table)
            before.tables[index] = with_spanning_rows(table, trailing, settings, before=False)
            before.lines = [line for line in before.lines if line.top <= table.bbox[3]]


def _document(pages: list[_Page], page_count: int, settings: LayoutSettings) -> Document:
    notes: list[tuple[str, str]] = []
    for page in pages:
        if page.error:
            notes.append(("page_unreadable", f"page {page.number}: {page.error}"))
        elif page.glyphs == 0 and page.images:
            notes.append(("no_text_layer", f"page {page.number} has images but no text"))
        elif page.glyphs and page.unmapped / page.glyphs > settings.low_yield_ratio:
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
    if unmapped / glyphs > settings.low_yield_ratio:
        raise LowTextYieldError(
            f"{unmapped} of {glyphs} glyphs have no Unicode mapping ({REPLACEMENT} / (cid:NN))"
        )

    furniture = find_page_furniture(
        [p.lines for p in pages], [p.height for p in pages], settings=settings
    )
    # furniture is told by the position of a page among the laid-out ones (a spread gives two)
    removed = [
        RemovedText(text=f.text, reason=f.reason, page=pages[f.page - 1].number) for f in furniture
    ]
    drop = {(f.page, f.index) for f in furniture}
    for position, page in enumerate(pages, start=1):
        page.lines = [ln for i, ln in enumerate(page.lines) if (position, i) not in drop]
    _continue_unruled(pages, settings)
    turned = _turned_pages(pages)
    body = [p for p in pages if id(p) not in turned]
    width = max((p.width for p in body), default=0.0)
    metrics = measure_body([p.lines for p in body], width, settings=settings)
    blocks = _assemble(pages, metrics, settings, turned)
    headers = (f.text for f in furniture if f.reason == "running_header")
    return Document(
        blocks=blocks,
        format="pdf",
        page_count=page_count,
        hints=header_hints(headers),
        removed=removed,
        notes=notes,
    )
