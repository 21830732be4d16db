"""Small request helpers shared by the HTML views and the JSON API."""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from marketplace.forms import MAX_DB_ID, FormError
from marketplace.i18n import N_, translate

__all__ = [
    "MAX_DB_ID",
    "ApiError",
    "api_form_error",
    "json_body",
    "json_error",
    "page_params",
    "path_id",
]

# How deep a JSON body may nest: no request of the API needs more than a few levels, and
# the parser's recursion would otherwise end in a RecursionError (a 500).
MAX_JSON_DEPTH = 32


def path_id(request: Request, name: str = "id") -> int:
    """The positive integer id in the path, or a 404 (a bad id names nothing)."""
    raw = request.path_params[name]
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_DB_ID:
        raise HTTPException(status_code=404)
    return int(raw)


class ApiError(Exception):
    """A refusal the JSON API reports as ``{"error": {"code", "message"}}``."""

    def __init__(self, status_code: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.extra = extra


def json_error(status_code: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, **extra}}, status_code=status_code
    )


def _positive_int(request: Request, name: str, default: int, maximum: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= maximum:
        message = translate(
            N_("%(name)s must be a whole number from 1 to %(maximum)s."),
            {"name": name, "maximum": maximum},
        )
        raise ApiError(400, "invalid_parameter", message, parameter=name)
    return int(raw)


def page_params(
    request: Request, *, default_per_page: int = 20, max_per_page: int = 100
) -> tuple[int, int]:
    """``(page, per_page)`` from the query string, validated."""
    page = _positive_int(request, "page", 1, 100_000)
    per_page = _positive_int(request, "per_page", default_per_page, max_per_page)
    return page, per_page


def api_form_error(exc: FormError) -> ApiError:
    """A form's errors as a 422: the first as the message, every one by field; a refusal by
    the state of things (``FormError.by_state``) as a 409 naming its field."""
    field, message = next(iter(exc.errors.items()))
    if exc.by_state:
        return ApiError(409, "refused", translate(message.id, message.params), field=field or None)
    return ApiError(
        422,
        "invalid",
        translate(message.id, message.params),
        field=field or None,
        fields={k: translate(m.id, m.params) for k, m in exc.errors.items()},
    )


class _RepeatedKey(ValueError):
    """A JSON object gave one key twice."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of repeated keys; which one a program meant is unknowable.
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RepeatedKey
    return result


def _depth(value: Any) -> int:
    """How deep ``value`` nests."""
    depth, level = 0, [(value, 1)]
    while level:
        item, at = level.pop()
        depth = max(depth, at)
        if isinstance(item, dict):
            level.extend((v, at + 1) for v in item.values())
        elif isinstance(item, list):
            level.extend((v, at + 1) for v in item)
    return depth


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object (``{}`` when empty); a 400 for anything else: not JSON,
    not an object, a key given twice, or nested deeper than ``MAX_JSON_DEPTH``.

    Control characters (NUL…) in its strings are refused field by field by the request
    models (``marketplace.schemas``), which name the field at fault."""
    try:
        body = json.loads(await request.body() or b"{}", object_pairs_hook=_object)
    except _RepeatedKey:
        raise ApiError(
            400, "invalid_json", translate(N_("A field appears twice in the body."))
        ) from None
    except RecursionError:  # nested some thousand levels deep
        raise ApiError(
            400, "invalid_json", translate(_TOO_DEEP, {"depth": MAX_JSON_DEPTH})
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "invalid_json", translate(N_("The body is not valid JSON."))) from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", translate(N_("The body must be a JSON object.")))
    if _depth(body) > MAX_JSON_DEPTH:
        raise ApiError(400, "invalid_json", translate(_TOO_DEEP, {"depth": MAX_JSON_DEPTH}))
    return body


_TOO_DEEP = N_("The body nests deeper than %(depth)s levels.")
