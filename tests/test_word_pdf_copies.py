"""Every text sample with facts made a Word file as government ones are made (GB/T 9704 styles:
仿宋 body with a first-line indent, 黑体 and 楷体 headings, a running header and a ``— N —``
footer; ``scripts/fixtures/make_docx.py``) and exported to PDF by LibreOffice, each scored
against the text sample's own facts; not a table copied as tab-separated lines, a web copy's
shape that no Word file has (the writer would put its tabs in the text).

The Word copies must all be exact. The PDF copies are held to the floor measured when the PDF
line rules for odd glyph heights were written (73 of 95 exact, problem recall 99.9%; 67 and
96.3% before them), raised when it was measured again (80 of 103). What the PDF copies still
miss is mostly LibreOffice's: it leaves a comma or enumeration comma that hangs at a line's end
out of the text layer (so titles lose a ，), and a web copy's breadcrumb and page lines become
the Word file's title and running header.

Skipped without LibreOffice or a CJK font, except under ``CI`` (``.ci/run`` installs both),
where either missing fails.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rectpipe.readers.legacy import soffice
from rectpipe.text.page_lines import is_page_number
from rectpipe.tools.evaluate import Totals, documents_with_facts, evaluate_document

from .conftest import ROOT, SAMPLES
from .render_docx import word_paragraphs

#: PDF copies exact at least (of 95 when written; measured again with 103 text samples: 78, then
#: 79 once a CJK font's narrow space between a date and its time was kept, 80 once a subtitle
#: run onto the title was cut off), and the least share of problems found.
PDF_FLOOR = 78
PDF_RECALL = 0.99


def _cjk_font() -> bool:
    """Whether fontconfig knows a font for Chinese (LibreOffice sets the PDF's text in it)."""
    try:
        found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(found.stdout.strip())


def _make_docx() -> ModuleType:
    path = ROOT / "scripts" / "fixtures" / "make_docx.py"
    spec = importlib.util.spec_from_file_location("make_docx", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_docx", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _libreoffice() -> str:
    """The ``soffice`` program, with a CJK font to export in (skips without, fails under CI)."""
    program = soffice()
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice (.ci/run): soffice is missing")
        pytest.skip("LibreOffice (soffice) is not installed")
    if not _cjk_font():
        if os.environ.get("CI"):
            pytest.fail("CI installs a CJK font (.ci/run): fc-list finds none")
        pytest.skip("no CJK font installed: LibreOffice would export boxes")
    return str(program)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    program = _libreoffice()
    maker = _make_docx()
    folder = tmp_path_factory.mktemp("word-copies")
    made: list[str] = []
    for facts, document in documents_with_facts(SAMPLES):
        if document.suffix != ".txt":
            continue
        text = document.read_text("utf-8-sig")
        if "\t" in text:
            continue  # a table copied as tab-separated lines: a web copy's shape, no Word file's
        if any(_NUMBER_ALONE.fullmatch(line.strip()) for line in text.splitlines()):
            # a hard-wrapped copy that broke the line after each item's number (shape-v13): a
            # text copy's shape; the maker would style its wrapped lines as a title
            continue
        if any(is_page_number(line) for line in text.splitlines()):
            # a copy of printed pages, their numbers and headers inside (shape-o19): a text
            # copy's shape; the maker would style each wrapped line a paragraph of its own
            continue
        lines = maker.classify(text.splitlines())
        target = folder / f"{document.stem}.docx"
        maker.write_report(lines, target, when=dt.datetime(2025, 1, 1))
        shutil.copy(facts, folder / facts.name)
        made.append(str(target))
    subprocess.run(
        [str(program), "--headless", "--convert-to", "pdf", "--outdir", str(folder), *made],
        check=True,
        capture_output=True,
        timeout=600,
    )
    # One long run of LibreOffice may leave a file unconverted (its last, under a busy
    # machine): those it left are converted again, alone.
    for left in [m for m in made if not Path(m).with_suffix(".pdf").is_file()]:
        subprocess.run(
            [str(program), "--headless", "--convert-to", "pdf", "--outdir", str(folder), left],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return folder


_NUMBER_ALONE = re.compile(r"[0-9]{1,3}\s*[.．、]")


def _score(folder: Path, suffix: str) -> tuple[Totals, list[str]]:
    totals, misses = Totals(), []
    for facts in sorted(folder.glob("*.facts.yaml")):
        document = folder / (facts.name.removesuffix(".facts.yaml") + suffix)
        assert document.is_file(), document.name
        score = evaluate_document(document, facts)
        totals.add(score)
        if not score.ok:
            misses.append(f"{document.name}: {score.misses[:2]}")
    return totals, misses


def test_every_word_copy_keeps_its_facts(copies: Path) -> None:
    totals, misses = _score(copies, ".docx")
    assert totals.documents >= 90
    assert misses == []


def test_the_pdf_copies_keep_their_facts_to_the_floor(copies: Path) -> None:
    totals, misses = _score(copies, ".pdf")
    assert totals.documents >= 90
    assert totals.exact_documents >= PDF_FLOOR, misses
    assert totals.matched >= PDF_RECALL * totals.expected
    assert totals.matched >= PDF_RECALL * totals.found


# Invented reports whose LibreOffice PDF lost a value before its rules: the blank between a page
# date and its time (a CJK font's space is a quarter em or less), and a congress report's
# subtitle set under its centred title.
_DATED = [
    "县住房和城乡建设局",
    "发布时间：2025-06-10 16:02",
    "中共青禾县住房和城乡建设局党组关于县委巡察整改进展情况的通报",
    "根据县委统一部署，县委第二巡察组对局党组开展了常规巡察，并反馈了巡察意见。现将整改进展情况通报如下。",
    "一、反馈问题整改情况",
    "1.党组会议议事规则执行不严格。整改情况：已完成。修订议事规则。",
    "2.干部教育培训针对性不强。整改情况：正在推进。已制定年度培训计划。",
]
_CONGRESS = [
    "关于青禾县2024年度县级预算执行和其他财政收支审计查出问题整改情况的报告",
    "——2025年11月20日在青禾县第十八届人民代表大会常务委员会第二十次会议上",
    "县审计局局长　李明",
    "主任、各位副主任、各位委员：",
    "受县人民政府委托，现将审计查出问题的整改情况报告如下，请予审议。",
    "一、财政管理审计查出问题的整改情况",
    "（一）非税收入未及时缴库。已全部缴入国库，该问题已整改到位。",
    "（二）往来款长期挂账。已清理往来款215万元，该问题已整改到位。",
]


def test_a_libreoffice_pdf_keeps_a_page_dates_time_apart_and_a_subtitles_date(
    tmp_path: Path,
) -> None:
    import rectpipe

    program = _libreoffice()
    maker = _make_docx()
    made = []
    for name, lines in (("dated", _DATED), ("congress", _CONGRESS)):
        target = tmp_path / f"{name}.docx"
        maker.write_report(maker.classify(lines), target, when=dt.datetime(2025, 1, 1))
        made.append(str(target))
    subprocess.run(
        [program, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *made],
        check=True,
        capture_output=True,
        timeout=300,
    )
    dated = rectpipe.parse_file(tmp_path / "dated.pdf")
    assert dated.metadata.date == "2025-06-10"
    assert "2025-06-10 16:02" in dated.text
    congress = rectpipe.parse_file(tmp_path / "congress.pdf")
    assert congress.metadata.title == _CONGRESS[0]
    assert congress.metadata.date == "2025-11-20"


_LONG_TITLE = [
    "青禾市人民政府关于2023年度市本级预算执行和其他财政收支审计查出问题整改情况的报告",
    "主任、各位副主任、各位委员：",
    "受市人民政府委托，现将2023年度市本级审计查出问题的整改情况报告如下，请予审议。",
    "一、财政管理审计查出问题的整改情况",
    "（一）非税收入未及时缴库。已全部缴入国库，该问题已整改到位。",
]


def test_a_libreoffice_pdf_keeps_a_title_set_over_three_lines_whole(tmp_path: Path) -> None:
    """A centred title in title type that wraps twice (its last line centred under two full
    ones) is one paragraph: the third line continues it as the second does."""
    import rectpipe

    program = _libreoffice()
    target = tmp_path / "long.docx"
    target.write_bytes(word_paragraphs("\n".join(_LONG_TITLE)))  # 方正小标宋 22 pt, centred
    subprocess.run(
        [program, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert rectpipe.parse_file(tmp_path / "long.pdf").metadata.title == _LONG_TITLE[0]
