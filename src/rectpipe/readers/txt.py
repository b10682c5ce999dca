"""Plain-text reader: one block per non-empty line."""

from __future__ import annotations

import codecs

from ..blocks import Block, Document
from ..errors import CorruptFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """``data`` decoded: BOM first, then strict UTF-8, then UTF-16 without BOM, then GB18030.

    Raises :class:`CorruptFileError` when none of them gives believable text (binary data).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise CorruptFileError(
                    f"invalid {encoding} text after its byte-order mark"
                ) from None
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        encoding = "utf-16-be" if even > odd else "utf-16-le"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise CorruptFileError("binary data, not text") from None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        raise CorruptFileError("not decodable as UTF-8 or GB18030") from None
    best = from_bytes(data).best()
    if best is None:
        raise CorruptFileError("binary data, not text")
    return str(best)


def read_txt(data: bytes) -> Document:
    """Blocks for each non-empty line of a text file, with ``path="line:N"`` (1-based).

    Line ends may be LF, CRLF or CR. ``indent`` is the number of leading blank characters.
    """
    text = decode_text(data)
    blocks: list[Block] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip(" \t\u3000\xa0\ufeff")
        if not stripped:
            continue
        indent = float(len(line) - len(line.lstrip(" \t\u3000\xa0")))
        blocks.append(Block(text=line, path=f"line:{number}", indent=indent))
    return Document(blocks=blocks, format="txt")
