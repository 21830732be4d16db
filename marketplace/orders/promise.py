"""Promise-keeping: delivered orders, on time, and working days used, kept as they happen.

Each delivery records on its order the working days it used and whether it was on time
(from the clock at that moment) and adds one to its agency's and its item's bucket of that
many days; a send-back takes both off again. The counts live in ``PromiseBucket`` rows
updated in the transition's own transaction, so a profile reads a few rows instead of
running the clock over every delivered order, and they always equal a recount of the
orders (``recount``, used by the backfill and the tests).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from marketplace.catalog.services import forget_cached_pages
from marketplace.orders.models import Order, PromiseBucket

__all__ = [
    "AGENCY",
    "ITEM",
    "Promise",
    "add_delivery",
    "on_time_rates",
    "promise_from_buckets",
    "promise_of",
    "recount",
    "remove_delivery",
]

AGENCY = "agency"
ITEM = "item"


@dataclass(frozen=True, slots=True)
class Promise:
    delivered: int
    on_time: int
    on_time_rate: float | None  # delivered within the committed working days / delivered
    median_days_used: float | None


def _scopes(order: Order) -> tuple[tuple[str, int], ...]:
    return ((AGENCY, order.agency_id), (ITEM, order.item_id))


async def _bump(scope: str, scope_id: int, days_used: int, on_time: bool, by: int) -> None:
    key: dict[str, Any] = {
        "scope": scope,
        "scope_id": scope_id,
        "days_used": days_used,
        "on_time": on_time,
    }
    if await PromiseBucket.filter(**key).update(orders=F("orders") + by):
        return
    try:
        # the first delivery of its kind: a savepoint, so losing the race to another
        # transaction's insert leaves this one usable
        async with in_transaction():
            await PromiseBucket.create(**key, orders=by)
    except IntegrityError:
        await PromiseBucket.filter(**key).update(orders=F("orders") + by)


async def add_delivery(order: Order, *, days_used: int, on_time: bool) -> None:
    """Count ``order``'s delivery (call inside the transition's transaction)."""
    await Order.filter(id=order.id).update(days_used=days_used, on_time=on_time)
    for scope, scope_id in _scopes(order):
        await _bump(scope, scope_id, days_used, on_time, 1)
    forget_cached_pages()  # the agency and item pages show the promise


async def remove_delivery(order: Order) -> None:
    """Take back the delivery ``order`` had counted (a send-back)."""
    if order.days_used is None or order.on_time is None:
        return
    for scope, scope_id in _scopes(order):
        await _bump(scope, scope_id, order.days_used, order.on_time, -1)
    await Order.filter(id=order.id).update(days_used=None, on_time=None)
    forget_cached_pages()


def promise_from_buckets(buckets: Iterable[tuple[int, bool, int]]) -> Promise:
    """The promise of (days used, on time, orders) rows: counts, rate and median."""
    by_days: dict[int, int] = defaultdict(int)
    on_time = 0
    for days, kept, count in buckets:
        if count > 0:
            by_days[days] += count
            on_time += count if kept else 0
    delivered = sum(by_days.values())
    if not delivered:
        return Promise(0, 0, None, None)
    return Promise(
        delivered=delivered,
        on_time=on_time,
        on_time_rate=round(on_time / delivered, 4),
        median_days_used=_median(sorted(by_days.items()), delivered),
    )


def _median(counts: list[tuple[int, int]], total: int) -> float:
    """The median of a sorted histogram, as ``statistics.median`` gives for the values."""

    def nth(n: int) -> int:  # the n-th value (0-based) in sorted order
        seen = 0
        for value, count in counts:
            seen += count
            if n < seen:
                return value
        raise IndexError(n)

    middle = total // 2
    if total % 2:
        return float(nth(middle))
    return (nth(middle - 1) + nth(middle)) / 2


async def promise_of(*, agency_id: int | None = None, item_id: int | None = None) -> Promise:
    """The measured promise-keeping of an agency or an item (one query)."""
    query = PromiseBucket.all()
    if agency_id is not None:
        query = query.filter(scope=AGENCY, scope_id=agency_id)
    if item_id is not None:
        query = query.filter(scope=ITEM, scope_id=item_id)
    rows = await query.values_list("days_used", "on_time", "orders")
    return promise_from_buckets(rows)


def scope_ids_filter(ids: Sequence[int]) -> dict[str, Any]:
    """A filter on ``scope_id`` that matches at least ``ids``: their range when they are
    dense (a reindex's batch of consecutive items: two parameters instead of a thousand),
    else the list. The caller keeps only the rows of ``ids``."""
    low, high = min(ids), max(ids)
    if high - low < 2 * len(ids):
        return {"scope_id__gte": low, "scope_id__lte": high}
    return {"scope_id__in": list(ids)}


async def on_time_rates(item_ids: list[int]) -> dict[int, float | None]:
    """Each item's measured on-time rate (one query), ``None`` before its first delivery."""
    if not item_ids:
        return {}
    delivered: dict[int, int] = defaultdict(int)
    kept: dict[int, int] = defaultdict(int)
    rows = await PromiseBucket.filter(scope=ITEM, **scope_ids_filter(item_ids)).values_list(
        "scope_id", "on_time", "orders"
    )
    for item_id, on_time, count in rows:
        delivered[item_id] += count
        kept[item_id] += count if on_time else 0
    return {i: round(kept[i] / delivered[i], 4) if delivered.get(i) else None for i in item_ids}


async def recount() -> None:
    """Rebuild every bucket from the orders' recorded deliveries (backfill and repair)."""
    counts: dict[tuple[str, int, int, bool], int] = defaultdict(int)
    rows = await Order.filter(days_used__isnull=False, on_time__isnull=False).values_list(
        "agency_id", "item_id", "days_used", "on_time"
    )
    for agency_id, item_id, days, kept in rows:
        counts[(AGENCY, agency_id, days, kept)] += 1
        counts[(ITEM, item_id, days, kept)] += 1
    async with in_transaction():
        await PromiseBucket.all().delete()
        await PromiseBucket.bulk_create(
            [
                PromiseBucket(scope=s, scope_id=i, days_used=d, on_time=k, orders=n)
                for (s, i, d, k), n in sorted(counts.items())
            ],
            batch_size=1000,
        )
