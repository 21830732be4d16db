"""Storefront pages of the catalogue: home, category, agency profile, service item."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.catalog import qualifications, services
from marketplace.catalog.fees import InvalidBase
from marketplace.catalog.models import MarketType, ServiceItemVersion, ServiceStatus
from marketplace.core.clock import today as beijing_today
from marketplace.credit.models import CreditRecord
from marketplace.credit.rules import REASONS
from marketplace.forms import parse_id
from marketplace.http import path_id
from marketplace.ratings import services as ratings
from marketplace.ratings.models import Rating
from marketplace.templating import render

__all__ = ["category_context", "routes"]

_MARKET_ORDER = (MarketType.COMPETITIVE, MarketType.MONOPOLY, MarketType.ABSENT)
# The most recent ratings shown in full (scores, comment, reply) on a profile or item page;
# the count, score and distribution above them cover every rating.
_RATINGS_SHOWN = 20


@allow(PUBLIC)
async def home(request: Request) -> Response:
    query = request.query_params.get("q", "")[:100]
    summaries, agency_count = await services.home_page(query, request.state.page_cache)
    groups = [
        (market, [s for s in summaries if s.category.market_type == market])
        for market in _MARKET_ORDER
    ]
    return render(
        request,
        "catalog/home.html",
        {
            "query": query,
            "groups": [(market, rows) for market, rows in groups if rows],
            "total_categories": len(summaries),
            "total_agencies": agency_count,
        },
    )


@allow(PUBLIC)
async def category_detail(request: Request) -> Response:
    number = parse_id(request.query_params.get("page", "1"))
    page = await services.category_page(
        request.path_params["code"][:16],
        number if number is not None and number < 100_000 else 1,
        request.state.page_cache,
    )
    if page is None:
        raise HTTPException(status_code=404)
    return render(request, "catalog/category_detail.html", category_context(page))


def category_context(page: services.CategoryPage) -> dict[str, Any]:
    """What the category page's template reads (the storefront benchmark's bare app too)."""
    return {
        "category": page.category,
        "items": page.items,
        "page": page.page,
        "total": page.total,
        "page_size": page.page_size,
        "agency_count": page.agency_count,
        "approval_items": page.approval_items,
        "fee_standards": {item.id: services.item_fee_standard(item) for item in page.items},
    }


@allow(PUBLIC)
async def agency_detail(request: Request) -> Response:
    agency_id = path_id(request)

    async def load() -> dict[str, Any] | None:
        agency = await services.get_public_agency_only(agency_id)
        if agency is None:
            return None
        items, held = await services.public_agency_items(agency)
        return {
            "agency": agency,
            "items": items,
            "qualifications": list(agency.qualifications),
            "rating_summary": await ratings.rating_summary(agency_id=agency.id),
            "ratings": await Rating.filter(agency_id=agency.id)
            .order_by("-id")
            .limit(_RATINGS_SHOWN),
            "item_titles": {item.id: item.title for item in items},
            "credit_records": await CreditRecord.filter(agency_id=agency.id).order_by(
                "-occurred_on", "-id"
            ),
            "credit_reasons": REASONS,
            "promise": await ratings.promise_of(agency_id=agency.id),
            "committed_days": sorted({item.time_limit_days for item in items}),
            # categories whose items are held for an expired required qualification
            "holds": qualifications.summarise_holds(held, {q.id: q for q in agency.qualifications}),
        }

    # cached like the home and category pages: every change to what it shows (catalogue,
    # ratings, credit, deliveries) empties the cache of this process
    page = await request.state.page_cache.get_or_load(("agency", str(agency_id)), load)
    if page is None:
        raise HTTPException(status_code=404)
    return render(request, "catalog/agency_detail.html", {**page, "today": beijing_today()})


@allow(PUBLIC)
async def service_detail(request: Request) -> Response:
    item_id = path_id(request)

    async def load() -> dict[str, Any] | None:
        item = await services.get_public_item(item_id)
        if item is None:
            return None
        return {
            "item": item,
            "versions": await services.list_item_versions(item),
            "rating_summary": await ratings.rating_summary(item_id=item.id),
            "ratings": await Rating.filter(item_id=item.id).order_by("-id").limit(_RATINGS_SHOWN),
            "promise": await ratings.promise_of(item_id=item.id),
            "approval_items": (await services.approval_items_by_category([item.category_id]))[
                item.category_id
            ],
        }

    page = await request.state.page_cache.get_or_load(("item", str(item_id)), load)
    if page is None:
        raise HTTPException(status_code=404)
    item = page["item"]
    standard = services.item_fee_standard(item)
    raw_base = request.query_params.get("base")
    factors = services.chosen_factors(standard, request.query_params)
    estimate = error = None
    status_code = 200
    if raw_base is not None or not standard.needs_base:
        try:
            estimate = services.estimate_item_fee(item, raw_base, factors)
        except InvalidBase as exc:
            error = exc
            status_code = 422 if raw_base is not None or factors else 200
    # what the order form starts from: the base and the factors of this estimate
    order_query = {"base": raw_base or ""} if standard.needs_base and raw_base else {}
    if estimate is not None:
        order_query.update({f"factor_{key}": value for key, value in factors.items()})
    return render(
        request,
        "catalog/service_detail.html",
        {
            "item": item,
            "standard": standard,
            "raw_base": (raw_base or "")[:40],
            "factors": {**standard.default_factors(), **factors},
            "order_query": urlencode(order_query) if estimate is not None else "",
            "estimate": estimate,
            "error": error,
            "versions": page["versions"],
            "rating_summary": page["rating_summary"],
            "ratings": page["ratings"],
            "promise": page["promise"],
            "committed_days": [item.time_limit_days],
            "approval_items": page["approval_items"],
        },
        status_code=status_code,
    )


@allow(PUBLIC)
async def service_version(request: Request) -> Response:
    """One published version of an item as it was published (orders cite versions)."""
    version = await ServiceItemVersion.get_or_none(id=path_id(request)).select_related(
        "item__agency", "item__category"
    )
    if version is None or version.item.status not in (
        ServiceStatus.PUBLISHED,
        ServiceStatus.WITHDRAWN,
    ):
        raise HTTPException(status_code=404)
    return render(
        request,
        "catalog/service_version.html",
        {
            "version": version,
            "item": version.item,
            "standard": services.item_fee_standard(version),
            "is_live": version.item.status is ServiceStatus.PUBLISHED
            and version.version == version.item.version,
        },
    )


routes = [
    Route("/", home, name="home"),
    Route("/categories/{code:str}", category_detail, name="category_detail"),
    Route("/agencies/{id:str}", agency_detail, name="agency_detail"),
    Route("/services/{id:str}", service_detail, name="service_detail"),
    Route("/services/versions/{id:str}", service_version, name="service_version"),
]
