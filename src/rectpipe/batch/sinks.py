"""Where a batch puts its reports: one file per document in a folder, one workbook for the
whole batch, or a database (:mod:`.db_sink`).

A sink receives every result in turn. It stores what parsed and, for a file that no longer
parses, removes what it had stored from that file before, so the output follows the inputs.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Protocol

from ..runtime.paths import AnyPath, fs_path
from ..runtime.patterns import compile_re
from ..runtime.record import record, replace
from ..writers import OUTPUT_FORMATS, SUFFIXES, fit_name, write_output
from ..writers import render_chunks as render_report_chunks
from ..writers.files import temp_prefix
from .discover import BatchItem
from .manifest import MANIFEST_NAME
from .result import FileResult

if TYPE_CHECKING:
    import tempfile

    from .convert import ItemStore

__all__ = ["BookSink", "DirSink", "Keyed", "Sink", "Store", "render_chunks"]

_LEFTOVER = compile_re(r"\..+\.[a-z0-9_]{8}\.tmp", re.DOTALL)
Store = Callable[[FileResult], FileResult]
"""Stores a result from inside a worker; returns it with ``stored`` set and the report
dropped (see :meth:`DirSink.store_in_worker`)."""


class Sink(Protocol):
    """What the batch writes results to."""

    manifest_path: Path
    output_format: str
    """What the sink writes (``json``, ``csv``…, ``db``); recorded in the manifest, and a
    run that resumes with another one converts again."""

    def write(self, item: BatchItem, result: FileResult) -> str | None:
        """Store ``result`` for ``item``; return where it went (``None`` when nowhere)."""
        ...

    def close(self) -> None:
        """Release what the sink holds."""
        ...


def render_chunks(result: FileResult, fmt: str) -> Iterable[str | bytes]:
    """``result.report`` in ``fmt`` (one of :data:`OUTPUT_FORMATS`), in pieces to write."""
    assert result.report is not None
    return render_report_chunks(result.report, fmt)


class DirSink:
    """One file per document in ``folder``: ``<output_name>.<fmt>``, written atomically.
    The manifest is ``folder/manifest.jsonl``."""

    def __init__(self, folder: AnyPath, fmt: str = "json") -> None:
        if fmt not in OUTPUT_FORMATS:
            raise ValueError(f"unknown output format {fmt!r}")
        self.folder = fs_path(folder)
        self.fmt = fmt
        self.output_format = fmt
        self.manifest_path = self.folder / MANIFEST_NAME

    def target(self, item: BatchItem) -> Path:
        """The output file for ``item`` (its name shortened with a hash when too long)."""
        return _target(self.folder, self.fmt, item)

    def item_store(self) -> ItemStore:
        """A picklable function that writes a report to its item's output file in the worker
        that parsed it: rendering and writing then run in parallel, and the report is never
        pickled back to this process."""
        return _FileStore(self.fmt, str(self.folder))

    def store_in_worker(self, items: Iterable[tuple[str, BatchItem]]) -> Store:
        """:meth:`item_store` for ``(path the worker gets, item)`` pairs known ahead (the Ray
        engine)."""
        return Keyed(self.item_store(), {path: item for path, item in items})

    def write(self, item: BatchItem, result: FileResult) -> str | None:
        """Write the report (unless a worker already did: ``result.stored``); for a failure,
        delete any earlier output for ``item``, and the temporary file a worker killed while
        writing it (``timeout``) may have left."""
        if result.stored is not None:
            return result.stored
        target = self.target(item)
        if result.report is None:
            leftovers = target.parent.glob(f"{glob.escape(temp_prefix(target))}*.tmp")
            for path in (target, *leftovers):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
            return None
        write_output(target, render_chunks(result, self.fmt))
        return target.relative_to(self.folder).as_posix()

    def sweep(self) -> int:
        """Delete the temporary files an earlier run left in the folder when it was killed
        while writing (``.<name>.<8 characters>.tmp``); returns how many. Called when a run
        resumes, which continues that earlier run."""
        removed = 0
        for path in self.folder.rglob(".*.tmp"):
            if _LEFTOVER.fullmatch(path.name) and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed

    def close(self) -> None:
        """Nothing to release: every file is complete when written."""


def _target(folder: Path, fmt: str, item: BatchItem) -> Path:
    relative = PurePosixPath(item.output_name + SUFFIXES[fmt])
    return folder.joinpath(*relative.parent.parts, fit_name(relative.name))


@record(slots=False)
class _FileStore:
    """:meth:`DirSink.item_store`. Results without a report come back unchanged."""

    fmt: str
    folder: str

    def __call__(self, result: FileResult, item: BatchItem) -> FileResult:
        if result.report is None:
            return result
        target = _target(Path(self.folder), self.fmt, item)
        write_output(target, render_chunks(result, self.fmt))
        stored = target.relative_to(self.folder).as_posix()
        return replace(result, report=None, stored=stored)


@record(slots=False)
class Keyed:
    """An :data:`ItemStore` for results whose items are known ahead: ``items`` maps a
    worker's input path to its item; a result for another path comes back unchanged."""

    store: ItemStore
    items: Mapping[str, BatchItem]

    def __call__(self, result: FileResult) -> FileResult:
        item = self.items.get(result.path)
        return result if item is None else self.store(result, item)


class BookSink:
    """One workbook for the whole batch (``-f xlsx`` sheets: problems, measures, documents,
    warnings), written atomically when the sink is closed, documents in the order of their
    paths. The manifest is ``<workbook>.manifest.jsonl`` unless given.

    Memory stays flat whatever the batch's size: each report's rows go, as plain values, to a
    temporary spill file as the report arrives; at close they are read back one report at a
    time, in path order, into a workbook written in constant memory. A workbook is written
    whole, so a run cannot resume into one (:attr:`resumable` is false).

    The workbook is built in a folder beside it (``.<name>.<8 characters>.tmp``), so that a
    run killed while building leaves nothing in the system's temporary folder; the next run
    into the same workbook deletes what a killed one left there."""

    resumable = False

    def __init__(self, path: str | Path, *, manifest_path: str | Path | None = None) -> None:
        import tempfile

        self.path = Path(path)
        self.manifest_path = Path(
            manifest_path
            if manifest_path is not None
            else self.path.with_name(self.path.name + ".manifest.jsonl")
        )
        self.output_format = "xlsx"
        self.sweep()
        self._spill = tempfile.TemporaryFile()  # noqa: SIM115 - open for the sink's life; unlinked
        self._at: dict[str, tuple[int, int]] = {}  # path → (offset, length) in the spill

    def write(self, item: BatchItem, result: FileResult) -> str | None:
        """Spill the report's rows; a failure has none."""
        import pickle

        from ..writers.xlsx import WorkbookRows

        if result.report is None:
            self._at.pop(item.path, None)
            return None
        from ..models.convert import to_model

        rows = WorkbookRows.of(to_model(result.report))
        data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._spill.seek(0, os.SEEK_END)
        self._spill.write(data)
        self._at[item.path] = (offset, len(data))
        return self.path.name

    def sweep(self) -> int:
        """Delete what a run into this workbook left when it was killed while building it
        (the build folder, a temporary file of the final write); returns how many."""
        import shutil

        removed = 0
        try:
            folder = self.path.resolve().parent
            found = list(folder.glob(f"{glob.escape(temp_prefix(self.path))}*.tmp"))
        except OSError:
            return 0
        for path in found:
            if not _LEFTOVER.fullmatch(path.name) or path.is_symlink():
                continue
            with contextlib.suppress(OSError):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed += 1
        return removed

    def _build_folder(self) -> tempfile.TemporaryDirectory[str]:
        """A folder to build the workbook in: beside it when it is (or will be) a regular
        file, else (a device, a FIFO) or when that is refused, the system's temporary one."""
        import tempfile

        if not self.path.exists() or self.path.is_file():
            with contextlib.suppress(OSError):
                folder = self.path.resolve().parent
                folder.mkdir(parents=True, exist_ok=True)
                return tempfile.TemporaryDirectory(
                    prefix=temp_prefix(self.path), suffix=".tmp", dir=folder
                )
        return tempfile.TemporaryDirectory()

    def close(self) -> None:
        """Write the workbook (atomically; an interrupted run's holds the files done)."""
        import pickle

        from ..writers.xlsx import WorkbookWriter

        with self._build_folder() as folder:
            built = os.path.join(folder, "book.xlsx")
            writer = WorkbookWriter(built, tmpdir=folder)
            for path in sorted(self._at):
                offset, length = self._at[path]
                self._spill.seek(offset)
                writer.add_rows(pickle.loads(self._spill.read(length)))  # our own rows
            writer.close()
            self._spill.close()
            self._at = {}
            write_output(self.path, _file_chunks(built))


def _file_chunks(path: str, size: int = 1 << 20) -> Iterable[bytes]:
    with open(path, "rb") as source:
        while chunk := source.read(size):
            yield chunk
