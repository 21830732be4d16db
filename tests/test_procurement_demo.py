"""The demo's purchase requests: every stage and method, each result notice verifying."""

from __future__ import annotations

from collections import Counter

from marketplace.orders.models import Order
from marketplace.procurement import services
from marketplace.procurement.models import PurchaseRequest
from marketplace.procurement.views import verification


async def test_the_demo_has_requests_at_every_stage_and_method(activity_db: str) -> None:
    requests = await PurchaseRequest.all().order_by("id")

    assert Counter(r.state.value for r in requests) == {
        "open": 4,
        "selected": 5,
        "contracted": 1,
        "failed": 1,
        "cancelled": 1,
        "voided": 1,
    }
    assert {r.method.value for r in requests} == {"direct", "random", "lowest", "optimal", "merit"}
    # the few-registrant stages are of a second category
    assert Counter(r.category_id for r in requests).most_common()[1][1] == 5
    (contracted,) = [r for r in requests if r.state.value == "contracted"]
    order = await Order.get(id=contracted.order_id)
    assert (order.quoted_low_fen, order.state.value, contracted.method.value) == (
        5_600_000,
        "placed",
        "direct",
    )
    assert order.idempotency_key == f"purchase-{contracted.id}"
    for request in requests:
        data = await services.draw_data(request)
        if data is not None:
            assert all(ok for _, ok in verification(data)), request.number
