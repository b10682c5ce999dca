"""The words that speak of all the findings listed above (上述问题, 以上3个问题, 检查中发现的问题):
one pattern for a closing sentence after a list and after the last account.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

__all__ = ["ALL_FINDINGS"]

ALL_FINDINGS = (
    r"(?:上述|以上|前述|(?:检查|巡察|督查|督导|测评|暗访|审计)中?(?:出现|发现|指出)的)"
    r"\s*(?:[0-9一二三四五六七八九十两]+\s*[个项条类])?\s*(?:问题|事项)"
)
