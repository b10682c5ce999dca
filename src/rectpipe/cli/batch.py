"""``rectpipe batch``: argument parsing over :func:`rectpipe.batch.convert_batch`.

Per-file errors are one line each on stderr (``rectpipe: <file>: <code>: <message>``), the
progress bar is drawn on stderr when it is a terminal, and a summary line closes the run.
The exit status is 0 when every file parsed, the failures' exit code when they share one,
1 when they differ, and 130 when interrupted.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from ..errors import ERRORS, UsageError
from ..limits import DEFAULT_LIMITS, DEFAULT_LOCK_WAIT, MB
from ..runtime.names import one_line
from ..runtime.record import replace
from ..writers.kinds import OUTPUT_FORMATS
from .options import DEFAULT_MEMORY_MB, add_ocr_options, check_number

if TYPE_CHECKING:  # the batch package (worker pool, sinks) is imported when a batch runs
    from ..batch.runner import BatchSummary
    from ..batch.sinks import Sink

__all__ = [
    "MAX_WORKERS",
    "add_batch_arguments",
    "check_batch_options",
    "run_batch_command",
]

_EXIT_CODES = {error.code: error.exit_code for error in ERRORS}


#: What the ``batch`` subcommand's ``add_parser`` is given.
def add_batch_arguments(batch: argparse.ArgumentParser) -> None:
    """Add the ``batch`` subcommand's arguments to its parser."""
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs")
    where = batch.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR", help="one output file per document")
    where.add_argument("--workbook", metavar="FILE", help="one .xlsx workbook for the whole batch")
    where.add_argument("--db", metavar="URL", help="SQLite file or SQLAlchemy URL")
    batch.add_argument("-f", "--format", choices=OUTPUT_FORMATS, default="json", help="with --out")
    batch.add_argument("--workers", type=int, default=2, metavar="N", help="default 2")
    batch.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="seconds per file, 0: none"
    )
    batch.add_argument(
        "--max-memory-mb",
        type=float,
        default=DEFAULT_MEMORY_MB,
        metavar="MB",
        help="memory one worker may use, its address-space cap: a file that needs more is "
        "too_large and the batch goes on (default %(default)g; 0: none)",
    )
    add_ocr_options(batch)
    batch.add_argument("--resume", action="store_true", help="skip files already done")
    batch.add_argument("--quiet", "-q", action="store_true", help="no progress, no summary")
    batch.add_argument("--profile", metavar="YAML", help="vocabulary merged over the default")
    batch.add_argument("--manifest", metavar="PATH", help="manifest file (with --db or --workbook)")
    batch.add_argument(
        "--db-wait",
        type=float,
        default=DEFAULT_LOCK_WAIT,
        metavar="S",
        help="seconds to wait for a database another process holds locked, before the batch "
        "stops (default %(default)g; resume it with --resume)",
    )
    batch.add_argument("--engine", choices=("local", "ray"), default="local")
    batch.add_argument("--address", metavar="ADDR", help="Ray cluster address (--engine ray)")
    batch.add_argument(
        "--max-tasks-per-worker",
        type=int,
        default=50,
        metavar="N",
        help="files a worker converts before it is replaced (default %(default)d)",
    )


def _sink(args: argparse.Namespace) -> Sink:
    from ..batch.db_sink import DbSink
    from ..batch.sinks import BookSink, DirSink

    if args.out is not None:
        if args.manifest:
            raise UsageError("--manifest goes with --db; with --out it is DIR/manifest.jsonl")
        return DirSink(args.out, args.format)
    if args.workbook is not None:
        if args.format not in ("json", "xlsx"):
            raise UsageError("-f applies to --out; --workbook writes xlsx")
        return BookSink(args.workbook, manifest_path=args.manifest)
    if args.format != "json":
        raise UsageError("-f applies to --out; --db stores tables")
    return DbSink(args.db, manifest_path=args.manifest, lock_wait=args.db_wait)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C (workers stopped, manifest complete)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


MAX_WORKERS = max(32, 4 * (os.cpu_count() or 1))


def check_batch_options(args: argparse.Namespace) -> None:
    """Refuse flag values that make no sense (NaN, infinite, negative, absurd) up front."""
    check_number("--ocr-threads", args.ocr_threads, zero=True)
    if not 1 <= args.workers <= MAX_WORKERS:
        raise UsageError(f"--workers must be from 1 to {MAX_WORKERS}, not {args.workers}")
    if args.max_tasks_per_worker < 1:
        raise UsageError("--max-tasks-per-worker must be at least 1")
    check_number("--timeout", args.timeout, zero=True)
    check_number("--max-memory-mb", args.max_memory_mb, zero=True)
    if args.resume and args.workbook is not None:
        raise UsageError("a workbook is written whole: --resume goes with --out or --db")
    check_number("--db-wait", args.db_wait, zero=True)


def run_batch_command(args: argparse.Namespace) -> int:
    """Run ``rectpipe batch`` for parsed ``args``; returns the exit status."""
    check_batch_options(args)
    sink = _sink(args)
    try:
        if args.engine == "local" and hasattr(sink, "prepare"):
            sink.prepare()  # a database's writer opens it while the converter loads
        return _run(args, sink)
    finally:
        sink.close()


def _run(args: argparse.Namespace, sink: Sink) -> int:
    from ..batch.discover import Plan
    from ..batch.progress import ProgressBar
    from ..batch.result import FileResult
    from ..batch.runner import BatchSummary, convert_batch

    progress = ProgressBar(sys.stderr, enabled=not args.quiet)

    def on_begin(plan: Plan) -> None:
        if not args.quiet:
            where = one_line(str(sink.manifest_path))
            for number, reason in plan.manifest_skipped:
                print(f"rectpipe: {where}:{number}: skipped a bad line: {reason}", file=sys.stderr)
        progress.update(BatchSummary(total=len(plan.todo) + len(plan.missing)), force=True)

    def on_result(result: FileResult, summary: BatchSummary) -> None:
        if result.status == "failure" and not args.quiet:
            progress.clear()
            path, message = one_line(result.path), one_line(result.error_message or "")
            error = f"{path}: {result.error_code}: {message}"
            print(f"rectpipe: {error}", file=sys.stderr)
        progress.update(summary, force=summary.done == summary.total)

    try:
        with _sigterm_as_interrupt():
            summary = convert_batch(
                args.inputs,
                sink,
                engine=args.engine,
                workers=args.workers,
                timeout=args.timeout or None,
                resume=args.resume,
                profile_path=args.profile,
                limits=replace(
                    DEFAULT_LIMITS,
                    timeout=None,
                    max_memory_bytes=int(args.max_memory_mb * MB) or None,
                    ocr=args.ocr,
                    max_ocr_pages=args.max_ocr_pages,
                    ocr_threads=args.ocr_threads,
                ),
                address=args.address,
                max_tasks_per_worker=args.max_tasks_per_worker,
                on_begin=on_begin,
                on_result=on_result,
            )
    finally:
        progress.clear()
    if not args.quiet:
        print(f"rectpipe: {summary.line()}", file=sys.stderr)
    return _exit_status(summary)


def _exit_status(summary: BatchSummary) -> int:
    if summary.interrupted:
        return 130
    if not summary.codes:
        return 0
    codes = {_EXIT_CODES.get(code, 1) for code in summary.codes}
    return codes.pop() if len(codes) == 1 else 1
