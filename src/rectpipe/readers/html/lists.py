"""Internal: the number a browser draws in front of an ``<ol>`` item.

A web editor's list button turns 1. 2. (or 一、 二、) into ``<ol><li>``: the numbers are no
longer in the text, the browser draws them from the list's ``start``, the item's place and
``value``, and the list style (``decimal``, ``cjk-ideographic``…). Read without them, the
items lose the markers that make them headings and problems. :func:`item_label` gives the
number as a reader of the page sees it, written as the report would type it (``3.``,
``三、``), for the flow to put in front of the item's first line; an item that types its own
marker, a list styled ``none`` and a ``<ul>`` get none.
"""

from __future__ import annotations

from ...runtime.patterns import compile_pattern
from .dom import _El, _squash, _tag, _text

__all__ = ["item_label"]

_STYLE = compile_pattern(r"list-style(?:-type)?\s*:\s*([a-z-]+)")
_TYPED = compile_pattern(
    r"^(?:[一二三四五六七八九十]+[、．.]|\d{1,3}[.．、)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|第[一二三四五六七八九十\d]+)"
)
_CHINESE_STYLES = frozenset(
    {"cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal", "cjk-decimal"}
)
_DIGITS = "零一二三四五六七八九"
_MAX_NUMBER = 999


def item_label(li: _El, numbers: dict[_El, dict[_El, int]]) -> str | None:
    """The label of ``li`` as typed text (``3.``, ``三、``), or ``None``. ``numbers`` keeps
    each list's item numbers once counted (a long list is counted once, not once an item)."""
    parent = li.getparent()
    if parent is None or _tag(parent) != "ol":
        return None
    style = _list_style(li) or _list_style(parent) or _type_style(parent.get("type"))
    if style == "none":
        return None
    if _TYPED.match(_squash(_text(li))[:8]):
        return None  # the item types its own number
    if parent not in numbers:
        numbers[parent] = _numbers(parent)
    number = numbers[parent].get(li)
    if number is None or not 0 < number <= _MAX_NUMBER:
        return None
    if style in _CHINESE_STYLES and number < 100:
        return _chinese(number) + "、"
    if style in ("lower-alpha", "lower-latin") and number <= 26:
        return chr(ord("a") + number - 1) + "."
    if style in ("upper-alpha", "upper-latin") and number <= 26:
        return chr(ord("A") + number - 1) + "."
    return f"{number}."


def _list_style(el: _El) -> str | None:
    match = _STYLE.search(str(el.get("style") or "").lower())
    return match.group(1) if match else None


def _type_style(value: object) -> str | None:
    return {"a": "lower-alpha", "A": "upper-alpha"}.get(str(value or ""))


def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _numbers(ol: _El) -> dict[_El, int]:
    """Each item's number: the list's ``start`` (1 by default), one more an item before it,
    an item's ``value`` setting it anew."""
    out: dict[_El, int] = {}
    number = (_int(ol.get("start")) or 1) - 1
    for item in ol:
        if not isinstance(item.tag, str) or _tag(item) != "li":
            continue
        value = _int(item.get("value")) if item.get("value") is not None else None
        number = value if value is not None else number + 1
        out[item] = number
    return out


def _chinese(number: int) -> str:
    """一 … 九十九."""
    tens, ones = divmod(number, 10)
    if not tens:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")
