"""Internal: a web page's bytes decoded to text, picking the charset as a browser would.

A byte-order mark wins (:func:`rectpipe.readers.decode.decode_bom`, shared with text files);
then the charset the page declares (``<?xml encoding>``, then ``<meta charset>`` /
``http-equiv``) when its bytes really are in it; else detection. GB2312 and GBK are decoded as
their superset GB18030. Decoded text that is really binary is refused.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ...errors import CorruptFileError
from ...runtime.patterns import compile_re
from ..decode import decode_bom, whole_characters

# Control characters other than whitespace: many of them mean binary data, not text.
_CONTROL = compile_re(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_PRESCAN_BYTES = 16384
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz"})
_GB_EXTRA_NAMES = frozenset({"x-gbk", "gb_2312-80", "csgb2312", "iso-ir-58", "chinese", "x-gb2312"})
_BIG5_NAMES = frozenset({"big5", "big5hkscs", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"})
_WESTERN_SINGLE_BYTE = frozenset({"ascii", "iso8859-1", "cp1252", "latin-1"})
_WIDE_UNICODE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_CJK_CODECS = frozenset(
    {"gb18030", "big5hkscs", "utf-8", "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
)


def _codec_for(label: str) -> str | None:
    """Map a declared or detected charset name to the Python codec a browser would use.

    GB2312 / GBK (and their aliases) become ``gb18030``, Big5 becomes ``big5hkscs``; a UTF-16/32
    declaration inside ASCII-compatible bytes is treated as UTF-8 (as browsers do). Returns
    ``None`` for a name Python does not know.
    """
    name = label.strip().strip("\"'").lower().replace("_", "-")
    if name in _GB_EXTRA_NAMES:
        return "gb18030"
    if name in _BIG5_NAMES:
        return "big5hkscs"
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    if canonical in _GB_FAMILY:
        return "gb18030"
    if canonical in _BIG5_NAMES:
        return "big5hkscs"
    if canonical in _WIDE_UNICODE:
        return "utf-8"
    return canonical


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<?xml encoding>``, then ``<meta>``)."""
    head = data[:_PRESCAN_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def _looks_chinese(text: str) -> bool:
    """Whether most non-ASCII characters of ``text`` are CJK (a sanity check for a guess)."""
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    cjk = sum(1 for ch in non_ascii if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return cjk >= 0.6 * len(non_ascii)


def _detect(data: bytes) -> str | None:
    """Guess the codec of undeclared bytes: UTF-8 if valid, else charset-normalizer's best
    guess, with GB18030 preferred over a single-byte guess when it decodes to Chinese."""
    try:
        whole_characters(data).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    best = charset_normalizer.from_bytes(data).best()
    guess = _codec_for(best.encoding) if best is not None else None
    if guess in _CJK_CODECS:
        return guess
    try:
        as_gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return guess
    return "gb18030" if _looks_chinese(as_gb) else guess


def _decode(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """Decode page bytes to text, returning the text and reader notes.

    Order: a byte-order mark; the charset the page declares (if its bytes really are in it);
    detection. A declaration the bytes contradict gives a note ``encoding_mismatch``; bytes no
    codec decodes cleanly are decoded with replacement characters and a note
    ``encoding_replaced``. Raises :class:`CorruptFileError` when nothing fits or the result is
    binary rather than text.
    """
    notes: list[tuple[str, str]] = []
    if not data.strip():
        raise CorruptFileError("empty file, not a web page")
    marked = decode_bom(data)
    if marked is not None:
        return _check_text(marked), notes

    fallback: str | None = None
    declared = _declared_charset(data)
    if declared is not None:
        declared_codec = _codec_for(declared)
        if declared_codec is None:
            notes.append(("encoding_unknown", f"declared charset {declared!r} is unknown"))
        elif declared_codec in _WESTERN_SINGLE_BYTE and not data.isascii():
            notes.append(
                ("encoding_mismatch", f"declared {declared!r} for non-ASCII text; detected instead")
            )
        else:
            try:
                return _check_text(
                    whole_characters(data, declared_codec).decode(declared_codec)
                ), notes
            except UnicodeDecodeError:
                fallback = declared_codec
                notes.append(
                    ("encoding_mismatch", f"bytes are not valid {declared!r}; detected instead")
                )

    detected = _detect(data)
    if fallback is not None and detected not in _CJK_CODECS:
        detected = None  # trust a CJK declaration with a few bad bytes over a Western guess
    if detected is not None:
        try:
            return _check_text(whole_characters(data, detected).decode(detected)), notes
        except UnicodeDecodeError:
            fallback = fallback or detected
    if fallback is None:
        raise CorruptFileError("cannot determine the text encoding")
    notes.append(("encoding_replaced", f"undecodable bytes replaced while decoding as {fallback}"))
    return _check_text(data.decode(fallback, errors="replace")), notes


def _check_text(text: str) -> str:
    """Reject decoded text that is really binary (NULs, many control characters)."""
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise CorruptFileError("binary data, not a web page")
    return text
