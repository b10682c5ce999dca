"""Resource limits for reading untrusted files. Every limit has a default and can be changed.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Literal

from .runtime.record import record

__all__ = ["DEFAULT_LIMITS", "DEFAULT_LOCK_WAIT", "MB", "Limits"]

MB = 1024 * 1024


@record(strict=True)
class Limits:
    """How much rectpipe accepts before refusing a file with ``too_large`` or ``timeout``.

    ``max_file_bytes``: size of the file itself. ``max_unzipped_bytes``: the sum of uncompressed
    sizes a Word package or workbook declares (zip bombs). ``max_pages``: PDF pages.
    ``max_sheets``: sheets in a workbook. ``max_cells``: cells a workbook's sheets span (every
    row read counts at least one, so a million empty rows count a million). ``timeout``: seconds of
    wall-clock time for one file; ``None`` parses in this process without a time limit, a
    number parses in a child process that is killed when the time is up. ``max_memory_bytes``:
    address space the parse may use (``None``: no cap; a number parses in a child process
    capped at it, and a file that needs more is ``too_large``: compression bombs, runaway
    readers in native code). ``ocr``: which pages
    are recognised by OCR (``auto``: PDF pages without a text layer, and images; ``always``:
    every page, the text layer ignored; ``never``: none, a scan is ``no_text_layer``).
    ``max_ocr_pages``: pages one file may have recognised (OCR takes seconds a page).
    ``max_image_pixels``: pixels of one image page (decompression bombs). ``max_blocks``:
    paragraphs, lines and table rows one file may hold (a 2,000-page report has about 40,000).
    ``max_content_bytes``: bytes of drawing instructions one PDF page may expand to, its
    content streams inflated and each Form XObject counted every time it is drawn (Flate
    bombs, forms that draw each other again and again); checked before the page is parsed.
    ``max_items``: numbered items (一、 （一） 1. …) one file may hold; each becomes a record,
    so this bounds the time and memory of extraction. ``ocr_threads``: CPU
    threads one OCR engine may use (0: the engine's choice, every core); a batch of N workers
    gives each worker cores ÷ N when left at 0, so the workers do not fight over the cores.
    """

    max_file_bytes: int = 200 * MB
    max_unzipped_bytes: int = 300 * MB
    max_pages: int = 3000
    max_sheets: int = 200
    max_cells: int = 5_000_000
    timeout: float | None = None
    max_memory_bytes: int | None = None
    ocr: Literal["auto", "always", "never"] = "auto"
    max_ocr_pages: int = 500
    max_image_pixels: int = 60_000_000
    ocr_threads: int = 0
    max_blocks: int = 200_000
    max_items: int = 20_000
    max_content_bytes: int = 64 * MB


DEFAULT_LIMITS = Limits()

DEFAULT_LOCK_WAIT = 60.0
"""Seconds a database another process holds locked is waited for before a batch stops (see
:mod:`rectpipe.db.retry`)."""
