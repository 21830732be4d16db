"""The ceiling for ``storefront.py``: the storefront's templates rendered from memory.

At startup this app reads, once, everything the home page and the category pages
render, from the same database and through the same catalogue services the real views
call, and then closes the database. A request only looks its page up in memory and
renders the very same template with the same context keys: no query, no middleware.
What is left is uvicorn, Starlette's routing and Jinja rendering, which is as fast as a
page of the real app could be on the same machine.

The routing table is the real app's, with the two endpoints above swapped for their
in-memory versions: the templates' ``url_for`` finds every name it links to at the same
cost as in the real app. The other endpoints are never requested here.

The database is ``DATABASE_URL`` (by default marketplace.sqlite3 in the current
directory), as for the real app. To serve it by hand from the repository root::

    .venv/bin/python -m uvicorn benchmarks.bare_app:create_app --factory
"""

from __future__ import annotations

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
from marketplace.catalog import services
from marketplace.catalog.models import Category, MarketType
from marketplace.database import tortoise_config
from marketplace.settings import Settings
from marketplace.templating import templates

__all__ = ["create_app"]

# The home page's group order, as in marketplace.catalog.views.
_MARKET_ORDER = (MarketType.COMPETITIVE, MarketType.MONOPOLY, MarketType.ABSENT)

Context = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Pages:
    """The template context of every page this app serves, loaded at startup."""

    home: Context
    categories: dict[str, Context]


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
    """The context ``views.category_detail`` builds for ``category``."""
    items = await services.list_category_items(category)
    return {
        "category": category,
        "items": items,
        "agency_count": len({item.agency_id for item in items}),
        "fee_standards": {item.id: services.item_fee_standard(item) for item in items},
    }


async def _load_pages() -> Pages:
    categories = {c.code: await _category_context(c) for c in await Category.all()}
    return Pages(home=await _home_context(), categories=categories)


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


_FROM_MEMORY = {"home": home, "category_detail": category_detail}


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
