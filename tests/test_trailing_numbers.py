"""An item's number left at the end of the line above its item (text/trailing_numbers.py): a
copy whose line breaks fell one place early. Every text here is invented; the first three
tests fail without the rule (the findings after the first of each part are lost)."""

from __future__ import annotations

import rectpipe
from rectpipe.readers.blocks import Block
from rectpipe.text.repair import Repaired
from rectpipe.text.trailing_numbers import move_trailing_numbers

_HEAD = (
    "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，2024年3月至5月，县委第二巡察组对县水利局党组开展了常规巡察，"
    "并于2024年6月12日反馈了巡察意见。现将整改进展情况通报如下。\n"
)
_TAIL = "中共岚溪县水利局党组\n2024年9月20日\n"


def _findings(*lines: str) -> list[tuple[str, str, str]]:
    text = _HEAD + "\n".join(lines) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    return [
        (problem.path[-1].marker if problem.path else "", problem.title, problem.status.value)
        for problem in report.iter_problems()
    ]


def test_numbers_after_sentence_ends_move_to_their_findings() -> None:
    found = _findings(
        "一、落实政策方面",
        "1.",
        "项目前期谋划不足。整改措施：一是制定储备清单；二是开展专项检查。2.",
        "资金拨付滞后。整改措施：一是建立拨付台账；二是定期通报进度。目前已完成整改。3.",
        "河道巡查流于形式。整改措施：一是修订巡河制度；二是开展随机抽查。目前正在整改。",
        "二、从严治党方面",
        "4.",
        "公务接待管理不规范。整改措施：一是修订接待办法；二是开展自查自纠。已完成整改。5.",
        "培训针对性不强。整改措施：一是制定培训计划；二是开展专题培训。已完成整改。",
    )
    assert [(title, status) for _, title, status in found] == [
        ("项目前期谋划不足", "unknown"),
        ("资金拨付滞后", "completed"),
        ("河道巡查流于形式", "in_progress"),
        ("公务接待管理不规范", "completed"),
        ("培训针对性不强", "completed"),
    ]


def test_a_first_number_after_its_part_s_heading_moves_too_and_lists_start_again() -> None:
    found = _findings(
        "一、落实政策方面1.",
        "项目前期谋划不足。整改措施：一是制定储备清单；二是开展专项检查。2.",
        "资金拨付滞后。整改措施：一是建立拨付台账；二是定期通报进度。目前已完成整改。",
        "二、从严治党方面1.",
        "公务接待管理不规范。整改措施：一是修订接待办法；二是开展自查自纠。已完成整改。2.",
        "培训针对性不强。整改措施：一是制定培训计划；二是开展专题培训。已完成整改。",
    )
    assert [(title, status) for _, title, status in found] == [
        ("项目前期谋划不足", "unknown"),
        ("资金拨付滞后", "completed"),
        ("公务接待管理不规范", "completed"),
        ("培训针对性不强", "completed"),
    ]


def test_a_portal_page_with_one_paragraph_a_line() -> None:
    lines = [
        "一、落实政策方面1.",
        "项目前期谋划不足。整改措施：一是制定储备清单；二是开展专项检查。已完成整改。2.",
        "资金拨付滞后。整改措施：一是建立拨付台账；二是定期通报进度。目前正在整改。",
    ]
    body = "".join(f"<p>{line}</p>" for line in [*_HEAD.splitlines(), *lines])
    page = (
        "<html><head><meta charset='utf-8'><title>通报</title></head><body>"
        f"<div class='article'>{body}<p>中共岚溪县水利局党组</p><p>2024年9月20日</p></div>"
        "</body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert [(p.title, p.status.value) for p in report.iter_problems()] == [
        ("项目前期谋划不足", "completed"),
        ("资金拨付滞后", "in_progress"),
    ]


def _moved(*texts: str) -> list[str]:
    return [item.block.text for item in move_trailing_numbers([Repaired(Block(t)) for t in texts])]


def test_numbers_that_are_not_the_next_item_s_stay() -> None:
    # not the next number of its kind (after 1., a 7. is a figure's or a stray's)
    assert _moved("1.制度不健全。", "已完成整改。7.", "另有说明。") == [
        "1.制度不健全。",
        "已完成整改。7.",
        "另有说明。",
    ]
    # the next line opens with its own marker
    assert _moved("1.制度不健全。已完成整改。2.", "（一）另一项。") == [
        "1.制度不健全。已完成整改。2.",
        "（一）另一项。",
    ]
    # after Han text in a line that is no heading of another kind (详见附件1.)
    assert _moved("有关情况详见附件1.", "其余事项另行通报。") == [
        "有关情况详见附件1.",
        "其余事项另行通报。",
    ]
    # a number alone on its line is a lone marker, left to structure
    assert _moved("1.", "制度不健全。") == ["1.", "制度不健全。"]


def test_a_moved_number_keeps_the_lines_as_read() -> None:
    items = move_trailing_numbers(
        [Repaired(Block("1.制度不健全。已完成整改。2.")), Repaired(Block("台账不全。"))]
    )
    assert [(i.block.text, i.original, i.kinds) for i in items] == [
        ("1.制度不健全。已完成整改。", "1.制度不健全。已完成整改。2.", ("line_breaks",)),
        ("2.台账不全。", "台账不全。", ("line_breaks",)),
    ]
