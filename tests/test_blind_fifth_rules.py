"""Rules added for the fifth round of blind batches (docs/blind-fifth-round.md: metadata as
published, look-alikes, Excel ledgers, long-form inspection reports): each test fails without
its rule. Every text here is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.models import Report


def _read(text: str, name: str = "report.txt") -> Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _problems(report: Report) -> list[tuple[str, str, int]]:
    return [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


def test_clauses_after_a_finding_of_its_own_are_its_measures() -> None:
    """Paragraphs under a group that each open with a finding: 一是… after the first one's own
    sentences are its measures, not the group's findings."""
    text = (
        "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
        "二、反馈问题整改落实情况\n\n"
        "（一）在落实河湖长制方面\n\n"
        "河道采砂监管存在盲区。局党组成立专班，实行旬调度。一是联合执法巡查；"
        "二是安装视频监控。该问题已整改完成。\n\n"
        "小型水库安全鉴定滞后。完成鉴定12座，已整改完成。\n\n"
        "农村供水水质检测覆盖不全。新增检测点30个，目前正在推进。\n"
    )
    assert _problems(_read(text)) == [
        ("河道采砂监管存在盲区", "completed", 2),
        ("小型水库安全鉴定滞后", "completed", 0),
        ("农村供水水质检测覆盖不全", "in_progress", 0),
    ]


def test_clauses_opening_a_group_are_still_its_findings() -> None:
    text = (
        "中共岚溪县水利局党组关于县委巡察整改进展情况的通报\n\n"
        "二、反馈问题整改落实情况\n\n"
        "（一）在落实河湖长制方面\n\n"
        "一是河道采砂监管存在盲区；二是小型水库安全鉴定滞后。\n"
    )
    assert [p[0] for p in _problems(_read(text))] == [
        "河道采砂监管存在盲区",
        "小型水库安全鉴定滞后",
    ]


def test_a_title_below_a_web_copys_site_name_and_breadcrumb_names_the_report() -> None:
    """With the title on the third line, a finding stating no status keeps its 一是… as
    measures (a report of what was done), as it does with the title on the first."""
    body = (
        "中共岚溪职业学院委员会关于巡视整改进展情况的通报\n\n"
        "二、巡视反馈问题整改情况\n\n"
        "1.实训基地利用率不高\n\n"
        "一是制定共享管理办法；二是向周边企业开放实训工位。\n\n"
        "2.校企合作协议履约不严\n\n"
        "一是清理到期协议；二是建立履约台账。\n"
    )
    chrome = "岚溪职业学院新闻网\n首页 > 通知公告 > 正文\n"
    assert [m for _, _, m in _problems(_read(chrome + body))] == [2, 2]
    assert [m for _, _, m in _problems(_read(body))] == [2, 2]


def test_work_told_under_way_in_the_genres_verb_of_consolidation() -> None:
    text = (
        "中共岚溪市委关于巡视整改进展情况的通报\n\n"
        "三、巡视反馈意见整改落实情况\n\n"
        "1.关于“软弱涣散村党组织整顿不彻底”问题\n\n"
        "一是落实县级领导包联；二是开展回访。目前已整顿转化41个，剩余5个正在整顿中。\n\n"
        "2.关于“村级财务公开不及时”问题\n\n"
        "一是统一公开时间；二是开展抽查。目前已整改完成。\n"
    )
    assert [p[1] for p in _problems(_read(text))] == ["in_progress", "completed"]
