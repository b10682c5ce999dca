"""Internal: a paragraph cut at its soft line breaks, one block a line.

A soft line break (``w:br``, ``w:cr``; Shift+Enter) starts a new line inside a paragraph.
Writers use it for a title set on two lines (附件1 or the issuer's name over the title, a long
title broken where it reads well) and for a signature over its date; text pasted into Word
from a web page arrives as one paragraph whose lines are the report's paragraphs, a break
between each. Read as one block with newlines inside, such a paragraph hides its headings and
markers and glues a title to the line above it. Each line is a block of its own, as a text
copy of the document gives it: a title cut over two lines is joined again by the text stage
as in a text copy, and a paste whose lines were cut at a printed width is joined back by
:mod:`rectpipe.text.rewrap`, each paragraph's first line marked as a paragraph's start
(:func:`mark_paragraph_starts`). Table cells keep their line breaks (a cell is one value).
"""

from __future__ import annotations

from ...runtime.record import replace
from ..blocks import Block, BlockKind

__all__ = ["MIN_BREAKS", "mark_paragraph_starts", "paragraph_lines"]

MIN_BREAKS = 1
"""Line breaks from which a paragraph gives one block a line."""


def paragraph_lines(text: str) -> list[str] | None:
    """The non-blank lines of ``text`` when it holds at least :data:`MIN_BREAKS` line
    breaks and more than one non-blank line, else ``None`` (the paragraph stays one block)."""
    if text.count("\n") < MIN_BREAKS:
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    return lines if len(lines) > 1 else None


def mark_paragraph_starts(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each paragraph's first block marked ``after_blank`` (as a text file's
    line after an empty one), when some paragraph was cut at its line breaks: the document then
    tells a paragraph's start from a line's, so a paste cut into printed lines is joined back
    into its paragraphs. A document without such paragraphs comes back as it was."""
    if not any(_LINE_PATH in block.path for block in blocks):
        return blocks
    return [
        replace(block, after_blank=True)
        if index
        and block.kind is not BlockKind.TABLE
        and not _continues(block.path)
        and not block.after_blank
        else block
        for index, block in enumerate(blocks)
    ]


_LINE_PATH = "/l:"


def _continues(path: str) -> bool:
    """Whether a block's path names a paragraph's second line or a later one (``p:7/l:2``)."""
    _head, found, line = path.rpartition(_LINE_PATH)
    return bool(found) and line != "0"
