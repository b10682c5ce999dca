"""Tables a text copy draws one row a line, cells between bars (rectpipe.text.pipe_tables), on
invented text: made tables again when the first line is a header the profile knows, left
alone otherwise (a portal's metadata box drawn the same way), and a summary table that only
restates problems the text lists gives none of its own (rectpipe.extract.problems)."""

from __future__ import annotations

import rectpipe
from rectpipe.text.bars import bar_cells, is_bar_row

_HEAD = "青禾县生态环境保护督察反馈问题整改情况公示\n现将整改情况公示如下。\n"
_TABLE = (
    "序号 | 督察反馈问题 | 整改措施 | 责任单位 | 整改时限 | 整改进展 |\n"
    "一、水污染防治方面 |\n"
    "1 | 部分河段垃圾清理不及时。 | 1.建立河道保洁长效机制；2.每月巡查一次。 | 县水利局 | "
    "2025年6月底前 | 已完成整改。 |\n"
    "2 | 城区污水管网建设滞后。 | 新建和改造污水管网12公里。 | 县住房和城乡建设局 | "
    "2025年12月底前 | 正在推进。 |\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="copy.txt")


def test_bar_cells() -> None:
    assert bar_cells("| 甲 | 乙 | 丙 |") == ["甲", "乙", "丙"]
    assert bar_cells("甲 ｜ 乙 ｜ 丙") == ["甲", "乙", "丙"]
    assert bar_cells("文件名称 | X | ||") == ["文件名称", "X", "", ""]
    assert bar_cells("没有竖线") is None
    assert is_bar_row("甲 | 乙 | 丙 |") and not is_bar_row("一、水污染防治方面 |")
    # a site's menu before a text that ran together is no row
    assert not is_bar_row("首页 | 政务公开 | 通知公告 " + "根据县委统一部署开展巡察。" * 60)


def test_a_table_drawn_between_bars_reads_its_problems() -> None:
    report = _parse(_HEAD + _TABLE + "公示期间如有异议，请向县督察整改办反映。\n")
    problems = report.iter_problems()
    assert [p.title for p in problems] == ["部分河段垃圾清理不及时", "城区污水管网建设滞后"]
    assert [p.status.value for p in problems] == ["completed", "in_progress"]
    assert problems[0].path[0].title == "水污染防治方面"
    assert len(problems[0].measures) == 2  # the cell's 1.…；2.… stays in its cell
    assert problems[1].responsible == "县住房和城乡建设局"
    assert "text_repaired_pipe_table" in {w.code for w in report.warnings}


def test_a_metadata_box_drawn_between_bars_stays_text() -> None:
    box = "文号 | 青环〔2025〕5号 | 成文日期： | 2025年06月30日 |\n"
    report = _parse(box + _HEAD.replace("公示\n", "公示\n", 1) + _TABLE)
    assert report.metadata.document_number == "青环〔2025〕5号"
    assert len(report.iter_problems()) == 2


def test_a_summary_table_restating_the_texts_problems_adds_none() -> None:
    text = (
        "中共青禾县水务局党组关于巡察整改进展情况的通报\n"
        "一、反馈问题整改情况\n"
        "1.部分河段垃圾清理不及时，群众反映较多。整改情况：已完成。建立河道保洁长效机制。\n"
        "2.城区污水管网建设滞后。整改情况：正在推进。新建和改造污水管网12公里。\n"
        "二、下一步工作打算\n"
        "局党组将紧盯正在整改的问题，按期推进。\n"
        "附：整改完成情况一览表\n"
        "序号 | 问题 | 完成情况\n"
        "1 | 部分河段垃圾清理不及时 | 已完成\n"
        "2 | 城区污水管网建设滞后 | 正在推进\n"
    )
    report = _parse(text)
    assert [p.number for p in report.iter_problems()] == ["1", "2"]
    # rows that only start with a short heading the text lists are problems of their own
    short = text.replace("1.部分河段垃圾清理不及时，群众反映较多。", "1.河段保洁。").replace(
        "2.城区污水管网建设滞后。", "2.管网建设。"
    )
    short = short.replace("| 部分河段垃圾清理不及时 |", "| 河段保洁工作长效机制未建立 |")
    short = short.replace("| 城区污水管网建设滞后 |", "| 管网建设项目推进缓慢进度滞后 |")
    assert len(_parse(short).iter_problems()) == 4
    # the same table alone is the problem list
    alone = _parse("中共青禾县水务局党组关于巡察整改进展情况的通报\n" + text.split("附：")[1])
    assert len(alone.iter_problems()) == 2


def test_a_pages_box_between_bars_gives_the_title_and_the_date() -> None:
    text = (
        "文件名称 | 柳岸县政府常务会议确定事项落实情况的通报 | ||\n"
        "索引号 | lax/2024-0312 | 公开目录: | 政务督查 |\n"
        "发布机构 | 柳岸县政府办公室 | 公开形式: | 主动公开 |\n"
        "文号 | 柳政督〔2024〕9号 | 成文日期: | 2024年05月14日 |\n"
        "近期，县政府督查室对县政府常务会议确定事项落实情况开展了专项督查，现通报如下。\n"
        "一、总体情况\n会议确定事项12件，截至5月14日，已办结4件，正在办理8件。\n"
    )
    report = rectpipe.parse_text(text)
    meta = report.metadata
    assert (meta.title, meta.date) == ("柳岸县政府常务会议确定事项落实情况的通报", "2024-05-14")
    assert meta.document_number == "柳政督〔2024〕9号"
    assert "text_repaired_box_rows" in [w.code for w in report.warnings]
