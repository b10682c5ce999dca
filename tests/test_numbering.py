from __future__ import annotations

import pytest

from rectpipe.text.numbering import MarkerKind, cn_to_int, match_marker


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十六", 26), ("九十九", 99),
        ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("两", 2), ("〇", 0),
        ("二〇二三", 2023), ("壹拾贰", 12), ("12", 12),
        ("", None), ("十百", None), ("二三十", None), ("甲", None),
    ],
)  # fmt: skip
def test_cn_to_int(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "kind", "ordinal", "raw"),
    [
        ("一、组织整改落实情况", MarkerKind.CN, 1, "一、"),
        ("十一、其他", MarkerKind.CN, 11, "十一、"),
        ("（十一）反馈问题：处理历史遗留问题力度不够。", MarkerKind.CN_PAREN, 11, "（十一）"),
        ("(一)在“党的建设”方面", MarkerKind.CN_PAREN, 1, "(一)"),
        ("26.资金损失未追回。", MarkerKind.ARABIC, 26, "26."),
        ("1．关于某问题", MarkerKind.ARABIC, 1, "1．"),
        ("3、关于某问题", MarkerKind.ARABIC, 3, "3、"),
        ("（1）关于“…”", MarkerKind.ARABIC_PAREN, 1, "（1）"),
        ("(12)某事", MarkerKind.ARABIC_PAREN, 12, "(12)"),
        ("②第二项", MarkerKind.CIRCLED, 2, "②"),
        ("    7.拨付企业奖补不规范。", MarkerKind.ARABIC, 7, "7."),
        ("\u3000\u3000（二）标题", MarkerKind.CN_PAREN, 2, "（二）"),
        ("１２．全角数字", MarkerKind.ARABIC, 12, "１２．"),
    ],
)
def test_markers(text: str, kind: MarkerKind, ordinal: int, raw: str) -> None:
    marker = match_marker(text)
    assert marker is not None
    assert (marker.kind, marker.ordinal, marker.raw) == (kind, ordinal, raw)
    assert text[marker.end :].strip() == text[marker.end :]


@pytest.mark.parametrize(
    "text",
    [
        "(一期)工程项目已完工",
        "（一期）工程",
        "3.5万元已追回",
        "1.2亿元债券资金",
        "2023.12.22",
        "一是强化招商质效",
        "“（一）”这样的引用",
        "十四五规划",
        "整改结果：完成。",
        "50%的问题",
        "(0)无效",
    ],
)
def test_false_starts(text: str) -> None:
    assert match_marker(text) is None
