"""The Ray engine against the local engine on big files (part of ``make bench``; needs the Ray
extra): writes ``out/bench-ray.json``.

Usage::

    python scripts/bench_ray.py [--files 40] [--pages 200] [--rounds 3] [--workers 2]

``--files`` copies of a ``--pages``-page PDF (the seed's pages repeated) are converted by the
whole command ``rectpipe batch DIR --out OUT --workers N``, with the local engine and with
``--engine ray`` (a local Ray started by the command), the two alternating round by round so
that the machine's noise falls on both. Reported: each engine's seconds (min, median, max),
Ray's start-up as the command prints it, and the ratio Ray ÷ local with and without that
start-up. The outputs of both engines are compared byte for byte.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

_STARTUP = re.compile(r"engine start-up ([0-9.]+) s")


def _run(folder: Path, out: Path, workers: int, engine: str) -> tuple[float, float | None]:
    """Seconds the whole command took, and the engine start-up it printed (Ray only)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "rectpipe", "batch", str(folder), "--out", str(out)]
    command += ["--workers", str(workers), "--engine", engine]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 65):  # 65: some files partial or failed is still a run
        raise SystemExit(f"{engine} run failed ({done.returncode}): {done.stderr[-400:]}")
    found = _STARTUP.search(done.stderr)
    return seconds, float(found.group(1)) if found else None


def _same_outputs(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.glob("*.json"))
    return names == sorted(p.name for p in b.glob("*.json")) and all(
        filecmp.cmp(a / n, b / n, shallow=False) for n in names
    )


def _spread(values: list[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 2),
        "median": round(statistics.median(values), 2),
        "max": round(max(values), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-ray.json")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("ray") is None:
        print("bench_ray: Ray is not installed (pip install 'rectpipe[ray]'): skipped")
        return 0
    from bench import build_pdf

    local_s: list[float] = []
    ray_s: list[float] = []
    startups: list[float] = []
    same = True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "in"
        folder.mkdir()
        first = build_pdf(args.pages, folder / "f000.pdf")
        for n in range(1, args.files):
            shutil.copyfile(first, folder / f"f{n:03d}.pdf")
        for round_ in range(args.rounds):
            order = ("local", "ray") if round_ % 2 == 0 else ("ray", "local")
            for engine in order:
                seconds, startup = _run(folder, work / engine, args.workers, engine)
                (local_s if engine == "local" else ray_s).append(seconds)
                if startup is not None:
                    startups.append(startup)
                print(f"round {round_ + 1}, {engine}: {seconds:.1f} s", flush=True)
            same = same and _same_outputs(work / "local", work / "ray")
    ratio = statistics.median(ray_s) / statistics.median(local_s)
    without = [r - s for r, s in zip(ray_s, startups, strict=False)]
    result: dict[str, Any] = {
        "files": args.files,
        "pages": args.pages,
        "workers": args.workers,
        "local_seconds": _spread(local_s),
        "ray_seconds": _spread(ray_s),
        "ray_startup_seconds": _spread(startups) if startups else None,
        "ray_over_local": round(ratio, 2),
        "ray_without_startup_over_local": (
            round(statistics.median(without) / statistics.median(local_s), 2) if without else None
        ),
        "outputs_identical": same,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
