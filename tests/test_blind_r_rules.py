"""Rules added for the shapes of blind batch r (docs/blind-r.md, docs/shapes.md §17)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.status import group_status
from rectpipe.profiles import default_profile
from rectpipe.text.numbering import MarkerKind, match_marker

_INTRO = (
    "根据区委统一部署，2024年3月4日至4月30日，区委第一巡察组对区审计局党组开展了巡察，"
    "并于2024年6月3日反馈了巡察意见。现将巡察整改进展情况予以公布。\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def test_item_label_di_n_xiang_is_a_label_marker() -> None:
    marker = match_marker("第12项：河道采砂管理不规范。")
    assert marker is not None
    assert (marker.kind, marker.ordinal, marker.raw) == (MarkerKind.LABEL, 12, "第12项：")
    three = match_marker("第三项：垃圾收运体系不健全。")
    assert three is not None and three.ordinal == 3
    # Without its colon 第N项 is a word in a sentence, not a label.
    assert match_marker("第三项问题持续整改跟踪中。") is None


def test_status_group_title_with_its_count() -> None:
    profile = default_profile()
    done = group_status("已完成整改的问题（6个）", profile)
    assert done is not None and done.status.value == "completed"
    partly = group_status("基本完成整改的问题（共2项）", profile)
    assert partly is not None and partly.status.value == "partially_completed"
    # A theme with a count is still a theme.
    assert group_status("党的建设方面（3个）", profile) is None


def test_items_labelled_di_n_xiang_with_banli_qingkuang_status() -> None:
    report = _parse(
        "关于汀溪区督察反馈问题整改进展情况的通报\n" + _INTRO + "一、具体问题整改情况\n"
        "第1项：建筑工地扬尘管控不到位。\n办理情况：已办结。安装在线监测设备。\n"
        "第2项：农村生活垃圾收运体系不健全。\n办理情况：正在办理。第3座中转站正在建设。\n"
        "二、工作要求\n"
        "（一）加快推进未办结问题整改。各责任单位要倒排工期。\n"
        "（二）严防已办结问题反弹。适时开展回头看。\n"
    )
    found = [(p.number, p.title, p.status.value) for p in report.iter_problems()]
    assert found == [
        ("1", "建筑工地扬尘管控不到位", "completed"),
        ("2", "农村生活垃圾收运体系不健全", "in_progress"),
    ]


def test_work_requirements_part_closes_only_by_its_whole_title() -> None:
    report = _parse(
        "关于汀溪区审计局巡察整改进展情况的通报\n"
        + _INTRO
        + "一、关于落实上级工作要求问题的整改情况\n"
        "1.落实安全生产部署不到位。\n整改情况：已完成。修订责任清单。\n"
    )
    assert [p.title for p in report.iter_problems()] == ["落实安全生产部署不到位"]


def test_statuses_given_by_ordinal_reference_after_the_list() -> None:
    report = _parse(
        "关于汀溪港务公司审计发现问题整改情况的公示\n"
        "2024年3月11日至5月24日，鹭洲省审计厅对我公司进行了专项审计调查，指出以下三类问题：\n"
        "一、重大项目前期论证不充分。\n二、部分融资未履行比选程序。\n三、下属企业资金管理存在漏洞。\n"
        "对以上问题，我公司逐项整改。目前第一项、第三项问题已经整改完成，第二项问题持续整改跟踪中。\n"
        "汀溪港务公司\n2025年1月8日\n"
    )
    statuses = [(p.number, p.status.value, p.long_term) for p in report.iter_problems()]
    assert statuses == [
        ("1", "completed", False),
        ("2", "ongoing", True),
        ("3", "completed", False),
    ]
    assert report.iter_problems()[1].status_raw == "持续整改跟踪中"


def test_ordinal_reference_ignored_when_numbers_restart() -> None:
    report = _parse(
        "关于汀溪区审计局巡察整改进展情况的通报\n"
        + _INTRO
        + "一、党建方面的问题\n1.学习制度执行不严。\n"
        "二、财务方面的问题\n1.报销手续不全。\n"
        "目前第一项、第二项问题已经整改完成。\n"
    )
    assert [p.status.value for p in report.iter_problems()] == ["unknown", "unknown"]
