"""A user profile's ``enrichment:`` section reaches the library as it reaches the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import rectpipe
from rectpipe.cli import main
from rectpipe.enrich.config import config_for, default_config
from rectpipe.profiles import default_profile, load_profile

from .conftest import SEED

PROFILE = """\
enrichment:
  keyword_count: 2
  topics:
    测试主题: [亩均税收差距]
  topic_weights: {title: 100}
"""


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profile") / "mine.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def test_profile_without_section_uses_the_default(tmp_path: Path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text("name: plain\n", encoding="utf-8")
    assert load_profile(path).enrichment is None
    assert config_for(load_profile(path)) is default_config()
    assert config_for(default_profile()) is default_config()
    assert config_for(None) is default_config()


def test_section_is_merged_over_the_default(profile_path: Path) -> None:
    profile = load_profile(profile_path)
    config = config_for(profile)
    assert config is config_for(profile)  # cached per profile
    assert config.keyword_count == 2
    assert "测试主题" in config.topics and "产业发展" in config.topics
    assert config.org_suffixes == default_config().org_suffixes


def test_parse_file_honours_the_profile(
    profile_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = rectpipe.parse_file(SEED, profile=load_profile(profile_path), enrich=True)
    problems = report.iter_problems()
    assert all(p.enrichment is not None and len(p.enrichment.keywords) <= 2 for p in problems)
    second = problems[1].enrichment
    assert second is not None and second.topic_scores["测试主题"] > 0
    default = rectpipe.parse_file(SEED, enrich=True).iter_problems()[1].enrichment
    assert default is not None and "测试主题" not in default.topic_scores
    assert len(default.keywords) > 2
    assert main(["extract", str(SEED), "--enrich", "--profile", str(profile_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    cli = [p["enrichment"] for p in _problems(data)]
    assert cli == [p.enrichment.model_dump(mode="json") for p in problems if p.enrichment]


def test_explicit_enrich_config_wins(profile_path: Path) -> None:
    report = rectpipe.parse_file(
        SEED, profile=load_profile(profile_path), enrich=True, enrich_config=default_config()
    )
    second = report.iter_problems()[1].enrichment
    assert second is not None and "测试主题" not in second.topic_scores


def _problems(node: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if "enrichment" in node and "number" in node:
            found.append(node)
        for value in node.values():
            found.extend(_problems(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_problems(value))
    return found


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "statuses: [a\n  b: c",
            "not valid YAML: did not find expected ',' or ']' (line 2, column 4)",
        ),
        (b"\xff\xfe", "not UTF-8 text"),
    ],
)
def test_unreadable_profile_is_one_line_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes, reason: str
) -> None:
    path = tmp_path / "bad.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    assert main(["extract", str(SEED), "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"rectpipe: usage: cannot read profile {path}: {reason}\n"
