"""Every JSON operation of the API posted with hostile values.

NUL and control characters, lone surrogates, 1 MB strings, superscript, full-width and
Arabic-Indic digits, wrong types, booleans for integers, unknown, missing and repeated
fields, nested and malformed JSON: each is refused with a 4xx whose message is in the
user's language, never a 5xx, and the database is unchanged by it (the row count of every
table, and the order and complaint it aimed at).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from tortoise import Tortoise, connections

from marketplace.accounts import services as account_services
from marketplace.complaints.models import Complaint
from marketplace.complaints.services import lodge
from marketplace.orders.models import Order
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseRequest, Registration
from marketplace.procurement.services import publish_request, register
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

HAN = re.compile(r"[\u4e00-\u9fff]")
MEGABYTE = "字" * 1_000_000
DEEP = 2_000  # json.loads gives up at about 1,000 levels

# Values that are never a valid id: booleans, floats, strings of digits of every kind,
# out of range, containers.
NOT_IDS: list[Any] = [
    True,
    False,
    1.0,
    1.5,
    "1",
    "²",
    "１",
    "٣",
    -1,
    0,
    2**31,
    2**63,
    1e308,
    [],
    {},
    [1],
    {"$gt": 0},
]
# Values that are never valid text: control characters, a lone surrogate, 1 MB, non-strings.
NOT_TEXT: list[Any] = [
    "a\x00b",
    "\x00",
    "a\x1bb",
    "\x07",
    "\x7f",
    "\x0b\x0c",
    "\ud800",
    MEGABYTE,
    1,
    True,
    1.5,
    [],
    {},
    ["a"],
    {"text": "a"},
]
NOT_CHOICES: list[Any] = ["FEES", "ｆｅｅｓ", "yes\x00", " yes", "cancel ", True, 1, [], {}, None]


@dataclass
class Target:
    """One operation: its URL, the token that may use it, a valid body and its fields."""

    name: str
    url: str
    token: str
    body: dict[str, Any]
    kinds: dict[str, str]  # field → id | text | required_text | choice
    required: tuple[str, ...]
    idempotent: bool = False


@dataclass
class Fuzzed:
    world: OrderWorld
    targets: list[Target]
    order: Order
    complaint: Complaint
    purchase: PurchaseRequest


@pytest.fixture
async def fuzzed(db: str) -> Fuzzed:
    world = await order_world()
    buyer = await as_current(world.enterprise)
    placed = await _place(world)
    complaint = await lodge(
        actor=buyer,
        topic="attitude",
        description="服务态度差",
        idempotency_key="fuzz-complaint-0001",
        agency_id=world.catalogue.qinghe.id,
    )

    async def token(user: Any) -> str:
        return (await account_services.create_api_token(user, name="fuzz")).secret

    enterprise, agency, admin = (
        await token(world.enterprise),
        await token(world.qinghe_staff),
        await token(world.admin),
    )
    purchase = await publish_request(
        user=buyer,
        category_id=world.catalogue.eia.id,
        project_name="采购项目",
        project_code=PROJECT_CODE,
        work="编制环境影响报告表",
        qualifications="",
        time_limit_days=20,
        funding=Funding.STATE,
        ceiling_fen=5_000_000,
        floor_fen=2_000_000,
        method=Method.LOWEST,
        registration_days=5,
    )
    await register(purchase.id, actor=await as_current(world.qinghe_staff))
    targets = [
        Target(
            "place an order",
            "/api/v1/orders",
            enterprise,
            {
                "item_id": world.catalogue.report_form.id,
                "project_name": "项目",
                "project_code": PROJECT_CODE,
                "base": None,
                "note": "",
            },
            {
                "item_id": "id",
                "project_name": "required_text",
                "project_code": "text",
                "base": "text",
                "note": "text",
            },
            ("item_id", "project_name", "project_code"),
            idempotent=True,
        ),
        Target(
            "decline an order",
            f"/api/v1/orders/{placed.id}/decline",
            agency,
            {"reason": "材料不全", "outcome": ""},
            {"reason": "text", "outcome": "choice"},
            (),
        ),
        Target(
            "lodge a complaint",
            "/api/v1/complaints",
            enterprise,
            {"agency_id": world.catalogue.qinghe.id, "topic": "fees", "description": "乱收费"},
            {"agency_id": "id", "topic": "choice", "description": "required_text"},
            ("topic", "description"),
            idempotent=True,
        ),
        Target(
            "answer a complaint",
            f"/api/v1/complaints/{complaint.id}/answer",
            admin,
            {"answer": "已责令整改", "outcome": ""},
            {"answer": "required_text", "outcome": "choice"},
            ("answer",),
        ),
        Target(
            "give feedback",
            f"/api/v1/complaints/{complaint.id}/feedback",
            enterprise,
            {"satisfied": "yes", "feedback": ""},
            {"satisfied": "choice", "feedback": "text"},
            ("satisfied",),
        ),
        Target(
            "announce a purchase",
            "/api/v1/purchases",
            enterprise,
            {
                "category_id": world.catalogue.eia.id,
                "project_name": "采购项目",
                "project_code": PROJECT_CODE,
                "work": "编制环境影响报告表",
                "qualifications": "",
                "time_limit_days": 20,
                "funding": "state",
                "ceiling_fen": 5_000_000,
                "method": "lowest",
                "registration_days": 5,
            },
            {
                "category_id": "id",
                "project_name": "required_text",
                "project_code": "text",
                "work": "required_text",
                "qualifications": "text",
                "funding": "choice",
                "method": "choice",
            },
            ("category_id", "project_name", "project_code", "work", "funding", "method"),
            idempotent=True,
        ),
        Target(
            "correct a purchase",
            f"/api/v1/purchases/{purchase.id}/amend",
            enterprise,
            {"text": "更正", "extend_days": 1},
            {"text": "required_text"},
            ("text",),
        ),
        Target(
            "cancel a purchase",
            f"/api/v1/purchases/{purchase.id}/cancel",
            enterprise,
            {"reason": "不再需要"},
            {"reason": "required_text"},
            ("reason",),
        ),
        Target(
            "void a purchase",
            f"/api/v1/purchases/{purchase.id}/void",
            admin,
            {"reason": "违规"},
            {"reason": "required_text"},
            ("reason",),
        ),
        # every value that passes the schema is outside the request's floor and ceiling
        Target(
            "quote for a purchase",
            f"/api/v1/purchases/{purchase.id}/quote",
            agency,
            {"quote_fen": 3_000_000},
            {"quote_fen": "id"},
            ("quote_fen",),
        ),
    ]
    return Fuzzed(world, targets, placed, complaint, purchase)


async def _place(world: OrderWorld) -> Order:
    from marketplace.orders.services import place_order

    placed = await place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_form.id,
        project_name="被拒绝的项目",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key="fuzz-order-000001",
    )
    return placed.order


def _hostile_bodies(target: Target) -> list[tuple[str, bytes]]:
    """(what it is, the raw body) for every hostile variation of ``target``'s body."""
    bodies: list[tuple[str, bytes]] = []

    def add(label: str, body: Any) -> None:
        bodies.append((label, json.dumps(body, ensure_ascii=True).encode()))

    for name, kind in target.kinds.items():
        values = {"id": NOT_IDS, "choice": NOT_CHOICES}.get(kind, NOT_TEXT)
        if kind == "required_text":
            values = [*values, "", "   ", "\n\t", None]
        if name == "project_code":
            values = [
                *values,
                "２０２４-３２０９０２-４４-０１-０００１２３",
                "2024-320902-44-01-00012³",
            ]
        for value in values:
            add(f"{name}={value!r:.40}", {**target.body, name: value})
        add(f"{name} nested", {**target.body, name: _nested(50)})
    for name in target.required:
        add(f"no {name}", {k: v for k, v in target.body.items() if k != name})
    add("an unknown field", {**target.body, "is_admin": True})
    first = next(iter(target.body))
    valid = json.dumps(target.body)[1:-1]
    bodies += [
        ("a repeated field", f'{{{valid}, "{first}": {json.dumps(target.body[first])}}}'.encode()),
        ("nested 2,000 deep (arrays)", b"[" * DEEP + b"]" * DEEP),
        ("nested 2,000 deep (objects)", b'{"a":' * DEEP + b"1" + b"}" * DEEP),
        ("not an object", b"[1, 2]"),
        ("a string", b'"text"'),
        ("not JSON", b"{"),
        ("NaN", b"NaN"),
        ("not UTF-8", b'{"a": "\xff\xfe"}'),
        ("a huge number", b'{"item_id": 1e999999}'),
    ]
    return bodies


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"a": [value]}
    return value


async def _use_tokens(client: httpx.AsyncClient, fuzzed: Fuzzed) -> None:
    """Use each token once: the security log records a token's first use, which is
    authentication, not an effect of the request it came with."""
    for token in {t.token for t in fuzzed.targets}:
        assert (
            await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        ).is_success


async def _row_counts() -> dict[str, int]:
    tables = sorted(model._meta.db_table for model in Tortoise.apps["models"].values())
    connection = connections.get("default")
    select = ", ".join(f'(SELECT COUNT(*) FROM "{t}") AS "{t}"' for t in tables)
    _, rows = await connection.execute_query(f"SELECT {select}")
    return {t: int(rows[0][t]) for t in tables}


async def test_hostile_bodies_are_refused_in_the_users_language_and_change_nothing(
    client: httpx.AsyncClient, fuzzed: Fuzzed
) -> None:
    await _use_tokens(client, fuzzed)
    before = await _row_counts()
    problems: list[str] = []
    for target in fuzzed.targets:
        for n, (label, raw) in enumerate(_hostile_bodies(target)):
            headers = {
                "Authorization": f"Bearer {target.token}",
                "Content-Type": "application/json",
            }
            if target.idempotent:
                headers["Idempotency-Key"] = f"fuzz-{target.name[:5]}-{n:05d}".replace(" ", "-")
            response = await client.post(target.url, content=raw, headers=headers)
            where = f"{target.name}, {label}: {response.status_code}"
            if response.status_code not in (400, 413, 422):
                problems.append(f"{where} {response.text[:200]}")
                continue
            if response.status_code != 413:  # the body-size limit answers before the API
                message = response.json()["error"]["message"]
                if not HAN.search(message):
                    problems.append(f"{where} not in Chinese: {message}")
            if await _row_counts() != before:
                problems.append(f"{where} changed the database")
                before = await _row_counts()

    assert problems == []
    order = await Order.get(id=fuzzed.order.id)
    complaint = await Complaint.get(id=fuzzed.complaint.id)
    assert (order.state.value, order.version) == (fuzzed.order.state.value, fuzzed.order.version)
    assert (complaint.state.value, complaint.answer) == ("open", "")
    purchase = await PurchaseRequest.get(id=fuzzed.purchase.id)
    assert (purchase.state.value, purchase.version) == ("open", 0)
    assert await Registration.filter(request_id=purchase.id).values_list(
        "quote_fen", flat=True
    ) == [None]


async def test_a_refusal_speaks_english_when_asked(
    client: httpx.AsyncClient, fuzzed: Fuzzed
) -> None:
    target = fuzzed.targets[0]
    headers = {"Authorization": f"Bearer {target.token}", "Idempotency-Key": "fuzz-english-01"}

    wrong_type = await client.post(
        "/api/v1/orders?lang=en", json={**target.body, "item_id": True}, headers=headers
    )
    control = await client.post(
        "/api/v1/orders?lang=en", json={**target.body, "note": "a\x00b"}, headers=headers
    )
    deep = await client.post(
        "/api/v1/orders?lang=en", content=b"[" * DEEP + b"]" * DEEP, headers=headers
    )
    repeated = await client.post(
        "/api/v1/orders?lang=en", content=b'{"item_id": 1, "item_id": 2}', headers=headers
    )

    assert wrong_type.status_code == 422
    assert wrong_type.json()["error"] == {
        "code": "invalid",
        "message": "Enter a whole number.",
        "field": "item_id",
        "fields": {"item_id": "Enter a whole number."},
    }
    assert control.json()["error"]["fields"] == {
        "note": "Remove the control characters from this text."
    }
    assert (deep.status_code, deep.json()["error"]) == (
        400,
        {"code": "invalid_json", "message": "The body nests deeper than 32 levels."},
    )
    assert (repeated.status_code, repeated.json()["error"]["message"]) == (
        400,
        "A field appears twice in the body.",
    )
    assert await Order.all().count() == 1


async def test_hostile_query_values_are_400s_that_change_nothing(
    client: httpx.AsyncClient, fuzzed: Fuzzed
) -> None:
    item = fuzzed.world.catalogue.report_book.id
    cases = [
        ("/api/v1/agencies", {"category": "EIA\x00"}, 400),
        ("/api/v1/agencies", {"page": "²"}, 400),
        ("/api/v1/agencies", {"page": "１"}, 400),
        ("/api/v1/agencies", {"per_page": "٣"}, 400),
        ("/api/v1/agencies", {"category": "E" * 1000}, 400),
        ("/api/v1/search", {"q": "环评\x00"}, 400),
        ("/api/v1/search", {"q": "x" * 10_000}, 400),
        ("/api/v1/search", {"max_days": "１０"}, 400),
        ("/api/v1/search", {"min_rating": "٣"}, 400),
        ("/api/v1/search", {"page": "²"}, 400),
        ("/api/v1/search", {"category": "EIA\x00"}, 400),
        # fees.parse_base reads full-width digits; the API takes ASCII only
        (f"/api/v1/services/{item}/fee-estimate", {"base": "１２３"}, 400),
        # the input gate refuses control characters in any query string first
        (f"/api/v1/services/{item}/fee-estimate", {"base": "1\x00"}, 400),
        (f"/api/v1/services/{item}/fee-estimate", {"base": "1" * 10_000}, 422),
    ]
    before = await _row_counts()

    answers = [await client.get(url, params=params) for url, params, _ in cases]

    assert [(r.status_code, bool(HAN.search(r.json()["error"]["message"]))) for r in answers] == [
        (status, True) for _, _, status in cases
    ]
    assert await _row_counts() == before
