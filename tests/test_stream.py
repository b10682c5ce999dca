"""Reports written in pieces are the text written whole, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectpipe import parse_file
from rectpipe.tools.check import documents
from rectpipe.writers import render, render_chunks, write_output

from .conftest import SAMPLES


@pytest.mark.parametrize("document", documents(SAMPLES), ids=lambda p: p.name)
def test_pieces_join_to_the_whole_text(document: Path) -> None:
    report = parse_file(document)
    for fmt in ("json", "jsonl", "csv"):
        whole = render(report, fmt)
        assert isinstance(whole, str)
        assert "".join(str(piece) for piece in render_chunks(report, fmt)) == whole, fmt


def test_pieces_are_written_as_one_file(tmp_path: Path) -> None:
    report = parse_file(SAMPLES / "seed-yongzhou.txt")
    target = tmp_path / "out.json"
    write_output(target, render_chunks(report, "json"))
    assert target.read_text("utf-8") == render(report, "json")
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left
