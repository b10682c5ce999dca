"""The batch manifest: one JSON line per converted file, appended as each file finishes.

Each line is written with a single ``write`` on a file opened for appending, so a process
killed at any moment leaves whole lines (at worst a torn last line, which reading skips and
the next append closes off). The file is synced to disk at most every ``sync_seconds`` and
when it is closed, not after every line: what a line records is already on disk when the
line is written (an output file is synced before it is renamed into place, a database
commit before it is acknowledged), so a system crash can lose only the last lines, whose
files a resumed run converts again. Runs append to the same manifest; resuming reads it
back.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from ..errors import OutputError, RectpipeError, UsageError
from ..runtime.paths import AnyPath, fs_path
from .result import DONE_STATUSES, STATUSES

__all__ = ["MANIFEST_NAME", "Manifest", "completed_hashes", "completed_keys", "read_manifest"]

MANIFEST_NAME = "manifest.jsonl"


def _problem(record: object) -> str | None:
    """Why ``record`` is not a manifest record, or ``None`` when it is one."""
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not an object"
    for key in ("path", "status"):
        if not isinstance(record.get(key), str):
            return f"{key!r} is not a string"
    if record["status"] not in STATUSES:
        return f"unknown status {record['status'][:40]!r}"
    for key in ("sha256", "error_code", "error_message", "output", "format"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key!r} is not a string"
    for key in ("problems", "warnings"):
        value = record.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{key!r} is not a whole number"
    return None


def _open_error(path: Path, exc: OSError) -> RectpipeError:
    if isinstance(exc, IsADirectoryError):
        return UsageError("the manifest path is a folder, not a file", path=str(path))
    return OutputError(f"cannot use the manifest: {exc.strerror or exc}", path=str(path))


def read_manifest(
    path: AnyPath, *, skipped: list[tuple[int, str]] | None = None
) -> list[dict[str, Any]]:
    """The records in the manifest at ``path``, in order. Lines that are not records are
    skipped: a torn last line (a crash mid-write) silently, any other line that is not JSON
    or not a record of the right shape (a list, or a dict where a string belongs) is added to
    ``skipped`` as ``(line number, reason)``. A missing file gives an empty list; a folder
    raises :class:`~rectpipe.errors.UsageError`."""
    path = fs_path(path)
    try:
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise _open_error(path, exc) from None
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            if number < len(lines) and skipped is not None:
                skipped.append((number, "not JSON"))
            continue
        problem = _problem(record)
        if problem is None:
            records.append(record)
        elif skipped is not None:
            skipped.append((number, problem))
    return records


def completed_hashes(path: AnyPath) -> set[str]:
    """SHA-256 of every file the manifest records as ``success`` or ``partial``."""
    return {
        r["sha256"]
        for r in read_manifest(path)
        if r["status"] in DONE_STATUSES and isinstance(r.get("sha256"), str)
    }


def completed_keys(
    path: AnyPath, *, fmt: str | None = None, skipped: list[tuple[int, str]] | None = None
) -> set[tuple[str, str]]:
    """``(path, sha256)`` of every file the manifest records as ``success`` or ``partial``
    (paths as recorded: escaped, :func:`~rectpipe.runtime.names.escape_name`). With ``fmt``, only
    records written in that output format count (a record without one, from an older
    rectpipe, counts for none): a run with another ``-f`` converts again."""
    return {
        (r["path"], r["sha256"])
        for r in read_manifest(path, skipped=skipped)
        if r["status"] in DONE_STATUSES
        and isinstance(r.get("sha256"), str)
        and (fmt is None or r.get("format") == fmt)
    }


SYNC_SECONDS = 0.5


class Manifest:
    """An open manifest to append to, synced every ``sync_seconds`` at most (``0``: after
    every line) and when closed. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: AnyPath, *, sync_seconds: float = SYNC_SECONDS) -> None:
        self.path = fs_path(path)
        self.sync_seconds = sync_seconds
        self._synced = time.monotonic()
        self._unsynced = False
        self._fd = -1
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if self._ends_torn():
                os.write(self._fd, b"\n")
        except OSError as exc:
            self.close()
            raise _open_error(self.path, exc) from None

    def _ends_torn(self) -> bool:
        size = self.path.stat().st_size
        if size == 0:
            return False
        with open(self.path, "rb") as handle:
            handle.seek(size - 1)
            return handle.read(1) != b"\n"

    def append(self, record: dict[str, Any]) -> None:
        """Append ``record`` as one line (synced to disk when the last sync is
        ``sync_seconds`` old); raises :class:`~rectpipe.errors.OutputError` when the system
        refuses (disk full)."""
        text = json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n"
        # Names arrive escaped (rectpipe.runtime.names); a stray lone surrogate still gives a line.
        line = text.encode("utf-8", "backslashreplace")
        try:
            written = os.write(self._fd, line)
            while written < len(line):  # only on exotic filesystems; still one record per line
                written += os.write(self._fd, line[written:])
        except OSError as exc:  # disk full: the run stops, resumable, with output_error
            raise _open_error(self.path, exc) from None
        self._unsynced = True
        if time.monotonic() - self._synced >= self.sync_seconds:
            self.sync()

    def sync(self) -> None:
        """Sync what was appended to disk."""
        if not self._unsynced or self._fd < 0:
            return
        try:
            os.fsync(self._fd)
        except OSError as exc:
            raise _open_error(self.path, exc) from None
        self._unsynced = False
        self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close the file; appending afterwards raises ``OSError``."""
        if self._fd >= 0:
            try:
                self.sync()
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
