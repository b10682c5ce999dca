"""Two readings of 督察 and 督导 notices: the complaints a group handed over, counted before
their count (转办信访件46件), are no total beside the report's count of tasks; a bare 状态：
label tells a finding's status (extract/totals.py, profiles/default.yaml)."""

from __future__ import annotations

import rectpipe


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def test_complaints_named_before_their_count_are_no_total_beside_the_tasks() -> None:
    report = _parse(
        "青禾县关于省生态环境保护督察反馈意见整改进展情况的报告\n"
        "2024年4月12日至5月12日，省第三生态环境保护督察组对青禾县开展督察。督察进驻期间共向"
        "我县转办群众信访件46件，已全部办结。2024年7月19日，督察组反馈督察意见，涉及我县整改"
        "任务2项。截至2024年12月底，已完成2项。\n"
        "一、具体问题整改进展情况\n"
        "1.污水管网混接错接。\n整改进展：已完成。\n"
        "2.养殖粪污直排。\n整改进展：已完成。\n"
        "青禾县督察整改办\n2025年1月6日\n"
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed) == (2, 2)
    assert report.summary.consistent is True


def test_complaints_alone_are_the_notice_s_total() -> None:
    """Nothing else counted: the complaints are what the notice reports on."""
    report = _parse(
        "关于省第三生态环境保护督察组转办信访件办理情况的公示\n"
        "2024年9月5日，省第三生态环境保护督察组向我县转办群众信访件6件。截至9月11日，已办结4件，"
        "阶段性办结2件。\n"
        "一、办理情况\n"
        "1.某砂石厂扬尘污染。已办结。\n2.某养殖场异味扰民。已办结。\n"
        "3.某餐馆油烟扰民。已办结。\n4.某工地夜间施工噪声。已办结。\n"
        "5.某河道垃圾堆放。阶段性办结。\n6.某企业废水外排。阶段性办结。\n"
        "青禾县督察整改办\n2024年9月12日\n"
    )
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.partially_completed) == (6, 4, 2)


def test_a_bare_state_label_tells_the_status() -> None:
    report = _parse(
        "青禾县安委办关于督导反馈问题整改情况的通报\n"
        "一、问题整改情况\n"
        "1.燃气企业入户安检率不足。\n状态：已整改。督促企业完成入户安检。\n"
        "2.水库设施老化。\n状态：整改中。已完成除险加固设计。\n"
        "青禾县安委办\n2025年1月8日\n"
    )
    assert [(p.status.value, p.status_raw) for p in report.iter_problems()] == [
        ("completed", "已整改"),
        ("in_progress", "整改中"),
    ]


def test_measures_counted_before_their_word_are_no_totals_of_problems() -> None:
    """细化为40项整改措施，已完成36项，其余4项正在推进: the measures' counts; the problems broken
    into them (3个问题) are the total."""
    from rectpipe.extract.totals import read_counts
    from rectpipe.profiles.profile import default_profile

    profile = default_profile()
    said = "局党组将巡视反馈的3个问题细化为40项整改措施，截至目前已完成36项，其余4项正在推进。"
    assert read_counts(said, profile).values == {"problems": 3}
    assert read_counts("将6个问题细化为31项整改措施，明确责任领导。", profile).values == {
        "problems": 6
    }
    assert read_counts("细化为63项整改措施，已完成56项。", profile).values == {}
    # a count of problems stays one
    assert read_counts("反馈的5个问题，已完成整改3个。", profile).values == {
        "problems": 5,
        "completed": 3,
    }


def test_the_rest_of_the_work_told_last_gives_the_status() -> None:
    """…已退出参股企业6户，剩余3户正在推进。: in progress, as 目前，… would tell it."""
    from rectpipe.extract.status import status_sentence
    from rectpipe.profiles.profile import default_profile

    profile = default_profile()
    for text in (
        "集团制定退出方案，已退出6户，剩余3户正在推进。",
        "已盘活土地4宗，其余2宗正在推进。",
    ):
        found = status_sentence(text, profile)
        assert found is not None and found[2].status.value == "in_progress"
    assert status_sentence("制定盘活方案，其余工作另行安排。", profile) is None
