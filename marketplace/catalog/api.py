"""The public JSON API of the catalogue, under ``/api/v1``.

Each endpoint declares its ``@operation`` with the models of ``catalog.schemas``, which
``marketplace.openapi`` turns into the document.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.catalog import schemas, services
from marketplace.catalog.fees import FeeEstimate, InvalidBase, parse_base
from marketplace.catalog.models import Agency, ApprovalItem, Category, Qualification, ServiceItem
from marketplace.http import ApiError, path_id
from marketplace.i18n import N_, translate
from marketplace.schemas import operation, parse_query

__all__ = ["routes"]


def _category(category: Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "code": category.code,
        "name": category.name,
        "name_en": category.name_en,
        "abbreviations": category.abbreviations,
        "market_type": category.market_type.value,
        "quota": category.quota,
        "legal_basis": category.legal_basis,
        "description": category.description,
        "self_prepare_allowed": category.self_prepare_allowed,
        "commissioned_by": category.commissioned_by.value,
    }


def _approval_item(approval: ApprovalItem) -> dict[str, Any]:
    return {
        "id": approval.id,
        "code": approval.code,
        "name": approval.name,
        "name_en": approval.name_en,
        "department": approval.department,
        "legal_basis": approval.legal_basis,
    }


def _agency(agency: Agency) -> dict[str, Any]:
    return {
        "id": agency.id,
        "name": agency.name,
        "name_en": agency.name_en,
        "credit_code": agency.credit_code,
        "city": agency.city,
        "is_local": agency.is_local,
        "admission_route": agency.admission_route.value if agency.admission_route else None,
        "status": agency.status.value,
    }


def _qualification(q: Qualification) -> dict[str, Any]:
    return {
        "name": q.name,
        "grade": q.grade,
        "certificate_no": q.certificate_no,
        "issuer": q.issuer,
        "expires_on": q.expires_on.isoformat(),
    }


def _item_summary(item: ServiceItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "category_id": item.category_id,
        "agency_id": item.agency_id,
        "fee_type": item.fee_type,
        "time_limit_days": item.time_limit_days,
        "version": item.version,
    }


def _estimate(estimate: FeeEstimate) -> dict[str, Any]:
    return {"low_fen": estimate.low_fen, "high_fen": estimate.high_fen, "currency": "CNY"}


@allow(PUBLIC)
@operation(
    summary="All service categories with their counts",
    responses={
        200: (
            "Categories in display order, each with its market type and the number of "
            "admitted agencies and published service items",
            schemas.CategoryList,
        )
    },
)
async def list_categories(request: Request) -> JSONResponse:
    summaries = await services.list_categories()
    approvals = await services.approval_items_by_category([s.category.id for s in summaries])
    return JSONResponse(
        {
            "categories": [
                {
                    **_category(s.category),
                    "agency_count": s.agency_count,
                    "item_count": s.item_count,
                    "approval_items": [_approval_item(a) for a in approvals[s.category.id]],
                }
                for s in summaries
            ]
        }
    )


@allow(PUBLIC)
@operation(
    summary="Admitted agencies, optionally of one category, paginated",
    query=schemas.AgencyQuery,
    responses={200: ("A page of agencies with the total count", schemas.AgencyList)},
    errors={400: "A bad page, per_page or category", 404: "No category with this code"},
)
async def list_agencies(request: Request) -> JSONResponse:
    params = parse_query(request, schemas.AgencyQuery)
    page, per_page = params.page, params.per_page
    category = None
    code = params.category
    if code is not None:
        category = await Category.get_or_none(code=code)
        if category is None:
            message = translate(
                N_("There is no category with the code “%(code)s”."), {"code": code}
            )
            raise ApiError(404, "unknown_category", message)
    agencies, total = await services.list_agencies(
        category=category, offset=(page - 1) * per_page, limit=per_page
    )
    return JSONResponse(
        {
            "agencies": [_agency(a) for a in agencies],
            "total": total,
            "page": page,
            "per_page": per_page,
        }
    )


@allow(PUBLIC)
@operation(
    summary="One admitted agency with its qualifications and published service items",
    responses={200: ("The agency", schemas.AgencyDetail)},
    errors={404: "No admitted agency with this id"},
)
async def get_agency(request: Request) -> JSONResponse:
    found = await services.get_public_agency(path_id(request))
    if found is None:
        raise HTTPException(status_code=404)
    agency, items = found
    return JSONResponse(
        {
            **_agency(agency),
            "legal_representative": agency.legal_representative,
            "address": agency.address,
            "phone": agency.phone,
            "established_on": agency.established_on.isoformat() if agency.established_on else None,
            "staff_count": agency.staff_count,
            "description": agency.description,
            "admitted_on": agency.admitted_on.isoformat() if agency.admitted_on else None,
            "qualifications": [_qualification(q) for q in agency.qualifications],
            "services": [_item_summary(item) for item in items],
        }
    )


@allow(PUBLIC)
@operation(
    summary="One published service item with every published field",
    responses={200: ("The service item, its fee standard and its agency", schemas.ServiceDetail)},
    errors={404: "No published service item with this id"},
)
async def get_service(request: Request) -> JSONResponse:
    item = await services.get_public_item(path_id(request))
    if item is None:
        raise HTTPException(status_code=404)
    return JSONResponse(
        {
            **_item_summary(item),
            "scope": item.scope,
            "content": item.content,
            "legal_basis": item.legal_basis,
            "fee_basis": item.fee_basis,
            "fee_standard": item.fee_standard,
            "commitments": item.commitments,
            "published_at": item.published_at.isoformat() if item.published_at else None,
            "agency": _agency(item.agency),
            "category": {
                **_category(item.category),
                "approval_items": [
                    _approval_item(a)
                    for a in (await services.approval_items_by_category([item.category_id]))[
                        item.category_id
                    ]
                ],
            },
        }
    )


@allow(PUBLIC)
@operation(
    summary="The fee a service item charges for a base amount",
    description="The base is in the unit of the item's fee standard (yuan, 10,000 yuan, m², "
    "km, test points …). Fixed and negotiated fees need no base. Amounts are integer fen.",
    query=schemas.FeeEstimateQuery,
    responses={200: ("low_fen and high_fen (equal when there is one fee)", schemas.FeeEstimate)},
    errors={
        404: "No published service item with this id",
        422: "A base that cannot be priced (missing, not a number, not positive, too large, "
        "too precise), with its code and the reason",
    },
)
async def fee_estimate(request: Request) -> JSONResponse:
    item = await services.get_public_item(path_id(request))
    if item is None:
        raise HTTPException(status_code=404)
    try:
        try:
            raw_base = parse_query(request, schemas.FeeEstimateQuery).base
        except ApiError:
            parse_base(request.query_params.get("base"))  # the reason, where it has one
            raise
        # factor_KEY=option for each adjustment factor of the standard (defaults otherwise)
        standard = services.item_fee_standard(item)
        factors = services.chosen_factors(standard, request.query_params)
        estimate = services.estimate_item_fee(item, raw_base, factors)
    except InvalidBase as exc:
        raise ApiError(422, exc.code, translate(exc.message, exc.params)) from None
    return JSONResponse(
        {
            "service_id": item.id,
            "version": item.version,
            "fee_type": standard.type,
            "base": raw_base if standard.needs_base else None,
            "base_unit": standard.base_unit,
            "factors": {**standard.default_factors(), **factors},
            **_estimate(estimate),
        }
    )


routes = [
    Route("/categories", list_categories, name="api_categories"),
    Route("/agencies", list_agencies, name="api_agencies"),
    Route("/agencies/{id:str}", get_agency, name="api_agency"),
    Route("/services/{id:str}", get_service, name="api_service"),
    Route("/services/{id:str}/fee-estimate", fee_estimate, name="api_fee_estimate"),
]
