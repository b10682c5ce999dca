from __future__ import annotations

import functools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed-yongzhou.txt"


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
