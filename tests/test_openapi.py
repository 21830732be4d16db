"""The OpenAPI document: built from the handlers' models, complete, and true to them."""

from __future__ import annotations

from typing import Any

import httpx

from marketplace.complaints.schemas import Lodge
from marketplace.orders.schemas import PlaceOrder
from tests.accounts_helpers import make_user, sign_in


async def _document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


async def test_every_operation_has_its_schemas_security_and_errors(
    client: httpx.AsyncClient, db: str
) -> None:
    document = await _document(client)
    operations = {
        (method.upper(), path): op
        for path, item in document["paths"].items()
        for method, op in item.items()
    }

    # the 19 of the API, the open statistics, the 7 of the organisations' members and
    # professionals and the 14 of purchase requests
    assert len(operations) == 41
    assert sorted(op for op in operations if op[1].startswith("/purchases")) == [
        ("GET", "/purchases"),
        ("GET", "/purchases/{id}"),
        ("GET", "/purchases/{id}/draw"),
        ("GET", "/purchases/{id}/registration"),
        ("POST", "/purchases"),
        ("POST", "/purchases/{id}/amend"),
        ("POST", "/purchases/{id}/cancel"),
        ("POST", "/purchases/{id}/confirm"),
        ("POST", "/purchases/{id}/quote"),
        ("POST", "/purchases/{id}/register"),
        ("POST", "/purchases/{id}/republish"),
        ("POST", "/purchases/{id}/scores"),
        ("POST", "/purchases/{id}/select"),
        ("POST", "/purchases/{id}/void"),
    ]
    assert [p["name"] for p in operations["POST", "/purchases"]["parameters"]] == [
        "Idempotency-Key"
    ]
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "mpat_…",
        "description": "A personal access token (mpat_ followed by its secret), created on "
        "the account page and revocable there",
    }
    schemas = document["components"]["schemas"]
    assert {ref.rsplit("/", 1)[1] for ref in _refs(document)} <= set(schemas)
    for (method, path), op in operations.items():
        ok = [s for s in op["responses"] if s.startswith("2")]
        assert ok, (method, path)
        for status in ok:
            assert "content" in op["responses"][status], (method, path, status)
        for status, answer in op["responses"].items():
            if status.startswith("4"):
                schema = answer["content"]["application/json"]["schema"]
                assert schema["$ref"].endswith("ErrorResponse"), (method, path, status)
        if method == "POST" and path != "/payments/stripe/webhook":
            assert op["requestBody"]["required"] is True
            assert {"400", "403", "413", "422"} <= set(op["responses"]), (method, path)
        if "security" in op:
            assert op["security"] == [{"bearerAuth": []}, {"sessionCookie": []}]
            assert "401" in op["responses"]
        if "{id}" in path:
            assert "404" in op["responses"]
            assert op["parameters"][0] == {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
            }
    assert [p["name"] for p in operations["POST", "/orders"]["parameters"]] == ["Idempotency-Key"]
    assert set(operations["POST", "/orders/{id}/{action}"]["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "413",
        "422",
    }
    assert operations["GET", "/search"]["parameters"][0]["name"] == "q"


async def test_the_document_shows_the_models_the_handlers_validate_with(
    client: httpx.AsyncClient, db: str
) -> None:
    schemas = (await _document(client))["components"]["schemas"]

    place = schemas["PlaceOrder"]
    assert place["required"] == ["item_id", "project_name", "project_code"]
    assert place["additionalProperties"] is False
    assert place["properties"]["item_id"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 2**31 - 1,
        "description": "The id of a published service item",
    }
    assert place["properties"]["base"]["maxLength"] == 32  # orders.base_amount is 32 wide
    assert place["properties"]["base"]["nullable"] is True
    # the document's models are the validators' own
    assert set(place["properties"]) == set(PlaceOrder.model_fields)
    assert set(schemas["Lodge"]["properties"]) == set(Lodge.model_fields)
    assert schemas["Lodge"]["properties"]["topic"]["enum"] == [
        "overdue",
        "fees",
        "quality",
        "attitude",
        "conduct",
        "other",
    ]
    assert schemas["ValidationErrorBody"]["required"] == ["code", "message", "field", "fields"]


async def test_an_undeclared_method_is_a_405_with_allow(client: httpx.AsyncClient, db: str) -> None:
    response = await client.delete("/api/v1/categories")

    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD"}
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_a_session_post_without_the_csrf_header_is_a_json_403(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("buyer@example.com")
    await sign_in(client, "buyer@example.com")

    refused = await client.post("/api/v1/orders", json={})
    allowed = await client.post(
        "/api/v1/orders", json={}, headers={"x-csrftoken": client.cookies["csrftoken"]}
    )

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    assert "x-csrftoken" in refused.json()["error"]["message"]
    assert allowed.status_code == 403  # past CSRF: a visitor may not order
    assert allowed.json()["error"]["code"] == "forbidden"
