"""Rules added for the sixth round of blind batches (docs/blind-sixth-round.md: numbering and
measures, copies of scans, reports sent upward): each test fails without its rule. Every text
here is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.models import Report


def _read(text: str, name: str = "report.txt") -> Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _problems(report: Report) -> list[tuple[str, str, int]]:
    return [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


_HEAD = (
    "中共岚溪县档案馆党组关于巡察整改进展情况的通报\n\n"
    "2025年3月1日至4月20日，县委第一巡察组对县档案馆党组开展了巡察，"
    "2025年5月10日反馈了巡察意见。\n\n"
    "一、反馈问题整改情况\n"
)
_SIGNED = "\n中共岚溪县档案馆党组\n2025年9月1日\n"


def test_a_status_label_and_its_value_in_one_bracket() -> None:
    text = (
        _HEAD
        + "（一）档案库房温湿度监测缺失。\n"
        + "整改情况：一是加装监测设备；二是建立巡检制度。【整改状态：已完成】\n"
        + "（二）档案数字化进度滞后。\n"
        + "整改情况：一是引入服务机构；二是制定年度计划。【整改状态：正在推进】\n"
        + _SIGNED
    )
    assert [p[1] for p in _problems(_read(text))] == ["completed", "in_progress"]


def test_a_bracketed_status_closing_the_findings_sentence_with_the_account_after_it() -> None:
    text = (
        _HEAD
        + "1.档案库房温湿度监测缺失（已整改）。县档案馆加装监测设备12台。\n"
        + "2.档案数字化进度滞后（部分整改）。已完成数字化3万卷，剩余部分待招标。\n"
        + _SIGNED
    )
    report = _read(text)
    assert _problems(report) == [
        ("档案库房温湿度监测缺失", "completed", 0),
        ("档案数字化进度滞后", "partially_completed", 0),
    ]
    assert report.iter_problems()[0].actions == "县档案馆加装监测设备12台。"


def test_a_numbered_label_closed_by_a_comma_or_a_dot() -> None:
    for first, second in (("问题一、", "问题二、"), ("问题1.", "问题2."), ("第1项、", "第2项、")):
        text = (
            _HEAD
            + f"{first}档案库房温湿度监测缺失。\n整改措施：一是加装设备；二是建立制度。\n"
            + "整改进展：已完成整改。\n"
            + f"{second}档案数字化进度滞后。\n整改措施：一是引入机构；二是制定计划。\n"
            + "整改进展：正在整改。\n"
            + _SIGNED
        )
        assert _problems(_read(text)) == [
            ("档案库房温湿度监测缺失", "completed", 2),
            ("档案数字化进度滞后", "in_progress", 2),
        ], first


def test_a_heading_run_into_its_first_item_is_still_cut_before_the_number() -> None:
    """…方面的问题1.X: the heading's own 问题, then item 1 (not a label 问题1.)."""
    text = (
        _HEAD
        + "（一）关于档案安全管理方面的问题1.库房温湿度监测缺失。\n整改进展：已完成整改。\n"
        + "2.消防设施老化。\n整改进展：正在整改。\n"
        + _SIGNED
    )
    assert [p[0] for p in _problems(_read(text))] == ["库房温湿度监测缺失", "消防设施老化"]


def test_a_printed_pages_number_and_running_header_in_a_copy_are_taken_out() -> None:
    running = "岚溪县档案馆巡察整改进展情况通报"
    text = (
        _HEAD
        + "1.档案库房温湿度监测缺失。\n整改措施：\n（1）加装监测设备；\n（2）建立巡检制度；\n\n"
        + f"{running}\n— 2 —\n\n"
        + "（3）开展季度检查。\n整改结果：已完成整改。\n"
        + "2.档案数字化进度滞后，2万卷档案尚未完成\n\n"
        + f"{running}\n— 3 —\n\n"
        + "扫描。\n整改措施：\n（1）引入服务机构；\n（2）制定年度计划。\n整改结果：正在整改。\n"
        + _SIGNED
    )
    report = _read(text)
    assert _problems(report) == [
        ("档案库房温湿度监测缺失", "completed", 3),
        ("档案数字化进度滞后，2万卷档案尚未完成扫描", "in_progress", 2),
    ]
    assert [(r.text, r.reason) for r in report.removed] == [
        (running, "running_header"),
        ("— 2 —", "page_number"),
        (running, "running_header"),
        ("— 3 —", "page_number"),
    ]


def test_a_date_or_a_first_number_misread_in_a_copy_of_a_scan() -> None:
    from rectpipe.text.repair_text import misread_figures

    assert misread_figures("二〇二四年九月二曰") == "二〇二四年九月二日"
    assert misread_figures("2024年6月3目反馈了巡察意见") == "2024年6月3日反馈了巡察意见"
    assert misread_figures("二〇二四牟九月二日") == "二〇二四年九月二日"
    assert misread_figures("二〇二四年十—月二日") == "二〇二四年十一月二日"
    assert misread_figures("2O24年3月4日") == "2024年3月4日"
    assert misread_figures("l.林木采伐审批把关不严") == "1.林木采伐审批把关不严"
    # where another character can stand, it stays
    for kept in ("项目目标", "2024年—2025年", "I类水质", "Logo设计", "达到3目标"):
        assert misread_figures(kept) == kept


def test_a_fullwidth_stop_after_a_word_ends_its_sentence() -> None:
    from rectpipe.text.repair_text import fullwidth_stop

    assert fullwidth_stop("超范围核发．2023年核发3张。") == "超范围核发。2023年核发3张。"
    assert fullwidth_stop("1．林木采伐") == "1．林木采伐"


def test_a_table_copied_with_gaps_keeps_its_category_rows_and_wrapped_cells() -> None:
    text = (
        "岚溪县教育局关于县审计局审计发现问题整改情况的报告\n\n"
        "2024年5月，县审计局对我局开展了审计。具体整改情况见下表。\n\n"
        "序号  审计发现问题  整改措施  责任单位  整改时限  整改情况\n"
        "一、财务管理方面\n"
        "1  食堂收支未单独核算  1.建立食堂专账；2.按月公示  财务股  2024年9月30日  已完成整改\n"
        "2  超范围列支公用经费6.2  1.追回资金；2.修订公用  财务股  2024年10月31日  已完成整改\n"
        "万元  经费使用细则；3.开展全县学校\n"
        "经费专项检查\n"
        "二、项目管理方面\n"
        "3  校舍维修未办理竣工结算  1.补办结算审核；2.建立台账  基建股  2024年10月31日  正在整改\n"
        "\n岚溪县教育局\n2024年12月6日\n"
    )
    report = _read(text)
    assert [
        (p.title, p.status.value, len(p.measures), p.path[-1].title if p.path else None)
        for p in report.iter_problems()
    ] == [
        ("食堂收支未单独核算", "completed", 2, "财务管理方面"),
        ("超范围列支公用经费6.2万元", "completed", 3, "财务管理方面"),
        ("校舍维修未办理竣工结算", "in_progress", 2, "项目管理方面"),
    ]


def test_a_phone_number_with_a_fullwidth_dash() -> None:
    text = (
        _HEAD
        + "1.档案库房温湿度监测缺失。\n整改进展：已完成整改。\n"
        + "\n欢迎监督。联系电话：0756－3318842。\n"
        + _SIGNED
    )
    assert _read(text).metadata.phone == "0756-3318842"


def test_steps_led_by_sequence_words_and_ordinals_are_measures() -> None:
    from rectpipe.extract.measures import find_measures

    for account in (
        "首先是开展入户核查，其次是停发低保金，最后是建立复核机制。",
        "其一，开展消防检测；其二，更换老化设施；其三，组织消防演练。",
        "第一项，清理违规站点；第二项，签订责任书；第三项，开展培训。",
        "首先要清理收费项目；其次要公示收费标准；最后要开展专项检查。",
        "首先，推行预约登记，其次，增设登记窗口，最后，开展服务评议。",
    ):
        assert len(find_measures(account)) == 3, account
    # a lone 其次 in a sentence, or 首先 opening nothing after it, is no list
    assert find_measures("经研究，其次要任务是完成验收。") == []
    assert find_measures("首先开展核查，全面摸清底数。") == []


_GROUP_HEAD = (
    "中共岚溪投资集团有限公司委员会关于省委巡视整改进展情况的通报\n\n"
    "2024年7月30日，省委第九巡视组向集团党委反馈了巡视意见。\n\n"
    "二、巡视反馈问题整改落实情况\n\n"
)


def test_work_named_then_kept_up_and_the_rest_under_way() -> None:
    text = (
        _GROUP_HEAD
        + "1.关于“债务规模增长过快”问题的整改\n\n"
        + "一是制定债务管控方案。二是压降有息负债。债务风险防控需长期坚持，集团将持续推进。\n\n"
        + "2.关于“部分子企业从事非主业投资”问题的整改\n\n"
        + "一是清理非主业项目。二是修订投资办法。截至目前，4家子企业中已完成清退3家，"
        + "剩余1家正在履行挂牌转让程序。\n\n"
        + "3.关于“违法占用耕地整治滞后”问题的整改\n\n"
        + "一是建立台账。二是开展督查。目前，该问题已基本完成整改，"
        + "剩余4宗因涉及群众安置正在协调处置。\n"
    )
    assert [(p.status.value, p.long_term) for p in _read(text).iter_problems()] == [
        ("ongoing", True),
        ("in_progress", False),
        ("partially_completed", False),
    ]


def test_all_done_told_in_the_sentence_after_the_count() -> None:
    text = (
        "关于岚溪村党总支巡察整改情况的公示\n\n"
        "2025年6月5日，县委第三巡察组向村党总支反馈了巡察意见，共反馈问题2个。"
        "村党总支召开支委会专题研究，逐条制定整改措施，现已全部整改完成。现将整改情况公示如下：\n\n"
        "一、反馈问题：村务公开不及时。\n整改结果：已整改到位。\n\n"
        "二、反馈问题：集体机动地发包未经表决。\n整改结果：已整改到位。\n"
    )
    stated = _read(text).summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed) == (2, 2)


def test_the_partly_done_counted_among_the_unfinished_as_the_count_says() -> None:
    text = (
        "关于岚溪县2024年度预算执行审计查出问题整改情况的报告\n\n"
        "一、总体情况\n审计工作报告反映的3项问题，已整改1项，正在整改2项（含部分整改）。\n\n"
        "二、具体问题整改情况\n"
        "（一）关于非税收入未及时缴库的问题。已全部缴入国库，该问题已整改到位。\n"
        "（二）关于暂付款清理缓慢的问题。已清理暂付款320万元，该问题部分整改。\n"
        "（三）关于公租房租金欠缴的问题。该问题正在整改中。\n"
    )
    report = _read(text)
    assert report.summary.consistent is True
    assert "totals_mismatch" not in [w.code for w in report.warnings]
