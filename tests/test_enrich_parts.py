"""The enrichment finders on short texts, and the jieba door."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rectpipe.enrich.config import default_config, load_config
from rectpipe.enrich.quantities import find_quantities
from rectpipe.enrich.references import find_documents, find_numbers, find_references
from rectpipe.enrich.segment import segment
from rectpipe.errors import UsageError
from rectpipe.text.date_mentions import find_dates

from .conftest import ROOT


def _dates(text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [
        (d.text, d.kind, d.value, d.value_end, d.inferred)
        for d in find_dates(text, report_year=2023)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年12月22日", [("2023年12月22日", "date", "2023-12-22", None, False)]),
        ("二〇二三年十二月", [("二〇二三年十二月", "date", "2023-12", None, False)]),
        (
            "二〇二三年十二月二十二日",
            [("二〇二三年十二月二十二日", "date", "2023-12-22", None, False)],
        ),
        (
            "2023年3月10日至6月10日",
            [("2023年3月10日至6月10日", "range", "2023-03-10", "2023-06-10", False)],
        ),
        ("2024年6月至8月", [("2024年6月至8月", "range", "2024-06", "2024-08", False)]),
        ("（2023-2025年）", [("2023-2025年", "range", "2023", "2025", False)]),
        ("已于8月报备", [("8月", "date", "2023-08", None, True)]),
        ("今年秋季开学", [("今年秋季", "date", "2023-09", "2023-11", True)]),
        ("去年12月", [("去年12月", "date", "2022-12", None, True)]),
        ("2024年冬季", [("2024年冬季", "date", "2024-12", "2025-02", False)]),
        ("年底前完成", [("年底前", "deadline", "2023-12-31", None, True)]),
        ("2024年6月底前完成", [("2024年6月底前", "deadline", "2024-06-30", None, False)]),
        ("2025年3月15日前", [("2025年3月15日前", "deadline", "2025-03-15", None, False)]),
        ("今年内完成", [("今年内", "deadline", "2023-12-31", None, True)]),
        ("立行立改", [("立行立改", "deadline", None, None, False)]),
        ("2022年以来", [("2022年", "date", "2022", None, False)]),
        (
            "2023年4月；12月1日-3日",
            [
                ("2023年4月", "date", "2023-04", None, False),
                ("12月1日-3日", "range", "2023-12-01", "2023-12-03", True),
            ],
        ),
        (
            "2022年9月。后于5月完工",
            [
                ("2022年9月", "date", "2022-09", None, False),
                ("5月", "date", "2022-05", None, True),
            ],
        ),
        ("经过三个月", []),
        ("三年内完成", []),
        ("2023年13月", []),
        ("2月30日", []),
        ("湘编发〔2023〕4号", []),
    ],
)
def test_dates(text: str, expected: list[tuple[str, str, str | None, str | None, bool]]) -> None:
    assert _dates(text) == expected


def test_deadline_terms_and_offsets() -> None:
    found = find_dates("责任单位：局办公室；时限：立行立改、长期坚持", base=100)
    assert [(d.term, d.start) for d in found] == [("immediate", 113), ("long_term", 118)]


def test_without_a_report_year_inferred_values_are_none() -> None:
    found = find_dates("已于8月完成，年底前办结")
    assert [(d.text, d.value, d.inferred) for d in found] == [
        ("8月", None, True),
        ("年底前", None, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("追缴资金7.132万元", [("7.132万元", "money", 7.132, "万元", 71320.0)]),
        ("涉及1369.5万元", [("1369.5万元", "money", 1369.5, "万元", 13695000.0)]),
        ("总投资3亿元", [("3亿元", "money", 3.0, "亿元", 300000000.0)]),
        ("罚款3,000元", [("3,000元", "money", 3000.0, "元", 3000.0)]),
        ("投资三千万元", [("三千万元", "money", 3000.0, "万元", 30000000.0)]),
        ("召开会议19次", [("19次", "count", 19.0, "次", None)]),
        ("抽调9名干部", [("9名", "count", 9.0, "名", None)]),
        ("3件6人", [("3件", "count", 3.0, "件", None), ("6人", "count", 6.0, "人", None)]),
        ("完成率76%", [("76%", "percent", 76.0, "%", None)]),
        ("一次性告知", []),
        ("三个月", []),
        ("第6届", []),
        ("提高11个百分点", []),
        ("湘编发〔2023〕4号", []),
        ("8月1日-3日", []),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, str, float, str, float | None]]) -> None:
    found = find_quantities(text)
    assert [(q.text, q.kind, q.value, q.unit, q.yuan) for q in found] == expected
    assert all(text[q.start : q.end] == q.text for q in found)


def test_approximate_amounts() -> None:
    found = find_quantities("为20余家企业追回200余万元")
    assert [(q.text, q.approximate) for q in found] == [("20余家", True), ("200余万元", True)]


def test_document_numbers() -> None:
    text = "根据桂审报〔2022〕3号文件，印发《整改方案》（江办发〔2024〕21号）"
    numbers = find_numbers(text)
    assert [(n.text, n.code, n.year, n.serial) for n in numbers] == [
        ("桂审报〔2022〕3号", "桂审报", 2022, 3),
        ("江办发〔2024〕21号", "江办发", 2024, 21),
    ]
    documents = find_documents(text, default_config().document_roles, numbers)
    assert [(d.title, d.role, d.number) for d in documents] == [
        ("整改方案", "issued", "江办发〔2024〕21号")
    ]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("制定出台了《股权投资管理办法》", "issued"),
        ("修改完善了《实施意见》", "revised"),
        ("组织全体党员学习《条例》", "studied"),
        ("对《管理办法》进行了修订", "revised"),
        ("严格按《股权投资管理办法》开展投资", "cited"),
        ("出台了《甲办法》、《乙办法》", "issued"),
    ],
)
def test_document_roles(text: str, role: str) -> None:
    documents = find_documents(text, default_config().document_roles)
    assert documents and documents[-1].role == role


def test_meetings_with_counts() -> None:
    text = "组织召开党工委会议16次，先后召开专题会议、书记办公会和党工委会议19次"
    tokens = segment(text)
    config = default_config()
    refs = find_references(text, config.document_roles, tokens, config.meeting_suffixes)
    assert [(m.name, m.times) for m in refs.meetings] == [
        ("党工委会议", 16),
        ("专题会议", None),
        ("书记办公会", None),
        ("党工委会议", None),
    ]


def test_segment_keeps_pattern_names_whole() -> None:
    text = "中央第五生态环境保护督察组、省委第九巡视组和区纪工委"
    config = default_config()
    tokens = segment(text, config.org_patterns, config.dictionary)
    words = [t.text for t in tokens]
    assert "中央第五生态环境保护督察组" in words
    assert "省委第九巡视组" in words
    assert "区纪工委" in words
    assert "".join(words) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_user_profile_extends_the_taxonomy(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("enrichment:\n  topics:\n    安全生产: [隐患, 安全生产]\n", "utf-8")
    config = load_config(mine)
    assert "安全生产" in config.topics and "土地管理" in config.topics
    assert load_config(None) is default_config()
    bad = tmp_path / "bad.yaml"
    bad.write_text("enrichment:\n  completed_contradictions: ['(']\n", "utf-8")
    with pytest.raises(UsageError):
        load_config(bad)


def test_only_the_jieba_module_imports_jieba() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "src" / "rectpipe").rglob("*.py")
        if path.name != "_jieba.py" and "import jieba" in path.read_text("utf-8")
    ]
    assert offenders == []


def test_jieba_is_quiet_and_caches_in_rectpipes_folder(tmp_path: Path) -> None:
    code = (
        "from rectpipe.enrich import _jieba\n"
        "words = (('区纪工委', 'nt'), ('产投集团', 'nt'))\n"
        "print(' '.join(t.text for t in _jieba.tokens('区纪工委对产投集团开展监督', words)))\n"
        "print(_jieba.cache_dir())\n"
    )
    env = {**os.environ, "RECTPIPE_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    words, folder = done.stdout.splitlines()
    assert words.split() == ["区纪工委", "对", "产投集团", "开展", "监督"]
    assert folder == str(tmp_path / "cache")
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["jieba-0.42.1.cache"]
