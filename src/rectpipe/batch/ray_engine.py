"""The Ray engine: the same converter run as Ray tasks over batches of paths.

Needs ``pip install 'rectpipe[ray]'``. Each task converts a batch of files read by path on the
worker (:func:`~rectpipe.batch.convert.convert_path`), so file bytes never pass through the
driver or Ray's object store, and small files share a task so that Ray's per-task cost is
paid once per batch. Batches are submitted a few per worker ahead and their results are
yielded as they finish, as the same :class:`FileResult` the local engine yields, so outputs and
the manifest are the same.

On a Ray of one node (started here, by this process, or reached by ``--address``: a driver
that is not a Ray Client runs on a node of its cluster, so a cluster of one node is this
machine) the workers share this machine's files, so a sink that can store from its workers
(``--out``) writes each output in the worker that parsed it and the report never travels
back. On a cluster every node needs rectpipe installed and the files (and the profile) at the
same paths; reports come back to the driver, which writes them.

Inside a task the batch runs through the local engine's pool with one process
(:func:`~.pool.run_pool`): the per-file ``timeout`` is enforced there, and a file that kills
its process fails alone. A Ray worker that dies fails the files of its batch with
``internal_error``; the batch goes on.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable, Generator, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import InternalError, MissingDependencyError
from ..limits import DEFAULT_LIMITS, Limits
from ..runtime.paths import AnyPath
from ..runtime.record import replace
from .convert import cached_profile, convert_and_store, convert_path
from .discover import BatchItem, Plan, plan_batch
from .local import missing_results
from .pool import KeptPool
from .remote import absolute
from .result import FileResult

__all__ = [
    "AHEAD",
    "MAX_BATCH",
    "Store",
    "batches",
    "convert_many",
    "run_batch_ray",
    "run_plan_ray",
]

Store = Callable[[FileResult], FileResult]

#: Files per task at most, and tasks in flight per worker.
MAX_BATCH = 16
AHEAD = 2


_KEPT: dict[str, KeptPool] = {}  # in a Ray worker: the pool of the run under way


def convert_many(
    paths: Sequence[str],
    profile_path: str | None,
    limits: Limits,
    store: Store | None = None,
    timeout: float | None = None,
    run: str = "",
) -> list[FileResult]:
    """A Ray task's work: each of ``paths`` converted (and stored by ``store`` when given) by
    the local engine's pool with one process (:class:`~.pool.KeptPool`), which enforces
    ``timeout`` per file and is replaced after a file that kills it, as in the local engine.
    The pool is kept in this Ray worker for the tasks of the same ``run``, so its process
    starts (and warms up) once per run, not once per task."""
    pool = _KEPT.get(run)
    if pool is None:
        for old in _KEPT.values():  # an earlier run's: its job is not this one's
            old.close()
        _KEPT.clear()
        # The pool caps its process's memory; the parse runs there, not in a child of its own.
        common: dict[str, Any] = {
            "profile_path": profile_path,
            "limits": replace(limits, max_memory_bytes=None),
            "as_records": True,  # records travel back; run_batch_ray makes the models
        }
        job: Callable[[str], FileResult]
        if store is None:
            job = partial(convert_path, **common)
        else:
            job = partial(convert_and_store, store=store, convert=convert_path, **common)
        pool = _KEPT[run] = KeptPool(job, timeout=timeout, max_memory=limits.max_memory_bytes)
    return pool.run(paths)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise MissingDependencyError(
            "--engine ray needs Ray: pip install 'rectpipe[ray]'"
        ) from None
    return ray


def _one_local_node(ray: Any) -> bool:
    """Does Ray run on this machine alone (one node, not reached through Ray Client), so that
    its workers see this machine's files?"""
    try:
        from ray.util.client import ray as client

        if client.is_connected():  # type: ignore[no-untyped-call]
            return False
        return sum(1 for node in ray.nodes() if node.get("Alive")) == 1
    except Exception:  # an API that moved: assume a cluster, the safe side
        return False


def batches(paths: Sequence[str], workers: int) -> list[list[str]]:
    """``paths`` cut into batches: about four per worker, at most :data:`MAX_BATCH` files
    each, so that every worker stays busy to the end and a short batch is not one task."""
    size = max(1, min(MAX_BATCH, len(paths) // (max(1, workers) * 4)))
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


def run_plan_ray(
    plan: Plan,
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    address: str | None = None,
    store: Callable[[Iterable[tuple[str, BatchItem]]], Store] | None = None,
    on_start: Callable[[float], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Results for ``plan`` computed on Ray, yielded as its tasks finish: its missing inputs
    first, then ``plan.todo``. Connects to ``address`` when given, uses the Ray instance
    already initialised in this process if any, and otherwise starts a local one with
    ``workers`` CPUs (shut down at the end); ``on_start`` is told how many seconds that took.
    ``store`` (a sink's ``store_in_worker``) is used only on a Ray of one node, whose
    workers see this machine's files."""
    ray = _import_ray()
    yield from missing_results(plan)
    given = {absolute(item.path): item.path for item in plan.todo}
    if not given:
        return
    started_here = not ray.is_initialized()
    begun = time.monotonic()
    if started_here:
        ray.init(
            address=address,
            num_cpus=None if address else max(1, workers),
            include_dashboard=False,
            logging_level=logging.WARNING,
            configure_logging=False,
        )
    if on_start is not None:
        on_start(time.monotonic() - begun)
    try:
        limits = replace(limits, timeout=None)  # the pool in each task enforces it
        timeout = timeout if timeout and timeout > 0 else None
        profile = os.path.abspath(profile_path) if profile_path else None
        writer = None
        if store is not None and _one_local_node(ray):
            writer = store((absolute(item.path), item) for item in plan.todo)
        task = ray.remote(max_retries=0)(convert_many)
        run = uuid.uuid4().hex
        shared = (ray.put(profile), ray.put(limits), ray.put(writer), timeout, run)
        todo = batches(list(given), workers)
        waiting: dict[Any, list[str]] = {}

        def submit() -> None:
            if todo:
                batch = todo.pop(0)
                waiting[task.remote(batch, *shared)] = batch

        for _ in range(max(1, workers) * AHEAD):
            submit()
        while waiting:
            (done,), _ = ray.wait(list(waiting), num_returns=1)
            batch = waiting.pop(done)
            submit()
            try:
                results = ray.get(done)
            except Exception as exc:  # the worker died (killed, out of memory…)
                error = InternalError(f"ray worker failed: {type(exc).__name__}")
                results = [FileResult.failed(path, error) for path in batch]
            for result in results:
                yield replace(result, path=given.get(result.path, result.path))
    finally:
        if started_here:
            _stop_monitor(ray)
            ray.shutdown()


def _stop_monitor(ray: Any) -> None:
    """Kill the autoscaler monitor of the Ray this process started. ``ray.shutdown`` stops
    Ray's processes one after another, each with SIGTERM and up to a second's wait; the
    monitor of a local Ray (which has nothing to scale) takes that whole second, about three
    quarters of the shutdown. It keeps no state, so it is killed outright. A Ray whose
    internals moved is left to its own shutdown."""
    try:
        node = ray._private.worker._global_node
        monitors = node.all_processes.get("monitor", []) if node is not None else []
        for info in monitors:
            if info.process.poll() is None:
                info.process.kill()
                info.process.wait(timeout=1.0)
    except Exception:  # an internal API that moved: the shutdown still works
        pass


def run_batch_ray(
    paths: Iterable[AnyPath],
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    resume_manifest: str | Path | None = None,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    address: str | None = None,
) -> Generator[FileResult, None, None]:
    """:func:`rectpipe.batch.run_batch` on Ray: the same inputs, skipping and results.

    Raises ``missing_dependency`` when Ray is not installed and ``usage`` for a bad profile,
    both before any work starts (on the first ``next``)."""
    cached_profile(profile_path)
    plan = plan_batch(paths, resume_manifest=resume_manifest)
    for result in run_plan_ray(
        plan,
        workers=workers,
        timeout=timeout,
        profile_path=profile_path,
        limits=limits,
        address=address,
    ):
        yield result.with_model()
