"""Ledgers as offices publish them: a 责任处室 column, findings with a column of the tasks set
for them (反馈问题 | 整改任务), a summary sheet counted in tasks (任务数), a title that names its
body before a year (某局2023年度…审计发现问题整改台账), and a line citing the audit report
under the title (extract/table_header.py, extract/table_totals.py, extract/metadata.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import rectpipe


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_responsible_office_column_and_a_tasks_column(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["澄江市交通运输局2023年度预算执行审计发现问题整改台账"],
        ["序号", "反馈问题", "整改任务", "责任处室", "完成时限", "完成情况"],
        [
            1,
            "公务接待审批单填写不完整",
            "1.补齐审批单。2.修订接待办法。",
            "办公室",
            "2024年6月底",
            "已完成",
        ],
        [
            2,
            "往来款项长期挂账未清理",
            "1.逐笔清理。2.建立台账。",
            "财务科",
            "2024年12月底",
            "正在推进",
        ],
    ]
    report = rectpipe.parse_file(_workbook(tmp_path / "ledger.xlsx", {"台账": rows}))
    found = [
        (p.title, p.responsible, len(p.measures), p.status.value) for p in report.iter_problems()
    ]
    assert found == [
        ("公务接待审批单填写不完整", "办公室", 2, "completed"),
        ("往来款项长期挂账未清理", "财务科", 2, "in_progress"),
    ]
    assert report.metadata.issuer == "澄江市交通运输局"


def test_a_summary_sheet_counted_in_tasks(tmp_path: Path) -> None:
    summary: list[list[object]] = [
        ["整改任务完成情况汇总"],
        ["整改任务类别", "任务数", "已完成", "正在推进", "完成率"],
        ["财务管理", 1, 1, 0, "100%"],
        ["资产管理", 1, 0, 1, "0%"],
        ["合计", 2, 1, 1, "50%"],
    ]
    detail: list[list[object]] = [
        ["序号", "问题", "整改措施", "完成情况"],
        [1, "公务接待审批单填写不完整", "补齐审批单", "已完成"],
        [2, "往来款项长期挂账未清理", "逐笔清理", "正在推进"],
    ]
    path = _workbook(tmp_path / "ledger.xlsx", {"汇总": summary, "明细": detail})
    stated = rectpipe.parse_file(path).summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (2, 1, 1)
    assert stated.completion_rate == 50.0


def test_a_cited_audit_report_s_number_is_not_the_document_s() -> None:
    text = (
        "青禾县医疗保障局经济责任审计发现问题整改清单\n"
        "（依据青禾县审计局青审经责报〔2024〕5号审计报告）\n"
        "一、审计发现问题整改情况\n1.医保基金结余管理不规范。已完成整改。\n"
        "2.药品采购台账不全。正在整改。\n青禾县医疗保障局\n2024年9月12日\n"
    )
    meta = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt").metadata
    assert meta.document_number is None
    assert meta.inspecting_body == "青禾县审计局"


def test_a_state_column_beside_a_results_column(tmp_path: Path) -> None:
    """整改完成情况 (what was done, in sentences) | 整改状态: the state's column is the status,
    the results' the account; a 是否销号 column beside a progress column is no state."""
    rows: list[list[object]] = [
        ["某公司经济责任审计发现问题整改情况表"],
        ["序号", "审计发现问题", "整改措施", "整改完成情况", "整改状态"],
        [
            1,
            "应收水费长期未清理",
            "1.成立清收专班。2.依法起诉。",
            "已清收312万元，其余正在清收",
            "基本完成",
        ],
        [2, "部分费用报销不规范", "1.退回款项。2.修订办法。", "已退回4.2万元", "已完成"],
    ]
    report = rectpipe.parse_file(_workbook(tmp_path / "ledger.xlsx", {"表": rows}))
    assert [(p.status.value, p.status_raw) for p in report.iter_problems()] == [
        ("partially_completed", "基本完成"),
        ("completed", "已完成"),
    ]
    signed: list[list[object]] = [
        ["序号", "问题", "整改进展", "是否销号"],
        [1, "公务接待审批单填写不完整", "正在推进", "否"],
    ]
    other = rectpipe.parse_file(_workbook(tmp_path / "signed.xlsx", {"表": signed}))
    assert [p.status.value for p in other.iter_problems()] == ["in_progress"]
