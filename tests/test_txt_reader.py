from __future__ import annotations

import codecs

import pytest

from rectpipe.errors import CorruptFileError
from rectpipe.readers.txt import decode_text, read_txt

TEXT = "一、组织整改落实情况\r\n\r\n\u3000\u3000（一）反馈问题：发展质量不高。\r\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be"],
)
def test_encodings(data: bytes) -> None:
    assert decode_text(data) == TEXT


def test_lines_become_blocks_with_line_numbers() -> None:
    document = read_txt(TEXT.encode("utf-8"))
    assert [b.path for b in document.blocks] == ["line:1", "line:3"]
    assert document.blocks[1].indent == 2


def test_binary_is_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        decode_text(bytes(range(256)) * 8)


def test_mixed_encodings_decode_line_by_line() -> None:
    data = "一、整改情况".encode() + b"\n" + "（一）反馈问题".encode("gbk") + b"\n"
    document = read_txt(data)
    assert [b.text for b in document.blocks] == ["一、整改情况", "（一）反馈问题"]
    assert document.notes[0][0] == "mixed_encoding"
