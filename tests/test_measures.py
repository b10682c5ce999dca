from __future__ import annotations

from rectpipe.extract.measures import find_measures


def _texts(text: str) -> list[tuple[int, str, str]]:
    return [(m.ordinal, m.marker, text[m.start : m.end]) for m in find_measures(text)]


def test_yi_shi_er_shi() -> None:
    text = "一是强化招商。引进企业。二是加大培育力度。三是加强宣传。"
    assert _texts(text) == [
        (1, "一是", "强化招商。引进企业。"),
        (2, "二是", "加大培育力度。"),
        (3, "三是", "加强宣传。"),
    ]


def test_missing_shi_fills_a_gap_at_the_end() -> None:
    text = "一是成立专班。二是加强处置。三加强教育管理。制定办法。"
    found = find_measures(text)
    assert [m.marker for m in found] == ["一是", "二是", "三"]
    assert found[2].missing_shi


def test_bare_numeral_before_the_real_marker_is_ignored() -> None:
    text = "一是优化布局。目前已投入使用。二楼、三楼已建成。二是大力招商。三是引以为戒。"
    assert [m.marker for m in find_measures(text)] == ["一是", "二是", "三是"]


def test_counted_words_are_not_markers() -> None:
    text = "一是建立机制。二是完善制度。三个月来成效明显。"
    assert [m.marker for m in find_measures(text)] == ["一是", "二是"]


def test_di_yi_di_er() -> None:
    text = "第一，统一思想。第二，压实责任。第三，强化督查。"
    assert [m.marker for m in find_measures(text)] == ["第一，", "第二，", "第三，"]


def test_a_lone_yi_shi_is_a_list_of_one_but_no_other_single_marker() -> None:
    """一是 opens a list in so many words: alone (a copy cut inside the first measure, or a
    draft that never wrote 二是) it still tells one measure. A bare numeral or 第一 alone is
    no list (三个月内完成, 第一，…)."""
    [one] = find_measures("一是加强领导。")
    assert (one.ordinal, one.marker) == (1, "一是")
    assert find_measures("三加强领导。") == []
    assert find_measures("第一，加强领导。") == []


def test_a_numbered_list_run_on_after_a_label_gives_measures() -> None:
    import rectpipe

    report = rectpipe.parse_text(
        "一、关于党建工作方面的问题\n问题1：党员教育管理不严格。\n"
        "整改措施：（1）建立党员积分管理制度；（2）开展党员大讲堂。\n整改进展：正在整改。\n"
        "问题2：发展党员程序不规范。\n整改措施：①全面自查档案；②补齐缺失材料。\n整改进展：已完成。\n"
    )
    assert [[m.text for m in p.measures] for p in report.iter_problems()] == [
        ["建立党员积分管理制度；", "开展党员大讲堂。"],
        ["全面自查档案；", "补齐缺失材料。"],
    ]


def test_steps_in_sequence() -> None:
    text = "首先，修订议事规则；其次，开展专题培训；再次，开展专项检查；最后，建立整改台账。"
    assert [(m.ordinal, text[m.start : m.end]) for m in find_measures(text)] == [
        (1, "修订议事规则；"),
        (2, "开展专题培训；"),
        (3, "开展专项检查；"),
        (4, "建立整改台账。"),
    ]
    # a lone 首先, or steps out of order, are no list
    assert find_measures("首先要提高政治站位，切实扛起整改责任。") == []
    assert find_measures("首先，修订制度。最后，建立台账。其次，开展培训。") == []
