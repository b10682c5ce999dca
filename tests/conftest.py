from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def memory_cap_mb(headroom_mb: int) -> int:
    """A memory cap for a parse child forked from this process: what this process's address
    space already holds (the child starts with all of it, and a test run that has loaded OCR
    models or LibreOffice holds a lot) plus ``headroom_mb``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024 + headroom_mb
    except OSError:
        pass
    return 4 * headroom_mb


SEED = SAMPLES / "seed-yongzhou.txt"


def pytest_configure(config: pytest.Config) -> None:
    """The commands the tests run keep their compiled-pattern store in a folder of this run's,
    not in the user's cache (``RECTPIPE_CACHE_DIR`` reaches the subprocesses too)."""
    store = tempfile.mkdtemp(prefix="rectpipe-store-")
    config.stash[_STORE] = store
    os.environ["RECTPIPE_CACHE_DIR"] = store


def pytest_unconfigure(config: pytest.Config) -> None:
    store = config.stash.get(_STORE, None)
    if store is not None:
        shutil.rmtree(store, ignore_errors=True)


_STORE = pytest.StashKey[str]()


@functools.cache
def _seed_report():  # type: ignore[no-untyped-def]
    import rectpipe

    return rectpipe.parse_file(SEED)


@pytest.fixture(scope="module")
def seed_report():  # type: ignore[no-untyped-def]
    """The seed's report, parsed once for the whole run (module scope, so that module-scoped
    fixtures can use it)."""
    return _seed_report()


def problem_record(problem):  # type: ignore[no-untyped-def]
    """What a problem says, field by field, for comparing one document read two ways."""
    return (
        problem.number,
        [item.title for item in problem.path],
        problem.title,
        problem.description,
        problem.status,
        problem.status_raw,
        problem.actions,
        [measure.text for measure in problem.measures],
        problem.responsible,
        problem.deadline,
    )
