"""Word automatic numbering: number formats, counters, restarts, overrides, style inheritance.

Each case is a few lines of one-line XML; :func:`make_package` wraps them into a minimal .docx so
the whole path (style chain → numPr → numbering.xml → label) is exercised.
"""

from __future__ import annotations

import io
import zipfile

import pytest

import rectpipe
from rectpipe.readers.blocks import Block
from rectpipe.readers.docx import (
    SUPPORTED_FORMATS,
    ListCounter,
    Numbering,
    UnsafeXMLError,
    format_number,
    read_docx,
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def make_package(
    body: str,
    *,
    numbering: str = "",
    styles: str = "",
    extra: dict[str, str] | None = None,
    document_ns: str = "",
) -> bytes:
    """A minimal .docx whose body is ``body`` (inner XML of ``w:body``)."""
    members = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": f"<w:document {W} {document_ns}><w:body>{body}</w:body></w:document>",
        "word/styles.xml": f"<w:styles {W}>{styles}</w:styles>",
        "word/numbering.xml": f"<w:numbering {W} {MC}>{numbering}</w:numbering>",
    }
    members.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in members.items():
            package.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def p(text: str, num_id: int | None = None, ilvl: int | None = None, style: str = "") -> str:
    """A one-line ``w:p``: optional style and numPr, one run of ``text``."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        inner = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        inner += f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        ppr += f"<w:numPr>{inner}</w:numPr>"
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{extra}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def start_override(ilvl: int, value: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'


def pstyle(style_id: str, ppr: str = "", based_on: str = "", kind: str = "paragraph") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
        f"{based}<w:pPr>{ppr}</w:pPr></w:style>"
    )


def blocks_of(body: str, numbering: str = "", styles: str = "") -> list[Block]:
    return read_docx(make_package(body, numbering=numbering, styles=styles)).blocks


def labels(body: str, numbering: str = "", styles: str = "") -> list[str | None]:
    return [block.list_label for block in blocks_of(body, numbering, styles)]


LADDER = abstract(
    0,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3."),
    lvl(3, "decimal", "（%4）"),
)


# --------------------------------------------------------------------------------------------
# Number formats
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "n", "expected"),
    [
        ("decimal", 1, "1"),
        ("decimal", 26, "26"),
        ("decimalHalfWidth", 7, "7"),
        ("decimalZero", 3, "03"),
        ("decimalZero", 12, "12"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalFullWidth2", 3, "３"),
        ("chineseCounting", 1, "一"),
        ("chineseCounting", 9, "九"),
        ("chineseCounting", 10, "十"),
        ("chineseCounting", 11, "十一"),
        ("chineseCounting", 20, "二十"),
        ("chineseCounting", 26, "二十六"),
        ("chineseCounting", 99, "九十九"),
        ("chineseCounting", 100, "一〇〇"),
        ("chineseCountingThousand", 1, "一"),
        ("chineseCountingThousand", 10, "十"),
        ("chineseCountingThousand", 11, "十一"),
        ("chineseCountingThousand", 20, "二十"),
        ("chineseCountingThousand", 100, "一百"),
        ("chineseCountingThousand", 101, "一百零一"),
        ("chineseCountingThousand", 110, "一百一十"),
        ("chineseCountingThousand", 1000, "一千"),
        ("chineseCountingThousand", 1010, "一千零一十"),
        ("chineseCountingThousand", 10001, "一万零一"),
        ("taiwaneseCounting", 12, "十二"),
        ("taiwaneseCountingThousand", 10000, "一萬"),
        ("taiwaneseDigital", 10, "一○"),
        ("ideographDigital", 10, "一〇"),
        ("chineseLegalSimplified", 1, "壹"),
        ("chineseLegalSimplified", 10, "壹拾"),
        ("chineseLegalSimplified", 12, "壹拾贰"),
        ("chineseLegalSimplified", 20, "贰拾"),
        ("chineseLegalSimplified", 105, "壹佰零伍"),
        ("ideographLegalTraditional", 3, "參"),
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 4, "丁"),
        ("ideographTraditional", 10, "癸"),
        ("ideographTraditional", 11, "11"),
        ("ideographZodiac", 1, "子"),
        ("ideographZodiac", 12, "亥"),
        ("ideographZodiac", 13, "13"),
        ("ideographZodiacTraditional", 1, "甲子"),
        ("ideographZodiacTraditional", 60, "癸亥"),
        ("ideographEnclosedCircle", 1, "㊀"),
        ("ideographParenthesized", 2, "㈡"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "21"),
        ("decimalEnclosedCircleChinese", 5, "⑤"),
        ("decimalEnclosedFullstop", 1, "⒈"),
        ("decimalEnclosedParen", 3, "⑶"),
        ("upperLetter", 1, "A"),
        ("upperLetter", 26, "Z"),
        ("upperLetter", 27, "AA"),
        ("upperLetter", 28, "BB"),
        ("lowerLetter", 3, "c"),
        ("upperRoman", 4, "IV"),
        ("upperRoman", 1990, "MCMXC"),
        ("lowerRoman", 9, "ix"),
        ("japaneseCounting", 11, "十一"),
        ("ordinal", 1, "1st"),
        ("ordinal", 11, "11th"),
        ("ordinal", 22, "22nd"),
        ("numberInDash", 3, "- 3 -"),
        ("bullet", 1, ""),
        ("none", 4, ""),
        ("hebrew1", 5, "5"),  # unknown to us: decimal fallback
    ],
)
def test_format_number(fmt: str, n: int, expected: str) -> None:
    assert format_number(n, fmt) == expected


@pytest.mark.parametrize(
    ("picture", "expected"), [("001, 002, 003, ...", "007"), ("01, 02, 03, ...", "07"), ("x", "7")]
)
def test_custom_zero_padded_format(picture: str, expected: str) -> None:
    assert format_number(7, "custom", picture) == expected


def test_every_listed_format_renders_without_fallback_surprises() -> None:
    for fmt in sorted(SUPPORTED_FORMATS - {"bullet", "none"}):
        # a counter: 1…20 give twenty different, non-empty labels
        labels = [format_number(n, fmt) for n in range(1, 21)]
        assert all(labels) and len(set(labels)) == 20, fmt
        for n in (0, 99, 100, 101, 12345):  # out-of-range values still give text
            assert format_number(n, fmt) is not None
    assert {format_number(n, "none") for n in range(1, 5)} == {""}


# --------------------------------------------------------------------------------------------
# Counters through whole packages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("chineseCounting", "%1、", ["一、", "二、", "三、"]),
        ("chineseCounting", "（%1）", ["（一）", "（二）", "（三）"]),
        ("decimal", "%1.", ["1.", "2.", "3."]),
        ("decimalZero", "%1.", ["01.", "02.", "03."]),
        ("chineseCountingThousand", "第%1条", ["第一条", "第二条", "第三条"]),
        ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
        ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
        ("chineseLegalSimplified", "%1、", ["壹、", "贰、", "叁、"]),
        ("upperRoman", "%1.", ["I.", "II.", "III."]),
        ("lowerLetter", "%1)", ["a)", "b)", "c)"]),
        ("bullet", "\uf0b7", [None, None, None]),
        ("none", "", [None, None, None]),
    ],
)
def test_one_level_list(fmt: str, text: str, expected: list[str | None]) -> None:
    numbering = abstract(0, lvl(0, fmt, text)) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 0) + p("c", 1, 0)
    assert labels(body, numbering) == expected


def test_label_is_not_in_text_and_suffix_is_not_in_label() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.", extra='<w:suff w:val="tab"/>')) + num(1, 0)
    [block] = blocks_of(p("问题", 1, 0), numbering)
    assert (block.list_label, block.text) == ("1.", "问题")


def test_start_value() -> None:
    numbering = abstract(0, lvl(0, "chineseCounting", "%1、", start=5)) + num(1, 0)
    assert labels(p("a", 1, 0) + p("b", 1, 0), numbering) == ["五、", "六、"]


def test_missing_start_means_zero() -> None:
    numbering = abstract(
        0,
        '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>',
    ) + num(1, 0)
    assert labels(p("a", 1, 0) + p("b", 1, 0), numbering) == ["0.", "1."]


def test_deeper_levels_restart_when_a_shallower_level_is_used() -> None:
    body = p("a", 1, 0) + p("b", 1, 1) + p("c", 1, 1) + p("d", 1, 2) + p("e", 1, 0) + p("f", 1, 1)
    assert labels(body, LADDER + num(1, 0)) == ["一、", "（一）", "（二）", "1.", "二、", "（一）"]


def test_lvl_restart_zero_never_restarts() -> None:
    numbering = abstract(
        0,
        lvl(0, "chineseCounting", "（%1）"),
        lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 1) + p("c", 1, 1) + p("d", 1, 0) + p("e", 1, 1)
    assert labels(body, numbering) == ["（一）", "1.", "2.", "（二）", "3."]


def test_lvl_restart_names_the_level_that_restarts() -> None:
    # Level 2 restarts only after level 1 (w:val="1" = the first level), not after level 2.
    numbering = abstract(
        0,
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "chineseCounting", "（%2）"),
        lvl(2, "decimal", "%3.", extra='<w:lvlRestart w:val="1"/>'),
    ) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 1) + p("c", 1, 2) + p("d", 1, 1) + p("e", 1, 2) + p("f", 1, 0)
    body += p("g", 1, 2)
    assert labels(body, numbering) == ["一、", "（一）", "1.", "（二）", "2.", "二、", "1."]


def test_multi_level_text() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 1) + p("c", 1, 1) + p("d", 1, 0) + p("e", 1, 1)
    assert labels(body, numbering) == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_multi_level_text_mixes_formats() -> None:
    numbering = abstract(
        0, lvl(0, "chineseCounting", "第%1章"), lvl(1, "decimal", "第%1章第%2节")
    ) + num(1, 0)
    assert labels(p("a", 1, 0) + p("b", 1, 1), numbering) == ["第一章", "第一章第1节"]


def test_unused_parent_level_shows_start_minus_one() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2")) + num(1, 0)
    assert labels(p("a", 1, 1), numbering) == ["0.1"]


def test_is_lgl_shows_every_number_in_decimal() -> None:
    numbering = abstract(
        0,
        lvl(0, "chineseCounting", "第%1章"),
        lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
    ) + num(1, 0)
    body = p("a", 1, 0) + p("b", 1, 0) + p("c", 1, 1)
    assert labels(body, numbering) == ["第一章", "第二章", "2.1"]


def test_start_override_restarts_through_a_second_num() -> None:
    numbering = LADDER + num(1, 0) + num(2, 0, start_override(1, 1))
    body = (
        p("一", 1, 0)
        + p("a", 1, 1)
        + p("b", 1, 1)
        + p("c", 1, 1)
        + p("二", 1, 0)
        + p("a", 2, 1)
        + p("b", 2, 1)
    )
    assert labels(body, numbering) == [
        "一、",
        "（一）",
        "（二）",
        "（三）",
        "二、",
        "（一）",
        "（二）",
    ]


def test_start_override_to_another_value() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0, start_override(0, 8))
    assert labels(p("a", 1, 0) + p("b", 1, 0), numbering) == ["8.", "9."]


def test_nums_sharing_an_abstract_share_the_counter() -> None:
    # Word keeps the running count on the abstract definition: numId 2 continues numId 1.
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 0)
    body = p("a", 1, 0) + p("b", 1, 0) + p("c", 2, 0) + p("d", 1, 0)
    assert labels(body, numbering) == ["1.", "2.", "3.", "4."]


def test_override_applies_once_then_the_shared_counter_runs_on() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, start_override(0, 8))
    body = p("a", 1, 0) + p("b", 1, 0) + p("c", 2, 0) + p("d", 1, 0) + p("e", 2, 0)
    assert labels(body, numbering) == ["1.", "2.", "8.", "9.", "10."]


def test_separate_abstracts_count_separately() -> None:
    numbering = (
        abstract(0, lvl(0, "decimal", "%1."))
        + abstract(1, lvl(0, "decimal", "%1."))
        + num(1, 0)
        + num(2, 1)
    )
    body = p("a", 1, 0) + p("b", 2, 0) + p("c", 1, 0) + p("d", 2, 0)
    assert labels(body, numbering) == ["1.", "1.", "2.", "2."]


def test_level_override_replaces_the_level() -> None:
    override = (
        '<w:lvlOverride w:ilvl="0">'
        + lvl(0, "upperRoman", "%1)", start=3)
        + start_override(0, 3)[len('<w:lvlOverride w:ilvl="0">') :]
    )
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0, override)
    assert labels(p("a", 1, 0) + p("b", 1, 0), numbering) == ["III)", "IV)"]


def test_custom_format_inside_alternate_content() -> None:
    level = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent>'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1."/></w:lvl>'
    )
    assert labels(p("a", 1, 0), abstract(0, level) + num(1, 0)) == ["001."]


def test_bullet_level_counts_for_restarts_but_has_no_label() -> None:
    numbering = abstract(0, lvl(0, "bullet", "\uf0b7"), lvl(1, "decimal", "%2.")) + num(1, 0)
    body = p("a", 1, 1) + p("b", 1, 1) + p("c", 1, 0) + p("d", 1, 1)
    assert labels(body, numbering) == ["1.", "2.", None, "1."]


def test_empty_numbered_paragraph_gives_no_block_but_counts() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0)
    found = blocks_of(p("a", 1, 0) + p("", 1, 0) + p("c", 1, 0), numbering)
    assert [(block.list_label, block.text, block.path) for block in found] == [
        ("1.", "a", "p:0"),
        ("3.", "c", "p:2"),
    ]


@pytest.mark.parametrize("bad", ['<w:numId w:val="0"/>', '<w:numId w:val="99"/>'])
def test_num_id_zero_or_unknown_gives_no_label(bad: str) -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0)
    body = (
        p("a", 1, 0) + f"<w:p><w:pPr><w:numPr>{bad}</w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
    )
    body += p("c", 1, 0)
    assert labels(body, numbering) == ["1.", None, "2."]


def test_out_of_range_level_gives_no_label() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0)
    assert labels(p("a", 1, 4) + p("b", 1, 12), numbering) == [None, None]


# --------------------------------------------------------------------------------------------
# Style inheritance
# --------------------------------------------------------------------------------------------

STYLE_NUM = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def test_numbering_from_the_paragraph_style() -> None:
    styles = pstyle("H1", STYLE_NUM)
    assert labels(p("a", style="H1") + p("b", style="H1"), LADDER + num(1, 0), styles) == [
        "一、",
        "二、",
    ]


def test_numbering_through_the_based_on_chain() -> None:
    styles = (
        pstyle("Base", STYLE_NUM) + pstyle("Mid", based_on="Base") + pstyle("H1", based_on="Mid")
    )
    body = p("a", style="H1") + p("b", 1, 1) + p("c", style="H1")
    assert labels(body, LADDER + num(1, 0), styles) == ["一、", "（一）", "二、"]


def test_paragraph_ilvl_with_style_num_id() -> None:
    styles = pstyle("List", '<w:numPr><w:numId w:val="1"/></w:numPr>')
    body = p("a", style="List") + p("b", ilvl=1, style="List") + p("c", ilvl=2, style="List")
    assert labels(body, LADDER + num(1, 0), styles) == ["一、", "（一）", "1."]


def test_level_found_through_lvl_pstyle() -> None:
    numbering = abstract(
        0,
        lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="H1"/>'),
        lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="H2"/>'),
    ) + num(1, 0)
    styles = pstyle("H1", '<w:numPr><w:numId w:val="1"/></w:numPr>') + pstyle(
        "H2", '<w:numPr><w:numId w:val="1"/></w:numPr>'
    )
    body = p("a", style="H1") + p("b", style="H2") + p("c", style="H2")
    assert labels(body, numbering, styles) == ["一、", "（一）", "（二）"]


def test_num_id_zero_on_paragraph_switches_style_numbering_off() -> None:
    styles = pstyle("H1", STYLE_NUM)
    body = (
        p("a", style="H1")
        + '<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
        "<w:r><w:t>b</w:t></w:r></w:p>" + p("c", style="H1")
    )
    assert labels(body, LADDER + num(1, 0), styles) == ["一、", None, "二、"]


def test_num_id_zero_in_a_derived_style_switches_inherited_numbering_off() -> None:
    styles = pstyle("Base", STYLE_NUM) + pstyle(
        "Plain", '<w:numPr><w:numId w:val="0"/></w:numPr>', based_on="Base"
    )
    assert labels(p("a", style="Plain") + p("b", style="Base"), LADDER + num(1, 0), styles) == [
        None,
        "一、",
    ]


def test_style_chain_cycle_does_not_hang() -> None:
    styles = pstyle("A", based_on="B") + pstyle("B", based_on="A")
    assert labels(p("a", style="A"), LADDER + num(1, 0), styles) == [None]


def test_num_style_link_borrows_levels_from_the_numbering_style() -> None:
    numbering = (
        abstract(0, lvl(0, "decimal", "%1."), extra='<w:numStyleLink w:val="CnList"/>')
        + abstract(1, lvl(0, "chineseCounting", "%1、"), extra='<w:styleLink w:val="CnList"/>')
        + num(5, 1)
        + num(6, 0)
    )
    styles = pstyle("CnList", '<w:numPr><w:numId w:val="5"/></w:numPr>', kind="numbering")
    assert labels(p("a", 6, 0) + p("b", 6, 0) + p("c", 5, 0), numbering, styles) == [
        "一、",
        "二、",
        "三、",
    ]


def test_numbering_in_table_cells_shares_the_counter_with_the_body() -> None:
    numbering = abstract(0, lvl(0, "decimal", "%1")) + num(1, 0)
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tr>" + cell.format(p("", 1, 0)) + cell.format(p("问题", 0)) + "</w:tr>"
    found = blocks_of(p("a", 1, 0) + "<w:tbl>" + row + row + "</w:tbl>", numbering)
    assert found[0].list_label == "1"
    assert found[1].cells == (("2", "问题"), ("3", "问题"))


# --------------------------------------------------------------------------------------------
# The resolver on its own
# --------------------------------------------------------------------------------------------


def test_list_counter_directly() -> None:
    numbering = Numbering.from_xml(f"<w:numbering {W}>{LADDER}{num(1, 0)}</w:numbering>")
    counter = ListCounter(numbering)
    got = [counter.next_label("1", ilvl) for ilvl in (0, 1, 2, 2, 1, 0)]
    assert [label.text if label else None for label in got] == [
        "一、",
        "（一）",
        "1.",
        "2.",
        "（二）",
        "二、",
    ]
    assert counter.next_label("0", 0) is None
    assert counter.next_label("7", 0) is None


def test_numbering_xml_with_a_dtd_is_refused() -> None:
    xml = (
        '<!DOCTYPE w:numbering [<!ENTITY x "EXPANDED">]>'
        f"<w:numbering {W}>" + abstract(0, lvl(0, "decimal", "&x;.")) + num(1, 0) + "</w:numbering>"
    )
    with pytest.raises(UnsafeXMLError):
        Numbering.from_xml(xml)


def test_a_huge_level_text_is_not_copied_into_every_paragraph() -> None:
    numbering = abstract(1, lvl(0, "decimal", "%1" + "重" * 1_000_000)) + num(1, 1)
    body = "".join(p(f"第{i}项", num_id=1, ilvl=0) for i in range(300))
    found = labels(body, numbering)
    assert len(found) == 300
    assert all(label is not None and len(label) < 80 for label in found)  # not 1,000,000


@pytest.mark.parametrize("suffix", ["tab", "space"])
@pytest.mark.parametrize(("fmt", "shown"), [("decimal", "1"), ("chineseCounting", "一")])
def test_a_label_without_a_mark_numbers_its_item(suffix: str, fmt: str, shown: str) -> None:
    """A list whose level text is ``%1`` with a tab or a space after it (Word shows
    ``1<tab>统计…``): the label stays as shown, and the item is read as numbered."""
    numbering = abstract(0, lvl(0, fmt, "%1", extra=f'<w:suff w:val="{suffix}"/>')) + num(1, 0)
    parts = (
        "<w:p><w:r><w:t>中共青禾县统计局党组关于巡察整改进展情况的通报</w:t></w:r></w:p>"
        + p("统计调查项目经费管理不规范。整改情况：已完成整改。", 1, 0)
        + p("政府采购程序执行不严格。整改情况：正在整改。", 1, 0)
    )
    package = make_package(parts, numbering=numbering)
    assert read_docx(package).blocks[1].list_label == shown
    report = rectpipe.parse_bytes(package, name="report.docx")
    assert [(p.number, p.status.value) for p in report.iter_problems()] == [
        ("1", "completed"),
        ("2", "in_progress"),
    ]
