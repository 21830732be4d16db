"""The application factory and the one lifespan that owns the database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from tortoise.contrib.starlette import RegisterTortoise
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from marketplace import i18n, language
from marketplace.access import PUBLIC, allow
from marketplace.accounts import api as accounts_api
from marketplace.accounts import backoffice as accounts_backoffice
from marketplace.accounts import views as accounts_views
from marketplace.accounts.middleware import AuthenticationMiddleware
from marketplace.admission import api as admission_api
from marketplace.admission import backoffice as admission_backoffice
from marketplace.admission import reviewing as admission_reviewing
from marketplace.admission import views as admission_views
from marketplace.background import register_jobs
from marketplace.catalog import api as catalog_api
from marketplace.catalog import review as catalog_review
from marketplace.catalog import views as catalog_views
from marketplace.catalog import workspace as catalog_workspace
from marketplace.catalog.services import PageCache
from marketplace.complaints import api as complaints_api
from marketplace.complaints import views as complaints_views
from marketplace.core.database import (
    discard_pooled_connections,
    lost_connection,
    tortoise_config,
)
from marketplace.core.jobs import JobQueue
from marketplace.core.outbox import deliver_outbox as _deliver_outbox  # noqa: F401  (its job)
from marketplace.core.settings import BASE_DIR, Settings
from marketplace.credit import backoffice as credit_backoffice
from marketplace.csrf import csrf_middleware
from marketplace.formpages import EXCEPTION_HANDLERS as FORM_EXCEPTION_HANDLERS
from marketplace.guard import InputGuardMiddleware
from marketplace.http import ApiError, json_error
from marketplace.openapi import openapi_endpoint
from marketplace.orders import api as orders_api
from marketplace.orders import backoffice as orders_backoffice
from marketplace.orders import tasks as _order_tasks  # noqa: F401  (registers the sweep job)
from marketplace.orders import views as orders_views
from marketplace.organisations import api as organisations_api
from marketplace.organisations import views as organisations_views
from marketplace.procurement import api as procurement_api
from marketplace.procurement import views as procurement_views
from marketplace.ratelimit import RateLimiter
from marketplace.ratings import views as ratings_views
from marketplace.search import views as search_views
from marketplace.search.index import SearchIndex
from marketplace.security import SecurityHeadersMiddleware
from marketplace.statistics import backoffice as statistics_backoffice
from marketplace.statistics import public as statistics_public
from marketplace.templating import templates

__all__ = ["create_app"]

# How often the deadline sweep runs in-process (the arq worker runs its own cron).
SWEEP_INTERVAL_S = 600
# How often the job outbox is delivered in-process besides right after each change: its
# retries, and what a process that stopped left undelivered.
OUTBOX_INTERVAL_S = 30

_STATUS_MESSAGES = {
    400: i18n.N_("The request was not understood."),
    401: i18n.N_("Sign in to continue."),
    403: i18n.N_("You do not have access to this page."),
    404: i18n.N_("There is nothing at this address."),
    405: i18n.N_("This address does not accept that method."),
    422: i18n.N_("The request could not be processed."),
    500: i18n.N_("Something went wrong on our side. Please try again later."),
    503: i18n.N_("The database could not be reached for a moment. Please try again."),
}
_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    500: "server_error",
    503: "unavailable",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_response(
    request: Request, status_code: int, headers: dict[str, str] | None = None
) -> Response:
    message = i18n.gettext(_STATUS_MESSAGES.get(status_code, _STATUS_MESSAGES[400]))
    if _is_api(request):
        response: Response = json_error(
            status_code, _STATUS_CODES.get(status_code, "error"), message
        )
    else:
        response = templates.TemplateResponse(
            request,
            "errors/error.html",
            {"status_code": status_code, "message": message},
            status_code=status_code,
        )
    response.headers.update(headers or {})
    return response


async def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    # A 405 keeps the Allow header the router put on it (RFC 9110).
    return _error_response(request, exc.status_code, dict(exc.headers or {}))


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return json_error(exc.status_code, exc.code, exc.message, **exc.extra)


async def _server_error(request: Request, exc: Exception) -> Response:
    if lost_connection(exc):
        # A transaction cut off this way committed whole or not at all, and the next
        # try gets a new connection: say so, and when (RFC 9110 section 10.2.3).
        await discard_pooled_connections()
        return _error_response(request, 503, {"Retry-After": "1"})
    return _error_response(request, 500)


@allow(PUBLIC)
async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the marketplace for ``settings`` (by default, from the environment)."""
    settings = settings or Settings.from_env()
    register_jobs()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            jobs = await JobQueue.connect(settings)
            jobs.run_periodically("sweep_orders", every_s=SWEEP_INTERVAL_S)
            jobs.run_periodically("deliver_outbox", every_s=OUTBOX_INTERVAL_S)
            rate_limiter = RateLimiter(settings)
            search_index = await SearchIndex.open(settings)
            try:
                yield {
                    "settings": settings,
                    "jobs": jobs,
                    "rate_limiter": rate_limiter,
                    "search": search_index,
                    "page_cache": PageCache(),
                }
            finally:
                await search_index.close()
                await rate_limiter.close()
                await jobs.close()

    api_routes = [
        *catalog_api.routes,
        *accounts_api.routes,
        *orders_api.routes,
        *complaints_api.routes,
        *search_views.api_routes,
        *ratings_views.api_routes,
        *admission_api.routes,
        *procurement_api.routes,
        *statistics_public.api_routes,
        *organisations_api.routes,
        Route("/openapi.json", openapi_endpoint, include_in_schema=False),
    ]
    routes = [
        # First: no page's path begins with /api/, so API requests (programs, placing
        # orders in bulk) are routed without trying the hundred page routes before them.
        Mount("/api/v1", routes=api_routes),
        *catalog_views.routes,
        *accounts_views.routes,
        *accounts_backoffice.routes,
        *orders_views.routes,
        *orders_backoffice.routes,
        *search_views.routes,
        *ratings_views.routes,
        *credit_backoffice.routes,
        *complaints_views.routes,
        *statistics_backoffice.routes,
        *statistics_public.routes,
        *admission_views.routes,
        *admission_reviewing.routes,
        *admission_backoffice.routes,
        *catalog_workspace.routes,
        *catalog_review.routes,
        *organisations_views.routes,
        *procurement_views.routes,
        Mount("/static", StaticFiles(directory=BASE_DIR / "static"), name="static"),
        Route("/healthz", healthz, include_in_schema=False),
    ]
    app = Starlette(
        debug=settings.debug,
        routes=routes,
        middleware=[
            # Addresses and schemes from X-Forwarded-* only when the peer is a trusted proxy.
            *(
                [Middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))]
                if settings.trusted_proxies
                else []
            ),
            # Other Host headers are refused (400), so no page is built for a forged host.
            Middleware(
                TrustedHostMiddleware,
                allowed_hosts=list(settings.allowed_hosts),
                www_redirect=False,
            ),
            Middleware(SecurityHeadersMiddleware, hsts=settings.is_https),
            Middleware(language.LocaleMiddleware),
            # before the CSRF check, which reads whole form bodies: sizes and characters
            Middleware(InputGuardMiddleware),
            Middleware(csrf_middleware, secret=settings.secret_key, secure=settings.is_https),
            Middleware(AuthenticationMiddleware),
        ],
        exception_handlers={
            HTTPException: _http_exception,
            ApiError: _api_error,
            # refusals and form errors, as pages and as JSON (marketplace.formpages)
            **FORM_EXCEPTION_HANDLERS,
            Exception: _server_error,
        },
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app
