"""Internal: the line that labels an annex (附件, 附件2：, 附件：…一览表).

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from ..runtime.patterns import compile_pattern

__all__ = ["ANNEX_CAPTION", "ATTACHMENT"]

# 附件2 over a title, or the bare word on a linked file's first line (a portal page links the
# report as its attachment: 附件 / <title>).
ATTACHMENT = compile_pattern(r"^附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]?$")
# An annex named after the text (附件：…一览表, 附件2：…清单): not this file's title, and a
# whole last line.
ANNEX_CAPTION = compile_pattern(
    r"^\s*附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[：:]\s*\S"
    # (附：…情况表, a table's caption after the text without the word 附件)
    r"|^\s*附\s*[：:]\s*\S[^。；]{1,40}(?:表|清单|台账|明细)\s*$"
)
