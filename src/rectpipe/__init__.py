"""rectpipe: Chinese rectification progress reports → validated, traceable records.

>>> import rectpipe
>>> report = rectpipe.parse_file("samples/seed-yongzhou.txt")  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import RectpipeError
from .models.report import SCHEMA_NAME, SCHEMA_VERSION, Problem, Report, Section, Status
from .pipeline import parse_bytes, parse_document, parse_file, parse_text
from .profiles.profile import Profile, load_profile

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "Problem",
    "Profile",
    "RectpipeError",
    "Report",
    "Section",
    "Status",
    "load_profile",
    "parse_bytes",
    "parse_document",
    "parse_file",
    "parse_text",
]

__version__ = "0.1.0"
