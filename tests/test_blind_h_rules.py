"""Rules added for the shapes of blind batch h (docs/blind-h.md, docs/shapes.md §27): the
furniture of copies as sites and tools publish them — a menu line above the title, a repost's
原标题 line, a closing sentence after the last run-in item, a date alone under a share page's
title, a bare 附件 on a linked file's first line, an index box dated only by 生成日期, and the
source, editor and link lines a copy ends with."""

from __future__ import annotations

import rectpipe
from rectpipe.text.furniture import article_end, is_trailing_furniture

_TITLE = "中共白石县水务局党组关于县委巡察整改情况的通报"
_INTRO = (
    "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县水务局党组进行了巡察，"
    "并于2025年6月5日反馈了巡察意见。现将整改情况通报如下："
)
_LIST = (
    "一、巡察反馈问题整改情况",
    "1.河道保洁责任落实不到位。",
    "整改情况：一是建立日巡查制度；二是增配保洁员。已完成整改。",
    "2.农村供水工程管护薄弱。",
    "整改情况：落实管护人员12名。正在整改。",
)
_BODY = "\n".join((_INTRO, *_LIST)) + "\n"


def _parse(text: str, name: str = "report.txt") -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _page(head: str, *, title: str = _TITLE, box: str = "", side: str = "") -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in _BODY.splitlines())
    return (
        '<html><head><meta charset="utf-8"><title>水务局</title></head><body>'
        f'{box}<div class="article"><h1>{title}</h1>{head}'
        f'<div class="content">{paragraphs}</div></div>{side}'
        '<div class="footer">主办：白石县水务局</div></body></html>'
    ).encode()


def test_a_menu_line_above_a_title_that_names_its_issuer_is_not_its_head() -> None:
    report = _parse("白石网\n首页　时政　综合　财经　社会\n\n" + _TITLE + "\n\n" + _BODY)
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共白石县水务局党组"
    # A title cut inside its issuer's name still takes its head from the line above.
    cut = _parse("中共白石县水务局党\n组关于县委巡察整改情况的通报\n" + _BODY)
    assert cut.metadata.title == _TITLE


def test_a_reposts_original_title_line_gives_the_title() -> None:
    headline = "白石县水务局公布巡察整改进展：2个问题已整改1个"
    page = _page(f"<div>来源：白石发布　更新时间：2025-12-02</div><div>原标题：{_TITLE}</div>")
    report = rectpipe.parse_bytes(
        page.replace(_TITLE.encode(), headline.encode(), 1), name="a.html"
    )
    assert report.metadata.title == _TITLE
    # As text, the line gives the title without its label.
    copied = _parse(headline + "\n原标题：" + _TITLE + "\n" + _BODY)
    assert copied.metadata.title == _TITLE
    # A page without one keeps its headline, which names its subject before a colon.
    plain = _page("<div>来源：白石发布　更新时间：2025-12-02</div>")
    bare = rectpipe.parse_bytes(plain.replace(_TITLE.encode(), headline.encode(), 1), name="a.html")
    assert bare.metadata.title == headline


def test_a_closing_sentence_after_the_last_run_in_item_leaves_it_its_status() -> None:
    text = (
        _TITLE + "\n" + _INTRO + "\n一、财政管理方面\n"
        "（一）非税收入未及时缴库。已全部缴入国库。该问题已整改到位。\n"
        "（二）往来款长期挂账。已清理往来款215万元。该问题已整改到位。\n"
        "县人民政府将持续督促有关单位完成未整改到位问题的整改。\n"
    )
    problems = _parse(text).iter_problems()
    assert [p.status.value for p in problems] == ["completed", "completed"]
    # A paragraph after the item that states a status of its own still decides.
    later = text.replace(
        "县人民政府将持续督促有关单位完成未整改到位问题的整改。", "目前该问题正在整改。"
    )
    assert _parse(later).iter_problems()[-1].status.value == "in_progress"


def test_a_date_alone_under_a_share_pages_title_dates_the_page() -> None:
    page = _page("<div>2025-08-21</div><div>" + _TITLE + "</div>")
    assert rectpipe.parse_bytes(page, name="a.html").metadata.date == "2025-08-21"
    # A date alone below the text (a side list's) is not the page's.
    late = _page("", side='<div class="side"><div>2025-08-21</div></div>')
    assert rectpipe.parse_bytes(late, name="a.html").metadata.date is None


def test_a_bare_attachment_word_marks_only_a_first_line() -> None:
    assert _parse("附件\n" + _TITLE + "\n" + _BODY).metadata.attachment == "附件"
    signed = _parse(_TITLE + "\n" + _BODY + "白石县水务局\n2025年7月7日\n附件\n整改清单\n")
    assert signed.metadata.attachment is None
    assert _parse("附件2\n" + _TITLE + "\n" + _BODY).metadata.attachment == "附件2"


def test_an_index_box_dated_only_by_its_generation_date_dates_the_page() -> None:
    box = (
        '<table class="xxgk"><tr><th>索引号</th><td>001/2025-01</td><th>发布机构</th>'
        "<td>白石县人民政府办公室</td></tr><tr><th>生成日期</th><td>2025-11-20</td>"
        "<th>公开方式</th><td>主动公开</td></tr></table>"
    )
    report = rectpipe.parse_bytes(_page("", box=box), name="a.html")
    assert report.metadata.date == "2025-11-20"
    assert report.metadata.issuer == "中共白石县水务局党组"  # the box's 发布机构 signs nothing


def test_a_copys_source_editor_and_keyword_lines_are_trailing_furniture() -> None:
    for line in (
        "（来源：白石县纪委监委）",
        "【编辑：周岚】",
        "（转载自白石县人民政府网）",
        "（县委巡察办/责任编辑 周岚）",
        "关键词：巡察 整改",
        "更多",
        "声明：本站转载内容仅为传递信息。",
    ):
        assert is_trailing_furniture(line), line
    for line in (
        "来源于群众反映的问题已全部办结。",
        "更多举措正在制定",
        "关于转载自媒体文章的问题",
    ):
        assert not is_trailing_furniture(line), line


def test_a_posts_recommended_list_ends_the_article() -> None:
    lines = ["标题", "正文。", "正文又一段。", "署名", "2025年9月28日", "往期推荐", "另一篇文章"]
    assert article_end(lines) == 5
    assert article_end(["标题", "正文。", "一周热门", "甲", "乙"]) == 2
