"""Measures numbered inline after their label (整改措施：1.…。2.…。), a shape Word files and web
copies both give: the list stays in its paragraph and counts its measures (a list of one too),
and its items are no problems beside the finding they answer (text/line_breaks.py,
extract/measures.py)."""

from __future__ import annotations

import io

import rectpipe

_HEAD = (
    "中共青禾县水利局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报\n"
    "根据县委统一部署，2025年3月10日至5月9日，县委第二巡察组对县水利局党组开展了常规巡察，"
    "2025年6月20日反馈了巡察意见。现将整改进展情况予以公布。\n"
    "一、整改工作开展情况\n"
    "局党组成立整改工作领导小组，制定整改方案。\n"
    "二、反馈问题整改落实情况\n"
    "（一）落实全面从严治党主体责任方面\n"
)
_BODY = [
    "1.工程项目结算审核不及时，部分项目完工两年未办理结算。",
    "整改措施：1.委托第三方机构对完工项目进行结算审核，已全部完成。2.建立项目结算台账。",
    "整改情况：已完成。",
    "2.专项资金拨付滞后，部分资金闲置超过一年。",
    "整改措施：1.开展专项资金清理，已清理资金320万元。2.制定资金拨付管理办法。",
    "整改情况：已完成。",
    "3.干部档案管理不规范，部分档案材料缺失。",
    "整改措施：1.对干部档案进行专项审核，补齐缺失材料。",
    "整改情况：正在整改。",
]
_TAIL = "三、下一步工作打算\n持续巩固整改成果。\n中共青禾县水利局党组\n2025年9月18日\n"

_EXPECTED = [
    ("1", "工程项目结算审核不及时，部分项目完工两年未办理结算", "completed", 2),
    ("2", "专项资金拨付滞后，部分资金闲置超过一年", "completed", 2),
    ("3", "干部档案管理不规范，部分档案材料缺失", "in_progress", 1),
]


def _found(report: rectpipe.Report) -> list[tuple[str | None, str, str, int]]:
    return [(p.number, p.title, p.status.value, len(p.measures)) for p in report.iter_problems()]


def test_measures_numbered_inline_after_their_label_in_a_text() -> None:
    text = _HEAD + "\n".join(_BODY) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert _found(report) == _EXPECTED
    assert not [w for w in report.warnings if w.code == "numbering_repeat"]
    first = report.iter_problems()[0]
    assert [m.marker for m in first.measures] == ["1.", "2."]
    assert first.measures[0].text.startswith("委托第三方机构")


def test_measures_numbered_inline_after_their_label_in_a_word_file() -> None:
    import docx as python_docx

    document = python_docx.Document()
    for line in [*_HEAD.splitlines(), *_BODY, *_TAIL.splitlines()]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    report = rectpipe.parse_bytes(out.getvalue(), name="report.docx")
    assert _found(report) == _EXPECTED


def test_a_copy_that_lost_its_line_breaks_still_cuts_the_next_finding_off() -> None:
    """All of one part run onto one line: the inline lists stay, each finding is cut off where
    its number breaks the list before it (2. after 1. 2. of the measures)."""
    text = _HEAD + "".join(_BODY) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(n, t, s) for n, t, s, _ in _found(report)] == [(n, t, s) for n, t, s, _ in _EXPECTED]


def test_measures_after_a_status_told_on_the_finding_s_line() -> None:
    """1.X。整改进展：已完成。一是…；二是…。 on one line: the status is the label's, and the
    text after it is the account, whichever status label tells it (整改进展, 整改结果)."""
    body = [
        "1.村集体经济发展不均衡。整改进展：已完成。一是制定发展方案；二是引进加工项目2个。",
        "2.食堂管理混乱。整改结果：正在整改。一是开展专项审计；二是引入第三方管理；三是公开账目。",
        "3.公务用车登记不全。整改进展：已完成。责任单位：办公室。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert _found(report) == [
        ("1", "村集体经济发展不均衡", "completed", 2),
        ("2", "食堂管理混乱", "in_progress", 3),
        ("3", "公务用车登记不全", "completed", 0),
    ]
    first = report.iter_problems()[0]
    assert first.actions == "一是制定发展方案；二是引进加工项目2个。"
    assert first.sources["actions"].start == report.text.find("一是制定发展方案")


def test_measures_numbered_on_one_line_under_the_finding() -> None:
    """（1）A；（2）B；（3）C。 on the line under the finding, no label before it: 3 measures."""
    body = [
        "1.文化下乡活动开展次数不足，群众参与度不高。（已完成）",
        "（1）制定年度文化下乡计划；（2）与乡镇文化站建立联办机制；（3）开展群众满意度调查。",
        "2.馆藏资料管理不规范，部分资料未登记造册。（正在整改）",
        "（1）开展馆藏资料清点；（2）建立电子化登记台账。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    problems = report.iter_problems()
    assert [len(p.measures) for p in problems] == [3, 2]
    assert [m.marker for m in problems[0].measures] == ["（1）", "（2）", "（3）"]
    assert problems[0].measures[1].text == "与乡镇文化站建立联办机制；"
    second = problems[0].measures[1].provenance
    assert report.text[second.start : second.end].startswith("（2）与乡镇")


def test_an_item_number_run_into_a_count_is_the_item_s_number() -> None:
    """2.3个部门… reads as a decimal alone; after 1. and before 3. (groups between aside) it
    is item 2."""
    body = [
        "1.部分非税收入未及时缴入国库。已整改，已缴入国库820万元。",
        "（二）部门预算执行方面",
        "2.3个部门超范围列支公务接待费。已整改，相关部门已退回资金。",
        "3.部分单位资产未及时入账。正在整改。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.number, p.title, p.status.value) for p in report.iter_problems()] == [
        ("1", "部分非税收入未及时缴入国库", "completed"),
        ("2", "3个部门超范围列支公务接待费", "completed"),
        ("3", "部分单位资产未及时入账", "in_progress"),
    ]
    assert not [w for w in report.warnings if w.code == "numbering_gap"]


def test_a_decimal_figure_after_a_list_s_last_item_stays_text() -> None:
    """1.5个百分点 under item 1. is no item 2: only the figure that continues the list is."""
    body = [
        "1.部分非税收入未及时缴入国库。已整改。",
        "1.5个百分点的差额已调整。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [p.number for p in report.iter_problems()] == ["1"]


def test_a_status_told_as_a_run_in_label_before_its_account() -> None:
    """X。已整改到位：<account> / X。部分整改：<account>: the phrase before the colon is the
    status, the rest the account; a phrase that is more than a status (落实不到位：) is none."""
    body = [
        "1.镇本级虚列支出12.6万元。已整改到位：收回虚列资金并调整账务。",
        "2.项目超概算21%。部分整改：已补办集体决策程序。",
        "3.资产出租未公开招租。已整改：一是重新公开招租；二是制定管理办法。",
        "4.食堂账目混乱。主要问题：采购无台账。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.status.value, p.status_raw, len(p.measures)) for p in report.iter_problems()] == [
        ("completed", "已整改到位", 0),
        ("partially_completed", "部分整改", 0),
        ("completed", "已整改", 2),
        ("unknown", None, 0),
    ]
    assert report.iter_problems()[0].actions == "收回虚列资金并调整账务。"


def test_details_of_a_finding_under_a_details_label_are_its_description() -> None:
    """1.X。/ 具体表现： / （1）… / （2）… / 整改情况：… : one finding, the items its details."""
    body = [
        "1.阵地管理不够规范。阅览区宣传品审核把关不严。",
        "具体表现：",
        "（1）部分宣传展板未经审核即上墙；",
        "（2）电子屏播放内容无审核记录。",
        "整改情况：建立宣传品审核登记制度，撤换未审展板4块。已完成整改。",
        "2.借阅服务时间不便民。周末闭馆时间过早。",
        "整改情况：调整周末开放时间。已完成整改。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.number, p.title, p.status.value) for p in report.iter_problems()] == [
        ("1", "阵地管理不够规范", "completed"),
        ("2", "借阅服务时间不便民", "completed"),
    ]
    assert "电子屏播放内容无审核记录" in report.iter_problems()[0].description


def test_details_each_told_with_an_account_stay_findings() -> None:
    body = [
        "1.阵地管理不够规范。",
        "具体表现：",
        "（1）部分宣传展板未经审核即上墙。",
        "整改情况：已完成整改。",
        "（2）电子屏播放内容无审核记录。",
        "整改情况：正在整改。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.number, p.status.value) for p in report.iter_problems()] == [
        ("1", "completed"),
        ("2", "in_progress"),
    ]


def test_goals_numbered_under_a_finding_are_no_findings() -> None:
    """（一）X。/ 整改目标： / 1.… / 2.… / 整改措施： / （1）… / （2）… / 整改进展：…: the goals and
    the measures the next label opens are the finding's, not findings or a group of them."""
    body = [
        "（一）河道保洁经费结余长期挂账，未按规定清理。",
        "整改目标：",
        "1.结余经费全部清理到位。",
        "2.建立经费年度清算制度。",
        "整改措施：",
        "（1）核对2022年以来保洁经费收支。",
        "（2）将结余资金上缴区财政。",
        "整改进展：已完成整改。",
        "（二）保洁考核流于形式，考核结果未与经费挂钩。",
        "整改目标：",
        "1.考核结果与拨付挂钩。",
        "整改措施：",
        "（1）修订河道保洁考核办法。",
        "整改进展：正在推进。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.title, p.status.value, len(p.measures)) for p in report.iter_problems()] == [
        ("河道保洁经费结余长期挂账，未按规定清理", "completed", 2),
        ("保洁考核流于形式，考核结果未与经费挂钩", "in_progress", 1),
    ]


def test_items_under_a_goals_label_each_with_items_of_their_own_stay() -> None:
    """整改目标： over items that each hold a list of their own is no goals list to fold."""
    body = [
        "（一）经费管理方面",
        "整改目标：",
        "1.经费结余长期挂账。",
        "整改措施：",
        "（1）清理结余资金。",
        "整改情况：已完成整改。",
        "2.考核流于形式。",
        "整改措施：",
        "（1）修订考核办法。",
        "整改情况：正在推进。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.number, p.status.value) for p in report.iter_problems()] == [
        ("1", "completed"),
        ("2", "in_progress"),
    ]


def test_a_label_after_a_last_measure_s_own_items_closes_the_finding() -> None:
    """（2）修订… / ①… / ②… / 整改结果：已完成整改。: the label is the finding's."""
    body = [
        "1.档案数字化项目资金结余未及时上缴。",
        "整改措施：",
        "（1）将结余资金全额上缴县财政。",
        "（2）修订项目资金管理办法。",
        "①明确项目完工后一个月内清算结余；",
        "②由办公室每季度核对一次。",
        "整改结果：已完成整改。",
    ]
    text = _HEAD + "\n".join(body) + "\n" + _TAIL
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    [problem] = report.iter_problems()
    assert (problem.status.value, len(problem.measures)) == ("completed", 2)
    assert "整改结果" not in problem.measures[-1].text


def test_clauses_after_a_wrapped_finding_tell_that_one_finding() -> None:
    """1、关于“X”问题。巡察指出：一是…；二是…。整改情况：一是…: one problem, X; the clauses
    after 巡察指出 are its details (a group's heading over such clauses lists them instead)."""
    text = (
        _HEAD.replace("（一）落实全面从严治党主体责任方面\n", "")
        + "1、关于“理论学习不深入”问题。巡察指出：一是中心组学习以读文件为主；二是青年干部学习"
        "覆盖面不够。整改情况：一是制定年度学习计划；二是每季度开展专题研讨；三是建立青年学习小组。"
        "已完成整改。\n"
        "2、关于“意识形态阵地管理不严”问题。巡察指出：个别村公众号审核把关不严。整改情况：一是"
        "建立三审制度；二是开展排查。已完成整改。\n" + _TAIL
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="report.txt")
    assert [(p.number, p.title, len(p.measures)) for p in report.iter_problems()] == [
        ("1", "理论学习不深入", 3),
        ("2", "意识形态阵地管理不严", 2),
    ]
