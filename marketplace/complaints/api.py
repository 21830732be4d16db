"""Complaint endpoints of the JSON API: lodge and list (enterprise, agency), one complaint,
the office's answer and the enterprise's verdict."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.complaints import schemas, services
from marketplace.complaints.models import Complaint
from marketplace.complaints.views import COMPLAINT_PARTIES, _complaint_owner
from marketplace.complaints.visibility import visible_complaints
from marketplace.http import ApiError
from marketplace.i18n import N_, translate
from marketplace.orders.api import _IDEMPOTENCY_HEADER
from marketplace.schemas import idempotency_key, operation, parse_body

__all__ = ["routes"]


def _complaint_json(c: Complaint) -> dict[str, Any]:
    return {
        "id": c.id,
        "number": c.number,
        "state": c.state.value,
        "enterprise_id": c.enterprise_id,
        "agency_id": c.agency_id,
        "order_id": c.order_id,
        "topic": c.topic,
        "description": c.description,
        "received_on": c.received_on.isoformat(),
        "due_on": c.due_on.isoformat(),
        "answer": c.answer or None,
        "outcome": c.outcome or None,
        "answered_on": c.answered_on.isoformat() if c.answered_on else None,
        "answered_in_time": c.answered_on <= c.due_on if c.answered_on else None,
        "satisfied": c.satisfied,
        "feedback": c.feedback or None,
    }


@allow(roles(Role.ENTERPRISE, Role.AGENCY))
@operation(
    "GET",
    summary="The newest 100 complaints visible to the caller (enterprise, agency)",
    responses={200: ("The complaints, newest first", schemas.ComplaintList)},
)
@operation(
    "POST",
    summary="Lodge a complaint (enterprise)",
    description="About one of your orders (order_id) or about an agency (agency_id). A "
    "complaint about a running order puts it under complaint until the office answers, "
    "within 5 working days. The same Idempotency-Key never lodges two complaints.",
    body=schemas.Lodge,
    headers=[_IDEMPOTENCY_HEADER],
    responses={
        200: ("The complaint lodged earlier with this key", schemas.Complaint),
        201: ("The complaint was lodged", schemas.Complaint),
    },
    errors={
        400: "No or a malformed Idempotency-Key header, or the body is not a JSON object",
        403: "Not an enterprise or agency account, or a session-cookie request without the "
        "x-csrftoken header",
        404: "No agency with this agency_id",
        409: "Refused (not an enterprise, not your order, a complaint open already), with "
        "the reason; nothing changed",
    },
)
async def list_or_lodge(request: Request) -> JSONResponse:
    user = signed_in_user(request)
    if request.method == "GET":
        complaints = await visible_complaints(user).order_by("-id").limit(100)
        return JSONResponse({"complaints": [_complaint_json(c) for c in complaints]})
    key = idempotency_key(request)
    body = await parse_body(request, schemas.Lodge)
    if body.order_id is None and not await Agency.exists(id=body.agency_id):
        message = translate(N_("There is no agency with this id."))
        raise ApiError(404, "unknown_agency", message, field="agency_id")
    key = services.checked_idempotency_key(key)
    before = await Complaint.exists(enterprise_id=user.user.enterprise_id, idempotency_key=key)
    complaint = await services.lodge(
        actor=user,
        topic=body.topic,
        description=body.description,
        idempotency_key=key,
        order_id=body.order_id,
        agency_id=body.agency_id,
        queue=request.state.jobs,
    )
    return JSONResponse(_complaint_json(complaint), status_code=200 if before else 201)


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
@operation(
    summary="One complaint with its answer and the enterprise's verdict",
    responses={200: ("The complaint", schemas.Complaint)},
    errors={
        403: "Not an enterprise, agency or administrator account",
        404: "No such complaint, or not yours",
    },
)
async def get_complaint(request: Request) -> JSONResponse:
    return JSONResponse(_complaint_json(request.state.complaint))


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
@operation(
    "POST",
    summary="Answer a complaint (administrator) or say whether you are satisfied (enterprise)",
    description="answer: the body is an Answer (outcome resume or cancel when the order is "
    "under complaint). feedback: the body is a Feedback.",
    path={"step": {"type": "string", "enum": ["answer", "feedback"]}},
    body=schemas.Step,
    responses={200: ("The complaint after the step", schemas.Complaint)},
    errors={
        403: "Not an enterprise, agency or administrator account, or a session-cookie "
        "request without the x-csrftoken header",
        404: "No such complaint or step, or not yours",
        409: "Not allowed now or not by you, with the reason; nothing changed",
        422: "Invalid input for the step (an outcome for an order under complaint); "
        "nothing changed",
    },
)
async def complaint_step(request: Request) -> JSONResponse:
    step = request.path_params["step"]
    if step not in ("answer", "feedback"):
        raise ApiError(404, "not_found", translate(N_("There is no such step.")))
    complaint: Complaint = request.state.complaint
    user = signed_in_user(request)
    if step == "answer":
        answer = await parse_body(request, schemas.Answer)
        updated = await services.answer(
            complaint.id,
            actor=user,
            text=answer.answer,
            outcome=answer.outcome,
            queue=request.state.jobs,
        )
    else:
        verdict = await parse_body(request, schemas.Feedback)
        updated = await services.give_feedback(
            complaint.id,
            actor=user,
            satisfied=verdict.satisfied,
            feedback=verdict.feedback,
        )
    return JSONResponse(_complaint_json(updated))


routes = [
    Route("/complaints", list_or_lodge, methods=["GET", "POST"], name="api_complaints"),
    Route("/complaints/{id:str}", get_complaint, name="api_complaint"),
    Route(
        "/complaints/{id:str}/{step:str}",
        complaint_step,
        methods=["POST"],
        name="api_complaint_step",
    ),
]
