"""Every fact a careful reader would mark, listed by hand, problem by problem.

For the seed (all 26 problems), the audit sample (family-d, lots of money) and the
environmental-inspection sample (family-c), each problem's expected facts were written down by
reading its title, description and actions: dates (and deadlines), money amounts, counts,
percentages, 《》 documents, document numbers and organisations. The test asserts that the
enrichment lists each one (by ``text``) with offsets that point at it, and that nothing obviously
wrong is extracted (a count or date inside a document number, a count that is part of a date, a
measurement such as 4.2公里 taken as a count).

Problems are keyed by their position in :meth:`Report.iter_problems` (1-based), because the audit
sample numbers its problems again in every part; the comment names the problem.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import rectpipe
from rectpipe.models import Enrichment

from .conftest import SAMPLES, SEED

Facts = dict[str, list[str]]

# Kinds of fact; each maps to the enrichment items it is looked for in.
KINDS = ("dates", "money", "counts", "percents", "documents", "numbers", "orgs")

SEED_FACTS: dict[int, Facts] = {
    1: {  # “十四五”园区发展规划至今未按要求完成审批
        "dates": ["8月"],
        "documents": ["《永州经济技术开发区“十四五”发展规划》"],
        "orgs": ["永州市政府", "永州市人大", "湖南省发改委"],
    },
    2: {  # 亩均税收与全省亩均税收差距较大
        "dates": ["今年", "今年", "2023-2025年"],
        "documents": ["《永州经开区“智赋百企”行动方案（2023-2025年）》"],
        "orgs": ["区党工委", "区党工委", "管委会"],
    },
    3: {  # 在全省国家级园区中排位靠后
        "dates": ["今年"],
        "counts": ["21家"],
    },
    4: {  # 科技创新能力弱
        "dates": ["今年6月"],
        "orgs": ["国家外专局"],
    },
    5: {  # “一区两园”管理机制不顺
        "dates": ["2023年10月"],
        "documents": ["《关于开展开发区剥离社会事务管理职能试点工作方案》"],
        "numbers": ["湘编发〔2023〕4号"],
        "orgs": ["冷水滩区政府", "市委", "省园区办", "省编委"],
    },
    6: {  # 两个片区存在无序竞争
        "dates": ["2022年", "2023年10月"],
        "documents": [
            "《永州经济技术开发区管理委员会关于鼓励和支持民营经济高质量发展的实施意见》",
            "《关于开展开发区剥离社会事务管理职能试点工作方案》",
        ],
        "numbers": ["湘编发〔2023〕4号"],
        "orgs": ["省编委"],
    },
    7: {  # 拨付企业奖补不规范
        "documents": [
            "《永州经济技术开发区人才发展专项资金使用管理办法》",
            "《永州经开区招商引资优惠政策兑现管理办法》",
            "《关于鼓励投资和扩大开放促进高质量发展的实施意见》",
        ],
    },
    8: {  # “放管服”改革不到位
        "orgs": ["市行政审批服务局"],
    },
    9: {  # 主动服务有欠缺
        "orgs": ["区纪工委"],
    },
    10: {},  # 电力配套设施不完善 (10KV is a voltage, not a count)
    11: {  # 现有污水处理厂超负荷运行
        "orgs": ["市城管局"],
    },
    12: {  # 园区内适龄学生就学困难
        "dates": ["今年", "秋季", "今年秋季", "今年秋季"],
        "orgs": ["将军岭小学", "长丰小学", "长丰小学", "骄阳小学", "骄阳小学", "骄阳小学"],
    },
    13: {  # 完工即闲置
        "dates": ["2022年9月", "2023年4月", "12月1日-3日"],
        "orgs": ["永州京米健康科技有限公司", "深圳兆丰资产管理有限公司", "区党工委"],
    },
    14: {  # 投资即亏损
        "documents": [
            "《股权投资管理办法》",
            "《股权投资管理办法》",
            "《永州市开发建设投资有限公司控股、参股公司投后管理实施方案》",
        ],
        "orgs": ["市产投集团", "市产投集团"],
    },
    15: {  # 投资民营企业的资金难以收回
        "documents": ["《永州市开发建设投资有限公司控股、参股公司投后管理实施方案》"],
    },
    16: {  # 商业用地以居住用地挂牌出让；出让毛地
        "orgs": ["永州市国土空间规划委员会", "永州市人民政府"],
    },
    17: {},  # 返还某民营公司土地出让金
    18: {  # 对工业用地监管不力
        "counts": ["2家"],
    },
    19: {},  # 拆迁安置不力
    20: {  # 对关键少数监督不到位
        "dates": ["今年12月初"],
        "documents": ["《永州经开区开展对“一把手”和领导班子监督检查的方案》"],
        "orgs": ["经开区党工委", "征拆办", "产投集团"],
    },
    21: {  # 日常监督有缺失
        "counts": ["3次"],
        "documents": [
            "《永州经开区“两带头五整治”纠风防腐工作方案》",
            "《永州经开区工程项目招投标突出问题专项整治工作方案》",
        ],
        "orgs": ["市公安局凤凰园分局"],
    },
    22: {  # 查办案件力度不够
        "counts": ["3件", "6人", "2件", "3人", "1件", "3人", "1名", "2名"],
        "orgs": [
            "市纪委",
            "市纪委监委",
            "市纪委监委",
            "冷水滩区纪委监委",
            "区纪工委",
            "区纪工委",
        ],
    },
    23: {  # “三重一大”制度执行不到位
        "dates": ["今年", "今年"],
        "counts": ["20余家"],
        "documents": ["《永州经济技术开发区工作制度》"],
        "orgs": ["区党工委"],
    },
    24: {  # 专业人才缺乏
        "dates": ["2023年10月"],
        "documents": ["《关于开展开发区剥离社会事务管理职能试点工作方案》"],
        "numbers": ["湘编发〔2023〕4号"],
        "orgs": ["区党工委", "市编办", "省编委"],
    },
    25: {  # 往来资金未及时结算
        "orgs": ["产投集团", "财政局"],
    },
    26: {  # 资金损失未追回
        "documents": ["《融资顾问协议》"],
        "orgs": ["产投集团", "永州仲裁委", "永州市仲裁委"],
    },
}

SHENJI_FACTS: dict[int, Facts] = {
    1: {  # （一）代编预算3.82亿元未细化
        "dates": ["2025年", "2024年", "2024年7月底前", "2024年"],
        "money": ["3.82亿元", "2.14亿元"],
        "counts": ["426个"],
        "percents": ["100%"],
        "documents": ["《澄州市市本级部门预算管理办法》"],
    },
    2: {  # （二）存量资金1.2亿元未及时收回
        "dates": ["2024年底前"],
        "money": ["1.2亿元", "1.2亿元", "1.2亿元", "0.87亿元"],
        "documents": ["《澄州市市级财政存量资金管理办法》"],
    },
    3: {  # （三）超标准列支会议费和培训费3.5万元
        "dates": ["2024年7月", "2023年"],
        "money": ["3.5万元", "3.5万元"],
        "counts": ["31家", "2期", "280余人次"],
        "documents": ["《市直部门“三公”经费及会议费培训费管理政策汇编》"],
        "orgs": ["市机关事务管理局"],
    },
    4: {  # （一）衔接资金2860万元滞留
        "dates": ["2023年底", "2024年11月底前"],
        "money": ["2860万元", "2860万元", "2150万元", "710万元"],
        "counts": ["3个"],
    },
    5: {  # （二）1.45亿元债券资金闲置
        "dates": ["2024年8月", "2025年3月底前"],
        "money": ["1.45亿元", "1.45亿元", "0.92亿元", "0.53亿元"],
        "counts": ["5个"],
        "orgs": ["市住房和城乡建设局"],
    },
    6: {  # （三）就业补助资金18.6万元
        "dates": ["2022年"],
        "money": ["18.6万元", "18.6万元"],
        "counts": ["2600余条"],
        "documents": ["《澄州市就业补助资金管理办法》"],
        "orgs": ["市人力资源和社会保障局", "市人力资源和社会保障局"],
    },
    7: {  # （一）资产原值2371万元
        "money": ["2371万元"],
        "counts": ["47家"],
    },
    8: {  # （二）化债2.3亿元
        "dates": ["2023年", "2024—2026年", "2024年", "2024年", "2024年12月底前"],
        "money": ["2.3亿元", "1.6亿元", "0.7亿元"],
    },
    9: {  # （三）国有资本收益860万元
        "dates": ["2024年8月底前"],
        "money": ["860万元", "860万元"],
        "counts": ["2家", "2家"],
        "documents": ["《澄州市市属国有企业国有资本收益收取管理办法》"],
        "orgs": ["市国资委"],
    },
}

DUCHA_FACTS: dict[int, Facts] = {
    1: {  # 一、江屿港区码头粉尘污染
        "dates": ["2024年12月底前", "2024年第三季度"],
        "money": ["2.86亿元"],
        "counts": ["21个", "3座", "46套", "5个"],
        "percents": ["23.6%"],
        "documents": ["《江屿港区散货码头扬尘污染专项整治方案》"],
        "orgs": ["市交通运输局", "江屿港区管委会", "江屿港务集团有限公司", "市生态环境局"],
    },
    2: {  # 二、黑臭水体
        "dates": ["长期坚持", "2024年6月底前", "长期坚持", "2024年6月"],
        "counts": ["36条", "3条", "517处", "2座"],
        "orgs": ["市住房和城乡建设局", "市生态环境局"],
    },
    3: {  # 三、临港化工园区污水
        "dates": ["2024年11月底前"],
        "counts": ["68家", "9家", "3家", "57家", "11家"],
        "orgs": ["临港化工园区管委会", "市生态环境局"],
    },
    4: {  # 四、生活垃圾处理能力
        "dates": ["2025年6月底前", "2025年3月"],
        "counts": ["2套"],
        "percents": ["65%"],
        "documents": ["《西岭生活垃圾填埋场封场及生态修复方案》"],
        "orgs": ["市城市管理局"],
    },
    5: {  # 五、青螺湾自然保护区
        "dates": ["2025年12月底前", "2024年"],
        "counts": ["43处", "29处", "14处", "11份", "4起"],
        "documents": ["《青螺湾省级自然保护区管理办法》"],
        "orgs": ["市林业局", "东岸区人民政府"],
    },
    6: {  # 六、废弃矿山生态修复
        "money": ["1.4亿元"],
        "counts": ["142处", "103处", "12处"],
    },
    7: {  # 七、畜禽养殖污染
        "dates": ["2024年9月底前"],
        "counts": ["413家", "38家", "6家", "2起"],
        "percents": ["93.2%", "100%"],
        "orgs": ["市农业农村局", "市生态环境局"],
    },
    8: {  # 八、重视不够
        "dates": ["长期坚持", "长期坚持"],
        "counts": ["4次", "38个", "2个", "5人"],
        "documents": ["《江屿市生态环境保护工作责任清单》"],
        "orgs": ["市委办公室", "市政府办公室"],
    },
    9: {  # 九、农村生活污水
        "dates": ["2025年12月底前", "2024—2026年", "2024年"],
        "counts": ["87座", "61座", "46个"],
        "documents": ["《江屿市农村生活污水治理三年行动方案（2024—2026年）》"],
    },
    10: {  # 十、挥发性有机物
        "money": ["146万元"],
        "counts": ["152家", "89套", "19家", "7家"],
        "orgs": ["市生态环境局", "市工业和信息化局"],
    },
    11: {  # 十一、饮用水水源地
        "dates": ["2024年9月底前"],
        "counts": ["9个", "7处", "312块", "3个"],
        "orgs": ["市生态环境局", "市水利局"],
    },
}

# Texts that must never be a quantity of the given problem: measurements, durations, ordinals.
NOT_QUANTITIES: dict[tuple[str, int], list[str]] = {
    ("seed", 10): ["10K"],
    ("seed", 13): ["六届"],
    ("shenji", 4): ["3个月", "30天"],
    ("shenji", 5): ["6个月"],
    ("ducha", 1): ["4.2公里", "10"],
    ("ducha", 3): ["2万吨", "4.5万吨"],
    ("ducha", 4): ["600吨", "11.3万吨", "4.6万吨"],
    ("ducha", 6): ["1870亩"],
    ("ducha", 11): ["2340平方米", "18.6公里"],
}

# Texts that must never be an organisation (an event, a verb glued on) or a place (common nouns).
NOT_ENTITIES: dict[tuple[str, int], list[str]] = {
    ("seed", 13): ["名优产品交易会", "东盟"],
    ("shenji", 8): ["指导平台公司"],
    ("ducha", 2): ["城市", "沿河"],
    ("ducha", 4): ["城市"],
}

# Facts the extractor cannot find yet, each with the reason: (sample, problem, kind, text).
KNOWN_MISSES: dict[tuple[str, int, str, str], str] = {}

DOCS: dict[str, tuple[Path, dict[int, Facts]]] = {
    "seed": (SEED, SEED_FACTS),
    "shenji": (SAMPLES / "family-d-shenji.txt", SHENJI_FACTS),
    "ducha": (SAMPLES / "family-c-ducha.txt", DUCHA_FACTS),
}


@pytest.fixture(scope="module")
def reports() -> dict[str, rectpipe.Report]:
    # A document's own names (the seed's 园区办, 凤凰园…) come from its own profile when it has one.
    def profile(path: Path) -> rectpipe.Profile | None:
        own = path.with_name(path.name.split(".")[0] + ".profile.yaml")
        return rectpipe.load_profile(own) if own.is_file() else None

    return {
        name: rectpipe.parse_file(path, enrich=True, profile=profile(path))
        for name, (path, _) in DOCS.items()
    }


def _items(enrichment: Enrichment, kind: str) -> list[Any]:
    quantities = {"money": "money", "counts": "count", "percents": "percent"}
    if kind == "dates":
        return list(enrichment.dates)
    if kind in quantities:
        return [q for q in enrichment.quantities if q.kind == quantities[kind]]
    if kind == "documents":
        return list(enrichment.references.documents)
    if kind == "numbers":
        return list(enrichment.references.numbers)
    return [e for e in enrichment.entities if e.kind == "organization"]


def _enrichment(report: rectpipe.Report, index: int) -> Enrichment:
    enrichment = report.iter_problems()[index - 1].enrichment
    assert enrichment is not None
    return enrichment


def _cases() -> list[Any]:
    cases: list[Any] = []
    for name, (_, facts) in DOCS.items():
        for index, by_kind in facts.items():
            for kind, texts in by_kind.items():
                assert kind in KINDS, kind
                for text, times in Counter(texts).items():
                    case_id = f"{name}-{index}-{kind}-{text}"
                    reason = KNOWN_MISSES.get((name, index, kind, text))
                    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                    cases.append(
                        pytest.param(name, index, kind, text, times, id=case_id, marks=marks)
                    )
    return cases


def test_every_problem_is_listed(reports: dict[str, rectpipe.Report]) -> None:
    for name, (_, facts) in DOCS.items():
        assert sorted(facts) == list(range(1, len(reports[name].iter_problems()) + 1)), name


@pytest.mark.parametrize(("name", "index", "kind", "text", "times"), _cases())
def test_fact_is_extracted(
    reports: dict[str, rectpipe.Report], name: str, index: int, kind: str, text: str, times: int
) -> None:
    report = reports[name]
    items = [item for item in _items(_enrichment(report, index), kind) if item.text == text]
    assert len(items) >= times, (text, [i.text for i in _items(_enrichment(report, index), kind)])
    for item in items:
        assert report.text[item.start : item.end] == text


@pytest.mark.parametrize("name", list(DOCS))
def test_offsets_point_at_the_text(reports: dict[str, rectpipe.Report], name: str) -> None:
    report = reports[name]
    for problem in report.iter_problems():
        enrichment = problem.enrichment
        assert enrichment is not None
        for kind in KINDS:
            for item in _items(enrichment, kind):
                assert report.text[item.start : item.end] == item.text


@pytest.mark.parametrize("name", list(DOCS))
def test_nothing_obviously_wrong(reports: dict[str, rectpipe.Report], name: str) -> None:
    """No quantity inside a date or a document number, no date inside a document number, no
    measurement taken as a count, no event or common noun taken as an organisation or a place,
    and nothing but the listed dates, money amounts, counts, percentages, documents and
    document numbers is found (organisations may add generic names: 领导小组, 某民营公司)."""
    report = reports[name]
    facts = DOCS[name][1]
    for index, problem in enumerate(report.iter_problems(), start=1):
        enrichment = problem.enrichment
        assert enrichment is not None
        dates = [(d.start, d.end) for d in enrichment.dates]
        numbers = [(n.start, n.end) for n in enrichment.references.numbers]
        for q in enrichment.quantities:
            for start, end in dates + numbers:
                assert not (q.start < end and start < q.end), (index, q.text)
        for d in enrichment.dates:
            for start, end in numbers:
                assert not (d.start < end and start < d.end), (index, d.text)
        for e in enrichment.entities:
            assert e.text not in NOT_ENTITIES.get((name, index), []), (index, e.text)
        for q in enrichment.quantities:
            assert q.text not in NOT_QUANTITIES.get((name, index), []), (index, q.text)
        for kind in ("dates", "money", "counts", "percents", "documents", "numbers"):
            found = Counter(item.text for item in _items(enrichment, kind))
            expected = Counter(facts[index].get(kind, []))
            assert found == expected, (index, kind, found - expected, expected - found)


def test_fixes_behind_the_lists() -> None:
    """The extractor changes these lists called for, at the unit level."""
    from rectpipe.enrich.quantities import find_quantities
    from rectpipe.text.date_mentions import find_dates

    (quarter,) = find_dates("2024年第三季度港区周边PM10浓度下降", report_year=2024)
    assert (quarter.text, quarter.kind, quarter.value, quarter.value_end) == (
        "2024年第三季度",
        "range",
        "2024-07",
        "2024-09",
    )
    (inferred,) = find_dates("今年一季度", report_year=2024)
    assert (inferred.value, inferred.value_end) == ("2024-01", "2024-03")
    assert find_dates("每季度开展一次", report_year=2024) == []
    assert [q.yuan for q in find_quantities("剩余0.7亿元化债任务")] == [70000000.0]
    assert find_quantities("推进一元化管理") == []
    assert [(q.kind, q.value) for q in find_quantities("设置警示牌312块")] == [("count", 312.0)]
