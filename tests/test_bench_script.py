"""The bench script's ratio arithmetic (the bench itself is run by ``make bench``, not here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", module)
    spec.loader.exec_module(module)
    return module


def _run(pair: int, workers: int, seconds: float) -> dict[str, object]:
    return {
        "size": "short",
        "pair": pair,
        "workers": workers,
        "files": 40,
        "seconds": seconds,
        "concurrency": 1.5 + pair / 10,
    }


def test_batch_ratio_is_the_median_pair() -> None:
    bench = _bench()
    # pair 1 ran in a slow spell that hit its 1-worker run only: alone it would read 3.0
    runs = [
        _run(0, 1, 2.0),
        _run(0, 2, 1.1),
        _run(1, 2, 1.0),
        _run(1, 1, 3.0),
        _run(2, 1, 2.0),
        _run(2, 2, 1.25),
    ]
    speedups = sorted(bench._pair_speedups(runs))
    assert [round(rate, 3) for rate, _ in speedups] == [1.6, 1.818, 3.0]
    assert speedups[1][1] == 1.5  # the median pair's 2-worker concurrency


def test_startup_ratio_is_the_median_command_over_the_median_bare_start() -> None:
    bench = _bench()

    def row(command: str, median: float, best: float, cpu: float) -> dict[str, object]:
        return {
            "command": command,
            "runs": 5,
            "median_seconds": median,
            "best_seconds": best,
            "best_cpu_seconds": cpu,
        }

    small = bench.STARTUP_TARGETS[0]
    result = {
        "runs": [
            row("bare python", 0.012, 0.010, 0.008),
            row("import rectpipe", 0.024, 0.020, 0.016),
            row(small, 0.060, 0.055, 0.040),
            row("rectpipe extract seed.txt", 0.240, 0.200, 0.160),
        ]
    }
    ratios = {r["name"]: r for r in bench.startup_ratios(result)}
    whole = ratios["start-up: rectpipe extract seed.txt / bare python, median wall"]
    assert (whole["value"], whole["target"], whole["met"]) == (20.0, "<= 6", False)
    met = ratios[f"start-up: {small} / bare python, median wall"]
    assert (met["value"], met["met"]) == (5.0, True)
    fastest = ratios["start-up: rectpipe extract seed.txt / bare python, fastest wall"]
    assert (fastest["value"], fastest["target"]) == (20.0, None)
    assert ratios["start-up: import rectpipe / bare python, fastest CPU"]["value"] == 2.0
    assert ratios["start-up: import rectpipe / bare python, median wall"]["target"] is None
    lines = bench.startup_lines(result)
    assert "20.0x bare  (target < 6x: NOT met)" in lines[-1]
    assert "5.0x bare  (target < 6x: met)" in lines[-2]


def _bench_table() -> ModuleType:
    _bench()  # bench_table imports its input builders from bench
    spec = importlib.util.spec_from_file_location(
        "bench_table", ROOT / "scripts" / "bench_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_rows_read_the_median_round_against_the_target() -> None:
    table = _bench_table()
    faster = table.row("big PDF", "1 s", "pdftotext", [1.1, 1.3, 1.25, 0.9, 1.4], ">= 1.2")
    assert faster["ratio"] == {"min": 0.9, "median": 1.25, "max": 1.4}
    assert (faster["rounds"], faster["met"]) == (5, True)
    memory = table.row("peak RSS", "", "—", [1.31, 1.4], "<= 1.3")
    assert memory["met"] is False
    kept = table.row("big PDF", "", "pdfplumber", [9.0], "keep")
    assert kept["met"] is None
    shown = table.table([faster, table.skipped("big PDF", "pdftotext", "not installed")])
    assert "1.25" in shown and "0.90–1.40" in shown and "skipped: not installed" in shown
