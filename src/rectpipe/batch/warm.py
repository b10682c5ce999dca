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

from .. import warmup

__all__ = ["warm_up"]


def warm_up() -> None:
    """Load the common readers, then :func:`rectpipe.warmup.warm_up`. Never raises."""
    with contextlib.suppress(ImportError):
        from ..readers import docx, pdf, txt  # noqa: F401
    warmup.warm_up()


warm_up()
