"""The local engine: :func:`run_batch` over worker processes on this machine.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import partial
from typing import Any

from ..errors import InputNotFoundError
from ..limits import DEFAULT_LIMITS, Limits
from ..runtime.paths import AnyPath
from ..runtime.record import replace
from .convert import ItemStore, cached_profile, convert_and_store, convert_path, convert_task
from .discover import BatchItem, Plan, plan_batch
from .pool import Wake, run_pool
from .remote import absolute
from .result import FileResult
from .sinks import Store

__all__ = [
    "DEFAULT_MAX_TASKS_PER_WORKER",
    "missing_results",
    "run_batch",
    "run_items",
    "run_plan",
]

DEFAULT_MAX_TASKS_PER_WORKER = 50


def missing_results(plan: Plan) -> list[FileResult]:
    """A ``file_not_found`` failure for each input of ``plan`` that named no file."""
    return [
        FileResult.failed(
            name,
            InputNotFoundError(plan.why_missing.get(name, "no such file, folder or glob match")),
        )
        for name in plan.missing
    ]


def run_plan(
    plan: Plan,
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS_PER_WORKER,
    start_method: str | None = None,
    store: Callable[[Iterable[tuple[str, BatchItem]]], Store] | None = None,
) -> Generator[FileResult, None, None]:
    """Results for a prepared :class:`Plan`: its missing inputs first, then ``plan.todo`` in
    the order the workers finish them. The workers parse without ``limits.timeout``; the
    pool enforces ``timeout`` instead. ``limits.max_memory_bytes`` caps each worker's
    address space (the parse runs in the worker itself, not in a child of its own): a file
    that outgrows it is a ``too_large`` failure and the batch goes on.

    ``store`` (a sink's ``store_in_worker``) is given ``(worker path, item)`` pairs and
    returns the writer each worker runs on its result before sending it back."""
    yield from missing_results(plan)
    # Workers may have been started from another folder: they get absolute paths.
    given = {absolute(item.path): item.path for item in plan.todo}
    common: dict[str, Any] = {
        "profile_path": os.path.abspath(profile_path) if profile_path else None,
        "limits": replace(limits, timeout=None, max_memory_bytes=None),
        "as_records": True,  # the report travels as records; run_batch makes the models
    }
    job: Callable[[str], FileResult]
    if store is not None:
        pairs = ((absolute(item.path), item) for item in plan.todo)
        job = partial(convert_and_store, store=store(pairs), convert=convert_path, **common)
    else:
        job = partial(convert_path, **common)
    for result in run_pool(
        list(given),
        job,
        workers=workers,
        timeout=timeout,
        max_tasks_per_worker=max_tasks_per_worker,
        start_method=start_method,
        max_memory=limits.max_memory_bytes,
    ):
        yield replace(result, path=given.get(result.path, result.path))


def run_items(
    tasks: Iterable[tuple[BatchItem, frozenset[str]]],
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS_PER_WORKER,
    start_method: str | None = None,
    store: ItemStore | None = None,
    wake: Wake | None = None,
) -> Generator[tuple[FileResult, BatchItem], None, None]:
    """Each item's result, with the item, in the order the workers finish them, as
    :func:`run_plan` does; ``tasks`` pairs each item with the hashes a resumed run recorded
    as done for its path (:func:`~.convert.convert_task`), and is read as workers need a
    next file, so the first files are converted while a folder is still being walked.
    ``store`` (a sink's ``item_store``) runs in the worker on each result; ``wake`` is
    handed to the pool (:func:`~.pool.run_pool`)."""
    given: dict[str, BatchItem] = {}

    def fed() -> Iterator[tuple[str, tuple[BatchItem, frozenset[str]]]]:
        for item, done in tasks:
            path = absolute(item.path)  # workers may have been started elsewhere
            given[path] = item
            yield path, (item, done)

    job = partial(
        convert_task,
        store=store,
        convert=convert_path,
        profile_path=os.path.abspath(profile_path) if profile_path else None,
        limits=replace(limits, timeout=None, max_memory_bytes=None),
        as_records=True,
    )
    for result in run_pool(
        fed(),
        job,
        workers=workers,
        timeout=timeout,
        max_tasks_per_worker=max_tasks_per_worker,
        start_method=start_method,
        max_memory=limits.max_memory_bytes,
        wake=wake,
    ):
        item = given.pop(result.path)
        yield replace(result, path=item.path), item


def run_batch(
    paths: Iterable[AnyPath],
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    resume_manifest: AnyPath | None = None,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    max_tasks_per_worker: int = DEFAULT_MAX_TASKS_PER_WORKER,
    start_method: str | None = None,
) -> Generator[FileResult, None, None]:
    """Convert files, folders (recursive, documents by suffix) and glob patterns in worker
    processes, yielding one :class:`FileResult` per file as each finishes.

    A path or pattern that names nothing yields a ``file_not_found`` failure; every other
    error is a ``failure`` result too, never an exception, so one file cannot stop the batch.
    ``timeout`` is the wall-clock limit per file (``None``: none): a worker past it is killed
    and the file recorded as ``timeout``. Workers are replaced after ``max_tasks_per_worker``
    files. With ``resume_manifest``, files that manifest records as ``success``/``partial``
    under the same path and SHA-256 are skipped (not yielded). ``profile_path`` is loaded
    here first, so a bad profile raises :class:`~rectpipe.errors.UsageError` before any work starts.
    Closing the generator, or Ctrl-C, terminates the workers. Workers are forked from this
    process on Linux when it runs a single thread, else started with ``forkserver`` (``spawn``
    where there is none), which imports the calling script's ``__main__`` module: call this
    from under ``if __name__ == "__main__":`` in a script
    (:func:`~rectpipe.batch.pool.default_start_method`).
    """
    cached_profile(profile_path)
    plan = plan_batch(paths, resume_manifest=resume_manifest)
    for result in run_plan(
        plan,
        workers=workers,
        timeout=timeout,
        profile_path=profile_path,
        limits=limits,
        max_tasks_per_worker=max_tasks_per_worker,
        start_method=start_method,
    ):
        yield result.with_model()
