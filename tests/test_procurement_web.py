"""Purchase requests over HTTP: the owner's form, sealed registrations on every route,
the random draw from the pages, the result notice checked by the standalone verifier
(tampered seeds and receipts caught), the office's void, the feed and the API."""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from marketplace.core import clock
from marketplace.procurement import draw, services
from marketplace.procurement.methods import Method
from marketplace.procurement.models import PurchaseRequest, PurchaseState
from tests.accounts_helpers import post_form, sign_in
from tests.order_helpers import PROJECT_CODE, as_current
from tests.procurement_helpers import (
    AFTER_DEADLINE,
    NUMBER,
    PUBLISHED,
    RECEIPTS,
    SEED,
    ProcurementWorld,
    procurement_world,
    publish,
    register_all,
)
from tests.test_catalog_views import _text

ROOT = Path(__file__).resolve().parent.parent


def _verifier() -> ModuleType:
    spec = importlib.util.spec_from_file_location("verify_draw", ROOT / "scripts/verify_draw.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["verify_draw"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
async def world(db: str) -> ProcurementWorld:
    return await procurement_world()


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def test_the_owner_publishes_from_the_form(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    clock.set_now(PUBLISHED)
    owner = await _browser(client, "owner@example.com")
    form = await owner.get("/purchases/new")
    assert form.status_code == 200
    fields = {
        "category_id": str(world.catalogue.eia.id),
        "project_name": "新材料项目",
        "project_code": PROJECT_CODE,
        "work": "编制报告表",
        "time_limit_days": "20",
        "funding": "state",
        "ceiling": "1,000,000",
        "method": "random",
        "registration_days": "5",
    }

    refused = await post_form(owner, "/purchases/new", fields, page="/purchases/new")
    assert refused.status_code == 409
    assert "必须招标的工程项目规定" in _text(refused.text)
    bad = await post_form(
        owner, "/purchases/new", {**fields, "ceiling": "五万", "time_limit_days": "x"}
    )
    assert bad.status_code == 422
    assert await PurchaseRequest.all().count() == 0

    made = await post_form(owner, "/purchases/new", {**fields, "ceiling": "50000.00"})

    assert made.status_code == 303
    purchase = await PurchaseRequest.get()
    assert made.headers["location"] == f"/purchases/{purchase.id}"
    assert (purchase.ceiling_fen, purchase.deadline.isoformat()) == (5_000_000, "2026-11-09")


async def test_nobody_sees_registrants_or_quotes_before_the_deadline(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    purchase = await publish(world, Method.LOWEST)
    await register_all(world, purchase, 3, quotes=(3_000_000, 2_500_000, 2_600_000))
    clock.set_now(PUBLISHED)
    names = [a.name for a in world.agencies[:3]]
    owner = await _browser(client, "owner@example.com")
    admin = await _browser(client, "admin@example.com")
    agency = await _browser(client, "staff1@example.com")

    for browser in (client, owner, admin, agency):
        page = _text((await browser.get(f"/purchases/{purchase.id}")).text)
        assert "3 agencies registered" in page or "3 家机构已报名" in page
        # the agency sees its own name in the header? no: only its receipt and quote
        assert not any(name in page for name in names[1:])
        assert "25,000" not in page and "26,000" not in page
    api = (await client.get(f"/api/v1/purchases/{purchase.id}")).json()
    assert (api["registrations"], api["registrants"]) == (3, None)
    assert (await client.get(f"/purchases/{purchase.id}/result")).status_code == 404
    assert (await client.get(f"/api/v1/purchases/{purchase.id}/draw")).status_code == 404
    own = _text((await agency.get(f"/purchases/{purchase.id}")).text)
    assert RECEIPTS[0] in own and "30,000" in own

    clock.set_now(AFTER_DEADLINE)
    after = _text((await client.get(f"/purchases/{purchase.id}")).text)
    assert all(name in after for name in names) and "25,000" in after


async def test_random_draw_from_the_pages_and_the_verifier(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.RANDOM)
    clock.set_now(PUBLISHED)
    receipts = []
    for n in (1, 2, 3):
        staff = await _browser(client, f"staff{n}@example.com")
        answer = await post_form(
            staff, f"/purchases/{purchase.id}", {"do": "register"}, page="/purchases"
        )
        assert answer.status_code == 303
        page = (await staff.get(f"/purchases/{purchase.id}")).text
        found = re.search(r'id="my-receipt">([0-9a-f]{16})<', page)
        assert found is not None
        receipts.append(found.group(1))
    owner = await _browser(client, "owner@example.com")
    early = await post_form(owner, f"/purchases/{purchase.id}", {"do": "select"})
    assert early.status_code == 409

    clock.set_now(AFTER_DEADLINE)
    # a draw needs the phrase given on the spot: without it nothing is drawn
    unphrased = await post_form(owner, f"/purchases/{purchase.id}", {"do": "select"})
    assert unphrased.status_code == 422
    assert "请输入选取时当场给出的抽取口令" in _text(unphrased.text)
    assert (await PurchaseRequest.get(id=purchase.id)).state is PurchaseState.OPEN
    chosen = {"do": "select", "phrase": "3-5-2", "witnesses": "张见证\r\n 李见证 \r\n"}
    done = await post_form(owner, f"/purchases/{purchase.id}", chosen)
    assert done.status_code == 303
    again = await post_form(owner, f"/purchases/{purchase.id}", chosen)
    assert again.status_code == 409
    result = await client.get(f"/purchases/{purchase.id}/result")
    assert result.status_code == 200
    saved = tmp_path / "result.html"
    saved.write_text(result.text, encoding="utf-8")
    verifier = _verifier()

    data = verifier.load(str(saved))
    stored = await PurchaseRequest.get(id=purchase.id)
    assert data["seed"] == stored.seed_hex
    assert sorted(receipts) == [e["receipt"] for e in data["entries"]]
    assert verifier.main([str(saved), "--receipt", receipts[0]]) == 0
    assert verifier.verify(data, receipts[1]) == []
    api = (await client.get(f"/api/v1/purchases/{purchase.id}/draw")).json()
    assert api == data
    assert (data["phrase"], data["witnesses"]) == ("3-5-2", ["张见证", "李见证"])
    shown = _text(result.text)
    assert "抽取口令 3-5-2" in shown and "现场见证人 张见证、李见证" in shown
    # the phrase is in every step: the same draw without it, or with another, differs
    winner_with = draw.select(
        method="random",
        seed=bytes.fromhex(data["seed"]),
        request_number=f"{data['request_number']}\n3-5-2",
        entries=[draw.Entry(e["receipt"]) for e in data["entries"]],
    )
    assert data["outcome"]["winner"] == winner_with.winner
    # and the verify page writes each try's message out with it
    checked = (await client.get(f"/purchases/{purchase.id}/verify")).text
    assert data["request_number"] + r"\n3-5-2\nwinner\n" in html.unescape(checked)

    tampered_seed = dict(data, seed="00" * 32)
    assert verifier.verify(tampered_seed) == [
        "the revealed seed does not hash to the published SHA-256",
        *verifier.verify(tampered_seed)[1:],
    ]
    assert len(verifier.verify(tampered_seed)) >= 1
    assert verifier.verify(data, "ffffffffffffffff") == [
        "receipt ffffffffffffffff is not among the entries"
    ]
    swapped = json.loads(json.dumps(data))
    winner = swapped["outcome"]["winner"]
    other = next(r for r in sorted(receipts) if r != winner)
    swapped["outcome"]["winner"] = other
    swapped["outcome"]["steps"][0]["chosen"] = other
    assert [p.split(":")[0] for p in verifier.verify(swapped)] == ["winner", "steps"]
    dropped = json.loads(json.dumps(data))
    dropped["entries"] = [e for e in dropped["entries"] if e["receipt"] != winner]
    assert verifier.verify(dropped) != []


async def test_the_office_voids_with_a_reason_and_the_feed_tells(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    purchase = await publish(world, Method.RANDOM)
    clock.set_now(PUBLISHED)
    admin = await _browser(client, "admin@example.com")
    listing = await admin.get("/backoffice/purchases")
    assert listing.status_code == 200 and purchase.number in listing.text

    blank = await post_form(admin, f"/purchases/{purchase.id}", {"do": "void", "reason": " "})
    assert blank.status_code == 422
    # shown again at the purchase's own address, with its void form (the old one is gone)
    assert purchase.number in blank.text and 'name="do" value="void"' in blank.text
    old_address = f"/purchases/{purchase.id}/actions/void"
    assert (await post_form(admin, old_address, {"reason": "类别错误"})).status_code == 404
    voided = await post_form(
        admin, f"/purchases/{purchase.id}", {"do": "void", "reason": "类别错误"}
    )

    assert voided.status_code == 303
    assert (await PurchaseRequest.get(id=purchase.id)).state is PurchaseState.VOIDED
    feed = await client.get("/purchases/feed.xml")
    assert feed.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert feed.text.count("<entry>") == 2 and "类别错误" in feed.text
    owner = await _browser(client, "owner@example.com")
    assert (await owner.get("/backoffice/purchases")).status_code == 403
    agency = await _browser(client, "staff1@example.com")
    assert (
        await post_form(agency, f"/purchases/{purchase.id}", {"do": "cancel", "reason": "x"})
    ).status_code == 409


async def test_the_verify_page_recomputes_each_step_and_catches_a_tampered_outcome(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    purchase = await publish(world, Method.RANDOM)
    assert (await client.get(f"/purchases/{purchase.id}/verify")).status_code == 404
    await register_all(world, purchase, 3)
    clock.set_now(AFTER_DEADLINE)
    await services.run_selection(purchase.id, actor=await as_current(world.owner))

    result = await client.get(f"/purchases/{purchase.id}/result")
    assert f'/purchases/{purchase.id}/verify" id="verify-link"' in result.text
    page = await client.get(f"/purchases/{purchase.id}/verify")
    assert page.status_code == 200
    text = _text(page.text)
    assert "✔ 重新计算的选取结果与公布的结果一致。" in text
    assert f'id="request-number">{NUMBER}<' in page.text
    commitment = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"
    assert f'id="commitment">{commitment}<' in page.text
    assert f'id="seed-hash">{commitment} ' in page.text
    assert f'id="seed">{SEED.hex()}<' in page.text
    assert re.findall(r'<li><span class="mono">([0-9a-f]{16})</span>', page.text) == list(
        RECEIPTS[:3]
    )
    message = "\\n".join([NUMBER, "winner", *RECEIPTS[:3], "0"])
    assert message in page.text
    assert "a6f92dd76a64892bfd74f947932a4d0bcf1e9b1c162e2b1427f98258238d1df2" in page.text
    assert f"重新计算: {RECEIPTS[0]} · 公布: {RECEIPTS[0]}" in text
    english = _text((await client.get(f"/purchases/{purchase.id}/verify?lang=en")).text)
    assert "✔ The recomputed selection matches the published outcome." in english

    stored = await PurchaseRequest.get(id=purchase.id)
    tampered = {**stored.outcome, "winner": RECEIPTS[1]}
    await PurchaseRequest.filter(id=purchase.id).update(outcome=tampered)
    text = _text((await client.get(f"/purchases/{purchase.id}/verify?lang=zh")).text)
    assert "✘ 重新计算的选取结果与公布的结果不一致。" in text
    assert f"中选机构: 重新计算 {RECEIPTS[0]} · 公布 {RECEIPTS[1]} ✘" in text


async def test_the_verify_page_of_a_failed_selection(
    client: httpx.AsyncClient, world: ProcurementWorld
) -> None:
    purchase = await publish(world, Method.RANDOM)
    await register_all(world, purchase, 2)
    clock.set_now(AFTER_DEADLINE)
    await services.run_selection(purchase.id, actor=await as_current(world.owner))

    text = _text((await client.get(f"/purchases/{purchase.id}/verify")).text)

    assert "✔ 有效报名 2 家，至少需要 3 家：选取失败（流标），不进行抽取。" in text
    assert "✔ 重新计算的选取结果与公布的结果一致。" in text
