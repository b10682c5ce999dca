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


# A table copied into a text file keeps its cells apart with tabs (invented content).
_TSV = (
    "青禾县生态环境保护督察反馈问题整改情况公示\n"
    "现将整改情况公示如下。\n"
    "序号\t督察反馈问题\t整改措施\t责任单位\t整改时限\t整改进展\n"
    "一、水污染防治方面\n"
    "1\t部分河段垃圾清理不及时。\t建立河道保洁长效机制。\t县水利局\t2025年6月底前\t已完成整改。\n"
    "2\t城区污水管网建设滞后。\t新建和改造污水管网12公里。\t县住房和城乡建设局\t2025年12月底前\t正在推进。\n"
    "二、大气污染防治方面\n"
    "3\t餐饮油烟扰民问题突出。\t督促安装油烟净化设施。\t县城市管理局\t长期坚持\n"
    "公示期间如有异议，请向县督察整改办反映。\n"
)


def test_tab_separated_lines_are_a_table_block() -> None:
    document = read_txt(_TSV.encode("utf-8"))
    kinds = [b.kind.value for b in document.blocks]
    assert kinds == ["paragraph", "paragraph", "table", "paragraph"]
    table = document.blocks[2]
    assert table.path == "line:3"
    assert table.cells is not None and table.cell_paths is not None
    header = ("序号", "督察反馈问题", "整改措施", "责任单位", "整改时限", "整改进展")
    assert table.cells[0] == header
    assert table.cells[1] == ("一、水污染防治方面",)  # a category spanning the table
    assert len(table.cells[-1]) == 5  # a row without its last cell keeps the cells it has
    assert table.cell_paths[2][3] == "line:5/c:4"
    assert table.text.split("\n")[2].split("\t")[3] == "县水利局"


def test_a_lone_tabbed_line_or_a_blank_line_is_no_table() -> None:
    wide = read_txt(("\t".join("列" * 65) + "\n" + "\t".join("值" * 65) + "\n").encode())
    assert [b.kind.value for b in wide.blocks] == ["paragraph", "paragraph"]  # too wide
    lone = read_txt("说明\t一\t二\n正文。\n".encode())
    assert [b.kind.value for b in lone.blocks] == ["paragraph", "paragraph"]
    two = read_txt("甲\t乙\t丙\n1\t2\t3\n\n4\t5\t6\n7\t8\t9\n".encode())
    assert [b.kind.value for b in two.blocks] == ["table", "table"]
    assert two.blocks[1].after_blank


def test_a_tab_separated_copy_of_a_ledger_reads_its_problems() -> None:
    import rectpipe

    report = rectpipe.parse_bytes(_TSV.encode("utf-8"), name="copy.txt")
    problems = report.iter_problems()
    assert [p.title for p in problems] == [
        "部分河段垃圾清理不及时",
        "城区污水管网建设滞后",
        "餐饮油烟扰民问题突出",
    ]
    assert [p.status.value for p in problems] == ["completed", "in_progress", "unknown"]
    assert problems[1].responsible == "县住房和城乡建设局"
    assert problems[0].deadline == "2025年6月底前"
    assert problems[1].provenance is not None and problems[1].provenance.path == "line:6/c:1"
    assert problems[1].sources["title"].path == "line:6/c:2"  # the cell it was read in


def test_a_quoted_cell_over_several_lines_is_one_cell() -> None:
    text = (
        "序号\t反馈问题\t整改措施\t责任单位\n"
        '1\t河段保洁不及时\t"1.建立保洁机制；\n2.每月巡查一次，落实""河长制""。"\t县水利局\n'
        '2\t落实"三重一大"制度不严\t修订议事规则。\t局办公室\n'
    )
    table = read_txt(text.encode("utf-8")).blocks[0]
    assert table.cells is not None
    assert table.cells[1][2] == '1.建立保洁机制；\n2.每月巡查一次，落实"河长制"。'
    assert table.cells[2][1] == '落实"三重一大"制度不严'  # quotes inside a cell stay
    # a quote that opens a cell and is never closed takes no lines from the rest
    stray = read_txt('甲\t乙\t丙\n1\t"未闭合\t3\n正文一。\n正文二。\n'.encode())
    assert [b.kind.value for b in stray.blocks] == ["table", "paragraph", "paragraph"]


def test_a_row_a_cell_line_break_cut_in_two_is_one_row() -> None:
    """A web page's copy does not quote a cell that holds line breaks: the line after the
    break holds the rest of the cell and the cells after it."""
    text = (
        "序号\t反馈问题\t整改措施\t责任单位\t完成时限\n"
        "1\t河道保洁责任不落实。\t1.制定保洁考核办法；\n"
        "2.每周巡河一次；\n"
        "3.考核结果按月通报。\t县水利局\t2025年5月\n"
        "2\t路灯维修不及时。\t建立维修台账。\t县城管局\t立行立改\n"
        "3\t村级账目公开滞后。\t1.按季公开；\n"
        "2.设置意见箱。\t农经站\n"  # its last cell empty: up to the next row's number
        "4\t公厕保洁不到位。\t增加保洁频次。\t环卫所\t2025年3月\n"
    )
    table = read_txt(text.encode("utf-8")).blocks[0]
    assert table.cells is not None
    assert table.cells[1] == (
        "1",
        "河道保洁责任不落实。",
        "1.制定保洁考核办法；\n2.每周巡河一次；\n3.考核结果按月通报。",
        "县水利局",
        "2025年5月",
    )
    assert table.cells[2][0] == "2"
    assert table.cells[3] == ("3", "村级账目公开滞后。", "1.按季公开；\n2.设置意见箱。", "农经站")
    assert table.cells[4][0] == "4"
    # a row of its own that lacks merged cells takes no line that opens the next row
    merged = "序号\t问题\t措施\t单位\n1\t甲。\t乙。\t县水利局\n2\t丙。\t丁。\n3\t戊。\t己。\n"
    rows = read_txt(merged.encode()).blocks[0].cells
    assert rows is not None and [r[0] for r in rows] == ["序号", "1", "2", "3"]


def test_categories_over_two_rows_head_the_rows_after_them() -> None:
    text = (
        "序号\t审计发现问题\t整改措施\t责任科室\n"
        "一、预算管理方面\n"
        "（一）预算编制\n"
        "1\t项目预算编制粗放。\t细化预算。\t财务科\n"
        "（二）预算执行\n"
        "2\t结余资金未及时清理。\t按规定上缴。\t财务科\n"
    )
    blocks = read_txt(text.encode("utf-8")).blocks
    assert len(blocks) == 1 and blocks[0].cells is not None
    assert [row[0] for row in blocks[0].cells] == [
        "序号", "一、预算管理方面", "（一）预算编制", "1", "（二）预算执行", "2",
    ]  # fmt: skip


def test_a_signature_and_the_next_tables_title_end_a_table() -> None:
    text = (
        "单位\t问题数\t已整改\n"
        "镇机关\t4\t3\n"
        "各村\t3\t2\n"
        "青禾镇人民政府    2025年1月6日\n"
        "镇机关问题整改台账\n"
        "序号\t存在问题\t整改措施\t责任单位\t整改情况\n"
        "1\t考勤管理松散。\t启用电子考勤。\t党政办\t已整改\n"
    )
    blocks = read_txt(text.encode("utf-8")).blocks
    assert [b.kind.value for b in blocks] == ["table", "paragraph", "paragraph", "table"]
    # nor does the header of a next ledger of the same columns, under its own title
    ledger = "序号\t存在问题\t整改措施\n1\t台账不全。\t补录台账。\n2\t公开滞后。\t按季公开。\n"
    two = read_txt(f"{ledger}村级问题整改台账\n{ledger}".encode()).blocks
    assert [b.kind.value for b in two] == ["table", "paragraph", "table"]


def test_a_header_over_two_rows_gives_the_table_its_wider_row() -> None:
    text = (
        "序号\t反馈问题\t整改情况\t责任部门\n"
        "序号\t反馈问题\t整改措施\t完成情况\t责任部门\n"
        "1\t学习制度落实不严。\t制定学习计划。\t已完成整改。\t党委办公室\n"
        "2\t实验室台账不全。\t补录台账。\t正在整改。\t实验中心\n"
    )
    table = read_txt(text.encode("utf-8")).blocks[0]
    assert table.cells is not None
    assert table.cells[2][-1] == "党委办公室"


def test_a_header_repeated_under_a_tables_last_row_opens_the_next_table() -> None:
    text = (
        "序号\t反馈问题\t整改措施\n1\t台账不全。\t补录台账。\n"
        "序号\t反馈问题\t整改措施\t目前进展\n1\t公开滞后。\t按季公开。\t已公开两次\n"
    )
    blocks = read_txt(text.encode("utf-8")).blocks
    assert [len(b.cells or ()) for b in blocks] == [2, 2]
    assert blocks[1].cells is not None and blocks[1].cells[1][-1] == "已公开两次"


def test_a_short_line_between_rows_is_a_cells_rest_unless_categories_head_the_rows() -> None:
    rows = "1\t台账不全。\t补录台账。\t已完成\n长期坚持\n2\t公开滞后。\t按季公开。\t已完成\n"
    table = read_txt(f"序号\t问题\t措施\t进度\n{rows}".encode()).blocks[0]
    assert table.cells is not None
    assert [r[-1] for r in table.cells[1:]] == ["已完成\n长期坚持", "已完成"]
    grouped = f"序号\t问题\t措施\t进度\n一、制度建设方面\n{rows}".encode()
    table = read_txt(grouped).blocks[0]
    assert table.cells is not None
    assert [r[0] for r in table.cells] == ["序号", "一、制度建设方面", "1", "长期坚持", "2"]
