"""Web pages saved as MHTML (Word's single file web page, a browser's saved page) and RTF files:
sniffed by content whatever their name, and read to the same report as the page or document
they hold (samples/shape-r03 and r10 as .mht; r01 and r07 as .rtf in tests/fixtures/rtf, kept
out of samples/ because they need LibreOffice; scripts/fixtures/make_mht_rtf.py writes them)."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

import rectpipe
from rectpipe.errors import CorruptFileError
from rectpipe.readers.legacy import soffice
from rectpipe.readers.mht import read_mht
from rectpipe.readers.sniff import sniff_format
from rectpipe.tools.evaluate import evaluate_document
from rectpipe.tools.schema import validate_text

from ..conftest import SAMPLES

R03 = SAMPLES / "shape-r03-county-ducha-qingdan-xushi-table-web"
R10 = SAMPLES / "shape-r10-soe-port-autonum-zhenggai-jinzhan"
R01 = SAMPLES / "shape-r01-district-sfj-no-org-part-guanyu-paren"
R07 = SAMPLES / "shape-r07-village-xuncha-gongshi-zerenren"
RTF = Path(__file__).resolve().parent.parent / "fixtures" / "rtf"


def _rtf(stem: Path) -> Path:
    return RTF / (stem.name + ".rtf")


def _mime(
    html: bytes, charset: str, encoding: str = "base64", location: str = "", raw: bool = False
) -> bytes:
    body = base64.encodebytes(html) if encoding == "base64" and not raw else html
    head = (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="B"\r\n\r\n'
        "--B\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\n'
        + (f"Content-Location: {location}\r\n" if location else "")
        + "\r\n"
    )
    return head.encode("ascii") + body + b"\r\n--B--\r\n"


def _problems(path: Path) -> list[tuple[str | None, str, str]]:
    report = rectpipe.parse_file(path)
    return [(p.number, p.title, p.status.value) for p in report.iter_problems()]


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        (R03.with_suffix(".mht"), "mht"),
        (R10.with_suffix(".mht"), "mht"),
        (_rtf(R01), "rtf"),
        (_rtf(R07), "rtf"),
    ],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_sniffed_by_content_whatever_the_name(path: Path, fmt: str) -> None:
    data = path.read_bytes()
    assert sniff_format(data, path.name) == fmt
    assert sniff_format(data, "download.doc") == fmt
    assert sniff_format(data, None) == fmt


def test_a_mime_message_that_is_no_web_page_is_text() -> None:
    mail = b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n\xe6\x95\xb4\xe6\x94\xb9\r\n"
    assert sniff_format(mail, "x.eml") == "txt"
    words = "关于整改情况的通报\nMIME-Version: 1.0 出现在正文里\n".encode()
    assert sniff_format(words, "x.txt") == "txt"


def test_browser_saved_page_reads_as_the_page() -> None:
    saved = rectpipe.parse_file(R03.with_suffix(".mht"))
    page = rectpipe.parse_file(R03.with_suffix(".html"))
    assert saved.source.format == "mht"
    assert saved.hints.pop("页面地址").startswith("https://www.example.gov.cn/art/")
    assert saved.model_dump(exclude={"source"}) == page.model_dump(exclude={"source"})


def test_word_single_file_web_page_reads_as_the_word_file() -> None:
    """Word's HTML: GB2312, quoted-printable, list numbers in mso-list:Ignore spans."""
    saved = rectpipe.parse_file(R10.with_suffix(".mht"))
    assert saved.source.format == "mht"
    assert "页面地址" not in saved.hints  # a file:///C:/… location says nothing of the source
    assert _problems(R10.with_suffix(".mht")) == _problems(R10.with_suffix(".docx"))
    assert saved.metadata.date == rectpipe.parse_file(R10.with_suffix(".docx")).metadata.date
    first = saved.sections[0]
    assert (first.marker, first.title) == ("一、", "组织整改落实情况")  # the list span's number


def test_the_part_charset_decides_not_the_meta_tag() -> None:
    """A part labelled gb2312 whose page says utf-8 in its meta tag (Word leaves it as it was)
    and holds a GBK-only character (镕): decoded as GB18030, a superset."""
    html = (
        '<html><head><meta charset="utf-8"><title>通报</title></head><body><div>'
        "<p>关于镕山县整改进展情况的通报</p><p>一、问题</p><p>整改情况：已完成。</p>"
        "</div></body></html>"
    ).encode("gbk")
    document = read_mht(_mime(html, "gb2312"))
    assert document.format == "mht"
    assert "镕山县" in "".join(block.text for block in document.blocks)
    assert not [code for code, _ in document.notes if code.startswith("encoding")]


def test_undecodable_bytes_are_replaced_with_a_note() -> None:
    html = "<html><body><p>整改情况通报</p></body></html>".encode() + b"\xff\xfe"
    document = read_mht(_mime(html, "utf-8", location="https://example.org/a.html"))
    assert "encoding_replaced" in {code for code, _ in document.notes}
    assert document.hints["页面地址"] == "https://example.org/a.html"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n--B--\r\n",
            "no text/html part",
        ),
        (_mime(b"   ", "utf-8"), "empty"),
        (_mime(b"!!not base64!!", "utf-8", raw=True), "not a web page"),
        (_mime(b"plain words", "utf-8"), "not a web page"),
    ],
    ids=["no page", "empty page", "bad base64", "no markup"],
)
def test_a_damaged_archive_is_corrupt(data: bytes, message: str) -> None:
    with pytest.raises(CorruptFileError, match=message):
        read_mht(data)


def test_outputs_of_the_previous_schema_still_load() -> None:
    """1.3 only added the format values mht and rtf: a 1.2 output validates."""
    text = (R10.with_suffix(".docx.expected.json")).read_text("utf-8")
    older = json.loads(text)
    assert older["schema_version"] == rectpipe.SCHEMA_VERSION == "1.3"
    older["schema_version"] = "1.2"
    report = validate_text(json.dumps(older, ensure_ascii=False))
    assert report.source.format == "docx"


def test_rtf_through_libreoffice() -> None:
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice; soffice is missing")
        pytest.skip("LibreOffice is not installed")
    for stem, original in ((R01, ".docx"), (R07, ".txt")):
        report = rectpipe.parse_file(_rtf(stem))
        assert report.source.format == "rtf"
        assert ("converted", "rtf converted to .docx by LibreOffice") in {
            (w.code, w.message) for w in report.warnings
        }
        assert _problems(_rtf(stem)) == _problems(stem.with_suffix(original))
        # scored against the original's facts, as every sample is
        score = evaluate_document(_rtf(stem), stem.with_suffix(".facts.yaml"), report=report)
        assert score.ok, score.misses
