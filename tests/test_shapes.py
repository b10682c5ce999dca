"""Problem lists laid out as published reports lay them out (facts in docs/shapes.md)."""

from __future__ import annotations

import pytest

import rectpipe
from rectpipe.tools.provenance import check_sources

_LABELLED_UNDER_BARE_MARKERS = (
    "关于区委第三巡察组反馈问题整改情况的公示\n"
    "区委第三巡察组于2023年9月4日至11月10日对区图书馆党支部开展了巡察。现将整改情况公示如下：\n"
    "（一）\n存在问题：借阅登记制度执行不严，登记簿填写不全。\n"
    "整改措施：修订借阅管理办法，每月抽查登记簿。\n完成情况：已完成。\n"
    "（二）\n问题描述：馆藏资产账实不符。\n整改措施：开展资产清查。\n完成情况：正在整改。\n"
    "公示期间，如有意见建议，请联系区图书馆办公室，电话：0739-7654321。\n"
)


def test_a_finding_label_under_a_bare_marker_is_the_statement() -> None:
    report = rectpipe.parse_text(_LABELLED_UNDER_BARE_MARKERS)
    problems = report.iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("借阅登记制度执行不严，登记簿填写不全", "completed"),
        ("馆藏资产账实不符", "in_progress"),
    ]
    assert problems[0].heading == "存在问题：借阅登记制度执行不严，登记簿填写不全"
    assert problems[0].actions == "修订借阅管理办法，每月抽查登记簿。"
    assert check_sources(report) == []


def test_a_closing_contact_paragraph_is_no_part_of_the_last_problem() -> None:
    report = rectpipe.parse_text(_LABELLED_UNDER_BARE_MARKERS)
    last = report.iter_problems()[-1]
    assert "电话" not in last.actions
    assert report.metadata.phone == "0739-7654321"


def test_a_web_table_with_category_rows_spanning_it() -> None:
    page = (
        "<html><body><h1>县林业局关于县委第二巡察组反馈问题整改情况的公示</h1>"
        "<div class='TRS_Editor'><p>县委第二巡察组于2023年9月对县林业局开展了巡察。</p>"
        "<table border='1'><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>责任单位</td>"
        "<td>整改时限</td><td>整改进展</td></tr>"
        "<tr><td colspan='6'>一、贯彻落实党的路线方针政策方面</td></tr>"
        "<tr><td colspan='6'>（一）林业资源保护</td></tr>"
        "<tr><td>1</td><td>林长巡林记录缺失。</td><td>1.制定巡林制度；2.每季度通报。</td>"
        "<td>资源股</td><td>2024年1月</td><td>已完成</td></tr>"
        "<tr><td colspan='6'>二、全面从严治党方面</td></tr>"
        "<tr><td>2</td><td>公务用车登记不规范。</td><td>完善用车登记制度。</td><td>办公室</td>"
        "<td>2023年12月</td><td>持续推进</td></tr></table></div></body></html>"
    ).encode()
    report = rectpipe.parse_bytes(page, name="page.html")
    rows = [
        (p.title, p.status.value, len(p.measures), p.responsible, [i.title for i in p.path])
        for p in report.iter_problems()
    ]
    assert rows == [
        (
            "林长巡林记录缺失",
            "completed",
            2,
            "资源股",
            ["贯彻落实党的路线方针政策方面", "林业资源保护"],
        ),
        # 持续推进 beside a dated 整改时限 names the unfinished group, not long-term work
        # (docs/blind-q.md: the deadline-aware reading of 持续推进).
        ("公务用车登记不规范", "in_progress", 0, "办公室", ["全面从严治党方面"]),
    ]


def test_an_audit_report_cut_off_in_its_first_part_has_no_problems() -> None:
    report = rectpipe.parse_text(
        "关于2022年度县本级预算执行和其他财政收支审计查出问题整改情况的报告\n"
        "2023年11月20日在县十八届人大常委会第十五次会议上\n县审计局局长 王某\n"
        "主任、各位副主任、各位委员：\n"
        "我受县人民政府委托，向县人大常委会报告审计查出问题的整改情况，请予审议。\n"
        "一、审计整改工作总体推进情况\n县政府高度重视审计查出问题的整改工作。\n"
    )
    assert report.iter_problems() == []
    assert "no_problems" in [w.code for w in report.warnings]
    assert report.metadata.date == "2023-11-20"  # the subtitle's date, written without a dash


_TWO_ITEMS = (
    "关于巡察整改进展情况的通报\n一、关于理论学习不深入的问题\n整改情况：已完成整改。\n"
    "二、关于议事规则执行不严的问题\n整改情况：正在整改，修订议事规则并组织"
)


def test_an_excerpt_cut_with_an_ellipsis_or_a_read_more_link_says_so() -> None:
    for ending in ("全体干部学习，同时开展……", "全体干部 ...", "\n阅读全文", "\n点击查看全文"):
        report = rectpipe.parse_text(_TWO_ITEMS + ending + "\n")
        assert "truncated" in [w.code for w in report.warnings], ending
        assert "全文" not in report.iter_problems()[-1].actions


def test_one_page_of_a_paged_article_says_the_copy_is_cut() -> None:
    """A portal splits a long article over pages; a copy of one page ends at a sentence's
    end but its page links say more pages follow. The links are no part of any problem."""
    whole = _TWO_ITEMS + "。\n"
    for links, cut in (
        ("上一页 1 2 3 下一页", True),
        ("第1页 共3页", True),
        ("共3页 第3页", False),
        ("上一页 1 2 3", False),
    ):
        report = rectpipe.parse_text(whole + links + "\n")
        assert ("truncated" in [w.code for w in report.warnings]) is cut, links
        assert "页" not in report.iter_problems()[-1].actions
    page = (
        "<html><body><h1>关于巡察整改进展情况的通报</h1><div class='content'>"
        "<p>一、关于理论学习不深入的问题</p><p>整改情况：已完成整改。</p>"
        "<p>二、关于议事规则执行不严的问题</p><p>整改情况：正在整改，修订议事规则。</p></div>"
        "<div class='pages'><a href='#'>首页</a> <a href='#'>上一页</a> <a href='#'>1</a> "
        "<a href='#'>2</a> <a href='#'>下一页</a> <a href='#'>尾页</a></div></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert report.hints["分页"] == "首页 上一页 1 2 下一页 尾页"
    assert "truncated" in [w.code for w in report.warnings]


def test_a_last_labelled_line_without_a_full_stop_is_whole() -> None:
    for ending, cut in (
        ("完成时限：2024年6月底", False),
        ("附件：整改台账", False),
        ("整改情况：正在整改，已完成方案编", True),
    ):
        report = rectpipe.parse_text(_TWO_ITEMS + "。\n" + ending + "\n")
        assert ("truncated" in [w.code for w in report.warnings]) is cut, ending


def test_a_negated_predicate_states_a_finding_whatever_the_word() -> None:
    from rectpipe.extract.evidence import Evidence, heading_evidence
    from rectpipe.profiles import default_profile

    profile = default_profile()
    for finding in ("社区矫正对象分类管理不精细", "部门协作机制衔接不紧密，信息共享不畅"):
        assert heading_evidence(finding, profile) is Evidence.FINDING
    for measure in ("加强管理，做到不漏一户", "不断加强理论学习"):
        assert heading_evidence(measure, profile) is Evidence.ACTION


def test_organising_slogans_and_parts_with_sections_are_no_findings() -> None:
    report = rectpipe.parse_text(
        "关于巡视整改进展情况的通报\n一、党委组织落实整改情况\n（一）党委主要负责人履责情况\n"
        "1.靠前指挥抓部署。主持召开党委会9次。\n2.督导问效抓落实。每月听取整改汇报。\n"
        "二、反馈问题整改落实情况\n1.信贷结构不够优化。\n整改进展：已完成整改。\n"
        "2.普惠金融产品同质化明显。\n整改进展：正在推进。\n"
    )
    assert [p.title for p in report.iter_problems()] == [
        "信贷结构不够优化",
        "普惠金融产品同质化明显",
    ]


def test_a_status_tag_closes_the_finding_line() -> None:
    report = rectpipe.parse_text(
        "一、关于巡察反馈问题\n1.河湖长制巡河履职不到位。【已完成】\n2.防汛物资储备不足。【长期坚持】\n"
    )
    assert [(p.title, p.status.value, p.long_term) for p in report.iter_problems()] == [
        ("河湖长制巡河履职不到位", "completed", False),
        ("防汛物资储备不足", "ongoing", True),
    ]
    assert check_sources(report) == []


def test_labelled_findings_stay_under_a_numbered_group_heading() -> None:
    report = rectpipe.parse_text(
        "（一）关于上轮巡察反馈问题整改不彻底方面\n1.关于“公务用车管理仍不规范”方面\n"
        "问题1：个别公务车辆未集中停放。\n整改情况：已完成。\n问题2：车辆维修审核不严。\n"
        "整改情况：已完成。\n2.关于“资产移交不彻底”方面\n问题3：办公设备未办理移交。\n整改情况：正在整改。\n"
    )
    assert [[i.title for i in p.path] for p in report.iter_problems()] == [
        ["关于上轮巡察反馈问题整改不彻底方面", "关于“公务用车管理仍不规范”方面"],
        ["关于上轮巡察反馈问题整改不彻底方面", "关于“公务用车管理仍不规范”方面"],
        ["关于上轮巡察反馈问题整改不彻底方面", "关于“资产移交不彻底”方面"],
    ]


def test_counts_after_a_count_of_measures_are_the_measures() -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    sentence = "对反馈的3个方面6个问题，制定整改措施52项，截至2月底，已完成45项，其余7项正在推进。"
    assert read_counts(sentence, default_profile()).values == {"problems": 6}


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # measures counted in 条, then a bare count in 个: the problems'
        (
            "对反馈的18个问题，制定整改措施56条，已完成17个，其余1个正在推进。",
            {"problems": 18, "completed": 17, "in_progress": 1},
        ),
        # in the same unit as the measures: theirs
        ("对反馈的18个问题，制定整改措施56项，已完成50项。", {"problems": 18}),
        ("共梳理问题45个，制定整改措施132个，目前已完成41个。", {"problems": 45}),
    ],
)
def test_a_count_after_the_measures_in_another_unit_is_the_problems(
    sentence: str, values: dict[str, int]
) -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    assert read_counts(sentence, default_profile()).values == values


def test_a_title_glued_to_its_first_part_is_cut_off() -> None:
    report = rectpipe.parse_text(
        "督察反馈意见整改进展清单一、关于“饮用水水源地保护不到位”整改进展情况：已完成。\n"
        "1.划定保护区边界。\n2.清理违规建筑。\n"
        "二、关于“污水管网建设滞后”整改进展情况：达到序时进度。\n1.新建管网12公里。\n"
    )
    assert report.metadata.title == "督察反馈意见整改进展清单"
    assert [p.status.value for p in report.iter_problems()] == ["completed", "in_progress"]


def test_a_status_label_opening_numbered_steps_is_narrative() -> None:
    """整改完成情况：1.…；2.…。目前该问题已整改完成。 — the label opens the narrative: the
    steps are measures, and the status is the sentence that states one."""
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.招商引资项目落地率低。\n"
        "整改完成情况:1.成立重点项目推进专班;2.协调解决项目用地指标问题。目前该问题已整改完成。\n"
        "2.矛盾纠纷排查化解不及时。\n"
        "整改完成情况:1.建立矛盾纠纷排查台账;2.每周研判一次;3.落实领导包案。目前该问题正在整改中。\n"
        "3.档案管理不规范。\n整改完成情况：已完成。\n"
    )
    report = rectpipe.parse_text(text)
    assert [(p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("completed", 2),
        ("in_progress", 3),
        ("completed", 0),
    ]
    assert check_sources(report) == []


def test_status_words_of_a_done_problem_kept_up_for_good() -> None:
    """已整改，长期坚持: done, and kept up (long-term), not only kept up."""
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.个别科室违规发放劳务费。\n整改情况：已整改，长期坚持。一是追回违规发放的劳务费；"
        "二是修订劳务费发放管理办法。\n"
    )
    (problem,) = rectpipe.parse_text(text).iter_problems()
    assert (problem.status.value, problem.long_term) == ("completed", True)


def test_a_status_clause_between_others_in_a_closing_sentence() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.基层救援队伍建设不规范。\n整改情况：一是制定队伍建设标准；二是开展达标评估。"
        "目前，该问题正在整改中，剩余队伍计划于2025年6月底前完成达标建设。\n"
    )
    (problem,) = rectpipe.parse_text(text).iter_problems()
    assert problem.status.value == "in_progress"
    assert problem.status_raw == "该问题正在整改中"


def test_intro_facts_of_a_news_copy() -> None:
    """A news copy's first line is its date, time and site; the group is named with its
    number after 巡察; the feedback, dated without a year, falls after the period's end."""
    text = (
        "2025-05-20 09:30 某省纪委监委网站\n"
        "根据省委统一部署，2024年9月9日—11月8日，省委巡视三组对省残疾人联合会党组开展了巡视。"
        "1月14日，省委巡视三组向省残疾人联合会党组反馈了巡视意见。现将巡视整改情况予以公布。\n"
        "一、关于“学习贯彻不够深入”问题的整改情况\n（一）健全学习机制。修订学习制度。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.date, meta.inspecting_body, meta.feedback_date) == (
        "2025-05-20",
        "省委巡视三组",
        "2025-01-14",
    )


def test_an_official_foot_and_a_site_footer_close_the_report() -> None:
    """抄送, the issuing office's 印发 line, a contact address and a site footer after the
    signature close the document: no part of the last problem, and neither is the closing
    下一步 paragraph before them."""
    text = (
        "关于审计整改情况的报告\n一、审计发现问题整改情况\n"
        "1.固定资产账实不符。整改情况：未整改，正在补办审批手续。\n"
        "下一步，医院将以此次审计整改为契机，健全内部控制体系，确保全部整改到位。\n"
        "特此报告。\n联系人：院办公室刘晓岚联系电话：0539-7221086\n"
        "某区中医医院\n2024年11月20日\n抄送：区卫生健康局。\n"
        "地址：某市环湖西路9号邮编：310900\n版权所有：某区中医医院\n"
    )
    (problem,) = rectpipe.parse_text(text).iter_problems()
    assert problem.actions == "未整改，正在补办审批手续。"


def test_a_copied_ledger_with_markers_alone_and_a_progress_column() -> None:
    """A ledger copied one cell per line: a measures cell gives each marker alone on its line
    (1. then its text), and the 整改情况 column after 整改措施 tells the status."""
    head = "县医院审计发现问题整改台账\n序号\n问题描述\n整改措施\n责任科室\n完成时限\n整改情况\n"
    rows = (
        "1\n收费不规范。\n1.退还重复收取的费用；2.设置收费互斥规则。\n物价科\n2025年1月底前\n已整改\n"
        "2\n设备采购论证不充分。\n1.\n修订论证办法；\n2.\n建立检查结果共享机制。\n设备科\n"
        "2025年6月底前\n整改中\n"
        "3\n食堂外包未重新招标。\n公开招标重新确定经营单位。\n总务科\n2025年1月底前\n已整改\n"
    )
    report = rectpipe.parse_text("关于审计整改情况的公示\n" + head + rows)
    assert [(p.number, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("1", "completed", 2),
        ("2", "in_progress", 2),
        ("3", "completed", 0),
    ]


def test_labels_packed_in_parentheses_after_a_finding() -> None:
    text = (
        "关于督察反馈问题整改情况的公示\n"
        "1.部分断面水质不能稳定达标。（整改时限：2024年12月底前；责任单位：市生态环境局、"
        "沿江各县区人民政府；整改进展：已完成）\n"
        "2.污水管网建设滞后。（整改时限：长期坚持；责任单位：市住房和城乡建设局；整改进展：正在推进）\n"
    )
    rows = [
        (p.title, p.deadline, p.responsible, p.status.value)
        for p in rectpipe.parse_text(text).iter_problems()
    ]
    assert rows == [
        (
            "部分断面水质不能稳定达标",
            "2024年12月底前",
            "市生态环境局、沿江各县区人民政府",
            "completed",
        ),
        ("污水管网建设滞后", "长期坚持", "市住房和城乡建设局", "in_progress"),
    ]


def test_a_summing_up_after_the_list_closes_it_and_states_totals() -> None:
    text = (
        "关于审计发现问题整改情况的公示\n一、村级债务底数不清。\n整改情况：建立债务台账。已完成。\n"
        "二、监督作用发挥不够。\n整改情况：建立签字制度。正在整改。\n"
        "以上2个问题，已整改到位1个，正在整改1个。\n某村民委员会\n二〇二五年一月六日\n"
    )
    report = rectpipe.parse_text(text)
    assert [p.status.value for p in report.iter_problems()] == ["completed", "in_progress"]
    stated = report.summary.stated
    assert stated is not None and (stated.problems, stated.completed, stated.in_progress) == (
        2,
        1,
        1,
    )


def test_a_dateline_under_the_title_and_an_issuer_above_a_repeated_headline() -> None:
    page = (
        "<html><head><title>审计结果公告</title></head><body>"
        "<h1>关于某县第二中学原校长任期经济责任履行情况的审计结果公告</h1>"
        "<div class='info'>发布时间：2024-11-11 09:32</div><div class='content'>"
        "<p>某县审计局</p><p>关于某县第二中学原校长任期</p><p>经济责任履行情况的审计结果公告</p>"
        "<p>（二〇二四年十一月八日公告）</p>"
        "<p>2024年5月6日至6月28日，某县审计局派出审计组对原校长任期经济责任履行情况进行了审计。</p>"
        "<p>一、财务管理方面</p><p>1.部分支出未经集体研究。整改情况：已整改。</p></div></body></html>"
    )
    meta = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html").metadata
    assert (meta.issuer, meta.date, meta.origins["date"]) == ("某县审计局", "2024-11-08", "front")
    assert meta.inspecting_body == "某县审计局"


def test_audit_teams_national_inspectorates_and_a_rectification_rate() -> None:
    for opening, body in (
        (
            "2024年10月14日至11月8日，某镇农村经济经营管理站审计组对我村开展了审计。",
            "某镇农村经济经营管理站审计组",
        ),
        (
            "2024年6月17日至7月12日，国家自然资源督察成都局对我县开展了例行督察。",
            "国家自然资源督察成都局",
        ),
    ):
        text = (
            "关于整改情况的公示\n" + opening + "\n问题8个，已整改6个，整改中2个，整改率75%。\n"
            "一、村级债务底数不清。已完成。\n"
        )
        report = rectpipe.parse_text(text)
        assert report.metadata.inspecting_body == body
        assert report.summary.stated is not None and report.summary.stated.completion_rate == 75.0


def test_statuses_told_in_a_later_part_that_names_each_finding() -> None:
    """An audit result notice lists its findings, then tells what became of each in a part of
    its own: 针对“X”问题，…，已整改。 The paragraph naming a finding's title gives its status."""
    text = (
        "关于某中学原校长任期经济责任履行情况的审计结果公告\n"
        "一、审计发现的主要问题\n（一）财务管理方面\n1.超预算列支培训费\n"
        "2021年至2023年培训费超出预算18.62万元。\n2.往来款项长期未清理\n挂账3年以上的款项未清理。\n"
        "二、审计发现问题的整改情况\n学校制定了整改方案。\n"
        "针对“超预算列支培训费”问题，学校已补办预算调整手续，已整改。\n"
        "针对“往来款项长期未清理”问题，学校已清理部分款项，目前正在整改。\n"
    )
    report = rectpipe.parse_text(text)
    assert [(p.title, p.status.value, p.status_raw) for p in report.iter_problems()] == [
        ("超预算列支培训费", "completed", "已整改"),
        ("往来款项长期未清理", "in_progress", "目前正在整改"),
    ]
    assert check_sources(report) == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        (
            "问题总数：2个，其中已完成1个，正在推进1个。",
            {"problems": 2, "completed": 1, "in_progress": 1},
        ),
        ("问题数量：5项，已完成5项。", {"problems": 5, "completed": 5}),
    ],
)
def test_a_count_written_after_its_label(sentence: str, values: dict[str, int]) -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    assert read_counts(sentence, default_profile()).values == values


def test_a_ledgers_label_of_the_report_date_dates_the_feedback() -> None:
    text = (
        "青禾县水务公司审计发现问题整改台账\n审计机关：青禾县审计局\n"
        "审计实施时间：2025年2月17日至4月11日\n审计报告出具日期：2025年5月30日\n"
        "一、财务管理方面\n1.往来款项长期挂账。整改情况：已完成。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.period_start, meta.feedback_date) == ("2025-02-17", "2025-05-30")


def test_the_share_of_problems_put_right_is_the_completion_rate() -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    counts = read_counts("审计发现问题7个，已整改到位3个，整改到位率42.9%。", default_profile())
    assert (counts.values, counts.rate) == ({"problems": 7, "completed": 3}, 42.9)


def test_the_problems_a_clause_of_measures_answers_are_the_total() -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles import default_profile

    counts = read_counts("学校党委对巡视反馈的2个问题制定整改措施12条。", default_profile())
    assert counts.values == {"problems": 2}
