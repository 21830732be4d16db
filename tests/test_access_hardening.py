"""Real use must not break it: who sees which orders and complaints, links that do not
trust the Host header, pages that render with real data, one Beijing clock, sessions and
credentials."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest

from marketplace.accounts import services as accounts
from marketplace.accounts.models import OutboxEmail, Role, SecurityEvent, User
from marketplace.complaints import services as complaints
from marketplace.orders import services as orders
from marketplace.orders.models import Notification, Order
from tests.accounts_helpers import make_user, sign_in
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

D = dt.date


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def _hengyuan_order(world: OrderWorld, key: str) -> Order:
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.lightning_check.id,
        project_name="厂区防雷检测",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key=key,
    )
    return placed.order


async def _what_they_see(client: httpx.AsyncClient, user: User) -> tuple[int, int, int, int]:
    """Orders and complaints listed to ``user``: web orders, web complaints, API, API."""
    browser = await _browser(client, user.email)
    token = (await accounts.create_api_token(user, name="ERP")).secret
    bearer = {"Authorization": f"Bearer {token}"}
    web_orders = len(re.findall(r'href="[^"]*/orders/[0-9]+"', (await browser.get("/orders")).text))
    web_complaints = len(
        re.findall(r'href="[^"]*/complaints/[0-9]+"', (await browser.get("/complaints")).text)
    )
    api_orders = (await client.get("/api/v1/orders", headers=bearer)).json()["orders"]
    api_complaints = (await client.get("/api/v1/complaints", headers=bearer)).json()
    return web_orders, web_complaints, len(api_orders), len(api_complaints["complaints"])


# --- 0. who sees which orders ----------------------------------------------------------


async def test_ex_agency_staff_sees_none_of_the_agencys_orders_on_web_and_api(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: an enterprise user who was also staff of 衡远, and an order and complaint of 衡远
    insider = await make_user("insider@example.com", Role.ENTERPRISE, name="内部人")
    await accounts.set_roles(
        insider, {Role.ENTERPRISE, Role.AGENCY}, agency=world.catalogue.hengyuan, actor=world.admin
    )
    order = await _hengyuan_order(world, "order-key-01")
    await complaints.lodge(
        actor=await as_current(world.enterprise),
        topic="fees",
        description="收费超出标准",
        idempotency_key="complaint-01",
        order_id=order.id,
        on=D(2026, 9, 30),
    )
    insider = await User.get(id=insider.id)
    while_staff = await _what_they_see(client, insider)

    # when: the office takes the agency role away
    await accounts.set_roles(insider, {Role.ENTERPRISE}, actor=world.admin)
    insider = await User.get(id=insider.id)

    # then: nothing of 衡远 is listed anywhere, and the link to the agency is gone
    assert while_staff == (1, 1, 1, 1)
    assert insider.agency_id is None
    assert await _what_they_see(client, insider) == (0, 0, 0, 0)


async def test_a_stale_agency_link_without_the_role_widens_nothing(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: data from before revocation unlinked users (the migration clears it too)
    insider = await make_user("insider@example.com", Role.ENTERPRISE, name="内部人")
    await User.filter(id=insider.id).update(agency_id=world.catalogue.hengyuan.id)
    await _hengyuan_order(world, "order-key-02")

    seen = await _what_they_see(client, await User.get(id=insider.id))

    assert seen == (0, 0, 0, 0)


async def test_the_buyer_and_the_agency_still_see_their_order(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await _hengyuan_order(world, "order-key-03")

    buyer = await _what_they_see(client, world.enterprise)
    agency = await _what_they_see(client, world.hengyuan_staff)
    other_agency = await _what_they_see(client, world.qinghe_staff)

    assert (buyer, agency, other_agency) == ((1, 0, 1, 0), (1, 0, 1, 0), (0, 0, 0, 0))


# --- 2. the notifications page ----------------------------------------------------------


async def test_notifications_render_order_notices_and_notices_missing_their_params(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: the agency accepted an order (a notice to the buyer), and an older notice
    # whose params lack the number its message names
    order = await _hengyuan_order(world, "order-key-04")
    await orders.transition(
        order.id, "accept", actor=await as_current(world.hengyuan_staff), on=D(2026, 9, 1)
    )
    await Notification.create(
        user=world.enterprise,
        order=order,
        message="Order %(number)s was accepted; the clock has started.",
        params={},
    )
    buyer = await _browser(client, world.enterprise.email)
    agency = await _browser(client, world.hengyuan_staff.email)

    # when
    page = await buyer.get("/notifications")
    agency_page = await agency.get("/notifications")

    # then
    items = re.findall(r'<a href="([^"]+)">([^<]+)</a></li>', page.text)
    assert page.status_code == 200 and agency_page.status_code == 200
    assert items == [
        (f"/orders/{order.id}", "订单 … 已受理，开始计时。"),
        (f"/orders/{order.id}", f"订单 {order.number} 已受理，开始计时。"),
    ]


# --- 3. back-office lists past one page ------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/backoffice/users", "/backoffice/outbox", "/backoffice/security-log"]
)
async def test_back_office_lists_of_51_rows_have_a_second_page(
    client: httpx.AsyncClient, db: str, path: str
) -> None:
    admin = await make_user("admin@example.com", Role.ADMIN, name="管理员")
    await User.bulk_create(
        [User(email=f"u{i}@example.com", name=f"用户{i}", password_hash="x") for i in range(50)]
    )
    await OutboxEmail.bulk_create(
        [OutboxEmail(to=f"u{i}@example.com", subject="s", body="b") for i in range(51)]
    )
    await SecurityEvent.bulk_create(
        [SecurityEvent(kind="login_failed", user=admin, ip="10.0.0.1") for i in range(51)]
    )
    office = await _browser(client, admin.email)

    first = await office.get(path)
    second = await office.get(path + "?page=2")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "第 1 页，共 2 页" in first.text and 'rel="next"' in first.text
    assert "第 2 页，共 2 页" in second.text and 'rel="prev"' in second.text


def test_every_macro_import_carries_the_context() -> None:
    """A macro imported without context has no ``request`` or ``url_for`` (a 500 on use)."""
    from marketplace.settings import BASE_DIR

    imports = [
        (path.relative_to(BASE_DIR).as_posix(), line.strip())
        for path in sorted((BASE_DIR / "templates").rglob("*.html"))
        for line in path.read_text().splitlines()
        if re.search(r"{%-?\s*(from|import)\s", line)
    ]

    assert len(imports) > 40
    assert [(p, line) for p, line in imports if "with context" not in line] == []
