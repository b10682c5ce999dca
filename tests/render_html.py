"""A sample's text rendered as web pages (tests/renderings.py): an old portal's nested layout
tables, one ``<p>`` of ``<br>`` lines, runs cut into spans, Word's "Save as HTML" in GBK, a
WeChat article, an older portal's one table with a ``<br>`` content cell, ``<div>``/``<font>``
lines under a repeated headline.
"""

# ruff: noqa: E501  (the page templates keep their markup on the lines a publisher writes)

from __future__ import annotations

from .render_lines import (
    _DIGITS,
    _esc,
    _pieces,
    lead,
    lines_of,
    page_date,
    printed_lines,
    split_marker,
)


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


def word_html(text: str, *, lists: bool = False) -> bytes:
    """(d) Word's "Save as HTML": ``MsoNormal`` paragraphs, ``<o:p>``, ``mso-`` styles, digits
    in ``<span lang=EN-US>``, the source wrapped inside tags, GB2312 declared, GBK bytes. With
    ``lists``, the file had automatic numbering: each marked line is a ``MsoListParagraph``
    whose number Word writes inside ``<![if !supportLists]>…<![endif]>`` in a
    ``mso-list:Ignore`` span, padded with non-breaking spaces."""
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
        body, label = line.text, ""
        marked = (
            split_marker(line.text) if lists and line.role in ("h1", "h2", "h3", "h4") else None
        )
        if marked is not None:
            number, body = marked
            level = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}[line.role]
            style = (
                "class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;\n"
                f"mso-char-indent-count:2.0;line-height:28.0pt;mso-list:l0 level{level} lfo1'"
            )
            label = (
                f"<![if !supportLists]><span lang=EN-US style='font-size:16.0pt;font-family:{font};\n"
                f"mso-fareast-font-family:{font}'><span style='mso-list:Ignore'>{_esc(number)}"
                "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span></span>"
                "<![endif]>"
            )
        runs = label + "".join(
            f"<span\nlang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\"'>"
            f"{_esc(piece)}</span>"
            if _DIGITS.fullmatch(piece)
            else f"<span style='font-size:16.0pt;font-family:{font};mso-hansi-font-family:\n"
            f'"Times New Roman"\'>{_esc(piece)}</span>'
            for piece in _DIGITS.split(body)
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


def br_wrapped(text: str) -> bytes:
    """A PDF's text pasted into a web editor: a ``<p>`` a paragraph, the paragraph cut into the
    PDF's printed lines (30 em) by ``<br>``."""
    lines = lines_of(text)
    title = next((line.text for line in lines if line.role == "title"), "")
    body = "\n".join(
        "<p>" + "<br>\n".join(_esc(piece) for piece in printed_lines(line.text)) + "</p>"
        for line in lines
        if line.role != "blank"
    )
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_esc(title)}</title></head>
<body><div class="main"><div class="TRS_Editor">
{body}
</div></div></body></html>"""
    return page.encode("utf-8")


def word_html_lists(text: str) -> bytes:
    """(d) with the headings' numbers from Word's automatic numbering, as Word saves them."""
    return word_html(text, lists=True)


_LIST_STYLES = {"h1": "cjk-ideographic", "h3": "decimal"}


def editor_lists(text: str) -> bytes:
    """A web editor's list button: every 一、 line and every 1. line is an item of an ``<ol>``
    (``list-style-type: cjk-ideographic`` / ``decimal``) whose number the browser draws, the
    list opened again with ``start`` after each paragraph between items."""
    from .render_lines import _cn_number

    lines = [line for line in lines_of(text) if line.role != "blank"]
    title = next((line.text for line in lines if line.role == "title"), "")
    out: list[str] = []
    open_role: str | None = None
    expected = 0
    for line in lines:
        marked = split_marker(line.text) if line.role in _LIST_STYLES else None
        number = _cn_number(marked[0]) if marked else None
        if marked is None or number is None:
            if open_role:
                out.append("</ol>")
                open_role = None
            out.append(f'<p style="text-indent:2em">{_esc(line.text)}</p>')
            continue
        if open_role != line.role or number != expected:
            if open_role:
                out.append("</ol>")
            out.append(f'<ol start="{number}" style="list-style-type:{_LIST_STYLES[line.role]}">')
            open_role = line.role
        out.append(f"<li><p>{_esc(marked[1])}</p></li>")
        expected = number + 1
    if open_role:
        out.append("</ol>")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_esc(title)}</title></head>
<body><div class="article"><div class="article-content">
{chr(10).join(out)}
</div></div></body></html>"""
    return page.encode("utf-8")
