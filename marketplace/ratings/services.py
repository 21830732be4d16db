"""Rating rules, the agency's reply, moderation, and the published aggregates.

The aggregates shrink each average toward the marketplace-wide mean (a Bayesian average)
so that one 5-star rating does not outrank forty 4.8s; the count and the distribution
are published beside it, so nothing is hidden by the shrinking.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.services import forget_cached_pages
from marketplace.core.clock import now as beijing_now
from marketplace.core.clock import today as beijing_today
from marketplace.forms import FormError, Message, parse_id
from marketplace.i18n import N_
from marketplace.orders.models import Order, OrderEvent, OrderState
from marketplace.orders.monthly import record_rating
from marketplace.orders.promise import Promise, on_time_rates, promise_of, scope_ids_filter
from marketplace.orders.services import OrderRefused, party_of, transition
from marketplace.orders.states import Party
from marketplace.organisations.membership import agency_of
from marketplace.ratings.models import DIMENSIONS, Rating, RatingStat, star_of
from marketplace.search.outbox import queue_reindex

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
    "recount_ratings",
    "reply",
]

AGENCY = "agency"
ITEM = "item"

RATING_WINDOW_DAYS = 30  # an order can be rated within this many days of completion
COMMENT_MAX = 1000
# The prior counts as this many ratings at the marketplace-wide mean.
PRIOR_WEIGHT = 5
# Before there are ratings anywhere, the prior is a middling 4 of 5.
_DEFAULT_MEAN = 4.0


def _now() -> dt.datetime:
    return beijing_now()


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
    day = today or beijing_today()
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
        await _add_to_stats(order.agency_id, order.item_id, values)
        await record_rating(order.id, order.item_id, created[-1].created_at, values)
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
    if agency_of(actor) != rating.agency_id:
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
    forget_cached_pages()  # the agency and item pages show the reply
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
    forget_cached_pages()  # the hidden comment leaves the agency and item pages at once
    return await Rating.get(id=rating.id)


# --- aggregates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatingSummary:
    count: int
    mean: float | None  # the plain mean of the overall scores
    score: float | None  # the shrunk (Bayesian) average that is published and sorted by
    distribution: dict[int, int]  # stars (overall, rounded) → ratings
    dimensions: dict[str, float]  # dimension → mean


async def _add_to_stats(agency_id: int, item_id: int, scores: dict[str, int]) -> None:
    """Add one rating to its agency's and its item's running sums (in its transaction)."""
    star = f"stars_{star_of(sum(scores[d] for d in DIMENSIONS))}"
    increments = {"ratings": F("ratings") + 1, star: F(star) + 1}
    increments.update({d: F(d) + scores[d] for d in DIMENSIONS})
    for scope, scope_id in ((AGENCY, agency_id), (ITEM, item_id)):
        if await RatingStat.filter(scope=scope, scope_id=scope_id).update(**increments):
            continue
        try:
            async with in_transaction():  # a savepoint: another first rating may win the insert
                first: dict[str, Any] = {"ratings": 1, star: 1, **scores}
                await RatingStat.create(scope=scope, scope_id=scope_id, **first)
        except IntegrityError:
            await RatingStat.filter(scope=scope, scope_id=scope_id).update(**increments)


def _stat_of(ratings: list[Rating]) -> RatingStat:
    """The running sums of ``ratings``, unsaved (what the stored row holds for them)."""
    stat = RatingStat(ratings=len(ratings))
    for rating in ratings:
        scores = [getattr(rating, d) for d in DIMENSIONS]
        star = f"stars_{star_of(sum(scores))}"
        setattr(stat, star, getattr(stat, star) + 1)
        for d, score in zip(DIMENSIONS, scores, strict=True):
            setattr(stat, d, getattr(stat, d) + score)
    return stat


def _shrunk(total: float, count: int, prior_mean: float) -> float:
    """The published score: the mean overall shrunk towards the marketplace's mean."""
    return round((PRIOR_WEIGHT * prior_mean + total) / (PRIOR_WEIGHT + count), 2)


def _summary(stat: RatingStat | None, prior_mean: float) -> RatingSummary:
    if stat is None or not stat.ratings:
        return RatingSummary(0, None, None, dict.fromkeys(range(5, 0, -1), 0), {})
    count = stat.ratings
    total = sum(getattr(stat, d) for d in DIMENSIONS) / len(DIMENSIONS)  # sum of overalls
    return RatingSummary(
        count=count,
        mean=round(total / count, 2),
        score=_shrunk(total, count, prior_mean),
        distribution={star: getattr(stat, f"stars_{star}") for star in range(5, 0, -1)},
        dimensions={d: round(getattr(stat, d) / count, 2) for d in DIMENSIONS},
    )


async def marketplace_mean() -> float:
    """The mean overall score of every rating, from the agencies' running sums."""
    row = (
        await RatingStat.filter(scope=AGENCY)
        .annotate(count=Sum("ratings"), **{f"sum_{d}": Sum(d) for d in DIMENSIONS})
        .values("count", *(f"sum_{d}" for d in DIMENSIONS))
    )[0]
    if not row["count"]:
        return _DEFAULT_MEAN
    return sum(int(row[f"sum_{d}"]) for d in DIMENSIONS) / (len(DIMENSIONS) * int(row["count"]))


async def rating_summary(
    *, agency_id: int | None = None, item_id: int | None = None
) -> RatingSummary:
    """The published rating of an agency or an item (two one-row queries)."""
    if agency_id is not None:
        stat = await RatingStat.get_or_none(scope=AGENCY, scope_id=agency_id)
    elif item_id is not None:
        stat = await RatingStat.get_or_none(scope=ITEM, scope_id=item_id)
    else:
        raise ValueError("rating_summary needs an agency or an item")
    return _summary(stat, await marketplace_mean())


async def item_signals(item_ids: list[int]) -> dict[int, tuple[float | None, int, float | None]]:
    """For search documents: each item's shrunk rating, rating count and on-time rate."""
    if not item_ids:
        return {}
    prior = await marketplace_mean()
    # count and sum of overalls per item, as plain values: a reindex reads 100,000 of them
    sums: dict[int, tuple[int, float]] = {
        item_id: (count, sum(scores) / len(DIMENSIONS))
        for item_id, count, *scores in await RatingStat.filter(
            scope=ITEM, **scope_ids_filter(item_ids)
        ).values_list("scope_id", "ratings", *DIMENSIONS)
        if count
    }
    rates = await on_time_rates(item_ids)
    signals: dict[int, tuple[float | None, int, float | None]] = {}
    for item_id in item_ids:
        count, total = sums.get(item_id, (0, 0.0))
        score = _shrunk(total, count, prior) if count else None
        signals[item_id] = (score, count, rates[item_id])
    return signals


async def recount_ratings() -> None:
    """Rebuild every running sum from the ratings (backfill and repair)."""
    sums: dict[tuple[str, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = await Rating.all().values_list("agency_id", "item_id", *DIMENSIONS)
    for agency_id, item_id, *scores in rows:
        star = f"stars_{star_of(sum(scores))}"
        for key in ((AGENCY, agency_id), (ITEM, item_id)):
            entry = sums[key]
            entry["ratings"] += 1
            entry[star] += 1
            for d, score in zip(DIMENSIONS, scores, strict=True):
                entry[d] += score
    async with in_transaction():
        await RatingStat.all().delete()
        await RatingStat.bulk_create(
            [RatingStat(scope=s, scope_id=i, **entry) for (s, i), entry in sorted(sums.items())],
            batch_size=1000,
        )
