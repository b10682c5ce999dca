"""Rules added for the fifth round of blind batches (docs/blind-fifth-round.md: metadata as
published, look-alikes, Excel ledgers, long-form inspection reports): each test fails without
its rule. Every text here is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.models import Report


def _read(text: str, name: str = "report.txt") -> Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _problems(report: Report) -> list[tuple[str, str, int]]:
    return [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


def test_clauses_after_a_finding_of_its_own_are_its_measures() -> None:
    """Paragraphs under a group that each open with a finding: 一是… after the first one's own
    sentences are its measures, not the group's findings."""
    text = (
        "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
        "二、反馈问题整改落实情况\n\n"
        "（一）在落实河湖长制方面\n\n"
        "河道采砂监管存在盲区。局党组成立专班，实行旬调度。一是联合执法巡查；"
        "二是安装视频监控。该问题已整改完成。\n\n"
        "小型水库安全鉴定滞后。完成鉴定12座，已整改完成。\n\n"
        "农村供水水质检测覆盖不全。新增检测点30个，目前正在推进。\n"
    )
    assert _problems(_read(text)) == [
        ("河道采砂监管存在盲区", "completed", 2),
        ("小型水库安全鉴定滞后", "completed", 0),
        ("农村供水水质检测覆盖不全", "in_progress", 0),
    ]


def test_clauses_opening_a_group_are_still_its_findings() -> None:
    text = (
        "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
        "二、反馈问题整改落实情况\n\n"
        "（一）在落实河湖长制方面\n\n"
        "一是河道采砂监管存在盲区；二是小型水库安全鉴定滞后。\n"
    )
    assert [p[0] for p in _problems(_read(text))] == [
        "河道采砂监管存在盲区",
        "小型水库安全鉴定滞后",
    ]


def test_a_title_below_a_web_copys_site_name_and_breadcrumb_names_the_report() -> None:
    """With the title on the third line, a finding stating no status keeps its 一是… as
    measures (a report of what was done), as it does with the title on the first."""
    body = (
        "中共岚溪职业学院委员会关于巡视整改进展情况的通报\n\n"
        "二、巡视反馈问题整改情况\n\n"
        "1.实训基地利用率不高\n\n"
        "一是制定共享管理办法；二是向周边企业开放实训工位。\n\n"
        "2.校企合作协议履约不严\n\n"
        "一是清理到期协议；二是建立履约台账。\n"
    )
    chrome = "岚溪职业学院新闻网\n首页 > 通知公告 > 正文\n"
    assert [m for _, _, m in _problems(_read(chrome + body))] == [2, 2]
    assert [m for _, _, m in _problems(_read(body))] == [2, 2]


def test_work_told_under_way_in_the_genres_verb_of_consolidation() -> None:
    text = (
        "中共岚溪市委关于巡视整改进展情况的通报\n\n"
        "三、巡视反馈意见整改落实情况\n\n"
        "1.关于“软弱涣散村党组织整顿不彻底”问题\n\n"
        "一是落实县级领导包联；二是开展回访。目前已整顿转化41个，剩余5个正在整顿中。\n\n"
        "2.关于“村级财务公开不及时”问题\n\n"
        "一是统一公开时间；二是开展抽查。目前已整改完成。\n"
    )
    assert [p[1] for p in _problems(_read(text))] == ["in_progress", "completed"]


def test_a_narrow_latin_letter_overlapped_by_the_next_stays_on_its_line() -> None:
    """``lj`` in a serif face: the j's negative side bearing reaches into the l by a third of
    the l's box; text laid over text (a CJK glyph over another) is still separated."""
    from rectpipe.readers.pdf.glyphs import Char
    from rectpipe.readers.pdf.lines import build_lines

    def glyph(text: str, x0: float, x1: float) -> Char:
        return Char(text, x0, x1, 100.0, 110.0, 10.5, "F", True)

    mail = [glyph("l", 112.100, 115.609), glyph("j", 114.553, 117.800), glyph("x", 117.9, 123.1)]
    assert [line.text for line in build_lines(mail, page=1)] == ["ljx"]
    laid = [glyph("审", 100.0, 110.5), glyph("计", 106.0, 116.5)]  # 43 % over
    assert len(build_lines(laid, page=1)) == 2


def _ledger(rows: list[list[object]], name: str = "ledger.xlsx") -> Report:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return rectpipe.parse_bytes(buffer.getvalue(), name=name)


_TITLE = ["岚溪县林业局关于县委第二巡察组反馈问题整改台账"]


def _states(report: Report) -> list[tuple[str, bool]]:
    return [(p.status.value, p.long_term) for p in report.iter_problems()]


def test_a_planned_completion_time_is_the_deadline() -> None:
    for header in ("计划完成时间", "要求完成时限", "预计完成时间"):
        report = _ledger(
            [
                _TITLE,
                ["序号", "反馈问题", "整改措施", header, "实际完成时间", "整改进展"],
                [
                    1,
                    "护林员管理松散。",
                    "建立考勤制度。",
                    "2025年3月31日",
                    "2025年3月20日",
                    "已完成",
                ],
                [2, "防火物资储备不足。", "补充物资。", "2025年6月30日", "", "正在推进"],
            ]
        )
        deadlines = [p.deadline for p in report.iter_problems()]
        assert deadlines == ["2025年3月31日", "2025年6月30日"], header


def test_numbered_notes_under_a_note_label_are_no_problems() -> None:
    report = _ledger(
        [
            _TITLE,
            ["序号", "反馈问题", "整改措施", "责任单位", "整改进展"],
            [1, "护林员管理松散。", "建立考勤制度。", "资源股", "已完成"],
            [2, "防火物资储备不足。", "补充物资。", "防火办", "正在推进"],
            [],
            ["填表说明："],
            ["1.整改进展按月更新。"],
            ["2.本表报县巡察整改办。"],
        ]
    )
    assert [p.title for p in report.iter_problems()] == ["护林员管理松散", "防火物资储备不足"]


def test_a_no_beside_progress_under_way_is_in_progress() -> None:
    report = _ledger(
        [
            _TITLE,
            ["序号", "反馈问题", "整改措施", "是否完成", "进展情况"],
            [1, "护林员管理松散。", "建立考勤制度。", "是", "已建立考勤制度。"],
            [2, "防火物资储备不足。", "补充物资。", "否", "正在推进。已补充器材60件。"],
            [3, "林区道路失修。", "申请资金。", "否", "尚未启动。"],
        ]
    )
    assert _states(report) == [
        ("completed", False),
        ("in_progress", False),
        ("not_completed", False),
    ]


def test_ticks_under_done_and_kept_up_and_a_remark_that_refines_a_tick() -> None:
    report = _ledger(
        [
            _TITLE,
            ["序号", "反馈问题", "整改措施", "整改状态", "", "", "备注"],
            ["", "", "", "已完成", "未完成", "长期坚持", ""],
            [1, "护林员管理松散。", "建立考勤制度。", "✓", "", "✓", ""],
            [2, "防火物资储备不足。", "补充物资。", "", "✓", "", "正在推进"],
            [3, "林区道路失修。", "申请资金。", "", "✓", "", ""],
            [4, "采伐审批不规范。", "修订办法。", "✓", "", "", "长期坚持"],
        ]
    )
    assert _states(report) == [
        ("completed", True),
        ("in_progress", False),
        ("not_completed", False),
        ("completed", True),
    ]


def test_department_names_joined_inside_are_whole_bodies() -> None:
    for body in ("省自然资源厅第三督察组", "省住房和城乡建设厅第二督查组"):
        text = (
            f"岚溪县林业局关于{body}督察发现问题整改情况的报告\n\n"
            f"2024年8月，{body}对我县开展了督察。现将整改情况报告如下。\n"
            "一、违法占用林地问题\n整改情况：已完成。\n"
            "二、林木采伐审批不规范问题\n整改情况：正在推进。\n"
        )
        assert _read(text).metadata.inspecting_body == body


def test_a_stage_reached_is_partly_done_as_its_results_are() -> None:
    from rectpipe.extract.status import normalise_status
    from rectpipe.profiles import default_profile

    profile = default_profile()
    for phrase in ("已取得阶段性进展", "取得阶段性成效"):
        found = normalise_status(phrase, profile)
        assert found is not None and found.status.value == "partially_completed", phrase
    found = normalise_status("取得明显进展", profile)
    assert found is not None and found.status.value == "in_progress"


_REPORT_HEAD = (
    "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
    "2025年3月17日至5月16日，县委第二巡察组对县水利局党组开展了常规巡察。\n\n"
    "一、巡察反馈问题整改落实情况\n"
    "1.河道巡查记录不实。\n整改情况：已完成整改。\n"
    "2.公务用车派遣单填写不全。\n整改情况：已完成整改。\n"
)


def test_the_cases_and_the_leads_handled_beside_the_findings_are_no_findings() -> None:
    for part in (
        "二、以案促改情况\n选取身边案例2个开展警示教育：\n"
        "1.某水管站站长违规套取工程款问题。\n2.某项目负责人收受礼金问题。\n",
        "二、问题线索处置情况\n巡察移交问题线索2件，已全部办结。\n"
        "1.给予某站原站长党内严重警告处分。\n2.对某所副所长进行诫勉谈话。\n",
    ):
        report = _read(_REPORT_HEAD + part + "\n中共岚溪县水利局党组\n2025年11月6日\n")
        titles = [p.title for p in report.iter_problems()]
        assert titles == ["河道巡查记录不实", "公务用车派遣单填写不全"], part


def test_a_finding_about_the_leads_is_still_a_finding() -> None:
    text = (
        "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
        "一、巡察反馈问题整改落实情况\n"
        "1.问题线索处置不及时。\n整改情况：已完成整改。\n"
        "2.以案促改不够深入。\n整改情况：正在推进。\n"
    )
    assert [p[1] for p in _problems(_read(text))] == ["completed", "in_progress"]


def test_a_work_summarys_own_shortfalls_are_no_findings() -> None:
    text = (
        "岚溪县自然资源局2025年工作总结\n\n"
        "一、主要工作成效\n（一）扎实抓好县委第四巡察组反馈问题整改，修订制度8项。\n"
        "二、存在的问题和不足\n1.用地指标紧张的矛盾依然突出。\n2.闲置土地处置进度较慢。\n"
        "三、2026年工作计划\n（一）严守耕地红线。\n"
    )
    report = _read(text)
    assert list(report.iter_problems()) == []


def test_a_findings_subject_in_a_news_item_is_not_the_issuer() -> None:
    text = (
        "县委第三巡察组向县卫生健康局党组反馈巡察情况\n\n"
        "2025年6月9日至8月8日，县委第三巡察组对县卫生健康局党组开展了常规巡察。"
        "巡察发现：一是医共体建设推进缓慢；二是部分医院党委把方向作用发挥不充分。\n"
        "1.提高政治站位，切实抓好整改。\n2.注重标本兼治，健全长效机制。\n"
    )
    assert _read(text).metadata.issuer != "部分医院党委"
    assert "部分" not in (_read(text).metadata.issuer or "")


_WRAPPED_BODY = (
    "\n\n2024年9月3日至11月1日，市委第二巡察组对局党组开展了巡察，2024年12月10日反馈了巡察意见。\n"
    "一、巡察反馈问题整改情况\n"
    "（一）财务管理不规范，部分支出票据不全。\n整改情况：已完成整改。\n"
    "（二）公务接待审批不严。\n整改情况：正在推进。\n"
)


def test_a_wrapped_title_ending_with_its_day_in_brackets_is_whole_and_dates_the_report() -> None:
    title = (
        "中共岚溪市林业局党组关于市委第二巡察组巡察\n反馈意见整改进展情况的通报（2025年6月12日）"
    )
    meta = _read(title + _WRAPPED_BODY).metadata
    assert meta.title == title.replace("\n", "")
    assert (meta.date, meta.feedback_date) == ("2025-06-12", "2024-12-10")
    issue = title.replace("（2025年6月12日）", "（第一期）")
    meta = _read(issue + _WRAPPED_BODY).metadata
    assert meta.title == issue.replace("\n", "")
    assert (meta.date, meta.feedback_date) == (None, "2024-12-10")


def test_a_titles_bracketed_month_dates_the_report_to_its_month() -> None:
    title = "中共岚溪市林业局党组关于市委第二巡察组巡察反馈意见整改进展情况的通报（2025年6月）"
    assert _read(title + _WRAPPED_BODY).metadata.date == "2025-06"
