"""Plain-text reader: one block per non-empty line.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import codecs

from ..errors import CorruptFileError
from .blocks import Block, Document

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
    head = data[:4096]
    if b"\x00" in head:
        # NUL bytes hint at UTF-16 without a byte-order mark, but a stray NUL or two in a
        # UTF-8 file must not switch the decoding on its own: UTF-16 is taken when the file is
        # not UTF-8, or when NULs are a large share of it (ASCII-heavy UTF-16 is valid UTF-8).
        utf8 = _utf8(data)
        if utf8 is not None and head.count(0) < len(head) // 8:
            return utf8
        even, odd = head[0::2].count(0), head[1::2].count(0)
        encoding = "utf-16-be" if even > odd else "utf-16-le"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            if utf8 is None:
                raise CorruptFileError("binary data, not text") from None
            return utf8
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    if _mixed(data):
        return "\n".join(_decode_line(line) for line in data.split(b"\n"))
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        raise CorruptFileError("not decodable as UTF-8 or GB18030") from None
    best = from_bytes(data).best()
    if best is None:
        raise CorruptFileError("binary data, not text")
    return str(best)


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("gb18030", errors="replace")


def _mixed(data: bytes) -> bool:
    """True when some lines are valid non-ASCII UTF-8 and others are not (pasted together)."""
    utf8 = other = 0
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            other += 1
        if utf8 and other:
            return True
    return False


def read_txt(data: bytes) -> Document:
    """Blocks for each non-empty line of a text file, with ``path="line:N"`` (1-based).

    Line ends may be LF, CRLF or CR. ``indent`` is the number of leading blank characters.
    """
    text = decode_text(data)
    notes = [("mixed_encoding", "lines in different encodings")] if _mixed(data) else []
    blocks: list[Block] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip(" \t\u3000\xa0\ufeff")
        if not stripped:
            continue
        indent = float(len(line) - len(line.lstrip(" \t\u3000\xa0")))
        blocks.append(Block(text=line, path=f"line:{number}", indent=indent))
    return Document(blocks=blocks, format="txt", notes=notes)
