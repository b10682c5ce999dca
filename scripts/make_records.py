"""Write the pipeline's records and their JSON writer from the output models (``make schema``).

    python scripts/make_records.py [--check]

The output contract is declared once, as pydantic models (:mod:`rectpipe.models.report` and
:mod:`rectpipe.models.enrichment`). The pipeline builds plain records instead, classes with
the same names, fields, defaults and methods but no pydantic behind them, and converts them
to the models only at the library's edge. Two modules are generated from the models:

* ``src/rectpipe/models/records.py``: one slotted class per model, with a keyword-only
  constructor, equality, ``repr`` and the model's own methods (copied from its source), and
  :data:`SPECS`, each class's fields with the kind of value they hold;
* ``src/rectpipe/writers/record_json.py``: one function per class writing a record as
  ``json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2)`` writes the
  model, byte for byte, without building the model or the dictionaries.

``--check`` writes nothing and exits 1 when a committed module differs from what would be
generated (a test runs it).
"""

# ruff: noqa: E501  (the generated modules' templates)

from __future__ import annotations

import argparse
import inspect
import sys
import textwrap
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from rectpipe.models import enrichment, report

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "src" / "rectpipe" / "models" / "records.py"
WRITER = ROOT / "src" / "rectpipe" / "writers" / "record_json.py"
TO_MODEL = ROOT / "src" / "rectpipe" / "models" / "to_model.py"

#: The models in the order their records are written (a record's fields may name a later one:
#: annotations are strings).
MODELS: list[type[BaseModel]] = [
    *(getattr(enrichment, name) for name in enrichment.__all__ if name != "Part"),
    *(
        getattr(report, name)
        for name in report.__all__
        if isinstance(getattr(report, name), type) and issubclass(getattr(report, name), BaseModel)
    ),
]
NAMES = {model: model.__name__ for model in MODELS}
#: The vocabularies the records module passes on, so that the pipeline imports from one place.
VOCAB = ("InspectionKind", "MetadataOrigin", "Part", "Status")
#: Records the pipeline shares (one ``Box`` record for every provenance that lies on the same
#: box): each is made one model per conversion, shared as the record is.
SHARED = ("Box",)


# ---------------------------------------------------------------- what a field holds


def _strip_none(annotation: Any) -> tuple[Any, bool]:
    """``annotation`` without ``| None``, and whether it had it."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != len(get_args(annotation)):
            assert len(args) == 1, annotation
            return args[0], True
    return annotation, False


def kind_of(annotation: Any) -> str:
    """How a value of ``annotation`` is written and converted: ``str`` (a str or a literal
    of them), ``int``, ``bool``, ``enum``, ``float``, ``floats`` (a tuple of floats), ``model``, ``models``
    (a list of models), ``model_map`` (str → model), ``float_map`` (str → float),
    ``enum_map`` (enum → int), ``str_map`` / ``plain_list`` (str → str, a list of str or
    int), each with ``?`` when the value may be ``None``."""
    inner, optional = _strip_none(annotation)
    suffix = "?" if optional else ""
    origin = get_origin(inner)
    if inner is str or (origin is Literal and all(isinstance(a, str) for a in get_args(inner))):
        return "str" + suffix
    if inner is int:
        return "int" + suffix
    if inner is bool:
        return "bool" + suffix
    if inner is float:
        return "float" + suffix
    if isinstance(inner, type) and issubclass(inner, Enum):
        return "enum" + suffix
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return "model" + suffix
    args = get_args(inner)
    if origin is tuple and all(a is float for a in args):
        return "floats" + suffix
    if origin is list:
        (item,) = args
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models" + suffix
        if item in (str, int):
            return "plain_list" + suffix
    if origin is dict:
        key, value = args
        if key is str and isinstance(value, type) and issubclass(value, BaseModel):
            return "model_map" + suffix
        if key is str and value is float:
            return "float_map" + suffix
        if key is str and (value is str or get_origin(value) is Literal):
            return "str_map" + suffix
        if isinstance(key, type) and issubclass(key, Enum) and value is int:
            return "enum_map" + suffix
    raise TypeError(f"no record kind for {annotation!r}")


def type_text(annotation: Any) -> str:
    """``annotation`` as source text, naming records and enums by their class names."""
    inner, optional = _strip_none(annotation)
    tail = " | None" if optional else ""
    origin = get_origin(inner)
    if origin is Literal:
        text = "Literal[" + ", ".join(repr(a) for a in get_args(inner)) + "]"
    elif isinstance(inner, type):
        text = inner.__name__
    elif origin in (list, dict, tuple):
        text = f"{origin.__name__}[" + ", ".join(type_text(a) for a in get_args(inner)) + "]"
    else:
        raise TypeError(f"cannot write {annotation!r}")
    return text + tail


# ---------------------------------------------------------------- records.py


def _fields(model: type[BaseModel]) -> list[tuple[str, Any, Any, bool]]:
    """``(name, annotation, default, omitted when None)`` of each field; default is
    ``inspect.Parameter.empty`` when required, a ``list``/``dict``/model class when a factory
    makes it."""
    found = []
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            default: Any = info.default_factory
        elif info.is_required():
            default = inspect.Parameter.empty
        else:
            default = info.default
        found.append((name, info.annotation, default, info.exclude_if is not None))
    return found


def _default_text(default: Any) -> str:
    if isinstance(default, Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _methods(model: type[BaseModel]) -> list[str]:
    """The source of the methods ``model`` itself defines (not pydantic's)."""
    found = []
    for name, value in vars(model).items():
        if (
            inspect.isfunction(value)
            and not name.startswith("model_")
            and value.__module__ == model.__module__  # not pydantic's (a frozen model's hash)
        ):
            found.append(textwrap.dedent(inspect.getsource(value)))
    return found


def _record_class(model: type[BaseModel]) -> str:
    name = NAMES[model]
    fields = _fields(model)
    lines = [f"class {name}:", f'    """The record of :class:`~rectpipe.{name}`."""', ""]
    slots = ", ".join(f'"{f[0]}"' for f in fields)
    lines.append(f"    __slots__ = ({slots}{',' if len(fields) == 1 else ''})")
    lines.append("")
    for field, annotation, _default, _omit in fields:
        lines.append(f"    {field}: {type_text(annotation)}")
    lines.append("")
    params = []
    for field, annotation, default, _omit in fields:
        if default is inspect.Parameter.empty:
            params.append(f"{field}: {type_text(annotation)}")
        elif callable(default):
            params.append(f"{field}: {type_text(annotation)} | None = None")
        else:
            params.append(f"{field}: {type_text(annotation)} = {_default_text(default)}")
    lines.append("    def __init__(")
    lines.append("        self,")
    lines.append("        *,")
    lines.extend(f"        {p}," for p in params)
    lines.append("    ) -> None:")
    for field, _annotation, default, _omit in fields:
        if callable(default) and default is not inspect.Parameter.empty:
            made = f"{NAMES[default]}()" if default in NAMES else {list: "[]", dict: "{}"}[default]
            lines.append(f"        self.{field} = {made} if {field} is None else {field}")
        else:
            lines.append(f"        self.{field} = {field}")
    lines.append("")
    values = ", ".join(f"self.{f[0]}" for f in fields)
    others = ", ".join(f"other.{f[0]}" for f in fields)
    lines.append("    def __eq__(self, other: object) -> bool:")
    lines.append(f"        if not isinstance(other, {name}):")
    lines.append("            return NotImplemented")
    lines.append(f"        return ({values},) == ({others},)")
    lines.append("")
    lines.append("    __hash__ = None  # type: ignore[assignment]")
    lines.append("")
    lines.append("    def __repr__(self) -> str:")
    lines.append("        return _repr(self)")
    for method in _methods(model):
        lines.append("")
        lines.extend(("    " + line) if line else "" for line in method.rstrip().split("\n"))
    return "\n".join(lines)


def records_text() -> str:
    specs = []
    for model in MODELS:
        pairs = ", ".join(f'("{f[0]}", "{kind_of(f[1])}", {f[3]})' for f in _fields(model))
        specs.append(f"    {NAMES[model]}: ({pairs},),")
    header = f'''# ruff: noqa: RUF023  (slots in the models' field order)
"""The pipeline's records: the output models without pydantic. GENERATED by
``scripts/make_records.py`` from :mod:`rectpipe.models.report` and
:mod:`rectpipe.models.enrichment` (``make schema``); do not edit.

Each class has its model's name, fields (in the same order), defaults and methods, and a
keyword-only constructor that takes what the model's would, without validating it. The
pipeline builds these; :func:`rectpipe.models.convert.to_model` turns one into its model, and
:mod:`rectpipe.writers.record_json` writes one as the model's JSON. :data:`SPECS` gives each
class's fields as ``(name, kind, omitted when None)``; the kinds are those of
``scripts/make_records.py``'s ``kind_of``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from .vocab import InspectionKind, MetadataOrigin, Part, Status

__all__ = [
{chr(10).join(f'    "{n}",' for n in ["SPECS", *sorted([*NAMES.values(), *VOCAB]), "copied"])}
]

_R = TypeVar("_R")


def copied(record: _R, **changes: Any) -> _R:
    """A shallow copy of ``record`` with the fields in ``changes`` replaced (unvalidated, as
    a model's ``model_copy(update=…)``)."""
    made = object.__new__(type(record))
    for name in record.__slots__:  # type: ignore[attr-defined]
        object.__setattr__(made, name, changes[name] if name in changes else getattr(record, name))
    return made


def _repr(record: object) -> str:
    shown = ", ".join(f"{{name}}={{getattr(record, name)!r}}" for name in record.__slots__)  # type: ignore[attr-defined]
    return f"{{type(record).__name__}}({{shown}})"
'''
    body = "\n\n\n".join(_record_class(model) for model in MODELS)
    spec_text = (
        "#: Each record class's fields: ``(name, kind, omitted from JSON when None)``.\n"
        "SPECS: dict[type, tuple[tuple[str, str, bool], ...]] = {\n" + "\n".join(specs) + "\n}\n"
    )
    return header + "\n\n" + body + "\n\n\n" + spec_text


# ---------------------------------------------------------------- record_json.py


def _value_code(kind: str, value: str, depth: str) -> str:
    """An expression writing ``value`` (of ``kind``) at indentation variable ``depth``."""
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if kind == "str":
        code = f"_str({value})"
    elif kind == "int":
        code = f"int.__repr__({value})"
    elif kind == "bool":
        code = f'("true" if {value} else "false")'
    elif kind == "enum":
        code = f"_str({value}.value)"
    elif kind == "float":
        code = f"_float({value})"
    elif kind == "floats":
        code = f"_floats({value}, {depth})"
    elif kind == "model":
        code = f"_WRITE[type({value})]({value}, {depth})"
    elif kind == "models":
        code = f"_models({value}, {depth})"
    elif kind == "plain_list":
        code = f"_plain_list({value}, {depth})"
    elif kind == "model_map":
        code = f"_model_map({value}, {depth})"
    elif kind == "float_map":
        code = f"_float_map({value}, {depth})"
    elif kind == "str_map":
        code = f"_str_map({value}, {depth})"
    elif kind == "enum_map":
        code = f"_enum_map({value}, {depth})"
    else:
        raise ValueError(kind)
    if optional:
        return f'("null" if {value} is None else {code})'
    return code


def _writer_function(model: type[BaseModel]) -> str:
    name = NAMES[model]
    fields = _fields(model)
    lines = [f"def _{name}(o: records.{name}, nl: str) -> str:", '    inner = nl + "  "']
    omitted = [f for f in fields if f[3]]
    if not omitted:
        parts = []
        for field, annotation, _d, _o in fields:
            value = _value_code(kind_of(annotation), f"o.{field}", "inner")
            parts.append(f"inner + '\"{field}\": ' + {value}")
        lines.append("    return (")
        lines.append('        "{"')
        for index, part in enumerate(parts):
            sep = ' + ","' if index < len(parts) - 1 else ""
            lines.append(f"        + {part}{sep}")
        lines.append('        + nl + "}"')
        lines.append("    )")
        return "\n".join(lines)
    lines.append("    parts = []")
    for field, annotation, _d, omit in fields:
        value = _value_code(kind_of(annotation), f"o.{field}", "inner")
        if omit:
            lines.append(f"    if o.{field} is not None:")
            lines.append(f"        parts.append('\"{field}\": ' + {value})")
        else:
            lines.append(f"    parts.append('\"{field}\": ' + {value})")
    lines.append('    return "{" + inner + ("," + inner).join(parts) + nl + "}"')
    return "\n".join(lines)


def writer_text() -> str:
    header = '''"""Records written as JSON. GENERATED by ``scripts/make_records.py`` (``make schema``); do not
edit.

:func:`dumps_record` writes a record (:mod:`rectpipe.models.records`) as
``json.dumps(to_model(record).model_dump(mode="json"), ensure_ascii=False, indent=2)`` would
write its model, byte for byte: fields in declared order, the fields the model leaves out when
they are ``None`` left out, floats as floats, enums as their values. One function per class
writes its fields straight to text, so no model and no dictionary is built.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from json.encoder import encode_basestring as _str
from typing import Any

from ..models import records

__all__ = ["dumps_record", "dumps_records", "dumps_value", "record_data"]

_INFINITY = float("inf")


def _float(value: float) -> str:
    value = float(value)
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return _str(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return int.__repr__(value)


def _floats(values: tuple[float, ...], nl: str) -> str:
    if not values:
        return "[]"
    inner = nl + "  "
    return "[" + inner + ("," + inner).join(_float(v) for v in values) + nl + "]"


def _plain_list(values: list[Any], nl: str) -> str:
    if not values:
        return "[]"
    inner = nl + "  "
    return "[" + inner + ("," + inner).join(_plain(v) for v in values) + nl + "]"


def _models(values: list[Any], nl: str) -> str:
    if not values:
        return "[]"
    inner = nl + "  "
    return "[" + inner + ("," + inner).join(_WRITE[type(v)](v, inner) for v in values) + nl + "]"


def _model_map(values: dict[str, Any], nl: str) -> str:
    if not values:
        return "{}"
    inner = nl + "  "
    return (
        "{"
        + inner
        + ("," + inner).join(_str(k) + ": " + _WRITE[type(v)](v, inner) for k, v in values.items())
        + nl
        + "}"
    )


def _float_map(values: dict[str, float], nl: str) -> str:
    if not values:
        return "{}"
    inner = nl + "  "
    return "{" + inner + ("," + inner).join(_str(k) + ": " + _float(v) for k, v in values.items()) + nl + "}"


def _str_map(values: Mapping[str, str], nl: str) -> str:
    if not values:
        return "{}"
    inner = nl + "  "
    return "{" + inner + ("," + inner).join(_str(k) + ": " + _str(v) for k, v in values.items()) + nl + "}"


def _enum_map(values: dict[Any, int], nl: str) -> str:
    if not values:
        return "{}"
    inner = nl + "  "
    return (
        "{"
        + inner
        + ("," + inner).join(_str(k.value) + ": " + _plain(v) for k, v in values.items())
        + nl
        + "}"
    )
'''
    functions = "\n\n\n".join(_writer_function(model) for model in MODELS)
    table = (
        "#: Each record class's writer.\n"
        "_WRITE: dict[type, Callable[[Any, str], str]] = {\n"
        + "\n".join(f"    records.{NAMES[m]}: _{NAMES[m]}," for m in MODELS)
        + "\n}\n"
    )
    footer = '''

def dumps_record(record: Any, nl: str = "\\n") -> str:
    """``record`` as its model's indented JSON (no final line break); ``nl`` is the line
    break and indentation of the line it starts on (``"\\\\n    "`` two levels in)."""
    return _WRITE[type(record)](record, nl)


def dumps_records(items: list[Any]) -> str:
    """A list of records as ``json.dumps(list, indent=2)`` writes their models' list."""
    if not items:
        return "[]"
    return "[\\n  " + ",\\n  ".join(_WRITE[type(r)](r, "\\n  ") for r in items) + "\\n]"


def dumps_value(value: Any, kind: str, nl: str = "\\n") -> str:
    """A field's ``value`` of ``kind`` (:data:`~rectpipe.models.records.SPECS`) as JSON."""
    if value is None:
        return "null"
    return _BY_KIND[kind.rstrip("?")](value, nl)


def record_data(record: Any) -> Any:
    """``record`` as its model's ``model_dump(mode="json")``: plain dicts, lists and values."""
    data: dict[str, Any] = {}
    for name, kind, omitted in records.SPECS[type(record)]:
        value = getattr(record, name)
        if value is None:
            if not omitted:
                data[name] = None
            continue
        data[name] = _DATA[kind.rstrip("?")](value)
    return data


_BY_KIND: dict[str, Callable[[Any, str], str]] = {
    "str": lambda v, nl: _str(v),
    "int": lambda v, nl: int.__repr__(v),
    "bool": lambda v, nl: "true" if v else "false",
    "enum": lambda v, nl: _str(v.value),
    "float": lambda v, nl: _float(v),
    "floats": _floats,
    "model": lambda v, nl: _WRITE[type(v)](v, nl),
    "models": _models,
    "plain_list": _plain_list,
    "model_map": _model_map,
    "float_map": _float_map,
    "str_map": _str_map,
    "enum_map": _enum_map,
}
_DATA: dict[str, Callable[[Any], Any]] = {
    "str": lambda v: v,
    "int": lambda v: v,
    "bool": lambda v: v,
    "enum": lambda v: v.value,
    "float": float,
    "floats": lambda v: [float(x) for x in v],
    "model": record_data,
    "models": lambda v: [record_data(x) for x in v],
    "plain_list": list,
    "model_map": lambda v: {k: record_data(x) for k, x in v.items()},
    "float_map": lambda v: {k: float(x) for k, x in v.items()},
    "str_map": dict,
    "enum_map": lambda v: {k.value: n for k, n in v.items()},
}
'''
    return header + "\n\n" + functions + "\n\n\n" + table + footer


# ---------------------------------------------------------------- to_model.py


def _target(annotation: Any) -> str:
    """The record class name a model-holding annotation names."""
    inner, _optional = _strip_none(annotation)
    origin = get_origin(inner)
    if origin is list:
        (inner,) = get_args(inner)
    elif origin is dict:
        inner = get_args(inner)[1]
    return NAMES[inner]


def _model_value(kind: str, annotation: Any, value: str) -> str:
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if kind == "float":
        code = f"float({value})"
    elif kind == "floats":
        code = f"tuple(map(float, {value}))"
    elif kind == "model":
        code = f"_{_target(annotation)}({value})"
    elif kind == "models":
        code = f"[_{_target(annotation)}(x) for x in {value}]"
    elif kind == "model_map":
        code = f"{{k: _{_target(annotation)}(x) for k, x in {value}.items()}}"
    elif kind == "float_map":
        code = f"{{k: float(x) for k, x in {value}.items()}}"
    elif kind in ("plain_list", "str_map", "enum_map"):
        code = f"{value}.copy()"
    else:
        return value
    return f"(None if {value} is None else {code})" if optional else code


def _to_model_function(model: type[BaseModel]) -> str:
    name = NAMES[model]
    lines = [f"def _{name}(o: records.{name}) -> Any:"]
    if name in SHARED:
        lines += [
            "    shared = _SHARED.get()",
            "    found = shared.get(id(o))",
            "    if found is not None:",
            "        return found[1]",
        ]
    lines += [
        f"    made = _new(M.{name})",
        "    _set(",
        "        made,",
        '        "__dict__",',
        "        {",
    ]
    for field, annotation, _default, _omit in _fields(model):
        value = _model_value(kind_of(annotation), annotation, f"o.{field}")
        lines.append(f'            "{field}": {value},')
    lines += [
        "        },",
        "    )",
        f'    _set(made, "__pydantic_fields_set__", _ALL[M.{name}])',
        '    _set(made, "__pydantic_extra__", None)',
        '    _set(made, "__pydantic_private__", None)',
    ]
    if name in SHARED:
        lines.append("    shared[id(o)] = (o, made)")
    lines.append("    return made")
    return "\n".join(lines)


def to_model_text() -> str:
    header = '''"""Records made models. GENERATED by ``scripts/make_records.py`` (``make schema``); do not
edit.

One function per record class makes its model without validating (the record holds what
validation would give: the pipeline made it): floats where the model has floats, nested
records made models, lists and dicts copied. Every field counts as set. A record the pipeline
shares between places (a box) is made one model, shared between the same places: a report of
a long PDF holds hundreds of thousands of box references to far fewer boxes.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from pydantic import BaseModel

from . import enrichment, records, report
from .lean import shared_fields


class M:
    """The models by name."""

'''
    for model in MODELS:
        module = "enrichment" if model.__module__.endswith("enrichment") else "report"
        header += f"    {NAMES[model]} = {module}.{NAMES[model]}\n"
    header += """

__all__ = ["to_model", "to_model_taking"]

_new = object.__new__
_set = object.__setattr__
# The shared records made models so far in this conversion, by record ``id``, each beside its
# record: held here, a record's ``id`` cannot be another's while the conversion lasts, even
# when the report converted is taken apart as it goes (:func:`to_model_taking`).
_SHARED: ContextVar[dict[int, tuple[Any, Any]]] = ContextVar("_SHARED")
_ALL: dict[type, set[str]] = {
    model: shared_fields(set(model.model_fields))
    for model in vars(M).values()
    if isinstance(model, type) and issubclass(model, BaseModel)
}
"""
    functions = "\n\n\n".join(_to_model_function(model) for model in MODELS)
    table = (
        "_MAKE: dict[type, Callable[[Any], Any]] = {\n"
        + "\n".join(f"    records.{NAMES[m]}: _{NAMES[m]}," for m in MODELS)
        + "\n}\n"
    )
    footer = '''

def to_model(record: Any) -> Any:
    """The model of ``record``."""
    token = _SHARED.set({})
    try:
        return _MAKE[type(record)](record)
    finally:
        _SHARED.reset(token)


class _Taken:
    """A report record whose lists give their items one by one, each taken out of its list
    as it is given (the report is emptied as it is read)."""

    def __init__(self, record: records.Report) -> None:
        self._record = record

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._record, name)
        return _drained(value) if name in _TAKEN else value


#: The report's lists that grow with the document.
_TAKEN = frozenset(("sections", "problems", "warnings", "removed", "blocks"))


def _drained(items: list[Any]) -> Iterator[Any]:
    items.reverse()
    while items:
        yield items.pop()


def to_model_taking(record: records.Report) -> Any:
    """The model of ``record``, a report that nothing else holds, which is taken apart as its
    model is made: each item of its long lists (sections with their problems, problems,
    warnings, removed text, blocks) is let go of once it is a model, so that a long report is
    never held whole twice, as records and as models. ``record`` is left with empty lists."""
    token = _SHARED.set({})
    try:
        return _Report(_Taken(record))  # type: ignore[arg-type]
    finally:
        _SHARED.reset(token)
'''
    return header + "\n\n" + functions + "\n\n\n" + table + footer


def ruff_formatted(text: str, path: Path) -> str:
    """``text`` as ``ruff format`` leaves it (the committed files are formatted)."""
    import subprocess

    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(path), "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether they are stale")
    args = parser.parse_args(argv)
    stale = []
    made = ((RECORDS, records_text()), (WRITER, writer_text()), (TO_MODEL, to_model_text()))
    for path, text in made:
        text = ruff_formatted(text, path)
        if args.check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(path)
            continue
        path.write_text(text, "utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"stale: {path.relative_to(ROOT)} (run make schema)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
