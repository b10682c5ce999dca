"""Serialise reports: JSON, YAML, JSONL (one problem per line), CSV and an Excel workbook
(:func:`render`; :func:`render_chunks` gives the same text in pieces, which
:func:`write_output` writes as they are made). Writes to regular files are atomic; FIFOs
and devices are written directly.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from .files import fit_name, write_atomic, write_output, write_stdout
from .formats import FORMATS, dumps, problem_rows
from .render import OUTPUT_FORMATS, SUFFIXES, render
from .stream import json_chunks, jsonl_chunks, render_chunks

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "SUFFIXES",
    "dumps",
    "fit_name",
    "json_chunks",
    "jsonl_chunks",
    "problem_rows",
    "render",
    "render_chunks",
    "write_atomic",
    "write_output",
    "write_stdout",
]
