"""Option groups several commands share, and the checks of their values: the resource limits
(``extract``), OCR (``extract``, ``review``, ``batch``) and :func:`check_number`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import math

from ..errors import UsageError
from ..limits import DEFAULT_LIMITS, MB, Limits

__all__ = [
    "DEFAULT_MEMORY_MB",
    "DEFAULT_TIMEOUT",
    "add_limit_options",
    "add_ocr_options",
    "check_number",
    "limits_from",
    "limits_from_ocr",
]

# One hostile file must not take the machine down: by default each file is parsed in a child
# process with a wall-clock limit and a memory cap (a scanned report of hundreds of pages
# needs --timeout 0 or more time: OCR takes seconds a page).
DEFAULT_TIMEOUT = 600.0
DEFAULT_MEMORY_MB = 4096.0


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """``--timeout``, ``--max-memory-mb``, the ``--max-…`` size limits and the OCR options."""
    defaults = DEFAULT_LIMITS
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds per file, parsed in a child process (default %(default)g; 0: none, "
        "parsed in this process unless --max-memory-mb is set)",
    )
    parser.add_argument(
        "--max-memory-mb",
        type=float,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="memory one file's parse may use, in a child process (default %(default)g; 0: none)",
    )
    parser.add_argument(
        "--max-file-mb",
        type=float,
        default=defaults.max_file_bytes / MB,
        metavar="MB",
        help="largest file accepted (default %(default)g)",
    )
    parser.add_argument(
        "--max-unzipped-mb",
        type=float,
        default=defaults.max_unzipped_bytes / MB,
        metavar="MB",
        help="largest uncompressed Word package or workbook (default %(default)g)",
    )
    parser.add_argument(
        "--max-sheets",
        type=int,
        default=defaults.max_sheets,
        metavar="N",
        help="most sheets in a workbook (default %(default)d)",
    )
    parser.add_argument(
        "--max-cells",
        type=int,
        default=defaults.max_cells,
        metavar="N",
        help="most cells a workbook's sheets span (default %(default)d)",
    )
    parser.add_argument(
        "--max-paragraphs",
        type=int,
        default=defaults.max_blocks,
        metavar="N",
        help="most paragraphs, lines and table rows in a file (default %(default)d)",
    )
    parser.add_argument(
        "--max-items",
        type=int,
        default=defaults.max_items,
        metavar="N",
        help="most numbered items (一、 （一） 1. …) in a file (default %(default)d)",
    )
    parser.add_argument(
        "--max-pages",
        type=int,
        default=defaults.max_pages,
        metavar="N",
        help="most PDF pages (default %(default)d)",
    )
    parser.add_argument(
        "--max-content-mb",
        type=float,
        default=defaults.max_content_bytes / MB,
        metavar="MB",
        help="most drawing instructions one PDF page may expand to, inflated and with its "
        "forms counted each time drawn (default %(default)g)",
    )
    add_ocr_options(parser)


def add_ocr_options(parser: argparse.ArgumentParser) -> None:
    """``--ocr`` and ``--max-ocr-pages`` (with ``pip install 'rectpipe[ocr]'``)."""
    defaults = DEFAULT_LIMITS
    parser.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default=defaults.ocr,
        help="recognise scanned pages and images: auto (pages without a text layer), always "
        "(every page), never (default %(default)s; needs rectpipe[ocr])",
    )
    parser.add_argument(
        "--max-ocr-pages",
        type=int,
        default=defaults.max_ocr_pages,
        metavar="N",
        help="most pages recognised by OCR per file (default %(default)d)",
    )
    parser.add_argument(
        "--ocr-threads",
        type=int,
        default=defaults.ocr_threads,
        metavar="N",
        help="CPU threads per OCR engine (default 0: all cores, shared among batch workers)",
    )


def check_number(
    flag: str, value: float | None, *, minimum: float = 0.0, zero: bool = False
) -> None:
    """Raise :class:`UsageError` unless ``value`` (a flag's value; ``None``: not given) is a
    finite number above ``minimum`` (or at it, or 0 when ``zero`` allows it)."""
    if value is None or (zero and value == 0):
        return
    if not math.isfinite(value) or value <= minimum:
        allowed = f"a finite number above {minimum:g}" + (" (or 0: none)" if zero else "")
        raise UsageError(f"{flag} must be {allowed}, not {value:g}")


def limits_from_ocr(args: argparse.Namespace) -> Limits:
    """The default :class:`Limits` with the OCR options asked for."""
    check_number("--ocr-threads", args.ocr_threads, zero=True)
    return Limits(ocr=args.ocr, max_ocr_pages=args.max_ocr_pages, ocr_threads=args.ocr_threads)


def limits_from(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the limit options ask for; :class:`UsageError` for values that
    are not finite and positive (``--timeout 0``: none)."""
    check_number("--timeout", args.timeout, zero=True)
    check_number("--max-memory-mb", args.max_memory_mb, zero=True)
    check_number("--max-file-mb", args.max_file_mb)
    check_number("--max-unzipped-mb", args.max_unzipped_mb)
    check_number("--max-pages", args.max_pages)
    check_number("--max-content-mb", args.max_content_mb)
    check_number("--max-sheets", args.max_sheets)
    check_number("--max-cells", args.max_cells)
    check_number("--max-paragraphs", args.max_paragraphs)
    check_number("--max-items", args.max_items)
    check_number("--ocr-threads", getattr(args, "ocr_threads", None), zero=True)
    return Limits(
        max_file_bytes=int(args.max_file_mb * MB),
        max_unzipped_bytes=int(args.max_unzipped_mb * MB),
        max_pages=args.max_pages,
        max_content_bytes=int(args.max_content_mb * MB),
        max_sheets=args.max_sheets,
        max_cells=args.max_cells,
        max_blocks=args.max_paragraphs,
        max_items=args.max_items,
        timeout=args.timeout or None,
        max_memory_bytes=int(args.max_memory_mb * MB) or None,
        ocr=getattr(args, "ocr", DEFAULT_LIMITS.ocr),
        max_ocr_pages=getattr(args, "max_ocr_pages", DEFAULT_LIMITS.max_ocr_pages),
        ocr_threads=getattr(args, "ocr_threads", DEFAULT_LIMITS.ocr_threads),
    )
