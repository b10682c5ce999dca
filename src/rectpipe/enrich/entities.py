"""Organisations, people and places from jieba tokens (part-of-speech tags + domain dictionary).

- An organisation is a token tagged ``nt`` (区纪工委, 产投集团, a protected 省委第九巡视组), or
  a run of name-like tokens ending in an organisation suffix (永州市 + 人民政府, 永州市 + 国土 +
  空间规划 + 委员会); a generic suffix alone (公司, 委员会) is not a name. A place name jieba
  does not know is left as two single characters; before a place suffix (江 + 屿 + 港区 +
  管委会) they are taken too.
- A person is a 2–3 character name right after a title (书记施创太 → 施创太) whose first
  character is a common surname; jieba with ``HMM=False`` leaves unknown names as single
  characters, which is what is looked for.
- A place is a token tagged ``ns`` (永州, 冷水滩) with any place suffix after it (区, 街道…),
  unless it is part of an organisation.

Names inside 《…》 and document-number codes (湘编发〔2023〕) are left to the references.

Internal: the public door is :mod:`rectpipe`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..models.records import Entity
from ..runtime.patterns import compile_pattern
from ._jieba import Token
from .config import EnrichConfig

__all__ = ["find_entities"]

_HAN = compile_pattern(r"\p{Han}+")
_MODIFIER_TAGS = frozenset({"n", "nt", "nz", "ns", "nr", "j", "vn", "b", "ng", "eng", "s"})
# Before a company suffix (有限公司, 集团) almost anything but a verb or a particle is the name.
_COMPANY_EXCLUDED_TAGS = frozenset({"v", "vd", "p", "c", "u", "uj", "ul", "ud", "uz", "ug", "uv",
                                    "d", "ad", "r", "f", "x", "y", "e", "o", "t"})  # fmt: skip
_COMPANY_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "事务所")
_START_TAGS = frozenset({"ns", "nt", "nz", "j", "eng"})
_ADMIN = frozenset({"省", "市", "县", "区", "州", "镇", "乡", "某", "全省", "全市", "中央"})
_NOT_MODIFIER = frozenset(
    "相关 有关 各 各级 全体 职能部门 部门 工作 企业 所属 下属 涉事 "  # noqa: SIM905
    "问题 关联 各类 其他 全部 重点 兄弟 会同 联合 协调 配合 指导 督促 推动 要求".split()
)
_NOT_ORG = frozenset({"大厅", "政务大厅", "政务服务大厅", "布局", "格局", "大局", "结局", "展厅",
                      "党组织", "基层党组织", "职能部门",
                      "交易会", "博览会", "展销会"})  # fmt: skip
_NOT_ORG_ENDINGS = tuple(_NOT_ORG)  # 产业布局 ends in 局 and is no bureau either
_NOT_PLACE = frozenset(
    "新建 上门 深度 南北 东西 四楼 前进 和平 长安 新华 太平 中华 "  # noqa: SIM905
    "胜利 光明 东方 朝阳 东盟 关联 广大 城市 沿河 沿江 沿线".split()
)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤施欧阳"
)
_NAME_END = frozenset({"同志", "坚决", "始终", "带头", "亲自", "担任", "主持", "为", "任"})


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose words are not entities: 《titles》 and document-number codes (湘编发〔)."""
    return [(m.start(), m.end()) for m in regex.finditer(r"《[^《》\n]*》|[\p{Han}]{1,8}〔", text)]


def _is_org_head(token: Token, config: EnrichConfig) -> bool:
    """An organisation ends here: an ``nt`` token, or one ending in an organisation suffix
    (a one-character suffix such as 局 only in a word of three or more characters)."""
    if token.text.endswith(_NOT_ORG_ENDINGS):
        return False
    if token.tag == "nt":
        return True
    if len(token.text) >= 3:
        return token.text.endswith(config.org_suffixes)
    return token.text.endswith(tuple(s for s in config.org_suffixes if len(s) > 1))


def _is_modifier(token: Token, company: bool) -> bool:
    """May ``token`` stand inside an organisation's name before its head?"""
    if token.text in _NOT_MODIFIER or not _HAN.fullmatch(token.text):
        return False
    if token.text in _ADMIN:
        return True
    if company:
        return token.tag not in _COMPANY_EXCLUDED_TAGS
    if len(token.text) == 1:
        return token.tag in _START_TAGS
    return token.tag in _MODIFIER_TAGS


_DEICTIC = frozenset({"我", "本", "该", "全", "各", "此", "外"})
_UNKNOWN_NAME_TAGS = frozenset({"nr", "ns", "ng", "n", "nz", "j"})


def _unknown_name_before(tokens: Sequence[Token], first: int, config: EnrichConfig) -> bool:
    """Are the two tokens before ``first`` (a place suffix such as 港区) the single characters of
    an unknown two-character place name, with no other single character before them?"""
    if first < 2 or tokens[first].text not in config.place_suffixes:
        return False
    pair = tokens[first - 2 : first]
    if not all(
        len(t.text) == 1
        and _HAN.fullmatch(t.text)
        and t.tag in _UNKNOWN_NAME_TAGS
        and t.text not in _ADMIN
        for t in pair
    ):
        return False
    before = tokens[first - 3] if first >= 3 else None
    return before is None or len(before.text) > 1 or not _HAN.fullmatch(before.text)


_PART_GAP_EXCLUDED = (_COMPANY_EXCLUDED_TAGS - {"v"}) | {"m", "q"}
_NOT_BEFORE_BODY = frozenset({"vn", "b", "v"})
_KIND_BEFORE = frozenset({"相关", "有关", "所属", "下属", "其他", "涉事", "各类"})
_BARE_PLACE = frozenset({"省", "市", "县", "区", "州", "镇", "乡"})
_NOUNISH = frozenset({"n", "nt", "nz", "ns", "nr", "j", "vn", "ng", "l"})


def _is_class(token: Token, config: EnrichConfig) -> bool:
    """Does ``token`` make the name it starts a kind of unit (全市, 乡镇, 市级)?"""
    return token.text in config.org_class_words or (
        len(token.text) >= 2 and token.text.endswith("级")
    )


def _is_part_end(tokens: Sequence[Token], at: int, config: EnrichConfig) -> bool:
    """Does ``tokens[at]`` end a unit's part (人事科, 排水 + 科, 防汛 + 办) that the next token
    does not carry on (区水务局 + 中心 + 工作 is not a part)?"""
    text = tokens[at].text
    if (
        not _HAN.fullmatch(text)
        or not text.endswith(config.org_part_suffixes)
        or tokens[at].tag in _PART_GAP_EXCLUDED - {"v"}
    ):
        return False  # 集团 + 所/c + 提供: a particle
    if len(text) > 1 and text not in config.org_part_suffixes:
        if tokens[at].tag not in _NOUNISH:
            return False
        if len(text) < 3 and not text.endswith(
            tuple(s for s in config.org_part_suffixes if len(s) > 1)
        ):
            return False  # 学科, 网站: words, not parts
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    return after is None or not (_HAN.fullmatch(after.text) and after.tag in _NOUNISH)


def _part_after(tokens: Sequence[Token], last: int, used: set[int], config: EnrichConfig) -> int:
    """The last token of a unit's part right after ``last`` (区水务局 + 排水 + 科), at most two
    short name-like tokens and the part's ending; ``last`` when there is none."""
    verb = False
    for end in range(last + 1, min(last + 4, len(tokens))):
        if end in used:
            break
        token = tokens[end]
        if _is_part_end(tokens, end, config) and not (verb and token.tag not in _NOUNISH):
            return end
        verb = verb or token.tag == "v"  # 排水 + 科, never 督促 + 办
        if (
            token.tag == "a"
            or len(token.text) > 4
            or not _HAN.fullmatch(token.text)
            or token.tag in _PART_GAP_EXCLUDED
            or token.text in _NOT_MODIFIER
        ):
            break
    return last


def _place_led_start(tokens: Sequence[Token], end: int, used: set[int]) -> int | None:
    """The bare 省/市/县/区 that starts a short name ending at ``end`` (区 + 河 + 长 + 办),
    with one to three short tokens between; ``None`` when there is none."""
    for first in range(end - 1, max(end - 5, -1), -1):
        if first in used:
            return None
        token = tokens[first]
        if token.text in _BARE_PLACE:
            if first == end - 1:
                return None
            before = tokens[first - 1] if first else None
            if before is not None and before.text in _DEICTIC:
                return None
            return first
        if (
            len(token.text) > 3
            or not _HAN.fullmatch(token.text)
            or token.tag in _PART_GAP_EXCLUDED
            or token.text in _NOT_MODIFIER
        ):
            return None
    return None


_DEPARTMENT_ENDS = ("科", "处", "庭", "部", "室")
_NOT_DEPARTMENT = frozenset(
    "干部 内部 外部 全部 局部 东部 西部 南部 北部 中部 基层干部 领导干部 党员干部 "  # noqa: SIM905
    "之处 不足之处 学科 本科 专科 会议室 办公室 档案室 阅览室 活动室 值班室 科室 处室 "
    "查处 立案查处 党支部 党总支部".split()
)


def _is_department(token: Token, config: EnrichConfig) -> bool:
    """A one-word name of a unit's part (医务科, 科技处, 立案庭, 学生工作部): three to six
    characters ending in 科, 处, 庭, 部 or 室, a noun, and no common word (干部, 不足之处)."""
    text = token.text
    return (
        3 <= len(text) <= 6
        and text.endswith(_DEPARTMENT_ENDS)
        and token.tag in _NOUNISH
        and text not in _NOT_DEPARTMENT
        and not text.endswith(tuple(_NOT_DEPARTMENT))
    )


def _alone_is_name(tokens: Sequence[Token], head: int, config: EnrichConfig) -> bool:
    """May ``tokens[head]`` be a name with nothing before it: tagged ``nt`` (区纪工委), a
    short name of a definite unit (集团, 局机关), or a bare 省/市/县/区 glued to an
    organisation word (省政府), unless a class word points at a kind (各级党委)?"""
    token = tokens[head]
    before = tokens[head - 1] if head else None
    if before is not None and (_is_class(before, config) or before.text in _KIND_BEFORE):
        return False
    if token.tag == "nt" or token.text in config.org_short_names:
        return True
    if _is_department(token, config):
        return True  # 医务科, 科技处, 立案庭, 学生工作部: a unit's part, named alone
    return (
        len(token.text) >= 3
        and token.text[0] in _BARE_PLACE
        and token.text[1:] in config.org_suffixes
    )


def _organisations(tokens: Sequence[Token], config: EnrichConfig) -> list[tuple[int, int]]:
    """``(first, last)`` token indices of each organisation, not overlapping.

    Heads are taken right to left; each takes the name-like tokens before it (other heads
    included: 市 + 公安局 + 凤凰园 + 分局), at most 24 characters, and a unit's part after it
    (区水务局 + 人事科). A body after a one-character unit word names the reporting unit's body
    (局 + 党组); a bare 省/市/县/区 opens a short name ending in a part's word (区 + 防汛办). A
    head with nothing before it is a name only when :func:`_alone_is_name` says so. A name
    that starts with a class word (全市中小学, 市级医院) or is a generic name (会计师事务所) is a
    kind of unit and is not kept.
    """
    found: list[tuple[int, int]] = []
    used: set[int] = set()
    for head in range(len(tokens) - 1, -1, -1):
        if head in used:
            continue
        token = tokens[head]
        if not (
            _is_org_head(token, config)
            or token.text in config.org_short_names
            or _is_department(token, config)
        ):
            if _is_part_end(tokens, head, config) or token.text in config.org_suffixes:
                start = _place_led_start(tokens, head, used)
                if start is not None:  # 区 + 防汛 + 办, 市 + 住 + 建 + 局
                    last = _part_after(tokens, head, used, config)
                    used.update(range(start, last + 1))
                    found.append((start, last))
            continue
        company = token.text.endswith(_COMPANY_SUFFIXES)
        first = head
        # A short name that is no organisation word (局机关, 总行) stands alone: 须经 + 局机关.
        walks = _is_org_head(token, config) or _is_department(token, config)
        while walks and first > 0 and first - 1 not in used:
            before = tokens[first - 1]
            if token.end - before.start > 24:
                break
            if not (_is_modifier(before, company) or _is_org_head(before, config)):
                break
            if token.text in config.org_bodies and before.tag in _NOT_BEFORE_BODY:
                break  # 调整设置 + 党支部: what was done to a body, not whose it is
            if first >= 2 and tokens[first - 2].text.isdigit():
                break  # 2家民营公司: 家 counts, it does not name
            if before.text in _ADMIN and first >= 2 and tokens[first - 2].text in _DEICTIC:
                break  # 我区将军岭小学: 我区 points, it does not name
            first -= 1
        if (
            first != head
            and not used.intersection({first - 1, first - 2})
            and _unknown_name_before(tokens, first, config)
        ):
            first -= 2
        if (
            first > 0
            and first - 1 not in used
            and tokens[first].text in config.org_bodies
            and tokens[first - 1].text in config.org_unit_words
        ):
            first -= 1  # 局 + 党组: the unit's own body
        if first == head and not _alone_is_name(tokens, head, config):
            continue
        last = _part_after(tokens, head, used, config)
        used.update(range(first, last + 1))
        name = "".join(t.text for t in tokens[first : last + 1])
        kind = _is_class(tokens[first], config) or (
            first > 0
            and tokens[first].text in config.org_unit_words
            and _is_class(tokens[first - 1], config)  # 基层 + 所 + 党支部
        )
        if kind or name in config.org_generic_names:
            continue
        found.append((first, last))
    return sorted(found)


def _places(tokens: Sequence[Token], used: set[int], config: EnrichConfig) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if i in used or tokens[i].tag != "ns" or len(tokens[i].text) < 2:
            i += 1
            continue
        if tokens[i].text in _NOT_PLACE:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and j + 1 not in used:
            nxt = tokens[j + 1]
            if nxt.tag == "ns" or nxt.text in config.place_suffixes:
                j += 1
                continue
            break
        found.append((i, j))
        i = j + 1
    return found


def _people(tokens: Sequence[Token], config: EnrichConfig) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if not token.text.endswith(config.person_titles):
            continue
        j = i + 1
        name = ""
        while j < len(tokens) and len(name) < 3:
            nxt = tokens[j]
            if len(nxt.text) != 1 or not _HAN.fullmatch(nxt.text) or nxt.text in _NAME_END:
                break
            name += nxt.text
            j += 1
        if j < len(tokens) and tokens[j].tag == "nr" and not name and len(tokens[j].text) <= 3:
            name, j = tokens[j].text, j + 1
        if 2 <= len(name) <= 3 and name[0] in _SURNAMES:
            after = tokens[j] if j < len(tokens) else None
            if after is None or len(after.text) > 1 or not _HAN.fullmatch(after.text):
                found.append((i + 1, j - 1))
    return found


def find_entities(
    text: str, tokens: Sequence[Token], config: EnrichConfig, *, base: int = 0
) -> list[Entity]:
    """Organisations, people and places among ``tokens`` (a segmentation of ``text``), in
    order, offsets shifted by ``base``. Each is listed at every place it occurs."""
    blocked = _blocked_spans(text)
    usable = [t for t in tokens if not any(s <= t.start < e for s, e in blocked)]
    found: list[Entity] = []
    used: set[int] = set()

    def add(first: int, last: int, kind: str) -> None:
        start, end = usable[first].start, usable[last].end
        used.update(range(first, last + 1))
        found.append(
            Entity(text=text[start:end], start=start + base, end=end + base, kind=kind)  # type: ignore[arg-type]
        )

    for first, last in _organisations(usable, config):
        add(first, last, "organization")
    for first, last in _people(usable, config):
        if not used.intersection(range(first, last + 1)):
            add(first, last, "person")
    for first, last in _places(usable, used, config):
        add(first, last, "place")
    found.sort(key=lambda e: e.start)
    return found
