"""One report's text rendered as publishers really render it: web pages and Word files.

Each renderer is a pure function ``text -> bytes``. The text is a sample's: one paragraph a
line, the title first, the signature and date last. The renderings follow what portals,
Word and WeChat write (layout tables, ``<br>`` lines, runs cut into spans, Word's "Save as
HTML" in GBK, soft line breaks, a one-cell frame, automatic numbering), so that a reader
that reads the text sample right should read each of them to the same facts
(tests/test_variants.py, scripts/variants.py). The renderers live in tests/render_html.py and
tests/render_docx.py, the lines' roles in tests/render_lines.py; :data:`RENDERINGS` names them.
"""

from __future__ import annotations

from collections.abc import Callable

from .render_docx import (
    word_autonum,
    word_closing_breaks,
    word_frame,
    word_heading_styles,
    word_multilevel,
    word_paragraphs,
    word_soft_breaks,
    word_wrapped,
)
from .render_html import (
    br_paragraph,
    br_wrapped,
    div_font,
    editor_lists,
    portal_br_cell,
    portal_table,
    span_runs,
    wechat,
    word_html,
    word_html_lists,
)
from .render_lines import lines_of

__all__ = ["RENDERINGS", "lines_of"]


RENDERINGS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "portal-table": (".html", portal_table),
    "br-paragraph": (".html", br_paragraph),
    "span-runs": (".html", span_runs),
    "word-html-gbk": (".html", word_html),
    "word-html-lists": (".html", word_html_lists),
    "wechat": (".html", wechat),
    "div-font": (".html", div_font),
    "portal-br-cell": (".html", portal_br_cell),
    "br-wrapped": (".html", br_wrapped),
    "editor-lists": (".html", editor_lists),
    "docx-paragraphs": (".docx", word_paragraphs),
    "docx-soft-breaks": (".docx", word_soft_breaks),
    "docx-frame": (".docx", word_frame),
    "docx-autonum": (".docx", word_autonum),
    "docx-multilevel": (".docx", word_multilevel),
    "docx-heading-styles": (".docx", word_heading_styles),
    "docx-closing-breaks": (".docx", word_closing_breaks),
    "docx-wrapped": (".docx", word_wrapped),
}
"""name → (file suffix, renderer)."""
