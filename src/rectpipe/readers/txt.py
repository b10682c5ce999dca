"""Plain-text reader: one block per non-empty line.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .blocks import Block, Document
from .decode import decode_text, mixed_encodings

__all__ = ["read_txt"]


def read_txt(data: bytes) -> Document:
    """Blocks for each non-empty line of a text file, with ``path="line:N"`` (1-based).

    Line ends may be LF, CRLF or CR. ``indent`` is the number of leading blank characters;
    ``after_blank`` says an empty line came before (not before the first block).
    """
    text = decode_text(data)
    notes = [("mixed_encoding", "lines in different encodings")] if mixed_encodings(data) else []
    blocks: list[Block] = []
    blank = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip(" \t\u3000\xa0\ufeff")
        if not stripped:
            blank = bool(blocks)
            continue
        indent = float(len(line) - len(line.lstrip(" \t\u3000\xa0")))
        blocks.append(Block(text=line, path=f"line:{number}", indent=indent, after_blank=blank))
        blank = False
    return Document(blocks=blocks, format="txt", notes=notes)
