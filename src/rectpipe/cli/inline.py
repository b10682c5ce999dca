"""A plain-text file parsed in the command's own process, watched, instead of in a child.

Under a time limit or a memory cap each file is parsed in a child process (see
:mod:`rectpipe.runtime.isolate`): the fork, the copy-on-write faults of a parse in a copy of the
parent, and the report pickled back cost about ten milliseconds, an eighth of a short text's
whole ``rectpipe extract``. A plain-text file is read and parsed by Python code and ``regex``
matching alone, and a signal interrupts both, so the command watches it in its own process:

- the time limit is an interval timer whose ``SIGALRM`` raises
  :class:`~rectpipe.errors.ParseTimeoutError` where the parse stands;
- the memory cap is this process's address-space limit (``RLIMIT_AS``) for the parse's
  duration, as the child's would be; Python's ``MemoryError`` is ``too_large``, and any other
  exception ``internal_error``, as a child's is.

Every other format keeps its child: PDFium, lxml, the workbook readers, LibreOffice and OCR
run native code that a signal does not stop and that may abort at the cap.

The command line owns signals and limits of the process; the library never sets them.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from ..errors import InternalError, ParseTimeoutError, RectpipeError, TooLargeError
from ..readers.sniff import sniff_format

__all__ = ["is_plain_text", "watched"]

_HEAD = 2048  # what sniff_format reads of a text file's start


def is_plain_text(path: str, input_format: str | None) -> bool:
    """Whether ``path`` is read as plain text (the ``txt`` reader): by ``input_format`` when
    given, else by its first bytes as :func:`~rectpipe.readers.sniff.sniff_format` sees them.
    ``False`` when it cannot be read: the parse then reports why."""
    if input_format is not None:
        return input_format == "txt"
    try:
        with open(path, "rb") as file:
            head = file.read(_HEAD)
        return bool(head) and sniff_format(head, Path(path).name) == "txt"
    except (OSError, RectpipeError):
        return False


@contextlib.contextmanager
def watched(path: str, timeout: float | None, max_bytes: int | None) -> Iterator[None]:
    """Run the parse of ``path`` under ``timeout`` seconds (:class:`ParseTimeoutError` when
    they pass) and an address-space cap of ``max_bytes`` (:class:`TooLargeError` for a
    ``MemoryError``); the process's timer, handler and limit are as they were afterwards."""

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise ParseTimeoutError(f"gave up after {timeout:g} s", path=path)

    previous = signal.signal(signal.SIGALRM, expire) if timeout else None
    restore = _cap(max_bytes)
    try:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        yield
    except MemoryError:
        restore()  # before the import below, which maps a module
        from ..runtime.isolate import over_cap

        raise TooLargeError(over_cap(max_bytes), path=path) from None
    except RectpipeError:
        raise
    except Exception as exc:  # as a child's would be: one line, no traceback
        restore()
        raise InternalError(f"{type(exc).__name__}: {exc}", path=path) from None
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        restore()


def _cap(max_bytes: int | None) -> _Restore:
    """Set the address-space cap; what puts the previous limit back."""
    if max_bytes is None:
        return _Restore(None)
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
    if soft != resource.RLIM_INFINITY:
        cap = min(cap, soft)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return _Restore((soft, hard))


class _Restore:
    """Puts back the address-space limit it was given (``None``: nothing to put back)."""

    def __init__(self, limit: tuple[int, int] | None) -> None:
        self._limit = limit

    def __call__(self) -> None:
        if self._limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, self._limit)
            self._limit = None
