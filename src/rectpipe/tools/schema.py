"""The JSON Schema of the output contract, and validation of saved outputs.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidOutputError
from ..models.report import SCHEMA_NAME, SCHEMA_VERSION, Report
from ..runtime.paths import AnyPath, fs_str

__all__ = ["readable_version", "report_schema", "schema_text", "validate_file", "validate_text"]


def report_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of :class:`~rectpipe.models.Report`."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://rectpipe.invalid/schemas/{SCHEMA_NAME}/{SCHEMA_VERSION}.json"
    return schema


def schema_text(which: str = "report") -> str:
    """The schema as the text committed in ``schemas/report.schema.json`` (``which="report"``)
    or ``schemas/profile.schema.json`` (``which="profile"``: a profile file)."""
    if which == "profile":
        from ..profiles.model import profile_schema

        schema = profile_schema()
    else:
        schema = report_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def readable_version(version: object) -> bool:
    """True for versions this release can read: the same major, a minor not newer than ours.

    Minor versions only add optional fields, so an older output validates against this model.
    """
    if not isinstance(version, str):
        return False
    major, _, minor = version.partition(".")
    ours_major, _, ours_minor = SCHEMA_VERSION.partition(".")
    return major == ours_major and minor.isdigit() and int(minor) <= int(ours_minor)


def validate_text(text: str, *, name: str | None = None) -> Report:
    """The report a JSON text holds. Raises :class:`InvalidOutputError` with the first problem
    found (not JSON, another schema, a field of the wrong type)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidOutputError(f"not JSON: {exc.msg} at line {exc.lineno}", path=name) from None
    if not isinstance(data, dict) or data.get("schema_name") != SCHEMA_NAME:
        raise InvalidOutputError(f"not a {SCHEMA_NAME} document", path=name)
    version = data.get("schema_version")
    if not readable_version(version):
        raise InvalidOutputError(
            f"schema_version {version!r}, this rectpipe reads 1.0 to {SCHEMA_VERSION}", path=name
        )
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidOutputError(
            f"{where}: {first['msg']} ({exc.error_count()} error(s))", path=name
        ) from None


def validate_file(path: AnyPath) -> Report:
    """:func:`validate_text` on a file (named by ``str``, ``bytes`` or a path-like)."""
    name = fs_str(path)
    try:
        text = Path(name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidOutputError(f"cannot read: {exc}", path=name) from None
    return validate_text(text, name=name)
