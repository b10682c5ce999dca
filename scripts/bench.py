"""Throughput and peak memory of rectpipe against the bare libraries it reads with.

    python scripts/bench.py [--quick] [--startup] [--out out/bench.json]

Every case runs in a fresh Python process, which reports its own timing and its peak RSS
(``VmHWM``, read when the case is done: :func:`peak_rss_kb`) and its RSS after
imports, before any document was read. Cases:

* throughput: the whole rectpipe pipeline (``parse_file``) against baselines measured in the
  same process, taking turns run by run (so a slow spell on a shared machine falls on all of
  them alike) — bare ``pdfplumber`` ``page.extract_text()`` and bare ``pypdfium2`` text
  extraction for PDF, bare ``python-docx`` paragraph reading for DOCX, read+decode+split for
  TXT — on the seed report and on a ~200-page one built here (the seed's PDF pages repeated
  with pypdfium2 ``import_pages``; the seed's DOCX body repeated; the seed's text repeated);
* memory: one parse per fresh process, 20 pages against 200 pages; and at scale, 200 pages
  against 2000 (PDF, DOCX, TXT): ``parse_file`` in a fresh process, and the whole command
  ``rectpipe extract FILE -f json|jsonl -o OUT`` (its peak RSS read from the process that
  waited for it);
* TXT throughput in MB/s (the ~200-page text, fewest CPU seconds);
* scaling: :func:`rectpipe.batch.convert_batch` over 40 files with 1 and with 2 workers,
  each run in a fresh process, in pairs run back to back (1 2, 2 1, 1 2, …: five pairs on
  copies of the seed, three on copies of the ~200-page documents); the same pairs for the whole
  command ``rectpipe batch DIR --out OUT --workers N`` on the short corpus; and, as the
  ceiling the machine allows, one against two copies of a CPU-bound Python loop run at once
  (on a shared 2-core machine two processes rarely get two whole cores);
* start-up (``--startup``, or ``make bench-startup``, runs only this): the whole command
  ``rectpipe extract`` on a small TXT sample (1 KB) and on the seed TXT (25 KB), ``import
  rectpipe``, pydantic with one model built and dumped (the floor any command that writes
  a report through pydantic stands on) and a bare ``python -c pass``, each a new process,
  taking turns run by run; each ratio is the median command over the median bare start (wall
  clock; the fastest of each, and CPU time, beside it), the whole commands against the
  issue's target of 6, and ``-X importtime`` of the small extraction gives where its imports
  go, per package.

Results go to ``out/bench.json`` and a table on stdout. The single-document ratios use the
fewest CPU seconds over each tool's runs (``time.process_time``; every tool runs at least
twice; medians and wall-clock times are recorded too): other work on a shared machine only
ever adds to a run, so the fastest is the closest to the cost itself. The 1-vs-2-worker ratio
can only be wall-clock time: it is taken within each pair, the median pair is reported (the
lowest and highest beside it), and the load average at the start is recorded.
Modules are compiled to bytecode first, as an installed package has them. Every process the
bench starts imports rectpipe from this checkout (``src/`` first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed-yongzhou"
DOCX_REPEAT = 12  # the seed DOCX is 17 pages as PDF: 12 copies of its body ≈ 204 pages
CORPUS_FILES = 40
BATCH_PAIRS = {"short": 5, "long": 3}  # 1-vs-2-worker pairs of runs per corpus
COMMAND_PAIRS = 5  # 1-vs-2-worker pairs of whole ``rectpipe batch`` commands
SCALE_REPEAT = 10  # the 2000-page documents: the ~200-page ones ten times
BURN = "x = 0\nfor i in range(12_000_000):\n    x += i"  # the machine's ceiling: CPU only
#: Children run this checkout's code, whatever an editable install elsewhere points at.
CHILD_ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    ),
    # the commands' compiled-pattern store (rectpipe.runtime.patterns), kept apart from the
    # user's: the first run of a round fills it, as a user's first run does
    "RECTPIPE_CACHE_DIR": str(ROOT / "out" / "bench-store"),
}


# ---------------------------------------------------------------- inputs, built at bench time


def build_pdf(pages: int, target: Path) -> Path:
    """The seed PDF's pages repeated (in order, wrapping round) up to ``pages`` pages."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(SEED.with_suffix(".pdf")))
    built = pdfium.PdfDocument.new()
    count = len(source)
    while len(built) < pages:
        take = min(count, pages - len(built))
        built.import_pages(source, list(range(take)))
    built.save(str(target))
    return target


def build_docx(repeat: int, target: Path) -> Path:
    """The seed DOCX with its body (everything but the section properties) ``repeat`` times."""
    import docx

    document = docx.Document(str(SEED.with_suffix(".docx")))
    body = document.element.body
    content = [child for child in body if not child.tag.endswith("}sectPr")]
    anchor = body[-1] if body[-1].tag.endswith("}sectPr") else None
    for _ in range(repeat - 1):
        for child in content:
            clone = copy.deepcopy(child)
            if anchor is not None:
                anchor.addprevious(clone)
            else:
                body.append(clone)
    document.save(str(target))
    return target


def build_txt(repeat: int, target: Path) -> Path:
    """The seed text ``repeat`` times."""
    text = SEED.with_suffix(".txt").read_text("utf-8")
    target.write_text("\n".join([text] * repeat), "utf-8")
    return target


def build_corpus(folder: Path, sources: list[Path]) -> Path:
    """:data:`CORPUS_FILES` copies of ``sources`` in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(CORPUS_FILES):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"doc-{i:02}{source.suffix}")
    return folder


# ---------------------------------------------------------------- what a case does, in-process


def _rectpipe(path: str) -> int:
    import rectpipe

    return len(rectpipe.parse_file(path).iter_problems())


def _reader_only(path: str) -> int:
    """rectpipe's reader alone (bytes → blocks), without structure and extraction."""
    from rectpipe.pipeline import read_document

    return len(read_document(Path(path).read_bytes(), Path(path).suffix[1:]).blocks)


def _pdfplumber(path: str) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def _pypdfium2(path: str) -> int:
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


def _python_docx(path: str) -> int:
    import docx

    return sum(len(p.text) for p in docx.Document(path).paragraphs)


def _read_text(path: str) -> int:
    return len(Path(path).read_bytes().decode("utf-8").splitlines())


TOOLS = {
    "rectpipe": _rectpipe,
    "rectpipe reader": _reader_only,
    "pdfplumber": _pdfplumber,
    "pypdfium2": _pypdfium2,
    "python-docx": _python_docx,
    "read+decode": _read_text,
}
_IMPORTS = {
    "rectpipe": ["rectpipe", "rectpipe.readers.pdf", "rectpipe.readers.docx"],
    "rectpipe reader": ["rectpipe", "rectpipe.readers.pdf", "rectpipe.readers.docx"],
    "pdfplumber": ["pdfplumber"],
    "pypdfium2": ["pypdfium2"],
    "python-docx": ["docx"],
    "read+decode": [],
}


def _rss_now_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_case(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one case in this (fresh) process; its timings and memory as a JSON-ready dict."""
    import importlib

    for tool in spec.get("tools", [spec.get("tool")]):
        for module in _IMPORTS.get(tool, []):
            importlib.import_module(module)
    base_kb = _rss_now_kb()
    if spec["kind"] == "command":
        return _command_case(spec)
    if spec["kind"] == "burn":
        return _burn_case(spec)
    if spec["kind"] == "batch":
        return {**_batch_case(spec), "rss_base_kb": base_kb, "rss_peak_kb": peak_rss_kb()}
    if spec["kind"] == "interleaved":
        return {"tools": _interleaved(spec)}
    work = TOOLS[spec["tool"]]
    if spec.get("warm", True):
        work(spec["file"])
    times: list[float] = []
    cpu: list[float] = []
    while len(times) < spec.get("max_reps", 30) and (not times or sum(times) < spec["min_seconds"]):
        started, started_cpu = time.perf_counter(), time.process_time()
        work(spec["file"])
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {
        "seconds": statistics.median(times),
        "cpu_seconds": statistics.median(cpu),
        "reps": len(times),
        "rss_base_kb": base_kb,
        "rss_peak_kb": peak_rss_kb(),
    }


def _interleaved(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every tool of ``spec["tools"]`` on one file, taking turns: one run of each in every
    round, until each has run ``min_seconds`` in all (or ``max_reps`` times). A slow spell on
    the machine then falls on all of them alike, not on whichever ran in it."""
    tools = spec["tools"]
    for tool in tools:  # first calls load what each tool loads lazily
        TOOLS[tool](spec.get("warm_file") or spec["file"])
    wall: dict[str, list[float]] = {tool: [] for tool in tools}
    cpu: dict[str, list[float]] = {tool: [] for tool in tools}

    def wants_more(tool: str) -> bool:
        done = wall[tool]
        if len(done) < spec.get("min_reps", 1):
            return True
        return len(done) < spec.get("max_reps", 30) and sum(done) < spec["min_seconds"]

    while busy := [tool for tool in tools if wants_more(tool)]:
        for tool in busy:
            started, started_cpu = time.perf_counter(), time.process_time()
            TOOLS[tool](spec["file"])
            wall[tool].append(time.perf_counter() - started)
            cpu[tool].append(time.process_time() - started_cpu)
    return {
        tool: {
            "seconds": statistics.median(wall[tool]),
            "cpu_seconds": statistics.median(cpu[tool]),
            "best_cpu_seconds": min(cpu[tool]),
            "reps": len(wall[tool]),
        }
        for tool in tools
    }


def peak_rss_kb() -> int:
    """This process's own peak RSS in KiB: ``VmHWM`` of ``/proc/self/status``.

    Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries that high-water mark over
    ``fork`` and ``exec``, so a fresh process started by a large one reports at least its
    parent's RSS (a bench parent that built its inputs with pypdfium2 and python-docx holds
    about 85 MiB, which every case it starts would then report as its own floor). ``VmHWM``
    belongs to the process's own memory, new at ``exec``. Elsewhere, ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _batch_case(spec: dict[str, Any]) -> dict[str, Any]:
    from rectpipe.batch import DirSink, convert_batch

    busy: list[float] = []
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = convert_batch(
            [spec["file"]],
            DirSink(out, "json"),
            workers=spec["workers"],
            timeout=600,
            on_result=lambda result, _: busy.append(result.seconds),
        )
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "files": summary.done,
        "failures": summary.failure,
        # Σ per-file seconds / wall time: how many files were being converted at once on
        # average (≈ workers when the pool keeps them all busy, whatever the CPUs can give)
        "concurrency": sum(busy) / seconds,
    }


def _command_case(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec["args"]`` as one whole ``rectpipe`` command, waited for by this (fresh) process,
    whose children's peak RSS is then that command's own."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", _CONSOLE, *spec["args"]],
        stdout=subprocess.DEVNULL,
        check=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "rss_peak_kb": int(peak), "files": spec.get("files", 1)}


def _burn_case(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec["workers"]`` copies of a CPU-bound loop started at once: their wall time (the
    machine's own ceiling for running processes side by side)."""
    started = time.perf_counter()
    running = [
        subprocess.Popen([sys.executable, "-c", BURN], cwd=ROOT) for _ in range(spec["workers"])
    ]
    for process in running:
        process.wait()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "files": spec["workers"], "concurrency": float(spec["workers"])}


def in_fresh_process(spec: dict[str, Any]) -> dict[str, Any]:
    """:func:`run_case` in a new interpreter (so peak RSS is this case's alone)."""
    done = subprocess.run(
        [sys.executable, __file__, "--case", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    if done.returncode != 0:
        raise RuntimeError(f"case {spec} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {**spec, **result}


# ---------------------------------------------------------------- start-up

#: What the ``rectpipe`` console script runs, so that ``python -m``'s runpy is not counted.
_CONSOLE = "from rectpipe.cli import console; console()"
#: The small text sample of the start-up target (1 KB; the seed is 25 KB).
SMALL_TXT = ROOT / "samples" / "family-f-summary.txt"
#: pydantic imported and one model built and dumped: what any command that writes a report
#: through the pydantic models pays before rectpipe's own code runs.
_PYDANTIC_FLOOR = (
    "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\nM(x=1).model_dump_json()"
)
STARTUP_COMMANDS = {
    "bare python": ["-c", "pass"],
    "pydantic, one model": ["-c", _PYDANTIC_FLOOR],
    "import rectpipe": ["-c", "import rectpipe"],
    f"rectpipe extract {SMALL_TXT.name}": ["-c", _CONSOLE, "extract", str(SMALL_TXT)],
    "rectpipe extract seed.txt": ["-c", _CONSOLE, "extract", str(SEED.with_suffix(".txt"))],
    f"rectpipe extract {SMALL_TXT.name}, no pattern store": [
        "-c",
        _CONSOLE,
        "extract",
        str(SMALL_TXT),
    ],
}
#: Commands run with their own environment: the store turned off, as on a first run.
_STARTUP_ENV = {
    f"rectpipe extract {SMALL_TXT.name}, no pattern store": {"RECTPIPE_PATTERN_STORE": "off"}
}
#: The whole commands the issue's start-up target is on: under 6 bare interpreter starts.
STARTUP_TARGETS = (f"rectpipe extract {SMALL_TXT.name}", "rectpipe extract seed.txt")
STARTUP_TARGET = "<= 6"


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup(runs: int) -> dict[str, Any]:
    """Each of :data:`STARTUP_COMMANDS` ``runs`` times in turn (one round runs each once, so a
    busy spell falls on all of them alike), each run a new interpreter: fastest and median
    wall-clock and CPU seconds; and ``-X importtime`` of the small extraction."""
    wall: dict[str, list[float]] = {name: [] for name in STARTUP_COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in STARTUP_COMMANDS}
    for _ in range(runs):
        for name, args in STARTUP_COMMANDS.items():
            before, start = _child_cpu(), time.perf_counter()
            subprocess.run(
                [sys.executable, *args],
                stdout=subprocess.DEVNULL,
                check=True,
                cwd=ROOT,
                env={**CHILD_ENV, **_STARTUP_ENV.get(name, {})},
            )
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(_child_cpu() - before)
    rows = [
        {
            "command": name,
            "runs": runs,
            "best_seconds": min(wall[name]),
            "median_seconds": statistics.median(wall[name]),
            "best_cpu_seconds": min(cpu[name]),
            "median_cpu_seconds": statistics.median(cpu[name]),
        }
        for name in STARTUP_COMMANDS
    ]
    return {"runs": rows, "imports": importtime(STARTUP_COMMANDS[STARTUP_TARGETS[0]])}


def importtime(args: list[str]) -> dict[str, Any]:
    """``python -X importtime`` of a command (after one run to warm the file cache): the
    modules it imports, and their own import time summed per top-level package (rectpipe's per
    subpackage), largest first."""
    subprocess.run(
        [sys.executable, *args], stdout=subprocess.DEVNULL, check=True, cwd=ROOT, env=CHILD_ENV
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    per_package: dict[str, int] = {}
    modules = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, own, _, name = (part.strip() for part in line.replace("import time:", "|").split("|"))
        # rectpipe by subpackage (rectpipe.models: building the pydantic models)
        parts = name.split(".")
        package = ".".join(parts[:2]) if parts[0] == "rectpipe" else parts[0]
        per_package[package] = per_package.get(package, 0) + int(own)
        modules += 1
    ranked = sorted(per_package.items(), key=lambda item: -item[1])
    return {
        "modules": modules,
        "self_ms_total": round(sum(per_package.values()) / 1000, 1),
        "self_ms_by_package": {name: round(us / 1000, 1) for name, us in ranked[:15]},
    }


def startup_ratios(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Start-up ratios against the bare interpreter, median over median (the fastest over the
    fastest, and CPU, beside them): the issue's target is on the whole commands."""
    rows = {row["command"]: row for row in result["runs"]}
    bare = rows["bare python"]
    found = []
    for name, row in rows.items():
        if name == "bare python":
            continue
        target = STARTUP_TARGET if name in STARTUP_TARGETS else None
        for key, label, bound in (
            ("median_seconds", "median wall", target),
            ("best_seconds", "fastest wall", None),
            ("best_cpu_seconds", "fastest CPU", None),
        ):
            if key in row and key in bare:
                value = row[key] / bare[key]
                found.append(_ratio(f"start-up: {name} / bare python, {label}", value, bound))
    return found


def startup_lines(result: dict[str, Any]) -> list[str]:
    """The start-up medians and their ratios to the bare interpreter, one line each."""
    rows = {row["command"]: row for row in result["runs"]}
    bare = rows["bare python"]["median_seconds"]
    lines = [f"start-up, median of {rows['bare python']['runs']} rounds taken in turn:"]
    for name, row in rows.items():
        ratio = row["median_seconds"] / bare
        line = f"  {name:40} {1000 * row['median_seconds']:7.1f} ms  {ratio:5.1f}x bare"
        if name in STARTUP_TARGETS:
            bound = float(STARTUP_TARGET.split()[1])
            line += f"  (target < {bound:g}x: {'met' if ratio <= bound else 'NOT met'})"
        lines.append(line)
    return lines


# ---------------------------------------------------------------- the bench


def _pages(path: Path) -> int | None:
    if path.suffix != ".pdf":
        return None
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def bench(quick: bool, only_startup: bool = False) -> dict[str, Any]:
    """Run every case; the results with their ratios."""
    started = startup(10 if quick else 30)
    _say("\n".join(startup_lines(started)))
    if only_startup:
        return {"machine": _machine(), "startup": started, "ratios": startup_ratios(started)}
    min_seconds = 0.5 if quick else 3.0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = {
            ("txt", "short"): SEED.with_suffix(".txt"),
            ("txt", "long"): build_txt(DOCX_REPEAT, work / "long.txt"),
            ("docx", "short"): SEED.with_suffix(".docx"),
            ("docx", "long"): build_docx(DOCX_REPEAT, work / "long.docx"),
            ("pdf", "short"): SEED.with_suffix(".pdf"),
            ("pdf", "long"): build_pdf(200, work / "long.pdf"),
            ("pdf", "20p"): build_pdf(20, work / "20p.pdf"),
            ("pdf", "2000p"): build_pdf(200 * SCALE_REPEAT, work / "2000p.pdf"),
            ("docx", "2000p"): build_docx(DOCX_REPEAT * SCALE_REPEAT, work / "2000p.docx"),
            ("txt", "2000p"): build_txt(DOCX_REPEAT * SCALE_REPEAT, work / "2000p.txt"),
        }
        baselines = {"txt": ["read+decode"], "docx": ["rectpipe reader", "python-docx"]}
        baselines["pdf"] = ["rectpipe reader", "pdfplumber", "pypdfium2"]
        throughput: list[dict[str, Any]] = []
        for (fmt, size), path in inputs.items():
            if size in ("20p", "2000p"):
                continue
            tools = ["rectpipe", *baselines[fmt]]
            group = in_fresh_process(
                {
                    "kind": "interleaved",
                    "tool": "rectpipe",
                    "tools": tools,
                    "file": str(path),
                    "min_seconds": min_seconds,
                    # ``min_seconds`` bounds the slow tools (pdfplumber on 200 pages runs
                    # twice); the fast ones get enough runs for their fastest to be steady
                    "max_reps": 40,
                    "min_reps": 2,
                    # warm up on the short document of the format (a long one takes seconds)
                    "warm_file": str(inputs[(fmt, "short")]),
                }
            )
            for tool in tools:
                result = {
                    "kind": "throughput",
                    "tool": tool,
                    "format": fmt,
                    "size": size,
                    **group["tools"][tool],
                    "pages": _pages(path),
                    "bytes": path.stat().st_size,
                }
                throughput.append(result)
                _say(
                    f"{fmt:5} {size:5} {tool:12} {result['seconds'] * 1000:9.1f} ms/doc wall"
                    f" {result['cpu_seconds'] * 1000:9.1f} ms/doc cpu"
                )
        memory = [
            in_fresh_process(
                {
                    "kind": "memory",
                    "tool": "rectpipe",
                    "format": fmt,
                    "size": size,
                    "file": str(inputs[(fmt, size)]),
                    "min_seconds": 0,
                    "max_reps": 1,
                    "warm": False,
                }
            )
            for fmt, size in (
                ("pdf", "20p"),
                ("pdf", "long"),
                ("docx", "short"),
                ("docx", "long"),
                ("pdf", "2000p"),
                ("docx", "2000p"),
                ("txt", "long"),
                ("txt", "2000p"),
            )
        ]
        for fmt in ("pdf", "docx", "txt"):
            for size in ("long", "2000p"):
                for out_format in ("json", "jsonl"):
                    spec = {
                        "kind": "command-memory",
                        "format": fmt,
                        "size": size,
                        "output": out_format,
                        "args": [
                            "extract",
                            str(inputs[(fmt, size)]),
                            "-f",
                            out_format,
                            "-o",
                            str(work / f"out.{out_format}"),
                        ],
                    }
                    memory.append({**in_fresh_process({**spec, "kind": "command"}), **spec})
                    _say(
                        f"memory {fmt} {size} extract -f {out_format}: "
                        f"{memory[-1]['rss_peak_kb'] / 1024:.0f} MiB"
                    )
        corpora = {
            "short": [SEED.with_suffix(s) for s in (".pdf", ".docx", ".txt")],
            "long": [inputs[(f, "long")] for f in ("pdf", "docx", "txt")],
        }
        scaling = []
        for size, sources in corpora.items():
            corpus = build_corpus(work / f"corpus-{size}", sources)
            # pairs of runs, back to back, the order alternating (1 2, 2 1, 1 2…): the ratio
            # is taken within each pair, which a slow spell of the machine mostly spans
            for pair in range(BATCH_PAIRS[size]):
                for workers in (1, 2) if pair % 2 == 0 else (2, 1):
                    spec = {
                        "kind": "batch",
                        "tool": "rectpipe",
                        "size": size,
                        "file": str(corpus),
                        "workers": workers,
                        "pair": pair,
                    }
                    result = in_fresh_process(spec)
                    scaling.append(result)
                    _say(
                        f"batch {size} {workers} worker(s): "
                        f"{result['files'] / result['seconds']:.2f} files/s,"
                        f" concurrency {result['concurrency']:.2f}"
                    )
        command_corpus = work / "corpus-short"
        for pair in range(COMMAND_PAIRS):
            for workers in (1, 2) if pair % 2 == 0 else (2, 1):
                out = work / f"batch-out-{pair}-{workers}"
                spec = {
                    "kind": "command",
                    "tool": "rectpipe batch",
                    "size": "short command",
                    "workers": workers,
                    "pair": pair,
                    "files": CORPUS_FILES,
                    "args": [
                        *("batch", str(command_corpus), "--out", str(out)),
                        *("--workers", str(workers), "--quiet"),
                    ],
                }
                result = in_fresh_process(spec)
                result["concurrency"] = float("nan")
                scaling.append(result)
                shutil.rmtree(out, ignore_errors=True)
                _say(f"rectpipe batch, {workers} worker(s): {result['seconds']:.2f} s")
            for workers in (1, 2) if pair % 2 == 0 else (2, 1):
                spec = {"kind": "burn", "size": "machine", "workers": workers, "pair": pair}
                scaling.append(in_fresh_process(spec))
    for rows in (throughput, memory, scaling):
        for row in rows:
            row.pop("file", None)
    return {
        "machine": _machine(),
        "throughput": throughput,
        "memory": memory,
        "scaling": scaling,
        "startup": started,
        "ratios": [],  # by :func:`all_ratios`, once the measurements are saved
    }


def _machine() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "pdfplumber": version("pdfplumber"),
        "pypdfium2": version("pypdfium2"),
        "python-docx": version("python-docx"),
        "time": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def _seconds(rows: list[dict[str, Any]], fmt: str, size: str, tool: str) -> float:
    """Fewest CPU seconds per document over the runs. CPU time is steadier than wall-clock
    time on a shared machine, and what disturbs it (other work, cache and frequency
    contention) only ever adds: the fastest run is the closest to the cost itself."""
    return float(
        next(
            r["best_cpu_seconds"]
            for r in rows
            if (r["format"], r["size"], r["tool"]) == (fmt, size, tool)
        )
    )


def ratios(
    throughput: list[dict[str, Any]], memory: list[dict[str, Any]], scaling: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and whether it is met."""
    found: list[dict[str, Any]] = []
    for size in ("short", "long"):
        plumber = _seconds(throughput, "pdf", size, "pdfplumber")
        for variant in ("rectpipe", "rectpipe reader"):
            value = plumber / _seconds(throughput, "pdf", size, variant)
            target = ">= 10" if variant == "rectpipe" else None
            found.append(
                _ratio(f"pdf {size}: {variant} throughput / bare pdfplumber", value, target)
            )
        found.append(
            _ratio(
                f"pdf {size}: rectpipe throughput / bare pypdfium2",
                _seconds(throughput, "pdf", size, "pypdfium2")
                / _seconds(throughput, "pdf", size, "rectpipe"),
                None,
            )
        )
        docx = _seconds(throughput, "docx", size, "rectpipe")
        found.append(
            _ratio(
                f"docx {size}: rectpipe time / bare python-docx",
                docx / _seconds(throughput, "docx", size, "python-docx"),
                "<= 2",
            )
        )
        found.append(
            _ratio(
                f"docx {size}: rectpipe reader alone / bare python-docx",
                _seconds(throughput, "docx", size, "rectpipe reader")
                / _seconds(throughput, "docx", size, "python-docx"),
                None,
            )
        )
        txt = _seconds(throughput, "txt", size, "rectpipe")
        found.append(
            _ratio(
                f"txt {size}: rectpipe time / bare read+decode",
                txt / _seconds(throughput, "txt", size, "read+decode"),
                None,
            )
        )
    peaks = {(m["format"], m["size"]): m for m in memory if m["kind"] == "memory"}
    for fmt, small in (("pdf", "20p"), ("docx", "short")):
        big, little = peaks[(fmt, "long")], peaks[(fmt, small)]
        found.append(
            _ratio(
                f"{fmt}: peak RSS 200 pages / {'20' if fmt == 'pdf' else '17'} pages",
                big["rss_peak_kb"] / little["rss_peak_kb"],
                "<= 1.5",
            )
        )
        grown = (big["rss_peak_kb"] - big["rss_base_kb"]) / max(
            1, little["rss_peak_kb"] - little["rss_base_kb"]
        )
        found.append(_ratio(f"{fmt}: RSS growth over imports, 200 / short", grown, None))
    found += _scale_ratios(throughput, memory, scaling)
    for size in ("short", "long"):
        runs = [s for s in scaling if s["size"] == size]
        pairs = sorted(_pair_speedups(runs))
        middle = pairs[len(pairs) // 2]
        target = ">= 1.7" if size == "short" else None
        found.append(_ratio(f"batch of 40 {size}: 2 workers / 1 worker", middle[0], target))
        found.append(_ratio(f"batch of 40 {size}: lowest pair", pairs[0][0], None))
        found.append(_ratio(f"batch of 40 {size}: highest pair", pairs[-1][0], None))
        found.append(_ratio(f"batch of 40 {size}, 2 workers: files at once", middle[1], None))
    return found


def _scale_ratios(
    throughput: list[dict[str, Any]], memory: list[dict[str, Any]], scaling: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Memory at 2000 pages against 200, TXT in MB/s, and the whole batch command's 2-worker
    speed-up beside the machine's own ceiling."""
    found: list[dict[str, Any]] = []
    parses = {(m["format"], m["size"]): m for m in memory if m["kind"] == "memory"}
    commands = {
        (m["format"], m["size"], m["output"]): m for m in memory if m["kind"] == "command-memory"
    }
    for fmt in ("pdf", "docx", "txt"):
        big, small = parses[(fmt, "2000p")], parses[(fmt, "long")]
        found.append(
            _ratio(
                f"{fmt}: peak RSS 2000 pages / 200 pages (parse_file)",
                big["rss_peak_kb"] / small["rss_peak_kb"],
                "<= 1.3",
            )
        )
        for output in ("json", "jsonl"):
            big, small = commands[(fmt, "2000p", output)], commands[(fmt, "long", output)]
            found.append(
                _ratio(
                    f"{fmt}: peak RSS 2000 / 200 pages, extract -f {output}",
                    big["rss_peak_kb"] / small["rss_peak_kb"],
                    "<= 1.3",
                )
            )
    txt = next(r for r in throughput if (r["format"], r["size"], r["tool"]) == LONG_TXT)
    rate = txt["bytes"] / 1e6 / txt["best_cpu_seconds"]
    found.append(_ratio("txt long: MB/s (CPU)", rate, ">= 20"))
    machine = sorted(_pair_speedups([s for s in scaling if s["size"] == "machine"]))
    command = sorted(_pair_speedups([s for s in scaling if s["size"] == "short command"]))
    ceiling, whole = machine[len(machine) // 2][0], command[len(command) // 2][0]
    found.append(_ratio("machine: 2 CPU-bound processes / 1 (the ceiling)", ceiling, None))
    found.append(_ratio("rectpipe batch, 40 short files: 2 workers / 1", whole, ">= 1.8"))
    found.append(_ratio("rectpipe batch, 40 short: lowest pair", command[0][0], None))
    found.append(_ratio("rectpipe batch, 40 short: highest pair", command[-1][0], None))
    share = whole / ceiling
    found.append(_ratio("rectpipe batch 2 / 1, share of the machine's ceiling", share, None))
    return found


LONG_TXT = ("txt", "long", "rectpipe")


def _pair_speedups(runs: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """For each pair of runs (1 and 2 workers, back to back): the throughput of 2 workers over
    that of 1, and the 2-worker run's concurrency. Within a pair both runs meet much the same
    machine; a busy spell falls on some pairs, and the median pair is the one reported."""
    by_pair: dict[int, dict[int, dict[str, Any]]] = {}
    for run in runs:
        by_pair.setdefault(int(run["pair"]), {})[int(run["workers"])] = run
    speedups = []
    for pair in by_pair.values():
        one, two = pair[1], pair[2]
        rate = (two["files"] / two["seconds"]) / (one["files"] / one["seconds"])
        speedups.append((rate, float(two.get("concurrency", float("nan")))))
    return speedups


def _ratio(name: str, value: float, target: str | None) -> dict[str, Any]:
    met = None
    if target is not None:
        op, bound = target.split()
        met = value >= float(bound) if op == ">=" else value <= float(bound)
    return {"name": name, "value": round(value, 3), "target": target, "met": met}


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def table(results: dict[str, Any]) -> str:
    """The ratios as a plain-text table."""
    lines = [f"{'measure':78} {'value':>8}  target   met"]
    for r in results["ratios"]:
        met = {None: "", True: "yes", False: "NO"}[r["met"]]
        lines.append(f"{r['name']:78} {r['value']:8.2f}  {r['target'] or '':7}  {met}")
    imports = results["startup"]["imports"]
    packages = ", ".join(f"{k} {v}" for k, v in list(imports["self_ms_by_package"].items())[:8])
    lines.extend(startup_lines(results["startup"]))
    lines.append(
        f"rectpipe extract {SMALL_TXT.name} imports {imports['modules']} modules, "
        f"{imports['self_ms_total']} ms under -X importtime: {packages}"
    )
    load = results["machine"]["load_average"][0]
    lines.append(f"(load average {load:.1f} on {results['machine']['cpus']} CPUs at the start)")
    return "\n".join(lines)


def compile_bytecode() -> None:
    """Compile rectpipe's modules to bytecode before any case runs, as installing a package
    does. An editable install run with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile
    every module from source in every case's process, which the batch cases would count (the
    readers are imported inside the timed run, before the workers are forked)."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "rectpipe"), quiet=1)


def all_ratios(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every ratio of a full run's measurements (``--from`` recomputes them from a file)."""
    return ratios(results["throughput"], results["memory"], results["scaling"]) + startup_ratios(
        results["startup"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "out" / "bench.json"))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--startup", action="store_true", help="only the start-up measurement")
    parser.add_argument("--from", dest="saved", help="recompute the ratios of a saved run")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(json.loads(args.case))))
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from rectpipe.writers import write_atomic

    if args.saved:
        results = json.loads(Path(args.saved).read_text("utf-8"))
    else:
        compile_bytecode()
        results = bench(args.quick, only_startup=args.startup)
        # the measurements are kept even if working out a ratio fails
        write_atomic(args.out, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if "throughput" in results:
        results["ratios"] = all_ratios(results)
    write_atomic(args.out, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
