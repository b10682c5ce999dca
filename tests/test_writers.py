"""JSON output: pydantic's compiled serialiser writes exactly what ``json.dumps`` would, and
the command line (which hands the writer a list) takes it for a single report."""

from __future__ import annotations

import json

import pytest

import rectpipe
from rectpipe.writers import formats

from .conftest import ROOT


@pytest.mark.parametrize(
    "name", ["seed-yongzhou.txt", "seed-yongzhou.docx", "seed-yongzhou.pdf", "seed-yongzhou.html"]
)
def test_fast_json_is_what_json_dumps_writes(name: str) -> None:
    path = ROOT / "samples" / name
    if not path.exists():
        pytest.skip(f"no {name}")
    report = rectpipe.parse_file(path)
    slow = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert formats._fast_json(report) == slow


def test_one_report_in_a_list_takes_the_fast_path(seed_report) -> None:  # type: ignore[no-untyped-def]
    fast = formats._fast_json(seed_report)
    assert fast is not None
    assert formats.dumps([seed_report], "json") == fast == formats.dumps(seed_report, "json")
    two = json.loads(formats.dumps([seed_report, seed_report], "json"))
    assert isinstance(two, list) and len(two) == 2
