"""OCR: scanned PDF pages and images read by an offline engine, then laid out as PDF glyphs.

Install with ``pip install 'rectpipe[ocr]'``. The engine (:mod:`.engine`) is imported on first
use only. A page image is recognised line by line, each line's characters are placed on the
page in PDF points (:mod:`.chars`), and from there the PDF reader's layout stage takes over:
lines, page furniture, paragraphs (:mod:`rectpipe.readers.pdf`). Each line keeps its score, and
each block the lowest score of its lines (``confidence``).

:func:`ocr_pdf_pages` replaces chosen pages of a PDF (those without a text layer, or all), and
:func:`read_image` reads a PNG, JPEG or (multi-page) TIFF.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...errors import MissingDependencyError, TooLargeError, UnsupportedFormatError
from ...runtime.record import replace
from ..blocks import Document
from ..pdf.document import _document, _Page
from ..pdf.lines import Line, build_lines
from ..pdf.settings import DEFAULT_SETTINGS, LayoutSettings
from ..pdf.sources import Edge, PageChars
from ..pdf.spreads import spread_halves
from ..pdf.tables import TableGrid, find_tables
from ..pdf.unruled import find_unruled_tables
from .chars import PlacedLine, page_angle, place_lines, to_chars
from .doubles import without_doubles
from .engine import available, recognise
from .holes import fill_holes
from .lighting import even_lighting
from .marks import drop_raised_marks
from .perspective import rectified
from .reread import reread_empty_cells
from .rules import find_rules, without_rule_marks
from .settings import DEFAULT_OCR_SETTINGS, INSTALL_HINT, OcrMode, OcrSettings
from .sizes import body_type

__all__ = [
    "DEFAULT_OCR_SETTINGS",
    "INSTALL_HINT",
    "OcrMode",
    "OcrSettings",
    "available",
    "ocr_pdf_pages",
    "read_image",
    "recognise_image",
]

IMAGE_DPI = 200.0
"""The resolution assumed for an image that does not state one."""


def _require() -> None:
    if not available():
        raise MissingDependencyError(f"no OCR engine; {INSTALL_HINT}")


def _numpy() -> Any:
    import numpy

    return numpy


def _without_red(image: Any) -> Any:
    """``image`` (BGR) with red pixels (seals, stamps) made white: strong red, and the pale or
    smeared red of a seal's rim and lettering (red 40 above green and blue; at 60 the rim's
    pink stayed and was read as ink over a signature's date). Black text under a seal is dark
    red and stays."""
    np = _numpy()
    blue, green, red = (image[..., k].astype(np.int16) for k in range(3))
    mask = (red > 120) & (red - np.maximum(green, blue) > 40)
    if mask.any():
        image = image.copy()
        image[mask] = 255
    return image


def recognise_image(
    image: Any, px_per_pt: float, settings: OcrSettings = DEFAULT_OCR_SETTINGS
) -> tuple[list[PlacedLine], list[Edge]]:
    """The recognised lines of one page image (H×W×3 uint8, BGR), in page points, and its
    ruling lines (none when ``settings.rules`` is off)."""
    if settings.even_lighting:
        image = even_lighting(image, px_per_pt)
    if settings.drop_red:
        image = _without_red(image)
    height, width = image.shape[:2]
    lines = recognise(
        image,
        text_score=settings.text_score,
        threads=settings.threads,
        turn_lines=settings.turn_lines,
    )
    if settings.square_perspective:
        square = rectified(image, lines)
        if square is not None:
            image = square
            lines = recognise(
                image,
                text_score=settings.text_score,
                threads=settings.threads,
                turn_lines=settings.turn_lines,
            )
    if settings.fill_holes:
        lines = fill_holes(image, lines, settings)
    if settings.drop_marks:
        lines = drop_raised_marks(image, lines, settings)
    placed = place_lines(lines, px_per_pt, width, height, settings)
    if not settings.rules or not placed:
        return placed, []
    angle = page_angle(lines, settings)
    edges = find_rules(image, px_per_pt, angle, settings)
    if edges:
        placed = without_doubles(placed, edges)
        placed += reread_empty_cells(image, edges, placed, px_per_pt, angle, settings)
    return placed, edges


def _score_lines(lines: list[Line], placed: Sequence[PlacedLine]) -> None:
    """Give each layout line the lowest score of the recognised lines it was made from."""
    for line in lines:
        scores = [
            p.score
            for p in placed
            if line.top - 0.5 <= (p.top + p.bottom) / 2 <= line.bottom + 0.5
            and p.x0s[0] < line.x1
            and p.x1s[-1] > line.x0
        ]
        line.score = min(scores) if scores else None


Recognised = tuple[int, float, float, tuple[list[PlacedLine], list[Edge]]]
"""A recognised page: its number, width and height (points), lines and ruling lines."""


def _scored(grid: TableGrid, placed: Sequence[PlacedLine]) -> TableGrid:
    """``grid`` with the lowest score of the recognised lines inside it."""
    x0, top, x1, bottom = grid.bbox
    scores = [
        p.score
        for p in placed
        if top <= (p.top + p.bottom) / 2 <= bottom and p.x0s[0] < x1 and p.x1s[-1] > x0
    ]
    return replace(grid, confidence=min(scores) if scores else None)


def _layout_half(page: PageChars, placed: Sequence[PlacedLine], settings: LayoutSettings) -> _Page:
    """One page (or one page of a spread) laid out from its glyphs and ruling lines."""
    tables, outside = find_tables(page.edges, page.chars, settings=settings)
    tables = [_scored(grid, placed) for grid in tables]
    lines = build_lines(outside, page.number, settings=settings)
    _score_lines(lines, placed)
    if not tables:
        tables, lines = find_unruled_tables(lines, settings)
        tables = [_scored(grid, placed) for grid in tables]
    return _Page(page.number, page.width, page.height, lines, tables, 1, len(page.chars), 0)


def _layout(recognised: list[Recognised], settings: LayoutSettings) -> dict[int, list[_Page]]:
    """Pages (by number) laid out from their recognised lines, sizes snapped to the body's;
    text inside a ruled table goes to its cells. A spread (two pages side by side on one
    landscape sheet, :mod:`rectpipe.readers.pdf.spreads`) is laid out as its left page and its
    right page, as a text PDF's is."""
    body = body_type([placed for *_, (placed, _) in recognised])
    pages: dict[int, list[_Page]] = {}
    for number, width, height, (placed, edges) in recognised:
        chars = without_rule_marks(to_chars(placed, body), edges)
        sheet = PageChars(number, width, height, chars, edges, 1)
        halves = spread_halves(sheet, settings)
        if halves is None:
            pages[number] = [_layout_half(sheet, placed, settings)]
            continue
        pages[number] = [_layout_half(half, placed, settings) for half in halves]
        for laid in pages[number]:
            laid.half = True
    return pages


def _render_pdf(data: bytes, numbers: Iterable[int], scale: float, max_pixels: int) -> Iterator[
    tuple[int, float, float, Any]
]:  # fmt: skip
    """``(number, width, height, image)`` of PDF pages ``numbers`` (1-based), rendered."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                if width * height * scale * scale > max_pixels:
                    raise TooLargeError(f"page {number} is too large to recognise")
                bitmap = page.render(scale=scale)
                image = bitmap.to_numpy()
                if image.ndim == 3 and image.shape[2] == 4:
                    image = image[..., :3]
                yield number, float(width), float(height), image.copy()
                bitmap.close()
            finally:
                page.close()
    finally:
        document.close()


def ocr_pdf_pages(
    data: bytes,
    numbers: Sequence[int],
    *,
    settings: LayoutSettings = DEFAULT_SETTINGS,
    ocr_settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> dict[int, list[_Page]]:
    """PDF pages ``numbers`` rendered, recognised and laid out, by page number (a spread as
    its two pages)."""
    _require()
    recognised = [
        (number, width, height, recognise_image(image, ocr_settings.scale, ocr_settings))
        for number, width, height, image in _render_pdf(
            data, numbers, ocr_settings.scale, ocr_settings.max_pixels
        )
    ]
    return _layout(recognised, settings)


def _image_pages(data: bytes, max_pages: int, max_pixels: int) -> Iterator[tuple[Any, float]]:
    """``(image, pixels per point)`` of every frame of an image file (BGR arrays)."""
    try:
        from PIL import Image, ImageSequence
    except ImportError:  # pragma: no cover - Pillow comes with the engine
        raise MissingDependencyError(f"no image library; {INSTALL_HINT}") from None
    np = _numpy()
    Image.MAX_IMAGE_PIXELS = None  # checked here, against our own limit
    try:
        picture = Image.open(io.BytesIO(data))
        count = getattr(picture, "n_frames", 1)
        if count > max_pages:
            raise TooLargeError(f"{count} pages, over the {max_pages} page limit")
        for frame in ImageSequence.Iterator(picture):
            width, height = frame.size
            if width * height > max_pixels:
                raise TooLargeError(f"{width}×{height} pixels, over the {max_pixels} limit")
            dpi = frame.info.get("dpi") or (IMAGE_DPI, IMAGE_DPI)
            resolution = float(dpi[0]) if dpi and float(dpi[0]) >= 50 else IMAGE_DPI
            rgb = np.asarray(frame.convert("RGB"))
            yield np.ascontiguousarray(rgb[..., ::-1]), resolution / 72.0
    except (TooLargeError, MissingDependencyError):
        raise
    except Exception as exc:
        raise UnsupportedFormatError(
            f"an image that cannot be decoded ({type(exc).__name__}: {exc})"
        ) from None


def read_image(
    data: bytes,
    *,
    max_pages: int = 3000,
    settings: LayoutSettings = DEFAULT_SETTINGS,
    ocr_settings: OcrSettings = DEFAULT_OCR_SETTINGS,
) -> Document:
    """The paragraphs of an image file (PNG, JPEG, TIFF with one page per frame), recognised.

    Page boxes are in points at the image's stated resolution (200 dpi when it states none).
    Raises :class:`~rectpipe.errors.UnsupportedFormatError` when the OCR extra is not
    installed (with the install hint) or the image cannot be decoded, and
    :class:`~rectpipe.errors.TooLargeError` over the page or pixel limits.
    """
    if not available():
        raise UnsupportedFormatError(f"an image has no text layer; {INSTALL_HINT}")
    recognised: list[Recognised] = []
    for number, (image, px_per_pt) in enumerate(
        _image_pages(data, max_pages, ocr_settings.max_pixels), start=1
    ):
        height, width = image.shape[:2]
        found = recognise_image(image, px_per_pt, ocr_settings)
        recognised.append((number, width / px_per_pt, height / px_per_pt, found))
    pages = _layout(recognised, settings)
    ordered = [page for n in sorted(pages) for page in pages[n]]
    document = _document(ordered, len(pages), settings)
    document.format = "image"
    document.ocr_pages = sorted(pages)
    return document
