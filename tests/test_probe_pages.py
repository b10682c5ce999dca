"""Rules from a second probe of published pages (docs/shapes.md §31): texts written for the
test in the shapes that were misread. Each test fails without its rule."""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe

from .render_docx import word_outline, word_paragraphs

_LIST = "一、巡察反馈问题整改情况\n（一）落实社会救助政策不到位。整改情况：已完成。\n"


def _parse(text: str, form: str) -> rectpipe.Report:
    """``text`` read as typed, or as a government-style Word file (仿宋 body, 黑体 headings)."""
    if form == "word":
        return rectpipe.parse_bytes(word_paragraphs(text), name="report.docx")
    return rectpipe.parse_text(text)


def _report(intro: str, title: str = "关于巡察整改进展情况的通报") -> rectpipe.Report:
    return rectpipe.parse_text(f"{title}\n{intro}\n{_LIST}")


# ------------------------------------------------------------------ inspecting body, issuer


@pytest.mark.parametrize(
    ("intro", "bodies"),
    [
        # a verb whose object is the body's name
        (
            "2024年3月4日至4月30日，县委第三巡察组对青禾镇党委进行了巡察。"
            "该镇党委高度重视县委巡察组的反馈意见，确保县委巡察组反馈的问题整改到位。",
            ["县委第三巡察组"],
        ),
        ("会上传达了县委巡察办《印发县委第二巡察组反馈意见的通知》。", ["县委第二巡察组"]),
        ("北川市实行巡察组原班人马回访督查机制，防止数字整改。", []),
        (
            "今年以来，局党组抓好县委巡察组反馈意见整改。"
            "2024年3月4日至4月30日，县委第三巡察组对局党组进行了巡察。",
            ["县委第三巡察组"],
        ),
        ("会上，集中查看了县委巡察组反馈的问题清单。", ["县委巡察组"]),
        ("2024年6月5日，王某某代表县委第一巡察组向局党组反馈了巡察意见。", ["县委第一巡察组"]),
        (
            "2024年3月，县委第二轮巡察安排3个巡察组开展常规巡察，其中县委第一巡察组"
            "对县水务局党组进行了巡察。",
            ["县委第一巡察组"],
        ),
        ("本次经济责任审计是柏溪县审计局于2024年4月组织实施的。", ["柏溪县审计局"]),
        # a verb, a time word, or the rest of a count or a date before the name
        (
            "6月3日，柳岸县收到中央第五生态环境保护督察组交办的第八批群众举报问题6件。",
            ["中央第五生态环境保护督察组"],
        ),
        ("如对办理情况不满意，请联系中央第五生态环境保护督察组。", ["中央第五生态环境保护督察组"]),
        ("本周市环境综合整治第二督导组对柳岸街道开展督导。", ["市环境综合整治第二督导组"]),
        ("今年4月至5月，3个县委巡察组对5个县直单位开展了常规巡察。", ["县委巡察组"]),
        ("5月6日市第四督导组对柳岸街道进行督导检查。", ["市第四督导组"]),
        ("2024年市委巡察组向柳岸县反馈了巡察意见。", ["市委巡察组"]),
        ("2024年县审计局对柳岸镇财政收支情况进行了审计。", ["县审计局"]),
    ],
)
def test_a_body_is_not_glued_to_the_verb_before_it(intro: str, bodies: list[str]) -> None:
    assert _report(intro).metadata.inspecting_bodies == bodies


def test_a_group_checking_the_rectification_is_not_the_inspecting_body() -> None:
    intro = (
        "10月15日，市水务局巡察整改督导组对市供水站巡察整改落实情况进行督导。"
        "2024年3月1日至3月31日，局党组巡察组对市供水站进行了巡察。"
    )
    assert _report(intro).metadata.inspecting_body == "局党组巡察组"


def test_a_source_label_is_no_part_of_the_body() -> None:
    intro = (
        "信息来源:柏溪市审计局 发布日期:2023-11-02\n柏溪市审计局对市本级预算执行情况进行了审计。"
    )
    assert _report(intro).metadata.inspecting_body == "柏溪市审计局"


@pytest.mark.parametrize(
    ("intro", "issuer"),
    [
        # 该镇党委 refers back to the name the introduction wrote
        (
            "2024年3月4日至4月30日，县委第三巡察组对青禾镇党委进行了巡察。"
            "该镇党委高度重视，第一时间召开专题会议研究部署。",
            "青禾镇党委",
        ),
        # 学院党委 names only the kind of body
        (
            "11月4日，信息工程学院党委召开巡察整改情况通报会。学院党委高度重视整改工作。",
            "信息工程学院党委",
        ),
        # a subject with a verb in it is no name; nothing else names the issuer
        ("会上，组长反馈了党委把方向作用发挥不够等问题，要求认真整改。", None),
    ],
)
def test_the_issuer_read_from_the_subject_is_a_full_name(intro: str, issuer: str | None) -> None:
    assert _report(intro, title="巡察整改工作会议召开").metadata.issuer == issuer


# ------------------------------------------------------------------ dates


def test_a_period_written_with_a_double_dash_is_read() -> None:
    intro = "按照县委统一部署，2024年3月4日——2024年4月30日，县委第三巡察组对青禾镇党委进行了巡察。"
    meta = _report(intro).metadata
    assert (meta.period_start, meta.period_end) == ("2024-03-04", "2024-04-30")


def test_the_month_of_the_visit_is_not_the_feedback_date() -> None:
    intro = (
        "学校党委于2023年5月中旬对信息工程学院开展了巡察，信息工程学院根据巡察反馈意见，"
        "制定整改方案，逐项进行了整改。"
    )
    assert _report(intro).metadata.feedback_date is None


def test_a_feedback_day_within_the_period_keeps_its_year() -> None:
    intro = (
        "2025年10月13日至12月26日，校党委第二巡察组对外国语学院党委开展巡察。"
        "11月20日，巡察组向学院党委反馈了巡察意见。"
    )
    assert _report(intro).metadata.feedback_date == "2025-11-20"


def test_a_title_ending_with_its_day_in_brackets_dates_the_report() -> None:
    report = rectpipe.parse_text(
        f"巡察整改工作简报（2024年3月5日）\n近日，县委巡察办召开会议。\n{_LIST}"
    )
    assert report.metadata.title == "巡察整改工作简报（2024年3月5日）"  # as written
    assert report.metadata.date == "2024-03-05"
    assert report.metadata.origins["date"] == "title"


def test_a_news_bylines_day_dates_the_page() -> None:
    text = (
        "第二轮督察整改方案全部公开\n某某日报 2024-03-11\n"
        "督察整改方案共明确整改任务150项。\n" + _LIST
    )
    assert rectpipe.parse_text(text).metadata.date == "2024-03-11"


def test_a_reports_own_title_and_a_day_are_no_byline() -> None:
    text = "关于巡察整改进展情况的通报 2024-03-11\n督察整改方案共明确整改任务150项。\n" + _LIST
    assert rectpipe.parse_text(text).metadata.origins.get("date") != "date_line"


def test_a_breadcrumb_opening_with_you_is_no_title() -> None:
    text = (
        "您当前的位置: 首页 >信息公开 > 审计结果公告\n"
        "柏溪市人民政府关于2022年度审计查出问题整改情况的报告\n"
        "市人大常委会：\n现将整改情况报告如下。\n" + _LIST
    )
    assert rectpipe.parse_text(text).metadata.title == (
        "柏溪市人民政府关于2022年度审计查出问题整改情况的报告"
    )


# ------------------------------------------------------------------ what is a problem


@pytest.mark.parametrize(
    "items",
    [
        ["1.带头认领问题。党组书记第一时间召开专题会议。", "2.压实工作链条。建立周调度机制。"],
        ["1.深刻领会精神，统一思想认识。党组先后4次召开会议。", "2.完善制度机制。修订制度9项。"],
    ],
)
def test_items_under_a_part_on_how_duty_was_done_are_no_problems(items: list[str]) -> None:
    text = "\n".join(
        [
            "关于巡察整改进展情况的通报",
            "2025年6月12日，县委第三巡察组向中心党组反馈了巡察意见。",
            "（一）党组书记履行第一责任人职责情况",
            *items,
        ]
    )
    assert rectpipe.parse_text(text).iter_problems() == []


def test_an_outline_heading_that_looks_at_shortfalls_is_no_problem() -> None:
    text = "\n".join(
        [
            "在巡察整改推进会上的讲话提纲",
            "一、统一思想认识，把巡察整改作为重中之重。",
            "二、坚持问题导向，全面检视整改工作的亮点与不足。",
            "三、突出攻坚重点，推动整改任务清仓见底。",
        ]
    )
    assert [p.title for p in rectpipe.parse_text(text).iter_problems()] == []


def test_a_notices_points_to_check_are_no_problems() -> None:
    text = "\n".join(
        [
            # (titled otherwise than as a notice that sets work, which is refused whole)
            "巡察整改“回头看”工作方案",
            "各二级单位：",
            "一、时间安排",
            "2025年10月13日至12月26日。",
            "二、主要内容",
            "本次“回头看”主要针对省委第六巡察组反馈的33个问题开展核查。重点检查：",
            "（一）整改任务完成情况",
            "各单位对照问题清单，逐项核对是否按照方案要求完成整改任务，是否存在整改不到位的情况。",
            "（二）长效机制建立情况",
            "检查整改中制定的制度是否落地执行。",
        ]
    )
    assert rectpipe.parse_text(text).iter_problems() == []


# ------------------------------------------------------------------ stated totals


def _stated(sentence: str) -> rectpipe.StatedTotals | None:
    return rectpipe.parse_text(f"关于督察整改进展情况的通报\n{sentence}\n{_LIST}").summary.stated


def test_a_share_after_a_status_is_no_count() -> None:
    stated = _stated("巡察指出问题23个。审计反馈的问题，目前两项整改均已完成70%以上。")
    assert stated is not None and stated.completed is None


def test_a_total_smaller_than_the_count_of_its_states_is_not_lent_to_it() -> None:
    stated = _stated(
        "截至5月底，第一轮督察发现的6120个水污染防治问题，已完成整改5987个，整改完成率97.8%。"
        "第二轮督察群众信访举报问题877个。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed) == (None, 5987)


def test_completed_or_basically_completed_is_one_count() -> None:
    stated = _stated("督察整改方案明确的412项整改任务，已完成或基本完成233项，其余正在推进。")
    assert stated is not None
    assert (stated.problems, stated.completed) == (412, 233)


def test_problems_counted_in_places() -> None:
    stated = _stated("发现的9处问题已完成整改7处，剩余2处正在整改中。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (9, 7, 2)


def test_tasks_between_a_count_and_its_status() -> None:
    stated = _stated("全省64项整改任务，已整改完成30项，有7项整改任务未按期完成。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.not_completed) == (64, 30, 7)


def test_a_total_of_the_subject_and_its_units_is_the_subjects() -> None:
    stated = _stated(
        "巡察回访期间，工作专班对该乡党委3大类12个方面19个问题及25个村级党组织181个问题的"
        "整改情况进行了全面检查。"
    )
    assert stated is not None and stated.problems == 19


@pytest.mark.parametrize(
    "heading", ["坚持问题导向，全面检视整改工作的差距与不足", "正视差距和不足，补齐短板和弱项"]
)
def test_shortfalls_joined_in_what_is_looked_at_are_no_finding(heading: str) -> None:
    text = "\n".join(
        [
            "关于巡察整改进展情况的通报",
            "一、整改工作开展情况",
            f"（一）{heading}",
            "学院党委召开专题会议研究部署。",
            "二、巡察反馈问题整改情况",
            "（一）实验室安全管理制度执行不严格。整改情况：已完成。",
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["实验室安全管理制度执行不严格"]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_finding_over_numbered_measures_closed_by_a_status_label_is_one_problem(
    form: str,
) -> None:
    text = "\n".join(
        [
            "中共某县林业局党组关于巡察整改进展情况的通报",
            "县委第一巡察组于2024年8月15日反馈了巡察意见。现将整改进展情况予以公布。",
            "一、巡察反馈问题整改情况",
            "1.生态护林员日常管理不到位",
            "（1）对全县护林员开展履职核查，清退不在岗人员3名。",
            "（2）推行巡护电子打卡，按月通报。",
            "整改状态：已完成",
            "2.林木采伐审批把关不严",
            "（1）对近三年采伐许可逐件复查。",
            "（2）修订采伐审批内部流程。",
            "整改状态：持续整改",
        ]
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value, len(p.measures)) for p in problems] == [
        ("生态护林员日常管理不到位", "completed", 2),
        ("林木采伐审批把关不严", "ongoing", 2),
    ]


def test_a_pledge_of_one_for_one_is_no_count() -> None:
    assert _stated("各部门坚持立行立改，做到解决一个问题、完善一套制度、堵塞一批漏洞。") is None


@pytest.mark.parametrize(
    "sentence",
    ["局党组建立整改台账，一个问题一个问题地抓落实。", "对交办事项一件一件过堂，逐项销号。"],
)
def test_one_by_one_is_no_count(sentence: str) -> None:
    assert _stated(sentence) is None


def test_a_count_beside_one_by_one_is_still_read() -> None:
    stated = _stated("巡察反馈问题18个，一个问题一个问题地抓整改。")
    assert stated is not None and stated.problems == 18


@pytest.mark.parametrize(
    "heading", ["二、巡察指出的问题", "二、巡察反馈的问题", "二、存在的主要问题"]
)
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_part_naming_the_findings_told_holds_its_bulleted_problems(
    heading: str, form: str
) -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、整改工作开展情况\n局党组召开专题会议部署整改。\n"
        f"{heading}\n"
        "● 党费收缴台账登记不全。已完成整改。补齐台账，逐月核对。\n"
        "● 公务用车派车单填写不规范。已完成整改。重新印发派车规定。\n"
        "● 食堂采购未执行比价程序。正在整改。修订采购办法。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("党费收缴台账登记不全", "completed"),
        ("公务用车派车单填写不规范", "completed"),
        ("食堂采购未执行比价程序", "in_progress"),
    ]


def test_a_heading_naming_one_finding_still_keeps_its_body() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、关于党费收缴不规范的问题\n"
        "● 已完成整改。补齐台账，逐月核对。\n● 修订党费管理办法。\n"
    )
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.title == "关于党费收缴不规范的问题"


def test_counts_of_tasks_beyond_the_problem_total_are_not_the_problems() -> None:
    stated = _stated(
        "巡察组共反馈问题3个大方面19个大项的问题，梳理分解整改任务80个，已完成整改75个，"
        "其余5个持续推进。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.ongoing) == (19, None, None)


def test_a_sentence_that_turns_to_petitions_stops_counting_problems() -> None:
    stated = _stated(
        "回头看反馈6项问题，完成整改5项、正在整改1项，交办的22件信访件，"
        "办结并通过验收20件、2件需长期持续整改。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress, stated.ongoing) == (
        6,
        5,
        1,
        None,
    )


@pytest.mark.parametrize(
    ("intro", "body"),
    [
        (
            "5月28日，省委、省政府第二生态环境保护督察组到我县回访。",
            "省委、省政府第二生态环境保护督察组",
        ),
        ("2024年4月8日至6月6日，市委巡察第15组对区卫健局进行了巡察。", "市委巡察第15组"),
    ],
)
def test_joint_and_arabic_numbered_bodies(intro: str, body: str) -> None:
    assert _report(intro).metadata.inspecting_body == body


def test_a_headline_over_two_lines_naming_both_parties_is_one_title() -> None:
    text = (
        "县委第四巡察组向县文旅局党组\n反馈常规巡察情况\n"
        "2025年3月11日，县委第四巡察组向县文旅局党组反馈常规巡察情况。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.title == "县委第四巡察组向县文旅局党组反馈常规巡察情况"
    assert meta.issuer is None


def test_a_title_with_the_pages_day_after_it() -> None:
    text = (
        "中共某区水务局党组关于巡察整改进展情况的通报 2025-11-03\n区委第三巡察组反馈了巡察意见。\n"
        + _LIST
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.date) == ("中共某区水务局党组关于巡察整改进展情况的通报", "2025-11-03")


def test_a_copy_cut_inside_a_date_is_truncated() -> None:
    text = (
        "中共某镇委员会关于巡察整改进展情况的通报\n"
        "县委第三巡察组向镇党委反馈巡察情况。现将巡察整改进展情况予以公布。\n"
        "一、提高政治站位\n（一）高度重视。2023年8月2"
    )
    assert "truncated" in [w.code for w in rectpipe.parse_text(text).warnings]


_ALL_DONE_HEAD = "关于巡察整改进展情况的通报\n一、加强组织领导\n"
_ALL_DONE_LIST = (
    "二、巡察反馈问题的整改情况\n"
    "1.关于政策宣传不到位的问题\n整改情况：一是编印政策明白纸。二是开展宣讲进社区活动。\n"
    "2.关于办事流程不规范的问题\n整改情况：一是梳理办事事项清单。二是公示办事指南。\n"
)


@pytest.mark.parametrize("said", ["截至目前，已全部完成整改。", "巡察反馈的2个问题均已整改到位。"])
def test_a_statement_that_all_are_done_gives_the_items_their_status(said: str) -> None:
    text = _ALL_DONE_HEAD + f"（一）强化跟踪问效。{said}\n{_ALL_DONE_LIST}"
    statuses = [p.status.value for p in rectpipe.parse_text(text).iter_problems()]
    assert statuses == ["completed", "completed"]


@pytest.mark.parametrize(
    "said",
    [
        "其中立行立改问题已全部完成整改。",  # some of them
        "确保反馈问题全部整改到位。",  # a plan
        "巡察反馈的5个问题均已整改到位。",  # a count that is not the problems found
    ],
)
def test_a_statement_about_some_or_a_plan_gives_no_status(said: str) -> None:
    text = _ALL_DONE_HEAD + f"（一）强化跟踪问效。{said}\n{_ALL_DONE_LIST}"
    statuses = [p.status.value for p in rectpipe.parse_text(text).iter_problems()]
    assert statuses == ["unknown", "unknown"]


@pytest.mark.parametrize("form", ["text", "word"])
def test_audit_items_naming_one_finding_are_problems_without_a_status(form: str) -> None:
    text = "\n".join(
        [
            "关于2023年度县本级预算执行审计查出问题整改情况的报告",
            "（一）部门预算执行审计查出问题的整改情况",
            "1.关于部分专项资金沉淀的问题。县财政局对结余资金进行了清理，收回统筹使用200万元。",
            "2.关于往来款长期挂账的问题。县农业农村局逐笔核对往来款项，清理挂账资金50万元。",
            "3.关于超范围列支会议费的问题。县文旅局已追回资金3万元，该问题已整改。",
        ]
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.status.value) for p in problems] == [
        ("1", "unknown"),
        ("2", "unknown"),
        ("3", "completed"),
    ]


@pytest.mark.parametrize(
    ("said", "status"),
    [
        ("县财政局已整改到位。", "completed"),
        ("县卫健局正在整改。", "in_progress"),
        ("县国资中心持续整改。", "ongoing"),
    ],
)
def test_a_status_whose_subject_is_the_unit(said: str, status: str) -> None:
    text = (
        "关于审计查出问题整改情况的报告\n（一）部门预算执行审计查出问题的整改情况\n"
        f"1.关于非税收入未及时缴库的问题。有关单位已将资金缴入国库。{said}\n"
        "2.关于会议费超标准的问题。该问题已整改。\n"
    )
    assert rectpipe.parse_text(text).iter_problems()[0].status.value == status


@pytest.mark.parametrize("sender", ["", "中共柏川县委巡察工作领导小组办公室"])
def test_a_notice_that_sets_work_to_do_is_no_report(sender: str) -> None:
    text = "\n".join(
        [
            f"{sender}关于开展巡察整改“回头看”评估工作的通知",
            "各单位：",
            "一、主要内容",
            "（一）整改措施落实情况",
            "各单位对照反馈问题逐项检查整改措施是否落实。",
            "（二）整改成效巩固情况",
            "检查已完成整改的问题是否出现反弹。",
        ]
    )
    with pytest.raises(rectpipe.StructureNotFoundError, match="sets work to do"):
        rectpipe.parse_text(text)


@pytest.mark.parametrize(
    "tail",
    [
        "附件：\n整改前后对比照片.docx",  # an attachment's file name
        "本站部分内容转自网络，如有侵权请联系我们删除",  # a repost site's notice
        "该问题已按期办结。 |",  # a page's separator after the last words
    ],
)
def test_a_whole_text_with_a_page_tail_is_not_truncated(tail: str) -> None:
    text = (
        "关于市容整治问题整改情况的通报\n区城管局对市容整治问题开展复查，现将有关情况通报如下。\n"
        f"一、关于占道经营反复出现的问题\n整改情况：已完成。\n{tail}\n"
    )
    assert "truncated" not in [w.code for w in rectpipe.parse_text(text).warnings]


def test_yes_and_no_under_a_column_asking_whether_done() -> None:
    html = (
        "<html><body><p>某镇党委关于巡察反馈问题整改台账的公示</p><table>"
        "<tr><th>序号</th><th>问题</th><th>整改措施</th><th>是否完成</th></tr>"
        "<tr><td>1</td><td>村级财务报账不及时</td><td>建立月度报账制度</td><td>是</td></tr>"
        "<tr><td>2</td><td>饮水工程维护不到位</td><td>落实专人巡检</td><td>否</td></tr>"
        "</table></body></html>"
    )
    report = rectpipe.parse_bytes(html.encode(), format="html")
    assert [p.status.value for p in report.iter_problems()] == ["completed", "not_completed"]


def test_a_ministrys_group_and_a_plans_month_after_the_feedback_word() -> None:
    intro = "根据教育部第三巡视组的反馈意见，学校党委于2024年9月制定整改方案。"
    meta = _report(intro).metadata
    assert meta.inspecting_body == "教育部第三巡视组"
    assert meta.feedback_date is None


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        ("审计工作报告反映的315个的问题中，已整改287个，整改率91.1%。", 315),
        ("省级环保督察反馈的57个生态环境问题，已完成整改49个，完成率86.0%。", 57),
    ],
)
def test_a_total_with_a_word_before_problems(sentence: str, total: int) -> None:
    stated = _stated(sentence)
    assert stated is not None and stated.problems == total


def test_the_feedback_told_in_the_first_parts_lead_when_the_intro_has_none() -> None:
    text = (
        "某区2023年度本级预算执行审计查出问题整改情况的报告\n"
        "来源:某区审计局 发布时间:2025-05-20\n区人大常委会：\n"
        "一、审计整改工作部署落实情况\n"
        "2024年10月15日，区人大常委会会议审议了《2023年度本级预算执行审计工作报告》。\n"
        "（一）关于非税收入未及时缴库的问题。该问题已整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.feedback_date == "2024-10-15"


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年8月28日，受县人民政府委托，县审计局向县人大常委会报告了2023年度县级预算执行"
        "和其他财政收支的审计工作报告。",
        "2024年8月28日，县审计局受县人民政府委托，向县十八届人大常委会第二十次会议报告了"
        "2023年度县级预算执行和其他财政收支的审计工作情况。",
        "2024年8月28日，县审计局向县人大常委会会议作了《关于2023年度县级预算执行和其他财政"
        "收支的审计工作报告》。",
    ],
)
def test_the_audit_office_reporting_to_the_congress_dates_the_feedback(sentence: str) -> None:
    text = (
        "青禾县审计局关于2023年度审计工作报告反映问题整改情况的公告\n"
        "（二〇二四年十二月二十日公告）\n" + sentence + "\n"
        "一、审计工作报告反映问题的整改情况\n"
        "1.部分非税收入未及时缴入国库。该问题已完成整改。\n"
        "2.个别单位固定资产账实不符。该问题已完成整改。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.feedback_date, meta.date) == ("2024-08-28", "2024-12-20")


def test_a_headline_under_an_images_file_name_and_no_round_as_issuer() -> None:
    text = (
        "微信截图_20250101120000.jpg\n第十九轮省委巡视整改进展情况全部公布\n"
        "2024-06-10 08:00:00  来源：某某日报\n"
        "本报讯 6月9日，某农学院等5个单位公布了巡视整改进展情况。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.issuer) == ("第十九轮省委巡视整改进展情况全部公布", None)


def test_a_measure_that_names_what_it_mends_stays_a_measure() -> None:
    text = "\n".join(
        [
            "关于巡视整改进展情况的通报",
            "二、巡视反馈问题整改落实情况",
            "1.主责主业聚焦不够，部分非主业投资项目回报偏低。",
            "（1）制定主业投资负面清单，严控非主业投资规模。",
            "（2）对4个非主业投资项目开展后评价，对其中1个低效项目启动退出程序。",
            "整改状态：正在推进",
            "2.部分子公司应收账款清收不力。",
            "（1）成立应收账款清收专班。",
            "（2）将清收成效纳入子公司考核。",
            "整改状态：已完成",
        ]
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.number, p.status.value, len(p.measures)) for p in problems] == [
        ("1", "in_progress", 2),
        ("2", "completed", 2),
    ]


def _finding_over_two(first: str) -> str:
    return "\n".join(
        [
            "关于巡视整改进展情况的通报",
            "二、巡视反馈问题整改落实情况",
            "1.部分子公司应收账款清收不力。",
            f"（1）{first}",
            "（2）将清收成效纳入子公司考核。",
            "整改状态：已完成",
        ]
    )


@pytest.mark.parametrize(
    "first", ["约谈清收不力的子公司负责人。", "责令逾期未清收的子公司限期整改。"]
)
def test_a_measure_that_names_the_shortfall_it_answers_stays_a_measure(first: str) -> None:
    problems = rectpipe.parse_text(_finding_over_two(first)).iter_problems()
    assert [(p.number, len(p.measures), p.status.value) for p in problems] == [
        ("1", 2, "completed")
    ]


def test_the_measure_openers_are_the_profiles(tmp_path: Path) -> None:
    text = _finding_over_two("挂牌督办清收不力的子公司。")
    user = tmp_path / "profile.yaml"
    user.write_text("findings:\n  measure_openers: [挂牌督办]\n", "utf-8")
    told = rectpipe.parse_text(text, profile=rectpipe.load_profile(user)).iter_problems()
    assert [(p.title, len(p.measures)) for p in told] == [("部分子公司应收账款清收不力", 2)]


def test_a_bulletins_title_with_its_day_is_the_headline() -> None:
    text = (
        "第三督导组工作简报（2023年5月16日）\n今天上午，区容貌整治第三督导组对滨河路开展专项督导。\n"
        "截至督导结束时，发现的9处问题已完成整改7处，剩余2处正在整改中。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.date) == ("第三督导组工作简报（2023年5月16日）", "2023-05-16")


@pytest.mark.parametrize("form", ["text", "word"])
def test_plain_numbers_under_decimal_items_are_their_measures(form: str) -> None:
    text = "\n".join(
        [
            "中共某县农业农村局党组关于巡察整改进展情况的通报",
            "一、巡察反馈问题整改情况",
            "1.1 农机购置补贴审核把关不严",
            "整改措施",
            "  1. 对近三年补贴申报材料逐户复核，追回多发补贴。",
            "  2. 修订补贴审核细则，实行两级把关。",
            "整改状态：已完成",
            "1.2 高标准农田项目验收滞后",
            "整改措施",
            "  1. 组织第三方对项目开展竣工验收。",
            "  2. 建立项目验收月调度制度。",
            "整改状态：持续整改",
        ]
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.status.value, len(p.measures)) for p in problems] == [
        ("1.1", "completed", 2),
        ("1.2", "ongoing", 2),
    ]


def test_decimal_items_under_a_plain_number_keep_the_ladder() -> None:
    text = "\n".join(
        [
            "关于巡察整改进展情况的通报",
            "一、巡察反馈问题整改情况",
            "1.落实主体责任方面",
            "1.1 理论学习不够深入。整改情况：已完成。",
            "1.2 谈心谈话制度落实不到位。整改情况：已完成。",
            "2.作风建设方面",
            "2.1 公务接待管理不规范。整改情况：正在整改。",
        ]
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.number for p in problems] == ["1.1", "1.2", "2.1"]


def test_a_table_copied_with_its_cells_set_apart_by_gaps() -> None:
    text = "\n".join(
        [
            "某镇党委关于巡察反馈问题整改台账的公示",
            "序号  问题  整改措施  责任单位  整改时限  整改进展",
            "1  村级财务报账不及时  建立月度报账制度  镇财政所  2024年8月  已完成",
            "2  农村饮水工程维护不到位  落实专人巡检  镇水利站  长期坚持  持续整改",
        ]
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.title, p.status.value, p.responsible) for p in problems] == [
        ("村级财务报账不及时", "completed", "镇财政所"),
        ("农村饮水工程维护不到位", "ongoing", "镇水利站"),
    ]


def test_a_paragraph_with_wide_gaps_and_no_header_stays_text() -> None:
    text = "关于巡察整改进展情况的通报\n县委第二巡察组  反馈了  巡察意见。\n" + _LIST
    assert [p.title for p in rectpipe.parse_text(text).iter_problems()] == [
        "落实社会救助政策不到位"
    ]


def test_one_problem_over_two_measure_rows_is_done_when_both_are() -> None:
    html = (
        "<html><body><p>某镇党委关于巡察反馈问题整改台账的公示</p><table>"
        "<tr><th>序号</th><th>问题</th><th>整改措施</th><th>责任单位</th><th>整改进展</th></tr>"
        '<tr><td rowspan="2">1</td><td rowspan="2">村级财务报账不及时</td>'
        "<td>建立月度报账制度</td><td>镇财政所</td><td>已完成</td></tr>"
        "<tr><td>开展账目清查</td><td>镇纪委</td><td>正在推进</td></tr>"
        "<tr><td>2</td><td>饮水工程维护不到位</td><td>落实专人巡检</td><td>镇水利站</td>"
        "<td>已完成</td></tr>"
        "</table></body></html>"
    )
    report = rectpipe.parse_bytes(html.encode(), format="html")
    assert [p.status.value for p in report.iter_problems()] == ["in_progress", "completed"]


# ------------------------------------------------------------------ a fifth probe: page furniture

_MENU_PAGE = (
    "首页 新闻中心 通知公告 专题专栏 巡察工作 廉政教育\n柳川廉政网\n"
    "首  页 新闻中心 通知公告 专题专栏 巡察工作 廉政教育\n"
    "柳川县水利局巡察整改工作取得阶段性成效\n"
    "2024-08-21 09:00 | 来源：柳川廉政网\n"
    "2024年3月5日至4月18日，县委第二巡察组对县水利局党组开展了巡察。\n" + _LIST
)


def test_a_site_menu_is_no_title_and_keeps_its_items_apart() -> None:
    report = rectpipe.parse_text(_MENU_PAGE)
    assert report.metadata.title == "柳川县水利局巡察整改工作取得阶段性成效"
    assert "首页 新闻中心 通知公告 专题专栏 巡察工作 廉政教育" in report.text


def test_a_line_of_short_words_without_a_home_item_is_kept_whole() -> None:
    from rectpipe.text.furniture import is_menu

    assert not is_menu("张三 李四 王五 赵六")  # four names: no 首页, fewer than eight
    assert is_menu("首  页 新闻中心 通知公告 巡察工作")
    assert not is_menu("中共柳川县委员会 关于巡察整改进展情况的通报")


def test_an_annex_caption_after_the_text_is_no_title_and_no_cut() -> None:
    text = (
        "截至2024年9月2日，省第二督察组转来的第八批群众信访举报件15件已全部办结，"
        "按照有关规定予以公开。\n"
        "附件：省生态环境保护督察群众信访举报件办理情况一览表\n"
    )
    report = rectpipe.parse_text(text)
    assert report.metadata.title is None
    assert "truncated" not in [w.code for w in report.warnings]


# ------------------------------------------------------------------ a fifth probe: statuses


@pytest.mark.parametrize("form", ["text", "word"])
@pytest.mark.parametrize("joint", ["：", "，"])
def test_a_status_after_the_findings_colon_or_comma_is_no_part_of_its_title(
    joint: str, form: str
) -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改落实情况\n"
        f"1.党费收缴台账登记不全{joint}已完成整改。补齐台账，逐月核对。\n"
        f"2.公务用车派车单填写不规范{joint}已完成整改。重新印发派车规定。\n"
        f"3.食堂采购比价程序执行不严{joint}正在推进。修订采购办法。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("党费收缴台账登记不全", "completed"),
        ("公务用车派车单填写不规范", "completed"),
        ("食堂采购比价程序执行不严", "in_progress"),
    ]


def test_what_follows_a_colon_is_a_status_only_when_it_is_one_whole() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改落实情况\n"
        "1.党费收缴：台账登记不全。整改情况：已完成。\n"
        "2.公务用车管理：派车制度落实不到位。整改情况：正在整改。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "in_progress"]
    assert problems[0].title.startswith("党费收缴：台账登记不全")


def test_a_finding_of_two_clauses_keeps_both_before_its_status() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改落实情况\n"
        "1.社区议事规则执行不严，部分重大事项未经集体讨论：已完成整改。修订议事规则。\n"
        "2.部分村集体资产未登记，已出租的门面未签合同。整改情况：正在整改。\n"
        "3.网格员队伍管理松散，考勤记录缺失，正在推进。制定考勤办法。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("社区议事规则执行不严，部分重大事项未经集体讨论", "completed"),
        ("部分村集体资产未登记，已出租的门面未签合同", "in_progress"),
        ("网格员队伍管理松散，考勤记录缺失", "in_progress"),
    ]


def test_a_status_sentence_closing_a_one_sentence_item_is_its_status() -> None:
    # An item told in one sentence: the finding, what was done, and a status clause that
    # opens as status sentences do (目前, 现, 该问题) after the last comma.
    text = (
        "关于巡视整改进展情况的通报\n一、关于乡村振兴政策落实不到位方面\n"
        "（一）针对易地搬迁项目建设不规范的问题，逐一整改8个项目，目前已整改到位。\n"
        "（二）针对村级班子软弱涣散的问题，调整村党组织书记12名，现已完成整改。\n"
        "（三）针对党员教育管理不严的问题，开展党员轮训，该问题正在整改中。\n"
        "（四）针对集体资产台账不全的问题，清查资产，截至目前已完成整改。\n"
        "（五）针对现场管理混乱的问题，现场已整改3处。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("针对易地搬迁项目建设不规范的问题，逐一整改8个项目", "completed"),
        ("针对村级班子软弱涣散的问题，调整村党组织书记12名", "completed"),
        ("针对党员教育管理不严的问题，开展党员轮训", "in_progress"),
        ("针对集体资产台账不全的问题，清查资产", "completed"),
        # 现场 is no 现 before a status, and 已整改3处 counts work, it states no status
        ("针对现场管理混乱的问题，现场已整改3处", "unknown"),
    ]
    assert problems[0].status_raw == "目前已整改到位"


def test_a_status_clause_inside_a_one_sentence_item_is_its_status() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "（一）部分村集体资产未登记，已完成整改，并建立了长效管理机制。\n"
        "（二）公务用车管理不规范，已于2024年5月完成整改。\n"
        "（三）干部档案管理不规范，正在整改，预计2024年底完成。\n"
        "（四）财务报销审核不严，已整改到位，追回资金2.3万元。\n"
        # the finding's own clauses state no status: 已整改问题… names problems
        "（五）巡视整改不彻底，已整改问题出现反弹。\n"
        "（六）计划于2025年底前完成的项目推进缓慢，部分项目尚未开工。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [(p.status.value, p.status_raw) for p in problems] == [
        ("completed", "已完成整改"),
        ("completed", "已于2024年5月完成整改"),
        ("in_progress", "正在整改"),
        ("completed", "已整改到位"),
        ("unknown", None),
        ("unknown", None),
    ]
    # the title stays the item's first sentence
    assert problems[0].title == "部分村集体资产未登记，已完成整改，并建立了长效管理机制"


@pytest.mark.parametrize(
    "finding",
    [
        "上轮巡察整改不彻底，部分问题尚未完成整改",
        "对上轮巡察反馈问题整改不重视，正在整改的问题进展缓慢",
        "整改台账管理不规范，已整改事项未及时销号",
    ],
)
def test_a_finding_about_rectification_states_no_status_of_its_own(finding: str) -> None:
    text = f"关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n（一）{finding}。\n"
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert (problem.status.value, problem.title) == ("unknown", finding)


# ------------------------------------------------------------------ a sixth probe: statuses


@pytest.mark.parametrize(
    "value", ["未整改到位", "未办结", "未销号", "未落实到位", "没有完成", "未能按期完成"]
)
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_word_of_completion_after_a_negation_is_not_done(value: str, form: str) -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        f"1.农机补贴资金审核把关不严。\n整改进展：{value}，已追回部分资金。\n"
        "2.固定资产账实不符。\n整改进展：已完成。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [p.status.value for p in problems] == ["not_completed", "completed"]


def test_a_negation_far_from_the_word_of_completion_does_not_turn_it() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.未及时报送统计数据。\n整改进展：已整改到位。\n"
    )
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.status is rectpipe.Status.COMPLETED


def test_a_stage_of_rectification_completed_is_partly_done() -> None:
    text = (
        "关于巡察整改进展情况的通报\n针对巡察指出的3项具体问题，目前已有2项完成阶段性整改，"
        "1项正在整改。\n一、巡察反馈问题整改情况\n"
        "1.供水工程招标程序不规范。\n整改进展：已完成阶段性整改。\n"
        "2.水费收缴台账不完整。\n整改进展：完成阶段性整改。\n"
        "3.党组会议记录不规范。\n整改进展：正在整改。\n"
    )
    report = rectpipe.parse_text(text)
    statuses = [p.status.value for p in report.iter_problems()]
    assert statuses == ["partially_completed", "partially_completed", "in_progress"]
    stated = report.summary.stated
    assert stated is not None and stated.partially_completed == 2 and stated.completed is None
    assert "totals_mismatch" not in [w.code for w in report.warnings]


# ------------------------------------------------------------------ a sixth probe: structure


@pytest.mark.parametrize("part", ["整改情况", "具体问题整改情况"])
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_parts_one_labelled_finding_is_its_problem(part: str, form: str) -> None:
    text = (
        "柳岸镇关于河道保洁专项审计问题整改情况的报告\n"
        "根据县审计局专项审计调查报告，现将整改情况报告如下：\n"
        "一、提高认识\n镇党委召开专题会议研究整改工作。\n"
        f"二、{part}\n问题描述：沿河垃圾收集点未按期建成。\n整改情况：已完成整改。\n"
        "整改措施：1、落实建设资金；2、加快施工进度。\n"
        "三、下步打算\n镇里将持续加强河道日常巡查。\n"
    )
    [problem] = _parse(text, form).iter_problems()
    assert problem.title == "沿河垃圾收集点未按期建成"
    assert problem.status is rectpipe.Status.COMPLETED
    assert [item.title for item in problem.path] == [part]


def test_a_lone_finding_label_nothing_answers_stays_text() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、整改工作开展情况\n"
        "存在问题：部分干部思想认识不到位。\n局党组召开专题会议研究部署。\n"
        "二、巡察反馈问题整改情况\n（一）党费收缴台账登记不全。整改情况：已完成。\n"
    )
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.title == "党费收缴台账登记不全"


def test_the_first_parts_lead_names_the_issuer_when_nothing_above_does() -> None:
    text = (
        "根据县委统一部署，2024年3月1日至4月10日，县委第一巡察组对我局党组进行了巡察。"
        "现将巡察整改进展情况予以公布。\n"
        "一、提高政治站位，压实整改责任\n"
        "柏溪县水务局党组严格落实县委巡察整改要求，成立整改工作领导小组。\n"
        "二、巡察反馈问题整改情况\n1.供水工程招标程序不规范。\n整改进展：已完成。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer == "柏溪县水务局党组"


def test_a_news_headline_with_an_exclamation_inside_is_the_title() -> None:
    text = (
        "欢迎访问柏溪县人民医院网站! 加入收藏 联系我们\n"
        "处罚31人！柏溪县林业局通报巡察整改进展\n发布时间:2023-06-24\n"
        "2022年11月9日，县委第五巡察组向县林业局党组反馈了巡察意见。现将整改进展情况予以公布。\n"
        "一、巡察反馈问题整改情况\n1.林地占用审批把关不严。\n整改进展：已完成。\n"
    )
    assert rectpipe.parse_text(text).metadata.title == "处罚31人！柏溪县林业局通报巡察整改进展"


@pytest.mark.parametrize(
    "clause",
    ["未整改到位2个", "不能按期完成2个", "2个未按时完成整改", "没能完成2个", "2个问题尚未完成"],
)
def test_counts_of_problems_not_done_are_read_as_such(clause: str) -> None:
    stated = _stated(f"审计指出问题4个，已整改到位2个，{clause}。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.not_completed) == (4, 2, 2)


@pytest.mark.parametrize("value", ["不能按期完成", "没能按时完成", "未能全部完成"])
def test_a_problems_status_and_the_stated_counts_read_one_negation_alike(value: str) -> None:
    text = (
        "关于巡察整改进展情况的通报\n"
        f"巡察反馈问题2个，已完成整改1个，1个问题{value}。\n"
        f"一、巡察反馈问题整改情况\n1.农机补贴资金审核把关不严。\n整改进展：{value}。\n"
        "2.固定资产账实不符。\n整改进展：已完成。\n"
    )
    report = rectpipe.parse_text(text)
    assert [p.status.value for p in report.iter_problems()] == ["not_completed", "completed"]
    stated = report.summary.stated
    assert stated is not None and (stated.completed, stated.not_completed) == (1, 1)
    assert "totals_mismatch" not in [w.code for w in report.warnings]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_category_named_for_its_field_holds_its_one_labelled_finding(form: str) -> None:
    text = (
        "关于审计发现问题整改情况的报告\n一、审计发现问题整改情况\n"
        "（一）关于财务管理方面的问题\n问题描述：部分公务接待未附接待清单。\n整改情况：已整改到位。\n"
        "（二）关于项目管理方面的问题\n问题描述：水毁修复工程未按期验收。\n整改情况：未整改到位。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("部分公务接待未附接待清单", "completed"),
        ("水毁修复工程未按期验收", "not_completed"),
    ]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_list_of_defects_keeps_the_ones_without_a_word_of_shortfall(form: str) -> None:
    text = (
        "柏溪市创文办关于9月督查发现问题整改情况的通报\n"
        "9月5日至6日，市创文办督查组实地督查，发现以下问题，现将整改情况通报如下。\n"
        "1. 市图书馆\n（1）门口共享单车停放杂乱；\n（2）消防通道堆放杂物；\n"
        "（3）志愿服务活动记录缺失；\n（4）阅览室空调滤网积灰。\n"
        "2. 市体育中心\n（1）看台座椅破损；\n（2）公共卫生间无洗手液；\n（3）健身步道照明不足。\n"
    )
    titles = [p.title for p in _parse(text, form).iter_problems()]
    assert titles == [
        "门口共享单车停放杂乱",
        "消防通道堆放杂物",
        "志愿服务活动记录缺失",
        "阅览室空调滤网积灰",
        "看台座椅破损",
        "公共卫生间无洗手液",
        "健身步道照明不足",
    ]


# ------------------------------------------------------------------ a seventh probe


@pytest.mark.parametrize("form", ["text", "word"])
def test_one_findings_rectification_heading_is_a_problem_not_a_group(form: str) -> None:
    text = (
        "关于2024年度市本级预算执行审计查出问题整改情况的报告\n"
        "一、整改工作基本情况\n市政府多次召开会议研究部署审计整改。\n"
        "二、审计查出问题的整改情况\n"
        "（一）关于专项资金统筹使用不够充分问题的整改情况。一是收回结余资金150万元。"
        "二是修订专项资金管理办法。\n"
        "（二）关于政府采购管理不严格问题的整改情况。一是责令相关单位整改。\n"
        "三、下一步工作安排\n继续督促整改。\n"
    )
    titles = [p.title for p in _parse(text, form).iter_problems()]
    assert titles == [
        "关于专项资金统筹使用不够充分问题的整改情况",
        "关于政府采购管理不严格问题的整改情况",
    ]


def test_a_short_subject_is_named_by_the_introductions_full_name() -> None:
    text = (
        "根据县委统一部署，2024年5月6日至6月28日，县委第三巡察组对县住房和城乡建设局党组"
        "开展了巡察。现将巡察整改进展情况予以公布。\n"
        "一、整改工作组织情况\n局党组坚持把巡察整改作为重要政治任务，逐项明确责任。\n"
        "二、反馈问题整改情况\n1.保障性住房分配审核把关不严。\n整改情况：已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer == "县住房和城乡建设局党组"


def test_what_is_left_is_no_total() -> None:
    stated = _stated(
        "巡察反馈意见指出3个方面3个问题。目前，已整改完成3个问题，尚有0项问题未启动整改。"
    )
    assert stated is not None and (stated.problems, stated.completed) == (3, 3)


def test_problems_being_rectified_in_order_are_in_progress() -> None:
    stated = _stated("检查发现的40项问题已整改31项，9项问题正在有序整改。")
    assert stated is not None and (stated.problems, stated.in_progress) == (40, 9)


def test_a_special_group_named_for_its_subject_is_read_whole() -> None:
    intro = (
        "2024年3月4日至4月19日，市委深化“放管服”改革、优化营商环境专项巡察组"
        "对市商务局进行了专项巡察。"
    )
    assert _report(intro).metadata.inspecting_body == "市委深化“放管服”改革、优化营商环境专项巡察组"


def test_a_document_number_after_its_label_in_an_info_box() -> None:
    text = (
        "索 引 号 0143X/2025-00031 发布机构 县水务局 公开日期 2025-02-18\n"
        "文  号 柏水党[2025]7号 分  类 综合政务\n"
        "中共柏溪县水务局党组关于巡察整改进展情况的报告\n" + _LIST
    )
    assert rectpipe.parse_text(text).metadata.document_number == "柏水党[2025]7号"


def test_a_title_written_only_as_the_breadcrumbs_last_step() -> None:
    text = (
        "首页 > 中共柏溪县住房和城乡建设局党组关于巡察整改进展情况的通报\n来源：县纪委监委\n"
        "发布时间：2025-03-12\n2024年8月2日，县委第三巡察组反馈了巡察意见。现将整改进展情况予以公布。\n"
        + _LIST
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.title == "中共柏溪县住房和城乡建设局党组关于巡察整改进展情况的通报"
    assert meta.issuer == "中共柏溪县住房和城乡建设局党组"


@pytest.mark.parametrize("form", ["text", "word"])
def test_the_issuer_named_under_the_first_parts_first_item(form: str) -> None:
    text = (
        "根据县委统一部署，2024年4月8日至5月24日，县委第二巡察组对县林业局开展了巡察。"
        "现将巡察整改进展情况予以公布：\n"
        "一、加强组织领导，扛起整改责任\n"
        "（一）深化认识，压实责任。柏溪县林业局党组坚持把巡察整改作为重要政治任务。\n"
        "（二）建章立制，巩固成果。制定完善制度9项。\n"
        "二、反馈问题整改情况\n1.护林员日常巡护考核流于形式。\n整改情况：已完成整改。\n"
    )
    assert _parse(text, form).metadata.issuer == "柏溪县林业局党组"


def test_a_short_name_the_text_defines_is_the_name_it_defines() -> None:
    text = (
        "2024年3月5日至5月10日，中央第九巡视组对柏溪部党组（以下简称部党组）开展了常规巡视。"
        "现将巡视整改进展情况予以公布。\n"
        "一、党组履行巡视整改主体责任情况\n部党组坚持把巡视整改作为重大政治任务。\n"
        "二、巡视反馈问题整改情况\n1.行业标准修订滞后。\n整改情况：已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer == "柏溪部党组"


def test_two_states_joined_by_he_in_one_clause_are_both_counted() -> None:
    stated = _stated("截至目前，12个问题中，已完成7个问题的整改和3个问题的部分整改工作。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.partially_completed) == (12, 7, 3)


def test_a_count_of_problems_to_rectify_is_a_total() -> None:
    stated = _stated("截至目前，16个需整改问题，已全部完成6个问题的整改和2个问题的部分整改工作。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.partially_completed) == (16, 6, 2)


def test_what_a_check_of_the_work_found_is_no_total() -> None:
    stated = _stated(
        "公司纪委通过现场督查等方式督促整改，现场督查2次，发现问题4个，提出整改建议4条。"
    )
    assert stated is None


@pytest.mark.parametrize(
    ("opening", "issuer"),
    [
        ("（一）柏溪市防灾减灾局党委高度重视，成立整改工作领导小组。", "柏溪市防灾减灾局党委"),
        ("柏溪市市政设施局党组以巡察整改为契机，成立整改工作领导小组。", "柏溪市市政设施局党组"),
        ("区残联将巡察指出的问题细化为8项整改任务。", "区残联"),
    ],
)
def test_the_subject_that_names_the_issuer(opening: str, issuer: str) -> None:
    text = (
        "根据区委统一部署，2024年5月6日至6月28日，区委第二巡察组进行了巡察。"
        "现将巡察整改情况予以公布。\n"
        f"一、整改工作组织情况\n{opening}\n"
        "二、反馈问题整改情况\n1.值班值守制度执行不严。\n整改情况：已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer == issuer


def test_a_page_copied_as_one_line_gives_its_title_without_column_or_date() -> None:
    text = (
        "信息公开中共柏溪县林草局党组关于巡察整改进展情况的通报发布时间2024年5月9日 "
        "来源：柏溪县林草局 阅读321次\n"
        "根据县委统一部署，县委第三巡察组对县林草局党组开展了巡察，并于2023年12月6日反馈了巡察意见。\n"
        + _LIST
    )
    meta = rectpipe.parse_text(text).metadata
    assert meta.title == "中共柏溪县林草局党组关于巡察整改进展情况的通报"
    assert meta.issuer == "中共柏溪县林草局党组"


# ------------------------------------------------------------------ outline numbering (2.1.1)

_OUTLINE = (
    "柏溪县交通投资集团党委关于巡察整改进展情况的通报\n"
    "2024年4月8日至5月20日，县委第二巡察组对集团党委开展了常规巡察。现将整改进展情况通报如下。\n"
    "{top1}整改工作总体情况\n集团党委召开专题会议研究部署整改工作。\n"
    "{top2}巡察反馈问题整改落实情况\n"
    "2.1 党的领导弱化方面\n"
    "2.1.1 学习贯彻上级决策部署不深入。\n整改情况：已完成。修订理论学习中心组学习制度。\n"
    "2.1.2 “三重一大”决策制度执行不严格。\n整改情况：正在整改。\n"
    "2.2 全面从严治党不力方面\n"
    "2.2.1 廉政风险排查不全面。\n整改情况：已完成。\n"
    "2.2.2 公务用车管理不规范。\n整改情况：已完成。\n"
    "{top3}下一步工作打算\n集团党委将持续巩固整改成果。\n"
)
_OUTLINE_READ = [
    ("2.1.1", "学习贯彻上级决策部署不深入", "completed", "党的领导弱化方面"),
    ("2.1.2", "“三重一大”决策制度执行不严格", "in_progress", "党的领导弱化方面"),
    ("2.2.1", "廉政风险排查不全面", "completed", "全面从严治党不力方面"),
    ("2.2.2", "公务用车管理不规范", "completed", "全面从严治党不力方面"),
]


@pytest.mark.parametrize(
    ("tops", "form"),
    [
        (("一、", "二、", "三、"), "text"),
        (("一、", "二、", "三、"), "word"),
        (("1.", "2.", "3."), "text"),
        (("1.", "2.", "3."), "outline"),
    ],
)
def test_an_outlines_three_deep_numbers_are_its_findings(
    tops: tuple[str, str, str], form: str
) -> None:
    text = _OUTLINE.format(top1=tops[0], top2=tops[1], top3=tops[2])
    if form == "outline":  # numbered by Word's multi-level list: 2.1.2“三重… with no blank
        report = rectpipe.parse_bytes(word_outline(text), name="report.docx")
    else:
        report = _parse(text, form)
    read = [(p.number, p.title, p.status.value, p.path[-1].title) for p in report.iter_problems()]
    assert read == _OUTLINE_READ


# ------------------------------------------------------------------ a tenth probe: notices


_LINES_NOTICE = (
    "关于柳岸县生态环境保护督察反馈问题整改任务（序号{n}）整改情况的公示\n"
    "{lead}\n"
    "整改任务：柳岸镇部分屠宰点废水未经处理直排沟渠。\n"
    "整改目标：屠宰废水全部实现达标排放。\n"
    "整改完成情况：\n1、关停无证屠宰点3家。\n2、建成集中污水处理设施1座。\n"
    "特此公示。\n柳岸县农业农村局\n2025年4月8日\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "根据督察整改销号工作要求，现对该问题整改完成情况进行公示。",
        "现将该问题整改完成情况予以公示，公示期满无异议的，予以销号。",
        "按照验收销号有关规定，现予公示。",
    ],
)
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_notice_that_signs_its_finding_off_says_it_is_done(lead: str, form: str) -> None:
    [problem] = _parse(_LINES_NOTICE.format(n="三", lead=lead), form).iter_problems()
    assert problem.title == "柳岸镇部分屠宰点废水未经处理直排沟渠"
    assert (problem.number, problem.status) == ("3", rectpipe.Status.COMPLETED)
    assert problem.status_raw is not None and problem.status_raw in lead


def test_a_notice_that_does_not_sign_off_leaves_the_status_unread() -> None:
    lead = "现将该问题整改进展情况予以公示，暂不销号。"
    [problem] = rectpipe.parse_text(_LINES_NOTICE.format(n="3", lead=lead)).iter_problems()
    assert problem.status is rectpipe.Status.UNKNOWN


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_notice_that_names_its_one_finding_in_quotes(form: str) -> None:
    text = (
        "按照《柳岸县生态环境保护督察反馈问题验收销号工作办法》要求，现将2024年县生态环境保护"
        "督察反馈问题第12项关于“柳岸镇污水处理厂进水浓度偏低，管网雨污混接问题”整改任务落实"
        "情况进行公示（详见附表）。公示期间接受社会各界监督。\n柳岸县住房和城乡建设局\n"
        "2025年3月3日\n"
    )
    [problem] = _parse(text, form).iter_problems()
    assert problem.title == "柳岸镇污水处理厂进水浓度偏低，管网雨污混接问题"
    assert (problem.number, problem.status) == ("12", rectpipe.Status.COMPLETED)


def test_a_news_item_quoting_a_finding_yields_no_notice_problem() -> None:
    text = (
        "柳岸镇推进巡察整改见实效\n近日，柳岸镇针对“村级财务管理不规范”问题开展专项整治，"
        "规范报账流程。\n"
    )
    assert rectpipe.parse_text(text).iter_problems() == []


# ------------------------------------------------------------------ a tenth probe: metadata


@pytest.mark.parametrize("adverb", ["下一步", "今后", "同时，"])
def test_an_adverb_before_the_subject_is_no_part_of_the_issuer(adverb: str) -> None:
    text = (
        "2025年5月至6月，校党委第二巡察组对柳岸学院党委开展了巡察。7月10日，巡察组反馈了"
        "巡察意见。\n"
        f"柳岸学院党委书记表示，对反馈的问题照单全收，{adverb}学院党委将把巡察整改作为重大政治任务。\n"
        # (a report's list: a news story's subject names no issuer)
        "一、巡察反馈问题整改情况\n1.理论学习不深入。已完成整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.issuer == "柳岸学院党委"


@pytest.mark.parametrize(
    "example", ["如对柳岸镇等3个乡镇巡察发现的共性问题6项通报整改。", "如柳岸镇巡察发现问题6个。"]
)
def test_a_sentence_that_opens_as_an_example_states_no_total(example: str) -> None:
    assert _stated("县委巡察办坚持边巡边改，对共性问题督促举一反三。" + example) is None


def test_a_sentence_opening_with_on_schedule_still_states_its_counts() -> None:
    stated = _stated("巡察反馈问题12个，如期完成整改10个。")
    assert stated is not None and (stated.problems, stated.completed) == (12, 10)


# ------------------------------------------------------------------ an eleventh probe: totals


@pytest.mark.parametrize(
    "sentence",
    [
        "县委按照“一个问题、一个方案、一名牵头领导、一抓到底”的要求逐条研究整改措施。",
        "县委将抓好整改作为当前一项必须完成的重要政治任务。",
        "全县86所学校（含教学点21个）已完成自查整改。",
    ],
)
def test_a_slogan_a_task_taken_as_one_or_a_part_in_brackets_states_no_count(
    sentence: str,
) -> None:
    assert _stated(sentence) is None


def test_counts_in_brackets_after_the_total_are_still_read() -> None:
    stated = _stated("巡察反馈问题12个（其中已完成10个，正在整改2个）。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (12, 10, 2)


# ------------------------------------------------------------------ an eleventh probe: statuses


_CLOSED_FOR_ALL = (
    "柳岸镇卫生院关于巡察反馈问题整改情况的报告\n县委第三巡察组反馈指出我院存在以下问题：\n"
    "1、药房库存管理不规范；\n2、财务报销审核不严格；\n3、值班制度落实不到位。\n"
    "{closing}\n柳岸镇卫生院\n2024年6月3日\n"
)


@pytest.mark.parametrize(
    ("closing", "status"),
    [
        ("目前上述问题均已整改完成。", "completed"),
        ("以上3个问题已全部整改到位。", "completed"),
        ("目前，以上问题正在整改中。", "in_progress"),
    ],
)
@pytest.mark.parametrize("form", ["text", "word"])
def test_a_sentence_about_all_the_problems_above_gives_each_its_status(
    closing: str, status: str, form: str
) -> None:
    problems = _parse(_CLOSED_FOR_ALL.format(closing=closing), form).iter_problems()
    assert [p.status.value for p in problems] == [status] * 3
    assert {p.status_raw for p in problems} == {problems[-1].status_raw}


def test_a_closing_sentence_about_the_last_problem_alone_stays_its_own() -> None:
    problems = rectpipe.parse_text(
        _CLOSED_FOR_ALL.format(closing="该问题已整改完成。")
    ).iter_problems()
    assert [p.status.value for p in problems] == ["unknown", "unknown", "completed"]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_flat_list_of_defects_keeps_the_items_worded_without_a_negation(form: str) -> None:
    text = (
        "柳岸镇卫生院关于巡察反馈问题整改情况的报告\n县委第三巡察组反馈指出我院存在以下问题：\n"
        "1、药房库存管理不规范；\n2、候诊区座椅少，通风条件差；\n3、院内指示标牌褪色；\n"
        "4、值班制度落实不到位。\n针对上述问题，我院逐项制定措施，认真整改。\n"
        "柳岸镇卫生院\n2024年6月3日\n"
    )
    titles = [p.title for p in _parse(text, form).iter_problems()]
    assert titles == [
        "药房库存管理不规范",
        "候诊区座椅少，通风条件差",
        "院内指示标牌褪色",
        "值班制度落实不到位",
    ]


def test_a_flat_list_of_steps_stays_out() -> None:
    text = (
        "关于巡察整改工作的情况报告\n"
        "1、加强组织领导；\n2、召开专题会议；\n3、制定整改方案。\n柳岸镇卫生院\n2024年6月3日\n"
    )
    assert rectpipe.parse_text(text).iter_problems() == []


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_sign_off_notice_listing_two_findings_gives_two_problems(form: str) -> None:
    text = (
        "突出生态环境问题整改验收销号公示\n"
        "柳岸县2024年自排查突出生态环境问题已整改完成，并通过核查验收。现公示如下：\n"
        "一、整改问题\n（一）柳岸镇物流园两侧建筑垃圾露天堆放，未采取覆盖措施。\n"
        "（二）青石河入河排污口未设置标识，污水直排。\n二、整改实施主体\n柳岸县人民政府\n"
        "三、重点措施\n（一）清运建筑垃圾并全部覆盖。\n（二）封堵排污口并设置标识牌。\n"
        "四、整改完成情况\n经核查，已完成整改。\n2024年10月8日\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.title, p.status.value) for p in problems] == [
        ("1", "柳岸镇物流园两侧建筑垃圾露天堆放，未采取覆盖措施", "completed"),
        ("2", "青石河入河排污口未设置标识，污水直排", "completed"),
    ]
    assert [[m.text for m in p.measures] for p in problems] == [
        ["清运建筑垃圾并全部覆盖。"],
        ["封堵排污口并设置标识牌。"],
    ]
    assert {p.responsible for p in problems} == {"柳岸县人民政府"}


def test_a_batch_of_complaints_handed_over_counts_the_problems() -> None:
    stated = _stated(
        "截至6月5日，督察组转办我县的第十二批48件环境信访举报问题中，经查属实45件，"
        "不属实3件；30件已办结，18件正在办理中。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (48, 30, 18)


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # with no problems counted, the tasks stand for them
        ("对县委巡察组反馈的五个方面16项整改任务已全部整改到位。", (16, 16)),
        ("巡察反馈问题12个，分解整改任务30项已全部整改到位。", (12, None)),
    ],
)
def test_tasks_all_done_are_counted_as_the_tasks_they_are(
    sentence: str, values: tuple[int | None, int | None]
) -> None:
    stated = _stated(sentence)
    assert stated is not None and (stated.problems, stated.completed) == values


_TWO_LISTS = (
    "柳岸镇中心小学关于办学条件检查问题整改报告\n经自查，我校存在以下问题：\n"
    "1、图书室藏书不足，生均册数未达标；\n2、围墙部分破损，存在安全隐患；\n3、多媒体设备维修不及时。\n"
    "{announce}\n"
    "1、已采购图书2000册，已整改完成；\n2、围墙修缮工程正在施工，预计6月底完成；\n"
    "3、已完成设备维修12台，整改到位。\n柳岸镇中心小学\n2023年5月20日\n"
)


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_second_list_of_accounts_gives_each_finding_its_status(form: str) -> None:
    text = _TWO_LISTS.format(announce="现将整改情况报告如下：")
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.title, p.status.value) for p in problems] == [
        ("1", "图书室藏书不足，生均册数未达标", "completed"),
        ("2", "围墙部分破损，存在安全隐患", "in_progress"),
        ("3", "多媒体设备维修不及时", "completed"),
    ]
    assert problems[0].actions == "已采购图书2000册，已整改完成"


def test_a_second_list_that_is_not_announced_as_accounts_is_left_as_read() -> None:
    text = _TWO_LISTS.format(announce="另外，我校还存在以下问题：")
    assert len(rectpipe.parse_text(text).iter_problems()) == 6


# ------------------------------------------------------------------ an eleventh probe: metadata


def test_a_signer_and_a_date_in_figures_on_the_last_line_sign_the_report() -> None:
    text = (
        "柳岸镇中心小学关于食堂卫生检查问题整改报告 县教育局于2023年5月8日检查发现我校食堂"
        "存在以下问题： 1、留样记录不完整； 2、从业人员健康证未及时更新。 针对以上问题，现将整改"
        "情况报告如下：已补全留样记录，上述问题已全部整改完成。 柳岸镇中心小学 2023.05.20"
    )
    report = rectpipe.parse_text(text)
    assert (report.metadata.issuer, report.metadata.date) == ("柳岸镇中心小学", "2023-05-20")
    assert "truncated" not in [w.code for w in report.warnings]


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_first_finding_label_glued_to_its_groups_outline_heading(form: str) -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "2.1组织设置类问题1：党支部设置不规范。\n整改情况：已完成。\n"
        "问题2：党员教育管理不严格。\n整改情况：正在整改。\n"
        "2.2作风建设类问题1：公务接待超标准。\n整改情况：已完成。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value, p.path[-1].title) for p in problems] == [
        ("党支部设置不规范", "completed", "组织设置类"),
        ("党员教育管理不严格", "in_progress", "组织设置类"),
        ("公务接待超标准", "completed", "作风建设类"),
    ]


# ------------------------------------------------------------------ a twelfth probe


def test_a_photos_file_name_is_no_item() -> None:
    text = (
        "县委第二巡察组向县法院党组反馈巡察情况\n发布时间:2024-09-12\n"
        "2024年9月10日，县委第二巡察组向县法院党组反馈了巡察意见。\n20240912101530.jpg\n"
        "2024年4月8日至5月10日，县委第二巡察组对县法院党组进行了政治巡察。\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.period_start, meta.period_end) == ("2024-04-08", "2024-05-10")


@pytest.mark.parametrize(
    "footer",
    [
        "原文链接:http://www.example.cn/doc/2023/08/15/1234.shtml",
        "技术支持单位:县大数据中心 联系电话:0000-1234567",
    ],
)
def test_a_pages_source_link_or_makers_line_is_no_cut_text(footer: str) -> None:
    text = (
        "柳岸县完成督察交办信访件整改\n发布时间:2023-08-15\n"
        f"截至目前，交办柳岸县的6件信访案件已全部办结，整改情况已向社会公开。\n{footer}\n"
    )
    report = rectpipe.parse_text(text)
    assert "truncated" not in [w.code for w in report.warnings]
    stated = report.summary.stated
    assert stated is not None and (stated.problems, stated.completed) == (6, 6)


@pytest.mark.parametrize("form", ["text", "word"])
def test_an_organising_parts_items_are_no_problems_when_none_reads_as_a_finding(
    form: str,
) -> None:
    text = (
        "中共柳岸县水利局党组关于县委巡察整改进展情况的通报\n"
        "一、坚持以习近平新时代中国特色社会主义思想为指导，切实扛起巡察整改政治责任\n"
        "（一）从讲政治高度抓整改。党组一致认为，巡察反馈意见精准指出了党组履职尽责上的差距。\n"
        "（二）着眼全局抓整改。党组把整改与水利重点工作一体推进。\n"
    )
    assert _parse(text, form).iter_problems() == []


def test_problems_found_anew_on_a_check_are_no_part_of_the_total() -> None:
    stated = _stated("需整改问题240个，已整改完成221个，未整改到位19个，新发现安全隐患问题3个。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.not_completed) == (240, 221, 19)


def test_states_of_the_complaints_found_true_count_those_only() -> None:
    stated = _stated(
        "督察组进驻期间，共向柳岸县交办群众信访举报问题320件。截至目前，核查属实280件，"
        "不属实40件；核查属实的问题中已完成整改266件，未完成整改14件，整改完成率95%。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.not_completed) == (280, 266, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        "巡察反馈问题240个，已整改完成221个，未整改到位36个。",
        "巡察反馈问题20个，整改完成率达120%。",
    ],
)
def test_stated_totals_that_cannot_hold_are_warned_of(sentence: str) -> None:
    report = rectpipe.parse_text(f"关于督察整改进展情况的通报\n{sentence}\n{_LIST}")
    assert "totals_inconsistent" in [w.code for w in report.warnings]


def test_stated_totals_that_hold_give_no_such_warning() -> None:
    report = rectpipe.parse_text(
        f"关于督察整改进展情况的通报\n巡察反馈问题20个，已整改完成18个，正在整改2个。\n{_LIST}"
    )
    assert "totals_inconsistent" not in [w.code for w in report.warnings]


def test_the_share_of_all_that_the_done_make_is_the_completion_rate() -> None:
    stated = _stated("巡察反馈问题60个，已完成整改52个，占总数的86.7%。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.completion_rate) == (60, 52, 86.7)


def test_a_last_problems_own_account_about_its_points_stays_its_own() -> None:
    text = (
        "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n"
        "1.村务公开不及时。\n整改情况：已完成。\n2.集体资产台账不全。\n"
        "3.议事程序不规范，会议记录缺失。\n整改情况：上述问题已整改完成。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "unknown", "completed"]


# ------------------------------------------------------------------ a thirteenth probe


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_lone_item_under_a_part_titled_by_its_status_is_a_problem(form: str) -> None:
    text = (
        "柳岸镇关于巡察反馈问题整改进展情况的通报\n"
        "我镇共认领问题4个，已完成3个，正在整改1个。现将整改进展通报如下：\n"
        "一、已完成整改的问题\n1.会议记录不规范。\n2.村干部值班制度落实不到位。\n"
        "3.矛盾纠纷排查不彻底。\n二、正在整改的问题\n4.专项资金使用进度慢。\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.number, p.status.value) for p in problems] == [
        ("1", "completed"),
        ("2", "completed"),
        ("3", "completed"),
        ("4", "in_progress"),
    ]


def test_a_first_item_run_on_after_an_announcements_colon_is_cut_off_it() -> None:
    text = (
        "柳岸镇关于文明村镇测评反馈问题整改情况的报告\n县文明办：根据测评反馈意见，我镇存在三项问题"
        "需要整改，现将整改情况报告如下：（一）集镇主街乱停乱放。整改情况：已划定停车泊位，问题已整改。"
        "（二）农贸市场排水沟堵塞。整改情况：已疏通，问题已整改。（三）公益广告破损。整改情况：正在更换。"
    )
    report = rectpipe.parse_text(text)
    assert [p.title for p in report.iter_problems()] == [
        "集镇主街乱停乱放",
        "农贸市场排水沟堵塞",
        "公益广告破损",
    ]
    assert "truncated" not in [w.code for w in report.warnings]


@pytest.mark.parametrize("mark", ["——", "："])
@pytest.mark.parametrize("form", ["text", "word"])
def test_bullets_that_each_state_their_status_are_the_problems(mark: str, form: str) -> None:
    text = (
        "柳岸镇关于巡察反馈问题整改进展情况的通报\n"
        "根据县委巡察组反馈意见，我镇共认领问题3个，现将整改进展通报如下：\n"
        f"●会议记录不规范{mark}已完成\n●专项资金使用进度慢{mark}正在整改\n"
        f"●矛盾纠纷排查不彻底{mark}持续推进\n"
    )
    problems = _parse(text, form).iter_problems()
    assert [(p.title, p.status.value) for p in problems] == [
        ("会议记录不规范", "completed"),
        ("专项资金使用进度慢", "in_progress"),
        ("矛盾纠纷排查不彻底", "ongoing"),
    ]


def test_bullets_with_no_status_of_their_own_stay_text() -> None:
    text = (
        "柳岸镇推进巡察整改\n今年以来，我镇扎实推进巡察整改工作。\n"
        "●召开专题会议研究部署\n●建立整改台账逐项销号\n"
    )
    assert rectpipe.parse_text(text).iter_problems() == []


def test_a_status_set_off_by_a_wide_gap_closes_its_item() -> None:
    text = (
        "柳岸镇关于巡察反馈问题整改进展情况的通报\n"
        "根据县委巡察组反馈意见，我镇共认领问题3个，现将整改进展通报如下：\n"
        "1.会议记录不规范        已完成\n2.专项资金使用进度慢    正在整改\n"
        "3.矛盾纠纷排查不彻底\t持续推进\n"
    )
    report = rectpipe.parse_text(text)
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("会议记录不规范", "completed"),
        ("专项资金使用进度慢", "in_progress"),
        ("矛盾纠纷排查不彻底", "ongoing"),
    ]
    assert "truncated" not in [w.code for w in report.warnings]


def test_a_narrow_gap_before_a_word_stays_closed() -> None:
    text = "关于巡察整改进展情况的通报\n一、巡察反馈问题整改情况\n1.会议记录 已完成归档但不规范。\n"
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.title == "会议记录已完成归档但不规范"


@pytest.mark.parametrize(
    "clause", ["应于今年底前完成的有12项", "2025-2026年完成的有12项", "计划年内完成12项"]
)
def test_what_is_due_or_planned_is_no_count_of_the_done(clause: str) -> None:
    stated = _stated(f"整改方案明确的全部30项整改任务，{clause}。")
    assert stated is None or stated.completed is None


def test_what_was_done_by_a_date_is_still_counted() -> None:
    stated = _stated("巡察反馈问题12个，截至2024年底完成整改10个。")
    assert stated is not None and (stated.problems, stated.completed) == (12, 10)


@pytest.mark.parametrize(
    "line",
    [
        "本文格式为Word版，下载可任意编辑柳岸镇创建卫生城镇督查问题整改报告",
        "柳岸镇创建卫生城镇督查问题整改报告.docx",
    ],
)
def test_a_document_sharing_sites_banner_and_file_suffix_are_no_part_of_the_title(
    line: str,
) -> None:
    text = (
        f"{line}\n县创卫办：根据县创卫办督查通报，我镇存在两项问题需要整改，现将整改情况汇报如下：\n"
        "（一）农贸市场周边垃圾堆积。整改情况：已全部清理，该问题已整改完成。\n"
        "（二）公厕保洁不到位。整改情况：落实专人保洁，正在整改。\n"
    )
    assert rectpipe.parse_text(text).metadata.title == "柳岸镇创建卫生城镇督查问题整改报告"


def test_a_running_total_of_complaints_counts_the_problems() -> None:
    stated = _stated(
        "据统计，在转交的前五批信访举报件累计150件中，属实60件，部分属实70件，不属实20件。"
        "已办结80件，阶段性办结40件，正在办理30件，办结率53.3%。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (150, 80, 30)


@pytest.mark.parametrize(
    ("intro", "signed", "period", "feedback"),
    [
        # the document's own year
        (
            "根据县委统一部署，3月3日至4月30日，县委第一巡察组对县水利局党组开展了巡察，6月5日反馈了"
            "巡察意见。",
            "2025年9月16日",
            ("2025-03-03", "2025-04-30"),
            "2025-06-05",
        ),
        # 今年: the document's year
        (
            "今年3月11日至5月10日，县委第一巡察组对县水利局党组开展了巡察，并于6月13日反馈了巡察意见。",
            "2025年7月22日",
            ("2025-03-11", "2025-05-10"),
            "2025-06-13",
        ),
        # a year named before the period
        (
            "2024年县委第一轮巡察中，10月8日至11月30日，县委第一巡察组对县水利局党组开展了巡察。",
            "2025年3月16日",
            ("2024-10-08", "2024-11-30"),
            None,
        ),
        # a period after the document's day and month: the year before
        (
            "11月4日至12月20日，县委第一巡察组对县水利局党组开展了巡察，1月15日反馈了巡察意见。",
            "2025年4月10日",
            ("2024-11-04", "2024-12-20"),
            "2025-01-15",
        ),
    ],
)
def test_a_period_written_without_its_year(
    intro: str, signed: str, period: tuple[str, str], feedback: str | None
) -> None:
    text = (
        "中共柏川县水利局党组关于县委巡察整改进展情况的通报\n" + intro + "\n"
        "一、巡察反馈问题整改情况\n（一）河道采砂监管不到位。整改情况：已完成整改。\n"
        f"中共柏川县水利局党组\n{signed}\n"
    )
    meta = rectpipe.parse_text(text).metadata
    assert (meta.period_start, meta.period_end) == period
    assert meta.feedback_date == feedback
