"""A plain-text file is parsed in the command's own process, under its time limit and memory
cap (rectpipe.cli.inline); every other format keeps its child process."""

from __future__ import annotations

import os
import resource
import signal
import time
from pathlib import Path
from typing import Any

import pytest

import rectpipe.pipeline
from rectpipe.cli import main
from rectpipe.cli.inline import is_plain_text, watched
from rectpipe.errors import InternalError, ParseTimeoutError, TooLargeError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TXT = SAMPLES / "family-f-summary.txt"


def _no_fork() -> int:
    raise AssertionError("forked")


def test_a_text_file_is_parsed_without_a_child(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(os, "fork", _no_fork)
    assert main(["extract", str(TXT)]) == 0
    assert capsysbinary.readouterr().out == TXT.with_name(TXT.name + ".expected.json").read_bytes()


def test_a_word_file_still_gets_its_child(monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counted() -> int:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", counted)
    assert main(["extract", str(SAMPLES / "seed-yongzhou.docx"), "-o", os.devnull]) == 0
    assert forks == [1]


def test_no_limits_no_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    """With --timeout 0 and --max-memory-mb 0 the parse is plain, as it always was."""
    monkeypatch.setattr(os, "fork", _no_fork)
    monkeypatch.setattr(signal, "setitimer", _no_timer)
    assert (
        main(["extract", str(TXT), "--timeout", "0", "--max-memory-mb", "0", "-o", os.devnull]) == 0
    )


def _no_timer(*_args: Any) -> Any:
    raise AssertionError("a timer was set")


def test_a_parse_over_its_time_is_a_timeout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def slow(*_args: Any, **_kwargs: Any) -> Any:
        time.sleep(30)

    monkeypatch.setattr(rectpipe.pipeline, "parse_file_record", slow)
    before = signal.getsignal(signal.SIGALRM)
    started = time.monotonic()
    code = main(["extract", str(TXT), "--timeout", "0.2"])
    assert code == ParseTimeoutError.exit_code
    assert time.monotonic() - started < 10
    assert capsys.readouterr().err == f"rectpipe: {TXT}: timeout: gave up after 0.2 s\n"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_running_out_of_memory_is_too_large_and_the_limit_comes_back() -> None:
    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(TooLargeError) as caught, watched("x.txt", None, 1 << 40):
        assert resource.getrlimit(resource.RLIMIT_AS)[0] <= 1 << 40
        raise MemoryError
    assert caught.value.path == "x.txt"
    assert "memory cap" in str(caught.value)
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_a_bug_in_the_parse_is_one_internal_error() -> None:
    with pytest.raises(InternalError) as caught, watched("x.txt", 5, None):
        raise KeyError("boom")
    assert caught.value.path == "x.txt"
    assert "KeyError" in str(caught.value)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("family-f-summary.txt", True),
        ("seed-yongzhou.docx", False),
        ("seed-yongzhou.pdf", False),
        ("shape-z12-qingshi-ducha-gongshi-web.html", False),
    ],
)
def test_which_files_are_plain_text(name: str, plain: bool) -> None:
    assert is_plain_text(str(SAMPLES / name), None) is plain


def test_plain_text_by_the_format_asked_for_or_not_at_all(tmp_path: Path) -> None:
    assert is_plain_text(str(SAMPLES / "seed-yongzhou.pdf"), "txt")
    assert not is_plain_text(str(TXT), "html")
    assert not is_plain_text(str(tmp_path / "missing.txt"), None)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not is_plain_text(str(empty), None)
