"""Refusals and form errors as responses: the one set of exception handlers.

A domain refuses by raising: ``FormError`` for input, field by field, and ``Refused`` (its
subclasses, e.g. ``OrderRefused``) for a step the state does not allow now. Nothing was
changed either way. Views do not catch them; these handlers turn them into responses:

- under ``/api/`` the JSON error shape of ``marketplace.schemas`` (``ErrorResponse``): a
  ``FormError`` is a 422 ``invalid`` naming every field, a refusal a 409 ``refused``;
- on a page, the page that holds the form, rendered again with the user's input and the
  messages beside the fields at fault (422 for input, 409 for a refusal), at the address
  the form was posted to. A view names that page before it acts, with ``on_refusal``:
  a template and its context (which already holds the submitted values), or a coroutine
  that renders the page from the ``Failure``. A page with several forms posts them all to
  its own address, each with its ``FORM_KEY`` field naming the form (``dispatch``); a
  list whose rows each have a form names the row in its ``ROW_KEY`` field (``posted_row``).
- a request whose view named no page gets the error page with the message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from marketplace.access import Access, allow
from marketplace.forms import FormError, Message, Refused, parse_id
from marketplace.http import api_form_error, json_error
from marketplace.i18n import translate
from marketplace.orders.labels import STATE_LABELS
from marketplace.templating import render

__all__ = [
    "EXCEPTION_HANDLERS",
    "FORM_KEY",
    "ROW_KEY",
    "Endpoint",
    "Failure",
    "dispatch",
    "failure_of",
    "on_refusal",
    "on_refusal_show",
    "posted_row",
    "refusal_text",
    "submitted_values",
]

# The field that names which of a page's forms was posted to the page's address.
FORM_KEY = "do"
# The hidden field that names the row a form of a list page concerns (its id).
ROW_KEY = "row"
# Fields never sent back into a page: secrets and the CSRF token (the page makes its own).
_NOT_ECHOED = ("password", "new_password", "current_password", "password_confirm", "csrftoken")
_STATE = "form_page"
_FAILURE = "form_failure"

Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class Failure:
    """What a refused form shows: messages by field (``""``: the form as a whole), the
    refusal of state as text (``None`` for input errors), the submitted values, the status
    and which of the page's forms it was (``FORM_KEY``'s value, ``""`` for a page's only
    form)."""

    errors: dict[str, Message]
    refusal: str | None
    status_code: int
    values: dict[str, str] = field(default_factory=dict)
    form: str = ""
    source: Exception | None = None


PageRenderer = Callable[[Failure], Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class _Page:
    render: PageRenderer | None
    template: str
    context: Mapping[str, Any] | None
    refused_status: int


def on_refusal(
    request: Request,
    page: str | PageRenderer,
    context: dict[str, Any] | None = None,
    *,
    refused_status: int = 409,
) -> None:
    """Name the page a refusal of this request shows: a template rendered with ``context``
    (its ``errors`` replaced), or a coroutine rendering it from the ``Failure``."""
    if isinstance(page, str):
        setattr(request.state, _STATE, _Page(None, page, context, refused_status))
    else:
        setattr(request.state, _STATE, _Page(page, "", None, refused_status))


DetailPage = Callable[..., Awaitable[Response]]


def on_refusal_show(
    request: Request,
    detail: DetailPage,
    extra: dict[str, Any] | None = None,
    *,
    args: tuple[Any, ...] = (),
    errors_key: str = "errors",
    shows_refusal: bool = False,
    refused_status: int = 409,
) -> None:
    """A refusal of this request shows ``detail(request, *args, context)`` again: the page of a
    record with its forms, given ``errors`` (or ``errors_key``, where the page has several
    forms), ``refusal`` (the text of a refusal of state; it is ``errors[""]`` too unless
    the page ``shows_refusal`` on its own) and ``extra`` (the values the view read from the form,
    kept in the form)."""

    async def page(failure: Failure) -> Response:
        errors = {} if shows_refusal and failure.refusal else failure.errors
        shown = {errors_key: errors, "refusal": failure.refusal}
        return await detail(request, *args, {**shown, **(extra or {})})

    on_refusal(request, page, refused_status=refused_status)


def posted_row(form: Mapping[str, Any]) -> int | None:
    """The id of the row a list page's form names (``ROW_KEY``), or ``None``: the view
    still looks it up through its domain's visibility rule, and refuses one it cannot see."""
    return parse_id(form.get(ROW_KEY))


def failure_of(request: Request) -> Failure | None:
    """The failure a page is being rendered again for, if any."""
    failure = getattr(request.state, _FAILURE, None)
    return failure if isinstance(failure, Failure) else None


def refusal_text(exc: Refused) -> str:
    """A refusal in the user's language; an order state it names by its label."""
    params = dict(exc.message.params)
    if "state" in params:
        params["state"] = translate(STATE_LABELS.get(str(params["state"]), str(params["state"])))
    return translate(exc.message.id, params)


async def submitted_values(request: Request) -> dict[str, str]:
    """The text fields of the posted form (the first of repeated ones), but secrets."""
    if request.method != "POST":
        return {}
    try:
        form = await request.form()  # as the view read it: starlette keeps it
    except HTTPException:  # a body the view never read, and not a form
        return {}
    values: dict[str, str] = {}
    for name, value in form.multi_items():
        if isinstance(value, str) and name not in values and name not in _NOT_ECHOED:
            values[name] = value[:6000]
    return values


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _page_response(request: Request, failure: Failure) -> Response:
    setattr(request.state, _FAILURE, failure)
    page = getattr(request.state, _STATE, None)
    if not isinstance(page, _Page):
        message = failure.refusal or translate(
            *next(((m.id, m.params) for m in failure.errors.values()), ("", {}))
        )
        return render(
            request,
            "errors/error.html",
            {"status_code": failure.status_code, "message": message},
            status_code=failure.status_code,
        )
    if failure.refusal is not None:
        failure = dataclasses.replace(failure, status_code=page.refused_status)
        setattr(request.state, _FAILURE, failure)
    if page.render is not None:
        response = await page.render(failure)
        response.status_code = failure.status_code
        return response
    context = dict(page.context or {})
    context["errors"] = failure.errors
    return render(request, page.template, context, status_code=failure.status_code)


async def _form_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FormError)
    if _is_api(request):
        error = api_form_error(exc)
        return json_error(error.status_code, error.code, error.message, **error.extra)
    values = await submitted_values(request)
    failure = Failure(exc.errors, None, 422, values, values.get(FORM_KEY, ""), exc)
    return await _page_response(request, failure)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    text = refusal_text(exc)
    if _is_api(request):
        return json_error(409, "refused", text)
    values = await submitted_values(request)
    errors = {"": Message(exc.message.id, exc.message.params)}
    failure = Failure(errors, text, 409, values, values.get(FORM_KEY, ""), exc)
    return await _page_response(request, failure)


EXCEPTION_HANDLERS: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
    FormError: _form_error,
    Refused: _refused,
}


def dispatch(page: Endpoint, forms: Mapping[str, Endpoint], **form_limits: int) -> Endpoint:
    """One address for a page and its forms: a GET is the page, a POST goes to the form
    its ``FORM_KEY`` field names (each form's endpoint keeps its own access rule), so a
    refused form is shown again at the page's own address. ``form_limits`` are those of
    ``Request.form`` (read once here, with the largest limits any form needs)."""

    rule: Access = page.access  # type: ignore[attr-defined]

    @allow(rule)  # the page's rule first: who may not see the page learns nothing of its forms
    async def post(request: Request) -> Response:
        form = await request.form(**form_limits)
        chosen = form.get(FORM_KEY)
        handler = forms.get(chosen) if isinstance(chosen, str) else None
        if handler is None:
            raise HTTPException(status_code=404)
        return await handler(request)

    async def endpoint(request: Request) -> Response:
        if request.method != "POST":
            return await page(request)
        return await post(request)

    endpoint.__name__ = page.__name__
    endpoint.__doc__ = page.__doc__
    endpoint.access = rule  # type: ignore[attr-defined]
    return endpoint
