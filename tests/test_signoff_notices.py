"""A 销号公示 about one finding whose parts carry other names than the samples' (整改问题,
整改实施主体, 重点措施, 目标任务, 完成时限), its finding written as the part's one item
（（一）…）, and a lead that signs the problem off (docs/shapes.md §32). Texts written for the
test; each test fails without its rule."""

from __future__ import annotations

import pytest

import rectpipe

from .render_docx import word_paragraphs

_LEAD = (
    "柳川县2025年自查环境问题第12号已整改完成，并通过县级核查验收。"
    "根据有关要求，现将整改情况公示如下："
)
_CLOSE = (
    "如对整改情况有异议，请于公示期内（2025年6月3日至6月16日）向柳川县环境保护局反映。\n"
    "2025年6月3日\n"
)


def _parse(text: str, form: str) -> rectpipe.Report:
    if form == "word":
        return rectpipe.parse_bytes(word_paragraphs(text), name="notice.docx")
    return rectpipe.parse_text(text)


def _notice(parts: list[tuple[str, str]], lead: str = _LEAD) -> str:
    numbers = "一二三四五六七"
    body = "".join(f"{numbers[k]}、{title}\n{text}\n" for k, (title, text) in enumerate(parts))
    return f"环境问题整改验收销号公示\n{lead}\n{body}{_CLOSE}"


_PARTS = [
    ("整改问题", "柳川县南塘镇石料厂未建围挡，粉尘飘散影响周边菜地。"),
    ("整改实施主体", "南塘镇人民政府"),
    ("重点措施", "建设封闭围挡，加装喷雾降尘设备。"),
    ("目标任务", "石料厂粉尘得到有效控制。"),
    ("完成时限", "2025年5月31日前"),
    ("整改完成情况", "经现场核查，围挡和喷雾设备已建成投用。"),
]


@pytest.mark.parametrize("form", ["text", "word"])
def test_the_parts_of_a_signoff_notice_make_one_problem(form: str) -> None:
    report = _parse(_notice(_PARTS), form)
    [problem] = report.iter_problems()
    assert problem.title == "柳川县南塘镇石料厂未建围挡，粉尘飘散影响周边菜地"
    assert problem.responsible == "南塘镇人民政府"
    assert problem.deadline == "2025年5月31日前"
    assert "建设封闭围挡" in problem.actions
    # the result part states no status: the lead signs the problem off
    assert problem.status is rectpipe.Status.COMPLETED
    assert "已整改完成" in (problem.status_raw or "")


def test_a_lead_that_only_announces_gives_no_status() -> None:
    lead = "根据有关要求，现将第12号问题整改情况公示如下："
    text = _notice(_PARTS, lead).replace("整改验收销号公示", "整改情况公示")
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.status is rectpipe.Status.UNKNOWN


def test_a_notice_titled_as_the_findings_sign_off_says_it_is_done() -> None:
    """环境问题整改验收销号公示: a notice published to sign the finding off (docs/shapes.md
    §34), though its lead only announces."""
    lead = "根据有关要求，现将第12号问题整改情况公示如下："
    [problem] = rectpipe.parse_text(_notice(_PARTS, lead)).iter_problems()
    assert problem.status is rectpipe.Status.COMPLETED
    assert problem.status_raw == "验收销号"


@pytest.mark.parametrize("form", ["text", "word"])
def test_a_finding_written_as_its_parts_one_item(form: str) -> None:
    parts = [
        ("反馈问题", "（一）南塘河下游水面漂浮垃圾，河水发黑。"),
        ("整改目标", "（一）河面无漂浮垃圾。"),
        ("整改措施", "（一）组织保洁人员每日清理河面。"),
        ("整改完成情况", "（一）经核查，河面已无漂浮垃圾，该问题已完成整改。"),
    ]
    lead = "根据有关要求，现将督察反馈问题（第6项）整改情况公示如下："
    report = _parse(_notice(parts, lead), form)  # once an internal error
    [problem] = report.iter_problems()
    assert problem.title == "南塘河下游水面漂浮垃圾，河水发黑"
    assert problem.number == "6"
    assert problem.status is rectpipe.Status.COMPLETED  # read from the result part's item


def test_a_finding_part_that_states_nothing_is_no_notice() -> None:
    parts = [("反馈问题", ""), ("整改目标", "河面无漂浮垃圾。"), ("整改措施", "每日清理河面。")]
    text = "环境问题整改公示\n" + "".join(
        f"{n}、{t}\n{b}\n" if b else f"{n}、{t}\n"
        for n, (t, b) in zip("一二三", parts, strict=True)
    )
    try:
        rectpipe.parse_text(text)
    except rectpipe.RectpipeError as exc:
        assert exc.code != "internal_error"
