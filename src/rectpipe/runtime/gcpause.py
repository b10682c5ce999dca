"""Pausing Python's cyclic garbage collector while one document is parsed.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then switch it back on.

    A parse allocates a few hundred thousand short-lived objects (glyphs, lines, spans, model
    instances) and keeps many of them until the report is built. Crossing the collector's
    thresholds makes it rescan them again and again, and now and then rescan every object the
    process holds: about 13 ms for a process that has imported rectpipe, which a 17-page PDF
    triggers once per parse (15% of its time). Reference counting frees all of it anyway; a
    cycle left behind is collected at the next collection after the parse.

    The switch is process-wide, so it is left alone while another thread runs (that thread
    may be relying on the collector) or when the collector is already off (by the caller, or
    by an enclosing parse).
    """
    if not gc.isenabled() or threading.active_count() > 1:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
