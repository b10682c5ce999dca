"""Rules added for the shapes of blind batch l (docs/blind-l.md, docs/shapes.md §23)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.status import StatusMatch, status_sentence
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile

_TITLE = "中共柳岸县农业农村局党组关于县委巡察整改进展情况的通报\n"
_INTRO = (
    "2025年3月3日至4月18日，县委第五巡察组对县农业农村局党组开展了常规巡察，"
    "并于2025年5月20日反馈了巡察意见。现将整改进展情况予以公布。\n"
)
_BODY = (
    "一、反馈问题整改情况\n"
    "（一）关于“高标准农田建后管护不到位”的问题\n"
    "整改情况：建立管护台账，落实管护责任人。目前该问题已整改完成。\n"
    "（二）关于“农机购置补贴审核把关不严”的问题\n"
    "整改情况：开展补贴资金专项检查。目前该问题已整改完成。\n"
)


def _parse(text: str, name: str = "report.txt") -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _status(text: str) -> StatusMatch | None:
    found = status_sentence(text, default_profile())
    return None if found is None else found[2]


def test_an_address_ends_before_its_postcode_in_brackets() -> None:
    for label in ("通信地址", "通讯地址", "联系地址"):
        report = _parse(
            _TITLE
            + _INTRO
            + _BODY
            + f"联系电话：0731-5550123；{label}：柳岸县河西路18号县农业农村局（邮编：410999）。\n"
        )
        assert report.metadata.address == "柳岸县河西路18号县农业农村局"
    half = _parse(_TITLE + _INTRO + _BODY + "通信地址：柳岸县河西路18号(邮政编码:410999)\n")
    assert half.metadata.address == "柳岸县河西路18号"


def test_a_post_line_of_a_news_account_dates_a_copy_without_a_signature() -> None:
    body = _INTRO + _BODY
    for line, date in (
        ("原创 柳岸发布 柳岸发布 2025年06月18日 17:42 某省", "2025-06-18"),
        ("柳岸农业 2025年7月2日 08:05", "2025-07-02"),
    ):
        report = _parse("关于县委巡察整改进展情况的通报\n" + line + "\n" + body)
        assert report.metadata.date == date
    # A sentence that holds a date and a time is no post line.
    report = _parse(
        "关于县委巡察整改进展情况的通报\n会议于2025年06月18日 17:42召开，研究整改工作。\n" + body
    )
    assert report.metadata.date is None


def test_the_office_that_arranged_an_audit_is_not_the_auditor() -> None:
    intro = (
        "根据审计署工作安排，2024年5月至7月，审计署驻河阳特派员办事处对公司2023年度财务收支"
        "进行了审计，并于2024年9月12日出具了审计报告。现将整改情况报告如下：\n"
    )
    body = (
        "一、部分合同未经法律审核\n整改结果：已整改。\n二、固定资产账实不符\n整改结果：已整改。\n"
    )
    report = _parse("河阳能源有限公司关于审计发现问题整改情况的报告\n" + intro + body)
    assert report.metadata.inspecting_body == "审计署驻河阳特派员办事处"
    assert report.metadata.inspection_kind == "审计"
    short = intro.replace("审计署驻河阳特派员办事处", "审计署河阳特派办")
    report = _parse("河阳能源有限公司关于审计发现问题整改情况的报告\n" + short + body)
    assert report.metadata.inspecting_body == "审计署河阳特派办"
    # The auditor alone, named after 根据, is still the inspecting body.
    alone = (
        "根据县审计局出具的审计报告，现将整改情况报告如下："
        "2024年5月至7月，县审计局对本单位进行了审计。\n"
    )
    report = _parse("县林场关于审计发现问题整改情况的报告\n" + alone + body)
    assert report.metadata.inspecting_body == "县审计局"


def test_a_page_title_with_the_site_name_and_a_bare_crumb_under_it() -> None:
    head = (
        "关于县委巡察整改进展情况的通报_柳岸县农业农村局\n"
        "首页 > 政务公开 > 通知公告\n"
        "关于县委巡察整改进展情况的通报\n"
    )
    report = _parse(head + _INTRO + _BODY)
    assert report.metadata.title == "关于县委巡察整改进展情况的通报"
    dash = _parse("关于县委巡察整改进展情况的通报 - 柳岸县人民政府网\n" + _INTRO + _BODY)
    assert dash.metadata.title == "关于县委巡察整改进展情况的通报"


def test_a_second_status_label_that_is_a_status_gives_it() -> None:
    body = (
        "一、县城污水管网雨污混接问题突出。\n"
        "责任单位：县住房和城乡建设局\n"
        "整改进展：已完成老城区8公里管网改造，其余管网正在施工。\n"
        "完成情况：序时推进\n"
        "二、乡镇垃圾转运站运行不规范。\n"
        "整改进展：已完成转运站提标改造。\n"
        "完成情况：已完成\n"
    )
    report = _parse(
        "柳岸县关于省生态环境保护督察反馈问题整改落实情况的公示\n" + _INTRO + body, "page.txt"
    )
    first, second = report.problems
    assert first.status is Status.IN_PROGRESS
    assert first.status_raw == "序时推进"
    assert "老城区8公里管网改造" in first.actions
    assert second.status is Status.COMPLETED


def test_a_step_done_then_work_under_way_is_in_progress() -> None:
    assert _status(
        "对项目资料逐一复查。目前已完成复查，监管平台正在建设，计划2025年6月底前上线。"
    ) == StatusMatch(Status.IN_PROGRESS, False)
    assert _status("修订制度。目前已完成复查，系统尚在调试。") == StatusMatch(
        Status.IN_PROGRESS, False
    )
    # The problem completed in so many words stands, whatever follows.
    assert _status("修订制度。目前已完成整改，正在开展回头看。") == StatusMatch(
        Status.COMPLETED, False
    )
    # Keeping a finished rectification in place is no work under way.
    assert _status("修订制度。目前已完成整改任务，正在巩固整改成果。") == StatusMatch(
        Status.COMPLETED, False
    )
    # A step done with nothing under way after it stays as it was read.
    assert _status("修订制度。目前已完成复查，计划6月底前上线。") == StatusMatch(
        Status.COMPLETED, False
    )


def test_glyphs_cut_to_their_ink_stay_on_their_line() -> None:
    from rectpipe.readers.pdf.glyphs import Char
    from rectpipe.readers.pdf.lines import build_lines

    def glyph(text: str, x: float, top: float, bottom: float) -> Char:
        return Char(text, x, x + 16.0, top, bottom, 16.0, "F", True)

    # Two lines of 16 pt type; the comma and 一 of the first have boxes that rise only a few
    # points above its foot (a font whose descriptor gives no ascent).
    first = [
        glyph("根", 100.0, 185.0, 199.7),
        glyph("据", 116.0, 185.0, 199.7),
        glyph("一", 132.0, 191.6, 199.7),
        glyph("，", 148.0, 194.2, 199.7),
        glyph("省", 164.0, 185.0, 199.7),
    ]
    second = [glyph("委", 100.0, 213.0, 227.7), glyph("。", 116.0, 222.5, 227.7)]
    lines = build_lines(first + second, page=1)
    assert [line.text for line in lines] == ["根据一，省", "委。"]
    # Boxes of full height are left as they are.
    assert [line.top for line in lines] == [185.0, 213.0]
