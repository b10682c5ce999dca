"""Archive scale: a whole ``rectpipe batch`` of many generated reports into SQLite.

Usage::

    python scripts/bench_scale.py                 # 10,000 files, 2 workers (make bench-scale)
    python scripts/bench_scale.py --files 2000    # a shorter run

The reports are the text samples (``samples/*.txt``), taken in turn, each copy made distinct by
its trailing whitespace (so that every file has its own content hash and its own rows), 100 to a
folder as archives keep them. The batch runs as a user runs it, in a fresh process; every half
second the script samples how many files the manifest has recorded and the resident memory
of the batch process and of its workers (from ``/proc``). Then ``--resume`` runs over the same
inputs with nothing left to do.

It prints and writes to ``out/bench-scale.json``: files per second over each tenth of the
run's time, the parent's and the workers' RSS over time (their first, largest and last
samples), the database's and the manifest's sizes, and the time of the idle resume. Not part
of ``make test``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PER_FOLDER = 100


def build(folder: Path, count: int) -> int:
    """``count`` distinct reports under ``folder``; returns their total size in bytes."""
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    total = 0
    for i in range(count):
        sub = folder / f"{i // PER_FOLDER:04}"
        if i % PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)].rstrip("\n")
        unique = " " * (i % 97) + "\n" * (i // 97 + 1)  # a content of its own, same records
        data = (text + unique).encode("utf-8")
        (sub / f"report-{i:05}.txt").write_bytes(data)
        total += len(data)
    return total


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started, and theirs (the pool, its workers)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children", encoding="ascii") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(1 for _ in f)
    except OSError:
        return 0


def run(inbox: Path, db: Path, workers: int, count: int) -> dict[str, Any]:
    """The batch, sampled twice a second."""
    manifest = db.with_name(db.name + ".manifest.jsonl")
    command = [sys.executable, "-m", "rectpipe", "batch", str(inbox), "--db", str(db)]
    command += ["--workers", str(workers), "--quiet"]
    samples: list[dict[str, float]] = []
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    while process.poll() is None:
        time.sleep(0.5)
        workers_kb = [_rss_kb(k) for k in _children(process.pid)]
        samples.append(
            {
                "t": round(time.perf_counter() - started, 2),
                "files": _lines(manifest),
                "parent_mb": round(_rss_kb(process.pid) / 1024, 1),
                "workers_mb": round(sum(workers_kb) / 1024, 1),
                "largest_worker_mb": round(max(workers_kb, default=0) / 1024, 1),
            }
        )
    elapsed = time.perf_counter() - started
    samples.append({"t": round(elapsed, 2), "files": _lines(manifest)})
    return {"elapsed": elapsed, "status": process.returncode, "samples": samples}


def _tenths(samples: list[dict[str, float]], elapsed: float) -> list[float]:
    """Files per second over each tenth of the run's time."""
    rates: list[float] = []
    before = 0.0
    for k in range(1, 11):
        until = elapsed * k / 10
        done = max((s["files"] for s in samples if s["t"] <= until), default=0.0)
        rates.append(round((done - before) / (elapsed / 10), 1))
        before = done
    return rates


def _over_time(samples: list[dict[str, float]], key: str) -> dict[str, float]:
    values = [s[key] for s in samples if key in s and s[key] > 0]
    if not values:
        return {}
    return {"first": values[0], "largest": max(values), "last": values[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-scale.json")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="rectpipe-scale-"))
    try:
        size = build(work / "in", args.files)
        db = work / "reports.sqlite"
        first = run(work / "in", db, args.workers, args.files)
        manifest = db.with_name(db.name + ".manifest.jsonl")
        started = time.perf_counter()
        again = [sys.executable, "-m", "rectpipe", "batch", str(work / "in"), "--db", str(db)]
        again += ["--workers", str(args.workers), "--resume", "--quiet"]
        resumed = subprocess.run(again, cwd=ROOT, check=False)
        resume_s = time.perf_counter() - started
        result = {
            "files": args.files,
            "workers": args.workers,
            "input_mb": round(size / 1e6, 1),
            "seconds": round(first["elapsed"], 1),
            "files_per_second": round(args.files / first["elapsed"], 1),
            "files_per_second_by_tenth": _tenths(first["samples"], first["elapsed"]),
            "parent_rss_mb": _over_time(first["samples"], "parent_mb"),
            "workers_rss_mb": _over_time(first["samples"], "workers_mb"),
            "largest_worker_rss_mb": _over_time(first["samples"], "largest_worker_mb"),
            "database_mb": round(db.stat().st_size / 1e6, 1),
            "manifest_mb": round(manifest.stat().st_size / 1e6, 2),
            "idle_resume_seconds": round(resume_s, 2),
            "exit_status": [first["status"], resumed.returncode],
            "samples": first["samples"],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    shown = {k: v for k, v in result.items() if k != "samples"}
    for key, value in shown.items():
        print(f"{key:28} {value}")
    print(f"(samples over time in {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
