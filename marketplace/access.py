"""Who may use a route, declared next to it.

Every endpoint carries an ``Access`` rule, set with the ``@allow(...)`` decorator:

    @allow(PUBLIC)                          anyone, signed in or not
    @allow(SIGNED_IN)                       any signed-in user
    @allow(roles(Role.ADMIN))               users holding one of these roles
    @allow(roles(Role.AGENCY), owner=...)   and who own what the URL names

The decorator enforces the rule before the view runs: a visitor is sent to the sign-in
page (the API answers 401), a user without the role gets 403, and a user who does not
own the object gets 404, so ids of other people's things reveal nothing. The route
matrix test reads these rules from the route table, so a route without one fails it.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role

__all__ = [
    "PUBLIC",
    "SIGNED_IN",
    "Access",
    "CurrentUser",
    "allow",
    "current_user",
    "roles",
    "signed_in_user",
]

Endpoint = Callable[[Request], Awaitable[Response]]
OwnerCheck = Callable[[Request, "CurrentUser"], Awaitable[bool]]


@dataclass(frozen=True)
class Access:
    public: bool = False
    roles: frozenset[Role] = field(default_factory=frozenset)  # empty: any signed-in user
    owner: OwnerCheck | None = None

    def allows_roles(self, held: frozenset[Role] | None) -> bool:
        """Whether a user holding ``held`` (``None``: not signed in) passes the role check."""
        if self.public:
            return True
        if held is None:
            return False
        return not self.roles or not self.roles.isdisjoint(held)


PUBLIC = Access(public=True)
SIGNED_IN = Access()


def roles(*wanted: Role) -> Access:
    return Access(roles=frozenset(wanted))


def current_user(request: Request) -> CurrentUser | None:
    user = request.scope.get("user")
    return user if isinstance(user, CurrentUser) else None


def signed_in_user(request: Request) -> CurrentUser:
    """The user of a route whose rule admits only signed-in users."""
    user = current_user(request)
    assert user is not None
    return user


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def allow(rule: Access, *, owner: OwnerCheck | None = None) -> Callable[[Endpoint], Endpoint]:
    if owner is not None:
        rule = Access(public=rule.public, roles=rule.roles, owner=owner)

    def decorate(endpoint: Endpoint) -> Endpoint:
        @functools.wraps(endpoint)
        async def guarded(request: Request) -> Response:
            if not rule.public:
                user = current_user(request)
                if user is None:
                    if _is_api(request):
                        raise HTTPException(status_code=401)
                    target = request.url.path + (
                        f"?{request.url.query}" if request.url.query else ""
                    )
                    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
                if not rule.allows_roles(user.roles):
                    raise HTTPException(status_code=403)
                if rule.owner is not None and not await rule.owner(request, user):
                    raise HTTPException(status_code=404)
            return await endpoint(request)

        guarded.access = rule  # type: ignore[attr-defined]
        return guarded

    return decorate
