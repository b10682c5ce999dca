"""Enrichment on the seed: what analysts ask for, each item traceable to its characters."""

from __future__ import annotations

import json
from typing import Any

import pytest

import rectpipe
from rectpipe.cli import main
from rectpipe.models import Enrichment
from rectpipe.tools.schema import validate_text
from rectpipe.writers import dumps

from .conftest import SAMPLES, SEED

SEED_PROFILE = SAMPLES / "seed-yongzhou.profile.yaml"

# What each of the seed's 26 problems is about, read from the report.
SEED_TOPICS = {
    "1": "产业发展",  # “十四五”园区发展规划未完成审批
    "2": "产业发展",  # 亩均税收差距较大
    "3": "产业发展",  # 国家级园区中排位靠后
    "4": "科技创新",  # 科技创新能力弱
    "5": "体制机制",  # “一区两园”管理机制不顺
    "6": "体制机制",  # 两个片区无序竞争
    "7": "财政资金",  # 拨付企业奖补不规范
    "8": "营商环境",  # “放管服”改革不到位
    "9": "营商环境",  # 主动服务有欠缺
    "10": "基础设施",  # 电力配套设施不完善
    "11": "基础设施",  # 污水处理厂超负荷运行
    "12": "教育",  # 适龄学生就学困难
    "13": "国有资产与投资",  # 完工即闲置
    "14": "国有资产与投资",  # 投资即亏损
    "15": "国有资产与投资",  # 投资资金难以收回
    "16": "土地管理",  # 商业用地以居住用地出让；出让毛地
    "17": "土地管理",  # 返还土地出让金
    "18": "土地管理",  # 工业用地监管不力
    "19": "土地管理",  # 拆迁安置不力
    "20": "党风廉政",  # 对关键少数监督不到位
    "21": "党风廉政",  # 日常监督有缺失
    "22": "党风廉政",  # 查办案件力度不够
    "23": "党风廉政",  # “三重一大”制度执行不到位
    "24": "干部队伍",  # 专业人才缺乏
    "25": "财政资金",  # 往来资金未及时结算
    "26": "国有资产与投资",  # 产投集团资金损失未追回
}


@pytest.fixture(scope="module")
def enriched() -> rectpipe.Report:
    # The seed's own names and topic words live in its own profile, not in the default.
    return rectpipe.parse_file(SEED, enrich=True, profile=rectpipe.load_profile(SEED_PROFILE))


def _problem(report: rectpipe.Report, number: str) -> rectpipe.Problem:
    return next(p for p in report.iter_problems() if p.number == number)


def _enrichment(report: rectpipe.Report, number: str) -> Enrichment:
    enrichment = _problem(report, number).enrichment
    assert enrichment is not None
    return enrichment


def _at(report: rectpipe.Report, number: str, text: str, nth: int = 0) -> int:
    """Offset of the ``nth`` occurrence of ``text`` inside problem ``number``."""
    problem = _problem(report, number)
    at = problem.provenance.start - 1
    for _ in range(nth + 1):
        at = report.text.index(text, at + 1, problem.provenance.end)
    return at


def _items(enrichment: Any) -> list[Any]:
    refs = enrichment.references
    return [
        *enrichment.dates,
        *enrichment.quantities,
        *refs.documents,
        *refs.numbers,
        *refs.meetings,
        *enrichment.entities,
        *getattr(enrichment, "keywords", []),
    ]


def test_off_by_default() -> None:
    report = rectpipe.parse_file(SEED)
    assert report.enrichment is None
    assert all(p.enrichment is None for p in report.iter_problems())


def test_every_item_points_at_its_characters(enriched: rectpipe.Report) -> None:
    assert enriched.enrichment is not None
    items = _items(enriched.enrichment)
    for problem in enriched.iter_problems():
        assert problem.enrichment is not None
        own = _items(problem.enrichment)
        assert all(problem.provenance.start <= i.start < problem.provenance.end for i in own)
        items += own
    assert len(items) > 300
    for item in items:
        assert enriched.text[item.start : item.end] == item.text, item


@pytest.mark.parametrize(("number", "topic"), sorted(SEED_TOPICS.items(), key=lambda i: int(i[0])))
def test_topic_of_every_seed_problem(enriched: rectpipe.Report, number: str, topic: str) -> None:
    enrichment = _enrichment(enriched, number)
    assert enrichment.topic == topic, enrichment.topic_scores
    assert enrichment.topic_scores[topic] == max(enrichment.topic_scores.values())


def test_dates(enriched: rectpipe.Report) -> None:
    first = _enrichment(enriched, "1").dates
    assert [(d.text, d.value, d.inferred, d.part) for d in first] == [
        ("8月", "2023-08", True, "actions")
    ]
    assert first[0].start == _at(enriched, "1", "8月")

    june = _enrichment(enriched, "4").dates[0]
    assert (june.text, june.value, june.precision, june.inferred) == (
        "今年6月",
        "2023-06",
        "month",
        True,
    )

    idle = _enrichment(enriched, "13").dates
    assert [(d.text, d.kind, d.value, d.value_end, d.inferred) for d in idle] == [
        ("2022年9月", "date", "2022-09", None, False),
        ("2023年4月", "date", "2023-04", None, False),
        ("12月1日-3日", "range", "2023-12-01", "2023-12-03", True),
    ]
    assert idle[0].part == "description"
    assert idle[2].start == _at(enriched, "13", "12月1日-3日")

    autumn = [d for d in _enrichment(enriched, "12").dates if d.text == "今年秋季"]
    assert autumn and autumn[0].value == "2023-09" and autumn[0].value_end == "2023-11"


def test_report_level_dates_and_meetings(enriched: rectpipe.Report) -> None:
    outside = enriched.enrichment
    assert outside is not None
    period = outside.dates[0]
    assert (period.text, period.kind, period.value, period.value_end) == (
        "2023年3月10日至6月10日",
        "range",
        "2023-03-10",
        "2023-06-10",
    )
    assert period.start == enriched.text.index("2023年3月10日至6月10日") == 44
    assert outside.dates[-1].value == "2023-12-22"
    meetings = [(m.name, m.times) for m in outside.references.meetings]
    assert ("党工委会议", 16) in meetings
    assert ("书记办公会", None) in meetings  # 19次 counts three meetings together
    assert ("巡视整改专题会", None) in meetings
    documents = outside.references.documents
    assert [(d.title, d.role) for d in documents] == [
        ("关于全面落实省委第九巡视组延伸巡视永州经开区反馈问题整改方案", "issued")
    ]
    assert [q.text for q in outside.quantities] == ["16次", "9名", "19次"]


def test_counts(enriched: rectpipe.Report) -> None:
    cases = _enrichment(enriched, "22").quantities
    assert [(q.text, q.value, q.unit) for q in cases[:2]] == [
        ("3件", 3.0, "件"),
        ("6人", 6.0, "人"),
    ]
    assert cases[0].start == _at(enriched, "22", "3件6人")
    assert cases[1].start == cases[0].start + 2
    assert all(q.kind == "count" and q.yuan is None for q in cases)
    firms = _enrichment(enriched, "3").quantities
    assert [(q.text, q.value, q.unit) for q in firms] == [("21家", 21.0, "家")]
    about = _enrichment(enriched, "23").quantities[0]
    assert (about.text, about.value, about.approximate) == ("20余家", 20.0, True)
    assert [q.text for q in _enrichment(enriched, "21").quantities] == ["3次"]


def test_money_and_percentages_in_a_xuncha_report() -> None:
    report = rectpipe.parse_file(SAMPLES / "family-b-xuncha.txt", enrich=True)
    assert report.enrichment is not None
    intro = report.enrichment.quantities
    money = [q for q in intro if q.kind == "money"]
    assert [(q.text, q.value, q.unit, q.yuan) for q in money] == [
        ("4.36万元", 4.36, "万元", 43600.0)
    ]
    assert [q.value for q in intro if q.kind == "percent"] == [77.8]
    assert report.text[money[0].start : money[0].end] == "4.36万元"


def test_documents_and_numbers(enriched: rectpipe.Report) -> None:
    reform = _enrichment(enriched, "5").references
    assert [(d.title, d.role, d.number) for d in reform.documents] == [
        ("关于开展开发区剥离社会事务管理职能试点工作方案", "issued", "湘编发〔2023〕4号")
    ]
    number = reform.numbers[0]
    assert (number.code, number.year, number.serial) == ("湘编发", 2023, 4)
    assert number.start == _at(enriched, "5", "湘编发〔2023〕4号")

    subsidies = _enrichment(enriched, "7").references.documents
    assert [(d.title, d.role) for d in subsidies] == [
        ("永州经济技术开发区人才发展专项资金使用管理办法", "issued"),
        ("永州经开区招商引资优惠政策兑现管理办法", "issued"),
        ("关于鼓励投资和扩大开放促进高质量发展的实施意见", "revised"),
    ]
    assert subsidies[2].start == _at(enriched, "7", "《关于鼓励投资")

    equity = _enrichment(enriched, "14").references.documents
    assert [d.role for d in equity] == ["issued", "cited", "issued"]
    assert equity[1].start == _at(enriched, "14", "《股权投资管理办法》", nth=1)
    assert [d.role for d in _enrichment(enriched, "26").references.documents] == ["cited"]


def test_meetings(enriched: rectpipe.Report) -> None:
    assert [m.name for m in _enrichment(enriched, "24").references.meetings] == ["区党工委会议"]
    joint = _enrichment(enriched, "23").references.meetings
    assert [m.name for m in joint] == ["区党工委（党政联席）会议"]
    assert joint[0].start == _at(enriched, "23", "区党工委（党政联席）会议")
    assert [m.name for m in _enrichment(enriched, "19").references.meetings] == ["听证会"]


def _orgs(enrichment: Any) -> list[str]:
    return [e.text for e in enrichment.entities if e.kind == "organization"]


def test_organisations(enriched: rectpipe.Report) -> None:
    assert "区纪工委" in _orgs(_enrichment(enriched, "9"))
    discipline = _orgs(_enrichment(enriched, "22"))
    assert {"市纪委", "市纪委监委", "区纪工委"} <= set(discipline)
    land = _enrichment(enriched, "16").entities
    assert [(e.text, e.kind) for e in land] == [
        ("永州市国土空间规划委员会", "organization"),
        ("永州市人民政府", "organization"),
    ]
    assert land[1].start == _at(enriched, "16", "永州市人民政府")
    assert _orgs(_enrichment(enriched, "21")) == ["市公安局凤凰园分局"]
    assert {"永州京米健康科技有限公司", "深圳兆丰资产管理有限公司"} <= set(
        _orgs(_enrichment(enriched, "13"))
    )
    assert _orgs(_enrichment(enriched, "14")) == ["市产投集团", "市产投集团"]


def test_whole_names_people_and_places_outside_problems(enriched: rectpipe.Report) -> None:
    assert enriched.enrichment is not None
    found = {(e.text, e.kind) for e in enriched.enrichment.entities}
    assert ("省委第九巡视组", "organization") in found
    assert ("区纪工委", "organization") in found
    assert ("施创太", "person") in found
    assert ("永州经开区", "place") in found
    first = next(e for e in enriched.enrichment.entities if e.text == "省委第九巡视组")
    assert first.start == enriched.text.index("省委第九巡视组")


def test_keywords(enriched: rectpipe.Report) -> None:
    land = [k.text for k in _enrichment(enriched, "16").keywords]
    assert {"商业用地", "居住用地", "毛地"} <= set(land)
    stop = {"进一步", "切实", "扎实", "整改", "问题", "加强"}
    for problem in enriched.iter_problems():
        enrichment = problem.enrichment
        assert enrichment is not None
        words = [k.text for k in enrichment.keywords]
        assert 0 < len(words) <= 8 and not stop & set(words)
        weights = [k.weight for k in enrichment.keywords]
        assert weights == sorted(weights, reverse=True)


def test_enriched_output_validates_against_the_schema(enriched: rectpipe.Report) -> None:
    text = dumps(enriched, "json")
    assert validate_text(text) == enriched
    row = json.loads(dumps(enriched, "jsonl").splitlines()[0])
    assert row["number"] == "1"


def test_cli_enrich(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--enrich"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["sections"][1]["sections"][0]["problems"][0]
    assert first["enrichment"]["topic"] == "产业发展"
    assert main(["extract", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"][1]["sections"][0]["problems"][0]["enrichment"] is None


def test_the_default_profile_holds_no_word_of_the_seed_profile() -> None:
    """What only fits one document stays in that document's profile."""
    import yaml

    seed = yaml.safe_load(SEED_PROFILE.read_text("utf-8"))["enrichment"]
    default = rectpipe.default_profile()
    from rectpipe.enrich.config import config_for

    config = config_for(default)
    words = {w for ws in config.topics.values() for w in ws}
    assert not words & {w for ws in seed["topics"].values() for w in ws}
    known = {word for word, _ in config.dictionary}
    assert not known & {entry.split()[0] for entry in seed["dictionary"]}
