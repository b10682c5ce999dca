"""Rules added for the shapes of blind batch q (docs/blind-q.md, docs/shapes.md §18)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.status import StatusMatch, by_deadline
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile

_INTRO = (
    "根据县委统一部署，2024年11月4日至12月20日，县委第二巡察组对县水利局党组开展了巡察，"
    "并于2025年2月12日反馈了巡察意见。现将巡察整改进展情况予以公布。\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def test_chixu_tuijin_reads_by_its_deadline() -> None:
    profile = default_profile()
    ongoing = StatusMatch(Status.ONGOING, True)
    # A dated 整改时限: the unfinished group, not long-term.
    dated = by_deadline(ongoing, "持续推进", "2026年12月底前", "", profile)
    assert dated == StatusMatch(Status.IN_PROGRESS, False)
    # A plan with a year in the item's own words.
    planned = by_deadline(
        ongoing, "持续推进", None, "已完成招标，计划于2025年12月底前完成联调。", profile
    )
    assert planned == StatusMatch(Status.IN_PROGRESS, False)
    # No date, or a long-term deadline, or 长期坚持 beside it: long-term.
    assert by_deadline(ongoing, "持续推进", None, "将持续巩固。", profile) == ongoing
    assert by_deadline(ongoing, "持续推进", "长期坚持", "", profile) == ongoing
    assert by_deadline(ongoing, "持续推进，长期坚持", "2026年12月底前", "", profile) == ongoing
    # Other long-term words are not read by the deadline.
    assert by_deadline(ongoing, "长期坚持", "2026年12月底前", "", profile) == ongoing


def test_chixu_tuijin_total_follows_its_problems() -> None:
    report = _parse(
        "中共汀溪县水利局党组关于巡察整改情况的报告\n"
        + _INTRO
        + "巡察反馈问题3个，已完成整改2个，持续推进1个。\n"
        "一、反馈问题整改情况\n"
        "（一）河道采砂管理不规范。\n整改结果：已完成。\n"
        "（二）农村供水工程管护不到位。\n"
        "整改措施：一是落实管护主体；二是计划于2026年6月底前完成管网改造。\n"
        "整改结果：持续推进。\n"
        "（三）水利资金拨付滞后。\n整改结果：已完成。\n"
    )
    statuses = [p.status.value for p in report.iter_problems()]
    assert statuses == ["completed", "in_progress", "completed"]
    assert not any(p.long_term for p in report.iter_problems())
    stated = report.summary.stated
    assert stated is not None
    assert (stated.completed, stated.in_progress, stated.ongoing) == (2, 1, None)
    assert report.summary.consistent is True


def test_an_item_that_is_only_a_document_title_is_no_finding() -> None:
    profile = default_profile()
    from rectpipe.extract.evidence import Evidence, heading_evidence

    assert heading_evidence("《澄江水务集团资金支付审批管理办法》", profile) is Evidence.ACTION
    assert heading_evidence("《局党组工作规则》（澄发〔2025〕3号）", profile) is Evidence.ACTION
    # A finding that quotes a document is still a finding.
    assert heading_evidence("未按《政府采购法》规定履行采购程序。", profile) is Evidence.FINDING
    report = _parse(
        "中共汀溪县水利局党组关于巡察整改情况的报告\n" + _INTRO + "一、反馈问题整改情况\n"
        "（一）河道采砂管理不规范。\n整改情况：已完成。\n"
        "（二）水利资金拨付滞后。\n整改情况：已完成。\n"
        "二、建章立制情况\n整改期间制定修订制度2项：\n"
        "1.《汀溪县水利局河道采砂监督管理办法》\n2.《汀溪县水利局资金拨付管理规定》\n"
    )
    titles = [p.title for p in report.iter_problems()]
    assert titles == ["河道采砂管理不规范", "水利资金拨付滞后"]
    assert report.summary.consistent is not False


_BOX = (
    "文件名称 | 中共柳渡镇委员会关于巡察整改进展情况的通报 | ||\n"
    "索引号 | 114306-2025-00318 | 公开目录： | 党务公开 |\n"
    "文号 | 柳发〔2025〕21号 | 成文日期： | 2025年05月16日 |\n"
    "有效性 | 有效 | 公开日期： | 2025年05月19日 |\n"
    "中共柳渡镇委员会关于巡察整改进展情况的通报\n"
    "2024年10月，县委第三巡察组对柳渡镇党委开展了常规巡察，并于2024年12月反馈了巡察意见。\n"
    "一、总体进展\n"
    "巡察共反馈问题3个，已整改完成2个，占比66.7%；正在整改1个，占比33.3%。\n"
    "二、问题整改情况\n"
    "（一）村级“三资”管理不规范。\n整改情况：已整改完成。\n"
    "（二）高标准农田后期管护缺位。\n整改情况：正在整改。\n"
    "（三）防返贫动态监测不精准。\n整改情况：已整改完成。\n"
    "中共柳渡镇委员会\n2025年5月16日\n"
)


def test_pipe_box_month_period_and_share_of_completed() -> None:
    report = _parse(_BOX)
    meta = report.metadata
    assert meta.title == "中共柳渡镇委员会关于巡察整改进展情况的通报"
    assert meta.issuer == "中共柳渡镇委员会"
    assert meta.document_number == "柳发〔2025〕21号"
    assert (meta.period_start, meta.period_end, meta.feedback_date) == (
        "2024-10",
        "2024-10",
        "2024-12",
    )
    stated = report.summary.stated
    assert stated is not None and stated.completion_rate == 66.7
    # The share of the unfinished is not a completion rate.
    other = _parse(
        _BOX.replace(
            "已整改完成2个，占比66.7%；正在整改1个，占比33.3%",
            "正在整改1个，占比33.3%；已整改完成2个",
        )
    )
    assert other.summary.stated is not None and other.summary.stated.completion_rate is None


def test_month_opening_period_leaves_an_undated_feedback_unset() -> None:
    report = _parse(
        "柘塘镇人民政府关于自然资源督察反馈问题整改情况的报告\n"
        "2024年8月，国家自然资源督察华中局对我县开展了土地例行督察，反馈涉及我镇问题2个。\n"
        "一、问题基本情况\n（一）柘塘村违规占用耕地建设农家乐。\n（二）新桥村擅自扩建养殖场。\n"
        "柘塘镇人民政府\n2025年4月2日\n"
    )
    meta = report.metadata
    assert (meta.period_start, meta.period_end) == ("2024-08", "2024-08")
    assert meta.feedback_date is None
    assert meta.inspecting_body == "国家自然资源督察华中局"
