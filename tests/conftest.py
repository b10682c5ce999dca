from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed-yongzhou.txt"


@pytest.fixture(scope="session")
def seed_report():  # type: ignore[no-untyped-def]
    import rectpipe

    return rectpipe.parse_file(SEED)
