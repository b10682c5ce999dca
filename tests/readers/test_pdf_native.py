"""The native loop reads every glyph, box and text object as the ctypes calls do."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from rectpipe.readers.pdf import Char, CharColumns, PdfiumCharSource, native

from ..conftest import SAMPLES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PDFS = sorted({*SAMPLES.glob("*.pdf"), *FIXTURES.rglob("*.pdf")})


def _pages(data: bytes) -> list[tuple[object, ...]]:
    source = PdfiumCharSource(data)
    try:
        return [
            (
                page.number,
                page.error,
                [tuple(char) for char in page.chars],
                [(e.x0, e.top, e.x1, e.bottom) for e in page.edges],
                page.image_count,
                _styles(page.chars),
            )
            for page in source.pages()
        ]
    finally:
        source.close()


@pytest.fixture
def without_native() -> Iterator[None]:
    loaded = list(native._LOADED)
    native._LOADED[:] = [None]
    yield
    native._LOADED[:] = loaded


def test_the_native_loops_are_built() -> None:
    """The install built it where a C compiler is present; elsewhere the ctypes path is used."""
    if not any(path.is_file() for path in native.built_loop_files()):
        pytest.skip("native loop not built (make native)")
    assert native.native_loops() is not None


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_native_and_ctypes_read_the_same(pdf: Path, without_native: None) -> None:
    data = pdf.read_bytes()
    through_ctypes = _pages(data)
    native._LOADED[:] = []  # load it again, as a fresh process would
    if native.native_loops() is None:
        pytest.skip("native loop not built (make native)")
    assert _pages(data) == through_ctypes


# --------------------------------------------------------------------------------------------
# a fake PDFium: what real files rarely hold, read both ways


class _FakePdfium:
    """The PDFium functions the PDFium source calls, answered from Python lists: each glyph's
    character, text object (``0``: none), loose box (``None``: cannot be read), font size,
    angle and map error; each object's font; and a tree of page objects."""

    def __init__(self, seed: int) -> None:
        import ctypes
        import random

        rng = random.Random(seed)
        vp, i, f = ctypes.c_void_p, ctypes.c_int, ctypes.CFUNCTYPE
        fl = ctypes.POINTER(ctypes.c_float)
        # glyphs: runs of text objects, some coming back later, some without an object
        objects = [0x1000 + 0x40 * k for k in range(rng.randint(1, 300))]
        self.glyphs: list[tuple[str, int, tuple[float, ...] | None, float, float, int]] = []
        for _ in range(rng.randint(1, 900)):
            obj = rng.choice([*objects[:3], 0, *objects]) if rng.random() < 0.3 else None
            obj = self.glyphs[-1][1] if obj is None and self.glyphs else (obj or objects[0])
            box = None if rng.random() < 0.05 else tuple(rng.uniform(-50, 900) for _ in range(4))
            if box is not None and rng.random() < 0.02:
                box = (float("inf"), box[1], -0.0, box[3])
            char = rng.choice("整改落实abc1 \n\u3000\ufffd")
            size = rng.choice([10.5, 12.0, 16.0, float("nan")])
            angle = rng.choice([0.0, 0.0, 0.0, 1.5707963, 6.2831852])
            self.glyphs.append((char, obj, box, size, angle, int(rng.random() < 0.03)))
        self.fonts = {obj: rng.choice([0, 0x9000, 0x9100]) for obj in objects}
        # page objects: text (1), path (2), image (3), form (5), nested up to 10 deep
        self.tree: dict[int, list[int]] = {}
        self.kinds: dict[int, int] = {}
        self.bounds: dict[int, tuple[float, float, float, float] | None] = {}
        self.matrices: dict[int, tuple[float, ...] | None] = {}
        self.page_objects = self._objects(rng, 0, 0x50000)
        glyph = self.glyphs

        def box(_: int, k: int, rect: Any) -> int:
            if glyph[k][2] is None:
                return 0
            rect[0], rect[1], rect[2], rect[3] = glyph[k][2]
            return 1

        def bounds(obj: int, left: Any, bottom: Any, right: Any, top: Any) -> int:
            found = self.bounds.get(obj)
            if found is None:
                return 0
            left[0], bottom[0], right[0], top[0] = found
            return 1

        def matrix(obj: int, values: Any) -> int:
            found = self.matrices.get(obj)
            if found is None:
                return 0
            for k, value in enumerate(found):
                values[k] = value
            return 1

        def name(font: int, buffer: Any, length: int) -> int:
            text = {0x9000: b"SimSun", 0x9100: b"FangSong_GB2312"}[font] + b"\0"
            ctypes.memmove(buffer, text, min(len(text), length))
            return len(text)

        self._keep = [
            f(vp, vp, i)(lambda _, k: glyph[k][1] or None),
            f(i, vp, i, fl)(box),
            f(ctypes.c_double, vp, i)(lambda _, k: glyph[k][3]),
            f(ctypes.c_float, vp, i)(lambda _, k: glyph[k][4]),
            f(i, vp, i)(lambda _, k: glyph[k][5]),
            f(vp, vp)(lambda obj: self.fonts.get(obj or 0) or None),
            f(ctypes.c_size_t, vp, vp, ctypes.c_size_t)(name),
            f(i, vp)(lambda _: len(self.page_objects)),
            f(vp, vp, i)(lambda _, k: self.page_objects[k]),
            f(i, vp)(lambda obj: len(self.tree.get(obj, []))),
            f(vp, vp, ctypes.c_ulong)(lambda obj, k: self.tree[obj][k]),
            f(i, vp)(lambda obj: self.kinds.get(obj or 0, 0)),
            f(i, vp, fl, fl, fl, fl)(bounds),
            f(i, vp, fl)(matrix),
        ]
        names = [
            "FPDFText_GetTextObject",
            "FPDFText_GetLooseCharBox",
            "FPDFText_GetFontSize",
            "FPDFText_GetCharAngle",
            "FPDFText_HasUnicodeMapError",
            "FPDFTextObj_GetFont",
            "FPDFFont_GetBaseFontName",
            "FPDFPage_CountObjects",
            "FPDFPage_GetObject",
            "FPDFFormObj_CountObjects",
            "FPDFFormObj_GetObject",
            "FPDFPageObj_GetType",
            "FPDFPageObj_GetBounds",
            "FPDFPageObj_GetMatrix",
        ]
        for attribute, function in zip(names, self._keep, strict=True):
            setattr(self, attribute, function)

    def _objects(self, rng: Any, depth: int, start: int) -> list[int]:
        found = []
        for k in range(rng.randint(0, 12 if depth < 3 else 3)):
            obj = start + 0x100 * k + 0x10000 * depth
            kind = rng.choice([1, 2, 2, 2, 3, 5] if depth < 11 else [2])
            self.kinds[obj] = kind
            if kind == 5:
                self.tree[obj] = self._objects(rng, depth + 1, obj * 2)
                # a form's matrix: none to read, the identity, scaled, turned, or strange
                self.matrices[obj] = rng.choice(
                    [
                        None,
                        (1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
                        (0.9, 0.0, 0.0, 0.9, 30.0, 42.5),
                        (0.0, 1.0, -1.0, 0.0, 595.0, 0.0),
                        (1.0, 0.0, 0.0, 1.0, float("inf"), 0.0),
                    ]
                )
            elif kind == 2 and rng.random() > 0.05:
                x0, y0 = rng.uniform(0, 500), rng.uniform(0, 700)
                w = rng.choice([0.5, 1.0, 3.0, 200.0, float("nan")])
                h = rng.choice([0.5, 1.0, 40.0])
                self.bounds[obj] = (x0, y0, x0 + w, y0 + h)
            found.append(obj)
        return found

    # called from Python, not through function pointers
    def FPDFText_CountChars(self, _: Any) -> int:
        return len(self.glyphs)

    def FPDFText_GetText(self, _: Any, start: int, count: int, buffer: Any) -> int:
        for k in range(count):
            buffer[k] = ord(self.glyphs[start + k][0])
        buffer[count] = 0
        return count + 1

    def FPDFText_GetUnicode(self, _: Any, k: int) -> int:
        return ord(self.glyphs[k][0])


def _read_fake(fake: _FakePdfium, x_origin: float, y_origin: float) -> tuple[object, ...]:
    import ctypes

    from rectpipe.readers.pdf import pdfium, pdfium_text

    chars, objects = pdfium_text._pdfium_chars(
        fake, ctypes.c_void_p(0x10), y_origin, x_origin, pdfium_text._Scratch(), 0.1
    )
    loops = native.native_loops()
    if loops is None:
        edges, images = pdfium._pdfium_graphics(
            fake, ctypes.c_void_p(0x20), y_origin, x_origin, objects, thin_rect_max=2.0
        )
        found: list[float] = [v for e in edges for v in (e.x0, e.top, e.x1, e.bottom)]
    else:
        found, images = loops.graphics(fake, 0x20, x_origin, y_origin, 2.0)
    # NaN equals itself here, as the fake's NaN sizes and widths come back
    return repr([tuple(char) for char in chars]), repr(found), images, _styles(chars)


def _styles(chars: Sequence[Char]) -> str:
    """The glyphs' sizes and upright flags as the layout asks for them, held to their styles'."""
    if not isinstance(chars, CharColumns):
        return ""
    sizes, uprights = list(chars.sizes()), chars.uprights()
    assert repr(sizes) == repr([char.size for char in chars])
    assert uprights == [char.upright for char in chars]
    return repr((sizes, uprights))


@pytest.mark.parametrize("seed", range(40))
def test_native_and_ctypes_read_the_same_strange_pages(seed: int, without_native: None) -> None:
    from rectpipe.readers.pdf import pdfium_text

    fake = _FakePdfium(seed)
    api = list(pdfium_text._FAST_API)
    try:
        pdfium_text._FAST_API[:] = []  # the fake's functions, re-typed
        origins = [(0.0, 842.0), (-0.0, 841.89), (12.5, 600.0)]
        through_ctypes = [_read_fake(fake, x, y) for x, y in origins]
        native._LOADED[:] = []
        if native.native_loops() is None:
            pytest.skip("native loop not built (make native)")
        assert [_read_fake(fake, x, y) for x, y in origins] == through_ctypes
    finally:
        pdfium_text._FAST_API[:] = api
