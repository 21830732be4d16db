"""The language of a request (the web side of ``marketplace.i18n``).

It is chosen, in order, by a ``lang`` query parameter (the switcher on every page; it
also sets a cookie), the ``lang`` cookie, and otherwise Chinese, and kept in
``marketplace.i18n``'s context variable for the duration of the request.
"""

from __future__ import annotations

from starlette.datastructures import URL, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marketplace.i18n import COOKIE_NAME, DEFAULT_LANGUAGE, HTML_LANG, LANGUAGES, use_language

__all__ = ["LocaleMiddleware", "language_switch_url"]

_COOKIE_MAX_AGE_S = 365 * 24 * 3600


def language_switch_url(url: URL, language: str) -> str:
    """The current page in ``language``: the same path and query with ``lang`` set."""
    switched = url.include_query_params(lang=language)
    return f"{switched.path}?{switched.query}"


class LocaleMiddleware:
    """Pick the request's language and remember an explicit choice in a cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        chosen = connection.query_params.get("lang")
        if chosen not in LANGUAGES:
            chosen = None
        language = chosen or connection.cookies.get(COOKIE_NAME) or DEFAULT_LANGUAGE
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        scope.setdefault("state", {})["language"] = language

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append("Content-Language", HTML_LANG[language])
                if chosen and chosen != connection.cookies.get(COOKIE_NAME):
                    cookie = f"{COOKIE_NAME}={chosen}; Path=/; Max-Age={_COOKIE_MAX_AGE_S}"
                    headers.append("Set-Cookie", cookie + "; SameSite=Lax")
            await send(message)

        with use_language(language):
            await self.app(scope, receive, send_with_cookie)
