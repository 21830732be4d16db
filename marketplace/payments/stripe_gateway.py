"""Stripe Checkout for order fees, its webhook, and refunds.

The order learns it was paid only from a webhook whose signature verifies; each event id
is recorded in the same transaction as its effect, so an event Stripe sends twice (it
does) changes the order once. Every call to Stripe carries an idempotency key derived
from the order, so a retried request never charges or refunds twice.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import stripe
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.core.settings import Settings
from marketplace.forms import parse_id
from marketplace.i18n import N_
from marketplace.orders import records
from marketplace.orders.models import Order, OrderState, PaymentStatus
from marketplace.orders.services import OrderRefused
from marketplace.payments.models import StripeEvent

__all__ = ["handle_webhook", "refund_order", "start_checkout", "stripe_client"]

_PAYABLE_STATES = frozenset(
    {OrderState.PLACED, OrderState.IN_SERVICE, OrderState.AWAITING_MATERIALS, OrderState.DELIVERED}
)


@asynccontextmanager
async def stripe_client(settings: Settings) -> AsyncIterator[stripe.StripeClient | None]:
    """A Stripe client for one piece of work (``None`` without a key), closed after it."""
    if not settings.stripe_secret_key:
        yield None
        return
    http_client = stripe.HTTPXClient()
    options: dict[str, Any] = {"http_client": http_client, "max_network_retries": 2}
    if settings.stripe_api_base:
        options["base_addresses"] = {"api": settings.stripe_api_base}
    try:
        yield stripe.StripeClient(settings.stripe_secret_key, **options)
    finally:
        await http_client.close_async()


async def start_checkout(
    order: Order, *, settings: Settings, success_url: str, cancel_url: str
) -> str:
    """Open a Checkout Session for the order's quoted fee; the URL to send the payer to."""
    if not settings.stripe_secret_key:
        raise OrderRefused(N_("Online payment is not available; the fee is settled offline."))
    if order.payment_status is not PaymentStatus.UNPAID or order.state not in _PAYABLE_STATES:
        raise OrderRefused(N_("This order cannot be paid now."))
    if order.quoted_low_fen != order.quoted_high_fen:
        raise OrderRefused(
            N_("The quoted fee is a range: the agreed fee is settled with the agency offline.")
        )
    async with stripe_client(settings) as client:
        assert client is not None
        session = await client.v1.checkout.sessions.create_async(
            params={
                "mode": "payment",
                "client_reference_id": str(order.id),
                "metadata": {"order_id": str(order.id), "order_number": order.number or ""},
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": "cny",
                            "unit_amount": order.quoted_high_fen,  # fen: CNY's smallest unit
                            "product_data": {"name": f"{order.number} {order.project_name}"[:250]},
                        },
                    }
                ],
                "success_url": success_url,
                "cancel_url": cancel_url,
            },
            options={"idempotency_key": f"checkout-order-{order.id}"},
        )
    await records.record_checkout_session(order, session.id)
    return str(session.url)


async def handle_webhook(payload: bytes, signature: str | None, *, settings: Settings) -> str:
    """Verify and apply one webhook delivery; returns what was done (for the log and tests).

    Raises ``stripe.SignatureVerificationError`` (or ``ValueError``) for a forged or
    malformed delivery, which the endpoint answers with 400 and which changes nothing.
    """
    if not settings.stripe_webhook_secret:
        raise stripe.SignatureVerificationError("no webhook secret is configured", signature or "")
    event = stripe.Webhook.construct_event(payload, signature, settings.stripe_webhook_secret)
    if event.type != "checkout.session.completed":
        return "ignored"
    session: dict[str, Any] = event.data.object.to_dict()
    if session.get("payment_status") != "paid":
        return "not paid"
    order_id = str((session.get("metadata") or {}).get("order_id", ""))
    try:
        async with in_transaction():
            await StripeEvent.create(event_id=event.id, type=event.type)
            known = parse_id(order_id)
            order = await Order.get_or_none(id=known) if known else None
            if order is None or order.stripe_session_id != session.get("id"):
                return "unknown order"
            if session.get("amount_total") != order.quoted_high_fen:
                await records.record_payment_mismatch(
                    order, amount_total=session.get("amount_total"), event_id=event.id
                )
                return "amount mismatch"
            await records.record_online_payment(
                order,
                amount_fen=order.quoted_high_fen,
                payment_intent=session.get("payment_intent"),
                event_id=event.id,
            )
    except IntegrityError:
        return "duplicate"
    return "paid"


async def refund_order(ctx: dict[str, Any], order_id: int) -> str:
    """Refund a cancelled order that was paid through Stripe (once: idempotency key per order)."""
    order = await Order.get_or_none(id=order_id)
    if order is None or order.state is not OrderState.CANCELLED:
        return "not cancelled"
    if order.payment_status is not PaymentStatus.PAID or order.payment_method != "stripe":
        return "nothing to refund"
    async with stripe_client(ctx["settings"]) as client:
        if client is None or not order.stripe_payment_intent:
            return "stripe not configured"
        refund = await client.v1.refunds.create_async(
            params={"payment_intent": order.stripe_payment_intent},
            options={"idempotency_key": f"refund-order-{order.id}"},
        )
    await records.record_refund(order, refund.id)
    return "refunded"
