"""CSRF protection for every state-changing form, by the maintained ``asgi-csrf``.

It signs a random token into a cookie and requires the same token in each POST's
``csrftoken`` field (or ``x-csrftoken`` header). Requests that carry
``Authorization: Bearer`` are exempt: a bearer token is never sent by a browser on its
own. Forms posted without any cookie (a forged sign-in, say) are refused too.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from html import escape
from typing import Any

import asgi_csrf as _asgi_csrf_module
from asgi_csrf import asgi_csrf
from python_multipart import FormParser
from starlette.types import ASGIApp, Message, Scope, Send

from marketplace.i18n import HTML_LANG, N_, current_language, translate

__all__ = ["csrf_middleware"]


class _EveryFormPath:
    """``always_protect`` for asgi-csrf: every path outside the token-only API."""

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and not path.startswith("/api/")


async def _refused(scope: Scope, send: Send, message_id: object) -> None:
    if scope["path"].startswith("/api/"):
        # A POST to the API with the session cookie and without the x-csrftoken header.
        await _refused_json(send)
        return
    title = translate(N_("The form could not be accepted"))
    text = translate(
        N_(
            "It was open too long or came from another site. Go back, reload the page and "
            "send it again: nothing was changed."
        )
    )
    body = (
        f'<!doctype html><html lang="{HTML_LANG[current_language()]}"><meta charset="utf-8">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/static/css/site.css">'
        f'<main class="wrap error-page"><h1>{escape(title)}</h1><p class="lead">{escape(text)}</p>'
        '<p><a href="/">⌂</a></p></main></html>'
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/html; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _refused_json(send: Send) -> None:
    message = translate(
        N_(
            "A request with the session cookie must send the x-csrftoken header; programs "
            "use a bearer token instead. Nothing was changed."
        )
    )
    body = json.dumps(
        {"error": {"code": "csrf_failed", "message": message}}, ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _parse_multipart_form_data(
    boundary: bytes, receive: Callable[[], Awaitable[Message]]
) -> tuple[str | None, Callable[[], Awaitable[Message]]]:
    """Find the ``csrftoken`` field at the head of a multipart body (forms with files).

    asgi-csrf 0.11 builds its parser with ``FileClass=``, which python-multipart 0.0.26
    removed (simonw/asgi-csrf#38, fix proposed in #39); the older python-multipart has
    published vulnerabilities, so this does the same with the current API: read until the
    token, refuse a file that comes before it, and replay what was read to the app.
    """

    def on_field(field: Any) -> None:
        if field.field_name == b"csrftoken":
            raise _asgi_csrf_module.TokenFound((field.value or b"").decode("utf-8"))

    def on_file(file: Any) -> None:
        raise _asgi_csrf_module.FileBeforeToken

    messages: list[Message] = []

    async def replay_receive() -> Message:
        return messages.pop(0) if messages else await receive()

    parser = FormParser("multipart/form-data", on_field, on_file, boundary=boundary)
    more_body = True
    try:
        while more_body:
            message = await receive()
            messages.append(message)
            parser.write(message.get("body", b""))
            more_body = message.get("more_body", False)
    except _asgi_csrf_module.TokenFound as found:
        return found.args[0], replay_receive
    return None, replay_receive


if "FileClass" not in inspect.signature(FormParser).parameters:
    _asgi_csrf_module._parse_multipart_form_data = _parse_multipart_form_data


def csrf_middleware(app: ASGIApp, *, secret: str, secure: bool = False) -> ASGIApp:
    wrapped: ASGIApp = asgi_csrf(
        app,
        signing_secret=secret,
        always_protect=_EveryFormPath(),
        cookie_secure=secure,
        send_csrf_failed=_refused,
    )
    return wrapped
