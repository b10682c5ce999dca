"""Property-based tests: arbitrary text never breaks the normaliser, grammar or pipeline."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rectpipe
from rectpipe.errors import RectpipeError
from rectpipe.text.normalize import clean_text
from rectpipe.text.numbering import match_marker
from rectpipe.tools.provenance import check_sources
from rectpipe.tools.schema import validate_text
from rectpipe.writers import dumps

# Text drawn mostly from the genre's own alphabet, so the grammar is really exercised.
ALPHABET = st.sampled_from(
    [
        *list(
            [
                *"一二三四五六七八九十（）()、.．。，：:；“”1234567890是整改结果情况完成阶段性正在问题反馈",
                *[" ", "\u3000", "\n", "\t", "\u2f00", "\u200b", "A", "%"],
            ]
        ),
        " ",
        "\u3000",
        "\n",
        "\t",
        "⼀",
        "\u200b",
        "A",
        "%",
    ]
)
genre_text = st.text(alphabet=ALPHABET, max_size=400)
any_text = st.text(max_size=300)

LINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["一、问题整改情况", "二、下一步工作安排", "（一）反馈问题：甲。", "(二)乙"]
        ),
        st.builds(lambda n, t: f"{n}.{t}", st.integers(1, 40), genre_text),
        st.sampled_from(["整改结果：完成。", "整改结果:阶段性完成", "整改情况：一是甲。二是乙。"]),
        genre_text,
    ),
    max_size=30,
)


@given(st.one_of(any_text, genre_text))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.one_of(any_text, genre_text))
def test_marker_points_inside_the_text(text: str) -> None:
    marker = match_marker(text)
    if marker is not None:
        assert 0 < marker.end <= len(text)
        assert marker.raw in text[: marker.end]
        assert marker.ordinal >= 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_pipeline_never_raises_and_offsets_hold(lines: list[str]) -> None:
    try:
        report = rectpipe.parse_text("\n".join(lines))
    except RectpipeError:
        return
    text = report.text
    for problem in report.iter_problems():
        assert 0 <= problem.provenance.start <= problem.provenance.end <= len(text)
        for where in problem.sources.values():
            assert 0 <= where.start <= where.end <= len(text)
    # Every value's source holds it (or what it is derived from): the provenance invariant.
    assert check_sources(report) == []
    for block in report.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    # JSON out → validate → the same model.
    assert validate_text(dumps(report, "json")) == report
    json.loads(dumps(report, "json"))
