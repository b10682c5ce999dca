"""Reader rules found by writing ledgers again in other formats (docs/tables.md), each on a
small invented page."""

from __future__ import annotations

from rectpipe.readers.blocks import BlockKind
from rectpipe.readers.html import read_html


def _fonts(text: str) -> str:
    """A run as LibreOffice writes it in HTML: three ``<font>`` one in another."""
    return f'<font face="A"><font face="B"><font size="4">{text}</font></font></font>'


def test_a_paragraph_in_nested_fonts_does_not_outweigh_the_page() -> None:
    intro = "根据县委统一部署，县委巡察组对本单位开展了常规巡察，反馈问题已逐项整改。" * 6
    page = (
        "<html><body>"
        f'<p align="center">{_fonts("某局关于巡察整改进展情况的通报")}</p>'
        f"<p>{_fonts(intro)}</p>"
        f"<p>{_fonts('一、整改工作情况')}</p>"
        f"<p>{_fonts('某局')}</p><p>{_fonts('2024年12月6日')}</p>"
        "</body></html>"
    )
    texts = [b.text for b in read_html(page.encode("utf-8")).blocks]
    assert texts[0] == "某局关于巡察整改进展情况的通报"
    assert texts[-1] == "2024年12月6日"
    assert len(texts) == 5


def _cell(*paragraphs: str) -> str:
    return "<td>" + "".join(f"<p>{_fonts(p)}</p>" for p in paragraphs) + "</td>"


def test_a_ledger_whose_cells_hold_a_paragraph_a_measure_is_a_table() -> None:
    header = "<tr>" + "".join(_cell(h) for h in ("序号", "问题", "整改措施", "责任单位")) + "</tr>"
    rows = "".join(
        "<tr>"
        + _cell(str(n))
        + _cell(f"问题{n}描述。")
        + _cell("1.建立制度；", "2.开展检查；", "3.完善台账。")
        + _cell("办公室")
        + "</tr>"
        for n in (1, 2, 3)
    )
    page = f"<html><body><p>某局台账</p><table>{header}{rows}</table></body></html>"
    tables = [b for b in read_html(page.encode("utf-8")).blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].cells is not None
    assert tables[0].cells[1][2] == "1.建立制度；\n2.开展检查；\n3.完善台账。"


def test_a_layout_table_with_an_article_in_one_cell_stays_a_layout() -> None:
    article = "".join(f"<p>第{n}段正文内容，说明整改情况。</p>" for n in range(1, 5))
    page = "<html><body><table><tr><td>导航</td><td>" + article + "</td></tr></table></body></html>"
    blocks = read_html(page.encode("utf-8")).blocks
    assert not any(b.kind is BlockKind.TABLE for b in blocks)
