"""Ratings: who may rate what and when, one per order (also under concurrency), the reply,
moderation, the aggregates and the measured promise-keeping."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest

from marketplace.core.notifications import Notification
from marketplace.core.uploads import StoredFile
from marketplace.orders import services as orders
from marketplace.orders.models import Order, OrderState
from marketplace.orders.services import OrderRefused
from marketplace.ratings import services
from marketplace.ratings.models import Rating
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

D = dt.date
FIVE = {"quality": 5, "timeliness": 5, "attitude": 5, "fee_compliance": 5, "conduct": 5}
_FILE = [StoredFile("r.pdf", "application/pdf", 10, "0" * 64)]


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _completed(world: OrderWorld, key: str, *, accepted: D, delivered: D) -> Order:
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.lightning_check.id,
        project_name="p",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key=key,
    )
    agency = await as_current(world.hengyuan_staff)
    await orders.transition(placed.order.id, "accept", actor=agency, on=accepted)
    await orders.transition(placed.order.id, "deliver", actor=agency, on=delivered, files=_FILE)
    return await orders.transition(
        placed.order.id, "confirm", actor=await as_current(world.enterprise), on=delivered
    )


async def test_the_enterprise_rates_a_completed_order_once(world: OrderWorld) -> None:
    order = await _completed(
        world, "rate-key-0001", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )
    buyer = await as_current(world.enterprise)

    rating = await services.rate_order(
        order.id,
        actor=buyer,
        scores={**FIVE, "attitude": "3"},
        comment="按时出具报告",
        today=D(2026, 9, 10),
    )
    with pytest.raises(OrderRefused) as again:
        await services.rate_order(
            order.id, actor=buyer, scores=FIVE, comment="", today=D(2026, 9, 10)
        )

    assert (rating.quality, rating.attitude, rating.overall) == (5, 3, 4.6)
    assert (await Order.get(id=order.id)).state == OrderState.RATED
    assert again.value.message.id == "This order has been rated already."
    assert await Rating.all().count() == 1
    # the agency is told, as of every transition of its orders
    notice = await Notification.filter(user=world.hengyuan_staff).order_by("-id").first()
    assert notice is not None
    assert (notice.message, notice.params) == (
        "Order %(number)s was rated by the enterprise.",
        {"number": order.number},
    )


async def test_ratings_are_refused_to_others_too_early_and_too_late(world: OrderWorld) -> None:
    order = await _completed(
        world, "rate-key-0002", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_form.id,
        project_name="p",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key="rate-key-0003",
    )

    refusals = []
    for actor, order_id, today in [
        (world.other_enterprise, order.id, D(2026, 9, 10)),
        (world.hengyuan_staff, order.id, D(2026, 9, 10)),
        (world.enterprise, placed.order.id, D(2026, 9, 10)),
        (world.enterprise, order.id, D(2026, 10, 4)),
    ]:
        with pytest.raises(OrderRefused) as refused:
            await services.rate_order(
                order_id, actor=await as_current(actor), scores=FIVE, comment="", today=today
            )
        refusals.append(refused.value.message.id)

    assert refusals == [
        "Only the enterprise that placed the order can rate it.",
        "Only the enterprise that placed the order can rate it.",
        "An order can be rated once it is completed.",
        "Orders can be rated within %(days)s days of completion.",
    ]
    assert await Rating.all().count() == 0


async def test_scores_out_of_range_are_refused(world: OrderWorld) -> None:
    from marketplace.forms import FormError

    order = await _completed(
        world, "rate-key-0004", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )

    with pytest.raises(FormError) as refused:
        await services.rate_order(
            order.id,
            actor=await as_current(world.enterprise),
            # "²" and "５" pass str.isdigit(); int() refuses the first and takes the second
            scores={**FIVE, "quality": 6, "conduct": "x", "attitude": "²", "timeliness": "５"},
            comment="",
            today=D(2026, 9, 4),
        )

    assert sorted(refused.value.errors) == ["attitude", "conduct", "quality", "timeliness"]
    assert await Rating.all().count() == 0


async def test_two_ratings_at_once_give_one(world: OrderWorld) -> None:
    order = await _completed(
        world, "rate-key-0005", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )
    buyer = await as_current(world.enterprise)

    async def rate() -> str:
        try:
            await services.rate_order(
                order.id, actor=buyer, scores=FIVE, comment="", today=D(2026, 9, 4)
            )
        except OrderRefused as exc:
            return exc.message.id
        return "rated"

    outcomes = await asyncio.gather(*(rate() for _ in range(8)))

    assert sorted(set(outcomes)) == ["This order has been rated already.", "rated"]
    assert outcomes.count("rated") == 1
    assert await Rating.all().count() == 1


async def test_one_reply_and_a_hidden_comment_that_keeps_its_scores(world: OrderWorld) -> None:
    order = await _completed(
        world, "rate-key-0006", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )
    rating = await services.rate_order(
        order.id,
        actor=await as_current(world.enterprise),
        scores=FIVE,
        comment="含有个人电话 139…",
        today=D(2026, 9, 4),
    )
    agency = await as_current(world.hengyuan_staff)

    with pytest.raises(OrderRefused):
        await services.reply(rating, actor=await as_current(world.qinghe_staff), text="不是我们")
    rating = await services.reply(rating, actor=agency, text="感谢评价")
    with pytest.raises(OrderRefused) as twice:
        await services.reply(rating, actor=agency, text="再次回复")
    hidden = await services.hide_comment(
        rating, actor=await as_current(world.admin), reason="含个人信息"
    )
    summary = await services.rating_summary(agency_id=world.catalogue.hengyuan.id)

    assert twice.value.message.id == "The agency has replied to this rating already."
    assert (hidden.reply, hidden.comment_hidden, hidden.hidden_reason) == (
        "感谢评价",
        True,
        "含个人信息",
    )
    assert (summary.count, summary.mean) == (1, 5.0)


async def test_the_shrunk_average_puts_many_good_ratings_above_one_perfect(
    world: OrderWorld,
) -> None:
    from marketplace.ratings.services import _stat_of, _summary

    def rating(score: int) -> Rating:
        return Rating(
            quality=score, timeliness=score, attitude=score, fee_compliance=score, conduct=score
        )

    one_perfect = _summary(_stat_of([rating(5)]), prior_mean=4.0)
    forty_good = _summary(_stat_of([rating(5)] * 32 + [rating(4)] * 8), prior_mean=4.0)  # mean 4.8

    assert (one_perfect.mean, one_perfect.score) == (5.0, 4.17)  # (5×4 + 5) / 6
    assert (forty_good.mean, forty_good.score) == (4.8, 4.71)  # (5×4 + 192) / 45
    assert forty_good.score > one_perfect.score
    assert forty_good.distribution == {5: 32, 4: 8, 3: 0, 2: 0, 1: 0}


async def test_promise_keeping_is_measured_from_deliveries(world: OrderWorld) -> None:
    # 5 working days committed: accepted 30 September, due 13 October (National Day between)
    await _completed(
        world, "promise-key-01", accepted=D(2026, 9, 30), delivered=D(2026, 10, 12)
    )  # 4 days
    await _completed(
        world, "promise-key-02", accepted=D(2026, 9, 30), delivered=D(2026, 10, 13)
    )  # 5 days
    await _completed(
        world, "promise-key-03", accepted=D(2026, 9, 30), delivered=D(2026, 10, 15)
    )  # 7, late

    promise = await services.promise_of(agency_id=world.catalogue.hengyuan.id)
    nothing = await services.promise_of(agency_id=world.catalogue.qinghe.id)

    assert (promise.delivered, promise.on_time, promise.on_time_rate, promise.median_days_used) == (
        3,
        2,
        0.6667,
        5.0,
    )
    assert (nothing.delivered, nothing.on_time_rate) == (0, None)


async def test_search_documents_carry_the_rating_and_the_on_time_rate(world: OrderWorld) -> None:
    from marketplace.search.documents import build_all_documents, build_document
    from search import EmbeddedEngine, SearchQuery

    order = await _completed(
        world, "signal-key-01", accepted=D(2026, 9, 30), delivered=D(2026, 10, 12)
    )
    await services.rate_order(
        order.id,
        actor=await as_current(world.enterprise),
        scores=FIVE,
        comment="",
        today=D(2026, 10, 13),
    )

    document = await build_document(world.catalogue.lightning_check.id)
    engine = EmbeddedEngine()
    await engine.rebuild(await build_all_documents())
    rated_only = await engine.search(SearchQuery(min_rating=4.5))

    assert document is not None
    # the only rating is the marketplace mean, so shrinking leaves it at 5.0
    assert (document.rating, document.rating_count, document.on_time_rate) == (5.0, 1, 1.0)
    assert [hit.document.id for hit in rated_only.hits] == [world.catalogue.lightning_check.id]


async def test_the_marketplace_mean_is_summed_by_the_database(world: OrderWorld) -> None:
    assert await services.marketplace_mean() == 4.0  # no ratings yet: the default prior
    buyer = await as_current(world.enterprise)
    for key, scores in (
        ("mean-key-0001", FIVE),
        ("mean-key-0002", {**FIVE, "quality": 1, "conduct": 2}),  # overall 3.6
    ):
        order = await _completed(world, key, accepted=D(2026, 9, 1), delivered=D(2026, 9, 3))
        await services.rate_order(
            order.id, actor=buyer, scores=scores, comment="", today=D(2026, 9, 4)
        )

    assert await services.marketplace_mean() == 4.3  # (25 + 18) / 10


async def test_the_generic_action_route_cannot_rate_without_a_rating(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    from marketplace.accounts import services as account_services

    order = await _completed(
        world, "rate-key-0099", accepted=D(2026, 9, 1), delivered=D(2026, 9, 3)
    )
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret

    response = await client.post(
        f"/api/v1/orders/{order.id}/rate",
        json={},
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 409
    assert response.json()["error"]["message"] == "请使用评价表单对订单进行评价。"
    assert (await Order.get(id=order.id)).state == OrderState.COMPLETED
    assert await Rating.all().count() == 0
