"""LayoutSettings: one frozen record for the PDF layout's thresholds, threaded to every stage."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest

from rectpipe.readers.blocks import BlockKind
from rectpipe.readers.pdf import LayoutSettings, read_pdf
from rectpipe.readers.pdf import settings as settings_module

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ENGINES = ["pdfplumber", "pdfium"]


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        LayoutSettings().furniture_band = 0.1  # type: ignore[misc]


def test_every_field_has_a_docstring() -> None:
    tree = ast.parse(inspect.getsource(settings_module))
    (cls,) = (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "LayoutSettings")
    documented = {
        field.target.id
        for field, after in zip(cls.body, cls.body[1:], strict=False)
        if isinstance(field, ast.AnnAssign)
        and isinstance(field.target, ast.Name)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
    }
    assert documented == {f.name for f in dataclasses.fields(LayoutSettings)}


@pytest.mark.parametrize("engine", ENGINES)
def test_default_settings_read_as_no_settings(engine: str) -> None:
    data = (SAMPLES / "ledger-taizhang.pdf").read_bytes()
    assert read_pdf(data, engine=engine, settings=LayoutSettings()) == read_pdf(data, engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_settings_reach_the_furniture_and_the_tables(engine: str) -> None:
    data = (SAMPLES / "ledger-taizhang.pdf").read_bytes()
    default = read_pdf(data, engine=engine)
    assert default.removed
    assert any(block.kind is BlockKind.TABLE for block in default.blocks)
    no_band = dataclasses.replace(LayoutSettings(), furniture_band=0.0)
    assert not read_pdf(data, engine=engine, settings=no_band).removed
    # without its ruling lines, the ledger is still a table: its text's alignment shows it
    no_ruled = dataclasses.replace(LayoutSettings(), max_table_edges=0)
    blocks = read_pdf(data, engine=engine, settings=no_ruled).blocks
    (table,) = [block for block in blocks if block.kind is BlockKind.TABLE]
    assert table.cells is not None and len(table.cells[0]) == 6
    no_tables = dataclasses.replace(no_ruled, unruled_min_columns=1000)
    blocks = read_pdf(data, engine=engine, settings=no_tables).blocks
    assert not any(block.kind is BlockKind.TABLE for block in blocks)
