"""One report's text rendered as publishers really render it: web pages and Word files.

Each renderer is a pure function ``text -> bytes``. The text is a sample's: one paragraph a
line, the title first, the signature and date last. The renderings follow what portals,
Word and WeChat write (layout tables, ``<br>`` lines, runs cut into spans, Word's "Save as
HTML" in GBK, soft line breaks, a one-cell frame, automatic numbering), so that a reader
that reads the text sample right should read each of them to the same facts
(tests/test_variants.py, scripts/variants.py).
"""

# ruff: noqa: E501  (the page templates keep their markup on the lines a publisher writes)

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# The text's lines and their roles
# --------------------------------------------------------------------------------------------

_H1 = re.compile(r"^([一二三四五六七八九十]+)(、)")
_H2 = re.compile(r"^([（(])([一二三四五六七八九十]+)([）)])")
_H3 = re.compile(r"^(\d{1,2})([.．、])(?!\d)")
_H4 = re.compile(r"^([（(])(\d{1,2})([）)])")
# A report's title line: 关于…的通报/报告/公示/函, …整改情况.
_TITLE = re.compile(
    r"^.{0,40}关于.{4,}(?:通报|报告|公示|公告|函|情况)$|^.{4,60}整改.{0,12}(?:情况|公示)$"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass(frozen=True)
class Line:
    text: str
    role: str  # title, head (a line under the title), body, h1..h4, closing, blank


def lines_of(text: str) -> list[Line]:
    """The text's lines with a role each: the title (the first line that reads as a report's
    title among the first eight, else the first line), head lines (the lines above it, and
    short lines right after it without full stop or marker), closing lines (short trailing
    lines: the signature and date), headings by their markers, the rest body lines."""
    raw = [line.strip(" \t\u3000\ufeff") for line in text.replace("\r\n", "\n").split("\n")]
    filled = [i for i, line in enumerate(raw) if line]
    if not filled:
        return []
    last = filled[-1]
    first = next(
        (
            i
            for i in filled[:8]
            if _TITLE.search(raw[i]) and "。" not in raw[i] and not _marker(raw[i])
        ),
        filled[0],
    )
    closing_from = last + 1
    for i in reversed(filled[1:]):
        line = raw[i]
        if len(line) > 40 or "。" in line or _marker(line) or line.endswith("："):
            break
        closing_from = i
        if last - i >= 3:
            break
    out: list[Line] = []
    in_head = True
    for i, line in enumerate(raw):
        if not line:
            out.append(Line("", "blank"))
            continue
        if i < first:
            out.append(Line(line, "head"))
            continue
        if i == first:
            out.append(Line(line, "title"))
            continue
        if i >= closing_from:
            out.append(Line(line, "closing"))
            continue
        if in_head and len(line) <= 40 and "。" not in line and not _marker(line):
            out.append(Line(line, "head"))
            continue
        in_head = False
        out.append(Line(line, _marker(line) or "body"))
    return out


def _marker(line: str) -> str | None:
    for role, pattern in (("h1", _H1), ("h2", _H2), ("h4", _H4), ("h3", _H3)):
        if pattern.match(line):
            return role
    return None


def page_date(lines: list[Line]) -> str | None:
    """The signature date as a portal shows it (2024-09-27), when written in digits."""
    for line in reversed(lines):
        if line.role == "closing":
            match = _DATE.search(line.text)
            if match:
                year, month, day = match.groups()
                return f"{year}-{int(month):02d}-{int(day):02d}"
    return None


def lead(text: str) -> tuple[str, str]:
    """A line cut after its first sentence (the part a heading style sets bold)."""
    if len(text) <= 40:
        return text, ""
    cut = text.find("。")
    if 0 <= cut < len(text) - 1:
        return text[: cut + 1], text[cut + 1 :]
    return text, ""


def _pieces(text: str, sizes: tuple[int, ...] = (5, 9, 3, 12, 7)) -> list[str]:
    """``text`` cut into runs of varying length, as an editor's formatting history leaves it."""
    out: list[str] = []
    i = k = 0
    while i < len(text):
        size = sizes[k % len(sizes)]
        out.append(text[i : i + size])
        i += size
        k += 1
    return out


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


_DIGITS = re.compile(r"([0-9A-Za-z.%@_\-]+)")


# --------------------------------------------------------------------------------------------
# Web pages
# --------------------------------------------------------------------------------------------


def portal_table(text: str) -> bytes:
    """(a) An old government portal: the page laid out in nested tables, the article in a cell
    beside navigation, breadcrumb, a 发布时间/来源 cell and a footer cell."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    date = page_date(lines)
    info = f"发布时间：{date}&nbsp;&nbsp;" if date else ""
    align = {"closing": ' align="right"', "head": ' align="center"'}
    body = "\n".join(
        f'<p{align.get(line.role, "")} style="text-indent:2em">{_esc(line.text)}</p>'
        for line in lines
        if line.role not in ("title", "blank")
    )
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_esc(title)}_青禾县人民政府门户网站</title></head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="120" background="images/top.jpg"><img src="images/logo.png" alt="青禾县人民政府"></td></tr>
<tr><td height="36" class="dh">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
<td align="center"><a href="/">首页</a></td><td align="center"><a href="/zwgk/">政务公开</a></td>
<td align="center"><a href="/zwdt/">政务动态</a></td><td align="center"><a href="/bsfw/">办事服务</a></td>
<td align="center"><a href="/hdjl/">互动交流</a></td></tr></table></td></tr>
<tr><td height="30">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xczg/">巡察整改</a></td></tr>
<tr><td valign="top">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="200" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td><a href="/zwgk/tzgg/">通知公告</a></td></tr>
<tr><td><a href="/zwgk/xczg/">巡察整改</a></td></tr>
<tr><td><a href="/zwgk/rsxx/">人事信息</a></td></tr></table></td>
<td width="760" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" height="60"><font style="font-size:22px;color:#c00"><b>{_esc(title)}</b></font></td></tr>
<tr><td align="center" height="30" style="border-bottom:1px dashed #ccc">{info}来源：本站&nbsp;&nbsp;浏览次数：1024</td></tr>
<tr><td class="content" style="font-size:16px;line-height:30px">
{body}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table></td></tr></table></td></tr>
<tr><td align="center" height="80" bgcolor="#eeeeee">主办：青禾县人民政府办公室&nbsp;&nbsp;联系电话：0731-5560000<br>
版权所有：青禾县人民政府&nbsp;&nbsp;湘ICP备12345678号</td></tr>
</table></body></html>"""
    return page.encode("utf-8")


def br_paragraph(text: str) -> bytes:
    """(b) The whole article in one ``<p>``, ``<br>`` between lines, indented with
    ``&nbsp;`` or U+3000."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    parts: list[str] = []
    for k, line in enumerate(lines):
        if line.role == "blank":
            parts.append("")
            continue
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" if k % 2 else "\u3000\u3000"
        if line.role in ("title", "head", "closing"):
            indent = ""
        parts.append(indent + _esc(line.text))
    body = "<br>\n".join(parts)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_esc(title)}</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>
<div class="TRS_Editor"><p style="line-height:2">{body}</p></div>
<div class="footer">版权所有 网站标识码1234567890</div></body></html>"""
    return page.encode("utf-8")


def span_runs(text: str) -> bytes:
    """(c) One ``<p style="text-indent:2em">`` per line, runs cut into ``<span>`` pieces,
    headings in ``<strong>``, the title in a centred ``<p>`` inside the article."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    out: list[str] = []
    for line in lines:
        if line.role == "blank":
            continue
        if line.role in ("title", "head"):
            out.append(
                f'<p style="text-align:center"><strong><span style="font-size:22px;'
                f'font-family:方正小标宋简体">{_esc(line.text)}</span></strong></p>'
            )
            continue
        if line.role == "closing":
            out.append(f'<p style="text-align:right">{_spans(line.text)}</p>')
            continue
        if line.role in ("h1", "h2"):
            head, rest = lead(line.text)
            inner = f"<strong>{_spans(head, '黑体')}</strong>{_spans(rest)}"
        else:
            inner = _spans(line.text)
        out.append(f'<p style="text-indent:2em;line-height:1.8">{inner}</p>')
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_esc(title)}-信息公开</title></head>
<body><div class="main"><div class="article-content">
{"".join(out)}
</div></div></body></html>"""
    return page.encode("utf-8")


def _spans(text: str, font: str = "仿宋") -> str:
    return "".join(
        f'<span style="font-family:{font};font-size:16px">{_esc(piece)}</span>'
        for piece in _pieces(text)
    )


def word_html(text: str) -> bytes:
    """(d) Word's "Save as HTML": ``MsoNormal`` paragraphs, ``<o:p>``, ``mso-`` styles, digits
    in ``<span lang=EN-US>``, the source wrapped inside tags, GB2312 declared, GBK bytes."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    out: list[str] = []
    for line in lines:
        if line.role == "blank":
            out.append(
                "<p class=MsoNormal><span lang=EN-US style='font-size:16.0pt'><o:p>&nbsp;"
                "</o:p></span></p>"
            )
            continue
        if line.role in ("title", "head"):
            style = "class=MsoNormal align=center style='text-align:center;line-height:28.0pt'"
            font = "方正小标宋简体"
        elif line.role == "closing":
            style = "class=MsoNormal align=right style='text-align:right;line-height:28.0pt'"
            font = "仿宋_GB2312"
        else:
            style = (
                "class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;\n"
                "line-height:28.0pt;mso-line-height-rule:exactly'"
            )
            font = "黑体" if line.role == "h1" else "仿宋_GB2312"
        runs = "".join(
            f"<span\nlang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\"'>"
            f"{_esc(piece)}</span>"
            if _DIGITS.fullmatch(piece)
            else f"<span style='font-size:16.0pt;font-family:{font};mso-hansi-font-family:\n"
            f'"Times New Roman"\'>{_esc(piece)}</span>'
            for piece in _DIGITS.split(line.text)
            if piece
        )
        out.append(
            f"<p {style}>{runs}<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>"
        )
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{_esc(title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>Administrator</o:Author></o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-parent:"";margin:0cm;text-align:justify;text-justify:inter-ideograph;
	font-size:10.5pt;font-family:"Calibri",sans-serif;}}
@page WordSection1 {{size:595.3pt 841.9pt;margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1 {{page:WordSection1;}}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
{chr(10).join(out)}
</div>
</body>
</html>"""
    return page.encode("gbk", errors="xmlcharrefreplace")


def wechat(text: str) -> bytes:
    """(e) A WeChat article page: the title and the account's name above the article, the
    text in ``rich_media_content`` inside nested ``<section>``s, a read count below."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    date = page_date(lines) or "2025-01-06"
    out: list[str] = []
    for line in lines:
        if line.role in ("title", "blank"):
            continue
        if line.role in ("h1", "h2"):
            head, rest = lead(line.text)
            inner = f"<strong>{_esc(head)}</strong>{_esc(rest)}"
            out.append(
                '<section style="margin-top:16px"><p style="text-indent:2em">'
                f'<span style="font-size:16px;color:#b71c1c">{inner}</span></p></section>'
            )
        elif line.role in ("closing", "head"):
            out.append(f'<p style="text-align:right"><span>{_esc(line.text)}</span></p>')
        else:
            out.append(
                '<section style="line-height:1.75em"><p style="text-indent:2em">'
                f'<span style="font-size:15px;letter-spacing:1px">{_esc(line.text)}</span>'
                "</p></section>"
            )
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_esc(title)}</title>
<meta property="og:title" content="{_esc(title)}"></head>
<body id="activity-detail" class="zh_CN">
<div class="rich_media_area_primary"><div class="rich_media_area_primary_inner">
<h1 class="rich_media_title" id="activity-name">{_esc(title)}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">原创</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">清风青禾</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{date} 18:30</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content">
<section style="padding:0 8px"><section style="font-size:15px;color:#333">
{chr(10).join(out)}
</section><p><br></p></section>
</div>
<div class="rich_media_tool" id="js_toobar3"><span class="media_tool_meta">阅读 1523</span>
<span class="media_tool_meta">在看 12</span></div>
<div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
</div></div></body></html>"""
    return page.encode("utf-8")


# --------------------------------------------------------------------------------------------
# Word files
# --------------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FANGSONG, HEITI, KAITI, TITLE_FONT = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def _rfonts(east_asia: str) -> str:
    return (
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        f'w:eastAsia="{east_asia}" w:cs="Times New Roman"/>'
    )


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>{_rfonts(FANGSONG)}'
    '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" '
    'w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:keepNext/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/>'
    '<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:jc w:val="center"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/>'
    '<w:sz w:val="44"/></w:rPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>'
    "</w:style>"
    '<w:style w:type="table" w:styleId="a3"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="a1"/></w:style></w:styles>'
)


def _run(text: str, font: str | None = None, *, bold: bool = False, size: int = 32) -> str:
    props = (_rfonts(font) if font else "") + ("<w:b/><w:bCs/>" if bold else "")
    if size != 32:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _para(
    runs: str, *, jc: str | None = None, indent: bool = True, num: str = "", style: str = ""
) -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    ind = '<w:ind w:firstLineChars="200" w:firstLine="640"/>' if indent else ""
    jc_xml = f'<w:jc w:val="{jc}"/>' if jc else ""
    return f"<w:p><w:pPr>{style_xml}{num}{ind}{jc_xml}</w:pPr>{runs}</w:p>"


def _line_paragraph(line: Line, text: str | None = None, num: str = "") -> str:
    """A line as Word paragraph: the title centred in 方正小标宋, the signature right-aligned,
    一、 headings in 黑体, （一） headings' first sentence in 楷体, the rest in 仿宋."""
    body = line.text if text is None else text
    if line.role in ("title", "head"):
        return _para(_run(body, TITLE_FONT, size=44), jc="center", indent=False)
    if line.role == "closing":
        return _para(_run(body), jc="right", indent=False)
    if line.role == "h1":
        return _para(_run(body, HEITI), num=num)
    if line.role == "h2":
        head, rest = lead(body)
        return _para(_run(head, KAITI) + (_run(rest) if rest else ""), num=num)
    return _para(_run(body), num=num)


def _package(body: str, numbering: str = "") -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
        'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    numbering_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
        f"{numbering}</w:numbering>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _ROOT_RELS),
            ("word/_rels/document.xml.rels", _DOC_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", _STYLES),
            ("word/numbering.xml", numbering_xml),
        ):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data.encode("utf-8"))
    return out.getvalue()


def word_paragraphs(text: str) -> bytes:
    """(f) One paragraph a line, first-line indent, 仿宋 body, 黑体/楷体 headings."""
    return _package(
        "".join(_line_paragraph(line) for line in lines_of(text) if line.role != "blank")
    )


def word_soft_breaks(text: str) -> bytes:
    """(g) The title a paragraph, then the whole rest in one paragraph with soft line breaks
    (``w:br``) between lines, as a paste from a web page gives."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    title = [line for line in lines if line.role == "title"]
    rest = [line for line in lines if line.role != "title"]
    runs = "<w:r><w:br/></w:r>".join(_run(line.text) for line in rest)
    return _package("".join(_line_paragraph(line) for line in title) + _para(runs))


def word_heading_styles(text: str) -> bytes:
    """As (f), with the title in Word's Title style and the short 一、 and （一） heading lines
    in the built-in heading 1 and heading 2 styles (outline levels 0 and 1)."""
    out: list[str] = []
    for line in lines_of(text):
        if line.role == "blank":
            continue
        if line.role == "title":
            out.append(_para(_run(line.text), style="a5", indent=False))
        elif line.role in ("h1", "h2") and len(line.text) <= 40:
            out.append(_para(_run(line.text), style="1" if line.role == "h1" else "2"))
        else:
            out.append(_line_paragraph(line))
    return _package("".join(out))


_TITLE_TOP = re.compile(r"^附件\s*\d+$|^中共.{2,30}$|^.{2,30}(?:委员会|党组|党委|人民政府)$")


def word_closing_breaks(text: str) -> bytes:
    """As (f), with a title set on two lines in one paragraph (附件N, or the issuer's name,
    over the title line) and the signature over its date in one, a soft line break
    (``w:br``) between the lines, as writers set them."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    out: list[str] = []
    group: list[Line] = []

    def flush() -> None:
        if group:
            runs = "<w:r><w:br/></w:r>".join(_run(line.text) for line in group)
            jc = "right" if group[0].role == "closing" else "center"
            out.append(_para(runs, jc=jc, indent=False))
            group.clear()

    for k, line in enumerate(lines):
        above_title = k + 1 < len(lines) and lines[k + 1].role == "title"
        if line.role == "head" and above_title and _TITLE_TOP.match(line.text):
            flush()
            group.append(line)
            continue
        if line.role == "title" and group:
            group.append(line)
            flush()
            continue
        if line.role == "closing":
            if group and group[0].role != "closing":
                flush()
            group.append(line)
            if len(group) == 2:
                flush()
            continue
        flush()
        out.append(_line_paragraph(line))
    flush()
    return _package("".join(out))


def word_frame(text: str) -> bytes:
    """(h) The whole report inside a one-cell table with borders (a frame)."""
    inner = "".join(_line_paragraph(line) for line in lines_of(text) if line.role != "blank")
    border = "".join(
        f'<w:{side} w:val="single" w:sz="12" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right")
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="5000" w:type="pct"/>'
        f"<w:tblBorders>{border}</w:tblBorders></w:tblPr>"
        '<w:tblGrid><w:gridCol w:w="8844"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="8844" w:type="dxa"/></w:tcPr>{inner}</w:tc></w:tr>'
        "</w:tbl>"
    )
    return _package(table + "<w:p/>")


_CN_DIGITS = "零一二三四五六七八九"


def _cn_value(text: str) -> int:
    """一 … 九十九 as a number."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (
            _CN_DIGITS.index(ones) if ones else 0
        )
    return _CN_DIGITS.index(text)


def _numbered(line: Line) -> tuple[str, str, int, str] | None:
    """``(list key, Word lvlText, number, text after the marker)`` of a marked line."""
    for role, pattern, fmt in (
        ("h1", _H1, "chineseCounting"),
        ("h2", _H2, "chineseCounting"),
        ("h3", _H3, "decimal"),
        ("h4", _H4, "decimal"),
    ):
        if line.role != role:
            continue
        match = pattern.match(line.text)
        if match is None:
            return None
        groups = match.groups()
        if role in ("h1", "h3"):
            value, lvl_text = groups[0], f"%1{groups[1]}"
        else:
            value, lvl_text = groups[1], f"{groups[0]}%1{groups[2]}"
        number = _cn_value(value) if fmt == "chineseCounting" else int(value)
        rest = line.text[match.end() :].lstrip(" \u3000")
        if not rest or number < 1:
            return None
        return f"{fmt}|{lvl_text}", lvl_text, number, rest
    return None


def word_autonum(text: str) -> bytes:
    """(i) As (f), with each heading's number (一、（一）1.（1）) from Word automatic numbering:
    one list per marker form; where the typed number is not the list's next one, a new
    ``w:num`` restarts the list there (``w:startOverride``), as Word writes "restart at"."""
    abstracts: dict[str, int] = {}
    counters: dict[str, int] = {}
    current_num: dict[str, int] = {}
    nums: list[str] = []
    paragraphs: list[str] = []
    for line in lines_of(text):
        if line.role == "blank":
            continue
        numbered = _numbered(line)
        if numbered is None:
            paragraphs.append(_line_paragraph(line))
            continue
        key, _lvl_text, number, rest = numbered
        if key not in abstracts:
            abstracts[key] = len(abstracts)
        if key not in current_num or counters[key] + 1 != number:
            num_id = len(nums) + 1
            nums.append(
                f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstracts[key]}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{number}"/></w:lvlOverride>'
                "</w:num>"
            )
            current_num[key] = num_id
        counters[key] = number
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{current_num[key]}"/></w:numPr>'
        paragraphs.append(_line_paragraph(line, rest, num))
    definitions = "".join(
        f'<w:abstractNum w:abstractNumId="{index}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{key.split("|")[0]}"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{_esc(key.split("|")[1])}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
        for key, index in abstracts.items()
    )
    return _package("".join(paragraphs), definitions + "".join(nums))


_LEVELS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}


def word_multilevel(text: str) -> bytes:
    """As (i), with one multi-level list as Word's outline numbering gives: 一、 on level 0,
    （一） on level 1, 1. on level 2, （1） on level 3, each level restarting after a shallower
    one; each level's form is the one the document uses first (a line of another form keeps
    its typed number), its suffix Word's default (a tab), and a ``w:num`` with
    ``w:startOverride`` is written where the typed number is not the level's next."""
    lines = [line for line in lines_of(text) if line.role != "blank"]
    forms: dict[int, tuple[str, str]] = {}  # level -> (key, lvlText)
    for line in lines:
        numbered = _numbered(line)
        if numbered is not None and _LEVELS[line.role] not in forms:
            level = _LEVELS[line.role]  # the level's own number is %<level + 1>
            forms[level] = (numbered[0], numbered[1].replace("%1", f"%{level + 1}"))
    counters = [0, 0, 0, 0]
    nums: list[str] = []
    current = 0
    paragraphs: list[str] = []
    for line in lines:
        numbered = _numbered(line)
        level = _LEVELS.get(line.role)
        if numbered is None or level is None or forms[level][0] != numbered[0]:
            paragraphs.append(_line_paragraph(line))
            continue
        _key, _lvl_text, number, rest = numbered
        if current == 0 or counters[level] + 1 != number:
            current = len(nums) + 1
            nums.append(
                f'<w:num w:numId="{current}"><w:abstractNumId w:val="0"/>'
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{number}"/>'
                "</w:lvlOverride></w:num>"
            )
        counters[level] = number
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
        num = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{current}"/></w:numPr>'
        paragraphs.append(_line_paragraph(line, rest, num))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{forms[level][0].split("|")[0] if level in forms else "decimal"}"/>'
        f'<w:lvlText w:val="{_esc(forms[level][1]) if level in forms else f"%{level + 1}."}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        for level in range(4)
    )
    definition = (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    return _package("".join(paragraphs), definition + "".join(nums))


def portal_br_cell(text: str) -> bytes:
    """An older portal still: one layout table without nesting, a side menu cell beside the
    article cell, whose lines are set apart by ``<br>`` only (headline and date line in
    ``<center>``), a footer row across both columns."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    date = page_date(lines)
    info = f"发布时间：{date}&nbsp;&nbsp;" if date else ""
    body = "<br>\n".join(
        ("" if line.role in ("closing", "head") else "\u3000\u3000") + _esc(line.text)
        for line in lines
        if line.role not in ("title", "blank")
    )
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{_esc(title)}</title></head>
<body bgcolor="#ffffff"><table width="980" border="0" cellspacing="0" cellpadding="4" align="center">
<tr><td colspan="2" height="90" bgcolor="#1a4e9a"><font color="#ffffff" size="6">青禾县人民政府</font></td></tr>
<tr><td width="180" valign="top" bgcolor="#eef3fa"><a href="/">网站首页</a><br><a href="/xxgk/">信息公开</a><br>
<a href="/tzgg/">通知公告</a><br><a href="/xczg/">巡察整改</a><br><a href="/bsfw/">办事服务</a></td>
<td valign="top"><center><b><font size="4">{_esc(title)}</font></b></center>
<center><font size="2" color="#666666">{info}来源：本站</font></center><br>
{body}
</td></tr>
<tr><td colspan="2" align="center"><font size="2">版权所有：青禾县人民政府办公室&nbsp;&nbsp;湘ICP备12345678号</font></td></tr>
</table></body></html>"""
    return page.encode("gbk", errors="xmlcharrefreplace")


def div_font(text: str) -> bytes:
    """An older editor's page: one ``<div>`` a line with ``<font face>`` and ``&nbsp;``
    indentation, the headline in a centred ``<div>`` and again as the article's first line
    (the Word file pasted whole), a 发布日期/来源 ``<div>`` between them."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    date = page_date(lines)
    info = f"发布日期：{date}&nbsp;&nbsp;&nbsp;" if date else ""
    out: list[str] = []
    for line in lines:
        if line.role == "blank":
            out.append("<div>&nbsp;</div>")
            continue
        if line.role in ("title", "head"):
            out.append(
                f'<div align="center"><font face="方正小标宋简体" size="5">{_esc(line.text)}'
                "</font></div>"
            )
        elif line.role == "closing":
            out.append(
                f'<div align="right"><font face="仿宋_GB2312">{_esc(line.text)}</font></div>'
            )
        else:
            bold = line.role in ("h1", "h2")
            inner = (
                f"<b>{_esc(line.text)}</b>" if bold and len(line.text) <= 40 else _esc(line.text)
            )
            out.append(
                f'<div>&nbsp;&nbsp;&nbsp;&nbsp;<font face="仿宋_GB2312" size="4">{inner}</font></div>'
            )
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_esc(title)}</title></head>
<body><div class="wrap"><div class="top"><a href="/">网站首页</a> | <a href="/xxgk/">信息公开</a></div>
<div class="detail">
<div class="detail-title" align="center"><font size="5" color="#1a4e9a"><b>{_esc(title)}</b></font></div>
<div class="detail-info" align="center">{info}来源：本单位&nbsp;&nbsp;&nbsp;【<a href="javascript:window.print()">打印</a>】</div>
<div id="zoom">
{chr(10).join(out)}
</div></div>
<div class="foot">版权所有&copy;本单位&nbsp;&nbsp;技术支持：某某网络</div></div></body></html>"""
    return page.encode("utf-8")


# --------------------------------------------------------------------------------------------
# The renderings by name
# --------------------------------------------------------------------------------------------

RENDERINGS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "portal-table": (".html", portal_table),
    "br-paragraph": (".html", br_paragraph),
    "span-runs": (".html", span_runs),
    "word-html-gbk": (".html", word_html),
    "wechat": (".html", wechat),
    "div-font": (".html", div_font),
    "portal-br-cell": (".html", portal_br_cell),
    "docx-paragraphs": (".docx", word_paragraphs),
    "docx-soft-breaks": (".docx", word_soft_breaks),
    "docx-frame": (".docx", word_frame),
    "docx-autonum": (".docx", word_autonum),
    "docx-multilevel": (".docx", word_multilevel),
    "docx-heading-styles": (".docx", word_heading_styles),
    "docx-closing-breaks": (".docx", word_closing_breaks),
}
"""name → (file suffix, renderer)."""
