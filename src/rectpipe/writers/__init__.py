"""Serialise reports: JSON, YAML, JSONL (one problem per line). Writes are atomic."""

from __future__ import annotations

from .files import write_atomic
from .formats import FORMATS, dumps, problem_rows

__all__ = ["FORMATS", "dumps", "problem_rows", "write_atomic"]
