"""Files cut off by their byte count, inside a character: the incomplete last character is
dropped, and the rest reads as it would whole (rectpipe.readers.decode.whole_characters)."""

from __future__ import annotations

import codecs

import pytest

import rectpipe
from rectpipe.readers.decode import decode_text, whole_characters

_TEXT = "第一行文字。\n第二行还有很长的内容，直到文件被截断"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16-le"])
@pytest.mark.parametrize("short", [1, 2])
def test_a_text_cut_inside_its_last_character_reads_the_rest(encoding: str, short: int) -> None:
    data = _TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    cut = data[:-short]
    decoded = decode_text(cut)
    assert decoded.startswith("第一行文字。\n第二行")
    assert _TEXT.startswith(decoded.removeprefix("\ufeff"))
    assert "\ufffd" not in decoded


def test_a_long_utf8_text_cut_is_not_taken_for_binary() -> None:
    """Before, a file of Chinese text cut inside its last character was refused as binary
    (GB18030 and charset detection failed on it too)."""
    data = ("整改工作取得明显成效。" * 400).encode("utf-8")[:-1]
    assert decode_text(data).endswith("取得明显成效")  # 。 cut


def test_only_a_cut_at_the_end_is_dropped() -> None:
    broken = "甲".encode() + b"\xff" + "乙".encode()[:2]
    assert whole_characters(broken) == broken  # a bad byte inside: not a cut
    assert whole_characters("甲乙".encode()[:-1]) == "甲".encode()
    assert whole_characters(b"ab\x00", "utf-16-le") == b"ab"


def test_a_web_page_cut_inside_a_character_keeps_its_last_words_whole() -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>关于巡察整改进展情况的通报</h1><p>一、关于政治建设方面</p>"
        "<p>（一）学习贯彻不够深入。整改情况：已完成。</p>"
        "<p>（二）制度执行不严格的问题</p></body></html>"
    ).encode()
    cut = page[: page.index("问题".encode()) + 4]  # inside 题
    report = rectpipe.parse_bytes(cut, name="cut.html")
    titles = [p.title for p in report.iter_problems()]
    assert titles[-1] == "制度执行不严格的问"
    assert "encoding_replaced" not in [w.code for w in report.warnings]
