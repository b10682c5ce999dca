"""Internal: the document body walked in reading order, its paragraphs and tables made blocks.

Block-level wrappers (content controls, ``w:customXml``, inserted and moved content, alternate
content) are looked through. An ``w:altChunk`` (a file imported whole: a web page, an MHTML
archive, plain text or another Word package, as editors that export Word from HTML write them)
gives the blocks its own reader finds in that file, in its place; a chunk in another format is
noted, not read. A table whose rows all have a
single cell is a layout box whose paragraphs become blocks; any other table is one ``TABLE``
block, spans and merged cells resolved. Text boxes are read right after their paragraph. A
paragraph with line breaks gives a block a line (:mod:`.breaks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree

from ...runtime.record import replace
from ..blocks import Block, BlockKind
from .breaks import paragraph_lines
from .numbering import Numbering
from .ooxml import (
    MC_ALTERNATE,
    R_ID,
    W_ALTCHUNK,
    W_CUSTOMXML,
    W_DEL,
    W_GRIDBEFORE,
    W_GRIDSPAN,
    W_HMERGE,
    W_INS,
    W_P,
    W_SDT,
    W_SDTCONTENT,
    W_TBL,
    W_TBLPR,
    W_TBLSTYLE,
    W_TC,
    W_TCPR,
    W_TR,
    W_TRPR,
    W_VAL,
    W_VMERGE,
    _w,
    parse_int,
)
from .paragraph import _choose_alternate, _is_placeholder, _ParagraphReader
from .styles import _Styles


class _Reader(_ParagraphReader):
    """One pass over a document body: text, numbering counters, field state, output blocks."""

    def __init__(
        self,
        styles: _Styles,
        numbering: Numbering,
        chunks: Callable[[str], list[Block] | None] | None = None,
    ) -> None:
        super().__init__(styles, numbering)
        self.blocks: list[Block] = []
        # the blocks of the file an altChunk's relationship id names (None: not read)
        self.chunks = chunks

    # -- block-level ---------------------------------------------------------------------

    def iter_blocks(self, container: etree._Element) -> Iterator[etree._Element]:
        """``w:p`` and ``w:tbl`` children of ``container`` in order, through wrappers."""
        for child in container:
            tag = child.tag
            if tag in (W_P, W_TBL):
                yield child
            elif tag == W_SDT:
                if _is_placeholder(child):
                    continue
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    yield from self.iter_blocks(content)
            elif tag in (W_CUSTOMXML, W_INS) or tag == _w("moveTo"):
                yield from self.iter_blocks(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_alternate(child)
                if branch is not None:
                    yield from self.iter_blocks(branch)
            elif tag == W_ALTCHUNK:
                yield child

    def read_body(self, body: etree._Element) -> None:
        self.read_container(body, "")

    def read_container(self, container: etree._Element, prefix: str) -> None:
        """Blocks for the content of the body, a text box or a layout cell, paths under
        ``prefix`` (none for the body)."""
        lead = f"{prefix}/" if prefix else ""
        paragraph_index = 0
        table_index = 0
        chunk_index = 0
        for element in self.iter_blocks(container):
            if element.tag == W_P:
                self.emit_paragraph(element, f"{lead}p:{paragraph_index}")
                paragraph_index += 1
            elif element.tag == W_ALTCHUNK:
                self.emit_chunk(element, f"{lead}chunk:{chunk_index}")
                chunk_index += 1
            else:
                self.emit_table(element, f"{lead}t:{table_index}")
                table_index += 1

    def emit_chunk(self, chunk: etree._Element, path: str) -> None:
        """The blocks of the file an ``w:altChunk`` imports, their paths under ``path``."""
        rid = chunk.get(R_ID)
        blocks = self.chunks(rid) if self.chunks is not None and rid else None
        if blocks is None:
            self.note("docx_altchunk", "embedded altChunk content (a foreign file) not read")
            return
        self.blocks.extend(replace(block, path=f"{path}/{block.path}") for block in blocks)

    def emit_paragraph(self, p: etree._Element, path: str) -> None:
        para = self.paragraph(p)
        if para.text and not para.text.isspace():  # not blank, without copying like strip()
            block = Block(
                text=para.text,
                kind=BlockKind.HEADING
                if para.outline is not None and 0 <= para.outline <= 8
                else BlockKind.PARAGRAPH,
                path=path,
                style=para.style.name,
                outline_level=para.outline,
                list_label=para.label.text if para.label is not None else None,
                indent=para.indent,
                emphasis=para.bold,
            )
            lines = paragraph_lines(para.text)
            if lines is None:
                self.blocks.append(block)
            else:  # one block a line, the label on the first
                self.blocks.extend(
                    replace(block, text=line, path=f"{path}/l:{index}")
                    if index == 0
                    else replace(block, text=line, path=f"{path}/l:{index}", list_label=None)
                    for index, line in enumerate(lines)
                )
        for index, box in enumerate(para.boxes):
            self.read_container(box, f"{path}/txbx:{index}")

    def emit_table(self, tbl: etree._Element, path: str) -> None:
        rows = list(self.iter_rows(tbl))
        if rows and all(len(self.iter_cells_list(tr)) <= 1 for tr in rows):
            for row_index, tr in enumerate(rows):
                for tc in self.iter_cells_list(tr):
                    self.read_container(tc, f"{path}/r:{row_index}/c:0")
            return
        cells = self.table_cells(rows)
        if not any(text for row in cells for text in row):
            return
        style_name = None
        tbl_pr = tbl.find(W_TBLPR)
        if tbl_pr is not None:
            style_el = tbl_pr.find(W_TBLSTYLE)
            if style_el is not None:
                style_id = style_el.get(W_VAL)
                style_name = self.styles.table_name(style_id)
        self.blocks.append(
            Block(
                text="\n".join("\t".join(row) for row in cells),
                kind=BlockKind.TABLE,
                path=path,
                style=style_name,
                cells=tuple(cells),
            )
        )

    # -- tables ----------------------------------------------------------------------------

    def iter_rows(self, tbl: etree._Element) -> Iterator[etree._Element]:
        """``w:tr`` of ``tbl`` (through content controls), without rows deleted in revisions."""
        for child in tbl:
            tag = child.tag
            if tag == W_TR:
                tr_pr = child.find(W_TRPR)
                if tr_pr is not None and tr_pr.find(W_DEL) is not None:
                    continue
                yield child
            elif tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if tag == W_SDT else child
                if content is not None:
                    yield from self.iter_rows(content)

    def iter_cells_list(self, tr: etree._Element) -> list[etree._Element]:
        cells: list[etree._Element] = []
        for child in tr:
            tag = child.tag
            if tag == W_TC:
                cells.append(child)
            elif tag in (W_SDT, W_CUSTOMXML):
                content = child.find(W_SDTCONTENT) if tag == W_SDT else child
                if content is not None:
                    cells.extend(self.iter_cells_list(content))
        return cells

    def table_cells(self, rows: list[etree._Element]) -> list[tuple[str, ...]]:
        """Rows of cell texts: a spanned cell once, a vertical continuation as the cell above."""
        result: list[tuple[str, ...]] = []
        above: dict[int, str] = {}
        for tr in rows:
            column = 0
            tr_pr = tr.find(W_TRPR)
            if tr_pr is not None:
                before = tr_pr.find(W_GRIDBEFORE)
                if before is not None:
                    column = max(0, parse_int(before.get(W_VAL)) or 0)
            texts: list[str] = []
            current: dict[int, str] = {}
            last_text = ""
            for tc in self.iter_cells_list(tr):
                span = 1
                vmerge: str | None = None
                hmerge: str | None = None
                tc_pr = tc.find(W_TCPR)
                if tc_pr is not None:
                    span_el = tc_pr.find(W_GRIDSPAN)
                    if span_el is not None:
                        span = max(1, parse_int(span_el.get(W_VAL)) or 1)
                    vmerge_el = tc_pr.find(W_VMERGE)
                    if vmerge_el is not None:
                        vmerge = vmerge_el.get(W_VAL) or "continue"
                    hmerge_el = tc_pr.find(W_HMERGE)
                    if hmerge_el is not None:
                        hmerge = hmerge_el.get(W_VAL) or "continue"
                if hmerge == "continue" and texts:
                    for offset in range(span):
                        current[column + offset] = last_text
                    column += span
                    continue
                text = above.get(column, "") if vmerge == "continue" else self.cell_text(tc)
                texts.append(text)
                for offset in range(span):
                    current[column + offset] = text
                last_text = text
                column += span
            above = current
            result.append(tuple(texts))
        return result

    def cell_text(self, container: etree._Element) -> str:
        """A cell's paragraphs as lines (labels in front), nested tables flattened, boxes after."""
        lines: list[str] = []
        for element in self.iter_blocks(container):
            if element.tag == W_P:
                para = self.paragraph(element)
                text = para.text.strip()
                if para.label is not None:
                    gap = " " if text and para.label.suffix in ("tab", "space") else ""
                    text = para.label.text + gap + text
                if text:
                    lines.append(text)
                for box in para.boxes:
                    box_text = self.cell_text(box)
                    if box_text:
                        lines.append(box_text)
            else:
                for row in self.table_cells(list(self.iter_rows(element))):
                    lines.extend(text for text in row if text)
        return "\n".join(lines)
