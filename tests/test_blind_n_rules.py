"""Rules added for the shapes of blind batch n (docs/blind-n.md, docs/shapes.md §21)."""

from __future__ import annotations

from pathlib import Path

import rectpipe
from rectpipe.extract.status import StatusMatch, status_sentence
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile
from rectpipe.text.numbering import is_part_marker, marker_number, match_marker

_INTRO = (
    "根据区委统一部署，2025年1月6日至2月28日，区委第三巡察组对区林业局党组进行了巡察，"
    "并于2025年4月2日反馈了巡察意见。现将巡察整改情况公布如下：\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def _status(text: str) -> StatusMatch | None:
    found = status_sentence(text, default_profile())
    return None if found is None else found[2]


def test_a_closing_as_of_now_sentence_gives_the_clause_that_ends_in_a_status() -> None:
    # The remainder's clause ends in a status phrase; the deed before it and the plan after
    # it do not decide.
    assert _status(
        "成立结算专班。目前，已完成结算11个项目，剩余3个项目正在推进，计划2025年12月底前完成。"
    ) == StatusMatch(Status.IN_PROGRESS, False)
    assert _status("逐笔建立台账。目前，已收回欠款1260万元，清收工作需长期坚持。") == (
        StatusMatch(Status.ONGOING, True)
    )
    assert _status("截至2025年6月底，已清理账户4个，其余2个正在整改。") == StatusMatch(
        Status.IN_PROGRESS, False
    )
    # The rest of the work told last reads so without 目前 too (status.py, _REMAINDER_LAST;
    # this was None before the second round's central-outline batch read it as in progress).
    assert _status("成立结算专班。已完成结算11个项目，剩余3个项目正在推进。") == StatusMatch(
        Status.IN_PROGRESS, False
    )
    # A deed's clause without 目前 and without the rest told is still none.
    assert _status("成立结算专班。已完成结算11个项目，计划年底前完成。") is None
    # A clause that ends in a deed, or a plan, is no status.
    assert _status("目前，已完成结算11个项目，计划年底前完成。") is None


def test_a_cut_narrative_label_value_is_a_truncated_copy() -> None:
    head = (
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "（一）关于全面从严治党方面\n"
        "1、巡察反馈问题：执法案件办理不规范，个别案件超期结案。整改情况：建立时限预警机制。"
        "截至目前，该问题已整改完成。\n"
        "2、巡察反馈问题：基层林业站党建工作薄弱。\n"
    )
    cut = _parse(head + "整改情况：对全局12个基层站的党支部开展\n")
    assert "truncated" in [w.code for w in cut.warnings]
    # A short status value after a narrative label is whole.
    whole = _parse(head + "整改情况：正在整改\n")
    assert "truncated" not in [w.code for w in whole.warnings]


def test_parts_named_di_n_bufen_hold_their_own_ladder() -> None:
    marker = match_marker("第二部分　反馈问题整改落实情况")
    assert marker is not None and is_part_marker(marker) and marker.ordinal == 2
    assert (
        match_marker("第一部分资金已于2024年拨付到位，其余资金由县财政统筹安排，计划年内全部拨付。")
        is None
    )
    report = _parse(
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "第一部分　整改工作开展情况\n"
        "局党组召开专题会议部署整改。巡察反馈2个问题，已完成整改2个。\n"
        "一、强化组织领导。成立整改工作领导小组。\n"
        "第二部分　反馈问题整改落实情况\n"
        "一、全面从严治党方面\n"
        "（一）公务用车管理不规范，派车手续不全。\n整改情况：修订制度。已整改完成。\n"
        "（二）执法案件办理不规范，个别案件超期结案。\n整改情况：建立预警机制。已整改完成。\n"
        "第三部分　下一步工作打算\n局党组将持续巩固整改成果。\n"
    )
    problems = report.iter_problems()
    assert [p.title for p in problems] == [
        "公务用车管理不规范，派车手续不全",
        "执法案件办理不规范，个别案件超期结案",
    ]
    assert [item.title for item in problems[0].path] == ["反馈问题整改落实情况", "全面从严治党方面"]
    # 第一部分's own 一、 item is narrative, not a problem.
    assert "强化组织领导" not in [p.title for p in problems]


def test_decimal_numbers_are_items_under_their_whole_number() -> None:
    marker = match_marker("1.2 意识形态工作责任制落实不到位。")
    assert marker is not None and marker_number(marker) == "1.2"
    glued = match_marker("2.1统计执法检查覆盖面不足。")
    assert glued is not None and marker_number(glued) == "2.1"
    # A decimal before a unit or a counted word stays a number.
    for text in ("1.3亿元资金未拨付。", "2.5倍于上年。", "1.3处违规建设未拆除。"):
        found = match_marker(text)
        assert found is None or marker_number(found) != text[:3]
    report = _parse(
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "一、具体问题整改情况\n"
        "1.政治建设方面\n"
        "1.1 理论学习中心组学习计划执行不严。\n整改措施：按月调度。整改状态：已完成。\n"
        "1.2 意识形态工作责任制落实不到位。\n整改措施：修订审核办法。整改状态：正在整改。\n"
        "2.作风建设方面\n"
        "2.1 公务支出管理不严，差旅费报销单据不全。\n整改措施：清查凭证。整改状态：已完成。\n"
    )
    problems = report.iter_problems()
    assert [p.number for p in problems] == ["1.1", "1.2", "2.1"]
    assert [p.status.value for p in problems] == ["completed", "in_progress", "completed"]
    assert [item.title for item in problems[2].path] == ["具体问题整改情况", "作风建设方面"]


def test_yishi_findings_after_a_findings_label_are_the_problems() -> None:
    report = _parse(
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "一、整改工作开展情况\n"
        "一是加强组织领导。成立整改工作领导小组。\n二是细化整改措施。逐项制定措施。\n"
        "二、反馈问题整改情况\n"
        "（一）党建工作方面\n"
        "存在问题：一是党组会议事程序不规范，个别事项未经集体研究；二是支部书记培训不足。\n"
        "整改情况：修订议事规则，开展专题培训。目前，以上2个问题已整改完成。\n"
        "（二）林业资源管理方面\n"
        "存在问题：\n一是林地征占用审批把关不严。\n二是护林员考核流于形式。\n"
        "整改情况：复查审批项目，修订考核办法。第一个问题正在整改，第二个问题已整改完成。\n"
        "（三）作风建设方面\n"
        "整改措施：一是规范公务接待；二是清理办公用房。已整改完成。\n"
    )
    problems = report.iter_problems()
    assert [(p.number, p.title, p.status.value) for p in problems[:4]] == [
        ("1", "党组会议事程序不规范，个别事项未经集体研究", "completed"),
        ("2", "支部书记培训不足", "completed"),
        ("1", "林地征占用审批把关不严", "in_progress"),
        ("2", "护林员考核流于形式", "completed"),
    ]
    assert [item.title for item in problems[0].path] == ["反馈问题整改情况", "党建工作方面"]
    # 一是 items with no findings label (measures, organisational steps) are no problems.
    titles = [p.title for p in problems]
    assert "加强组织领导" not in titles and "规范公务接待" not in titles


def test_a_closing_clause_naming_items_by_ordinal_is_not_the_items_status() -> None:
    assert _status("报销手续不全。目前第一项、第二项问题已经整改完成。") is None


def test_numbered_items_under_the_rectification_of_one_finding_are_its_measures() -> None:
    report = _parse(
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "一、反馈问题整改落实情况\n"
        "（一）关于“林地管理不规范”问题的整改\n"
        "1.修订林地管理办法。\n2.对2021年以来项目开展专项检查，追回违规列支经费8.7万元。\n"
        "3.上线林地巡护系统。\n该问题已完成整改。\n"
        "（二）关于“护林员队伍建设不够有力”问题的整改\n"
        "1.组建护林员培训团队，开展培训12场。\n该问题已取得阶段性成效，需长期坚持。\n"
        "（三）关于“基层党组织建设薄弱”问题的整改\n"
        "（1）关于“个别支部组织生活不规范”的整改。修订支部工作细则。该问题已整改完成。\n"
        "（2）关于“党员教育管理不严”的整改。开展集中轮训。该问题已整改完成。\n"
    )
    problems = report.iter_problems()
    assert [(p.title, p.status.value, len(p.measures)) for p in problems] == [
        ("林地管理不规范", "completed", 3),
        ("护林员队伍建设不够有力", "partially_completed", 1),
        ("个别支部组织生活不规范", "completed", 0),
        ("党员教育管理不严", "completed", 0),
    ]


def test_findings_labels_come_from_the_profile(tmp_path: Path) -> None:
    """The labels that open a list of 一是 findings are the profile's ``findings_labels``: a
    user profile may add its own (突出问题：), and the default does not know that one."""
    text = (
        "中共鹤岭区林业局党组关于区委巡察整改情况的通报\n" + _INTRO + "一、反馈问题整改情况\n"
        "（一）党建工作方面\n"
        "突出问题：一是党组会议事程序不规范；二是支部书记培训不足。\n"
        "整改情况：修订议事规则，开展专题培训。目前，以上2个问题已整改完成。\n"
    )
    data = text.encode("utf-8")
    assert "突出问题" not in default_profile().findings_labels
    plain = rectpipe.parse_bytes(data, name="report.txt")
    assert [p.title for p in plain.iter_problems()] == ["党建工作方面"]
    path = tmp_path / "mine.yaml"
    path.write_text("findings_labels: [突出问题]\n", "utf-8")
    mine = rectpipe.parse_bytes(data, name="report.txt", profile=rectpipe.load_profile(path))
    assert [(p.title, p.status.value) for p in mine.iter_problems()] == [
        ("党组会议事程序不规范", "completed"),
        ("支部书记培训不足", "completed"),
    ]
