"""A one-finding notice laid out in labelled lines rather than numbered parts (rectpipe.extract
.notice.notice_lines): 反馈问题：… 整改目标：… 整改措施： 1．… 2．… 整改完成情况：… is one problem,
its numbered lines its measures. Before, the notice's numbered measures were read as problems
of their own (those without a word of action) and its finding was lost."""

from __future__ import annotations

import rectpipe

from .render_docx import word_paragraphs

_HEAD = [
    "关于青禾县第二轮省生态环境保护督察反馈问题（序号12）整改情况的公示",
    "根据督察整改销号工作有关要求，现将青禾县第二轮省生态环境保护督察反馈问题整改完成情况予以公示。",
]
_TAIL = [
    "公示时间：2025年3月3日至2025年3月9日。公示期间如有异议，请向县督察整改办反映。",
    "联系电话：0731-5551234",
    "青禾县生态环境保护督察整改工作领导小组办公室",
    "2025年3月3日",
]


def test_a_notice_in_labelled_lines_is_one_problem() -> None:
    text = "\n".join(
        [
            *_HEAD,
            "反馈问题：县城污水处理厂进水浓度长期偏低，部分管网雨污混流。",
            "整改目标：完成老城区管网排查修复，进水浓度稳定提高。",
            "整改措施：",
            "1．开展老城区雨污管网全面排查，建立问题清单。",
            "2．修复破损管网12公里，改造混接点位46处。",
            "整改完成情况：已完成整改，经县级验收合格。",
            *_TAIL,
        ]
    )
    report = rectpipe.parse_text(text)
    [problem] = report.iter_problems()
    assert problem.title == "县城污水处理厂进水浓度长期偏低，部分管网雨污混流"
    assert problem.number == "12"
    assert [m.ordinal for m in problem.measures] == [1, 2]
    assert problem.status.value == "completed"
    assert report.metadata.date == "2025-03-03"


def test_the_items_under_its_result_line_are_its_measures() -> None:
    text = "\n".join(
        [
            *_HEAD,
            "整改任务：部分乡镇落实河长巡河制度不到位，巡河记录流于形式。",
            "整改目标：巡河制度落实到位。",
            "整改完成情况：",
            "1、各乡镇每月召开河长制工作推进会议，压实巡河责任。",
            "2、县河长办每季度对巡河记录开展抽查并通报。",
            *_TAIL,
        ]
    )
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.title == "部分乡镇落实河长巡河制度不到位，巡河记录流于形式"
    assert len(problem.measures) == 2


def test_labels_of_two_roles_are_no_notice() -> None:
    text = "\n".join(
        [
            *_HEAD,
            "存在问题：巡河记录流于形式。",
            "整改目标：巡河制度落实到位。",
            "一、关于河长制落实方面",
            "（一）巡河记录不规范。整改情况：已完成。",
            "（二）问题台账更新不及时。整改情况：正在整改。",
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    assert titles == ["巡河记录不规范", "问题台账更新不及时"]


def test_findings_labelled_alike_one_after_another_are_no_one_notice() -> None:
    text = "\n".join(
        [
            *_HEAD,
            "反馈问题：部分河段垃圾清理不及时。",
            "整改措施：建立河道保洁长效机制。",
            "整改完成情况：已完成。",
            "反馈问题：农村生活污水收集率偏低。",
            "整改措施：实施污水管网延伸工程。",
            "整改完成情况：正在推进。",
        ]
    )
    titles = [p.title for p in rectpipe.parse_text(text).iter_problems()]
    # not the first finding alone, the second lost: each is a labelled record of its own
    # (tests/test_labelled_records.py)
    assert titles == ["部分河段垃圾清理不及时", "农村生活污水收集率偏低"]


def test_a_notice_in_labelled_lines_as_a_word_file() -> None:
    """The same notice as a government-style Word file (仿宋 body, first-line indents,
    黑体 title; tests/render_docx.py): one problem, its measures and status."""
    text = "\n".join(
        [
            *_HEAD,
            "整改任务：部分乡镇落实河长巡河制度不到位，巡河记录流于形式。",
            "整改目标：巡河制度落实到位。",
            "整改完成情况：",
            "1、各乡镇每月召开河长制工作推进会议，压实巡河责任。",
            "2、县河长办每季度对巡河记录开展抽查并通报，目前已整改完成。",
            *_TAIL,
        ]
    )
    report = rectpipe.parse_bytes(word_paragraphs(text), name="notice.docx")
    [problem] = report.iter_problems()
    assert problem.title == "部分乡镇落实河长巡河制度不到位，巡河记录流于形式"
    assert len(problem.measures) == 2
    assert report.metadata.date == "2025-03-03"
