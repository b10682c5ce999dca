"""What a report answers: the kind of inspection, the inspecting bodies, the inspection period
and the date the findings were handed over, read from the introduction.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..models.records import InspectionKind
from ..profiles.profile import Profile
from ..runtime.patterns import compile_pattern, escape
from ..text.dates import FoundDate, Period, find_dates, find_periods, find_yearless_period, iso
from .collector import Collector

if TYPE_CHECKING:
    import regex

__all__ = ["announcing_sentence", "read_inspection"]

_PREFIX = (
    # a joint body's two principals (省委、省政府第一生态环境保护督察组)
    r"(?:(?:省|市|州|县|区)委、(?:省|市|州|县|区)政府"
    r"|中央|中共中央|国务院|省委|市委|州委|盟委|地委|县委|区委|旗委|自治区党委|党委|党组|校党委"
    r"|省|市|县|区)"
)
_N = "(?:[一二三四五六七八九十]+|[0-9]{1,2})"
# An inspecting body: 省委第九巡视组, 县委第一、第二巡察组, 县委巡察三组,
# 中央第五生态环境保护督察组, 市审计局. The middle may not run over words that join two
# names (关于, 对, 向…).
_JOINS = (
    # (和 inside a department's name joins no two names: 住房和城乡建设厅, 人力资源和社会保障局,
    # 工业和信息化局, 自然资源和规划局, 文化和旅游局, 发展和改革委员会)
    "关于|对|向|和(?!城乡|社会保障|信息化|规划|旅游|改革)|与|及|的|在|于|将|为|按照|根据|依据"
    "|落实|反馈|开展|进行|组建|派出|成立|抽调|组成|派驻"
    # a verb or a preposition written straight before the body's name (完成核实省委巡视组…,
    # 自中央第三…督察组进驻以来; not 自治区, 自然资源)
    "|自(?![治由然])|从|完成|核实|接受|迎接|配合|陪同|听取|召开"
    # verbs of a sentence whose object names the body (确保县委巡察组反馈的问题…, 印发县委第二
    # 巡察组《…》, 北山市实行巡察组原班人马回访, 该镇党委高度重视县委巡察组的反馈意见)
    "|确保|印发|实行|推行|要求|重视|通报|传达|建立|健全"
    # (局党组抓好县委巡察组反馈意见整改, 集中查看了县委巡察组…)
    "|抓好|抓实|做好|推进|认领|查看|围绕|聚焦|针对|了"
    # (林某某代表县委第一巡察组反馈, 本次审计是县审计局组织的, 本轮巡察安排3个巡察组, 某乡审计
    # 事项由某县审计局组织实施)
    "|代表|是|安排|其中|由"
    # (某县收到中央第五…督察组交办的…, 请联系中央第五…督察组, 本周市…第二督导组)
    "|收到|联系|本周|上周|近日|日前|今年|去年|本月|上月|当天|今天|昨天|上午|下午"
    # (会议专题研究省委第三巡视组的反馈意见, 认真学习市委巡察组反馈意见, 经县审计局审计核实)
    "|研究|学习|经(?![济营])"
)
# Where a second body's name begins (县委, 市委): a name does not run over it.
_INNER_PREFIX = r"(?:省委|市委|州委|地委|县委|区委|旗委)"
_FREE = rf"(?:(?!{_JOINS}|{_INNER_PREFIX})[^\s，。；、：“”《》（）(),;:]){{0,12}}?"
# A place name before the prefix (岚江省第二…督察组) starts a word: nothing Han before it, nor a
# figure (3个县委巡察组, 5月6日市第四督导组: the rest of a count or a date), or a verb that names
# the body after it (本次审计是溪川县审计局…, 由…, 代表…).
_PLACE = rf"(?:(?:(?<![\p{{Han}}0-9０-９])|(?<=是|由|代表))(?:(?!{_JOINS})\p{{Han}}){{1,6}}?)?"
# A group's subgroup named after it (第一巡察组第二巡察小组): part of the body's name.
_SUBGROUP = rf"(?:第{_N}(?:巡视|巡察)?小组)?"
# The committee's term written before it (十二届市委第三巡察组): part of the group's name.
_TERM = r"(?:[一二三四五六七八九十]{1,3}届)?"
_BODY = compile_pattern(
    rf"{_PLACE}{_TERM}{_PREFIX}(?:第{_N}(?:、第?{_N})*|{_FREE})(?:巡视|巡察|督察|督查|检查|督导)"
    rf"(?:组(?:第{_N}组)?|第?{_N}组){_SUBGROUP}"  # …巡察组第二组, …巡察第二组, …巡察三组
    # a special group named for its subject, quotes and 、 in it (市委深化“放管服”改革、优化营商
    # 环境专项巡察组)
    rf"|{_PLACE}{_PREFIX}(?:(?!{_JOINS})[^\s，,。；;：:《》]){{2,40}}?专项(?:巡视|巡察)组"
    # a ministry's, a commission's or a top court's group (教育部第一巡视组,
    # 最高人民检察院第三巡视组)
    rf"|(?:(?<!\p{{Han}})|(?<=根据|按照|依据|对|向|由))(?:(?!{_JOINS})\p{{Han}}){{1,6}}?"
    rf"(?:部|委员会|法院|检察院|总局|总署)第{_N}(?:巡视|巡察)组"
    # a national bureau's group named for its field (国家统计局第2统计督察组, 国家林草局第3督察组)
    rf"|(?<!\p{{Han}})国家\p{{Han}}{{1,8}}?局第{_N}\p{{Han}}{{0,4}}?(?:督察|督查|巡视|巡察)组"
    # a committee's or a government's supervision office that inspects (县委督查室对我局…开展
    # 了专项督查; not 县委督查室、县政府督查室会同…调度整改进展, which follow the work)
    rf"|{_PLACE}{_PREFIX}(?:人民)?(?:政府)?督查(?:室|办)(?=督查|对|于|向|到|开展|[0-9])"
    # a numbered group named alone, starting a word (，第一巡察组第二巡察小组向…反馈)
    rf"|(?<!\p{{Han}})第{_N}(?:巡视|巡察)组{_SUBGROUP}"
    # the national audit office's resident office (审计署驻某地特派员办事处, 审计署某地特派办)
    rf"|(?<!\p{{Han}})审计署驻?\p{{Han}}{{1,8}}?特派(?:员办事处|办)"
    # an audit office or team, not one under inspection (对市审计局党组开展巡察)
    # (its name starts a word, or follows a joining word: 根据澄溪县审计局《…》, 本次审计是…)
    rf"|(?:(?:(?<![\p{{Han}}0-9０-９])(?=\p{{Han}})|(?<=根据|按照|依据|是|由)){_FREE}|{_PREFIX})"
    # (a university's or a firm's own audit office: 学校审计处, 集团审计部; not 审计部门, 审计处长)
    r"审计(?:署|厅|局|组|处(?![室长])|部(?![门长]))"
    rf"(?!党组|党委|党总支|党支部|机关)"
    # a national inspectorate's regional bureau (国家自然资源督察成都局), a province's (省自然资源
    # 督察局)
    rf"|(?:国家|省|自治区)\p{{Han}}{{0,8}}督察\p{{Han}}{{0,4}}局"
)

# An inspection carried out, between a date and the feedback word after it: the date is the
# visit's, not the feedback's.
_CLAUSE_BREAK = compile_pattern(r"[，,]")
# Verbs that take the feedback as their object once it is received (传达学习巡察反馈意见,
# 研究…反馈意见, 认领反馈问题), within :data:`_RECEIVED_REACH` characters before its word: a
# verb further off governs something else (2024年7月10日，按照县委巡察工作部署，…反馈了巡察意见).
_RECEIVED = compile_pattern(r"传达|学习|研究|认领|对照|梳理")
_RECEIVED_REACH = 16
_CONDUCTED = compile_pattern(r"(?:开展|进行|实施)了?[^，,。；]{0,12}?(?:巡视|巡察|督察|审计)")

# The name of a group that checks how the rectification goes, not an inspection's.
_CHECKER = compile_pattern(r"(?:督查|督导|检查)组$|整改")

# The feedback patterns that say the handing over itself: 反馈了巡察意见; 逐一反馈巡察情况 /
# 反馈了问题 (before a sentence that only names the feedback as a topic: 对巡察反馈和整改落实工作
# 提出要求); 通报巡察工作情况 / 通报了巡视情况, told by another verb (not 通报巡察整改情况, the
# report's own words).
_OPINION_HANDED = compile_pattern(r"反馈了?[^。；]{0,8}意见")
_FINDINGS_HANDED = compile_pattern(r"反馈了?[^。；和及与]{0,6}(?:情况|问题)")
_FINDINGS_TOLD = compile_pattern(
    r"通报了?[^。；整]{0,8}?(?:巡视|巡察|督察|审计)(?:工作)?(?:情况|意见)"
)
_HANDED_OVER = (_OPINION_HANDED, _FINDINGS_HANDED, _FINDINGS_TOLD)
# Sentences that date the feedback, most telling first.
_FEEDBACK = (
    _OPINION_HANDED,
    compile_pattern(r"(?:听取(?:和审议|并审议)?|审议)了?[^。；]{0,60}审计工作报告"),
    # the audit office the subject: 审计局向县人大常委会报告了…审计工作报告, 向…会议作了《…审计
    # 工作报告》, …报告了…审计工作情况
    compile_pattern(
        r"向[^。；]{0,30}(?:人大|人民代表大会)[^。；]{0,30}?(?:报告|作)了?[^。；]{0,60}"
        r"审计工作(?:报告|情况)"
    ),
    compile_pattern(r"(?:出具|送达|印发|下发)[^。；]{0,80}(?:报告|意见|决定)"),
    # as a ledger's label writes it: 审计报告出具日期：…, 决定书送达时间：…
    compile_pattern(r"(?:报告|意见|决定书?)(?:的)?(?:出具|送达|印发|下发)(?:日期|时间)"),
    _FINDINGS_HANDED,
    _FINDINGS_TOLD,
    _LOOSE_FEEDBACK := compile_pattern(r"反馈"),
    # a 督察 group handing over a batch of complaints (向我市转办第五批群众信访举报件6件)
    compile_pattern(r"(?:转办|交办)[^。；]{0,30}(?:信访|举报)[^。；]{0,6}件"),
)
# The handing over itself: its meeting, or the findings handed (情况反馈会议, 反馈了巡察意见).
_FEEDBACK_MEETING = compile_pattern(r"反馈(?:会|了|意见|巡[视察]意见|督察意见)")
_MONTH_PART = compile_pattern(r"(?<![0-9年])(?P<m>[0-9]{1,2})月(?:上旬|中旬|下旬|初|中|底|末)")
# A date things stand at (截至…, 更新至…, 统计至…), not the day of the feedback.
_AS_OF = compile_pattern(r"截至|截止|至今|到|更新至|统计至")
_DISPLAY_DAYS = compile_pattern(
    r"(?:公示|公开|公告)(?:时间|期限|期间|日期|期)\s*[：:∶为]?[^。；\n]*"
)
_KIND_ALIASES = {"督查": InspectionKind.DUCHA}


_CLAUSE = compile_pattern(r"[^。；\n]+")
# What follows the name of a body that arranged the work rather than doing it (根据X统一部署,
# 按照X工作安排).
_ARRANGER = compile_pattern(r"(?:的)?(?:统一|总体|工作|年度)*(?:部署|安排|计划)")


def read_inspection(found: Collector, intro: str, offset: int) -> None:
    """Kind of inspection, inspecting bodies, period and feedback date from the introduction."""
    meta = found.meta
    kind = _kind_of(meta.title or "", found.profile) or _kind_of(
        announcing_sentence(intro), found.profile
    )
    if kind is None:
        kind = _kind_of(intro, found.profile, most=True)
    if kind is not None:
        meta.inspection_kind = _KIND_ALIASES.get(kind) or _kind(kind)
    bodies = list(_BODY.finditer(intro))
    if len(bodies) > 1:
        # 根据审计署工作安排，审计署驻某地特派员办事处对…: the office that arranged the work
        # is not the one that inspected.
        bodies = [b for b in bodies if not _ARRANGER.match(intro, b.end())] or bodies
        # A 督查组 or 督导组 that checks the rectification (县委第一督查组到某镇开展巡察整改督查)
        # is not the body that inspected, when one of those is named too.
        bodies = [b for b in bodies if not _CHECKER.search(b.group(0))] or bodies
    if bodies:
        # The fullest form of the first name: 市审计局 (an addressee) is 澄州市审计局 later on.
        first = max(
            (b for b in bodies if b.group(0).endswith(bodies[0].group(0))),
            key=lambda b: len(b.group(0)),
        )
        if "第" not in first.group(0):
            # 市委巡察组 in a headline, 市委第二巡察组 in the text: the numbered name is the body.
            first = next((b for b in bodies if _same_body(b.group(0), first.group(0))), first)
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
    # 公示时间：2025年1月6日至1月12日: the days a notice is displayed, not the inspection's.
    dated = _DISPLAY_DAYS.sub(lambda m: " " * len(m.group(0)), intro)
    kinds = tuple(found.profile.inspection_kinds)
    period = _period_of_kind(dated, kind, kinds)
    stationed = _stationed_period(dated)
    if stationed is not None and (period is None or _within(period, stationed)):
        # 4月12日…进驻…；4月20日至23日下沉某县…；5月12日…撤离: the stay, not a visit within it
        period = stationed
    period = period or _month_period(dated, kinds) or _yearless_period(dated, meta.date)
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
    arrival = _arrival(dated) if period is None else None
    if arrival is not None:
        # 于2024年4月8日进驻某县，开展为期两个月的督察: the start alone
        found.put("period_start", arrival.iso, offset + arrival.start, offset + arrival.end)
        meta.period_precision = "day"
        period_end, year = arrival.end, int(arrival.iso[:4])
    since = _month_start(dated, kinds) if period is None and arrival is None else None
    if since is not None:
        # 2023年5月起，…进行了审计: the start alone, its month
        found.put("period_start", since.iso, offset + since.start, offset + since.end)
        meta.period_precision = "month"
        period_end, year = since.end, int(since.iso[:4])
    # no period: a day written without its year (3月12日…反馈了巡察意见) in the document's
    # year, or the year before when that would come after the document's date
    dated_by = meta.date if year is None and meta.date else None
    if dated_by is not None:
        year = int(dated_by[:4])
    # Split into sentences first: a pattern with a leading [^。]* over a long run of text
    # without 。 would be quadratic.
    spans = [(m.start(), m.group(0)) for m in _CLAUSE.finditer(intro)]
    # A day first (反馈了巡察意见 on 6月8日), else a month (并于2023年6月召开巡察反馈会).
    for size in (10, 7):
        for pattern in _FEEDBACK:
            for base, sentence in spans:
                if not pattern.search(sentence):
                    continue
                # (a day without its year dated by the document only beside the handing over
                # in so many words: 6月28日…回访巡察反馈问题整改情况 is another day's)
                loose = (
                    dated_by is not None
                    and (pattern is _LOOSE_FEEDBACK or pattern is _FINDINGS_HANDED)
                    and not _FEEDBACK_MEETING.search(sentence)
                )
                found_dates = find_dates(sentence, year=None if loose else year)
                # A sentence that says the handing over in so many words may come before the
                # period's (2025年3月12日…反馈巡察情况。2024年12月2日至27日…开展巡察): its date
                # then counts when it falls after the period.
                after_iso = period.end.iso if period is not None else None
                told = after_iso is not None and pattern in _HANDED_OVER
                # each time the word is written, the first first (关于督察反馈问题整改销号工作的
                # 要求，现对督察组2025年1月反馈的…: the second is the handing over)
                for word_at, date in (
                    (at, date)
                    for at in [w.start() for w in pattern.finditer(sentence)]
                    for date in _by_nearness(found_dates, at, size)
                ):
                    start = base + date.start
                    before = sentence[max(0, date.start - 3) : date.start]
                    if date.end <= word_at and _CONDUCTED.search(sentence, date.end, word_at):
                        # 于2023年5月中旬对某学院开展了巡察，…根据巡察反馈意见: the visit's day
                        continue
                    if date.end <= word_at and _RECEIVED.search(
                        sentence, max(date.end, word_at - _RECEIVED_REACH), word_at
                    ):
                        # 9月2日，乡党委召开会议，传达学习巡察反馈意见: the day the opinion was
                        # passed on inside the unit, not the day it was handed over
                        continue
                    if date.start >= word_at and _CLAUSE_BREAK.search(
                        sentence, word_at, date.start
                    ):
                        # 根据…的反馈意见，学校党委于2024年9月制定整改方案: another clause's day
                        continue
                    later = start >= period_end or (told and date.iso > (after_iso or ""))
                    if later and len(date.iso) == size and not _AS_OF.search(before):
                        end = offset + start + (date.end - date.start)
                        dated = _after_period(date.iso, sentence[date.start : date.end], period)
                        if (
                            dated_by is not None
                            and dated > dated_by[: len(dated)]
                            and not _YEAR.search(sentence, date.start, date.end)
                        ):
                            dated = f"{int(dated[:4]) - 1}{dated[4:]}"
                        found.put("feedback_date", dated, offset + start, end)
                        return
    if year is None:
        return
    # 并于7月上旬…反馈: a feedback dated to a part of a month, in the period's year.
    for base, sentence in spans:
        if not _OPINION_HANDED.search(sentence) or base + len(sentence) <= period_end:
            continue
        part = _MONTH_PART.search(sentence, max(0, period_end - base))
        month = int(part.group("m")) if part else 0
        value = iso(year, month, None) if part else None
        if part and value:
            start = offset + base + part.start()
            found.put("feedback_date", value, start, offset + base + part.end())
            return


# A sentence that opens with a month and goes on to the inspection (2024年5月，省第二督察组对我区
# 开展了…督察): the month is the inspection's period, start and end.
# (the kinds are the profile's inspection words: 巡察, 督查, 测评…)
@lru_cache(maxsize=8)
def _month_opening(kinds: tuple[str, ...]) -> regex.Pattern[str]:
    words = "|".join(escape(k) for k in sorted(kinds, key=len, reverse=True)) or "(?!)"
    return compile_pattern(
        r"(?:^|(?<=[。；\n]))\s*"
        # (after the clause that says who arranged it: 根据县委统一部署，2023年5月起，…)
        r"(?:(?:根据|按照|依据)[^。；\n，,]{0,40}[，,]\s*)?"
        r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?P<since>起|开始)?[，,]"
        rf"[^。；\n]{{0,80}}?(?:开展|进行|实施)了?[^。；\n，,]{{0,30}}?(?:{words})"
    )


def _month_period(intro: str, kinds: tuple[str, ...]) -> Period | None:
    """The one month a sentence opening with it names for the inspection, as a period of
    month precision, or ``None``."""
    match = _month_opening(kinds).search(intro)
    if match is None or match.group("since"):
        return None
    written = intro[match.start("y") : match.end("m") + 1]
    dates = [d for d in find_dates(written) if len(d.iso) == 7]
    if not dates:
        return None
    date = dates[0]
    shift = match.start("y")
    moved = FoundDate(date.iso, date.start + shift, date.end + shift)
    return Period(start=moved, end=moved, precision="month")


def _month_start(intro: str, kinds: tuple[str, ...]) -> FoundDate | None:
    """The month a sentence opening with it says the inspection started in (2023年5月起，…审计局
    对我公司…进行审计): the start alone, or ``None``."""
    match = _month_opening(kinds).search(intro)
    if match is None or not match.group("since"):
        return None
    written = intro[match.start("y") : match.end("m") + 1]
    dates = [d for d in find_dates(written) if len(d.iso) == 7]
    return _moved(dates[0], match.start("y")) if dates else None


def _period_of_kind(intro: str, kind: str | None, kinds: tuple[str, ...]) -> Period | None:
    """The first period in ``intro``; when several are written, the first whose nearest word
    of a kind of inspection, in its sentence, is the report's ``kind`` (县委第二巡察组常规巡察
    （2024年3月4日至4月26日）和省审计厅专项审计调查。审计调查组于5月13日至7月5日…: the audit's,
    in a report on the audit)."""
    periods = list(find_periods(intro))
    if len(periods) < 2 or kind is None:
        return periods[0] if periods else None
    for period in periods:
        if _nearest_kind(intro, period, kinds) == kind:
            return period
    return periods[0]


def _nearest_kind(intro: str, period: Period, kinds: tuple[str, ...]) -> str | None:
    """The word of a kind of inspection nearest ``period`` in its sentence."""
    start, end = period.start.start, period.end.end
    left = max(intro.rfind(mark, 0, start) for mark in "。；\n") + 1
    ends = [i for i in (intro.find(mark, end) for mark in "。；\n") if i != -1]
    right = min(ends, default=len(intro))
    best: tuple[int, str] | None = None
    for word in kinds:
        for at in (intro.rfind(word, left, start), intro.find(word, end, right)):
            if at == -1:
                continue
            distance = start - (at + len(word)) if at < start else at - end
            if best is None or distance < best[0]:
                best = (distance, word)
    return best[1] if best is not None else None


# The day a group arrived (…于2024年4月8日进驻某县, 2024年4月12日，…督察组进驻…) and, in a later
# sentence, the day it left (5月12日，督察组完成督察任务撤离): the period, told in two sentences.
_ARRIVED = compile_pattern(r"进驻")
_LEFT = compile_pattern(r"撤离|结束进驻|进驻结束")


def _arrival(intro: str) -> FoundDate | None:
    """The day of the first sentence that dates a group's arrival (进驻) and no leaving."""
    for base, sentence in ((m.start(), m.group(0)) for m in _CLAUSE.finditer(intro)):
        if _ARRIVED.search(sentence) is None or _LEFT.search(sentence) is not None:
            continue
        days = [d for d in find_dates(sentence) if len(d.iso) == 10]
        return _moved(days[0], base) if len(days) == 1 else None
    return None


def _stationed_period(intro: str) -> Period | None:
    """The period from the sentence that dates a group's arrival (进驻) to the one that dates
    its leaving (撤离), the leaving's year that of the arrival when left out; ``None`` unless
    both are written (进驻 alone, 开展为期两个月的督察, gives no end: :func:`_arrival`)."""
    arrived = _arrival(intro)
    if arrived is None:
        return _stay_in_one_sentence(intro)
    for base, sentence in ((m.start(), m.group(0)) for m in _CLAUSE.finditer(intro)):
        if base + len(sentence) <= arrived.end or _LEFT.search(sentence) is None:
            continue
        days = [d for d in find_dates(sentence, year=int(arrived.iso[:4])) if len(d.iso) == 10]
        if len(days) == 1 and days[0].iso > arrived.iso:
            return Period(arrived, _moved(days[0], base), "day")
        return None
    return None


# 进驻 that is the arrival, not the end of the stay (结束进驻, 进驻结束).
_ARRIVING = compile_pattern(r"(?<!结束)进驻(?!结束)")


def _stay_in_one_sentence(intro: str) -> Period | None:
    """The period of a sentence that dates both the arrival and the leaving, each day before
    its word (2024年3月11日进驻、5月20日撤离), the leaving's year the arrival's when left out."""
    for base, sentence in ((m.start(), m.group(0)) for m in _CLAUSE.finditer(intro)):
        arrived, left = _ARRIVING.search(sentence), _LEFT.search(sentence)
        if arrived is None or left is None or left.start() < arrived.end():
            continue
        first = [d for d in find_dates(sentence) if len(d.iso) == 10]
        if not first:
            continue
        days = [d for d in find_dates(sentence, year=int(first[0].iso[:4])) if len(d.iso) == 10]
        if (
            len(days) == 2
            and days[0].end <= arrived.start()
            and arrived.end() <= days[1].start
            and days[1].end <= left.start()
            and days[0].iso < days[1].iso
        ):
            return Period(_moved(days[0], base), _moved(days[1], base), "day")
    return None


def _within(inner: Period, outer: Period) -> bool:
    """Whether ``inner`` (days) lies inside ``outer`` and is not all of it."""
    if inner.precision != "day":
        return False
    inside = outer.start.iso <= inner.start.iso and inner.end.iso <= outer.end.iso
    return inside and (inner.start.iso, inner.end.iso) != (outer.start.iso, outer.end.iso)


def _moved(date: FoundDate, shift: int) -> FoundDate:
    return FoundDate(date.iso, date.start + shift, date.end + shift)


# A year named before a period written without one (2025年第一轮巡察…3月3日至4月30日).
_YEAR = compile_pattern(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\s*年")


def _yearless_period(intro: str, dated: str | None) -> Period | None:
    """A period of days written without its year (3月3日至4月30日), in the year the text names
    before it, else in the document's own year (the year before, when the period would start
    after the document's date); ``None`` without either."""
    if "月" not in intro:
        return None
    named = list(_YEAR.finditer(intro))
    year = int(named[0].group("y")) if named else None
    if year is None and dated is not None:
        year = int(dated[:4])
    if year is None:
        return None
    period = find_yearless_period(intro, year)
    if period is None:
        return None
    if named and named[0].start() > period.start.start:
        return None  # the year written after the period names something else
    if not named and dated is not None and period.start.iso > dated:
        period = find_yearless_period(intro, year - 1)
    return period


def _after_period(value: str, written: str, period: Period | None) -> str:
    """A feedback date written without its year (1月14日) takes the period's year, or the
    next one when that would put it before the period starts (巡视 2024年9月至11月, 1月14日
    反馈); a day within the period keeps the period's year."""
    if period is None or "年" in written:
        return value
    start = period.start.iso
    size = min(len(value), len(start))
    if value[:size] >= start[:size]:
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"


def _same_body(known: str, loose: str) -> bool:
    """``区委巡察组`` names ``区委第二巡察组`` loosely: the same words around its number."""
    cut = known.find("第")
    if cut < 0:
        return False
    return loose.startswith(known[:cut]) and loose.endswith(known[-3:])


_BOOK_TITLE = compile_pattern(r"《[^《》]{0,60}》")
# A kind's word inside a body's name or a rank (市审计局党组关于市委巡察整改…, 审计厅, 二级巡视员):
# the body that reports or an official, not the inspection it answers.
_NOT_A_KIND = compile_pattern(r"(?:审计|督察)(?=局|厅|署)|巡视员|巡察员")
# (现将…, 现根据规定将…: what comes between 现 and 将 says no more than why)
_ANNOUNCING = compile_pattern(r"现(?:[^。；，,将]{0,10}将|将)[^。；]{0,60}?(?:情况|如下|结果)")


def announcing_sentence(intro: str) -> str:
    """The 现将…整改进展情况予以公布 sentence, which names what the report answers."""
    found = _ANNOUNCING.search(intro)
    return found.group(0) if found else ""


def _by_nearness(dates: list[FoundDate], word_at: int, size: int) -> list[FoundDate]:
    """``dates`` in the order they are tried for the feedback word at ``word_at``: as written,
    or for a month (``size`` 7) the nearest before the word first (2022年11月巡察，2023年1月
    反馈)."""
    if size != 7:
        return dates
    return sorted(dates, key=lambda d: (d.start > word_at, abs(word_at - d.end)))


def _kind_of(text: str, profile: Profile, *, most: bool = False) -> str | None:
    """The kind of inspection ``text`` names, book titles (《…巡视工作条例》) left out: the
    first named, or with ``most`` the most often named."""
    text = _NOT_A_KIND.sub(lambda found: "　" * len(found.group(0)), _BOOK_TITLE.sub("", text))
    counts = {k: text.count(k) for k in profile.inspection_kinds if k in text}
    if not counts:
        return None
    if most:
        return max(counts, key=lambda k: (counts[k], -text.find(k)))
    return min(counts, key=text.find)


def _kind(word: str) -> InspectionKind:
    try:
        return InspectionKind(word)
    except ValueError:
        return InspectionKind.OTHER
