"""The web-page reader: committed portal fixtures plus small inline pages for each edge."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rectpipe.errors import CorruptFileError
from rectpipe.readers.blocks import BlockKind, Document
from rectpipe.readers.html import read_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEED_PAGE = SAMPLES / "seed-yongzhou.html"
LEDGER_PAGE = SAMPLES / "ledger-taizhang.html"
SEED_TXT = Path("/work/shared/seeds/000_c3469762cddc17ae.txt")

# Text that only the portal chrome of the fixtures carries.
CHROME = (
    "当前位置", "首页", "信息公开 >", "经开概况", "设为首页", "加入收藏", "无障碍", "搜索",
    "分享到", "微信", "打印本页", "关闭窗口", "字号", "浏览量", "朗读", "上一篇", "下一篇",
    "相关链接", "主办单位", "承办单位", "0746-1234567", "0000-7654321", "示例地址", "ICP",
    "公网安备", "网站标识码", "showDate", "_hmt", "TRS_Editor", "今天是",
)  # fmt: skip
HEADER_BOX_VALUES = ("4311000000/2023-01234", "永经开工发〔2023〕30号", "主动公开", "综合政务")

P = "整改情况：一是完善制度机制，制定出台了管理办法。二是严把投资决策关。"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page(body: str, head: str = "", charset: str = "utf-8") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode(charset)


def _texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks]


@pytest.fixture(scope="module")
def seed() -> Document:
    return read_html(SEED_PAGE.read_bytes())


@pytest.fixture(scope="module")
def ledger() -> Document:
    return read_html(LEDGER_PAGE.read_bytes())


# ----------------------------------------------------------------------------------------
# The committed fixtures
# ----------------------------------------------------------------------------------------


def test_seed_page_blocks_are_the_seed_lines(seed: Document) -> None:
    if not SEED_TXT.exists():
        pytest.skip("shared seed text not available")
    lines = [line.strip() for line in SEED_TXT.read_text("utf-8").splitlines() if line.strip()]
    title, *body = seed.blocks
    assert title.kind is BlockKind.HEADING and title.text == "关于巡视整改进展情况的通报"
    assert [_squash(b.text) for b in body] == [_squash(line) for line in lines]
    assert [b.text for b in body] == lines  # nbsp / U+3000 / spaces trimmed exactly
    assert all(b.kind is BlockKind.PARAGRAPH for b in body)


def test_seed_page_paths_count_text_blocks(seed: Document) -> None:
    assert [b.path for b in seed.blocks] == [f"html:p:{i}" for i in range(len(seed.blocks))]


def test_seed_page_br_stretch_and_source_wrap(seed: Document) -> None:
    texts = _texts(seed)
    start = texts.index("8.“放管服”改革不到位。")
    assert texts[start + 1] == "整改结果：完成。"
    assert texts[start + 2].startswith("整改情况：一是全面梳理需入驻政务大厅事项。")
    assert texts[start + 3].startswith("9.主动服务有欠缺。")
    assert not any("\n" in t or t != t.strip() for t in texts)
    assert "7.拨付企业奖补不规范。" in texts  # written with leading &nbsp;


@pytest.mark.parametrize("page", [SEED_PAGE, LEDGER_PAGE], ids=lambda p: p.name)
def test_no_chrome_in_blocks(page: Path) -> None:
    document = read_html(page.read_bytes())
    text = "\n".join(
        [b.text for b in document.blocks]
        + ["\t".join(r) for b in document.blocks for r in b.cells or ()]
    )
    leaked = [word for word in CHROME if word in text]
    assert leaked == []
    assert not re.search(r"日期：\d{4}-\d\d-\d\d|发布时间：", text)


def test_seed_page_header_box_goes_to_hints(seed: Document) -> None:
    hints = seed.hints
    assert hints["索引号"] == "4311000000/2023-01234"
    assert hints["发布机构"] == "中共永州经济技术开发区工作委员会"
    assert hints["文件名称"] == "关于巡视整改进展情况的通报"
    assert hints["成文日期"] == "2023-12-22"
    assert hints["发布日期"] == "2023-12-25"
    assert hints["发文字号"] == "永经开工发〔2023〕30号"
    assert hints["公开方式"] == "主动公开"
    assert hints["有效性"] == "有效"  # label written "有 效 性：" (spaces and colon dropped)
    text = "\n".join(_texts(seed))
    assert not [value for value in HEADER_BOX_VALUES if value in text]


def test_seed_page_date_source_and_title_hints(seed: Document) -> None:
    assert seed.hints["页面日期"] == "2023-12-25"
    assert seed.hints["来源"] == "永州经济技术开发区"
    assert seed.hints["页面标题"] == "关于巡视整改进展情况的通报_通知公告_永州经济技术开发区"
    assert seed.blocks[-1].text == "2023年12月22日"  # the report's own date stays in the body


def test_seed_page_is_gbk_declared_gb2312(seed: Document) -> None:
    data = SEED_PAGE.read_bytes()
    assert b'<meta charset="gb2312"' in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "0746—8222282" not in data.decode("gb2312", errors="replace")  # GB2312 gets — wrong
    contact = next(t for t in _texts(seed) if t.startswith("欢迎广大干部群众"))
    assert "联系电话：0746—8222282" in contact  # U+2014 via GB18030; the report's phone is kept
    assert seed.notes == []


def test_ledger_page_has_one_table_with_merges_resolved(ledger: Document) -> None:
    tables = [b for b in ledger.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    table = tables[0]
    assert table.path == "html:t:0" and table.cells is not None
    rows = table.cells
    assert rows[0] == ("序号", "问题描述", "整改措施", "责任单位", "整改时限", "整改进展")
    problems = rows[1:-1]
    assert [r[0] for r in problems] == [str(i) for i in range(1, 9)]
    assert all(len(r) == 6 for r in problems)
    units = [r[3] for r in problems]
    repeated = [i for i in range(1, len(units)) if units[i] == units[i - 1]]
    assert len(repeated) == 1  # the rowspan on 责任单位, repeated so each row stands alone
    assert len(rows[-1]) == 1 and rows[-1][0].startswith("备注")  # the colspan note, once
    assert table.text == "\n".join("\t".join(r) for r in rows)


def test_ledger_page_intro_and_hints(ledger: Document) -> None:
    kinds = [b.kind for b in ledger.blocks]
    assert kinds[0] is BlockKind.HEADING
    assert kinds.index(BlockKind.TABLE) >= 2  # title and intro come before the table
    assert ledger.hints["页面日期"] == "2024-06-05"
    assert ledger.hints["来源"] == "区交通运输局"
    assert ledger.hints["发布机构"] == "区交通运输局党组"
    assert ledger.hints["名称"] == ledger.blocks[0].text  # label written "名　　称："
    assert ledger.notes == []


def test_ledger_page_matches_the_docx_ledger(ledger: Document) -> None:
    docx_path = SAMPLES / "ledger-taizhang.docx"
    if not docx_path.exists():
        pytest.skip("no .docx ledger")
    import docx

    table = docx.Document(str(docx_path)).tables[0]
    html_rows = next(b for b in ledger.blocks if b.cells).cells or ()
    assert len(html_rows) == len(table.rows)
    for html_row, docx_row in zip(html_rows, table.rows, strict=True):
        # python-docx repeats merged cells per grid column and omits Word's automatic 序号
        docx_texts = list(dict.fromkeys(c.text.strip() for c in docx_row.cells))
        assert [t for t in docx_texts if t] == [t for t in dict.fromkeys(html_row) if t][
            -len([t for t in docx_texts if t]) :
        ]


# ----------------------------------------------------------------------------------------
# Encoding
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="gb2312">',
        "<meta charset=GBK>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
        '<meta http-equiv="content-type" content="text/html;charset=x-gbk">',
    ],
)
def test_gb_declarations_decode_as_gb18030(head: str) -> None:
    text = "联系电话：0746—8222282，镕基"  # — and 镕 are outside GB2312
    document = read_html(_page(f"<p>{text}</p>", head, "gb18030"))
    assert _texts(document) == [text]
    assert document.notes == []


def test_xml_declaration_is_honoured() -> None:
    data = '<?xml version="1.0" encoding="gbk"?><html><body><p>整改完成。</p></body></html>'
    assert _texts(read_html(data.encode("gbk"))) == ["整改完成。"]


@pytest.mark.parametrize("charset", ["gb18030", "utf-8"])
def test_undeclared_pages_are_detected(charset: str) -> None:
    assert _texts(read_html(_page(f"<p>{P}</p>", charset=charset))) == [P]


def test_declaration_contradicted_by_bytes_falls_back_to_detection() -> None:
    document = read_html(_page(f"<p>{P}</p>", "<meta charset=utf-8>", "gbk"))
    assert _texts(document) == [P]
    assert [code for code, _ in document.notes] == ["encoding_mismatch"]


def test_western_declaration_on_chinese_bytes_is_not_trusted() -> None:
    document = read_html(_page(f"<p>{P}</p>", "<meta charset=iso-8859-1>", "gbk"))
    assert _texts(document) == [P]
    assert document.notes[0][0] == "encoding_mismatch"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_bom_wins_over_declaration(codec: str) -> None:
    data = _page(f"<p>{P}</p>", "<meta charset=gb2312>", codec)
    assert _texts(read_html(data)) == [P]


def test_big5_declared_page() -> None:
    text = "整改情況：一是完善制度機制。"
    assert _texts(read_html(_page(f"<p>{text}</p>", "<meta charset=big5>", "big5"))) == [text]


# ----------------------------------------------------------------------------------------
# Blocks
# ----------------------------------------------------------------------------------------


def test_br_lines_become_blocks_and_indentation_is_trimmed() -> None:
    body = (
        '<div class="TRS_Editor"><p>&nbsp;&nbsp;一、总体情况<br>\u3000\u3000' + P + "<br/>"
        "<br>  （一）反馈问题：质量不高。&nbsp;<br></p></div>"
    )
    document = read_html(_page(body))
    assert _texts(document) == ["一、总体情况", P, "（一）反馈问题：质量不高。"]
    assert [b.path for b in document.blocks] == ["html:p:0", "html:p:1", "html:p:2"]


def test_bare_text_and_source_line_breaks() -> None:
    # a source line break vanishes between two Han characters, else it is one space
    body = (
        "<div id=zoom>整改结果：\n完成。<br>整改情况：已于\n8月报省\n发改委备案。"
        "<div>下一段。</div></div>"
    )
    assert _texts(read_html(_page(body))) == [
        "整改结果：完成。",
        "整改情况：已于 8月报省发改委备案。",
        "下一段。",
    ]


def test_headings_inside_the_article() -> None:
    body = f"<div class=content><h2>一、组织整改落实情况</h2><p>{P}</p><h4>小标题</h4></div>"
    document = read_html(_page(body))
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "一、组织整改落实情况"),
        (BlockKind.PARAGRAPH, P),
        (BlockKind.PARAGRAPH, "小标题"),
    ]


def test_title_before_the_container_is_found_by_page_title() -> None:
    body = (
        "<div class=top><h1>某市人民政府</h1></div><div class=wrap><h2>通知公告</h2>"
        f"<div class=art><div class=bt>关于巡察整改进展情况的通报</div><div id=zoom><p>{P}</p>"
        f"<p>{P}</p></div></div></div>"
    )
    document = read_html(_page(body, "<title>关于巡察整改进展情况的通报_某市人民政府</title>"))
    assert document.blocks[0].kind is BlockKind.HEADING
    assert document.blocks[0].text == "关于巡察整改进展情况的通报"
    assert _texts(document)[1:] == [P, P]


def test_a_title_named_block_beside_the_container_is_the_title_without_the_page_title() -> None:
    """A firm's portal: ``<div class="title">`` beside the content, the page ``<title>`` the
    column's name only; a block named so that holds a column's short name is no headline."""
    body = (
        "<div class=side><div class=title>通知公告</div></div>"
        "<div class=article><div class=title>中共某集团委员会关于巡视整改进展情况的通报</div>"
        f"<div class=info>发布时间：2025-05-28</div><div class=content><p>{P}</p><p>{P}</p></div>"
        "</div>"
    )
    document = read_html(_page(body, "<title>巡视整改 - 某集团</title>"))
    assert document.blocks[0].kind is BlockKind.HEADING
    assert document.blocks[0].text == "中共某集团委员会关于巡视整改进展情况的通报"
    short = body.replace("中共某集团委员会关于巡视整改进展情况的通报", "巡视整改")
    assert BlockKind.HEADING not in [b.kind for b in read_html(_page(short)).blocks]


def test_scripts_styles_hidden_and_form_controls_never_appear() -> None:
    body = (
        f"<div class=content><script>document.write('脚本文字')</script><style>p{{}}</style>"
        f"<p>{P}</p><p style='display: none'>隐藏文字</p><div hidden>也隐藏</div>"
        "<select><option>选项文字</option></select><noscript>请启用脚本</noscript></div>"
    )
    assert _texts(read_html(_page(body))) == [P]


def test_chrome_inside_the_article_is_removed_and_recorded() -> None:
    body = (
        f"<div id=zoom><p>日期：2023-12-25 来源：某局</p><p>{P}</p>"
        "<div class=bdsharebuttonbox>分享到：<a>微信</a></div>"
        "<p>【<a>打印本页</a>】【<a>关闭窗口</a>】</p>"
        "<p>上一篇：<a>某通知</a></p></div>"
    )
    document = read_html(_page(body))
    assert _texts(document) == [P]
    assert document.hints["页面日期"] == "2023-12-25" and document.hints["来源"] == "某局"
    reasons = {r.reason for r in document.removed}
    assert reasons == {"date_line", "page_chrome"}


def test_date_line_among_br_lines_is_dropped_and_read() -> None:
    body = f"<div id=zoom><p>一、总体情况<br>&nbsp;日期：2023-12-25 来源：某局<br>{P}</p></div>"
    document = read_html(_page(body))
    assert _texts(document) == ["一、总体情况", P]
    assert document.hints["页面日期"] == "2023-12-25" and document.hints["来源"] == "某局"


@pytest.mark.parametrize(
    ("line", "date", "source"),
    [
        ("作者：县委办 | 2023年12月25日", "2023-12-25", None),
        ("<span>作者：县委办</span> | <span>2023年12月25日</span>", "2023-12-25", None),
        ("来源：某局 2023年12月25日 浏览：12", "2023-12-25", "某局"),
        ("2023年12月25日 09:15 | 来源：某局", "2023-12-25", "某局"),
        ("【字体：大 中 小】 2023-12-25 09:30:12", "2023-12-25", None),
        ("[ 2023-12-25 ]", "2023-12-25", None),
        ("2023年12月25日 星期一", "2023-12-25", None),
        ("作者：某局　来源：　发布时间：2023-12-25", "2023-12-25", None),
    ],
)
def test_a_meta_line_gives_the_page_date_as_one_of_its_pieces(
    line: str, date: str, source: str | None
) -> None:
    """The page's date printed as a piece of its meta line (runtime/page_dates), beside an
    author, a source, a counter or the page's tools, or alone in brackets or with its
    weekday; an empty source label names no source (not the label after it)."""
    document = read_html(_page(f"<h1>关于巡察整改进展情况的通报</h1><div>{line}</div><p>{P}</p>"))
    assert document.hints["页面日期"] == date
    assert document.hints.get("来源") == source


def test_report_contact_kept_site_footer_dropped() -> None:
    contact = "如有意见建议，请及时向我们反映。联系电话：0746—8222282。"
    body = (
        f"<div class=content><p>{P}</p><p>{contact}</p></div>"
        "<div><p>主办单位：某局</p><p>联系电话：0746-1234567 地址：某路1号</p>"
        "<p>湘ICP备12345678号</p></div>"
    )
    assert _texts(read_html(_page(body))) == [P, contact]


def test_old_table_layout_portal() -> None:
    page = f"""<html><head><title>关于整改情况的通报--某县政府网</title></head><body>
    <table width=100%><tr><td><a>首页</a> | <a>政务公开</a></td></tr>
    <tr><td>您现在的位置：<a>首页</a> &gt;&gt; <a>通知公告</a></td></tr>
    <tr><td class=bt align=center><font size=5>关于整改情况的通报</font></td></tr>
    <tr><td align=center>发布时间：2023年12月25日 点击数：<span>35</span></td></tr>
    <tr><td class=text>{P}<br>二、下一步安排<br>{P}</td></tr>
    <tr><td align=center>【<a>打印本页</a>】【<a>关闭窗口</a>】</td></tr></table>
    <table><tr><td>版权所有：某县人民政府</td><td>联系电话：0000-1111111</td></tr></table>
    </body></html>"""
    document = read_html(page.encode("gbk"))
    assert _texts(document) == ["关于整改情况的通报", P, "二、下一步安排", P]
    assert document.hints["页面日期"] == "2023-12-25"


# ----------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------


def test_colspan_once_rowspan_repeated() -> None:
    body = """<div class=content><p>台账如下。</p><table>
    <tr><th>A</th><th colspan=2>BC</th></tr>
    <tr><td></td><td>&nbsp;</td></tr>
    <tr><td rowspan=3>a</td><td>b1</td><td rowspan=2>c</td></tr>
    <tr><td>b2</td></tr>
    <tr><td colspan=2>b3c3</td></tr>
    <tr><td>x</td><td rowspan=0>y</td><td>z</td></tr>
    <tr><td>x2</td><td>z2</td></tr></table></div>"""
    table = read_html(_page(body)).blocks[1]
    assert table.kind is BlockKind.TABLE
    assert table.cells == (
        ("A", "BC"),
        ("a", "b1", "c"),
        ("a", "b2", "c"),
        ("a", "b3c3"),
        ("x", "y", "z"),
        ("x2", "y", "z2"),
    )


def test_cell_lines_nested_rows_and_caption() -> None:
    body = """<div class=content><table><caption>整改台账</caption>
    <tr><td>问题</td><td>措施一<br>措施二</td></tr>
    <tr><td>主办单位</td><td><p>已完成</p></td></tr></table></div>"""
    document = read_html(_page(body))
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert document.blocks[0].text == "整改台账"
    assert document.blocks[1].cells == (("问题", "措施一\n措施二"), ("主办单位", "已完成"))


def test_single_column_layout_table_flows_as_paragraphs() -> None:
    body = f"<div class=content><table><tr><td><p>{P}</p><p>二、下一步</p></td></tr></table></div>"
    document = read_html(_page(body))
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, P),
        (BlockKind.PARAGRAPH, "二、下一步"),
    ]


# ----------------------------------------------------------------------------------------
# Header boxes
# ----------------------------------------------------------------------------------------


def test_list_style_header_box() -> None:
    body = f"""<div class=xxgk><ul>
    <li><span>信息索引号：</span><span>ABC-123</span></li>
    <li>发布机构：<a>某某局</a></li>
    <li><b>成文日期</b>：2023-12-20</li>
    <li>名 称：关于整改的<span>通报</span></li></ul></div>
    <div class=content><p>{P}</p></div>"""
    document = read_html(_page(body))
    assert document.hints == {
        "信息索引号": "ABC-123",
        "发布机构": "某某局",
        "成文日期": "2023-12-20",
        "名称": "关于整改的通报",
    }
    assert _texts(document) == [P]


def test_inline_and_definition_list_header_boxes() -> None:
    body = (
        "<div>索引号：001 发布机构：某局 成文日期：2023-12-20</div>"
        "<dl><dt>发文单位</dt><dd>某局</dd><dt>发文字号</dt><dd>某发〔2023〕1号</dd></dl>"
        f"<div class=content><p>{P}</p></div>"
    )
    document = read_html(_page(body))
    assert document.hints == {
        "索引号": "001",
        "发布机构": "某局",
        "成文日期": "2023-12-20",
        "发文单位": "某局",
        "发文字号": "某发〔2023〕1号",
    }
    assert _texts(document) == [P]


def test_table_header_box_with_empty_value() -> None:
    body = f"""<table><tr><td>索引号</td><td>X-1</td><td>发文字号：</td><td></td></tr>
    <tr><td>发布机构：</td><td>某局</td><td>公开方式：</td><td>主动公开</td></tr></table>
    <div class=content><p>{P}</p></div>"""
    document = read_html(_page(body))
    assert document.hints == {"索引号": "X-1", "发布机构": "某局", "公开方式": "主动公开"}
    assert _texts(document) == [P]


def test_meta_tags_fill_missing_date_and_source() -> None:
    head = (
        '<meta name="PubDate" content="2023-12-25 16:08"><meta name="ContentSource" content="某局">'
    )
    document = read_html(_page(f"<div class=content><p>{P}</p></div>", head))
    assert document.hints["页面日期"] == "2023-12-25" and document.hints["来源"] == "某局"


# ----------------------------------------------------------------------------------------
# Edges and errors
# ----------------------------------------------------------------------------------------


def test_page_without_article_text_gives_no_blocks() -> None:
    body = "<div class=nav><a>首页</a><a>政务公开</a></div><div class=footer>主办单位：某局</div>"
    document = read_html(_page(body, "<title>页面不存在</title>"))
    assert document.blocks == []
    assert document.hints == {"页面标题": "页面不存在"}
    assert "no_article_text" in {code for code, _ in document.notes}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n ",
        bytes(range(256)) * 8,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,
        "这是一段纯文本，没有任何标记。".encode(),
    ],
    ids=["empty", "blank", "binary", "pdf", "zip", "plain-text"],
)
def test_not_a_web_page_is_corrupt(data: bytes) -> None:
    with pytest.raises(CorruptFileError):
        read_html(data)


def test_external_entities_are_not_resolved() -> None:
    data = b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>a&x;b</p></body></html>'
    text = "\n".join(_texts(read_html(data)))
    assert "root:" not in text and "]>" not in text


def test_excessive_nesting_is_noted_not_raised() -> None:
    data = ("<div>" * 400 + "<p>整改完成。</p>" + "</div>" * 400).encode()
    document = read_html(data)
    assert "parse_truncated" in {code for code, _ in document.notes}


def test_damaged_pages_never_raise_raw_exceptions() -> None:
    rng = random.Random(20231225)
    sources = [SEED_PAGE.read_bytes(), LEDGER_PAGE.read_bytes()]
    for _ in range(40):
        data = bytearray(rng.choice(sources))
        cut = rng.randrange(len(data))
        if rng.random() < 0.5:
            data = data[:cut]
        for _flip in range(rng.randrange(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            result = read_html(bytes(data))
        except CorruptFileError:
            continue
        assert isinstance(result, Document)
