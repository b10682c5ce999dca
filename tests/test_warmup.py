"""rectpipe.warmup: a tiny parse in the parent builds what a first parse builds, so a child
forked per file has nothing left to compile, and several files in one command give the same
output as each file alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

_AFTER_WARM_UP = """
import sys
from rectpipe.runtime import patterns
patterns.use_store("/nonexistent/store")  # learn what is compiled, keep nothing
from rectpipe.pipeline import parse_file_record
from rectpipe.warmup import warm_up
warm_up()
warmed = len(patterns._made)
for name in sys.argv[1:]:
    parse_file_record(name)
print(warmed, len(patterns._made) - warmed)
"""


def test_after_warming_up_a_parse_compiles_nothing() -> None:
    names = ["seed-yongzhou.txt", "family-f-summary.txt", "family-b-xuncha.txt"]
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_WARM_UP, *(str(SAMPLES / n) for n in names)],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    warmed, afterwards = map(int, done.stdout.split())
    assert warmed > 100
    assert afterwards == 0


def test_several_files_give_what_each_gives_alone(tmp_path: Path) -> None:
    names = [SAMPLES / "seed-yongzhou.txt", SAMPLES / "family-b-xuncha.txt"]
    command = [sys.executable, "-m", "rectpipe", "extract", "-f", "jsonl"]
    together = subprocess.run([*command, *map(str, names)], capture_output=True, check=True)
    alone = b"".join(
        subprocess.run([*command, str(n)], capture_output=True, check=True).stdout for n in names
    )
    assert together.stdout == alone
    assert together.stdout.count(b"\n") > 26
