"""Rules of the OCR path found by scanning every sample PDF (scripts/ocr_sweep.py,
docs/ocr-sweep.md), each on invented input: no engine runs here (a reading is given where the
rule asks the engine for one), so these run without the OCR extra."""

from __future__ import annotations

import math
from typing import Any

import pytest

np = pytest.importorskip("numpy")


def _box(x0: float, x1: float, top: float = 100.0, bottom: float = 130.0) -> list[list[float]]:
    return [[x0, top], [x1, top], [x1, bottom], [x0, bottom]]


def _line(text: str, x0s: list[float], quad: tuple[float, float], step: float = 30.0) -> Any:
    """A recognised line: ``text`` with one box per character at ``x0s``, ``step`` wide."""
    from rectpipe.readers.ocr.engine import Recognised

    return Recognised(text, 0.99, _box(*quad), [_box(x, x + step - 2) for x in x0s])


def _page(*inked: tuple[int, int]) -> Any:
    """A white page image (BGR) with black blocks on the line's row between the ``inked``
    columns."""
    image = np.full((300, 800, 3), 255, dtype=np.uint8)
    for a, b in inked:
        image[104:126, a:b] = 0
    return image


# -- characters left out of a line, read again from their hole --------------------------------


def test_a_character_left_out_of_a_line_is_read_again_from_its_hole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Four characters read, the third one's place empty but inked: the hole is read again with
    two characters on either side, and what stands between them goes in."""
    from rectpipe.readers.ocr import holes

    x0s = [100.0, 130.0, 190.0, 220.0]  # 160–190 holds the left-out character
    line = _line("甲乙丁戊", x0s, (100, 250))
    image = _page(*[(int(x) + 3, int(x) + 25) for x in [*x0s, 160.0]])
    asked: list[int] = []

    def read(crop: Any, **_: Any) -> tuple[str, float]:
        asked.append(crop.shape[1])
        return "甲乙丙丁戊", 0.97

    monkeypatch.setattr(holes, "read_crop", read)
    (filled,) = holes.fill_holes(image, [line])
    assert filled.text == "甲乙丙丁戊"
    assert len(filled.chars) == 5 and filled.chars[2][0][0] >= 158
    assert asked  # the engine was asked once, for the hole and its neighbours


def test_a_reading_of_a_hole_that_changes_its_neighbours_is_not_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rectpipe.readers.ocr import holes

    x0s = [100.0, 130.0, 190.0, 220.0]
    line = _line("甲乙丁戊", x0s, (100, 250))
    image = _page(*[(int(x) + 3, int(x) + 25) for x in [*x0s, 160.0]])
    monkeypatch.setattr(holes, "read_crop", lambda crop, **_: ("甲己丙丁戊", 0.97))
    assert holes.fill_holes(image, [line])[0].text == "甲乙丁戊"
    monkeypatch.setattr(holes, "read_crop", lambda crop, **_: ("甲乙丙丁戊", 0.5))  # unsure
    assert holes.fill_holes(image, [line])[0].text == "甲乙丁戊"


def test_a_blank_or_ruled_stretch_of_a_line_is_no_hole() -> None:
    from rectpipe.readers.ocr.holes import find_holes

    x0s = [100.0, 130.0, 190.0, 220.0]
    line = _line("甲乙丁戊", x0s, (100, 250))
    blank = _page(*[(int(x) + 3, int(x) + 25) for x in x0s])
    assert find_holes(line, blank.min(axis=2) < 170) == []
    ruled = blank.copy()
    ruled[115:117, 150:195] = 0  # a thin rule across the gap, no character
    ruled[100:130, 174:176] = 0  # and a rule down it
    assert find_holes(line, ruled.min(axis=2) < 170) == []


def test_a_bullet_before_a_line_and_a_quote_past_its_box_are_holes() -> None:
    """The detector's box reaches the bullet the recogniser left out; a closing quote at the
    margin stands just past the box's end."""
    from rectpipe.readers.ocr.holes import find_holes

    x0s = [130.0, 160.0, 190.0]
    line = _line("甲乙丙", x0s, (100, 220))  # the box starts at the bullet, ends after 丙
    image = _page((104, 124), *[(int(x) + 3, int(x) + 25) for x in x0s], (222, 230))
    holes = find_holes(line, image.min(axis=2) < 170)
    assert [(h.at, round(h.x0), round(h.x1)) for h in holes] == [(0, 100, 130), (3, 218, 230)]
    # another line read there (a neighbouring table cell) keeps the quote's place its own
    other = _box(221.0, 300.0)
    assert [h.at for h in find_holes(line, image.min(axis=2) < 170, [other])] == [0]


# -- the numeral 一 of a marker read as a dash ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(-)", "（一）"),
        ("（—）关于经费管理", "（一）关于经费管理"),
        ("-、总体情况", "一、总体情况"),
        ("前言\n(-)组织领导", "前言\n（一）组织领导"),
        ("2024-、", "2024-、"),  # not a marker: not at a line's start
        ("(二)", "（二）"),
    ],
)
def test_a_marker_whose_numeral_one_was_read_as_a_dash(text: str, expected: str) -> None:
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation(text) == expected


# -- a scanned spread -------------------------------------------------------------------------


def test_a_scanned_spread_is_laid_out_as_two_pages() -> None:
    """A landscape sheet with two pages side by side and a blank gutter: the lines at one
    height are not joined across it, the left page is read before the right one."""
    from rectpipe.readers.ocr import _layout
    from rectpipe.readers.ocr.chars import PlacedLine
    from rectpipe.readers.pdf.settings import DEFAULT_SETTINGS

    def placed(text: str, x0: float, top: float) -> PlacedLine:
        x0s = [x0 + 16.0 * k for k in range(len(text))]
        return PlacedLine(text, x0s, [x + 15.0 for x in x0s], top, top + 15.0, 0.99, 16.0, 15.0)

    left = ["左页第一行文字内容写在这里", "左页第二行文字内容写在这里", "左页第三行文字结束。"]
    right = ["右页第一行文字内容写在这里", "右页第二行文字内容写在这里", "右页第三行文字结束。"]
    lines = [placed(t, 60.0, 80.0 + 24 * k) for k, t in enumerate(left)]
    lines += [placed(t, 480.0, 80.0 + 24 * k) for k, t in enumerate(right)]
    pages = _layout([(1, 842.0, 595.0, (lines, []))], DEFAULT_SETTINGS)
    laid = pages[1] if isinstance(pages[1], list) else [pages[1]]
    assert [page.half for page in laid] == [True, True]
    texts = [[line.text for line in page.lines] for page in laid]
    assert all(t.startswith("左") for t in texts[0]) and all(t.startswith("右") for t in texts[1])


# -- footnote marks and full stops told by their ink -----------------------------------------


def _inked_line(text: str, rows: list[tuple[int, int]]) -> tuple[Any, Any]:
    """A recognised line of ``text``, one 30-pixel box per character, and the ink mask of a
    page where character ``k`` is inked over pixel rows ``rows[k]``."""
    x0s = [100.0 + 30 * k for k in range(len(text))]
    line = _line(text, x0s, (100, 100 + 30 * len(text)))
    dark = np.zeros((300, 800), dtype=bool)
    for x, (top, bottom) in zip(x0s, rows, strict=True):
        dark[top:bottom, int(x) + 6 : int(x) + 22] = True
    return line, dark


def test_a_small_raised_figure_after_a_word_is_a_footnote_mark() -> None:
    from rectpipe.readers.ocr.engine import Recognised
    from rectpipe.readers.ocr.marks import drop_raised_marks, raised_marks

    han, mark, comma = (103, 127), (103, 112), (120, 127)
    line, dark = _inked_line("审计1，并", [han, han, mark, comma, han])
    assert raised_marks(dark, line) == [2]
    image = np.where(dark[..., None], 0, 255).astype(np.uint8).repeat(3, axis=2)
    (kept,) = drop_raised_marks(image, [line])
    assert kept.text == "审计，并" and len(kept.chars) == 4
    # a figure of the line's own size (审计1个) and an exponent (m²) stay
    line, dark = _inked_line("审计1个", [han, han, (107, 127), han])
    assert raised_marks(dark, line) == []
    line, dark = _inked_line("面积m2内", [han, han, (112, 127), mark, han])
    assert raised_marks(dark, line) == []
    # a figure in brackets: the bracket's ink reaches below the line, the figure's is no mark
    line, dark = _inked_line("（1）全面", [(98, 132), (104, 120), (98, 132), han, han])
    assert raised_marks(dark, line) == []
    assert isinstance(kept, Recognised)


def test_a_full_stop_read_as_a_zero_after_a_number_is_told_by_its_ink() -> None:
    from rectpipe.readers.ocr.marks import low_stops

    digit, stop = (106, 127), (119, 127)
    line, dark = _inked_line("电话614", [(103, 127), (103, 127), digit, digit, digit])
    assert low_stops(dark, line) == []
    line, dark = _inked_line("话6140", [(103, 127), digit, digit, digit, stop])
    assert low_stops(dark, line) == [4]
    line, dark = _inked_line("话6140", [(103, 127), digit, digit, digit, digit])
    assert low_stops(dark, line) == []  # a zero as tall as the figures is one


# -- a document number in a scanned running header ---------------------------------------------


def test_a_header_number_with_mismatched_year_brackets_gets_tortoise_shell_ones() -> None:
    from rectpipe.readers.doc_number import header_hints

    assert header_hints(["某某集团有限公司 某司〔2025]8号"]) == {"文号": "某司〔2025〕8号"}
    assert header_hints(["某某集团有限公司 某司［2025）8号"]) == {"文号": "某司〔2025〕8号"}
    assert header_hints(["某某局 某发（2025）8号"]) == {"文号": "某发（2025）8号"}  # as printed


# -- an e-mail address's top-level domain with a zero for its o -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电子邮箱：abc@126.c0mo", "电子邮箱：abc@126.com。"),
        ("邮箱abc@mail.g0v.cn，", "邮箱abc@mail.gov.cn，"),
        ("邮箱abc@x.0rg。", "邮箱abc@x.org。"),
        ("型号c0m", "型号c0m"),  # no address
    ],
)
def test_a_zero_read_for_the_o_of_a_domain(text: str, expected: str) -> None:
    from rectpipe.text.repair_ocr import ocr_punctuation

    assert ocr_punctuation(text) == expected


# -- a scanned 目录 whose page numbers were passed over ------------------------------------------


def test_a_contents_page_whose_page_numbers_were_lost_is_still_set_aside() -> None:
    from rectpipe.text.contents import contents_lines

    lines = ["封面", "目录", "一、总体情况···", "二、问题整改情况·", "三、下一步打算····", "正文。"]
    assert contents_lines(lines) == {1, 2, 3, 4}
    # the last dot of a leader repaired into a full stop: the line as read decides
    repaired = [*lines[:3], "二、问题整改情况。", *lines[4:]]
    originals = [None, None, None, "二、问题整改情况·", None, None]
    assert contents_lines(repaired, originals) == {1, 2, 3, 4}
    # without a 目录 heading, or one line only, lines ending in dots are text
    assert contents_lines(["他说道……", "大家都笑了……", "正文。"]) == set()
    assert contents_lines(["目录", "一、总体情况·", "正文。"]) == set()


def test_ink_is_measured_on_a_tilted_line_about_its_own_characters() -> None:
    """On a page turned askew a long line's box spans the rows of the lines above and below:
    a Han character measured over the box takes in their ink and a figure beside it looks
    small and raised. Measured about the characters' own boxes, the figure is text."""
    from rectpipe.readers.ocr.engine import Recognised
    from rectpipe.readers.ocr.marks import raised_marks

    han, digit = (103, 127), (107, 127)
    line, dark = _inked_line("六月3日起", [han, han, digit, han, han])
    tilted = Recognised(line.text, line.score, _box(100, 250, 60, 170), line.chars)
    dark[132:168, 136:152] = True  # the next line's ink under 月
    assert raised_marks(dark, tilted) == []


def test_the_end_of_a_neighbouring_line_is_no_hole() -> None:
    """A table cell's line starts where the line of the cell before it ends (on a page turned
    askew their boxes overlap): that line's ink is not a character left out of this one."""
    from rectpipe.readers.ocr.holes import find_holes

    x0s = [130.0, 160.0, 190.0]
    line = _line("甲乙丙", x0s, (100, 220))
    image = _page((104, 124), *[(int(x) + 3, int(x) + 25) for x in x0s])
    neighbour = _box(20.0, 126.0)
    assert find_holes(line, image.min(axis=2) < 170, [neighbour]) == []


# -- a photographed page: uneven light --------------------------------------------------------


def _shaded_page() -> Any:
    """A tinted page (BGR) whose left third lies in shadow, with two black strokes: one in the
    shadow, one in the light."""
    image = np.full((400, 600, 3), (215, 240, 250), dtype=np.float32)
    shade = np.clip(1.0 - 0.4 * (1.0 - np.linspace(0.0, 3.0, 600)), 0.6, 1.0)
    image *= shade[None, :, None]
    image[200:204, 40:120] = 20  # a stroke in the shadow
    image[200:204, 450:530] = 20  # one in the light
    return image.astype(np.uint8)


def test_paper_in_shadow_is_made_white_and_ink_stays_ink() -> None:
    """In a shadow the paper's bluest channel is as dark as the ink threshold: every blank
    stretch would be ink. Flattened, only the strokes are."""
    from rectpipe.readers.ocr.lighting import even_lighting

    image = _shaded_page()
    assert (image.min(axis=2) < 170).mean() > 0.1  # the shadow reads as ink
    flat = even_lighting(image, 2.0)
    dark = flat.min(axis=2) < 170
    assert dark[200:204, 40:120].all() and dark[200:204, 450:530].all()
    assert dark.sum() == 2 * 4 * 80  # nothing else


def test_an_evenly_lit_page_is_left_as_it_is() -> None:
    from rectpipe.readers.ocr.lighting import even_lighting

    image = np.full((400, 600, 3), 250, dtype=np.uint8)
    image[100:300, 100:110] = 0
    image[50:60, 200:500] = 30
    assert even_lighting(image, 2.0) is image


def test_a_filled_bullet_wider_than_its_hole_is_ink_not_a_rule() -> None:
    """A ■ bullet the engine left out, the first character's box reaching into it: its rows
    are dark right across the hole and past it, as a rule's are, but a rule is thin and the
    bullet is as tall as a character."""
    from rectpipe.readers.ocr.holes import find_holes

    x0s = [128.0, 158.0, 188.0]
    line = _line("甲乙丙", x0s, (104, 216))
    image = _page(*[(int(x) + 5, int(x) + 25) for x in x0s])
    image[104:126, 100:131] = 0  # the bullet, on into the first character's box
    holes = find_holes(line, image.min(axis=2) < 170)
    assert [hole.at for hole in holes] == [0]
    ruled = _page(*[(int(x) + 5, int(x) + 25) for x in x0s])
    ruled[112:115, 60:131] = 0  # a thin rule along the line is still no hole
    assert find_holes(line, ruled.min(axis=2) < 170) == []


def test_a_character_read_from_a_hole_gets_its_own_ink_not_its_neighbours(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 150 dpi the engine leaves a footnote mark after ``%`` out of the line and the hole
    gives it back. The ``%``'s ink runs on past its box into the hole; the mark put in gets
    the columns of its own ink, so it is measured alone and dropped as a mark."""
    from rectpipe.readers.ocr import holes
    from rectpipe.readers.ocr.engine import Recognised
    from rectpipe.readers.ocr.marks import drop_raised_marks

    image = np.full((300, 800, 3), 255, dtype=np.uint8)
    image[103:128, 102:126] = 0  # 率
    image[103:128, 132:156] = 0  # 达
    image[106:128, 162:174] = 0  # 7
    image[106:128, 190:198] = 0  # the % ...
    image[116:128, 200:212] = 0  # ... its last stroke past its box
    image[100:111, 215:223] = 0  # the mark
    boxes = [(100, 128), (130, 158), (160, 176), (190, 205)]
    line = Recognised("率达7%", 0.99, _box(100, 224), [_box(a, b) for a, b in boxes])
    monkeypatch.setattr(holes, "read_crop", lambda crop, **_: ("7%2", 0.95))
    (filled,) = holes.fill_holes(image, [line])
    assert filled.text == "率达7%2"
    assert min(p[0] for p in filled.chars[-1]) >= 213
    assert drop_raised_marks(image, [filled])[0].text == "率达7%"


# -- running text read differently on two pages -----------------------------------------------


def _sheet(header: str, page: int) -> list[Any]:
    """A page of lines: ``header`` at the top, a gap, five body lines."""
    from rectpipe.readers.pdf.lines import Line

    lines = [Line(page, header, 90.0, 500.0, 40.0, 52.0, 12.0)]
    for k in range(5):
        top = 120.0 + 28.0 * k
        lines.append(
            Line(
                page,
                f"正文第{page}页第{k}行，内容各不相同之{k * page}",
                90.0,
                500.0,
                top,
                top + 16.0,
                16.0,
            )
        )
    return lines


def test_a_running_header_misread_on_one_page_is_still_running_text() -> None:
    """OCR reads the bracket of a header's document number ``]`` on one page and ``】`` on the
    other: one character in twenty differs, and it is still the running header. Texts of
    different lengths, or differing in more characters, are not joined."""
    from rectpipe.readers.pdf.furniture import find_page_furniture

    header = "甲乙丙丁水务集团有限公司 甲水司〔2025{}8号"
    pages = [_sheet(header.format("]"), 1), _sheet(header.format("】"), 2)]
    removed = find_page_furniture(pages, [842.0, 842.0])
    assert [(r.page, r.reason) for r in removed] == [(1, "running_header"), (2, "running_header")]
    other = [_sheet("甲乙丙丁水务集团有限公司", 1), _sheet("戊己庚辛粮食储备有限公司", 2)]
    assert find_page_furniture(other, [842.0, 842.0]) == []


def test_a_mark_read_as_a_superscript_figure_is_a_footnote_mark() -> None:
    """The photographed page's engine reads the mark as ``²`` rather than ``2``."""
    from rectpipe.readers.ocr.marks import raised_marks

    han, mark = (103, 127), (103, 112)
    line, dark = _inked_line("漏损率达²，", [han, han, han, han, mark, (120, 127)])
    assert raised_marks(dark, line) == [4]


# -- a page photographed at an angle ----------------------------------------------------------


def _seen(warp: Any, x: float, y: float) -> list[float]:
    point = warp @ np.array([x, y, 1.0])
    return [float(point[0] / point[2]), float(point[1] / point[2])]


def _page_lines(warp: Any) -> list[Any]:
    """Twenty recognised lines of an invented page (a paragraph's first lines indented two
    ems, the others on the margin, the last ones short), seen through ``warp``."""
    from rectpipe.readers.ocr.engine import Recognised

    lines = []
    for k in range(20):
        top = 100.0 + 60.0 * k
        x0 = 180.0 if k % 5 == 0 else 100.0
        x1 = 600.0 if k % 5 == 4 else 900.0
        corners = [(x0, top), (x1, top), (x1, top + 40), (x0, top + 40)]
        lines.append(Recognised("字" * 10, 0.99, [_seen(warp, x, y) for x, y in corners], []))
    return lines


def test_a_page_seen_in_perspective_is_warped_square() -> None:
    """Seen from below and to one side, the lines lean more at the top than at the bottom and
    the margins lean the other way; the warp found from the lines alone puts every line level
    and the margin upright again."""
    from rectpipe.readers.ocr.perspective import rectifying

    photo = np.array([[1.02, 0.03, -10.0], [-0.025, 0.98, 20.0], [2e-5, 3e-5, 1.0]])
    lines = _page_lines(photo)
    warp = rectifying(lines, 1000, 1400)
    assert warp is not None
    for line in lines:
        (ax, ay), (bx, by) = (_seen(warp, *line.quad[k]) for k in (0, 1))
        assert abs(math.degrees(math.atan2(by - ay, bx - ax))) < 0.1
    margin = [_seen(warp, *line.quad[0])[0] for k, line in enumerate(lines) if k % 5]
    assert max(margin) - min(margin) < 2.0


def test_a_scan_turned_as_a_whole_is_not_warped() -> None:
    """A page turned by one angle is square but for the turn: the layout straightens it."""
    from rectpipe.readers.ocr.perspective import rectifying

    turn = math.radians(1.2)
    cos, sin = math.cos(turn), math.sin(turn)
    turned = np.array([[cos, -sin, 30.0], [sin, cos, -10.0], [0.0, 0.0, 1.0]])
    assert rectifying(_page_lines(turned), 1000, 1400) is None
    assert rectifying(_page_lines(np.eye(3)), 1000, 1400) is None


# -- a cell's characters read a second time by the line of the cell beside it ---------------


def _placed(text: str, x0: float, top: float = 100.0) -> Any:
    from rectpipe.readers.ocr.chars import PlacedLine

    x0s = [x0 + 12.0 * k for k in range(len(text))]
    return PlacedLine(text, x0s, [x + 11.0 for x in x0s], top, top + 12.0, 0.99)


def test_a_character_read_again_across_a_cell_border_is_dropped() -> None:
    """The line of the right-hand cell starts with the last character of the left-hand cell's
    line (read again, as another character) across the rule between the cells: dropped. A
    number standing alone in the column before the rule is kept."""
    from rectpipe.readers.ocr.doubles import without_doubles
    from rectpipe.readers.pdf.sources import Edge

    rule = Edge(160.0, 80.0, 160.0, 140.0)
    left = _placed("甲乙丙丁戊己庚治", 60.0)  # 60 … 155
    right = _placed("台新教师岗前", 146.0)  # 台 over 治, then from 160 on
    right.x0s[1:] = [x + 2.0 for x in right.x0s[1:]]
    right.x1s[1:] = [x + 2.0 for x in right.x1s[1:]]
    out = without_doubles([left, right], [rule])
    assert [line.text for line in out] == ["甲乙丙丁戊己庚治", "新教师岗前"]
    alone = _placed("1乙丙丁", 148.0)
    alone.x0s[1:] = [x + 4.0 for x in alone.x0s[1:]]
    alone.x1s[1:] = [x + 4.0 for x in alone.x1s[1:]]
    assert without_doubles([alone], [rule])[0].text == "1乙丙丁"


def test_a_scan_whose_lines_lean_unevenly_is_not_warped() -> None:
    """The detector's boxes of a scan's lines lean by slightly different angles (a line of
    quotes, a short last line); two of them leaning 0.8° at the foot of the page make no
    perspective: the turn is within its uncertainty."""
    from rectpipe.readers.ocr.perspective import rectifying

    lines = _page_lines(np.eye(3))
    for line in lines[-3:-1]:
        (x0, y0), (x1, _) = line.quad[0], line.quad[1]
        rise = (x1 - x0) * math.tan(math.radians(0.8))
        line.quad = [[x0, y0], [x1, y0 + rise], [x1, y0 + rise + 40], [x0, y0 + 40]]
    assert rectifying(lines, 1000, 1400) is None


def test_a_page_warped_square_keeps_the_extent_of_its_text() -> None:
    """The pages of one document that were warped and those that were not keep one set of
    margins: the warped text spans what it spanned before, left to right and top to bottom."""
    from rectpipe.readers.ocr.perspective import rectifying

    photo = np.array([[1.02, 0.03, -10.0], [-0.025, 0.98, 20.0], [2e-5, 3e-5, 1.0]])
    lines = _page_lines(photo)
    warp = rectifying(lines, 1000, 1400)
    assert warp is not None
    before = np.array([p for line in lines for p in line.quad])
    after = np.array([_seen(warp, *p) for line in lines for p in line.quad])
    assert np.allclose(before.min(axis=0), after.min(axis=0), atol=1.0)
    assert np.allclose(before.max(axis=0), after.max(axis=0), atol=1.0)
