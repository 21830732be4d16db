"""CSRF protection for every state-changing form, by the maintained ``asgi-csrf``.

It signs a random token into a cookie and requires the same token in each POST's
``csrftoken`` field (or ``x-csrftoken`` header). Requests that carry
``Authorization: Bearer`` are exempt: a bearer token is never sent by a browser on its
own. Forms posted without any cookie (a forged sign-in, say) are refused too.
"""

from __future__ import annotations

from html import escape

from asgi_csrf import asgi_csrf
from starlette.types import ASGIApp, Scope, Send

from marketplace.i18n import HTML_LANG, N_, current_language, translate

__all__ = ["csrf_middleware"]


class _EveryFormPath:
    """``always_protect`` for asgi-csrf: every path outside the token-only API."""

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and not path.startswith("/api/")


async def _refused(scope: Scope, send: Send, message_id: object) -> None:
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


def csrf_middleware(app: ASGIApp, *, secret: str, secure: bool = False) -> ASGIApp:
    wrapped: ASGIApp = asgi_csrf(
        app,
        signing_secret=secret,
        always_protect=_EveryFormPath(),
        cookie_secure=secure,
        send_csrf_failed=_refused,
    )
    return wrapped
