"""``@record``: an immutable dataclass that is cheap to make.

A ``@dataclass(frozen=True)`` sets every field through ``object.__setattr__`` when it is made,
which makes it four to five times slower to construct than a plain one: for the types a parse
makes thousands of (blocks, markers, labels, measures found) that was a few per cent of the
whole pipeline. A ``@record`` class is frozen to the type checker (``mypy`` reports any
assignment to a field, and the test suite runs it) and equal and hashable by value like a
frozen dataclass, but made as fast as a plain one with ``__slots__``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

__all__ = ["record"]

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(slots=True)`` with value equality and hashing, frozen for type checkers."""
    return dataclass(slots=True, unsafe_hash=True)(cls)
