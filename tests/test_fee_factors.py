"""Adjustment factors from the estimator to the order: the quote uses the values the
enterprise chose and the order records them (issue 13), on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import httpx
import pytest

from marketplace.accounts import services as account_services
from marketplace.catalog import services as catalog
from marketplace.catalog.models import ServiceItem
from marketplace.catalog.price_documents import EIA_REPORT_BOOK
from marketplace.forms import FormError
from marketplace.orders import services
from marketplace.orders.models import Order, OrderEvent
from tests.accounts_helpers import csrf_token, sign_in
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_catalog_views import _text

# 5 亿元 lies between 2 亿 (15 万元) and 10 亿 (35 万元) in 计价格〔2002〕125号's table:
# 15 + 20 × 3/8 = 22.5 万元. Chemicals 1.2 × a sensitive area 1.2: 32.4 万元, and with the
# item's discount of up to 20 %: 25.92 万元. The defaults (1.0 × ordinary 0.8): 18 万元.
BASE = "50000"
CHOSEN = {"industry": "chemical", "sensitivity": "sensitive"}
FACTORED = (25_920_000, 32_400_000)
DEFAULT = (14_400_000, 18_000_000)


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _report_book(world: OrderWorld) -> ServiceItem:
    item = await catalog.create_service_item(
        agency=world.catalogue.hengyuan,
        category=world.catalogue.eia,
        title="环境影响报告书编制（125号）",
        scope="范围",
        content="内容",
        legal_basis="《中华人民共和国环境影响评价法》",
        fee_basis="实行市场调节价，参照计价格〔2002〕125号",
        fee_standard={**EIA_REPORT_BOOK, "floor_fen": 5_000_000, "discount_max_pct": "20"},
        time_limit_days=40,
    )
    await catalog.publish_service_item(item)
    return item


async def _place(world: OrderWorld, item: ServiceItem, **changes: object) -> Order:
    fields: dict = {
        "item_id": item.id,
        "project_name": "年产十万吨新材料项目",
        "project_code": PROJECT_CODE,
        "base": BASE,
        "note": "",
        "idempotency_key": "factor-key-0001",
        **changes,
    }
    placed = await services.place_order(user=await as_current(world.enterprise), **fields)
    return placed.order


async def test_an_order_placed_with_factors_has_the_factored_quote(world: OrderWorld) -> None:
    # given
    item = await _report_book(world)

    # when
    order = await _place(world, item, factors=CHOSEN)

    # then
    assert (order.quoted_low_fen, order.quoted_high_fen) == FACTORED
    stored = await Order.get(id=order.id)
    assert stored.fee_factors == {
        "industry": {
            "option": "chemical",
            "value": "1.2",
            "name": "行业调整系数",
            "label": "化工、冶金、有色、黄金、煤炭、矿产、纺织、化纤、轻工、医药、区域",
        },
        "sensitivity": {
            "option": "sensitive",
            "value": "1.2",
            "name": "环境敏感程度调整系数",
            "label": "敏感",
        },
    }
    event = await OrderEvent.get(order_id=order.id)
    assert event.detail["fee_factors"] == stored.fee_factors


async def test_an_order_without_factors_takes_and_records_the_defaults(world: OrderWorld) -> None:
    order = await _place(world, await _report_book(world))

    assert (order.quoted_low_fen, order.quoted_high_fen) == DEFAULT
    stored = await Order.get(id=order.id)
    assert {key: chosen["option"] for key, chosen in stored.fee_factors.items()} == {
        "industry": "general",
        "sensitivity": "ordinary",
    }


async def test_an_order_of_a_standard_without_factors_records_none(world: OrderWorld) -> None:
    placed = await services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_book.id,
        project_name="项目",
        project_code=PROJECT_CODE,
        base="10000",
        note="",
        idempotency_key="plain-key-0001",
    )
    assert (await Order.get(id=placed.order.id)).fee_factors == {}


async def test_an_unpublished_factor_value_is_refused_and_nothing_is_created(
    world: OrderWorld,
) -> None:
    item = await _report_book(world)

    with pytest.raises(FormError) as refused:
        await _place(world, item, factors={"sensitivity": "1.5"})
    with pytest.raises(FormError) as unknown:
        await _place(world, item, factors={"altitude": "from_2001"})

    assert refused.value.errors["factor_sensitivity"].id == (
        "Choose one of the published values of the adjustment factor."
    )
    assert unknown.value.errors["factor_altitude"].id == (
        "This fee standard has no adjustment factor “%(value)s”."
    )
    assert await Order.all().count() == 0


# --- over HTTP ---------------------------------------------------------------------------


async def test_the_estimator_offers_each_factor_and_quotes_the_chosen_values(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    item = await _report_book(world)
    url = f"/services/{item.id}"

    default = await client.get(url, params={"base": BASE})
    chosen = await client.get(
        url, params={"base": BASE, **{f"factor_{k}": v for k, v in CHOSEN.items()}}
    )
    wrong = await client.get(url, params={"base": BASE, "factor_sensitivity": "1.5"})

    assert default.status_code == 200
    assert "估算费用区间 ¥144,000 – ¥180,000" in _text(default.text)
    assert '<option value="ordinary" selected>一般 × 0.8</option>' in default.text
    assert chosen.status_code == 200
    text = _text(chosen.text)
    assert "估算费用区间 ¥259,200 – ¥324,000" in text
    assert '<option value="sensitive" selected>敏感 × 1.2</option>' in chosen.text
    # the published lists, the table and the document
    assert "环境敏感程度调整系数 适用范围 系数 敏感 × 1.2 一般 (默认) × 0.8" in text
    assert "价格文件 计价格〔2002〕125号" in text
    assert "¥1,100,000" in text  # the table's top, 110 万元
    # the order link carries the base and the chosen factors
    link = re.search(r'href="[^"]*(/services/\d+/order\?[^"]+)"', chosen.text)
    assert link is not None
    assert link.group(1).replace("&amp;", "&") == (
        f"/services/{item.id}/order?base={BASE}&factor_industry=chemical&factor_sensitivity=sensitive"
    )
    assert wrong.status_code == 422
    assert "请从公布的调整系数取值中选择一项。" in _text(wrong.text)


async def test_the_estimate_api_takes_the_factors(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    item = await _report_book(world)
    url = f"/api/v1/services/{item.id}/fee-estimate"

    body = (
        await client.get(
            url, params={"base": BASE, **{f"factor_{k}": v for k, v in CHOSEN.items()}}
        )
    ).json()
    wrong = await client.get(url, params={"base": BASE, "factor_industry": "steel"})

    assert (body["low_fen"], body["high_fen"]) == FACTORED
    assert body["factors"] == CHOSEN
    assert body["fee_type"] == "interpolated"
    assert wrong.status_code == 422
    assert wrong.json()["error"]["code"] == "factor_not_listed"


async def test_the_order_form_quotes_and_records_the_chosen_factors(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    item = await _report_book(world)
    buyer = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(buyer, "buyer@example.com")
    form = await buyer.get(
        f"/services/{item.id}/order?base={BASE}&factor_industry=chemical&factor_sensitivity=sensitive"
    )
    key = re.search(r'name="idempotency_key" value="([^"]+)"', form.text)
    assert form.status_code == 200 and key is not None
    assert '<option value="chemical" selected>' in form.text

    token = await csrf_token(buyer, "/orders")
    placed = await buyer.post(
        f"/services/{item.id}/order",
        data={
            "csrftoken": token,
            "project_name": "年产十万吨新材料项目",
            "project_code": PROJECT_CODE,
            "base": BASE,
            "factor_industry": "chemical",
            "factor_sensitivity": "sensitive",
            "idempotency_key": key.group(1),
        },
        files=[],
    )

    assert placed.status_code == 303
    order = await Order.get()
    assert (order.quoted_low_fen, order.quoted_high_fen) == FACTORED
    assert order.fee_factors["sensitivity"]["option"] == "sensitive"
    page = _text((await buyer.get(placed.headers["location"])).text)
    assert "报价 ¥259,200 – ¥324,000" in page
    assert "环境敏感程度调整系数 敏感 × 1.2" in page


async def test_the_order_api_takes_the_factors(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    item = await _report_book(world)
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "erp-factor-000001"}
    body = {
        "item_id": item.id,
        "project_name": "ERP 项目",
        "project_code": PROJECT_CODE,
        "base": BASE,
        "factors": CHOSEN,
    }

    created = await client.post("/api/v1/orders", json=body, headers=headers)
    malformed = await client.post(
        "/api/v1/orders",
        json={**body, "factors": ["chemical"]},
        headers={**headers, "Idempotency-Key": "erp-factor-000002"},
    )

    assert created.status_code == 201
    assert (created.json()["quoted_low_fen"], created.json()["quoted_high_fen"]) == FACTORED
    assert created.json()["fee_factors"] == CHOSEN
    assert malformed.status_code == 422
    assert await Order.all().count() == 1


async def test_search_shows_the_range_at_its_stated_base_never_below_the_minimum(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: two report books whose formula gives less than their ¥50,000 minimum at the
    # reference base of 1,000 万元 (a 10 % and a 20 % discount)
    await _report_book(world)

    # when
    page = _text((await client.get("/search", params={"q": "环境影响报告书", "sort": "fee"})).text)

    # then: the minimum is the lowest fee shown, with the base it was computed at
    assert page.count("¥50,000 （按 1000 万元 计）") == 2
    assert "¥45,000" not in page and "¥40,000" not in page
