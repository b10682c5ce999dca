"""The Word reader on the committed fixtures in samples/ and on one-line XML packages."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from rectpipe.errors import (
    CorruptFileError,
    EncryptedUnsupportedError,
    RectpipeError,
    TooLargeError,
    UnsupportedFormatError,
)
from rectpipe.readers import docx as docx_reader
from rectpipe.readers.blocks import BlockKind, Document
from rectpipe.readers.docx import read_docx

from .test_docx_numbering import abstract, lvl, make_package, num, p

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TYPED = SAMPLES / "seed-yongzhou.docx"
AUTONUM = SAMPLES / "seed-yongzhou-autonum.docx"
LEDGER = SAMPLES / "ledger-taizhang.docx"


def read(path: Path) -> Document:
    return read_docx(path.read_bytes())


def texts(body: str, **kwargs: str) -> list[str]:
    return [block.text for block in read_docx(make_package(body, **kwargs)).blocks]


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


# --------------------------------------------------------------------------------------------
# The seed report, typed and auto-numbered
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def typed() -> Document:
    return read(TYPED)


@pytest.fixture(scope="module")
def autonum() -> Document:
    return read(AUTONUM)


def test_autonum_labels_render_what_the_typed_file_types(
    typed: Document, autonum: Document
) -> None:
    assert len(autonum.blocks) == len(typed.blocks)
    for auto, plain in zip(autonum.blocks, typed.blocks, strict=True):
        assert (auto.list_label or "") + auto.text == plain.text, auto.path
        assert auto.path == plain.path
        assert auto.kind == plain.kind
        assert auto.style == plain.style
    assert all(block.list_label is None for block in typed.blocks)


def test_autonum_label_sequence(autonum: Document) -> None:
    found = [block.list_label for block in autonum.blocks if block.list_label]
    problems = [label for label in found if re.fullmatch(r"\d+\.", label)]
    assert problems == [f"{n}." for n in range(1, 27)]
    assert [label for label in found if label.endswith("、")] == ["一、", "二、", "三、"]
    part_three = found[found.index("三、") + 1 :]
    assert part_three == ["（一）", "（二）", "（三）"]
    categories = found[found.index("二、") + 1 : found.index("三、")]
    assert [label for label in categories if label.startswith("（")] == [
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
        "（九）",
        "（十）",
        "（十一）",
    ]
    assert not any(
        re.match(r"^(\d+\.|（[一二三四五六七八九十]+）|[一二三]、)", b.text) for b in autonum.blocks
    )


def test_headings_styles_and_indent(autonum: Document) -> None:
    headings = [block for block in autonum.blocks if block.kind is BlockKind.HEADING]
    assert [(block.list_label, block.outline_level) for block in headings[:3]] == [
        ("一、", 0),
        ("二、", 0),
        ("（一）", 1),
    ]
    assert {block.style for block in headings} == {"一级标题", "二级标题"}
    first = autonum.blocks[0]
    assert (first.text, first.style, first.indent) == ("附件4", "附件标注", 0.0)
    body = next(block for block in autonum.blocks if block.text.startswith("根据省委"))
    assert body.indent == 32.0  # two characters of 16 pt
    assert body.style == "Normal"


def test_heading_that_shares_its_line_with_body_text(autonum: Document) -> None:
    block = next(b for b in autonum.blocks if b.text.startswith("进一步强化使命担当"))
    assert block.list_label == "（一）"
    assert block.text.startswith("进一步强化使命担当，盯紧盯实后续整改。深入开展")


def test_headers_and_footers_are_not_body_text(typed: Document) -> None:
    joined = "\n".join(block.text for block in typed.blocks)
    assert not any(re.fullmatch(r"—\s*\d+\s*—", block.text) for block in typed.blocks)
    assert "— " not in joined
    assert "PAGE" not in joined
    # The issuer is the running header; in the body it is only the title line and the signature.
    assert joined.count("中共永州经济技术开发区工作委员会") == 2
    assert typed.blocks[-1].text == "2023年12月22日"


def stripped_lines(path: Path) -> list[str]:
    lines = (line.strip(" \t\u3000\xa0\ufeff") for line in path.read_text("utf-8-sig").splitlines())
    return [line for line in lines if line]


def test_typed_file_holds_the_seed_text_paragraph_by_paragraph(typed: Document) -> None:
    assert [block.text for block in typed.blocks] == stripped_lines(SAMPLES / "seed-yongzhou.txt")


@pytest.mark.parametrize("source", sorted(SAMPLES.glob("family-*.txt")), ids=lambda path: path.stem)
def test_family_fixtures_are_current(source: Path) -> None:
    target = source.with_suffix(".docx")
    if not target.exists():
        pytest.skip(f"{target.name} not generated yet: run scripts/fixtures/make_docx.py")
    got = [block.text for block in read(target).blocks]
    assert got == stripped_lines(source), "stale fixture: run scripts/fixtures/make_docx.py"


def test_core_properties_become_hints(typed: Document) -> None:
    assert typed.hints["docx:creator"] == "中共永州经济技术开发区工作委员会"
    assert typed.format == "docx"
    assert typed.page_count is None


# --------------------------------------------------------------------------------------------
# The ledger
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ledger() -> Document:
    return read(LEDGER)


def test_ledger_blocks(ledger: Document) -> None:
    kinds = [(block.kind, block.path) for block in ledger.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "p:0"),
        (BlockKind.PARAGRAPH, "p:1"),
        (BlockKind.TABLE, "t:0"),
    ]
    assert "header" not in ledger.blocks[2].text
    assert not any("中共某某区交通运输局党组" in block.text for block in ledger.blocks)


def test_ledger_cells_with_merges(ledger: Document) -> None:
    table = ledger.blocks[2]
    assert table.cells is not None
    rows = table.cells
    assert rows[0] == ("序号", "问题描述", "整改措施", "责任单位", "整改时限", "整改进展")
    data = rows[1:-1]
    assert len(data) == 8
    assert all(len(row) == 6 for row in data)
    assert [row[0] for row in data] == [str(n) for n in range(1, 9)]  # automatic numbering
    assert data[2][3] == data[3][3] == "机关服务中心"  # vertically merged cell
    assert rows[-1] == (rows[-1][0],) and rows[-1][0].startswith("备注：")  # spans 6 columns
    statuses = [row[5].split("。")[0] for row in data]
    assert statuses.count("已完成") == 5
    assert statuses.count("阶段性完成") == 2
    assert statuses.count("正在推进") == 1
    assert table.text == "\n".join("\t".join(row) for row in rows)


def test_python_docx_would_repeat_the_merged_note() -> None:
    table = python_docx.Document(str(LEDGER)).tables[0]
    note = [cell.text for cell in table.rows[-1].cells]
    assert len(note) == 6 and len(set(note)) == 1  # why we read w:tc ourselves


# --------------------------------------------------------------------------------------------
# Text extraction (one-line XML)
# --------------------------------------------------------------------------------------------


def test_document_order_of_paragraphs_and_tables() -> None:
    table = "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>".format(p("x"), p("y"))
    found = read_docx(make_package(p("a") + table + p("") + p("b") + table)).blocks
    assert [(b.kind.value, b.path, b.text) for b in found] == [
        ("paragraph", "p:0", "a"),
        ("table", "t:0", "x\ty"),
        ("paragraph", "p:2", "b"),
        ("table", "t:1", "x\ty"),
    ]


def test_tabs_breaks_and_runs() -> None:
    body = (
        "<w:p>" + run("甲") + "<w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"
        '<w:r><w:br w:type="page"/></w:r></w:p>'
    )
    assert texts(body) == ["甲\t乙", "丙"]  # a line break starts a block (readers/docx/breaks.py)


def test_content_controls_are_unwrapped() -> None:
    block_sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{p('块级')}</w:sdtContent></w:sdt>"
    run_sdt = (
        f"<w:p>{run('前')}<w:sdt><w:sdtContent>{run('中')}</w:sdtContent></w:sdt>{run('后')}</w:p>"
    )
    placeholder = (
        "<w:p><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        f"<w:sdtContent>{run('单击此处输入文字')}</w:sdtContent></w:sdt></w:p>"
    )
    found = read_docx(make_package(block_sdt + run_sdt + placeholder)).blocks
    assert [(b.text, b.path) for b in found] == [("块级", "p:0"), ("前中后", "p:1")]


def test_tracked_changes() -> None:
    body = (
        f"<w:p>{run('保留')}<w:ins>{run('插入')}</w:ins>"
        "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
        f"<w:moveFrom>{run('移走')}</w:moveFrom><w:moveTo>{run('移来')}</w:moveTo></w:p>"
    )
    assert texts(body) == ["保留插入移来"]


def test_fields_keep_result_and_drop_instruction() -> None:
    def fld(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    instr = '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    nested = fld("begin") + instr + fld("separate") + run("9") + fld("end")
    body = (
        f"<w:p>{run('第')}{fld('begin')}{instr}{fld('separate')}{run('3')}{fld('end')}{run('页')}</w:p>"
        f"<w:p>{fld('begin')}<w:r><w:instrText>IF </w:instrText></w:r>{nested}"
        f"<w:r><w:instrText> = 1 </w:instrText></w:r>{fld('separate')}"
        f"{run('结果')}{fld('end')}</w:p>"
        f'<w:p><w:fldSimple w:instr=" DATE ">{run("2023年12月22日")}</w:fldSimple></w:p>'
    )
    assert texts(body) == ["第3页", "结果", "2023年12月22日"]


def test_unclosed_field_instruction_does_not_swallow_the_rest() -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText>BROKEN</w:instrText></w:r></w:p>" + p("下一段")
    )
    assert texts(body) == ["下一段"]


def test_hidden_ruby_hyperlink_smart_tag_and_symbols() -> None:
    body = (
        f"<w:p>{run('见')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        f'<w:hyperlink w:anchor="x">{run("链接")}</w:hyperlink>'
        f"<w:smartTag>{run('标记')}</w:smartTag>"
        "<w:r><w:ruby><w:rubyPr/><w:rt>"
        + run("zhěng")
        + "</w:rt><w:rubyBase>"
        + run("整")
        + "</w:rubyBase></w:ruby></w:r>"
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="2460"/>'
        "<w:noBreakHyphen/></w:r></w:p>"
    )
    assert texts(body) == ["见链接标记整①-"]


def test_text_boxes_follow_their_anchor_once() -> None:
    box = f"<w:txbxContent>{p('框内一')}{p('框内二')}</w:txbxContent>"
    drawing = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
        'compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://'
        f'schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>{box}'
        "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box}</v:textbox>'
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    body = f"<w:p>{run('锚')}{drawing}</w:p>" + p("后文")
    found = read_docx(make_package(body)).blocks
    assert [(b.text, b.path) for b in found] == [
        ("锚", "p:0"),
        ("框内一", "p:0/txbx:0/p:0"),
        ("框内二", "p:0/txbx:0/p:1"),
        ("后文", "p:1"),
    ]


def test_math_text_is_kept() -> None:
    math = (
        '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>x+1</m:t></m:r></m:oMath>"
    )
    assert texts(f"<w:p>{run('式')}{math}</w:p>") == ["式x+1"]


def test_empty_and_blank_paragraphs_are_skipped_but_counted_in_paths() -> None:
    found = read_docx(make_package(p("") + p("  ") + p("正文"))).blocks
    assert [(b.text, b.path) for b in found] == [("正文", "p:2")]


def test_outline_level_from_paragraph_style_and_heading_names() -> None:
    styles = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:rPr><w:sz w:val="32"/></w:rPr><w:pPr><w:ind w:firstLineChars="200"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="T2"><w:name w:val="二级"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    )
    body = (
        p("标题", style="1")
        + p("二级", style="T2")
        + '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>直接</w:t></w:r></w:p>'
        + '<w:p><w:pPr><w:outlineLvl w:val="9"/><w:ind w:hanging="420"/></w:pPr>'
        + "<w:r><w:t>正文</w:t></w:r></w:p>"
    )
    found = read_docx(make_package(body, styles=styles)).blocks
    assert [(b.kind.value, b.outline_level, b.style, b.indent) for b in found] == [
        ("heading", 0, "heading 1", 32.0),
        ("heading", 1, "二级", None),
        ("heading", 2, "Normal", 32.0),
        ("paragraph", None, "Normal", -21.0),
    ]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def table(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


def test_grid_span_cell_appears_once() -> None:
    body = table(
        cell("甲") + cell("乙") + cell("丙"), cell("合并", '<w:gridSpan w:val="2"/>') + cell("丁")
    )
    [block] = read_docx(make_package(body)).blocks
    assert block.cells == (("甲", "乙", "丙"), ("合并", "丁"))


def test_vertical_merge_continuation_takes_the_text_above() -> None:
    restart = '<w:vMerge w:val="restart"/>'
    body = table(
        cell("1") + cell("单位A", restart) + cell("x"),
        cell("2") + cell("", "<w:vMerge/>") + cell("y"),
        cell("3") + cell("", '<w:vMerge w:val="continue"/>') + cell("z"),
        cell("4") + cell("单位B") + cell("w"),
    )
    [block] = read_docx(make_package(body)).blocks
    assert [row[1] for row in block.cells or ()] == ["单位A", "单位A", "单位A", "单位B"]


def test_vertical_merge_under_a_spanned_cell_uses_grid_columns() -> None:
    body = table(
        cell("宽", '<w:gridSpan w:val="2"/>') + cell("右", '<w:vMerge w:val="restart"/>'),
        cell("a") + cell("b") + cell("", "<w:vMerge/>"),
    )
    [block] = read_docx(make_package(body)).blocks
    assert block.cells == (("宽", "右"), ("a", "b", "右"))


def test_legacy_hmerge_and_deleted_rows() -> None:
    body = table(
        cell("合", '<w:hMerge w:val="restart"/>') + cell("", "<w:hMerge/>") + cell("丙"),
        "<w:trPr><w:del/></w:trPr>" + cell("删") + cell("除") + cell("行"),
        cell("a") + cell("b") + cell("c"),
    )
    [block] = read_docx(make_package(body)).blocks
    assert block.cells == (("合", "丙"), ("a", "b", "c"))


def test_cell_with_several_paragraphs_and_a_nested_table() -> None:
    nested = table(cell("内1") + cell("内2"))
    body = table(f"<w:tc>{p('第一行')}{p('')}{p('第二行')}{nested}</w:tc>" + cell("右"))
    [block] = read_docx(make_package(body)).blocks
    assert block.cells == (("第一行\n第二行\n内1\n内2", "右"),)


def test_single_column_table_is_read_as_paragraphs() -> None:
    body = p("前") + table(cell("框中第一段"), cell("框中第二段"))
    found = read_docx(make_package(body)).blocks
    assert [(b.kind.value, b.text, b.path) for b in found] == [
        ("paragraph", "前", "p:0"),
        ("paragraph", "框中第一段", "t:0/r:0/c:0/p:0"),
        ("paragraph", "框中第二段", "t:0/r:1/c:0/p:0"),
    ]


def test_rows_and_cells_inside_content_controls() -> None:
    body = (
        "<w:tbl><w:sdt><w:sdtContent><w:tr>"
        + cell("a")
        + "<w:sdt><w:sdtContent>"
        + cell("b")
        + "</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    [block] = read_docx(make_package(body)).blocks
    assert block.cells == (("a", "b"),)


# --------------------------------------------------------------------------------------------
# Parts that are not body text
# --------------------------------------------------------------------------------------------


def test_footnotes_comments_and_headers_are_ignored() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        f"<w:p>{run('正文')}<w:r><w:footnoteReference w:id='1'/></w:r>"
        "<w:commentRangeStart w:id='0'/><w:r><w:commentReference w:id='0'/></w:r></w:p>"
    )
    extra = {
        "word/footnotes.xml": (
            f"<w:footnotes {w}><w:footnote w:id='1'>{p('脚注')}</w:footnote></w:footnotes>"
        ),
        "word/comments.xml": (
            f"<w:comments {w}><w:comment w:id='0'>{p('批注')}</w:comment></w:comments>"
        ),
        "word/header1.xml": f"<w:hdr {w}>{p('页眉')}</w:hdr>",
        "word/footer1.xml": f"<w:ftr {w}>{p('— 1 —')}</w:ftr>",
    }
    assert texts(body, extra=extra) == ["正文"]  # type: ignore[arg-type]


def test_strict_ooxml_namespace() -> None:
    data = make_package(p("严格"))
    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(strict, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            blob = blob.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
            target.writestr(info.filename, blob)
    assert [b.text for b in read_docx(strict.getvalue()).blocks] == ["严格"]


def test_main_part_found_through_package_relationships() -> None:
    data = make_package(p("别处"))
    moved = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(moved, "w") as target:
        for info in source.infolist():
            name = info.filename.replace("word/", "doc/")
            blob = source.read(info).replace(b"word/document.xml", b"doc/document.xml")
            target.writestr(name, blob)
    assert [b.text for b in read_docx(moved.getvalue()).blocks] == ["别处"]


# --------------------------------------------------------------------------------------------
# Errors and hostile input
# --------------------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in members.items():
            package.writestr(name, blob)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", CorruptFileError),
        (b"plain text, not a zip", CorruptFileError),
        (b"PK\x03\x04" + b"\x00" * 40, CorruptFileError),
        (zip_of({"xl/workbook.xml": b"<workbook/>"}), UnsupportedFormatError),
        (zip_of({"word/document.xml": b"<not-closed>"}), CorruptFileError),
        (zip_of({"word/document.xml": b"<w:other xmlns:w='x'/>"}), UnsupportedFormatError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, UnsupportedFormatError),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
            EncryptedUnsupportedError,
        ),
    ],
)
def test_bad_input_raises_typed_errors(data: bytes, error: type[RectpipeError]) -> None:
    with pytest.raises(error):
        read_docx(data)


def test_truncated_files_never_raise_raw_exceptions() -> None:
    data = AUTONUM.read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        with contextlib.suppress(RectpipeError):
            read_docx(data[:cut])


def test_damaged_member_is_corrupt() -> None:
    data = bytearray(make_package(p("内容" * 200)))
    start = data.index(b"word/document.xml") + len("word/document.xml") + 40
    for offset in range(start, start + 20):
        data[offset] ^= 0xFF
    with pytest.raises(CorruptFileError):
        read_docx(bytes(data))


def test_zip_bomb_refused_from_the_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_package(p("小") + "<w:p/>" * 2000)
    with pytest.raises(TooLargeError):
        read_docx(data, max_bytes=1000)
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(TooLargeError):
        read_docx(data)


def test_default_limit_is_200_mb() -> None:
    assert docx_reader.MAX_UNCOMPRESSED_BYTES == 200 * 1024 * 1024


def test_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f"<w:document {w}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = make_package("", extra={"word/document.xml": document})
    try:
        result = read_docx(data)
    except CorruptFileError:
        return
    assert not any("TOP-SECRET" in block.text for block in result.blocks)


def test_billion_laughs_is_refused() -> None:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f"<!DOCTYPE w:document [{entities}]><w:document {w}><w:body>"
        "<w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(CorruptFileError):
        read_docx(make_package("", extra={"word/document.xml": document}))


def test_unknown_numbering_is_noted() -> None:
    data = make_package(p("x", 4, 0), numbering=abstract(0, lvl(0, "decimal", "%1.")) + num(1, 0))
    result = read_docx(data)
    assert [code for code, _ in result.notes] == ["docx_unknown_numid"]
    assert result.blocks[0].list_label is None
