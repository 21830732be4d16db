"""The JSON API of purchase requests, under ``/api/v1``: the public notices, results and
draws, and every step of the owner, the agencies and the office.

Every announced request is public; who registered and what they quoted is null until the
deadline has passed (``services.registrants_visible``), only the count is given before,
to every caller alike (the owner and the office included); an agency reads its own
receipt and quote only, at ``/purchases/{id}/registration``. Each step calls one service,
which checks who may take it (``services.is_owner``, ``agency_of``, the office's role)
and when: its ``PurchaseRefused`` is a 409 and its ``FormError`` a 422 (``formpages``),
with nothing changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import PUBLIC, Access, allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.models import Category
from marketplace.forms import FormError
from marketplace.http import ApiError, path_id
from marketplace.i18n import N_, gettext, translate
from marketplace.procurement import schemas, services
from marketplace.procurement.labels import EVENT_LABELS, NOTICE_KINDS
from marketplace.procurement.methods import METHODS, Funding, Method
from marketplace.procurement.models import (
    PurchaseEvent,
    PurchaseRequest,
    PurchaseState,
    Registration,
)
from marketplace.schemas import (
    ID_PARAMETER,
    IDEMPOTENCY_KEY_PATTERN,
    idempotency_key,
    operation,
    parse_body,
    parse_query,
)

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
    return JSONResponse(await _detail_json(p))


async def _detail_json(p: PurchaseRequest) -> dict[str, Any]:
    """The request with its history; ``p`` loaded with its category and enterprise."""
    registrations = await Registration.filter(request_id=p.id).select_related("agency")
    visible = services.registrants_visible(p)
    winner = next((r for r in registrations if r.id == p.winner_id), None)
    events = await PurchaseEvent.filter(request_id=p.id, kind__in=NOTICE_KINDS)
    return {
        **_purchase(p, len(registrations)),
        "work": p.work,
        "qualifications": p.qualifications,
        "criteria": p.criteria,
        "excluded_agency_ids": p.excluded_agency_ids,
        "registrants": [
            {
                "id": r.id,
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
        "contract_sha256": p.contract_sha256,
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


# --- the steps ----------------------------------------------------------------------------

# The services' field names that differ from the API's.
_FIELDS = {
    "ceiling": "ceiling_fen",
    "floor": "floor_fen",
    "excluded": "excluded_agency_ids",
    "quote": "quote_fen",
    "pick": "pick_registration_id",
    "amount": "amount_fen",
}
_IDEMPOTENCY_HEADER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "pattern": IDEMPOTENCY_KEY_PATTERN},
    "description": "Chosen by the client, one per request: the same key never announces two",
}
_OWNER = roles(Role.ENTERPRISE)
_AGENCY = roles(Role.AGENCY)
_STEP_ERRORS = {
    403: "Not a role that takes this step, or a session-cookie request without the "
    "x-csrftoken header",
    404: "No such purchase request",
    409: "Refused (not yours, not now, a change made meanwhile), with the reason; nothing changed",
    422: "Invalid input, field by field; nothing changed",
}


@contextmanager
def _api_fields() -> Iterator[None]:
    """A service's ``FormError`` with the API's field names (then ``formpages``' 422)."""
    try:
        yield
    except FormError as exc:
        raise FormError({_FIELDS.get(k, k): m for k, m in exc.errors.items()}) from None


async def _purchase_exists(request: Request, user: CurrentUser) -> bool:
    """Every announced request is public: whoever may take a step finds it (the service
    decides whether this caller may take it, and answers 409 if not)."""
    purchase = await PurchaseRequest.get_or_none(id=path_id(request))
    request.state.purchase = purchase
    return purchase is not None


def _registration_json(r: Registration) -> dict[str, Any]:
    return {
        "id": r.id,
        "request_id": r.request_id,
        "receipt": r.receipt,
        "item_id": r.item_id,
        "quote_fen": r.quote_fen,
        "quoted_at": r.quoted_at.isoformat() if r.quoted_at else None,
        "registered_at": r.created_at.isoformat(),
    }


@allow(_OWNER)
@operation(
    "POST",
    summary="Announce a purchase request (enterprise)",
    description="Its seed's SHA-256 is published at once and the registration deadline is "
    "registration_days working days away. The same Idempotency-Key never announces two "
    "requests: the second answer is 200 with the first.",
    body=schemas.PublishPurchase,
    headers=[_IDEMPOTENCY_HEADER],
    responses={
        200: ("The request announced earlier with this key", schemas.PurchaseDetail),
        201: ("The request was announced", schemas.PurchaseDetail),
    },
    errors={
        **_STEP_ERRORS,
        404: "No category with this category_id",
        409: "Refused (a category the approving department commissions, 1,000,000 yuan or "
        "more), with the reason; nothing changed",
        422: "Invalid input, field by field (also: a floor above the ceiling, an approval "
        "item of another category, merit criteria not adding up to 100, an unknown "
        "excluded agency); nothing changed",
    },
)
async def publish(request: Request) -> JSONResponse:
    key = idempotency_key(request)
    body = await parse_body(request, schemas.PublishPurchase)
    user = signed_in_user(request)
    earlier = await services.published_with_key(user, key)
    if earlier is not None:
        return JSONResponse(await _detail_json(await _loaded(earlier.id)))
    if not await Category.exists(id=body.category_id):
        message = translate(N_("There is no category with this id."))
        raise ApiError(404, "unknown_category", message, field="category_id")
    with _api_fields():
        purchase = await services.publish_request(
            user=user,
            category_id=body.category_id,
            approval_item_id=body.approval_item_id,
            project_name=body.project_name,
            project_code=body.project_code,
            work=body.work,
            qualifications=body.qualifications,
            time_limit_days=body.time_limit_days,
            funding=Funding(body.funding),
            ceiling_fen=body.ceiling_fen,
            floor_fen=body.floor_fen,
            method=Method(body.method),
            registration_days=body.registration_days,
            criteria=[c.model_dump() for c in body.criteria],
            excluded_agency_ids=body.excluded_agency_ids,
            idempotency_key=key,
            queue=request.state.jobs,
        )
    return JSONResponse(await _detail_json(await _loaded(purchase.id)), status_code=201)


def _step(
    access: Access,
    summary: str,
    body: type[Any],
    description: str = "",
    answer: type[Any] = schemas.PurchaseDetail,
) -> Any:
    def decorate(endpoint: Any) -> Any:
        return allow(access, owner=_purchase_exists)(
            operation(
                "POST",
                summary=summary,
                description=description,
                path={"id": ID_PARAMETER},
                body=body,
                responses={200: ("The request after the step", answer)},
                errors=_STEP_ERRORS,
            )(endpoint)
        )

    return decorate


async def _after(request: Request) -> JSONResponse:
    return JSONResponse(await _detail_json(await _loaded(request.state.purchase.id)))


async def _loaded(request_id: int) -> PurchaseRequest:
    return await PurchaseRequest.get(id=request_id).select_related("category", "enterprise")


@_step(
    _OWNER,
    "Publish a correction notice, extending the deadline (owner)",
    schemas.Amend,
    "While registration is open; extend_days working days are added to the deadline.",
)
async def amend(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Amend)
    with _api_fields():
        await services.amend_request(
            request.state.purchase.id,
            actor=signed_in_user(request),
            text=body.text,
            extend_days=body.extend_days,
            queue=request.state.jobs,
        )
    return await _after(request)


@_step(_OWNER, "Cancel a request open for registration, with the reason (owner)", schemas.Reason)
async def cancel(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Reason)
    with _api_fields():
        await services.cancel_request(
            request.state.purchase.id,
            actor=signed_in_user(request),
            reason=body.reason,
            queue=request.state.jobs,
        )
    return await _after(request)


@_step(
    roles(Role.ADMIN),
    "Void a request that has not ended, with the reason (the service office)",
    schemas.Reason,
)
async def void(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Reason)
    with _api_fields():
        await services.void_request(
            request.state.purchase.id,
            actor=signed_in_user(request),
            reason=body.reason,
            queue=request.state.jobs,
        )
    return await _after(request)


@allow(_AGENCY, owner=_purchase_exists)
@operation(
    "POST",
    summary="Register your agency (agency)",
    description="Until the deadline, with a published listing in the request's category. "
    "The receipt is drawn now and answered to your agency only; registering again answers "
    "the same registration (200).",
    path={"id": ID_PARAMETER},
    body=schemas.Register,
    responses={
        200: ("Your agency's registration, made earlier", schemas.OwnRegistration),
        201: ("Your agency is registered", schemas.OwnRegistration),
    },
    errors=_STEP_ERRORS,
)
async def register(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Register)
    user = signed_in_user(request)
    purchase: PurchaseRequest = request.state.purchase
    agency_id = services.agency_of(user)
    before = await Registration.exists(request_id=purchase.id, agency_id=agency_id or -1)
    with _api_fields():
        registration = await services.register(purchase.id, actor=user, item_id=body.item_id)
    return JSONResponse(_registration_json(registration), status_code=200 if before else 201)


@allow(_AGENCY, owner=_purchase_exists)
@operation(
    summary="Your agency's registration: its receipt and sealed quote (agency)",
    path={"id": ID_PARAMETER},
    responses={200: ("Your agency's registration", schemas.OwnRegistration)},
    errors={
        403: "Not an agency account",
        404: "No such purchase request, or your agency has not registered for it",
    },
)
async def own_registration(request: Request) -> JSONResponse:
    agency_id = services.agency_of(signed_in_user(request))
    registration = await Registration.get_or_none(
        request_id=request.state.purchase.id, agency_id=agency_id or -1
    )
    if registration is None:
        raise HTTPException(status_code=404)
    return JSONResponse(_registration_json(registration))


@_step(
    _AGENCY,
    "Submit or replace your sealed quote (agency)",
    schemas.Quote,
    "Price methods only, until the deadline; nobody else reads it before.",
    answer=schemas.OwnRegistration,
)
async def quote(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Quote)
    with _api_fields():
        registration = await services.submit_quote(
            request.state.purchase.id, actor=signed_in_user(request), quote_fen=body.quote_fen
        )
    return JSONResponse(_registration_json(registration))


@_step(
    _OWNER,
    "Score one registrant on each criterion (owner, merit)",
    schemas.Score,
    "After the deadline, before the selection.",
)
async def score(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Score)
    with _api_fields():
        await services.score_registration(
            request.state.purchase.id,
            actor=signed_in_user(request),
            registration_id=body.registration_id,
            scores=body.scores,
        )
    return await _after(request)


@_step(
    _OWNER,
    "Close the request and make the selection (owner)",
    schemas.Select,
    "After the deadline, once: the draw (random), the lowest or optimal quote, the best "
    "score, or the owner's pick and amount (direct); too few entries fail it (流标). The "
    "seed is revealed and the result published (see /purchases/{id}/draw).",
)
async def select(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Select)
    purchase = await services.selectable(request.state.purchase.id, actor=signed_in_user(request))
    if METHODS[purchase.method].drawn and not (body.phrase or "").strip():
        raise FormError.single("phrase", N_("Enter the draw phrase given at the selection."))
    with _api_fields():
        await services.run_selection(
            purchase.id,
            actor=signed_in_user(request),
            pick_registration_id=body.pick_registration_id,
            amount_fen=body.amount_fen,
            phrase=body.phrase or "",
            witnesses=body.witnesses,
            queue=request.state.jobs,
        )
    return await _after(request)


@_step(
    roles(Role.ENTERPRISE, Role.AGENCY),
    "Confirm the contract (the owner and the winner)",
    schemas.Confirm,
    "Each confirms the contract amount once; the second confirmation places the order. "
    "The party that confirms first attaches the signed contract's PDF on the request's page "
    "(/purchases/{id}, the API takes no files); until then this answers 409. A party confirms "
    "the file attached there, named by contract_sha256.",
)
async def confirm(request: Request) -> JSONResponse:
    body = await parse_body(request, schemas.Confirm)
    purchase: PurchaseRequest = request.state.purchase
    user = signed_in_user(request)
    if (
        purchase.state is PurchaseState.SELECTED
        and purchase.contract_sha256 is None
        and await services.is_contract_party(user, purchase)
    ):
        raise services.PurchaseRefused(
            N_(
                "Attach the signed contract as a PDF file on the request's page "
                "(%(url)s) to confirm it: the API takes no files."
            ),
            url=f"{request.state.settings.public_url}/purchases/{purchase.id}",
        )
    with _api_fields():
        await services.confirm_contract(
            purchase.id,
            actor=user,
            amount_fen=body.contract_fen,
            contract_sha256=body.contract_sha256,
            queue=request.state.jobs,
        )
    return await _after(request)


@allow(_OWNER, owner=_purchase_exists)
@operation(
    "POST",
    summary="Announce a failed request again, with a new seed and deadline (owner)",
    description="Once per failed request: a second call is refused (409) and names nothing new.",
    path={"id": ID_PARAMETER},
    body=schemas.Empty,
    responses={201: ("The new request", schemas.PurchaseDetail)},
    errors=_STEP_ERRORS,
)
async def republish(request: Request) -> JSONResponse:
    await parse_body(request, schemas.Empty)
    with _api_fields():
        again = await services.republish(
            request.state.purchase.id, actor=signed_in_user(request), queue=request.state.jobs
        )
    return JSONResponse(await _detail_json(await _loaded(again.id)), status_code=201)


_STEPS = {
    "amend": amend,
    "cancel": cancel,
    "void": void,
    "register": register,
    "quote": quote,
    "scores": score,
    "select": select,
    "confirm": confirm,
    "republish": republish,
}

routes = [
    Route("/purchases", list_purchases, methods=["GET"], name="api_purchases"),
    Route("/purchases", publish, methods=["POST"], name="api_purchase_publish"),
    Route("/purchases/{id:str}", get_purchase, name="api_purchase"),
    Route("/purchases/{id:str}/draw", get_draw, name="api_purchase_draw"),
    Route("/purchases/{id:str}/registration", own_registration, name="api_purchase_registration"),
    *(
        Route(
            f"/purchases/{{id:str}}/{step}", endpoint, methods=["POST"], name=f"api_purchase_{step}"
        )
        for step, endpoint in _STEPS.items()
    ),
]
