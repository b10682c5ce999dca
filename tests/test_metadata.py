"""Report metadata from text as published: names of bodies, issuers, group totals."""

from __future__ import annotations

from pathlib import Path

import pytest

import rectpipe
from rectpipe.extract.totals import read_counts
from rectpipe.profiles import default_profile, load_profile
from rectpipe.tools.provenance import check_sources


def test_an_inspecting_body_never_runs_over_a_verb_of_sending() -> None:
    report = rectpipe.parse_text(
        "关于县委第三轮巡察整改进展情况的通报\n"
        "2023年4月6日至5月30日，县委组建3个巡察组对县水利局等单位开展常规巡察。"
        "7月10日，县委3个巡察组向被巡察单位反馈了巡察意见。\n"
        "一、巡察反馈问题整改情况\n"
        "1.河道巡查记录不完整。已完成整改。\n"
    )
    assert report.metadata.inspecting_body == "县委3个巡察组"
    assert "县委组建3个巡察组" not in report.metadata.inspecting_bodies


def test_a_menu_item_above_the_title_is_no_issuer() -> None:
    report = rectpipe.parse_text(
        "• xk2041服务中心\n"
        "区委巡察组回访水务公司整改落实情况\n"
        "日期：2022-05-17\n"
        "5月16日，区委第二巡察组到水务公司回访巡察反馈问题整改落实情况。\n"
    )
    assert report.metadata.title == "区委巡察组回访水务公司整改落实情况"
    assert report.metadata.issuer is None
    assert report.metadata.date == "2022-05-17"


def test_a_group_states_its_own_count_after_the_word_problem() -> None:
    counts = read_counts(
        "部门预算管理问题8项，已整改5项，部分整改3项，整改金额1200万元。", default_profile()
    )
    assert counts.values == {"problems": 8, "completed": 5, "partially_completed": 3}
    # a subset is not the group's total
    assert "problems" not in read_counts("其中共性问题3个", default_profile()).values


def test_a_total_told_in_parts_is_their_sum() -> None:
    profile = default_profile()
    counts = read_counts("巡察反馈镇党委问题5个、村级党组织问题3个", profile)
    assert counts.values == {"problems": 8}
    # a sentence that states the whole keeps it: the parts are its breakdown
    whole = read_counts("共反馈问题8个，其中镇党委问题5个、村级党组织问题3个", profile)
    assert whole.values == {"problems": 8}


def test_a_compound_status_label_counts_once_under_its_first_status() -> None:
    counts = read_counts(
        "反馈问题120个，完成整改110个，基本完成并取得阶段性成果持续整改问题6个，未完成4个",
        default_profile(),
    )
    assert counts.values == {
        "problems": 120,
        "completed": 110,
        "partially_completed": 6,
        "not_completed": 4,
    }
    # Statuses that say different things do not make one label.
    assert "completed" not in read_counts("已完成和正在整改的问题共25个", default_profile()).values


def test_a_news_headline_is_the_title_when_no_line_reads_as_a_report_title() -> None:
    report = rectpipe.parse_text(
        "外国语学院召开巡察整改情况通报会\n"
        "9月3日，学院党委召开巡察整改情况通报会，通报了巡察整改工作进展。\n"
        "学院对5个方面18个问题进行了整改，已整改到位15个。\n"
    )
    assert report.metadata.title == "外国语学院召开巡察整改情况通报会"
    # a first line of content that is a sentence is no headline
    plain = rectpipe.parse_text("9月3日，学院召开巡察整改情况通报会。\n会议通报了整改进展。\n")
    assert plain.metadata.title is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2019年11月2日 08:15 | 来源：区融媒体中心", "2019-11-02"),
        ("2021-06-30 16:02:11  来源:县政府办", "2021-06-30"),
        ("2020-12-01 09:00", "2020-12-01"),
        ("信息来源：县审计局 | 发布时间：2022-08-15 | 浏览量：66", "2022-08-15"),
        ("发布日期:2023-02-13 10:20信息来源:市审计局浏览次数:", "2023-02-13"),
        # in brackets, with its weekday, or as one piece of a meta line after its source,
        # author or the page's tools (the blank before 浏览 closed by the cleaning)
        ("[ 2023-03-07 ]", "2023-03-07"),
        ("【2023-03-07】", "2023-03-07"),
        ("2023年3月7日 星期二", "2023-03-07"),
        ("作者：县委办 | 2023年3月7日", "2023-03-07"),
        ("来源：县委办 2023年3月7日 浏览：12", "2023-03-07"),
        ("来源：县委办公室 发表于 2023-03-07", "2023-03-07"),
        ("【字体：大 中 小】 2023-03-07 09:30:12", "2023-03-07"),
        # a news copy's date and its source, with no time
        ("2020-12-21 柏川新闻网", "2020-12-21"),
        ("2020年12月21日 柏川日报", "2020-12-21"),
    ],
)
def test_the_page_date_line_under_the_title(line: str, date: str) -> None:
    report = rectpipe.parse_text(
        f"关于巡察整改进展情况的通报\n{line}\n"
        "一、关于理论学习不深入的问题\n整改情况：已完成整改，制定学习计划。\n"
        "二、关于议事规则执行不严的问题\n整改情况：正在整改。\n"
    )
    assert report.metadata.date == date
    assert report.metadata.origins["date"] == "date_line"


@pytest.mark.parametrize(
    "line",
    [
        "来源：县委办，2023年3月7日召开会议。",  # a sentence, not a meta line
        "2023年3月7日，县委书记到县民政局调研",  # a date opening a headline
        "2023年3月7日 县委第三巡察组进驻",  # a date and what happened: no source's name
    ],
)
def test_a_date_in_a_sentence_is_no_page_date(line: str) -> None:
    report = rectpipe.parse_text(
        f"关于巡察整改进展情况的通报\n{line}\n"
        "一、关于理论学习不深入的问题\n整改情况：已完成整改，制定学习计划。\n"
        "二、关于议事规则执行不严的问题\n整改情况：正在整改。\n"
    )
    assert report.metadata.date is None


def test_totals_speak_the_profiles_status_words(tmp_path: Path) -> None:
    profile = default_profile()
    assert read_counts("已完成整改的问题40个，正在整改5个", profile).values == {
        "completed": 40,
        "in_progress": 5,
    }
    # a count of something done is no count of problems
    assert read_counts("完成制度建设12项", profile).values == {}
    # what was found in some units is the findings told, not a turn to one unit's counts
    assert read_counts(
        "发现部分企业存在消防通道堵塞、报警装置失效等各类问题20个，已全部整改到位", profile
    ).values == {"problems": 20, "completed": 20}
    # a noun between a count and a word of completion counts something else
    assert read_counts("患者需往返3-4个窗口完成缴费", profile).values == {}
    assert read_counts("其中4个均已按期完成，其余5个列入长期整改任务", profile).values == {
        "completed": 4,
        "ongoing": 5,
    }
    assert read_counts("全部12个专项工作安排的150个主要工作节点完成120个", profile).values == {}
    # the work done on the problems themselves counts them
    assert read_counts("共排查出河湖问题420个，已完成清理整治395个", profile).values == {
        "problems": 420,
        "completed": 395,
    }
    assert read_counts("已办结处置12件", profile).values == {"completed": 12}
    # the genre's forms of states count as the profile's words do
    assert read_counts("反馈问题70个，已完成52个，其余18个正按计划有序推进", profile).values == {
        "problems": 70,
        "completed": 52,
        "in_progress": 18,
    }
    assert read_counts("排查问题30个，已清理完毕20个", profile).values == {
        "problems": 30,
        "completed": 20,
    }
    assert read_counts(
        "移交问题15个，已整改11个，其他4个将在规定时限内整改到位", profile
    ).values == {
        "problems": 15,
        "completed": 11,
        "in_progress": 4,
    }
    # a word a user's profile adds counts in totals too
    user_file = tmp_path / "profile.yaml"
    user_file.write_text("status:\n  completed: [已对账销项]\n", "utf-8")
    custom = load_profile(user_file)
    assert read_counts("已对账销项17个", custom).values == {"completed": 17}
    assert read_counts("已对账销项17个", profile).values == {}


_BODY = (
    "一、关于理论学习不深入的问题\n整改情况：已完成整改。\n"
    "二、关于议事规则执行不严的问题\n整改情况：正在整改。\n"
)


def test_a_signature_wrapped_over_two_lines_is_one_issuer() -> None:
    report = rectpipe.parse_text(
        f"关于第二轮巡察整改进展情况的通报\n{_BODY}特此通报。\n"
        "中共青禾县委巡察工作\n领导小组办公室\n2023年6月2日\n"
    )
    assert report.metadata.issuer == "中共青禾县委巡察工作领导小组办公室"
    assert set(report.metadata.sources) >= {"issuer", "issuer.2"}
    assert check_sources(report) == []
    # two signatories, each a name of its own, are not run together into one name: both
    # sign, set apart by a blank as a joint title's names are (this took the last alone
    # before the second round's metadata batch)
    joint = rectpipe.parse_text(
        f"关于第二轮巡察整改进展情况的通报\n{_BODY}中共青禾县委员会\n青禾县人民政府\n2023年6月2日\n"
    )
    assert joint.metadata.issuer == "中共青禾县委员会 青禾县人民政府"
    assert check_sources(joint) == []


def test_a_title_wrapped_after_its_about_is_joined() -> None:
    report = rectpipe.parse_text(
        f"中共青禾县水利局党组关于县委第二轮巡察\n整改进展情况的通报\n{_BODY}"
    )
    assert report.metadata.title == "中共青禾县水利局党组关于县委第二轮巡察整改进展情况的通报"
    assert report.metadata.issuer == "中共青禾县水利局党组"
    assert check_sources(report) == []


def test_a_group_that_says_all_its_problems_are_done_gives_them_that_status() -> None:
    report = rectpipe.parse_text(
        "关于县委第二轮巡察整改进展情况的通报\n"
        "一、关于贯彻落实上级决策部署方面的问题（共3个，已全部完成整改）\n"
        "1.学习贯彻上级精神不够深入。制定学习计划，开展专题学习4次。\n"
        "2.河长制工作推进不力。建立河道巡查台账。\n"
        "3.水资源管理存在短板。修订取水许可管理办法。\n"
        "二、关于全面从严治党方面的问题（共2个，已完成1个，正在整改1个）\n"
        "4.落实主体责任不到位。该问题已完成整改。\n"
        "5.公务用车管理不规范。目前正在整改。\n"
    )
    statuses = [(p.number, p.status.value, p.status_raw) for p in report.iter_problems()]
    assert statuses == [
        ("1", "completed", "已全部完成整改"),
        ("2", "completed", "已全部完成整改"),
        ("3", "completed", "已全部完成整改"),
        ("4", "completed", "该问题已完成整改"),
        ("5", "in_progress", "目前正在整改"),
    ]
    assert check_sources(report) == []
    stated = report.summary.stated
    assert stated is not None
    # the groups' own counts are theirs, not the report's
    assert stated.raw == ""
    assert stated.problems is None
    assert [(c.problems, c.completed, c.in_progress) for c in stated.categories] == [
        (3, 3, None),
        (2, 1, 1),
    ]
    assert not [w for w in report.warnings if "mismatch" in w.code]


def test_a_template_names_its_issuer_with_placeholders() -> None:
    report = rectpipe.parse_text(
        f"中共XX县XX局党组关于县委第X巡察组反馈意见整改进展情况的通报\n{_BODY}"
    )
    assert report.metadata.issuer == "中共XX县XX局党组"


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("2023年3月，县委第五轮巡察第三组对县水利局开展巡察", ["县委第五轮巡察第三组"]),
        ("2023年5月，区委巡察组第二组对区医保局开展了专项巡察", ["区委巡察组第二组"]),
        # the office under inspection is no inspecting body
        ("2024年4月，市委第一巡察组对市审计局党组开展常规巡察", ["市委第一巡察组"]),
        ("受市政府委托，市审计局对市水利局开展了经济责任审计", ["市审计局"]),
    ],
)
def test_inspecting_bodies_as_written(sentence: str, bodies: list[str]) -> None:
    report = rectpipe.parse_text(f"关于整改进展情况的通报\n{sentence}。\n{_BODY}")
    assert report.metadata.inspecting_bodies == bodies


@pytest.mark.parametrize(
    ("sentence", "feedback"),
    [
        (
            "2023年3月至5月，县委第二巡察组对县水利局开展了巡察，并于2023年6月召开巡察反馈会",
            "2023-06",
        ),
        ("2022年11月，县委第二巡察组对县水利局开展了巡察，2023年1月反馈了巡察意见", "2023-01"),
        ("县委第二巡察组于2023年3月6日至5月12日开展巡察，于同年6月8日反馈了巡察意见", "2023-06-08"),
    ],
)
def test_the_feedback_date_as_written(sentence: str, feedback: str) -> None:
    report = rectpipe.parse_text(f"关于巡察整改进展情况的通报\n{sentence}。\n{_BODY}")
    assert report.metadata.feedback_date == feedback
    assert check_sources(report) == []


def test_a_numbered_body_in_the_text_wins_over_a_loose_one_in_the_headline() -> None:
    report = rectpipe.parse_text(
        "市委巡察组回访县交通局巡察整改落实情况\n2021-06-30 08:15 | 来源：某某新闻网\n"
        "本报讯，6月28日，市委第二巡察组到县交通局回访巡察反馈问题整改落实情况。\n"
        "县交通局对巡察反馈的18个问题逐项整改，目前已完成16个，其余2个正在按计划推进。\n"
    )
    assert report.metadata.inspecting_body == "市委第二巡察组"
    assert report.metadata.feedback_date is None  # a date line above is no feedback date
    stated = report.summary.stated
    assert stated is not None
    assert (stated.problems, stated.completed, stated.in_progress) == (18, 16, 2)


@pytest.mark.parametrize(
    "line", ["二〇二三年十二月二十二日", "2023年12月22日印发", "（2023年12月22日）"]
)
def test_the_signature_date_as_copies_write_it(line: str) -> None:
    report = rectpipe.parse_text(f"关于巡察整改进展情况的通报\n{_BODY}中共某县水利局党组\n{line}\n")
    assert report.metadata.date == "2023-12-22"
    assert report.metadata.issuer == "中共某县水利局党组"
    assert report.metadata.origins["date"] == "signature"
    assert check_sources(report) == []


def test_a_sharing_sites_file_name_is_not_the_documents_title() -> None:
    report = rectpipe.parse_text(
        "某省督察反馈意见整改进展清单\n上传人：ab****1 文档编号：12345 上传时间：2021-03-09\n"
        "资源描述\n中央生态环境保护督察反馈意见某省整改进展清单\n"
        "一、关于“饮用水水源地保护不到位”整改进展情况：已完成。\n1.划定保护区。\n2.清理违建。\n"
    )
    assert report.metadata.title == "中央生态环境保护督察反馈意见某省整改进展清单"
    assert report.metadata.date is None  # an upload time is not the document's date


@pytest.mark.parametrize("written", ["2024.03.05", "2024-3-5", "2024/03/05"])
def test_a_signature_dated_in_figures_signs(written: str) -> None:
    report = rectpipe.parse_text(
        "关于巡察整改进展情况的通报\n"
        "县委第一巡察组于2023年9月对我局开展了巡察。现将整改情况通报如下。\n"
        "一、关于理论学习不深入的问题\n整改情况：已完成整改。\n"
        f"中共某县林业局党组\n{written}\n"
    )
    assert report.metadata.date == "2024-03-05"
    assert report.metadata.origins["date"] == "signature"
    assert report.metadata.issuer == "中共某县林业局党组"


def test_a_portal_laid_out_in_tables_gives_its_page_title_when_the_article_leaves_it_out() -> None:
    """An old portal lays the page out in tables; the title sits in a cell the article's text
    does not include. The page's <title>, without the site's name, is the title then."""
    page = (
        '<html><head><meta charset="utf-8"><title>关于巡察整改进展情况的通报_某县人民政府'
        "</title></head><body><table><tr><td>首页 | 政务公开</td></tr></table>"
        "<table><tr><td>导航</td><td><table>"
        "<tr><td><font size='4'><b>关于巡察整改进展情况的通报</b></font></td></tr>"
        "<tr><td>发布时间：2024-05-10 来源：县林业局</td></tr><tr><td>"
        "<p>县委第二巡察组于2023年9月对县林业局党组开展了巡察。现将整改情况通报如下。</p>"
        "<p>一、党的建设方面</p><p>1.理论学习不深入。</p><p>整改情况：已完成整改。</p>"
        "<p>中共某县林业局党组</p><p>2024年5月8日</p>"
        "</td></tr></table></td></tr></table></body></html>"
    ).encode()
    report = rectpipe.parse_bytes(page, name="page.html")
    assert report.metadata.title == "关于巡察整改进展情况的通报"
    assert report.metadata.origins["title"] in ("page", "title")
    assert report.metadata.date == "2024-05-08"  # the signature's, not the page's
    assert [p.title for p in report.iter_problems()] == ["理论学习不深入"]


@pytest.mark.parametrize(
    ("page_title", "title"),
    [
        ("关于巡察整改进展情况的通报_某县人民政府", "关于巡察整改进展情况的通报"),
        (
            "某市审计局 - 关于2023年度审计查出问题整改情况的报告",
            "关于2023年度审计查出问题整改情况的报告",
        ),
        ("首页｜新闻中心｜某县政府网", None),
    ],
)
def test_the_report_part_of_a_page_title(page_title: str, title: str | None) -> None:
    from rectpipe.extract.hints import _page_title
    from rectpipe.extract.title_lines import looks_like_title

    assert _page_title(page_title, looks_like_title) == title


@pytest.mark.parametrize("bullet", ["• ", "- ", "· ", ""])
def test_an_index_block_title_entry_is_the_title_without_its_label(bullet: str) -> None:
    report = rectpipe.parse_text(
        f"{bullet}标  题：中共某镇委员会关于巡察整改进展情况的通报\n"
        "根据县委统一部署，县委第一巡察组对镇党委开展了巡察。现将整改情况通报如下。\n"
        "一、党的建设方面\n1.理论学习不深入。\n整改情况：已完成整改。\n"
    )
    assert report.metadata.title == "中共某镇委员会关于巡察整改进展情况的通报"
    assert report.metadata.issuer == "中共某镇委员会"


_WRAPPED_BODY = (
    "根据县委统一部署，县委第二巡察组于2024年3月至5月对我单位开展了常规巡察，"
    "并于2024年6月12日反馈了巡察意见。现将整改进展情况通报如下。\n"
    "一、巡察反馈问题整改情况\n"
    "1.部分工程项目未按合同约定支付进度款。\n整改进展：已完成。\n"
)


@pytest.mark.parametrize(
    ("head", "tail", "title", "issuer"),
    [
        # cut inside 关于
        ("中共青禾县水务局党组关", "于县委巡察整改进展情况的通报", None, "中共青禾县水务局党组"),
        # cut inside the issuer's name
        ("中共青禾城市投资集团有限公司委", "员会关于县委巡察整改进展情况的通报", None,
         "中共青禾城市投资集团有限公司委员会"),
        # cut where neither half reads as a title
        ("中共青禾能源集团有限公司委员会关于巡视整", "改进展情况的通报", None,
         "中共青禾能源集团有限公司委员会"),
        # a title without 关于, cut inside a word
        ("青禾县石门村党组织书记任期经济责任审计发", "现问题整改情况公示", None, None),
        # a whole issuer's name above 关于… signs the title: not joined
        ("中共青禾县水务局党组", "关于县委巡察整改进展情况的通报",
         "关于县委巡察整改进展情况的通报", "中共青禾县水务局党组"),
        # a column name above the title is not part of it
        ("政务公开", "关于县委巡察整改进展情况的通报", "关于县委巡察整改进展情况的通报", None),
        # nor a breadcrumb
        ("青禾县水务局 > 党务公开", "中共青禾县水务局党组关于县委巡察整改进展情况的通报",
         "中共青禾县水务局党组关于县委巡察整改进展情况的通报", "中共青禾县水务局党组"),
    ],
)  # fmt: skip
def test_a_title_cut_anywhere_over_two_lines_is_joined(
    head: str, tail: str, title: str | None, issuer: str | None
) -> None:
    report = rectpipe.parse_text(f"{head}\n{tail}\n{_WRAPPED_BODY}")
    assert report.metadata.title == (title or head + tail)
    if issuer is not None:
        assert report.metadata.issuer == issuer
    assert check_sources(report) == []


_REPORT_BODY = (
    "中共青禾县农业农村局党组关于县委巡察整改进展情况的通报\n"
    "根据县委统一部署，县委第二巡察组对局党组开展了常规巡察，现将整改进展情况通报如下。\n"
    "一、反馈问题整改情况\n"
    "（一）项目资金监管不到位。\n"
    "整改情况：已完成。修订资金管理办法，开展专项检查。\n"
    "特此通报。\n"
)
# A news app's page under the copy: short lines that end no sentence, more than a dozen.
_APP_TAIL = [
    "责任编辑：林夏",
    "打开APP阅读全文",
    "举报",
    "分享到：",
    "微博",
    "朋友圈",
    "QQ空间",
    "评论 3",
    "点赞 12",
    "收藏",
    "在看",
    "写留言",
    "暂无评论",
    "发表评论",
    "登录后参与评论",
    "下载客户端",
]


def test_a_signature_under_a_copys_interface_lines_is_found_further_up() -> None:
    text = _REPORT_BODY + "中共青禾县农业农村局党组\n2025年4月18日\n" + "\n".join(_APP_TAIL) + "\n"
    meta = rectpipe.parse_text(text).metadata
    assert meta.date == "2025-04-18"
    assert meta.sources["date"].start == text.index("2025年4月18日")


def test_above_the_closing_lines_a_date_counts_only_under_a_signer() -> None:
    # the same tail, with a related article's date where the signature stood: no signer
    # above it, so it is not the report's date
    text = _REPORT_BODY + "乡村振兴简讯\n2025年3月2日\n" + "\n".join(_APP_TAIL) + "\n"
    assert rectpipe.parse_text(text).metadata.date is None
    # and the search stops at the body's last sentence: nothing above it is looked at
    signed_above = (
        _REPORT_BODY.replace(
            "特此通报。\n", "中共青禾县农业农村局党组\n2025年4月18日\n特此通报。\n"
        )
        + "\n".join(_APP_TAIL)
        + "\n"
    )
    assert rectpipe.parse_text(signed_above).metadata.date is None


def _congress(title: str, subtitle: str, *, joined: bool) -> str:
    """A report to a congress: its title, the subtitle run onto it or on its own line, the
    salutation and one finding."""
    head = [title + subtitle] if joined else [title, subtitle]
    return "\n".join(
        [
            *head,
            "市人大常委会：",
            "一、预算执行审计查出问题的整改情况",
            "（一）部分非税收入未及时缴库。该问题已整改到位。",
        ]
    )


@pytest.mark.parametrize("joined", [True, False])
def test_a_congress_subtitle_with_a_month_only_dates_the_report_by_its_month(joined: bool) -> None:
    """——2023年4月在…会议上: the subtitle is cut off the title (or set aside on its own line)
    whether it gives a day or a month; a month dates the report as YYYY-MM when nothing gives
    a day, and a page's day (发布时间) is taken before it."""
    title = "青禾市2022年度绩效审计查出问题整改情况的报告"
    text = _congress(title, "——2023年4月在青禾市七届人大常委会第十七次会议上", joined=joined)
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.date) == (title, "2023-04")
    assert meta.sources["date"].start == text.index("2023年4月")
    dated = rectpipe.parse_text(text.replace("2023年4月在", "2023年4月26日在")).metadata
    assert (dated.title, dated.date) == (title, "2023-04-26")
    paged = rectpipe.parse_text("发布时间：2023-05-08\n" + text).metadata
    assert paged.date == "2023-05-08"


@pytest.mark.parametrize("joined", [True, False])
@pytest.mark.parametrize("brackets", ["（）", "()"])
def test_a_congress_subtitle_in_brackets_dates_the_report(joined: bool, brackets: str) -> None:
    """（2024年9月26日在…会议上）: the subtitle in brackets, as many governments set it, on its
    own line or run onto the title's, dates the report and is no part of the title."""
    title = "柏川市人民政府关于2023年度审计查出问题整改情况的报告"
    opening, closing = brackets
    subtitle = f"{opening}2024年9月26日在柏川市六届人大常委会第十二次会议上{closing}"
    text = _congress(title, subtitle, joined=joined)
    meta = rectpipe.parse_text(text).metadata
    assert (meta.title, meta.date) == (title, "2024-09-26")
    assert meta.sources["date"].start == text.index("2024年9月26日")
