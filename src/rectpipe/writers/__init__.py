"""Serialise reports: JSON, YAML, JSONL (one problem per line). Writes to regular files are
atomic; FIFOs and devices are written directly.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .files import fit_name, write_atomic, write_output, write_stdout
from .formats import FORMATS, dumps, problem_rows

#: What ``rectpipe batch -f`` writes: the formats of :func:`dumps`, and CSV (one row per problem,
#: :func:`rectpipe.writers.csv_rows.dumps_csv`).
OUTPUT_FORMATS = (*FORMATS, "csv")

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "dumps",
    "fit_name",
    "problem_rows",
    "write_atomic",
    "write_output",
    "write_stdout",
]
