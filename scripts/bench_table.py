"""The speed and memory table of issue 15 in one run: rectpipe against its baselines.

    python scripts/bench_table.py [--rounds 5] [--pairs 5] [--memory-rounds 2]
                                  [--only throughput,memory,batch] [--out out/bench-table.json]

Every row is whole-file work, measured in alternating rounds: within a round every tool runs
once, the order rotating from round to round, so that a busy spell of a shared machine falls
on all of them alike; the ratio is taken within each round, and its min / median / max over
the rounds is printed beside the issue's target ("met" reads the median).

* throughput (each format in one fresh process, every tool warmed up first):
  rectpipe's ``parse_file`` (bytes to records) on a 200-page PDF against pdfplumber
  ``page.extract_text()``, pypdfium2 text with every character's box, ``pdftotext`` (poppler;
  skipped, and said so, when it is not installed) and pypdfium2 plain text; on a ~200-page
  DOCX against python-docx paragraphs and tables (every cell's text); on a ~200-page TXT, MB/s.
  Time is CPU seconds (``time.process_time``, and the child's for ``pdftotext``): on a shared
  machine other work inflates wall time far more than CPU time. Wall time is recorded too.
* memory: peak RSS (``VmHWM``, :func:`bench.peak_rss_kb`) of one ``parse_file`` in a fresh
  process, 2000 pages over 200 (PDF, DOCX, TXT), the two sizes alternating.
* batches: the whole command ``rectpipe batch DIR --workers N`` on 40 short files (copies of
  the seed PDF, DOCX and TXT), into a folder of JSON files and into SQLite, in pairs run back
  to back (1 2, 2 1, …; wall time, the ratio within each pair); beside them the machine's own
  ceiling, one against two copies of a CPU-bound loop (two processes rarely get two whole
  cores on a shared 2-core machine).

The Ray row of the table is ``scripts/bench_ray.py`` (also run by ``make bench``). The inputs
are built as ``scripts/bench.py`` builds them (the seed's pages, body or text repeated).
Results go to ``out/bench-table.json`` and a table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import (
    _CONSOLE,
    BURN,
    CHILD_ENV,
    CORPUS_FILES,
    DOCX_REPEAT,
    ROOT,
    SCALE_REPEAT,
    SEED,
    build_corpus,
    build_docx,
    build_pdf,
    build_txt,
    compile_bytecode,
    peak_rss_kb,
)

PDFTOTEXT = shutil.which("pdftotext")


# ---------------------------------------------------------------- the tools, in-process


def _rectpipe(path: str) -> int:
    import rectpipe

    return len(rectpipe.parse_file(path).iter_problems())


def _pdfplumber(path: str) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def _pypdfium2_text(path: str) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    total = 0
    for page in pdf:
        textpage = page.get_textpage()
        total += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return total


def _pypdfium2_boxes(path: str) -> int:
    """The page's text and every character's (loose) box: what a layout needs at least."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    total = 0
    for page in pdf:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        boxes = [textpage.get_charbox(i, loose=True) for i in range(textpage.count_chars())]
        total += len(text) + len(boxes)
        textpage.close()
        page.close()
    pdf.close()
    return total


def _pdftotext(path: str) -> int:
    done = subprocess.run(
        [PDFTOTEXT or "pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, check=True
    )
    return len(done.stdout)


def _python_docx(path: str) -> int:
    import docx

    document = docx.Document(path)
    total = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            total += sum(len(cell.text) for cell in row.cells)
    return total


def _read_text(path: str) -> int:
    return len(Path(path).read_bytes().decode("utf-8").splitlines())


TOOLS: dict[str, Callable[[str], int]] = {
    "rectpipe": _rectpipe,
    "pdfplumber extract_text": _pdfplumber,
    "pypdfium2 text + every char box": _pypdfium2_boxes,
    "pdftotext": _pdftotext,
    "pypdfium2 plain text": _pypdfium2_text,
    "python-docx paragraphs + tables": _python_docx,
    "read + decode + split": _read_text,
}
SUBPROCESS_TOOLS = {"pdftotext"}


def _cpu(tool: str) -> float:
    if tool in SUBPROCESS_TOOLS:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    return time.process_time()


def run_rounds(spec: dict[str, Any]) -> dict[str, Any]:
    """In this (fresh) process: every tool of ``spec["tools"]`` on ``spec["file"]``, one run
    each per round, the order rotating; CPU and wall seconds of every run."""
    tools: list[str] = spec["tools"]
    for tool in tools:  # first calls load what each tool loads lazily
        TOOLS[tool](spec["warm_file"])
    cpu: dict[str, list[float]] = {tool: [] for tool in tools}
    wall: dict[str, list[float]] = {tool: [] for tool in tools}
    for round_ in range(spec["rounds"]):
        shift = round_ % len(tools)
        for tool in tools[shift:] + tools[:shift]:
            started, started_cpu = time.perf_counter(), _cpu(tool)
            TOOLS[tool](spec["file"])
            wall[tool].append(time.perf_counter() - started)
            cpu[tool].append(_cpu(tool) - started_cpu)
    return {"cpu": cpu, "wall": wall}


def run_memory(spec: dict[str, Any]) -> dict[str, Any]:
    """In this (fresh) process: one ``parse_file``; peak RSS, and RSS after the imports."""
    import rectpipe
    import rectpipe.readers.docx
    import rectpipe.readers.pdf

    base = _rss_now_kb()
    started = time.perf_counter()
    rectpipe.parse_file(spec["file"])
    seconds = time.perf_counter() - started
    return {"rss_base_kb": base, "rss_peak_kb": peak_rss_kb(), "seconds": seconds}


def _rss_now_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def in_fresh_process(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--case", json.dumps({"kind": kind, **spec})],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} case {spec} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- statistics and rows


def spread(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def met(value: float, target: str | None) -> bool | None:
    if target is None or target == "keep":
        return None
    op, bound = target.split()
    return value >= float(bound) if op == ">=" else value <= float(bound)


def row(
    work: str,
    rectpipe: str,
    against: str,
    ratios: list[float],
    target: str | None,
    note: str = "",
) -> dict[str, Any]:
    found = spread(ratios)
    return {
        "work": work,
        "rectpipe": rectpipe,
        "against": against,
        "ratio": {k: round(v, 3) for k, v in found.items()},
        "rounds": len(ratios),
        "target": target,
        "met": met(found["median"], target),
        "note": note,
    }


def skipped(work: str, against: str, why: str) -> dict[str, Any]:
    return {
        "work": work,
        "rectpipe": "",
        "against": against,
        "ratio": None,
        "rounds": 0,
        "target": None,
        "met": None,
        "note": why,
    }


# ---------------------------------------------------------------- the measurements

PDF_TARGETS = {
    "pdfplumber extract_text": "keep",
    "pypdfium2 text + every char box": ">= 1.0",
    "pdftotext": ">= 1.2",
    "pypdfium2 plain text": ">= 0.5",
}


def throughput(
    inputs: dict[tuple[str, str], Path], rounds: int
) -> tuple[list[Any], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    raw: dict[str, Any] = {}
    pdf_tools = ["rectpipe", *PDF_TARGETS]
    if PDFTOTEXT is None:
        pdf_tools.remove("pdftotext")
    groups = {
        "pdf": pdf_tools,
        "docx": ["rectpipe", "python-docx paragraphs + tables"],
        "txt": ["rectpipe", "read + decode + split"],
    }
    for fmt, tools in groups.items():
        path = inputs[(fmt, "200p")]
        spec = {
            "tools": tools,
            "file": str(path),
            "rounds": rounds,
            "warm_file": str(SEED.with_suffix(f".{fmt}")),
        }
        result = in_fresh_process("rounds", spec)
        raw[fmt] = {**result, "bytes": path.stat().st_size}
        mine = result["cpu"]["rectpipe"]
        median = statistics.median(mine)
        _say(f"{fmt}: rectpipe {1000 * median:.0f} ms (median CPU of {len(mine)})")
        for tool in tools[1:]:
            theirs = result["cpu"][tool]
            _say(f"{fmt}: {tool} {1000 * statistics.median(theirs):.0f} ms")
        if fmt == "pdf":
            shown = f"{200 / median:.0f} p/s ({1000 * median:.0f} ms)"
            for tool, target in PDF_TARGETS.items():
                if tool not in tools:
                    rows.append(skipped("big PDF, 200 p", tool, "pdftotext not installed"))
                    continue
                ratios = [t / m for t, m in zip(result["cpu"][tool], mine, strict=True)]
                rows.append(row("big PDF, 200 p", shown, tool, ratios, target))
        elif fmt == "docx":
            tool = tools[1]
            ratios = [t / m for t, m in zip(result["cpu"][tool], mine, strict=True)]
            shown = f"{1000 * median:.0f} ms"
            rows.append(row("big DOCX, ~200 p", shown, tool, ratios, ">= 1.5"))
        else:
            size = path.stat().st_size / 1e6
            rates = [size / m for m in mine]
            base = [size / t for t in result["cpu"][tools[1]]]
            note = f"read + decode + split: {statistics.median(base):.0f} MB/s"
            rows.append(
                row("TXT, MB/s", f"{statistics.median(rates):.1f} MB/s", "—", rates, ">= 20", note)
            )
    return rows, raw


def memory(inputs: dict[tuple[str, str], Path], rounds: int) -> tuple[list[Any], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    raw: dict[str, Any] = {}
    for fmt in ("pdf", "docx", "txt"):
        peaks: dict[str, list[float]] = {"200p": [], "2000p": []}
        for round_ in range(rounds):
            for size in ("200p", "2000p") if round_ % 2 == 0 else ("2000p", "200p"):
                result = in_fresh_process("memory", {"file": str(inputs[(fmt, size)])})
                peaks[size].append(result["rss_peak_kb"] / 1024)
                _say(f"memory {fmt} {size}: {peaks[size][-1]:.0f} MiB in {result['seconds']:.1f} s")
        raw[fmt] = peaks
        ratios = [b / s for b, s in zip(peaks["2000p"], peaks["200p"], strict=True)]
        shown = (
            f"{statistics.median(peaks['2000p']):.0f} / {statistics.median(peaks['200p']):.0f} MiB"
        )
        rows.append(row(f"peak RSS, {fmt.upper()} 2000 p ÷ 200 p", shown, "—", ratios, "<= 1.3"))
    return rows, raw


def _command(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _CONSOLE, *args],
        stdout=subprocess.DEVNULL,
        check=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    return time.perf_counter() - started


def _burn(workers: int) -> float:
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-c", BURN]) for _ in range(workers)]
    for process in running:
        process.wait()
    return time.perf_counter() - started


def batches(work: Path, pairs: int) -> tuple[list[Any], dict[str, Any]]:
    corpus = build_corpus(
        work / "corpus-short", [SEED.with_suffix(s) for s in (".pdf", ".docx", ".txt")]
    )
    out = work / "batch-out"

    def folder(workers: int) -> float:
        shutil.rmtree(out, ignore_errors=True)
        args = ["batch", str(corpus), "--out", str(out), "--workers", str(workers), "--quiet"]
        return _command(args)

    def sqlite(workers: int) -> float:
        database = work / "batch.sqlite"
        for leftover in work.glob("batch.sqlite*"):
            leftover.unlink()
        args = ["batch", str(corpus), "--db", str(database), "--workers", str(workers), "--quiet"]
        return _command(args)

    runs: dict[str, Callable[[int], float]] = {"json": folder, "sqlite": sqlite, "machine": _burn}
    seconds: dict[str, dict[int, list[float]]] = {name: {1: [], 2: []} for name in runs}
    for pair in range(pairs):
        for name, run in runs.items():
            for workers in (1, 2) if pair % 2 == 0 else (2, 1):
                seconds[name][workers].append(run(workers))
            one, two = seconds[name][1][-1], seconds[name][2][-1]
            _say(f"pair {pair + 1} {name}: 1 worker {one:.2f} s, 2 workers {two:.2f} s")
    # throughput of 2 workers over 1: the same files in less time, or (the CPU-bound loops)
    # twice the work in the time taken
    work_done = {"json": 1.0, "sqlite": 1.0, "machine": 2.0}
    speedups = {
        name: [work_done[name] * one / two for one, two in zip(s[1], s[2], strict=True)]
        for name, s in seconds.items()
    }
    ceiling = statistics.median(speedups["machine"])
    note = f"machine's ceiling (2 CPU-bound loops ÷ 1): {ceiling:.2f}×"
    rows = []
    for name, work_name, target in (
        ("json", f"{CORPUS_FILES} short files, 2 workers ÷ 1, whole command", ">= 1.8"),
        ("sqlite", f"{CORPUS_FILES} short files into SQLite, 2 ÷ 1", ">= 1.7"),
    ):
        one, two = (statistics.median(seconds[name][n]) for n in (1, 2))
        shown = f"{one:.2f} → {two:.2f} s"
        rows.append(row(work_name, shown, "—", speedups[name], target, note))
    return rows, seconds


# ---------------------------------------------------------------- the table


def table(rows: list[dict[str, Any]]) -> str:
    """The rows as the issue's table: the ratio's median, its range over the rounds, the
    number of rounds, the target and whether the median meets it."""
    head = f"{'work':46} {'rectpipe':22} {'against':32} {'ratio':>6} {'min–max':>11}"
    head += f" {'n':>2}  {'target':7} met"
    lines = [head, "-" * len(head)]
    notes: list[str] = []
    for r in rows:
        if r["ratio"] is None:
            lines.append(f"{r['work']:46} {'':22} {r['against']:32} skipped: {r['note']}")
            continue
        found = r["ratio"]
        span = f"{found['min']:.2f}–{found['max']:.2f}"
        shown = {None: "", True: "yes", False: "NO"}[r["met"]]
        lines.append(
            f"{r['work']:46} {r['rectpipe']:22} {r['against']:32} {found['median']:6.2f}"
            f" {span:>11} {r['rounds']:2}  {r['target'] or '':7} {shown}"
        )
        if r["note"] and r["note"] not in notes:
            notes.append(r["note"])
    return "\n".join([*lines, *(f"  {note}" for note in notes)])


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="throughput rounds")
    parser.add_argument("--memory-rounds", type=int, default=2)
    parser.add_argument("--pairs", type=int, default=5, help="1-vs-2-worker pairs")
    parser.add_argument("--only", default="throughput,memory,batch")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-table.json")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        spec = json.loads(args.case)
        case = run_rounds if spec["kind"] == "rounds" else run_memory
        print(json.dumps(case(spec)))
        return 0
    parts = set(args.only.split(","))
    compile_bytecode()
    if PDFTOTEXT is None:
        _say("pdftotext (poppler-utils) is not installed: its baseline is skipped")
    rows: list[dict[str, Any]] = []
    raw: dict[str, Any] = {"load_average": os.getloadavg(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = {
            ("pdf", "200p"): build_pdf(200, work / "200p.pdf"),
            ("docx", "200p"): build_docx(DOCX_REPEAT, work / "200p.docx"),
            ("txt", "200p"): build_txt(DOCX_REPEAT, work / "200p.txt"),
        }
        if "memory" in parts:
            inputs[("pdf", "2000p")] = build_pdf(200 * SCALE_REPEAT, work / "2000p.pdf")
            inputs[("docx", "2000p")] = build_docx(DOCX_REPEAT * SCALE_REPEAT, work / "2000p.docx")
            inputs[("txt", "2000p")] = build_txt(DOCX_REPEAT * SCALE_REPEAT, work / "2000p.txt")
        if "throughput" in parts:
            found, raw["throughput"] = throughput(inputs, args.rounds)
            rows += found
        if "memory" in parts:
            found, raw["memory"] = memory(inputs, args.memory_rounds)
            rows += found
        if "batch" in parts:
            found, raw["batch"] = batches(work, args.pairs)
            rows += found
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"rows": rows, "raw": raw}, indent=2, ensure_ascii=False) + "\n")
    print(table(rows))
    print(
        f"(load average {raw['load_average'][0]:.1f} on {raw['cpus']} CPUs at the start; "
        f"times are CPU seconds, batch times wall seconds; wrote {args.out})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
