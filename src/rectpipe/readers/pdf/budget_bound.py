"""Internal: a bound on every page's drawing instructions found from the file's bytes alone,
which spares most files the page-by-page count of :mod:`.budget`.

The count walks the page tree with pdfminer (importing it and resolving every page's objects
costs more than reading a short file's text). Most files need none of it: no page draws a
form, no font is a Type 3 font, every content stream is inflated by zlib alone. For those a
page's drawing instructions are its content streams, each counted as often as its page's
``/Contents`` names it. :func:`within_budget` finds every ``/Contents`` in the file (in its
bytes and in its object streams), the streams they name, and inflates each once: when no
page's streams add up to more than the budget, every page is within it.

Whatever the bytes leave in doubt answers ``False`` (the count then decides): a form, a Type 3
font, a filter other than Flate or more than one, an encrypted file, a name written with
``#`` escapes that could be one of those words, a ``/Contents`` that is not a stream or an
array of streams, a stream that does not inflate to its end, an object defined again in an
object stream. The answer is only ever ``True`` when the count would find every page within
the budget.
"""

from __future__ import annotations

import bisect
import mmap
import re
import zlib
from collections.abc import Iterable

__all__ = ["within_budget"]

_WS = rb"\x00\t\n\x0c\r "
_REGULAR = rb"[^" + _WS + rb"()<>\[\]{}/%]"
_END = rb"(?!" + _REGULAR + rb")"

_DOUBTFUL = {
    "Form",
    "Type3",
    "Encrypt",
    "LZWDecode",
    "LZW",
    "ASCII85Decode",
    "A85",
    "ASCIIHexDecode",
    "AHx",
    "RunLengthDecode",
    "RL",
    "Crypt",
}
"""Names whose presence anywhere hands the file to the count."""

_ESCAPED_WORDS = _DOUBTFUL | {"Contents", "Filter", "ObjStm", "Type", "Subtype", "N", "First"}
"""Names the bound reads or must see: written with ``#`` escapes, the bytes cannot be trusted."""

_DOUBT = re.compile(rb"/(?:" + rb"|".join(n.encode() for n in sorted(_DOUBTFUL)) + rb")" + _END)
_ESCAPED = re.compile(rb"/" + _REGULAR + rb"*#[0-9A-Fa-f]{2}" + _REGULAR + rb"*")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
# Keywords are found by their letters first (a pattern opening with a look-behind or a
# number is tried at every byte), then what precedes them is checked.
_OBJ = re.compile(rb"obj" + _END)
_OBJECT_NUMBERS = re.compile(rb"(?<![0-9])(\d{1,10})[" + _WS + rb"]+\d{1,5}[" + _WS + rb"]+\Z")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)?")
_LOOK_BACK = 64
_CONTENTS = re.compile(rb"/Contents" + _END + rb"[" + _WS + rb"]*(.)", re.S)
_REF = rb"(\d{1,10})[" + _WS + rb"]+\d{1,5}[" + _WS + rb"]+R" + _END
_ONE_REF = re.compile(rb"[" + _WS + rb"]*" + _REF)
_REFS = re.compile(
    rb"\[((?:[" + _WS + rb"]*\d{1,10}[" + _WS + rb"]+\d{1,5}[" + _WS + rb"]+R)*)[" + _WS + rb"]*\]"
)
_REF_IN = re.compile(_REF)
_FILTER = re.compile(
    rb"/Filter" + _END + rb"[" + _WS + rb"]*(/" + _REGULAR + rb"+|\[[^\]]*\]|.)", re.S
)
_LENGTH = re.compile(
    rb"/Length" + _END + rb"[" + _WS + rb"]*(\d{1,12})" + _END + rb"(?![" + _WS + rb"]+\d)"
)
_INDIRECT_TYPE = re.compile(rb"/Type[" + _WS + rb"]*\d")
_OBJSTM = re.compile(rb"/Type[" + _WS + rb"]*/ObjStm" + _END)
_INTEGERS = re.compile(rb"\d+")
_FIRST = re.compile(rb"/First[" + _WS + rb"]*(\d{1,12})")

_MAX_DICTIONARY = 1 << 16
"""A stream dictionary longer than this is odd enough to hand to the count."""
_CHUNK = 1 << 16


class _Doubt(Exception):
    """The bytes leave the bound in doubt."""


def within_budget(view: bytes | mmap.mmap, budget: int) -> bool:
    """Whether the bytes of a PDF (``view``: bytes or a read-only memory map) show that no
    page expands to more than ``budget`` bytes of drawing instructions. ``False`` means
    only that the bytes alone cannot tell."""
    try:
        return _Scan(view, budget).within()
    except _Doubt:
        return False


class _Scan:
    """One file's objects, streams and ``/Contents``, read from its bytes."""

    def __init__(self, raw: bytes | mmap.mmap, budget: int) -> None:
        self.raw = raw
        self.budget = budget
        self.starts: list[int] = []
        self.defined: dict[int, list[int]] = {}  # object number -> its headers' indices
        self.header_ends: list[int] = []
        self.streams: dict[
            int, tuple[int, int]
        ] = {}  # header index -> (dictionary end, data start)
        self.sizes: dict[int, int] = {}

    def within(self) -> bool:
        raw = self.raw
        if _DOUBT.search(raw):
            return False
        _check_escapes(raw)
        for found in _OBJ.finditer(raw):
            before = max(0, found.start() - _LOOK_BACK)
            numbers = _OBJECT_NUMBERS.search(raw[before : found.start()])
            if numbers is None:
                continue
            self.defined.setdefault(int(numbers.group(1)), []).append(len(self.starts))
            self.starts.append(before + numbers.start())
            self.header_ends.append(found.end())
        for found in _STREAM.finditer(raw):
            if found.start() > 0 and raw[found.start() - 1 : found.start()].isalpha():
                continue  # endstream
            index = bisect.bisect_right(self.starts, found.start()) - 1
            if index < 0 or index in self.streams:
                continue  # not an object's stream (PDFium cannot name it), or inside its data
            if found.start() - self.header_ends[index] > _MAX_DICTIONARY:
                raise _Doubt
            self.streams[index] = (found.start(), found.end())
        texts: list[bytes | mmap.mmap] = [raw]
        packed: set[int] = set()
        for index, (dictionary_end, _) in self.streams.items():
            dictionary = raw[self.header_ends[index] : dictionary_end]
            if _INDIRECT_TYPE.search(dictionary):
                raise _Doubt  # an object stream could hide behind it
            if _OBJSTM.search(dictionary):
                unpacked = self.decoded(index)
                if len(unpacked) > self.budget or _DOUBT.search(unpacked):
                    return False
                _check_escapes(unpacked)
                packed.update(_packed_numbers(dictionary, unpacked))
                texts.append(unpacked)
        for text in texts:
            for pages in _contents(text):
                total = 0
                for number in pages:
                    if number in packed:
                        raise _Doubt  # defined again where the bytes cannot say which wins
                    total += self.size(number)
                    if total > self.budget:
                        return False
        return True

    def size(self, number: int) -> int:
        """The largest any definition of object ``number`` inflates to (each must be a
        stream)."""
        known = self.sizes.get(number)
        if known is not None:
            return known
        size = -1
        for index in self.defined.get(number, ()):
            if index not in self.streams:
                raise _Doubt  # an array of streams, or no stream: the count reads it
            size = max(size, len(self.decoded(index)))
        if size < 0:
            raise _Doubt
        self.sizes[number] = size
        return size

    def decoded(self, index: int) -> bytes:
        """The data of the stream of object ``index``, inflated when it is Flate, cut a byte
        past the budget."""
        raw = self.raw
        dictionary_end, start = self.streams[index]
        dictionary = raw[self.header_ends[index] : dictionary_end]
        filters = _filters(dictionary)
        if not filters:
            end = raw.find(b"endstream", start)
            end = len(raw) if end < 0 else end
            length = _LENGTH.search(dictionary)
            if length is not None:
                end = max(end, min(len(raw), start + int(length.group(1))))
            return raw[start : min(end, start + self.budget + 1)]
        return _inflate(raw, start, self.budget)


def _filters(dictionary: bytes) -> list[str]:
    found = list(_FILTER.finditer(dictionary))
    if not found:
        return []
    if len(found) > 1:
        raise _Doubt
    value = found[0].group(1)
    if value.startswith(b"["):
        names = re.findall(rb"/(" + _REGULAR + rb"+)", value)
        if value.count(b"/") != len(names) or len(names) > 1:
            raise _Doubt
    elif value.startswith(b"/"):
        names = [value[1:]]
    else:
        raise _Doubt  # an indirect filter, or one the bytes do not show
    if any(name not in (b"FlateDecode", b"Fl") for name in names):
        raise _Doubt
    return [name.decode("latin-1") for name in names]


def _inflate(raw: bytes | mmap.mmap, start: int, budget: int) -> bytes:
    """zlib data from ``start`` inflated to its end, or to a byte past ``budget``; a stream
    that stops short of its end is in doubt."""
    inflater = zlib.decompressobj()
    out = bytearray()
    position = start
    try:
        while not inflater.eof and len(out) <= budget:
            if inflater.unconsumed_tail:
                piece = inflater.unconsumed_tail
            else:
                if position >= len(raw):
                    raise _Doubt
                piece = raw[position : position + _CHUNK]
                position += len(piece)
            out += inflater.decompress(piece, budget + 1 - len(out))
    except zlib.error:
        raise _Doubt from None
    return bytes(out)


def _check_escapes(text: bytes | mmap.mmap) -> None:
    for found in _ESCAPED.finditer(text):
        name = _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), found.group()[1:])
        if name.decode("latin-1") in _ESCAPED_WORDS:
            raise _Doubt


def _packed_numbers(dictionary: bytes, text: bytes) -> Iterable[int]:
    """The numbers of the objects an object stream defines (its header's pairs)."""
    first = _FIRST.search(dictionary)
    if first is None:
        raise _Doubt
    header = _INTEGERS.findall(text[: int(first.group(1))])
    return [int(n) for n in header[0::2]]


def _contents(text: bytes | mmap.mmap) -> Iterable[list[int]]:
    """For every ``/Contents`` in ``text``, the objects it names (a name twice in an array
    counts twice). A string (an annotation's text) names none."""
    for found in _CONTENTS.finditer(text):
        opening = found.group(1)
        if opening == b"(":
            continue
        if opening == b"<":
            if text[found.start(1) : found.start(1) + 2] == b"<<":
                raise _Doubt
            continue
        if opening == b"[":
            array = _REFS.match(text, found.start(1))
            if array is None:
                raise _Doubt
            yield [int(m.group(1)) for m in _REF_IN.finditer(array.group(1))]
            continue
        one = _ONE_REF.match(text, found.start(1))
        if one is None:
            raise _Doubt
        yield [int(one.group(1))]
