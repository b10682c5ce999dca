"""Rules added for the fourth round of blind batches (docs/blind-fourth-round.md: portal
pages of 2024–2026, PDFs as published, look-alike notices, audit reports): each test fails
without its rule. Every text here is invented."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.extract.table_header import column_map
from rectpipe.profiles import default_profile


@pytest.mark.parametrize(
    "state", ["办理状态", "完成状态", "当前状态", "整改完成状态", "办理结果", "办理进度"]
)
def test_a_state_column_named_for_what_or_when(state: str) -> None:
    """办理状态 / 完成状态 / 当前状态 (a state's header with what it is of, or when, before
    状态) and a complaint table's 办理结果 / 办理进度 are the status column; 调查核实及整改情况
    (a measures header with what came before the work) the account's."""
    row = ("序号", "交办问题", "调查核实及整改情况", state)
    assert column_map(row, default_profile()) == {
        "number": 0,
        "title": 1,
        "actions": 2,
        "status": 3,
    }


def test_a_complaint_table_with_a_state_column_gives_each_its_status() -> None:
    rows = [
        ("1", "某村养殖场污水直排水塘", "经调查属实，已责令停养并清理水塘。", "已办结"),
        ("2", "某镇木材加工厂夜间噪声扰民", "经调查属实，已限定作业时间。", "已办结"),
        ("3", "某园区化工企业异味扰民", "经调查属实，正在安装废气处理设施。", "阶段性办结"),
    ]
    cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>岚溪县关于中央生态环境保护督察交办信访件办理情况的公示</p>"
        "<p>中央第三生态环境保护督察组交办我县信访件3件，已办结2件，阶段性办结1件。</p>"
        "<table><tr><td>序号</td><td>交办问题</td><td>调查核实及整改情况</td>"
        f"<td>办理状态</td></tr>{cells}</table>"
        "<p>岚溪县生态环境保护督察整改工作领导小组办公室</p><p>2025年8月20日</p>"
        "</body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert [(p.status.value, p.actions) for p in report.iter_problems()] == [
        ("completed", "经调查属实，已责令停养并清理水塘。"),
        ("completed", "经调查属实，已限定作业时间。"),
        ("partially_completed", "经调查属实，正在安装废气处理设施。"),
    ]
    assert not [w.code for w in report.warnings if w.code == "totals_mismatch"]


def test_headers_that_name_no_field_stay_unmapped() -> None:
    """责任人被处理情况 tells what happened (no responsible unit); 问题数 counts."""
    row = ("序号", "问题", "整改措施", "责任人被处理情况", "问题数")
    assert column_map(row, default_profile()) == {"number": 0, "title": 1, "actions": 2}


def test_a_count_column_with_its_unit_in_brackets_is_no_field() -> None:
    """问题数（个）: a count per row (a statistics table in an annex), not the findings' column;
    its rows are no problems."""
    profile = default_profile()
    assert column_map(("序号", "问题类别", "问题数（个）", "已整改（个）"), profile) == {
        "number": 0,
        "category": 1,
    }
    assert column_map(("序号", "方面", "问题数(个)", "完成数（个）"), profile) == {
        "number": 0,
        "category": 1,
    }


_SIGNED = (
    "中共柏川职业学院委员会关于省委巡视整改进展情况的通报\n"
    "2025年3月3日至4月30日，省委第一巡视组对学院党委开展了巡视，并于2025年6月5日反馈了巡视意见。\n"
    "一、巡视反馈问题整改情况\n"
    "1.关于“实训室安全管理不到位”的问题\n"
    "整改情况：一是开展安全排查；二是修订管理办法。该问题已完成整改。\n"
    "2.关于“公务接待管理不规范”的问题\n"
    "整改情况：一是修订接待办法；二是开展专项检查。该问题已完成整改。\n"
    "附件：整改期间修订的制度目录\n"
    "中共柏川职业学院委员会\n"
    "二〇二五年九月十二日\n"
)


def test_a_signature_over_a_long_annex_dates_the_report() -> None:
    """附件 / its title / a list of eight rules / 抄送 / 印发: the annex pushed the signature out
    of the closing lines, and its date was lost."""
    annex = "".join(f"{n}.《柏川职业学院第{n}项管理办法》\n" for n in range(1, 9))
    text = (
        _SIGNED
        + "附件\n整改期间修订的制度目录\n"
        + annex
        + "抄送：省委巡视办。\n中共柏川职业学院委员会办公室　　2025年9月15日印发\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert (report.metadata.date, report.metadata.issuer) == (
        "2025-09-12",
        "中共柏川职业学院委员会",
    )
    assert len(report.iter_problems()) == 2


def test_an_annex_ledger_s_fill_date_does_not_date_the_report() -> None:
    """附件 / 整改台账 / its table / 填报日期 after the signature: the signature's day dates the
    report, not the day the annex's ledger was filled in."""
    text = (
        _SIGNED
        + "附件\n巡视反馈问题整改台账\n"
        + "序号\t反馈问题\t整改措施\t责任部门\t完成情况\n"
        + "1\t实训室安全管理不到位\t开展安全排查\t保卫处\t已完成\n"
        + "2\t公务接待管理不规范\t修订接待办法\t党政办\t已完成\n"
        + "填报单位：学院党政办公室　　填报日期：2025年9月18日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert report.metadata.date == "2025-09-12"


def test_a_site_headline_over_the_report_s_own_title_set_on_two_lines() -> None:
    """A repost's headline (…公布巡察整改进展情况) over the report's own title, wrapped by
    <br> onto two lines: the own title is the title, as when it stands on one line."""
    page = (
        "<html><head><meta charset='utf-8'><title>柏川县公布巡察整改进展情况</title></head><body>"
        "<h1>柏川县公布巡察整改进展情况</h1><div class='content'>"
        "<p style='text-align:center'>中共柏川县水务局党组关于县委第二巡察组<br>"
        "巡察反馈意见整改进展情况的通报</p>"
        "<p>2025年3月10日至5月9日，县委第二巡察组对县水务局党组开展了常规巡察，"
        "6月3日反馈了巡察意见。现将整改进展情况通报如下。</p>"
        "<p>一、反馈问题整改情况</p>"
        "<p>1.河道采砂监管不到位。整改措施：开展专项整治。已完成整改。</p>"
        "<p>2.水利工程质量抽检不足。整改措施：建立抽检台账。正在整改。</p>"
        "<p>中共柏川县水务局党组</p><p>2025年9月1日</p></div></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert (
        report.metadata.title
        == "中共柏川县水务局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报"
    )


@pytest.mark.parametrize("brackets", ["（）", "【】"], ids=["round", "lenticular"])
def test_a_quoted_finding_heading_with_its_status_in_brackets_after_it(brackets: str) -> None:
    """关于“X”的问题（已完成） on its own line: a finding with its status, as 关于“X”的问题。
    is; before, the bracket kept the line from reading as a finding and the part's text
    became one problem."""
    open_, close = brackets
    lines = [
        "中共柏川县文旅局党组关于县委巡察整改情况的通报",
        "2025年3月3日至4月30日，县委第一巡察组对县文旅局党组进行了巡察，5月20日反馈了巡察意见。",
        "一、反馈问题整改情况",
        f"关于“景区安全巡查流于形式”的问题{open_}已完成{close}",
        "整改情况：一是建立巡查台账；二是开展随机抽查。",
        f"关于“文物保护经费使用不规范”的问题{open_}正在整改{close}",
        "整改情况：一是开展经费清查；二是修订管理办法。",
        "中共柏川县文旅局党组",
        "2025年8月29日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("景区安全巡查流于形式", "completed", 2),
        ("文物保护经费使用不规范", "in_progress", 2),
    ]


def test_a_body_sentence_naming_an_organiser_is_no_site_footer() -> None:
    """将参训率纳入培训承办单位考核 / 提供技术支持 in a measure: no site footer, so the contact
    line after it is read; a footer's 承办单位：… still ends the report's text."""
    lines = [
        "柏川县卫健局关于审计发现问题整改情况的报告",
        "县审计局：",
        "审计发现问题2个，已全部整改。",
        "1.医疗设备采购验收不规范。整改措施：请省级机构提供技术支持，重新验收。已完成整改。",
        "2.医护培训参训率偏低。整改措施：将参训率纳入培训承办单位考核。已完成整改。",
        "特此报告。",
        "联系电话：0736-5512308。",
        "柏川县卫健局",
        "2025年8月29日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert report.metadata.phone == "0736-5512308"
    footer = [
        *lines[:6],
        "柏川县卫健局",
        "2025年8月29日",
        "承办单位：柏川县大数据中心",
        "联系电话：0736-5519999",
    ]
    report = rectpipe.parse_bytes("\n".join(footer).encode("utf-8"), name="report.txt")
    assert report.metadata.phone is None


def test_an_annex_label_atop_a_page_opens_a_paragraph() -> None:
    """附件：…统计表 runs to the right margin at a page's foot (no full stop: a caption), and
    附件 opens the next page: the label is a line of its own, not the caption's end."""
    from rectpipe.readers.pdf import BodyMetrics, Line, split_paragraphs

    def line(page: int, text: str, x0: float, x1: float, bottom: float) -> Line:
        return Line(page, text, x0, x1, bottom - 16.0, bottom, 16.0, glyphs=len(text))

    metrics = BodyMetrics(left=90.0, right=506.0, size=16.0, pitch_ratio=1.75)
    lines = [
        line(1, "对尚未整改到位的问题，县政府将督促有关单位按期整改到位。", 122.0, 506.0, 700.0),
        line(1, "附件：2024年度县本级审计查出问题整改情况统计表一览", 90.0, 506.0, 728.0),
        line(2, "附件", 90.0, 122.0, 120.0),
        line(2, "2024年度县本级审计查出问题整改情况统计表", 150.0, 446.0, 160.0),
    ]
    texts = ["".join(ln.text for ln in p.lines) for p in split_paragraphs(lines, metrics)]
    assert "附件" in texts


def test_a_status_tag_before_the_finding() -> None:
    """1.【已完成】X。: the tag is the finding's status and no part of its title; a tag that
    names no status (【典型问题】) stays in the title."""
    lines = [
        "中共柏川县林业局党组关于县委巡察反馈问题整改情况的通报",
        "2025年3月3日至4月30日，县委第二巡察组对县林业局党组进行了巡察，5月20日反馈了巡察意见。",
        "一、反馈问题整改情况",
        "1.【已完成】护林员巡护记录不全。整改措施：一是修订巡护制度；二是开展督查。",
        "2.【正在推进】林地占用审批把关不严。整改措施：一是开展专项清理；二是建立台账。",
        "3.【典型问题】苗木采购程序不规范。整改措施：一是修订采购办法；二是开展自查。",
        "中共柏川县林业局党组",
        "2025年8月29日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("护林员巡护记录不全", "completed"),
        ("林地占用审批把关不严", "in_progress"),
        ("【典型问题】苗木采购程序不规范", "unknown"),
    ]


def test_a_ledger_s_audit_project_column_is_the_rows_category() -> None:
    """A ledger gathering several audits' findings (审计项目 merged down over its rows): the
    audit is the rows' category, as 问题类别 is (a3-06 of the third round)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["柏川县审计查出问题整改台账"])
    sheet.append(["序号", "审计项目", "问题描述", "整改措施", "整改情况"])
    rows = [
        ("1", "2024年度县本级预算执行审计", "部分专项资金未及时拨付。", "加快拨付进度。", "已整改"),
        ("2", "", "预算编制不够细化。", "细化预算编制。", "部分整改"),
        ("3", "县交通局主要负责人经济责任审计", "工程结算审核不严。", "开展结算复核。", "已整改"),
    ]
    for row in rows:
        sheet.append(list(row))
    sheet.merge_cells("B3:B4")
    sheet.append(["填报单位：柏川县审计局", "", "", "", "填报日期：2025年6月30日"])
    out = io.BytesIO()
    book.save(out)
    report = rectpipe.parse_bytes(out.getvalue(), name="ledger.xlsx")
    assert [([i.title for i in p.path], p.status.value) for p in report.iter_problems()] == [
        (["2024年度县本级预算执行审计"], "completed"),
        (["2024年度县本级预算执行审计"], "partially_completed"),
        (["县交通局主要负责人经济责任审计"], "completed"),
    ]


def test_the_day_the_feedback_was_passed_on_inside_the_unit_is_not_the_feedback_s() -> None:
    """2025年9月2日，…召开会议，传达学习…巡察反馈意见 (the opinion received) before …8月26日反馈
    了巡察意见 (handed over): the feedback is the handing over."""
    text = (
        "柏川乡党委关于县委巡察反馈意见整改进展情况的通报\n"
        "2025年9月2日，乡党委召开会议，传达学习县委第二巡察组巡察反馈意见。"
        "县委第二巡察组于2025年5月6日至7月4日对柏川乡党委开展了巡察，8月26日反馈了巡察意见。\n"
        "一、巡察反馈问题整改情况\n"
        "（一）村级财务管理不规范。\n整改情况：已完成整改。\n"
        "柏川乡党委\n2025年10月10日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert report.metadata.feedback_date == "2025-08-26"
    # a verb further off governs something else (…按照县委巡察工作部署，…反馈了巡察意见)
    handed = text.replace(
        "2025年9月2日，乡党委召开会议，传达学习县委第二巡察组巡察反馈意见。"
        "县委第二巡察组于2025年5月6日至7月4日对柏川乡党委开展了巡察，8月26日反馈了巡察意见。",
        "县委第二巡察组于2025年5月6日至7月4日对柏川乡党委开展了巡察。"
        "2025年8月26日，按照县委巡察工作部署，县委第二巡察组向乡党委反馈了巡察意见。",
    )
    report = rectpipe.parse_bytes(handed.encode("utf-8"), name="report.txt")
    assert report.metadata.feedback_date == "2025-08-26"


_AUDIT_HEAD = (
    "关于2024年度县本级预算执行和其他财政收支审计查出问题整改情况的报告\n"
    "县人大常委会：\n"
    "2025年8月27日，县人大常委会听取和审议了县审计局关于2024年度县本级预算执行和其他财政收支的"
    "审计工作报告。现将整改情况报告如下：\n"
    "一、审计查出问题的整改情况\n"
    "1.关于专项债券资金闲置的问题。县财政局督促项目单位加快支出进度，已支出0.6亿元。该问题已部分整改。\n"
    "2.关于非税收入未及时缴库的问题。县财政局已将312万元缴入国库。该问题已整改到位。\n"
)


def test_the_part_that_says_why_problems_are_still_open_is_no_finding() -> None:
    """三、尚未整改到位的问题及原因 (the national template's part: why, its items restating
    findings) is narrative; a part that lists the open problems themselves still lists them."""
    why = _AUDIT_HEAD + (
        "二、尚未整改到位的问题及原因\n"
        "（一）专项债券资金闲置问题。主要原因是项目前期手续办理周期较长。\n"
        "三、下一步工作\n县政府将督促相关单位加快整改。\n"
        "柏川县人民政府\n2025年12月20日\n"
    )
    report = rectpipe.parse_bytes(why.encode("utf-8"), name="report.txt")
    assert [p.title for p in report.iter_problems()] == [
        "关于专项债券资金闲置的问题",
        "关于非税收入未及时缴库的问题",
    ]
    listed = _AUDIT_HEAD + (
        "二、正在整改和未整改的问题（1个）\n"
        "1.关于项目超概算的问题。县发改委正在组织概算调整评审。该问题正在整改。\n"
        "柏川县人民政府\n2025年12月20日\n"
    )
    report = rectpipe.parse_bytes(listed.encode("utf-8"), name="report.txt")
    assert [p.title for p in report.iter_problems()][-1] == "关于项目超概算的问题"


def test_a_breadcrumb_ending_with_a_place_does_not_sign_the_headline() -> None:
    text = (
        "首页 > 乡镇动态 > 柏溪镇\n柏溪镇召开巡察整改推进会\n发布日期：2025-10-09\n"
        "10月8日，柏溪镇召开巡察整改推进会，听取各责任单位整改进展汇报。会议要求各单位按期完成整改任务。\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="page.txt")
    assert (report.metadata.title, report.metadata.issuer) == ("柏溪镇召开巡察整改推进会", None)


def test_a_university_s_and_a_firm_s_own_audit_offices() -> None:
    """学校审计处 and 集团审计部 are inspecting bodies; a department ending 处 (资产管理处) signs
    its report. Places and counts ending 处 (不足之处, 问题3处) and 审计部门 are neither."""
    from rectpipe.extract.title_lines import is_issuer

    text = (
        "柏川职业技术学院资产管理处关于内部审计发现问题整改情况的报告\n"
        "学校审计处：\n"
        "2025年4月7日至5月16日，学校审计处对我处2024年度资产管理情况进行了专项审计，"
        "并于2025年6月3日出具了审计报告。现将整改情况报告如下：\n"
        "一、审计发现问题整改情况\n"
        "1.部分固定资产账实不符。整改措施：开展资产清查。已完成整改。\n"
        "柏川职业技术学院资产管理处\n2025年9月1日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    meta = report.metadata
    assert (meta.issuer, meta.inspecting_body, meta.inspection_kind.value) == (
        "柏川职业技术学院资产管理处",
        "学校审计处",
        "审计",
    )
    profile = default_profile()
    assert [is_issuer(line, profile) for line in ("不足之处", "问题3处", "后勤管理处")] == [
        False,
        False,
        True,
    ]


def test_a_plan_s_goal_for_all_states_nothing() -> None:
    """力争2025年12月底前全部完成整改 (a plan's aim for all the findings) counts the problems
    and no state; 已全部完成整改 still counts them all done."""
    from rectpipe.extract.totals import read_counts

    profile = default_profile()
    aims = "对巡察反馈的2个问题，逐项制定整改措施，力争2025年12月底前全部完成整改。"
    assert read_counts(aims, profile).values == {"problems": 2}
    assert read_counts("反馈的3个问题，确保年底前全部整改到位。", profile).values == {"problems": 3}
    done = "对巡察反馈的2个问题，逐项制定整改措施，目前已全部完成整改。"
    assert read_counts(done, profile).values == {"problems": 2, "completed": 2}


def test_a_meeting_s_report_is_no_rectification_report() -> None:
    """关于巡察整改专题民主生活会召开情况的报告: the points under 查摆出的主要问题 are what the
    leaders set out about themselves, no findings handed over; with no status told, it is
    refused as other look-alikes are."""
    text = (
        "中共柏溪镇委员会关于巡察整改专题民主生活会召开情况的报告\n"
        "镇党委于2025年10月16日召开巡察整改专题民主生活会。\n"
        "一、查摆出的主要问题\n"
        "1.落实整改主体责任不够到位。班子督促检查不够。\n"
        "2.联系服务群众不够深入。下村调研次数偏少。\n"
        "二、下一步整改措施\n（一）建立整改清单，逐项明确整改时限。\n"
        "中共柏溪镇委员会\n2025年10月23日\n"
    )
    with pytest.raises(rectpipe.StructureNotFoundError, match="民主生活会"):
        rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


@pytest.mark.parametrize(
    "value", ["部分完成整改", "已部分完成整改", "部分整改到位", "部分整改完成", "部分已完成"]
)
def test_part_of_the_work_done_is_partly_completed(value: str) -> None:
    """部分整改到位 (part of it in place) is no completion: the completion's words (整改到位,
    完成整改) are as long as 部分整改 / 部分完成 and came first in the list."""
    from rectpipe.extract.status import normalise_status

    match = normalise_status(value, default_profile())
    assert match is not None and match.status.value == "partially_completed"


def test_a_state_then_what_else_was_done_in_the_same_clause() -> None:
    """已完成整改并建立长效机制 / 该问题已完成整改并通过镇级验收: the state, then more work in the
    same clause (the status words cover too little of the clause to read it whole)."""
    from rectpipe.extract.status import status_sentence

    profile = default_profile()
    for account in (
        "开展专项排查，补齐台账。已完成整改并建立长效机制。",
        "开展专项排查，补齐台账。该问题已完成整改并通过镇级验收。",
    ):
        found = status_sentence(account, profile)
        assert found is not None and found[2].status.value == "completed"
    # …，并建立长效机制长期坚持: read clause by clause as before (the first clause's state; its
    # long term is read after it, from the rest of the sentence)
    account = "开展排查。已完成整改，并建立长效机制长期坚持。"
    found = status_sentence(account, profile)
    assert found is not None and account[found[0] : found[1]] == "已完成整改"


@pytest.mark.parametrize(
    "issuer", ["榕溪海关", "柏川市妇女联合会", "柏川市总工会", "柏川市科协", "中国某银行柏川分行"]
)
def test_sector_bodies_sign_their_reports(issuer: str) -> None:
    """A customs office, a federation, a union, an association, a bank's branch: bodies whose
    names end unlike a government's sign the report."""
    text = (
        "关于巡察整改进展情况的通报\n"
        "2025年3月3日至4月30日，上级巡察组对我单位开展了巡察，5月20日反馈了巡察意见。\n"
        "一、反馈问题整改情况\n1.制度执行不严格。整改情况：已完成整改。\n"
        f"{issuer}\n2025年8月29日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert report.metadata.issuer == issuer


def test_a_bracketed_state_with_more_work_done_closes_the_finding_s_line() -> None:
    """1、X。（已完成整改并建立长效机制）: the bracket is the finding's status (it was too long
    for a tag); a group heading's tally in brackets (（共3个，已全部完成整改）) is still none."""
    text = (
        "中共柏川村支部委员会关于巡察整改情况的公示\n"
        "2024年10月14日至11月8日，县委第三巡察组对我村党支部进行了巡察，12月5日反馈了巡察意见。\n"
        "1、村务公开不及时。（已完成整改并建立长效机制）\n整改情况：按月公开村务。\n"
        "2、集体资产台账不全。（已整改，并建立长效机制）\n整改情况：补齐资产台账。\n"
        "中共柏川村支部委员会\n2025年1月10日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("村务公开不及时", "completed"),
        ("集体资产台账不全", "completed"),
    ]


def test_a_wechat_copy_s_emoji_before_labels_and_its_bracketed_part_headings() -> None:
    """📌 整改进展：已完成整改。 is a status label after an emoji, as 整改进展：… is; 【二、…】 is a
    part's heading set in brackets (its findings' path names it)."""
    lines = [
        "中共柏塘街道工作委员会关于区委巡察整改进展情况的通报",
        "【一、整改工作开展情况】",
        "街道党工委成立巡察整改工作专班。",
        "【二、反馈问题整改情况】",
        "（一）关于基层党组织建设方面",
        "1. 社区党组织服务群众能力不强。",
        "✔ 整改措施：一是制定活动清单；二是每月开展主题党日活动。",
        "📌 整改进展：已完成整改。",
        "2. 网格员队伍管理松散。",
        "👉 整改措施：一是修订考核办法；二是开展业务培训。",
        "📌 整改进展：正在整改。",
        "【三、下一步工作打算】",
        "街道党工委将继续巩固巡察整改成果。",
        "中共柏塘街道工作委员会",
        "2025年12月3日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert [
        ([i.title for i in p.path], p.title, p.status.value, p.status_raw, len(p.measures))
        for p in report.iter_problems()
    ] == [
        (
            ["反馈问题整改情况", "关于基层党组织建设方面"],
            "社区党组织服务群众能力不强",
            "completed",
            "已完成整改",
            2,
        ),
        (
            ["反馈问题整改情况", "关于基层党组织建设方面"],
            "网格员队伍管理松散",
            "in_progress",
            "正在整改",
            2,
        ),
    ]


@pytest.mark.parametrize(
    "body", ["最高人民检察院第三巡视组", "最高人民法院第一巡视组"], ids=["procuratorate", "court"]
)
def test_a_top_court_s_inspection_group(body: str) -> None:
    text = (
        "中共柏川市人民检察院党组关于巡视整改进展情况的通报\n"
        f"根据统一部署，2025年3月至5月，{body}对市检察院党组开展了巡视，6月10日反馈了巡视意见。\n"
        "一、反馈问题整改情况\n1.案件质量评查不深入。整改情况：已完成整改。\n"
        "中共柏川市人民检察院党组\n2025年9月1日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert report.metadata.inspecting_body == body


def test_an_item_numbered_on_run_into_its_category_s_heading() -> None:
    """（二）全面从严治党方面3.X。: a browser copy ran the category's heading and its first
    finding (numbered on across the categories) into one line; the finding after it was
    lost."""
    lines = [
        "中共柏川省交通运输厅党组关于省委巡视整改进展情况的通报",
        "二、巡视反馈问题整改落实情况",
        "（一）贯彻落实党中央决策部署方面1.农村公路养护资金拨付不及时。整改进展：已完成整改。",
        "2.交通建设项目前期工作推进缓慢。整改进展：正在整改。",
        "（二）全面从严治党方面3.厅属单位工程招投标监管存在漏洞。整改进展：已完成整改。",
        "4.公务用车管理不规范。整改进展：已完成整改。",
        "中共柏川省交通运输厅党组",
        "2024年11月15日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert [(p.path[-1].title, p.title) for p in report.iter_problems()] == [
        ("贯彻落实党中央决策部署方面", "农村公路养护资金拨付不及时"),
        ("贯彻落实党中央决策部署方面", "交通建设项目前期工作推进缓慢"),
        ("全面从严治党方面", "厅属单位工程招投标监管存在漏洞"),
        ("全面从严治党方面", "公务用车管理不规范"),
    ]


def test_a_post_s_headline_over_an_account_line_and_the_report_s_own_title() -> None:
    """📢 关于…的通报 / 原创 … 2025年12月03日 / 中共XX委员会关于…的通报: the own title below, the
    issuer's name at its head, is the title."""
    lines = [
        "📢 关于区委巡察整改进展情况的通报",
        "原创 清风柏塘 柏塘街道纪工委 2025年12月03日 17:45",
        "中共柏塘街道工作委员会关于区委巡察整改进展情况的通报",
        "一、反馈问题整改情况",
        "1. 社区党组织服务群众能力不强。整改措施：一是制定活动清单。已完成整改。",
        "中共柏塘街道工作委员会",
        "2025年12月3日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="post.txt")
    assert report.metadata.title == "中共柏塘街道工作委员会关于区委巡察整改进展情况的通报"


def test_a_part_s_heading_run_into_a_time_limit_s_value() -> None:
    """整改时限：2025年3月底前三、下一步工作打算 (a browser copy): the time limit ends at 前, the
    closing part opens after it (it was the deadline's, and the part was lost)."""
    lines = [
        "中共柏川县水务局党组关于县委巡察整改进展情况的通报",
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组。",
        "二、巡察反馈问题整改落实情况",
        "1.干部交流轮岗不够。整改措施：制定轮岗计划。责任单位：人事股 整改时限：2025年3月底前"
        "三、下一步工作打算",
        "局党组将持续巩固整改成果。",
        "中共柏川县水务局党组",
        "2025年4月30日",
    ]
    report = rectpipe.parse_bytes("\n".join(lines).encode("utf-8"), name="report.txt")
    assert [p.deadline for p in report.iter_problems()] == ["2025年3月底前"]
    assert [s.title for s in report.sections][-1] == "下一步工作打算"
