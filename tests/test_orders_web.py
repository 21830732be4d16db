"""Orders over HTTP: the order form with files, the API with idempotency keys under
concurrency, transitions from the page, and Stripe Checkout with its webhook.

Stripe's servers cannot be reached from here. Its API is stood in for by a small HTTP
server on loopback (``StripeStandIn``) that answers the two calls we make the way Stripe
documents them; the webhook payloads are real Stripe event JSON signed with Stripe's own
library, and verified by the same code path as in production.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import stripe
import uvicorn
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.accounts import services as account_services
from marketplace.app import create_app
from marketplace.core.settings import Settings
from marketplace.orders.models import (
    Order,
    OrderEvent,
    OrderFile,
    OrderState,
    PaymentStatus,
)
from marketplace.payments.models import StripeEvent
from tests.accounts_helpers import csrf_token, sign_in
from tests.conftest import MEDIA_DIR
from tests.order_helpers import PROJECT_CODE, OrderWorld, order_world
from tests.test_catalog_views import _text

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def _order_page_post(
    browser: httpx.AsyncClient, url: str, data: dict, files: list | None = None
) -> httpx.Response:
    token = await csrf_token(browser, "/orders")
    # asgi-csrf reads the token from the first multipart fields, before any file
    return await browser.post(url, data={"csrftoken": token, **data}, files=files)


async def test_an_enterprise_orders_from_the_form_with_an_attachment(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    item = world.catalogue.report_book
    form = await buyer.get(f"/services/{item.id}/order?base=10000")
    key = re.search(r'name="idempotency_key" value="([^"]+)"', form.text)
    assert form.status_code == 200 and key is not None and 'value="10000"' in form.text

    # typed with a Chinese input method: full-width digits and dashes, kept as ASCII
    full_width = PROJECT_CODE.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-"})
    data = {
        "project_name": "年产十万吨新材料项目",
        "project_code": full_width,
        "base": "10000",
        "note": "附项目建议书",
        "idempotency_key": key.group(1),
    }
    first = await _order_page_post(
        buyer,
        f"/services/{item.id}/order",
        data,
        [("files", ("建议书.pdf", PDF, "application/pdf"))],
    )
    double = await _order_page_post(
        buyer,
        f"/services/{item.id}/order",
        data,
        [("files", ("建议书.pdf", PDF, "application/pdf"))],
    )

    assert first.status_code == 303 and double.status_code == 303
    assert first.headers["location"] == double.headers["location"]
    order = await Order.get()
    assert await Order.all().count() == 1
    assert order.project_code == PROJECT_CODE
    stored = await OrderFile.get(order=order)
    assert (stored.filename, stored.content_type, stored.size_bytes, stored.purpose) == (
        "建议书.pdf",
        "application/pdf",
        len(PDF),
        "request",
    )
    page = _text((await buyer.get(first.headers["location"])).text)
    assert f"订单 {order.number}" in page
    assert "报价 ¥117,000 – ¥130,000" in page
    assert "中介机构受理订单后开始计时。" in page
    download = await buyer.get(f"/orders/{order.id}/files/{stored.id}")
    assert download.content == PDF
    assert download.headers["content-disposition"].startswith("attachment;")


async def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_kept(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    item = world.catalogue.report_form
    data = {
        "project_name": "项目",
        "project_code": PROJECT_CODE,
        "idempotency_key": "form-key-0001",
    }

    response = await _order_page_post(
        buyer,
        f"/services/{item.id}/order",
        data,
        [("files", ("合同.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf"))],
    )

    assert response.status_code == 422
    assert "“合同.pdf”不是 PDF、PNG 或 JPEG 文件。" in _text(response.text)
    assert 'value="项目"' in response.text
    assert await Order.all().count() == 0


async def test_the_agency_accepts_and_the_enterprise_cannot(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    agency = await _browser(client, "hy@example.com")
    stranger = await _browser(client, "other@example.com")
    placed = await _order_page_post(
        buyer,
        f"/services/{world.catalogue.report_book.id}/order",
        {
            "project_name": "项目",
            "project_code": PROJECT_CODE,
            "base": "100",
            "idempotency_key": "form-key-0002",
        },
    )
    order_url = placed.headers["location"]

    refused = await _order_page_post(buyer, f"{order_url}/actions/accept", {})
    accepted = await _order_page_post(agency, f"{order_url}/actions/accept", {})
    hidden = await stranger.get(order_url)

    assert refused.status_code == 409
    assert "您不是可以对此订单进行该操作的一方。" in _text(refused.text)
    assert accepted.status_code == 303
    assert hidden.status_code == 404
    order = await Order.get()
    assert order.state == OrderState.IN_SERVICE and order.deadline is not None


async def test_the_api_places_orders_idempotently_with_a_token(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "erp-order-000001"}
    body = {
        "item_id": world.catalogue.report_form.id,
        "project_name": "ERP 项目",
        "project_code": PROJECT_CODE,
    }

    created = await client.post("/api/v1/orders", json=body, headers=headers)
    repeated = await client.post("/api/v1/orders", json=body, headers=headers)
    no_key = await client.post(
        "/api/v1/orders", json=body, headers={"Authorization": headers["Authorization"]}
    )
    bad = await client.post(
        "/api/v1/orders",
        json={**body, "project_code": "123"},
        headers={**headers, "Idempotency-Key": "erp-2-000001"},
    )

    assert created.status_code == 201
    assert repeated.status_code == 200 and repeated.json()["id"] == created.json()["id"]
    assert created.json()["quoted_low_fen"] == created.json()["quoted_high_fen"] == 2_500_000
    assert no_key.status_code == 400 and no_key.json()["error"]["code"] == "idempotency_key_missing"
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "project_code"
    assert await Order.all().count() == 1


async def test_concurrent_duplicate_requests_give_one_order_per_key(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # 200 requests carrying 150 distinct keys (50 of them sent twice), all at once
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret
    keys = [f"burst-key-{n:04d}" for n in range(150)]
    sent = keys + keys[:50]
    body = {
        "item_id": world.catalogue.report_form.id,
        "project_name": "并发项目",
        "project_code": PROJECT_CODE,
    }

    async def place(key: str) -> httpx.Response:
        return await client.post(
            "/api/v1/orders",
            json=body,
            headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        )

    responses = await asyncio.gather(*(place(key) for key in sent))

    assert sorted({r.status_code for r in responses}) in ([200, 201], [201])
    assert sum(r.status_code == 201 for r in responses) == 150
    assert await Order.all().count() == 150
    assert len({r.json()["id"] for r in responses}) == 150
    assert await OrderEvent.filter(action="place").count() == 150


async def test_api_transitions_check_role_and_ownership(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = (await account_services.create_api_token(world.enterprise, name="b")).secret
    agency = (await account_services.create_api_token(world.hengyuan_staff, name="a")).secret
    other_agency = (await account_services.create_api_token(world.qinghe_staff, name="q")).secret
    created = await client.post(
        "/api/v1/orders",
        json={
            "item_id": world.catalogue.report_book.id,
            "project_name": "p",
            "project_code": PROJECT_CODE,
            "base": "500",
        },
        headers={"Authorization": f"Bearer {buyer}", "Idempotency-Key": "api-transition-1"},
    )
    order_id = created.json()["id"]

    foreign = await client.post(
        f"/api/v1/orders/{order_id}/accept",
        json={},
        headers={"Authorization": f"Bearer {other_agency}"},
    )
    accepted = await client.post(
        f"/api/v1/orders/{order_id}/accept", json={}, headers={"Authorization": f"Bearer {agency}"}
    )
    again = await client.post(
        f"/api/v1/orders/{order_id}/accept", json={}, headers={"Authorization": f"Bearer {agency}"}
    )
    unknown = await client.post(
        f"/api/v1/orders/{order_id}/teleport",
        json={},
        headers={"Authorization": f"Bearer {agency}"},
    )

    assert foreign.status_code == 404
    assert accepted.status_code == 200 and accepted.json()["state"] == "in_service"
    assert [e["action"] for e in accepted.json()["events"]] == ["place", "accept"]
    assert again.status_code == 409
    assert again.json()["error"]["message"] == "订单处于“服务中”状态，不能进行此操作。"
    assert unknown.status_code == 404


# --- Stripe ------------------------------------------------------------------------------


class StripeStandIn:
    """Answers POST /v1/checkout/sessions and POST /v1/refunds as Stripe's API documents."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any], str | None]] = []
        self.app = Starlette(
            routes=[
                Route("/v1/checkout/sessions", self.sessions, methods=["POST"]),
                Route("/v1/refunds", self.refunds, methods=["POST"]),
            ]
        )

    async def sessions(self, request: Request) -> JSONResponse:
        form = dict(await request.form())
        self.requests.append(("checkout", form, request.headers.get("idempotency-key")))
        return JSONResponse(
            {
                "id": "cs_test_a1",
                "object": "checkout.session",
                "url": "https://checkout.stripe.test/c/pay/cs_test_a1",
                "payment_status": "unpaid",
                "amount_total": int(str(form["line_items[0][price_data][unit_amount]"])),
            }
        )

    async def refunds(self, request: Request) -> JSONResponse:
        form = dict(await request.form())
        self.requests.append(("refund", form, request.headers.get("idempotency-key")))
        return JSONResponse(
            {
                "id": "re_test_r1",
                "object": "refund",
                "status": "succeeded",
                "payment_intent": form.get("payment_intent"),
            }
        )


@pytest.fixture
def stripe_stand_in() -> Iterator[tuple[str, StripeStandIn]]:
    stand_in = StripeStandIn()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(stand_in.app, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", stand_in
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
async def stripe_client(
    db: str, stripe_stand_in: tuple[str, StripeStandIn]
) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        database_url=db,
        secret_key="s",
        secret_key_is_ephemeral=False,
        stripe_secret_key="sk_test_standin",
        stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base=stripe_stand_in[0],
        media_dir=MEDIA_DIR,
    )
    app = create_app(settings)
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url="http://testserver"
        ) as http,
    ):
        yield http


def _signed_event(
    event_id: str, order: Order, *, amount: int, secret: str = WEBHOOK_SECRET
) -> tuple[bytes, str]:
    payload = json.dumps(
        {
            "id": event_id,
            "object": "event",
            "api_version": "2025-09-30.clover",
            "type": "checkout.session.completed",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None},
            "data": {
                "object": {
                    "id": "cs_test_a1",
                    "object": "checkout.session",
                    "payment_status": "paid",
                    "status": "complete",
                    "amount_total": amount,
                    "currency": "cny",
                    "client_reference_id": str(order.id),
                    "metadata": {"order_id": str(order.id)},
                    "payment_intent": "pi_test_p1",
                    "mode": "payment",
                }
            },
        }
    )
    return payload.encode(), stripe.WebhookSignature.generate_signature_header(payload, secret)


async def test_stripe_checkout_webhook_once_and_refund_on_cancellation(
    stripe_client: httpx.AsyncClient, world: OrderWorld, stripe_stand_in: tuple[str, StripeStandIn]
) -> None:
    _, stand_in = stripe_stand_in
    buyer = httpx.AsyncClient(transport=stripe_client._transport, base_url="http://testserver")
    await sign_in(buyer, "buyer@example.com")
    placed = await _order_page_post(
        buyer,
        f"/services/{world.catalogue.report_form.id}/order",
        {
            "project_name": "支付项目",
            "project_code": PROJECT_CODE,
            "idempotency_key": "stripe-key-0001",
        },
    )
    order = await Order.get()

    # checkout: the payer is sent to Stripe; the order is not paid yet
    checkout = await _order_page_post(buyer, f"{placed.headers['location']}/checkout", {})
    assert (checkout.status_code, checkout.headers["location"]) == (
        303,
        "https://checkout.stripe.test/c/pay/cs_test_a1",
    )
    kind, form, key = stand_in.requests[0]
    assert (kind, key) == ("checkout", f"checkout-order-{order.id}")
    assert (
        form["line_items[0][price_data][currency]"],
        form["line_items[0][price_data][unit_amount]"],
    ) == ("cny", "2500000")
    assert (await Order.get(id=order.id)).payment_status == PaymentStatus.UNPAID

    # a forged delivery changes nothing
    forged_body, forged_sig = _signed_event(
        "evt_forged", order, amount=2_500_000, secret="whsec_wrong"
    )
    forged = await stripe_client.post(
        "/api/v1/payments/stripe/webhook",
        content=forged_body,
        headers={"Stripe-Signature": forged_sig},
    )
    assert forged.status_code == 400
    assert (await Order.get(id=order.id)).payment_status == PaymentStatus.UNPAID

    # the real event, delivered three times, pays the order once
    body, signature = _signed_event("evt_paid_1", order, amount=2_500_000)
    outcomes = [
        (
            await stripe_client.post(
                "/api/v1/payments/stripe/webhook",
                content=body,
                headers={"Stripe-Signature": signature},
            )
        ).json()["outcome"]
        for _ in range(3)
    ]
    assert outcomes == ["paid", "duplicate", "duplicate"]
    paid = await Order.get(id=order.id)
    assert (
        paid.payment_status,
        paid.paid_fen,
        paid.payment_method,
        paid.stripe_payment_intent,
    ) == (PaymentStatus.PAID, 2_500_000, "stripe", "pi_test_p1")
    assert await StripeEvent.all().count() == 1
    assert await OrderEvent.filter(order=order, action="paid_online").count() == 1

    # the enterprise cancels before acceptance: the refund goes out once, keyed by the order
    cancelled = await _order_page_post(
        buyer, f"{placed.headers['location']}/actions/cancel", {"reason": "不再需要"}
    )
    assert cancelled.status_code == 303
    refunded = await Order.get(id=order.id)
    assert (refunded.state, refunded.payment_status, refunded.refund_id) == (
        OrderState.CANCELLED,
        PaymentStatus.REFUNDED,
        "re_test_r1",
    )
    assert [(k, f.get("payment_intent"), key) for k, f, key in stand_in.requests[1:]] == [
        ("refund", "pi_test_p1", f"refund-order-{order.id}")
    ]
