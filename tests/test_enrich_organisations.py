"""Organisation rules of the enrichment, one shape each, on phrases written for the test.

Each case is a phrase the genre writes (a unit's own body, a unit's part, a short name after a
bare 省/市/县/区, a kind of unit) with the organisations it must give, so that a change to
the rules shows which shape it moved.
"""

from __future__ import annotations

import pytest

from rectpipe.enrich.config import default_config
from rectpipe.enrich.entities import find_entities
from rectpipe.enrich.segment import segment


def _orgs(text: str) -> list[str]:
    config = default_config()
    tokens = segment(text, config.org_patterns, config.dictionary)
    return [e.text for e in find_entities(text, tokens, config) if e.kind == "organization"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a one-character unit word before one of its bodies: the reporting unit's body
        ("局党组专题研究整改方案。", ["局党组"]),
        ("委党委加强对直属单位的指导。", ["委党委"]),
        ("村党支部书记带头落实。", ["村党支部"]),
        ("局机关党委牵头开展自查。", ["局机关党委"]),
        ("局党组理论学习中心组开展专题学习。", ["局党组理论学习中心组"]),
        # short names of a definite unit, alone
        ("集团对下属企业开展专项检查。", ["集团"]),
        ("总行印发管理办法。", ["总行"]),
        ("须经局机关审批后实施。", ["局机关"]),
        ("省政府督促各地落实。", ["省政府"]),
        ("配合县纪委监委调查核实。", ["县纪委监委"]),
        ("已督促财政局等单位退还。", ["财政局"]),
        # a unit's part after its name
        ("由区水务局排水科负责督办。", ["区水务局排水科"]),
        ("县财政局办公室修订制度。", ["县财政局办公室"]),
        # a short name after a bare 省/市/县/区
        ("区防汛办补充储备物资。", ["区防汛办"]),
        ("区河长办牵头开展巡查。", ["区河长办"]),
        ("区国资中心完善出租程序。", ["区国资中心"]),
        ("市住建局督促整改。", ["市住建局"]),
        # suffixes of the genre's units
        ("原路政大队移交设备。", ["路政大队"]),
        ("国有林场建立管护制度。", ["国有林场"]),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全市中小学食堂存在隐患。", []),  # a class word first: a kind of unit
        ("部分农村中小学未配备。", []),
        ("乡镇卫生院服务能力不足。", []),
        ("市级医院牵头不够。", []),  # a 级 word first
        ("县级政府责任不明确。", []),
        ("各级党委要压实责任。", []),
        ("聘请会计师事务所开展审计。", []),  # a generic name
        ("服务全市产业布局不够聚焦。", []),  # 布局 ends in 局 and names no bureau
        ("调整设置党支部。", []),
        ("联系基层所党支部。", []),  # what was done to a body, not whose it is
        ("与省人民医院签订学科共建协议。", ["省人民医院"]),  # 学科 is a word, not a part
        ("集团所提供的担保未解除。", ["集团"]),  # 所 here is a particle
        ("我区防汛办公用房不足。", []),  # 我区 points, it does not name
    ],
)
def test_kinds_of_unit_and_words_that_are_no_part(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


def test_a_part_word_that_a_noun_carries_on_is_no_part() -> None:
    assert _orgs("区水务局中心工作推进不力。") == ["区水务局"]


def test_a_verb_before_a_short_name_word_is_no_part() -> None:
    assert _orgs("区水务局督促办理。") == ["区水务局"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("医务科负责督办。", ["医务科"]),
        ("科技处牵头修订办法。", ["科技处"]),
        ("学生工作部组织开展。", ["学生工作部"]),
        ("由区水务局人事科负责。", ["区水务局人事科"]),
        ("对违纪案件依法立案查处。", []),  # 查处 is a verb, not a 处
        ("领导干部带头。", []),
        ("在会议室召开。", []),
    ],
)
def test_a_unit_part_named_alone(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected
