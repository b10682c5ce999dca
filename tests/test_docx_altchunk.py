"""Word packages that import a file whole (``w:altChunk``), as editors that export Word from a
web page write them: the imported file's blocks are read in the chunk's place. Before, the
chunk was noted and skipped, and a package holding only a chunk was refused (no text)."""

from __future__ import annotations

import io

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

import rectpipe
from rectpipe.readers.docx import read_docx

_TITLE = "中共岚溪县林业局党组关于县委巡察整改进展情况的通报"
_BODY = [
    "根据县委统一部署，2024年4月至6月，县委第三巡察组对县林业局党组开展了常规巡察，"
    "并于2024年7月10日反馈了巡察意见。现将整改进展情况通报如下。",
    "一、落实政策方面",
    "1.林地保护责任落实不到位。整改措施：一是开展林地专项排查；二是建立巡护台账。目前已完成整改。",
    "2.护林员管理不规范。整改措施：一是修订护林员考核办法；二是开展业务培训。目前正在整改。",
    "中共岚溪县林业局党组",
    "2024年11月5日",
]


def _html(lines: list[str]) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


def _with_chunk(chunk: bytes, name: str, content_type: str, *, title: bool = True) -> bytes:
    document = docx.Document()
    if title:
        document.add_paragraph(_TITLE)
    package = document.part.package
    part = Part(PackURI(f"/word/{name}"), content_type, chunk, package)
    rid = document.part.relate_to(part, RT.A_F_CHUNK)
    element = OxmlElement("w:altChunk")
    element.set(qn("r:id"), rid)
    document.element.body.sectPr.addprevious(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _problems(data: bytes) -> list[tuple[str, str]]:
    report = rectpipe.parse_bytes(data, name="report.docx")
    return [(p.title, p.status.value) for p in report.iter_problems()]


_EXPECTED = [("林地保护责任落实不到位", "completed"), ("护林员管理不规范", "in_progress")]


def test_a_web_page_imported_whole_is_read_in_its_place() -> None:
    data = _with_chunk(_html(_BODY), "afchunk1.htm", "text/html")
    assert _problems(data) == _EXPECTED
    document = read_docx(data)
    assert document.blocks[0].text == _TITLE
    assert document.blocks[1].path.startswith("chunk:0/")
    assert not [code for code, _ in document.notes if code == "docx_altchunk"]
    report = rectpipe.parse_bytes(data, name="report.docx")
    assert report.metadata.title == _TITLE
    assert report.metadata.date == "2024-11-05"


def test_a_package_holding_only_a_chunk_is_no_longer_refused() -> None:
    data = _with_chunk(_html([_TITLE, *_BODY]), "afchunk1.htm", "text/html", title=False)
    assert _problems(data) == _EXPECTED


def test_a_word_package_and_plain_text_imported_whole() -> None:
    inner = docx.Document()
    for line in _BODY:
        inner.add_paragraph(line)
    buffer = io.BytesIO()
    inner.save(buffer)
    word_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert _problems(_with_chunk(buffer.getvalue(), "chunk.docx", word_type)) == _EXPECTED
    text = "\n".join(_BODY).encode("utf-8")
    assert _problems(_with_chunk(text, "chunk.txt", "text/plain")) == _EXPECTED


def test_a_chunk_in_another_format_is_noted_and_the_rest_read() -> None:
    data = _with_chunk(b"{\\rtf1\\ansi hello}", "chunk.rtf", "application/rtf")
    document = read_docx(data)
    assert [block.text for block in document.blocks] == [_TITLE]
    assert [code for code, _ in document.notes] == ["docx_altchunk"]
