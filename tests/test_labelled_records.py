"""Findings laid out as labelled records with nothing numbered above them
(rectpipe.structure.unmarked._labelled_records): 反馈问题：… 整改措施：… 整改进展：… and again.
Each record is a problem on the rung of a numbered label (问题1：): its title the finding, its
status the progress line, its ids p1, p2… in order, its number None (none is written). Before,
such a text gave no problem at all: unmarked items were looked for only under a numbered part."""

from __future__ import annotations

import rectpipe

from .render_docx import word_paragraphs

_HEAD = [
    "中共柏川县委巡察工作领导小组办公室关于县农业农村局党组巡察整改进展情况的通报",
    "2024年4月8日至6月5日，县委第三巡察组对县农业农村局党组开展了常规巡察，"
    "7月3日反馈了巡察意见。现将整改进展情况通报如下。",
]
_TAIL = [
    "欢迎广大干部群众对整改落实情况进行监督。联系电话：0000-7654321。",
    "中共柏川县农业农村局党组",
    "2024年11月20日",
]
_RECORDS = [
    "反馈问题：高标准农田建设后期管护责任不明确，部分设施损坏未及时修复。",
    "整改措施：制定管护办法，明确乡镇和村级管护主体，组织修复损坏设施。",
    "整改进展：已完成。",
    "反馈问题：惠农补贴资金发放审核不严，个别对象重复申报。",
    "整改措施：开展补贴资金专项核查，追回重复发放资金，完善审核流程。",
    "整改进展：正在推进。",
    "反馈问题：执行公务接待制度不严格，接待清单填写不完整。",
    "整改措施：修订公务接待管理办法，逐笔核对近两年接待清单。",
    "整改进展：已完成。",
]
_TITLES = [
    "高标准农田建设后期管护责任不明确，部分设施损坏未及时修复",
    "惠农补贴资金发放审核不严，个别对象重复申报",
    "执行公务接待制度不严格，接待清单填写不完整",
]


def test_each_labelled_record_is_a_problem() -> None:
    report = rectpipe.parse_text("\n".join([*_HEAD, *_RECORDS, *_TAIL]))
    problems = list(report.iter_problems())
    assert [p.title for p in problems] == _TITLES
    assert [p.status.value for p in problems] == ["completed", "in_progress", "completed"]
    assert [p.id for p in problems] == ["p1", "p2", "p3"]
    assert all(p.number is None for p in problems)
    assert problems[1].actions.startswith("开展补贴资金专项核查")
    assert report.metadata.date == "2024-11-20"


def test_with_blank_lines_between_records_and_other_labels() -> None:
    relabelled = [
        line.replace("反馈问题：", "问题：").replace("整改进展：", "整改完成情况：")
        for line in _RECORDS
    ]
    report = rectpipe.parse_text("\n\n".join([*_HEAD, *relabelled, *_TAIL]))
    assert [p.title for p in report.iter_problems()] == _TITLES


def test_the_numbered_measures_under_a_record_are_its_own() -> None:
    records = [
        _RECORDS[0],
        "整改措施：",
        "1．制定高标准农田管护办法。",
        "2．组织修复损坏的灌排设施。",
        "整改进展：已完成。",
        *_RECORDS[3:],
    ]
    problems = list(rectpipe.parse_text("\n".join([*_HEAD, *records, *_TAIL])).iter_problems())
    assert [p.title for p in problems] == _TITLES
    assert len(problems[0].measures) == 2


def test_a_finding_label_no_account_answers_is_no_record() -> None:
    """Two findings labelled in the introduction, answered by nothing: paragraphs, not records
    (the numbered problems below are the report's)."""
    text = "\n".join(
        [
            _HEAD[0],
            "存在问题：主体责任落实不够到位。",
            "存在问题：整改台账更新不及时。",
            "一、关于党建工作方面",
            "（一）组织生活不规范。整改情况：已完成。",
            "（二）党费收缴不及时。整改情况：正在整改。",
            *_TAIL,
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["组织生活不规范", "党费收缴不及时"]


def test_one_labelled_finding_is_no_list_of_records() -> None:
    """A single finding with its account is a one-finding notice (extract/notice), never a
    record list of one."""
    text = "\n".join([*_HEAD, *_RECORDS[:3], *_TAIL])
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.title == _TITLES[0]
    assert problem.id == "p1"


def test_labelled_records_in_a_word_file() -> None:
    """The same records as a government-style Word file (仿宋 body, 黑体 title)."""
    report = rectpipe.parse_bytes(
        word_paragraphs("\n".join([*_HEAD, *_RECORDS, *_TAIL])), name="records.docx"
    )
    assert [p.title for p in report.iter_problems()] == _TITLES


def test_a_heading_stating_a_finding_with_one_label_under_it_is_the_problem() -> None:
    """（一）部分项目资金拨付滞后 / 问题描述：… / 整改情况：…: the label describes the heading's
    finding (structure/tree._fold_lone_labels). Before, each label line was read as an
    unnumbered problem under its heading, which lost its number and its title."""
    text = "\n".join(
        [
            "柏川县审计局关于审计发现问题整改情况的公告",
            "现将县农业农村局2023年度预算执行审计发现问题的整改情况公告如下。",
            "（一）部分项目资金拨付滞后",
            "问题描述：3个项目资金拨付滞后，影响项目实施进度。",
            "整改情况：建立资金拨付台账，已整改。",
            "（二）政府采购程序不规范",
            "问题描述：个别项目未按规定公开招标。",
            "整改情况：修订采购管理制度，已整改。",
            "柏川县审计局",
            "2024年9月20日",
        ]
    )
    problems = list(rectpipe.parse_text(text).iter_problems())
    assert [(p.number, p.title) for p in problems] == [
        ("1", "部分项目资金拨付滞后"),
        ("2", "政府采购程序不规范"),
    ]
    assert [p.status.value for p in problems] == ["completed", "completed"]


def test_groups_holding_one_labelled_finding_each_keep_it_as_their_item() -> None:
    """（一）党的建设方面 / 问题：…: a group's heading, its labelled finding is the problem."""
    text = "\n".join(
        [
            *_HEAD,
            "一、党的建设方面",
            *_RECORDS[:3],
            "二、全面从严治党方面",
            *_RECORDS[3:6],
            *_TAIL,
        ]
    )
    problems = list(rectpipe.parse_text(text).iter_problems())
    assert [p.title for p in problems] == _TITLES[:2]
    assert [p.path[0].title for p in problems] == ["党的建设方面", "全面从严治党方面"]


def test_records_opened_by_one_bullet_are_problems_too() -> None:
    """★ before each finding, answered by 整改情况：…, no heading above."""
    records = [
        line.replace("反馈问题：", "★") for line in _RECORDS if not line.startswith("整改措施")
    ]
    problems = list(rectpipe.parse_text("\n".join([*_HEAD, *records, *_TAIL])).iter_problems())
    assert [p.title for p in problems] == _TITLES
    assert [p.status.value for p in problems] == ["completed", "in_progress", "completed"]


def test_bullets_not_answered_by_an_account_are_no_records() -> None:
    """A bulleted list in the lead (★ points of the work), no 整改情况 after them."""
    text = "\n".join(
        [
            _HEAD[0],
            "★成立整改工作领导小组。",
            "★制定整改方案，明确责任分工。",
            "一、关于党建工作方面",
            "（一）组织生活不规范。整改情况：已完成。",
            "（二）党费收缴不及时。整改情况：正在整改。",
            *_TAIL,
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["组织生活不规范", "党费收缴不及时"]


def test_a_heading_naming_one_finding_as_its_problem_folds_its_label_too() -> None:
    """（一）关于资金拨付滞后的问题 names one finding (…的问题), not a group: its one 问题描述
    line is its description, as under a heading that states the finding."""
    text = "\n".join(
        [
            "柏川县审计局关于审计发现问题整改情况的公告",
            "（一）关于项目资金拨付滞后的问题",
            "问题描述：3个项目资金拨付滞后，影响项目实施进度。",
            "整改情况：建立资金拨付台账，已整改。",
            "（二）关于政府采购程序不规范的问题",
            "问题描述：个别项目未按规定公开招标。",
            "整改情况：修订采购管理制度，已整改。",
            "柏川县审计局",
            "2024年9月20日",
        ]
    )
    problems = list(rectpipe.parse_text(text).iter_problems())
    assert [p.number for p in problems] == ["1", "2"]
