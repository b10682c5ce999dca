"""Records ↔ models: the library's edge, where the pipeline's plain records
(:mod:`.records`) become the pydantic models users get (:mod:`.report`, :mod:`.enrichment`),
and back.

Records hold what validation would give (the pipeline made them), so models are made without
validating (:mod:`.to_model`, generated); a float field holding an int gets the float
validation would have made of it.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any, overload

from pydantic import BaseModel

from . import enrichment, records, report
from .lean import LeanModel
from .to_model import to_model as _made
from .to_model import to_model_taking as _taking

__all__ = ["from_model", "to_model", "to_model_taking"]

#: record class → model class, and back.
_MODEL: dict[type, type[LeanModel]] = {
    cls: getattr(report, cls.__name__, None) or getattr(enrichment, cls.__name__)
    for cls in records.SPECS
}
_RECORD: dict[type, type] = {model: record for record, model in _MODEL.items()}


@overload
def to_model(record: records.Report) -> report.Report: ...
@overload
def to_model(record: Any) -> Any: ...
def to_model(record: Any) -> Any:
    """The model of ``record`` (a model given is returned as it is)."""
    if isinstance(record, BaseModel):
        return record
    return _made(record)


def to_model_taking(record: records.Report) -> report.Report:
    """The model of ``record``, a report record that nothing else holds, taken apart as its
    model is made (it is left with empty lists): a long report is never held whole twice, as
    records and as models. The parse functions give their records so."""
    made: report.Report = _taking(record)
    return made


def _back(value: Any, kind: str) -> Any:
    if value is None:
        return None
    kind = kind.rstrip("?")
    if kind == "model":
        return from_model(value)
    if kind == "models":
        return [from_model(v) for v in value]
    if kind == "model_map":
        return {k: from_model(v) for k, v in value.items()}
    if kind in ("plain_list", "str_map", "enum_map", "float_map"):
        return type(value)(value)
    return value


def from_model(model: Any) -> Any:
    """The record of ``model`` (a record given is returned as it is)."""
    if not isinstance(model, BaseModel):
        return model
    cls = _RECORD[type(model)]
    return cls(**{name: _back(getattr(model, name), kind) for name, kind, _ in records.SPECS[cls]})
