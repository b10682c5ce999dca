"""Imported once by the batch fork server so that every worker starts warm.

Importing this module loads the pipeline and the readers of the formats batches mostly hold
(DOCX, PDF, text; the HTML reader, ~35 ms of imports, loads in a worker on its first web
page), reads the default profile and parses a tiny report, so the compiled patterns and
caches are in memory before the fork server forks workers from it. A failure here is
ignored: workers then warm up on their own.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import contextlib

from ..errors import RectpipeError
from ..pipeline import parse_text
from ..profiles.profile import default_profile

__all__ = ["warm_up"]

_SAMPLE = (
    "关于巡视整改进展情况的通报\n一、整改情况\n（一）问题一\n1.问题说明。\n整改情况：已完成。\n"
)


def warm_up() -> None:
    """Load the common readers, the default profile and the patterns a parse compiles.
    Never raises."""
    with contextlib.suppress(ImportError):
        from ..readers import docx, pdf, txt  # noqa: F401
    with contextlib.suppress(RectpipeError, Exception):
        default_profile()
        parse_text(_SAMPLE)


warm_up()
