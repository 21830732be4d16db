"""The statistics' monthly figures per category, kept as the orders change.

The dashboard (``statistics.services``) counts, per category and Beijing month: the
orders placed, of those the ended and the completed ones; the orders delivered (accepted
ones, with a deadline), of those the ones delivered by their deadline, their working days
used and their time limits; and the ratings given with their scores. Counting those from
the orders reads a third of a province's million orders for a year. Instead each change
adds its difference to ``OrderMonth`` rows in its own transaction:

- ``place_order`` adds the placement (``record_order(None, order)``);
- ``transition`` adds the difference between the order before and after (``record_order``):
  ending, completing, a dispute reopening an ended order, delivering, a send-back;
- ``rate_order`` adds the rating (``record_rating``).

An order counts in its item's category. A category's month is kept in up to ``SHARDS``
rows: each change adds to the row of its order's shard (``shard_of``, from the order's
id), which its transaction locks until it commits, so concurrent placements in one
category wait for one another only when they share a shard; every reader sums the shards
(the rows of one category and month are parts of one figure). ``recount`` rebuilds every
row from the orders and ratings with three grouped queries, into shard 0 (the migration's
backfill, the generator, repair after rows were edited by hand); the tests prove the kept
rows equal a recount after any sequence of changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from marketplace.catalog.models import ServiceItem
from marketplace.core.clock import BEIJING
from marketplace.orders.models import Order, OrderMonth, OrderState

__all__ = [
    "COMPLETED_STATES",
    "ENDED_STATES",
    "FIGURES",
    "SHARDS",
    "month_of",
    "order_figures",
    "record_order",
    "record_rating",
    "recount",
    "shard_of",
]

ENDED_STATES = frozenset(
    {OrderState.COMPLETED, OrderState.RATED, OrderState.DECLINED, OrderState.CANCELLED}
)
COMPLETED_STATES = frozenset({OrderState.COMPLETED, OrderState.RATED})
FIGURES = (
    "placed",
    "ended",
    "completed",
    "delivered",
    "on_time",
    "days_used",
    "days_committed",
    "ratings",
    "rating_points",
)
_RATING_DIMENSIONS = ("quality", "timeliness", "attitude", "fee_compliance", "conduct")

SHARDS = 8  # rows per category and month: placements in one category rarely share one

Figures = dict[tuple[int, str], int]  # (month, figure) → amount


def shard_of(order_id: int) -> int:
    """The shard of ``OrderMonth`` rows an order's changes add to."""
    return order_id % SHARDS


def month_of(moment: dt.datetime | dt.date) -> int:
    """The Beijing month of a moment or a day, as ``OrderMonth.month`` keys it (202603)."""
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(BEIJING)
    return moment.year * 100 + moment.month


def order_figures(order: Order) -> Figures:
    """What one order adds to the figures, by month: the dashboard's rules of counting."""
    figures: Figures = defaultdict(int)
    placed = month_of(order.created_at)
    figures[(placed, "placed")] += 1
    if order.state in ENDED_STATES:
        figures[(placed, "ended")] += 1
        if order.state in COMPLETED_STATES:
            figures[(placed, "completed")] += 1
    if (
        order.delivered_on is not None
        and order.accepted_on is not None
        and order.deadline is not None
    ):
        delivered = month_of(order.delivered_on)
        figures[(delivered, "delivered")] += 1
        figures[(delivered, "on_time")] += int(order.delivered_on <= order.deadline)
        figures[(delivered, "days_used")] += order.days_used or 0
        figures[(delivered, "days_committed")] += order.time_limit_days
    return figures


async def _add(category_id: int, month: int, shard: int, changes: Mapping[str, int]) -> None:
    """Add ``changes`` to one row (inside the caller's transaction)."""
    key = {"category_id": category_id, "month": month, "shard": shard}
    if await OrderMonth.filter(**key).update(
        **{name: F(name) + amount for name, amount in changes.items()}
    ):
        return
    try:
        # the shard's first change in its category's month: a savepoint, so losing the
        # race to another transaction's insert leaves this one usable
        async with in_transaction():
            row: dict[str, Any] = {**key, **changes}
            await OrderMonth.create(**row)
    except IntegrityError:
        await OrderMonth.filter(**key).update(
            **{name: F(name) + amount for name, amount in changes.items()}
        )


async def _apply(
    order_id: int, item_id: int, figures: Figures, category_id: int | None = None
) -> None:
    by_month: dict[int, dict[str, int]] = defaultdict(dict)
    for (month, name), amount in figures.items():
        if amount:
            by_month[month][name] = amount
    if not by_month:
        return
    if category_id is None:
        (category_id,) = await ServiceItem.get(id=item_id).values_list("category_id")
    for month, changes in sorted(by_month.items()):
        await _add(int(category_id), month, shard_of(order_id), changes)


async def record_order(
    before: Order | None, after: Order, *, category_id: int | None = None
) -> None:
    """Count the change from ``before`` (``None``: a new order) to ``after``, in the
    transaction that made it; ``category_id`` is its item's, when the caller has it."""
    figures: Figures = defaultdict(int, order_figures(after))
    if before is not None:
        for key, amount in order_figures(before).items():
            figures[key] -= amount
    await _apply(after.id, after.item_id, figures, category_id)


async def record_rating(
    order_id: int, item_id: int, created_at: dt.datetime, scores: Mapping[str, int]
) -> None:
    """Count a new rating of order ``order_id``, in the transaction that wrote it."""
    month = month_of(created_at)
    points = sum(int(scores[d]) for d in _RATING_DIMENSIONS)
    await _apply(order_id, item_id, {(month, "ratings"): 1, (month, "rating_points"): points})


def _month_sql(column: str, *, postgres: bool, moment: bool) -> str:
    if postgres:
        value = f"({column} AT TIME ZONE 'Asia/Shanghai')" if moment else column
        year, month = (
            f"CAST(EXTRACT({part} FROM {value}) AS INTEGER)" for part in ("YEAR", "MONTH")
        )
        return f"({year} * 100 + {month})"
    # SQLite keeps the application's Beijing datetimes and dates as ISO text
    return (
        f"(CAST(substr({column}, 1, 4) AS INTEGER) * 100 + CAST(substr({column}, 6, 2) AS INTEGER))"
    )


def _states(states: frozenset[OrderState]) -> str:
    return ", ".join(f"'{s.value}'" for s in sorted(states))


async def recount() -> None:
    """Rebuild every row from the orders and the ratings (three grouped queries), one
    per category and month: shard 0 (the sums are what the readers see)."""
    client = connections.get("default")
    postgres = client.capabilities.dialect == "postgres"
    placed = _month_sql("o.created_at", postgres=postgres, moment=True)
    delivered = _month_sql("o.delivered_on", postgres=postgres, moment=False)
    rated = _month_sql("r.created_at", postgres=postgres, moment=True)
    points = " + ".join(f"r.{d}" for d in _RATING_DIMENSIONS)
    queries = {
        ("placed", "ended", "completed"): (
            f"SELECT i.category_id, {placed}, COUNT(*),"
            f" SUM(CASE WHEN o.state IN ({_states(ENDED_STATES)}) THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN o.state IN ({_states(COMPLETED_STATES)}) THEN 1 ELSE 0 END)"
            " FROM service_order o JOIN service_item i ON i.id = o.item_id GROUP BY 1, 2"
        ),
        ("delivered", "on_time", "days_used", "days_committed"): (
            f"SELECT i.category_id, {delivered}, COUNT(*),"
            " SUM(CASE WHEN o.delivered_on <= o.deadline THEN 1 ELSE 0 END),"
            " SUM(COALESCE(o.days_used, 0)), SUM(o.time_limit_days)"
            " FROM service_order o JOIN service_item i ON i.id = o.item_id"
            " WHERE o.delivered_on IS NOT NULL AND o.accepted_on IS NOT NULL"
            " AND o.deadline IS NOT NULL GROUP BY 1, 2"
        ),
        ("ratings", "rating_points"): (
            f"SELECT i.category_id, {rated}, COUNT(*), SUM({points})"
            " FROM rating r JOIN service_item i ON i.id = r.item_id GROUP BY 1, 2"
        ),
    }
    rows: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    for names, query in queries.items():
        _, found = await client.execute_query(query)
        for row in found:
            values = list(row.values()) if isinstance(row, Mapping) else list(row)
            category_id, month, *amounts = values
            for name, amount in zip(names, amounts, strict=True):
                rows[(int(category_id), int(month))][name] = int(amount or 0)
    async with in_transaction():
        await OrderMonth.all().delete()
        await OrderMonth.bulk_create(
            [
                OrderMonth(category_id=category_id, month=month, shard=0, **figures)
                for (category_id, month), figures in sorted(rows.items())
            ],
            batch_size=1000,
        )
