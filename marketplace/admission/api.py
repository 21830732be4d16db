"""The public JSON API of admission rounds, under ``/api/v1``: notices and results.

Each endpoint declares its ``@operation`` with the models of ``admission.schemas``. Drafts
are not public; results appear with the publicity period.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.admission import schemas
from marketplace.admission.labels import EVENT_LABELS
from marketplace.admission.models import AdmissionRound, Application, RoundCategory
from marketplace.admission.services import publicity as publicity_service
from marketplace.admission.services import rounds as round_service
from marketplace.http import path_id
from marketplace.i18n import gettext, translate
from marketplace.schemas import operation

__all__ = ["routes"]


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _round(round: AdmissionRound) -> dict[str, Any]:
    return {
        "id": round.id,
        "title": round.title,
        "status": round.status.value,
        "opens_on": _date(round.opens_on),
        "closes_on": _date(round.closes_on),
        "publicity_days": round.publicity_days,
        "publicity_starts_on": _date(round.publicity_starts_on),
        "publicity_ends_on": _date(round.publicity_ends_on),
        "announced_at": _date(round.announced_at),
        "concluded_at": _date(round.concluded_at),
    }


def _entry(entry: RoundCategory) -> dict[str, Any]:
    return {
        "category_id": entry.category_id,
        "code": entry.category.code,
        "name": entry.category.name,
        "market_type": entry.market_type.value,
        "places": entry.places,
        "designated_holder": entry.holder_name or None,
        "holder_missing": entry.holder_missing,
        "merit_scored": entry.scored,
    }


def _result(application: Application) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "agency": {
            "id": application.agency_id,
            "name": application.agency.name,
            "city": application.agency.city,
            "is_local": application.agency.is_local,
        },
        "status": application.status.value,
        "rank": application.rank,
        "final_score": str(application.final_score)
        if application.final_score is not None
        else None,
        "tie_score": str(application.tie_score) if application.tie_score is not None else None,
        "result_reason": application.result_reason or None,
    }


@allow(PUBLIC)
@operation(
    summary="Announced admission rounds, newest first",
    responses={
        200: (
            "Each round with its status, application window and publicity period "
            "(publicity dates once the results are published)",
            schemas.RoundList,
        )
    },
)
async def list_rounds(request: Request) -> JSONResponse:
    return JSONResponse({"rounds": [_round(r) for r in await round_service.public_rounds()]})


@allow(PUBLIC)
@operation(
    summary="One admission round with its categories, criteria, results and public trail",
    description="Results (per category, best first, with final scores) are present from the "
    "publicity period on. Scores are decimal strings with two places.",
    responses={200: ("The round", schemas.RoundDetail)},
    errors={404: "No announced round with this id"},
)
async def get_round(request: Request) -> JSONResponse:
    round = await round_service.public_round(path_id(request))
    if round is None:
        raise HTTPException(status_code=404)
    entries = await round_service.round_entries(round)
    criteria = await round_service.round_criteria(round)
    results = await publicity_service.results(round)
    objections = await publicity_service.round_objections(round)
    return JSONResponse(
        {
            **_round(round),
            "notice": round.notice,
            "conditions": round.conditions,
            "materials": round.materials,
            "min_score": round.min_score,
            "categories": [
                {
                    **_entry(e),
                    "results": [_result(a) for a in results.get(e.category_id, [])]
                    if round.status in publicity_service.RESULTS_PUBLIC
                    else None,
                }
                for e in entries
            ],
            "criteria": [
                {"name": c.name, "weight": c.weight, "description": c.description} for c in criteria
            ],
            "scoring_rule": [
                translate(m.id, m.params) for m in round_service.tie_rule(criteria, round.min_score)
            ],
            "objections": [
                {
                    "id": o.id,
                    "application_id": o.application_id,
                    "text": o.text,
                    "lodged_at": o.lodged_at.isoformat(),
                    "status": o.status.value,
                    "decision": o.decision or None,
                    "decided_at": _date(o.decided_at),
                }
                for o in objections
            ],
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind,
                    "label": gettext(EVENT_LABELS[e.kind]),
                    "category_id": e.category_id,
                    "agency_id": e.agency_id,
                    "reason": e.reason or None,
                }
                for e in await round_service.public_events(round)
            ],
        }
    )


routes = [
    Route("/rounds", list_rounds, name="api_rounds"),
    Route("/rounds/{id:str}", get_round, name="api_round"),
]
