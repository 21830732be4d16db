"""The search page and ``GET /api/v1/search``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow
from marketplace.catalog.models import Category
from marketplace.http import ApiError
from marketplace.i18n import translate
from marketplace.schemas import operation, parse_query
from marketplace.search import schemas
from marketplace.templating import render
from search import SearchQuery, SearchQueryError, SearchResult

__all__ = ["api_routes", "routes"]


def _query_string(request: Request, **changes: Any) -> str:
    """The current query string with ``changes`` applied (``None`` removes a parameter)."""
    params = [
        (k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "page"
    ]
    params += [(k, str(v)) for k, v in changes.items() if v is not None]
    return urlencode(params)


@allow(PUBLIC)
async def search_page(request: Request) -> Response:
    async def load() -> dict[str, Category]:
        return {c.code: c for c in await Category.all()}

    # the categories change only through the catalogue services, which empty this cache
    categories = await request.state.page_cache.get_or_load(("categories", ""), load)
    try:
        query = SearchQuery.from_params(request.query_params)
    except SearchQueryError as exc:
        return render(
            request,
            "search/results.html",
            {
                "error": translate(exc.message, exc.params),
                "result": None,
                "query": None,
                "categories": categories,
                "qs": lambda **c: _query_string(request, **c),
            },
            status_code=400,
        )
    result: SearchResult = await request.state.search.search(query)
    return render(
        request,
        "search/results.html",
        {
            "error": None,
            "result": result,
            "query": query,
            "categories": categories,
            "qs": lambda **c: _query_string(request, **c),
        },
    )


@allow(PUBLIC)
@operation(
    summary="Search published service items",
    description="Chinese first (segmentation, abbreviations and synonyms such as 环评, "
    "pinyin such as huanping or hp), typo tolerance on Latin input, filters, facet counts, "
    "sorting and highlighted matches (HTML-safe, matches in mark elements).",
    query=schemas.SearchParams,
    responses={200: ("hits, total, facets, took_ms, suggestions, degraded", schemas.SearchAnswer)},
    errors={400: "A bad parameter, with its code and message"},
)
async def search_api(request: Request) -> JSONResponse:
    try:
        query = SearchQuery.from_params(request.query_params)
    except SearchQueryError as exc:
        raise ApiError(400, exc.code, translate(exc.message, exc.params)) from None
    parse_query(request, schemas.SearchParams)  # what the document promises, exactly
    result: SearchResult = await request.state.search.search(query)
    return JSONResponse(
        {
            "hits": [
                {
                    **hit.document.to_dict(),
                    "highlight": {"title": str(hit.title), "snippet": str(hit.snippet)},
                }
                for hit in result.hits
            ],
            "total": result.total,
            "page": query.page,
            "per_page": query.per_page,
            "facets": {name: dict(values) for name, values in result.facets.items()},
            "took_ms": round(result.took_ms, 2),
            "degraded": result.degraded,
            "suggestions": {
                "query": result.suggestions.query,
                "categories": [
                    {"code": c.code, "name": c.name, "count": c.count}
                    for c in result.suggestions.categories
                ],
            },
        }
    )


routes = [Route("/search", search_page, name="search")]
api_routes = [Route("/search", search_api, name="api_search")]
