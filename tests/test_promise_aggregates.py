"""The stored promise and rating aggregates always equal a recount from the orders.

A seeded random history of placements, acceptances, pauses, deliveries, send-backs,
complaints (some ending in cancellation after delivery), confirmations, ratings and hidden
comments is played through the services; afterwards the rows the profile pages read
(``PromiseBucket``, ``RatingStat``) must equal what the orders and ratings themselves say,
counted independently the old way (the clock run over every delivered order), and the
published figures must be those of that recount.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
from collections import Counter, defaultdict

import pytest

from marketplace.complaints import services as complaints
from marketplace.core.calendar import load_calendar
from marketplace.core.uploads import StoredFile
from marketplace.orders import services as orders
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, PromiseBucket
from marketplace.orders.promise import recount
from marketplace.ratings import services as ratings
from marketplace.ratings.models import DIMENSIONS, Rating, RatingStat, star_of
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

_FILE = [StoredFile("r.pdf", "application/pdf", 10, "0" * 64)]
_START = dt.date(2026, 9, 1)


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _play(world: OrderWorld, rng: random.Random, orders_n: int) -> None:
    buyer = await as_current(world.enterprise)
    admin = await as_current(world.admin)
    items = [
        (world.catalogue.lightning_check.id, await as_current(world.hengyuan_staff)),
        (world.catalogue.report_form.id, await as_current(world.qinghe_staff)),
    ]
    for n in range(orders_n):
        item_id, agency = rng.choice(items)
        day = _START + dt.timedelta(days=rng.randrange(0, 40))

        def later(days: int) -> dt.date:
            nonlocal day
            day += dt.timedelta(days=days)
            return day

        placed = await orders.place_order(
            user=buyer,
            item_id=item_id,
            project_name=f"项目{n}",
            project_code=PROJECT_CODE,
            base="10",
            note="",
            idempotency_key=f"aggregate-{n:04d}",
        )
        order_id = placed.order.id
        if rng.random() < 0.1:
            continue  # left placed
        await orders.transition(order_id, "accept", actor=agency, on=day)
        if rng.random() < 0.3:
            await orders.transition(
                order_id, "pause", actor=agency, reason="待补正", on=later(rng.randrange(1, 5))
            )
            await orders.transition(order_id, "resume", actor=agency, on=later(rng.randrange(1, 8)))
        await orders.transition(
            order_id, "deliver", actor=agency, on=later(rng.randrange(1, 14)), files=_FILE
        )
        if rng.random() < 0.25:  # sent back, delivered again later
            await orders.transition(order_id, "send_back", actor=buyer, reason="补充", on=day)
            await orders.transition(
                order_id, "deliver", actor=agency, on=later(rng.randrange(1, 6)), files=_FILE
            )
        if rng.random() < 0.15:  # a complaint about the delivery, ending in cancellation
            complaint = await complaints.lodge(
                actor=buyer,
                topic="quality",
                description="报告质量不合格",
                idempotency_key=f"complaint-{n:04d}",
                order_id=order_id,
                on=day,
            )
            await complaints.answer(
                complaint.id, actor=admin, text="经核查，取消订单", outcome="cancel", on=day
            )
            continue
        await orders.transition(order_id, "confirm", actor=buyer, on=later(1))
        if rng.random() < 0.8:
            rating = await ratings.rate_order(
                order_id,
                actor=buyer,
                scores={d: rng.randint(1, 5) for d in DIMENSIONS},
                comment="评价",
                today=later(1),
            )
            if rng.random() < 0.2:
                await ratings.hide_comment(rating, actor=admin, reason="含个人信息")


async def _recounted_buckets() -> Counter[tuple[str, int, int, bool]]:
    """The old way: the clock over every delivered order."""
    calendar = await load_calendar()
    counts: Counter[tuple[str, int, int, bool]] = Counter()
    for order in await Order.filter(delivered_on__isnull=False, accepted_on__isnull=False):
        clock = clock_of(order, calendar, order.delivered_on or dt.date.min)
        for scope, scope_id in (("agency", order.agency_id), ("item", order.item_id)):
            counts[(scope, scope_id, clock.days_used, bool(clock.on_time))] += 1
    return counts


async def _stored_buckets() -> Counter[tuple[str, int, int, bool]]:
    rows = await PromiseBucket.all().values_list(
        "scope", "scope_id", "days_used", "on_time", "orders"
    )
    return Counter({(s, i, d, bool(k)): n for s, i, d, k, n in rows if n})


async def _stored_stats() -> dict[tuple[str, int], dict[str, int]]:
    fields = ["ratings", *DIMENSIONS, *(f"stars_{n}" for n in range(1, 6))]
    return {
        (s.scope, s.scope_id): {f: getattr(s, f) for f in fields} for s in await RatingStat.all()
    }


async def _recounted_stats() -> dict[tuple[str, int], dict[str, int]]:
    fields = ["ratings", *DIMENSIONS, *(f"stars_{n}" for n in range(1, 6))]
    sums: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: dict.fromkeys(fields, 0))
    for r in await Rating.all():
        total = sum(getattr(r, d) for d in DIMENSIONS)
        for key in (("agency", r.agency_id), ("item", r.item_id)):
            sums[key]["ratings"] += 1
            sums[key][f"stars_{star_of(total)}"] += 1
            for d in DIMENSIONS:
                sums[key][d] += getattr(r, d)
    return dict(sums)


@pytest.mark.parametrize("seed", [7, 2026])
async def test_aggregates_equal_a_recount_after_any_history(world: OrderWorld, seed: int) -> None:
    # given a random history played through the services
    await _play(world, random.Random(seed), orders_n=40)

    # then the stored rows equal the recount from the orders and ratings
    recounted = await _recounted_buckets()
    assert await _stored_buckets() == recounted
    assert await _stored_stats() == await _recounted_stats()

    # and the published promise is that of the recount
    calendar = await load_calendar()
    agency_id = world.catalogue.hengyuan.id
    delivered = [
        clock_of(o, calendar, o.delivered_on or dt.date.min)
        for o in await Order.filter(
            agency_id=agency_id, delivered_on__isnull=False, accepted_on__isnull=False
        )
    ]
    promise = await ratings.promise_of(agency_id=agency_id)
    assert promise.delivered == len(delivered)
    assert promise.on_time == sum(1 for c in delivered if c.on_time)
    assert promise.median_days_used == float(statistics.median(c.days_used for c in delivered))

    # and the rebuild (the migration's backfill does the same) changes nothing
    await recount()
    await ratings.recount_ratings()
    assert await _stored_buckets() == recounted
    assert await _stored_stats() == await _recounted_stats()


async def test_a_send_back_takes_the_delivery_off_again(world: OrderWorld) -> None:
    buyer = await as_current(world.enterprise)
    agency = await as_current(world.hengyuan_staff)
    placed = await orders.place_order(
        user=buyer,
        item_id=world.catalogue.lightning_check.id,
        project_name="项目",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key="send-back-0001",
    )
    order_id = placed.order.id
    await orders.transition(order_id, "accept", actor=agency, on=dt.date(2026, 9, 1))
    await orders.transition(order_id, "deliver", actor=agency, on=dt.date(2026, 9, 3), files=_FILE)
    delivered = await ratings.promise_of(item_id=world.catalogue.lightning_check.id)

    await orders.transition(
        order_id, "send_back", actor=buyer, reason="缺页", on=dt.date(2026, 9, 4)
    )
    sent_back = await ratings.promise_of(item_id=world.catalogue.lightning_check.id)
    order = await Order.get(id=order_id)

    assert (delivered.delivered, delivered.on_time, delivered.median_days_used) == (1, 1, 2.0)
    assert (sent_back.delivered, sent_back.on_time, sent_back.median_days_used) == (0, 0, None)
    assert (order.days_used, order.on_time) == (None, None)
