"""Report metadata: title, issuer, date, attachment, inspection, contact.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..models.report import InspectionKind, Metadata, MetadataOrigin, Provenance, ReportWarning
from ..profiles.profile import Profile
from ..text.dates import DATE, GARBLED_DATE, find_dates, find_period, iso
from ..text.furniture import is_furniture
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
# An inspecting body: 省委第九巡视组, 县委第一、第二巡察组, 中央第五生态环境保护督察组,
# 市审计局. The middle may not run over words that join two names (关于, 对, 向…).
_JOINS = (
    "关于|对|向|和|与|及|的|在|于|将|为|按照|根据|落实|反馈|开展|进行|组建|派出|成立|抽调|组成|派驻"
)
_FREE = rf"(?:(?!{_JOINS})[^\s，。；、：“”《》（）()]){{0,12}}?"
# A place name before the prefix (岚江省第二…督察组) starts a word: nothing Han before it.
_PLACE = rf"(?:(?<!\p{{Han}})(?:(?!{_JOINS})\p{{Han}}){{1,6}}?)?"
_BODY = regex.compile(
    rf"{_PLACE}{_PREFIX}(?:第{_N}(?:、第?{_N})*|{_FREE})(?:巡视|巡察|督察|督查|检查|督导)"
    rf"(?:组(?:第{_N}组)?|第{_N}组)"
    # an audit office, not one under inspection (对市审计局党组开展巡察)
    rf"|(?:(?<!\p{{Han}}){_FREE}|{_PREFIX})审计(?:署|厅|局)(?!党组|党委|党总支|党支部|机关)"
)
_PHONE = regex.compile(
    r"(?:联系电话|联系方式|举报电话|监督电话|咨询电话|电话)\s*[：:∶]?\s*"
    r"(?P<v>[0-9０-９(（][0-9０-９\-—－–()（） ]{5,}[0-9０-９](?:[、，,/或][0-9０-９\-—－–]{5,})*)"
)
_EMAIL = regex.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_ADDRESS = regex.compile(
    r"(?:来信请寄|来信邮寄|通信地址|通讯地址|邮寄地址|联系地址|邮政信箱|来信地址|地址)\s*[：:∶]?\s*(?P<v>[^。；;\n，,]+)"
)
# Sentences that date the feedback, most telling first.
_FEEDBACK = (
    regex.compile(r"反馈了?[^。；]{0,8}意见"),
    regex.compile(r"听取(?:和审议|并审议)?了?[^。；]{0,60}审计工作报告"),
    regex.compile(r"(?:出具|送达|印发|下发)[^。；]{0,80}(?:报告|意见|决定)"),
    regex.compile(r"反馈"),
)
_MONTH_PART = regex.compile(r"(?<![0-9年])(?P<m>[0-9]{1,2})月(?:上旬|中旬|下旬|初|中|底|末)")
_AS_OF = regex.compile(r"截至|截止|至今|到")
_KIND_ALIASES = {"督查": InspectionKind.DUCHA}


class _Collector:
    """Fills a :class:`Metadata`, first value wins, with the provenance of each value."""

    def __init__(self, textmap: TextMap, profile: Profile) -> None:
        self.textmap = textmap
        self.profile = profile
        self.meta = Metadata()
        self.sources: dict[str, Provenance] = {}
        self.origins: dict[str, MetadataOrigin] = {}

    def put(
        self, name: str, value: str | None, start: int, end: int, origin: MetadataOrigin = "body"
    ) -> None:
        if value and getattr(self.meta, name) is None:
            setattr(self.meta, name, value)
            self.sources[name] = self.textmap.provenance(start, end)
            self.origins[name] = origin

    def put_pieces(
        self, name: str, pieces: Sequence[tuple[int, int]], origin: MetadataOrigin
    ) -> None:
        """A value written over several lines (a wrapped title or signature): the pieces of
        text joined as one line; ``sources[name]`` covers the first, ``name.2``… the others."""
        text = self.textmap.text
        value = "".join(text[start:end] for start, end in pieces)
        if not value or getattr(self.meta, name) is not None:
            return
        setattr(self.meta, name, value)
        self.origins[name] = origin
        for n, (start, end) in enumerate(pieces, start=1):
            self.sources[name if n == 1 else f"{name}.{n}"] = self.textmap.provenance(start, end)

    def stripped_span(self, index: int) -> tuple[int, int]:
        """The span of block ``index`` without its leading and trailing blanks."""
        start, end = self.span(index)
        line = self.textmap.text[start:end]
        lead = len(line) - len(line.lstrip())
        return start + lead, start + len(line.rstrip())

    def span(self, index: int) -> tuple[int, int]:
        start = self.textmap.starts[index]
        return start, self.textmap.block_end(index)

    def line(self, index: int) -> str:
        return self.textmap.block_text(index)


INTRO_MAX_CHARS = 50_000
"""How much of the introduction is searched for the inspection, its bodies, period and
feedback date. An introduction runs to a few hundred characters, but the front of a text
with no numbered list is all of it, and the body patterns cost microseconds a character
(an 11 MB line took 32 s)."""


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
    _date_lines(found, [*front[:12], *tail])
    if front:
        start, end = found.span(front[0])[0], found.span(front[-1])[1]
        intro = textmap.text[start : min(end, start + INTRO_MAX_CHARS)]
        _inspection(found, intro, start)
    _contact(found)
    _from_hints(found, hints)
    if front and found.meta.issuer is None:
        _issuer_from_subject(found, intro, start)
    found.meta.sources = found.sources
    found.meta.origins = found.origins
    return found.meta


def metadata_warnings(textmap: TextMap, front: Sequence[int]) -> list[ReportWarning]:
    """A ``date_unreadable`` warning for each date in the introduction that lost characters
    in copying (2024717日): such a date gives no value rather than a wrong one."""
    warnings: list[ReportWarning] = []
    for index in front:
        line = textmap.block_text(index)
        base = textmap.starts[index]
        for match in GARBLED_DATE.finditer(line):
            warnings.append(
                ReportWarning(
                    code="date_unreadable",
                    message=f"{match.group(0)!r} is not a readable date; left out",
                    provenance=textmap.provenance(base + match.start(), base + match.end()),
                )
            )
    return warnings


# ——2024年12月24日在…人民代表大会常务委员会第…次会议上: the date a report to a congress
# was given.
_SUBTITLE = regex.compile(
    r"^\s*(?:——|—|--|－－)?\s*(?P<date>[^在]{6,16}日)\s*在.{2,60}(?:会议|会)上\s*$"
)
_TITLE_PREFIX = regex.compile(r"^(?:(?:文章)?标题\s*[:：∶]\s*|【[^】]{1,16}】\s*)+")


def _front_matter(found: _Collector, front: Sequence[int]) -> None:
    """Attachment, document number, title and issuer from the first blocks."""
    title_at: int | None = None
    for position, index in enumerate(front[:14]):
        line = found.line(index)
        start, end = found.span(index)
        if is_furniture(line):
            continue
        if _ATTACHMENT.match(line):
            found.put("attachment", line.rstrip("：:"), start, end, "front")
            continue
        number = _DOC_NUMBER.search(line)
        if number and len(line) <= 30:
            found.put(
                "document_number",
                number.group(0),
                start + number.start(),
                start + number.end(),
                "front",
            )
            continue
        subtitle = _SUBTITLE.match(line)
        if subtitle:
            dates = find_dates(subtitle.group("date"))
            if dates:
                at = start + subtitle.start("date")
                found.put("date", dates[0].iso, at + dates[0].start, at + dates[0].end, "front")
            continue
        prefix = _TITLE_PREFIX.match(line)
        if prefix:
            line, start = line[prefix.end() :], start + prefix.end()
        if title_at is None and _looks_like_title(line):
            pieces = [(start, end)]
            if position + 1 < len(front) and not _TITLE_END.search(line):
                more = found.line(front[position + 1])
                if len(more) <= 40 and _TITLE_END.search(more):
                    pieces.append(found.stripped_span(front[position + 1]))
            elif position > 0 and "关于" not in line and _title_head(found, front[position - 1]):
                pieces.insert(0, found.stripped_span(front[position - 1]))  # 中共…关于 / …的通报
            found.put_pieces("title", pieces, "title")
            title_at = position
    if title_at is None:
        title_at = _headline(found, front)
    if title_at is None or found.meta.title is None:
        return
    words = regex.search(r"关于|落实|贯彻|对照", found.meta.title)
    cut = words.start() if words else -1
    if cut >= 2 and _is_issuer(found.meta.title[:cut], found.profile):
        start = found.sources["title"].start
        found.put("issuer", found.meta.title[:cut], start, start + cut, "title")
        return
    # The line right above the title signs it (中共XX委员会 / 关于…的通报); a site name
    # above a breadcrumb or a date line does not.
    if title_at > 0:
        above = front[title_at - 1]
        if _is_issuer(found.line(above), found.profile):
            found.put("issuer", found.line(above), *found.span(above), "front")


def _signature(found: _Collector, tail: Sequence[int]) -> None:
    """The last date-only block is the document's date; an issuer-like line above it signs."""
    for index in reversed(tail):
        line = found.line(index)
        if not DATE.fullmatch(line.strip()):
            continue
        dates = find_dates(line)
        if dates:
            start, _ = found.span(index)
            found.put(
                "date", dates[0].iso, start + dates[0].start, start + dates[0].end, "signature"
            )
            if index > 0 and _is_issuer(found.line(index - 1), found.profile):
                first = _wrapped_signature(found, index - 1)
                pieces = [found.stripped_span(i) for i in range(first, index)]
                found.put_pieces("issuer", pieces, "signature")
        return


def _wrapped_signature(found: _Collector, last: int) -> int:
    """Where a signature wrapped over two lines begins (中共XX县委巡察工作 / 领导小组办公室):
    the line above ``last`` when it is a short run of Han characters that is no name of its
    own (a second signatory ends in 委员会, 人民政府…) nor a closing formula (特此通报)."""
    if last == 0:
        return last
    above = found.line(last - 1).strip()
    if (
        2 <= len(above) <= 20
        and regex.fullmatch(r"\p{Han}+", above)
        and not above.startswith("特此")
        and not any(above.endswith(suffix) for suffix in found.profile.issuer_suffixes)
        and _is_issuer(above + found.line(last).strip(), found.profile)
    ):
        return last - 1
    return last


# 发布日期：2024-07-18 11:16 / 成文日期：2024年7月18日 / 日期:2024/7/18 — the document's date
# when it carries no signature date. 成文 (written) before 发布 (published).
_DATE_LINE = regex.compile(
    r"(?P<label>成文日期|发文日期|印发日期|发布日期|发布时间|公开日期|更新时间|日期|时间)\s*[:：∶]?\s*"
    r"(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})(?![0-9])"
)
_WRITTEN = ("成文日期", "发文日期", "印发日期")
# A page's date without a label, as portals print it under the title: alone on its line
# (2024-07-18 11:16:05), or before the page's source line (2018年10月19日 07:29 | 来源：…).
_BARE_DATE = regex.compile(
    r"^\s*(?P<y>[0-9]{4})\s*[-/.年]\s*(?P<m>[0-9]{1,2})\s*[-/.月]\s*(?P<d>[0-9]{1,2})日?"
    r"(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
    r"\s*(?:$|[|｜丨]|(?:信息)?来源|作者|浏览|点击|阅读|访问)"
)


def _date_lines(found: _Collector, blocks: Sequence[int]) -> None:
    best: tuple[int, str, int, int] | None = None
    for index in blocks:
        line = found.line(index)
        if len(line) > 120:
            continue
        base = found.span(index)[0]
        for match in _DATE_LINE.finditer(line):
            value = iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if value is None:
                continue
            rank = 0 if match.group("label") in _WRITTEN else 1
            if best is None or rank < best[0]:
                best = (rank, value, base + match.start("y"), base + match.end("d"))
        bare = _BARE_DATE.match(line)
        if bare:
            value = iso(int(bare.group("y")), int(bare.group("m")), int(bare.group("d")))
            if value is not None and (best is None or best[0] > 2):
                best = (2, value, base + bare.start("y"), base + bare.end("d"))
    if best is not None:
        found.put("date", best[1], best[2], best[3], "date_line")


def _inspection(found: _Collector, intro: str, offset: int) -> None:
    """Kind of inspection, inspecting bodies, period and feedback date from the introduction."""
    meta = found.meta
    kind = _kind_of(meta.title or "", found.profile) or _kind_of(
        _announcing_sentence(intro), found.profile
    )
    if kind is None:
        kind = _kind_of(intro, found.profile, most=True)
    if kind is not None:
        meta.inspection_kind = _KIND_ALIASES.get(kind) or _kind(kind)
    bodies = list(_BODY.finditer(intro))
    if bodies:
        # The fullest form of the first name: 市审计局 (an addressee) is 澄州市审计局 later on.
        first = max(
            (b for b in bodies if b.group(0).endswith(bodies[0].group(0))),
            key=lambda b: len(b.group(0)),
        )
        found.put("inspecting_body", first.group(0), offset + first.start(), offset + first.end())
        names = [first.group(0)] + [b.group(0) for b in bodies]
        for name in names:
            if any(known.endswith(name) for known in meta.inspecting_bodies):
                continue
            if "第" not in name and any(
                _same_body(known, name) for known in meta.inspecting_bodies
            ):
                continue  # 区委巡察组 again after 区委第二巡察组: the same body, named loosely
            meta.inspecting_bodies.append(name)
    period = find_period(intro)
    period_end = 0
    if period:
        first_date, last_date = period.start, period.end
        found.put(
            "period_start", first_date.iso, offset + first_date.start, offset + first_date.end
        )
        found.put("period_end", last_date.iso, offset + last_date.start, offset + last_date.end)
        meta.period_precision = period.precision  # type: ignore[assignment]
        period_end = last_date.end
    year = int(period.end.iso[:4]) if period else None
    # Split into sentences first: a pattern with a leading [^。]* over a long run of text
    # without 。 would be quadratic.
    spans = [(m.start(), m.group(0)) for m in regex.finditer(r"[^。；]+", intro)]
    # A day first (反馈了巡察意见 on 6月8日), else a month (并于2023年6月召开巡察反馈会).
    for size in (10, 7):
        for pattern in _FEEDBACK:
            for base, sentence in spans:
                if not pattern.search(sentence):
                    continue
                dates = find_dates(sentence, year=year)
                if size == 7:  # the month nearest before the word (2022年11月巡察，2023年1月反馈)
                    word = pattern.search(sentence)
                    at = word.start() if word else 0
                    dates.sort(key=lambda d: (d.start > at, abs(at - d.end)))
                for date in dates:
                    start = base + date.start
                    before = sentence[max(0, date.start - 3) : date.start]
                    if start >= period_end and len(date.iso) == size and not _AS_OF.search(before):
                        end = offset + start + (date.end - date.start)
                        found.put("feedback_date", date.iso, offset + start, end)
                        return
    if year is None:
        return
    # 并于7月上旬…反馈: a feedback dated to a part of a month, in the period's year.
    for base, sentence in spans:
        if not _FEEDBACK[0].search(sentence) or base + len(sentence) <= period_end:
            continue
        part = _MONTH_PART.search(sentence, max(0, period_end - base))
        month = int(part.group("m")) if part else 0
        value = iso(year, month, None) if part else None
        if part and value:
            start = offset + base + part.start()
            found.put("feedback_date", value, start, offset + base + part.end())
            return


def _same_body(known: str, loose: str) -> bool:
    """``区委巡察组`` names ``区委第二巡察组`` loosely: the same words around its number."""
    cut = known.find("第")
    if cut < 0:
        return False
    return loose.startswith(known[:cut]) and loose.endswith(known[-3:])


_BOOK_TITLE = regex.compile(r"《[^《》]{0,60}》")
_ANNOUNCING = regex.compile(r"现将[^。；]{0,60}?(?:情况|如下)")


def _announcing_sentence(intro: str) -> str:
    """The 现将…整改进展情况予以公布 sentence, which names what the report answers."""
    found = _ANNOUNCING.search(intro)
    return found.group(0) if found else ""


def _kind_of(text: str, profile: Profile, *, most: bool = False) -> str | None:
    """The kind of inspection ``text`` names, book titles (《…巡视工作条例》) left out: the
    first named, or with ``most`` the most often named."""
    text = _BOOK_TITLE.sub("", text)
    counts = {k: text.count(k) for k in profile.inspection_kinds if k in text}
    if not counts:
        return None
    if most:
        return max(counts, key=lambda k: (counts[k], -text.find(k)))
    return min(counts, key=text.find)


# The body's subject: 局党组坚持…, 学院党委高度重视… — the issuer when no title or signature
# names one (recorded as inferred).
_SUBJECT = regex.compile(
    r"(?:^|[。；，,])\s*(?P<v>[\p{Han}]{0,16}?(?:党委|党组|党工委|委员会|人民政府))"
    r"(?:高度重视|坚持|始终|认真|切实|第一时间|把|将|深入|严格|迅速|立即|主动|对照)"
)


def _issuer_from_subject(found: _Collector, intro: str, offset: int) -> None:
    for match in _SUBJECT.finditer(intro):
        value = match.group("v")
        if any(word in value for word in ("巡视", "巡察", "督察", "审计", "关于")):
            continue
        if len(value) >= 2:
            found.put(
                "issuer", value, offset + match.start("v"), offset + match.end("v"), "inferred"
            )
            return


def _kind(word: str) -> InspectionKind:
    try:
        return InspectionKind(word)
    except ValueError:
        return InspectionKind.OTHER


# A site footer: its phone and address are the site's, not the report's contact. The footer
# starts on the line before the first of these in the second half of the text.
_FOOTER = regex.compile(r"ICP备|公网安备|网站标识码|版权所有|主办单位|承办单位|技术支持|网站地图")


def _contact(found: _Collector) -> None:
    textmap = found.textmap
    text = textmap.text
    count = len(textmap.blocks)
    footer = next(
        (i for i in range(count // 2, count) if _FOOTER.search(textmap.block_text(i))), None
    )
    cut = len(text) if footer is None else textmap.starts[max(0, footer - 1)]
    for pattern, name in ((_PHONE, "phone"), (_ADDRESS, "address")):
        match = pattern.search(text, 0, cut)
        if match:
            value = match.group("v").strip().rstrip("，,、")
            found.put(name, value, match.start("v"), match.start("v") + len(value))
    email = _EMAIL.search(text, 0, cut)
    if email:
        found.put("email", email.group(0), email.start(), email.end())


_TITLE_WORDS = regex.compile(r"整改|巡视|巡察|审计|督察|落实情况|反馈意见")


def _headline(found: _Collector, front: Sequence[int]) -> int | None:
    """A news item's headline when no line reads as a report's title: the first line that is
    neither furniture nor a sentence, short, and about the inspection's work
    (学院召开巡察整改情况通报会). Its position in ``front``, or ``None``."""
    for position, index in enumerate(front[:6]):
        line = found.line(index).strip()
        if is_furniture(line) or _DOC_NUMBER.search(line) or _ATTACHMENT.match(line):
            continue
        if (
            len(line) <= 50
            and not _SENTENCE_PUNCT.search(line)
            and not regex.search(r"[，,：:]", line)
            and _TITLE_WORDS.search(line)
            and position + 1 < len(front)
        ):
            found.put("title", line, *found.span(index), "title")
            return position
        return None  # the first line of content is no headline: no title at all
    return None


def _title_head(found: _Collector, index: int) -> bool:
    """Whether block ``index`` is the first line of a title wrapped after it: short, no
    sentence, and it holds the title's 关于 (中共XX委员会关于第三轮巡察 / 整改进展情况的通报)."""
    line = found.line(index).strip()
    return (
        len(line) <= 40
        and "关于" in line
        and not _SENTENCE_PUNCT.search(line)
        and not regex.search(r"[，,：:]", line)
        and not is_furniture(line)
    )


def _looks_like_title(line: str) -> bool:
    if len(line) > 80 or _SENTENCE_PUNCT.search(line) or is_furniture(line):
        return False
    if "关于" in line and (_TITLE_END.search(line) or "整改" in line):
        return True
    return bool(_TITLE_WORDS.search(line) and _TITLE_END.search(line))


def _is_issuer(line: str, profile: Profile) -> bool:
    line = line.strip()
    if not 2 <= len(line) <= 40 or _SENTENCE_PUNCT.search(line) or "：" in line:
        return False
    if DATE.search(line) or _NOT_A_NAME.search(line):
        return False
    return any(line.endswith(suffix) for suffix in profile.issuer_suffixes)


# A menu item (• yl34511线路中心) or a code, never a body's name: Latin letters, digits, bullets.
# X stands in for a name in templates (中共XX县XX局党组) and is allowed.
_NOT_A_NAME = regex.compile(r"[A-WYZa-wyz0-9•·▪►◆■□●○※]")


# A page's 发布机构 / 发文单位 box names who put the page up, not who reports (a district
# congress site publishes the government's audit report): it stays in ``hints`` only.
_HINT_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("成文日期", "发文日期", "发布日期", "页面日期"),
    "document_number": ("发文字号", "文号"),
    "title": ("文件名称", "名称", "标题"),
}


def _from_hints(found: _Collector, hints: dict[str, str]) -> None:
    """Fill what the body did not say from the container's header box, then its date line."""
    meta = found.meta
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
            dash = regex.search(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
            if dates:
                meta.date = dates[0].iso
            elif dash:
                meta.date = iso(int(dash.group(1)), int(dash.group(2)), int(dash.group(3)))
            if meta.date is not None:
                found.origins["date"] = origin
            continue
        setattr(meta, name, value)
        found.origins[name] = origin
