"""What was found, set against what the report says of itself; and whether the text is whole.

- :func:`summarise`: counts per status and category, the stated totals (report-wide and per
  part), and whether they agree with the problems found.
- :func:`completeness_warnings`: ``truncated`` when the text stops mid-sentence, or stops
  inside the problem list while the stated totals promise more; ``totals_mismatch`` saying why
  when the numbers disagree; ``no_problems`` when no problem list is found at all.
Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from ..models.records import (
    CategoryCount,
    CategoryTotals,
    Problem,
    Report,
    ReportWarning,
    StatedTotals,
    Status,
    Summary,
    copied,
)
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, escape
from ..text.annex import ANNEX_CAPTION
from ..text.dates import DATE
from ..text.furniture import is_trailing_furniture, pager_has_more
from ..text.numbering import match_marker
from ..text.textmap import TextMap
from .fields import status_after_colon
from .status import normalise_status
from .title_lines import is_issuer
from .totals import read_counts, stated_totals

__all__ = ["completeness_warnings", "summarise"]

# Stated field → the status whose count it states.
_CHECKED = (
    ("completed", Status.COMPLETED),
    ("partially_completed", Status.PARTIALLY_COMPLETED),
    ("in_progress", Status.IN_PROGRESS),
    ("not_completed", Status.NOT_COMPLETED),
)
# How a whole sentence, item or document may end; anything else is cut off.
_ENDS = "。！？!?；;…”’」』）)》】"
# A copy that ends in an ellipsis after words was cut for an excerpt (…组织开展……): reports end
# their last sentence with a full stop, never with an ellipsis.
_EXCERPT_END = compile_pattern(r"(?<=[\p{Han}A-Za-z0-9，,、])\s*(?:…+|\.{3,})$")
_SHORT_LINE = 16  # a signature, a name, a short date line ends without a mark


def summarise(
    report: Report, *, stated_blocks: list[int], textmap: TextMap, profile: Profile
) -> Summary:
    """The report's :class:`Summary`; ``stated_blocks`` are where totals may be stated."""
    problems = report.iter_problems()
    by_status = Counter(p.status for p in problems)
    categories: dict[str | None, Counter[Status]] = {}
    for problem in problems:
        key = problem.path[-1].title if problem.path else None
        categories.setdefault(key, Counter())[problem.status] += 1
    # What a group states about its own problems (（共3个，已全部完成整改）) is its total, not
    # the report's: those lines are left out of the search for the report's totals.
    categories_stated = _category_totals(report, textmap, profile)
    own = {c.provenance.block for c in categories_stated if c.raw == c.category}
    stated = stated_totals(textmap, sorted(set(stated_blocks) - own), profile)
    if stated is None and categories_stated:
        # Only the groups state totals: the report states none of its own (raw is empty).
        first = categories_stated[0].provenance
        stated = StatedTotals(raw="", provenance=copied(first, end=first.start))
    if stated is not None:
        stated.categories = categories_stated
        _dated_group(stated, problems, profile)
    consistent: bool | None = None
    if stated is not None and problems:  # with no list found there is nothing to check
        checks: list[bool] = []
        if stated.problems is not None:
            checks.append(stated.problems == len(problems))
        for name, status in _CHECKED:
            value = getattr(stated, name)
            if value is not None:
                checks.append(value == _counted_as(stated, status, by_status))
        consistent = all(checks) if checks else None
    return Summary(
        problems=len(problems),
        by_status={status: by_status.get(status, 0) for status in Status},
        by_category=[
            CategoryCount(category=name, problems=sum(c.values()), by_status=dict(c))
            for name, c in categories.items()
        ],
        measures=sum(len(p.measures) for p in problems),
        stated=stated,
        consistent=consistent,
    )


_FIRST_SENTENCE = compile_pattern(r"[^。；]*[。；]?")


def _dated_group(stated: StatedTotals, problems: list[Problem], profile: Profile) -> None:
    """A total named by a phrase that the items' deadlines decide (持续推进2个) counts the
    status those items were read with: when every problem whose status was read from that
    phrase came out in_progress (each with a date to finish by, see
    :func:`~rectpipe.extract.status.by_deadline`) and they are as many as the total, the total
    is of in_progress, not of ongoing."""
    if stated.ongoing is None or stated.in_progress is not None or not stated.raw:
        return
    for phrase in profile.dated_long_term:
        found = compile_pattern(
            rf"{escape(phrase)}(?:整改)?(?:的)?(?:问题)?\s*(?P<n>[0-9]+)\s*[个项件条]"
        ).search(stated.raw)
        if found is None or int(found.group("n")) != stated.ongoing:
            continue
        read = [p for p in problems if p.status_raw and phrase in p.status_raw]
        if len(read) == stated.ongoing and all(p.status is Status.IN_PROGRESS for p in read):
            stated.in_progress, stated.ongoing = stated.ongoing, None
        return


def _category_totals(report: Report, textmap: TextMap, profile: Profile) -> list[CategoryTotals]:
    """Totals that a group's heading or first sentence states about its own problems."""
    found: list[CategoryTotals] = []
    for section in report.iter_sections():
        if section.kind != "group":
            continue
        first = _FIRST_SENTENCE.match(section.text)
        for text in (section.title, first.group(0) if first else ""):
            counts = read_counts(text, profile)
            values = counts.values
            if "problems" not in values and "completed" not in values:
                continue
            start = report.text.find(text, section.provenance.start, section.provenance.end)
            start = max(start, section.provenance.start)
            found.append(
                CategoryTotals(
                    category=section.title,
                    problems=values.get("problems"),
                    completed=values.get("completed"),
                    partially_completed=values.get("partially_completed"),
                    in_progress=values.get("in_progress"),
                    not_completed=values.get("not_completed"),
                    raw=text.strip(),
                    provenance=textmap.provenance(start, start + len(text)),
                )
            )
            break
    return found


def completeness_warnings(
    report: Report, textmap: TextMap, *, closing: list[int], profile: Profile | None = None
) -> list[ReportWarning]:
    """``truncated``, ``totals_mismatch``, ``totals_inconsistent`` and ``no_problems`` warnings
    for a finished report;
    ``closing`` are the blocks that close the document (signature, contact, page widgets)."""
    warnings: list[ReportWarning] = []
    summary = report.summary
    stated = summary.stated
    cut = _cut_off(report, textmap, closing, profile)
    if cut is not None:
        warnings.append(cut)
    if summary.consistent is False and stated is not None:
        message = _mismatch_message(summary, stated)
        if cut is not None:
            message += " (the text is cut off)"
        warnings.append(
            ReportWarning(code="totals_mismatch", message=message, provenance=stated.provenance)
        )
    if stated is not None:
        warnings.extend(_category_mismatches(report, stated))
        impossible = _impossible(stated)
        if impossible is not None:
            warnings.append(
                ReportWarning(
                    code="totals_inconsistent", message=impossible, provenance=stated.provenance
                )
            )
    if not summary.problems:
        warnings.append(
            ReportWarning(code="no_problems", message="no problem list found, only totals or text")
        )
    return warnings


_STATES = ("completed", "partially_completed", "in_progress", "not_completed", "ongoing")


def _impossible(stated: StatedTotals) -> str | None:
    """What makes the totals a report states disagree with themselves: counts of states that
    add up to more than the total stated (问题240个，已整改完成221个，未整改到位36个), or a
    completion rate over 100; ``None`` when they can hold."""
    if stated.completion_rate is not None and stated.completion_rate > 100:
        return f"a completion rate of {stated.completion_rate:g}% is stated"
    if stated.problems is None:
        return None
    counted = {name: getattr(stated, name) for name in _STATES if getattr(stated, name)}
    total = sum(counted.values())
    if total > stated.problems:
        parts = " + ".join(f"{value} {name}" for name, value in counted.items())
        return f"the states stated ({parts}) add up to {total}, over the {stated.problems} stated"
    return None


def _category_mismatches(report: Report, stated: StatedTotals) -> list[ReportWarning]:
    """A part whose own totals disagree with the problems found under it."""
    warnings: list[ReportWarning] = []
    problems = report.iter_problems()
    for totals in stated.categories:
        inside = [p for p in problems if any(item.title == totals.category for item in p.path)]
        if not inside:
            continue
        done = sum(p.status is Status.COMPLETED for p in inside)
        parts = []
        if totals.problems is not None and totals.problems != len(inside):
            parts.append(f"states {totals.problems} problems, found {len(inside)}")
        if totals.completed is not None and totals.completed != done:
            parts.append(f"states {totals.completed} completed, found {done}")
        if parts:
            warnings.append(
                ReportWarning(
                    code="category_totals_mismatch",
                    message=f"{totals.category}: " + "; ".join(parts),
                    provenance=totals.provenance,
                )
            )
    return warnings


def _cut_off(
    report: Report, textmap: TextMap, closing: list[int], profile: Profile | None = None
) -> ReportWarning | None:
    last = _last_content_block(textmap)
    if last is None:
        return None
    line = _SEPARATORS_AT_END.sub("", textmap.block_text(last))
    start = textmap.starts[last]
    dated = report.metadata.sources.get("date")
    signs = (  # 柳岸镇中心小学 2023.05.20: the signer and the date on the last line
        report.metadata.origins.get("date") == "signature"
        and dated is not None
        and dated.block == last
    )
    if (
        line
        and not signs
        and (line[-1] not in _ENDS or _EXCERPT_END.search(line) or _CUT_AT_QUOTE.search(line))
        and (not _ends_whole(line, profile) or _cut_under_heading(textmap, last, line, profile))
        and not _in_annex_list(textmap, last)
    ):
        return ReportWarning(
            code="truncated",
            message=f"the text stops mid-sentence: …{line[-12:]!r}",
            provenance=textmap.provenance(start + len(line), start + len(line)),
        )
    stated = report.summary.stated
    signed = report.metadata.origins.get("date") == "signature"
    after = range(last + 1, len(textmap.blocks))
    pagers = [textmap.block_text(i) for i in after] + [report.hints.get("分页", "")]
    if not signed and any(pager_has_more(text) for text in pagers):
        return ReportWarning(
            code="truncated",
            message="the copy holds one page of a paged article: its page links say more follow",
            provenance=textmap.provenance(start + len(line), start + len(line)),
        )
    ends_in_list = not [i for i in closing if not is_trailing_furniture(textmap.block_text(i))]
    found = report.summary.problems
    if (
        stated is not None
        and stated.problems is not None
        and found
        and stated.problems > found
        and not signed
        and ends_in_list
        and _ends_inside_problem(report, start)
    ):
        return ReportWarning(
            code="truncated",
            message=(
                f"the text stops inside the problem list: it states {stated.problems} problems "
                f"and holds {found}"
            ),
            provenance=textmap.provenance(start + len(line), start + len(line)),
        )
    return None


# A closing quote after a word, no mark before it: a quoted phrase inside a sentence the copy
# cuts (坚持“全局一张网”), not a quoted sentence's end (…的要求。”).
_CUT_AT_QUOTE = compile_pattern(r"“[^“”]{0,15}[^“”。！？!?；;…]”$")


def _cut_under_heading(textmap: TextMap, last: int, line: str, profile: Profile | None) -> bool:
    """Whether ``line``, a short last line without a mark that is no body's name, opens the
    item the numbered heading above it starts (（二）加强组织领导 / 局党组高度): the text stops
    there, where a signature comes after a finished sentence."""
    if (
        len(line) > _SHORT_LINE
        or match_marker(line) is not None
        or (profile is not None and is_issuer(line, profile))
    ):
        return False
    above = next(
        (
            textmap.block_text(i).strip()
            for i in range(last - 1, -1, -1)
            if textmap.block_text(i).strip()
        ),
        "",
    )
    return bool(above) and match_marker(above) is not None and above[-1] not in _ENDS


def _last_content_block(textmap: TextMap) -> int | None:
    for index in range(len(textmap.blocks) - 1, -1, -1):
        if textmap.blocks[index].kind.value == "table":
            return None
        text = textmap.block_text(index).strip()
        if text and not is_trailing_furniture(text):
            return index
    return None


#: The most names of annexes listed after the text (附件：1.… / 2.… / …).
_MOST_ANNEXES = 12


def _in_annex_list(textmap: TextMap, last: int) -> bool:
    """Whether the block at ``last`` names an annex in a list the label above opens (附件：1.巡视
    反馈问题整改任务清单 / 2.巡视整改建立健全制度清单): a name, whole without a mark."""
    for index in range(last, max(-1, last - _MOST_ANNEXES), -1):
        text = textmap.block_text(index).strip()
        if ANNEX_CAPTION.match(text):
            return index < last or match_marker(text[text.find("：") + 1 :].lstrip()) is not None
        marker = match_marker(text)
        if marker is None or _INNER_MARK.search(text[marker.end :]):
            return False
    return False


def _ends_whole(line: str, profile: Profile | None = None) -> bool:
    """A line that ends without a mark and is still whole: a date, a signature, a name. A
    numbered heading with nothing after it is not: the text stops before its item. Nor is a
    narrative label's value that is no status (整改情况：对全局12个基层所的党支部开展): what was
    done is told in sentences, which end with a mark; a short value without one is a status
    (整改情况：正在整改), a date or a name."""
    if _FILE_NAME.search(line) or ANNEX_CAPTION.match(line):
        return True  # an attachment's file name (整改前后对比照片.docx) or caption (附件：…表)
    tail = line[-16:]
    if any(_AFTER_DATE.fullmatch(tail, date.end()) for date in DATE.finditer(tail)):
        return True  # a date ends it, or a 版记's 2025年5月13日印发 (not 2023年8月2: a cut date)
    if (labelled := _LABELLED_SHORT.match(line)) is not None:
        return not _cut_narrative_value(labelled.group("label"), labelled.group("value"), profile)
    marker = match_marker(line)
    if profile is not None and status_after_colon(line[marker.end if marker else 0 :], profile):
        return True  # 4.矛盾纠纷排查不彻底：持续推进 (an item whose status closes it)
    if marker is not None or _INNER_MARK.search(line):
        return False
    if _ORDINAL_CLAUSE.match(line):
        return False  # 三是固定: a run of 一是…二是… measures, cut in its third
    # a signature without its date: a body's name, however long (中共…中心支部委员会)
    return len(line) <= _SHORT_LINE or (profile is not None and is_issuer(line, profile))


_ORDINAL_CLAUSE = compile_pattern(r"^\s*[一二三四五六七八九十]{1,2}是")


# A page's separators after the last words (…已按期办结。 |).
_SEPARATORS_AT_END = compile_pattern(r"[\s|｜丨]+$")
# A file's name ending a line: an attachment listed after the text.
_FILE_NAME = compile_pattern(r"(?i)\.(?:docx?|xlsx?|pdf|wps|et|ofd|jpe?g|png|zip|rar)$")
# What may follow the date that ends a whole line: a 版记's word of issue.
_AFTER_DATE = compile_pattern(r"\s*(?:印发|发布|签发|发)?\s*")
_INNER_MARK = compile_pattern(r"[。，；,;：:！？]")
# A label and a short value, which are written without a closing mark: 整改情况：正在整改,
# 完成时限：2024年6月底, 附件：整改台账.
_LABELLED_SHORT = compile_pattern(
    r"^\s*(?P<label>\p{Han}{2,8})\s*[:：]\s*(?P<value>[^。，；,;：:！？]{1,20})$"
)


def _cut_narrative_value(label: str, value: str, profile: Profile | None) -> bool:
    """A narrative label (整改情况, 整改措施) whose short value names no status: a sentence cut."""
    if profile is None or label not in profile.labels.get("actions", ()):
        return False
    return normalise_status(value, profile) is None


def _counted_as(stated: StatedTotals, status: Status, by_status: Mapping[Status, int]) -> int:
    """The findings a stated count of ``status`` is checked against: those of that status, and
    for the unfinished (正在推进3个) the long-term ones too when the report counts none apart
    (需长期坚持 work is still going on), and the partly done when the count says it holds them
    (正在整改2项（含部分整改）)."""
    found = by_status.get(status, 0)
    if status is Status.IN_PROGRESS and stated.ongoing is None:
        ongoing = by_status.get(Status.ONGOING, 0)
        if ongoing and stated.in_progress == found + ongoing:
            return found + ongoing
    if (
        status is Status.IN_PROGRESS
        and stated.partially_completed is None
        and _PARTLY_INSIDE in (stated.raw or "")
    ):
        # 正在整改2项（含部分整改）: the partly done are counted among the unfinished
        partly = by_status.get(Status.PARTIALLY_COMPLETED, 0)
        if partly and stated.in_progress == found + partly:
            return found + partly
    return found


_PARTLY_INSIDE = "含部分"


def _ends_inside_problem(report: Report, start: int) -> bool:
    problems = report.iter_problems()
    return bool(problems) and problems[-1].provenance.end >= start


def _mismatch_message(summary: Summary, stated: StatedTotals) -> str:
    parts = []
    if stated.problems is not None and stated.problems != summary.problems:
        parts.append(f"states {stated.problems} problems, found {summary.problems}")
    for name, status in _CHECKED:
        value = getattr(stated, name)
        found = _counted_as(stated, status, summary.by_status)
        if value is not None and value != found:
            parts.append(f"states {value} {name.replace('_', ' ')}, found {found}")
    return "; ".join(parts)
