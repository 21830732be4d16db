"""The ceiling for ``storefront.py``: the storefront's templates rendered from memory.

At startup this app reads, once, everything the home page and the category pages
render, from the same database and through the same catalogue services the real views
call, and then closes the database. A request only looks its page up in memory and
renders the very same template with the same context keys: no query, no middleware.
What is left is uvicorn, Starlette's routing and Jinja rendering, which is as fast as a
page of the real app could be on the same machine.

The same goes for one agency profile, one service item page and one search page, when
``BARE_AGENCY_ID``, ``BARE_ITEM_ID`` and ``BARE_SEARCH`` (a query string such as
``q=环评``) name them: ``storefront.py`` sets them to the pages it measures. The search
result is computed once at startup by the same embedded engine the real app builds.

The routing table is the real app's, with those endpoints swapped for their
in-memory versions: the templates' ``url_for`` finds every name it links to at the same
cost as in the real app. The other endpoints are never requested here.

The database is ``DATABASE_URL`` (by default marketplace.sqlite3 in the current
directory), as for the real app. To serve it by hand from the repository root::

    .venv/bin/python -m uvicorn benchmarks.bare_app:create_app --factory
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from tortoise.contrib.starlette import RegisterTortoise

from marketplace import app as marketplace_app
from marketplace.catalog import qualifications, services
from marketplace.catalog.models import Category, MarketType
from marketplace.catalog.views import category_context
from marketplace.core import clock
from marketplace.core.database import tortoise_config
from marketplace.core.settings import Settings
from marketplace.credit.models import CreditRecord
from marketplace.credit.rules import REASONS
from marketplace.ratings import services as ratings
from marketplace.ratings.models import Rating
from marketplace.search.documents import build_all_documents
from marketplace.search.views import _query_string
from marketplace.templating import templates
from search import EmbeddedEngine, SearchQuery

__all__ = ["create_app"]

# The home page's group order, as in marketplace.catalog.views.
_MARKET_ORDER = (MarketType.COMPETITIVE, MarketType.MONOPOLY, MarketType.ABSENT)
_RATINGS_SHOWN = 20  # as in marketplace.catalog.views

Context = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Pages:
    """The template context of every page this app serves, loaded at startup."""

    home: Context
    categories: dict[str, Context]
    agencies: dict[str, Context]
    items: dict[str, Context]
    searches: dict[str, Context]  # by query string


async def _home_context() -> Context:
    """The context ``views.home`` builds for ``/`` without a search query."""
    summaries = await services.list_categories()
    groups = [
        (market, [s for s in summaries if s.category.market_type == market])
        for market in _MARKET_ORDER
    ]
    return {
        "query": "",
        "groups": [(market, rows) for market, rows in groups if rows],
        "total_categories": len(summaries),
        "total_agencies": await services.count_public_agencies(),
    }


async def _category_context(category: Category) -> Context:
    """The context ``views.category_detail`` builds for the first page of ``category``."""
    page = await services.category_page(category.code)
    assert page is not None
    return category_context(page)


async def _agency_context(agency_id: int) -> Context:
    """The context ``views.agency_detail`` builds for ``/agencies/<id>``."""
    agency = await services.get_public_agency_only(agency_id)
    assert agency is not None, f"agency {agency_id} is not public"
    items, held = await services.public_agency_items(agency)
    return {
        "agency": agency,
        "items": items,
        "qualifications": list(agency.qualifications),
        "rating_summary": await ratings.rating_summary(agency_id=agency.id),
        "ratings": await Rating.filter(agency_id=agency.id).order_by("-id").limit(_RATINGS_SHOWN),
        "item_titles": {item.id: item.title for item in items},
        "credit_records": await CreditRecord.filter(agency_id=agency.id).order_by(
            "-occurred_on", "-id"
        ),
        "credit_reasons": REASONS,
        "promise": await ratings.promise_of(agency_id=agency.id),
        "committed_days": sorted({item.time_limit_days for item in items}),
        "holds": qualifications.summarise_holds(held, {q.id: q for q in agency.qualifications}),
        "today": clock.today(),  # as the real page: the Beijing date
    }


async def _item_context(item_id: int) -> Context:
    """The context ``views.service_detail`` builds for ``/services/<id>`` without ``base``."""
    item = await services.get_public_item(item_id)
    assert item is not None, f"item {item_id} is not public"
    standard = services.item_fee_standard(item)
    estimate = None if standard.needs_base else services.estimate_item_fee(item, None)
    return {
        "item": item,
        "standard": standard,
        "raw_base": "",
        "factors": standard.default_factors(),  # none chosen in the query
        "order_query": "",  # no base and no factor chosen to carry to the order form
        "estimate": estimate,
        "error": None,
        "versions": await services.list_item_versions(item),
        "rating_summary": await ratings.rating_summary(item_id=item.id),
        "ratings": await Rating.filter(item_id=item.id).order_by("-id").limit(_RATINGS_SHOWN),
        "promise": await ratings.promise_of(item_id=item.id),
        "committed_days": [item.time_limit_days],
        "approval_items": (await services.approval_items_by_category([item.category_id]))[
            item.category_id
        ],
    }


async def _search_context(query_string: str) -> Context:
    """What ``search_page`` renders for ``query_string``, but ``qs`` (added per request)."""
    from urllib.parse import parse_qsl

    from starlette.datastructures import QueryParams

    engine = EmbeddedEngine()
    await engine.rebuild(await build_all_documents())
    query = SearchQuery.from_params(QueryParams(parse_qsl(query_string)))
    return {
        "error": None,
        "result": await engine.search(query),
        "query": query,
        "categories": {c.code: c for c in await Category.all()},
    }


async def _load_pages() -> Pages:
    categories = {c.code: await _category_context(c) for c in await Category.all()}
    agency, item, search = (
        os.environ.get(f"BARE_{k}", "") for k in ("AGENCY_ID", "ITEM_ID", "SEARCH")
    )
    return Pages(
        home=await _home_context(),
        categories=categories,
        agencies={agency: await _agency_context(int(agency))} if agency else {},
        items={item: await _item_context(int(item))} if item else {},
        searches={search: await _search_context(search)} if search else {},
    )


def _render(request: Request, name: str, context: Context) -> Response:
    # TemplateResponse adds the request to the dict it is given: give it a fresh one,
    # as the real views do, so that no request renders with another one's URL.
    return templates.TemplateResponse(request, name, dict(context))


async def home(request: Request) -> Response:
    pages: Pages = request.state.pages
    return _render(request, "catalog/home.html", pages.home)


async def category_detail(request: Request) -> Response:
    pages: Pages = request.state.pages
    context = pages.categories.get(request.path_params["code"])
    if context is None:
        raise HTTPException(status_code=404)
    return _render(request, "catalog/category_detail.html", context)


async def agency_detail(request: Request) -> Response:
    pages: Pages = request.state.pages
    context = pages.agencies.get(request.path_params["id"])
    if context is None:
        raise HTTPException(status_code=404)
    return _render(request, "catalog/agency_detail.html", context)


async def service_detail(request: Request) -> Response:
    pages: Pages = request.state.pages
    context = pages.items.get(request.path_params["id"])
    if context is None or request.query_params.get("base") is not None:
        raise HTTPException(status_code=404)
    return _render(request, "catalog/service_detail.html", context)


async def search_page(request: Request) -> Response:
    pages: Pages = request.state.pages
    context = pages.searches.get(request.url.query)
    if context is None:
        raise HTTPException(status_code=404)
    return _render(
        request,
        "search/results.html",
        {**context, "qs": lambda **c: _query_string(request, **c)},
    )


_FROM_MEMORY = {
    "home": home,
    "category_detail": category_detail,
    "agency_detail": agency_detail,
    "service_detail": service_detail,
    "search": search_page,
}


def _routes(settings: Settings) -> list[BaseRoute]:
    """The real app's routes, with the home and category endpoints served from memory."""
    return [
        Route(route.path, _FROM_MEMORY[route.name], name=route.name)
        if isinstance(route, Route) and route.name in _FROM_MEMORY
        else route
        for route in marketplace_app.create_app(settings).routes
    ]


def create_app() -> Starlette:
    settings = Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Pages]]:
        # The database is closed before the first request: pages come from memory only.
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            pages = await _load_pages()
        yield {"pages": pages}

    return Starlette(routes=_routes(settings), lifespan=lifespan)
