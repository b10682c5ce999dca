from __future__ import annotations

import json

import pytest

from rectpipe.errors import InvalidOutputError
from rectpipe.tools.schema import schema_text, validate_text
from rectpipe.writers import dumps

from .conftest import ROOT


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "report.schema.json").read_text("utf-8")
    assert committed == schema_text(), "schemas/ is stale: run `make schema`"


def test_json_round_trip(seed_report) -> None:  # type: ignore[no-untyped-def]
    text = dumps(seed_report, "json")
    assert "\\u" not in text  # real characters, not escapes
    assert validate_text(text) == seed_report


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version="0.0"), "schema_version"),
        (lambda d: d.update(schema_name="other"), "not a rectpipe.report"),
        (lambda d: d["metadata"].update(colour="red"), "metadata.colour"),
        (lambda d: d["sections"][1]["sections"][0]["problems"][0].update(status="done"), "status"),
    ],
)
def test_invalid_outputs_are_refused(seed_report, change, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps(seed_report, "json"))
    change(data)
    with pytest.raises(InvalidOutputError, match=message):
        validate_text(json.dumps(data, ensure_ascii=False))


def test_older_minor_versions_still_validate(seed_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps(seed_report, "json"))
    data["schema_version"] = "1.0"
    assert validate_text(json.dumps(data, ensure_ascii=False)).schema_version == "1.0"
