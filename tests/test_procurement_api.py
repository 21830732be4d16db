"""Purchase requests through the JSON API: a random draw from announcement to order, quotes
sealed for every caller until the deadline, refusals (409, 422) that change nothing, and
an announcement's idempotent replay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from marketplace.accounts import services as account_services
from marketplace.accounts.models import User
from marketplace.core import clock
from marketplace.orders.models import Order
from marketplace.procurement import draw, services
from marketplace.procurement.models import (
    PurchaseEvent,
    PurchaseRequest,
    PurchaseState,
    Registration,
)
from tests.order_helpers import PROJECT_CODE, as_current
from tests.procurement_helpers import (
    AFTER_DEADLINE,
    NUMBER,
    PUBLISHED,
    RECEIPTS,
    SEED,
    ProcurementWorld,
    procurement_world,
    signed_contract,
)

R = RECEIPTS


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    clock.set_now(PUBLISHED)
    yield
    clock.set_now(None)


@pytest.fixture
async def world(db: str) -> ProcurementWorld:
    return await procurement_world()


async def _token(user: User) -> dict[str, str]:
    secret = (await account_services.create_api_token(user, name="api-test")).secret
    return {"Authorization": f"Bearer {secret}"}


def _announcement(world: ProcurementWorld, **changes: Any) -> dict[str, Any]:
    return {
        "category_id": world.catalogue.eia.id,
        "project_name": "年产十万吨新材料项目",
        "project_code": PROJECT_CODE,
        "work": "编制环境影响报告表",
        "qualifications": "环境影响评价信用平台备案",
        "time_limit_days": 20,
        "funding": "state",
        "ceiling_fen": 5_000_000,
        "floor_fen": 2_000_000,
        "method": "random",
        "registration_days": 5,
        **changes,
    }


async def _publish(
    client: httpx.AsyncClient, world: ProcurementWorld, key: str = "announce-0001", **changes: Any
) -> httpx.Response:
    headers = {**await _token(world.owner), "Idempotency-Key": key}
    return await client.post(
        "/api/v1/purchases", json=_announcement(world, **changes), headers=headers
    )


async def _snapshot(request_id: int) -> tuple[Any, ...]:
    p = await PurchaseRequest.get(id=request_id)
    registrations = await Registration.filter(request_id=request_id).values_list(
        "receipt", "quote_fen", "score"
    )
    events = await PurchaseEvent.filter(request_id=request_id).count()
    return (p.state, p.version, p.deadline, p.winner_id, sorted(registrations), events)


async def test_a_random_draw_from_announcement_to_order(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    announced = await _publish(client, world)
    assert announced.status_code == 201
    body = announced.json()
    rid = body["id"]
    assert (body["state"], body["method"], body["deadline"], body["registrations"]) == (
        "open",
        "random",
        "2026-11-09",
        0,
    )
    assert body["number"] == f"CG261102-{rid:05d}"
    assert body["registrants"] is None and body["winner_receipt"] is None
    assert [e["kind"] for e in body["events"]] == ["announce"]

    staff = [await _token(world.staff[n]) for n in range(3)]
    receipts = []
    for headers in staff:
        registered = await client.post(
            f"/api/v1/purchases/{rid}/register", json={}, headers=headers
        )
        assert registered.status_code == 201
        receipts.append(registered.json()["receipt"])
    again = await client.post(f"/api/v1/purchases/{rid}/register", json={}, headers=staff[0])
    assert (again.status_code, again.json()["receipt"]) == (200, receipts[0])
    # the receipts are then fixed, with the seed and number, so that the draw is known
    for n, receipt in enumerate(receipts):
        await Registration.filter(receipt=receipt).update(receipt=R[n])
    await PurchaseRequest.filter(id=rid).update(
        seed_hex=SEED.hex(), seed_sha256=draw.seed_hash(SEED), number=NUMBER
    )

    owner = await _token(world.owner)
    clock.set_now(AFTER_DEADLINE)
    unphrased = await client.post(f"/api/v1/purchases/{rid}/select", json={}, headers=owner)
    assert (unphrased.status_code, list(unphrased.json()["error"]["fields"])) == (422, ["phrase"])
    selected = await client.post(
        f"/api/v1/purchases/{rid}/select",
        json={"phrase": "", "witnesses": []},
        headers=owner,
    )
    assert selected.status_code == 422
    selected = await client.post(
        f"/api/v1/purchases/{rid}/select",
        json={"phrase": "426", "witnesses": ["王见证"]},
        headers=owner,
    )
    assert selected.status_code == 200
    result = selected.json()
    assert (result["state"], result["winner_receipt"], result["contract_fen"]) == (
        "selected",
        R[0],
        5_000_000,
    )
    assert [(r["receipt"], r["agency_id"]) for r in result["registrants"]] == [
        (R[n], world.agencies[n].id) for n in range(3)
    ]
    drawn = (await client.get(f"/api/v1/purchases/{rid}/draw")).json()
    assert drawn["seed"] == SEED.hex() and drawn["seed_sha256"] == draw.seed_hash(SEED)
    assert drawn["outcome"]["winner"] == R[0]
    assert drawn["outcome"]["steps"] == [
        {"label": "winner", "candidates": list(R[:3]), "index": 0, "chosen": R[0]}
    ]

    # the API takes no files: the party confirming first attaches the signed contract on
    # the request's page, and is sent there until then
    unattached = await client.post(
        f"/api/v1/purchases/{rid}/confirm", json={"contract_fen": 5_000_000}, headers=owner
    )
    assert unattached.status_code == 409
    # an absolute link from the configured public URL, never the request's host
    assert f"http://127.0.0.1:8000/purchases/{rid}" in unattached.json()["error"]["message"]
    contract = await signed_contract(tmp_path)
    await services.confirm_contract(rid, actor=await as_current(world.owner), contract=contract)
    assert await Order.all().count() == 0
    half = (await client.get(f"/api/v1/purchases/{rid}")).json()
    assert (half["state"], half["contract_sha256"]) == ("selected", contract.sha256)
    loser = await client.post(
        f"/api/v1/purchases/{rid}/confirm", json={"contract_fen": 5_000_000}, headers=staff[1]
    )
    assert loser.status_code == 409
    wrong_file = await client.post(
        f"/api/v1/purchases/{rid}/confirm",
        json={"contract_fen": 5_000_000, "contract_sha256": "0" * 64},
        headers=staff[0],
    )
    assert wrong_file.status_code == 409
    assert contract.sha256 in wrong_file.json()["error"]["message"]
    by_winner = await client.post(
        f"/api/v1/purchases/{rid}/confirm",
        json={"contract_fen": 5_000_000, "contract_sha256": contract.sha256},
        headers=staff[0],
    )
    assert by_winner.status_code == 200 and by_winner.json()["state"] == "contracted"
    order = await Order.get(purchase_requests__id=rid)
    assert (order.agency_id, order.quoted_low_fen, order.quoted_high_fen) == (
        world.agencies[0].id,
        5_000_000,
        5_000_000,
    )
    assert [e["kind"] for e in by_winner.json()["events"]] == ["announce", "result", "contract"]


async def test_quotes_stay_sealed_for_every_caller_until_the_deadline(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    rid = (await _publish(client, world, method="lowest")).json()["id"]
    quoting = await _token(world.staff[0])
    await client.post(f"/api/v1/purchases/{rid}/register", json={}, headers=quoting)
    quoted = await client.post(
        f"/api/v1/purchases/{rid}/quote", json={"quote_fen": 3_000_000}, headers=quoting
    )
    assert (quoted.status_code, quoted.json()["quote_fen"]) == (200, 3_000_000)
    replaced = await client.post(
        f"/api/v1/purchases/{rid}/quote", json={"quote_fen": 2_800_000}, headers=quoting
    )
    assert replaced.json()["quote_fen"] == 2_800_000

    callers = {
        "anonymous": {},
        "owner": await _token(world.owner),
        "other owner": await _token(world.other_owner),
        "office": await _token(world.admin),
        "quoting agency": quoting,
        "other agency": await _token(world.staff[1]),
    }
    for who, headers in callers.items():
        detail = await client.get(f"/api/v1/purchases/{rid}", headers=headers)
        listed = await client.get("/api/v1/purchases", headers=headers)
        drawn = await client.get(f"/api/v1/purchases/{rid}/draw", headers=headers)
        assert (detail.json()["registrants"], detail.json()["registrations"]) == (None, 1), who
        assert "2800000" not in detail.text + listed.text, who
        assert drawn.status_code == 404, who
    own = await client.get(f"/api/v1/purchases/{rid}/registration", headers=quoting)
    assert (own.status_code, own.json()["quote_fen"]) == (200, 2_800_000)
    other = await client.get(
        f"/api/v1/purchases/{rid}/registration", headers=callers["other agency"]
    )
    assert other.status_code == 404
    owner_reads = await client.get(
        f"/api/v1/purchases/{rid}/registration", headers=callers["owner"]
    )
    assert owner_reads.status_code == 403

    clock.set_now(AFTER_DEADLINE)
    after = (await client.get(f"/api/v1/purchases/{rid}")).json()
    assert [(r["receipt"], r["quote_fen"]) for r in after["registrants"]] == [
        (own.json()["receipt"], 2_800_000)
    ]


async def test_refusals_are_409_or_422_and_change_nothing(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    rid = (await _publish(client, world, method="lowest")).json()["id"]
    owner, other_owner, admin = (
        await _token(world.owner),
        await _token(world.other_owner),
        await _token(world.admin),
    )
    agency = await _token(world.staff[0])
    await client.post(f"/api/v1/purchases/{rid}/register", json={}, headers=agency)
    before = await _snapshot(rid)

    def url(step: str) -> str:
        return f"/api/v1/purchases/{rid}/{step}"

    cases: list[tuple[str, dict[str, Any], dict[str, str], int, str | None]] = [
        ("quote", {"quote_fen": 5_000_001}, agency, 422, "quote_fen"),
        ("quote", {"quote_fen": 1_999_999}, agency, 422, "quote_fen"),
        ("quote", {"quote_fen": True}, agency, 422, "quote_fen"),
        ("select", {}, owner, 409, "选取在报名截止"),
        ("cancel", {"reason": "不再需要"}, other_owner, 409, "只有该采购项目的业主"),
        ("cancel", {"reason": "  "}, owner, 422, "reason"),
        ("amend", {"text": "更正", "extend_days": 31}, owner, 422, "extend_days"),
        ("void", {"reason": "违规"}, owner, 403, None),
        ("void", {}, admin, 422, "reason"),
        ("confirm", {"contract_fen": 5_000_000}, owner, 409, "没有待确认的合同"),
        ("republish", {}, owner, 409, "流标"),
        ("scores", {"registration_id": 1, "scores": [50]}, owner, 409, "综合评分"),
    ]
    for step, body, headers, status, expected in cases:
        answer = await client.post(url(step), json=body, headers=headers)
        assert answer.status_code == status, (step, body, answer.text)
        if status == 422:
            assert expected in answer.json()["error"]["fields"], (step, answer.json())
        elif status == 409:
            assert expected in answer.json()["error"]["message"], (step, answer.json())
        assert await _snapshot(rid) == before, step

    clock.set_now(AFTER_DEADLINE)
    late = await client.post(url("amend"), json={"text": "更正"}, headers=owner)
    assert (late.status_code, late.json()["error"]["code"]) == (409, "refused")
    assert late.json()["error"]["message"] == "只有在报名期间才能发布更正公告。"
    missing = await client.post("/api/v1/purchases/999999/select", json={}, headers=owner)
    assert missing.status_code == 404
    tendered = await _publish(client, world, key="announce-0002", ceiling_fen=100_000_000)
    assert tendered.status_code == 409 and "第五条" in tendered.json()["error"]["message"]
    no_category = await _publish(client, world, key="announce-0003", category_id=999_999)
    assert (no_category.status_code, no_category.json()["error"]["field"]) == (404, "category_id")
    by_agency = await client.post(
        "/api/v1/purchases",
        json=_announcement(world),
        headers={**agency, "Idempotency-Key": "announce-0004"},
    )
    assert by_agency.status_code == 403
    floor = await _publish(client, world, key="announce-0005", floor_fen=6_000_000)
    assert floor.json()["error"]["fields"] == {"floor_fen": "最低限价须在 0 与最高限价之间。"}
    assert await PurchaseRequest.all().count() == 1
    assert await _snapshot(rid) == before


async def test_an_announcement_replayed_with_its_key_is_the_same(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    first = await _publish(client, world, key="announce-same")
    replay = await _publish(client, world, key="announce-same", project_name="另一个项目")
    other = await _publish(client, world, key="announce-else")

    assert (first.status_code, replay.status_code, other.status_code) == (201, 200, 201)
    assert replay.json() == first.json()
    assert other.json()["id"] != first.json()["id"]
    assert await PurchaseRequest.all().count() == 2
    # another enterprise's same key is its own
    foreign = await client.post(
        "/api/v1/purchases",
        json=_announcement(world),
        headers={**await _token(world.other_owner), "Idempotency-Key": "announce-same"},
    )
    assert foreign.status_code == 201
    no_key = await client.post(
        "/api/v1/purchases", json=_announcement(world), headers=await _token(world.owner)
    )
    assert no_key.status_code == 400
    assert await PurchaseRequest.all().count() == 3


async def test_a_failed_request_is_announced_again_and_the_office_voids(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    owner, admin = await _token(world.owner), await _token(world.admin)
    rid = (await _publish(client, world)).json()["id"]
    amended = await client.post(
        f"/api/v1/purchases/{rid}/amend",
        json={"text": "延长报名时间", "extend_days": 2},
        headers=owner,
    )
    assert amended.json()["deadline"] == "2026-11-11"
    assert amended.json()["events"][-1]["text"] == "延长报名时间"
    clock.set_now(AFTER_DEADLINE.replace(day=12))
    failed = await client.post(
        f"/api/v1/purchases/{rid}/select", json={"phrase": "17"}, headers=owner
    )
    assert failed.json()["state"] == "failed"
    again = await client.post(f"/api/v1/purchases/{rid}/republish", json={}, headers=owner)
    assert again.status_code == 201
    new = again.json()
    assert (new["state"], new["deadline"], new["project_name"]) == (
        "open",
        "2026-11-23",  # the corrected 7 working days again, from Thursday 12 November
        "年产十万吨新材料项目",
    )
    twice = await client.post(f"/api/v1/purchases/{rid}/republish", json={}, headers=owner)
    assert twice.status_code == 409
    voided = await client.post(
        f"/api/v1/purchases/{new['id']}/void", json={"reason": "类别错误"}, headers=admin
    )
    assert voided.json()["state"] == "voided"
    assert voided.json()["events"][-1]["text"] == "类别错误"
    assert (await PurchaseRequest.get(id=new["id"])).state is PurchaseState.VOIDED
