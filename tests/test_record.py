"""``@record`` classes behave as frozen dataclasses do, apart from the run-time check."""

from __future__ import annotations

import dataclasses
import pickle

from rectpipe.readers.blocks import Block, BlockKind
from rectpipe.runtime.record import record


@record
class _Point:
    x: int
    y: int = 0


def test_equal_and_hashable_by_value() -> None:
    assert _Point(1, 2) == _Point(1, 2)
    assert _Point(1, 2) != _Point(2, 1)
    assert len({_Point(1, 2), _Point(1, 2), _Point(1)}) == 2


def test_slots_replace_and_pickle() -> None:
    point = _Point(1)
    assert not hasattr(point, "__dict__")
    assert dataclasses.replace(point, y=5) == _Point(1, 5)
    assert dataclasses.is_dataclass(point)
    block = Block("文本", BlockKind.TABLE, cells=(("a", "b"),))
    assert pickle.loads(pickle.dumps(block)) == block
    assert hash(block) == hash(dataclasses.replace(block))
