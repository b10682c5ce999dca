"""The pipeline's records and their JSON: generated from the models, and written exactly as the
models would be (``json.dumps(model.model_dump(mode="json"), indent=2)``)."""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from rectpipe.cli import main
from rectpipe.models import records
from rectpipe.models.convert import from_model, to_model, to_model_taking
from rectpipe.models.records import BlockRef, Box, Provenance, Status, copied
from rectpipe.pipeline import parse_file, parse_file_record
from rectpipe.writers.record_json import dumps_record, dumps_records, record_data
from rectpipe.writers.stream import record_json_chunks, render_chunks

from .conftest import ROOT, SAMPLES, SEED


def _model_json(model: object) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)  # type: ignore[attr-defined]


def _documents() -> list[Path]:
    skip = (".json", ".yaml", ".md")
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(skip))


def test_the_generated_modules_are_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_records.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_model_has_a_record_with_its_fields_in_order() -> None:
    from rectpipe.models import enrichment, report

    for cls, fields in records.SPECS.items():
        model = getattr(report, cls.__name__, None) or getattr(enrichment, cls.__name__)
        assert [f[0] for f in fields] == list(model.model_fields), cls.__name__
        assert list(cls.__slots__) == list(model.model_fields)


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_a_samples_records_write_what_its_models_write(path: Path) -> None:
    record = parse_file_record(path)
    model = to_model(record)
    text = "".join(record_json_chunks(record))
    assert text == _model_json(model) + "\n"
    assert text == (path.parent / f"{path.name}.expected.json").read_text("utf-8")
    assert from_model(model) == record
    assert to_model(from_model(model)) == model


def test_the_library_gives_models_and_the_same_report() -> None:
    model = parse_file(SEED)
    assert type(model).__module__ == "rectpipe.models.report"
    assert from_model(model) == parse_file_record(SEED)


def test_floats_are_written_as_the_models_write_them() -> None:
    """Ints in float fields become floats; tiny, huge and non-finite values keep Python's
    spelling (``1e-05``, ``1e+16``, ``NaN``), as ``json.dumps`` of the model's data does."""
    values = [3, 0.5, 1e-05, 3.0517578125e-05, 1e16, -2.5e-7, math.inf, -math.inf, math.nan]
    for value in values:
        box = Box(page=1, x0=value, top=0, x1=1, bottom=2)
        assert dumps_record(box) == _model_json(to_model(box))
    ref = BlockRef(
        index=0, kind="paragraph", path="p[0]", bbox=(1, 2.5, 3e-5, 1e17), start=0, end=1
    )
    assert dumps_record(ref) == _model_json(to_model(ref))
    assert record_data(ref)["bbox"] == [1.0, 2.5, 3e-5, 1e17]


def test_fields_left_out_when_absent_and_strings_escaped() -> None:
    plain = Provenance(start=0, end=2, block=0, path='a"\\\n\x01')
    assert "boxes" not in dumps_record(plain)
    assert dumps_record(plain) == _model_json(to_model(plain))
    boxed = copied(plain, boxes=[Box(page=2, x0=1.0, top=2.0, x1=3.0, bottom=4.0)])
    assert '"boxes": [' in dumps_record(boxed)
    assert plain.boxes is None  # copied left the original as it was
    assert dumps_records([plain, boxed]) == json.dumps(
        [to_model(plain).model_dump(mode="json"), to_model(boxed).model_dump(mode="json")],
        ensure_ascii=False,
        indent=2,
    )


def test_records_compare_by_value_and_show_their_fields() -> None:
    one = Provenance(start=0, end=2, block=0, path="p[0]")
    assert one == Provenance(start=0, end=2, block=0, path="p[0]")
    assert one != copied(one, end=3)
    assert repr(one) == "Provenance(start=0, end=2, block=0, path='p[0]', page=None, boxes=None)"
    with pytest.raises(TypeError):
        hash(one)


def test_several_reports_and_other_formats_from_records() -> None:
    record = parse_file_record(SEED)
    both = "".join(str(p) for p in render_chunks([record, record], "json"))
    assert json.loads(both) == [json.loads(_model_json(to_model(record)))] * 2
    yaml_text = "".join(str(p) for p in render_chunks(record, "yaml"))
    assert yaml_text == "".join(str(p) for p in render_chunks(to_model(record), "yaml"))
    rows = "".join(str(p) for p in render_chunks(record, "jsonl"))
    assert rows == "".join(str(p) for p in render_chunks(to_model(record), "jsonl"))
    assert record.summary.by_status.get(Status.COMPLETED, 0) >= 0


def test_the_command_writes_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out == (SEED.parent / f"{SEED.name}.expected.json").read_text("utf-8")
    assert io.StringIO(out).readline() == "{\n"


def test_a_box_shared_by_records_is_one_model() -> None:
    box = Box(page=1, x0=1.0, top=2.0, x1=3.0, bottom=4.0)
    twin = Box(page=1, x0=1.0, top=2.0, x1=3.0, bottom=4.0)
    first = Provenance(start=0, end=1, block=0, path="p:0", page=1, boxes=[box, twin, box])
    one = to_model(first)
    assert one.boxes[0] is one.boxes[2]  # the record shared, the model shared
    assert one.boxes[0] == one.boxes[1] and one.boxes[0] is not one.boxes[1]
    assert to_model(first).boxes[0] is not one.boxes[0]  # each conversion makes its own
    boxes = _boxes_in(to_model(parse_file_record(SAMPLES / "seed-yongzhou.pdf")))
    assert len({id(box) for box in boxes}) < len(boxes)
    with pytest.raises(ValidationError):  # frozen: a shared box cannot change in one place
        one.boxes[0].x0 = 9.0  # type: ignore[misc]
    assert one.boxes[2].x0 == 1.0


def _boxes_in(value: object) -> list[object]:
    """Every box model reached from ``value``, as often as it is reached."""
    if type(value).__name__ == "Box":
        return [value]
    if isinstance(value, (list, tuple)):
        return [box for item in value for box in _boxes_in(item)]
    if isinstance(value, dict):
        return [box for item in value.values() for box in _boxes_in(item)]
    if isinstance(value, BaseModel):
        return [box for name in type(value).model_fields for box in _boxes_in(getattr(value, name))]
    return []


def test_a_report_taken_apart_makes_the_model_a_kept_one_makes() -> None:
    # the parse functions make their models so: the records let go of as the models are made
    path = SAMPLES / "seed-yongzhou.pdf"
    kept, taken = parse_file_record(path), parse_file_record(path)
    made = to_model_taking(taken)
    assert made == to_model(kept)
    assert made.model_dump_json() == to_model(kept).model_dump_json()
    assert (taken.sections, taken.problems, taken.blocks) == ([], [], [])  # emptied
    assert kept.sections and kept.blocks  # to_model leaves its record whole
    boxes = _boxes_in(made)  # a box shared by records is still one model
    assert len({id(box) for box in boxes}) == len({id(box) for box in _boxes_in(to_model(kept))})
    assert len({id(box) for box in boxes}) < len(boxes)
    assert parse_file(path) == made
