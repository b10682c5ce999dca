"""Metadata a web page's container gives when the body does not: its header box (发文字号,
成文日期…), its date line, its ``<title>``.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..models.records import MetadataOrigin
from ..runtime.patterns import compile_pattern
from ..text.dates import find_dates, iso
from .collector import Collector

__all__ = ["from_hints"]


# A page's 发布机构 / 发文单位 box names who put the page up, not who reports (a district
# congress site publishes the government's audit report): it stays in ``hints`` only.
_HINT_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("成文日期", "发文日期", "发布日期", "生成日期", "页面日期"),
    "document_number": ("发文字号", "文号"),
    # 原标题 (a repost's line under its own headline) names the report itself.
    "title": ("原标题", "文件名称", "名称", "标题"),
}


_DASHED_DATE = compile_pattern(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def from_hints(
    found: Collector, hints: dict[str, str], looks_like_title: Callable[[str], bool]
) -> None:
    """Fill what the body did not say from the container's header box, then its date line,
    then (the title) its ``<title>``, of which ``looks_like_title`` picks the report's part."""
    meta = found.meta
    original = hints.get("原标题", "").strip()
    if original and (
        found.headline_title
        # a headline that ends as titles do (…公布巡察整改进展情况) over the report's own
        # title (中共…关于…的通报)
        or ("关于" in original and "关于" not in (meta.title or ""))
    ):
        # a repost's headline over the report's own title (原标题：…): the report's
        meta.title = None
        found.sources.pop("title", None)
        found.origins.pop("title", None)
        if found.origins.get("issuer") == "title":
            meta.issuer = None
            found.sources.pop("issuer", None)
            found.origins.pop("issuer", None)
    for name, keys in _HINT_KEYS.items():
        if getattr(meta, name) is not None:
            continue
        key = next((k for k in keys if hints.get(k, "").strip()), None)
        if key is None:
            continue
        value = hints[key].strip()
        origin: MetadataOrigin = "page" if key == "页面日期" else "header_box"
        if name == "date":
            dates = find_dates(value)
            dash = _DASHED_DATE.search(value)
            if dates:
                meta.date = dates[0].iso
            elif dash:
                meta.date = iso(int(dash.group(1)), int(dash.group(2)), int(dash.group(3)))
            if meta.date is not None:
                found.origins["date"] = origin
            continue
        setattr(meta, name, value)
        found.origins[name] = origin
    if meta.title is None and (
        page_title := _page_title(hints.get("页面标题", ""), looks_like_title)
    ):
        # The body never said it (a portal's title in a cell the article leaves out): the
        # page's <title> without the site's name.
        meta.title = page_title
        found.origins["title"] = "page"


# The separators portals put between a page's own title and the site's name.
_TITLE_SEPARATOR = compile_pattern(r"\s*(?:[_|｜]|--|——|—|－|\s-\s)\s*")


def _page_title(text: str, looks_like_title: Callable[[str], bool]) -> str | None:
    """The report's title in a page's ``<title>`` (``关于…的通报_某县人民政府``), or ``None``
    when no part of it reads as one."""
    for part in _TITLE_SEPARATOR.split(text.strip()):
        if looks_like_title(part):
            return part
    return None
