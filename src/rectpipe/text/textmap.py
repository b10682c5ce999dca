"""The document's normalised text, laid out block by block, and offsets back to blocks.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from ..models.records import BlockRef, Provenance
from ..readers.blocks import Block, BlockKind
from ..runtime.record import field, record

__all__ = ["TextMap", "display_text"]


def display_text(block: Block) -> str:
    """What a reader of the original sees: the automatic list label, then the text. A label
    that is a bare number (a Word list whose number format has no mark after it, ``%1`` then a
    tab or a space) is read with the mark its kind takes (``1`` → ``1.``, ``一`` → ``一、``):
    an automatic label is an item's number by construction, whatever it shows after it."""
    if block.list_label and block.kind is not BlockKind.TABLE:
        return _marked(block.list_label) + block.text
    return block.text


_BARE_ARABIC = frozenset("0123456789０１２３４５６７８９")
_BARE_CN = frozenset("一二三四五六七八九十")


def _marked(label: str) -> str:
    """``label`` with a mark after it when it is a bare number (see :func:`display_text`)."""
    if len(label) <= 3 and label:
        if all(ch in _BARE_ARABIC for ch in label):
            return label + "."
        if all(ch in _BARE_CN for ch in label):
            return label + "、"
    return label


@record(slots=False)
class TextMap:
    """``text`` is every block's display text joined by newlines; ``starts[i]`` is where block
    ``i`` begins in it, ``ends[i]`` where it ends. Offsets are Python string indices (code
    points)."""

    text: str
    blocks: tuple[Block, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    _aligned: dict[int, Sequence[int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def build(cls, blocks: list[Block]) -> TextMap:
        starts: list[int] = []
        ends: list[int] = []
        parts: list[str] = []
        offset = 0
        for block in blocks:
            shown = display_text(block)
            starts.append(offset)
            ends.append(offset + len(shown))
            parts.append(shown)
            offset += len(shown) + 1  # blocks are joined by one newline
        return cls(
            text="\n".join(parts), blocks=tuple(blocks), starts=tuple(starts), ends=tuple(ends)
        )

    def block_end(self, index: int) -> int:
        """Where block ``index`` ends in :attr:`text`."""
        return self.ends[index]

    def block_text(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def block_at(self, offset: int) -> int:
        """Index of the block that holds ``offset`` (the last one starting at or before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def provenance(self, start: int, end: int) -> Provenance:
        """Provenance of ``text[start:end]``."""
        return Provenance(**self.provenance_data(start, end))

    def provenance_data(self, start: int, end: int) -> dict[str, Any]:
        """:meth:`provenance` as plain data (for a model that validates it as a field)."""
        index = self.block_at(start)
        block = self.blocks[index] if self.blocks else None
        return {
            "start": start,
            "end": max(start, end),
            "block": index,
            "path": _cell_path(block, start - self.starts[index]) if block else "",
            "page": block.page if block else None,
        }

    @property
    def placed(self) -> bool:
        """Whether any block knows where its characters lie on a page (PDF, OCR)."""
        return any(block.geometry is not None for block in self.blocks)

    def _alignment(self, index: int) -> Sequence[int] | None:
        """For each character of block ``index``'s display text, the index of the character
        it came from in the text its geometry was laid out with (``-1``: none, inserted by
        repair); ``None`` when the block has no geometry. A block shown as it was laid out
        (nearly all) maps as a ``range``, which holds nothing per character. Cached per
        block."""
        if index in self._aligned:
            return self._aligned[index]
        block = self.blocks[index]
        geometry = block.geometry
        mapping: Sequence[int] | None = None
        if geometry is not None:
            shown = display_text(block)
            if shown == geometry.text:
                mapping = range(len(shown))
            else:
                changed = [-1] * len(shown)
                from difflib import SequenceMatcher  # only for a block with a PDF's geometry

                matcher = SequenceMatcher(None, geometry.text, shown, autojunk=False)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                    if tag == "equal":
                        changed[j1:j2] = range(i1, i2)
                    elif tag == "replace":  # a character read one way, repaired another
                        for j in range(j1, j2):
                            changed[j] = i1 + (j - j1) * (i2 - i1) // (j2 - j1)
                mapping = changed
        self._aligned[index] = mapping
        return mapping

    def boxes(self, start: int, end: int) -> list[tuple[int, float, float, float, float]] | None:
        """Page boxes of ``text[start:end]`` as ``(page, x0, top, x1, bottom)``, rounded to
        hundredths of a point: one per line piece, in reading order, for the blocks that have a
        geometry; ``None`` when none of them has."""
        pieces = self.pieces(start, end)
        return None if pieces is None else [self.piece_box(*piece) for piece in pieces]

    def pieces(self, start: int, end: int) -> list[tuple[int, int, int, int]] | None:
        """The line pieces ``text[start:end]`` covers, as ``(block, row, lo, hi)``: characters
        ``lo`` to ``hi`` of row ``row`` of block ``block``'s geometry (:meth:`piece_box` gives
        its box), in reading order; ``None`` when none of the blocks has a geometry."""
        spans = self.spans(start, end)
        if spans is None:
            return None
        found: list[tuple[int, int, int, int]] = []
        for index, low, high in spans:
            geometry = self.blocks[index].geometry
            assert geometry is not None
            found += [(index, row, a, b) for row, a, b in geometry.rows(low, high)]
        return found

    def spans(self, start: int, end: int) -> list[tuple[int, int, int]] | None:
        """What ``text[start:end]`` covers of each block's geometry, as ``(block, low, high)``:
        characters ``low`` to ``high`` of the text the block was laid out with (blocks it
        covers none of are left out), in reading order; ``None`` when none of the blocks has a
        geometry."""
        if end <= start or not self.blocks:
            return None
        found: list[tuple[int, int, int]] | None = None
        first, last = self.block_at(start), self.block_at(max(start, end - 1))
        for index in range(first, last + 1):
            mapping = self._alignment(index)
            if mapping is None:
                continue
            base = self.starts[index]
            lo, hi = max(0, start - base), min(len(mapping), end - base)
            if isinstance(mapping, range):
                if lo >= hi:
                    continue
                low, high = lo, hi - 1
            else:
                inside = [k for k in mapping[lo:hi] if k >= 0]
                if not inside:
                    continue
                low, high = min(inside), max(inside)
            found = found if found is not None else []
            found.append((index, low, high + 1))
        return found

    def piece_box(
        self, block: int, row: int, lo: int, hi: int
    ) -> tuple[int, float, float, float, float]:
        """The box of a line piece of :meth:`pieces`, rounded to hundredths of a point."""
        geometry = self.blocks[block].geometry
        assert geometry is not None
        page, x0, top, x1, bottom = geometry.row_box(row, lo, hi)
        return (page, round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))

    def refs(self) -> list[BlockRef]:
        """One :class:`BlockRef` per block, for the report. Made without validation: every
        value is read from the blocks with the field's own type (a long document has thousands
        of blocks)."""
        starts, ends, made = self.starts, self.ends, BlockRef
        return [
            made(
                index=i,
                kind=block.kind.value,
                path=block.path,
                page=block.page,
                bbox=None if block.bbox is None else _floats(block.bbox),
                style=block.style,
                list_label=block.list_label,
                start=starts[i],
                end=ends[i],
                confidence=None if block.confidence is None else float(block.confidence),
            )
            for i, block in enumerate(self.blocks)
        ]


def _cell_path(block: Block, offset: int) -> str:
    """The path of the cell of a table block holding ``offset`` (into the block's text), when
    the reader names its cells (spreadsheets: ``sheet:NAME/r:5/c:3``); else the block's."""
    if block.cell_paths is None or block.cells is None:
        return block.path
    position = 0
    for row, paths in zip(block.cells, block.cell_paths, strict=False):
        for cell, path in zip(row, paths, strict=False):
            position += len(cell) + 1  # the tab or newline after the cell
            if offset < position:
                return path
    return block.path


def _floats(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = bbox
    return (float(x0), float(top), float(x1), float(bottom))
