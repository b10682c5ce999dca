"""The pure converter every batch engine maps over files: bytes (or a path) → FileResult.

Nothing here raises: every error becomes a ``failure`` result with its code, so one file can
never stop a batch.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from ..errors import InputNotFoundError, InternalError, RectpipeError, TooLargeError
from ..limits import DEFAULT_LIMITS, Limits
from ..pipeline import parse_bytes_record
from ..profiles.profile import Profile, load_profile
from ..runtime.paths import AnyPath, fs_str
from .remote import is_uri, read_uri
from .result import FileResult

if TYPE_CHECKING:
    from .discover import BatchItem

__all__ = [
    "ItemStore",
    "cached_profile",
    "convert_and_store",
    "convert_bytes",
    "convert_path",
    "convert_task",
]

ItemStore = Callable[[FileResult, Any], FileResult]
"""Stores a result in a worker, given the batch item it is for (a sink's ``item_store``);
returns it with ``stored`` set and the report dropped."""


def _to_model(record: Any) -> Any:
    from ..models.convert import to_model

    return to_model(record)


@cache
def cached_profile(profile_path: str | None) -> Profile | None:
    """The profile at ``profile_path``, loaded once per process; ``None`` for the default.
    Raises :class:`~rectpipe.errors.UsageError` when the file is unreadable or invalid."""
    return load_profile(profile_path) if profile_path else None


def convert_bytes(
    data: bytes,
    path: str,
    *,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_records: bool = False,
) -> FileResult:
    """The result of parsing ``data``, the content of the file at ``path`` (used for the
    name and recorded as given). With ``limits.timeout`` set the parse runs in a child process
    and a ``timeout`` failure comes back when it takes longer. ``as_records`` leaves the
    report as records (:mod:`rectpipe.models.records`), as the batch engines carry it. Never
    raises."""
    started = time.perf_counter()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        profile = cached_profile(profile_path)
        record = parse_bytes_record(data, name=PurePath(path).name, profile=profile, limits=limits)
        report = record if as_records else _to_model(record)
    except RectpipeError as exc:
        return FileResult.failed(path, exc, sha256=sha256, seconds=time.perf_counter() - started)
    except Exception as exc:  # a bug in rectpipe: recorded, the batch goes on
        error = InternalError(f"{type(exc).__name__}: {exc}")
        return FileResult.failed(path, error, sha256=sha256, seconds=time.perf_counter() - started)
    return FileResult.parsed(path, report, time.perf_counter() - started)


def convert_path(
    path: AnyPath,
    *,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_records: bool = False,
) -> FileResult:
    """:func:`convert_bytes` on the file at ``path``. A file that cannot be opened gives a
    ``file_not_found`` failure and one over ``limits.max_file_bytes`` a ``too_large`` failure,
    both without reading it (``sha256`` is then ``None``). ``path`` may be ``str``, ``bytes`` or
    path-like; the result's ``path`` is its ``str``. Never raises."""
    path = fs_str(path)
    started = time.perf_counter()
    if is_uri(path):
        return _convert_uri(path, started, profile_path, limits, as_records)
    try:
        size = Path(path).stat().st_size
        if size > limits.max_file_bytes:
            error: RectpipeError = TooLargeError(
                f"{size} bytes, over the {limits.max_file_bytes} byte limit"
            )
            return FileResult.failed(path, error, seconds=time.perf_counter() - started)
        data = Path(path).read_bytes()
    except OSError as exc:
        error = InputNotFoundError(f"cannot read: {exc.strerror or exc}")
        return FileResult.failed(path, error, seconds=time.perf_counter() - started)
    return convert_bytes(
        data, path, profile_path=profile_path, limits=limits, as_records=as_records
    )


def _convert_uri(
    uri: str, started: float, profile_path: str | None, limits: Limits, as_records: bool
) -> FileResult:
    """:func:`convert_path` on an object in a store (:mod:`.remote`)."""
    try:
        data = read_uri(uri, limits.max_file_bytes)
    except RectpipeError as exc:  # too_large, missing_dependency
        return FileResult.failed(uri, exc, seconds=time.perf_counter() - started)
    except OSError as exc:
        error = InputNotFoundError(f"cannot read: {exc}")
        return FileResult.failed(uri, error, seconds=time.perf_counter() - started)
    return convert_bytes(data, uri, profile_path=profile_path, limits=limits, as_records=as_records)


def convert_and_store(
    path: str,
    *,
    store: Callable[[FileResult], FileResult],
    convert: Callable[..., FileResult] = convert_path,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_records: bool = False,
) -> FileResult:
    """``convert`` (:func:`convert_path`), then ``store`` (a sink's worker-side writer) on its
    result. A failure to write the output (disk full) becomes an ``output_error`` failure.
    Never raises."""
    result = convert(path, profile_path=profile_path, limits=limits, as_records=as_records)
    return _stored(path, result, store)


def _stored(path: str, result: FileResult, store: Callable[[FileResult], FileResult]) -> FileResult:
    try:
        return store(result)
    except RectpipeError as exc:  # output_error: disk full, no permission…
        return FileResult.failed(path, exc, sha256=result.sha256, seconds=result.seconds)
    except Exception as exc:
        error = InternalError(f"cannot store the output: {type(exc).__name__}: {exc}")
        return FileResult.failed(path, error, sha256=result.sha256, seconds=result.seconds)


def convert_task(
    task: tuple[str, tuple[BatchItem, frozenset[str]]],
    *,
    store: ItemStore | None = None,
    convert: Callable[..., FileResult] = convert_path,
    profile_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    as_records: bool = False,
) -> FileResult:
    """A local batch worker's work on one file: ``task`` is ``(path, (item, done))``, where
    ``done`` holds the hashes a resumed run recorded as done for the item's path: a file
    with one of them is :meth:`~FileResult.already_done`, without parsing (the hashing is
    the worker's, not the batch process's). Else ``convert`` (:func:`convert_path`), then
    ``store`` (a sink's ``item_store``) with the item. Never raises."""
    path, (item, done) = task
    if done:
        from .discover import file_sha256

        sha256 = file_sha256(path)
        if sha256 is not None and sha256 in done:
            return FileResult.already_done(path, sha256)
    result = convert(path, profile_path=profile_path, limits=limits, as_records=as_records)
    if store is None:
        return result
    return _stored(path, result, lambda found: store(found, item))
