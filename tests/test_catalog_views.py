"""Storefront pages on a small catalogue: content, languages, bad input and query counts."""

from __future__ import annotations

import html
import logging
import re

import httpx
import pytest

from tests.factories import SmallCatalogue


def _text(page: str) -> str:
    """The visible text of a page, whitespace collapsed, entities decoded."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


async def test_home_groups_categories_by_market_type_with_counts(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    response = await client.get("/")

    assert response.status_code == 200
    assert response.headers["content-language"] == "zh-CN"
    text = _text(response.text)
    # an agency offering items in two categories counts once
    assert "3 个服务类别 · 2 家入驻中介机构" in text
    # competitive first, then monopoly, then recruited from outside
    assert (
        text.index("竞争性中介 · 择优进驻")
        < text.index("垄断性中介 · 必须进驻")
        < text.index("缺位中介 · 外来引进")
    )
    assert "环境影响评价 环评 2 家机构 · 2 项服务" in text
    assert "地震安全性评价 震评 0 家机构 · 0 项服务" in text


async def test_home_filters_categories_by_name_or_abbreviation(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    by_abbreviation = _text((await client.get("/", params={"q": "防雷检测"})).text)
    by_english = _text((await client.get("/", params={"q": "seismic"})).text)
    nothing = await client.get("/", params={"q": "<b>zzz</b>"})

    assert "防雷装置检测" in by_abbreviation and "环境影响评价" not in by_abbreviation
    assert "地震安全性评价" in by_english and "防雷装置检测" not in by_english
    assert nothing.status_code == 200
    assert "没有与“<b>zzz</b>”匹配的服务类别。" in _text(nothing.text)
    assert "&lt;b&gt;zzz&lt;/b&gt;" in nothing.text  # escaped, never markup


async def test_language_switch_sets_a_cookie_that_later_pages_follow(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    switched = await client.get("/", params={"lang": "en"})
    assert switched.headers["content-language"] == "en"
    assert "lang=en" in switched.headers["set-cookie"]
    assert "3 service categories · 2 admitted agencies" in _text(switched.text)
    assert '<html lang="en">' in switched.text

    # the cookie is kept by the client: the next page is English without the parameter
    later = await client.get(f"/categories/{catalogue.eia.code}")
    assert "Service items" in _text(later.text)
    # and the switcher links back to Chinese on the same page
    assert f'href="/categories/{catalogue.eia.code}?lang=zh"' in later.text


async def test_category_page_lists_published_items_of_admitted_agencies(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    text = _text((await client.get("/categories/EIA")).text)

    assert "设定依据 《中华人民共和国环境影响评价法》第十六条" in text
    assert "入驻名额 3 家机构" in text
    assert (
        "环境影响报告表编制 盐城青禾环境咨询有限公司 本地机构 15 个工作日 ¥25,000 / 每份报告"
        in text
    )
    assert (
        "环境影响报告书编制 南京衡远工程技术有限公司 外地机构 · 南京市 "
        "40 个工作日 按项目总投资分档累进" in text
    )
    assert "未发布的草稿" not in text
    assert "停业机构的项目" not in text


async def test_agency_page_shows_qualifications_with_expiry(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    text = _text((await client.get(f"/agencies/{catalogue.qinghe.id}")).text)

    assert f"统一社会信用代码 {catalogue.qinghe.credit_code}" in text
    assert "择优遴选进驻" in text
    assert "环境影响评价信用平台备案 — HP-001 江苏省生态环境厅 2028-06-30" in text
    assert "工程咨询单位资信 乙 ZX-002 中国工程咨询协会 2025-12-31 已过期" in text
    assert "环境影响报告表编制 环境影响评价 · 15 个工作日" in text


async def test_service_page_estimates_the_fee_from_the_base_entered(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    url = f"/services/{catalogue.report_book.id}"

    blank = _text((await client.get(url)).text)
    estimated = _text((await client.get(url, params={"base": "10000"})).text)

    assert "收费依据 市场调节价" in blank
    assert "估算费用" not in blank
    assert "估算费用区间 ¥117,000 – ¥130,000" in estimated
    assert "0 – 3000 0.2% 3000 – 20000 0.1% 20000 以上 0.05%" in estimated
    assert "第 1 版，2026-03-16 发布" in estimated


async def test_service_page_refuses_a_bad_base_with_a_clear_message(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    url = f"/services/{catalogue.report_book.id}"

    response = await client.get(url, params={"base": '"><script>alert(1)</script>'})

    assert response.status_code == 422
    assert "不是有效的数字。" in _text(response.text)
    assert "<script>alert(1)</script>" not in response.text
    assert 'aria-invalid="true"' in response.text


async def test_fixed_fee_needs_no_base(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    text = _text((await client.get(f"/services/{catalogue.report_form.id}")).text)

    assert "该项收费不需要计费基数。" in text
    assert "估算费用 ¥25,000" in text


@pytest.mark.parametrize(
    "path",
    ["/categories/NOPE", "/agencies/abc", "/agencies/0", "/services/99999999999", "/nowhere"],
)
async def test_missing_pages_are_404s_in_the_users_language(
    client: httpx.AsyncClient, catalogue: SmallCatalogue, path: str
) -> None:
    response = await client.get(path)

    assert response.status_code == 404
    assert "该页面不存在。" in _text(response.text)


async def test_hidden_items_and_agencies_are_not_shown(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    for path in [
        f"/services/{catalogue.draft.id}",
        f"/services/{catalogue.hidden.id}",
        f"/agencies/{catalogue.suspended.id}",
    ]:
        assert (await client.get(path)).status_code == 404, path


async def test_pages_carry_security_headers(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    response = await client.get("/")

    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.queries: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.queries.append(record.getMessage())


@pytest.mark.parametrize(
    ("page", "expected_queries"),
    # category: the category, its counts, a page of items, the approval items it serves;
    # service: one of them the approval items the category serves
    [("home", 3), ("category", 4), ("agency", 8), ("service", 7), ("version", 1)],
)
async def test_pages_take_a_fixed_handful_of_queries_on_the_full_demo_catalogue(
    demo_client: httpx.AsyncClient, page: str, expected_queries: int
) -> None:
    from marketplace.catalog.models import Agency, Category, ServiceItem, ServiceItemVersion

    # the busiest rows of the demo catalogue: any N+1 would multiply here
    category = await Category.filter(code="EIA").first()
    agency = await Agency.all().order_by("id").first()
    item = await ServiceItem.all().order_by("id").first()
    version = await ServiceItemVersion.all().order_by("id").first()
    assert category and agency and item and version
    path = {
        "home": "/",
        "category": f"/categories/{category.code}",
        "agency": f"/agencies/{agency.id}",
        "service": f"/services/{item.id}?base=1000",
        "version": f"/services/versions/{version.id}",
    }[page]
    logger = logging.getLogger("tortoise.db_client")
    counter = _QueryCounter()
    logger.addHandler(counter)
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        response = await demo_client.get(path)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous_level)

    assert response.status_code == 200
    assert len(counter.queries) == expected_queries, counter.queries


async def test_demo_home_counts_every_admitted_agency_once(demo_client: httpx.AsyncClient) -> None:
    text = _text((await demo_client.get("/")).text)

    assert "20 个服务类别 · 40 家入驻中介机构" in text


async def test_pages_are_cached_briefly_and_forgotten_on_a_change(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    from marketplace.catalog import services

    first = _text((await client.get("/categories/EIA")).text)
    # a change made behind the services' back (another process) waits for the cache to expire
    item = catalogue.report_form
    await type(item).filter(id=item.id).update(title="改名的报告表")
    cached = _text((await client.get("/categories/EIA")).text)
    # a change made through the services is shown at once
    services.forget_cached_pages()
    fresh = _text((await client.get("/categories/EIA")).text)

    assert "环境影响报告表编制" in first
    assert "环境影响报告表编制" in cached and "改名的报告表" not in cached
    assert "改名的报告表" in fresh
