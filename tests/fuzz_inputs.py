"""Hypothesis strategies for hostile documents: real samples mutated, and documents generated
from the genre's own pieces, for every reader (plain text in odd encodings, web pages, Word
packages part by part, PDF bytes, workbooks).

The fuzz tests (``tests/test_fuzz.py``) feed them to the library and to the command line.
How many examples run comes from :func:`fuzz_settings`: a small fixed set in ``make test``,
many more under ``make fuzz`` (``RECTPIPE_FUZZ=1``).
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
import zipfile
from functools import cache

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from .conftest import ROOT, SAMPLES

LEDGERS = ROOT / "tests" / "fixtures" / "ledgers"

# Settings: deterministic and small by default (make test), many random examples under
# make fuzz. RECTPIPE_FUZZ_EXAMPLES overrides the count either way.
FUZZING = os.environ.get("RECTPIPE_FUZZ", "") not in ("", "0")
_DEFAULT_EXAMPLES = 2000 if FUZZING else 25


def fuzz_settings(examples: int | None = None) -> settings:
    """Settings for one fuzz test: ``examples`` (scaled up under ``make fuzz``), no deadline,
    derandomized outside ``make fuzz`` so that CI runs the same examples every time."""
    count = int(os.environ.get("RECTPIPE_FUZZ_EXAMPLES") or 0) or (
        _DEFAULT_EXAMPLES if examples is None else (examples * 100 if FUZZING else examples)
    )
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=not FUZZING,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@cache
def sample(name: str) -> bytes:
    """A bundled sample (``samples/NAME`` or ``tests/fixtures/ledgers/NAME``)."""
    path = SAMPLES / name
    return (path if path.exists() else LEDGERS / name).read_bytes()


TXT_SAMPLES = ["seed-yongzhou.txt", "family-c-ducha.txt", "shape-x04-hospital-wenti.txt"]
HTML_SAMPLES = ["seed-yongzhou.html", "ledger-taizhang.html", "ledger-progress.html"]
DOCX_SAMPLES = ["family-a-variants.docx", "ledger-progress.docx", "seed-table.docx"]
PDF_SAMPLES = ["family-a-variants.pdf", "ledger-progress.pdf"]
XLSX_SAMPLES = ["ledger-progress.xlsx", "ledger-cells.xlsx", "ledger-book.xlsx"]

# --- text of the genre ----------------------------------------------------------------

_PIECES = [
    "一、",
    "二、",
    "（一）",
    "(二)",
    "1.",
    "2．",
    "10、",
    "①",
    "问题",
    "整改情况：",
    "整改结果：已完成。",
    "阶段性完成",
    "正在整改",
    "反馈问题：",
    "责任单位：县教育局",
    "整改时限：2024年12月底",
    "关于巡察反馈问题整改进展情况的通报",
    "共反馈问题5个",
    "\n",
    "\r\n",
    "\u3000",
    " ",
    "\t",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0c",
    "。",
    "，",
    "；",
    "<",
    "&amp;",
    "整改",
    "措施",
]
genre_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=80).map(
    "".join
)

ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "gb18030",
    "gbk",
    "big5",
    "latin-1",
    "shift_jis",
]


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


# --- byte mutations -------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, data: bytes, *, max_edits: int = 6) -> bytes:
    """``data`` with a few edits: bytes flipped, ranges deleted, duplicated or overwritten
    with chosen bytes, or the whole cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, max_edits))):
        if not out:
            break
        kind = draw(st.sampled_from(["flip", "delete", "insert", "dup", "truncate", "zero"]))
        at = draw(st.integers(0, len(out) - 1))
        span = draw(st.integers(1, min(64, len(out) - at)))
        if kind == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            del out[at : at + span]
        elif kind == "insert":
            out[at:at] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=32),
                    st.sampled_from(
                        [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<", b"]]>", b"%PDF-", b"PK\x03"]
                    ),
                )
            )
        elif kind == "dup":
            out[at:at] = out[at : at + span]
        elif kind == "zero":
            out[at : at + span] = b"\x00" * span
        else:
            out = out[: max(1, at)]
    return bytes(out)


# --- plain text -----------------------------------------------------------------------


@st.composite
def txt_inputs(draw: st.DrawFn) -> bytes:
    """Genre text or a sample, in one of many encodings, maybe mutated after encoding."""
    if draw(st.booleans()):
        text = draw(genre_text)
    else:
        text = sample(draw(st.sampled_from(TXT_SAMPLES))).decode("utf-8")
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] if draw(st.booleans()) else text
    data = encoded(text, draw(st.sampled_from(ENCODINGS)))
    if data and draw(st.booleans()):
        data = draw(mutated(data))
    return data


# --- web pages ------------------------------------------------------------------------

_HTML_PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<br>",
    "<script>",
    "</script>",
    "<style>p{}</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    '<meta charset="gbk">',
    '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "<td colspan=99999>",
    "<td rowspan=-1>",
    "<h1>",
    "</h1>",
    "<li>",
    "<ol start=999999999999>",
]


@st.composite
def html_inputs(draw: st.DrawFn) -> bytes:
    """A sample page mutated, or a page built from tags and genre text."""
    if draw(st.booleans()):
        return draw(mutated(sample(draw(st.sampled_from(HTML_SAMPLES)))))
    body = draw(
        st.lists(st.one_of(st.sampled_from(_HTML_PIECES), genre_text), max_size=60).map("".join)
    )
    depth = draw(st.sampled_from([0, 0, 0, 50, 300]))
    page = f"<html><head><title>通报</title></head><body>{'<div>' * depth}{body}</body></html>"
    return encoded(page, draw(st.sampled_from(["utf-8", "gbk", "utf-16"])))


# --- zip packages (Word, workbooks) ---------------------------------------------------


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def _pack(members: list[tuple[str, bytes]], *, stored: bool) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w", method) as package:
            for name, content in members:
                package.writestr(name, content)
    return buffer.getvalue()


_EXTREMES = ["", "-1", "0", "99999999", "1e308", "NaN", "x", "\u4e00\u3001", "A1:XFD1048576"]


@st.composite
def xml_mutated(draw: st.DrawFn, content: bytes) -> bytes:
    """An XML part still well formed but changed in structure: elements duplicated, deleted,
    moved under another or into themselves, attributes set to extreme values. Not XML:
    returned as it is."""
    from lxml import etree

    try:
        root = etree.fromstring(content)
    except etree.XMLSyntaxError:
        return content
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 4))):
        if len(elements) < 2:
            break
        element = elements[draw(st.integers(1, len(elements) - 1))]
        parent = element.getparent()
        kind = draw(st.sampled_from(["dup", "delete", "move", "nest", "attribute", "text"]))
        if kind == "dup" and parent is not None:
            for _ in range(draw(st.integers(1, 30))):
                parent.insert(parent.index(element), etree.fromstring(etree.tostring(element)))
        elif kind == "delete" and parent is not None:
            parent.remove(element)
        elif kind == "move" and parent is not None:
            other = elements[draw(st.integers(0, len(elements) - 1))]
            if element not in other.iterancestors() and other is not element:
                other.append(element)
        elif kind == "nest":
            inner = etree.fromstring(etree.tostring(element))
            for _ in range(draw(st.integers(1, 40))):
                outer = etree.fromstring(etree.tostring(element))
                outer.append(inner)
                inner = outer
            element.append(inner)
        elif kind == "attribute" and isinstance(element.tag, str) and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            element.set(name, draw(st.sampled_from(_EXTREMES)))
        elif kind == "text":
            text = draw(st.one_of(genre_text, st.sampled_from(_EXTREMES)))
            with contextlib.suppress(ValueError, TypeError):  # not XML characters, a comment
                element.text = text
        elements = list(root.iter())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@st.composite
def zip_inputs(draw: st.DrawFn, samples: list[str]) -> bytes:
    """A sample package with its parts mutated: a part's bytes edited, a part dropped,
    duplicated or renamed, its XML cut short, or the zip itself damaged."""
    members = _members(sample(draw(st.sampled_from(samples))))
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(members) - 1))
        name, content = members[index]
        kind = draw(
            st.sampled_from(
                ["xml", "xml", "xml", "edit", "cut", "drop", "dup", "rename", "empty", "inject"]
            )
        )
        if kind == "xml" and name.endswith((".xml", ".rels")):
            members[index] = (name, draw(xml_mutated(content)))
        elif kind == "edit" and content:
            members[index] = (name, draw(mutated(content)))
        elif kind == "cut":
            members[index] = (name, content[: draw(st.integers(0, len(content)))])
        elif kind == "drop" and len(members) > 1:
            del members[index]
        elif kind == "dup":
            members.append((name, draw(mutated(content)) if content else content))
        elif kind == "rename":
            members[index] = (draw(st.sampled_from(["../x.xml", "/abs.xml", "a\\b.xml"])), content)
        elif kind == "empty":
            members[index] = (name, b"")
        elif kind == "inject":
            extra = draw(
                st.sampled_from(
                    [
                        b'<!DOCTYPE x [<!ENTITY a "aaaa">]>',
                        b"<w:p><w:r><w:t>\xe4\xb8\x80\xe3\x80\x81\xe9\x97\xae</w:t></w:r></w:p>",
                        b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
                        b"\x00\x00",
                    ]
                )
            )
            at = draw(st.integers(0, len(content)))
            members[index] = (name, content[:at] + extra + content[at:])
    data = _pack(members, stored=draw(st.booleans()))
    if draw(st.integers(0, 4)) == 0:
        data = draw(mutated(data, max_edits=2))
    return data


# --- PDF ------------------------------------------------------------------------------

_OPERATORS = [
    b"BT",
    b"ET",
    b"/F1 12 Tf",
    b"/F1 -1e30 Tf",
    b"10 10 Td",
    b"(x) Tj",
    b"[(a) -200 (b)] TJ",
    b"<4e00> Tj",
    b"q",
    b"Q",
    b"1 0 0 1 0 0 cm",
    b"0 0 0 0 0 0 cm",
    b"/X1 Do",
    b"T*",
    b"1e308 1e308 Td",
    b"(",
    b"<<",
    b"[",
]


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@st.composite
def built_pdf(draw: st.DrawFn) -> bytes:
    """A one- or two-page PDF whose content streams are random operator sequences, with a
    font and a form that may draw itself."""
    ops = st.lists(st.sampled_from(_OPERATORS), max_size=40).map(b" ".join)
    content, form = draw(ops), draw(ops)
    pages = draw(st.integers(1, 2))
    resources = b"<< /Font << /F1 4 0 R >> /XObject << /X1 5 0 R >> >>"
    kids = b" ".join(b"%d 0 R" % (6 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources "
        + resources
        + b" /Length %d >>\nstream\n" % len(form)
        + form
        + b"\nendstream",
    ]
    box = draw(st.sampled_from([b"[0 0 595 842]", b"[0 0 0 0]", b"[0 0 1e9 1e9]", b"[]"]))
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox "
            + box
            + b" /Resources "
            + resources
            + b" /Contents 3 0 R >>"
        )
    return _pdf(objects)


@st.composite
def pdf_inputs(draw: st.DrawFn) -> bytes:
    """A sample PDF with byte edits (its xref, streams or trailer hit at random), or a
    generated one, maybe edited too."""
    if draw(st.booleans()):
        data = sample(draw(st.sampled_from(PDF_SAMPLES)))
        return draw(mutated(data, max_edits=10))
    data = draw(built_pdf())
    return draw(mutated(data)) if draw(st.booleans()) else data


# --- every reader ---------------------------------------------------------------------


def docx_inputs() -> st.SearchStrategy[bytes]:
    return zip_inputs(DOCX_SAMPLES)


def xlsx_inputs() -> st.SearchStrategy[bytes]:
    return zip_inputs(XLSX_SAMPLES)


READERS: dict[str, tuple[str, st.SearchStrategy[bytes]]] = {
    "txt": ("report.txt", txt_inputs()),
    "html": ("report.html", html_inputs()),
    "docx": ("report.docx", docx_inputs()),
    "pdf": ("report.pdf", pdf_inputs()),
    "xlsx": ("report.xlsx", xlsx_inputs()),
}
"""For each reader: the file name the input is given under, and its strategy."""

any_input = st.sampled_from(sorted(READERS)).flatmap(
    lambda kind: st.tuples(st.just(READERS[kind][0]), READERS[kind][1])
)
"""``(file name, bytes)`` for any reader."""
