"""The Ray engine: the same converter mapped over files read by Ray Data.

Needs ``pip install 'rectpipe[ray]'``. Files are read as binaries
(``ray.data.read_binary_files(..., include_paths=True)``) and each row is mapped through
:func:`~rectpipe.batch.convert.convert_bytes`; results travel back as one JSON string per
file and become the same :class:`FileResult` the local engine yields, so outputs and the
manifest are the same. The per-file ``timeout`` is enforced inside the Ray worker by parsing
in a child process (:func:`rectpipe.isolate.run_isolated`). On a cluster every node needs
rectpipe installed and the files (and the profile) at the same paths.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Generator, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import InputNotFoundError, MissingDependencyError
from ..limits import DEFAULT_LIMITS, Limits
from ..runtime.paths import AnyPath
from .convert import cached_profile, convert_bytes
from .discover import Plan, plan_batch
from .local import missing_results
from .result import FileResult

_COLUMN = "result"


def convert_row(row: dict[str, Any], *, profile_path: str | None, limits: Limits) -> dict[str, Any]:
    """One Ray Data row (``bytes``, ``path``) → ``{"result": <FileResult row as JSON>}``."""
    result = convert_bytes(
        bytes(row["bytes"]), str(row["path"]), profile_path=profile_path, limits=limits
    )
    return {_COLUMN: json.dumps(result.to_row(), ensure_ascii=False)}


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingDependencyError(
            "--engine ray needs Ray: pip install 'rectpipe[ray]'"
        ) from None
    return ray


def _readable(path: str) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def run_plan_ray(
    plan: Plan,
    *,
    workers: int = 2,
    timeout: float | None = 60.0,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    address: str | None = None,
) -> Generator[FileResult, None, None]:
    """Results for ``plan`` computed on Ray, yielded as Ray hands them back: its missing and
    unreadable inputs first, then ``plan.todo``. Connects to ``address`` when given, uses the
    Ray instance already initialised in this process if any, and otherwise starts a local
    one with ``workers`` CPUs (shut down at the end). A file that vanishes before Ray reads it
    is a ``file_not_found`` failure, never a failed batch."""
    ray = _import_ray()
    yield from missing_results(plan)
    given: dict[str, str] = {}
    for item in plan.todo:
        if _readable(item.path):
            given[os.path.abspath(item.path)] = item.path
        else:
            yield FileResult.failed(item.path, InputNotFoundError("cannot read"))
    if not given:
        return
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=address,
            num_cpus=None if address else max(1, workers),
            include_dashboard=False,
            logging_level=logging.WARNING,
            configure_logging=False,
        )
    quiet = logging.getLogger("ray.data")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # per-dataset INFO lines on stderr would break the bar
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        limits = replace(limits, timeout=timeout if timeout and timeout > 0 else None)
        profile = os.path.abspath(profile_path) if profile_path else None
        dataset = ray.data.read_binary_files(
            list(given), include_paths=True, ignore_missing_paths=True
        ).map(partial(convert_row, profile_path=profile, limits=limits))
        seen: set[str] = set()
        for row in dataset.iter_rows():
            result = FileResult.from_row(json.loads(row[_COLUMN]))
            path = given.get(_local(result.path), result.path)
            seen.add(path)
            yield replace(result, path=path)
        for path in given.values():
            if path not in seen:
                yield FileResult.failed(path, InputNotFoundError("vanished before it was read"))
    finally:
        quiet.setLevel(level)
        if started_here:
            ray.shutdown()


def _local(path: str) -> str:
    """An absolute local path for a path as Ray reports it (with or without ``local://``)."""
    return os.path.abspath(path.removeprefix("local://"))


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
    yield from run_plan_ray(
        plan,
        workers=workers,
        timeout=timeout,
        profile_path=profile_path,
        limits=limits,
        address=address,
    )
