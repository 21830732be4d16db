"""The OpenAPI document of ``/api/v1``, built from the operations the handlers declare.

Each API endpoint carries its ``@operation(...)`` (``marketplace.schemas``): the pydantic
models it validates its body and query with and the models of its answers. The document
takes their JSON schemas (converted to OpenAPI 3.0), its security from the endpoint's
``@allow`` rule and the error answers from both, so it describes what the handlers do.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Mount, Route

from marketplace import __version__
from marketplace.access import PUBLIC, Access, allow
from marketplace.schemas import (
    ID_PARAMETER,
    ErrorResponse,
    Operation,
    ValidationErrorResponse,
)

__all__ = ["build_schema", "openapi_endpoint"]

_DESCRIPTION = """\
The public catalogue of admitted intermediary agencies, and the orders, complaints and
ratings of the marketplace.

Money is integer fen (1 yuan = 100 fen); dates are ISO 8601. Every refusal is
`{"error": {"code": "...", "message": "..."}}` with the message in the user's language
(`Accept-Language`, or `?lang=zh|en`); nothing was changed by a refused request. Invalid
bodies are 422 and name every field: `{"error": {"code": "invalid", "message", "field",
"fields": {"name": "message"}}}`.

Programs authenticate with a personal access token, created on the account page:
`Authorization: Bearer mpat_…`. Requests with a bearer token need no CSRF token. A browser
that uses the session cookie must send the `x-csrftoken` header (the value of the
`csrftoken` cookie) with every POST, or it is refused with 403; requests with neither a
cookie nor a token are anonymous.
"""

_SECURITY_SCHEMES = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "mpat_…",
        "description": "A personal access token (mpat_ followed by its secret), "
        "created on the account page and revocable there",
    },
    "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "mp_session",
        "description": "The browser's session; POSTs also need the x-csrftoken header",
    },
}

_PARAMETER = re.compile(r"\{(\w+)(?::\w+)?\}")


def _error(description: str, model: type[BaseModel] = ErrorResponse) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(model)}},
    }


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def to_openapi30(schema: Any) -> Any:
    """A pydantic (JSON Schema 2020-12) schema as OpenAPI 3.0 writes it: ``nullable``
    instead of a ``null`` type, ``enum`` instead of ``const``."""
    if isinstance(schema, list):
        return [to_openapi30(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {k: to_openapi30(v) for k, v in schema.items() if k != "title"}
    if "const" in schema:
        schema["enum"] = [schema.pop("const")]
    options = schema.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del schema["anyOf"]
        if len(rest) == 1 and "$ref" not in rest[0]:
            schema = {**rest[0], **schema}
        else:
            schema["anyOf" if len(rest) > 1 else "allOf"] = rest
        schema["nullable"] = True
    return schema


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A query parameter's schema: absent is how it says "none", never null."""
    schema = dict(schema)
    schema.pop("nullable", None)
    if "default" in schema and schema["default"] is None:
        del schema["default"]
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = {**schema.pop("allOf")[0], **schema}
    return schema


class _Builder:
    def __init__(self) -> None:
        self.models: dict[type[BaseModel], Literal["validation", "serialization"]] = {
            ErrorResponse: "serialization",
            ValidationErrorResponse: "serialization",
        }

    def operation(self, op: Operation, access: Access | None, path: str) -> dict[str, Any]:
        result: dict[str, Any] = {"summary": op.summary, "operationId": None}
        if op.description:
            result["description"] = op.description
        parameters: list[dict[str, Any]] = []
        for name in _PARAMETER.findall(path):
            schema = op.path.get(name, ID_PARAMETER)
            parameters.append({"name": name, "in": "path", "required": True, "schema": schema})
        if op.query is not None:
            parameters.extend(self._query(op.query))
        parameters.extend(op.headers)
        if parameters:
            result["parameters"] = parameters
        if op.body is not None:
            self.models[op.body] = "validation"
            result["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(op.body)}},
            }
        responses: dict[str, Any] = {}
        for status, (description, model) in sorted(op.responses.items()):
            answer: dict[str, Any] = {"description": description}
            if model is not None:
                self.models.setdefault(model, "serialization")
                answer["content"] = {"application/json": {"schema": _ref(model)}}
            responses[str(status)] = answer
        errors = dict(op.errors)
        if op.body is not None or op.query is not None or op.headers:
            errors.setdefault(400, "The body is not a JSON object, or a parameter is invalid")
        public = access is None or access.public
        if not public:
            errors.setdefault(401, "Not signed in, or the token is unknown or revoked")
            result["security"] = [{"bearerAuth": []}, {"sessionCookie": []}]
        if op.method == "POST":
            errors.setdefault(
                403,
                "A session-cookie request without the x-csrftoken header"
                + ("" if public or not (access and access.roles) else ", or a role that may not"),
            )
        elif access is not None and access.roles:
            errors.setdefault(403, "Your roles do not allow this")
        if "{" in path:
            errors.setdefault(404, "Nothing with this id" + ("" if public else " that you may see"))
        if op.body is not None:
            errors.setdefault(413, "The body is too large")
        for status, description in sorted(errors.items()):
            responses[str(status)] = _error(description)
        if op.body is not None:
            responses["422"] = _error(
                errors.get(422, "Invalid input, field by field; nothing was changed"),
                ValidationErrorResponse,
            )
        result["responses"] = dict(sorted(responses.items()))
        if op.tags:
            result["tags"] = list(op.tags)
        return result

    def _query(self, model: type[BaseModel]) -> list[dict[str, Any]]:
        schema = to_openapi30(model.model_json_schema(mode="validation"))
        required = set(schema.get("required", ()))
        parameters = []
        for name, prop in schema.get("properties", {}).items():
            prop = _not_null(prop)
            parameter: dict[str, Any] = {
                "name": name,
                "in": "query",
                "required": name in required,
                "schema": prop,
            }
            if "description" in prop:
                parameter["description"] = prop.pop("description")
            if prop.get("type") == "array":
                parameter.update(style="form", explode=True)
            parameters.append(parameter)
        return parameters

    def components(self) -> dict[str, Any]:
        _, top = models_json_schema(
            [(model, mode) for model, mode in self.models.items()],
            ref_template="#/components/schemas/{model}",
        )
        schemas = to_openapi30(top.get("$defs", {}))
        return {"schemas": dict(sorted(schemas.items())), "securitySchemes": _SECURITY_SCHEMES}


def build_schema(routes: list[BaseRoute]) -> dict[str, Any]:
    builder = _Builder()
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        if not isinstance(route, Route) or not route.include_in_schema:
            continue
        operations: dict[str, Operation] = getattr(route.endpoint, "operations", {})
        access: Access | None = getattr(route.endpoint, "access", None)
        path = _PARAMETER.sub(r"{\1}", route.path)
        for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
            op = operations.get(method)
            if op is None:
                raise LookupError(f"{method} {route.path} declares no @operation")
            described = builder.operation(op, access, path)
            described["operationId"] = f"{route.name}_{method.lower()}"
            paths.setdefault(path, {})[method.lower()] = described
    return {
        "openapi": "3.0.3",
        "info": {"title": "中介服务超市 API", "version": __version__, "description": _DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": builder.components(),
    }


@allow(PUBLIC)
async def openapi_endpoint(request: Request) -> JSONResponse:
    api = next(
        route
        for route in request.app.routes
        if isinstance(route, Mount) and route.path == "/api/v1"
    )
    return JSONResponse(build_schema(list(api.routes)))
