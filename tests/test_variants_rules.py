"""The reader rules that make a report read the same however it was rendered (docs/variants.md):
one unit test each, on small invented inputs."""

from __future__ import annotations

import rectpipe
from rectpipe.readers.docx import read_docx
from rectpipe.readers.html import read_html

from .readers.test_docx_numbering import abstract, lvl, make_package, num, p, start_override


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


_BREAK = "<w:r><w:br/></w:r>"


# --- Word: soft line breaks (readers/docx/breaks.py) -----------------------------------------


def test_a_paragraph_of_pasted_lines_gives_a_block_a_line() -> None:
    lines = [
        "一、整改工作开展情况",
        "局党组召开专题会议。",
        "（一）学习制度执行不到位。",
        "中共某局党组",
    ]
    body = "<w:p>" + _BREAK.join(_run(line) for line in lines) + "</w:p>"
    blocks = read_docx(make_package(body)).blocks
    assert [b.text for b in blocks] == lines
    assert [b.path for b in blocks] == ["p:0/l:0", "p:0/l:1", "p:0/l:2", "p:0/l:3"]


def test_a_title_over_two_lines_and_a_signature_over_its_date_give_a_block_a_line() -> None:
    body = (
        "<w:p>" + _run("附件1") + _BREAK + _run("关于巡察整改进展情况的通报") + "</w:p>"
        "<w:p>" + _run("中共某局党组") + _BREAK + _run("2024年9月27日") + _BREAK + "</w:p>"
    )
    blocks = read_docx(make_package(body)).blocks
    assert [b.text for b in blocks] == [
        "附件1",
        "关于巡察整改进展情况的通报",
        "中共某局党组",
        "2024年9月27日",
    ]


# --- Web pages: the headline of a layout-table portal (readers/html/article.py) -------------

_BODY = "".join(
    f"<p>{line}</p>"
    for line in [
        "根据县委统一部署，县委第二巡察组对县水务局党组开展了常规巡察，现将整改进展情况通报如下。",
        "一、整改工作开展情况",
        "局党组召开专题会议研究整改工作，制定整改方案，逐项明确责任和时限，按月调度整改进度。",
    ]
)


def test_a_headline_cell_that_repeats_the_page_title_is_the_title() -> None:
    title = "中共青禾县水务局党组关于巡察整改进展情况的通报"
    page = (
        f"<html><head><title>{title}_青禾县人民政府</title></head><body><table><tr><td>"
        f"<table><tr><td align='center'><font size='5'><b>{title}</b></font></td></tr>"
        f"<tr><td>{_BODY}</td></tr></table></td></tr></table></body></html>"
    )
    blocks = read_html(page.encode("utf-8")).blocks
    assert blocks[0].text == title
    assert blocks[0].style == "title"


def test_a_site_name_cell_far_from_the_article_is_not_the_title() -> None:
    site = "青禾县人民政府门户网站"
    page = (
        f"<html><head><title>{site}</title></head><body><table>"
        f"<tr><td><b>{site}</b></td></tr><tr><td><table><tr><td><table><tr><td>"
        f"{_BODY}</td></tr></table></td></tr></table></td></tr></table></body></html>"
    )
    assert site not in [b.text for b in read_html(page.encode("utf-8")).blocks]


# --- Web pages: a date line cut into runs (readers/html/portal.py) ----------------------------


def _spans(text: str, size: int) -> str:
    return "".join(f"<span>{text[i : i + size]}</span>" for i in range(0, len(text), size))


def test_a_date_line_cut_into_runs_gives_the_date_it_reads() -> None:
    line = "发布时间：2025-02-14 09:12　来源：县交通运输局"
    page = f"<html><body><p>{_spans(line, 14)}</p>{_BODY}</body></html>"
    assert "<span>发布时间：2025-02-1</span><span>4" in page
    assert read_html(page.encode("utf-8")).hints["页面日期"] == "2025-02-14"


# --- Web pages: a site footer's contact line (readers/html/footer.py) ------------------------


def test_a_contact_line_between_footer_lines_is_the_footer() -> None:
    page = (
        f"<html><body><div>{_BODY}<p>联系电话：0731-5562108（局办公室）</p>"
        "<p>主办：青禾县人民政府办公室</p><p>联系电话：0731-5560000　地址：青禾县人民路1号</p>"
        "<p>版权所有：青禾县人民政府　湘ICP备12345678号</p></div></body></html>"
    )
    document = read_html(page.encode("utf-8"))
    texts = [b.text for b in document.blocks]
    assert "联系电话：0731-5562108（局办公室）" in texts  # the report's own, before the footer
    assert not any("青禾县人民路1号" in text for text in texts)
    assert any("青禾县人民路1号" in r.text for r in document.removed)


def test_a_headline_between_a_breadcrumb_and_a_date_line_stays() -> None:
    title = "关于巡察整改进展情况的通报"
    page = (
        f"<html><body><div><p>当前位置：首页 > 信息公开</p><p>{title}</p>"
        f"<p>发布日期：2024-12-19　来源：县审计局</p>{_BODY}</div></body></html>"
    )
    assert title in [b.text for b in read_html(page.encode("utf-8")).blocks]


# --- Web pages: a header box copied as text, its cells set apart by pipes (html/portal.py) ----


def test_a_pipe_box_gives_its_values_without_pipes_and_none_for_none() -> None:
    page = (
        "<html><body><div><p>| 索引号： | QH-2025-00318 | 发布机构： | 青禾县水务局 |</p>"
        "<p>| 成文日期： | 2025年09月15日 | 发布日期： | 2025年09月16日 |</p>"
        f"<p>| 文　　号： | 无 | 公开方式： | 主动公开 |</p></div><div>{_BODY}</div></body></html>"
    )
    hints = read_html(page.encode("utf-8")).hints
    assert hints["索引号"] == "QH-2025-00318"
    assert hints["成文日期"] == "2025年09月15日"
    assert "文号" not in hints


# --- Web pages: the site's masthead above a breadcrumb (readers/html/masthead.py) -------------


def test_the_lines_above_a_breadcrumb_at_the_article_top_are_the_masthead() -> None:
    page = (
        "<html><body><div><p>青禾县蒲岭镇人民政府</p><p>当前位置：首页 > 公示公告</p>"
        f"<p>关于清溪村党支部巡察整改情况的公示</p>{_BODY}</div></body></html>"
    )
    document = read_html(page.encode("utf-8"))
    assert document.blocks[0].text == "关于清溪村党支部巡察整改情况的公示"
    assert ("青禾县蒲岭镇人民政府", "page_chrome") in [(r.text, r.reason) for r in document.removed]


def test_an_issuer_line_above_the_title_without_a_breadcrumb_stays() -> None:
    page = (
        "<html><body><div><p>中共青禾县水务局党组</p>"
        f"<p>关于巡察整改进展情况的通报</p>{_BODY}</div></body></html>"
    )
    assert read_html(page.encode("utf-8")).blocks[0].text == "中共青禾县水务局党组"


# --- Web pages: each paragraph in boxes of its own (readers/html/widen.py) --------------------


def test_an_article_of_boxed_paragraphs_is_read_whole_when_one_paragraph_outweighs_the_rest() -> (
    None
):
    long = "截至2024年10月31日，本轮巡察共反馈问题126个，已完成整改109个，正在整改17个。" * 6
    lines = ["根据县委统一部署，县委巡察组开展了常规巡察。", long, "欢迎社会各界监督。"]
    boxed = "".join(f"<section><p><span>{line}</span></p></section>" for line in lines)
    page = (
        "<html><body><h1>关于巡察整改情况的通报</h1><div id='js_content'><section><section>"
        f"{boxed}</section></section></div><div>阅读 1523</div></body></html>"
    )
    texts = [b.text for b in read_html(page.encode("utf-8")).blocks]
    assert texts[-3:] == lines


# --- Web pages: a date line among the article's <br> lines (readers/html/__init__.py) ---------


def test_a_bare_date_time_beside_its_source_among_br_lines_gives_the_page_date() -> None:
    lines = [
        "首页 > 要闻 > 正文",
        "关于巡察整改进展情况的通报",
        "2025-03-18 09:12:45　来源：中央纪委国家监委网站　【字号：大 中 小】　打印",
        "根据县委统一部署，县委第二巡察组对县水务局党组开展了常规巡察。",
    ]
    page = f"<html><body><div><p>{'<br>'.join(lines)}</p></div></body></html>"
    document = read_html(page.encode("utf-8"))
    assert document.hints["页面日期"] == "2025-03-18"
    assert document.removed[-1].reason == "date_line"


# --- Text stage: a table copied one cell a line keeps its cells' list labels (flat_tables.py) --


def test_a_flat_table_cell_keeps_the_numbers_word_drew_in_front_of_its_lines() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, start_override(0, 1))
    head = ["关于审计发现问题整改情况的公示", "现将整改情况公示如下。"]
    columns = ["序号", "问题描述", "整改措施", "责任科室", "完成时限", "整改情况"]
    body = "".join(p(text) for text in [*head, *columns])
    body += p("1") + p("医疗服务项目收费不规范。")
    body += p("对重复收费的患者退还费用；", 1) + p("在收费系统设置提醒。", 1)
    body += p("物价科") + p("2025年1月底前") + p("已整改")
    body += p("2") + p("部分药品未通过省级平台采购。")
    body += p("将全部药品纳入省级平台采购；", 2) + p("对平台外采购实行审批。", 2)
    body += p("药剂科") + p("2025年1月底前") + p("已整改") + p("特此公示。")
    report = rectpipe.parse_bytes(make_package(body, numbering=numbering), format="docx")
    assert [(q.number, len(q.measures)) for q in report.iter_problems()] == [("1", 2), ("2", 2)]


# --- Web pages: a layout table whose content cell is <br> lines (readers/html/dom.py) ---------


def test_a_layout_table_whose_cell_holds_the_article_in_br_lines_is_not_a_data_table() -> None:
    lines = [
        "根据县委统一部署，县委第二巡察组对县水务局党组开展了常规巡察，并反馈了巡察意见。",
        "一、整改工作开展情况",
        "局党组召开专题会议研究整改工作，制定整改方案，逐项明确责任和时限，按月调度整改进度。",
        "二、反馈问题整改情况",
        "（一）学习贯彻上级决策部署不够深入。整改情况：已完成，修订党组理论学习中心组学习制度。",
        "（二）落实意识形态工作责任制不到位。整改情况：正在整改，开展意识形态阵地专项检查。",
        "三、下一步工作打算",
        "坚持问题导向，对已完成整改的问题开展回头看，防止问题反弹回潮，巩固拓展整改成果。",
        "中共青禾县水务局党组",
    ]
    page = (
        "<html><body><table><tr><td><a href='/'>首页</a><br><a href='/a'>信息公开</a><br>"
        f"<a href='/b'>通知公告</a></td><td>{'<br>'.join(lines)}</td></tr>"
        "<tr><td colspan='2'>版权所有：青禾县人民政府</td></tr></table></body></html>"
    )
    blocks = read_html(page.encode("utf-8")).blocks
    assert {b.kind.value for b in blocks} == {"paragraph"}
    assert [b.text for b in blocks][-len(lines) :] == lines


def test_a_ledger_whose_cells_hold_a_few_br_lines_stays_a_data_table() -> None:
    measures = "<br>".join(f"{k}.制定整改方案并逐项落实整改措施。" for k in range(1, 7))
    rows = "".join(
        f"<tr><td>{k}</td><td>学习制度执行不到位的问题。</td><td>{measures}</td><td>已完成</td></tr>"
        for k in range(1, 4)
    )
    page = (
        "<html><body><div><p>关于巡察整改情况的公示</p><table><tr><th>序号</th><th>问题</th>"
        f"<th>整改措施</th><th>进展</th></tr>{rows}</table></div></body></html>"
    )
    kinds = [b.kind.value for b in read_html(page.encode("utf-8")).blocks]
    assert kinds == ["paragraph", "table"]


def test_a_headline_above_a_breadcrumb_is_not_the_masthead() -> None:
    title = "中共桐江市住房和城乡建设局党组关于市委巡察整改进展情况的通报"
    page = (
        f"<html><body><div><p>{title}</p><p>桐江市住房和城乡建设局</p>"
        f"<p>当前位置：首页 > 通知公告</p>{_BODY}</div></body></html>"
    )
    texts = [b.text for b in read_html(page.encode("utf-8")).blocks]
    assert texts[0] == title  # the lines above the breadcrumb are not all a name: none dropped


# --- Web pages: the info line and the headline again (readers/html/portal.py, __init__.py) ----


def test_a_source_line_without_a_date_is_page_chrome() -> None:
    page = f"<html><body><div><p>来源：本站</p>{_BODY}</div></body></html>"
    document = read_html(page.encode("utf-8"))
    assert "来源：本站" not in [b.text for b in document.blocks]
    assert ("来源：本站", "page_chrome") in [(r.text, r.reason) for r in document.removed]


def test_an_article_that_opens_with_its_headline_again_gives_one_title() -> None:
    title = "中共青禾县水务局党组关于巡察整改进展情况的通报"
    page = (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        f"<div class='content'><p>{title}</p>{_BODY}</div></body></html>"
    )
    document = read_html(page.encode("utf-8"))
    assert [b.text for b in document.blocks].count(title) == 1
    assert (title, "repeated_title") in [(r.text, r.reason) for r in document.removed]


# --- Paragraph starts where lines are cut by <br> or soft breaks (html/flow.py, docx/breaks.py) -

_WRAPPED = [
    [
        "根据县委统一部署，县委第二巡察组于2024年3月至5月对县水务局党组开展了常规",
        "巡察，现将整改进展情况通报如下。",
    ],
    ["一、巡察反馈问题整改落实情况"],
    [
        "1.农村饮水安全工程管护责任落实不到位，部分村级供水站水质检测记录缺失，",
        "整改措施：一是制定供水站管护办法。",
    ],
]


def test_a_page_that_cuts_its_paragraphs_by_br_marks_where_each_starts() -> None:
    body = "".join("<p>" + "<br>".join(lines) + "</p>" for lines in _WRAPPED * 2)
    blocks = read_html(f"<html><body><div>{body}</div></body></html>".encode()).blocks
    starts = [False, False, True, True, False]
    assert [b.after_blank for b in blocks] == [*starts, True, *starts[1:]]


def test_a_page_without_br_lines_marks_no_starts() -> None:
    body = "".join(f"<p>{line}</p>" for lines in _WRAPPED for line in lines)
    blocks = read_html(f"<html><body><div>{body}</div></body></html>".encode()).blocks
    assert not any(b.after_blank for b in blocks)


def test_a_word_file_that_cuts_its_paragraphs_by_soft_breaks_marks_where_each_starts() -> None:
    body = "".join("<w:p>" + _BREAK.join(_run(x) for x in lines) + "</w:p>" for lines in _WRAPPED)
    blocks = read_docx(make_package(body)).blocks
    assert [b.after_blank for b in blocks] == [False, False, True, True, False]
    assert [b.path for b in blocks][:3] == ["p:0/l:0", "p:0/l:1", "p:1"]


# --- Web pages: the numbers a browser draws for <ol> items (readers/html/lists.py) -----------


def _texts(body: str) -> list[str]:
    return [
        b.text for b in read_html(f"<html><body><div>{body}</div></body></html>".encode()).blocks
    ]


def test_an_ordered_list_item_opens_with_the_number_the_browser_draws() -> None:
    body = (
        '<ol style="list-style-type:cjk-ideographic"><li>整改工作开展情况</li></ol>'
        "<p>局党组召开专题会议研究整改工作。</p>"
        '<ol start="3"><li><p>学习制度执行不到位。</p></li><li value="7">台账不全。</li>'
        "<li>公示不及时。</li></ol>"
    )
    assert _texts(body) == [
        "一、整改工作开展情况",
        "局党组召开专题会议研究整改工作。",
        "3.学习制度执行不到位。",
        "7.台账不全。",
        "8.公示不及时。",
    ]


def test_no_number_for_typed_markers_unordered_lists_and_lists_without_style() -> None:
    body = (
        "<ol><li>1.学习制度执行不到位。</li></ol><ul><li>台账不全。</li></ul>"
        '<ol style="list-style:none"><li>公示不及时。</li></ol>'
    )
    texts = _texts(_BODY + body)
    assert texts[-3:] == ["1.学习制度执行不到位。", "台账不全。", "公示不及时。"]
