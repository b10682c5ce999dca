"""``@record`` classes behave as the dataclasses they replace: the same constructor, equality,
hashing, ``repr`` and pickling, and the ``dataclasses`` functions accept them."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import weakref
from typing import Any

import pytest

from rectpipe.limits import DEFAULT_LIMITS, Limits
from rectpipe.readers.blocks import Block, BlockKind
from rectpipe.runtime.record import field, record, replace


@record
class _Point:
    x: int
    y: int = 0


@record(frozen=False)
class _Bag:
    name: str
    items: list[int] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@record(frozen=False, eq=False, slots=False)
class _Node:
    label: str
    children: list[_Node] = field(default_factory=list)


@record(strict=True)
class _Settings:
    size: int = 3
    name: str = "x"


@record
class _Point3(_Point):
    z: int = 0


def test_equal_and_hashable_by_value() -> None:
    assert _Point(1, 2) == _Point(1, 2)
    assert _Point(1, 2) != _Point(2, 1)
    same_values: object = (1, 0)
    assert _Point(1) != same_values
    assert len({_Point(1, 2), _Point(1, 2), _Point(1)}) == 2


def test_slots_replace_and_pickle() -> None:
    point = _Point(1)
    assert not hasattr(point, "__dict__")
    assert dataclasses.replace(point, y=5) == _Point(1, 5)
    assert replace(point, y=5) == _Point(1, 5)
    assert dataclasses.is_dataclass(point)
    block = Block("文本", BlockKind.TABLE, cells=(("a", "b"),))
    assert pickle.loads(pickle.dumps(block)) == block
    assert hash(block) == hash(replace(block))
    with pytest.raises(TypeError):
        replace(point, w=1)


def test_mutable_records_change_and_are_not_hashable() -> None:
    bag = _Bag("a")
    other = _Bag("a")
    assert bag.items is not other.items  # a factory per instance
    bag.items.append(1)
    bag.name = "b"
    assert bag == _Bag("b", [1], note="ignored in comparisons")
    with pytest.raises(TypeError):
        hash(bag)
    assert copy.deepcopy(bag) == bag
    assert pickle.loads(pickle.dumps(bag)) == bag


def test_identity_records_keep_a_dict_and_weak_references() -> None:
    node = _Node("a", [_Node("b")])
    assert node != _Node("a", [_Node("b")])
    assert node == node
    assert len({node, _Node("a")}) == 2
    assert weakref.ref(node)() is node
    node.extra = 1  # type: ignore[attr-defined]
    assert node.__dict__["extra"] == 1


def test_strict_records_refuse_changes_and_still_pickle_and_copy() -> None:
    settings = _Settings(size=5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.size = 6  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del settings.name
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert copy.copy(settings) == settings
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_LIMITS.timeout = 1  # type: ignore[misc]
    assert dataclasses.replace(DEFAULT_LIMITS, timeout=5.0).timeout == 5.0
    assert pickle.loads(pickle.dumps(DEFAULT_LIMITS)) == DEFAULT_LIMITS


def _as_dataclass(cls: type, **options: Any) -> type:
    """The dataclass of ``cls``'s annotations and defaults."""
    specs = []
    for f in dataclasses.fields(cls):
        spec = dataclasses.field(
            default=f.default, default_factory=f.default_factory, compare=f.compare, repr=f.repr
        )
        specs.append((f.name, f.type, spec))
    made = dataclasses.make_dataclass(cls.__name__, specs, **options)
    made.__qualname__ = cls.__qualname__
    return made


@pytest.mark.parametrize(
    ("cls", "options", "args"),
    [
        (_Point, {"frozen": True}, (1, 2)),
        (_Bag, {}, ("a", [1, 2])),
        (_Settings, {"frozen": True}, (4, "y")),
        (Block, {"frozen": True}, ("文本", BlockKind.TABLE, "p:1")),
    ],
)
def test_repr_fields_and_dicts_are_the_dataclasses(
    cls: type, options: dict[str, Any], args: tuple[Any, ...]
) -> None:
    twin = _as_dataclass(cls, **options)
    mine, theirs = cls(*args), twin(*args)
    assert repr(mine) == repr(theirs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert [f.name for f in dataclasses.fields(mine)] == [
        f.name for f in dataclasses.fields(theirs)
    ]
    assert cls.__match_args__ == twin.__match_args__  # type: ignore[attr-defined]
    if options.get("frozen"):
        assert hash(mine) == hash(cls(*args))


def test_subclasses_add_fields_after_their_bases() -> None:
    point = _Point3(1, 2, 3)
    assert (point.x, point.y, point.z) == (1, 2, 3)
    assert repr(point) == "_Point3(x=1, y=2, z=3)"
    assert point != _Point(1, 2)
    match point:
        case _Point3(x, y, z):
            assert (x, y, z) == (1, 2, 3)


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b'"):

        @record
        class _Wrong:
            a: int = 0
            b: int  # type: ignore[misc]


def test_limits_keep_the_public_constructor() -> None:
    limits = Limits(timeout=3.0, max_pages=10)
    assert limits.timeout == 3.0
    assert limits == Limits(timeout=3.0, max_pages=10)
    assert {limits: 1}[Limits(timeout=3.0, max_pages=10)] == 1


def test_post_init_runs_after_the_fields_are_set() -> None:
    @record(frozen=False)
    class _Span:
        start: int
        end: int
        length: int = 0

        def __post_init__(self) -> None:
            self.length = self.end - self.start

    assert _Span(3, 10).length == 7
