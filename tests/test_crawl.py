"""Every GET page, as every role, on the demo with its activity: no server error.

The route table gives every GET route, filled with real ids of the demo (a few of each);
then the crawl follows the same-site links of the pages it fetched, one page of each kind
(path with its numbers as ``{n}``, and the names of its query), up to a bound per role.
"""

from __future__ import annotations

import httpx
from asgi_lifespan import LifespanManager

from marketplace.app import create_app
from tests.conftest import make_settings
from tests.crawling import ROLES, Crawl, browser, get_routes, route_urls

# Fetches per role after the route table; PostgreSQL pages are slower, so it follows fewer.
MAX_FETCHES = {"sqlite": 700, "postgres": 350}


async def start_urls(app: object) -> list[str]:
    urls: list[str] = []
    for path_format, route in get_routes(app.routes):  # type: ignore[attr-defined]
        if "GET" in (route.methods or {"GET"}):
            urls.extend(await route_urls(path_format, route))
    return urls


async def test_no_page_any_role_reaches_is_a_server_error(activity_db: str, backend: str) -> None:
    app = create_app(make_settings(activity_db))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
        start = await start_urls(app)
        crawls = []
        for role in ROLES:
            crawl = Crawl(role)
            async with await browser(transport, role) as client:
                await crawl.run(client, start, max_fetches=len(start) + MAX_FETCHES[backend])
            crawls.append(crawl)

    failures = [failure for crawl in crawls for failure in crawl.server_errors]
    assert failures == []
    # it went where each role can go: far beyond the route table, and into forms
    for crawl in crawls:
        assert len(crawl.statuses) > len(start), crawl.role
        assert sum(1 for s in crawl.statuses.values() if s == 200) > 40, crawl.role
        assert crawl.forms, crawl.role
