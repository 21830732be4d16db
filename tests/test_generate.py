"""The scale generator of ``benchmarks/generate.py`` writes rows the application agrees with."""

from __future__ import annotations

import datetime as dt

from benchmarks.generate import Sizes, generate
from marketplace.core.calendar import load_calendar
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, OrderState, PromiseBucket
from marketplace.orders.promise import recount
from marketplace.ratings.models import Rating, RatingStat
from marketplace.ratings.services import recount_ratings
from tests.conftest import MEDIA_DIR, init_orm
from tests.test_order_months import _kept, _recomputed

TODAY = dt.date(2026, 11, 30)
SIZES = Sizes(agencies=6, items=40, enterprises=8, orders=600, ratings=250, complaints=30)


async def _buckets() -> list[tuple[object, ...]]:
    rows = await PromiseBucket.all().values_list(
        "scope", "scope_id", "days_used", "on_time", "orders"
    )
    return sorted(rows)


async def _stats() -> list[tuple[object, ...]]:
    return sorted(
        await RatingStat.all().values_list("scope", "scope_id", "ratings", "quality", "stars_5")
    )


async def test_generated_orders_agree_with_the_clock_and_the_aggregates(db: str) -> None:
    # given a small generated marketplace
    counts = await generate(db, SIZES, seed=7, today=TODAY, media_dir=MEDIA_DIR)
    await init_orm(db)

    # then every delivered order's recorded clock is the one clock_of computes
    calendar = await load_calendar()
    delivered = await Order.filter(
        delivered_on__isnull=False, idempotency_key__startswith="generated-"
    )
    assert delivered
    for order in delivered:
        clock = clock_of(order, calendar, TODAY)
        assert (order.days_used, order.on_time) == (clock.days_used, clock.on_time), order.id
        assert order.deadline == clock.deadline and calendar.is_workday(order.deadline)
        assert calendar.is_workday(order.accepted_on)
    states = set(await Order.all().values_list("state", flat=True))
    assert {OrderState.COMPLETED, OrderState.RATED, OrderState.IN_SERVICE} <= states
    assert (
        counts["service_order"]
        == await Order.filter(idempotency_key__startswith="generated-").count()
    )
    assert counts["rating"] == await Rating.all().count()
    # and the aggregates are what a full recount rebuilds
    written = (await _buckets(), await _stats())
    await recount()
    await recount_ratings()
    assert (await _buckets(), await _stats()) == written
    # and the statistics' monthly rows are those of the orders and ratings, one by one
    assert await _kept() == await _recomputed()
