"""The ceiling for ``storefront.py``: the storefront's templates rendered from memory.

At startup this app reads, once, everything the home page and the category pages
render, from the same database and through the same catalogue services the real views
call, and then closes the database. A request only looks its page up in memory and
renders the very same template with the same context keys: no query, no middleware.
What is left is uvicorn, Starlette's routing and Jinja rendering, which is as fast as a
page of the real app could be on the same machine.

The database is ``DATABASE_URL`` (by default marketplace.sqlite3 in the current
directory), as for the real app. To serve it by hand from the repository root::

    .venv/bin/python -m uvicorn --app-dir benchmarks bare_app:create_app --factory
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from tortoise.contrib.starlette import RegisterTortoise

from marketplace.catalog import services
from marketplace.catalog.models import Category, MarketType
from marketplace.database import tortoise_config
from marketplace.settings import BASE_DIR, Settings
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


async def not_served(request: Request) -> Response:
    """Agency and service pages exist only so that the templates' ``url_for`` works."""
    return PlainTextResponse("not part of the benchmark", status_code=404)


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def create_app() -> Starlette:
    database_url = Settings.from_env().database_url

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Pages]]:
        # The database is closed before the first request: pages come from memory only.
        async with RegisterTortoise(app, config=tortoise_config(database_url)):
            pages = await _load_pages()
        yield {"pages": pages}

    routes = [
        Route("/", home, name="home"),
        Route("/categories/{code:str}", category_detail, name="category_detail"),
        Route("/agencies/{id:str}", not_served, name="agency_detail"),
        Route("/services/{id:str}", not_served, name="service_detail"),
        Mount("/static", StaticFiles(directory=BASE_DIR / "static"), name="static"),
        Route("/healthz", healthz),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
