from __future__ import annotations

from rectpipe.readers.blocks import Block
from rectpipe.text.normalize import clean_blocks, clean_text


def test_kangxi_radicals_fold_to_ideographs() -> None:
    assert clean_text("\u2f00、组织整改") == "一、组织整改"


def test_spaces_between_han_closed_but_latin_kept() -> None:
    assert clean_text("已于 8 月 报 省 发改委 10KV 猎仁线") == "已于 8 月报省发改委 10KV 猎仁线"


def test_invisible_characters_dropped_and_ends_trimmed() -> None:
    assert clean_text("\u3000\u3000整改\u200b情况\ufeff  ") == "整改情况"


def test_idempotent() -> None:
    text = " \u3000一、 组 织\u00a0整改 "
    assert clean_text(clean_text(text)) == clean_text(text)


def test_empty_blocks_dropped() -> None:
    blocks = clean_blocks([Block(text=" \u3000 "), Block(text="正文")])
    assert [b.text for b in blocks] == ["正文"]
