"""The public JSON API of the catalogue, under ``/api/v1``.

Each endpoint's docstring carries its OpenAPI description (YAML after ``---``), read by
``marketplace.openapi``.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.catalog import services
from marketplace.catalog.fees import FeeEstimate, InvalidBase
from marketplace.catalog.models import Agency, ApprovalItem, Category, Qualification, ServiceItem
from marketplace.http import ApiError, page_params, path_id
from marketplace.i18n import N_, translate

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
async def list_categories(request: Request) -> JSONResponse:
    """
    summary: All service categories with their counts
    responses:
      200:
        description: Categories in display order, each with its market type and the number of
          admitted agencies and published service items.
    """
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
async def list_agencies(request: Request) -> JSONResponse:
    """
    summary: Admitted agencies, optionally of one category, paginated
    parameters:
      - {name: category, in: query, schema: {type: string}, description: a category code}
      - {name: page, in: query, schema: {type: integer, minimum: 1, default: 1}}
      - {name: per_page, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
    responses:
      200: {description: "A page of agencies with the total count"}
      400: {description: "A bad page or per_page"}
      404: {description: "No such category"}
    """
    page, per_page = page_params(request)
    category = None
    code = request.query_params.get("category")
    if code is not None:
        category = await Category.get_or_none(code=code[:16])
        if category is None:
            message = translate(
                N_("There is no category with the code “%(code)s”."), {"code": code[:16]}
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
async def get_agency(request: Request) -> JSONResponse:
    """
    summary: One admitted agency with its qualifications and published service items
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
    responses:
      200: {description: "The agency"}
      404: {description: "No admitted agency with this id"}
    """
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
async def get_service(request: Request) -> JSONResponse:
    """
    summary: One published service item with every published field
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
    responses:
      200: {description: "The service item, its fee standard and its agency"}
      404: {description: "No published service item with this id"}
    """
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
async def fee_estimate(request: Request) -> JSONResponse:
    """
    summary: The fee a service item charges for a base amount
    description: The base is in the unit of the item's fee standard (yuan, 10,000 yuan, m², km,
      test points …). Fixed and negotiated fees need no base. Amounts are integer fen.
    parameters:
      - {name: id, in: path, required: true, schema: {type: integer}}
      - {name: base, in: query, schema: {type: string}, description: the base amount, e.g. 3000}
      - {name: factor_KEY, in: query, schema: {type: string}, description: "the option chosen
          for the adjustment factor KEY of the fee standard, e.g. factor_sensitivity=sensitive;
          factors not given take their default"}
    responses:
      200: {description: "low_fen and high_fen (equal when there is one fee)"}
      404: {description: "No published service item with this id"}
      422: {description: "A base that cannot be priced, with the reason"}
    """
    item = await services.get_public_item(path_id(request))
    if item is None:
        raise HTTPException(status_code=404)
    raw_base = request.query_params.get("base")
    standard = services.item_fee_standard(item)
    factors = services.chosen_factors(standard, request.query_params)
    try:
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
