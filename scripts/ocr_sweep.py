"""Every sample PDF with facts, scanned and read back by OCR, scored against its facts.

Usage::

    python scripts/ocr_sweep.py                        # scan200 of every samples/*.pdf with facts
    python scripts/ocr_sweep.py --variant skew         # turned 1.2° (also noise, photo, scan150)
    python scripts/ocr_sweep.py --only shape-o01-... seed-yongzhou --json out/ocr-sweep.json

For each ``samples/<stem>.pdf`` beside a ``samples/<stem>.facts.yaml``, the variant is made by
``scripts/fixtures/make_scans.py`` into a temporary folder, given the sample's own name (so
that the facts speak for it, as ``tests/test_ocr_blind.py`` does) and scored with
:func:`rectpipe.tools.evaluate.evaluate_document`. One line per document (``exact`` or its
misses, shortened), then the sums: documents exact, problems exact, metadata fields right.
A ``photo`` variant gives one image per page; they are read together as one multi-page TIFF.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ocr_helpers import make_scans  # noqa: E402  (the fixture script, one loader)

SAMPLES = ROOT / "samples"
VARIANTS = ("scan200", "scan150", "skew", "noise", "photo")
MISS_WIDTH = 110


def stems(only: Sequence[str] = ()) -> list[str]:
    """The stems of the sample PDFs that have facts (those of ``only`` when given)."""
    found = [
        pdf.stem
        for pdf in sorted(SAMPLES.glob("*.pdf"))
        if (SAMPLES / f"{pdf.stem}.facts.yaml").is_file()
    ]
    if not only:
        return found
    unknown = [s for s in only if s not in found]
    if unknown:
        raise SystemExit(f"no sample PDF with facts: {', '.join(unknown)}")
    return [s for s in found if s in only]


def _as_tiff(images: Sequence[Path], out: Path) -> Path:
    """The page photos ``images`` as one multi-page TIFF ``out`` (200 dpi)."""
    from PIL import Image

    frames = [Image.open(path).convert("RGB") for path in images]
    first, *rest = frames
    first.save(out, save_all=True, append_images=rest, dpi=(200, 200), compression="jpeg")
    return out


def scanned(stem: str, variant: str, folder: Path) -> Path:
    """The ``variant`` of ``samples/<stem>.pdf`` in ``folder``, under the sample's name."""
    written = make_scans().make_variant(SAMPLES / f"{stem}.pdf", variant, folder)
    if variant == "photo":
        return _as_tiff(written, folder / f"{stem}.tif")
    document = folder / f"{stem}.pdf"
    written[0].rename(document)
    return document


def score(stem: str, variant: str) -> dict[str, Any]:
    """The scanned ``stem`` scored against its facts, as a plain mapping."""
    from rectpipe.tools.evaluate import evaluate_document

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ocr-sweep-") as tmp:
        document = scanned(stem, variant, Path(tmp))
        result = evaluate_document(document, SAMPLES / f"{stem}.facts.yaml")
    return {
        "stem": stem,
        "ok": result.ok,
        "expected": result.expected,
        "found": result.found,
        "matched": result.matched,
        "exact": result.exact,
        "metadata_right": result.metadata_right,
        "metadata_total": result.metadata_total,
        "totals_right": result.totals_right,
        "totals_total": result.totals_total,
        "misses": list(result.misses),
        "seconds": round(time.perf_counter() - started, 1),
    }


def line(row: dict[str, Any], full: bool = False) -> str:
    """One document's result on one line (its misses shortened unless ``full``)."""
    head = (
        f"{row['stem']}: {row['exact']}/{row['expected']} problems, "
        f"metadata {row['metadata_right']}/{row['metadata_total']}"
    )
    if row["ok"]:
        return f"{head}: exact ({row['seconds']}s)"
    misses = [m if full else m[:MISS_WIDTH] for m in row["misses"]]
    return f"{head}: " + " | ".join(misses)


def summary(rows: Sequence[dict[str, Any]]) -> dict[str, int]:
    """The sums over ``rows``."""
    keys = ("expected", "found", "matched", "exact", "metadata_right", "metadata_total")
    sums = {key: sum(int(r[key]) for r in rows) for key in keys}
    sums.update(
        documents=len(rows),
        exact_documents=sum(bool(r["ok"]) for r in rows),
        totals_right=sum(int(r["totals_right"]) for r in rows),
        totals_total=sum(int(r["totals_total"]) for r in rows),
    )
    return sums


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--variant", default="scan200", choices=VARIANTS)
    parser.add_argument("--only", nargs="+", default=[], metavar="STEM", help="these samples")
    parser.add_argument("--json", type=Path, help="write the rows and sums here")
    parser.add_argument("--full", action="store_true", help="misses in full, not shortened")
    args = parser.parse_args(argv)
    rows = []
    for stem in stems(args.only):
        row = score(stem, args.variant)
        rows.append(row)
        print(line(row, args.full), flush=True)
    sums = summary(rows)
    print(
        f"{args.variant}: {sums['exact_documents']}/{sums['documents']} documents exact, "
        f"{sums['exact']}/{sums['expected']} problems exact "
        f"({sums['matched']} matched, {sums['found']} found), "
        f"metadata {sums['metadata_right']}/{sums['metadata_total']}, "
        f"stated totals {sums['totals_right']}/{sums['totals_total']}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"variant": args.variant, "summary": sums, "documents": rows}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
