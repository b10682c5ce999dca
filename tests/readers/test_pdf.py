"""PDF reader tests.

Acceptance tests read the committed PDFs in ``samples/`` (made from the fixture ``.docx`` files by
``scripts/fixtures/make_pdf.py``; LibreOffice is not needed here). Unit tests build tiny PDFs at
run time with the minimal writer below: one simple font whose glyphs are all 1 em wide and whose
ToUnicode map gives them any Unicode text, optional RC4 encryption, an optional image.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pytest

from rectpipe.errors import (
    CorruptFileError,
    LowTextYieldError,
    NoTextLayerError,
    PasswordRequiredError,
    RectpipeError,
)
from rectpipe.readers.blocks import BlockKind, Document
from rectpipe.readers.pdf import (
    RADICALS,
    Char,
    Line,
    Paragraph,
    PdfiumCharSource,
    PdfplumberCharSource,
    build_lines,
    fold_radicals,
    join_fragments,
    line_text,
    page_number_shape,
    read_pdf,
    repair_chars,
)

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_PDF = SAMPLES / "seed-yongzhou.pdf"
SEED_TXT = SAMPLES / "seed-yongzhou.txt"
LEDGER_PDF = SAMPLES / "ledger-taizhang.pdf"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ENGINES = ["pdfplumber", "pdfium"]

# --------------------------------------------------------------------------------------------
# a minimal PDF writer

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


@dataclass
class Text:
    x: float  # left
    top: float  # top of the em box, from the top of the page
    size: float
    text: str


@dataclass
class MiniPage:
    texts: list[Text] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0,top,x1,bottom
    image: bool = False


def mini_pdf(
    pages: list[MiniPage],
    *,
    width: float = 595.0,
    height: float = 842.0,
    to_unicode: bool = True,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """A small PDF whose glyphs extract as the given Unicode text, each glyph 1 em wide.

    One simple font (Helvetica as base font, codes 0x21..) with a ToUnicode map; with
    ``to_unicode=False`` a Type0/Identity-H font without a map (glyphs come out as (cid:NN)).
    ``user_password`` / ``owner_password`` encrypt with RC4 40-bit (standard handler, R2).
    """
    chars = sorted({ch for page in pages for t in page.texts for ch in t.text})
    if len(chars) > 200:
        raise ValueError("too many distinct characters for a simple font")
    code = {ch: 0x21 + i for i, ch in enumerate(chars)}

    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        return (f"<< /Length {len(data)} {extra}>>\nstream\n").encode() + data + b"\nendstream"

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    if to_unicode:
        cmap = [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Mini def",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "1 begincodespacerange <00> <FF> endcodespacerange",
        ]
        entries = [f"<{code[ch]:02X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch in chars]
        for start in range(0, len(entries), 100):
            chunk = entries[start : start + 100]
            cmap.append(f"{len(chunk)} beginbfchar")
            cmap.extend(chunk)
            cmap.append("endbfchar")
        cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
        tounicode = add(stream("\n".join(cmap).encode()))
        last = 0x21 + max(len(chars) - 1, 0)
        widths = " ".join("1000" for _ in range(last - 0x21 + 1))
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /RectpipeMini /Flags 4 "
            b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
            b"/CapHeight 700 /StemV 80 >>"
        )
        font = add(
            (
                f"<< /Type /Font /Subtype /Type1 /BaseFont /RectpipeMini /FirstChar 33 "
                f"/LastChar {last} /Widths [{widths}] /FontDescriptor {descriptor} 0 R "
                f"/ToUnicode {tounicode} 0 R >>"
            ).encode()
        )
    else:
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /Mini /Flags 4 /FontBBox [0 -120 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
        )
        cid = add(
            (
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mini "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                f"/FontDescriptor {descriptor} 0 R /DW 1000 >>"
            ).encode()
        )
        font = add(
            (
                "<< /Type /Font /Subtype /Type0 /BaseFont /Mini /Encoding /Identity-H "
                f"/DescendantFonts [{cid} 0 R] >>"
            ).encode()
        )
    image = add(stream(b"\x80", "/Type /XObject /Subtype /Image /Width 1 /Height 1 "
                       "/ColorSpace /DeviceGray /BitsPerComponent 8 "))  # fmt: skip

    page_ids = []
    for page in pages:
        ops = []
        for t in page.texts:
            baseline = height - t.top - 0.88 * t.size
            if to_unicode:
                shown = "".join(f"{code[ch]:02X}" for ch in t.text)
            else:
                shown = "".join(f"{code[ch]:04X}" for ch in t.text)
            ops.append(f"BT /F1 {t.size:g} Tf 1 0 0 1 {t.x:.2f} {baseline:.2f} Tm <{shown}> Tj ET")
        for x0, top, x1, bottom in page.rules:
            ops.append(f"0.5 w {x0:.2f} {height - top:.2f} m {x1:.2f} {height - bottom:.2f} l S")
        if page.image:
            ops.append(f"q {width - 100:.0f} 0 0 {height - 100:.0f} 50 50 cm /Im1 Do Q")
        content = add(stream(zlib.compress("\n".join(ops).encode()), "/Filter /FlateDecode "))
        page_ids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {width:g} {height:g}] "
                    f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                    f"/Contents {content} 0 R >>"
                ).encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()

    file_id = hashlib.md5(b"rectpipe-mini").digest()
    trailer_extra = f"/ID [<{file_id.hex()}> <{file_id.hex()}>] "
    if user_password is not None or owner_password is not None:
        user = (user_password or "").encode("latin-1")
        owner = (owner_password or user_password or "").encode("latin-1")
        permissions = -44  # print only: no modifying, no copying
        owner_key = hashlib.md5((owner + _PAD)[:32]).digest()[:5]
        o_value = _rc4(owner_key, (user + _PAD)[:32])
        file_key = hashlib.md5(
            (user + _PAD)[:32] + o_value + permissions.to_bytes(4, "little", signed=True) + file_id
        ).digest()[:5]
        u_value = _rc4(file_key, _PAD)
        for number, body in enumerate(objects, start=1):
            if b"\nstream\n" not in body:
                continue
            head, _, rest = body.partition(b"\nstream\n")
            data = rest[: -len(b"\nendstream")]
            key = hashlib.md5(
                file_key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")
            ).digest()[:10]
            objects[number - 1] = head + b"\nstream\n" + _rc4(key, data) + b"\nendstream"
        encrypt = add(
            (
                f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}> "
                f"/P {permissions} >>"
            ).encode()
        )
        trailer_extra += f"/Encrypt {encrypt} 0 R "

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R {trailer_extra}>>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --------------------------------------------------------------------------------------------
# helpers

EM = 16.0
LEFT = 90.0
COLUMNS = 26  # glyphs per full line
RIGHT = LEFT + COLUMNS * EM
PITCH = 28.0


def body(paragraphs: list[str], *, top: float = 100.0, indent: int = 2) -> tuple[list[Text], float]:
    """Texts laying out ``paragraphs`` like a justified CJK body: first line indented by
    ``indent`` em, COLUMNS glyphs a line. Returns the texts and the top of the next line."""
    texts: list[Text] = []
    for para in paragraphs:
        first = True
        rest = para
        while rest:
            room = COLUMNS - (indent if first else 0)
            chunk, rest = rest[:room], rest[room:]
            x = LEFT + (indent * EM if first else 0.0)
            texts.append(Text(x, top, EM, chunk))
            top += PITCH
            first = False
    return texts, top


def footer(page: int, shape: str = "— {} —") -> Text:
    text = shape.format(page)
    return Text((595 - len(text) * 8) / 2, 780.0, 8.0 if False else 10.0, text)


def texts_of(document: Document) -> list[str]:
    return [b.text for b in document.blocks]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --------------------------------------------------------------------------------------------
# the seed report (samples/seed-yongzhou.pdf)


@pytest.fixture(scope="module", params=ENGINES)
def seed(request: pytest.FixtureRequest) -> Document:
    return read_pdf(SEED_PDF.read_bytes(), engine=request.param)


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    lines = [squeeze(line) for line in SEED_TXT.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def test_seed_paragraphs_are_the_seed_lines(seed: Document, seed_lines: list[str]) -> None:
    assert [squeeze(t) for t in texts_of(seed)] == seed_lines


SAMPLE_TEXTS = sorted(p for p in SAMPLES.glob("*.pdf") if p.with_suffix(".txt").exists())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("pdf", SAMPLE_TEXTS, ids=[p.stem for p in SAMPLE_TEXTS])
def test_sample_paragraphs_are_the_text_lines(pdf: Path, engine: str) -> None:
    """Every fixture PDF reads back as its text twin, line for paragraph (radicals folded)."""
    lines = pdf.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    expected = [fold_radicals(squeeze(line)) for line in lines if line.strip()]
    document = read_pdf(pdf.read_bytes(), engine=engine)
    assert [squeeze(t) for t in texts_of(document)] == expected
    numbers = [r.page for r in document.removed if r.reason == "page_number"]
    assert numbers == list(range(1, (document.page_count or 0) + 1))


def test_seed_blocks_have_no_stray_spaces(seed: Document) -> None:
    for block in seed.blocks:
        assert not re.search(r"\s", block.text), block.text


def test_seed_page_furniture_is_removed(seed: Document, seed_lines: list[str]) -> None:
    assert seed.page_count is not None and seed.page_count > 10
    numbers = [r for r in seed.removed if r.reason == "page_number"]
    assert [r.page for r in numbers] == list(range(1, seed.page_count + 1))
    assert all(page_number_shape(r.text) for r in numbers)
    headers = {r.text for r in seed.removed if r.reason == "running_header"}
    assert len(headers) == 1
    header = headers.pop()
    for block in seed.blocks:
        assert not page_number_shape(block.text)
        assert not re.fullmatch(r"[—\-\s\d]+", block.text)
    # the header repeats the issuer: only the issuer line and the signature remain
    assert texts_of(seed).count(header) == seed_lines.count(header) == 2


def test_seed_wrapped_paragraph_keeps_its_inner_marker(seed: Document) -> None:
    (block,) = [b for b in seed.blocks if "(一期)" in b.text]
    assert block.text.startswith("13.完工即闲置。")
    assert block.text.endswith("该项目完工即闲置。")
    assert not any(
        b.text.startswith("(一期)") or b.text.startswith("工程项目") for b in seed.blocks
    )


def test_seed_problems_start_their_own_blocks_on_the_right_page(seed: Document) -> None:
    with pdfplumber.open(SEED_PDF) as pdf:
        pages = [squeeze(p.extract_text() or "") for p in pdf.pages]
    for number in range(1, 27):
        blocks = [b for b in seed.blocks if re.match(rf"{number}\.(?!\d)", b.text)]
        assert len(blocks) == 1, number
        block = blocks[0]
        assert block.path.startswith(f"page:{block.page}/p:")
        head = squeeze(block.text)[:12]
        first_page = next(n for n, text in enumerate(pages, start=1) if head in text)
        assert block.page == first_page, (number, block.page, first_page)
        assert block.bbox is not None and block.indent is not None
        assert block.indent > EM  # a first-line indent of about two characters


def test_seed_engines_agree() -> None:
    data = SEED_PDF.read_bytes()
    a, b = read_pdf(data, engine="pdfplumber"), read_pdf(data, engine="pdfium")
    assert texts_of(a) == texts_of(b)
    assert [x.path for x in a.blocks] == [x.path for x in b.blocks]
    assert a.removed == b.removed
    for x, y in zip(a.blocks, b.blocks, strict=True):
        assert x.bbox is not None and y.bbox is not None
        assert all(abs(p - q) <= 6.0 for p, q in zip(x.bbox, y.bbox, strict=True)), (x.bbox, y.bbox)


# --------------------------------------------------------------------------------------------
# the ledger (samples/ledger-taizhang.pdf)


@pytest.mark.parametrize("engine", ENGINES)
def test_ledger_is_one_table_across_pages(engine: str) -> None:
    document = read_pdf(LEDGER_PDF.read_bytes(), engine=engine)
    assert document.page_count == 2
    tables = [b for b in document.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    (table,) = tables
    assert table.cells is not None
    header, *rows = table.cells
    assert header == ("序号", "问题描述", "整改措施", "责任单位", "整改时限", "整改进展")
    assert header not in rows  # the repeated header on page 2 is dropped
    numbered = [row for row in rows if row[0].isdigit()]
    assert [row[0] for row in numbered] == [str(n) for n in range(1, 9)]
    assert all(len(row) == 6 for row in rows)
    assert numbered[1][2] == "全面梳理2021年以来的设计变更事项，完善变更分级审批流程。"
    assert rows[-1][0].startswith("备注：")
    assert table.text.split("\n")[0] == "\t".join(header)
    # cell text is not repeated as paragraphs, page numbers are gone
    paragraphs = [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert not any("公务用车" in t or "序号" in t for t in paragraphs)
    assert [r.page for r in document.removed if r.reason == "page_number"] == [1, 2]


# --------------------------------------------------------------------------------------------
# paragraphs, built geometry


@pytest.mark.parametrize("engine", ENGINES)
def test_wrapped_lines_starting_with_markers_continue_the_paragraph(engine: str) -> None:
    lines = [
        (2, "在未引进相关企业情况下盲目建设中国南方植物萃取技"),  # 24 glyphs after the indent
        (0, "(一期)工程项目，累计投入资金较大，其中设备购置费用"),
        (0, "3.5万元用于设备购置，另有约一千二百万元用于基础配"),
        (0, "（二）项所列的配套工程，合计投入已达1.2亿元之多，"),
        (0, "1.2亿元中大部分未发挥效益。"),
    ]
    texts = [Text(LEFT + k * EM, 100.0 + n * PITCH, EM, t) for n, (k, t) in enumerate(lines)]
    assert all(t.x + len(t.text) * EM == RIGHT for t in texts[:-1])  # full, as if justified
    more, _ = body(["整改结果：完成。", "下一段。"], top=100.0 + len(lines) * PITCH)
    document = read_pdf(mini_pdf([MiniPage(texts + more)]), engine=engine)
    assert texts_of(document) == [
        "".join(t for _, t in lines),
        "整改结果：完成。",
        "下一段。",
    ]
    assert [b.indent for b in document.blocks] == [2 * EM] * 3
    assert [b.path for b in document.blocks] == ["page:1/p:0", "page:1/p:1", "page:1/p:2"]


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_breaks_after_a_short_line_without_indent(engine: str) -> None:
    paragraphs = ["一" * 30 + "。", "二" * 40 + "。", "三" * 10]
    texts, _ = body(paragraphs, indent=0)
    document = read_pdf(mini_pdf([MiniPage(texts)]), engine=engine)
    assert texts_of(document) == paragraphs


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_breaks_at_a_larger_gap(engine: str) -> None:
    texts, top = body(["甲" * 52], indent=0)  # two full lines
    more, _ = body(["乙" * 30], indent=0, top=top + PITCH)
    document = read_pdf(mini_pdf([MiniPage(texts + more)]), engine=engine)
    assert texts_of(document) == ["甲" * 52, "乙" * 30]


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraph_continues_across_a_page_break(engine: str) -> None:
    long = "甲" * 24 + "乙" * 26 * 3  # four full lines
    page1, _ = body(["开头一段。", long[: 24 + 26]])
    page2 = [Text(LEFT, 100.0, EM, long[24 + 26 : 24 + 52]), Text(LEFT, 128.0, EM, long[24 + 52 :])]
    page2 += body(["新的一段。"], top=156.0)[0]
    pages = [
        MiniPage([*page1, footer(1)]),
        MiniPage([*page2, footer(2)]),
    ]
    document = read_pdf(mini_pdf(pages), engine=engine)
    assert texts_of(document) == ["开头一段。", long, "新的一段。"]
    assert [(b.path, b.page) for b in document.blocks] == [
        ("page:1/p:0", 1),
        ("page:1/p:1", 1),
        ("page:2/p:0", 2),
    ]
    assert [(r.text, r.page) for r in document.removed] == [("—1—", 1), ("—2—", 2)]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_indented_first_line_on_the_next_page_starts_a_paragraph(engine: str) -> None:
    page1, _ = body(["甲" * 50])  # 24 + 26: the last line is full
    page2, _ = body(["乙" * 10 + "。"])
    document = read_pdf(mini_pdf([MiniPage(page1), MiniPage(page2)]), engine=engine)
    assert texts_of(document) == ["甲" * 50, "乙" * 10 + "。"]


@pytest.mark.parametrize("engine", ENGINES)
def test_latin_words_keep_their_spaces_and_han_digits_none(engine: str) -> None:
    # "已于 8 月" as pdfplumber's extract_text would print it: the glyphs have gaps
    texts = [
        Text(LEFT + 2 * EM, 100.0, EM, "已于"),
        Text(LEFT + 4 * EM + 3.0, 100.0, EM, "8"),
        Text(LEFT + 5 * EM + 6.0, 100.0, EM, "月报送。"),
        Text(LEFT + 2 * EM, 128.0, EM, "see"),
        Text(LEFT + 5 * EM + 6.0, 128.0, EM, "the"),
        Text(LEFT + 8 * EM + 12.0, 128.0, EM, "report"),
        Text(LEFT + 14 * EM + 18.0, 128.0, EM, "of" + "x" * 9),
        Text(LEFT, 156.0, EM, "May。"),
    ]
    document = read_pdf(mini_pdf([MiniPage(texts)]), engine=engine)
    assert texts_of(document) == ["已于8月报送。", "see the report of" + "x" * 9 + " May。"]


def test_join_fragments() -> None:
    assert join_fragments(["整改情况：一是", "强化招商"]) == "整改情况：一是强化招商"
    assert join_fragments(["the", "report"]) == "the report"
    assert join_fragments(["2023年", "10月"]) == "2023年10月"
    assert join_fragments(["共计3.5", "万元"]) == "共计3.5万元"
    assert join_fragments(["联系电话：0766-", "2813069。"]) == "联系电话：0766-2813069。"
    assert join_fragments(["见http://www.", "example.gov.cn/a/", "b.html"]) == (
        "见http://www.example.gov.cn/a/b.html"
    )


def test_a_paragraphs_geometry_holds_its_text() -> None:
    """The reader takes a paragraph's text from its geometry: the lines joined as
    :func:`join_fragments` joins them."""
    rng = random.Random(7)
    pieces = [
        "整改",
        "the",
        " a ",
        "0766-",
        "2813069。",
        "http://",
        "www.",
        "",
        "  ",
        "。",
        "x\u3000",
    ]
    for _ in range(500):
        texts = [rng.choice(pieces) + rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        lines = [
            Line(1, text, 0.0, 10.0, 12.0 * k, 12.0 * k + 10, 10.0) for k, text in enumerate(texts)
        ]
        para = Paragraph(lines)
        assert para.geometry().text == para.text == join_fragments(texts)


# --------------------------------------------------------------------------------------------
# page furniture


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("— 3 —", True),
        ("- 3 -", True),
        ("—12—", True),
        ("第3页 共10页", True),
        ("第 3 页", True),
        ("共10页 第3页", True),
        ("3 / 10", True),
        ("Page 3 of 10", True),
        ("17", True),
        ("3.5万元", False),
        ("（一）", False),
        ("第三章", False),
        ("2023年", False),
    ],
)
def test_page_number_shapes(text: str, shape: bool) -> None:
    assert page_number_shape(text) is shape


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("shape", ["第{}页 共3页", "- {} -", "{}"])
def test_running_header_and_page_numbers_are_removed(engine: str, shape: str) -> None:
    pages = []
    for n in range(1, 4):
        texts, _ = body([f"第{n}页正文。" + "文" * 30 + "。"], top=120.0)
        header = Text(200.0, 40.0, 10.0, "某某单位巡察整改情况")
        number = Text(280.0, 790.0, 10.0, shape.format(n))
        pages.append(MiniPage([header, *texts, number]))
    document = read_pdf(mini_pdf(pages), engine=engine)
    assert len(document.blocks) == 3
    assert [r.reason for r in document.removed] == ["running_header", "page_number"] * 3
    assert [r.page for r in document.removed] == [1, 1, 2, 2, 3, 3]
    assert all("某某单位" not in t and "页" not in t[-3:] for t in texts_of(document))


@pytest.mark.parametrize("engine", ENGINES)
def test_body_digits_at_the_page_bottom_are_kept(engine: str) -> None:
    # a bare number ending the body text is no page number unless it recurs on the pages
    texts, top = body(["数据如下。"], top=720.0)
    pages = [MiniPage([*texts, Text(LEFT, top, EM, "2023")]), MiniPage(body(["后文。"])[0])]
    document = read_pdf(mini_pdf(pages), engine=engine)
    assert texts_of(document) == ["数据如下。", "2023", "后文。"]
    assert document.removed == []


# --------------------------------------------------------------------------------------------
# glyph repairs


@pytest.mark.parametrize("engine", ENGINES)
def test_kangxi_radicals_become_ideographs(engine: str) -> None:
    texts, _ = body(["第⼀条⼯作⼈员⼤⼒推进⻓效机制。"])
    document = read_pdf(mini_pdf([MiniPage(texts)]), engine=engine)
    assert texts_of(document) == ["第一条工作人员大力推进长效机制。"]


def test_radical_table() -> None:
    assert RADICALS["⼀"] == "一" and RADICALS["⼈"] == "人" and RADICALS["⻓"] == "长"
    assert all(unicodedata.name(v).startswith("CJK UNIFIED IDEOGRAPH") for v in RADICALS.values())
    assert len([k for k in RADICALS if 0x2F00 <= ord(k) <= 0x2FD5]) == 214


@pytest.mark.parametrize("engine", ENGINES)
def test_duplicated_glyphs_from_simulated_bold_are_dropped(engine: str) -> None:
    texts, _ = body(["一、组织整改落实情况"])
    bold = [Text(t.x + 0.4, t.top + 0.3, t.size, t.text) for t in texts]
    twice = [Text(t.x + 0.7, t.top, t.size, t.text) for t in texts]
    document = read_pdf(mini_pdf([MiniPage(texts + bold + twice)]), engine=engine)
    assert texts_of(document) == ["一、组织整改落实情况"]


def test_build_lines_drops_duplicates_but_keeps_repeated_characters() -> None:
    chars = [
        Char("好", 0.0, 16.0, 0.0, 16.0, 16.0),
        Char("好", 0.5, 16.5, 0.3, 16.3, 16.0),
        Char("好", 16.0, 32.0, 0.0, 16.0, 16.0),
    ]
    (line,) = build_lines(chars, 1)
    assert line.text == "好好"


def test_repair_chars_turns_cid_into_replacement() -> None:
    chars = [
        Char("(cid:12)", 0, 8, 0, 16, 16),
        Char(" ", 8, 12, 0, 16, 16),
        Char("⼀", 12, 28, 0, 16, 16),
    ]
    repaired, unmapped = repair_chars(chars)
    assert [c.text for c in repaired] == ["\ufffd", "一"]
    assert unmapped == 1


def test_line_text_spaces() -> None:
    def run(spec: list[tuple[str, float]]) -> list[Char]:
        return [Char(t, x, x + 8.0 * len(t), 0.0, 16.0, 16.0) for t, x in spec]

    assert line_text(run([("已", 0), ("于", 16), ("8", 35), ("月", 46)])) == "已于8月"
    assert line_text(run([("a", 0), ("b", 8), ("c", 24)])) == "ab c"
    # a column-like gap between Han characters is kept as one space, letter spacing is not
    assert line_text(run([("责", 0), ("任", 16), ("时", 120), ("限", 136)])) == "责任 时限"
    spaced = run([("中", 0), ("共", 40), ("永", 80), ("州", 120)])
    assert line_text(spaced) == "中共永州"


@pytest.mark.parametrize("space_em", [0.22, 0.25])
def test_a_cjk_fonts_narrow_space_between_a_date_and_its_time_is_kept(space_em: float) -> None:
    # LibreOffice's PDF of a date and a time set in a CJK font (Noto Sans CJK's space is
    # 0.224 em, others' a quarter): the space glyph is not in the text, its gap is.
    size, x, chars = 22.0, 0.0, []
    for ch in "2025-06-10 16:02":
        if ch == " ":
            x += space_em * size
            continue
        width = size * (0.33 if ch in "-:" else 0.5)
        chars.append(Char(ch, x, x + width, 0.0, size, size))
        x += width
    assert line_text(chars) == "2025-06-10 16:02"


# --------------------------------------------------------------------------------------------
# files that are not plain readable PDFs


@pytest.mark.parametrize("engine", ENGINES)
def test_owner_password_pdf_reads_normally(engine: str) -> None:
    texts, _ = body(["整改结果：完成。"])
    data = mini_pdf([MiniPage(texts)], owner_password="owner")
    assert b"/Encrypt" in data
    assert texts_of(read_pdf(data, engine=engine)) == ["整改结果：完成。"]


@pytest.mark.parametrize("engine", ENGINES)
def test_user_password_pdf_needs_a_password(engine: str) -> None:
    texts, _ = body(["整改结果：完成。"])
    data = mini_pdf([MiniPage(texts)], user_password="user", owner_password="owner")
    with pytest.raises(PasswordRequiredError):
        read_pdf(data, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK\x03\x04 this is a zip",
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ngarbage\n%%EOF\n",
        "truncated",
    ],
    ids=["empty", "not-pdf", "garbage", "truncated"],
)
def test_corrupt_files(engine: str, data: bytes | str) -> None:
    if data == "truncated":
        whole = SEED_PDF.read_bytes()
        data = whole[: len(whole) // 2]
    assert isinstance(data, bytes)
    with pytest.raises(CorruptFileError):
        read_pdf(data, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_scanned_pages_have_no_text_layer(engine: str) -> None:
    with pytest.raises(NoTextLayerError):
        read_pdf(mini_pdf([MiniPage(image=True), MiniPage(image=True)]), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_unmapped_glyphs_are_low_text_yield(engine: str) -> None:
    texts, _ = body(["整改结果：完成。整改情况：一是强化招商质效。"])
    with pytest.raises(LowTextYieldError):
        read_pdf(mini_pdf([MiniPage(texts)], to_unicode=False), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_scanned_page_among_text_pages_is_noted(engine: str) -> None:
    texts, _ = body(["整改结果：完成。"])
    document = read_pdf(mini_pdf([MiniPage(texts), MiniPage(image=True)]), engine=engine)
    assert texts_of(document) == ["整改结果：完成。"]
    assert [code for code, _ in document.notes] == ["no_text_layer"]


def test_no_raw_exception_escapes_on_mangled_bytes() -> None:
    good = SEED_PDF.read_bytes()
    for cut in (1000, 50_000, 200_000):
        mangled = good[:cut] + bytes(reversed(good[cut : cut + 4000])) + good[cut + 4000 :]
        for engine in ENGINES:
            with contextlib.suppress(RectpipeError):
                read_pdf(mangled, engine=engine)


# --------------------------------------------------------------------------------------------
# tables, built geometry


def _table_page(rows: list[list[str]], top: float, xs: list[float]) -> MiniPage:
    height = 40.0
    rules = [(xs[0], top + k * height, xs[-1], top + k * height) for k in range(len(rows) + 1)]
    rules += [(x, top, x, top + len(rows) * height) for x in xs]
    texts = [
        Text(xs[c] + 4, top + r * height + 12, 12.0, cell)
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
        if cell
    ]
    return MiniPage(texts, rules)


@pytest.mark.parametrize("engine", ENGINES)
def test_table_continued_on_the_next_page_is_one_block(engine: str) -> None:
    xs = [60.0, 110.0, 330.0, 540.0]
    header = ["序号", "问题", "整改进展"]
    page1 = _table_page([header, ["1", "问题一", "已完成"], ["2", "问题二", "正在整改"]], 400.0, xs)
    intro, _ = body(["整改台账如下。"])
    page1.texts[:0] = intro
    page2 = _table_page([header, ["3", "问题三", "已完成"]], 80.0, xs)
    page2.texts += body(["以上。"], top=300.0)[0]
    document = read_pdf(mini_pdf([page1, page2]), engine=engine)
    kinds = [b.kind for b in document.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = document.blocks[1]
    assert table.cells == (
        ("序号", "问题", "整改进展"),
        ("1", "问题一", "已完成"),
        ("2", "问题二", "正在整改"),
        ("3", "问题三", "已完成"),
    )
    assert (table.page, table.path) == (1, "page:1/t:0")
    assert texts_of(document)[::2] == ["整改台账如下。", "以上。"]


# --------------------------------------------------------------------------------------------
# character sources


def test_pdfplumber_pages_are_closed_after_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import pdfplumber.page

    closed: list[int] = []
    original = pdfplumber.page.Page.close

    def spy(self: pdfplumber.page.Page) -> None:
        closed.append(self.page_number)
        original(self)

    monkeypatch.setattr(pdfplumber.page.Page, "close", spy)
    source = PdfplumberCharSource(LEDGER_PDF.read_bytes())
    try:
        for page in source.pages():
            assert closed == list(range(1, page.number + 1))
    finally:
        source.close()


def test_sources_agree_on_glyphs() -> None:
    data = LEDGER_PDF.read_bytes()
    plumber, pdfium = PdfplumberCharSource(data), PdfiumCharSource(data)
    try:
        for a, b in zip(plumber.pages(), pdfium.pages(), strict=True):
            assert (a.number, round(a.width), round(a.height)) == (
                b.number,
                round(b.width),
                round(b.height),
            )
            text_a = "".join(sorted(c.text for c in a.chars if not c.text.isspace()))
            text_b = "".join(sorted(c.text for c in b.chars))
            assert text_a == text_b
            assert abs(len(a.edges) - len(b.edges)) <= len(a.edges)  # both see the rules
            assert b.edges
    finally:
        plumber.close()
        pdfium.close()


def test_reopening_the_document_reads_the_same_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium's document is opened afresh every few pages to bound its object cache: pages
    read across reopenings are the same as pages read from one opening."""
    data = (SAMPLES / "seed-yongzhou.pdf").read_bytes()

    def pages() -> list[tuple[int, float, float, list[object], list[object], int]]:
        with PdfiumCharSource(data) as source:
            return [
                (p.number, p.width, p.height, list(p.chars), list(p.edges), p.image_count)
                for p in source.pages()
            ]

    once = pages()
    openings: list[int] = []
    reopen = PdfiumCharSource._reopen

    def spy(self: PdfiumCharSource) -> None:
        openings.append(1)
        reopen(self)

    monkeypatch.setattr(PdfiumCharSource, "PAGES_PER_OPENING", 3)
    monkeypatch.setattr(PdfiumCharSource, "_reopen", spy)
    reopened = pages()
    assert len(once) == 17
    assert len(openings) == 5  # before pages 4, 7, 10, 13 and 16
    assert reopened == once


def test_glyphs_of_a_fallback_font_with_a_deep_descent_stay_on_their_line() -> None:
    """Four glyphs drawn from another font, whose boxes reach a line's height below the foot,
    are fitted to their ordinary neighbours (the first from the glyph before it, each next one
    from the one fitted before it), so the line is read whole; the next line stays apart."""
    from rectpipe.readers.pdf.glyphs import Char
    from rectpipe.readers.pdf.lines import build_lines

    def glyph(text: str, x: float, top: float, bottom: float) -> Char:
        return Char(text, x, x + 16.0, top, bottom, 16.0, "F", True)

    heading = "关于资金拨付滞后的问题"
    tall = set(range(4, 8))  # 拨付滞后
    first = [
        glyph(ch, 100.0 + 16 * i, 100.0, 130.5 if i in tall else 114.8)
        for i, ch in enumerate(heading)
    ]
    second = [glyph(ch, 100.0 + 16 * i, 122.0, 136.8) for i, ch in enumerate("审计发现问题")]
    lines = build_lines(first + second, page=1)
    assert [line.text for line in lines] == [heading, "审计发现问题"]
    assert lines[0].bottom == pytest.approx(114.8)
    # a tall run that opens a line is fitted from the glyph after it
    opening = [
        glyph(ch, 100.0 + 16 * i, 100.0, 130.5 if i < 2 else 114.8)
        for i, ch in enumerate("拨付资金")
    ]
    assert [line.text for line in build_lines(opening + second, page=1)] == [
        "拨付资金",
        "审计发现问题",
    ]


def test_paragraphs_set_apart_by_spacing_alone() -> None:
    """Word's default style: no first-line indent, space after each paragraph. A finding that
    fills its line exactly and ends its sentence is a paragraph of its own when the line below
    it lies a paragraph's spacing away; a sentence that ends at a line's end inside the intro
    runs on (scripts/fixtures/make_spaced_pdf.py)."""
    import rectpipe

    report = rectpipe.parse_file(FIXTURES / "pdf" / "spaced-paragraphs.pdf")
    texts = [report.text[b.start : b.end] for b in report.blocks]
    assert "1.部分学院课程思政建设推进不平衡，示范课程覆盖面偏窄。" in texts
    assert any(t.startswith("根据省委统一部署") and t.endswith("予以公布。") for t in texts)
    problems = report.iter_problems()
    assert [(len(p.measures), p.status.value) for p in problems] == [
        (2, "completed"),
        (2, "in_progress"),
        (2, "completed"),
    ]


def test_a_landscape_annex_leaves_the_portrait_pages_margins_alone() -> None:
    """Portrait pages in the government style, then an annex on a landscape page whose centred
    caption ends far right of any portrait line: the portrait lines still join into their
    paragraphs (scripts/fixtures/make_landscape_pdf.py)."""
    import rectpipe

    report = rectpipe.parse_file(FIXTURES / "pdf" / "landscape-annex.pdf")
    assert report.metadata.inspecting_body == "县委第二巡察组"
    problems = report.iter_problems()
    assert (
        problems[0].title
        == "林长制责任落实不到位，部分村级林长巡林记录缺失，巡林频次达不到规定要求"
    )
    assert [(len(p.measures), p.status.value) for p in problems] == [
        (2, "completed"),
        (2, "completed"),
        (2, "in_progress"),
    ]
    stated = report.summary.stated
    assert stated is not None and stated.raw.startswith("截至目前")
