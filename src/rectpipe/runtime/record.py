"""``@record``: value classes made without the ``dataclasses`` module.

Every command imports a few dozen small value classes (blocks, markers, the tree, limits).
Building them with ``dataclasses`` cost more than a tenth of a short ``rectpipe extract``: the
module itself loads ``inspect``, ``ast``, ``dis`` and ``tokenize``, and each class then takes
about a quarter of a millisecond to make. ``@record`` writes the same methods from the class's
annotations in one small ``exec`` each.

- ``@record`` alone: slotted, equal and hashable by value, frozen to the type checker (``mypy``
  reports any assignment to a field; the test suite runs it). It is made as fast as a plain
  class: a runtime-frozen dataclass sets each field through ``object.__setattr__``, four to
  five times slower to construct, for types a parse makes thousands of.
- ``@record(frozen=False)``: fields may change; equal by value and unhashable, as a dataclass.
- ``eq=False``: compared and hashed by identity. ``slots=False``: instances keep a
  ``__dict__`` (and weak references).
- ``strict=True``: frozen at run time too (assigning raises
  :class:`dataclasses.FrozenInstanceError`): for the public :class:`rectpipe.Limits`.

Fields are declared as in a dataclass, with :func:`field` for ``default_factory``,
``compare``, ``hash`` and ``repr``. ``dataclasses.fields``, ``replace``, ``asdict`` and
``is_dataclass`` work on records (they ask for ``__dataclass_fields__``, which is made on
first use, importing ``dataclasses`` then); :func:`replace` here does the same without it.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar, overload

from .patterns import compile_code

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

__all__ = ["Field", "field", "record", "replace"]

T = TypeVar("T")

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()
_FACTORY: Any = type("_Factory", (), {"__repr__": lambda self: "<factory>"})()
_FIELDS = "__record_fields__"
_METHODS = (
    "__init__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__setattr__",
    "__delattr__",
    "__reduce__",
)
#: Methods a strict record needs whatever the class itself defines.
_ALWAYS = frozenset({"__setattr__", "__delattr__", "__reduce__"})


class Field:
    """One declared field: its name, default or factory, and whether it is compared, hashed and
    shown. :func:`field` makes one in a class body; ``@record`` names it."""

    __slots__ = ("compare", "default", "default_factory", "hash", "name", "repr", "type")

    def __init__(
        self,
        default: Any = _MISSING,
        default_factory: Any = _MISSING,
        compare: bool = True,
        hash: bool | None = None,
        repr: bool = True,
    ) -> None:
        if default is not _MISSING and default_factory is not _MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.default = default
        self.default_factory = default_factory
        self.compare = compare
        self.hash = compare if hash is None else hash
        self.repr = repr
        self.name = ""
        self.type: Any = None

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r})"


def field(
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    compare: bool = True,
    hash: bool | None = None,
    repr: bool = True,
) -> Any:
    """A field's options, as :func:`dataclasses.field` takes them."""
    return Field(default, default_factory, compare, hash, repr)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of ``obj`` with ``changes``: :func:`dataclasses.replace` for records (and for
    dataclasses, which it hands to that function)."""
    fields: tuple[Field, ...] | None = getattr(type(obj), _FIELDS, None)
    if fields is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for f in fields:
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


class _DataclassFields:
    """``__dataclass_fields__``, made on first use so that ``dataclasses`` functions accept a
    record without every command importing that module."""

    def __get__(self, obj: object, owner: type) -> dict[str, Any]:
        import dataclasses

        made: dict[str, Any] = {}
        for f in owner.__dict__[_FIELDS]:
            spec: Any = dataclasses.field(
                default=dataclasses.MISSING if f.default is _MISSING else f.default,
                default_factory=(
                    dataclasses.MISSING if f.default_factory is _MISSING else f.default_factory
                ),
                compare=f.compare,
                hash=f.hash,
                repr=f.repr,
            )
            spec.name = f.name
            spec.type = f.type
            spec._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            made[f.name] = spec
        return made


def _fields_of(cls: type) -> tuple[Field, ...]:
    """The inherited records' fields, then the class's own annotated names in order."""
    found: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get(_FIELDS, ()):
            found[f.name] = f
    # not inspect.get_annotations: inspect is what this module avoids loading
    for name, kind in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(kind).startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name, f.type = name, kind
        found[name] = f
    seen_default = False
    for f in found.values():
        if f.default is not _MISSING or f.default_factory is not _MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    return tuple(found.values())


def _listed(fields: list[Field], prefix: str) -> str:
    """``(self.a, self.b, )``: the fields as one tuple expression."""
    return "(" + "".join(f"{prefix}.{f.name}, " for f in fields) + ")"


def _source(
    cls: type, fields: tuple[Field, ...], eq: bool, hashed: bool, strict: bool
) -> tuple[str, dict[str, Any]]:
    """The methods' source, and the names it refers to."""
    names: dict[str, Any] = {"_FACTORY": _FACTORY, "_object_setattr": object.__setattr__}
    params, body = ["self"], []
    for f in fields:
        value = f.name
        if f.default_factory is not _MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        elif f.default is not _MISSING:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        set_one = (
            f"_object_setattr(self, {f.name!r}, {value})" if strict else f"self.{f.name} = {value}"
        )
        body.append(f"    {set_one}")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    lines = [f"def __init__({', '.join(params)}):", *(body or ["    pass"])]
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
    lines += ["def __repr__(self):", f'    return f"{{self.__class__.__qualname__}}({shown})"']
    if eq:
        compared = [f for f in fields if f.compare]
        lines += [
            "def __eq__(self, other):",
            "    if other.__class__ is self.__class__:",
            f"        return {_listed(compared, 'self')} == {_listed(compared, 'other')}",
            "    return NotImplemented",
        ]
    if hashed:
        lines += [
            "def __hash__(self):",
            f"    return hash({_listed([f for f in fields if f.hash], 'self')})",
        ]
    if strict:
        lines += [
            "def __setattr__(self, name, value):",
            "    from dataclasses import FrozenInstanceError",
            "    raise FrozenInstanceError(f'cannot assign to field {name!r}')",
            "def __delattr__(self, name):",
            "    from dataclasses import FrozenInstanceError",
            "    raise FrozenInstanceError(f'cannot delete field {name!r}')",
            "def __reduce__(self):",
            f"    return (self.__class__, {_listed(list(fields), 'self')})",
        ]
    return "\n".join(lines), names


def _make(cls: type[T], frozen: bool, eq: bool, slots: bool, strict: bool) -> type[T]:
    fields = _fields_of(cls)
    inherited = {f.name for base in cls.__mro__[1:] for f in base.__dict__.get(_FIELDS, ())}
    hashed = eq and frozen
    source, names = _source(cls, fields, eq, hashed, strict)
    names["__name__"] = cls.__module__
    # the methods, written from the class's own annotations
    exec(compile_code(source, f"<record {cls.__module__}.{cls.__qualname__}>"), names)
    namespace = dict(cls.__dict__)
    for name in _METHODS:
        if name in names and (name not in namespace or name in _ALWAYS):
            names[name].__qualname__ = f"{cls.__qualname__}.{name}"
            namespace[name] = names[name]
    if eq and not hashed and "__hash__" not in cls.__dict__:
        namespace["__hash__"] = None
    namespace[_FIELDS] = fields
    namespace["__dataclass_fields__"] = _DataclassFields()
    namespace["__match_args__"] = tuple(f.name for f in fields)
    own = [f.name for f in fields if f.name not in inherited]
    for name in own:
        namespace.pop(name, None)
    # the old class's descriptors: the new class makes its own (or none, with slots)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    if slots:
        namespace["__slots__"] = tuple(own)
    metaclass: Any = type(cls)
    made: type[T] = metaclass(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(
    *, frozen: bool = True, eq: bool = True, slots: bool = True, strict: bool = False
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = True,
    eq: bool = True,
    slots: bool = True,
    strict: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """A value class from ``cls``'s annotations (see the module's docstring)."""
    if cls is not None:
        return _make(cls, frozen, eq, slots, strict)

    def wrap(inner: type[T]) -> type[T]:
        return _make(inner, frozen, eq, slots, strict)

    return wrap
