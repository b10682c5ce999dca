"""Internal: glyphs, ruling segments and images of each page through PDFium (pypdfium2).

The fast source: pages are loaded through PDFium's own functions and the document is reopened
every :attr:`PdfiumCharSource.PAGES_PER_OPENING` pages; the glyphs come from the text page
(:mod:`.pdfium_text`), ruling segments and images from the page objects.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Collection, Iterator, Sequence
from typing import Any

from .glyphs import Char, CharColumns
from .native import native_loops
from .pdf_input import PdfInput
from .pdfium_text import _fast_api, _pdfium_chars, _Scratch
from .settings import DEFAULT_SETTINGS, LayoutSettings
from .sources import Edge, PageChars, _SourceBase
from .turned import QUARTER, turned_columns, turned_edges

__all__ = ["PdfiumCharSource"]

_FPDF_PAGEOBJ_PATH = 2
_FPDF_PAGEOBJ_IMAGE = 3
_FPDF_PAGEOBJ_FORM = 5


class PdfiumCharSource(_SourceBase):
    """Glyphs through PDFium (pypdfium2): the fast path.

    Boxes are PDFium's *loose* character boxes (font ascent to descent, advance width), close to
    pdfminer's. Generated characters (the spaces and line ends PDFium infers) are skipped: the
    reader works from positions. Glyphs PDFium cannot map to Unicode become U+FFFD. Opening
    raises ``pypdfium2.PdfiumError`` on unreadable or password-protected input.

    Pages are loaded through PDFium's own functions rather than pypdfium2's ``PdfPage``, which
    registers every page with the document and a finalizer (a measurable share of a page's
    cost when its text is read in a fraction of a millisecond); each page is closed before the
    next one is loaded.

    PDFium keeps every object it has parsed for the life of the document, about 75 KB a page
    in a Word export: the document is opened afresh every :attr:`PAGES_PER_OPENING` pages, so
    that memory stops growing with the page count (a 200-page file: peak RSS 71 → 62 MB, for
    about 3% more time, spent parsing shared objects such as fonts again).
    """

    PAGES_PER_OPENING = 64

    def __init__(
        self,
        data: bytes | PdfInput,
        password: str | None = None,
        *,
        settings: LayoutSettings = DEFAULT_SETTINGS,
    ) -> None:
        import pypdfium2 as pdfium

        # PDFium reads from these bytes (or this file) lazily: keep them at hand
        self._input = PdfInput.of(data).for_pdfium()
        self._password = password
        self._doc = pdfium.PdfDocument(self._input, password=password)
        self._closed = False
        self._scratch = _Scratch()
        self._settings = settings

    @property
    def page_count(self) -> int:
        return len(self._doc)

    def _reopen(self) -> None:
        import pypdfium2 as pdfium

        self._doc.close()
        self._doc = pdfium.PdfDocument(self._input, password=self._password)

    def pages(self) -> Iterator[PageChars]:
        import pypdfium2.raw as raw

        for index in range(len(self._doc)):
            if self._closed:
                return
            if index and index % self.PAGES_PER_OPENING == 0:
                self._reopen()
            page = raw.FPDF_LoadPage(self._doc.raw, index)
            if not page:  # the message pypdfium2's ``PdfDocument.get_page`` raises
                yield PageChars(index + 1, 0.0, 0.0, [], [], 0, "PdfiumError: Failed to load page.")
                continue
            textpage = None
            try:
                textpage = raw.FPDFText_LoadPage(page)
                result = self._read(raw, page, textpage, index + 1)
            except Exception as exc:
                result = PageChars(index + 1, 0.0, 0.0, [], [], 0, f"{type(exc).__name__}: {exc}")
            finally:
                if textpage:
                    raw.FPDFText_ClosePage(textpage)
                raw.FPDF_ClosePage(page)
            yield result

    def _read(self, raw: Any, page: Any, textpage: Any, number: int) -> PageChars:
        """Glyphs, ruling segments and images of the loaded ``page``."""
        import pypdfium2 as pdfium

        width = float(raw.FPDF_GetPageWidthF(page))
        height = float(raw.FPDF_GetPageHeightF(page))
        bbox = raw.FS_RECTF()
        if not raw.FPDF_GetPageBoundingBox(page, bbox):
            raise pdfium.PdfiumError("Failed to get page bounding box.")
        left, origin = float(bbox.left), height + float(bbox.bottom)
        quarters = raw.FPDFPage_GetRotation(page) % 4  # /Rotate, clockwise: a turned page
        if quarters:  # read in its own space, whose top the width and height do not give
            origin = float(bbox.top)
        settings = self._settings
        chars, text_objects = _pdfium_chars(
            raw,
            textpage,
            origin,
            left,
            self._scratch,
            settings.upright_tolerance,
            quarters * QUARTER,
        )
        if quarters and _mostly_sideways(chars):
            # upright in its own space: a page turned only for showing (a viewer's rotation
            # saved), read as its content stands
            quarters = 0
            width, height = float(bbox.right) - left, float(bbox.top) - float(bbox.bottom)
            chars, text_objects = _pdfium_chars(
                raw, textpage, origin, left, self._scratch, settings.upright_tolerance
            )
        loops = native_loops()
        if loops is None:
            edges, images = _pdfium_graphics(
                raw, page, origin, left, text_objects, thin_rect_max=settings.thin_rect_max
            )
        else:  # the same walk over the page objects, in one call
            address = ctypes.cast(page, ctypes.c_void_p).value or 0
            values, images = loops.graphics(raw, address, left, origin, settings.thin_rect_max)
            edges = list(itertools.starmap(Edge, zip(*[iter(values)] * 4, strict=True)))
        if quarters:
            own = (float(bbox.right) - left, float(bbox.top) - float(bbox.bottom))
            if isinstance(chars, CharColumns):
                chars = turned_columns(chars, quarters, *own)
            edges = turned_edges(edges, quarters, *own)
        return PageChars(number, width, height, chars, edges, images)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._doc.close()


_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix_of(values: list[float]) -> _Matrix:
    a, b, c, d, e, f = values
    return (a, b, c, d, e, f)


def _within(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix that places a point through ``inner`` and then ``outer`` (PDF's
    ``x' = a x + c y + e``, ``y' = b x + d y + f``)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _placed_box(
    m: _Matrix, left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    """The bounds of a box's four corners placed through ``m``: left, bottom, right, top."""
    xs, ys = [], []
    for x, y in ((left, bottom), (right, bottom), (left, top), (right, top)):
        xs.append(m[0] * x + m[2] * y + m[4])
        ys.append(m[1] * x + m[3] * y + m[5])
    return min(xs), min(ys), max(xs), max(ys)


def _mostly_sideways(chars: Sequence[Char]) -> bool:
    """Whether fewer than half of a page's glyphs are upright."""
    return isinstance(chars, CharColumns) and 2 * sum(chars.uprights()) < len(chars)


def _pdfium_graphics(
    raw: Any,
    page: Any,
    y_origin: float,
    x_origin: float,
    text_objects: Collection[int | None] = (),
    *,
    thin_rect_max: float,
) -> tuple[list[Edge], int]:
    """Ruling segments (from path objects' bounds) and the image count of a PDFium page.

    A thin path (no wider or taller than ``thin_rect_max``) is one segment; any other path is
    taken as a rectangle (its four sides), which is what cell borders and shaded cells are.
    Form XObjects are searched recursively. ``text_objects`` (known from the glyphs) are
    skipped without asking PDFium for their type: a page has thousands of text objects and only
    a few paths and images.
    """
    api = _fast_api(raw)
    edges: list[Edge] = []
    images = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    boxes = [ctypes.addressof(v) for v in (left, bottom, right, top)]
    form_matrix = (ctypes.c_float * 6)()  # PDFium's FS_MATRIX: a, b, c, d, e, f

    # Form XObjects are entered with an explicit stack rather than a recursive closure: a
    # closure that calls itself is a reference cycle, and would keep each page's objects
    # (and the glyph data they reach) alive until the garbage collector runs. A form's
    # objects are in its own space: each level carries the matrix that places them on the page.
    address = ctypes.cast(page, ctypes.c_void_p).value or 0
    first = map(
        api.page_object, itertools.repeat(ctypes.c_void_p(address)), range(api.page_count(address))
    )
    stack: list[tuple[Iterator[int | None], int, _Matrix]] = [(first, 0, _IDENTITY)]
    while stack:
        objects, depth, placed = stack.pop()
        for obj in itertools.filterfalse(text_objects.__contains__, objects):
            kind = api.object_type(obj)
            if kind == _FPDF_PAGEOBJ_IMAGE:
                images += 1
            elif kind == _FPDF_PAGEOBJ_FORM and depth < 8:
                count = api.form_count(obj)
                inner = placed
                if api.matrix(obj, ctypes.addressof(form_matrix)):
                    inner = _within(_matrix_of(form_matrix[:]), placed)
                stack.append((objects, depth, placed))  # the rest of this level, after the form
                stack.append(
                    (map(api.form_object, itertools.repeat(obj), range(count)), depth + 1, inner)
                )
                break
            elif kind == _FPDF_PAGEOBJ_PATH:
                if not api.bounds(obj, *boxes):
                    continue
                x_left, b0, x_right, t0 = left.value, bottom.value, right.value, top.value
                if placed != _IDENTITY:
                    x_left, b0, x_right, t0 = _placed_box(placed, x_left, b0, x_right, t0)
                x0, x1 = x_left - x_origin, x_right - x_origin
                t, b = y_origin - t0, y_origin - b0
                if x1 - x0 <= thin_rect_max or b - t <= thin_rect_max:
                    edges.append(Edge(x0, t, x1, b))
                else:
                    edges.extend(
                        (
                            Edge(x0, t, x1, t),
                            Edge(x0, b, x1, b),
                            Edge(x0, t, x0, b),
                            Edge(x1, t, x1, b),
                        )
                    )
    return edges, images
