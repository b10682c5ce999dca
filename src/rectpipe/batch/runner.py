"""A whole batch run: plan → engine → sink and manifest, one file at a time, resumable.

For each result, in the order results arrive, the sink stores the output first and then the
manifest line is appended and synced, with Ctrl-C held back in between; a run killed outright
between the two redoes that file on ``--resume`` (storing is idempotent), so nothing is lost
or stored twice.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from ..errors import DatabaseBusyError, OutputError, UsageError
from ..limits import DEFAULT_LIMITS, Limits
from ..runtime.names import escape_name
from ..runtime.paths import AnyPath
from ..runtime.record import field, record, replace
from .convert import ItemStore, cached_profile
from .discover import BatchItem, Plan, discover, done_by_path, plan_batch
from .local import DEFAULT_MAX_TASKS_PER_WORKER, missing_results, run_items, run_plan
from .manifest import Manifest, completed_keys
from .pool import worker_context
from .result import FileResult
from .sinks import Sink, Store

if TYPE_CHECKING:
    from .dbwriter import DbWriter

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


@record(frozen=False, slots=False)
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
    return replace(limits, ocr_threads=max(1, (cores or 1) // workers))


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
    on_begin: Callable[[Plan], None] | None = None,
) -> BatchSummary:
    """Convert ``inputs`` into ``sink``, appending each result to ``sink.manifest_path``.

    With ``resume``, files the manifest already records as ``success``/``partial`` under the
    same path, with the same SHA-256 and in the sink's ``output_format`` are skipped; an
    output that cannot be written (``output_error``) fails its file only.

    The local engine starts converting while folders are still being walked: ``on_begin``
    is called once before work starts, with the plan as far as it is known then (the
    inputs that name nothing, the manifest's unusable lines; its ``todo`` stays empty), and
    ``summary.total`` grows as files are found. ``on_plan`` is called once with the whole
    plan before work starts: given it (or with the Ray engine), every folder is walked, and
    with ``resume`` every candidate file hashed, first. ``on_result`` is called after each
    file is stored and recorded. Ctrl-C (``KeyboardInterrupt``)
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
    manifest = sink.manifest_path if resume else None
    found: Iterable[BatchItem]
    done: dict[str, frozenset[str]] = {}
    if engine != "local" or on_plan is not None:  # the whole plan first
        plan = plan_batch(inputs, resume_manifest=manifest, resume_format=output_format)
        summary = BatchSummary(total=len(plan.todo) + len(plan.missing), skipped=len(plan.skipped))
        found = plan.todo
    else:
        why: dict[str, str] = {}
        missing, found = discover(inputs, why)
        plan = Plan(missing=missing, why_missing=why)
        if manifest is not None:
            kept = completed_keys(manifest, fmt=output_format, skipped=plan.manifest_skipped)
            done = done_by_path(kept)
        summary = BatchSummary(total=len(plan.missing))
    if resume and hasattr(sink, "sweep"):
        sink.sweep()  # temporary files of the run being resumed, killed mid-write
    if on_plan is not None:
        on_plan(plan)
    if on_begin is not None:
        on_begin(plan)
    writer: DbWriter | None = None
    if engine == "local" and hasattr(sink, "start_writer"):
        writer = sink.start_writer(worker_context())
    recorder = _Recorder(sink, summary, writer, started, on_result)
    results: Generator[tuple[FileResult, BatchItem | None], None, None]
    if engine != "local":
        items = {item.path: item for item in plan.todo}
        results = (
            (result, items.get(result.path))
            for result in _engine_results(
                plan,
                engine,
                workers=workers,
                timeout=timeout,
                profile_path=profile_path,
                limits=limits,
                address=address,
                max_tasks_per_worker=max_tasks_per_worker,
                # A sink that can store from the workers does so (a Ray started here): the
                # workers render and write in parallel, and reports are not sent back.
                store=getattr(sink, "store_in_worker", None),
                on_start=lambda seconds: setattr(summary, "engine_startup", seconds),
            )
        )
    else:
        counted = plan.todo is not found  # files found as the run goes are counted then

        def tasks() -> Iterator[tuple[BatchItem, frozenset[str]]]:
            for item in found:
                if counted:
                    summary.total += 1
                yield item, done.get(escape_name(item.path), frozenset())

        results = _local_results(
            plan,
            tasks(),
            workers=workers,
            timeout=timeout,
            profile_path=profile_path,
            limits=limits,
            max_tasks_per_worker=max_tasks_per_worker,
            # The workers store what they convert where the sink lets them (an output file
            # each, a server's rows, an SQLite file's writer): rendering and writing run in
            # parallel, and reports are not sent back.
            store=writer.item_store if writer else getattr(sink, "item_store", None),
            wake=(writer.conn, recorder.take) if writer else None,
        )
    try:
        with Manifest(sink.manifest_path) as recorder.manifest:
            recorder.run(results)
    finally:
        if writer is not None:
            writer.close()
    summary.seconds = time.monotonic() - started
    return summary


def _local_results(
    plan: Plan,
    tasks: Iterator[tuple[BatchItem, frozenset[str]]],
    *,
    store: Callable[[], ItemStore] | None,
    **options: Any,
) -> Generator[tuple[FileResult, BatchItem | None], None, None]:
    for result in missing_results(plan):
        yield result, None
    yield from run_items(tasks, store=store() if store is not None else None, **options)


class _Recorder:
    """Takes each result to the sink and the manifest: stored first, then recorded. With a
    database writer (:mod:`.dbwriter`), a result waits for the commit that holds its document
    (or forgets its path) before it is recorded."""

    manifest: Manifest

    def __init__(
        self,
        sink: Sink,
        summary: BatchSummary,
        writer: DbWriter | None,
        started: float,
        on_result: Callable[[FileResult, BatchSummary], None] | None,
    ) -> None:
        self.sink = sink
        self.summary = summary
        self.writer = writer
        self.started = started
        self.on_result = on_result
        self.output_format = getattr(sink, "output_format", None)
        self.waiting: dict[str, FileResult] = {}
        self.committed: set[str] = set()

    def run(self, results: Generator[tuple[FileResult, BatchItem | None], None, None]) -> None:
        """Every result of ``results``; Ctrl-C stops the workers, and the writer, if any, then
        commits what it holds, which is recorded."""
        with contextlib.closing(results):
            try:
                for result, item in results:
                    self.handle(result, item)
            except KeyboardInterrupt:
                self.summary.interrupted = True
        if self.writer is not None:
            try:
                self.writer.finish(self.settle)
            except KeyboardInterrupt:  # a second Ctrl-C: what is not recorded is redone
                self.summary.interrupted = True

    def handle(self, result: FileResult, item: BatchItem | None) -> None:
        if result.skipped:
            self.summary.total -= 1
            self.summary.skipped += 1
            return
        if self.writer is not None and item is not None:
            if result.stored is None and result.report is not None:
                self.writer.store(item.path, result.report)  # the worker could not
            elif result.stored is None:
                self.writer.forget(item.path, keep_sha256=result.sha256)
            if item.path in self.committed:
                self.committed.discard(item.path)
                self.record(result, None)
            else:
                self.waiting[item.path] = result
            return
        with signals_deferred():
            try:
                output = self.sink.write(item, result) if item is not None else None
            except DatabaseBusyError:  # every file after would wait as long: stop
                raise
            except OutputError as exc:  # the output could not be written: this file fails
                result = FileResult.failed(
                    result.path, exc, sha256=result.sha256, seconds=result.seconds
                )
                output = None
            self.record(result, output)

    def take(self) -> None:
        """Record what the writer has committed so far (called when it has news)."""
        assert self.writer is not None
        self.writer.take(self.settle)

    def settle(self, keys: list[str]) -> None:
        """Record the results of ``keys``, which the writer has committed."""
        for key in keys:
            result = self.waiting.pop(key, None)
            if result is None:  # committed before its worker's result came in
                self.committed.add(key)
            else:
                self.record(result, None)

    def record(self, result: FileResult, output: str | None) -> None:
        with signals_deferred():
            record = result.record()
            if self.output_format is not None:
                record["format"] = self.output_format
            if output is not None:
                record["output"] = escape_name(output)
            self.manifest.append(record)
        self.summary.add(result)
        self.summary.seconds = time.monotonic() - self.started
        if self.on_result is not None:
            self.on_result(result, self.summary)
