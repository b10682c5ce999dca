"""Rules added for the shapes of blind batch n (docs/blind-n.md, docs/shapes.md §21)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.status import StatusMatch, status_sentence
from rectpipe.models.records import Status
from rectpipe.profiles import default_profile

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
    # Only a closing sentence that reports progress as of now is read so.
    assert _status("成立结算专班。已完成结算11个项目，剩余3个项目正在推进。") is None
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
