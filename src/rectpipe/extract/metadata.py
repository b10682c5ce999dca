"""Report metadata: title, issuer, date, attachment, inspection, contact."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..models.report import InspectionKind, Metadata, Provenance
from ..profiles.profile import Profile
from ..text.dates import DATE, find_dates, find_range, iso
from ..text.textmap import TextMap

_ATTACHMENT = regex.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[：:]?$")
_DOC_NUMBER = regex.compile(r"[\p{Han}]{1,10}[〔\[［(（][0-9]{4}[〕\]］)）]\s*第?[0-9]{1,4}\s*号")
_TITLE_END = regex.compile(r"(通报|报告|情况|公告|说明|函|公示|通知|台账|清单|方案)$")
_SENTENCE_PUNCT = regex.compile(r"[。；;！？!?]")
_PREFIX = (
    r"(?:中央|中共中央|国务院|省委|市委|州委|盟委|县委|区委|旗委|自治区党委|党委|党组|校党委"
    r"|省|市|县|区)"
)
_N = "[一二三四五六七八九十]+"
_BODY = regex.compile(
    rf"{_PREFIX}(?:第{_N}(?:、第?{_N})*|[^\s，。；、：“”]{{0,12}}?)(?:巡视|巡察|督察|督查|检查)组"
    r"|[^\s，。；、：“”]{2,10}?审计(?:署|厅|局|组)"
)
_PHONE = regex.compile(
    r"(?:联系电话|联系方式|举报电话|监督电话|咨询电话|电话)\s*[：:∶]?\s*"
    r"(?P<v>[0-9０-９(（][0-9０-９\-—－–()（） ]{5,}[0-9０-９](?:[、，,/或][0-9０-９\-—－–]{5,})*)"
)
_EMAIL = regex.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_ADDRESS = regex.compile(
    r"(?:来信请寄|来信邮寄|通信地址|通讯地址|邮寄地址|联系地址|地址)\s*[：:∶]?\s*(?P<v>[^。；;\n，,]+)"
)
# Sentences that date the feedback, most telling first.
_FEEDBACK = (
    regex.compile(r"反馈了?[^。；]{0,8}意见"),
    regex.compile(r"(?:出具|送达|印发|下发)[^。；]{0,80}(?:报告|意见|决定)"),
    regex.compile(r"反馈"),
)
_AS_OF = regex.compile(r"截至|截止|至今|到")
_KIND_ALIASES = {"督查": InspectionKind.DUCHA}


class _Collector:
    """Fills a :class:`Metadata`, first value wins, with the provenance of each value."""

    def __init__(self, textmap: TextMap, profile: Profile) -> None:
        self.textmap = textmap
        self.profile = profile
        self.meta = Metadata()
        self.sources: dict[str, Provenance] = {}

    def put(self, name: str, value: str | None, start: int, end: int) -> None:
        if value and getattr(self.meta, name) is None:
            setattr(self.meta, name, value)
            self.sources[name] = self.textmap.provenance(start, end)

    def span(self, index: int) -> tuple[int, int]:
        start = self.textmap.starts[index]
        return start, self.textmap.block_end(index)

    def line(self, index: int) -> str:
        return self.textmap.block_text(index)


def extract_metadata(
    textmap: TextMap,
    front: Sequence[int],
    tail: Sequence[int],
    hints: dict[str, str],
    profile: Profile,
) -> Metadata:
    """Metadata read from the front matter (``front``: blocks before the first numbered item),
    the closing blocks (``tail``) and the whole text, with container ``hints`` as a fallback.

    Every value found gets an entry in ``sources``; values not found stay ``None``.
    """
    found = _Collector(textmap, profile)
    _front_matter(found, front)
    _signature(found, tail)
    if front:
        start, end = found.span(front[0])[0], found.span(front[-1])[1]
        _inspection(found, textmap.text[start:end], start)
    _contact(found)
    _from_hints(found.meta, hints)
    found.meta.sources = found.sources
    return found.meta


def _front_matter(found: _Collector, front: Sequence[int]) -> None:
    """Attachment, document number, title and issuer from the first blocks."""
    title_at: int | None = None
    for position, index in enumerate(front[:10]):
        line = found.line(index)
        start, end = found.span(index)
        if _ATTACHMENT.match(line):
            found.put("attachment", line.rstrip("：:"), start, end)
            continue
        number = _DOC_NUMBER.search(line)
        if number and len(line) <= 30:
            found.put(
                "document_number", number.group(0), start + number.start(), start + number.end()
            )
            continue
        if title_at is None and _looks_like_title(line):
            title, title_end = line, end
            if position + 1 < len(front) and not _TITLE_END.search(line):
                more = found.line(front[position + 1])
                if len(more) <= 40 and _TITLE_END.search(more):
                    title, title_end = line + more, found.span(front[position + 1])[1]
            found.put("title", title, start, title_end)
            title_at = position
    if title_at is None or found.meta.title is None:
        return
    if title_at > 0 and _is_issuer(found.line(front[title_at - 1]), found.profile):
        index = front[title_at - 1]
        found.put("issuer", found.line(index), *found.span(index))
        return
    words = regex.search(r"关于|落实|贯彻|对照", found.meta.title)
    cut = words.start() if words else -1
    if cut >= 2 and _is_issuer(found.meta.title[:cut], found.profile):
        start = found.span(front[title_at])[0]
        found.put("issuer", found.meta.title[:cut], start, start + cut)


def _signature(found: _Collector, tail: Sequence[int]) -> None:
    """The last date-only block is the document's date; an issuer-like line above it signs."""
    for index in reversed(tail):
        line = found.line(index)
        if not DATE.fullmatch(line.strip()):
            continue
        dates = find_dates(line)
        if dates:
            start, _ = found.span(index)
            found.put("date", dates[0].iso, start + dates[0].start, start + dates[0].end)
            if index > 0 and _is_issuer(found.line(index - 1), found.profile):
                found.put("issuer", found.line(index - 1), *found.span(index - 1))
        return


def _inspection(found: _Collector, intro: str, offset: int) -> None:
    """Kind of inspection, inspecting body, period and feedback date from the introduction."""
    meta = found.meta
    for source in (meta.title or "", intro):
        kind = next((k for k in found.profile.inspection_kinds if k in source), None)
        if kind is not None:
            meta.inspection_kind = _KIND_ALIASES.get(kind) or _kind(kind)
            break
    body = _BODY.search(intro)
    if body:
        found.put("inspecting_body", body.group(0), offset + body.start(), offset + body.end())
    period = find_range(intro)
    period_end = 0
    if period:
        first, last = period
        found.put("period_start", first.iso, offset + first.start, offset + first.end)
        found.put("period_end", last.iso, offset + last.start, offset + last.end)
        period_end = last.end
    year = int(period[1].iso[:4]) if period else None
    # Split into sentences first: a pattern with a leading [^。]* over a long run of text
    # without 。 would be quadratic.
    spans = [(m.start(), m.group(0)) for m in regex.finditer(r"[^。；]+", intro)]
    for pattern in _FEEDBACK:
        for base, sentence in spans:
            if not pattern.search(sentence):
                continue
            for date in find_dates(sentence, year=year):
                start = base + date.start
                before = sentence[max(0, date.start - 3) : date.start]
                if start >= period_end and len(date.iso) == 10 and not _AS_OF.search(before):
                    end = offset + start + (date.end - date.start)
                    found.put("feedback_date", date.iso, offset + start, end)
                    return


def _kind(word: str) -> InspectionKind:
    try:
        return InspectionKind(word)
    except ValueError:
        return InspectionKind.OTHER


def _contact(found: _Collector) -> None:
    text = found.textmap.text
    for pattern, name in ((_PHONE, "phone"), (_ADDRESS, "address")):
        match = pattern.search(text)
        if match:
            value = match.group("v").strip().rstrip("，,、")
            found.put(name, value, match.start("v"), match.start("v") + len(value))
    email = _EMAIL.search(text)
    if email:
        found.put("email", email.group(0), email.start(), email.end())


def _looks_like_title(line: str) -> bool:
    if len(line) > 80 or _SENTENCE_PUNCT.search(line):
        return False
    if "关于" in line and (_TITLE_END.search(line) or "整改" in line):
        return True
    return "整改" in line and bool(_TITLE_END.search(line))


def _is_issuer(line: str, profile: Profile) -> bool:
    line = line.strip()
    if not 2 <= len(line) <= 40 or _SENTENCE_PUNCT.search(line) or "：" in line:
        return False
    if DATE.search(line):
        return False
    return any(line.endswith(suffix) for suffix in profile.issuer_suffixes)


_HINT_KEYS = {
    "issuer": ("发布机构", "发文单位", "发文机关", "发布单位"),
    "date": ("成文日期", "发文日期"),
    "document_number": ("发文字号", "文号"),
    "title": ("文件名称", "名称", "标题"),
}


def _from_hints(meta: Metadata, hints: dict[str, str]) -> None:
    """Fill what the body did not say from the container's header box."""
    for name, keys in _HINT_KEYS.items():
        if getattr(meta, name) is not None:
            continue
        value = next((hints[k].strip() for k in keys if hints.get(k, "").strip()), None)
        if value is None:
            continue
        if name == "date":
            dates = find_dates(value)
            dash = regex.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
            if dates:
                meta.date = dates[0].iso
            elif dash:
                meta.date = iso(int(dash.group(1)), int(dash.group(2)), int(dash.group(3)))
            continue
        setattr(meta, name, value)
