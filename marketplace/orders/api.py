"""Order endpoints of the JSON API, and the Stripe webhook."""

from __future__ import annotations

from typing import Any

import stripe
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise.expressions import Q

from marketplace.access import PUBLIC, allow, signed_in_user
from marketplace.forms import FormError
from marketplace.http import ApiError, api_form_error, json_body, page_params
from marketplace.orders import services
from marketplace.orders.clock import clock_of, load_calendar, today
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services import OrderRefused
from marketplace.orders.states import TRANSITIONS
from marketplace.orders.views import ORDER_PARTIES, _order_owner, refusal_text
from marketplace.payments.stripe_gateway import handle_webhook
from marketplace.workdays import WorkCalendar

__all__ = ["routes"]


async def _order_json(
    order: Order, *, with_events: bool = False, calendar: WorkCalendar | None = None
) -> dict[str, Any]:
    if calendar is None:
        calendar = await load_calendar()
    clock = clock_of(order, calendar, today())
    body: dict[str, Any] = {
        "id": order.id,
        "number": order.number,
        "state": order.state.value,
        "item_id": order.item_id,
        "item_version_id": order.item_version_id,
        "agency_id": order.agency_id,
        "enterprise_id": order.enterprise_id,
        "project_name": order.project_name,
        "project_code": order.project_code,
        "base_amount": order.base_amount,
        "quoted_low_fen": order.quoted_low_fen,
        "quoted_high_fen": order.quoted_high_fen,
        "payment_status": order.payment_status.value,
        "time_limit_days": order.time_limit_days,
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


@allow(ORDER_PARTIES)
async def list_or_place(request: Request) -> JSONResponse:
    """
    summary: Orders visible to the caller (GET), or place an order (POST, enterprise)
    description: POST needs an Idempotency-Key header; the same key never creates two
      orders (the second answer is 200 with the first order). Body - item_id,
      project_name, project_code, base (string, when the fee needs one), note.
      GET returns the newest first, a page at a time, with the total count.
    parameters:
      - {name: page, in: query, schema: {type: integer, minimum: 1, default: 1}}
      - {name: per_page, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 100}}
    responses:
      200: {description: "A page of orders, or the order placed earlier with this key"}
      400: {description: "A bad page or per_page"}
      201: {description: "The order was placed"}
      422: {description: "Invalid input, field by field"}
    """
    user = signed_in_user(request)
    if request.method == "GET":
        query = Order.all()
        if "admin" not in {r.value for r in user.roles}:
            mine = Q(id=-1)
            if user.user.enterprise_id:
                mine |= Q(enterprise_id=user.user.enterprise_id)
            if user.user.agency_id:
                mine |= Q(agency_id=user.user.agency_id)
            query = query.filter(mine)
        page, per_page = page_params(request, default_per_page=100, max_per_page=100)
        total = await query.count()
        orders = await query.order_by("-id").offset((page - 1) * per_page).limit(per_page)
        calendar = await load_calendar()
        return JSONResponse(
            {
                "orders": [await _order_json(o, calendar=calendar) for o in orders],
                "page": page,
                "per_page": per_page,
                "total": total,
            }
        )
    key = request.headers.get("idempotency-key", "")
    if not key:
        raise ApiError(400, "idempotency_key_missing", "Send an Idempotency-Key header.")
    body = await json_body(request)
    item_id = body.get("item_id")
    if not isinstance(item_id, int) or not 0 < item_id < 2**31:
        raise ApiError(
            422, "invalid", "item_id must be the id of a published service item.", field="item_id"
        )
    try:
        placed = await services.place_order(
            user=user,
            item_id=item_id,
            project_name=str(body.get("project_name", ""))[:300],
            project_code=str(body.get("project_code", ""))[:40],
            base=str(body["base"])[:40] if body.get("base") is not None else None,
            note=str(body.get("note", ""))[:6000],
            idempotency_key=key[:100],
        )
    except FormError as exc:
        raise api_form_error(exc) from None
    except OrderRefused as exc:
        raise ApiError(409, "refused", refusal_text(exc)) from None
    return JSONResponse(await _order_json(placed.order), status_code=201 if placed.created else 200)


@allow(ORDER_PARTIES, owner=_order_owner)
async def get_order(request: Request) -> JSONResponse:
    """
    summary: One order with its clock and log
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
    responses:
      200: {description: "The order"}
      404: {description: "No such order, or not yours"}
    """
    return JSONResponse(await _order_json(request.state.order, with_events=True))


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_action(request: Request) -> JSONResponse:
    """
    summary: Make a transition (accept, decline, cancel, pause, resume, confirm, send_back, …)
    description: Body - reason (where the action needs one). Delivering needs files and is
      done on the order page. Complaints (complain, resolve) go through /complaints.
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
      - {name: action, in: path, required: true, schema: {type: string}}
    responses:
      200: {description: "The order after the transition"}
      409: {description: "Not allowed now or not by you, with the reason; nothing changed"}
      422: {description: "Invalid input"}
    """
    action = request.path_params["action"]
    if action not in TRANSITIONS or action == "auto_confirm":
        raise HTTPException(status_code=404)
    body = await json_body(request)
    order: Order = request.state.order
    try:
        updated = await services.transition(
            order.id,
            action,
            actor=signed_in_user(request),
            reason=str(body.get("reason", ""))[:2100],
            outcome=str(body.get("outcome", ""))[:20],
            queue=request.state.jobs,
        )
    except FormError as exc:
        raise api_form_error(exc) from None
    except OrderRefused as exc:
        raise ApiError(409, "refused", refusal_text(exc)) from None
    return JSONResponse(await _order_json(updated, with_events=True))


@allow(PUBLIC)
async def stripe_webhook(request: Request) -> Response:
    """
    summary: Stripe's webhook (verified by its signature)
    responses:
      200: {description: "Processed (once, however often Stripe sends it)"}
      400: {description: "Signature or payload invalid; nothing changed"}
    """
    payload = await request.body()
    try:
        outcome = await handle_webhook(
            payload, request.headers.get("stripe-signature"), settings=request.state.settings
        )
    except (stripe.SignatureVerificationError, ValueError):
        raise ApiError(400, "invalid_signature", "The webhook signature does not verify.") from None
    return JSONResponse({"received": True, "outcome": outcome})


routes = [
    Route("/orders", list_or_place, methods=["GET", "POST"], name="api_orders"),
    Route("/orders/{id:str}", get_order, name="api_order"),
    Route("/orders/{id:str}/{action:str}", order_action, methods=["POST"], name="api_order_action"),
    Route("/payments/stripe/webhook", stripe_webhook, methods=["POST"], name="stripe_webhook"),
]
