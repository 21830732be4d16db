"""Approval items (审批事项): categories serve them, orders record the one they are for,
and a service the approving department commissions at public cost cannot be ordered.

The world: the small catalogue, with EIA serving two approval items of the ecology and
environment bureau and LPT (lightning testing) serving one of the housing bureau.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from marketplace.accounts import services as account_services
from marketplace.catalog import services as catalog
from marketplace.catalog.models import ApprovalItem, Category, CommissionedBy
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.models import Order
from marketplace.orders.services import OrderRefused
from tests.accounts_helpers import csrf_token, sign_in
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_catalog_views import _text

REFUSAL_EN = (
    "The approving department commissions this service itself, at public cost: "
    "enterprises do not order it."
)
REFUSAL_ZH = "此项中介服务由审批部门委托并以财政资金支付，企业无需也不能下单。"


@dataclass
class World:
    orders: OrderWorld
    report: ApprovalItem  # EIA: 报告书审批
    form: ApprovalItem  # EIA: 报告表审批
    completion: ApprovalItem  # LPT: 竣工验收备案


@pytest.fixture
async def world(db: str) -> World:
    w = await order_world()
    report = await catalog.create_approval_item(
        code="EIA-BOOK",
        name="建设项目环境影响报告书审批",
        department="市生态环境局",
        legal_basis="《中华人民共和国环境影响评价法》第二十二条",
        position=1,
    )
    form = await catalog.create_approval_item(
        code="EIA-FORM",
        name="建设项目环境影响报告表审批",
        department="市生态环境局",
        legal_basis="《中华人民共和国环境影响评价法》第二十二条",
        position=0,
    )
    completion = await catalog.create_approval_item(
        code="LPT-ACCEPT",
        name="房屋建筑和市政基础设施工程竣工验收备案",
        department="市住房和城乡建设局",
        legal_basis="《建设工程质量管理条例》第四十九条",
    )
    await catalog.link_approval_items(w.catalogue.eia, [report, form])
    await catalog.link_approval_items(w.catalogue.lightning, [completion])
    return World(w, report, form, completion)


async def _department_commissions_lightning(world: World) -> None:
    await Category.filter(id=world.orders.catalogue.lightning.id).update(
        commissioned_by=CommissionedBy.APPROVING_DEPARTMENT
    )


async def _place(world: World, *, item_id: int, approval_item_id: int | None, key: str) -> Order:
    placed = await orders.place_order(
        user=await as_current(world.orders.enterprise),
        item_id=item_id,
        project_name="沿海风电配套项目",
        project_code=PROJECT_CODE,
        base="10" if item_id == world.orders.catalogue.lightning_check.id else None,
        note="",
        idempotency_key=key,
        approval_item_id=approval_item_id,
    )
    return placed.order


# --- the services ----------------------------------------------------------------------


async def test_categories_list_their_approval_items_in_display_order(world: World) -> None:
    c = world.orders.catalogue

    found = await catalog.approval_items_by_category([c.eia.id, c.lightning.id, c.seismic.id])

    assert {k: [a.code for a in v] for k, v in found.items()} == {
        c.eia.id: ["EIA-FORM", "EIA-BOOK"],
        c.lightning.id: ["LPT-ACCEPT"],
        c.seismic.id: [],
    }


async def test_an_order_records_the_approval_item_it_is_for(world: World) -> None:
    c = world.orders.catalogue

    stated = await _place(
        world, item_id=c.report_form.id, approval_item_id=world.form.id, key="ai-1-000"
    )
    unstated = await _place(world, item_id=c.report_form.id, approval_item_id=None, key="ai-2-000")

    assert (await Order.get(id=stated.id)).approval_item_id == world.form.id
    assert (await Order.get(id=unstated.id)).approval_item_id is None


async def test_an_approval_item_of_another_category_is_refused(world: World) -> None:
    c = world.orders.catalogue

    with pytest.raises(FormError) as refused:
        await _place(
            world, item_id=c.report_form.id, approval_item_id=world.completion.id, key="ai-3-000"
        )

    assert list(refused.value.errors) == ["approval_item_id"]
    assert refused.value.errors["approval_item_id"].id == (
        "Choose one of the approval items this service serves."
    )
    assert await Order.all().count() == 0


async def test_a_service_the_department_commissions_cannot_be_ordered(world: World) -> None:
    await _department_commissions_lightning(world)

    with pytest.raises(OrderRefused) as refused:
        await _place(
            world,
            item_id=world.orders.catalogue.lightning_check.id,
            approval_item_id=None,
            key="ai-4-000",
        )

    assert refused.value.message.id == REFUSAL_EN
    assert await Order.all().count() == 0


# --- the pages -------------------------------------------------------------------------


async def _buyer(client: httpx.AsyncClient) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, "buyer@example.com")
    return browser


async def test_the_category_page_says_who_commissions_and_for_which_approvals(
    client: httpx.AsyncClient, world: World
) -> None:
    await _department_commissions_lightning(world)

    eia = _text((await client.get("/categories/EIA", params={"lang": "en"})).text)
    lpt = _text((await client.get("/categories/LPT", params={"lang": "en"})).text)

    assert "Commissioned by The applicant Applicant may prepare it itself No" in eia
    assert (
        "Approval items it serves 建设项目环境影响报告表审批 · 市生态环境局 "
        "《中华人民共和国环境影响评价法》第二十二条 建设项目环境影响报告书审批 · 市生态环境局"
    ) in eia
    assert (
        "Commissioned by The approving department, at public cost: enterprises do not order it"
    ) in lpt


async def test_the_order_form_offers_the_categorys_approval_items(
    client: httpx.AsyncClient, world: World
) -> None:
    c = world.orders.catalogue
    buyer = await _buyer(client)

    form = await buyer.get(f"/services/{c.report_form.id}/order", params={"lang": "en"})
    placed = await buyer.post(
        f"/services/{c.report_form.id}/order",
        data={
            "csrftoken": await csrf_token(buyer),
            "idempotency_key": "web-approval-0001",
            "project_name": "滨海港区码头工程",
            "project_code": PROJECT_CODE,
            "approval_item_id": str(world.report.id),
        },
    )
    wrong = await buyer.post(
        f"/services/{c.report_form.id}/order?lang=en",
        data={
            "csrftoken": await csrf_token(buyer),
            "idempotency_key": "web-approval-0002",
            "project_name": "滨海港区码头工程",
            "project_code": PROJECT_CODE,
            "approval_item_id": "x1",
        },
    )

    assert form.status_code == 200
    options = [f'<option value="{a.id}">' for a in (world.form, world.report)]
    assert form.text.index(options[0]) < form.text.index(options[1])
    assert "建设项目环境影响报告书审批（市生态环境局）" in _text(form.text)
    assert placed.status_code == 303
    assert (await Order.get()).approval_item_id == world.report.id
    detail = await buyer.get(placed.headers["location"], params={"lang": "en"})
    assert "Approval item this service is for 建设项目环境影响报告书审批（市生态环境局）" in _text(
        detail.text
    )
    assert wrong.status_code == 422
    assert "Choose one of the approval items this service serves." in _text(wrong.text)
    assert await Order.all().count() == 1


async def test_no_order_button_and_a_clear_refusal_for_department_commissioned_services(
    client: httpx.AsyncClient, world: World
) -> None:
    await _department_commissions_lightning(world)
    item_id = world.orders.catalogue.lightning_check.id
    buyer = await _buyer(client)

    listing = await buyer.get(f"/services/{item_id}")
    form = await buyer.get(f"/services/{item_id}/order")
    posted = await buyer.post(
        f"/services/{item_id}/order",
        data={
            "csrftoken": await csrf_token(buyer),
            "idempotency_key": "web-approval-0003",
            "project_name": "项目",
            "project_code": PROJECT_CODE,
            "base": "10",
        },
    )

    assert listing.status_code == 200
    assert f'href="/services/{item_id}/order"' not in listing.text
    assert REFUSAL_ZH in _text(listing.text)
    assert (form.status_code, posted.status_code) == (409, 409)
    assert REFUSAL_ZH in _text(form.text) and REFUSAL_ZH in _text(posted.text)
    assert '<form method="post" action="/services/' not in form.text
    assert await Order.all().count() == 0


# --- the API ---------------------------------------------------------------------------


async def test_the_api_takes_and_returns_the_approval_item(
    client: httpx.AsyncClient, world: World
) -> None:
    c = world.orders.catalogue
    token = (await account_services.create_api_token(world.orders.enterprise, name="ERP")).secret
    auth = {"Authorization": f"Bearer {token}"}
    body = {"item_id": c.report_form.id, "project_name": "ERP", "project_code": PROJECT_CODE}

    created = await client.post(
        "/api/v1/orders",
        json={**body, "approval_item_id": world.form.id},
        headers={**auth, "Idempotency-Key": "api-approval-1"},
    )
    foreign = await client.post(
        "/api/v1/orders",
        json={**body, "approval_item_id": world.completion.id},
        headers={**auth, "Idempotency-Key": "api-approval-2"},
    )
    typed = await client.post(
        "/api/v1/orders",
        json={**body, "approval_item_id": "1"},
        headers={**auth, "Idempotency-Key": "api-approval-3"},
    )
    await _department_commissions_lightning(world)
    refused = await client.post(
        "/api/v1/orders?lang=en",
        json={**body, "item_id": c.lightning_check.id, "base": "10"},
        headers={**auth, "Idempotency-Key": "api-approval-4"},
    )
    categories = (await client.get("/api/v1/categories")).json()["categories"]

    assert created.status_code == 201 and created.json()["approval_item_id"] == world.form.id
    assert foreign.status_code == 422 and foreign.json()["error"]["field"] == "approval_item_id"
    assert typed.status_code == 422 and typed.json()["error"]["field"] == "approval_item_id"
    assert refused.status_code == 409
    assert refused.json()["error"] == {"code": "refused", "message": REFUSAL_EN}
    assert await Order.all().count() == 1
    summary = {
        c["code"]: (
            c["commissioned_by"],
            c["self_prepare_allowed"],
            [a["code"] for a in c["approval_items"]],
        )
        for c in categories
    }
    assert summary == {
        "EIA": ("applicant", False, ["EIA-FORM", "EIA-BOOK"]),
        "LPT": ("approving_department", False, ["LPT-ACCEPT"]),
        "SSE": ("applicant", False, []),
    }
