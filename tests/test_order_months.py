"""The statistics' kept monthly rows always equal a recomputation from the orders.

The seeded random histories of the promise aggregates' test (placements, acceptances,
pauses, deliveries across months, send-backs, complaints cancelling delivered orders,
confirmations, ratings, hidden comments) are played through the services; afterwards the
``OrderMonth`` rows the dashboard reads must equal the figures counted independently the
old way (every order read, its clock run, every rating read), the rebuild (``recount``,
the migration's backfill) must give the same rows, and the dashboard must show them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from marketplace.catalog.models import ServiceItem
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import BEIJING
from marketplace.orders import monthly
from marketplace.orders import services as orders
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, OrderMonth, OrderState
from marketplace.ratings.models import DIMENSIONS, Rating
from marketplace.statistics import services
from marketplace.statistics.services import Month, Period, Share
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_promise_aggregates import _play

Rows = dict[tuple[int, int], dict[str, int]]  # (category id, month) → figure → amount


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


def _month(moment: dt.datetime | dt.date) -> int:
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(BEIJING)
    return moment.year * 100 + moment.month


async def _recomputed() -> Rows:
    """The old way: every order and rating read, the clock run over each delivery."""
    categories = dict(await ServiceItem.all().values_list("id", "category_id"))
    calendar = await load_calendar()
    rows: Rows = defaultdict(lambda: defaultdict(int))
    for order in await Order.all():
        placed = rows[(categories[order.item_id], _month(order.created_at))]
        placed["placed"] += 1
        if order.state in (
            OrderState.COMPLETED,
            OrderState.RATED,
            OrderState.DECLINED,
            OrderState.CANCELLED,
        ):
            placed["ended"] += 1
            placed["completed"] += order.state in (OrderState.COMPLETED, OrderState.RATED)
        if order.delivered_on and order.accepted_on and order.deadline:
            clock = clock_of(order, calendar, order.delivered_on)
            delivered = rows[(categories[order.item_id], _month(order.delivered_on))]
            delivered["delivered"] += 1
            delivered["on_time"] += bool(clock.on_time)
            delivered["days_used"] += clock.days_used
            delivered["days_committed"] += order.time_limit_days
    for rating in await Rating.all():
        given = rows[(categories[rating.item_id], _month(rating.created_at))]
        given["ratings"] += 1
        given["rating_points"] += sum(getattr(rating, d) for d in DIMENSIONS)
    return _nonzero(rows)


async def _kept() -> Rows:
    """The kept rows, each category's month summed over its shards."""
    rows: Rows = defaultdict(lambda: defaultdict(int))
    for row in await OrderMonth.all():
        for f in monthly.FIGURES:
            rows[(row.category_id, row.month)][f] += getattr(row, f)
    return _nonzero(rows)


def _nonzero(rows: Rows) -> Rows:
    kept = {key: {f: int(n) for f, n in figures.items() if n} for key, figures in rows.items()}
    return {key: figures for key, figures in kept.items() if figures}


@pytest.mark.parametrize("seed", [7, 2026])
async def test_kept_months_equal_a_recomputation_after_any_history(
    world: OrderWorld, seed: int
) -> None:
    # given a random history played through the services
    await _play(world, random.Random(seed), orders_n=40)

    # then the kept rows equal the orders and ratings counted one by one
    recomputed = await _recomputed()
    kept = await _kept()
    assert kept == recomputed
    # deliveries fell in more than one month, and something of each kind was counted
    assert len({month for _, month in kept}) >= 2
    assert {f for figures in kept.values() for f in figures} == set(monthly.FIGURES)

    # and the rebuild (the migration's backfill does the same) changes nothing
    await monthly.recount()
    assert await _kept() == recomputed


async def test_the_dashboard_shows_the_kept_months(world: OrderWorld) -> None:
    # given a history played through the services
    await _play(world, random.Random(7), orders_n=40)
    recomputed = await _recomputed()
    months = sorted({month for _, month in recomputed})
    first, last = months[0], months[-1]
    period = Period(Month(first // 100, first % 100), Month(last // 100, last % 100))

    stats = await services.dashboard(period=period)

    # then every figure is the sum of the recomputed months
    def total(figure: str) -> int:
        return sum(figures.get(figure, 0) for figures in recomputed.values())

    assert stats.overall.placed == total("placed") == 40
    assert stats.overall.completion == Share(total("completed"), total("ended"))
    assert stats.overall.on_time == Share(total("on_time"), total("delivered"))
    assert (stats.overall.ratings, stats.overall.rating_points) == (
        total("ratings"),
        total("rating_points"),
    )
    assert stats.working_days_overall.delivered == total("delivered")
    assert stats.working_days_overall.days_used == total("days_used")
    assert stats.working_days_overall.days_committed == total("days_committed")
    assert sum(stats.monthly.totals) == 40


async def test_a_categorys_month_is_the_sum_of_its_shards(world: OrderWorld) -> None:
    # given two orders of one item placed one after the other (consecutive ids)
    buyer = await as_current(world.enterprise)
    item = world.catalogue.lightning_check
    placed = [
        (
            await orders.place_order(
                user=buyer,
                item_id=item.id,
                project_name=f"项目{n}",
                project_code=PROJECT_CODE,
                base="10",
                note="",
                idempotency_key=f"shards-{n:04d}",
            )
        ).order
        for n in range(2)
    ]
    month = monthly.month_of(placed[0].created_at)
    assert monthly.month_of(placed[1].created_at) == month

    # then each was counted in its own shard's row of the category's month
    rows = await OrderMonth.filter(category_id=item.category_id).order_by("shard")
    assert [(r.month, r.shard, r.placed) for r in rows] == sorted(
        (month, o.id % monthly.SHARDS, 1) for o in placed
    )
    assert len({r.shard for r in rows}) == 2

    # and the dashboard adds them up, as it does the recount's single row
    period = Period(Month(month // 100, month % 100), Month(month // 100, month % 100))
    for _ in ("kept", "recounted"):
        stats = await services.dashboard(period=period)
        assert stats.overall.placed == 2
        assert stats.monthly.totals == (2,)
        (series,) = stats.monthly.by_category
        assert (series.category.id if series.category else None, series.counts) == (
            item.category_id,
            (2,),
        )
        await monthly.recount()
        assert [
            (r.month, r.shard, r.placed)
            for r in await OrderMonth.filter(category_id=item.category_id)
        ] == [(month, 0, 2)]
