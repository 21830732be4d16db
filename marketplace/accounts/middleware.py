"""Who is asking: the session cookie (browsers) or a bearer token (programs)."""

from __future__ import annotations

from starlette.authentication import UnauthenticatedUser
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from marketplace.accounts import services
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import UserRole

__all__ = ["SESSION_COOKIE", "AuthenticationMiddleware", "client_ip"]

SESSION_COOKIE = "mp_session"


def client_ip(connection: HTTPConnection) -> str:
    # Behind a proxy, uvicorn's --proxy-headers has already put the client's address here.
    return connection.client.host if connection.client else ""


class AuthenticationMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        user = None
        via_token = False
        authorization = connection.headers.get("authorization", "")
        if authorization.startswith("Bearer "):
            user = await services.user_for_api_token(
                authorization.removeprefix("Bearer ").strip(), ip=client_ip(connection)
            )
            via_token = True
        elif key := connection.cookies.get(SESSION_COOKIE):
            user = await services.user_for_session(key)
        if user is None:
            scope["user"] = UnauthenticatedUser()
        else:
            held = frozenset(row.role for row in await UserRole.filter(user_id=user.id))
            scope["user"] = CurrentUser(user, held, via_token)
        await self.app(scope, receive, send)
