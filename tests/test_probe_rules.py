"""Rules from a probe of published reports against the readers' output (docs/shapes.md §30):
texts written for the test in the shapes that were misread."""

from __future__ import annotations

import pytest

import rectpipe

_LEAD = "{intro}\n一、巡察反馈问题整改情况\n（一）落实社会救助政策不到位。整改情况：已完成。\n"


@pytest.mark.parametrize(
    ("intro", "body"),
    [
        # a verb or a preposition written straight before the body's name
        ("5月，完成核实省委第二巡视组移交的问题线索12件。", "省委第二巡视组"),
        ("自中央第三生态环境保护督察组进驻以来，我县立行立改。", "中央第三生态环境保护督察组"),
        # names that hold those characters keep them
        ("2024年3月，广西壮族自治区党委第一巡视组对我县开展巡视。", "广西壮族自治区党委第一巡视组"),
    ],
)
def test_the_inspecting_body_does_not_take_the_word_before_it(intro: str, body: str) -> None:
    report = rectpipe.parse_text("关于巡视整改进展情况的通报\n" + _LEAD.format(intro=intro))
    assert report.metadata.inspecting_body == body


def test_the_feedback_date_is_the_handing_over_not_a_meeting_on_it() -> None:
    intro = (
        "2024年3月1日至4月20日，县委第二巡察组对县民政局党组进行了巡察。"
        "5月8日，县委书记专题会听取巡察情况汇报，对巡察反馈和整改落实工作提出具体要求。"
        "5月14日，县委第二巡察组向县民政局党组反馈巡察情况。"
    )
    report = rectpipe.parse_text("关于巡察整改进展情况的通报\n" + _LEAD.format(intro=intro))
    assert report.metadata.feedback_date == "2024-05-14"


@pytest.mark.parametrize("heading", ["弥补短板弱项，健全长效机制", "堵塞管理漏洞，巩固整改成果"])
def test_an_organising_heading_that_names_what_it_remedies_is_no_problem(heading: str) -> None:
    text = "\n".join(
        [
            "中共某县民政局党组关于巡察整改进展情况的通报",
            "一、整改工作开展情况",
            "（一）提高政治站位。局党组召开专题会议研究部署。",
            f"（二）{heading}。对于已经完成整改的事项，持续巩固整改成果。",
            "二、巡察反馈问题整改情况",
            "（一）落实社会救助政策不到位。整改情况：已完成。",
            "（二）资金管理不规范。整改情况：正在整改。",
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["落实社会救助政策不到位", "资金管理不规范"]


def _stated(sentence: str) -> rectpipe.StatedTotals | None:
    """The stated totals of a report whose introduction holds ``sentence``."""
    list_ = "一、整改情况\n（一）落实河长制不到位。整改情况：已完成。\n"
    return rectpipe.parse_text(f"关于整改进展情况的通报\n{sentence}\n{list_}").summary.stated


def test_the_rest_pressed_ahead_counts_as_in_progress() -> None:
    stated = _stated("全省40项整改任务已完成15项，其余25项正加快推进。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (40, 15, 25)


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        # the excepted count has its own state, the rest the state said of them
        ("30个问题，除5个尚在继续整改外，其余均已整改到位。", (30, 25, 5)),
        ("反馈问题12个，除2个正在推进外，其余已全部完成整改。", (12, 10, 2)),
    ],
)
def test_the_count_excepted_from_the_rest_is_counted_apart(
    sentence: str, counts: tuple[int, int, int]
) -> None:
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles.profile import default_profile

    found = read_counts(sentence, default_profile()).values
    assert (found["problems"], found["completed"], found["in_progress"]) == counts


def test_work_nodes_done_are_no_problems_done() -> None:
    """150个工作节点完成120个: steps of the work, not problems; nothing is counted."""
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles.profile import default_profile

    sentence = "全部8个专项整改工作安排的150个工作节点完成120个。"
    assert "completed" not in read_counts(sentence, default_profile()).values


def test_a_feedback_told_before_the_period_is_read_when_it_falls_after_it() -> None:
    intro = (
        "2025年3月12日，县委第二巡察组向县民政局党组反馈巡察情况。"
        "2024年12月2日至12月27日，县委第二巡察组对县民政局党组开展了巡察。"
    )
    report = rectpipe.parse_text("关于巡察整改进展情况的通报\n" + _LEAD.format(intro=intro))
    assert report.metadata.feedback_date == "2025-03-12"
    assert report.metadata.period_start == "2024-12-02"


def test_a_rate_of_another_population_after_the_totals_is_not_theirs() -> None:
    stated = _stated(
        "全市36项整改任务已完成14项，其余22项正加快推进；督察期间转办的860个群众信访举报问题，"
        "已办结812个，办结率94.4%。"
    )
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (36, 14, 22)
    assert stated.completion_rate is None


def test_a_rate_after_the_counts_of_the_same_problems_is_kept() -> None:
    stated = _stated("巡察反馈问题20个。截至6月底，已完成整改15个，正在整改5个，整改完成率75%。")
    assert stated is not None
    assert (stated.problems, stated.completed, stated.completion_rate) == (20, 15, 75.0)


@pytest.mark.parametrize(
    "speaker", ["某县审计局局长 李明远", "市审计局副局长　张  丽", "省审计厅厅长"]
)
def test_a_speaker_line_over_a_work_report_is_no_title(speaker: str) -> None:
    text = "\n".join(
        [
            speaker,
            "主任、各位副主任、各位委员：",
            "我受县人民政府委托，报告审计查出问题的整改情况，请予审议。",
            "一、审计查出问题整改情况",
            "（一）部分专项资金拨付不及时。整改情况：已完成。",
        ]
    )
    assert rectpipe.parse_text(text).metadata.title is None


def test_a_headline_of_a_meeting_of_office_heads_is_kept() -> None:
    text = (
        "县审计局召开审计整改工作推进会\n近日，县审计局召开会议。\n"
        "一、整改情况\n（一）资金拨付不及时。已完成。\n"
    )
    assert rectpipe.parse_text(text).metadata.title == "县审计局召开审计整改工作推进会"


def test_an_audit_work_reports_project_headings_are_no_problems() -> None:
    text = "\n".join(
        [
            "主任、各位副主任、各位委员：",
            "我受县人民政府委托，向县人大常委会报告本年度县本级预算执行审计情况和上年审计查出问题的整改情况。",
            "一、财政管理审计情况",
            "（一）县本级预算执行及决算草案审计",
            "审计抽查了县财政局等6个单位。审计结果表明，县本级预算执行情况总体较好。",
            "（二）乡镇财政收支审计情况",
            "审计了3个镇。审计结果表明，各镇财政收支总体规范。",
        ]
    )
    assert list(rectpipe.parse_text(text).iter_problems()) == []


@pytest.mark.parametrize(
    ("intro", "body"),
    [
        (
            "2025年4月9日，第二巡察组第一巡察小组向外国语学院党委反馈巡察情况。",
            "第二巡察组第一巡察小组",
        ),
        (
            "2025年4月9日，校党委第三巡察组第二小组向外国语学院党委反馈巡察情况。",
            "校党委第三巡察组第二小组",
        ),
    ],
)
def test_a_group_named_alone_or_with_its_subgroup_is_the_inspecting_body(
    intro: str, body: str
) -> None:
    report = rectpipe.parse_text("关于巡察整改进展情况的通报\n" + _LEAD.format(intro=intro))
    assert report.metadata.inspecting_body == body
    assert report.metadata.feedback_date == "2025-04-09"


def test_counts_in_a_sentence_of_examples_are_one_units_not_the_reports() -> None:
    sentence = (
        "各责任单位认真整改，部分单位立审立改，有些单位健全制度抓整改，"
        "青禾镇建立整改台账，对上年经济责任审计提出的17个问题进行持续整改，已收回资金120万元。"
    )
    assert _stated(sentence) is None


def test_a_count_before_the_turn_to_examples_is_the_reports() -> None:
    stated = _stated("审计查出问题24个，已完成整改20个，部分单位整改进度偏慢。")
    assert stated is not None
    assert (stated.problems, stated.completed) == (24, 20)
