"""Parts after the findings that list no findings, though their items read like them: what the
rectification achieved (整改取得的成效: 民生短板加快补齐), the discipline it led to (严肃追责问责
情况 and its 典型案例), the rules made (建章立制情况: 制定《…》, 修订《…》); and a long-term
close after a labelled status's account (profiles/default.yaml, extract/evidence.py,
extract/problems.py)."""

from __future__ import annotations

import pytest

import rectpipe

_HEAD = (
    "中共青禾县林业局党组关于县委巡察整改进展情况的通报\n"
    "2025年3月3日至4月30日，县委第一巡察组对县林业局党组开展了巡察，并于2025年6月5日反馈了"
    "巡察意见。现将整改进展情况通报如下。\n"
    "一、巡察反馈问题整改情况\n"
    "1.森林防火经费使用不规范，部分经费用于日常办公支出。\n"
    "整改进展：已完成整改。清理2024年以来防火经费支出，修订管理办法。\n"
    "2.护林员日常管理松散，考勤流于形式。\n"
    "整改进展：正在整改。推行电子巡护打卡。\n"
)
_TAIL = "中共青禾县林业局党组\n2025年9月30日\n"
_FINDINGS = ["森林防火经费使用不规范，部分经费用于日常办公支出", "护林员日常管理松散，考勤流于形式"]


def _titles(text: str) -> list[str]:
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    return [p.title for p in report.iter_problems()]


@pytest.mark.parametrize(
    "part",
    [
        "二、整改取得的成效\n1.森林资源管护水平提升。全县森林覆盖率达到68.2%。\n"
        "2.民生短板加快补齐。新建护林站3处。\n",
        "二、整改取得的主要成效\n1.管理漏洞有效堵塞。修订制度5项。\n2.干部作风持续改进。\n",
        "二、严肃追责问责情况\n共问责2人。典型案例如下：\n"
        "1.县林业局原财务股长赵某某违规支出防火经费问题。2025年8月，赵某某受到党内警告处分。\n"
        "2.某林场场长钱某某履职不力问题。钱某某受到诫勉谈话。\n",
        "二、建章立制情况\n整改期间共制定修订制度3项，主要有：\n"
        "1.制定《局机关公务接待管理办法》；\n2.修订《森林防火经费管理办法》；\n"
        "3.印发《护林员考勤管理规定》。\n",
    ],
)
def test_a_part_after_the_findings_lists_none(part: str) -> None:
    assert _titles(_HEAD + part + _TAIL) == _FINDINGS


def test_a_finding_that_names_an_unremedied_shortfall_is_still_one() -> None:
    """短板 told as remedied after it (短板加快补齐) is no finding; told as it stands, it is."""
    text = _HEAD.replace("2.护林员日常管理松散，考勤流于形式。", "2.林区基础设施短板突出。")
    assert _titles(text + _TAIL) == [_FINDINGS[0], "林区基础设施短板突出"]


def test_a_long_term_close_after_a_labelled_status_s_account() -> None:
    text = _HEAD.replace("修订管理办法。\n", "修订管理办法。该问题需长期坚持。\n", 1) + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    first, second = report.iter_problems()
    assert (first.status.value, first.long_term) == ("completed", True)
    assert (second.status.value, second.long_term) == ("in_progress", False)


def test_an_account_that_only_goes_on_with_work_is_not_long_term() -> None:
    text = _HEAD.replace("修订管理办法。\n", "修订管理办法，持续推进制度建设。\n", 1) + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert report.iter_problems()[0].long_term is False
