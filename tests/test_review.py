"""The review page without a browser: span nesting, escaping, self-containment, the CLI."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from rectpipe.cli import main
from rectpipe.models import Report
from rectpipe.tools.highlight import Span, highlight
from rectpipe.tools.review import render_review

from .conftest import SEED


class Fragments(HTMLParser):
    """The text of the document, and the text inside each ``data-span`` (all fragments)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[str | None] = []
        self.spans: dict[str, str] = defaultdict(str)
        self.bounds: dict[str, tuple[int, int]] = {}
        self.fragments: dict[str, int] = defaultdict(int)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        span = values.get("data-span")
        self.stack.append(span)
        if span is not None:
            self.fragments[span] += 1
            self.bounds[span] = (int(values["data-start"] or 0), int(values["data-end"] or 0))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for span in self.stack:
            if span is not None:
                self.spans[span] += data


def parse(markup: str) -> Fragments:
    parser = Fragments()
    parser.feed(f"<div>{markup}</div>")
    parser.close()
    assert parser.stack == []
    return parser


def test_crossing_spans_are_split() -> None:
    text = "0123456789"
    result = highlight(text, [Span(0, 5), Span(3, 8), Span(3, 5, rank=1)])
    parsed = parse(result.html)
    assert parsed.text == text
    assert dict(parsed.spans) == {"0": "01234", "1": "34567", "2": "34"}
    assert parsed.fragments == {"0": 1, "1": 2, "2": 1}
    assert 'class="hl cont"' in result.html


def test_edges() -> None:
    result = highlight("abc", [Span(1, 1, anchor="here"), Span(2, 9), Span(5, 6), Span(2, 1)])
    assert result.skipped == (2, 3)
    parsed = parse(result.html)
    assert parsed.text == "abc" and parsed.spans["1"] == "c"
    assert '<span class="hl" id="here" data-span="0" data-start="1" data-end="1"></span>' in (
        result.html
    )


@given(
    st.text(alphabet="ab<&>\"'\r\n整改\t", max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.integers(0, 3)), max_size=12),
)
def test_any_spans_nest_and_keep_their_text(text: str, raw: list[tuple[int, int, int]]) -> None:
    spans = [Span(min(a, b), max(a, b), rank=rank) for a, b, rank in raw]
    result = highlight(text, spans)
    parsed = parse(result.html)
    assert parsed.text == text
    for key, (start, end) in parsed.bounds.items():
        assert parsed.spans.get(key, "") == text[start:end]
    kept = {str(i) for i in range(len(spans)) if i not in result.skipped}
    assert set(parsed.bounds) == kept


def test_page_is_self_contained(seed_report: Report) -> None:
    page = render_review(seed_report)
    assert '<meta name="viewport"' in page
    assert not re.search(r"<(link|img|iframe|object)\b|\bsrc=|url\(|@import", page)
    assert "http://" not in page and "https://" not in page
    assert page.count("<script>") == 1


def test_every_source_is_highlighted(seed_report: Report) -> None:
    page = render_review(seed_report)
    doc = page.split('<div id="doc" class="doc">', 1)[1].split("</div></main>", 1)[0]
    parsed = parse(doc)
    assert parsed.text == seed_report.text
    found = set(parsed.bounds.values())
    for problem in seed_report.iter_problems():
        assert (problem.provenance.start, problem.provenance.end) in found
        for where in problem.sources.values():
            assert (where.start, where.end) in found
        for measure in problem.measures:
            assert (measure.provenance.start, measure.provenance.end) in found


def test_review_cli_from_document_and_from_json(tmp_path: Path) -> None:
    saved = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(saved)]) == 0
    from_document, from_json = tmp_path / "a.html", tmp_path / "b.html"
    assert main(["review", str(SEED), "-o", str(from_document)]) == 0
    assert main(["review", str(saved), "-o", str(from_json)]) == 0
    assert from_document.read_text("utf-8") == from_json.read_text("utf-8")
    assert main(["review", str(tmp_path / "missing.txt")]) == 3
