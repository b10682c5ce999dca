"""A partly completed state followed by a word of long-term work (extract/status.py,
``_KEPT_UP``): the state stands and the work goes on, as after a completion. Before, the
closing 需长期坚持 replaced it (status ``ongoing``). Invented texts."""

from __future__ import annotations

import pytest

from rectpipe.extract.status import status_sentence
from rectpipe.profiles import default_profile


@pytest.mark.parametrize(
    ("account", "told"),
    [
        # one sentence: the state first, the long-term work after a comma
        (
            "制定储备清单，开展专项检查。目前已取得阶段性成效，该项工作需长期坚持。",
            ("目前已取得阶段性成效，该项工作需长期坚持", "partially_completed", True),
        ),
        # two sentences
        (
            "建立拨付台账，定期通报进度。已取得阶段性成效。该问题需长期坚持。",
            ("已取得阶段性成效", "partially_completed", True),
        ),
        # a completion, as before
        (
            "修订巡河制度，开展随机抽查。已完成整改。该问题需长期坚持。",
            ("已完成整改", "completed", True),
        ),
        # the long-term word alone still makes the work ongoing
        ("修订巡河制度，开展随机抽查。该问题需长期坚持。", ("该问题需长期坚持", "ongoing", True)),
    ],
    ids=["one-sentence", "two-sentences", "completed", "long-term-alone"],
)
def test_a_state_kept_up(account: str, told: tuple[str, str, bool]) -> None:
    found = status_sentence(account, default_profile())
    assert found is not None
    start, end, match = found
    assert (account[start:end], match.status.value, match.long_term) == told
