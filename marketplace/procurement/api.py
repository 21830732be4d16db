"""The public JSON API of purchase requests, under ``/api/v1``: notices, results, draws.

Every announced request is public; who registered and what they quoted is null until the
deadline has passed (``services.registrants_visible``), only the count is given before.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.http import path_id
from marketplace.i18n import gettext
from marketplace.procurement import schemas, services
from marketplace.procurement.labels import EVENT_LABELS, NOTICE_KINDS
from marketplace.procurement.models import PurchaseEvent, PurchaseRequest, Registration
from marketplace.schemas import ID_PARAMETER, operation, parse_query

__all__ = ["routes"]

_PAGE_SIZE = 50


def _purchase(p: PurchaseRequest, count: int) -> dict[str, Any]:
    return {
        "id": p.id,
        "number": p.number,
        "state": p.state.value,
        "enterprise": p.enterprise.name,
        "category_id": p.category_id,
        "category": p.category.name,
        "approval_item_id": p.approval_item_id,
        "project_name": p.project_name,
        "project_code": p.project_code,
        "method": p.method.value,
        "funding": p.funding.value,
        "ceiling_fen": p.ceiling_fen,
        "floor_fen": p.floor_fen,
        "time_limit_days": p.time_limit_days,
        "registration_days": p.registration_days,
        "published_on": p.published_on.isoformat(),
        "deadline": p.deadline.isoformat(),
        "seed_sha256": p.seed_sha256,
        "registrations": count,
    }


@allow(PUBLIC)
@operation(
    summary="Purchase announcements, newest first (50 a page)",
    query=schemas.PurchasePage,
    responses={200: ("The requests of the page and the total", schemas.PurchaseList)},
)
async def list_purchases(request: Request) -> JSONResponse:
    page = parse_query(request, schemas.PurchasePage).page
    query = services.public_requests()
    total = await query.count()
    rows = (
        await query.order_by("-id")
        .offset((page - 1) * _PAGE_SIZE)
        .limit(_PAGE_SIZE)
        .select_related("category", "enterprise")
    )
    counts: dict[int, int] = {}
    for rid in await Registration.filter(request_id__in=[r.id for r in rows]).values_list(
        "request_id", flat=True
    ):
        counts[int(str(rid))] = counts.get(int(str(rid)), 0) + 1
    return JSONResponse(
        {"purchases": [_purchase(p, counts.get(p.id, 0)) for p in rows], "total": total}
    )


@allow(PUBLIC)
@operation(
    summary="One purchase request with its public history",
    description="registrants is null while sealed, before the deadline has passed.",
    path={"id": ID_PARAMETER},
    responses={200: ("The request", schemas.PurchaseDetail)},
    errors={404: "No such purchase request"},
)
async def get_purchase(request: Request) -> JSONResponse:
    p = await PurchaseRequest.get_or_none(id=path_id(request)).select_related(
        "category", "enterprise"
    )
    if p is None:
        raise HTTPException(status_code=404)
    registrations = await Registration.filter(request_id=p.id).select_related("agency")
    visible = services.registrants_visible(p)
    winner = next((r for r in registrations if r.id == p.winner_id), None)
    events = await PurchaseEvent.filter(request_id=p.id, kind__in=NOTICE_KINDS)
    return JSONResponse(
        {
            **_purchase(p, len(registrations)),
            "work": p.work,
            "qualifications": p.qualifications,
            "criteria": p.criteria,
            "excluded_agency_ids": p.excluded_agency_ids,
            "registrants": [
                {
                    "receipt": r.receipt,
                    "agency_id": r.agency_id,
                    "agency": r.agency.name,
                    "quote_fen": r.quote_fen,
                    "score": r.score,
                }
                for r in registrations
            ]
            if visible
            else None,
            "winner_receipt": winner.receipt if winner else None,
            "contract_fen": p.contract_fen,
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "label": gettext(EVENT_LABELS[e.kind]),
                    "text": e.text or None,
                }
                for e in events
            ],
        }
    )


@allow(PUBLIC)
@operation(
    summary="Every input and output of a request's selection, for verify_draw.py",
    description="The revealed seed, the entries in published order and each draw step; "
    "404 until the selection is made.",
    path={"id": ID_PARAMETER},
    responses={200: ("The draw", schemas.Draw)},
    errors={404: "No such purchase request, or no selection yet"},
)
async def get_draw(request: Request) -> JSONResponse:
    p = await PurchaseRequest.get_or_none(id=path_id(request))
    data = await services.draw_data(p) if p is not None else None
    if data is None:
        raise HTTPException(status_code=404)
    return JSONResponse(data)


routes = [
    Route("/purchases", list_purchases, name="api_purchases"),
    Route("/purchases/{id:str}", get_purchase, name="api_purchase"),
    Route("/purchases/{id:str}/draw", get_draw, name="api_purchase_draw"),
]
