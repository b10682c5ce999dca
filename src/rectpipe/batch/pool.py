"""A process pool for batches: one file per task, a wall-clock limit per task, recycling.

``multiprocessing.Pool`` cannot kill one stuck task, so this pool keeps its own workers, each
with a pipe: the parent hands a worker one path, waits on all pipes and process sentinels at
once, and yields results in the order they finish. A worker past its deadline is killed and
replaced (the file is recorded as ``timeout``); a worker that dies is replaced (the file is an
``internal_error``); a worker exits by itself after ``max_tasks`` files and is replaced, so
memory a parser leaks cannot build up. With a memory cap (``max_memory``), each worker caps
its own address space (``RLIMIT_AS``) when it starts: a file that outgrows it is ``too_large``
(a ``MemoryError`` in Python, or a native abort that kills the worker), and the worker is
replaced, so the next file starts in a fresh process. Workers ignore SIGINT and take
SIGTERM's default action: on Ctrl-C the parent gets ``KeyboardInterrupt`` and closing the
generator terminates every worker, silently.

Measured against ``pebble.ProcessPool`` (``docs/batch-pool.md``): pebble is slower on short
files, forks while its own threads run, and cannot replace a worker after a ``MemoryError``.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from ..errors import InternalError, ParseTimeoutError, RectpipeError, TooLargeError
from ..runtime.isolate import (
    OUT_OF_MEMORY_EXIT,
    OUT_OF_MEMORY_SIGNALS,
    cap_memory,
    over_cap,
    quiet_crash_dumps,
)
from ..runtime.record import record
from .result import FileResult

__all__ = [
    "PRELOAD",
    "Job",
    "KeptPool",
    "Task",
    "Wake",
    "default_start_method",
    "run_pool",
    "worker_context",
]

Task = str | tuple[str, object]
"""What a worker is handed: a path, or a path and what else the job needs for it."""
Job = Callable[[Any], FileResult]
"""Called in a worker with each :data:`Task`; should not raise."""
Wake = tuple[Connection, Callable[[], None]]
"""A connection the pool waits on beside its workers, and what to call when it is ready."""
# Modules the fork server imports once, so each new worker starts with them loaded.
PRELOAD = ["rectpipe.batch.warm"]


def default_start_method() -> str:
    """How workers start when the caller does not say.

    ``fork`` on Linux while this process runs a single thread: a worker is then a copy of a
    process that has already imported and warmed up rectpipe, so it starts in milliseconds
    instead of paying the ~0.3 s of imports again (which dominates short batches). With other
    threads running, forking could copy a lock some thread holds, so ``forkserver`` (a clean
    process, preloaded once) is used instead; ``spawn`` where neither exists (Windows, and
    macOS, where forking is unsafe for system libraries).
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def worker_context(start_method: str | None = None) -> BaseContext:
    """The multiprocessing context for workers: ``start_method`` when given, else
    :func:`default_start_method`. The warm-up modules (:data:`PRELOAD`) are loaded where
    workers start from: in this process for ``fork``, in the fork server for ``forkserver``."""
    method = start_method or default_start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    elif method == "fork":
        for module in PRELOAD:
            importlib.import_module(module)
    return context


def _worker_main(
    conn: Connection,
    job: Job,
    max_tasks: int,
    inherited: Sequence[Connection] = (),
    max_memory: int | None = None,
) -> None:
    """A worker's life: up to ``max_tasks`` paths in, one result out for each. Returns when
    the parent closes the pipe or sends ``None``.

    ``inherited`` are the parent's ends of this worker's pipe and of the other workers' pipes,
    which a forked worker holds copies of: closed first, so that when the parent dies every
    worker sees its pipe close and exits.

    Signals are set to what a worker needs, whatever it inherited from a forking parent:
    Ctrl-C (sent to the whole process group) is ignored, the parent stops the run; SIGTERM
    is the default action, so the pool's ``terminate`` ends a worker silently rather than
    through a handler the batch command installed for itself (which raised
    ``KeyboardInterrupt`` and printed a traceback).

    ``max_memory`` caps the worker's address space: a job that runs out of it in Python is a
    ``too_large`` result; one that aborts in native code kills the worker (quietly: no crash
    dump), which the parent records as ``too_large``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    for other in inherited:
        other.close()
    if max_memory is not None:
        quiet_crash_dumps()
        cap_memory(max_memory)
    for _ in range(max_tasks):
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path = _path(task)
        ran_out = False
        try:
            result = job(task)
        except MemoryError:  # outside the parse (reading the file, storing the output)
            ran_out = True  # the result is made once the exception and its frames are gone
        except BaseException as exc:  # the job never raises; a bug is still one result
            result = FileResult.failed(path, InternalError(f"{type(exc).__name__}: {exc}"))
        if ran_out:
            gc.collect()
            result = FileResult.failed(path, TooLargeError(over_cap(max_memory)))
        del task
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        except MemoryError:
            # near the cap after a file that ran out of it: what it left is freed, and the
            # file is reported too large; if even that cannot be sent, the exit code says it
            del result
            gc.collect()
            try:
                conn.send(FileResult.failed(path, TooLargeError(over_cap(max_memory))))
            except MemoryError:
                os._exit(OUT_OF_MEMORY_EXIT)
        except Exception as exc:  # an unpicklable result
            conn.send(FileResult.failed(path, InternalError(f"cannot send result: {exc}")))


def _path(task: Task) -> str:
    return task if isinstance(task, str) else task[0]


@record(frozen=False, slots=False)
class _Slot:
    process: BaseProcess
    conn: Connection
    task: str | None = None
    started: float = 0.0
    deadline: float = math.inf
    done: int = 0


class _Pool:
    def __init__(
        self,
        job: Job,
        *,
        timeout: float | None,
        max_tasks: int,
        context: BaseContext,
        max_memory: int | None = None,
    ) -> None:
        self.job = job
        self.timeout = timeout
        self.max_memory = max_memory
        self.max_tasks = max_tasks
        self.context = context
        self.slots: list[_Slot] = []

    def spawn(self) -> _Slot:
        parent, child = self.context.Pipe(duplex=True)
        forked = self.context.get_start_method() == "fork"
        inherited = [parent, *(slot.conn for slot in self.slots)] if forked else []
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child, self.job, self.max_tasks, inherited, self.max_memory),
            daemon=True,
        )
        process.start()
        child.close()
        slot = _Slot(process, parent)
        self.slots.append(slot)
        return slot

    def assign(self, slot: _Slot, task: Task) -> None:
        slot.conn.send(task)
        slot.task = _path(task)
        slot.started = time.monotonic()
        slot.deadline = slot.started + self.timeout if self.timeout else math.inf
        slot.done += 1

    def retire(self, slot: _Slot, *, kill: bool) -> None:
        if kill and slot.process.is_alive():
            slot.process.kill()
        elif not kill:  # an idle worker waits for its next path: tell it there is none
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
        slot.process.join(timeout=5)
        if slot.process.is_alive():  # would not exit after its last task
            slot.process.kill()
            slot.process.join()
        slot.conn.close()
        self.slots.remove(slot)

    def outcome(self, slot: _Slot, ready: Sequence[object]) -> tuple[FileResult, bool] | None:
        """The finished task's result and whether its worker must be killed, or ``None``."""
        assert slot.task is not None
        if slot.conn in ready or slot.conn.poll():
            try:
                return slot.conn.recv(), False
            except (EOFError, OSError):
                pass  # died while sending: reported below as a dead worker
        elif slot.process.sentinel not in ready:
            if time.monotonic() < slot.deadline:
                return None
            assert self.timeout is not None
            error = ParseTimeoutError(f"gave up after {self.timeout:g} s")
            return FileResult.failed(slot.task, error, seconds=self.timeout), True
        slot.process.join(timeout=1)
        exitcode = slot.process.exitcode
        error2: RectpipeError = InternalError(f"worker died (exit code {exitcode})")
        if self.max_memory is not None and (
            (exitcode is not None and exitcode < 0 and -exitcode in OUT_OF_MEMORY_SIGNALS)
            or exitcode == OUT_OF_MEMORY_EXIT
        ):  # native code that could not allocate under the cap aborted, or the worker could
            # not even report that it ran out
            error2 = TooLargeError(over_cap(self.max_memory))
        seconds = time.monotonic() - slot.started
        return FileResult.failed(slot.task, error2, seconds=seconds), True

    def spent(self, slot: _Slot, result: FileResult) -> bool:
        """Whether the worker that gave ``result`` must be replaced before its next file: it
        has done its ``max_tasks``, or it ran out of memory under the cap (its heap may be
        left fragmented or a native library half-initialised)."""
        if slot.done >= self.max_tasks:
            return True
        return self.max_memory is not None and result.error_code == TooLargeError.code

    def run(
        self, tasks: Iterable[Task], workers: int, wake: Wake | None = None
    ) -> Generator[FileResult, None, None]:
        """Every task's result, as they finish, on ``workers`` processes: idle ones left by
        an earlier run first (a pool kept between runs), new ones for the rest. ``tasks`` is
        read as workers need them, so the first ones run while it is still being made (a
        folder being walked). ``wake``: a connection waited on too while tasks run, and what
        to call when it is ready."""
        pending = _Tasks(iter(tasks))
        for slot in list(self.slots):
            if slot.task is None and not slot.process.is_alive():
                self.retire(slot, kill=False)
        for slot in [s for s in self.slots if s.task is None][:workers]:
            if pending:
                self.assign(slot, pending.popleft())
        while pending and sum(1 for s in self.slots if s.task is not None) < workers:
            self.assign(self.spawn(), pending.popleft())
        while busy := [s for s in self.slots if s.task is not None]:
            soonest = min(s.deadline for s in busy)
            wait_for = None if soonest == math.inf else max(0.0, soonest - time.monotonic())
            handles: list[Any] = [s.conn for s in busy] + [s.process.sentinel for s in busy]
            if wake is not None:
                handles.append(wake[0])
            ready = wait(handles, timeout=wait_for)
            if wake is not None and wake[0] in ready:
                wake[1]()
            # Every finished worker gets its next file before any result is handed on, so
            # none waits idle while the caller stores a result.
            finished: list[FileResult] = []
            for slot in busy:
                found = self.outcome(slot, ready)
                if found is None:
                    continue
                result, kill = found
                slot.task = None
                if kill or self.spent(slot, result):
                    self.retire(slot, kill=kill)
                    if pending:
                        self.assign(self.spawn(), pending.popleft())
                elif pending:
                    self.assign(slot, pending.popleft())
                finished.append(result)
            yield from finished

    def close(self) -> None:
        for slot in list(self.slots):
            if slot.process.is_alive():
                slot.process.terminate()
        for slot in list(self.slots):
            self.retire(slot, kill=True)


class _Tasks:
    """The tasks not handed out yet, read one at a time from an iterator; true while there
    is one more."""

    def __init__(self, tasks: Iterator[Task]) -> None:
        self._tasks = tasks
        self._next: Task | None = None

    def __bool__(self) -> bool:
        if self._next is None:
            self._next = next(self._tasks, None)
        return self._next is not None

    def popleft(self) -> Task:
        if not self:
            raise IndexError("no task left")
        task, self._next = self._next, None
        assert task is not None
        return task


class KeptPool:
    """A pool kept between runs of the same ``job``, so that its worker processes (and what
    they have loaded) serve run after run: the Ray engine keeps one in each Ray worker for a
    batch's tasks. :meth:`close` ends its processes."""

    def __init__(
        self,
        job: Job,
        *,
        timeout: float | None,
        max_tasks_per_worker: int = 50,
        start_method: str | None = None,
        max_memory: int | None = None,
    ) -> None:
        self._pool = _Pool(
            job,
            timeout=timeout if timeout and timeout > 0 else None,
            max_tasks=max(1, max_tasks_per_worker),
            context=worker_context(start_method),
            max_memory=max_memory or None,
        )

    def run(self, paths: Iterable[Task], workers: int = 1) -> list[FileResult]:
        """``job(path)`` for every path on ``workers`` processes; on any error in this
        process, the pool's processes are ended (the next run starts new ones)."""
        try:
            return list(self._pool.run(paths, max(1, workers)))
        except BaseException:
            self._pool.close()
            raise

    def close(self) -> None:
        self._pool.close()


def run_pool(
    paths: Iterable[Task],
    job: Job,
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    max_tasks_per_worker: int = 50,
    start_method: str | None = None,
    max_memory: int | None = None,
    wake: Wake | None = None,
) -> Generator[FileResult, None, None]:
    """``job(path)`` for every path, in ``workers`` processes, yielded as each finishes.
    ``paths`` is read lazily, as workers need a next one; an item may also be a pair
    ``(path, extra)``, handed to ``job`` whole (the result of a worker that fails names
    ``path``). ``wake`` (see :class:`_Pool.run`) lets the caller handle another connection
    (the database writer's) while the workers run.

    ``job`` must be picklable (a module-level function or a ``functools.partial`` of one) and
    should not raise. A task running longer than ``timeout`` seconds (``None``: no limit)
    yields a ``timeout`` failure; a worker that dies yields an ``internal_error`` failure.
    Closing the generator early (or an exception in the caller, Ctrl-C included) terminates
    all workers. ``workers`` and ``max_tasks_per_worker`` below 1 are treated as 1.
    ``max_memory`` (bytes; ``None``: none) caps each worker's address space: a task that
    outgrows it yields a ``too_large`` failure and its worker is replaced.
    """
    pool = _Pool(
        job,
        timeout=timeout if timeout and timeout > 0 else None,
        max_tasks=max(1, max_tasks_per_worker),
        context=worker_context(start_method),
        max_memory=max_memory or None,
    )
    try:
        yield from pool.run(paths, max(1, workers), wake)
    finally:
        pool.close()
