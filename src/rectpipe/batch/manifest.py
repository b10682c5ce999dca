"""The batch manifest: one JSON line per converted file, appended as each file finishes.

Each line is written with a single ``write`` on a file opened for appending and then synced,
so a crash leaves whole lines (at worst a torn last line, which reading skips and the next
append closes off). Runs append to the same manifest; resuming reads it back.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .result import DONE_STATUSES

MANIFEST_NAME = "manifest.jsonl"


def read_manifest(path: str | Path) -> list[dict[str, Any]]:
    """The records in the manifest at ``path``, in order; lines that are not JSON objects
    (a torn last line) are skipped. A missing file gives an empty list."""
    try:
        lines = Path(path).read_text("utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    records: list[dict[str, Any]] = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def completed_hashes(path: str | Path) -> set[str]:
    """SHA-256 of every file the manifest records as ``success`` or ``partial``."""
    return {
        r["sha256"]
        for r in read_manifest(path)
        if r.get("status") in DONE_STATUSES and isinstance(r.get("sha256"), str)
    }


class Manifest:
    """An open manifest to append to. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if self._ends_torn():
            os.write(self._fd, b"\n")

    def _ends_torn(self) -> bool:
        size = self.path.stat().st_size
        if size == 0:
            return False
        with open(self.path, "rb") as handle:
            handle.seek(size - 1)
            return handle.read(1) != b"\n"

    def append(self, record: dict[str, Any]) -> None:
        """Append ``record`` as one line and sync it to disk before returning."""
        line = (json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")
        written = os.write(self._fd, line)
        while written < len(line):  # only on exotic filesystems; still one record per line
            written += os.write(self._fd, line[written:])
        os.fsync(self._fd)

    def close(self) -> None:
        """Close the file; appending afterwards raises ``OSError``."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
