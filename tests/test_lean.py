"""Report models share their fields sets, and that changes nothing a user can see."""

from __future__ import annotations

import pickle

from rectpipe.models.report import BlockRef, Box, Provenance


def _provenance(start: int) -> Provenance:
    return Provenance(start=start, end=start + 2, block=0, path="line:0")


def test_instances_with_the_same_fields_share_one_set() -> None:
    a, b = _provenance(1), _provenance(5)
    assert a.model_fields_set == {"start", "end", "block", "path"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__


def test_setting_a_new_field_leaves_the_others_alone() -> None:
    a, b = _provenance(1), _provenance(5)
    a.boxes = [Box(page=1, x0=0.0, top=1.0, x1=2.0, bottom=3.0)]
    assert "boxes" in a.model_fields_set
    assert "boxes" not in b.model_fields_set
    assert a.model_dump(exclude_unset=True)["boxes"][0]["page"] == 1
    assert "boxes" not in b.model_dump(exclude_unset=True)
    c = _provenance(9)
    c.boxes = None
    assert c.__pydantic_fields_set__ is a.__pydantic_fields_set__  # shared again
    a.start = 3  # a field set before: nothing moves
    assert a.start == 3 and a.__pydantic_fields_set__ is c.__pydantic_fields_set__


def test_copies_and_pickles_keep_their_fields() -> None:
    a = _provenance(1)
    copied = a.model_copy(update={"page": 2})
    assert copied.model_fields_set == {"start", "end", "block", "path", "page"}
    assert a.model_fields_set == {"start", "end", "block", "path"}
    back = pickle.loads(pickle.dumps(a))
    assert back == a and back.model_fields_set == a.model_fields_set


def test_trusted_instances_are_validated_ones() -> None:
    values = {"index": 2, "kind": "paragraph", "path": "p:2", "page": None, "bbox": None}
    values |= {"style": None, "list_label": "1.", "start": 5, "end": 9, "confidence": None}
    trusted, validated = BlockRef.trusted(**values), BlockRef(**values)
    assert trusted == validated
    assert trusted.model_fields_set == validated.model_fields_set
    assert trusted.model_dump_json() == validated.model_dump_json()
    assert repr(trusted) == repr(validated)
    box = {"page": 1, "x0": 1.5, "top": 2.0, "x1": 3.0, "bottom": 4.25}
    assert Box.trusted(**box).model_dump_json() == Box(**box).model_dump_json()
