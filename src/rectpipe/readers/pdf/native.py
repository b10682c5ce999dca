"""Internal: the PDFium calls made per glyph, per text object and per page object, and the
page-wide passes of the line building, looped in native code.

``glyphloop.c`` beside this module is built (``make native``, or when the package is
installed with a C compiler at hand) into a small shared library that PDFium's functions are
handed to as pointers. :func:`native_loops` loads it once; ``None`` when it is not built, or
when ``RECTPIPE_NATIVE=0`` is set, and the reader then makes the same calls through ctypes
(:mod:`.pdfium_text`, :mod:`.pdfium`), with the same results: two ctypes calls a page (its
glyphs, its graphics) instead of two a glyph and four a text object.
"""

from __future__ import annotations

import ctypes
import importlib.machinery
import os
import struct
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["NativeLoops", "PageGlyphs", "built_loop_files", "native_loops"]

_NAME = "_glyphloop"
_LOADED: list[NativeLoops | None] = []
_POINTER = {8: "Q", 4: "I"}[ctypes.sizeof(ctypes.c_void_p)]
"""The array type code of a C pointer."""


def built_loop_files() -> list[Path]:
    """Where the built loops may be: an extension-module file name (as setuptools builds
    it) or a plain ``.so`` (``make native``), beside this module."""
    here = Path(__file__).resolve().parent
    suffixes = [*importlib.machinery.EXTENSION_SUFFIXES, ".so"]
    return [here / f"{_NAME}{suffix}" for suffix in suffixes]


def native_loops() -> NativeLoops | None:
    """The loaded loops, or ``None`` (not built, not loadable, or ``RECTPIPE_NATIVE=0``)."""
    if not _LOADED:
        _LOADED.append(_load())
    return _LOADED[0]


def _load() -> NativeLoops | None:
    if os.environ.get("RECTPIPE_NATIVE", "1") == "0":
        return None
    for path in built_loop_files():
        if path.is_file():
            try:
                return NativeLoops(ctypes.CDLL(str(path)))
            except (OSError, AttributeError):  # not loadable, or built from older source
                continue
    return None


class PageGlyphs(NamedTuple):
    """One page's glyphs as :meth:`NativeLoops.page` reads them.

    ``lefts`` … ``bottoms`` are the glyphs' loose boxes (top-left origin), as arrays of
    doubles (the line building hands them on to :meth:`NativeLoops.lines` and
    :meth:`NativeLoops.rows`, and lines keep slices of them, with no float object made);
    ``slots[k]`` is the number of glyph ``k``'s text object in ``objects`` (the page's
    distinct ones, ``0`` for none, in the order of their first glyphs), whose first glyph's
    font size, angle and Unicode map error, and whose font (``0`` for none), are ``sizes``,
    ``angles``, ``errors`` and ``fonts``; ``glyph_sizes[k]`` is glyph ``k``'s size (its
    object's), an array of doubles too."""

    lefts: array[float]
    rights: array[float]
    tops: array[float]
    bottoms: array[float]
    slots: list[int]
    objects: list[int]
    sizes: list[float]
    angles: list[float]
    errors: list[int]
    fonts: list[int]
    glyph_sizes: array[float]


class NativeLoops:
    """The loops of ``glyphloop.c``, with the buffers they write into (grown, never shrunk,
    reused page after page; like PDFium itself, not for use from several threads)."""

    def __init__(self, library: Any) -> None:
        vp, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
        self._page = library.rectpipe_glyphs
        self._page.restype = i
        self._page.argtypes = [vp] * 7 + [vp, i, d, d] + [vp] * 11 + [vp, i]
        self._graphics = library.rectpipe_form_graphics
        self._graphics.restype = i
        self._graphics.argtypes = [vp] * 8 + [d, d, d, vp, i, vp]
        self._lines = library.rectpipe_lines
        self._lines.restype = i
        self._lines.argtypes = [vp, vp, vp, ctypes.c_char_p, i, d, vp, vp, vp, vp, vp]
        self._rows = library.rectpipe_rows
        self._rows.restype = i
        self._rows.argtypes = [vp] * 5 + [ctypes.c_char_p, i, vp, i, d] + [vp] * 5
        self._odd = library.rectpipe_odd_heights
        self._odd.restype = i
        self._odd.argtypes = [vp] * 3 + [i, d, d, vp]
        self._kept = library.rectpipe_kept
        self._kept.restype = i
        self._kept.argtypes = [ctypes.c_char_p, i, vp]
        self._count = ctypes.c_int()
        self._functions: dict[str, int] = {}
        self._size = 0
        self._grow(256)
        self._edges = array("d", bytes(8 * 4 * 64))
        self._images = ctypes.c_int()

    def _grow(self, count: int) -> None:
        if count <= self._size:
            return
        size = max(count, 2 * self._size)
        self._columns = [array("d", bytes(8 * size)) for _ in range(6)]
        self._slots = array("i", bytes(4 * size))
        self._objects = array(_POINTER, bytes(8 * size))
        self._fonts = array(_POINTER, bytes(8 * size))
        self._angles = array("f", bytes(4 * size))
        self._errors = array("i", bytes(4 * size))
        self._table = array("i", bytes(4 * 2 * _power_of_two(size)))
        self._size = size

    def _function(self, raw: Any, name: str) -> int:
        found = self._functions.get(name)
        if found is None:
            pointer = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
            found = self._functions[name] = pointer or 0
        return found

    def kept(self, text: str) -> array[int]:
        """The indices of the characters of ``text`` that are glyphs to lay out (not
        :data:`~.pdfium_text._SKIPPED`)."""
        kept = array("i", bytes(4 * len(text)))
        found = self._kept(
            text.encode("utf-32-le", "surrogatepass"), len(text), kept.buffer_info()[0]
        )
        del kept[found:]
        return kept

    def page(
        self,
        raw: Any,
        textpage: ctypes.c_void_p,
        keep: array[int],
        x_origin: float,
        y_origin: float,
    ) -> PageGlyphs:
        """The glyphs at the character indices ``keep`` of ``textpage`` (at least one), with
        their boxes moved to a top-left origin at ``x_origin``, ``y_origin`` (PDF points)."""
        n = len(keep)
        self._grow(n)
        lefts, rights, tops, bottoms, sizes, glyph_sizes = self._columns
        table = self._table
        function = self._function
        m = self._page(
            function(raw, "FPDFText_GetTextObject"),
            function(raw, "FPDFText_GetLooseCharBox"),
            function(raw, "FPDFText_GetFontSize"),
            function(raw, "FPDFText_GetCharAngle"),
            function(raw, "FPDFText_HasUnicodeMapError"),
            function(raw, "FPDFTextObj_GetFont"),
            textpage,
            keep.buffer_info()[0],
            n,
            x_origin,
            y_origin,
            lefts.buffer_info()[0],
            rights.buffer_info()[0],
            tops.buffer_info()[0],
            bottoms.buffer_info()[0],
            self._slots.buffer_info()[0],
            self._objects.buffer_info()[0],
            sizes.buffer_info()[0],
            self._angles.buffer_info()[0],
            self._errors.buffer_info()[0],
            self._fonts.buffer_info()[0],
            glyph_sizes.buffer_info()[0],
            table.buffer_info()[0],
            len(table),
        )
        return PageGlyphs(
            lefts[:n],
            rights[:n],
            tops[:n],
            bottoms[:n],
            memoryview(self._slots)[:n].tolist(),
            memoryview(self._objects)[:m].tolist(),
            _floats(sizes, m),
            _floats(self._angles, m),
            memoryview(self._errors)[:m].tolist(),
            memoryview(self._fonts)[:m].tolist(),
            glyph_sizes[:n],
        )

    def graphics(
        self, raw: Any, page: int, x_origin: float, y_origin: float, thin: float
    ) -> tuple[list[float], int]:
        """The ruling segments of ``page`` (four floats each: x0, top, x1, bottom, top-left
        origin at ``x_origin``, ``y_origin``) and its number of images (see
        :func:`~.pdfium._pdfium_graphics`)."""
        function = self._function
        while True:
            edges = self._edges
            found = self._graphics(
                function(raw, "FPDFPage_CountObjects"),
                function(raw, "FPDFPage_GetObject"),
                function(raw, "FPDFFormObj_CountObjects"),
                function(raw, "FPDFFormObj_GetObject"),
                function(raw, "FPDFPageObj_GetType"),
                function(raw, "FPDFPageObj_GetBounds"),
                function(raw, "FPDFPageObj_GetMatrix"),
                page,
                x_origin,
                y_origin,
                thin,
                edges.buffer_info()[0],
                len(edges) // 4,
                ctypes.byref(self._images),
            )
            if 4 * found <= len(edges):
                return _floats(edges, 4 * found), self._images.value
            self._edges = array("d", bytes(8 * 4 * max(found, 2 * len(edges) // 4)))

    def lines(
        self,
        tops: Sequence[float],
        bottoms: Sequence[float],
        x0s: Sequence[float],
        upright: Sequence[bool] | None,
        reach: float,
    ) -> tuple[list[int], list[int]] | None:
        """The glyphs cut into lines and each line sorted left to right, as
        :func:`~.lines.build_lines` does (``reach`` is twice the tolerance; ``upright``
        ``None`` when every glyph is): the glyphs by index, line after line, and where each
        line starts among them, ending with their number; ``None`` when a vertical centre or
        an x0 is NaN (Python's sort orders those its own way)."""
        n = len(tops)
        self._grow(n)
        columns = _doubles(tops), _doubles(bottoms), _doubles(x0s)
        flags = None if upright is None else bytes(map(bool, upright))
        order, starts = self._table, self._slots  # both at least n ints
        found = self._lines(
            *(column.buffer_info()[0] for column in columns),
            flags,
            n,
            reach,
            self._columns[4].buffer_info()[0],
            self._errors.buffer_info()[0],
            order.buffer_info()[0],
            starts.buffer_info()[0],
            ctypes.byref(self._count),
        )
        if found < 0:
            return None
        cuts = memoryview(starts)[: self._count.value].tolist()
        cuts.append(found)
        return memoryview(order)[:found].tolist(), cuts

    def rows(
        self,
        columns: tuple[Sequence[float], ...],
        text: str | None,
        starts: Sequence[int],
        space: float,
    ) -> tuple[array[int], list[float], list[float], list[float], list[float]] | None:
        """What :func:`~.line_flags.row_facts` works out, in one pass: ``columns`` are the
        glyphs' x0s, x1s, tops, bottoms and sizes, sorted into lines (line ``g`` is glyphs
        ``starts[g]`` to ``starts[g + 1]``); ``text`` their characters, one a glyph (repeats
        are then flagged too), or ``None``. Each line's flags (1 suspect, 2 spaced, 4 mixed),
        largest x1, smallest top, largest bottom and widest gap between neighbours (NaN for
        none); ``None`` when the sizes add up to NaN."""
        lines = len(starts) - 1
        arrays = list(map(_doubles, columns))
        codes = None if text is None else text.encode("utf-32-le", "surrogatepass")
        cuts = array("i", starts)
        flags = array("B", bytes(lines))
        extents = [array("d", bytes(8 * lines)) for _ in range(4)]
        found = self._rows(
            *(column.buffer_info()[0] for column in arrays),
            codes,
            len(arrays[0]),
            cuts.buffer_info()[0],
            lines,
            space,
            flags.buffer_info()[0],
            *(extent.buffer_info()[0] for extent in extents),
        )
        if found < 0:
            return None
        rights, tops, bottoms, widest = (extent.tolist() for extent in extents)
        return flags, rights, tops, bottoms, widest

    def odd_heights(
        self,
        tops: Sequence[float],
        bottoms: Sequence[float],
        sizes: Sequence[float],
        low: float,
        high: float,
    ) -> list[int]:
        """The glyphs of odd height, as :func:`~.glyph_heights.fit_glyph_heights` looks for
        them: by index, those of positive height shorter than ``low`` or taller than ``high``
        times their size."""
        n = len(tops)
        self._grow(n)
        columns = _doubles(tops), _doubles(bottoms), _doubles(sizes)
        found = self._odd(
            *(column.buffer_info()[0] for column in columns),
            n,
            low,
            high,
            self._slots.buffer_info()[0],
        )
        return self._slots[:found].tolist()


def _floats(values: array[float], count: int) -> list[float]:
    """The first ``count`` of ``values`` as a list. Sliced as an array (one copy of the raw
    doubles) rather than through a memoryview, whose ``tolist`` unpacks each double by its
    format code: two to three times slower."""
    return values[:count].tolist()


def _doubles(values: Sequence[float]) -> array[float]:
    """``values`` as an array of doubles, for the loops to read: an array of doubles as it
    is, else packed in one call (several times faster than ``array("d", values)``, which
    converts a list item by item)."""
    if isinstance(values, array):
        return values if values.typecode == "d" else array("d", values)
    return array("d", struct.pack(f"{len(values)}d", *values))


def _power_of_two(count: int) -> int:
    """The smallest power of two at least ``count``."""
    return 1 << max(count - 1, 1).bit_length()
