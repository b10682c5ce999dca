"""Internal: the PDFium calls made per glyph and per text object, looped in native code.

``glyphloop.c`` beside this module is built (``make native``, or when the package is
installed with a C compiler at hand) into a small shared library that PDFium's functions are
handed to as pointers. :func:`native_loops` loads it once; ``None`` when it is not built, or
when ``RECTPIPE_NATIVE=0`` is set, and the reader then makes the same calls through ctypes
(:mod:`.pdfium_text`), with the same results: one ctypes call a page instead of two a glyph.
"""

from __future__ import annotations

import ctypes
import importlib.machinery
import os
from array import array
from pathlib import Path
from typing import Any

__all__ = ["NativeLoops", "library_paths", "native_loops"]

_NAME = "_glyphloop"
_LOADED: list[NativeLoops | None] = []


def library_paths() -> list[Path]:
    """Where the built library may be: an extension-module file name (as setuptools builds
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
    for path in library_paths():
        if path.is_file():
            try:
                return NativeLoops(ctypes.CDLL(str(path)))
            except (OSError, AttributeError):
                continue
    return None


def _address(buffer: Any) -> ctypes.c_void_p:
    return ctypes.c_void_p(ctypes.addressof(buffer))


class NativeLoops:
    """The two loops of ``glyphloop.c``, with the buffers they write into (grown, never
    shrunk, reused page after page; like PDFium itself, not for use from several threads)."""

    def __init__(self, library: Any) -> None:
        vp, i = ctypes.c_void_p, ctypes.c_int
        self._glyphs = library.rectpipe_glyphs
        self._glyphs.restype = None
        self._glyphs.argtypes = [vp, vp, vp, vp, i, vp, vp, vp]
        self._objects = library.rectpipe_objects
        self._objects.restype = None
        self._objects.argtypes = [vp, vp, vp, vp, vp, vp, vp, i, vp, vp, vp, vp]
        self._functions: dict[str, ctypes.c_void_p] = {}
        self._size = 0
        self._grow(256)

    def _grow(self, count: int) -> None:
        if count <= self._size:
            return
        size = max(count, 2 * self._size)
        self._pointers = (ctypes.c_void_p * size)()
        self._more_pointers = (ctypes.c_void_p * size)()
        self._flags = (ctypes.c_int * size)()
        self._doubles = (ctypes.c_double * size)()
        self._floats = (ctypes.c_float * size)()
        self._size = size

    def _function(self, raw: Any, name: str) -> ctypes.c_void_p:
        found = self._functions.get(name)
        if found is None:
            found = self._functions[name] = ctypes.cast(getattr(raw, name), ctypes.c_void_p)
        return found

    def glyphs(
        self, raw: Any, textpage: ctypes.c_void_p, keep: list[int], boxes: Any
    ) -> tuple[list[int | None], list[int]]:
        """The text object of each glyph of ``keep`` (``None`` for none), and whether its
        loose box was read: into ``boxes``, four floats a glyph (left, top, right, bottom)."""
        n = len(keep)
        self._grow(n)
        indices = array("i", keep)
        self._glyphs(
            self._function(raw, "FPDFText_GetTextObject"),
            self._function(raw, "FPDFText_GetLooseCharBox"),
            textpage,
            indices.buffer_info()[0],
            n,
            _address(self._pointers),
            _address(boxes),
            _address(self._flags),
        )
        return self._pointers[:n], self._flags[:n]

    def objects(
        self, raw: Any, textpage: ctypes.c_void_p, firsts: list[int], objects: list[int | None]
    ) -> tuple[list[float], list[float], list[int], list[int | None]]:
        """Font size, angle and Unicode map error of each glyph of ``firsts`` (an object's
        first), and the font of each of ``objects`` (``None`` for none)."""
        n = len(firsts)
        self._grow(n)
        indices = array("i", firsts)
        pointers: Any = self._more_pointers  # ctypes takes ints and None (NULL) alike
        pointers[:n] = objects
        self._objects(
            self._function(raw, "FPDFText_GetFontSize"),
            self._function(raw, "FPDFText_GetCharAngle"),
            self._function(raw, "FPDFText_HasUnicodeMapError"),
            self._function(raw, "FPDFTextObj_GetFont"),
            textpage,
            indices.buffer_info()[0],
            _address(self._more_pointers),
            n,
            _address(self._doubles),
            _address(self._floats),
            _address(self._flags),
            _address(self._pointers),
        )
        return self._doubles[:n], self._floats[:n], self._flags[:n], self._pointers[:n]
