"""Serialise reports: JSON, YAML, JSONL (one problem per line). Writes to regular files are
atomic; FIFOs and devices are written directly."""

from __future__ import annotations

from .files import fit_name, write_atomic, write_output, write_stdout
from .formats import FORMATS, dumps, problem_rows

__all__ = [
    "FORMATS",
    "dumps",
    "fit_name",
    "problem_rows",
    "write_atomic",
    "write_output",
    "write_stdout",
]
