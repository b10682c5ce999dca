"""Render every text sample with facts in every rendering of tests/renderings.py and score
each rendering against the samples' facts, as ``rectpipe eval`` does.

    PYTHONPATH=src python scripts/variants.py [--only NAME ...] [--misses N] [--keep DIR]

Each rendering gets a folder of its own (a temporary one, or ``DIR/<rendering>`` with
``--keep``) holding the rendered files with each sample's facts file copied alongside under
the same stem; the folder is scored with :func:`rectpipe.tools.evaluate.evaluate_folder`.
Prints one line of totals per rendering (documents exact / total, problem precision and
recall, metadata, stated totals) and, with ``--misses``, the first misses of each document
that is not exact.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.renderings import RENDERINGS  # noqa: E402

from rectpipe.tools.evaluate import FACTS_SUFFIX, Totals, evaluate_folder  # noqa: E402

SAMPLES = ROOT / "samples"


def text_samples(folder: Path = SAMPLES) -> list[tuple[Path, Path]]:
    """``(text, facts)`` of every text sample that has a facts file, sorted."""
    pairs = []
    for facts in sorted(folder.glob(f"*{FACTS_SUFFIX}")):
        text = folder / (facts.name.removesuffix(FACTS_SUFFIX) + ".txt")
        if text.is_file():
            pairs.append((text, facts))
    return pairs


def render_folder(name: str, target: Path, samples: list[tuple[Path, Path]]) -> None:
    """Every sample rendered as ``name`` into ``target``, each with its facts beside it."""
    suffix, render = RENDERINGS[name]
    target.mkdir(parents=True, exist_ok=True)
    for text, facts in samples:
        stem = text.name.removesuffix(".txt")
        (target / f"{stem}{suffix}").write_bytes(render(text.read_text("utf-8-sig")))
        shutil.copyfile(facts, target / facts.name)


def line(name: str, totals: Totals, seconds: float) -> str:
    precision = totals.matched / totals.found if totals.found else 1.0
    recall = totals.matched / totals.expected if totals.expected else 1.0
    return (
        f"{name:18} exact {totals.exact_documents:3}/{totals.documents:<3} "
        f"P {precision:.3f} R {recall:.3f} "
        f"metadata {totals.metadata_right}/{totals.metadata_total} "
        f"totals {totals.totals_right}/{totals.totals_total}  ({seconds:.1f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=None, help="renderings to run")
    parser.add_argument("--misses", type=int, default=0, help="misses shown per document")
    parser.add_argument("--keep", type=Path, default=None, help="keep the renderings here")
    args = parser.parse_args(argv)
    samples = text_samples()
    names = args.only or list(RENDERINGS)
    summary: list[str] = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"variants-{name}-") as temp:
            folder = (args.keep / name) if args.keep else Path(temp)
            render_folder(name, folder, samples)
            started = time.perf_counter()
            scores, totals = evaluate_folder(folder)
            seconds = time.perf_counter() - started
        summary.append(line(name, totals, seconds))
        if args.misses:
            for score in scores:
                if not score.ok:
                    print(f"  {name} {score.document.name}")
                    for miss in score.misses[: args.misses]:
                        print(f"      {miss}")
        print(summary[-1], flush=True)
    print()
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
