"""Every document in samples/ gives exactly its expected output, compared field by field.

Regenerate with ``RECTPIPE_UPDATE_GOLDEN=1 make test`` (or ``rectpipe check samples --update``)
and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rectpipe.tools.check import check_document, documents

from .conftest import SAMPLES

UPDATE = os.environ.get("RECTPIPE_UPDATE_GOLDEN") == "1"


def test_update_flag_is_off_in_ci() -> None:
    assert not (UPDATE and os.environ.get("CI")), "golden files must never be rewritten in CI"


@pytest.mark.parametrize("document", documents(SAMPLES), ids=lambda p: p.name)
def test_golden(document: Path) -> None:
    result = check_document(document, update=UPDATE)
    assert result.error is None, result.error
    assert not result.missing_expected, f"no expected output for {document.name}"
    assert not result.differences, "\n".join(str(d) for d in result.differences[:20])
