"""A text is a report, a report without a problem list, or not a report at all.

Texts written for the test: a scholarly article about audit rectification (its own numbered
problems and measures included), a page that never speaks of rectification, and the report
shapes that must stay reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe
from rectpipe.errors import StructureNotFoundError
from rectpipe.extract.genre import article_markers, reads_as_article
from rectpipe.profiles.profile import default_profile

ARTICLE = (
    "审计整改长效机制建设的路径探析\n"
    "林某某\n（某某大学 经济学院）\n"
    "摘要：审计查出问题整改是审计监督的重要环节。本文分析当前整改工作中存在的问题，提出对策。\n"
    "关键词：审计整改；长效机制；问责\n"
    "中图分类号：F239 文献标识码：A\n"
    "一、审计整改工作中存在的问题\n"
    "（一）整改责任落实不到位\n部分被审计单位对整改重视不够，存在重审计、轻整改的现象。\n"
    "（二）整改结果运用不充分\n整改结果与考核问责衔接不紧。\n"
    "二、完善审计整改机制的对策\n"
    "（一）压实整改责任\n建立整改台账，实行销号管理。\n"
    "参考文献\n[1]某某.审计整改研究[J].审计月刊,2021(3):12-15.\n"
)


def test_a_scholarly_article_about_rectification_is_not_a_report() -> None:
    with pytest.raises(StructureNotFoundError, match="scholarly article"):
        rectpipe.parse_text(ARTICLE)


def test_the_labels_found_are_named_once_each() -> None:
    profile = default_profile()
    assert article_markers(ARTICLE, profile) == ["摘要", "关键词", "中图分类号", "参考文献"]


@pytest.mark.parametrize(
    "text",
    [
        "【摘要】整改情况。\n正文。\n",  # one label alone is not enough
        "一、关于摘要和关键词的说明\n整改情况。\n",  # the words inside a line, not opening it
        "整改情况摘要：已完成。\n关键数据：3项。\n",  # another word before the label
    ],
)
def test_one_label_or_labels_inside_lines_do_not_make_an_article(text: str) -> None:
    assert not reads_as_article(text, default_profile())


def test_bracketed_labels_open_lines_too() -> None:
    assert reads_as_article("【摘要】某某。\n【关键词】某某；某某\n", default_profile())


def test_a_page_that_never_speaks_of_rectification_is_not_a_report() -> None:
    page = (
        "关于举办2024年全民健身运动会的通知\n各单位：\n定于5月举办运动会，请各单位积极组织报名。\n"
    )
    with pytest.raises(StructureNotFoundError, match="nothing recognisable"):
        rectpipe.parse_text(page)


def test_a_narrative_report_without_problems_stays_a_report() -> None:
    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n"
        "根据县委统一部署，县委第二巡察组对县林业局党组开展了巡察。现将整改情况通报如下。\n"
        "一、提高政治站位，压实整改责任\n局党组召开专题会议研究部署整改工作。\n"
    )
    assert report.iter_problems() == []
    assert "no_problems" in [w.code for w in report.warnings]


def test_a_titled_report_that_says_luoshi_rather_than_zhenggai_stays_a_report() -> None:
    report = rectpipe.parse_text(
        "关于巡察反馈意见落实情况的通报\n"
        "县委第一巡察组于2024年3月对我局进行了巡察，并反馈了意见。现将落实情况通报如下。\n"
    )
    assert "no_problems" in [w.code for w in report.warnings]


ESSAY = (
    "某市审计整改工作的实践与思考\n"
    "引言\n审计整改是审计监督的后半篇文章，关系到审计成果能否转化为治理效能。\n"
    "审计整改的工作机制\n"
    "1. 问题发现机制\n通过审计项目、群众来信和大数据比对等渠道发现问题，及时移送。\n"
    "2. 责任落实机制\n审计发现问题后，明确整改台账、责任清单和任务清单，实行限时办结。\n"
    "3. 跟踪问效机制\n对整改情况实行跟踪督办，整改不到位的不予销号。\n"
    "结语\n审计整改永远在路上，只有持续用力，才能不断提升治理效能。\n"
)


def test_an_essay_whose_sections_name_mechanisms_lists_no_problem() -> None:
    """An article on rectification without article labels: its numbered sections name topics
    (问题发现机制 opens with 问题 as a compound's first word, not as a finding's label), so it
    lists no problem. Before, 问题发现机制 was read as a problem with unknown status."""
    report = rectpipe.parse_text(ESSAY)
    assert list(report.iter_problems()) == []


def test_a_news_item_on_the_feedback_meeting_is_read_not_refused() -> None:
    report = rectpipe.parse_text(
        "根据校党委巡察工作统一部署，2024年4月8日至4月26日，校党委第三巡察组对图书馆党总支"
        "开展了巡察。6月12日，巡察反馈会在图书馆报告厅召开。\n"
        "巡察组组长宣读了反馈意见，指出了图书馆党总支在落实上级决策部署等方面存在的问题。\n"
    )
    assert report.iter_problems() == []
    assert report.metadata.inspecting_body == "校党委第三巡察组"
    assert report.metadata.feedback_date == "2024-06-12"


@pytest.mark.parametrize(
    "title", ["巡察中常见问题及其成因浅析", "关于做好巡察整改“后半篇文章”的思考"]
)
def test_a_text_titled_as_an_article_is_not_a_report(title: str) -> None:
    text = f"{title}\n一、常见问题\n1.组织生活制度执行打折扣\n2.党费收缴管理不规范\n"
    with pytest.raises(StructureNotFoundError, match="an article"):
        rectpipe.parse_text(text)


_RULES = (
    "柳川学院党委巡察工作规程\n为规范学院巡察工作，结合学院实际，制定本规程。\n"
    "一、巡察准备\n1.确定巡察对象。巡察办提出巡察对象建议名单。\n"
    "2.组建巡察组。巡察组一般由4人组成，设组长1名。\n"
    "二、巡察实施\n1.召开动员会。巡察组进驻后召开动员会。\n"
)
_PLAN = (
    "为落实省第一生态环境保护督察组反馈意见，加快解决突出环境问题，特制定本整改方案。\n"
    "一、总体要求\n（一）指导思想\n以改善环境质量为核心，打好污染防治攻坚战。\n"
    "二、主要任务\n（一）加快城区污水管网建设\n2026年底前新建污水管网8公里。\n"
)
_POINTS = (
    "巡察整改工作要点\n一、整改目标\n1. 思想提升：把学习贯彻上级精神作为首要任务\n"
    "2. 问题销号：对巡察反馈问题建立台账，明确整改时限\n"
    "二、保障机制\n1. 考核问责：将整改结果纳入年度考核\n"
)


_RULE_TITLE = _POINTS.replace("巡察整改工作要点", "环保督察整改工作规定")
_SAMPLE_PAGE = "导语：本站汇集了九篇整改情况报告优秀范文，供您参考。\n" + _POINTS.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_RULES, "制定本规程"),
        (_PLAN, "制定本整改方案"),
        (_POINTS, "工作要点"),
        (_RULE_TITLE, "规定"),
        (_SAMPLE_PAGE, "范文"),
    ],
)
def test_rules_and_plans_are_not_reports(text: str, words: str) -> None:
    with pytest.raises(
        StructureNotFoundError, match=f"rules, a plan or sample texts \\({words}\\)"
    ):
        rectpipe.parse_text(text)


def test_the_words_of_rules_titles_and_sample_texts_are_the_profiles(tmp_path: Path) -> None:
    text = _POINTS.replace("巡察整改工作要点", "巡察整改台账编制指引")
    assert rectpipe.parse_text(text).iter_problems()  # 编制指引 is no default word
    user = tmp_path / "profile.yaml"
    user.write_text("rules_title_ends: [编制指引]\nsample_text_words: [例文]\n", "utf-8")
    profile = rectpipe.load_profile(user)
    with pytest.raises(StructureNotFoundError, match="\\(编制指引\\)"):
        rectpipe.parse_text(text, profile=profile)
    sample = _SAMPLE_PAGE.replace("范文", "例文")
    with pytest.raises(StructureNotFoundError, match="\\(例文\\)"):
        rectpipe.parse_text(sample, profile=profile)


def test_a_report_that_names_its_units_plan_is_still_a_report() -> None:
    text = (
        "关于巡察整改进展情况的通报\n局党组召开专题会议，研究制定本单位整改方案。\n"
        "一、巡察反馈问题整改情况\n（一）党费收缴台账登记不全。整改情况：已完成。\n"
    )
    [problem] = rectpipe.parse_text(text).iter_problems()
    assert problem.status is rectpipe.Status.COMPLETED


def test_a_text_whose_findings_state_statuses_is_read_whatever_its_opening_says() -> None:
    text = (
        "为落实县委巡察组反馈意见，特制定本整改方案，现将落实情况报告如下。\n"
        "一、巡察反馈问题整改情况\n（一）党费收缴台账登记不全。整改情况：已完成。\n"
        "（二）公务用车管理不规范。整改情况：正在整改。\n"
    )
    problems = rectpipe.parse_text(text).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "in_progress"]


_ANNOUNCEMENT = (
    "县委第二巡察组关于巡察县林业局党组的公告\n"
    "根据县委统一部署，县委第二巡察组于2025年10月13日至12月12日对县林业局党组开展常规巡察。"
    "巡察组主要受理反映以下方面问题的来信来电来访：\n"
    "1.违反政治纪律、组织纪律方面的问题；\n2.违反中央八项规定精神方面的问题。\n"
    "值班电话：0736-5100001\n中共青禾县委巡察工作领导小组办公室\n2025年10月13日\n"
)
_CASES = (
    "青禾县纪委监委通报3起巡察整改不力典型问题\n"
    "近日，青禾县纪委监委对3起巡察整改不力典型问题进行通报。具体如下：\n"
    "1.县住建局原副局长郑某某对巡察反馈问题整改敷衍应付问题。郑某某受到党内警告处分。\n"
    "2.柏川镇某村党支部原书记钱某某虚假整改问题。钱某某受到党内严重警告处分。\n"
    "3.县农业农村局某股原股长孙某某整改推进不力问题。孙某某受到政务警告处分。\n"
)


def test_an_inspection_announced_before_it_starts_is_not_a_report() -> None:
    with pytest.raises(StructureNotFoundError, match="inspection's announcement"):
        rectpipe.parse_bytes(_ANNOUNCEMENT.encode("utf-8"), name="a.txt")


def test_a_notice_of_discipline_cases_is_not_a_report() -> None:
    with pytest.raises(StructureNotFoundError, match="discipline cases"):
        rectpipe.parse_bytes(_CASES.encode("utf-8"), name="a.txt")


def test_a_report_whose_title_names_the_inspection_s_announcement_stays_one() -> None:
    """整改 in the title or the text: a report on the rectification, whatever else it names."""
    text = _ANNOUNCEMENT.replace(
        "关于巡察县林业局党组的公告", "关于巡察整改进展情况的公告"
    ).replace("1.违反政治纪律", "1.已完成整改。违反政治纪律")
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt")
    assert report.metadata.title == "县委第二巡察组关于巡察整改进展情况的公告"
