"""Rules added for the shapes of blind batch k (docs/blind-k.md, docs/shapes.md §24): problems
told by their wording or typography, not by a number."""

from __future__ import annotations

import rectpipe

_HEAD = (
    "中共白石县水务局党组关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县水务局党组进行了巡察，"
    "并于2025年6月5日反馈了巡察意见。现将整改进展情况通报如下：\n"
    "一、整改工作开展情况\n"
    "局党组成立整改工作领导小组，逐项明确责任领导和完成时限。\n"
    "二、巡察反馈问题整改情况\n"
)
_TAIL = "三、下一步工作打算\n局党组将持续巩固整改成果。\n中共白石县水务局党组\n2025年9月1日\n"


def _parse(text: str, name: str = "report.txt") -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _titles(report: rectpipe.Report) -> list[tuple[str | None, str, str]]:
    return [(p.number, p.title, p.status.value) for p in report.iter_problems()]


def test_bulleted_problems_under_a_part_have_no_number() -> None:
    report = _parse(
        _HEAD + "●河道保洁责任落实不到位，部分河段垃圾清理不及时。已建立河段保洁日巡查制度。"
        "目前该问题已整改完成。\n"
        "●农村供水工程管护薄弱。已落实管护人员12名，目前正在整改。\n" + _TAIL
    )
    assert _titles(report) == [
        (None, "河道保洁责任落实不到位，部分河段垃圾清理不及时", "completed"),
        (None, "农村供水工程管护薄弱", "in_progress"),
    ]
    assert [item.title for item in report.iter_problems()[0].path] == ["巡察反馈问题整改情况"]
    assert all(p.marker == "●" for p in report.iter_problems())


def test_tags_labels_and_wrapper_paragraphs_open_unmarked_problems() -> None:
    tags = _parse(
        _HEAD
        + "【问题】水资源费征收不足额。\n【整改情况】一是开展专项清查；二是追缴欠费。已完成整改。\n"
        "【问题】工程档案管理不规范。\n【整改情况】整理归档工程资料。已完成整改。\n" + _TAIL
    )
    assert [(p.number, p.title, len(p.measures)) for p in tags.iter_problems()] == [
        (None, "水资源费征收不足额", 2),
        (None, "工程档案管理不规范", 0),
    ]
    wrapped = _parse(
        _HEAD
        + "关于“防汛物资储备不足”的问题。一是补充储备物资；二是建立动态台账。该问题已完成整改。\n"
        "针对“小型水库巡查不到位”问题，一是落实巡查责任人；二是配备巡查设备。目前正在整改。\n"
        + _TAIL
    )
    assert _titles(wrapped) == [
        (None, "防汛物资储备不足", "completed"),
        (None, "小型水库巡查不到位", "in_progress"),
    ]


def test_a_lone_form_or_look_alike_paragraphs_open_no_item() -> None:
    # One bullet in the whole report is no list of problems; its paragraph is a problem only
    # as a finding told with its account under the part of the findings
    # (extract/paragraph_findings), not as a bulleted item.
    single = _parse(_HEAD + "●河道保洁责任落实不到位。已整改完成。\n" + _TAIL)
    assert [(p.marker, p.title) for p in single.iter_problems()] == [
        (None, "河道保洁责任落实不到位")
    ]
    plain = _parse(_HEAD + "●河道保洁工作。局党组召开专题会议。\n" + _TAIL)
    assert [p.marker for p in plain.iter_problems()] != [None]
    # Organisational paragraphs that open 关于加强… name no quoted finding.
    organised = _parse(
        _HEAD.replace("二、巡察反馈问题整改情况\n", "")
        + "关于加强组织领导。局党组召开专题会议。\n关于压实整改责任。班子成员分工领办。\n"
        + "二、巡察反馈问题整改情况\n1.河道保洁不到位。已整改完成。\n"
        + _TAIL
    )
    assert [(p.number, p.title) for p in organised.iter_problems()] == [("1", "河道保洁不到位")]


def test_a_restated_finding_and_a_finding_item_hold_no_unmarked_item() -> None:
    # An audit notice lists its findings numbered, then repeats them as 针对“X”问题 paragraphs.
    notice = _parse(
        "关于白石县第三小学原校长任期经济责任履行情况的审计结果公告\n"
        "一、审计发现的主要问题\n（一）财务管理方面\n1.超预算列支差旅费\n"
        "学校差旅费超出预算6.2万元。\n2.往来款项长期未清理\n挂账款项12万元未清理。\n"
        "二、审计发现问题的整改情况\n"
        "针对“超预算列支差旅费”问题，学校已补办预算调整手续，已整改。\n"
        "针对“往来款项长期未清理”问题，学校已清理挂账款项，已整改。\n"
    )
    assert [p.number for p in notice.iter_problems()] == ["1", "2"]
    # A numbered item that names one finding keeps its 审计发现问题： line as its own body.
    items = _parse(
        _HEAD
        + "（一）关于专项资金拨付滞后的问题\n审计发现问题：资金滞留超过60天。\n整改结果：已整改。\n"
        "（二）关于项目未验收的问题\n审计发现问题：2个项目未经验收。\n整改结果：已整改。\n" + _TAIL
    )
    assert [(p.number, p.status.value) for p in items.iter_problems()] == [
        ("1", "completed"),
        ("2", "completed"),
    ]


def _docx(lines: list[tuple[str, str]]) -> bytes:
    import io

    import docx as python_docx

    document = python_docx.Document()
    for kind, text in lines:
        paragraph = document.add_paragraph()
        if kind == "bold":
            paragraph.add_run(text).bold = True
        elif kind == "lead":  # a bold first sentence, then plain text
            head, rest = text.split("。", 1)
            paragraph.add_run(head + "。").bold = True
            paragraph.add_run(rest)
        else:
            paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_whole_paragraphs_in_bold_head_unmarked_problems_in_word_and_on_the_web() -> None:
    head = [("plain", line) for line in _HEAD.splitlines()]
    tail = [("plain", line) for line in _TAIL.splitlines()]
    body = [
        ("bold", "河道保洁责任落实不到位"),
        ("plain", "整改情况：一是建立日巡查制度；二是落实保洁经费。该问题已整改完成。"),
        ("bold", "农村供水工程管护薄弱"),
        ("plain", "整改情况：落实管护人员12名。目前正在整改。"),
    ]
    word = rectpipe.parse_bytes(_docx(head + body + tail), name="report.docx")
    assert _titles(word) == [
        (None, "河道保洁责任落实不到位", "completed"),
        (None, "农村供水工程管护薄弱", "in_progress"),
    ]
    # A bold first sentence only (关于加强…的工作。…) is a paragraph of the part, not a heading.
    leads = [("lead", "关于加强组织领导的工作。局党组召开专题会议。")] * 2
    assert [
        p.number
        for p in rectpipe.parse_bytes(
            _docx(head[:4] + leads + head[4:] + body + tail), name="report.docx"
        ).iter_problems()
    ] == [None, None]
    paragraphs = "".join(
        f"<p><strong>{text}</strong></p>" if kind == "bold" else f"<p>{text}</p>"
        for kind, text in head + body + tail
    )
    page = f"<html><body><div class='content'>{paragraphs}</div></body></html>"
    web = _parse(page, name="report.html")
    assert _titles(web) == _titles(word)


def test_a_status_value_that_closes_with_its_status_is_read_from_that_clause() -> None:
    from rectpipe.extract.status_tail import closing_status
    from rectpipe.models.records import Status
    from rectpipe.profiles import default_profile

    profile = default_profile()
    value = "泵站改造已完成土建施工，正在安装设备。达到序时进度。"
    assert closing_status(value, profile).status is Status.IN_PROGRESS  # type: ignore[union-attr]
    partial = closing_status("已完成台账清理，报废审批正在办理中，部分整改。", profile)
    assert partial is not None and partial.status is Status.PARTIALLY_COMPLETED
    # A value that opens with its status, or closes with a plan, is read as before.
    assert closing_status("已完成，长期坚持。", profile) is None
    assert closing_status("完成主体施工，计划年底前完成。", profile) is None
    report = _parse(
        _HEAD
        + "■泵站运行管理不规范。\n整改进展：泵站改造已完成土建施工，正在安装设备。达到序时进度。\n"
        "■取水许可审批不严。\n整改进展：已完成许可复核，注销许可3件。已完成整改。\n" + _TAIL
    )
    assert [p.status.value for p in report.iter_problems()] == ["in_progress", "completed"]


def test_a_completed_status_followed_by_long_term_work_is_long_term() -> None:
    report = _parse(
        _HEAD + "★针对“节水宣传不够深入”的问题，一是开展节水进社区活动；二是制作宣传片。"
        "该问题已完成整改，节水宣传需长期坚持。\n"
        "★针对“水费收缴率偏低”的问题，一是开展欠费清收；二是推行线上缴费。该问题已完成整改。\n"
        "★针对“人才储备不足”的问题，一是招聘专业技术人员；二是开展岗位培训。此项工作需长期坚持。\n"
        + _TAIL
    )
    assert [(p.status.value, p.long_term) for p in report.iter_problems()] == [
        ("completed", True),
        ("completed", False),
        ("ongoing", True),
    ]


def test_a_short_unpunctuated_line_before_an_account_of_rectification_is_a_heading() -> None:
    # A text copy (or a PDF's text layer) of a report whose bold headings were lost.
    report = _parse(
        _HEAD + "河道保洁责任落实不到位\n部分河段垃圾清理不及时。\n"
        "整改情况：一是建立日巡查制度；二是落实保洁经费。该问题已整改完成。\n"
        "农村供水工程管护薄弱\n整改情况：落实管护人员12名。目前正在整改。\n" + _TAIL
    )
    assert _titles(report) == [
        (None, "河道保洁责任落实不到位", "completed"),
        (None, "农村供水工程管护薄弱", "in_progress"),
    ]
    # Short lines not followed by such an account stay paragraphs of the part.
    plain = _parse(
        _HEAD + "河道保洁责任落实不到位\n部分河段垃圾清理不及时，已建立日巡查制度。\n"
        "农村供水工程管护薄弱\n已落实管护人员12名。\n" + _TAIL
    )
    assert [p.number for p in plain.iter_problems()] != [None, None]


def test_work_under_way_closed_by_a_long_term_clause_is_ongoing() -> None:
    from rectpipe.extract.status import normalise_status
    from rectpipe.models.records import Status
    from rectpipe.profiles import default_profile

    profile = default_profile()
    found = normalise_status("正在持续推进中，需长期坚持", profile)
    assert found is not None and (found.status, found.long_term) == (Status.ONGOING, True)
    # A step under way with no long-term clause, or a completion beside one, reads as before.
    assert normalise_status("正在推进中", profile).status is Status.IN_PROGRESS  # type: ignore[union-attr]
    done = normalise_status("已完成，长期坚持", profile)
    assert done is not None and (done.status, done.long_term) == (Status.COMPLETED, True)
