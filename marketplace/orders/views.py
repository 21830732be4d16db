"""Order pages: place an order, my orders, an order with its clock, actions, conversation."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import CurrentUser, allow, roles, signed_in_user
from marketplace.accounts.models import Role
from marketplace.catalog import services as catalog
from marketplace.catalog.fees import InvalidBase, parse_base, parse_fee_standard
from marketplace.catalog.models import CommissionedBy
from marketplace.complaints.models import Complaint
from marketplace.forms import FormError, Message, form_code, form_text, parse_id
from marketplace.http import MAX_DB_ID, path_id
from marketplace.i18n import translate
from marketplace.orders import services
from marketplace.orders.clock import clock_of, load_calendar, today
from marketplace.orders.labels import STATE_LABELS
from marketplace.orders.models import Notification, Order, OrderEvent, OrderFile, OrderMessage
from marketplace.orders.notices import notice_view
from marketplace.orders.services import OrderRefused
from marketplace.orders.states import TRANSITIONS
from marketplace.orders.visibility import visible_orders
from marketplace.organisations.models import Professional
from marketplace.payments.stripe_gateway import start_checkout
from marketplace.ratings.models import Rating
from marketplace.templating import render
from marketplace.uploads import read_uploads, stored_path

__all__ = ["routes"]

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


def refusal_text(exc: OrderRefused) -> str:
    params = dict(exc.message.params)
    if "state" in params:
        params["state"] = translate(STATE_LABELS.get(str(params["state"]), str(params["state"])))
    return translate(exc.message.id, params)


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
    try:
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
    except FormError as exc:
        context["errors"] = exc.errors
        return render(request, "orders/order_form.html", context, status_code=422)
    except OrderRefused as exc:
        context["errors"] = {"": Message(exc.message.id, exc.message.params)}
        return render(request, "orders/order_form.html", context, status_code=409)
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
    rating = await Rating.get_or_none(order_id=order.id)
    complaints = await Complaint.filter(order_id=order.id).order_by("id")
    context = {
        "order": order,
        "clock": clock_of(order, calendar, today()),
        "events": events,
        "messages": messages,
        "files": files,
        "actions": actions,
        "professionals": professionals,
        "parties": services.party_of(user, order),
        "errors": {},
        "rating": rating,
        "complaints": complaints,
        "rating_values": {},
        "refusal": None,
        "failed_action": "",
        "reason": "",
        "body": "",
        "stripe_enabled": request.state.settings.stripe_secret_key is not None,
        **extra,
    }
    return render(request, "orders/order_detail.html", context, status_code=status_code)


# --- acting --------------------------------------------------------------------------


def _professional_id(raw: str) -> int | None:
    """The professional chosen in the accept form; anything but an id names no one (the
    service then asks for one if the register is not empty)."""
    raw = raw.strip()
    if raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_DB_ID:
        return int(raw)
    return None


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_action(request: Request) -> Response:
    action = request.path_params["action"]
    if action not in TRANSITIONS:
        raise HTTPException(status_code=404)
    form = await request.form(max_files=10, max_part_size=25 * 1024 * 1024)
    order: Order = request.state.order
    try:
        stored = await read_uploads(_files(form), request.state.settings.media_dir)
        await services.transition(
            order.id,
            action,
            actor=signed_in_user(request),
            reason=form_text(form, "reason", 2100),
            outcome=form_text(form, "outcome", 20),
            professional_id=_professional_id(form_text(form, "professional_id", 20)),
            files=stored,
            queue=request.state.jobs,
        )
    except FormError as exc:
        return await _detail(
            request,
            {"errors": exc.errors, "failed_action": action, "reason": form_text(form, "reason")},
            422,
        )
    except OrderRefused as exc:
        return await _detail(request, {"refusal": refusal_text(exc)}, 409)
    return RedirectResponse(f"/orders/{order.id}#log", status_code=303)


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_message(request: Request) -> Response:
    form = await request.form(max_files=10, max_part_size=25 * 1024 * 1024)
    order: Order = request.state.order
    try:
        stored = await read_uploads(_files(form), request.state.settings.media_dir)
        await services.post_message(
            order,
            actor=signed_in_user(request),
            body=form_text(form, "body"),
            files=stored,
            queue=request.state.jobs,
        )
    except FormError as exc:
        return await _detail(request, {"errors": exc.errors, "body": form_text(form, "body")}, 422)
    except OrderRefused as exc:
        return await _detail(request, {"refusal": refusal_text(exc)}, 403)
    return RedirectResponse(f"/orders/{order.id}#conversation", status_code=303)


@allow(ORDER_PARTIES, owner=_order_owner)
async def order_payment(request: Request) -> Response:
    form = await request.form()
    order: Order = request.state.order
    try:
        amount = parse_base(form_text(form, "amount", 40))
        await services.record_offline_payment(
            order, actor=signed_in_user(request), amount_fen=int(amount * 100)
        )
    except FormError as exc:
        return await _detail(request, {"errors": exc.errors}, 422)
    except InvalidBase as exc:
        return await _detail(request, {"errors": {"amount": Message(exc.message, exc.params)}}, 422)
    except OrderRefused as exc:
        return await _detail(request, {"refusal": refusal_text(exc)}, 409)
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
    try:
        url = await start_checkout(
            order,
            settings=request.state.settings,
            success_url=f"{base}/orders/{order.id}?paid=1#payment",
            cancel_url=f"{base}/orders/{order.id}#payment",
        )
    except OrderRefused as exc:
        return await _detail(request, {"refusal": refusal_text(exc)}, 409)
    return RedirectResponse(url, status_code=303)


# --- notifications -------------------------------------------------------------------


@allow(roles(Role.ENTERPRISE, Role.AGENCY, Role.ADMIN, Role.REVIEWER))
async def notifications(request: Request) -> Response:
    user = signed_in_user(request)
    if request.method == "POST":
        await Notification.filter(user_id=user.id, read_at__isnull=True).update(
            read_at=dt.datetime.now(dt.UTC)
        )
        return RedirectResponse("/notifications", status_code=303)
    items = await Notification.filter(user_id=user.id).order_by("-id").limit(100)
    return render(
        request, "orders/notifications.html", {"notifications": [notice_view(n) for n in items]}
    )


routes = [
    Route("/services/{id:str}/order", order_form, methods=["GET", "POST"], name="order_form"),
    Route("/orders", order_list, name="order_list"),
    Route("/orders/{id:str}", order_detail, name="order_detail"),
    Route(
        "/orders/{id:str}/actions/{action:str}", order_action, methods=["POST"], name="order_action"
    ),
    Route("/orders/{id:str}/messages", order_message, methods=["POST"], name="order_message"),
    Route("/orders/{id:str}/payment", order_payment, methods=["POST"], name="order_payment"),
    Route("/orders/{id:str}/files/{file_id:str}", order_file, name="order_file"),
    Route("/orders/{id:str}/checkout", order_checkout, methods=["POST"], name="order_checkout"),
    Route("/notifications", notifications, methods=["GET", "POST"], name="notifications"),
]
