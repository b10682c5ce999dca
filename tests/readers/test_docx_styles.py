"""styles.xml as Word, WPS and other writers lay it out: prefixes, declarations, encodings,
comments and nesting must all read, and style chains must resolve."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rectpipe.errors import CorruptFileError
from rectpipe.readers.docx import package as docx_package
from rectpipe.readers.docx import read_docx

from .test_docx_numbering import W, abstract, lvl, make_package, num, p

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_URI = "http://purl.oclc.org/ooxml/wordprocessingml/main"

DEFAULTS = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:ind w:firstLine="420"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:latentStyles w:count="2"><w:lsdException w:name="Normal"/>'
    '<w:lsdException w:name="heading 1"/></w:latentStyles>'
)
STYLES = [
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:sz w:val="32"/></w:rPr><w:pPr><w:ind w:firstLineChars="200"/></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="List"><w:name w:val="列表"/>'
    '<w:basedOn w:val="H1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="numbering" w:styleId="CnList"><w:name w:val="CnList"/>'
    '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/></w:style>',
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Dup"><w:name w:val="first"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Dup"><w:name w:val="second"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
    '<w:style w:type="paragraph"><w:name w:val="no id"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="Empty"/>',
    '<w:style w:type="paragraph" w:styleId="A&amp;B&#x4E00;" w:customStyle="a>b">'
    '<w:name w:val="x &lt; y"/></w:style >',
    '<w:style\tw:type="paragraph"\nw:styleId="Spaced" ><w:name w:val="spaced"/></w:style\n>',
]
NUMBERING = (
    abstract(0, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%2."))
    + abstract(1, extra='<w:numStyleLink w:val="CnList"/>')
    + num(1, 0)
    + num(5, 0)
    + num(6, 1)
)
BODY = (
    p("默认")
    + p("标题", style="H1")
    + p("列表", style="List")
    + p("二级", 1, 1, style="List")
    + p("链接", 6, 0)
    + p("重复", style="Dup")
    + p("空样式", style="Empty")
    + p("实体", style="A&amp;B&#x4E00;")
    + p("空白", style="Spaced")
    + p("未知", style="Missing")
    + '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr>'
    "<w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    + '<w:tbl><w:tblPr><w:tblStyle w:val="Strong"/></w:tblPr>'
    "<w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>丁</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)


def styles_xml(styles: list[str] = STYLES, *, sep: str = "", root: str = f"<w:styles {W}>") -> str:
    return root + DEFAULTS + sep + sep.join(styles) + sep + "</w:styles>"


def package(styles: str | bytes, body: str = BODY) -> bytes:
    """:func:`make_package` with ``styles`` as the whole ``word/styles.xml``."""
    data = make_package(body, numbering=NUMBERING)
    blob = styles if isinstance(styles, bytes) else styles.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = blob if info.filename == "word/styles.xml" else source.read(info)
            target.writestr(info.filename, member)
    return out.getvalue()


def styles_of(data: bytes) -> bytes:
    blob = docx_package._Package(data, 1 << 30).xml_bytes("word/styles.xml")
    assert blob is not None
    return blob


def rename_prefix(xml: str, prefix: str) -> str:
    for old, new in (("<w:", f"<{prefix}:"), ("</w:", f"</{prefix}:"), (" w:", f" {prefix}:")):
        xml = xml.replace(old, new)
    return xml.replace("\tw:", f"\t{prefix}:").replace("\nw:", f"\n{prefix}:")


def insert_after_first_style(xml: str, extra: str) -> str:
    marker = "</w:style>"
    at = xml.index(marker) + len(marker)
    return xml[:at] + extra + xml[at:]


LAYOUTS: dict[str, Callable[[], str | bytes]] = {
    "one-line": lambda: styles_xml(),
    "pretty-printed": lambda: styles_xml(sep="\r\n  "),
    "declaration-bom": lambda: (
        b"\xef\xbb\xbf<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n"
        + styles_xml().encode("utf-8")
    ),
    "prefix-ns0": lambda: rename_prefix(styles_xml(), "ns0").replace("xmlns:w=", "xmlns:ns0="),
    "redeclared-prefix-is-not-a-style": lambda: insert_after_first_style(
        styles_xml(),
        '<w:style xmlns:w="urn:other" w:type="paragraph" w:styleId="H1"><w:name w:val="fake"/>'
        "</w:style>",
    ),
    "self-closing-nested-style": lambda: styles_xml(
        [STYLES[0], '<w:style w:styleId="Outer"><w:style w:styleId="Inner"/></w:style>', *STYLES]
    ),
    "comment": lambda: insert_after_first_style(styles_xml(), "<!-- <w:style/> -->"),
    "processing-instruction": lambda: insert_after_first_style(styles_xml(), "<?pi x?>"),
    "cdata": lambda: styles_xml(
        [
            STYLES[0].replace("</w:style>", "<w:x><![CDATA[</w:style>]]></w:x></w:style>"),
            *STYLES[1:],
        ]
    ),
    "gbk": lambda: ('<?xml version="1.0" encoding="GBK"?>' + styles_xml()).encode("gbk"),
    "utf-16": lambda: styles_xml().encode("utf-16"),
    "two-prefixes": lambda: styles_xml(root=f'<w:styles {W} xmlns:v="{W_URI}">'),
    "no-prefix-bound": lambda: styles_xml(root='<w:styles xmlns:w="urn:other">'),
    "text-between-styles": lambda: styles_xml(sep="x"),
    "element-between-styles": lambda: insert_after_first_style(styles_xml(), "<w:other/>"),
    "defaults-after-styles": lambda: (
        styles_xml().replace(DEFAULTS, "")[: -len("</w:styles>")] + DEFAULTS + "</w:styles>"
    ),
    "local-prefix-style": lambda: insert_after_first_style(
        styles_xml(),
        f'<x:style xmlns:x="{W_URI}" x:type="paragraph" x:styleId="Local"/>',
    ),
    "nested-style": lambda: styles_xml(
        [
            STYLES[0],
            '<w:style w:styleId="Outer"><w:style w:styleId="Inner"></w:style>'
            '<w:name w:val="outer"/></w:style>',
            *STYLES[1:],
        ]
    ),
    "no-styles": lambda: f"<w:styles {W}>{DEFAULTS}</w:styles>",
    "self-closing-root": lambda: f"<w:styles {W}/>",
}


@pytest.mark.parametrize("make", LAYOUTS.values(), ids=list(LAYOUTS))
def test_every_layout_of_the_part_reads(make: Callable[[], str | bytes]) -> None:
    blocks = read_docx(package(make())).blocks
    assert blocks[0].text == "默认"


def test_what_the_part_gives() -> None:
    blocks = read_docx(package(styles_xml(sep="\n"))).blocks
    assert [(b.text, b.style, b.outline_level, b.list_label, b.indent) for b in blocks] == [
        ("默认", "Normal", None, None, 32.0),
        ("标题", "heading 1", 0, None, 32.0),
        ("列表", "列表", None, "一、", 32.0),
        ("二级", "列表", None, "1.", 32.0),
        ("链接", "Normal", None, "二、", 32.0),
        ("重复", "first", None, None, 21.0),
        ("空样式", "Empty", None, None, 21.0),
        ("实体", "x < y", None, None, 21.0),
        ("空白", "spaced", None, None, 21.0),
        ("未知", "Normal", None, None, 32.0),
        ("甲\t乙", "Table Grid", None, None, None),
        ("丙\t丁", "Strong", None, None, None),
    ]


def test_strict_namespace_reads_too() -> None:
    data = package(styles_xml().replace(W_URI, STRICT_URI))
    assert read_docx(data).blocks[1].style == "heading 1"


def test_doctype_in_styles_is_refused() -> None:
    xml = '<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY e "x">]>' + styles_xml()
    with pytest.raises(CorruptFileError, match="DTD"):
        read_docx(package(xml))


def test_a_malformed_style_makes_the_part_corrupt() -> None:
    broken = STYLES[5].replace("<w:name", "<w:name <")
    with pytest.raises(CorruptFileError):
        read_docx(package(styles_xml([*STYLES[:5], broken, *STYLES[6:]])))


def test_threads_reading_at_once_agree() -> None:
    """Each thread parses with its own reused parser; concurrent reads must not interfere."""
    sources = [
        (SAMPLES / name).read_bytes() for name in ("seed-yongzhou.docx", "ledger-taizhang.docx")
    ]
    expected = [read_docx(data) for data in sources]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(read_docx, sources * 16))
    assert results == expected * 16


def test_text_hidden_by_a_style_is_not_read() -> None:
    """w:vanish in a character style (a draft status word) or a paragraph style (a whole draft
    finding) hides the text as it does set on the run; the run's own w:vanish w:val="0" shows
    it again."""
    styles = (
        '<w:style w:type="character" w:styleId="Draft"><w:name w:val="Draft"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="DraftChild"><w:name w:val="DraftChild"/>'
        '<w:basedOn w:val="Draft"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="DraftPara"><w:name w:val="DraftPara"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
    )
    body = (
        '<w:p><w:r><w:rPr><w:rStyle w:val="Draft"/></w:rPr><w:t>正在整改</w:t></w:r>'
        "<w:r><w:t>已完成</w:t></w:r></w:p>"
        '<w:p><w:r><w:rPr><w:rStyle w:val="DraftChild"/></w:rPr><w:t>草稿</w:t></w:r>'
        "<w:r><w:t>定稿</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="DraftPara"/></w:pPr><w:r><w:t>隐藏的一段</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="DraftPara"/></w:pPr><w:r><w:rPr><w:vanish w:val="0"/>'
        "</w:rPr><w:t>显示的一段</w:t></w:r></w:p>"
    )
    texts = [b.text for b in read_docx(make_package(body, styles=styles)).blocks]
    assert texts == ["已完成", "定稿", "显示的一段"]
