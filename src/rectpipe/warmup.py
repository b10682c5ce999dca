"""What a first parse builds, built ahead: for processes that fork one child per file.

The first parse in a process compiles the patterns a profile's vocabulary makes, loads the
profile and fills the stages' caches (about 6 ms for the default profile). A child forked
for each file (``rectpipe extract`` with several files, the batch's fork server) would do
that work again in every child; :func:`warm_up` parses a tiny report in the parent, as
records, so that every child starts with it done.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import contextlib

from .errors import RectpipeError
from .limits import Limits
from .pipeline import parse_bytes_record
from .profiles.profile import Profile

__all__ = ["warm_up"]

_SAMPLE = (
    "关于巡视整改进展情况的通报\n一、整改情况\n（一）问题一\n1.问题说明。\n整改情况：已完成。\n"
).encode()
_IN_PROCESS = Limits(timeout=None, max_memory_bytes=None)


def warm_up(profile: Profile | None = None) -> None:
    """Parse a tiny report with ``profile`` (the default when ``None``) in this process.
    Never raises: a process that could not warm up warms up on its first file."""
    with contextlib.suppress(RectpipeError, Exception):
        parse_bytes_record(_SAMPLE, format="txt", profile=profile, limits=_IN_PROCESS)
