"""The public JSON API on a small catalogue whose every value is known."""

from __future__ import annotations

import httpx

from tests.factories import SmallCatalogue


async def test_categories_with_counts_of_public_agencies_and_items(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    response = await client.get("/api/v1/categories")

    assert response.status_code == 200
    rows = [
        (c["code"], c["market_type"], c["quota"], c["agency_count"], c["item_count"])
        for c in response.json()["categories"]
    ]
    # the draft and the suspended agency's item are not counted
    assert rows == [
        ("EIA", "competitive", 3, 2, 2),
        ("LPT", "monopoly", None, 1, 1),
        ("SSE", "absent", None, 0, 0),
    ]
    assert response.json()["categories"][0]["abbreviations"] == ["环评"]


async def test_agencies_are_paginated_and_filtered_by_category(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    everyone = (await client.get("/api/v1/agencies")).json()
    assert [a["name"] for a in everyone["agencies"]] == [
        "盐城青禾环境咨询有限公司",
        "南京衡远工程技术有限公司",
    ]
    assert (everyone["total"], everyone["page"], everyone["per_page"]) == (2, 1, 20)

    second_page = (await client.get("/api/v1/agencies", params={"per_page": 1, "page": 2})).json()
    assert [a["id"] for a in second_page["agencies"]] == [catalogue.hengyuan.id]
    assert second_page["total"] == 2

    lightning = (await client.get("/api/v1/agencies", params={"category": "LPT"})).json()
    assert [a["id"] for a in lightning["agencies"]] == [catalogue.hengyuan.id]
    assert lightning["agencies"][0]["is_local"] is False
    assert lightning["agencies"][0]["admission_route"] == "recruited"


async def test_bad_agency_list_parameters_are_client_errors(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    for params, status, code in [
        ({"page": "0"}, 400, "invalid_parameter"),
        ({"page": "abc"}, 400, "invalid_parameter"),
        ({"per_page": "101"}, 400, "invalid_parameter"),
        ({"per_page": "-1"}, 400, "invalid_parameter"),
        ({"category": "NOPE"}, 404, "unknown_category"),
    ]:
        response = await client.get("/api/v1/agencies", params=params)
        assert response.status_code == status, params
        assert response.json()["error"]["code"] == code, params


async def test_parameter_errors_are_in_the_users_language(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    chinese = await client.get("/api/v1/agencies", params={"per_page": "500"})
    english = await client.get("/api/v1/agencies", params={"category": "X", "lang": "en"})

    assert chinese.json()["error"] == {
        "code": "invalid_parameter",
        "message": "per_page 必须是 1 到 100 之间的整数。",
        "parameter": "per_page",
    }
    assert english.json()["error"] == {
        "code": "unknown_category",
        "message": "There is no category with the code “X”.",
    }


async def test_agency_detail_carries_qualifications_and_published_items(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    body = (await client.get(f"/api/v1/agencies/{catalogue.qinghe.id}")).json()

    assert body["credit_code"] == catalogue.qinghe.credit_code
    assert [(q["certificate_no"], q["grade"], q["expires_on"]) for q in body["qualifications"]] == [
        ("HP-001", None, "2028-06-30"),
        ("ZX-002", "乙", "2025-12-31"),
    ]
    assert [s["id"] for s in body["services"]] == [catalogue.report_form.id]
    assert body["admitted_on"] == "2026-03-16"


async def test_unknown_hidden_and_malformed_ids_are_json_404s(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    for path in [
        f"/api/v1/agencies/{catalogue.suspended.id}",
        "/api/v1/agencies/abc",
        "/api/v1/agencies/99999999999999999999",
        "/api/v1/agencies/-1",
        f"/api/v1/services/{catalogue.draft.id}",
        f"/api/v1/services/{catalogue.hidden.id}",
        "/api/v1/services/0",
        f"/api/v1/services/{catalogue.draft.id}/fee-estimate",
        "/api/v1/nowhere",
    ]:
        response = await client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "not_found", path


async def test_service_detail_has_every_published_field(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    body = (await client.get(f"/api/v1/services/{catalogue.report_book.id}")).json()

    assert body["title"] == "环境影响报告书编制"
    assert body["scope"] == "环境影响报告书编制的范围"
    assert body["legal_basis"] == "《中华人民共和国环境影响评价法》第十六条"
    assert body["fee_basis"] == "市场调节价"
    assert body["fee_standard"]["type"] == "tiered"
    assert body["time_limit_days"] == 40
    assert body["version"] == 1
    assert body["agency"]["name"] == "南京衡远工程技术有限公司"
    assert body["category"]["code"] == "EIA"


async def test_fee_estimates_follow_each_published_standard(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    async def estimate(item_id: int, base: str | None = None) -> tuple[int, int]:
        params = {"base": base} if base is not None else {}
        body = (await client.get(f"/api/v1/services/{item_id}/fee-estimate", params=params)).json()
        return body["low_fen"], body["high_fen"]

    # 3000 万 × 0.2 % + 7000 万 × 0.1 % = 13 万元, with a discount of up to 10 %
    assert await estimate(catalogue.report_book.id, "10000") == (11_700_000, 13_000_000)
    # 100 万 × 0.2 % = 0.2 万元, below the 5 万元 minimum, which the discount does not go under
    assert await estimate(catalogue.report_book.id, "100") == (5_000_000, 5_000_000)
    assert await estimate(catalogue.report_form.id) == (2_500_000, 2_500_000)
    assert await estimate(catalogue.lightning_check.id, "10") == (120_000, 120_000)
    assert await estimate(catalogue.lightning_check.id, "3") == (60_000, 60_000)


async def test_a_base_that_cannot_be_priced_is_a_422_in_the_users_language(
    client: httpx.AsyncClient, catalogue: SmallCatalogue
) -> None:
    url = f"/api/v1/services/{catalogue.report_book.id}/fee-estimate"

    chinese = await client.get(url, params={"base": "abc"})
    english = await client.get(url, params={"base": "abc", "lang": "en"})
    missing = await client.get(url)

    assert chinese.status_code == 422
    assert chinese.json()["error"] == {
        "code": "base_not_a_number",
        "message": "“abc”不是有效的数字。",
    }
    assert english.json()["error"] == {
        "code": "base_not_a_number",
        "message": "“abc” is not a number.",
    }
    assert missing.json()["error"]["code"] == "base_missing"


async def test_openapi_document_describes_every_endpoint(
    client: httpx.AsyncClient, db: str
) -> None:
    schema = (await client.get("/api/v1/openapi.json")).json()

    assert schema["openapi"] == "3.0.3"
    assert sorted(schema["paths"]) == [
        "/agencies",
        "/agencies/{id}",
        "/agencies/{id}/ratings",
        "/categories",
        "/complaints",
        "/complaints/{id}",
        "/complaints/{id}/{step}",
        "/me",
        "/orders",
        "/orders/{id}",
        "/orders/{id}/{action}",
        "/organisation/invitations",
        "/organisation/members",
        "/organisation/members/{id}/remove",
        "/organisation/members/{id}/role",
        "/payments/stripe/webhook",
        "/professionals",
        "/professionals/{id}/remove",
        "/purchases",
        "/purchases/{id}",
        "/purchases/{id}/amend",
        "/purchases/{id}/cancel",
        "/purchases/{id}/confirm",
        "/purchases/{id}/draw",
        "/purchases/{id}/quote",
        "/purchases/{id}/register",
        "/purchases/{id}/registration",
        "/purchases/{id}/republish",
        "/purchases/{id}/scores",
        "/purchases/{id}/select",
        "/purchases/{id}/void",
        "/rounds",
        "/rounds/{id}",
        "/search",
        "/services/{id}",
        "/services/{id}/fee-estimate",
        "/statistics",
    ]
    assert [p["name"] for p in schema["paths"]["/agencies"]["get"]["parameters"]] == [
        "category",
        "page",
        "per_page",
    ]
