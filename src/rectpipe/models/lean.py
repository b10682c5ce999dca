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

_SHARED: dict[frozenset[str], set[str]] = {}
_LAST: dict[type, set[str]] = {}  # per class, the set its latest instance got: usually the next's


def shared_fields(names: set[str]) -> set[str]:
    """The one set shared by every instance whose fields set holds exactly ``names``."""
    key = frozenset(names)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = set(key)
    return found


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
        as with validation, do not count as set. Pass the fields in their declared order (the
        order ``repr`` shows them in)."""
        fields = cls.model_fields
        data = values
        if len(values) != len(fields):
            data = {
                name: values[name]
                if name in values
                else field.get_default(call_default_factory=True)
                for name, field in fields.items()
            }
        made = cls.__new__(cls)
        object.__setattr__(made, "__dict__", data)
        object.__setattr__(made, "__pydantic_fields_set__", shared_fields(set(values)))
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
