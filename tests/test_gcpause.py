"""The garbage collector is paused for one parse and always switched back on."""

from __future__ import annotations

import gc
import threading

import pytest

from rectpipe import parse_text
from rectpipe.errors import StructureNotFoundError
from rectpipe.gcpause import collector_paused

from .conftest import SEED


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
