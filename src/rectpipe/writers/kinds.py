"""The output formats' names and file suffixes, apart from the code that writes them, so
that the command line can list them without building the output models.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

__all__ = ["FORMATS", "OUTPUT_FORMATS", "SUFFIXES"]

#: The text formats :func:`rectpipe.writers.dumps` writes.
FORMATS = ("json", "yaml", "jsonl")
#: Every format a report can be written in: :data:`FORMATS` (json, yaml, jsonl), CSV (one row
#: per problem) and XLSX (one workbook: problems, measures, documents, warnings).
OUTPUT_FORMATS = (*FORMATS, "csv", "xlsx")
#: The file suffix of each format.
SUFFIXES = {fmt: f".{fmt}" for fmt in OUTPUT_FORMATS}
