"""The back-office home: every section, with what waits for the office."""

from __future__ import annotations

import datetime as dt

import httpx

from marketplace.complaints import services as complaints
from marketplace.orders import services as orders
from marketplace.statistics.overview import OfficeQueue, office_queue
from tests.accounts_helpers import sign_in
from tests.catalogue_text import text_of
from tests.order_helpers import PROJECT_CODE, as_current, order_world


async def test_the_home_counts_what_waits(client: httpx.AsyncClient) -> None:
    # given an order accepted on 1 September with a 5-working-day limit (due 8 September),
    # and a complaint about another order, received on 1 September (due 9 September)
    world = await order_world()
    buyer = await as_current(world.enterprise)
    agency = await as_current(world.hengyuan_staff)
    placed = []
    for key in ("home-key-0001", "home-key-0002"):
        placed.append(
            await orders.place_order(
                user=buyer,
                item_id=world.catalogue.lightning_check.id,
                project_name="项目",
                project_code=PROJECT_CODE,
                base="10",
                note="",
                idempotency_key=key,
            )
        )
    await orders.transition(placed[0].order.id, "accept", actor=agency, on=dt.date(2026, 9, 1))
    await complaints.lodge(
        actor=buyer,
        topic="attitude",
        description="迟迟不受理",
        idempotency_key="home-complaint-1",
        order_id=placed[1].order.id,
        on=dt.date(2026, 9, 1),
    )

    # then, on 10 September, one order is overdue and the complaint past its due day
    queue = await office_queue(dt.date(2026, 9, 10))
    assert queue == OfficeQueue(
        applications_to_review=0,
        entry_checks_due=0,
        objections_to_decide=0,
        complaints_open=1,
        complaints_overdue=1,
        listings_to_approve=0,
        purchases_to_select=0,
        orders_overdue=1,
        orders_disputed=1,
    )

    # and the page says so (today, later still), with every section linked
    await sign_in(client, "admin@example.com")
    page = await client.get("/backoffice/")
    text = text_of(page.text)
    assert page.status_code == 200
    assert "1 件投诉待答复" in text and "其中 1 件已超期" in text
    assert "1 个订单已超期" in text and "1 个订单投诉处理中" in text
    for path in (
        "/backoffice/admission",
        "/backoffice/complaints",
        "/orders",
        "/backoffice/admission/agencies",
        "/backoffice/listings",
        "/backoffice/purchases",
        "/backoffice/credit",
        "/backoffice/holidays",
        "/backoffice/statistics",
        "/backoffice/users",
        "/backoffice/outbox",
        "/backoffice/security-log",
    ):
        assert f'{path}"><span class="category-name">' in page.text, path
