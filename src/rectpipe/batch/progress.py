"""A one-line progress bar for terminals, written by hand (no dependency).

``[######..............] 120/400 30% ok 110 partial 6 failed 4 12.3/s eta 23s``,
redrawn in place with ``\\r`` at most ten times a second. Disabled (every call a no-op) when
the stream is not a terminal, so pipes and log files get no control characters.

Internal: the public door is :mod:`rectpipe.batch`.
"""

from __future__ import annotations

import shutil
import time
from typing import TextIO

from .runner import BatchSummary

__all__ = ["ProgressBar", "bar_text"]

_WIDTH = 20


def bar_text(summary: BatchSummary, elapsed: float, width: int = _WIDTH) -> str:
    """The progress line for ``summary`` after ``elapsed`` seconds (no ``\\r``)."""
    total = max(summary.total, 1)
    done = summary.done
    filled = min(width, round(width * done / total))
    rate = done / elapsed if elapsed > 0 else 0.0
    remaining = summary.total - done
    eta = f"eta {remaining / rate:.0f}s" if rate > 0 and remaining > 0 else ""
    return (
        f"[{'#' * filled}{'.' * (width - filled)}] {done}/{summary.total} "
        f"{100 * done / total:.0f}% ok {summary.success} partial {summary.partial} "
        f"failed {summary.failure} {rate:.1f}/s {eta}"
    ).rstrip()


class ProgressBar:
    """Draws :func:`bar_text` on ``stream`` when ``enabled`` and the stream is a terminal."""

    def __init__(self, stream: TextIO, *, enabled: bool = True) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.started = time.monotonic()
        self._last_draw = 0.0
        self._shown = False

    def update(self, summary: BatchSummary, *, force: bool = False) -> None:
        """Redraw for ``summary`` unless the last redraw was under 0.1 s ago."""
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last_draw < 0.1):
            return
        self._last_draw = now
        columns = shutil.get_terminal_size((80, 24)).columns
        text = bar_text(summary, now - self.started)[: max(10, columns - 1)]
        self.stream.write("\r" + text + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the bar (before printing a line of its own, or at the end)."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
