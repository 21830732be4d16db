"""Order pages: place an order, my orders, an order with its clock, actions, conversation."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog import services as catalog
from marketplace.catalog.fees import InvalidBase, parse_base, parse_fee_standard
from marketplace.catalog.labels import UNIT_LABELS
from marketplace.catalog.models import CommissionedBy
from marketplace.complaints.models import Complaint
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import today
from marketplace.core.notifications import Notification, mark_all_read
from marketplace.core.uploads import read_uploads, stored_path
from marketplace.formpages import Endpoint, Failure, dispatch, failure_of, on_refusal, refusal_text
from marketplace.forms import FormError, Message, form_code, form_text, parse_id
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.orders import services
from marketplace.orders.clock import clock_of
from marketplace.orders.labels import STATE_LABELS
from marketplace.orders.models import (
    Order,
    OrderEvent,
    OrderEventName,
    OrderFile,
    OrderMessage,
    OrderState,
)
from marketplace.orders.notices import notice_view
from marketplace.orders.services import OrderRefused
from marketplace.orders.states import TRANSITIONS, Party
from marketplace.orders.visibility import visible_orders
from marketplace.organisations.models import Professional
from marketplace.payments.stripe_gateway import start_checkout
from marketplace.ratings.models import Rating
from marketplace.templating import render

__all__ = ["refusal_text", "routes"]

ORDER_PARTIES = roles(Role.ENTERPRISE, Role.AGENCY, Role.ADMIN)
# Orders a page of "my orders" lists: an agency with thousands pages through them.
ORDER_PAGE_SIZE = 50
_ORDER_FIELDS = (
    "project_name",
    "project_code",
    "approval_item_id",
    "base",
    "note",
    "idempotency_key",
)


def _files(form: FormData) -> list[UploadFile]:
    return [f for f in form.getlist("files") if isinstance(f, UploadFile)]


_FORM_LIMITS = {"max_files": 10, "max_part_size": 25 * 1024 * 1024}


async def _order_owner(request: Request, user: CurrentUser) -> bool:
    order = await Order.get_or_none(id=path_id(request))
    request.state.order = order
    return order is not None and services.can_see(user, order)


# --- placing -------------------------------------------------------------------------


def _approval_item_id(raw: str) -> int | None:
    """The chosen approval item's id; ``0`` (matches none, so refused) for a non-number."""
    raw = raw.strip()
    if not raw:
        return None
    return parse_id(raw) or 0


@allow(roles(Role.ENTERPRISE))
async def order_form(request: Request) -> Response:
    item = await catalog.get_public_item(path_id(request))
    if item is None:
        raise HTTPException(status_code=404)
    standard = parse_fee_standard(item.fee_standard)
    approval_items = (await catalog.approval_items_by_category([item.category_id]))[
        item.category_id
    ]
    context: dict[str, Any] = {
        "item": item,
        "standard": standard,
        "approval_items": approval_items,
        "orderable": item.category.commissioned_by is CommissionedBy.APPLICANT,
        "errors": {},
        "factors": standard.default_factors(),
        "values": {
            **dict.fromkeys(_ORDER_FIELDS, ""),
            "idempotency_key": secrets.token_urlsafe(16),
        },
    }
    if not context["orderable"]:
        # said before the enterprise fills anything in; place_order refuses a POST too
        message = Message(services.COMMISSIONED_BY_DEPARTMENT)
        if request.method != "POST":
            context["errors"] = {"": message}
            return render(request, "orders/order_form.html", context, status_code=409)
    if request.method != "POST":
        context["values"]["base"] = request.query_params.get("base", "")[:40]
        context["factors"] = {
            **standard.default_factors(),
            **catalog.chosen_factors(standard, request.query_params),
        }
        return render(request, "orders/order_form.html", context)
    form = await request.form(max_files=10, max_part_size=25 * 1024 * 1024)
    context["values"] = {name: form_text(form, name) for name in _ORDER_FIELDS}
    factors = catalog.chosen_factors(
        standard,
        {f"factor_{f.key}": form_text(form, f"factor_{f.key}", 40) for f in standard.factors},
    )
    context["factors"] = {**standard.default_factors(), **factors}
    on_refusal(request, "orders/order_form.html", context)
    stored = await read_uploads(_files(form), request.state.settings.media_dir)
    placed = await services.place_order(
        user=signed_in_user(request),
        item_id=item.id,
        project_name=form_text(form, "project_name", 300),
        project_code=form_code(form, "project_code", 40),
        approval_item_id=_approval_item_id(form_text(form, "approval_item_id", 12)),
        base=form_text(form, "base", 40) or None,
        note=form_text(form, "note"),
        idempotency_key=form_text(form, "idempotency_key", 100),
        files=stored,
        factors=factors,
        queue=request.state.jobs,
    )
    return RedirectResponse(f"/orders/{placed.order.id}", status_code=303)


# --- reading -------------------------------------------------------------------------


def _page_number(request: Request) -> int:
    """The ``page`` of the query string; 1 when absent or not a page number."""
    page = parse_id(request.query_params.get("page", "1"))
    return page if page is not None and page < 100_000 else 1


@allow(ORDER_PARTIES)
async def order_list(request: Request) -> Response:
    user = signed_in_user(request)
    query = visible_orders(user)
    state = request.query_params.get("state", "")
    if state in STATE_LABELS:
        query = query.filter(state=state)
    page = _page_number(request)
    total = await query.count()
    orders = (
        await query.order_by("-id")
        .offset((page - 1) * ORDER_PAGE_SIZE)
        .limit(ORDER_PAGE_SIZE)
        .select_related("item", "agency", "enterprise")
    )
    calendar = await load_calendar()
    on = today()
    return render(
        request,
        "orders/order_list.html",
        {
            "orders": [(o, clock_of(o, calendar, on)) for o in orders],
            "state": state,
            "page": page,
            "total": total,
            "page_size": ORDER_PAGE_SIZE,
        },
    )


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_detail(request: Request) -> Response:
    return await _detail(request, {})


def _fee_base(order: Order) -> tuple[str, str, str] | None:
    """The base the quote was computed on: (its name, the amount as typed, its unit)."""
    if not order.base_amount:
        return None
    standard = parse_fee_standard(order.item_version.fee_standard)
    unit = UNIT_LABELS.get(standard.base_unit or "", "")
    return standard.base_label, order.base_amount, unit


# The enterprise's next step where it is not a button of the state table: the materials
# the agency waits for go by the conversation, a completed order is rated with its form.
_NEXT_STEPS = {
    OrderState.AWAITING_MATERIALS: ("conversation", N_("Send the materials")),
    OrderState.COMPLETED: ("rating", N_("Rate the service")),
}


def _next_step(order: Order, parties: set[Party], *, rated: bool) -> tuple[str, str] | None:
    """(page anchor, label) of the enterprise's next step off the action buttons, if any."""
    if Party.ENTERPRISE not in parties or (rated and order.state is OrderState.COMPLETED):
        return None
    return _NEXT_STEPS.get(order.state)


async def _detail(request: Request, extra: dict[str, Any], status_code: int = 200) -> Response:
    user = signed_in_user(request)
    order: Order = request.state.order
    await order.fetch_related("item", "item_version", "agency", "enterprise", "approval_item")
    if order.professional_id is not None:
        await order.fetch_related("professional")
    actions = services.allowed_actions(user, order)
    # whom the agency can name responsible when it accepts: its own register
    professionals = (
        await Professional.filter(agency_id=order.agency_id, active=True).order_by("id")
        if any(t.action == "accept" for t in actions)
        else []
    )
    calendar = await load_calendar()
    events = await OrderEvent.filter(order=order).order_by("id").select_related("actor")
    messages = await OrderMessage.filter(order=order).order_by("id").select_related("author")
    files = await OrderFile.filter(order=order).order_by("id")
    message_files: dict[int, list[OrderFile]] = {}
    for f in files:
        if f.message_id is not None:
            message_files.setdefault(f.message_id, []).append(f)
    rating = await Rating.get_or_none(order_id=order.id)
    complaints = await Complaint.filter(order_id=order.id).order_by("id")
    actions = services.allowed_actions(user, order)
    parties = services.party_of(user, order)
    cancelled = next((e for e in reversed(events) if e.action == OrderEventName.CANCEL), None)
    context = {
        "order": order,
        "clock": clock_of(order, calendar, today()),
        "events": events,
        "messages": messages,
        "message_files": message_files,
        "files": files,
        "actions": actions,
        "primary": [t for t in actions if t.forward],
        "secondary": [t for t in actions if not t.forward],
        "next_step": _next_step(order, parties, rated=rating is not None),
        "parties": parties,
        "fee_base": _fee_base(order),
        "cancel_event": cancelled if order.state is OrderState.CANCELLED else None,
        "professionals": professionals,
        "errors": {},
        "rating": rating,
        "complaints": complaints,
        "rating_values": {},
        "refusal": None,
        "failed_action": "",
        "reason": "",
        "body": "",
        "stripe_enabled": request.state.settings.stripe_secret_key is not None,
        **_shown_again(request),
        **extra,
    }
    return render(request, "orders/order_detail.html", context, status_code=status_code)


def _shown_again(request: Request) -> dict[str, Any]:
    """What the page shows of a form of it that was refused (``marketplace.formpages``)."""
    failure = failure_of(request)
    if failure is None:
        return {}
    values = failure.values
    return {
        "errors": {} if failure.refusal else failure.errors,
        "refusal": failure.refusal,
        "failed_action": failure.form,
        "reason": values.get("reason", ""),
        "body": values.get("body", ""),
        "amount": values.get("amount", ""),
        "rating_values": values,
    }


def refused_here(request: Request, form: str = "", *, refused_status: int = 409) -> None:
    """A refusal of this request shows the order's page again with the user's input, the
    messages at ``form`` (the ``do`` of the page's form; a transition's action)."""

    async def page(failure: Failure) -> Response:
        return await _detail(request, {"failed_action": failure.form or form})

    on_refusal(request, page, refused_status=refused_status)


# --- acting --------------------------------------------------------------------------


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_action(request: Request) -> Response:
    form = await request.form(**_FORM_LIMITS)
    action = request.path_params.get("action") or form_text(form, "do", 40)
    if action not in TRANSITIONS:
        raise HTTPException(status_code=404)
    order: Order = request.state.order
    refused_here(request, action)
    stored = await read_uploads(_files(form), request.state.settings.media_dir)
    await services.transition(
        order.id,
        action,
        actor=signed_in_user(request),
        reason=form_text(form, "reason", 2100),
        outcome=form_text(form, "outcome", 20),
        # anything but an id names no one (the service then asks for one if the register
        # is not empty)
        professional_id=parse_id(form_text(form, "professional_id", 20).strip()),
        files=stored,
        queue=request.state.jobs,
    )
    return RedirectResponse(f"/orders/{order.id}#log", status_code=303)


@allow(roles(Role.ENTERPRISE), owner=_order_owner)
async def order_cancel(request: Request) -> Response:
    """Cancelling asks first: a page of its own that says what happens and takes the reason
    the agency is shown (works without JavaScript)."""
    order: Order = request.state.order
    user = signed_in_user(request)
    if TRANSITIONS["cancel"] not in services.allowed_actions(user, order):
        return await _detail(
            request,
            {
                "refusal": refusal_text(
                    OrderRefused(
                        N_("This cannot be done while the order is “%(state)s”."),
                        state=order.state.value,
                    )
                )
            },
            409,
        )
    context: dict[str, Any] = {"order": order, "errors": {}, "reason": ""}
    if request.method != "POST":
        return render(request, "orders/cancel.html", context)
    form = await request.form()
    reason = form_text(form, "reason", 2100)

    async def refused(failure: Failure) -> Response:
        # the reason's error on this page; a refusal of state on the order's page
        if failure.refusal is not None:
            return await _detail(request, {"refusal": failure.refusal}, failure.status_code)
        shown = {**context, "errors": failure.errors, "reason": reason}
        return render(request, "orders/cancel.html", shown, status_code=failure.status_code)

    on_refusal(request, refused)
    await services.transition(
        order.id, "cancel", actor=user, reason=reason, queue=request.state.jobs
    )
    return RedirectResponse(f"/orders/{order.id}#log", status_code=303)


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_message(request: Request) -> Response:
    form = await request.form(**_FORM_LIMITS)
    order: Order = request.state.order
    refused_here(request, "message", refused_status=403)
    stored = await read_uploads(_files(form), request.state.settings.media_dir)
    await services.post_message(
        order,
        actor=signed_in_user(request),
        body=form_text(form, "body"),
        files=stored,
        queue=request.state.jobs,
    )
    return RedirectResponse(f"/orders/{order.id}#conversation", status_code=303)


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_payment(request: Request) -> Response:
    form = await request.form(**_FORM_LIMITS)
    order: Order = request.state.order
    refused_here(request, "payment")
    try:
        amount = parse_base(form_text(form, "amount", 40))
    except InvalidBase as exc:
        raise FormError({"amount": Message(exc.message, exc.params)}) from None
    await services.record_offline_payment(
        order, actor=signed_in_user(request), amount_fen=int(amount * 100)
    )
    return RedirectResponse(f"/orders/{order.id}#payment", status_code=303)


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_file(request: Request) -> Response:
    order: Order = request.state.order
    file_id = path_id(request, "file_id")
    stored = await OrderFile.get_or_none(id=file_id, order_id=order.id)
    if stored is None:
        raise HTTPException(status_code=404)
    path = stored_path(request.state.settings.media_dir, stored.sha256)
    if not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(
        path,
        media_type=stored.content_type,
        filename=stored.filename,
        content_disposition_type="attachment",
    )


@allow(roles(Role.ENTERPRISE), owner=_order_owner)
async def order_checkout(request: Request) -> Response:
    order: Order = request.state.order
    base = request.state.settings.public_url
    refused_here(request, "checkout")
    url = await start_checkout(
        order,
        settings=request.state.settings,
        success_url=f"{base}/orders/{order.id}?paid=1#payment",
        cancel_url=f"{base}/orders/{order.id}#payment",
    )
    return RedirectResponse(url, status_code=303)


# --- notifications -------------------------------------------------------------------


@allow(roles(Role.ENTERPRISE, Role.AGENCY, Role.ADMIN, Role.REVIEWER))
async def notifications(request: Request) -> Response:
    user = signed_in_user(request)
    if request.method == "POST":
        await mark_all_read(user.id)
        return RedirectResponse("/notifications", status_code=303)
    items = await Notification.filter(user_id=user.id).order_by("-id").limit(100)
    return render(
        request, "orders/notifications.html", {"notifications": [notice_view(n) for n in items]}
    )


# The forms the order's page posts to its own address, by their ``do``; the rating forms
# add theirs (marketplace.ratings.views).
PAGE_FORMS: dict[str, Endpoint] = {
    **dict.fromkeys(TRANSITIONS, order_action),
    "message": order_message,
    "payment": order_payment,
    "checkout": order_checkout,
}

routes = [
    Route("/services/{id:str}/order", order_form, methods=["GET", "POST"], name="order_form"),
    Route("/orders", order_list, name="order_list"),
    # the page and its forms at one address (each form names itself in ``do``)
    Route(
        "/orders/{id:str}",
        dispatch(
            order_detail,
            PAGE_FORMS,
            **_FORM_LIMITS,
        ),
        methods=["GET", "POST"],
        name="order_detail",
    ),
    Route(
        "/orders/{id:str}/actions/{action:str}", order_action, methods=["POST"], name="order_action"
    ),
    Route("/orders/{id:str}/cancel", order_cancel, methods=["GET", "POST"], name="order_cancel"),
    Route("/orders/{id:str}/messages", order_message, methods=["POST"], name="order_message"),
    Route("/orders/{id:str}/payment", order_payment, methods=["POST"], name="order_payment"),
    Route("/orders/{id:str}/files/{file_id:str}", order_file, name="order_file"),
    Route("/orders/{id:str}/checkout", order_checkout, methods=["POST"], name="order_checkout"),
    Route("/notifications", notifications, methods=["GET", "POST"], name="notifications"),
]
