from __future__ import annotations

import pytest

import rectpipe
from rectpipe.extract.status import StatusMatch, normalise_status, status_phrase, status_sentence
from rectpipe.models import Status
from rectpipe.profiles import default_profile

P = default_profile()


@pytest.mark.parametrize(
    ("raw", "status", "long_term"),
    [
        ("完成。", Status.COMPLETED, False),
        ("已完成", Status.COMPLETED, False),
        ("已完成整改", Status.COMPLETED, False),
        ("已整改到位", Status.COMPLETED, False),
        ("全部完成", Status.COMPLETED, False),
        ("已办结", Status.COMPLETED, False),
        ("销号", Status.COMPLETED, False),
        ("阶段性完成。", Status.PARTIALLY_COMPLETED, False),
        ("基本完成", Status.PARTIALLY_COMPLETED, False),
        ("部分整改", Status.PARTIALLY_COMPLETED, False),
        ("阶段性办结", Status.PARTIALLY_COMPLETED, False),
        ("正在整改", Status.IN_PROGRESS, False),
        ("正在推进", Status.IN_PROGRESS, False),
        ("整改中", Status.IN_PROGRESS, False),
        ("按序时推进", Status.IN_PROGRESS, False),
        ("未完成但达到序时进度", Status.IN_PROGRESS, False),
        ("长期坚持", Status.ONGOING, True),
        ("持续整改", Status.ONGOING, True),
        ("立行立改、长期坚持", Status.ONGOING, True),
        ("未完成", Status.NOT_COMPLETED, False),
        ("未整改", Status.NOT_COMPLETED, False),
        ("申请延期整改", Status.NOT_COMPLETED, False),
        ("已经完成，长期坚持", Status.COMPLETED, True),
        ("已完成，持续整改", Status.COMPLETED, True),
        ("已落实", Status.COMPLETED, False),
        ("已按期完成", Status.COMPLETED, False),
        ("已完成阶段性目标", Status.PARTIALLY_COMPLETED, False),
        ("整改进行中", Status.IN_PROGRESS, False),
        ("正在落实", Status.IN_PROGRESS, False),
        # a ledger's status column: 已完成 / 进行中 / 未开始
        ("进行中", Status.IN_PROGRESS, False),
        ("落实中", Status.IN_PROGRESS, False),
        ("按时序进度推进", Status.IN_PROGRESS, False),
        ("未开始", Status.NOT_COMPLETED, False),
        ("已达到整改目标", Status.COMPLETED, False),
        ("已完成阶段性任务", Status.PARTIALLY_COMPLETED, False),
        # a share of the work done: the whole is completed, a part under way, none not begun
        ("100%", Status.COMPLETED, False),
        ("整改进度：100%", Status.COMPLETED, False),
        ("完成进度60%", Status.IN_PROGRESS, False),
        ("85%", Status.IN_PROGRESS, False),
        ("0%", Status.NOT_COMPLETED, False),
        ("整改已完成80%", Status.IN_PROGRESS, False),
        ("正在整改，已完成70%", Status.IN_PROGRESS, False),
        # a rate of something else after the completion is no share of the work
        ("已完成整改，资金到位率80%", Status.COMPLETED, False),
    ],
)
def test_normalise_status(raw: str, status: Status, long_term: bool) -> None:
    match = normalise_status(raw, P)
    assert match is not None
    assert (match.status, match.long_term) == (status, long_term)


@pytest.mark.parametrize("raw", ["", "。", "见附件", "属实"])
def test_unknown_phrases(raw: str) -> None:
    assert normalise_status(raw, P) is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("该问题已完成整改。一是建立制度。二是加强督查。", Status.COMPLETED),
        ("该问题正在整改中。一是…", Status.IN_PROGRESS),
        ("一是建立制度。二是加强督查。目前已完成整改。", Status.COMPLETED),
        ("已整改到位。", Status.COMPLETED),
        # an opening clause before a comma
        ("已完成，新建管网12公里、完成验收。", Status.COMPLETED),
        ("正在整改，已完成方案编制。", Status.IN_PROGRESS),
        # a sentence opening with work under way, no status phrase anywhere
        ("正在对照管理办法修订项目绩效目标，预计2024年12月底前完成。", Status.IN_PROGRESS),
        ("建立资金台账。目前正在组织第三方评估，年底前验收。", Status.IN_PROGRESS),
    ],
)
def test_status_sentence(text: str, status: Status) -> None:
    found = status_sentence(text, P)
    assert found is not None
    assert found[2].status is status


def test_long_statement_is_not_a_status_sentence() -> None:
    assert status_sentence("已完成长丰小学扩建工程，并于今年秋季开学前交付使用。", P) is None


@pytest.mark.parametrize(
    "text",
    [
        "正在巩固整改成果，防止问题反弹。",  # the aftercare of finished work
        "修订管理办法，各科室正在学习。",  # under way in a later clause, not opening one
        "计划年底前完成。",
    ],
)
def test_no_work_under_way_opens_these(text: str) -> None:
    assert status_sentence(text, P) is None


def test_a_progress_label_gives_the_status_without_the_label() -> None:
    import rectpipe

    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n一、党的建设方面\n1.理论学习不深入。\n"
        "整改情况：组织专题学习。\n整改进度：整改进行中。\n"
    )
    (problem,) = report.iter_problems()
    assert (problem.status, problem.status_raw) == (Status.IN_PROGRESS, "整改进行中")


def test_a_status_label_opening_a_sentence_after_the_measures_is_the_status() -> None:
    import rectpipe

    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n一、党的建设方面\n"
        "1.问题：理论学习不深入。整改措施：组织专题学习。整改进度：已完成。\n"
        "2.会议记录不规范。整改措施：制定记录模板，逐月检查；完成时限：2024年底。\n"
    )
    first, second = report.iter_problems()
    assert (first.actions, first.status, first.status_raw) == (
        "组织专题学习。",
        Status.COMPLETED,
        "已完成",
    )
    assert report.text[first.sources["status"].start : first.sources["status"].end] == "已完成"
    assert (second.actions, second.deadline) == ("制定记录模板，逐月检查", "2024年底")


def test_a_label_inside_a_sentence_of_the_measures_stays_in_them() -> None:
    import rectpipe

    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n一、党的建设方面\n"
        "1.理论学习不深入。整改措施：组织专题学习，明确责任单位：办公室牵头。\n"
    )
    (problem,) = report.iter_problems()
    assert problem.actions == "组织专题学习，明确责任单位：办公室牵头。"


def test_a_status_closing_a_finding_line_in_parentheses_or_after_a_dash() -> None:
    import rectpipe

    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n一、党的建设方面\n"
        "1.理论学习不深入（已完成）\n整改情况：组织专题学习。\n"
        "2.会议记录不规范。（整改中）\n整改情况：制定模板。\n"
        "3.党费收缴不规范——已完成整改\n整改情况：补缴党费。\n"
        "4.工程建设（一期）\n整改情况：加快进度。\n"
    )
    got = [(p.title, p.status, p.status_raw) for p in report.iter_problems()]
    assert got == [
        ("理论学习不深入", Status.COMPLETED, "已完成"),
        ("会议记录不规范", Status.IN_PROGRESS, "整改中"),
        ("党费收缴不规范", Status.COMPLETED, "已完成整改"),
        ("工程建设（一期）", Status.UNKNOWN, None),  # （一期） names no status
    ]


def test_a_ledgers_progress_column_gives_each_row_its_status() -> None:
    """A ledger whose status column is a share of the work done (整改进度 100% / 60% / 0%)."""
    import rectpipe

    text = (
        "某县民政局巡察反馈问题整改台账\n"
        "序号\t反馈问题\t整改措施\t责任单位\t整改进度\n"
        "1\t社会救助审核不严\t开展专项核查\t社会救助股\t100%\n"
        "2\t资金拨付不及时\t建立资金拨付台账\t财务股\t60%\n"
        "3\t档案管理不规范\t集中整理档案\t办公室\t0%\n"
    )
    statuses = [p.status for p in rectpipe.parse_text(text).iter_problems()]
    assert statuses == [Status.COMPLETED, Status.IN_PROGRESS, Status.NOT_COMPLETED]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已清理完毕", Status.COMPLETED),
        ("目前已全部拆除完毕", Status.COMPLETED),
        ("已经办理完毕，长期坚持", Status.COMPLETED),
        ("尚未清运完毕", None),  # no 已: no state
        ("清理完毕后移交", None),
        # work told under way with how it goes, however many manners are written
        ("正按计划有序推进", Status.IN_PROGRESS),
        ("目前正在稳步推进中", Status.IN_PROGRESS),
        ("正抓紧整改", Status.IN_PROGRESS),
        # work to be finished by a time holds a word of completion and is not done
        ("计划2025年底前完成", Status.IN_PROGRESS),
        ("将在规定时限内整改到位", Status.IN_PROGRESS),
        ("已于6月底前完成整改", Status.COMPLETED),
        ("确保年底前完成整改", Status.IN_PROGRESS),
        ("已将资金缴库完成", Status.COMPLETED),  # 将 marking an object: no future
        ("均取得明显进展", Status.IN_PROGRESS),
        ("正在逐步推进", Status.IN_PROGRESS),
        # overdue: not done, whatever is planned next
        ("延期", Status.NOT_COMPLETED),
        ("延期（计划2026年6月底前完成）", Status.NOT_COMPLETED),
        ("按期完成，未延期", Status.COMPLETED),
    ],
)
def test_the_genres_forms_of_states(text: str, status: Status | None) -> None:
    found = normalise_status(text, P)
    assert (found.status if found else None) is status


def test_a_finished_verb_closing_the_measures_gives_the_status() -> None:
    text = "我镇联系施工单位限期清运，目前已全部清理完毕。"
    found = status_sentence(text, P)
    assert found is not None and found[2].status is Status.COMPLETED
    assert text[found[0] : found[1]] == "目前已全部清理完毕"


def test_a_plan_beside_a_sentences_own_status_is_its_deadline() -> None:
    text = "目前正在整改，计划2025年10月底前完成。"
    found = status_sentence(text, P)
    assert found is not None and text[found[0] : found[1]] == "目前正在整改"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # when or how finished work was done is part of a clause that is only its status
        ("已于2024年5月完成整改", Status.COMPLETED),
        ("已于6月20日整改到位", Status.COMPLETED),
        ("已按时限要求完成整改", Status.COMPLETED),
        ("已按要求召开会议", None),
        ("已于2024年5月召开专题会议", None),
        ("计划于2025年底前完成", None),  # a plan beside a status is its deadline
    ],
)
def test_a_clause_that_is_only_a_status(text: str, status: Status | None) -> None:
    found = status_phrase(text, P)
    assert (found.status if found else None) is status


@pytest.mark.parametrize(
    "text",
    [
        "已完成整改。该问题需长期坚持。",
        "一是清退违规发放的津贴补贴；二是修订财务管理制度。已完成整改。该问题需长期坚持。",
    ],
)
def test_a_completion_then_a_sentence_to_keep_it_up_is_done_and_long_term(text: str) -> None:
    found = status_sentence(text, P)
    assert found is not None and found[2] == StatusMatch(Status.COMPLETED, True)
    assert text[found[0] : found[1]] == "已完成整改"
    alone = status_sentence("该问题需长期坚持。", P)
    assert alone is not None and alone[2].status is Status.ONGOING


def test_a_forms_ticked_option_is_the_status() -> None:
    """A status cell or label value that offers its options with boxes (□已完成 ☑正在整改, a
    Word checkbox's ☒ / ☐): the ticked one is the status."""
    from rectpipe.extract.status import ticked_options

    assert ticked_options("□已完成 ☑正在整改") == "正在整改"
    assert ticked_options("☒已完成 ☐正在整改") == "已完成"
    assert ticked_options("■已完成") == "■已完成"  # no unticked box: no form
    text = (
        "中共青禾县城市管理局党组关于巡察整改进展情况的通报\n一、反馈问题整改情况\n"
        "1.城市道路破损修复不及时。\n整改状态：☑已完成 □正在整改\n"
        "2.占道经营治理反弹。\n整改状态：□已完成 ☑正在整改\n"
    )
    assert [p.status.value for p in rectpipe.parse_text(text).iter_problems()] == [
        "completed",
        "in_progress",
    ]
