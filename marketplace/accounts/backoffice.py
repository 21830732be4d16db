"""Back office for accounts: users and roles, the e-mail outbox, the security log."""

from __future__ import annotations

import functools
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from tortoise.functions import Count

from marketplace.access import allow, current_user, roles
from marketplace.accounts import services
from marketplace.accounts.middleware import client_ip
from marketplace.accounts.models import Role, SecurityEvent, User, UserRole
from marketplace.catalog.models import Agency
from marketplace.core.clock import today
from marketplace.core.mail import OutboxEmail
from marketplace.core.outbox import OutboxJob, OutboxStatus
from marketplace.formpages import Failure, dispatch, on_refusal, on_refusal_show, posted_row
from marketplace.forms import FormError, Message, Refused, parse_id
from marketplace.i18n import N_
from marketplace.statistics.overview import office_queue
from marketplace.templating import render

__all__ = ["routes"]

ADMIN = roles(Role.ADMIN)
_PAGE_SIZE = 50
# Roles an administrator hands out here; the enterprise role comes with registration.
ASSIGNABLE_ROLES = (Role.AGENCY, Role.REVIEWER, Role.ADMIN)
NOTICES = {
    "created": N_("The account was created."),
    "roles_saved": N_("The roles were saved."),
}


def _page(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    page = parse_id(raw)
    return page if page is not None and page < 100_000 else 1


def _admin(request: Request) -> User:
    user = current_user(request)
    assert user is not None
    return user.user


def _chosen_roles(values: list[Any]) -> set[Role]:
    return {
        Role(v) for v in values if isinstance(v, str) and v in {r.value for r in ASSIGNABLE_ROLES}
    }


async def _agency_choice(raw: Any) -> Agency | None:
    agency_id = parse_id(raw)
    return await Agency.get_or_none(id=agency_id) if agency_id else None


@allow(ADMIN)
async def index(request: Request) -> Response:
    queue = await office_queue(today())
    return render(request, "backoffice/index.html", {"queue": queue})


async def _users_page(
    request: Request, context: dict[str, Any], status_code: int = 200
) -> Response:
    page = _page(request)
    users = (
        await User.all()
        .order_by("id")
        .offset((page - 1) * _PAGE_SIZE)
        .limit(_PAGE_SIZE)
        .select_related("agency", "enterprise")
    )
    role_rows = await UserRole.filter(user_id__in=[u.id for u in users])
    held: dict[int, set[str]] = {}
    for row in role_rows:
        held.setdefault(row.user_id, set()).add(row.role.value)
    # a refused row form: its row shows the roles as they were chosen, not as they are
    for user_id, chosen in context.get("row_values", {}).items():
        held[user_id] = chosen | (held.get(user_id, set()) & {Role.ENTERPRISE.value})
    row_errors: dict[int, dict[str, Message]] = context.get("row_errors", {})
    shown = {u.id for u in users}
    # a refusal for a row this page does not show (or no row at all) is said above the list
    list_errors = {
        k: m
        for user_id, errs in row_errors.items()
        if user_id not in shown
        for k, m in errs.items()
    }
    context.update(
        users=users,
        held=held,
        page=page,
        total=await User.all().count(),
        page_size=_PAGE_SIZE,
        agencies=await Agency.all().order_by("name").only("id", "name"),
        assignable=ASSIGNABLE_ROLES,
        notice=NOTICES.get(request.query_params.get("done", "")),
        list_errors=list_errors,
    )
    context.setdefault("create_errors", {})
    context.setdefault("row_errors", {})
    context.setdefault("values", {"email": "", "name": "", "agency": "", "roles": []})
    return render(request, "backoffice/users.html", context, status_code=status_code)


@allow(ADMIN)
async def users(request: Request) -> Response:
    return await _users_page(request, {})


@allow(ADMIN)
async def user_create(request: Request) -> Response:
    form = await request.form()
    chosen = _chosen_roles(form.getlist("roles"))
    values: dict[str, Any] = {
        "email": str(form.get("email", ""))[:254],
        "name": str(form.get("name", ""))[:64],
        "agency": str(form.get("agency", ""))[:9],
        "roles": sorted(r.value for r in chosen),
    }
    on_refusal_show(request, _users_page, {"values": values}, errors_key="create_errors")
    if not chosen:
        raise FormError.single("roles", N_("Choose at least one role."))
    await services.create_user(
        email=values["email"],
        name=values["name"],
        password=str(form.get("password", ""))[:1000],
        roles=chosen,
        agency=await _agency_choice(form.get("agency")),
        actor=_admin(request),
        ip=client_ip(request),
    )
    return RedirectResponse("/backoffice/users?done=created", status_code=303)


def _users_address(request: Request, done: str, user_id: int) -> str:
    """The users' page the form was posted from (its page of the list), after ``done``."""
    page = _page(request)
    shown_page = f"page={page}&" if page > 1 else ""
    return f"/backoffice/users?{shown_page}done={done}#user-{user_id}"


async def _row_refused(
    request: Request, user_id: int, wanted: set[str], failure: Failure
) -> Response:
    """The users' page with the refusal at the row of the user it concerns, its roles
    as they were chosen."""
    return await _users_page(
        request, {"row_errors": {user_id: failure.errors}, "row_values": {user_id: wanted}}
    )


@allow(ADMIN)
async def user_roles(request: Request) -> Response:
    """The roles of the user a row of the users' page names (``ROW_KEY``)."""
    form = await request.form()
    user_id = posted_row(form)
    user = await User.get_or_none(id=user_id) if user_id else None
    wanted = _chosen_roles(form.getlist("roles"))
    chosen = {r.value for r in wanted}
    on_refusal(request, functools.partial(_row_refused, request, user.id if user else 0, chosen))
    if user is None:
        raise Refused(N_("This user is not on the list (any more): nothing was changed."))
    if await UserRole.exists(user=user, role=Role.ENTERPRISE):
        wanted.add(Role.ENTERPRISE)
    await services.set_roles(
        user,
        wanted,
        agency=await _agency_choice(form.get("agency")),
        actor=_admin(request),
        ip=client_ip(request),
    )
    return RedirectResponse(_users_address(request, "roles_saved", user.id), status_code=303)


_JOB_STATUS_LABELS = {
    OutboxStatus.PENDING: N_("waiting"),
    OutboxStatus.RUNNING: N_("running"),
    OutboxStatus.DONE: N_("done"),
    OutboxStatus.FAILED: N_("given up"),
}


@allow(ADMIN)
async def outbox(request: Request) -> Response:
    page = _page(request)
    emails = (
        await OutboxEmail.all().order_by("-id").offset((page - 1) * _PAGE_SIZE).limit(_PAGE_SIZE)
    )
    return render(
        request,
        "backoffice/outbox.html",
        {
            "emails": emails,
            "page": page,
            "total": await OutboxEmail.all().count(),
            "page_size": _PAGE_SIZE,
            # the job outbox: what waits or was given up, newest first, and how many of each
            "jobs": await OutboxJob.exclude(status=OutboxStatus.DONE)
            .order_by("-id")
            .limit(_PAGE_SIZE),
            "job_status_labels": _JOB_STATUS_LABELS,
            "job_counts": dict(
                await OutboxJob.all()
                .group_by("status")
                .annotate(n=Count("id"))
                .values_list("status", "n")
            ),
        },
    )


@allow(ADMIN)
async def security_log(request: Request) -> Response:
    page = _page(request)
    query = SecurityEvent.all()
    kind = request.query_params.get("kind", "")[:32]
    if kind:
        query = query.filter(kind=kind)
    events = (
        await query.order_by("-id")
        .offset((page - 1) * _PAGE_SIZE)
        .limit(_PAGE_SIZE)
        .select_related("user", "actor")
    )
    return render(
        request,
        "backoffice/security_log.html",
        {
            "events": events,
            "page": page,
            "total": await query.count(),
            "page_size": _PAGE_SIZE,
            "kind": kind,
        },
    )


routes = [
    Route("/backoffice/", index, name="backoffice"),
    # the list of users and its forms at one address: a new account, and each row's roles
    # (the row naming its user in ``ROW_KEY``)
    Route(
        "/backoffice/users",
        dispatch(users, {"create": user_create, "roles": user_roles}),
        methods=["GET", "POST"],
        name="backoffice_users",
    ),
    Route("/backoffice/outbox", outbox, name="backoffice_outbox"),
    Route("/backoffice/security-log", security_log, name="backoffice_security_log"),
]
