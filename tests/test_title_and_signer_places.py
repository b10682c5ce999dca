"""Where pages and copies put a report's title and signer: a site's headline over the report's
own title line, a title in 【】, a headline in an element named as nothing, a seal's place
after the signer (extract/metadata.py, readers/html/article.py), and a status sentence led by
目前， (extract/status.py)."""

from __future__ import annotations

import rectpipe

_TITLE = "中共澄江市卫生健康委员会党组关于市委巡察整改进展情况的通报"
_BODY = (
    "<p>2025年3月17日至5月16日，市委第三巡察组对市卫生健康委员会党组开展了巡察，6月20日反馈"
    "了巡察意见。现将整改进展情况通报如下。</p><p>一、问题整改情况</p>"
    "<p>（一）合同管理不规范，部分合同未经审核即签订。一是清理合同86份；二是上线合同管理系统。"
    "该问题已完成整改。</p>"
    "<p>（二）应急物资储备不足。一是报废过期物资；二是补充储备。该问题正在整改。</p>"
    "<p>中共澄江市卫生健康委员会党组</p><p>2025年9月30日</p>"
)


def _page(head: str, article_top: str = "") -> rectpipe.Report:
    page = (
        '<html><head><meta charset="utf-8"><title>澄江新闻网</title></head><body>'
        f'{head}<div class="article">{article_top}{_BODY}</div></body></html>'
    )
    return rectpipe.parse_bytes(page.encode("utf-8"), name="page.html")


def test_the_report_s_own_title_under_a_site_s_headline() -> None:
    report = _page("<h1>澄江市卫健委公布巡察整改进展情况</h1>", f"<p><strong>{_TITLE}</strong></p>")
    assert report.metadata.title == _TITLE


def test_a_title_set_in_brackets() -> None:
    report = _page("", f"<p>【{_TITLE}】</p>")
    assert report.metadata.title == _TITLE
    assert report.metadata.issuer == "中共澄江市卫生健康委员会党组"


def test_a_headline_in_an_element_named_as_nothing() -> None:
    report = _page(f'<div class="tt">{_TITLE}</div>')
    assert report.metadata.title == _TITLE


def test_a_seal_s_place_after_the_signer() -> None:
    text = (
        "关于县委第三巡察组反馈意见整改进展情况的通报\n"
        "一、问题整改情况\n1.固定资产管理混乱。已完成整改。\n2.公务接待超标准。正在整改。\n"
        "中共青禾县农业农村局党组（盖章）\n2025年9月30日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt")
    assert report.metadata.issuer == "中共青禾县农业农村局党组"
    assert report.metadata.date == "2025-09-30"


def test_a_status_sentence_led_by_a_time() -> None:
    text = (
        "中共青禾县委员会关于省委巡视整改进展情况的通报\n"
        "一、反馈问题整改进展\n"
        "（一）政府债务风险防控压力较大。\n"
        "一是制定债务化解方案；二是整合平台公司2家。目前，该问题已取得阶段性成效，需长期坚持。\n"
        "（二）重大项目开工率偏低。\n"
        "一是建立项目储备库；二是实行领导联系项目制度。目前，该问题已完成整改。\n"
        "中共青禾县委员会\n2025年9月30日\n"
    )
    report = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt")
    assert [(p.status.value, p.long_term) for p in report.iter_problems()] == [
        ("partially_completed", True),
        ("completed", False),
    ]


def test_the_report_s_own_title_in_brackets_under_a_column_s_name() -> None:
    report = _page("<h2>审计整改结果公告</h2>", f"<p>【{_TITLE}】</p>")
    assert report.metadata.title == _TITLE


def test_a_covering_letter_and_the_report_it_sends() -> None:
    """关于报送…的函 / its text / 附件 / the report's own title: the title is the report's; the
    letter's number, sender and date stay."""
    text = (
        "汀岚县人民政府\n汀政函〔2025〕58号\n"
        "汀岚县人民政府关于报送省生态环境保护督察反馈意见整改进展情况的函\n"
        "市督察整改办：\n现将我县督察整改进展情况报送你们，请审阅。\n"
        "附件：汀岚县关于省生态环境保护督察反馈意见整改进展情况的报告\n"
        "汀岚县人民政府\n2025年8月26日\n"
        "附件\n汀岚县关于省生态环境保护督察反馈意见整改进展情况的报告\n"
        "2024年11月6日至12月6日，省第三生态环境保护督察组对我县开展了督察。\n"
        "一、反馈问题整改情况\n1.城区污水管网混接。整改进展：已完成。\n"
        "2.秸秆露天焚烧时有发生。整改进展：正在整改。\n"
    )
    meta = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt").metadata
    assert meta.title == "汀岚县关于省生态环境保护督察反馈意见整改进展情况的报告"
    assert (meta.issuer, meta.date, meta.document_number) == (
        "汀岚县人民政府",
        "2025-08-26",
        "汀政函〔2025〕58号",
    )


def test_two_signatories_over_one_date() -> None:
    """中共青禾县委员会 / 青禾县人民政府 / the date: both sign, set apart as joint titles' names."""
    text = (
        "青禾县关于省委第四巡视组巡视反馈意见整改进展情况的通报\n"
        "一、问题整改情况\n1.固定资产管理混乱。已完成整改。\n2.公务接待超标准。正在整改。\n"
        "中共青禾县委员会\n青禾县人民政府\n二○二五年九月三十日\n"
    )
    meta = rectpipe.parse_bytes(text.encode("utf-8"), name="a.txt").metadata
    assert (meta.issuer, meta.date) == ("中共青禾县委员会 青禾县人民政府", "2025-09-30")
    one = text.replace("中共青禾县委员会\n青禾县人民政府\n", "持续巩固整改成果。\n青禾县人民政府\n")
    assert (
        rectpipe.parse_bytes(one.encode("utf-8"), name="a.txt").metadata.issuer == "青禾县人民政府"
    )


def test_a_headline_with_its_label_in_traditional_characters() -> None:
    """A Hong Kong repost's headline element, named as nothing, with its 標題： label."""
    title = "中共柏川鎮委員會關於縣委第四巡察組巡察反饋意見整改進展情況的通報"
    report = _page(f'<div class="tt">標題：{title}</div>')
    assert report.metadata.title is not None
    assert report.metadata.title.endswith("整改进展情况的通报")
