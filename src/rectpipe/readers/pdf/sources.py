"""Internal: where the PDF reader gets its glyphs from, a small :class:`CharSource` interface.

A source yields one :class:`PageChars` per page, in page order: the positioned glyphs of the page
(:class:`~.glyphs.Char`, top-left origin, PDF points; the PDFium source keeps them column by
column, as :class:`~.glyphs.CharColumns`), the straight ruling segments that tables are drawn
with (:class:`Edge`) and the number of images. Nothing else of the page is kept, so a source can
release each page as soon as it has been yielded.

Two implementations: :class:`PdfplumberCharSource` here (pdfminer's layout, the reference) and
:class:`~.pdfium.PdfiumCharSource` (PDFium through pypdfium2; the whole reader runs 8–10 times
faster on it). Both give the same blocks on the fixture PDFs. PDFium is not thread-safe: use
processes, not threads, to read several PDFs at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Protocol

from ...runtime.record import record
from .glyphs import Char
from .pdf_input import PdfInput
from .settings import DEFAULT_SETTINGS, LayoutSettings

__all__ = ["CharSource", "CharSourceFactory", "Edge", "PageChars", "PdfplumberCharSource"]


@record
class Edge:
    """A horizontal or vertical ruling segment (a table border), top-left origin, in points."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def orientation(self) -> str:
        """``"h"`` when the segment is wider than tall, else ``"v"``."""
        return "h" if (self.x1 - self.x0) >= (self.bottom - self.top) else "v"


@record(frozen=False)
class PageChars:
    """Everything the reader needs from one page. ``number`` is 1-based.

    ``error`` is set (and the lists are empty) when the page could not be read; the source goes
    on with the next page.
    """

    number: int
    width: float
    height: float
    chars: Sequence[Char]
    edges: list[Edge]
    image_count: int = 0
    error: str | None = None


class CharSource(Protocol):
    """A PDF opened for reading its glyphs page by page.

    ``pages()`` may be called once; each page's resources are released before the next one is
    produced, so memory does not grow with the page count. ``close()`` is idempotent.
    """

    @property
    def page_count(self) -> int: ...

    def pages(self) -> Iterator[PageChars]: ...

    def close(self) -> None: ...


class CharSourceFactory(Protocol):
    """What opens a PDF as a :class:`CharSource`: a source class, called with the PDF (its
    bytes, or a :class:`~.pdf_input.PdfInput`) and the :class:`~.settings.LayoutSettings` its
    ruling segments are read with."""

    def __call__(self, data: bytes | PdfInput, *, settings: LayoutSettings = ...) -> CharSource: ...


class _SourceBase:
    """Context-manager plumbing shared by the implementations."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> _SourceBase:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# --------------------------------------------------------------------------------------------
# pdfplumber


def _edge_from_obj(obj: dict[str, Any], settings: LayoutSettings) -> list[Edge]:
    """Ruling segments of a pdfplumber line / rect / curve object (curves: straight pieces)."""
    thin, straight = settings.thin_rect_max, settings.curve_straight_tolerance
    kind = obj.get("object_type")
    x0, x1 = float(obj["x0"]), float(obj["x1"])
    top, bottom = float(obj["top"]), float(obj["bottom"])
    if kind == "line":
        return [Edge(x0, top, x1, bottom)]
    if kind == "rect":
        if x1 - x0 <= thin or bottom - top <= thin:  # a border drawn as a thin filled rectangle
            return [Edge(x0, top, x1, bottom)]
        return [
            Edge(x0, top, x1, top),
            Edge(x0, bottom, x1, bottom),
            Edge(x0, top, x0, bottom),
            Edge(x1, top, x1, bottom),
        ]
    edges: list[Edge] = []
    points = obj.get("pts") or []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        if abs(ax - bx) < straight or abs(ay - by) < straight:
            edges.append(Edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    return edges


class PdfplumberCharSource(_SourceBase):
    """Glyphs as pdfminer lays them out, through pdfplumber.

    Opening raises whatever pdfplumber raises on unreadable input; callers classify the file
    before opening it. Each page is closed (its object cache flushed) after it was yielded.
    """

    def __init__(
        self, data: bytes | PdfInput, *, settings: LayoutSettings = DEFAULT_SETTINGS
    ) -> None:
        import io

        import pdfplumber

        pdf = PdfInput.of(data)
        self._pdf = pdfplumber.open(pdf.path if pdf.path is not None else io.BytesIO(pdf.read()))
        self._closed = False
        self._settings = settings

    @property
    def page_count(self) -> int:
        return len(self._pdf.pages)

    def pages(self) -> Iterator[PageChars]:
        for number, page in enumerate(self._pdf.pages, start=1):
            try:
                width, height = float(page.width), float(page.height)
                chars = [
                    Char(
                        text=str(c["text"]),
                        x0=float(c["x0"]),
                        x1=float(c["x1"]),
                        top=float(c["top"]),
                        bottom=float(c["bottom"]),
                        size=float(c["size"]),
                        fontname=str(c.get("fontname") or ""),
                        upright=bool(c.get("upright", True)),
                    )
                    for c in page.chars
                ]
                edges: list[Edge] = []
                for obj in (*page.lines, *page.rects, *page.curves):
                    edges.extend(_edge_from_obj(obj, self._settings))
                result = PageChars(number, width, height, chars, edges, len(page.images))
            except Exception as exc:
                result = PageChars(number, 0.0, 0.0, [], [], 0, f"{type(exc).__name__}: {exc}")
            finally:
                page.close()
            yield result

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pdf.close()
