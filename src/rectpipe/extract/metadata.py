"""Report metadata: title, issuer, date, attachment, contact; the inspection it answers is
read by :mod:`.inspection`.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models.records import Metadata, MetadataOrigin, Provenance, ReportWarning
from ..profiles.profile import Profile
from ..runtime.box_labels import PUBLISHER_BOX_LABELS
from ..runtime.patterns import compile_pattern, escape
from ..text.annex import ANNEX_CAPTION, ATTACHMENT
from ..text.dates import DATE, DATE_ALONE, GARBLED_DATE, NUMERIC_DATE, FoundDate, find_dates, iso
from ..text.furniture import is_furniture, is_quiet, is_trailing_furniture
from ..text.numbering import emoji_lead, match_marker
from ..text.textmap import TextMap
from .collector import Collector
from .date_lines import DOC_NUMBER, date_lines, dateline, pipe_box_row
from .fill_lines import fill_lines
from .hints import from_hints
from .inspection import announcing_sentence, read_inspection
from .joint import separate_joint_issuers
from .masthead import masthead_editor
from .signer_line import split_signer_line
from .title_lines import (
    BOX_LINE,
    HEADLINE_SUBJECT,
    SENTENCE_PUNCT,
    TITLE_END,
    TITLE_PREFIX,
    ends_as_title,
    head_span,
    headline,
    is_issuer,
    looks_like_title,
    split_title,
    table_caption,
    title_head,
    title_prefix,
    wrapped_head,
)

if TYPE_CHECKING:
    import regex

__all__ = ["INTRO_MAX_CHARS", "extract_metadata", "metadata_warnings"]

_PHONE = compile_pattern(
    r"(?:联系电话|联系方式|举报电话|监督电话|咨询电话|电话)\s*[：:∶]?\s*"
    r"(?P<v>[0-9０-９(（][0-9０-９\-—－–()（） ]{5,}[0-9０-９](?:[、，,/或][0-9０-９\-—－–]{5,})*)"
)
_EMAIL = compile_pattern(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# An address ends at the next contact label (地址：X路9号　电话：…, the blank between them lost),
# also at its postcode given in brackets (X路9号（邮编：415500）).
_ADDRESS = compile_pattern(
    r"(?:来信请寄|来信邮寄|通信地址|通讯地址|邮寄地址|联系地址|邮政信箱|来信地址|地址)\s*[：:∶]?\s*"
    # (not a list that names the address among other means: 公布了通信地址和举报电话)
    r"(?![和及与、])(?P<v>(?:(?![（(]\s*(?:邮编|邮政编码)|联系电话|电话|传真|邮编|邮政编码|电子邮箱|邮箱|网址)"
    r"[^。；;\n，,])+)"
)


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
    *,
    listed: bool = True,
) -> Metadata:
    """Metadata read from the front matter (``front``: blocks before the first numbered item),
    the closing blocks (``tail``) and the whole text, with container ``hints`` as a fallback.
    ``listed``: the text has numbered items (a news story, which has none, names the bodies
    it tells of as its sentences' subjects).

    Every value found gets an entry in ``sources``; values not found stay ``None``.
    """
    found = Collector(textmap, profile)
    _front_matter(found, front)
    _enclosed_report(found, front)
    annex = _annex_label(found, tail)
    if annex is not None:
        # 附件 / 整改台账 after the signature: the report closes above it
        tail = list(range(max(0, annex - len(tail)), annex))
    # a ledger's 填报单位 line names who filled it in: the issuer when the title names none
    fill_lines(found, [*front[:14], *tail])
    separate_joint_issuers(found)
    placed = _bare_place(found)
    _signature(found, tail)
    _undated_signer(found)
    if placed is not None and found.meta.issuer is None:
        value, sources, origin = placed  # no signature: the place the title names stands
        found.meta.issuer = value
        found.sources.update(sources)
        found.origins["issuer"] = origin
    dateline(found, front)
    date_lines(found, [*front[:12], *tail])
    _dated_title(found)
    intro, intro_start = "", 0
    if front:
        start, end = found.span(front[0])[0], found.span(front[-1])[1]
        intro, intro_start = textmap.text[start : min(end, start + INTRO_MAX_CHARS)], start
        read_inspection(
            found,
            _without_title_days(_without_tables(intro, start, front, textmap), start, found),
            start,
        )
    meta = found.meta
    lead = _first_part_lead(textmap, front)
    if lead and (
        (meta.inspecting_body is None and meta.period_start is None) or meta.feedback_date is None
    ):
        # 一、审计整改工作部署落实情况 opening with 2024年4月至7月，区审计局对…进行了审计: the
        # introduction's facts told in the first part instead.
        kind = meta.inspection_kind
        start, end = found.span(lead[0])[0], found.span(lead[-1])[1]
        read_inspection(found, textmap.text[start:end], start)
        meta.inspection_kind = kind or meta.inspection_kind
    if lead and meta.inspecting_body is not None:
        _termed_body(found, lead)
    _contact(found)
    masthead_editor(found, front)
    from_hints(found, hints, looks_like_title)
    _issuer_from_hinted_title(found)
    _auditor_publishes(found, intro, intro_start)
    # (a news item's subject is the story's, not a writer's: a report says what it tells, or
    # lists its items)
    tells = listed or _tells_rectification(found, intro)
    if front and found.meta.issuer is None and tells:
        _issuer_from_subject(found, intro, intro_start)
    opening = _first_part_opening(textmap, front)
    if opening and found.meta.issuer is None and tells:
        # no title, and a lead that says 我局党组: the first part's opening may name the unit
        # (一、… / 溪川县水务局党组严格落实…, or under its first item: （一）…。县林业局党组坚持…)
        start, end = found.span(opening[0])[0], found.span(opening[-1])[1]
        whole = textmap.text[intro_start:end]  # its full name as the introduction writes it
        _issuer_from_subject(found, textmap.text[start:end], start, (whole, intro_start))
        named = found.meta.issuer
        inspected = _inspected_name(found, intro)
        if named is not None and inspected is not None and _shortens(named, inspected):
            # 溪口区委深入贯彻… after 向中共岚州市溪口区委反馈了巡视意见: the name in full
            found.forget("issuer")
    if front and found.meta.issuer is None:
        _issuer_inspected(found, intro, intro_start)
    found.settle()
    _date_after_the_inspection(found)
    found.meta.sources = found.sources
    found.meta.origins = found.origins
    return found.meta


# A title that ends with its day, in brackets (工作简报（2023年5月16日）) or after blanks
# (…的通报 2025-11-03, a portal's list line copied with the title).
_TITLE_DAY = compile_pattern(
    r"(?:\s*[（(]\s*(?P<d>[^（）()]{6,16}?)\s*[）)]|\s+(?P<d>[0-9]{4}[^\s（）()]{4,12}))\s*$"
)


def _dated_title(found: Collector) -> None:
    """A title ending with its day: the day dates the report when nothing else did. In
    brackets (…工作简报（2023年5月16日）) it is part of the title as written; after blanks
    (…的通报 2025-11-03, a portal's list line) it is not."""
    meta = found.meta
    title, source = meta.title, found.sources.get("title")
    if title is None or source is None:
        return
    if "title.2" in found.sources:
        _dated_last_line(found, title)
        return
    day = _TITLE_DAY.search(title)
    if day is None or day.start() == 0:
        return
    bracketed = title[day.start() :].lstrip().startswith(("（", "("))
    value = _day_of(day.group("d")) or (_month_of(day.group("d")) if bracketed else None)
    written = found.textmap.text[source.start : source.end]
    if value is None or written != title:
        return  # no day, or a title put together from more than its line: left as it is
    if not bracketed:
        meta.title = title[: day.start()]
        found.sources["title"] = found.textmap.provenance(source.start, source.start + day.start())
    start = source.start + day.start("d")
    found.put("date", value, start, source.start + day.end("d"), "title")


def _dated_last_line(found: Collector, title: str) -> None:
    """A title wrapped over lines whose last line ends with its day in brackets (…整改进展情况
    的通报（2025年6月12日）): that day dates the report when nothing else did."""
    pieces = [n for n in found.sources if n.startswith("title.")]
    last = found.sources[max(pieces, key=lambda n: int(n.split(".")[1]))]
    written = found.textmap.text[last.start : last.end]
    day = _TITLE_DAY.search(written)
    if (
        day is None
        or not title.endswith(written)
        or not written[day.start() :].lstrip().startswith(("（", "("))
    ):
        return
    value = _day_of(day.group("d")) or _month_of(day.group("d"))
    if value is not None:
        found.put("date", value, last.start + day.start("d"), last.start + day.end("d"), "title")


def _month_of(written: str) -> str | None:
    """The ISO month ``written`` is, whole (2025年6月, 二〇二五年六月); else ``None``: a title's
    bracketed month dates the report to its month."""
    if not DATE.fullmatch(written):
        return None
    dates = find_dates(written)
    return dates[0].iso if dates and len(dates[0].iso) == 7 else None


def _day_of(written: str) -> str | None:
    """The ISO day ``written`` is, whole: 2023年5月16日 or 2025-11-03; else ``None``."""
    numeric = NUMERIC_DATE.fullmatch(written)
    if numeric is not None:
        return iso(int(numeric.group("y")), int(numeric.group("m")), int(numeric.group("d")))
    if DATE.fullmatch(written):
        dates = find_dates(written)
        if dates and len(dates[0].iso) == 10:
            return dates[0].iso
    return None


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
# A congress report's subtitle: ——2024年11月26日在…会议上 (its date and meeting).
_DASH = r"(?:——|—|--|－－)"
# (a day, or only a month: ——2023年4月在…会议上)
_DATE_AT = r"(?P<date>[^在—]{6,16}[日月])\s*在.{2,60}(?:会议|会)"
_DATE_AT_MEETING = rf"{_DATE_AT}上\s*$"
# After a dash the line is a subtitle even when a damaged copy lost its final 上.
# In brackets as well: （2018年9月27日在…会议上）.
_BRACKETED = rf"[（(]\s*{_DATE_AT}上?\s*[)）]\s*$"
_SUBTITLE = compile_pattern(rf"^\s*(?:{_DASH}\s*{_DATE_AT}上?\s*$|{_DATE_AT_MEETING}|{_BRACKETED})")
# The same run onto the title's line (a PDF joins two centred lines): 关于…的报告——2024年11月
# 26日在…会议上.
_SUBTITLE_AFTER = compile_pattern(rf"\s*(?:{_DASH}\s*{_DATE_AT_MEETING}|{_BRACKETED})")


def _subtitle_date(found: Collector, subtitle: regex.Match[str], start: int) -> None:
    """The day a congress report's subtitle gives (``——2024年11月26日在…会议上``) dates it; a
    month alone (``——2023年4月在…``) dates it only when nothing else does (a page's day is
    more precise)."""
    dates = find_dates(subtitle.group("date"))
    if not dates:
        return
    at = start + subtitle.start("date")
    date = dates[0]
    if len(date.iso) == len("YYYY-MM-DD"):
        found.put("date", date.iso, at + date.start, at + date.end, "front")
    elif len(date.iso) == len("YYYY-MM"):
        found.put_fallback("date", date.iso, at + date.start, at + date.end, "front")


_LEAD_BLOCKS = 3


#: The most years a report's date may fall after the inspection it answers began.
DATE_YEARS_AFTER_MOST = 5


def _date_after_the_inspection(found: Collector) -> None:
    """No date a decade after the inspection it answers: a figure misread (二〇三五年 for
    二〇二五年, a seal's rim over it) dates no report; null rather than wrong."""
    meta = found.meta
    began = meta.period_start or meta.feedback_date
    if meta.date is None or began is None:
        return
    if int(meta.date[:4]) - int(began[:4]) > DATE_YEARS_AFTER_MOST:
        meta.date = None
        found.sources.pop("date", None)
        found.origins.pop("date", None)


# The last word of a title alone on its line (的通报, 的报告, 公示).
_TITLE_TAIL = compile_pattern(r"^\s*的?(?:通报|报告|公告|公示|说明)\s*$")


def _without_tables(text: str, at: int, blocks: Sequence[int], textmap: TextMap) -> str:
    """``text`` (from offset ``at``) with the tables among ``blocks`` blanked out, offsets kept:
    a table's cells tell the items' facts (经查，该工地于6月9日至11日夜间施工), not the
    inspection's."""
    for index in blocks:
        if textmap.blocks[index].kind.value != "table":
            continue
        start, end = textmap.starts[index] - at, textmap.block_end(index) - at
        if 0 <= start < len(text):
            end = min(end, len(text))
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _without_title_days(text: str, at: int, found: Collector) -> str:
    """``text`` (from offset ``at``) with the days written in the title's lines blanked out,
    offsets kept: …巡察反馈意见整改进展情况的通报（2025年6月12日） is dated by its day, which
    is no day of the inspection (the feedback's)."""
    for name, source in found.sources.items():
        if name != "title" and not name.startswith("title."):
            continue
        start, end = source.start - at, source.end - at
        if end <= 0 or start >= len(text):
            continue
        start, end = max(start, 0), min(end, len(text))
        for date in find_dates(text[start:end]):
            a, b = start + date.start, start + date.end
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _first_part_lead(textmap: TextMap, front: Sequence[int]) -> list[int]:
    """The unnumbered paragraphs that open the first numbered part (at most three)."""
    heading = front[-1] + 1 if front else 0
    if heading >= len(textmap.blocks) or match_marker(textmap.block_text(heading)) is None:
        return []
    lead: list[int] = []
    for index in range(heading + 1, min(len(textmap.blocks), heading + 1 + _LEAD_BLOCKS)):
        if match_marker(textmap.block_text(index)) is not None:
            break
        lead.append(index)
    return lead


def _first_part_opening(textmap: TextMap, front: Sequence[int]) -> list[int]:
    """The first blocks under the first numbered part (at most three), its own items' too, up
    to the next item marked as the part is (二、)."""
    heading = front[-1] + 1 if front else 0
    if heading >= len(textmap.blocks):
        return []
    part = match_marker(textmap.block_text(heading))
    if part is None:
        return []
    opening: list[int] = []
    for index in range(heading + 1, min(len(textmap.blocks), heading + 1 + _LEAD_BLOCKS)):
        marker = match_marker(textmap.block_text(index))
        if marker is not None and marker.kind == part.kind:
            break
        opening.append(index)
    return opening


_SHARE_SITE = compile_pattern(r"上传人\s*[:：]|文档编号\s*[:：]|上传时间\s*[:：]|^资源描述$")


_BARE_ATTACHMENT = compile_pattern(r"^\s*附件\s*[：:]?\s*$")
# A breadcrumb's steps (首页 > 信息公开 > 中共…的通报).
_CRUMB_STEP = compile_pattern(r"\s*(?:>|＞|»|›|→)\s*")


def _crumb_title(found: Collector, front: Sequence[int]) -> int | None:
    """A page whose title is written only as its breadcrumb's last step (首页 > 中共…关于…的
    通报): that step, when it reads as a title. Its position in ``front``, or ``None``."""
    for position, index in enumerate(front[:FRONT_LINES]):
        line = found.line(index)
        steps = _CRUMB_STEP.split(line.strip())
        if len(steps) < 2 or not is_furniture(line):
            continue
        last = steps[-1].strip()
        if last and looks_like_title(last):
            start = found.span(index)[0] + line.rindex(last)
            found.put("title", last, start, start + len(last), "title")
            return position
    return None


_TITLE_VERB = compile_pattern(r"关于|落实|贯彻|对照")
# The site's name after a page's title, as a browser tab shows it: `_某县人民政府`,
# ` - 某某网`, `｜某某网`.
_SITE_SUFFIX = compile_pattern(r"(?:_|\s+[-–—|｜]\s+|[|｜])\s*[^_\s|｜，。；：]{2,24}\s*$")
# A column's name before a page's title, as an account's article shows it (巡察整改｜…).
_COLUMN_PREFIX = compile_pattern(r"^\s*[^_\s|｜，。；：“”]{2,10}\s*[|｜]\s*")
# A file's extension after the title a document-sharing site shows (…整改报告.docx).
_FILE_SUFFIX = compile_pattern(r"(?i)\.(?:docx?|pdf|wps|txt|rtf)\s*$")


# The publisher's line of a page's information box written one label and value a line.
_BOX_PUBLISHER = compile_pattern(
    rf"^\s*(?:{'|'.join(sorted(PUBLISHER_BOX_LABELS))})\s*[:：∶]\s*(?P<v>[^\s|｜:：]{{2,30}})\s*$"
)


def _about_wrapped(found: Collector, front: Sequence[int], position: int, line: str) -> bool:
    """A title's first line that opens with 关于 and names no title word yet, the line below
    ending it (关于印发《某市文明城市模拟测评情况 / 通报》的通知): both short, no sentence."""
    if position + 1 >= len(front) or not line.lstrip().startswith("关于"):
        return False
    more = found.line(front[position + 1]).strip()
    return (
        len(line) <= _WRAPPED_LINE
        and len(more) <= _WRAPPED_LINE
        and not SENTENCE_PUNCT.search(line + more)
        and ends_as_title(more)
    )


#: The longest line read as a piece of a title wrapped over two lines.
_WRAPPED_LINE = 40


# A subtitle's dash (——某县政府督查室关于…的汇报), and the fewest characters of a title above it.
_SUBTITLE_DASH = compile_pattern(r"^\s*(?:——|—|--|－－)")
_TITLE_ABOVE_MIN = 6


def _same_words(one: str, other: str) -> bool:
    """Whether two lines write the same Chinese words (their quotes, figures and blanks
    aside)."""
    words = "".join(_ALL_HAN.findall(one))
    return len(words) >= 6 and words == "".join(_ALL_HAN.findall(other))


# A line longer than this with a sentence's end in it is a paragraph of the text: a title
# comes before it.
_BODY_LINE = 20


def _front_matter(found: Collector, front: Sequence[int]) -> None:
    """Attachment, document number, title and issuer from the first blocks."""
    title_at: int | None = None
    title_pieces: list[tuple[int, int]] = []
    # A document-sharing site's preview: its own file name heads the page (上传人… 文档编号…);
    # the document's title is the last title line before the text, not the first.
    shared = any(_SHARE_SITE.search(found.line(index)) for index in front[:FRONT_LINES])
    first = True  # no line of content read yet
    body_started = False  # a paragraph of the text read: no title after it
    for position, index in enumerate(front[: SHARED_FRONT_LINES if shared else FRONT_LINES]):
        line = found.line(index)
        start, end = found.span(index)
        if is_furniture(line) or (BOX_LINE.match(line) and not DOC_NUMBER.search(line)):
            publisher = _BOX_PUBLISHER.match(line)
            if publisher is not None:  # 发布机构：某县审计局, when nothing else signs the report
                found.put_fallback(
                    "issuer", publisher.group("v"), start + publisher.start("v"),
                    start + publisher.end("v"), "header_box",
                )  # fmt: skip
            continue  # (组配分类：…报告: a box's line, whose value names no document)
        opening, first = first, False
        if line.count("|") >= 2:
            # A portal's metadata box copied as pipe rows (文号 | X发〔2025〕5号 | 成文日期： | …):
            # its 文号 cell is the document number; no row is the title.
            pipe_box_row(found, line, start)
            continue
        if ATTACHMENT.match(line) and (opening or not _BARE_ATTACHMENT.match(line)):
            # 附件 without its number marks the document only as its first line (after the
            # signature it heads the annex, not this file).
            found.put("attachment", line.rstrip("：:"), start, end, "front")
            continue
        if not opening and ANNEX_CAPTION.match(line):
            continue  # 附件：…一览表 after the text: an annex's caption, not this file's title
        notice = _SERIES_NUMBER.match(line.strip())
        if notice is not None and position > 0 and _NOTICE.search(found.line(front[position - 1])):
            # 某县审计局审计结果公告 / 2025年第2号: a notice's number is its document number
            at = start + (len(line) - len(line.lstrip()))
            found.put(
                "document_number",
                notice.group("n"),
                at + notice.start("n"),
                at + notice.end("n"),
                "front",
            )
            continue
        number = DOC_NUMBER.search(line)
        if number and len(line) <= 30 and not _CITES.match(line):
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
            _subtitle_date(found, subtitle, start)
            continue
        prefix = TITLE_PREFIX.match(line)
        if prefix:
            line, start = line[prefix.end() :], start + prefix.end()
        bracketed = _BRACKETED_TITLE.match(line)
        if bracketed and TITLE_END.search(bracketed.group("t")):
            # 【…关于…的报告】: a page's title set in brackets
            line, start, end = (
                bracketed.group("t"),
                start + 1,
                start + 1 + len(bracketed.group("t")),
            )
        after = _SUBTITLE_AFTER.search(line)
        if after and after.start() > 0 and looks_like_title(line[: after.start()]):
            _subtitle_date(found, after, start)
            line, end = line[: after.start()], start + after.start()
        column = _COLUMN_PREFIX.match(line)
        if column and TITLE_END.search(line) and "关于" in line[column.end() :]:
            # an account's column before the title (巡察整改｜中共…关于…的通报)
            start, line = start + column.end(), line[column.end() :]
        site = _SITE_SUFFIX.search(line) or _FILE_SUFFIX.search(line)
        if site and TITLE_END.search(line[: site.start()]):
            # A page's title line, the site's name after it (关于…的通报_某县人民检察院).
            line, end = line[: site.start()], start + site.start()
        if len(line) > _BODY_LINE and SENTENCE_PUNCT.search(line):
            body_started = True
        dash = _SUBTITLE_DASH.match(line)
        if (
            title_at is None
            and not shared
            and dash is not None
            and position > 0
            and "关于" in line
            and looks_like_title(line[dash.end() :].strip())
        ):
            over = found.line(front[position - 1]).strip()
            if (
                _TITLE_ABOVE_MIN <= len(over) <= _WRAPPED_LINE
                and not SENTENCE_PUNCT.search(over)
                and not is_furniture(over)
            ):
                # 农村饮水安全…亟待整治 / ——某县政府督查室关于…的汇报: the line above a
                # subtitle that names the document is its title
                found.put("title", over, *found.stripped_span(front[position - 1]), "title")
                title_at = position - 1
                continue
        if (title_at is None or shared) and split_title(found, front, position, line):
            pieces = [found.stripped_span(index), found.stripped_span(front[position + 1])]
            _three_lines(found, front, pieces)
            if not shared:
                found.put_pieces("title", pieces, "title")
            title_pieces = pieces
            title_at = position
            continue
        if (title_at is None or shared) and (
            looks_like_title(line) or _about_wrapped(found, front, position, line)
        ):
            if body_started and not shared and "关于" not in line:
                # a line after the text began (a footer's 政府网站检查通报) is no title; a
                # report's own (关于…的通报) after a news item's lead is
                continue
            if _whole_below(found, front, position, line):
                continue  # the end of a title cut on the line above, the whole title below
            if _own_title_below(found, front, position, line):
                continue  # a site's headline (…公布巡察整改进展情况) over the report's own title
            if _series_head(found, front, position):
                continue  # 某县审计局审计结果公告 / 2025年第2号 over the notice's own title
            pieces = [(start, end)]
            # the line above may begin the title, unless it is a file's name over the title
            # written again (…清单1 / …清单)
            head_above = position > 0 and not _same_words(found.line(front[position - 1]), line)
            if position + 1 < len(front) and _TITLE_TAIL.match(found.line(front[position + 1])):
                # …整改进展情况 / 的通报: a title ending as one does, wrapped before its last word
                pieces.append(found.stripped_span(front[position + 1]))
            elif position + 1 < len(front) and not TITLE_END.search(line):
                more = found.line(front[position + 1])
                if len(more) <= _WRAPPED_LINE and ends_as_title(more) and not is_furniture(more):
                    pieces.append(found.stripped_span(front[position + 1]))
                    if _issuer_line_of(found, front, position):
                        pieces.insert(0, found.stripped_span(front[position - 1]))
            elif head_above and "关于" not in line and title_head(found, front[position - 1]):
                pieces.insert(0, head_span(found, front[position - 1]))  # 中共…关于 / …的通报
                if _issuer_line_of(found, front, position - 1):
                    pieces.insert(0, found.stripped_span(front[position - 2]))
            elif head_above and wrapped_head(found, front[position - 1], line):
                pieces.insert(0, head_span(found, front[position - 1]))  # 中共…党组关 / 于…
            _three_lines(found, front, pieces)
            if not shared:
                found.put_pieces("title", pieces, "title")
            title_pieces = pieces
            title_at = position
    if shared and title_pieces:
        found.put_pieces("title", title_pieces, "title")
    if title_at is None:
        title_at = table_caption(found, front)
    if title_at is None:
        title_at = headline(found, front)
    if title_at is None:
        title_at = _crumb_title(found, front)
    if title_at is None or found.meta.title is None:
        return
    cut = _issuer_in_title(found.meta.title, found.profile)
    if cut:
        found.put_pieces("issuer", title_prefix(found, cut), "title")
        return
    # The line right above the title signs it (中共XX委员会 / 关于…的通报); a site name
    # above a breadcrumb or a date line does not.
    if title_at > 0:
        above = front[title_at - 1]
        # (not a breadcrumb ending with a place: 首页 > 乡镇动态 > 青柳镇)
        if not is_furniture(found.line(above)) and is_issuer(found.line(above), found.profile):
            found.put("issuer", found.line(above), *found.span(above), "front")
            return
    # A web page whose article repeats its headline with the issuer above it (鹤峪县审计局 /
    # 关于…的审计结果公告 under the page's <h1>).
    title = found.meta.title
    for position in range(title_at + 1, min(len(front), 14)):
        line = found.line(front[position]).strip()
        if len(line) >= 6 and title.startswith(line):
            above = front[position - 1]
            if position - 1 > title_at and is_issuer(found.line(above), found.profile):
                found.put("issuer", found.line(above), *found.span(above), "front")
            return


FRONT_LINES = 14
"""How many of the first blocks are read for the title, the issuer and the document number."""
SHARED_FRONT_LINES = 24
"""The same on a document-sharing site's preview, whose own lines (the uploader, a line per
page shown: 第1页 / 共46页) come before the document's."""


def _whole_below(found: Collector, front: Sequence[int], position: int, line: str) -> bool:
    """Whether ``line`` is the end of a title whose whole is the next line: a breadcrumb that
    ends with the title, wrapped (首页 > 动态 > 中共XX委员 / 会关于…的通报), above the whole
    title (中共XX委员会关于…的通报)."""
    # (or a post's headline, an emoji before it, over an account's line and the report's own
    # title: 📢 关于…的通报 / 原创 某某 2025年12月03日 / 中共XX委员会关于…的通报)
    text = line.strip()
    text = text[emoji_lead(text) :].strip()
    for below_at in range(position + 1, min(len(front), position + 1 + _BELOW_REACH)):
        below = found.line(front[below_at]).strip()
        if len(below) > len(text) >= 6 and below.endswith(text):
            return True
    return False


_BELOW_REACH = 3  # the whole title within this many lines under the line that ends it


# A line wholly inside 【】 (【…关于…的报告】).
_BRACKETED_TITLE = compile_pattern(r"^【(?P<t>[^【】]{8,120})】$")


# A report's own title, whole on its line: …关于…的通报/报告/公告/公示, no sentence in it.
_OWN_TITLE = compile_pattern(
    r"^[^，,。；;！？!?：:\s]{2,60}关于[^，,。；;！？!?：:\s]{4,80}(?:的|情况)(?:通报|报告|公告|公示)$"
)


def _own_title_below(found: Collector, front: Sequence[int], position: int, line: str) -> bool:
    """Whether ``line``, with no 关于 in it (a site's or a repost's headline: 某委公布巡察整改
    进展情况, a column's name: 审计整改结果公告), stands right over the report's own title, whole
    on its line (中共…党组关于…的通报): that one is the title."""
    if "关于" in line or position + 1 >= len(front):
        return False
    below = found.line(front[position + 1]).strip()
    bracketed = _BRACKETED_TITLE.match(below)
    if _OWN_TITLE.match(bracketed.group("t") if bracketed else below) is not None:
        return True
    if position + 2 >= len(front) or TITLE_END.search(below):
        return False
    # (the own title set on two lines: 中共…党组关于县委第一巡察组 / 巡察反馈意见整改进展情况的通报)
    rest = found.line(front[position + 2]).strip()
    return len(rest) <= _WRAPPED_LINE and _OWN_TITLE.match(below + rest) is not None


# A series' number under its name (2025年第2号, （总第15号）): the name heads the series, not
# this notice.
_SERIES_NUMBER = compile_pattern(
    r"^[（(]?\s*(?P<n>(?:[0-9]{4}\s*年\s*)?第\s*[0-9一二三四五六七八九十]{1,4}\s*号)\s*[）)]?"
    r"(?:\s*[（(]\s*总第\s*[0-9]{1,5}\s*号\s*[）)])?$"
)


_NOTICE = compile_pattern(r"公告\s*$")


def _series_head(found: Collector, front: Sequence[int], position: int) -> bool:
    """Whether the line at ``position`` names a series (某县审计局审计结果公告) over its number
    (2025年第2号, or a 文号 alone: 某审公告〔2025〕2号), with the notice's own 关于… title a few
    lines below."""
    if position + 2 >= len(front):
        return False
    number = found.line(front[position + 1]).strip()
    if not (_SERIES_NUMBER.match(number) or (len(number) <= 24 and DOC_NUMBER.search(number))):
        return False
    return any(
        "关于" in found.line(index) and looks_like_title(found.line(index).strip())
        for index in front[position + 2 : position + 5]
    )


def _three_lines(found: Collector, front: Sequence[int], pieces: list[tuple[int, int]]) -> None:
    """A title on three lines whose 关于 line is the first (柏川市关于省第二生态环境保护 /
    督察组督察反馈问题 / 整改情况的公示): the two lines taken so far, without 关于, get the line
    above them when it is a title's first line (:func:`title_head`)."""
    text = found.textmap.text
    if len(pieces) != 2 or any("关于" in text[start:end] for start, end in pieces):
        return
    top = next((k for k, index in enumerate(front) if found.span(index)[1] >= pieces[0][1]), 0)
    if top >= 1 and title_head(found, front[top - 1]):
        pieces.insert(0, head_span(found, front[top - 1]))


def _issuer_in_title(title: str, profile: Profile) -> int:
    """How many of the title's first characters name its issuer (中共X委员会关于…), or 0."""
    words = _TITLE_VERB.search(title)
    # 中共X委员会巡察反馈问题整改台账: without 关于, the name ends where the inspection is named.
    kinds = [title.find(k) for k in profile.inspection_kinds]
    cut = words.start() if words else min((k for k in kinds if k > 0), default=-1)
    year = _YEAR_AFTER_NAME.search(title, 0, cut if cut > 0 else len(title))
    if year is not None and not words and _OWN_WORK_END.search(title):
        # 某局2023年度预算执行审计发现问题整改台账: the name ends where the year begins
        cut = year.start()
    subject = HEADLINE_SUBJECT.match(title)
    if subject is not None and is_issuer(subject.group(0), profile):
        cut = subject.end()  # 某某集团：巡视整改任务过半已完成: the headline's subject
    return cut if cut >= 2 and is_issuer(title[:cut], profile) else 0


# A covering letter's title: it sends a report on (关于报送…情况的函, 关于呈报…的报告的函).
_COVERING = compile_pattern(r"关于(?:报送|呈报|上报|报告|提交)[^，,。；;]{4,80}的函$")


def _enclosed_report(found: Collector, front: Sequence[int]) -> None:
    """A file that is a covering letter and the report it sends (关于报送…的函 / … / 附件 /
    汀岚县关于…的报告): the title is the report's, whole on its line below; what the letter
    gave (its number, its sender, its date) stays."""
    title = found.meta.title
    if title is None or _COVERING.search(title) is None:
        return
    for index in front:
        line = found.line(index).strip()
        if line == title or _COVERING.search(line) or not _OWN_TITLE.match(line):
            continue
        start, end = found.stripped_span(index)
        found.forget("title")
        found.put("title", line, start, end, "title")
        return


# A line that cites another document by its number (（依据…审计局…〔2024〕5号审计报告）): that
# number is the cited one's, not this report's.
_CITES = compile_pattern(r"^[（(]?\s*(?:依据|根据|按照|见)")


# How the title of a body's own ledger or report ends (…整改台账, …整改情况报告).
_OWN_WORK_END = compile_pattern(r"(?:台账|清单|明细表|一览表|报告|通报|公告|公示)$")
# A year or a term written after a body's name in a title (…局2023年度…, …局原局长任期…).
_YEAR_AFTER_NAME = compile_pattern(r"(?<=\p{Han})(?:19|20)[0-9]{2}\s*(?:年度|年)")


def _issuer_from_hinted_title(found: Collector) -> None:
    """The issuer a title taken from the page (a repost's 原标题, a header box, the page's
    ``<title>``) names before 关于, when nothing in the text named one."""
    title = found.meta.title
    if title is None or found.meta.issuer is not None:
        return
    origin = found.origins.get("title")
    if origin not in ("header_box", "page"):
        return
    cut = _issuer_in_title(title, found.profile)
    if cut:
        found.meta.issuer = title[:cut]
        found.origins["issuer"] = origin


def _issuer_line_of(found: Collector, front: Sequence[int], position: int) -> bool:
    """Whether the line above a title's ``关于…`` line, itself wrapped into the next line, is
    the title's first line: a printed title set on three lines at the grammar's joints
    (``中共XX局党组`` / ``关于…巡察反馈意见`` / ``整改进展情况的通报``). A ``关于…`` line that ends
    the title leaves the name above it to sign the title (``中共XX委员会`` / ``关于…的通报``)."""
    if position == 0 or not found.line(front[position]).lstrip().startswith("关于"):
        return False
    above = found.line(front[position - 1]).strip()
    return not is_furniture(above) and is_issuer(above, found.profile)


def _signature(found: Collector, tail: Sequence[int]) -> None:
    """The last date-only block is the document's date; an issuer-like line above it signs.

    When the closing blocks hold none and are all quiet lines (short, no full stop:
    :func:`~rectpipe.text.furniture.is_quiet`; a copy's interface under the signature:
    阅读原文, 分享, 打开APP, a dozen lines or more), the search goes on above them through
    such lines, up to :data:`SIGNATURE_REACH` blocks from the end; there a date-only line
    counts only under an issuer-like line (a related article's date has none)."""
    for index in reversed(tail):
        if _signed_at(found, index, strict=False):
            return
    if _dated_in_last_row(found, tail):
        return
    if not tail or not all(is_quiet(found.line(index)) for index in tail):
        return
    floor = max(0, tail[-1] + 1 - SIGNATURE_REACH)
    for index in range(tail[0] - 1, floor - 1, -1):
        line = found.line(index)
        if not is_quiet(line) or _signed_at(found, index, strict=True):
            return


def _annex_label(found: Collector, tail: Sequence[int]) -> int | None:
    """The label of an annex after a dated signature (…党委 / 2025年8月20日 / 附件 / 整改台账 /
    its table, its 填报日期): the first annex label within :data:`SIGNATURE_REACH` blocks of
    the end, when a date alone stands just above it. The annex, however long, is no part of the
    report's closing lines."""
    if not tail:
        return None
    floor = max(0, tail[-1] + 1 - SIGNATURE_REACH)
    for label in range(floor, tail[-1] + 1):
        if ATTACHMENT.match(found.line(label).strip()) is None:
            continue
        above = range(label - 1, max(floor, label - _ABOVE_ANNEX) - 1, -1)
        return label if any(_date_alone(found.line(index)) for index in above) else None
    return None


_ABOVE_ANNEX = 3  # a signature's date, its seal's note or a blank line, just above the label


def _date_alone(line: str) -> bool:
    core = _SIGNATURE_DATE.fullmatch(line.strip())
    return NUMERIC_DATE.fullmatch(line) is not None or (
        core is not None and DATE.fullmatch(core.group("date")) is not None
    )


def _dated_in_last_row(found: Collector, tail: Sequence[int]) -> bool:
    """A ledger dated in its table's last row, the day alone across it (| 2025年7月8日 |), when
    the table ends the text: that day dates it."""
    blocks = found.textmap.blocks
    tables = [index for index in tail if blocks[index].cells]
    if not tables or tables[-1] != tail[-1]:
        return False
    rows = [row for row in blocks[tables[-1]].cells or () if any(c.strip() for c in row)]
    if not rows:
        return False
    cells = {cell.strip() for cell in rows[-1] if cell.strip()}
    if len(cells) != 1:
        return False
    [written] = cells
    if not DATE_ALONE.match(written):
        return False
    dates = find_dates(written)
    line = found.line(tables[-1])
    at = found.span(tables[-1])[0] + line.rfind(written)
    if not dates or len(dates[0].iso) != 10:
        return False
    found.put("date", dates[0].iso, at + dates[0].start, at + dates[0].end, "signature")
    return True


def _undated_signer(found: Collector) -> None:
    """A signature with no date under it (the report dated under its title or on its page):
    the text's last line, when it is a body's name alone (中共柏川市委员会), signs it."""
    if found.meta.issuer is not None:
        return
    blocks = found.textmap.blocks
    last = len(blocks) - 1
    while last > 0 and is_trailing_furniture(found.line(last)):
        last -= 1
    if last <= 0 or blocks[last].kind.value == "table":
        return
    line = found.line(last).strip()
    if (
        is_issuer(line, found.profile)
        and _SIGNER_NAME.search(line) is not None
        and not match_marker(line)
    ):
        found.put("issuer", line, *found.stripped_span(last), "signature")


# A place alone, no body: 石门乡, 柏川镇, 城关街道 (a county or a city is no issuer's name at all).
_BARE_PLACE = compile_pattern(r"^\p{Han}{1,8}?(?:乡|镇|街道)$")


def _bare_place(
    found: Collector,
) -> tuple[str, dict[str, Provenance], MetadataOrigin] | None:
    """An issuer the title gave as a bare place name (石门乡关于…的公示), taken back so that a
    signature (中共石门乡委员会) may name the body; what to put back when none does."""
    issuer = found.meta.issuer
    if issuer is None or found.origins.get("issuer") != "title" or not _BARE_PLACE.match(issuer):
        return None
    sources = {k: v for k, v in found.sources.items() if k == "issuer" or k.startswith("issuer.")}
    for key in sources:
        del found.sources[key]
    found.meta.issuer = None
    return issuer, sources, found.origins.pop("issuer")


SIGNATURE_REACH = 40
"""How many blocks from the end a signature is looked for under a copy's interface lines."""


def _signed_at(found: Collector, index: int, *, strict: bool) -> bool:
    """Read block ``index`` as the signature's date (and the issuer-like line above it, or
    before the date on the same line); whether the search ends there. ``strict``: only a
    date under (or beside) an issuer-like line ends it."""
    line = found.line(index)
    core = _SIGNATURE_DATE.fullmatch(line.strip())
    numeric = NUMERIC_DATE.fullmatch(line)
    if numeric is not None:
        value = iso(int(numeric.group("y")), int(numeric.group("m")), int(numeric.group("d")))
        dates = [FoundDate(value, numeric.start("y"), numeric.end("d"))] if value else []
    elif core is None or not DATE.fullmatch(core.group("date")):
        signed = split_signer_line(line)
        if signed is None or not is_issuer(line[slice(*signed[0])], found.profile):
            return False
        (who_start, who_end), (date_start, date_end) = signed
        start, _ = found.span(index)  # XX办公室　　2025年7月3日: signer and date on one line
        written = line[date_start:date_end]
        figures = NUMERIC_DATE.fullmatch(written)
        if figures is not None:  # 柳岸镇中心小学 2023.05.20
            date = iso(int(figures.group("y")), int(figures.group("m")), int(figures.group("d")))
            if date is None:
                return False
        else:
            date = find_dates(written)[0].iso
        found.put("date", date, start + date_start, start + date_end, "signature")
        found.put("issuer", line[who_start:who_end], start + who_start, start + who_end)
        return True
    else:
        dates = find_dates(line)
    above = found.line(index - 1).strip() if index > 0 else ""
    seal = _SEAL_NOTE.search(above)  # …党组（盖章）: the seal's place, no part of the name
    signer = index > 0 and is_issuer(above[: seal.start()] if seal else above, found.profile)
    if strict and not (dates and signer):
        return False
    if dates:
        start, _ = found.span(index)
        found.put("date", dates[0].iso, start + dates[0].start, start + dates[0].end, "signature")
        if signer:
            first = _wrapped_signature(found, index - 1)
            joint = first == index - 1 and _co_signer(found, index - 2, above)
            if joint:
                first = index - 2  # 中共青禾县委员会 / 青禾县人民政府 / the date: both sign
            pieces = [found.stripped_span(i) for i in range(first, index)]
            if seal is not None:
                last_start, last_end = pieces[-1]
                pieces[-1] = (last_start, last_end - (len(above) - seal.start()))
            had = found.meta.issuer
            found.put_pieces("issuer", pieces, "signature")
            if joint and had is None:
                names = [found.textmap.text[a:b].strip() for a, b in pieces]
                found.meta.issuer = " ".join(names)  # as joint titles' names are set apart
    return True


def _co_signer(found: Collector, index: int, below: str) -> bool:
    """Whether the line at ``index`` is a second signatory's whole name over the signer's
    line ``below`` (中共青禾县委员会 over 青禾县人民政府): all Han, ending as a body's name ends,
    no other body's name than the one below."""
    if index < 0:
        return False
    line = found.line(index).strip()
    return (
        2 <= len(line) <= 30
        and line != below
        and _ALL_HAN.fullmatch(line) is not None
        and _SIGNER_NAME.search(line) is not None
        and is_issuer(line, found.profile)
    )


# A seal's place noted after the signer (…党组（盖章）, （印章）).
_SEAL_NOTE = compile_pattern(r"\s*[（(]\s*(?:盖章|公章|印章|签章|章)\s*[）)]\s*$")


# A date alone on its line, as a signature or a copy's issue line writes it: 2023年12月22日,
# （2023年12月22日）, 2023年12月22日印发; a web copy's with figures alone (text.dates.NUMERIC_DATE:
# 2024-03-05, 2024.3.5, 2024/03/05).
_SIGNATURE_DATE = compile_pattern(r"[（(]?\s*(?P<date>[^（()）]+?)\s*[）)]?\s*(?:印发|发布|制发)?")


_ALL_HAN = compile_pattern(r"\p{Han}+")


def _wrapped_signature(found: Collector, last: int) -> int:
    """Where a signature wrapped over two lines begins (中共XX县委巡察工作 / 领导小组办公室):
    the line above ``last`` when it is a short run of Han characters that is no name of its
    own (a second signatory ends in 委员会, 人民政府…) nor a closing formula (特此通报)."""
    if last == 0:
        return last
    above = found.line(last - 1).strip()
    if (
        2 <= len(above) <= 20
        and _ALL_HAN.fullmatch(above)
        and not above.startswith("特此")
        and not any(above.endswith(suffix) for suffix in found.profile.issuer_suffixes)
        and is_issuer(above + found.line(last).strip(), found.profile)
    ):
        return last - 1
    return last


# The kinds of party or government body a name ends with (某局党组, 某县人民政府), and a place's
# party committee by its short name (某县委, 某省委).
_BODY_KIND = r"党委|党组|党工委|委员会|人民政府"
# What a body that signs is called at the end of its name (中共柏川市委员会, 县审计局党组); a
# page's last link (回到顶部) is none.
_SIGNER_NAME = compile_pattern(rf"(?:{_BODY_KIND}|党总支|党支部|办公室|领导小组|局|公司|集团)$")
_PLACE_COMMITTEE = r"[省市县区州旗]委"
# Words that make a name the inspection's or a title's, not the body's (市委巡察组, 关于…).
_NOT_THE_BODY = ("巡视", "巡察", "督察", "审计", "关于")
# A subject that is a finding's (二是部分医院党委把方向作用发挥不充分, 有的支部…): some bodies
# of a kind, not the one that writes.
_SOME_OF_THEM = compile_pattern(
    r"^(?:[一二三四五六七八九十]是)?(?:部分|有的|个别|少数|一些|多数|极少数|大部分|各级|所属|下属)"
)

# The body's subject: 局党组坚持…, 学院党委高度重视… — the issuer when no title or signature
# names one (recorded as inferred).
_SUBJECT = compile_pattern(
    # after a sentence's start or an item's marker (（一）某局党委高度重视…)
    r"(?:^|[。；，,）)、])\s*"
    # an adverb of time or order before the subject is no part of its name (下一步学院党委将…)
    r"(?:(?:下一步|下步|今后|目前|当前|同时|此外|近日|近期|随后|会后|为此|对此|首先|其次|最后|接下来)"
    r"\s*)?(?P<v>[\p{Han}]{0,16}?"
    rf"(?:{_BODY_KIND}|党总支|党支部|工委|政法委|联合会|妇联|科协|残联|工会|团委|宣传部|组织部|统战部|"
    rf"{_PLACE_COMMITTEE}))"
    r"(?:高度重视|坚持|坚决|始终|认真|切实|第一时间|把|将|以|深入|严格|迅速|立即|主动|对照|围绕)"
)
# A subject that is no name: one holding a verb or a preposition (组长反馈了党委, 要求某公司党委).
_VERB_IN_SUBJECT = compile_pattern(r"了|向|对|在|要求|反馈|召开|主持|传达|通报|督促|责成")
# A subject that refers back (该镇党委, 本公司党委) or names only the kind of body (学院党委,
# 公司党委): the issuer is its full name, when the introduction writes one.
_SHORT_NAME = compile_pattern(
    r"^(?:该|本|我|其)?(?P<kind>(?:镇|乡|县|市|区|局|厅|部|委|院|所|校|学院|学校|大学|公司|集团|医院|"
    rf"中心|街道|社区|村)?(?:{_BODY_KIND})|{_PLACE_COMMITTEE})$"
)


def _issuer_from_subject(
    found: Collector, intro: str, offset: int, names: tuple[str, int] | None = None
) -> None:
    """The issuer a sentence's subject names (县林业局党组坚持…), in ``intro`` (at ``offset``);
    a subject that names only its kind (局党组坚持…) by the full name ``names`` (a text and
    its offset; default ``intro``) writes first."""
    for match in _SUBJECT.finditer(intro):
        value = match.group("v")
        if any(word in value for word in _NOT_THE_BODY) or _SOME_OF_THEM.match(value):
            continue
        if _put_named(found, value, offset + match.start("v"), names or (intro, offset)):
            return


def _put_named(found: Collector, value: str, start: int, names: tuple[str, int]) -> bool:
    """Put ``value`` (at ``start``) as the issuer, inferred, unless it holds a verb; a name of
    its kind only (局党组, 该镇党委) by the full name the text ``names`` (at its offset)
    writes, or not at all. Whether it was put."""
    if _VERB_IN_SUBJECT.search(value):
        return False
    end = start + len(value)
    short = _SHORT_NAME.match(value)
    names_text, names_offset = names
    defined = _defined_as(value, names_text) if short is None else None
    if defined is not None:
        # 对中共某街道工作委员会（简称某街道工委）开展巡察 / 某街道工委高度重视: the name defined
        value = defined.group("n")
        start, end = names_offset + defined.start("n"), names_offset + defined.end("n")
    elif short is not None:
        full = _defined_as(value, names_text) or _full_name(short.group("kind"), names_text)
        if full is None:
            split = _defined_before_kind(value, names_text)
            if split is None:
                return False
            # 对某集团有限公司（以下简称集团）党委…: the name and the kind, written apart
            pieces = [(names_offset + split.start(g), names_offset + split.end(g)) for g in "nk"]
            found.put_pieces("issuer", pieces, "inferred")
            return True
        value = full.group("n")
        start, end = names_offset + full.start("n"), names_offset + full.end("n")
    if len(value) < 2 or value.startswith(("我", "受")):
        return False  # 我受县人民政府委托: a speaker's clause, no body's name
    found.put("issuer", value, start, end, "inferred")
    return True


# The body the inspection visited or handed its findings to (对某县林业局党组进行了巡察, 向某县委
# 反馈了巡察意见): the issuer of its rectification report when nothing else names one.
# A bracket inside a body's name (某实业（集团）有限公司), and the short name a text defines
# between a body's name and its kind (某管理局（简称某局）党组, （以下简称…）).
_NAME_BRACKET = r"[（(](?!以下简称|简称)\p{Han}{1,4}[）)]"
_ABBREVIATION = r"\s*[（(]\s*(?:以下)?简称\s*[“\"]?\p{Han}{1,12}?[”\"]?\s*[）)]\s*"
_INSPECTED = compile_pattern(
    rf"(?:对|向)(?P<v>(?P<n>(?!我|该|本|其)(?:\p{{Han}}|{_NAME_BRACKET}){{2,24}}?)"
    rf"(?P<abbr>{_ABBREVIATION})?(?P<k>{_BODY_KIND}|党总支|党支部|政法委|{_PLACE_COMMITTEE}))"
    # (the short name defined after the whole name: 对中共某街道工作委员会（简称某街道工委）开展)
    rf"(?:{_ABBREVIATION})?"
    r"(?:领导班子)?(?:进行了?|开展了?|实施了?|反馈了?)[^。；，]{0,10}?(?:巡视|巡察|意见)"
)


def _issuer_inspected(found: Collector, intro: str, offset: int) -> None:
    """The issuer named as the inspected body in ``intro`` (at ``offset``), inferred, when the
    report says it tells the rectification (现将巡察整改进展情况予以公布; a news item on the
    feedback meeting names the same body and is not its report)."""
    if not _tells_rectification(found, intro):
        return
    for match in _INSPECTED.finditer(intro):
        value = match.group("v")
        if any(word in value for word in _NOT_THE_BODY):
            continue
        if match.group("abbr"):
            # 对某管理局（简称某局）党组开展专项巡察: the name and its kind, the short name left out
            pieces = [(offset + match.start(g), offset + match.end(g)) for g in "nk"]
            found.put_pieces("issuer", pieces, "inferred")
            return
        if _put_named(found, value, offset + match.start("v"), (intro, offset)):
            return


# An audit office's own notice of an audit's results (某单位…审计结果公告, 现将审计结果公布如下),
# and the office the introduction says audited (某区审计局派出审计组，于…对…进行了审计).
_RESULTS_NOTICE = compile_pattern(r"审计(?:调查)?结果(?:的)?公告$")
_RESULTS_ANNOUNCED = compile_pattern(r"^现将(?:审计|审计调查)结果")
_AUDITOR = compile_pattern(
    r"(?:^|(?<=[。；，,\s]))(?P<v>(?:(?!对|于|按照|根据|依据)\p{Han}){2,20}?审计(?:局|厅|署|办))"
    r"(?:派出审计组)?[，,]?\s*(?:于|自)?[^。；]{0,40}?对"
)


def _auditor_publishes(found: Collector, intro: str, offset: int) -> None:
    """An audit office's notice of an audit's results is the office's: the issuer is the
    office the introduction (at ``offset``) says audited, not the audited unit the title opens
    with (某中心2019年至2021年经费收支情况审计结果公告), when the text names no other."""
    title = found.meta.title or ""
    if not (_RESULTS_NOTICE.search(title) or _RESULTS_ANNOUNCED.match(announcing_sentence(intro))):
        return
    if "整改" in title:
        return  # 审计整改结果公告: the audited unit's own report
    issuer = found.meta.issuer
    if issuer is not None and (found.origins.get("issuer") != "title" or "审计" in issuer):
        return
    auditor = _AUDITOR.search(intro)
    if auditor is None:
        return
    if issuer is not None:
        found.forget("issuer")
    start, end = offset + auditor.start("v"), offset + auditor.end("v")
    found.put("issuer", auditor.group("v"), start, end, "inferred")


def _termed_body(found: Collector, lead: Sequence[int]) -> None:
    """The inspecting body written again in the first part with its committee's term
    (市委第三巡察组, then 针对九届市委第三巡察组反馈的问题): the fullest form the text writes."""
    body = found.meta.inspecting_body or ""
    start, end = found.span(lead[0])[0], found.span(lead[-1])[1]
    text = found.textmap.text
    at = text.find(body, start, end) if body else -1
    while at >= 0:
        term = _TERM_BEFORE.search(text, max(start, at - 4), at)
        if term is not None:
            name = text[term.start() : at + len(body)]
            found.meta.inspecting_body = name
            found.sources["inspecting_body"] = found.textmap.provenance(
                term.start(), at + len(body)
            )
            found.meta.inspecting_bodies = [
                name if n == body else n for n in found.meta.inspecting_bodies
            ]
            return
        at = text.find(body, at + 1, end)


# A committee's term written straight before a body's name (九届…).
_TERM_BEFORE = compile_pattern(r"[一二三四五六七八九十]{1,3}届$")


def _tells_rectification(found: Collector, intro: str) -> bool:
    """Whether the announcing sentence or the title says the text reports the rectification
    (整改, or 整治 as some reports call it): a report, not a news item about one."""
    said = announcing_sentence(intro) + (found.meta.title or "")
    return "整改" in said or "整治" in said


def _inspected_name(found: Collector, intro: str) -> str | None:
    """The first name of a body :func:`_issuer_inspected` would read in ``intro``, as
    written, or ``None``."""
    if not _tells_rectification(found, intro):
        return None
    for match in _INSPECTED.finditer(intro):
        if not any(word in match.group("v") for word in _NOT_THE_BODY):
            return match.group("n") + match.group("k")
    return None


def _shortens(short: str, full: str) -> bool:
    """Whether ``short`` is a shorter form of ``full`` (溪口区委 of 中共岚州市溪口区委,
    科技城高新区党工委 of 东湖科技城临江高新区党工委): its characters in order, the same
    ending, more than its kind of body alone."""
    if len(short) >= len(full) or _SHORT_NAME.match(short) or _VERB_IN_SUBJECT.search(full):
        return False
    if short[-2:] != full[-2:]:
        return False
    rest = iter(full)
    return all(char in rest for char in short)


def _defined_as(short: str, text: str) -> regex.Match[str] | None:
    """The name ``text`` defines ``short`` for (对青岚部党组（以下简称部党组）开展了巡视): group
    ``n``."""
    pattern = compile_pattern(
        r"(?:^|(?<=[。；，,、\s“]|对|向|与|和|及))"
        r"(?P<n>(?:(?!该|本|对|向|在|了|的|与|及|到|于|从|由)\p{Han}){2,20}?)"
        r"\s*[（(]\s*(?:以下)?简称\s*[“\"]?" + escape(short) + r"[”\"]?\s*[）)]"
    )
    return pattern.search(text)


# The kind of body a short name may end with after the name it abbreviates.
_KIND_END = compile_pattern(rf"(?:{_BODY_KIND})$")


def _defined_before_kind(short: str, text: str) -> regex.Match[str] | None:
    """The name ``text`` defines the first part of ``short`` for, its kind written after the
    definition (某集团有限公司（以下简称集团）党委 for 集团党委): groups ``n`` and ``k``."""
    cut = _KIND_END.search(short)
    if cut is None or cut.start() < 1:
        return None
    base, kind = short[: cut.start()], short[cut.start() :]
    pattern = compile_pattern(
        r"(?:^|(?<=[。；，,、\s“]|对|向|与|和|及))"
        r"(?P<n>(?:(?!该|本|对|向|在|了|的|与|及|到|于|从|由)\p{Han}){2,20}?)"
        r"\s*[（(]\s*(?:以下)?简称\s*[“\"]?"
        + escape(base)
        + r"[”\"]?\s*[）)]\s*(?P<k>"
        + escape(kind)
        + ")"
    )
    return pattern.search(text)


def _full_name(kind: str, intro: str) -> regex.Match[str] | None:
    """The first full name of a body of ``kind`` (镇党委) the introduction writes: a word of
    two to ten characters before it (石桥镇党委, 材料优创学院党委), starting a clause or after a
    preposition (对石桥镇党委进行了巡察)."""
    pattern = compile_pattern(
        r"(?:^|(?<=[。；，,、\s“]|对|向|与|和|及))"
        # 和 inside a name is part of it (住房和城乡建设局, 文化和旅游局), not at its start
        r"(?P<n>(?!和)(?:(?!该|本|对|向|在|了|的|与|及|到|于|从|由)\p{Han}|"
        + _NAME_BRACKET
        + r"){2,12}?"
        + escape(kind)
        + ")"
    )
    return pattern.search(intro)


# A site footer: its phone and address are the site's, not the report's contact. The footer
# (主办：X　地址：…　电话：…) starts on the line before the first of these in the second half
# of the text.
_FOOTER = compile_pattern(
    r"ICP备|公网安备|网站标识码|版权所有|网站地图"
    # (as a footer labels them, before a colon or a blank: 承办单位：某县大数据中心; not a body's
    # 将参训率纳入培训承办单位考核, 提供技术支持)
    r"|(?:主办|承办)(?:单位)?\s*[:：]|(?:主办单位|承办单位|技术支持)[:：\s]"
)


def _contact(found: Collector) -> None:
    textmap = found.textmap
    text = textmap.text
    count = len(textmap.blocks)
    footer = next(
        (i for i in range(count // 2, count) if _FOOTER.search(textmap.block_text(i))), None
    )
    if footer is not None and footer > 0 and "。" not in textmap.block_text(footer - 1):
        footer -= 1  # (the footer's first line, before its labels: 网站首页 | 联系我们)
    cut = len(text) if footer is None else textmap.starts[footer]
    for pattern, name in ((_PHONE, "phone"), (_ADDRESS, "address")):
        match = pattern.search(text, 0, cut)
        if match:
            value = match.group("v").strip().rstrip("，,、")
            found.put(name, value, match.start("v"), match.start("v") + len(value))
    email = _EMAIL.search(text, 0, cut)
    if email:
        found.put("email", email.group(0), email.start(), email.end())
