"""A pydantic base whose instances share their set of explicitly set fields.

Pydantic gives every model instance its own ``__pydantic_fields_set__``: a set of a few field
names that weighs more than the instance's values (about 700 bytes for a provenance of five
fields, two thirds of its size). A long report holds hundreds of thousands of models (every
provenance, page box, measure and block reference) made with the same few sets of fields, so
:class:`LeanModel` shares one set per combination of names between all instances that have it.

Sharing is invisible to users: ``model_fields_set`` still answers which fields were set, and
assigning a field not yet set (``provenance.boxes = […]``) moves the instance to the shared set
of its new combination instead of adding the name to a set others hold.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from typing_extensions import Self

__all__ = ["LeanModel", "shared_fields"]

_SHARED: dict[frozenset[str], set[str]] = {}
_LAST: dict[type, set[str]] = {}  # per class, the set its latest instance got: usually the next's


def shared_fields(names: set[str]) -> set[str]:
    """The one set shared by every instance whose fields set holds exactly ``names``."""
    key = frozenset(names)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = set(key)
    return found


class _Plan:
    """How :meth:`LeanModel.trusted` makes instances of one class: every field in declared
    order with its default (``None`` standing for a required one, always given), the fields
    whose default is made by a factory, and the shared fields set of each tuple of names."""

    __slots__ = ("count", "factories", "sets", "template")

    def __init__(self, model: type[BaseModel]) -> None:
        fields = model.model_fields
        self.count = len(fields)
        self.template: dict[str, Any] = {}
        self.factories: list[tuple[str, Any]] = []
        for name, info in fields.items():
            if info.default_factory is not None:
                self.template[name] = None
                self.factories.append((name, info.default_factory))
            else:
                self.template[name] = None if info.is_required() else info.default
        self.sets: dict[tuple[str, ...], set[str]] = {}


_PLANS: dict[type, _Plan] = {}


def _plan(model: type[BaseModel]) -> _Plan:
    made = _PLANS[model] = _Plan(model)
    return made


class LeanModel(BaseModel):
    """A :class:`~pydantic.BaseModel` whose instances share their fields sets."""

    def model_post_init(self, context: Any, /) -> None:
        names = self.__pydantic_fields_set__
        last = _LAST.get(type(self))
        if last is None or names != last:
            last = _LAST[type(self)] = shared_fields(names)
        object.__setattr__(self, "__pydantic_fields_set__", last)

    @classmethod
    def trusted(cls, **values: Any) -> Self:
        """An instance made of ``values`` without validating them: for data the pipeline made
        itself, of exactly the types validation would give (``float`` where a field is one,
        enum members, no missing required field). Fields not given take their defaults and,
        as with validation, do not count as set."""
        plan = _PLANS.get(cls) or _plan(cls)
        names = tuple(values)
        shared = plan.sets.get(names)
        if shared is None:
            shared = plan.sets[names] = shared_fields(set(names))
        data = {**plan.template, **values}  # in the fields' declared order
        if len(values) != plan.count:
            for name, factory in plan.factories:
                if name not in values:
                    data[name] = factory()
        made = cls.__new__(cls)
        object.__setattr__(made, "__dict__", data)
        object.__setattr__(made, "__pydantic_fields_set__", shared)
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made

    def __setattr__(self, name: str, value: Any) -> None:
        names = self.__pydantic_fields_set__
        if name in names or name not in type(self).model_fields:
            super().__setattr__(name, value)  # a field set before: adding it changes nothing
            return
        object.__setattr__(self, "__pydantic_fields_set__", set(names))  # pydantic adds to it
        super().__setattr__(name, value)
        object.__setattr__(
            self, "__pydantic_fields_set__", shared_fields(self.__pydantic_fields_set__)
        )
