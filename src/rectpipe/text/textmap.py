"""The document's normalised text, laid out block by block, and offsets back to blocks.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from ..models.report import BlockRef, Provenance
from ..readers.blocks import Block, BlockKind

_BLOCK_REFS = TypeAdapter(list[BlockRef])


def display_text(block: Block) -> str:
    """What a reader of the original sees: the automatic list label, then the text."""
    if block.list_label and block.kind is not BlockKind.TABLE:
        return block.list_label + block.text
    return block.text


@dataclass(frozen=True)
class TextMap:
    """``text`` is every block's display text joined by newlines; ``starts[i]`` is where block
    ``i`` begins in it. Offsets are Python string indices (code points)."""

    text: str
    blocks: tuple[Block, ...]
    starts: tuple[int, ...]

    @classmethod
    def build(cls, blocks: list[Block]) -> TextMap:
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for block in blocks:
            shown = display_text(block)
            starts.append(offset)
            parts.append(shown)
            offset += len(shown) + 1
        return cls(text="\n".join(parts), blocks=tuple(blocks), starts=tuple(starts))

    def block_end(self, index: int) -> int:
        """Where block ``index`` ends in :attr:`text` (blocks are joined by one newline)."""
        following = index + 1
        return self.starts[following] - 1 if following < len(self.starts) else len(self.text)

    def block_text(self, index: int) -> str:
        return self.text[self.starts[index] : self.block_end(index)]

    def block_at(self, offset: int) -> int:
        """Index of the block that holds ``offset`` (the last one starting at or before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def provenance(self, start: int, end: int) -> Provenance:
        """Provenance of ``text[start:end]``."""
        return Provenance.model_validate(self.provenance_data(start, end))

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

    def refs(self) -> list[BlockRef]:
        """One :class:`BlockRef` per block, for the report (validated as one list: a long
        document has thousands, and one call is cheaper than one per block)."""
        return _BLOCK_REFS.validate_python(
            [
                {
                    "index": i,
                    "kind": block.kind.value,
                    "path": block.path,
                    "page": block.page,
                    "bbox": block.bbox,
                    "style": block.style,
                    "list_label": block.list_label,
                    "start": self.starts[i],
                    "end": self.starts[i] + len(display_text(block)),
                }
                for i, block in enumerate(self.blocks)
            ]
        )


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
