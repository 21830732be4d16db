"""What happens to an order beside its transitions, through the orders domain only.

The payments domain learns from Stripe that an order was paid or refunded, and the deadline
sweep finds an order overdue or due tomorrow; neither writes an order. They call these
services, which change the order's own fields and append its event together, and only once:
each writes under a guard on the field it changes, so a repeated webhook or two sweeps at
once do each thing once. Call them inside the caller's transaction (the webhook's event id,
the sweep's notices), which they join.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import F

from marketplace.core.clock import now
from marketplace.orders.models import Order, OrderEvent, OrderEventName, PaymentStatus

__all__ = [
    "mark_overdue",
    "mark_reminded",
    "record_checkout_session",
    "record_online_payment",
    "record_payment_mismatch",
    "record_refund",
]


async def record_checkout_session(order: Order, session_id: str) -> None:
    """The Stripe Checkout Session opened for the order's fee (its webhook names it)."""
    await Order.filter(id=order.id).update(stripe_session_id=session_id)


async def record_payment_mismatch(order: Order, *, amount_total: Any, event_id: str) -> None:
    """A paid session whose amount is not the frozen quote: logged, the order left unpaid."""
    await OrderEvent.create(
        order=order,
        action=OrderEventName.PAYMENT_MISMATCH,
        detail={"amount_total": amount_total, "event": event_id},
    )


async def record_online_payment(
    order: Order, *, amount_fen: int, payment_intent: str | None, event_id: str
) -> bool:
    """The order paid online, once: ``False`` if it was no longer unpaid."""
    updated = await Order.filter(id=order.id, payment_status=PaymentStatus.UNPAID).update(
        payment_status=PaymentStatus.PAID,
        paid_fen=amount_fen,
        paid_at=now(),
        payment_method="stripe",
        stripe_payment_intent=payment_intent,
        version=F("version") + 1,
    )
    if updated:
        await OrderEvent.create(
            order=order, action=OrderEventName.PAID_ONLINE, detail={"event": event_id}
        )
    return bool(updated)


async def record_refund(order: Order, refund_id: str) -> bool:
    """The online payment refunded, once: ``False`` if it was no longer paid."""
    updated = await Order.filter(id=order.id, payment_status=PaymentStatus.PAID).update(
        payment_status=PaymentStatus.REFUNDED, refund_id=refund_id, version=F("version") + 1
    )
    if updated:
        await OrderEvent.create(
            order=order, action=OrderEventName.REFUNDED, detail={"refund": refund_id}
        )
    return bool(updated)


async def mark_overdue(order: Order) -> bool:
    """The order marked past its deadline, once: ``False`` if it already was."""
    if not await Order.filter(id=order.id, overdue_marked_at__isnull=True).update(
        overdue_marked_at=now()
    ):
        return False
    await OrderEvent.create(
        order=order, action=OrderEventName.MARK_OVERDUE, detail={"deadline": str(order.deadline)}
    )
    return True


async def mark_reminded(order: Order) -> bool:
    """The agency reminded that the order is due tomorrow, once: ``False`` if it already was."""
    if not await Order.filter(id=order.id, reminded_at__isnull=True).update(reminded_at=now()):
        return False
    await OrderEvent.create(
        order=order, action=OrderEventName.REMIND, detail={"deadline": str(order.deadline)}
    )
    return True
