"""Test-only converters for the batch pool, chosen by file name.

Workers import this module by reference when a test hands them one of these functions (or
patches :data:`rectpipe.batch.local.convert_path` with :func:`slow_convert_path`), so the
behaviour below happens inside the worker processes: names containing ``hang`` sleep forever,
``slow`` sleep :data:`SLOW_SECONDS` first, ``die`` kill the worker. Every other file is
converted for real.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import PurePath
from typing import Any

from rectpipe.batch import FileResult, convert_path

SLOW_SECONDS = 0.15


def slow_convert_path(path: str, **options: Any) -> FileResult:
    """:func:`rectpipe.batch.convert_path`, unless the file name says hang, slow or die."""
    name = PurePath(path).name
    if "hang" in name:
        time.sleep(3600)
    if "slow" in name:
        time.sleep(SLOW_SECONDS)
    if "die" in name:
        os._exit(3)
    return convert_path(path, **options)


def pid_job(path: str) -> FileResult:
    """A result whose message is the worker's process id (to watch workers being replaced);
    paths containing ``slow`` take :data:`SLOW_SECONDS` first."""
    if "slow" in path:
        time.sleep(SLOW_SECONDS)
    return FileResult(path=path, sha256=None, status="success", error_message=str(os.getpid()))


def memory_job(path: str) -> FileResult:
    """Paths containing ``hog`` allocate 2 GB in Python, ``abort`` abort the process the way
    native code does when an allocation fails; every result's message is the worker's
    process id (to watch a worker being replaced)."""
    if "hog" in path:
        hog = bytearray(2 << 30)
        del hog
    if "abort" in path:
        import faulthandler

        faulthandler.disable()  # the test runner's crash dump is not what is tested
        os.abort()
    return FileResult(path=path, sha256=None, status="success", error_message=str(os.getpid()))


def sigterm_job(path: str) -> FileResult:
    """A result whose message names the worker's SIGTERM disposition."""
    import signal

    handler = signal.getsignal(signal.SIGTERM)
    name = handler.name if isinstance(handler, signal.Handlers) else "a Python handler"
    return FileResult(path=path, sha256=None, status="success", error_message=name)


def install() -> None:
    """Make the local engine use :func:`slow_convert_path` in this process."""
    from rectpipe.batch import local

    setattr(local, "convert_path", slow_convert_path)  # noqa: B010


if __name__ == "__main__":  # python -m tests.batch_helpers ARGS: `rectpipe ARGS`, patched
    install()
    from rectpipe.cli import main

    sys.exit(main(sys.argv[1:]))
