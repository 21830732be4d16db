"""Rating rules, the agency's reply, moderation, and the published aggregates.

The aggregates shrink each average toward the marketplace-wide mean (a Bayesian average)
so that one 5-star rating does not outrank forty 4.8s; the count and the distribution
are published beside it, so nothing is hidden by the shrinking.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count, Sum

from marketplace.access import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.services import forget_cached_pages
from marketplace.forms import FormError, Message, parse_id
from marketplace.i18n import N_
from marketplace.orders.clock import clock_of, load_calendar
from marketplace.orders.models import Order, OrderEvent, OrderState
from marketplace.orders.services import OrderRefused, party_of, transition
from marketplace.orders.states import Party
from marketplace.ratings.models import DIMENSIONS, Rating
from marketplace.search.index import queue_reindex

__all__ = [
    "PRIOR_WEIGHT",
    "RATING_WINDOW_DAYS",
    "Promise",
    "RatingSummary",
    "hide_comment",
    "item_signals",
    "promise_of",
    "rate_order",
    "rating_summary",
    "reply",
]

RATING_WINDOW_DAYS = 30  # an order can be rated within this many days of completion
COMMENT_MAX = 1000
# The prior counts as this many ratings at the marketplace-wide mean.
PRIOR_WEIGHT = 5
# Before there are ratings anywhere, the prior is a middling 4 of 5.
_DEFAULT_MEAN = 4.0


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def rate_order(
    order_id: int,
    *,
    actor: CurrentUser,
    scores: dict[str, Any],
    comment: str,
    today: dt.date | None = None,
) -> Rating:
    """Rate a completed order as its enterprise; one rating per order, within 30 days."""
    order = await Order.get_or_none(id=order_id)
    if order is None:
        raise OrderRefused(N_("There is no such order."))
    if Party.ENTERPRISE not in party_of(actor, order):
        raise OrderRefused(N_("Only the enterprise that placed the order can rate it."))
    if order.state is OrderState.RATED or await Rating.exists(order_id=order.id):
        raise OrderRefused(N_("This order has been rated already."))
    if order.state is not OrderState.COMPLETED or order.completed_on is None:
        raise OrderRefused(N_("An order can be rated once it is completed."))
    day = today or dt.date.today()
    if (day - order.completed_on).days > RATING_WINDOW_DAYS:
        raise OrderRefused(
            N_("Orders can be rated within %(days)s days of completion."), days=RATING_WINDOW_DAYS
        )
    errors: dict[str, Message] = {}
    values: dict[str, Any] = {}
    for name in DIMENSIONS:
        raw = scores.get(name)
        if isinstance(raw, str):
            raw = parse_id(raw)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 5:
            errors[name] = Message(N_("Choose from 1 to 5 stars."))
        else:
            values[name] = raw
    comment = comment.strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = Message(N_("Use at most %(count)s characters."), {"count": COMMENT_MAX})
    if errors:
        raise FormError(errors)
    created: list[Rating] = []

    async def write(_order: Order, _event: OrderEvent) -> None:
        created.append(
            await Rating.create(
                order_id=order.id,
                enterprise_id=order.enterprise_id,
                agency_id=order.agency_id,
                item_id=order.item_id,
                comment=comment,
                **values,
            )
        )
        await queue_reindex([order.item_id])  # the listing's rating in search

    try:
        # the order moves to rated with its rating, in one transaction, or neither happens
        await transition(order.id, "rate", actor=actor, on=day, record=write)
    except (IntegrityError, OrderRefused):
        # rated at the same moment by another request, which won
        if await Rating.exists(order_id=order.id):
            raise OrderRefused(N_("This order has been rated already.")) from None
        raise
    rating = created[0]
    forget_cached_pages()
    return rating


async def reply(rating: Rating, *, actor: CurrentUser, text: str) -> Rating:
    """The agency's one public reply."""
    if Role.AGENCY not in actor.roles or actor.user.agency_id != rating.agency_id:
        raise OrderRefused(N_("Only the rated agency can reply."))
    text = text.strip()
    if not text:
        raise FormError.single("reply", N_("This field is required."))
    if len(text) > COMMENT_MAX:
        raise FormError.single("reply", N_("Use at most %(count)s characters."), count=COMMENT_MAX)
    updated = await Rating.filter(id=rating.id, reply__isnull=True).update(
        reply=text, replied_at=_now(), replied_by_id=actor.id
    )
    if updated != 1:
        raise OrderRefused(N_("The agency has replied to this rating already."))
    return await Rating.get(id=rating.id)


async def hide_comment(rating: Rating, *, actor: CurrentUser, reason: str) -> Rating:
    """An administrator hides a rating's comment (never its scores), with a recorded reason."""
    if Role.ADMIN not in actor.roles:
        raise OrderRefused(N_("Only an administrator can moderate ratings."))
    reason = reason.strip()
    if not reason:
        raise FormError.single("reason", N_("Please give a reason."))
    await Rating.filter(id=rating.id).update(
        comment_hidden=True, hidden_reason=reason[:2000], hidden_by_id=actor.id, hidden_at=_now()
    )
    return await Rating.get(id=rating.id)


# --- aggregates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingSummary:
    count: int
    mean: float | None  # the plain mean of the overall scores
    score: float | None  # the shrunk (Bayesian) average that is published and sorted by
    distribution: dict[int, int]  # stars (overall, rounded) → ratings
    dimensions: dict[str, float]  # dimension → mean


def _summary(ratings: list[Rating], prior_mean: float) -> RatingSummary:
    if not ratings:
        return RatingSummary(0, None, None, dict.fromkeys(range(5, 0, -1), 0), {})
    overall = [r.overall for r in ratings]
    stars = Counter(min(5, max(1, int(o + 0.5))) for o in overall)
    total = sum(overall)
    return RatingSummary(
        count=len(ratings),
        mean=round(total / len(ratings), 2),
        score=round((PRIOR_WEIGHT * prior_mean + total) / (PRIOR_WEIGHT + len(ratings)), 2),
        distribution={star: stars.get(star, 0) for star in range(5, 0, -1)},
        dimensions={
            d: round(statistics.fmean(getattr(r, d) for r in ratings), 2) for d in DIMENSIONS
        },
    )


async def marketplace_mean() -> float:
    """The mean overall score of every rating, summed by the database."""
    row = (
        await Rating.all()
        .annotate(count=Count("id"), **{d: Sum(d) for d in DIMENSIONS})
        .values("count", *DIMENSIONS)
    )[0]
    if not row["count"]:
        return _DEFAULT_MEAN
    return sum(int(row[d]) for d in DIMENSIONS) / (len(DIMENSIONS) * int(row["count"]))


async def rating_summary(
    *, agency_id: int | None = None, item_id: int | None = None
) -> RatingSummary:
    query = Rating.all()
    if agency_id is not None:
        query = query.filter(agency_id=agency_id)
    if item_id is not None:
        query = query.filter(item_id=item_id)
    return _summary(await query, await marketplace_mean())


@dataclass(frozen=True, slots=True)
class Promise:
    delivered: int
    on_time: int
    on_time_rate: float | None  # delivered within the committed working days / delivered
    median_days_used: float | None


async def promise_of(*, agency_id: int | None = None, item_id: int | None = None) -> Promise:
    """The measured promise-keeping over every delivered order."""
    query = Order.filter(delivered_on__isnull=False, accepted_on__isnull=False)
    if agency_id is not None:
        query = query.filter(agency_id=agency_id)
    if item_id is not None:
        query = query.filter(item_id=item_id)
    orders = await query
    if not orders:
        return Promise(0, 0, None, None)
    calendar = await load_calendar()
    # every order here is delivered: its clock stopped on its delivery day
    clocks = [clock_of(order, calendar, order.delivered_on or dt.date.min) for order in orders]
    on_time = sum(1 for c in clocks if c.on_time)
    return Promise(
        delivered=len(orders),
        on_time=on_time,
        on_time_rate=round(on_time / len(orders), 4),
        median_days_used=float(statistics.median(c.days_used for c in clocks)),
    )


async def item_signals(item_ids: list[int]) -> dict[int, tuple[float | None, int, float | None]]:
    """For search documents: each item's shrunk rating, rating count and on-time rate."""
    if not item_ids:
        return {}
    prior = await marketplace_mean()
    by_item: dict[int, list[Rating]] = {}
    for rating in await Rating.filter(item_id__in=item_ids):
        by_item.setdefault(rating.item_id, []).append(rating)
    delivered = await Order.filter(
        item_id__in=item_ids, delivered_on__isnull=False, accepted_on__isnull=False
    )
    on_time: dict[int, list[bool]] = {}
    if delivered:
        calendar = await load_calendar()
        for order in delivered:
            clock = clock_of(order, calendar, order.delivered_on or dt.date.min)
            on_time.setdefault(order.item_id, []).append(bool(clock.on_time))
    signals: dict[int, tuple[float | None, int, float | None]] = {}
    for item_id in item_ids:
        summary = _summary(by_item.get(item_id, []), prior)
        kept = on_time.get(item_id)
        rate = round(sum(kept) / len(kept), 4) if kept else None
        signals[item_id] = (summary.score, summary.count, rate)
    return signals
