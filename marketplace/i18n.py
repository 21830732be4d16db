"""Languages: Chinese first, English second, from Babel message catalogues.

Message ids in code and templates are English; ``marketplace/locale/zh/LC_MESSAGES/
messages.po`` translates them to Chinese. The catalogues are compiled in memory when the
application starts, so running from a checkout needs no build step.

The language of a request is chosen, in order, by a ``lang`` query parameter (the
switcher on every page; it also sets a cookie), the ``lang`` cookie, and otherwise
Chinese. It is kept in a context variable for the duration of the request.
"""

from __future__ import annotations

import contextvars
import gettext as _gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from starlette.datastructures import URL, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "N_",
    "LocaleMiddleware",
    "current_language",
    "gettext",
    "ngettext",
    "translate",
    "use_language",
]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "zh"
# Code → the name of the language in itself, as the switcher shows it.
LANGUAGES = {"zh": "中文", "en": "English"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
COOKIE_NAME = "lang"
_COOKIE_MAX_AGE_S = 365 * 24 * 3600

_language: contextvars.ContextVar[str] = contextvars.ContextVar(
    "language", default=DEFAULT_LANGUAGE
)


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language``; English is the message ids themselves."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return _gettext.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def current_language() -> str:
    return _language.get()


@contextmanager
def use_language(language: str) -> Iterator[None]:
    token = _language.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_language.get()).ngettext(singular, plural, n)


def translate(message: str, params: Mapping[str, object] | None = None) -> str:
    """``message`` in the current language, its ``%(name)s`` placeholders filled."""
    text = gettext(message)
    return text % params if params else text


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, where it is shown."""
    return message


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

        token = _language.set(language)
        try:
            await self.app(scope, receive, send_with_cookie)
        finally:
            _language.reset(token)
