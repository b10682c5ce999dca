"""Rules added for the seventh round (docs/blind-seventh-round.md: published reports read as
they were published, their misses reproduced on invented text): each test fails without its
rule. Every text here is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.models import Report


def _read(text: str, name: str = "report.txt") -> Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _problems(report: Report) -> list[tuple[str, str, int]]:
    return [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


_BODY = (
    "一、反馈问题整改情况\n"
    "1.理论学习不深入。已完成整改。组织专题学习4次。\n"
    "2.项目资金拨付滞后。已完成整改。拨付资金300万元。\n"
    "\n中共青禾县水务局党组\n2024年10月8日\n"
)


def test_arrival_and_leaving_dated_in_one_sentence() -> None:
    text = (
        "中共青禾县水务局党组关于县委巡察整改进展情况的通报\n\n"
        "根据县委统一部署，2024年3月11日进驻、5月20日撤离，县委第三巡察组对县水务局党组"
        "开展了常规巡察。2024年7月2日，县委第三巡察组反馈了巡察意见。\n\n" + _BODY
    )
    meta = _read(text).metadata
    assert (meta.period_start, meta.period_end) == ("2024-03-11", "2024-05-20")
    assert meta.feedback_date == "2024-07-02"


def test_leaving_before_arrival_in_one_sentence_is_no_period() -> None:
    text = (
        "中共青禾县水务局党组关于县委巡察整改进展情况的通报\n\n"
        "上一轮巡察组于2023年5月20日撤离，2024年3月11日再次进驻县水务局党组开展巡察。\n\n" + _BODY
    )
    meta = _read(text).metadata
    assert meta.period_end is None


def test_a_portals_date_line_with_its_count_of_views() -> None:
    for line in ("2024-05-12 862", "2024-05-12 09:30 1531", "2024年5月12日 862"):
        text = (
            "新闻中心\n\n白沙县人民医院关于门诊楼改造项目审计整改结果的公告\n\n"
            f"{line}\n分享到：\n\n"
            "根据白沙县审计局的审计报告，我院对照审计发现问题认真整改，现将整改情况公告如下：\n\n"
            "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n\n"
            "2.监理服务采购未公开招标问题。\n\n整改情况：已修订采购管理办法。\n"
        )
        assert _read(text).metadata.date == "2024-05-12", line


def test_a_date_run_into_figures_is_no_date_line() -> None:
    text = (
        "白沙县人民医院关于审计整改结果的公告\n\n2024-05-1286\n\n"
        "根据白沙县审计局的审计报告，我院认真整改，现将整改情况公告如下：\n\n"
        "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n"
    )
    assert _read(text).metadata.date is None


_TALLIED = (
    "白沙县人民医院关于门诊楼改造项目审计整改结果的公告\n\n"
    "根据白沙县审计局的审计报告，我院认真整改，现将整改情况公告如下：\n\n"
    "1.多计材料费41200元问题。\n\n整改情况：已核减多计的材料费41200元。\n\n"
    "2.监理服务采购未公开招标问题。\n\n整改情况：已修订采购管理办法，今后严格执行招标程序。\n\n"
)


def test_a_closing_tally_that_counts_every_finding_done() -> None:
    text = _TALLIED + "审计发现问题2项，截至2024年4月底，已完成整改合计2项。\n"
    report = _read(text)
    stated = report.summary.stated
    assert stated is not None and (stated.problems, stated.completed) == (2, 2)
    assert [p.status.value for p in report.iter_problems()] == ["completed", "completed"]


def test_a_tally_that_counts_fewer_done_gives_no_status() -> None:
    text = _TALLIED + "审计发现问题2项，截至2024年4月底，已完成整改1项，正在整改1项。\n"
    report = _read(text)
    assert [p.status.value for p in report.iter_problems()] == ["unknown", "unknown"]


_PART = (
    "\n一、反馈问题整改情况\n"
    "1.理论学习不深入。已完成整改。组织专题学习4次。\n"
    "2.项目资金拨付滞后。已完成整改。拨付资金300万元。\n"
)


def test_the_issuer_in_full_over_its_short_form_as_subject() -> None:
    text = (
        "根据市委统一部署，2023年9月4日至11月10日，市委第二巡视组对西岭科技城云台高新区开展了"
        "常规巡视。2024年1月9日，市委巡视组向西岭科技城云台高新区党工委反馈了巡视意见。"
        "现将巡视整改进展情况予以公布。\n"
        "一、履行整改主体责任情况\n"
        "科技城高新区党工委深入学习上级部署要求，不折不扣抓好整改落实。\n" + _PART
    )
    assert _read(text).metadata.issuer == "西岭科技城云台高新区党工委"


def test_a_subject_that_is_no_shorter_form_keeps_its_name() -> None:
    text = (
        "根据市委统一部署，市委第二巡视组对西岭科技城云台高新区开展了常规巡视，"
        "并向西岭科技城云台高新区党工委反馈了巡视意见。现将巡视整改进展情况予以公布。\n"
        "一、履行整改主体责任情况\n"
        "东坡镇党委深入学习上级部署要求，不折不扣抓好整改落实。\n" + _PART
    )
    assert _read(text).metadata.issuer == "东坡镇党委"


def test_a_bracket_inside_the_inspected_bodys_name() -> None:
    text = (
        "根据市委统一部署，市委第二巡视组于2023年4月10日至6月20日对中共云岭建工（集团）有限公司"
        "委员会进行了巡视，并于2023年8月15日反馈了巡视意见。现将巡视整改进展情况予以公布。\n"
        "一、履行整改主体责任情况\n集团党委认真学习上级部署要求，逐条抓好整改。\n" + _PART
    )
    assert _read(text).metadata.issuer == "中共云岭建工（集团）有限公司委员会"


def test_a_short_name_defined_between_a_bodys_name_and_its_kind() -> None:
    for defined in ("（简称云台管理局）", "（以下简称云台管理局）"):
        text = (
            "根据区委统一部署，2023年3月6日至5月12日，区委第二巡察组对中共东港新区云台开发建设"
            f"管理局{defined}党组开展专项巡察，并于6月20日向云台管理局党组反馈了巡察意见。"
            "现将巡察整改进展情况予以公布。\n" + _PART
        )
        assert _read(text).metadata.issuer == "中共东港新区云台开发建设管理局党组", defined


def test_a_general_branch_or_a_working_committee_as_subject() -> None:
    for kind in ("党总支", "党支部", "街道工委"):
        body = "青柳社区" + kind if kind != "街道工委" else "青柳街道工委"
        text = (
            "根据县委统一部署，2024年4月8日至5月10日，县委第三巡察组对青柳社区进行了巡察。"
            "现将巡察整改进展情况予以公布。\n"
            f"一、强化组织领导\n（一）召开专题会议。反馈会后，{body}高度重视，及时研究整改。\n"
            "二、整改进展情况\n1.议事记录不完整。补齐议事记录，已完成整改。\n"
            "2.公示栏更新不及时。每月更新公示内容，已完成整改。\n"
        )
        assert _read(text).metadata.issuer == body, kind


_OPENING = (
    "中共青柳市交通运输局党组关于市委巡视整改进展情况的通报\n\n"
    "根据市委统一部署，市委第三巡视组于2024年5月6日至7月12日对市交通运输局党组进行了巡视，"
    "并于2024年9月3日反馈了巡视意见。现将巡视整改进展情况予以公布。\n\n"
    "一、履行整改主体责任情况\n\n（一）提高政治站位\n\n"
    "局党组把巡视整改作为重大政治任务，多次召开专题会议研究部署。\n\n"
)


def _codes(report: Report) -> list[str]:
    return [w.code for w in report.warnings]


def test_a_copy_cut_in_the_first_words_under_a_heading() -> None:
    cut = _read(_OPENING + "（二）加强组织领导\n\n局党组高度\n")
    assert "truncated" in _codes(cut)
    signed = _read(
        _OPENING + "（二）加强组织领导\n\n局党组成立了领导小组。\n\n中共青柳市交通运输局党组\n"
    )
    assert "truncated" not in _codes(signed)


def test_a_copy_cut_after_a_quoted_phrase() -> None:
    cut = _read(_OPENING + "（二）压实整改责任。坚持“全局一张网”\n")
    assert [w for w in cut.warnings if "mid-sentence" in w.message]
    whole = _read(_OPENING + "（二）压实整改责任。局党组书记强调：“整改要一抓到底。”\n")
    assert not [w for w in whole.warnings if "mid-sentence" in w.message]


def test_a_prefectures_inspection_group() -> None:
    text = (
        "中共白石县柳溪乡委员会关于巡察整改进展情况的通报\n\n"
        "2024年6月2日至7月5日，地委第二巡察组对柳溪乡党委开展了常规巡察，第五巡察组同期巡察"
        "石门镇。2024年8月10日，地委第二巡察组向柳溪乡党委反馈了巡察意见。"
        "现将巡察整改进展情况予以公布。\n" + _PART
    )
    assert _read(text).metadata.inspecting_body == "地委第二巡察组"


def test_an_address_named_among_other_means_is_none() -> None:
    text = (
        "中共白石县柳溪乡委员会关于巡察整改进展情况的通报\n\n"
        "巡察期间，巡察组公布了接访地点、通信地址和举报电话。现将巡察整改进展情况予以公布。\n"
        + _PART
    )
    assert _read(text).metadata.address is None


def test_a_sites_greeting_bar_above_the_headline() -> None:
    text = (
        "欢迎进入白石县人民医院官方网站！ 加入收藏 联系我们\n"
        "您现在的位置：首页 > 医院新闻\n\n"
        "白石县人民医院党委关于巡察整改进展情况的通报\n\n发布时间：2025-05-12\n\n"
        "按照县委安排，2024年10月8日至12月20日，县委第三巡察组对县人民医院党委进行了巡察。"
        "现将巡察整改进展情况予以公布。\n" + _PART
    )
    assert _read(text).metadata.title == "白石县人民医院党委关于巡察整改进展情况的通报"


def test_a_feedback_day_without_its_year_takes_the_documents() -> None:
    for page_day, expected in (("2025/3/14", "2025-03-12"), ("2025/1/6", "2024-11-05")):
        day = "3月12日" if expected.endswith("03-12") else "11月5日"
        text = (
            "白石县妇幼保健院党委关于巡察整改进展情况的通报\n"
            f"时间：{page_day} 10:20:11\n\n"
            f"{day}，县委第二巡察组向县妇幼保健院党委反馈了巡察意见。"
            "现将巡察整改进展情况予以公布。\n" + _PART
        )
        meta = _read(text).metadata
        assert meta.feedback_date == expected, page_day


def test_a_revisits_day_is_no_feedback_day() -> None:
    text = (
        "县委巡察组回访县交通局巡察整改落实情况\n2021年06月30日 08:15\n\n"
        "6月28日，县委第二巡察组到县交通局回访巡察反馈问题整改落实情况。"
        "县交通局对巡察反馈的18个问题逐项整改，目前已完成整改16个。\n"
    )
    try:
        meta = _read(text).metadata
    except rectpipe.RectpipeError:
        return
    assert meta.feedback_date is None


def test_findings_that_open_with_a_measures_verb_and_end_in_a_shortfall() -> None:
    text = (
        "中共青禾社区委员会关于巡察整改情况的报告\n"
        "2024年3月4日至4月30日，区委第三巡察组对青禾社区党委进行了巡察。"
        "现将巡察整改情况报告如下。\n"
        "一、落实整改实施情况\n"
        "（一）聚焦落实上级部署情况\n"
        "1、上级部署落实不到位。\n"
        "（1）开展垃圾分类宣传不均衡。组织志愿者入户宣传12次，已完成整改。\n"
        "（2）建立加装电梯协调机制滞后。召开协调会3次，阶段性完成。\n"
        "2、服务群众有短板。\n"
        "（1）便民服务窗口开放时间短。窗口延长至晚上八点，已完成整改。\n"
    )
    assert [p[:2] for p in _problems(_read(text))] == [
        ("开展垃圾分类宣传不均衡", "completed"),
        ("建立加装电梯协调机制滞后", "partially_completed"),
        ("便民服务窗口开放时间短", "completed"),
    ]


def test_measures_that_name_the_shortfall_they_mend_stay_measures() -> None:
    text = (
        "中共青禾社区委员会关于巡察整改情况的报告\n"
        "2024年3月4日至4月30日，区委第三巡察组对青禾社区党委进行了巡察。"
        "现将巡察整改情况报告如下。\n"
        "一、落实整改实施情况\n"
        "1.基建项目结算审核滞后。\n"
        "（1）委托第三方机构对6个滞后项目进行结算审核。\n"
        "（2）开展安全隐患排查。\n"
        "（3）着力解决审核力量不足。\n"
        "整改状态：已完成。\n"
    )
    assert _problems(_read(text)) == [("基建项目结算审核滞后", "completed", 3)]


def test_a_count_of_the_findings_instances_is_no_count_of_problems() -> None:
    text = (
        "中共青岚市云溪区委员会关于市委巡视集中整改进展情况的通报\n\n"
        "根据市委统一部署，市委第五巡视组于2024年3月1日至5月20日对云溪区进行了巡视，"
        "并于2024年7月8日反馈了巡视意见。现将巡视整改进展情况予以公布。\n\n"
        "一、区委组织落实整改情况\n\n"
        "区委对照巡视反馈的四方面12项问题38项具体问题表现或案例，细化形成95条整改任务。\n"
    )
    stated = _read(text).summary.stated
    assert stated is not None and stated.problems == 12


def test_an_inspection_told_from_the_month_it_started() -> None:
    text = (
        "关于对白沙港码头运营管理情况审计发现问题整改情况的公示\n"
        "2023年5月起，白沙市审计局对我公司运营的白沙港码头进行运营管理情况审计，"
        "指出我公司在码头管理方面存在的问题。现将整改情况公示如下。\n"
        "1.码头设备台账不全问题。整改情况：已完成整改，补建台账。\n"
        "2.租赁合同未及时续签问题。整改情况：已完成整改，续签合同3份。\n"
    )
    meta = _read(text).metadata
    assert (meta.period_start, meta.period_end, meta.period_precision) == ("2023-05", None, "month")


def test_a_news_items_subject_is_no_issuer() -> None:
    text = (
        "发布时间：2025-03-11 | 发布来源：白石纪检监察网 |\n"
        "今年年初，白石县对上一轮巡察整改情况开展了评估。\n"
        "2024年6月，白石县委第二巡察组向石门镇党委反馈问题96个。"
        "石门镇党委坚持镇村一起改，逐项推动落实。\n"
    )
    try:
        meta = _read(text).metadata
    except rectpipe.RectpipeError:
        return
    assert meta.issuer is None


def test_the_announcing_sentence_with_words_between_now_and_its_verb() -> None:
    text = (
        "根据市委统一部署，2020年5月17日至8月7日，市委第八巡察组对市林业园林局党组进行巡察。"
        "2020年10月27日，市委第八巡察组向市林业园林局党组反馈了巡察意见。"
        "按照市委巡察工作有关要求，市林业园林局党组立即开展整改工作。"
        "现根据规定将巡察整改进展情况予以公布。\n" + _PART
    )
    assert _read(text).metadata.issuer == "市林业园林局党组"


def test_a_committees_term_is_part_of_its_groups_name() -> None:
    termed = (
        "中共白石市林业局党组关于巡察整改进展情况的通报\n"
        "2024年3月至5月，十二届市委第三巡察组对市林业局党组开展了常规巡察。"
        "现将巡察整改进展情况予以公布。\n" + _PART
    )
    assert _read(termed).metadata.inspecting_body == "十二届市委第三巡察组"


def test_a_national_bureaus_numbered_group() -> None:
    for body in ("国家统计局第4统计督察组", "国家林草局第3督察组"):
        text = (
            "白石省统计局关于统计督察反馈意见整改进展情况的通报\n"
            f"{body}于2024年5月8日至20日对我省开展了督察，并于2024年7月2日反馈了督察意见。"
            "现将整改进展情况予以公布。\n" + _PART
        )
        assert _read(text).metadata.inspecting_body == body


def test_a_report_that_calls_its_rectification_zhengzhi() -> None:
    text = (
        "根据市委统一部署，市委第二巡察组于2024年3月4日至5月6日对市水务局党组开展了巡察，"
        "并于2024年6月20日反馈了巡察意见。现将巡察整治情况予以公布。\n"
        "一、提高政治站位\n局党组坚决履行整治主体责任，逐条研究反馈问题。\n" + _PART
    )
    assert _read(text).metadata.issuer == "市水务局党组"


def test_a_web_pages_date_line_with_its_count_of_views() -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>白石市档案馆</title></head><body>'
        '<div class="greet">欢迎进入白石市档案馆网站！ <a>加入收藏</a></div>'
        '<div class="art"><div class="dt">2024-05-12 862</div><div class="body">'
        "<p>根据市委统一部署，2024年3月4日至4月30日，市委第二巡察组对中共白石市档案馆党组进行了"
        "巡察。现将巡察整改进展情况予以公布。</p><p>一、整改落实情况</p>"
        "<p>1.档案数字化进度滞后。整改情况：新增数字化档案1.2万卷。已完成整改。</p>"
        "<p>2.库房温湿度监测不到位。整改情况：安装监测设备6台。已完成整改。</p>"
        "</div></div></body></html>"
    )
    report = rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")
    assert report.metadata.date == "2024-05-12"


def test_a_short_name_defined_after_the_whole_name() -> None:
    text = (
        "根据区委统一部署，2024年9月2日至11月8日，区委第三巡察组对中共白石街道工作委员会"
        "（简称白石街道工委）开展了常规巡察。现将巡察整改进展情况予以公布。\n"
        "一、整改工作开展情况\n白石街道工委高度重视，召开工委会逐条研究。\n" + _PART
    )
    assert _read(text).metadata.issuer == "中共白石街道工作委员会"


def test_a_political_and_legal_committee_as_the_inspected_body() -> None:
    text = (
        "根据县委统一部署，2024年4月8日至6月7日，县委第一巡察组对县委政法委进行了巡察。"
        "现将巡察整改进展情况予以公布。\n" + _PART
    )
    assert _read(text).metadata.issuer == "县委政法委"


def test_an_announcing_sentence_that_names_the_results() -> None:
    text = (
        "根据县审计局的审计安排，2024年3月11日至5月20日，县审计局对县医保局党组进行了审计。"
        "县医保局党组高度重视，逐项整改。现根据规定将审计整改结果予以公布。\n" + _PART
    )
    assert _read(text).metadata.issuer == "县医保局党组"


def test_a_month_the_inspection_started_after_the_arranging_clause() -> None:
    text = (
        "关于白沙港码头运营管理审计发现问题整改情况的公示\n"
        "根据市政府统一部署，2023年5月起，白沙市审计局对我公司运营的白沙港码头进行运营管理"
        "情况审计。现将整改情况公示如下。\n"
        "1.码头设备台账不全问题。整改情况：已完成整改，补建台账。\n"
        "2.租赁合同未及时续签问题。整改情况：已完成整改，续签合同3份。\n"
    )
    assert _read(text).metadata.period_start == "2023-05"


def test_an_undated_signature_after_the_contact_line_closes_the_text() -> None:
    text = (
        "根据市委统一部署，2024年3月4日至4月30日，市委第二巡察组对中共白石市档案馆党组进行了"
        "巡察。现将巡察整改进展情况予以公布。\n"
        "一、整改落实情况\n"
        "1.档案数字化进度滞后。\n整改情况：新增数字化档案1.2万卷。已完成整改。\n"
        "2.库房温湿度监测不到位。\n整改情况：安装监测设备6台。已完成整改。\n"
        "欢迎监督。联系电话：0913-6625107。\n"
        "中共白石市档案馆党组\n"
    )
    report = _read(text)
    assert [p.status.value for p in report.iter_problems()] == ["completed", "completed"]
    assert report.iter_problems()[-1].actions == "安装监测设备6台。已完成整改。"


_AUDIT_NOTICE = (
    "当前位置：首页 > 部门动态 > 县审计局\n"
    "白石县2021-2024年度农村饮水工程专项审计调查结果公告\n"
    "来源：白石县审计局 发表时间：2025-08-14 10:20\n\n"
    "按照审计法的规定和相关工作安排，白石县审计局对白石县2021-2024年度农村饮水工程进行了"
    "专项审计调查。现将审计结果及整改情况公告如下：\n\n"
    "一、基本情况\n\n本次审计调查共抽取了5个项目。\n\n"
    "二、审计发现的主要问题\n\n（一）部分工程未按设计施工。\n\n（二）个别项目资金拨付滞后。\n\n"
)


def test_one_state_said_of_all_the_findings_in_a_later_part() -> None:
    for closing in (
        "三、审计整改情况\n\n对审计发现的问题，被审计单位已采取措施并正在整改中。\n",
        "三、审计整改情况\n\n对上述问题，被审计单位已采取措施并正在整改中。\n",
        "上述问题已采取措施并正在整改中。\n",
    ):
        report = _read(_AUDIT_NOTICE + closing)
        assert [p.status.value for p in report.iter_problems()] == ["in_progress"] * 2, closing


def test_some_of_them_said_of_all_gives_no_state() -> None:
    for closing in (
        "三、审计整改情况\n\n对上述问题，其中部分已整改完成。\n",
        "三、审计整改情况\n\n上述问题中，个别问题已整改到位。\n",
    ):
        report = _read(_AUDIT_NOTICE + closing)
        assert [p.status.value for p in report.iter_problems()] == ["unknown"] * 2, closing


def test_an_audit_offices_notice_of_results_is_the_offices() -> None:
    assert _read(_AUDIT_NOTICE).metadata.issuer == "白石县审计局"
    text = (
        "白石县文化馆2022年至2024年经费收支情况审计结果公告\n\n"
        "根据审计法的规定，白石县审计局派出审计组，于2025年3月3日至5月9日对白石县文化馆"
        "2022年至2024年经费收支情况进行了审计。现将审计结果公布如下：\n\n"
        "一、审计发现的主要问题\n\n1.部分项目支出未细化到具体用途。\n\n2.结转资金未及时清理。\n"
    )
    assert _read(text).metadata.issuer == "白石县审计局"
    own = (
        "白石县文化馆关于审计整改结果的公告\n\n"
        "白石县审计局于2025年3月3日至5月9日对我馆经费收支情况进行了审计。"
        "现将审计整改结果公告如下：\n\n1.部分项目支出未细化。已完成整改。\n"
    )
    assert _read(own).metadata.issuer == "白石县文化馆"


_LISTED = (
    "中共白石市第二中学总支部委员会关于巡察整改进展情况的通报\n"
    "2024年9月23日至11月22日，市委教育工委第一巡察组对市第二中学党总支进行了巡察。"
    "现将巡察整改进展情况予以公布。\n"
    "（一）落实立德树人根本任务方面\n"
    "1、课后服务特色课程不均衡。整改情况：新开设课程6门，已完成整改。\n"
    "2、劳动教育基地建设滞后。整改情况：基地改造正在施工，正在整改。\n"
    "（二）基层党组织建设方面\n"
)


def test_a_copys_last_item_cut_to_a_word_after_findings() -> None:
    report = _read(_LISTED + "3、落实\n")
    assert [p[:2] for p in _problems(report)][-1] == ("落实", "unknown")
    assert "truncated" in _codes(report)


def test_a_last_item_with_a_mark_after_measures_stays_a_measure() -> None:
    text = (
        "中共白石市林业局党组关于巡察整改进展情况的通报\n"
        "现将巡察整改进展情况予以公布。\n"
        "一、巡察反馈问题整改情况\n"
        "1.护林员日常管理不到位。\n（1）开展护林员培训。\n（2）建立考勤制度。\n"
        "整改状态：已完成。\n"
    )
    assert _problems(_read(text)) == [("护林员日常管理不到位", "completed", 2)]


def test_a_one_paragraph_notices_contact_above_the_sites_footer() -> None:
    text = (
        "根据《白石市生态环境保护督察整改销号办法》有关要求，现将省生态环境保护督察反馈问题第3项"
        "关于“城北物流园洗车点污水直排问题”整改任务落实情况进行公示。公示期间如有异议，请发送至"
        "区交通局办公室电子邮箱bsjtj@example.cn，联系电话0731-5562810。\n"
        "主办：白石区人民政府 版权所有\n网站标识码：9900000001\n"
    )
    meta = _read(text).metadata
    assert (meta.phone, meta.email) == ("0731-5562810", "bsjtj@example.cn")


def test_a_sign_off_named_only_in_a_cited_document_beside_the_progress() -> None:
    lead = (
        "按照《关于做好白石区2024年督察反馈问题验收销号工作的通知》相关要求，现将督察反馈问题"
        "第5项关于“滨河路沿线餐饮油烟直排问题”整改{what}情况{verb}。\n"
    )
    progress = _read("白石区督察反馈问题整改进展公示\n" + lead.format(what="进展", verb="公示如下"))
    assert [p.status.value for p in progress.iter_problems()] == ["unknown"]
    signed = _read(lead.format(what="任务落实", verb="进行公示"))
    assert [p.status.value for p in signed.iter_problems()] == ["completed"]


def test_a_copy_cut_inside_the_next_groups_heading() -> None:
    text = (
        "白石县审计局审计结果公告\n白石县农技站2023年度预算执行情况审计结果公告\n"
        "一、审计发现的主要问题\n（一）预算执行方面\n1.部分项目支出进度缓慢\n2.公用经费超预算列支\n"
        "（二）资产管理方面\n1.固定资产未及时入账\n（三）内\n"
    )
    report = _read(text)
    assert [p.title for p in report.iter_problems()] == [
        "部分项目支出进度缓慢",
        "公用经费超预算列支",
        "固定资产未及时入账",
    ]
    assert "truncated" in _codes(report)


def test_a_tally_said_of_all_that_counts_some_done_gives_no_state() -> None:
    text = _AUDIT_NOTICE + (
        "三、审计整改情况\n\n对审计发现的问题，被审计单位已整改1个，其余问题正在整改中。\n"
    )
    assert [p.status.value for p in _read(text).iter_problems()] == ["unknown"] * 2


def test_all_rectified_in_so_many_words() -> None:
    text = _AUDIT_NOTICE + "三、审计整改情况\n\n上述问题已全部整改。\n"
    assert [p.status.value for p in _read(text).iter_problems()] == ["completed"] * 2


def test_a_report_of_zhengzhi_states_its_progress_in_those_words() -> None:
    text = (
        "关于巡察整治情况的通报\n\n一、反馈问题整治情况\n"
        "（一）统筹城乡供水推进不力。部分管网工程未按计划开工。\n"
        "整治措施：一是重新排定开工计划；二是实行周调度。\n整治进展：已整治到位。\n"
        "（二）督促水费收缴不到位。农村水费收缴率偏低。\n"
        "整治措施：一是制定收缴办法；二是推行线上缴费。\n整治进展：正在整治中。\n"
    )
    assert _problems(_read(text)) == [
        ("统筹城乡供水推进不力", "completed", 2),
        ("督促水费收缴不到位", "in_progress", 2),
    ]


def test_an_undated_signature_under_a_contact_line_without_a_stop() -> None:
    text = (
        "关于督察反馈问题整改情况的通报\n一、整改情况\n"
        "1.统计台账不规范。整改情况：已完成。\n"
        "2.统计执法检查覆盖面不够。\n整改情况：正在推进中。\n\n"
        "欢迎社会各界监督。联系电话：0771-6023315\n\n白石市人民政府\n"
    )
    assert [p.status.value for p in _read(text).iter_problems()] == ["completed", "in_progress"]


def test_a_copy_cut_in_its_third_ordinal_clause() -> None:
    text = (
        "白石乡人民政府2023年度预算执行审计结果公告\n"
        "白石县审计局派出审计组，于2024年6月17日至7月19日对白石乡人民政府2023年度预算执行"
        "情况进行了审计。现将审计结果公布如下：\n"
        "一、审计发现的主要问题\n一是统筹使用上级转移支付资金不充分。2笔专项资金结存超过两年。\n"
        "二是落实政府过紧日子要求不到位。会议费支出超年初预算36%。\n三是固定\n"
    )
    assert "truncated" in _codes(_read(text))


def test_an_audit_carried_out_by_an_office_named_after_you() -> None:
    text = (
        "白石乡人民政府2023年度预算执行审计结果公告\n\n"
        "白石乡审计事项由青岚县审计局组织实施。青岚县审计局派出审计组，于2024年6月17日至7月19日"
        "对白石乡人民政府2023年度预算执行情况进行了审计。现将审计结果公布如下：\n\n"
        "一、审计发现的主要问题\n\n1.部分项目支出未细化。\n\n2.结转资金未及时清理。\n"
    )
    assert _read(text).metadata.inspecting_body == "青岚县审计局"


def test_counts_of_problems_to_rectify_and_of_key_items() -> None:
    counted = _stated_of(
        "市委第二巡察组对县林业局党组进行了巡察。局党组根据巡察反馈意见梳理出12个需要整改的问题，"
        "已完成整改10个。"
    )
    assert counted is not None and (counted.problems, counted.completed) == (12, 10)
    keyed = _stated_of("市、县联动推进河道采砂专项整治、农村供水保障专项整治等5项重点整改事项。")
    assert keyed is None or keyed.problems is None


def _stated_of(sentence: str) -> rectpipe.StatedTotals | None:
    text = (
        "中共青禾县林业局党组关于巡察整改进展情况的通报\n" + sentence + "\n"
        "一、巡察反馈问题整改情况\n1.护林员管理不到位。已完成整改。\n"
    )
    return _read(text).summary.stated


def test_a_groups_term_written_in_the_first_part() -> None:
    text = (
        "根据市委巡察工作统一部署，2025年3月4日至5月9日，市委第三巡察组对我镇开展了常规巡察。"
        "现将巡察整改进展情况予以公布。\n"
        "一、巡察整改工作开展情况\n"
        "一是加强组织领导。镇党委立即召开专题会议。二是细化整改措施。针对九届市委第三巡察组"
        "反馈的问题，逐条制定整改措施。\n"
        "二、具体问题整改情况\n1.集体资产台账登记不全。整改情况：补登台账32处，已完成整改。\n"
    )
    assert _read(text).metadata.inspecting_body == "九届市委第三巡察组"


def test_the_material_brought_to_a_democratic_life_meeting_is_no_report() -> None:
    body = (
        "根据上级党委关于召开2025年度民主生活会的统一部署，镇党委领导班子扎实开展会前准备。\n"
        "一、存在的主要问题\n（一）在强化政治忠诚方面。理论学习不够深入。\n"
        "（二）在担当作为方面。攻坚克难的劲头不足。\n"
        "二、问题产生的原因\n（一）理想信念有所松懈。\n（二）宗旨意识有所淡化。\n"
    )
    for head in (
        "白石镇党委领导班子2025年度民主生活会对照检查材料\n",
        "白石镇党委领导班子 2025 年度民主生活会对照检\n查材料(含案例)\n",
    ):
        try:
            report = _read(head + body)
        except rectpipe.RectpipeError:
            continue
        assert report.iter_problems() == [], head


def test_a_sites_name_before_the_pages_title_is_chrome() -> None:
    text = (
        "白石资讯网 >> 白石县林业局关于巡察整改进展情况的通报\n\n"
        "白石县林业局关于巡察整改进展情况的通报\n\n"
        "2025年3月，县委第一巡察组对我局开展了巡察。现将整改进展情况通报如下：\n" + _PART
    )
    meta = _read(text).metadata
    assert (meta.title, meta.issuer) == ("白石县林业局关于巡察整改进展情况的通报", "白石县林业局")


def test_a_copy_cut_inside_a_measures_sentence_leaves_it_a_measure() -> None:
    text = (
        "中共白石市林业局党组关于巡察整改进展情况的通报\n现将巡察整改进展情况予以公布。\n"
        "一、巡察反馈问题\n1.护林员日常管理不到位。\n2.林木采伐审批把关不严。\n"
        "二、整改措施\n1.开展护林员培训，建立考勤制度。\n2.重新建立采伐审批台账，实\n"
    )
    titles = [p.title for p in _read(text).iter_problems()]
    assert "重新建立采伐审批台账，实" not in titles


def test_a_supervision_office_that_inspected() -> None:
    text = (
        "白石县林业局关于县委督查室督查反馈问题整改情况的报告\n"
        "2025年5月12日至5月20日，县委督查室对我局森林防火工作开展了专项督查，并于6月3日反馈了"
        "督查意见。现将整改情况报告如下：\n"
        "一、防火检查站值守不到位\n整改情况：已完成整改。一是调整值守排班；二是增设巡查记录。\n"
    )
    assert _read(text).metadata.inspecting_body == "县委督查室"
    follows = (
        "白石县关于督察反馈意见整改情况的报告\n"
        "2025年4月，省第二生态环境保护督察组对我县开展了督察。县委督查室、县政府督查室会同县"
        "生态环境局每月调度一次整改进展。现将整改情况报告如下：\n"
        "一、河道垃圾清理不及时\n整改情况：已完成整改。\n"
    )
    assert "县委督查室" not in _read(follows).metadata.inspecting_bodies


def test_the_line_above_a_subtitle_that_names_the_document_is_its_title() -> None:
    text = (
        "白石县农村饮水安全整改亟待加强\n"
        "——白石县政府督查室关于全县农村饮水工程督查整改情况的汇报\n"
        "按照县领导批示，县政府督查室对各乡镇农村饮水工程进行了实地督查，现将整改情况汇报如下。\n"
        "一、整改情况\n1.青石乡水质检测记录缺失。已完成整改。\n"
    )
    assert _read(text).metadata.title == "白石县农村饮水安全整改亟待加强"
