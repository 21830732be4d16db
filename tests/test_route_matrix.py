"""Every route × every role, read from the route table: allowed or denied as declared.

A route added without an ``@allow`` rule fails here, and so does a rule the route does
not keep.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from starlette.routing import BaseRoute, Mount, Route

from marketplace.access import Access
from marketplace.accounts import services
from marketplace.accounts.models import Role, User
from marketplace.app import create_app
from tests.accounts_helpers import csrf_token, make_user
from tests.conftest import make_settings
from tests.factories import small_catalogue

ROLES: dict[str, frozenset[Role] | None] = {
    "anonymous": None,
    "enterprise": frozenset({Role.ENTERPRISE}),
    "agency": frozenset({Role.AGENCY}),
    "reviewer": frozenset({Role.REVIEWER}),
    "admin": frozenset({Role.ADMIN}),
}
# A value for every path parameter any route has; a new parameter must be added here.
SAMPLE_PARAMS = {
    "id": "1",
    "code": "EIA",
    "token": "not-a-real-token",
    "action": "accept",
    "file_id": "1",
    "step": "answer",
}


def _routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, Route]]:
    for route in routes:
        if isinstance(route, Mount):
            if route.routes:  # a mounted app such as StaticFiles has none: public files
                yield from _routes(list(route.routes), prefix + route.path)
        elif isinstance(route, Route):
            yield prefix + route.path_format, route


def test_every_route_declares_who_may_use_it() -> None:
    app = create_app(make_settings("sqlite://:memory:"))

    undeclared = [
        path
        for path, route in _routes(app.routes)
        if not isinstance(getattr(route.endpoint, "access", None), Access)
    ]

    assert undeclared == []
    assert len(list(_routes(app.routes))) >= 20


def test_the_api_is_routed_first_and_no_page_shares_its_prefix() -> None:
    app = create_app(make_settings("sqlite://:memory:"))

    first, *others = app.routes

    assert isinstance(first, Mount) and first.path == "/api/v1"
    assert [path for path, _ in _routes(others) if path.startswith("/api")] == []


async def test_each_role_is_allowed_or_denied_on_every_route(
    client: httpx.AsyncClient, db: str
) -> None:
    catalogue = await small_catalogue()
    users: dict[str, User] = {
        "enterprise": await make_user("enterprise@example.com", Role.ENTERPRISE),
        "agency": await make_user("agency@example.com", Role.AGENCY, agency=catalogue.qinghe),
        "reviewer": await make_user("reviewer@example.com", Role.REVIEWER),
        "admin": await make_user("admin@example.com", Role.ADMIN),
    }
    app = create_app(make_settings(db))
    failures: list[str] = []
    checked = 0

    for path_format, route in _routes(app.routes):
        rule: Access = route.endpoint.access  # type: ignore[attr-defined]
        params = {name: SAMPLE_PARAMS[name] for name in route.param_convertors}
        path = path_format.format(**params)
        for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
            for role, held in ROLES.items():
                # a fresh browser per request, so that signing out or a rate limit on one
                # request does not change the next
                browser = httpx.AsyncClient(
                    transport=client._transport, base_url="http://testserver"
                )
                if role in users:
                    browser.cookies.set("mp_session", await services.start_session(users[role]))
                if method == "POST":
                    token = await csrf_token(browser, "/login")
                    response = await browser.post(path, data={"csrftoken": token})
                else:
                    response = await browser.get(path)
                checked += 1
                went_to_login = response.status_code == 303 and response.headers[
                    "location"
                ].startswith("/login?next=")
                if rule.allows_roles(held):
                    ok = response.status_code not in (401, 403) and not went_to_login
                elif held is None:
                    ok = response.status_code == 401 if path.startswith("/api/") else went_to_login
                else:
                    ok = response.status_code == 403
                if not ok:
                    failures.append(f"{method} {path} as {role}: {response.status_code}")

    assert failures == []
    assert checked >= 100
