"""The one gate every request passes before anything parses it: size, shape, characters.

It sits outside the CSRF check, which reads a form's whole body before anything else runs
(asgi-csrf 0.11 does so with ``body +=`` and no limit, and fails on a multipart header it
cannot split). So here, and only here:

- a request body is capped per content type, by ``Content-Length`` when it is sent and by
  counting the chunks when it is not: 413;
- a body whose declared type cannot be read (multipart without a boundary, a charset other
  than UTF-8, a urlencoded body that is not UTF-8, a multipart body that does not parse):
  400;
- a control character (other than tab, newline and carriage return) in the path, the query
  string, a form field's name or value or an upload's file name: 400. PostgreSQL refuses
  NUL in text, so letting one through is a 500 there and a silently stored NUL on SQLite.

A refusal is a page in the user's language (``{"error": {"code", "message"}}`` under
``/api/``) and nothing behind the gate has run. JSON bodies are checked where they are
parsed, by ``marketplace.http.json_body``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marketplace.core.uploads import MAX_FILE_BYTES, MAX_FILES
from marketplace.forms import CONTROL_CHARACTERS, has_control_characters
from marketplace.http import json_error
from marketplace.i18n import N_, translate
from marketplace.templating import render

__all__ = [
    "MAX_FORM_BYTES",
    "MAX_JSON_BYTES",
    "MAX_MULTIPART_BYTES",
    "MAX_OTHER_BYTES",
    "InputGuardMiddleware",
]

MAX_FORM_BYTES = 1024 * 1024  # a urlencoded form: text fields only
MAX_JSON_BYTES = 1024 * 1024
# Every file a form may carry at its largest, plus room for the text fields around them.
MAX_MULTIPART_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024
MAX_OTHER_BYTES = 1024 * 1024  # webhooks and anything else

_CONTROL_BYTES = re.compile(CONTROL_CHARACTERS.pattern.encode("ascii"))
_UTF8 = {"utf-8", "utf8"}
_CHARSETS = _UTF8 | {"us-ascii", "ascii"}
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

# A Content-Length is ASCII digits (RFC 9110 §8.6), never "²" or a sign.
_CONTENT_LENGTH = re.compile(rb"[0-9]{1,19}")


class _Refusal(Exception):
    """Raised (also from inside ``receive``) to answer ``status`` before anything else."""

    def __init__(self, status: int, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


_TOO_LARGE = N_("The request is too large: at most %(megabytes)s MB can be sent at once.")
_UNREADABLE = N_("The form could not be read. Reload the page and send it again.")
_BAD_CHARACTERS = N_(
    "“%(field)s” contains control characters that cannot be stored. Remove them and send "
    "the form again: nothing was changed."
)
_BAD_ADDRESS = N_("The address contains control characters and names nothing.")


def _limit(content_type: str) -> int:
    if content_type == "multipart/form-data":
        return MAX_MULTIPART_BYTES
    if content_type == "application/x-www-form-urlencoded":
        return MAX_FORM_BYTES
    if content_type == "application/json" or content_type.endswith("+json"):
        return MAX_JSON_BYTES
    return MAX_OTHER_BYTES


def _too_large(limit: int) -> _Refusal:
    return _Refusal(413, "too_large", _TOO_LARGE, megabytes=max(1, limit // (1024 * 1024)))


def _bad_field(name: str) -> _Refusal:
    return _Refusal(400, "invalid_characters", _BAD_CHARACTERS, field=name[:60] or "?")


def _check_query(query_string: bytes) -> None:
    text = query_string.decode("latin-1")
    if has_control_characters(unquote(text, encoding="latin-1")):
        raise _Refusal(400, "invalid_characters", _BAD_ADDRESS)


def _check_urlencoded(body: bytes) -> None:
    try:
        pairs = parse_qsl(
            body.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict"
        )
    except (UnicodeDecodeError, ValueError):
        raise _Refusal(400, "unreadable", _UNREADABLE) from None
    for name, value in pairs:
        if has_control_characters(name) or has_control_characters(value):
            raise _bad_field(name)


class _MultipartChecker:
    """Parses a multipart body alongside whoever reads it, refusing what cannot be kept."""

    def __init__(self, boundary: bytes) -> None:
        self._header_field = b""
        self._header_value = b""
        self._name = ""
        self._is_file = False
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": self._part_begin,
                "on_header_field": self._header_field_data,
                "on_header_value": self._header_value_data,
                "on_header_end": self._header_end,
                "on_part_data": self._part_data,
            },
        )

    def _part_begin(self) -> None:
        self._name, self._is_file = "", False

    def _header_field_data(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        field, value = self._header_field.lower(), self._header_value
        self._header_field = self._header_value = b""
        if field != b"content-disposition":
            return
        _, options = parse_options_header(value)
        raw_name = options.get(b"name", b"")
        self._name = raw_name.decode("utf-8", "replace")
        if _CONTROL_BYTES.search(raw_name):
            raise _bad_field(self._name)
        if b"filename" in options:
            self._is_file = True
            if _CONTROL_BYTES.search(options[b"filename"]):
                raise _bad_field(self._name)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if not self._is_file and _CONTROL_BYTES.search(data, start, end):
            raise _bad_field(self._name)

    def write(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except MultipartParseError:
            raise _Refusal(400, "unreadable", _UNREADABLE) from None

    def finish(self) -> None:
        try:
            self._parser.finalize()
        except MultipartParseError:
            raise _Refusal(400, "unreadable", _UNREADABLE) from None


def _headers(scope: Scope) -> Mapping[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


class InputGuardMiddleware:
    """Refuse oversized, unreadable or control-character input before anything reads it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            receive = await self._checked(scope, receive)
            await self.app(scope, receive, tracking_send)
        except _Refusal as refusal:
            if started:  # too late to answer otherwise; the connection ends here
                return
            await _answer(scope, send, refusal)

    async def _checked(self, scope: Scope, receive: Receive) -> Receive:
        """Check what can be checked now; a ``receive`` that checks the body as it comes."""
        if has_control_characters(scope["path"]):
            raise _Refusal(400, "invalid_characters", _BAD_ADDRESS)
        _check_query(scope.get("query_string", b""))
        if scope["method"] not in _BODY_METHODS:
            return receive
        headers = _headers(scope)
        raw_type = headers.get(b"content-type", b"").decode("latin-1")
        content_type, options = parse_options_header(raw_type)
        kind = content_type.decode("latin-1").lower()
        charset = options.get(b"charset", b"utf-8").decode("latin-1").lower()
        limit = _limit(kind)
        declared = headers.get(b"content-length")
        if declared is not None:
            if _CONTENT_LENGTH.fullmatch(declared) is None:
                raise _Refusal(400, "unreadable", _UNREADABLE)
            if int(declared) > limit:
                raise _too_large(limit)
        checker: _MultipartChecker | None = None
        if kind == "multipart/form-data":
            boundary = options.get(b"boundary", b"")
            if not boundary or len(boundary) > 200 or charset not in _CHARSETS:
                raise _Refusal(400, "unreadable", _UNREADABLE)
            # asgi-csrf splits the header on "; boundary=" literally: give it that shape.
            _set_header(scope, b"content-type", b"multipart/form-data; boundary=" + boundary)
            checker = _MultipartChecker(boundary)
        elif kind == "application/x-www-form-urlencoded":
            if charset not in _CHARSETS:
                raise _Refusal(400, "unreadable", _UNREADABLE)
            # asgi-csrf compares the type byte for byte: "Application/X-WWW-…" is a form too
            _set_header(scope, b"content-type", b"application/x-www-form-urlencoded")
            body = await _read_all(receive, limit)
            _check_urlencoded(body)
            return _replay(body, receive)
        elif kind == "application/json" and charset not in _UTF8 | {"us-ascii"}:
            raise _Refusal(400, "unreadable", _UNREADABLE)
        return _counting(receive, limit, checker)


def _set_header(scope: Scope, name: bytes, value: bytes) -> None:
    scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != name] + [(name, value)]


async def _read_all(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Refusal(400, "unreadable", _UNREADABLE)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _counting(receive: Receive, limit: int, checker: _MultipartChecker | None) -> Receive:
    size = 0

    async def counted() -> Message:
        nonlocal size
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            if checker is not None:
                checker.write(chunk)
                if not message.get("more_body", False):
                    checker.finish()
        return message

    return counted


async def _answer(scope: Scope, send: Send, refusal: _Refusal) -> None:
    message = translate(refusal.message, refusal.params)
    response: Any
    if scope["path"].startswith("/api/"):
        response = json_error(refusal.status, refusal.code, message)
    else:
        request = Request(scope)
        context = {"status_code": refusal.status, "message": message}
        response = render(request, "errors/error.html", context, status_code=refusal.status)

    async def no_body() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, no_body, send)
