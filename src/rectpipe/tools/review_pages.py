"""Page images for the review page: each page of a PDF (rendered with pypdfium2) or image,
scaled down and compressed as JPEG, with its size in PDF points (the unit of provenance boxes).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

from ..readers.sniff import sniff_format
from ..runtime.record import record

__all__ = ["JPEG_QUALITY", "MAX_WIDTH", "RENDER_SCALE", "PageImage", "page_images"]

RENDER_SCALE = 1.5  # pixels per point: 108 dpi, sharp enough to read, a screen wide
MAX_WIDTH = 1100  # pixels of an image page, at most
JPEG_QUALITY = 70


@record
class PageImage:
    """One page: its number (1-based), size in points and a JPEG of it."""

    number: int
    width: float
    height: float
    jpeg: bytes

    def data_uri(self) -> str:
        return "data:image/jpeg;base64," + base64.b64encode(self.jpeg).decode("ascii")


def _jpeg(picture: Any) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def _pdf_pages(data: bytes, scale: float) -> Iterator[PageImage]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            picture = page.render(scale=scale).to_pil()
            page.close()
            yield PageImage(index + 1, float(width), float(height), _jpeg(picture))
    finally:
        document.close()


def _image_pages(data: bytes) -> Iterator[PageImage]:
    from PIL import Image, ImageSequence

    from ..readers.ocr import IMAGE_DPI

    picture = Image.open(io.BytesIO(data))
    for number, frame in enumerate(ImageSequence.Iterator(picture), start=1):
        dpi = frame.info.get("dpi") or (IMAGE_DPI, IMAGE_DPI)
        resolution = float(dpi[0]) if dpi and float(dpi[0]) >= 50 else IMAGE_DPI
        width, height = frame.size
        shown = frame.convert("RGB")
        if width > MAX_WIDTH:
            shown = shown.resize((MAX_WIDTH, round(height * MAX_WIDTH / width)))
        yield PageImage(number, width * 72 / resolution, height * 72 / resolution, _jpeg(shown))


def page_images(
    data: bytes, name: str | None = None, scale: float = RENDER_SCALE
) -> list[PageImage]:
    """The pages of a PDF or image file, as images to show beside the text; ``[]`` for other
    formats (their values have no boxes)."""
    kind = sniff_format(data, name)
    if kind == "pdf":
        return list(_pdf_pages(data, scale))
    if kind == "image":
        return list(_image_pages(data))
    return []
