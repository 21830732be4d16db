"""Complaint pages: the form, the list, one complaint with its answer and the verdict,
and the office's queue in the back office."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from starlette.datastructures import FormData, QueryParams, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.complaints import services
from marketplace.complaints.models import Complaint, ComplaintFile, ComplaintState
from marketplace.complaints.visibility import visible_complaints
from marketplace.core.clock import today
from marketplace.core.uploads import MAX_FILES, read_uploads, stored_path
from marketplace.formpages import dispatch, on_refusal, on_refusal_show
from marketplace.forms import form_text, parse_id
from marketplace.http import path_id
from marketplace.orders.models import Order, OrderState
from marketplace.orders.states import ACTIVE_STATES
from marketplace.templating import render

__all__ = ["routes"]

COMPLAINT_PARTIES = roles(Role.ENTERPRISE, Role.AGENCY, Role.ADMIN)
_FIELDS = ("topic", "description", "idempotency_key", "order", "agency")
# The fields of the complaint's page (the answer, the verdict), empty.
_NO_VALUES = {"answer": "", "outcome": "", "feedback": "", "satisfied": ""}


def _small_id(raw: str) -> int | None:
    return parse_id(raw)


async def _complaint_owner(request: Request, user: CurrentUser) -> bool:
    complaint = await Complaint.get_or_none(id=path_id(request))
    request.state.complaint = complaint
    return complaint is not None and services.can_see(user, complaint)


# --- lodging -------------------------------------------------------------------------


@allow(roles(Role.ENTERPRISE))
async def complaint_form(request: Request) -> Response:
    if request.method != "POST":
        return await _complaint_form(request, request.query_params)
    form = await request.form(max_files=MAX_FILES, max_part_size=25 * 1024 * 1024)
    try:
        return await _complaint_form(request, form)
    finally:
        await form.close()  # every part sent as a file, whichever field it claims to be


async def _complaint_form(request: Request, source: QueryParams | FormData) -> Response:
    user = signed_in_user(request)
    values = {name: form_text(source, name, 4000) for name in _FIELDS}
    if request.method != "POST":
        values["idempotency_key"] = secrets.token_urlsafe(16)
    order_id = _small_id(values["order"])
    order = (
        await Order.get_or_none(id=order_id, enterprise_id=user.user.enterprise_id).select_related(
            "agency", "item"
        )
        if order_id is not None
        else None
    )
    agency_id = _small_id(values["agency"])
    agency = (
        order.agency if order else await Agency.get_or_none(id=agency_id) if agency_id else None
    )
    if values["order"] and order is None:
        raise HTTPException(status_code=404)  # not an order of this enterprise
    context: dict[str, Any] = {
        "values": values,
        "errors": {},
        "order": order,
        "agency": agency,
        "topics": services.TOPICS,
        "puts_under_complaint": order is not None and order.state in ACTIVE_STATES,
        "agencies": [] if agency else await Agency.all().order_by("name").only("id", "name"),
    }
    if request.method != "POST":
        return render(request, "complaints/form.html", context)
    on_refusal(request, "complaints/form.html", context)
    uploads = [f for f in source.getlist("files") if isinstance(f, UploadFile)]
    files = await read_uploads(uploads, request.state.settings.media_dir)
    complaint = await services.lodge(
        actor=user,
        topic=values["topic"],
        description=values["description"],
        idempotency_key=values["idempotency_key"],
        order_id=order.id if order else None,
        agency_id=agency.id if agency else None,
        queue=request.state.jobs,
        files=files,
    )
    return RedirectResponse(f"/complaints/{complaint.id}", status_code=303)


# --- reading -------------------------------------------------------------------------


@allow(roles(Role.ENTERPRISE, Role.AGENCY))
async def complaint_list(request: Request) -> Response:
    user = signed_in_user(request)
    complaints = (
        await visible_complaints(user).order_by("-id").limit(200).select_related("agency", "order")
    )
    return render(
        request,
        "complaints/list.html",
        {"complaints": complaints, "on": today(), "topics": services.TOPICS},
    )


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
async def complaint_detail(request: Request) -> Response:
    return await _detail(request, {})


async def _detail(request: Request, extra: dict[str, Any], status_code: int = 200) -> Response:
    user = signed_in_user(request)
    complaint: Complaint = request.state.complaint
    await complaint.fetch_related("agency", "order", "enterprise", "answered_by")
    context = {
        "complaint": complaint,
        "files": await ComplaintFile.filter(complaint_id=complaint.id).order_by("id"),
        "topics": services.TOPICS,
        "on": today(),
        "is_admin": Role.ADMIN in user.roles,
        "is_complainant": Role.ENTERPRISE in user.roles
        and user.user.enterprise_id == complaint.enterprise_id,
        "disputed": complaint.state is ComplaintState.OPEN
        and complaint.order is not None
        and complaint.order.state is OrderState.DISPUTED,
        "errors": {},
        "values": dict(_NO_VALUES),
        "refusal": None,
        **extra,
    }
    return render(request, "complaints/detail.html", context, status_code=status_code)


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
async def complaint_file(request: Request) -> Response:
    """A complaint's evidence file, for those who see the complaint."""
    complaint: Complaint = request.state.complaint
    stored = await ComplaintFile.get_or_none(
        id=path_id(request, "file_id"), complaint_id=complaint.id
    )
    path = stored_path(request.state.settings.media_dir, stored.sha256) if stored else None
    if stored is None or path is None or not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(
        path,
        media_type=stored.content_type,
        filename=stored.filename,
        content_disposition_type="attachment",
    )


# --- answering and the verdict ---------------------------------------------------------


@allow(roles(Role.ADMIN), owner=_complaint_owner)
async def complaint_answer(request: Request) -> Response:
    form = await request.form()
    complaint: Complaint = request.state.complaint
    values = {"answer": form_text(form, "answer", 2100), "outcome": form_text(form, "outcome", 20)}
    on_refusal_show(request, _detail, {"values": {**_NO_VALUES, **values}}, shows_refusal=True)
    await services.answer(
        complaint.id,
        actor=signed_in_user(request),
        text=values["answer"],
        outcome=values["outcome"],
        queue=request.state.jobs,
    )
    return RedirectResponse(f"/complaints/{complaint.id}", status_code=303)


@allow(roles(Role.ENTERPRISE), owner=_complaint_owner)
async def complaint_feedback(request: Request) -> Response:
    form = await request.form()
    complaint: Complaint = request.state.complaint
    values = {
        "satisfied": form_text(form, "satisfied", 5),
        "feedback": form_text(form, "feedback", 1100),
    }
    on_refusal_show(request, _detail, {"values": {**_NO_VALUES, **values}}, shows_refusal=True)
    await services.give_feedback(
        complaint.id,
        actor=signed_in_user(request),
        satisfied=values["satisfied"],
        feedback=values["feedback"],
    )
    return RedirectResponse(f"/complaints/{complaint.id}", status_code=303)


# --- the office's queue ----------------------------------------------------------------


@allow(roles(Role.ADMIN))
async def backoffice_complaints(request: Request) -> Response:
    state = request.query_params.get("state", "open")
    query = Complaint.all()
    if state in {s.value for s in ComplaintState}:
        query = query.filter(state=state)
    else:
        state = ""
    complaints = (
        await query.order_by("due_on", "id")
        .limit(300)
        .select_related("agency", "order", "enterprise")
    )
    on = today()
    year_start = dt.date(on.year, 1, 1)
    month_start = on.replace(day=1)
    return render(
        request,
        "complaints/backoffice.html",
        {
            "complaints": complaints,
            "state": state,
            "on": on,
            "topics": services.TOPICS,
            "month_start": month_start,
            "month_stats": await services.complaint_stats(month_start, on),
            "year_start": year_start,
            "year_stats": await services.complaint_stats(year_start, on),
        },
    )


routes = [
    Route("/complaints", complaint_list, name="complaint_list"),
    Route("/complaints/new", complaint_form, methods=["GET", "POST"], name="complaint_form"),
    # the page and its two forms at one address (each names itself in ``do``)
    Route(
        "/complaints/{id:str}",
        dispatch(complaint_detail, {"answer": complaint_answer, "feedback": complaint_feedback}),
        methods=["GET", "POST"],
        name="complaint_detail",
    ),
    Route("/complaints/{id:str}/files/{file_id:str}", complaint_file, name="complaint_file"),
    Route(
        "/complaints/{id:str}/answer",
        complaint_answer,
        methods=["POST"],
        name="complaint_answer",
    ),
    Route(
        "/complaints/{id:str}/feedback",
        complaint_feedback,
        methods=["POST"],
        name="complaint_feedback",
    ),
    Route("/backoffice/complaints", backoffice_complaints, name="backoffice_complaints"),
]
