"""Credit records: public on the profile; a suspending violation takes the agency's
listings out of the storefront, search and ordering until it ends."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from marketplace.catalog.models import Agency
from marketplace.credit import services
from marketplace.credit.models import CreditRecord
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.services import OrderRefused
from marketplace.orders.tasks import sweep_orders
from tests.catalogue_text import text_of
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

D = dt.date


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def test_a_suspending_violation_hides_the_listings_until_it_ends(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    hengyuan = world.catalogue.hengyuan
    today = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()

    record = await services.record(
        hengyuan,
        actor=await as_current(world.admin),
        reason="improper_fee",
        description="超标准收取检测费",
        evidence="投诉材料",
        occurred_on=str(today),
        today=today,
    )

    assert (record.points, record.suspended_until) == (-10, today + dt.timedelta(days=29))
    category = text_of((await client.get("/categories/EIA")).text)
    assert "南京衡远工程技术有限公司" not in category  # out of the storefront
    found = (await client.get("/api/v1/search", params={"q": "防雷装置定期检测"})).json()
    assert found["total"] == 0  # out of search
    with pytest.raises(OrderRefused):  # and cannot be ordered
        await orders.place_order(
            user=await as_current(world.enterprise),
            item_id=world.catalogue.lightning_check.id,
            project_name="p",
            project_code=PROJECT_CODE,
            base="10",
            note="",
            idempotency_key="credit-key-01",
        )
    profile = text_of((await client.get(f"/agencies/{hengyuan.id}")).text)
    assert "信用分：90" in profile
    assert "违规收费 (-10): 超标准收取检测费" in profile

    # the day after the suspension ends, the sweep brings the listings back
    done = await sweep_orders({}, on=str(today + dt.timedelta(days=30)))
    assert done["reinstated"] == 1
    assert (await Agency.get(id=hengyuan.id)).orders_suspended_until is None
    found = (await client.get("/api/v1/search", params={"q": "防雷装置定期检测"})).json()
    assert [hit["id"] for hit in found["hits"]] == [world.catalogue.lightning_check.id]


async def test_a_commendation_adds_points_and_suspends_nothing(world: OrderWorld) -> None:
    today = D(2026, 11, 25)

    record = await services.record(
        world.catalogue.qinghe,
        actor=await as_current(world.admin),
        reason="commendation",
        description="年度优秀中介机构",
        evidence="",
        occurred_on="2026-11-20",
        today=today,
    )

    assert (record.kind, record.points, record.suspended_until) == ("commendation", 5, None)
    assert (await Agency.get(id=world.catalogue.qinghe.id)).orders_suspended_until is None


async def test_only_administrators_record_and_bad_input_changes_nothing(world: OrderWorld) -> None:
    today = D(2026, 11, 25)

    with pytest.raises(OrderRefused):
        await services.record(
            world.catalogue.qinghe,
            actor=await as_current(world.qinghe_staff),
            reason="commendation",
            description="自夸",
            evidence="",
            occurred_on="2026-11-20",
            today=today,
        )
    with pytest.raises(FormError) as refused:
        await services.record(
            world.catalogue.qinghe,
            actor=await as_current(world.admin),
            reason="teleport",
            description="",
            evidence="",
            occurred_on="2026-12-01",
            today=today,
        )

    assert sorted(refused.value.errors) == ["description", "occurred_on", "reason"]
    assert await CreditRecord.all().count() == 0
