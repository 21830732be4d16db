"""Complaint endpoints of the JSON API: lodge and list (enterprise, agency), one complaint,
the office's answer and the enterprise's verdict."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.models import Role
from marketplace.complaints import services
from marketplace.complaints.models import Complaint
from marketplace.complaints.views import COMPLAINT_PARTIES, _complaint_owner
from marketplace.complaints.visibility import visible_complaints
from marketplace.forms import FormError
from marketplace.http import ApiError, api_form_error, json_body
from marketplace.orders.services import OrderRefused
from marketplace.orders.views import refusal_text

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


def _optional_id(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**31:
        raise ApiError(422, "invalid", f"{name} must be an id.", field=name)
    return value


@allow(roles(Role.ENTERPRISE, Role.AGENCY))
async def list_or_lodge(request: Request) -> JSONResponse:
    """
    summary: Complaints visible to the caller (GET), or lodge a complaint (POST, enterprise)
    description: POST needs an Idempotency-Key header; the same key never lodges two
      complaints. Body - order_id (one of your orders) or agency_id, topic (overdue, fees,
      quality, attitude, conduct, other), description. A complaint about a running order
      puts it under complaint until the office answers, within 5 working days.
    responses:
      200: {description: "The complaints, or the complaint lodged earlier with this key"}
      201: {description: "The complaint was lodged"}
      409: {description: "Refused, with the reason; nothing changed"}
      422: {description: "Invalid input, field by field"}
    """
    user = signed_in_user(request)
    if request.method == "GET":
        complaints = await visible_complaints(user).order_by("-id").limit(100)
        return JSONResponse({"complaints": [_complaint_json(c) for c in complaints]})
    key = request.headers.get("idempotency-key", "")
    if not key:
        raise ApiError(400, "idempotency_key_missing", "Send an Idempotency-Key header.")
    body = await json_body(request)
    try:
        key = services.checked_idempotency_key(key)
        before = await Complaint.exists(enterprise_id=user.user.enterprise_id, idempotency_key=key)
        complaint = await services.lodge(
            actor=user,
            topic=str(body.get("topic", ""))[:40],
            description=str(body.get("description", ""))[:2100],
            idempotency_key=key,
            order_id=_optional_id(body, "order_id"),
            agency_id=_optional_id(body, "agency_id"),
            queue=request.state.jobs,
        )
    except FormError as exc:
        raise api_form_error(exc) from None
    except OrderRefused as exc:
        raise ApiError(409, "refused", refusal_text(exc)) from None
    return JSONResponse(_complaint_json(complaint), status_code=200 if before else 201)


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
async def get_complaint(request: Request) -> JSONResponse:
    """
    summary: One complaint with its answer and the enterprise's verdict
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
    responses:
      200: {description: "The complaint"}
      404: {description: "No such complaint, or not yours"}
    """
    return JSONResponse(_complaint_json(request.state.complaint))


@allow(COMPLAINT_PARTIES, owner=_complaint_owner)
async def complaint_step(request: Request) -> JSONResponse:
    """
    summary: Answer a complaint (administrator) or say whether you are satisfied (enterprise)
    description: answer - body answer, and outcome (resume or cancel) when the order is
      under complaint. feedback - body satisfied ("yes" or "no"), feedback (optional).
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
      - {name: step, in: path, required: true, schema: {type: string, enum: [answer, feedback]}}
    responses:
      200: {description: "The complaint after the step"}
      409: {description: "Not allowed now or not by you, with the reason; nothing changed"}
      422: {description: "Invalid input"}
    """
    step = request.path_params["step"]
    if step not in ("answer", "feedback"):
        raise ApiError(404, "not_found", "There is no such step.")
    body = await json_body(request)
    complaint: Complaint = request.state.complaint
    user = signed_in_user(request)
    try:
        if step == "answer":
            outcome = str(body.get("outcome", ""))[:20]
            updated = await services.answer(
                complaint.id,
                actor=user,
                text=str(body.get("answer", ""))[:2100],
                outcome=outcome,
                queue=request.state.jobs,
            )
        else:
            updated = await services.give_feedback(
                complaint.id,
                actor=user,
                satisfied=str(body.get("satisfied", ""))[:5],
                feedback=str(body.get("feedback", ""))[:1100],
            )
    except FormError as exc:
        raise api_form_error(exc) from None
    except OrderRefused as exc:
        raise ApiError(409, "refused", refusal_text(exc)) from None
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
