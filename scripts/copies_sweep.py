"""Every text sample with facts, damaged one way at a time as tests/test_copies.py and
tests/test_rewrap.py damage it, scored against its facts: which copies miss, and why.

Usage::

    python scripts/copies_sweep.py                      # every damage
    python scripts/copies_sweep.py one_line wrap30      # some of them
    python scripts/copies_sweep.py one_line --only seed-yongzhou

Damages: those of ``tests.test_copies.DAMAGES`` and ``wrap30``, ``wrap40``,
``wrap35-blank`` (tests/test_rewrap.py), and the tables copied as text, ``tabs``,
``quoted`` and ``bars`` (``tests.test_copies.table_copies``). One line per copy that is not
exact (its first misses, shortened), then the sums: documents exact, problems matched,
found and expected.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_copies import DAMAGES, table_copies  # noqa: E402  (the damages, one home)
from tests.test_rewrap import hard_wrap  # noqa: E402

from rectpipe.tools.evaluate import (  # noqa: E402
    Totals,
    documents_with_facts,
    evaluate_document,
    load_facts,
)

SAMPLES = ROOT / "samples"
MISS_WIDTH = 150
WRAPS = {"wrap30": (30.0, False), "wrap40": (40.0, False), "wrap35-blank": (35.0, True)}
TABLES = ("tabs", "quoted", "bars")


def damage_maker(name: str) -> Callable[[str, str | None], bytes]:
    """How the damage ``name`` makes a copy of a text and its title."""
    if name in WRAPS:
        width, blank = WRAPS[name]
        return lambda text, _: hard_wrap(text, width, blank=blank).encode("utf-8")
    return DAMAGES[name][0]


def copies(name: str, folder: Path) -> Iterator[tuple[Path, Path]]:
    """Every sample's copy under the damage ``name``, written in ``folder``, with its facts."""
    if name in TABLES:
        yield from table_copies(name, folder)
        return
    make = damage_maker(name)
    for facts, document in documents_with_facts(SAMPLES):
        if document.suffix != ".txt":
            continue
        copy = folder / document.name
        title = (load_facts(facts).get("metadata") or {}).get("title")
        copy.write_bytes(make(document.read_text("utf-8-sig"), title))
        yield copy, facts


def sweep(name: str, only: list[str], folder: Path) -> Totals:
    """Score every sample's copy under the damage ``name``; print the copies that miss."""
    totals = Totals()
    for copy, facts in copies(name, folder):
        if only and not any(o in copy.name for o in only):
            continue
        score = evaluate_document(copy, facts)
        totals.add(score)
        if not score.ok:
            misses = "; ".join(score.misses[:3]) if score.misses else str(score.error)
            print(f"  {copy.stem}: {misses[:MISS_WIDTH]}")
    print(
        f"{name}: {totals.exact_documents} / {totals.documents} exact, "
        f"{totals.matched} matched of {totals.expected} expected, {totals.found} found"
    )
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("damages", nargs="*", help="damages to run (all when none)")
    parser.add_argument("--only", nargs="*", default=[], help="samples whose names hold these")
    args = parser.parse_args(argv)
    names = args.damages or [*DAMAGES, *WRAPS, *TABLES]
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            sweep(name, args.only, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
