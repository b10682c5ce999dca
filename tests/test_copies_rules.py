"""The rules the damaged copies of every text sample called for when they were measured again
over all the samples with facts (tests/test_copies.py): a title cut over two lines where the
page puts a label or a column's name before it, or where the cut leaves the rest of the
issuer's name on the second line; a breadcrumb that ends with the title, wrapped, above the
whole title; a document-sharing site's preview with many page lines before the text; a
letter-spaced line whose words are a wider gap apart; a copy whose line breaks were all lost,
a blank left for each; and hard-wrapped copies whose full lines
often end where a comma hung, or whose page lines and bulleted lines sit among the wrapped
ones. Each input is invented."""

from __future__ import annotations

import rectpipe
from rectpipe.readers.blocks import Block
from rectpipe.readers.txt import read_txt
from rectpipe.text.line_breaks import lost_breaks, split_glued
from rectpipe.text.repair_text import gapped_letter_spaced
from rectpipe.text.rewrap import join_hard_wraps, wrap_width

_TITLE = "中共青禾县住房和城乡建设局党组关于县委巡察整改进展情况的通报"
_BODY = (
    "根据县委统一部署，县委第二巡察组对县住房和城乡建设局党组开展了常规巡察，"
    "并于2025年3月4日反馈了巡察意见。现将整改进展情况通报如下。\n"
    "一、党的建设方面\n"
    "1.党组会议议事规则执行不严格。整改情况：已完成。修订议事规则，建立会议纪要审核制度。\n"
    "2.干部教育培训针对性不强。整改情况：正在推进。已制定年度培训计划。\n"
)


def _parse(text: str) -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name="copy.txt")


def _cut(head: str, at: int) -> str:
    """``_TITLE`` cut after its ``at``-th character, ``head`` before its first line."""
    return f"{head}{_TITLE[:at]}\n{_TITLE[at:]}\n"


def test_a_labelled_title_cut_inside_its_issuer_keeps_its_first_line() -> None:
    cut = _TITLE.index("关于") + 1  # 关 / 于…
    for label in ("标题：", "【巡察整改】", "  • 标  题:"):
        report = _parse("青禾县人民政府\n首页 > 政务公开\n" + _cut(label, cut) + _BODY)
        assert report.metadata.title == _TITLE, label
        assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组", label


def test_a_labelled_title_cut_after_its_guanyu_keeps_its_first_line() -> None:
    cut = _TITLE.index("关于") + 4  # 中共…关于县委 / 巡察整改进展情况的通报
    report = _parse("  • 发文时间:2025年04月02日\n" + _cut("  • 标  题:", cut) + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"


def test_the_rest_of_an_issuers_name_opening_the_next_line_joins_the_line_above() -> None:
    # 中共…建设局 / 党组关于…: 党组 alone names no body, so the line above is the name's head.
    cut = _TITLE.index("党组")
    report = _parse(_cut("", cut) + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"
    # A line that opens with a whole name of its own takes nothing from a menu word above it.
    menu = _parse("党建动态\n" + _TITLE + "\n" + _BODY)
    assert menu.metadata.title == _TITLE


def test_a_wrapped_breadcrumb_ending_with_the_title_gives_way_to_the_whole_title() -> None:
    cut = _TITLE.index("党组") + 1
    crumb = f"首页 > 国企动态 > {_TITLE[:cut]}\n{_TITLE[cut:]}\n"
    report = _parse("青禾在线\n" + crumb + _TITLE + "\n发布时间：2025-04-02\n" + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"


def test_a_sharing_sites_preview_is_read_further_for_the_title() -> None:
    pages = "".join(f"{_TITLE}_第{n}页\n第{n}页 / 共9页\n" for n in range(1, 6))
    head = f"{_TITLE}\n上传人：qh****2 文档编号：1234567 上传时间：2025-04-08\n返回下载\n"
    title = "县住房和城乡建设局巡察整改进展情况报告"
    report = _parse(head + pages + "资源描述\n" + title + "\n" + _BODY)
    # the document's own title, below a dozen lines of the site's
    assert report.metadata.title == title


def test_letter_spaced_words_a_wider_gap_apart_stay_apart() -> None:
    line = "发 布 时 间 ： 2 0 2 5 - 0 4 - 0 2   0 9 : 1 5 \u3000 来 源 ： 县 住 建 局"
    assert gapped_letter_spaced(line) == "发布时间：2025-04-02   09:15\u3000来源：县住建局"
    report = _parse(_TITLE + "\n" + line + "\n" + _BODY)
    assert report.metadata.date == "2025-04-02"
    assert any(w.code == "text_repaired_letter_spacing" for w in report.warnings)
    # Text without two spaced runs a wide gap apart is returned as it is.
    for plain in ("  • 索 引 号:1234/2025-01", "[字体:大 中 小]  [打印]", "一、总体情况"):
        assert gapped_letter_spaced(plain) is plain


def _blocks(text: str) -> list[Block]:
    return read_txt(text.encode("utf-8")).blocks


def _wrapped(paragraphs: list[str], width: float = 20.0) -> list[str]:
    """Each paragraph cut every ``width`` characters (all full-width here), a closing comma
    kept on the line it closes, as a page sets it."""
    lines: list[str] = []
    for paragraph in paragraphs:
        step = int(width)
        at = 0
        while at < len(paragraph):
            piece = paragraph[at : at + step]
            at += step
            if paragraph[at : at + 1] in ("，", "。"):
                piece += paragraph[at]
                at += 1
            lines.append(piece)
    return lines


_HAN = (
    "局党组召开专题会议研究部署巡察整改工作成立整改领导小组制定整改方案逐项明确责任单位和整改时限"
)


def test_lines_that_end_with_a_comma_count_as_cut_when_the_width_is_found() -> None:
    # Two of each paragraph's lines end where a comma hung: a paragraph never ends with one,
    # so they were cut too, and the copy is hard-wrapped.
    paragraphs = [
        "，".join([_HAN[k : k + 20], _HAN[k + 5 : k + 25], _HAN[k : k + 35]]) + "。"
        for k in (0, 3, 6)
    ]
    lines = _wrapped(paragraphs)
    assert sum(line.endswith("，") for line in lines) == 6 and len(lines) == 12
    blocks = _blocks("\n".join(lines))
    assert wrap_width(blocks) is not None
    joined, _ = join_hard_wraps(blocks)
    assert [b.text for b in joined] == paragraphs


def test_a_page_line_or_a_bulleted_line_is_never_part_of_a_wrapped_paragraph() -> None:
    body = (
        "根据县委统一部署县委第二巡察组对县住房和城乡建设局党组开展了常规巡察并反馈了巡察意见"
        "现将整改进展情况通报如下局党组召开专题会议研究部署巡察整改工作成立整改工作领导小组"
        "制定整改方案逐项明确责任领导责任单位和整改时限实行清单化管理。"
    )
    title = "中共青禾县住房和城乡建设局党组关于巡察整改进展情况的通报"  # full width: 30 em
    page = "发布时间：2025-04-02 09:15　来源：青禾县住房和城乡建设局"  # 28 em: full
    bullet = "• 效力状态：有效"
    lines = [title, page, bullet, *_wrapped([body, body], 30.0)]
    joined, _ = join_hard_wraps(_blocks("\n".join(lines)), labels=("整改措施", "责任单位"))
    assert [b.text for b in joined] == [title, page, bullet, body, body]


def test_a_congress_reports_subtitle_run_onto_its_title_dates_it() -> None:
    # A PDF joins the centred title and the line under it: the report's date and meeting.
    title = "关于青禾县2024年度县级预算执行和其他财政收支审计查出问题整改情况的报告"
    subtitle = "——2025年11月20日在青禾县第十八届人民代表大会常务委员会第二十次会议上"
    body = (
        "县审计局局长　李明\n主任、各位副主任、各位委员：\n"
        "受县人民政府委托，现将审计查出问题的整改情况报告如下，请予审议。\n"
        "一、财政管理方面\n"
        "（一）非税收入未及时缴库。已全部缴入国库，该问题已整改到位。\n"
    )
    for head in (title + subtitle, title + "\n" + subtitle):
        report = _parse(head + "\n" + body)
        assert report.metadata.title == title
        assert report.metadata.date == "2025-11-20"


def test_a_copy_whose_line_breaks_were_lost_is_read_at_its_blanks() -> None:
    text = (
        _TITLE
        + "\n发布时间：2025-04-02　来源：县住建局\n"
        + _BODY
        + "青禾县住房和城乡建设局党组\n2025年4月1日\n"
    )
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    plain = _parse(text)
    joined = _parse(" ".join(lines))
    assert joined.metadata.title == plain.metadata.title == _TITLE
    assert joined.metadata.date == plain.metadata.date
    keys = ("number", "title", "status")
    assert [[getattr(p, k) for k in keys] for p in joined.iter_problems()] == [
        [getattr(p, k) for k in keys] for p in plain.iter_problems()
    ]
    assert "text_repaired_line_breaks" in {w.code for w in joined.warnings}


def test_only_a_long_paragraph_with_several_blanks_between_characters_is_cut() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    assert lost_breaks(long) is None  # no blank
    assert lost_breaks("一、总体情况 局党组高度重视。 二、问题整改情况") is None  # short
    assert lost_breaks(long + " 一、总体情况 " + long) is None  # two blanks only
    spaced = " ".join("根据县委统一部署开展巡察整改工作" * 10)
    assert lost_breaks(spaced) is None  # letter-spaced: a blank after every character
    pieces = lost_breaks(long + " 一、总体情况 " + long + " 二、问题整改情况 " + long)
    assert pieces == [long, "一、总体情况", long, "二、问题整改情况", long]
    # where a figure follows: a title's end before the page's date, an attachment's number
    dated = lost_breaks(f"附件1 {_TITLE} 2025-04-02 09:15 {long} 一、总体情况 {long}")
    assert dated == ["附件1", _TITLE, "2025-04-02 09:15", long, "一、总体情况", long]
    # a congress report's subtitle after its title, its dash before the date
    title = "关于2024年度县本级预算执行审计查出问题整改情况的报告"
    subtitle = lost_breaks(f"{title} --2025年6月26日在县人大常委会会议上 {long} 一、情况 {long}")
    assert (subtitle or [])[:2] == [title, "--2025年6月26日在县人大常委会会议上"]
    # (a figure inside a sentence is no cut: 截至 2025年3月…)
    assert lost_breaks(f"截至 2025年3月，{long} 一、总体情况 {long} 二、情况 {long}") == [
        f"截至 2025年3月，{long}",
        "一、总体情况",
        long,
        "二、情况",
        long,
    ]


def test_a_copy_cut_before_its_findings_lists_no_responsibility_part_as_problems() -> None:
    # The parts the central rules set before the findings, in a copy cut off before them.
    head = (
        _TITLE + "\n根据县委统一部署，县委第二巡察组对县住房和城乡建设局党组开展了常规巡察。"
        "现将整改进展情况通报如下。\n"
    )
    for part, items in (
        ("局党组履行巡察整改主体责任情况", ("召开专题会议研究部署", "建立整改台账")),
        ("党组书记履行第一责任人责任情况", ("带头研究部署", "带头督导落实")),
        ("整改工作组织情况", ("加强组织领导", "强化督促检查")),
        ("党委书记组织落实巡察反馈意见整改工作的情况", ("带头研究", "带头督导")),
    ):
        body = "".join(
            f"（{n}）{item}。局党组召开会议{n}次，逐项研究推进，明确责任和时限。\n"
            for n, item in zip("一二", items, strict=True)
        )
        cut = _parse(head + f"一、{part}\n" + body + "二、巡察反馈问题整改落实情况\n（一）党的建")
        assert cut.iter_problems() == [], part


def test_a_whole_date_a_telephone_number_or_an_e_mail_address_ends_a_lost_line() -> None:
    """A signature's or page's date after a name (XX局 2025年4月1日), the text after such a
    date and its time, and the text after a contact line's number or address were lines of
    their own; a blank inside a page widget's brackets never stood for a line break."""
    long = "根据县委统一部署开展巡察整改工作，" * 10
    text = (
        f"字号：[大 中 小] {_TITLE} 【字号 大 中 小】 发布时间：2025-04-02 09:15 {long} "
        f"一、总体情况 {long} 联系电话：0731-5562108 电子邮箱：qhzj@163.com "
        "青禾县住房和城乡建设局党组 2025年4月1日 抄送：县委巡察办。"
    )
    assert lost_breaks(text) == [
        "字号：[大 中 小]",
        _TITLE,
        "【字号 大 中 小】",
        "发布时间：2025-04-02 09:15",
        long,
        "一、总体情况",
        long,
        "联系电话：0731-5562108",
        "电子邮箱：qhzj@163.com",
        "青禾县住房和城乡建设局党组",
        "2025年4月1日",
        "抄送：县委巡察办。",
    ]
    # a month without its day, a figure inside a sentence: no cut
    assert lost_breaks(f"{long} 截至 2025年3月，已完成 {long} 一、情况 {long} 二、情况") == [
        long,
        "截至 2025年3月，已完成",
        long,
        "一、情况",
        long,
        "二、情况",
    ]


def test_a_copy_signed_and_dated_on_one_lost_line_keeps_its_date() -> None:
    lines = [
        _TITLE,
        *_BODY.strip().split("\n"),
        "联系电话：0731-5562108 青禾县住房和城乡建设局党组 2025年4月1日",
    ]
    joined = _parse(" ".join(lines))
    assert joined.metadata.date == "2025-04-01"
    assert joined.metadata.phone == "0731-5562108"


def test_an_index_box_run_together_keeps_its_lines_and_the_title_after_it() -> None:
    """An index box's bulleted lines, each with its label (letter-spaced or not), and a bar
    box's last row with the title line after it, all on one line."""
    long = "根据县委统一部署开展巡察整改工作，" * 10
    bullets = (
        f"• 索 引 号:4311-2025-007 • 发布机构:县住建局 • 标  题:{_TITLE} • 效力状态:有效 "
        f"{_TITLE} {long} 一、总体情况 {long}"
    )
    assert lost_breaks(bullets)[:5] == [
        "• 索 引 号:4311-2025-007",
        "• 发布机构:县住建局",
        f"• 标  题:{_TITLE}",
        "• 效力状态:有效",
        _TITLE,
    ]
    starred = (
        f"{long} （一）决策部署方面 ★针对“台账不全”的问题，已整改。 ★针对“公开滞后”的问题 {long}"
    )
    assert lost_breaks(starred)[1:4] == [
        "（一）决策部署方面",
        "★针对“台账不全”的问题，已整改。",
        "★针对“公开滞后”的问题",
    ]
    box = f"文件名称 | {_TITLE} | || 内容概述 | 巡察整改情况 | {_TITLE} {long} 一、情况 {long}"
    assert lost_breaks(box)[:3] == [
        f"文件名称 | {_TITLE} | || 内容概述 | 巡察整改情况 |",
        _TITLE,
        long,
    ]


def test_an_index_boxs_file_name_label_is_no_part_of_the_title() -> None:
    text = f"• 文件名称: {_TITLE}\n• 发布机构: 县住建局\n{_BODY}"
    assert _parse(text).metadata.title == _TITLE


def test_a_parts_heading_and_a_half_width_colon_before_a_marker_end_a_lost_line() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    text = (
        f"{long} 一、整改工作组织情况 3月10日，巡察组反馈了意见。{long} "
        f"现将情况报告如下: 二、问题整改情况 {long}"
    )
    assert lost_breaks(text) == [
        long,
        "一、整改工作组织情况",
        f"3月10日，巡察组反馈了意见。{long}",
        "现将情况报告如下:",
        "二、问题整改情况",
        long,
    ]
    # a section's marker in half-width brackets after a status, as such a copy writes it
    status = f"{long} 整改状态:已完成 (二)关于“台账不全”问题的整改 {long} 一、情况 {long}"
    assert lost_breaks(status)[1:3] == ["整改状态:已完成", "(二)关于“台账不全”问题的整改"]
    # a label's half-width colon before its value, a part's marker inside a sentence: no cut
    plain = f"{long} 发布机构: 县住建局 {long} 分为一、二两类 {long}"
    assert lost_breaks(plain) == [long, "发布机构: 县住建局", long, "分为一、二两类", long]


def test_an_index_boxs_dashed_labels_and_a_title_after_an_empty_label_are_lines() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    text = (
        f"首页 > 通知公告 - 发布时间:2025-06-10 16:02 - 文 号:无 - 浏览次数: {_TITLE} "
        f"{long} 一、总体情况 {long}"
    )
    assert lost_breaks(text)[:5] == [
        "首页 > 通知公告",
        "- 发布时间:2025-06-10 16:02",
        "- 文 号:无",
        "- 浏览次数:",
        _TITLE,
    ]
    # a dash between words, a label's value that is no title: no cut
    plain = f"{long} 县住建局 - 县水务局 整改情况: 已完成 {long} 二、情况 {long}"
    assert lost_breaks(plain)[1] == "县住建局 - 县水务局"
    assert lost_breaks(plain)[2] == "整改情况: 已完成"


def test_a_quoted_phrase_set_off_by_blanks_stays_in_its_line() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    text = f"{long} 问题三：关于 “台账管理不规范” 的问题。 {long} 一、情况 “三重一大”制度 {long}"
    assert lost_breaks(text) == [
        long,
        "问题三：关于 “台账管理不规范” 的问题。",
        long,
        "一、情况",
        "“三重一大”制度",
        long,
    ]


def test_a_view_counter_without_its_count_and_a_circled_number_end_a_lost_line() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    text = (
        f"{_TITLE} 信息来源:县住建局 浏览次数: {long} 二、基层治理有短板 ①网格员兼职过多。 "
        f"②“三会一课”执行不严。 {long} 点击量：2317 {long}"
    )
    assert lost_breaks(text) == [
        _TITLE,
        "信息来源:县住建局",
        "浏览次数:",
        long,
        "二、基层治理有短板",
        "①网格员兼职过多。",
        "②“三会一课”执行不严。",
        long,
        "点击量：2317 " + long,  # a count is no text: read as before
    ]


def test_a_lone_ideographic_space_is_the_lines_own_when_breaks_were_lost_as_blanks() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    joint = "中共青禾县委\u3000青禾县人民政府关于巡察整改情况的报告"
    text = f"{joint} {long} 第一部分\u3000整改工作开展情况 {long} 二、情况 {long}"
    assert lost_breaks(text) == [
        joint,
        long,
        "第一部分\u3000整改工作开展情况",
        long,
        "二、情况",
        long,
    ]
    # a copy whose breaks were lost as ideographic spaces is still cut at them
    spaced = text.replace(" ", "\u3000")
    assert len(lost_breaks(spaced) or []) == 8


def test_an_item_whose_text_opens_with_a_count_or_a_year_is_cut_after_a_blank() -> None:
    """1.3处违规建设… is item 1. and three places, 2.2020年完成… item 2. and a year (numbering
    reads them so): after a blank where a line break was lost they open lines too."""
    text = "整改时限：2024年4月底前 1.3处违规建设的养殖棚已拆除。 2.2020年以来新建管网86公里。"
    assert split_glued(text) == [
        "整改时限：2024年4月底前",
        "1.3处违规建设的养殖棚已拆除。",
        "2.2020年以来新建管网86公里。",
    ]
    # a decimal number after a blank stays in its sentence
    assert split_glued("资金缺口 3.5万元已补足。 2.建立台账。") == [
        "资金缺口 3.5万元已补足。",
        "2.建立台账。",
    ]


def test_a_salutation_under_the_title_is_a_line_of_its_own() -> None:
    long = "根据县委统一部署开展巡察整改工作，" * 10
    title = "青禾县水务局关于县委巡察反馈问题整改情况的报告"
    text = f"{title} 县人民政府、县委巡察办： 2025年3月，{long} 一、情况 {long} 二、情况 {long}"
    assert lost_breaks(text)[:3] == [title, "县人民政府、县委巡察办：", f"2025年3月，{long}"]
    # a label and its value under any other line stay together
    text = f"{long} 整改时限： 2025年3月底前 {long} 一、情况 {long}"
    assert lost_breaks(text)[1] == "整改时限： 2025年3月底前"


def test_a_title_glued_straight_to_the_intro_is_a_line_of_its_own() -> None:
    """A copy that lost the break after its title and left no blank: the title holds 关于,
    ends in a report's word, and a sentence with a comma runs on after it."""
    report = _parse(_TITLE + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"
    assert [p.title for p in report.iter_problems()] == [
        "党组会议议事规则执行不严格",
        "干部教育培训针对性不强",
    ]


def test_a_title_quoted_or_bracketed_in_a_sentence_is_not_cut_off() -> None:
    quoted = "根据《关于县委巡察整改进展情况的通报》要求，我局开展了自查，现将情况报告如下。"
    assert split_glued(quoted) == [quoted]
    bracketed = f"【{_TITLE}】根据县委统一部署，县委第二巡察组开展了巡察。"
    assert split_glued(bracketed) == [bracketed]
    assert split_glued("关于巡察整改工作的报告和建议，提出如下意见。") == [
        "关于巡察整改工作的报告和建议，提出如下意见。"
    ]


def test_a_signature_glued_to_its_date_after_the_last_sentence_signs_and_dates() -> None:
    last = "欢迎监督。中共青禾县住房和城乡建设局党组2025年6月30日"
    assert split_glued(last) == ["欢迎监督。", "中共青禾县住房和城乡建设局党组", "2025年6月30日"]
    assert split_glued("欢迎监督。全面完成整改2025年6月30日") == [
        "欢迎监督。全面完成整改2025年6月30日"
    ]  # a name that ends in no body's word needs its blank
    report = _parse(_TITLE + "\n" + _BODY.rstrip("\n") + "欢迎监督。" + last[5:] + "\n")
    assert report.metadata.date == "2025-06-30"
    assert report.metadata.issuer == "中共青禾县住房和城乡建设局党组"
