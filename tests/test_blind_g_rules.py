"""Rules added for the shapes of blind batch g (docs/blind-g.md, docs/shapes.md §28)."""

from __future__ import annotations

import rectpipe
from rectpipe.extract.masthead import is_masthead
from rectpipe.readers.doc_number import header_hints
from rectpipe.readers.pdf.glyphs import Char
from rectpipe.readers.pdf.lines import build_lines
from rectpipe.readers.pdf.settings import DEFAULT_SETTINGS
from rectpipe.readers.pdf.sources import Edge, PageChars
from rectpipe.readers.pdf.spreads import spread_halves
from rectpipe.text.contents import contents_lines

_INTRO = (
    "2024年9月2日至10月25日，县委第四巡察组对县林业局党组开展了常规巡察，"
    "并于2025年1月6日反馈了巡察意见。现将整改进展情况通报如下：\n"
)
_BODY = (
    "一、反馈问题整改情况\n"
    "（一）关于“森林防火责任落实不到位”的问题\n"
    "整改情况：修订森林防火责任制度。目前该问题已整改完成。\n"
    "（二）关于“林业项目资金拨付滞后”的问题\n"
    "整改情况：建立资金拨付台账。目前该问题已整改完成。\n"
)


def _parse(text: str, name: str = "report.txt") -> rectpipe.Report:
    return rectpipe.parse_bytes(text.encode("utf-8"), name=name)


def _glyph(text: str, x: float, top: float, bottom: float, size: float = 16.0) -> Char:
    return Char(text, x, x + size, top, bottom, size, "F", True)


def test_a_footnote_mark_is_dropped_and_keeps_its_sentence_on_one_line() -> None:
    glyphs = [
        _glyph("审", 100.0, 241.7, 256.6),
        _glyph("计", 116.0, 241.9, 256.6),
        _glyph("1", 132.0, 242.8, 249.0, size=9.3),  # small and raised: a note's mark
        _glyph("，", 141.3, 241.9, 257.0),
        _glyph("并", 157.3, 241.8, 256.7),
    ]
    assert [line.text for line in build_lines(glyphs, page=1)] == ["审计，并"]


def test_a_raised_figure_after_a_latin_letter_is_an_exponent_and_stays() -> None:
    glyphs = [
        _glyph("8", 100.0, 244.6, 255.3, size=16.0),
        _glyph("m", 108.0, 244.6, 255.3, size=16.0),
        _glyph("2", 116.0, 242.8, 249.0, size=9.3),
        _glyph("。", 122.0, 241.9, 257.0),
    ]
    assert "2" in "".join(line.text for line in build_lines(glyphs, page=1))


def test_a_figure_of_the_line_size_is_no_mark() -> None:
    glyphs = [
        _glyph("达", 100.0, 241.7, 256.6),
        _glyph("2", 116.0, 244.6, 255.3),
        _glyph("处", 132.0, 241.7, 256.6),
    ]
    assert [line.text for line in build_lines(glyphs, page=1)] == ["达2处"]


def test_a_table_of_contents_is_set_aside_with_its_heading() -> None:
    lines = [
        "中共某县委员会",
        "目　　录",
        "一、整改工作总体情况……………1",
        "二、反馈问题整改落实情况………2",
        "关于…的报告",
    ]
    assert contents_lines(lines) == {1, 2, 3}
    # One dotted line without a 目录 heading is a sentence's ellipsis, not contents.
    assert contents_lines(["正在推进中……3", "下一段"]) == set()


def test_a_report_after_its_table_of_contents_keeps_its_introduction() -> None:
    report = _parse(
        "目录\n一、反馈问题整改情况………………2\n二、下一步工作打算………………3\n"
        "中共某县林业局党组关于县委第四巡察组巡察反馈意见整改进展情况的通报\n" + _INTRO + _BODY
    )
    assert report.metadata.period_start == "2024-09-02"
    assert report.metadata.feedback_date == "2025-01-06"


def test_a_title_on_three_lines_keeps_its_issuer_line() -> None:
    report = _parse(
        "中共某县林业局党组\n关于县委第四巡察组巡察反馈意见\n整改进展情况的通报\n" + _INTRO + _BODY
    )
    assert report.metadata.title == (
        "中共某县林业局党组关于县委第四巡察组巡察反馈意见整改进展情况的通报"
    )
    assert report.metadata.issuer == "中共某县林业局党组"


def test_a_name_above_a_whole_title_line_still_signs_it() -> None:
    report = _parse(
        "中共某县林业局党组\n关于县委第四巡察组巡察反馈意见整改进展情况的通报\n" + _INTRO + _BODY
    )
    assert report.metadata.title == "关于县委第四巡察组巡察反馈意见整改进展情况的通报"
    assert report.metadata.issuer == "中共某县林业局党组"


def test_a_bulletin_masthead_is_no_title_and_its_editor_line_dates_it() -> None:
    assert is_masthead("巡察整改工作简报")
    assert is_masthead("2025年第5期（总第38期）")
    assert not is_masthead("县林业局扎实推进巡察反馈问题整改")
    report = _parse(
        "巡察整改工作简报\n第3期\n县委巡察办编　　　　2025年6月9日\n"
        "县林业局扎实推进巡察反馈问题整改\n" + _INTRO + _BODY
    )
    assert report.metadata.title == "县林业局扎实推进巡察反馈问题整改"
    assert report.metadata.issuer == "县委巡察办"
    assert report.metadata.date == "2025-06-09"
    assert report.metadata.document_number is None


def test_a_signature_beats_the_masthead_editor() -> None:
    report = _parse(
        "巡察整改工作简报\n第3期\n县委巡察办编　　　　2025年6月9日\n"
        "县林业局扎实推进巡察反馈问题整改\n" + _INTRO + _BODY + "中共某县林业局党组\n2025年6月2日\n"
    )
    assert report.metadata.issuer == "中共某县林业局党组"
    assert report.metadata.date == "2025-06-02"


def test_a_running_header_gives_the_document_number_hint() -> None:
    assert header_hints(["某水务集团有限公司　　　某水司〔2025〕8号"]) == {
        "文号": "某水司〔2025〕8号"
    }
    assert header_hints(["某水务集团有限公司"]) == {}


def _page(chars: list[Char], edges: list[Edge] | None = None) -> PageChars:
    return PageChars(1, 842.0, 595.0, chars, edges or [])


def _column(x: float) -> list[Char]:
    return [
        _glyph("字", x + 16.0 * k, 100.0 + 28.0 * row, 115.0 + 28.0 * row)
        for row in range(4)
        for k in range(6)
    ]


def test_a_landscape_sheet_with_a_blank_gutter_is_read_as_two_pages() -> None:
    halves = spread_halves(_page(_column(70.0) + _column(470.0)), DEFAULT_SETTINGS)
    assert halves is not None
    left, right = halves
    assert max(char.x1 for char in left.chars) < 421.0 < min(char.x0 for char in right.chars)
    # A header's rule above the text may span the sheet; a rule across the text may not.
    above = Edge(70.0, 60.0, 770.0, 60.0)
    assert spread_halves(_page(_column(70.0) + _column(470.0), [above]), DEFAULT_SETTINGS)
    across = Edge(70.0, 150.0, 770.0, 150.0)
    assert spread_halves(_page(_column(70.0) + _column(470.0), [across]), DEFAULT_SETTINGS) is None


def test_a_landscape_page_without_a_gutter_is_one_page() -> None:
    wide = [_glyph("字", 70.0 + 16.0 * k, 100.0, 115.0) for k in range(44)]
    assert spread_halves(_page(wide), DEFAULT_SETTINGS) is None


def test_entries_a_pdf_s_layout_ran_into_one_line_are_contents_too() -> None:
    """A 目录 page read from a PDF: two entries on one line (…………2二、…………3)."""
    lines = [
        "目录",
        "一、整改工作总体情况………………2二、巡视反馈问题整改落实情况………………3",
        "（一）关于意识形态工作责任制落实不够到位的问题………3",
        "（五）关于科研经费管理不严格的问题………5三、下一步工作安排………………5",
        "中共某学院委员会关于巡视整改进展情况的报告",
    ]
    assert contents_lines(lines) == {0, 1, 2, 3}
    assert contents_lines(["1.关于某问题…………3", "2.1 组织领导………4"]) == {0, 1}


def test_a_word_file_s_contents_under_its_heading() -> None:
    """Word's entries: the heading, a tab (its dots are the tab stop's leader) and the page."""
    lines = [
        "目\u3000\u3000录",
        "一、整改工作总体情况\t2",
        "（一）关于某问题\t3",
        "中共某学院委员会关于…的报告",
    ]
    assert contents_lines(lines) == {0, 1, 2}
    # without the heading, a tab and a figure are no contents
    assert contents_lines(["一、整改工作总体情况\t2", "（一）关于某问题\t3"]) == set()
