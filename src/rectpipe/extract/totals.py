"""Totals a report states about itself: 反馈N个问题，已完成整改N个、正在整改N个，完成率N%.

A totals sentence is read clause by clause (clauses end at ，、；). A clause holding a count
(N个/项/条) is assigned by the first status phrase in it (longest phrases first, so 未完成 is
not 完成), or to the problem total when it counts 问题 after a word of handing over (反馈,
指出…). Side figures (制度N项, 处分N人, 资金N万元) name no status and no 问题 and are passed
over. Status phrases come from the profile (``status:`` and ``long_term:``), so a profile that
knows a new status word counts it in totals too.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..models.records import StatedTotals, Status
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, compile_re, escape
from ..runtime.record import field, record
from ..text.numbering import cn_to_int
from ..text.textmap import TextMap
from .status import NEGATIONS, STATUS_FORMS, UNDER_WAY, negated, normalise_status
from .table_totals import count_table_totals

if TYPE_CHECKING:
    import regex

__all__ = [
    "Counts",
    "is_tally",
    "one_state_of_all",
    "read_counts",
    "stated_totals",
]

_N = r"(?P<n>[0-9]{1,5}|[一二三四五六七八九十百千两]{1,6})"
# The units a count of problems is written in (处: places a 督导 found wrong).
_UNIT_CHARS = "个项条件处"
_UNIT = f"[{_UNIT_CHARS}]"
# Not an ordinal (第三个问题, 第12项, the last of a list 第1、2、4、5个问题) nor the tail of a
# longer number.
_ORD = r"[0-9一二三四五六七八九十]{1,3}"
_COUNT = compile_pattern(
    rf"(?<!每|每一|第|第[一二三四五六七八九十]{{1,2}}|[0-9]|第{_ORD}(?:[、和及与]{_ORD})*[、和及与])"
    rf"{_N}\s*(?P<u>{_UNIT})(?![0-9])"
    # (with what may stand between: 2212个的问题, 8924个生态环境问题, 46个共性问题, 16个需整改问题,
    # 48件环境信访举报问题: a 督察's complaints handed over are its problems)
    r"(?P<what>(?:的|具体|突出|反馈|整改|需整改|需要整改|待整改|需要整改的|需整改的|待整改的"
    r"|共性|个性|专项|各类|生态环境|环境"
    r"|(?:群众)?(?:生态)?(?:环境)?(?:信访)?举报|(?:群众)?(?:生态)?(?:环境)?信访)?问题"
    # (not the findings' instances or the leads: 38项具体问题表现或案例, 5件问题线索)
    r"(?!表现|案例|线索)"
    # (6件信访案件已全部办结: a 督察's complaints handed over, counted as cases)
    r"|(?:群众)?(?:生态)?(?:环境)?(?:信访)?(?:举报)?(?<=信访|举报)(?:案件|件))?"
)
_ORDINAL_LIST = compile_pattern(rf"第{_ORD}(?:[、和及与]{_ORD})*[、和及与]$")
_RATE = compile_pattern(
    r"(?:(?:整改)?完成率|整改率|销号率|办结率|(?:整改)?到位率)(?:为|达|达到|是)?\s*(?P<r>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]"
)
# What every count (_COUNT) holds: a figure, blanks, a unit. A text without it counts nothing
# (stdlib ``re``: plain classes, scanned in C).
_FIGURE_UNIT = compile_re(rf"[0-9一二三四五六七八九十百千两]\s*{_UNIT}")
_JOINED = compile_pattern(r"(?:以及|和|及)\s*$")
# A clause ends at a mark, or where 和/及 joins a second count and its state to the first
# (已完成7个问题的整改和3个问题的部分整改).
_CLAUSE = compile_pattern(
    r"(?:(?!(?:以及|和|及)\s*[0-9０-９一二三四五六七八九十百两]+\s*(?:个|项|件|条))[^，,、；;。：:])+"
)
_SENTENCE = compile_pattern(r"[^。；]+[。；]?")
_ROW_SENTENCE = compile_pattern(r"[^。；\n]+[。；]?")
# A ledger row opening 小计 (a category's counts).
_SUBTOTAL_ROW = compile_pattern(r"^\s*小\s*计")

_DONE = frozenset({Status.COMPLETED.value, Status.PARTIALLY_COMPLETED.value})
# The status phrases of totals are the profile's status vocabulary (``status:`` and
# ``long_term:``, the latter counting as ongoing), matched longest first.


@lru_cache(maxsize=16)
def _vocabulary(profile: Profile) -> tuple[dict[str, str], regex.Pattern[str]]:
    """Each status phrase of ``profile`` with the field it counts, and one pattern of them all
    (longest first, so 未完成 is not 完成). Profiles are immutable and hash by identity."""
    phrases = {phrase: status.value for phrase, status in profile.status_phrases}
    for phrase in profile.long_term:
        phrases.setdefault(phrase, Status.ONGOING.value)
    for phrase, status in profile.status_phrases:  # 未整改到位2个 (not 未整改 + 到位)
        if status.value in _DONE:
            for negation in NEGATIONS:
                phrases.setdefault(negation + phrase, Status.NOT_COMPLETED.value)
    # the genre's forms of states (已清理完毕, 正按计划有序推进) before the words, which they hold
    forms = [f"(?:{form.pattern})" for form, _ in STATUS_FORMS]
    words = sorted(map(escape, phrases), key=len, reverse=True)
    return _Phrases(phrases), compile_pattern("|".join([*forms, *words]))


class _Phrases(dict[str, str]):
    """The field each status phrase counts; a phrase of one of the genre's forms of states
    (:data:`status.STATUS_FORMS`) counts the state its form states."""

    def __missing__(self, phrase: str) -> str:
        for form, status in STATUS_FORMS:
            if form.fullmatch(phrase):
                return status.value
        raise KeyError(phrase)


_HANDED = compile_pattern(
    r"反馈|指出|反映|交办|转办|移交|发现|梳理|查出|共有|共(?![性同享建])|涉及|合计|提出|列出|认领|明确"
)
_ALL = compile_pattern(r"全部|均已|均|都已")
# 其余4个问题已全部整改到位, 尚有2项问题未启动整改: the rest of the problems, not their total.
_REMAINDER = compile_pattern(r"其余|其他|剩余|余下|尚有|还有|仍有")
# 除5个尚在继续整改外: the count excepted from what the sentence then says of the rest
# (其余均已整改到位), with its own state.
_EXCEPT = compile_pattern(rf"^\s*除(?:了)?\s*{_N}\s*{_UNIT}(?:问题)?(?P<rest>[^，,；;。]*?)外\s*$")
_BARE_TOTAL = compile_pattern(
    rf"(?:^|[（(])\s*(?:共|共计|合计|计)\s*{_N}\s*(?:个|项|条)(?:问题)?\s*[）)]?\s*$"
)
# The problems a clause's measures answer (对…的2个问题制定整改措施12条, 针对3个问题…).
_FOR_THE = compile_pattern(r"^\s*(?:对|针对|围绕|对照)")
# A count of measures (整改措施52项, 措施28条): the status counts after it in the sentence are
# the measures', not the problems'.
# A bare count in 个 after measures counted in 条 or 项 (制定整改措施56条，已完成17个) counts
# problems: the genre counts measures in 条 and 项, problems in 个.
_MEASURE_COUNT = compile_pattern(
    rf"措施\s*{_N}\s*(?P<u>个|项|条)"
    # the count before the word (细化为63项整改措施，已完成56项)
    rf"|{_N}\s*(?P<u>个|项|条)\s*(?:具体|细化|针对性)?的?\s*(?:整改)?(?:措施|举措)"
    # tasks the findings were worked out into (细化整改任务58项, 细化为20项具体任务); not the
    # tasks a 督察's opinions are split into (将督察意见分解为66项整改任务), which it counts
    rf"|细化(?:为|出)?\s*(?:具体)?(?:整改)?任务\s*{_N}\s*(?P<u>个|项|条)"
    rf"|细化(?:为|出)\s*{_N}\s*(?P<u>个|项|条)\s*(?:具体)?(?:整改)?任务"
)
# The problems broken into the measures counted after them (将6个问题细化为31项整改措施).
_BROKEN_INTO = compile_pattern(
    r"问题\s*(?:细化|分解|细化分解|梳理)为?\s*$|问题\s*[，,]?\s*制定\s*$"
)
# A share after a status phrase (已完成70%以上): no count.
_SHARE_AFTER = compile_pattern(r"\s*[0-9]{1,3}(?:\.[0-9]+)?\s*[%％]")
# What may stand between a count and its status phrase (7项整改任务未按期完成).
_TASK_GAP = compile_pattern(
    # 3个问题的部分整改, 16项整改任务已全部整改到位
    r"\s*(?:整改任务|整改事项|任务|事项|问题)\s*的?\s*(?:均|都|已|尚|仍)?\s*(?:全部|均|都)?\s*"
)
# What may stand between a bare count and its status phrase after it (其中4个已完成, 4个均已
# 完成整改); a noun there counts something else (3个窗口完成缴费, 3个科室完成评估).
# (其余5个列入长期整改任务: a count moved into a state)
# (2个未按时完成整改: a negation with its manner, which the state's reading turns to not done)
_BEFORE_GAP = compile_pattern(
    r"(?:[\s均都已全部经的了也还仍尚共计基本未没不能需]|需要|按期|按时|及时|完全|列入|纳入|转入|转为)*"
)
# What may stand between a status phrase and the count after it (已完成整改的问题40个), also the
# work done on the problems themselves (已完成清理整治395个, 已办结处置12件; not what was built
# beside them: 完成制度建设12项).
_GAP_WORDS = compile_pattern(
    r"合计|问题|整改|任务|事项|整治|清理|处置|处理|办理|拆除|治理|[的了共计为有达到是]|其中|\s"
)
_TASKS = compile_pattern(r"整改任务|任务|整改事项|问题清单")
# The work on counted problems said to show results (的整改工作已取得阶段性成效, 取得明显进展): how
# the work as a whole goes, not the state of each problem.
_WORK_HEADWAY = compile_pattern(r"工作[^，,。；]{0,6}取得[^，,。；]{0,6}(?:成效|成果|进展)")
# A count written after the word for tasks (分解整改任务30项已全部整改到位).
_TASKS_BEFORE = compile_pattern(r"(?:整改任务|任务|整改事项)\s*(?:共|计|共计)?\s*$")
_NOT_PROBLEM = compile_pattern(
    r"(?:主要|关键|重要|具体)?"  # (150个主要工作节点: the milestones of the work)
    r"(?:措施|制度|人次|次|名|万元|元|亿|会议|党课|线索|条款|办法|(?:工作)?节点|大?方面|大类)"
)


@record(frozen=False, slots=False)
class Counts:
    """What one stretch of text states, field by field, before it becomes a model."""

    values: dict[str, int] = field(default_factory=dict)
    rate: float | None = None
    tasks: int | None = None
    petitions: bool = False
    """The problems counted are complaints handed over (860个群众信访举报问题): a 督察's
    problems when nothing else counts any, another population beside other counts."""

    def any(self) -> bool:
        return bool(self.values) or self.tasks is not None

    def put(self, name: str, value: int) -> None:
        self.values.setdefault(name, value)


# After a status phrase: the phrase names the state (销号情况, 完成情况), it tells none.
_NAMED_STATE = compile_pattern(r"情况")


def _value(text: str) -> int | None:
    return cn_to_int(text)


# A share after a count (已办结4项，占比66.7%): the completion rate when the count is of the
# completed problems.
_SHARE = compile_pattern(
    rf"(?P<count>[^，,；;。]*?{_N}\s*(?:个|项|件|条))\s*[，,]?\s*(?:占比|占)\s*"
    r"(?P<r>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]"
)


def _completed_share(text: str, profile: Profile) -> float | None:
    """The completion rate a report gives as the share of its completed count (已整改完成4个，
    占比66.7%；正在整改2个，占比33.3%), or ``None``."""
    for share in _SHARE.finditer(text):
        match = normalise_status(share.group("count"), profile)
        if match is not None and match.status is Status.COMPLETED and not match.long_term:
            return float(share.group("r"))
    return None


# A pledge of one for one (做到解决一个问题、完善一套制度、堵塞一批漏洞, “一个问题、一个方案、
# 一名牵头领导”): no count.
_SLOGAN_ONE = compile_pattern(
    r"一\s*[个项条件][^、，,。；;]{0,4}[、，,]\s*\p{Han}{0,4}?一\s*(?:套|批|类|片|项|个|条|名|抓)"
    # 一个问题一个问题地抓, 一件一件: one by one
    r"|一\s*([个项条件])(\p{Han}{0,4}?)\s*一\s*\1\2"
    # 完成一个销号一个, 整改一个销号一个: signed off one as each is done
    r"|\p{Han}{2}一\s*([个项条件])[，,、]?\s*\p{Han}{2}一\s*\3"
    # what the work is taken as (作为当前一项必须完成的重要政治任务, 是一项长期任务): no count
    r"|(?:作为|当作|当成|是)[^，,。；;]{0,6}?一\s*[项个件]"
    # a part named in brackets (全县86所学校（含教学点21个）已完成…): the whole's, not a count
    r"|[（(]\s*(?:含|包括)[^（）()]{0,24}[）)]"
)
# Complaints handed over (信访件, 举报件): a sentence that turns to them after counting the
# problems counts them, not the problems.
_PETITIONS = compile_pattern(r"信访|举报")


# The colon between a count's label and its figure (问题总数：2个, 问题数量：5项), which would
# otherwise end the clause before the count.
_COUNT_LABEL = compile_pattern(
    r"(?<=问题(?:总数|数量|数|总计|合计|共计))\s*[：:]\s*(?=[0-9一二三四五六七八九十两])"
)


def _blank(match: regex.Match[str]) -> str:
    """``match``'s text blanked out, its length kept (offsets stay those of the text)."""
    return "□" * len(match.group(0))


# Where a sentence turns to examples (部分单位边审边改，有些单位…，某镇对…14个问题进行
# 持续整改, 如对…共性问题6项通报整改): the counts after it are one unit's, not the report's.
_EXAMPLES = compile_pattern(
    r"例如|比如|譬如|(?:部分|有些|一些|个别|有的)(?:单位|部门|乡镇|镇街|企业|学校)"
    # a sentence that opens as an example (如对某镇巡察发现的共性问题6项通报整改)
    r"|^\s*如(?=对|在|将|把|针对|某|[\p{Han}]{1,12}?(?:县|区|镇|乡|街道|村|局|公司|学校|医院))"
)


# What was found in some of them (发现部分企业存在…等各类问题20个): the findings told, not a
# turn to one unit's counts.
_FOUND_IN = compile_pattern(r"(?:发现|查出|排查出?|检查出?)\s*$")


# The share of all the problems that a count of those done makes (已完成整改52个，占总数的86.7%):
# the completion rate.
_SHARE_OF_ALL = compile_pattern(
    r"(?<=(?:完成|整改|办结|销号)[^，,。；;]{0,12}?[0-9]{1,5}\s*[个项件条处])\s*[，,]?\s*"
    r"占(?:问题)?(?:总数|总量|总体)的?\s*(?P<r>[0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]"
)


# A clause that counts what is due or planned (应于今年底前完成的有12项, 计划年内完成8项): no
# count of a state.
# A goal set before a state of all (力争2025年12月底前全部完成整改, 确保年底前全部整改到位): a
# plan's aim, no state.
_GOAL = compile_pattern(r"力争|争取|计划|确保|预计|拟于|拟在")
_PLANNED = compile_pattern(
    r"(?:应于|应在|应当|需于|需在|须于|须在|计划于?|预计|力争|争取|拟于?|要求)[^，,。；;]{0,12}$"
    # a year or years written straight before (2025-2026年完成的有17项), not 截至2024年底
    r"|(?<!截至|截止|至)[0-9]{4}(?:\s*[-—–至到]\s*[0-9]{4})?\s*年(?:底|内|前)?\s*$"
)


# Problems found anew on a check of the rectification (…未整改到位19个，新发现安全隐患问题3个):
# no part of the total rectified.
_NEWLY_FOUND = compile_pattern(r"新发现|新排查出?|新查出|新增(?:发现)?")


# A check of the rectification, counted in visits (现场督查2次，发现问题4个): what it found is the
# checker's, not the inspection's.
_CHECKS = compile_pattern(
    r"(?:督查|督导|抽查|检查|暗访|回访)\s*(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:次|轮)"
)


# Problems the unit found itself beside the inspection's (举一反三，主动查找同类问题23个,
# 自查发现问题5个, 查摆问题8个): what follows counts those, not the findings handed over.
_SELF_FOUND = compile_pattern(
    r"(?:主动|自查|自行|自我|举一反三)[^，,。；;]{0,10}?(?:查找|查摆|排查|梳理|发现|查出)"
    r"|(?<![反馈指出])查摆(?:出)?[^，,。；;]{0,6}?问题"
)


def is_tally(text: str, profile: Profile) -> bool:
    """Whether ``text`` counts problems (反馈问题58个…) or more than one state of them (已整改8个，
    部分整改2个): a tally of the findings, no finding's own words."""
    values = read_counts(text, profile).values
    return "problems" in values or len(values) >= 2


def _all_told_after(sentence: str, count: int, profile: Profile) -> Status | None:
    """The state a sentence with no count of its own puts all ``count`` findings of the
    sentence before it in (现已全部整改完成, 均已整改到位), or ``None``."""
    if _ALL.search(sentence) is None or _FIGURE_UNIT.search(sentence) is not None:
        return None
    return one_state_of_all(f"问题{count}个，{sentence}", count, profile)


def one_state_of_all(text: str, count: int, profile: Profile) -> Status | None:
    """The one state ``text`` counts all ``count`` findings in (该方面问题3个，均已部分整改;
    问题5项，已全部整改到位), or ``None`` when it counts them otherwise or not at all."""
    values = read_counts(text, profile).values
    states = {name: n for name, n in values.items() if name != "problems"}
    if len(states) != 1 or values.get("problems", count) != count:
        return None
    [(name, n)] = states.items()
    return Status(name) if n == count else None


def read_counts(text: str, profile: Profile) -> Counts:
    """The totals ``text`` states (one sentence or a heading), clause by clause; what comes
    after a turn to examples (:data:`_EXAMPLES`) is not read."""
    phrases, status_words = _vocabulary(profile)
    found = Counts()
    examples = _EXAMPLES.search(text)
    if examples is not None and not _FOUND_IN.search(
        text, max(0, examples.start() - 4), examples.start()
    ):
        text = text[: examples.start()]
    checks = _CHECKS.search(text)
    if checks is not None:
        text = text[: checks.start()]  # what a check of the work found is not the inspection's
    self_found = _SELF_FOUND.search(text)
    if self_found is not None:
        text = text[: self_found.start()]  # nor what the unit found itself
    masked = _SLOGAN_ONE.sub(_blank, _SHARE_OF_ALL.sub(_blank, _RATE.sub(_blank, text)))
    masked = _COUNT_LABEL.sub(" ", masked)  # 问题总数：2个: the label's colon joins its count
    rate = _RATE.search(text) or _SHARE_OF_ALL.search(text)
    if rate:
        found.rate = float(rate.group("r"))
    else:
        found.rate = _completed_share(text, profile)
    if _FIGURE_UNIT.search(masked) is None:
        return found  # no clause holds a count: no status count, total or task count either
    every: str | None = None
    excepted: tuple[str, int] | None = None  # 除5个尚在整改外: its state and count
    parts = False  # the last clause gave a group's own count of problems (…问题5个)
    about_measures: str | None = None  # 制定整改措施52项，…已完成45项: what follows counts
    # measures; the unit they are counted in
    for clause in _CLAUSE.finditer(masked):
        part = clause.group(0)
        if _ORDINAL_LIST.search(masked, 0, clause.start()):
            continue  # 第1、2、4、5个问题已整改完成: the last of a list of ordinals, no count
        if (
            found.values
            and _PETITIONS.search(part)
            and not any(
                c.group("what") and not _PETITIONS.search(c.group("what"))
                for c in _COUNT.finditer(part)
            )
        ):
            break  # …交办的22件信访件，办结20件、2件需长期持续整改: the petitions' counts
        if _NEWLY_FOUND.search(part):
            continue  # 新发现安全隐患问题3个: found on the check, not of the total rectified
        exception = _EXCEPT.match(part)
        if exception is not None:
            excepted = _excepted(exception, phrases, status_words)
            if excepted is not None:
                found.put(*excepted)
            continue
        counts = list(_COUNT.finditer(part))
        if counts and (measured := _MEASURE_COUNT.search(part)):
            about_measures = measured.group("u")
            ahead = part[: measured.start()]
            answered = _problem_count(ahead)
            if answered is not None and (
                _HANDED.search(ahead) or _FOR_THE.search(ahead) or _BROKEN_INTO.search(ahead)
            ):
                # 对巡视反馈的2个问题制定整改措施12条, 将6个问题细化为31项整改措施: the problems
                # before their measures
                found.put("problems", answered)
            continue
        if about_measures and not any(
            c.group("what") or (c.group("u") == "个" != about_measures) for c in counts
        ):
            continue
        if not counts:
            if (
                _ALL.search(part)
                and (found_all := status_words.search(part))
                and not _GOAL.search(part, 0, found_all.end())
            ):
                every = _state(found_all, part, phrases)  # 已全部完成整改: all of them
            continue
        bare_total = _BARE_TOTAL.search(part)
        if bare_total:  # （共3个，…）: a group's own count
            found.put("problems", _value(bare_total.group("n")) or 0)
            continue
        # (a phrase naming the state as a noun, 整改及销号情况公示如下, counts no state)
        status = next(
            (m for m in status_words.finditer(part) if not _NAMED_STATE.match(part, m.end())),
            None,
        )
        problem_counts = [c for c in counts if c.group("what")]
        if status is not None and _SHARE_AFTER.match(part, status.end()):
            continue  # 两项整改均已完成70%以上: how far each has got, no count of states
        if status is not None and _PLANNED.search(part, 0, status.start()):
            continue  # 应于今年底前完成的有12项: what is due, not what is done
        if status is not None:
            name = _state(status, part, phrases)
            if name == Status.ONGOING.value and _dated_beside_long_term(
                status.group(0), masked, profile
            ):
                name = Status.IN_PROGRESS.value  # 持续推进1个，长期坚持1个: two groups
            # A count after the phrase only when nothing but joining words (的, 问题…) lies
            # between: 已完成整改的问题40个, not 完成制度建设12项.
            after = [
                c
                for c in counts
                if c.start() >= status.end()
                and not _GAP_WORDS.sub(
                    "", _same_status(part[status.end() : c.start()], name, profile)
                ).strip()
            ]
            # A count before the phrase only when it counts problems or is next to it
            # (6个问题已完成整改, 其中4个已完成); 312件信访件已全部办结 is no problem count.
            before = [
                c
                for c in counts
                if c.end() <= status.start()
                and (
                    c.group("what")
                    or _BEFORE_GAP.fullmatch(part, c.end(), status.start())
                    or _TASK_GAP.fullmatch(part, c.end(), status.start())
                )
            ]
            chosen = after[0] if after else (before[-1] if before else None)
            if chosen is None or _side_figure(part, chosen):
                continue
            # 11个问题的整改工作已取得阶段性成效: how the work goes, no state of each (the total
            # stands)
            headway = not after and _WORK_HEADWAY.search(part, chosen.end(), status.end())
            counted = [c for c in counts if c.end() <= status.start()]
            if after and counted and _side_figure(part, counted[-1]):
                continue  # 150个工作节点完成120个: the count after counts the same side thing
            pre = part[: status.start()]
            if _TASKS.search(pre) and not _problem_count(pre):
                task = next(
                    (c for c in counts if c.end() <= status.start() and not _side_figure(part, c)),
                    None,
                )
                if task is not None and task is not chosen:
                    found.tasks = _value(task.group("n"))
                elif (
                    task is chosen
                    and found.tasks is None
                    and (
                        _TASKS.match(part, chosen.end())
                        or _TASKS_BEFORE.search(part, 0, chosen.start())
                    )
                ):
                    # 16项整改任务已全部整改到位: the tasks' count and their state
                    found.tasks = _value(chosen.group("n"))
            if (
                (
                    _HANDED.search(pre)
                    or any(c.group("what") for c in counts if c.end() <= status.start())
                )
                and not _REMAINDER.search(pre)
                # …和3个问题的部分整改: a second state joined to the first, no total
                and not _JOINED.search(masked, 0, clause.start())
            ):
                # 反馈问题26个已完成整改20个, 12个问题中已完成整改7个: the total comes first.
                total = _problem_count(pre)
                if total is not None:
                    found.put("problems", total)
            number = _value(chosen.group("n"))
            if number is not None and not headway:
                found.put(name, number)
            continue
        total = _problem_count(part)
        own_count = _AFTER_WORD.search(part) is not None and "其中" not in part
        if total is not None and (_HANDED.search(part) or problem_counts or own_count):
            # 反馈问题12个, 6个问题, and a group's own count 预算执行问题6项 (not 其中…问题3个).
            if parts and own_count and not _WHOLE.search(masked):
                # 镇党委问题5个、村级党组织问题3个: a total told in parts is their sum.
                found.values["problems"] += total
            else:
                found.put("problems", total)
            parts = own_count
            continue
        if _TASKS.search(part) and found.tasks is None and not _REMAINDER.search(part):
            # 分解整改任务48项 (not 其余5项为长期任务, the rest of them)
            task = next(
                (c for c in counts if not _side_figure(part, c) and not _some_tasks(part, c)),
                None,
            )
            if task is not None:
                found.tasks = _value(task.group("n"))
    problems = found.values.get("problems")
    if (
        found.tasks is not None
        and problems is not None
        and found.tasks > problems
        and any(v > problems for k, v in found.values.items() if k != "problems")
    ):
        # 反馈问题19个，…分解整改任务80个，已完成整改75个: the states count the tasks, not the
        # problems stated (tasks speak of problems only when no total is stated)
        found.values = {"problems": problems}
        found.rate = None
    if every is not None and "problems" in found.values:
        if len(found.values) == 1:
            found.put(every, found.values["problems"])
        elif excepted is not None and set(found.values) == {"problems", excepted[0]}:
            # 30个问题，除5个尚在继续整改外，其余均已整改到位: the rest, 25, are completed
            rest = found.values["problems"] - excepted[1]
            if rest >= 0 and every != excepted[0]:
                found.put(every, rest)
    whats = [c.group("what") for c in _COUNT.finditer(masked) if c.group("what")]
    found.petitions = bool(whats) and all(_PETITIONS.search(w) for w in whats)
    return found


# A count after the complaints it counts (转办群众信访件46件, 信访举报问题共12个).
_PETITION_LEAD = compile_pattern(r"(?:信访|举报)(?:件|案件|问题|事项)?\s*(?:共|计|共计|合计)?\s*$")


def _names_petitions(text: str, counts: Counts) -> bool:
    """Whether ``text`` counts complaints handed over (``counts.petitions``), or names them
    before its every count (转办群众信访件46件，已全部办结)."""
    if counts.petitions:
        return True
    said = [
        _PETITION_LEAD.search(text, max(0, c.start() - 8), c.start()) is not None
        for c in _COUNT.finditer(text)
        if not c.group("what")
    ]
    return bool(said) and all(said)


def _state(found: regex.Match[str], text: str, phrases: dict[str, str]) -> str:
    """The state a status phrase found in ``text`` counts: not done when a negation is written
    straight before a word of completion (未整改到位2个, 不能按期完成2个, 均未完成)."""
    name = phrases[found.group(0)]
    if name in _DONE and negated(text, found.start()):
        return Status.NOT_COMPLETED.value
    return name


def _excepted(
    exception: regex.Match[str], phrases: dict[str, str], status_words: regex.Pattern[str]
) -> tuple[str, int] | None:
    """The state and count a 除N个…外 clause excepts: its status phrase, else work still under
    way (尚在继续整改, 仍在推进) is in progress; ``None`` when it says neither."""
    number = _value(exception.group("n"))
    rest = exception.group("rest")
    status = status_words.search(rest)
    if number is None:
        return None
    if status is not None:
        return _state(status, rest, phrases), number
    if UNDER_WAY.search(rest):
        return Status.IN_PROGRESS.value, number
    return None


_JOINING = compile_pattern(r"并且|并|且|和|及|又")


def _dated_beside_long_term(phrase: str, text: str, profile: Profile) -> bool:
    """Whether ``phrase`` is one the items' deadlines decide (持续推进) and ``text`` counts
    another long-term group of its own (…持续推进1个，长期坚持1个): the 持续推进 group is then
    the unfinished one, in progress, as the long-term one is counted apart."""
    if phrase not in profile.dated_long_term:
        return False
    phrases, status_words = _vocabulary(profile)
    for clause in _CLAUSE.finditer(text):
        part = clause.group(0)
        found = status_words.search(part)
        if (
            found is not None
            and found.group(0) not in profile.dated_long_term
            and phrases[found.group(0)] == Status.ONGOING.value
            and _COUNT.search(part, found.end())
        ):
            return True
    return False


def _same_status(gap: str, name: str, profile: Profile) -> str:
    """``gap`` without the status phrases that say the same as ``name`` or that it goes on
    (持续整改) and the words joining them: 基本完成 + 取得阶段性成果并持续整改 + 问题4个 is one
    label for one count; so is 已完成 + 或基本完成 + 233项, counted as the first says."""
    phrases, status_words = _vocabulary(profile)
    if gap.startswith("或") and status_words.fullmatch(gap, 1):
        return ""  # 已完成或基本完成233项: one count for the phrases joined, the first's
    kept = status_words.sub(
        lambda m: "" if phrases[m.group(0)] in (name, Status.ONGOING.value) else m.group(0), gap
    )
    return _JOINING.sub("", kept) if kept != gap else gap


# A sentence that states a whole (共, 合计, 总数): counts of parts in it are no parts of a sum.
_WHOLE = compile_pattern(r"共|合计|总计|总数|总共|全部")

# 问题N个, also 问题隐患N项 (safety 督查: the problems and hazards found, one count), and as a
# label writes it (问题总数：2个).
_AFTER_WORD = compile_pattern(
    # (反馈问题和专项整治事项共12个: the findings counted with the matters joined to them)
    rf"(?:问题(?:隐患)?(?:[和及与][^，,。；;]{{1,12}}?事项)?|信访件|举报件|交办件|信访举报件)"
    r"(?:共|总数|数量|数|累计|合计|共计)?(?:为|有|计)?"
    r"\s*[：:]?\s*"
    rf"(?:[0-9一二三四五六七八九十]{{1,3}}个大?方面)?\s*{_N}\s*{_UNIT}(?!大?方面|大类)"
)


# Two units' problems joined in one clause (该乡党委…19个问题及25个村级党组织181个问题).
_ANOTHER_UNITS = compile_pattern(r"及|以及|和|与|、")


def _problem_count(text: str) -> int | None:
    """The count of problems in ``text``: N个问题 (the last such, or the first when the next
    is another unit's, joined by 及/和), else 问题N个."""
    counts = [c for c in _COUNT.finditer(text) if c.group("what")]
    if len(counts) > 1 and _ANOTHER_UNITS.search(text, counts[0].end(), counts[1].start()):
        return _value(counts[0].group("n"))  # the subject's own, not the units' after it
    if counts:
        return _value(counts[-1].group("n"))
    after = _AFTER_WORD.search(text)
    return _value(after.group("n")) if after else None


_RULES_AT_END = compile_pattern(r"(?:措施|制度|办法)$")
# Key items named as examples (推进河道采砂、农村供水等5项重点整改事项): some of the work, not
# the count of what was found.
_KEY_ITEMS = compile_pattern(r"^\s*(?:重点|主要|关键)")


def _some_tasks(clause: str, count: regex.Match[str]) -> bool:
    """Whether ``count`` counts examples or key items only (等5项, 5项重点整改事项)."""
    return clause[max(0, count.start() - 1) : count.start()] == "等" or bool(
        _KEY_ITEMS.match(clause, count.end())
    )


def _side_figure(clause: str, count: regex.Match[str]) -> bool:
    """A count of something other than problems: 整改措施28条, 制度11项, 3人."""
    tail = clause[count.end() : count.end() + 6]
    head = clause[max(0, count.start() - 4) : count.start()]
    return bool(_NOT_PROBLEM.match(tail) or _RULES_AT_END.search(head))


_Candidate = tuple[int, int, int, "Counts"]


def _rounds_summed(candidates: list[_Candidate]) -> list[_Candidate]:
    """A total (累计反馈问题30项) and right after it, in its paragraph, the tallies of its parts,
    each with its own total and states (2019年…反馈的12项问题，完成整改10项…；2021年…6项问题，
    完成整改5项…；…): one candidate, the total with the parts' states summed, when the parts'
    totals add up to it. The first part alone is no report's totals."""
    merged: list[_Candidate] = []
    k = 0
    while k < len(candidates):
        index, start, _, head = candidates[k]
        total = head.values.get("problems")
        parts: list[_Candidate] = []
        if total is not None and set(head.values) == {"problems"}:
            for nxt in candidates[k + 1 :]:
                if nxt[0] != index or "problems" not in nxt[3].values or len(nxt[3].values) < 2:
                    break
                parts.append(nxt)
        if len(parts) >= 2 and sum(p[3].values["problems"] for p in parts) == total:
            summed = Counts()
            summed.put("problems", total)
            for part in parts:
                for name, value in part[3].values.items():
                    if name != "problems":
                        summed.values[name] = summed.values.get(name, 0) + value
            merged.append((index, start, parts[-1][2], summed))
            k += 1 + len(parts)
            continue
        merged.append(candidates[k])
        k += 1
    return merged


def stated_totals(textmap: TextMap, blocks: list[int], profile: Profile) -> StatedTotals | None:
    """The sentence among ``blocks`` that states the most about the problems' totals (the
    first of equals), with what the next two sentences of the same block add (目前已完成N个，
    正在整改N个). Without a problem total of its own, the nearest earlier sentence that states
    one lends it (涉及问题9个。…截至9月底，已完成整改4个…)."""
    candidates: list[tuple[int, int, int, Counts]] = []  # (block, start, end, counts)
    tasks_only: list[tuple[int, int, int, Counts]] = []  # 明确整改任务8项。 (a count alone)
    for index in blocks:
        line = textmap.block_text(index)
        cells = textmap.blocks[index].cells
        if cells and (table := count_table_totals(cells, profile)) is not None:
            # A count table's 合计 row (问题数 | 已完成 | 正在推进 under its header).
            values, r, rate = table
            start = sum(len("\t".join(row)) + 1 for row in cells[:r])
            counts = Counts(rate=rate)
            for name, value in values.items():
                counts.put(name, value)
            candidates.append((index, start, start + len("\t".join(cells[r])), counts))
            continue
        if not any(unit in line for unit in _UNIT_CHARS):
            continue
        # A table's rows are sentences of their own: a status word in the row above is no
        # part of its 合计 row's counts.
        sentences = list((_ROW_SENTENCE if cells else _SENTENCE).finditer(line))
        for position, sentence in enumerate(sentences):
            if cells and _SUBTOTAL_ROW.match(sentence.group(0)):
                continue  # a 小计 row counts one category, the 合计 row all of them
            counts = read_counts(sentence.group(0), profile)
            stated = "problems" in counts.values or "completed" in counts.values
            if not stated and counts.tasks is not None and not counts.values:
                if _TASKS_COUNTED.search(sentence.group(0)):
                    tasks_only.append((index, sentence.start(), sentence.end(), counts))
                continue
            if not stated and (counts.tasks is None or not counts.values):
                continue
            end = sentence.end()
            for follower in sentences[position + 1 : position + 3]:
                more = read_counts(follower.group(0), profile)
                if not more.values and set(counts.values) == {"problems"}:
                    # 共反馈问题4个。…现已全部整改完成。: all of them, told in the next sentence
                    every = _all_told_after(follower.group(0), counts.values["problems"], profile)
                    if every is not None:
                        counts.put(every.value, counts.values["problems"])
                        end = follower.end()
                    break
                if "problems" in more.values or not more.values:
                    break
                if any(name in counts.values for name in more.values):
                    # 已办结1150个，办结率95.8%: a state counted again counts another
                    # population (the complaints after the tasks), rate and all.
                    break
                for name, value in more.values.items():
                    counts.put(name, value)
                counts.rate = counts.rate if counts.rate is not None else more.rate
                end = follower.end()
            candidates.append((index, sentence.start(), end, counts))
    if not candidates and tasks_only:
        # 梳理形成整改任务6项，逐项明确…: the tasks' count alone is the total (nothing counts
        # their states)
        candidates = tasks_only[:1]
        candidates[0][3].put("problems", candidates[0][3].tasks or 0)
    if not candidates:
        return None
    candidates = _rounds_summed(candidates)
    # Counts of tasks (整改任务38项，已完成31项) speak of problems only when nothing else
    # states a problem total.
    # Complaints handed over (…860个群众信访举报问题): a population of their own. Beside a count
    # of tasks, also those named before their count (转办信访件46件，已全部办结。涉及整改任务2项。
    # …已完成2项): the tasks are the report's.
    petitions = [
        c[3].petitions
        or (bool(tasks_only) and _names_petitions(textmap.block_text(c[0])[c[1] : c[2]], c[3]))
        for c in candidates
    ]
    explicit = any(
        "problems" in c[3].values and not p for c, p in zip(candidates, petitions, strict=True)
    )
    if explicit:
        candidates = [
            c
            for c, p in zip(candidates, petitions, strict=True)
            if (c[3].tasks is None or "problems" in c[3].values) and not p
        ]
    elif tasks_only or any(c[3].tasks is not None for c in candidates):
        # complaints counted beside tasks (36项整改任务已完成14项；…860个群众信访举报问题，
        # 已办结812个): the tasks are the report's, the complaints another population
        candidates = [c for c, p in zip(candidates, petitions, strict=True) if not p] or candidates
    # Of equals, a sentence counting a status (其余4个问题已全部整改到位) over one that only gives
    # the total (反馈…问题5个): the total is lent to it below.
    best = max(
        range(len(candidates)),
        key=lambda i: (_weight(candidates[i][3]), set(candidates[i][3].values) != {"problems"}, -i),
    )
    index, start_in_block, end_in_block, counts = candidates[best]
    line = textmap.block_text(index)
    verified = _verified_before(line, start_in_block, end_in_block)
    # 核查属实280件…；核查属实的问题中已完成整改266件: the states count the verified ones
    if (
        "problems" not in counts.values
        and verified is not None
        and verified >= max(counts.values.values(), default=0)
    ):
        counts.put("problems", verified)
    if "problems" not in counts.values:
        # A total stated elsewhere (涉及问题9个。…已完成整改4个…): the nearest one before, else
        # after; only without one is a count of tasks (整改任务38项) taken as the total.
        stating = [c for c in candidates if "problems" in c[3].values]
        before = [c for c in stating if candidates.index(c) < best]
        lender = before[-1] if before else (stating[0] if stating else None)
        if lender is not None and lender[3].values["problems"] >= max(
            counts.values.values(), default=0
        ):
            # (a total smaller than a count of its states is another population's)
            counts.put("problems", lender[3].values["problems"])
        elif counts.tasks is not None:
            counts.put("problems", counts.tasks)
        elif (tasks := _tasks_before(tasks_only, candidates[best])) is not None and tasks >= max(
            counts.values.values(), default=0
        ):
            # 明确整改任务2项。截至目前，已完成整改1项…: the tasks counted in the sentence before
            counts.put("problems", tasks)
    text = line[start_in_block:end_in_block]
    start = textmap.starts[index] + start_in_block
    v = counts.values
    return StatedTotals(
        problems=v.get("problems"),
        completed=v.get("completed"),
        partially_completed=v.get("partially_completed"),
        in_progress=v.get("in_progress"),
        not_completed=v.get("not_completed"),
        ongoing=v.get("ongoing"),
        completion_rate=counts.rate,
        raw=text.strip(),
        provenance=textmap.provenance(start, start + len(text.rstrip())),
    )


# A count of the rectification's tasks, the count and the word side by side (明确整改任务8项,
# 23项具体的整改任务, 1640个整改事项; not 任务的1711个点位, 问题清单1).
_TASKS_COUNTED = compile_pattern(
    r"[0-9]{1,5}\s*[项个条]\s*(?:具体|主要|重点)?的?\s*(?:整改任务|整改事项)"
    r"|(?:整改任务|整改事项)\s*(?:共|计|共计)?\s*[0-9]{1,5}\s*[项个条]"
)


def _tasks_before(
    tasks_only: list[tuple[int, int, int, Counts]], chosen: tuple[int, int, int, Counts]
) -> int | None:
    """The count of tasks of the nearest sentence before ``chosen`` that states nothing else
    (明确整改任务2项。), or ``None``."""
    before = [t for t in tasks_only if (t[0], t[1]) < (chosen[0], chosen[1])]
    return before[-1][3].tasks if before else None


# A sentence whose states count the complaints found true (核查属实的问题中已完成整改266件), and
# the count of those before it (核查属实280件).
_OF_VERIFIED = compile_pattern(r"属实的?(?:问题|信访件|案件|件)?中")
_VERIFIED = compile_pattern(r"(?:核查|经查|调查|核实)?(?<!不)属实\s*(?P<n>[0-9]{1,5})\s*件")


def _verified_before(line: str, start: int, end: int) -> int | None:
    """The count of complaints found true written before ``line[start:end]`` in its block,
    when that sentence counts the states of those only; else ``None``."""
    if not _OF_VERIFIED.search(line, start, end):
        return None
    found = list(_VERIFIED.finditer(line, 0, start))
    return _value(found[-1].group("n")) if found else None


def _weight(counts: Counts) -> int:
    """How much a sentence states: each status count, the total and the rate."""
    return len(counts.values) + (counts.rate is not None)
