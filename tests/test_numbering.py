from __future__ import annotations

import pytest

from rectpipe.text.numbering import (
    MarkerKind,
    cn_to_int,
    decimal_depth,
    marker_number,
    match_marker,
)


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
        ("⒊一个字符的3.", MarkerKind.ARABIC, 3, "⒊"),
        ("⒛二十", MarkerKind.ARABIC, 20, "⒛"),
        ("2）只有右括号", MarkerKind.ARABIC_PAREN, 2, "2）"),
        ("12)半角右括号", MarkerKind.ARABIC_PAREN, 12, "12)"),
        ("⑷一个字符的（4）", MarkerKind.ARABIC_PAREN, 4, "⑷"),
        ("第一个问题：村级财务报账不规范。", MarkerKind.LABEL, 1, "第一个问题："),
        ("第12个问题：某事", MarkerKind.LABEL, 12, "第12个问题："),
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
        "0）无效",
        "2024)年份",
        "1）)双括号",
        "第一个问题是学习不深入",  # no colon: a sentence
    ],
)
def test_false_starts(text: str) -> None:
    assert match_marker(text) is None


# --- every number up to 10,000, in every marker family ---

_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十"))


def chinese(n: int) -> str:
    """``n`` (1…99,999) as written in documents: 十一, 一百一十, 一千零一, 一万."""
    out: list[str] = []
    zero = started = False
    for value, unit in _CN_UNITS:
        digit = n // value % 10
        if digit:
            if zero:
                out.append("零")
                zero = False
            if not (unit == "十" and digit == 1 and not started):
                out.append(_CN_DIGITS[digit])
            out.append(unit)
            started = True
        elif started:
            zero = True
    if n % 10:
        out.append("零" * zero + _CN_DIGITS[n % 10])
    return "".join(out)


def test_chinese_helper() -> None:
    assert [chinese(n) for n in (1, 10, 11, 20, 105, 110, 111, 1001, 1010, 9999, 10_000)] == [
        "一", "十", "十一", "二十", "一百零五", "一百一十", "一百一十一", "一千零一",
        "一千零一十", "九千九百九十九", "一万",
    ]  # fmt: skip


_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
FAMILIES = {
    "cn": (MarkerKind.CN, lambda n: f"{chinese(n)}、标题"),
    "cn-dot": (MarkerKind.CN, lambda n: f"{chinese(n)}．标题"),
    "cn-paren": (MarkerKind.CN_PAREN, lambda n: f"（{chinese(n)}）标题"),
    "cn-ascii-paren": (MarkerKind.CN_PAREN, lambda n: f"({chinese(n)})标题"),
    "arabic-dot": (MarkerKind.ARABIC, lambda n: f"{n}.标题"),
    "arabic-fullwidth": (MarkerKind.ARABIC, lambda n: f"{n}．标题".translate(_FULLWIDTH)),
    "arabic-comma": (MarkerKind.ARABIC, lambda n: f"{n}、标题"),
    "arabic-paren": (MarkerKind.ARABIC_PAREN, lambda n: f"（{n}）标题"),
    "arabic-ascii-paren": (MarkerKind.ARABIC_PAREN, lambda n: f"({n})标题"),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_number_to_ten_thousand(family: str) -> None:
    kind, write = FAMILIES[family]
    wrong = []
    for n in range(1, 10_001):
        text = write(n)
        marker = match_marker(text)
        found = None if marker is None else (marker.kind, marker.ordinal, text[marker.end :])
        if found != (kind, n, "标题"):
            wrong.append(text)
    assert wrong == []


def test_every_circled_number() -> None:
    circled = [chr(c) for c in range(0x2460, 0x2474)] + [chr(c) for c in range(0x3251, 0x3260)]
    found = [match_marker(ch + "标题") for ch in circled]
    assert [(m.kind, m.ordinal) for m in found if m] == [
        (MarkerKind.CIRCLED, n) for n in range(1, 36)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千零一", 1001), ("九千九百九十九", 9999), ("一万", 10_000), ("一万零一", 10_001),
        ("壹仟零壹", 1001), ("一二三四五", None), ("1" * 19, None), ("1" * 18, int("1" * 18)),
    ],
)  # fmt: skip
def test_long_numerals(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["2023、2024年连续两年开展检查", "二〇二三二〇二四、年份"])
def test_lists_of_years_are_not_markers(text: str) -> None:
    assert match_marker(text) is None


def test_long_lists_and_many_categories_are_read_whole() -> None:
    import rectpipe

    lines = ["关于巡视整改进展情况的通报", "一、整改进展情况"]
    for n in range(1, 166):
        lines += [f"（{chinese(n)}）第{n}类问题", f"1.第{n}类的问题。整改情况：已完成。"]
    lines.append("二、逐项清单")
    lines.append("（一）清单问题")
    lines += [f"{n}.清单第{n}个问题。整改情况：已完成。" for n in range(1, 1201)]
    report = rectpipe.parse_text("\n".join(lines))
    part = report.sections[0]
    assert [s.number for s in part.sections] == [str(n) for n in range(1, 166)]
    listed = report.sections[1].sections[0].problems
    assert [p.number for p in listed] == [str(n) for n in range(1, 1201)]
    assert not any(w.code == "numbering_gap" for w in report.warnings)


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [("1.3处违规建设的农家乐已拆除", 1), ("3.2024年1—9月达标率", 3), ("12.20家企业完成改造", 12)],
)
def test_a_count_or_year_after_the_dot_makes_a_marker(text: str, ordinal: int) -> None:
    marker = match_marker(text)
    assert marker is not None and marker.ordinal == ordinal and marker.raw.endswith(".")


@pytest.mark.parametrize(
    "text",
    [
        "1.3亿元资金",
        "1.3个百分点",
        "2.5倍",
        "3.5万元",
        "3.2公里",
        "1.5平方公里",
        "2.4千米",
        "1.2十万",
    ],
)
def test_decimals_stay_numbers(text: str) -> None:
    assert match_marker(text) is None


@pytest.mark.parametrize("text", ["3.1公务支出管理不严", "2.3平台建设滞后", "1.2立行立改不到位"])
def test_a_word_that_opens_like_a_unit_follows_a_decimal_item(text: str) -> None:
    """公务, 平台, 立行立改 open like 公里, 平方, 立方 but are words: the decimal is an item."""
    marker = match_marker(text)
    assert marker is not None and marker.raw == text[:3]


@pytest.mark.parametrize(
    ("text", "number", "depth"),
    [
        ("2.1.1 学习贯彻不深入", "2.1.1", 3),
        ("2.1.1学习贯彻不深入", "2.1.1", 3),
        ("2.1.1. 学习贯彻不深入", "2.1.1", 3),
        ("１２.３.４ 党费收缴不规范", "12.3.4", 3),
        ("3.2.1.4 台账登记不全", "3.2.1.4", 4),
        ("1.2“三重一大”决策不严格", "1.2", 2),
        ("2.1.3《条例》执行不到位", "2.1.3", 3),
        ("2.3.1个别党支部记录不规范", "2.3.1", 3),  # 个别 is a word, not 个 counting
        ("1.2个人有关事项报告不如实", "1.2", 2),
    ],
)
def test_an_outlines_decimal_numbers_are_markers(text: str, number: str, depth: int) -> None:
    marker = match_marker(text)
    assert marker is not None and marker.kind is MarkerKind.ARABIC
    assert (marker_number(marker), decimal_depth(marker)) == (number, depth)
    assert marker.ordinal == int(number.rsplit(".", 1)[1])


@pytest.mark.parametrize("text", ["1.2.3亿元资金", "2.1.5公里道路", "1.1.5万元", "1.5个百分点"])
def test_an_outlines_number_before_a_unit_stays_a_number(text: str) -> None:
    assert match_marker(text) is None
