"""OCR throughput, memory and accuracy by render scale (part of ``make bench``; needs the OCR
extra): writes ``out/bench-ocr.json``.

Usage::

    python scripts/bench_ocr.py [--pages 3-6] [--scales 1.5 2.0 2.78]

The seed's pages are rendered to an image-only PDF at 200 dpi (``make_scans.py``), then:

- for each render scale, one fresh process reads them (the engine loaded and warmed on one
  page first): seconds a page, and the character error rate of the recognised page text
  against the text PDF's (blanks ignored);
- at the default scale, the same pages are read by 1 and by 2 worker processes at once (each
  its own copy): pages per second, and the peak RSS of one worker.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import peak_rss_kb  # noqa: E402


def _page_texts(
    data: bytes, scale: float | None, threads: int = 0
) -> tuple[dict[int, str], float, int]:
    """Text per page of a PDF (OCR at ``scale`` with ``threads`` engine threads, or its text
    layer when ``None``), the seconds the reading took after a warm-up, and the peak RSS in
    KiB."""
    from rectpipe.readers.ocr import OcrSettings
    from rectpipe.readers.pdf import read_pdf

    mode = "never" if scale is None else "auto"
    settings = OcrSettings(scale=scale or 2.0, threads=threads)
    if scale is not None:  # load and warm the engine on a small page
        from rectpipe.readers.ocr import ocr_pdf_pages

        ocr_pdf_pages(data, [1], ocr_settings=settings)
    start = time.perf_counter()
    document = read_pdf(data, engine="pdfium", ocr=mode, ocr_settings=settings)
    seconds = time.perf_counter() - start
    texts: dict[int, str] = {}
    for block in document.blocks:
        texts[block.page or 0] = texts.get(block.page or 0, "") + block.text
    peak = peak_rss_kb()
    return texts, seconds, peak


def _child(path: str, scale: float | None, queue: Any, threads: int = 0) -> None:
    queue.put(_page_texts(Path(path).read_bytes(), scale, threads))


def _in_fresh_process(path: Path, scale: float | None) -> tuple[dict[int, str], float, int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(str(path), scale, queue))
    process.start()
    result = queue.get()
    process.join()
    return result  # type: ignore[no-any-return]


def _cer(reference: dict[int, str], got: dict[int, str]) -> float:
    from tests.ocr_helpers import edit_distance

    errors = total = 0
    for page, text in reference.items():
        want = "".join(text.split())
        errors += edit_distance(want, "".join(got.get(page, "").split()))
        total += len(want)
    return errors / max(1, total)


def _workers(path: Path, count: int, threads: int) -> tuple[float, int]:
    """Wall seconds for ``count`` processes each reading ``path`` at once with ``threads``
    engine threads (0: the engine's choice), and the largest peak RSS (KiB) among them."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [
        context.Process(target=_child, args=(str(path), 2.0, queue, threads)) for _ in range(count)
    ]
    start = time.perf_counter()
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    wall = time.perf_counter() - start
    return wall, max(peak for _, _, peak in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="3-6", help="seed pages to read, N-M")
    parser.add_argument("--scales", nargs="+", type=float, default=[1.5, 2.0, 200 / 72])
    args = parser.parse_args(argv)
    from tests.ocr_helpers import make_scans

    first, _, last = args.pages.partition("-")
    pages = list(range(int(first), int(last or first) + 1))
    tool = make_scans()
    with tempfile.TemporaryDirectory() as tmp:
        scan = tool.make_variant(
            ROOT / "samples" / "seed-yongzhou.pdf", "scan200", Path(tmp), pages
        )[0]
        text_pdf = Path(tmp) / "text.pdf"
        import pypdfium2 as pdfium

        subset = pdfium.PdfDocument.new()
        subset.import_pages(
            pdfium.PdfDocument(ROOT / "samples" / "seed-yongzhou.pdf"), [p - 1 for p in pages]
        )
        subset.save(text_pdf)
        reference, _, _ = _page_texts(text_pdf.read_bytes(), None)
        by_scale = []
        for scale in args.scales:
            texts, seconds, peak = _in_fresh_process(scan, scale)
            row = {
                "scale": round(scale, 3),
                "dpi": round(72 * scale),
                "seconds_per_page": round(seconds / len(pages), 2),
                "cer": round(_cer(reference, texts), 4),
                "peak_rss_mb": round(peak / 1024),
            }
            by_scale.append(row)
            print(json.dumps(row), flush=True)
        # As a batch runs them: one worker with every core, and two sharing the cores (each
        # cores ÷ 2 engine threads, batch.runner.shared_cores); beside them, two workers that
        # both leave the thread count to the engine, which oversubscribes the cores.
        from rectpipe.batch.runner import shared_cores
        from rectpipe.limits import DEFAULT_LIMITS

        workers = {}
        for label, count, threads in (
            ("1", 1, 0),
            ("2", 2, shared_cores(DEFAULT_LIMITS, 2).ocr_threads),
            ("2_engine_threads", 2, 0),
        ):
            wall, peak = _workers(scan, count, threads)
            workers[label] = {
                "threads_per_engine": threads or "engine",
                "pages_per_second": round(count * len(pages) / wall, 3),
                "peak_rss_mb_per_worker": round(peak / 1024),
            }
            print(json.dumps({"workers": label, **workers[label]}), flush=True)
    result = {"pages": pages, "by_scale": by_scale, "workers": workers}
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    (out / "bench-ocr.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
