"""A whole batch run: plan → engine → sink and manifest, one file at a time, resumable.

For each result, in the order results arrive, the sink stores the output first and then the
manifest line is appended and synced, with Ctrl-C held back in between; a run killed outright
between the two redoes that file on ``--resume`` (storing is idempotent), so nothing is lost
or stored twice.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..errors import DatabaseBusyError, OutputError, UsageError
from ..limits import DEFAULT_LIMITS, Limits
from ..runtime.names import escape_name
from ..runtime.paths import AnyPath
from .convert import cached_profile
from .discover import BatchItem, Plan, plan_batch
from .local import DEFAULT_MAX_TASKS_PER_WORKER, run_plan
from .manifest import Manifest
from .result import FileResult
from .sinks import Sink, Store

__all__ = ["BatchSummary", "Engine", "convert_batch", "shared_cores", "signals_deferred"]

Engine = Literal["local", "ray"]
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block is done (where the platform allows and
    this is the main thread), so a file is never stored without its manifest line."""
    can_block = hasattr(signal, "pthread_sigmask")
    if not can_block or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


@dataclass
class BatchSummary:
    """Counts for one run. ``skipped``: already done according to the manifest (resume);
    ``interrupted``: the run was stopped by Ctrl-C (or SIGTERM) before the end;
    ``codes``: failures per error code."""

    total: int = 0
    success: int = 0
    partial: int = 0
    failure: int = 0
    skipped: int = 0
    problems: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    codes: Counter[str] = field(default_factory=Counter)
    #: Seconds the engine took to start before any file (Ray's start-up), else ``None``.
    engine_startup: float | None = None

    @property
    def done(self) -> int:
        """Files with a result in this run."""
        return self.success + self.partial + self.failure

    def add(self, result: FileResult) -> None:
        """Count ``result``."""
        if result.status == "success":
            self.success += 1
        elif result.status == "partial":
            self.partial += 1
        else:
            self.failure += 1
            self.codes[result.error_code or "error"] += 1
        self.problems += result.problems

    def line(self) -> str:
        """The closing summary, one line."""
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{self.done} of {self.total} files in {self.seconds:.1f} s ({rate:.1f}/s): "
            f"{self.success} ok, {self.partial} partial, {self.failure} failed"
        )
        if self.skipped:
            text += f", {self.skipped} skipped (already done)"
        if self.codes:
            text += " [" + ", ".join(f"{c} {n}" for c, n in sorted(self.codes.items())) + "]"
        text += f"; {self.problems} problems"
        if self.engine_startup is not None:
            text += f" (engine start-up {self.engine_startup:.1f} s)"
        return text + (" — interrupted, rerun with --resume" if self.interrupted else "")


def shared_cores(limits: Limits, workers: int) -> Limits:
    """``limits`` for one of ``workers`` workers: an OCR engine left to take every core
    (``ocr_threads`` 0) gets the worker's share of them, at least one."""
    if limits.ocr_threads or workers <= 1:
        return limits
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return dataclasses.replace(limits, ocr_threads=max(1, (cores or 1) // workers))


def _engine_results(
    plan: Plan,
    engine: Engine,
    *,
    workers: int,
    timeout: float | None,
    profile_path: str | None,
    limits: Limits,
    address: str | None,
    max_tasks_per_worker: int,
    store: Callable[[Iterable[tuple[str, BatchItem]]], Store] | None = None,
    on_start: Callable[[float], None] | None = None,
) -> Generator[FileResult, None, None]:
    if engine == "ray":
        from .ray_engine import run_plan_ray

        yield from run_plan_ray(
            plan,
            workers=workers,
            timeout=timeout,
            profile_path=profile_path,
            limits=limits,
            address=address,
            store=store,
            on_start=on_start,
        )
        return
    yield from run_plan(
        plan,
        workers=workers,
        timeout=timeout,
        profile_path=profile_path,
        limits=limits,
        max_tasks_per_worker=max_tasks_per_worker,
        store=store,
    )


def convert_batch(
    inputs: Iterable[AnyPath],
    sink: Sink,
    *,
    engine: Engine = "local",
    workers: int = 2,
    timeout: float | None = 60.0,
    resume: bool = False,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    address: str | None = None,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS_PER_WORKER,
    on_plan: Callable[[Plan], None] | None = None,
    on_result: Callable[[FileResult, BatchSummary], None] | None = None,
) -> BatchSummary:
    """Convert ``inputs`` into ``sink``, appending each result to ``sink.manifest_path``.

    With ``resume``, files the manifest already records as ``success``/``partial`` under the
    same path, with the same SHA-256 and in the sink's ``output_format`` are skipped; an
    output that cannot be written (``output_error``) fails its file only. ``on_plan`` is
    called once with the plan before work starts, ``on_result`` after each file is stored
    and recorded. Ctrl-C (``KeyboardInterrupt``)
    stops the run cleanly — workers terminated, manifest complete up to the last stored
    file — and returns the summary with ``interrupted`` set. A bad profile raises
    :class:`~rectpipe.errors.UsageError` before anything is converted (so does ``resume``
    into a sink that cannot resume, :class:`~.sinks.BookSink`); an error from the
    sink itself (disk full, database down, a database locked by another process for longer
    than the sink waits: :class:`~rectpipe.errors.DatabaseBusyError`) is raised after the
    workers are stopped, with the manifest complete up to the last stored file.
    """
    if resume and not getattr(sink, "resumable", True):
        raise UsageError("a workbook is written whole: --resume goes with --out or --db")
    started = time.monotonic()
    cached_profile(profile_path)
    limits = shared_cores(limits, workers)
    output_format = getattr(sink, "output_format", None)
    plan = plan_batch(
        inputs,
        resume_manifest=sink.manifest_path if resume else None,
        resume_format=output_format,
    )
    if resume and hasattr(sink, "sweep"):
        sink.sweep()  # temporary files of the run being resumed, killed mid-write
    summary = BatchSummary(total=len(plan.todo) + len(plan.missing), skipped=len(plan.skipped))
    if on_plan is not None:
        on_plan(plan)
    items: dict[str, BatchItem] = {item.path: item for item in plan.todo}
    results = _engine_results(
        plan,
        engine,
        workers=workers,
        timeout=timeout,
        profile_path=profile_path,
        limits=limits,
        address=address,
        max_tasks_per_worker=max_tasks_per_worker,
        # A sink that can store from the workers does so (local engine, a Ray started here):
        # the workers render and write in parallel, and reports are not sent back.
        store=getattr(sink, "store_in_worker", None),
        on_start=lambda seconds: setattr(summary, "engine_startup", seconds),
    )
    with Manifest(sink.manifest_path) as manifest, contextlib.closing(results):
        try:
            for result in results:
                with signals_deferred():
                    item = items.get(result.path)
                    try:
                        output = sink.write(item, result) if item is not None else None
                    except DatabaseBusyError:  # every file after would wait as long: stop
                        raise
                    except OutputError as exc:  # the output could not be written: this file fails
                        result = FileResult.failed(
                            result.path, exc, sha256=result.sha256, seconds=result.seconds
                        )
                        output = None
                    record = result.record()
                    if output_format is not None:
                        record["format"] = output_format
                    if output is not None:
                        record["output"] = escape_name(output)
                    manifest.append(record)
                summary.add(result)
                summary.seconds = time.monotonic() - started
                if on_result is not None:
                    on_result(result, summary)
        except KeyboardInterrupt:
            summary.interrupted = True
    summary.seconds = time.monotonic() - started
    return summary
