"""Serialise reports: JSON, YAML, JSONL (one problem per line), CSV and an Excel workbook
(:func:`render`). Writes to regular files are atomic; FIFOs and devices are written directly.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .files import fit_name, write_atomic, write_output, write_stdout
from .formats import FORMATS, dumps, problem_rows
from .render import OUTPUT_FORMATS, SUFFIXES, render

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "SUFFIXES",
    "dumps",
    "fit_name",
    "problem_rows",
    "render",
    "write_atomic",
    "write_output",
    "write_stdout",
]
