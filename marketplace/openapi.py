"""The OpenAPI document of ``/api/v1``, built from the API routes' docstrings."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount
from starlette.schemas import SchemaGenerator

from marketplace import __version__
from marketplace.access import PUBLIC, allow

__all__ = ["openapi_endpoint"]

_generator = SchemaGenerator(
    {
        "openapi": "3.0.3",
        "info": {
            "title": "中介服务超市 API",
            "version": __version__,
            "description": "The public catalogue of admitted intermediary agencies. "
            "Money is integer fen (1 yuan = 100 fen). Errors are "
            '{"error": {"code": "...", "message": "..."}}.',
        },
        "servers": [{"url": "/api/v1"}],
    }
)


def build_schema(routes: list[BaseRoute]) -> dict:
    return _generator.get_schema(routes=routes)


@allow(PUBLIC)
async def openapi_endpoint(request: Request) -> JSONResponse:
    api = next(
        route
        for route in request.app.routes
        if isinstance(route, Mount) and route.path == "/api/v1"
    )
    return JSONResponse(build_schema(list(api.routes)))
