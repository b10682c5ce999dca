"""Batch conversion at scale: many files, worker processes, timeouts, resumable runs.

>>> from rectpipe.batch import run_batch
>>> for result in run_batch(["samples/"], workers=2, timeout=60):  # doctest: +SKIP
...     print(result.path, result.status, result.problems)

:func:`run_batch` yields one :class:`FileResult` per file as it finishes;
:func:`convert_batch` runs a whole batch into a :class:`DirSink`, a :class:`BookSink` (one
workbook) or a :class:`DbSink` with a manifest; :func:`run_batch_ray` does what
:func:`run_batch` does on Ray (``pip install 'rectpipe[ray]'``; Ray is imported only when it
runs).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..readers.inputs import DOCUMENT_SUFFIXES
    from ..writers import OUTPUT_FORMATS
    from .convert import convert_bytes, convert_path
    from .db_sink import DbSink
    from .discover import BatchItem, Plan, plan_batch
    from .local import run_batch
    from .manifest import (
        MANIFEST_NAME,
        Manifest,
        completed_hashes,
        completed_keys,
        read_manifest,
    )
    from .ray_engine import run_batch_ray
    from .result import FileResult, ResultStatus
    from .runner import BatchSummary, convert_batch
    from .sinks import BookSink, DirSink, Sink

#: Where each public name lives, imported on first use: a batch command builds its sink (an
#: SQLite file's writer process starts then) before the converter is loaded.
_LAZY = {
    "DOCUMENT_SUFFIXES": "rectpipe.readers.inputs",
    "OUTPUT_FORMATS": "rectpipe.writers",
    **dict.fromkeys(("convert_bytes", "convert_path"), "rectpipe.batch.convert"),
    **dict.fromkeys(("BatchItem", "Plan", "plan_batch"), "rectpipe.batch.discover"),
    "run_batch": "rectpipe.batch.local",
    **dict.fromkeys(
        ("MANIFEST_NAME", "Manifest", "completed_hashes", "completed_keys", "read_manifest"),
        "rectpipe.batch.manifest",
    ),
    "run_batch_ray": "rectpipe.batch.ray_engine",
    **dict.fromkeys(("FileResult", "ResultStatus"), "rectpipe.batch.result"),
    **dict.fromkeys(("BatchSummary", "convert_batch"), "rectpipe.batch.runner"),
    "DbSink": "rectpipe.batch.db_sink",
    **dict.fromkeys(("BookSink", "DirSink", "Sink"), "rectpipe.batch.sinks"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rectpipe.batch' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DOCUMENT_SUFFIXES",
    "MANIFEST_NAME",
    "OUTPUT_FORMATS",
    "BatchItem",
    "BatchSummary",
    "BookSink",
    "DbSink",
    "DirSink",
    "FileResult",
    "Manifest",
    "Plan",
    "ResultStatus",
    "Sink",
    "completed_hashes",
    "completed_keys",
    "convert_batch",
    "convert_bytes",
    "convert_path",
    "plan_batch",
    "read_manifest",
    "run_batch",
    "run_batch_ray",
]
