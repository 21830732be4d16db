"""The JSON API's typed definitions: what each operation accepts and answers.

Handlers validate their input with these pydantic models (``parse_body``, ``parse_query``,
``parse_header``), and ``marketplace.openapi`` builds the OpenAPI document from the very
same models and from the ``@operation`` each handler declares, so the document and the
behaviour cannot drift apart. Refusals are ``{"error": {"code", "message", ...}}`` with
the message in the user's language; invalid bodies are 422 with every field's message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)
from pydantic_core import ErrorDetails, PydanticCustomError
from starlette.requests import Request

from marketplace.http import MAX_DB_ID, ApiError, json_body
from marketplace.i18n import N_, translate

__all__ = [
    "REQUIRED_TEXT",
    "TEXT",
    "ApiModel",
    "AsciiWhole",
    "ErrorResponse",
    "Id",
    "IdempotencyKey",
    "Operation",
    "QueryModel",
    "RequiredText",
    "Text",
    "ValidationErrorResponse",
    "idempotency_key",
    "operation",
    "parse_body",
    "parse_query",
]

M = TypeVar("M", bound=BaseModel)
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])

# Characters no text field takes: C0 controls except tab, newline and carriage return, and
# DEL (PostgreSQL refuses NUL; the others are invisible and corrupt exports). The document
# states them as patterns and the checks below apply the same rules.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
TEXT_PATTERN = rf"^[^{_CONTROL}]*$"
# Required text: at least one character that is not white space (services strip it).
REQUIRED_TEXT_PATTERN = rf"^[^{_CONTROL}]*[^\s{_CONTROL}][^{_CONTROL}]*$"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL_CHARACTER = re.compile(f"[{_CONTROL}]")


def _checked_text(*, required: bool) -> Callable[[str], str]:
    # The same rules as the patterns, in linear time (the pattern would backtrack).
    def check(value: str) -> str:
        if _SURROGATE.search(value) or _CONTROL_CHARACTER.search(value):
            raise PydanticCustomError("control_character", "control characters")
        if required and not value.strip():
            raise PydanticCustomError("blank", "blank")
        return value

    return check


# Use as ``Annotated[str, Field(max_length=200, json_schema_extra=TEXT), Text]``: the
# document gets the pattern, the check refuses what the pattern does not match.
TEXT: dict[str, Any] = {"pattern": TEXT_PATTERN}
REQUIRED_TEXT: dict[str, Any] = {"pattern": REQUIRED_TEXT_PATTERN}
Text = AfterValidator(_checked_text(required=False))
RequiredText = AfterValidator(_checked_text(required=True))


# A database id: a JSON integer (never a boolean, a float or a string) from 1 to 2**31-1.
Id = Annotated[int, Field(ge=1, le=MAX_DB_ID, strict=True)]


class ApiModel(BaseModel):
    """A JSON request body: exact types (``true`` is not 1, ``"1"`` is not 1), no unknown
    fields."""

    model_config = ConfigDict(strict=True, extra="forbid")


def _ascii_whole(value: object) -> object:
    # Query strings are text; ``int()`` would take "²"-free but full-width or Arabic-Indic
    # digits, so only ASCII digits count as a number here.
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{1,9}", value):
            raise PydanticCustomError("int_parsing", "not a whole number")
        return int(value)
    return value


# A whole number in a query string: ASCII digits only. Bounds go before it, so that the
# document shows them: ``Annotated[int, Field(ge=1, le=100), AsciiWhole]``.
AsciiWhole = BeforeValidator(_ascii_whole)
QueryInt = Annotated[int, AsciiWhole]


class QueryModel(BaseModel):
    """Query parameters: text in, typed values out; unknown parameters are ignored."""

    model_config = ConfigDict(extra="ignore")


# --- the error shape -------------------------------------------------------------------


class ErrorBody(BaseModel):
    code: str = Field(description="A stable machine-readable code, e.g. not_found, refused")
    message: str = Field(description="What went wrong, in the user's language")
    field: str | None = Field(default=None, description="The first field refused (422)")
    fields: dict[str, str] | None = Field(
        default=None, description="Every refused field with its message (422)"
    )
    parameter: str | None = Field(default=None, description="The query parameter refused (400)")


class ErrorResponse(BaseModel):
    """Every refusal of the API: nothing was changed."""

    error: ErrorBody


class ValidationErrorBody(BaseModel):
    code: str = Field(description="invalid")
    message: str = Field(description="The first field's message, in the user's language")
    field: str | None = Field(description="The first field refused (null: the whole body)")
    fields: dict[str, str] = Field(description="Every refused field with its message")


class ValidationErrorResponse(BaseModel):
    """Input refused field by field; nothing was changed."""

    error: ValidationErrorBody


# --- validation -------------------------------------------------------------------------


def _message(error: ErrorDetails) -> tuple[str, dict[str, object]]:
    """The translatable message of one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "message":  # a model's own rule: PydanticCustomError("message", "{id}", {id…})
        return str(ctx["id"]), {}
    if kind in ("missing", "blank", "string_too_short"):
        return N_("This field is required."), {}
    if kind == "string_too_long":
        return N_("Use at most %(count)s characters."), {"count": ctx.get("max_length")}
    if kind == "control_character":
        return N_("Remove the control characters from this text."), {}
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return N_("Enter a whole number."), {}
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return N_("This number is out of range."), {}
    if kind in ("string_type", "string_sub_type"):
        return N_("Enter text."), {}
    if kind in ("literal_error", "enum"):
        return N_("Choose one of: %(choices)s."), {"choices": ctx.get("expected", "")}
    if kind == "extra_forbidden":
        return N_("This field is not accepted here."), {}
    if kind == "string_pattern_mismatch":
        return N_("This value does not have the expected form."), {}
    return N_("This value is not valid."), {}


def _field_name(error: ErrorDetails) -> str:
    if "field" in (error.get("ctx") or {}):
        return str(error["ctx"]["field"])
    return ".".join(str(part) for part in error["loc"])


def validation_error(exc: ValidationError) -> ApiError:
    """A 422 naming every refused field, as ``http.api_form_error`` does for forms."""
    fields: dict[str, str] = {}
    for error in exc.errors():
        name = _field_name(error)
        if name not in fields:
            message, params = _message(error)
            fields[name] = translate(message, params)
    first = next(iter(fields))
    return ApiError(422, "invalid", fields[first], field=first or None, fields=fields)


async def parse_body(request: Request, model: type[M]) -> M:
    """The request's JSON body as ``model``, or a 400 (not JSON) or 422 (invalid)."""
    body = await json_body(request)
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise validation_error(exc) from None


def parse_query(request: Request, model: type[M]) -> M:
    """The query string as ``model``, or a 400 naming the first bad parameter."""
    values: dict[str, object] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in request.query_params:
            continue
        if _is_list(info.annotation):
            values[key] = request.query_params.getlist(key)
        else:
            # "" is a value like any other: the document says what a parameter takes.
            values[key] = request.query_params[key]
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        raise ApiError(
            400, "invalid_parameter", _parameter_message(model, name, error), parameter=name
        ) from None


def _parameter_message(model: type[BaseModel], name: str, error: ErrorDetails) -> str:
    info = model.model_fields.get(name)
    if info is not None and info.annotation is int:
        bounds = {type(m).__name__: m for m in info.metadata}
        if "Le" in bounds and getattr(bounds.get("Ge"), "ge", None) == 1:
            return translate(
                N_("%(name)s must be a whole number from 1 to %(maximum)s."),
                {"name": name, "maximum": bounds["Le"].le},
            )
    message, params = _message(error)
    return translate(
        N_("%(name)s: %(problem)s"), {"name": name, "problem": translate(message, params)}
    )


def _is_list(annotation: object) -> bool:
    return getattr(annotation, "__origin__", None) in (list, tuple) or str(annotation).startswith(
        ("list[", "tuple[")
    )


# --- headers ------------------------------------------------------------------------------

# An idempotency key: 8 to 100 visible ASCII characters, chosen by the client per request.
IDEMPOTENCY_KEY_PATTERN = r"^[!-~]{8,100}$"
IdempotencyKey = Annotated[str, Field(pattern=IDEMPOTENCY_KEY_PATTERN)]


def idempotency_key(request: Request) -> str:
    """The ``Idempotency-Key`` header, or a 400 saying what is wrong with it."""
    key = request.headers.get("idempotency-key")
    if not key:
        raise ApiError(
            400, "idempotency_key_missing", translate(N_("Send an Idempotency-Key header."))
        )
    if not re.fullmatch(IDEMPOTENCY_KEY_PATTERN, key):
        raise ApiError(
            400,
            "idempotency_key_invalid",
            translate(N_("The Idempotency-Key header must be 8 to 100 visible ASCII characters.")),
        )
    return key


# --- operations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    """What one HTTP method of an endpoint accepts and answers, for the OpenAPI document."""

    method: str
    summary: str
    description: str = ""
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    path: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    headers: Sequence[dict[str, Any]] = ()
    responses: Mapping[int, tuple[str, type[BaseModel] | None]] = field(default_factory=dict)
    errors: Mapping[int, str] = field(default_factory=dict)
    tags: Sequence[str] = ()


def operation(method: str = "GET", **spec: Any) -> Callable[[Endpoint], Endpoint]:
    """Declare an endpoint's operation; stack one per HTTP method."""

    def decorate(endpoint: Endpoint) -> Endpoint:
        operations = dict(getattr(endpoint, "operations", {}))
        operations[method.upper()] = Operation(method=method.upper(), **spec)
        endpoint.operations = operations  # type: ignore[attr-defined]
        return endpoint

    return decorate


# Path parameters shared by many operations.
ID_PARAMETER = {"type": "integer", "minimum": 1, "maximum": MAX_DB_ID}
