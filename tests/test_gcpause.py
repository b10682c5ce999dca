"""The garbage collector is paused for one parse and always switched back on."""

from __future__ import annotations

import gc
import threading

import pytest

from rectpipe import parse_text
from rectpipe.errors import StructureNotFoundError
from rectpipe.pipeline import read_document
from rectpipe.runtime.gcpause import collector_paused

from .conftest import SAMPLES, SEED


def test_paused_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()
    with pytest.raises(StructureNotFoundError):
        parse_text("这不是一份报告。")
    assert gc.isenabled()
    assert parse_text(SEED.read_text("utf-8")).summary.problems == 26
    assert gc.isenabled()


def test_left_alone_when_the_caller_turned_it_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()


def test_left_alone_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with collector_paused():
            assert gc.isenabled()
    finally:
        stop.set()
        other.join()


def test_reading_a_pdf_leaves_almost_nothing_for_the_collector() -> None:
    """With the collector paused, garbage in reference cycles stays until the parse ends: the
    reader must not tie a page's glyph data into cycles (a 200-page PDF would hold them all)."""
    data = (SAMPLES / "seed-yongzhou.pdf").read_bytes()
    read_document(data, "pdf")
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        document = read_document(data, "pdf")
        found = gc.collect()
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert document.page_count == 17
    # A few ctypes objects per page and the small tuples of the content budget's object walk
    # (readers/pdf/budget.py); no glyph columns, which would be thousands per page.
    assert found <= 20 * 17


def _garbage_left_by(run: object) -> int:
    """Objects in reference cycles that calling ``run`` leaves behind (with the collector
    off, so none of them is freed before they are counted)."""
    assert callable(run)
    run()  # lazy imports and caches first
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run()
        return gc.collect()
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()


@pytest.mark.parametrize(
    "name", ["seed-yongzhou.docx", "seed-yongzhou.txt", "seed-yongzhou.html", "family-c-ducha.docx"]
)
def test_a_parse_leaves_nothing_for_the_collector(name: str) -> None:
    """Every intermediate (blocks, text map, numbered tree, field splits) is freed by reference
    counting the moment the report is built: a closure that calls itself, or a node that points
    back to its parent, would keep all of it until the next full collection and make the
    collection that follows each parse scan it (a third of the collector's time per parse)."""
    from rectpipe import parse_file

    assert _garbage_left_by(lambda: parse_file(SAMPLES / name)) == 0


def test_walking_a_report_leaves_nothing_for_the_collector() -> None:
    from rectpipe import parse_file

    report = parse_file(SAMPLES / "seed-yongzhou.txt")
    assert _garbage_left_by(lambda: (report.iter_problems(), report.iter_sections())) == 0
