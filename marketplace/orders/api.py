"""Order endpoints of the JSON API, and the Stripe webhook."""

from __future__ import annotations

from typing import Any

import stripe
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow, signed_in_user
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import today
from marketplace.core.workdays import WorkCalendar
from marketplace.http import ApiError
from marketplace.i18n import N_, translate
from marketplace.orders import schemas, services
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.views import ORDER_PARTIES, _order_owner
from marketplace.orders.visibility import visible_orders
from marketplace.payments.stripe_gateway import handle_webhook
from marketplace.schemas import (
    IDEMPOTENCY_KEY_PATTERN,
    idempotency_key,
    operation,
    parse_body,
    parse_query,
)

__all__ = ["routes"]


async def _order_json(
    order: Order, *, with_events: bool = False, calendar: WorkCalendar | None = None
) -> dict[str, Any]:
    if calendar is None:
        # an order not yet accepted has no clock to run (a placement's answer): no reads
        calendar = await load_calendar() if order.accepted_on is not None else WorkCalendar()
    clock = clock_of(order, calendar, today())
    body: dict[str, Any] = {
        "id": order.id,
        "number": order.number,
        "state": order.state.value,
        "item_id": order.item_id,
        "item_version_id": order.item_version_id,
        "approval_item_id": order.approval_item_id,
        "agency_id": order.agency_id,
        "enterprise_id": order.enterprise_id,
        "project_name": order.project_name,
        "project_code": order.project_code,
        "base_amount": order.base_amount,
        "quoted_low_fen": order.quoted_low_fen,
        "quoted_high_fen": order.quoted_high_fen,
        "fee_factors": {key: chosen["option"] for key, chosen in order.fee_factors.items()},
        "payment_status": order.payment_status.value,
        "time_limit_days": order.time_limit_days,
        "professional": _professional_json(order),
        "clock": {
            "accepted_on": order.accepted_on.isoformat() if order.accepted_on else None,
            "deadline": clock.deadline.isoformat() if clock.deadline else None,
            "days_used": clock.days_used,
            "days_left": clock.days_left,
            "overdue": clock.overdue,
            "paused": clock.paused,
            "provisional": clock.provisional,
        },
    }
    if with_events:
        body["events"] = [
            {
                "at": e.at.isoformat(),
                "actor_id": e.actor_id,
                "action": e.action,
                "from_state": e.from_state,
                "to_state": e.to_state,
                "reason": e.reason,
            }
            for e in await OrderEvent.filter(order=order).order_by("id")
        ]
    return body


def _professional_json(order: Order) -> dict[str, Any] | None:
    """The licensed professional named responsible on accepting (loaded with the order)."""
    p = order.professional if order.professional_id is not None else None
    if p is None:
        return None
    return {
        "id": p.id,
        "name": p.name,
        "qualification": p.qualification,
        "certificate_no": p.certificate_no,
    }


_IDEMPOTENCY_HEADER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "pattern": IDEMPOTENCY_KEY_PATTERN},
    "description": "Chosen by the client, one per order: the same key never places two",
}


@allow(ORDER_PARTIES)
@operation(
    "GET",
    summary="The orders visible to the caller, newest first, a page at a time",
    query=schemas.OrderPage,
    responses={200: ("A page of orders with the total count", schemas.OrderList)},
)
@operation(
    "POST",
    summary="Place an order (enterprise)",
    description="The same Idempotency-Key never creates two orders: the second answer is "
    "200 with the first order.",
    body=schemas.PlaceOrder,
    headers=[_IDEMPOTENCY_HEADER],
    responses={
        200: ("The order placed earlier with this key", schemas.Order),
        201: ("The order was placed", schemas.Order),
    },
    errors={
        400: "No or a malformed Idempotency-Key header, or the body is not a JSON object",
        403: "Not an enterprise or agency account, or a session-cookie request without the "
        "x-csrftoken header",
        409: "Refused (not an enterprise account, or the item cannot be ordered now), with "
        "the reason; nothing changed",
        422: "Invalid input, field by field (also: a base the item's fee cannot be priced "
        "with, an implausible project year); nothing changed",
    },
)
async def list_or_place(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    if request.method == "GET":
        params = parse_query(request, schemas.OrderPage)
        query = visible_orders(user)
        total = await query.count()
        orders = (
            await query.select_related("professional")
            .order_by("-id")
            .offset((params.page - 1) * params.per_page)
            .limit(params.per_page)
        )
        calendar = await load_calendar()  # once for the page, not per order
        return JSONResponse(
            {
                "orders": [await _order_json(o, calendar=calendar) for o in orders],
                "page": params.page,
                "per_page": params.per_page,
                "total": total,
            }
        )
    key = idempotency_key(request)
    body = await parse_body(request, schemas.PlaceOrder)
    placed = await services.place_order(
        user=user,
        item_id=body.item_id,
        project_name=body.project_name,
        project_code=body.project_code,
        base=body.base,
        note=body.note,
        idempotency_key=key,
        factors=body.factors,
        approval_item_id=body.approval_item_id,
        queue=request.state.jobs,
    )
    return JSONResponse(await _order_json(placed.order), status_code=201 if placed.created else 200)


@allow(ORDER_PARTIES, owner=_order_owner)
@operation(
    summary="One order with its clock and log",
    responses={200: ("The order", schemas.Order)},
    errors={
        403: "Not an enterprise, agency or administrator account",
        404: "No such order, or not yours",
    },
)
async def get_order(request: Request) -> JSONResponse:
    order: Order = request.state.order
    if order.professional_id is not None:
        await order.fetch_related("professional")
    return JSONResponse(await _order_json(order, with_events=True))


@allow(ORDER_PARTIES, owner=_order_owner)
@operation(
    "POST",
    summary="Make a transition (accept, decline, cancel, pause, resume, confirm, send_back)",
    description="decline, pause and send_back need a reason; accept names the licensed "
    "professional responsible (professional_id, from the agency's register: required while "
    "the register is not empty). Delivering needs files and is "
    "done on the order page; complaints (complain, resolve) go through /complaints and "
    "ratings through the order page, so those answer 409 here.",
    path={"action": {"type": "string", "enum": list(schemas.API_ACTIONS)}},
    body=schemas.ActionBody,
    responses={200: ("The order after the transition", schemas.Order)},
    errors={
        403: "Not an enterprise, agency or administrator account, or a session-cookie "
        "request without the x-csrftoken header",
        404: "No such order or action, or not yours",
        409: "Not allowed now or not by you, with the reason; nothing changed",
        422: "Invalid input (a reason the action needs, files to deliver); nothing changed",
    },
)
async def order_action(request: Request) -> JSONResponse:
    action = request.path_params["action"]
    if action not in schemas.API_ACTIONS:
        raise HTTPException(status_code=404)
    body = await parse_body(request, schemas.ActionBody)
    order: Order = request.state.order
    updated = await services.transition(
        order.id,
        action,
        actor=signed_in_user(request),
        reason=body.reason,
        outcome=body.outcome,
        professional_id=body.professional_id,
        queue=request.state.jobs,
    )
    if updated.professional_id is not None:
        await updated.fetch_related("professional")
    return JSONResponse(await _order_json(updated, with_events=True))


@allow(PUBLIC)
@operation(
    "POST",
    summary="Stripe's webhook (verified by its signature)",
    description="Called by Stripe only: the Stripe-Signature header signs the exact body "
    "with the webhook secret.",
    headers=[
        {
            "name": "Stripe-Signature",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
        }
    ],
    responses={200: ("Processed (once, however often Stripe sends it)", schemas.WebhookAnswer)},
    errors={400: "Signature or payload invalid; nothing changed"},
)
async def stripe_webhook(request: Request) -> Response:
    payload = await request.body()
    try:
        outcome = await handle_webhook(
            payload, request.headers.get("stripe-signature"), settings=request.state.settings
        )
    except (stripe.SignatureVerificationError, ValueError):
        raise ApiError(
            400, "invalid_signature", translate(N_("The webhook signature does not verify."))
        ) from None
    return JSONResponse({"received": True, "outcome": outcome})


routes = [
    Route("/orders", list_or_place, methods=["GET", "POST"], name="api_orders"),
    Route("/orders/{id:str}", get_order, name="api_order"),
    Route("/orders/{id:str}/{action:str}", order_action, methods=["POST"], name="api_order_action"),
    Route("/payments/stripe/webhook", stripe_webhook, methods=["POST"], name="stripe_webhook"),
]
