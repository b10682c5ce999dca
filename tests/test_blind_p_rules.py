"""Rules added for the shapes of blind batch p (docs/blind-p.md, docs/shapes.md §19)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.status import group_status
from rectpipe.extract.totals import read_counts
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile
from rectpipe.readers.pdf import BodyMetrics, Line, split_paragraphs

_INTRO = (
    "根据县委统一部署，2024年5月13日至7月5日，县委第一巡察组对县纪委监委机关开展了常规巡察，"
    "并于2024年9月20日反馈了巡察意见。现将巡察整改进展情况予以公布。\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")


def test_long_term_and_stage_counts_in_a_totals_sentence() -> None:
    profile = default_profile()
    # 长期整改 and 常态化整改 name the long-term group, as 长期坚持 does.
    counts = read_counts(
        "巡视反馈的32个具体问题，集中整改期内已完成整改27个，其余5个列入长期整改任务，"
        "明确阶段目标，持续推进。",
        profile,
    )
    assert counts.values == {"problems": 32, "completed": 27, "ongoing": 5}
    counts = read_counts(
        "巡视反馈的5个具体问题，集中整改阶段已完成整改3个，转入常态化整改2个。", profile
    )
    assert counts.values == {"problems": 5, "completed": 3, "ongoing": 2}
    # 需长期整改的2个 after the completed count and its share: the share is the rate.
    counts = read_counts(
        "反馈的3个方面8个具体问题，集中整改阶段已完成整改6个，占75%；需长期整改的2个，占25%。",
        profile,
    )
    assert counts.values == {"problems": 8, "completed": 6, "ongoing": 2}
    assert counts.rate == 75.0


def test_problems_and_hazards_counted_as_one_total() -> None:
    counts = read_counts(
        "督查组反馈问题隐患7项，截至2025年7月15日，已整改5项，整改中2项，整改率71.4%。",
        default_profile(),
    )
    assert counts.values == {"problems": 7, "completed": 5, "in_progress": 2}
    assert counts.rate == 71.4


def test_a_group_titled_by_its_long_term_stage() -> None:
    profile = default_profile()
    match = group_status("需长期整改的问题", profile)
    assert match is not None and (match.status, match.long_term) == (Status.ONGOING, True)
    report = _parse(
        "中共岚屿县财政局党组关于巡察集中整改进展情况的通报\n"
        + _INTRO
        + "一、集中整改阶段已完成的问题\n"
        "（一）预算执行进度滞后，部分专项资金闲置。一是清理存量资金；二是建立通报机制。\n"
        "二、需长期整改的问题\n"
        "（一）数字化转型基础薄弱，核心业务系统迭代升级滞后。已制定三年规划，分期实施。\n"
    )
    got = [(p.status.value, p.long_term) for p in report.iter_problems()]
    assert got == [("completed", False), ("ongoing", True)]


def test_a_standing_committee_issues_and_a_site_footer_gives_no_address() -> None:
    report = _parse(
        "中共沔川县纪委常委会关于十五届县委第四轮巡察整改进展情况的通报\n"
        + _INTRO
        + "一、反馈问题整改落实情况\n"
        "1.问题线索处置不够规范，个别线索超期未办结。\n整改结果：已完成。\n"
        "2.案件审理质量有待提高，个别案件定性量纪依据不充分。\n整改结果：已完成。\n"
        "联系电话：0718-6221300。\n"
        "中共沔川县纪委常委会\n2025年2月12日\n"
        "【打印本页】【关闭窗口】\n"
        "主办：中共沔川县纪律检查委员会　地址：沔川县城关镇人民路9号　电话：0718-6221001\n"
    )
    meta = report.metadata
    assert meta.issuer == "中共沔川县纪委常委会"
    assert meta.address is None
    assert meta.phone == "0718-6221300"


def test_an_address_stops_at_the_next_contact_label() -> None:
    report = _parse(
        "中共沔川县水利局党组关于巡察整改进展情况的通报\n" + _INTRO + "一、反馈问题整改落实情况\n"
        "1.河道采砂管理不规范。\n整改结果：已完成。\n"
        "来信请寄：沔川县城关镇人民路9号　电话：0718-6221300。\n"
        "中共沔川县水利局党组\n2025年2月12日\n"
    )
    assert report.metadata.address == "沔川县城关镇人民路9号"


def _line(page: int, text: str, x0: float, x1: float, bottom: float) -> Line:
    return Line(page, text, x0, x1, bottom - 16.0, bottom, 16.0, glyphs=len(text))


def test_a_flush_right_signature_date_ends_its_paragraph_across_a_page() -> None:
    # The date ends page 1 at the right margin; page 2 opens with 附件 at the left margin.
    metrics = BodyMetrics(left=90.0, right=506.0, size=16.0, pitch_ratio=1.75)
    lines = [
        _line(1, "欢迎社会各界对统计督察整改工作进行监督。", 122.0, 442.0, 400.0),
        _line(1, "苍濑县统计局", 410.0, 506.0, 460.0),
        _line(1, "2025年5月8日", 410.0, 506.0, 488.0),
        _line(2, "附件", 90.0, 122.0, 120.0),
    ]
    texts = ["".join(ln.text for ln in p.lines) for p in split_paragraphs(lines, metrics)]
    assert texts[-2:] == ["2025年5月8日", "附件"]


def test_a_web_pages_dateline_under_the_headline_is_the_date() -> None:
    page = (
        "<html><head><title>中共鹭洲省林业局党组关于巡视整改进展情况的通报</title></head><body>"
        "<div class='main'><h1>中共鹭洲省林业局党组关于巡视整改进展情况的通报</h1>"
        "<p class='sub'>（二〇二五年二月二十八日）</p>"
        "<div class='meta'>发布时间：2025-03-04 10:00　来源：省林业局</div>"
        "<div class='text'><p>根据省委统一部署，2024年5月6日至7月5日，省委第七巡视组对省林业局党组"
        "开展了常规巡视，并于2024年9月12日反馈了巡视意见。</p>"
        "<p>一、巡视反馈问题整改落实情况</p>"
        "<p>1.古树名木保护管理不到位，部分古树未挂牌建档。整改情况：补充调查。目前已完成整改。</p>"
        "<p>2.国有林场改革后续政策落实滞后。整改情况：制定补助办法。目前正在整改。</p>"
        "</div></div></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert report.metadata.date == "2025-02-28"


def test_statuses_given_by_exception() -> None:
    report = _parse(
        "柘塘镇人民政府关于国家自然资源督察反馈问题整改情况的报告\n"
        "2024年8月，国家自然资源督察华中局对我县开展了土地例行督察，反馈涉及我镇违法用地问题3个。"
        "现将整改情况报告如下：\n"
        "一、问题基本情况\n"
        "（一）柘塘村违规占用耕地建设农家乐，占地2.6亩。\n"
        "（二）新桥村擅自扩建养殖场，占用永久基本农田1.1亩。\n"
        "（三）镇工业集中区一宗建设项目未批先建，占地8.4亩。\n"
        "二、整改落实情况\n"
        "截至2025年3月31日，除第二个问题正在补办用地手续外，其余2个问题已全部整改到位。\n"
        "柘塘镇人民政府\n2025年4月2日\n"
    )
    got = [(p.title, p.status.value) for p in report.iter_problems()]
    assert got == [
        ("柘塘村违规占用耕地建设农家乐，占地2.6亩", "completed"),
        ("新桥村擅自扩建养殖场，占用永久基本农田1.1亩", "in_progress"),  # 擅自: a finding
        ("镇工业集中区一宗建设项目未批先建，占地8.4亩", "completed"),
    ]
    stated = report.summary.stated
    assert stated is not None
    # 第二个问题 is no count and 其余2个问题 no total: the total comes from the intro.
    assert (stated.problems, stated.completed) == (3, 2)
    assert report.summary.consistent is True


def test_an_ordinal_is_no_count() -> None:
    counts = read_counts("督察反馈问题（第12项）已整改完成，并通过县级验收。", default_profile())
    assert counts.values == {}


def test_two_issuers_of_a_joint_title_keep_a_blank_between_them() -> None:
    from rectpipe.tools.provenance import check_sources

    for head in (
        "中共岚溪县卫生健康局党组 中共岚溪县红十字会党组",
        "中共岚溪县卫生健康局党组中共岚溪县红十字会党组",
    ):
        report = _parse(
            head
            + "关于县委第三巡察组巡察反馈意见集中整改进展情况的通报\n"
            + _INTRO
            + "一、反馈问题整改情况\n"
            "1.卫生健康领域采购管理不规范。\n整改结果：已完成。\n"
        )
        meta = report.metadata
        assert meta.issuer == "中共岚溪县卫生健康局党组 中共岚溪县红十字会党组"
        assert meta.title is not None and meta.title.startswith(meta.issuer + "关于")
        assert check_sources(report) == []
    # One name holding 中共 further on is not split.
    report = _parse("中共岚溪县委员会关于中共岚溪县委第三巡察组反馈意见整改情况的通报\n" + _INTRO)
    assert report.metadata.issuer == "中共岚溪县委员会"
