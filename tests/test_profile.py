"""Profiles: the default's JSON copy and the JSON Schema are current, user files are validated
(errors name the key and its line), merged over the default, and read once per command."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

import rectpipe
from rectpipe.cli import main
from rectpipe.errors import UsageError
from rectpipe.models.report import Status
from rectpipe.profiles import default_profile, load_profile, profile
from rectpipe.profiles.model import ProfileFile
from rectpipe.tools.schema import schema_text

from .conftest import ROOT, SEED


def _script() -> object:
    spec = importlib.util.spec_from_file_location(
        "make_profile_data", ROOT / "scripts" / "make_profile_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_default_json_is_current() -> None:
    text = _script().profile_data_text()  # type: ignore[attr-defined]
    assert profile.DEFAULT_JSON.read_text("utf-8") == text, "run `make schema`"


def test_committed_profile_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "profile.schema.json").read_text("utf-8")
    assert committed == schema_text("profile"), "schemas/ is stale: run `make schema`"


def test_default_yaml_is_a_valid_profile_that_sets_every_key() -> None:
    data = yaml.safe_load(profile.DEFAULT_YAML.read_text("utf-8"))
    checked = ProfileFile.model_validate(data)
    assert checked.model_fields_set == set(ProfileFile.model_fields)
    for name in ("labels", "findings", "table_columns", "enrichment"):
        section = getattr(checked, name)
        assert section.model_fields_set == set(type(section).model_fields), name
    assert checked.enrichment.document_roles.model_fields_set == {"revised", "issued", "studied"}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: mine\nlabel:\n  status: [进度]\n", "line 2: label: unknown key"),
        ("labels:\n  status: [进度]\n  statsu: [x]\n", "line 3: labels.statsu: unknown key"),
        (
            "status:\n  completed: [好了]\n  done: [完事]\n",
            "line 3: status.done: Input should be 'completed', 'partially_completed'",
        ),
        ("long_term:\n", "line 1: long_term: Input should be a valid list"),
        ("status_sentence_max_chars: many\n", "line 1: status_sentence_max_chars: Input should"),
        (
            "enrichment:\n  topics:\n    安全: [隐患]\n  completed_contradictions:\n    - 'a'\n"
            "    - '('\n",
            "line 4: enrichment.completed_contradictions: Value error, '(' is not a regular",
        ),
        ("findings:\n  wrappers: [关于]\n  shortfall: 不足\n", "line 3: findings.shortfall:"),
        ("- a\n- b\n", "must be a mapping"),
    ],
)
def test_invalid_profile_names_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_profile(path)
    assert f"invalid profile {path}: " in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_invalid_profile_is_one_line_usage_error_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "labels:\n  status: [进度]\nnarative_sections: [x]\nlong_term: 1\n")
    assert main(["extract", str(SEED), "--profile", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"rectpipe: usage: invalid profile {path}: line 3: narative_sections: unknown key"
        " (and 1 more error)\n"
    )


def test_user_lists_come_first_and_phrases_longest_first(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "name: mine\nstatus:\n  completed: [办好了]\n  not_completed: [没办]\n"
        "inspection_kinds: [巡查, 2023]\nlabels:\n  status: [整改完成度情况]\n",
    )
    mine = load_profile(path)
    base = default_profile()
    assert mine.name == "mine"
    assert mine.inspection_kinds == ("巡查", "2023", *base.inspection_kinds)
    assert ("办好了", Status.COMPLETED) in mine.status_phrases
    assert ("没办", Status.NOT_COMPLETED) in mine.status_phrases
    lengths = [len(phrase) for phrase, _ in mine.status_phrases]
    assert lengths == sorted(lengths, reverse=True)
    assert mine.labels["status"][0] == "整改完成度情况"
    assert set(base.labels["status"]) < set(mine.labels["status"])
    assert mine.table_columns == base.table_columns and mine.findings == base.findings
    assert mine.enrichment is None
    # identity-hashed: two loads of one file are two profiles, the default is one
    assert load_profile(path) != mine and hash(load_profile(path)) != hash(mine)
    assert default_profile() is base and load_profile(None) is base


def test_empty_profile_is_the_default(tmp_path: Path) -> None:
    assert load_profile(_write(tmp_path, "# nothing\n")) is default_profile()


def test_the_command_reads_a_profile_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "enrichment:\n  keyword_count: 1\n")
    calls: list[object] = []
    real = profile.read_user_file

    def counting(name: str | Path) -> object:
        calls.append(name)
        return real(name)

    monkeypatch.setattr(profile, "read_user_file", counting)
    assert main(["extract", str(SEED), "--enrich", "--profile", str(path)]) == 0
    assert calls == [str(path)]
    data = json.loads(capsys.readouterr().out)
    assert all(len(p["enrichment"]["keywords"]) <= 1 for p in data["problems"] + _all(data))


def _all(data: dict[str, object]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for section in data["sections"]:  # type: ignore[attr-defined]
        found += section["problems"]
        found += _all(section)
    return found


def test_default_profile_loads_without_yaml_or_pydantic_models(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from rectpipe.profiles import default_profile\n"
        "assert default_profile().status_phrases\n"
        "print(sorted(m for m in ('yaml', 'rectpipe.profiles.model') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"
    assert rectpipe.load_profile is load_profile


def test_a_user_profile_never_shares_data_with_the_default(tmp_path: Path) -> None:
    mine = load_profile(_write(tmp_path, "enrichment:\n  keyword_count: 3\n"))
    assert mine.enrichment is not None
    mine.enrichment["topics"]["营商环境"].append("改过")
    again = load_profile(_write(tmp_path, "enrichment:\n  keyword_count: 4\n"))
    assert again.enrichment is not None and "改过" not in again.enrichment["topics"]["营商环境"]
