"""Serialise reports: JSON, YAML, JSONL (one problem per line), CSV and an Excel workbook
(:func:`render`; :func:`render_chunks` gives the same text in pieces, which
:func:`write_output` writes as they are made). Writes to regular files are atomic; FIFOs
and devices are written directly.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .kinds import FORMATS, OUTPUT_FORMATS, SUFFIXES

# Imported here, not on first use: the submodule of the same name would otherwise be what
# ``rectpipe.writers.render`` gives once imported. It imports the output models when it runs.
from .render import render

if TYPE_CHECKING:
    from .files import fit_name, write_atomic, write_output, write_stdout
    from .formats import dumps, problem_rows
    from .stream import json_chunks, jsonl_chunks, render_chunks

#: Where each other name lives, imported on first use: the format names need no output model.
_LAZY = {
    **dict.fromkeys(("fit_name", "write_atomic", "write_output", "write_stdout"), ".files"),
    **dict.fromkeys(("dumps", "problem_rows"), ".formats"),
    **dict.fromkeys(("json_chunks", "jsonl_chunks", "render_chunks"), ".stream"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rectpipe.writers' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
