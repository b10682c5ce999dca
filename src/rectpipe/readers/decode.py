"""Internal: bytes of a text file decoded to ``str``, the one home of text decoding.

A byte-order mark wins (:func:`decode_bom`, also used by the web-page reader before it looks at
the page's declared charset); then strict UTF-8; then UTF-16 without a mark; then GB18030, with
lines in different encodings decoded line by line; charset detection last.

A file cut off by its byte count (a download or a copy that stopped) may end inside a
character: the bytes of that last, incomplete character are dropped (:func:`whole_characters`)
rather than making the whole file undecodable, or its last line garbled by another encoding.
"""

from __future__ import annotations

import codecs

from ..errors import CorruptFileError

__all__ = ["BOMS", "decode_bom", "decode_text", "mixed_encodings", "whole_characters"]

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# How Python's codecs report a character cut short at the end of the bytes.
_CUT_SHORT = ("unexpected end of data", "incomplete multibyte sequence")


def whole_characters(data: bytes, encoding: str = "utf-8") -> bytes:
    """``data`` without the bytes of an incomplete last character in ``encoding`` (UTF-8 or
    UTF-16/32), when that is all that keeps it from decoding; else ``data`` as it is."""
    width = {"utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}.get(encoding)
    if width is not None:
        return data[: len(data) - len(data) % width]
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason in _CUT_SHORT:
            return data[: exc.start]
    return data


def decode_bom(data: bytes) -> str | None:
    """``data`` decoded by its byte-order mark, or ``None`` when it has none.

    Raises :class:`CorruptFileError` when the bytes after the mark are not valid in its encoding.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return whole_characters(data[len(bom) :], encoding).decode(encoding)
            except UnicodeDecodeError:
                raise CorruptFileError(
                    f"invalid {encoding} text after its byte-order mark"
                ) from None
    return None


def decode_text(data: bytes) -> str:
    """``data`` decoded: BOM first, then strict UTF-8, then UTF-16 without BOM, then GB18030.

    Raises :class:`CorruptFileError` when none of them gives believable text (binary data).
    """
    marked = decode_bom(data)
    if marked is not None:
        return marked
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
            return whole_characters(data, encoding).decode(encoding)
        except UnicodeDecodeError:
            if utf8 is None:
                raise CorruptFileError("binary data, not text") from None
            return utf8
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    if mixed_encodings(data):
        return "\n".join(_decode_line(line) for line in data.split(b"\n"))
    try:
        return whole_characters(data, "gb18030").decode("gb18030")
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
        return whole_characters(data).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("gb18030", errors="replace")


def mixed_encodings(data: bytes) -> bool:
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
