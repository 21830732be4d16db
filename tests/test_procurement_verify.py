"""The verify page (/purchases/{id}/verify) for every method but random, on fixed inputs:
a real selection through the services, the page's exact figures (the winner's receipt,
the coefficient, the reference, the set-aside quotes, each step's message, MAC, integer
and index), the same figures from the standalone verifier (scripts/verify_draw.py) run
on the result notice's JSON, and a tampered input caught by both.

The expected values are computed here from the documented function (draw.py's
docstring: HMAC-SHA256 keyed by the seed over ``number \\n label \\n receipts \\n
counter``, rejection sampling) without importing ``marketplace.procurement.draw``, so a
change of the rules in the application shows as a difference here. Each test also fixes
the outcome as a literal worked out once by hand from those values (see the comments),
so that a helper wrong in the same way as the application cannot pass unnoticed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from marketplace.core import clock
from marketplace.procurement import services
from marketplace.procurement.methods import Method
from marketplace.procurement.models import PurchaseRequest, Registration
from tests.order_helpers import as_current
from tests.procurement_helpers import (
    AFTER_DEADLINE,
    NUMBER,
    RECEIPTS,
    SEED,
    ProcurementWorld,
    procurement_world,
    publish,
    register_all,
    select_after_deadline,
)
from tests.test_catalog_views import _text
from tests.test_procurement_web import _verifier

R = RECEIPTS
COMMITMENT = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"  # SHA-256(SEED)
MATCHES = "✔ 重新计算的选取结果与公布的结果一致。"
DIFFERS = "✘ 重新计算的选取结果与公布的结果不一致。"
STEP_NAMES = {"winner": "随机抽取中选机构", "coefficient": "抽取下浮系数", "tie": "同等条件抽取"}


@pytest.fixture
async def world(db: str) -> ProcurementWorld:
    return await procurement_world()


# --- the documented rules, written again ----------------------------------------------


def _tries(label: str, receipts: Sequence[str], n: int) -> list[tuple[str, str, int, int]]:
    """Each try of a draw step: (message, MAC hex, value, limit), the accepted one last."""
    limit = 2**256 - 2**256 % n
    tries = []
    counter = 0
    while True:
        message = "\n".join([NUMBER, label, *receipts, str(counter)])
        mac = hmac.new(SEED, message.encode(), hashlib.sha256).hexdigest()
        tries.append((message, mac, int(mac, 16), limit))
        if int(mac, 16) < limit:
            return tries
        counter += 1


def _index(label: str, receipts: Sequence[str], n: int) -> int:
    return _tries(label, receipts, n)[-1][2] % n


def _step_text(label: str, receipts: Sequence[str], n: int, chosen: str) -> str:
    """A step of the verify page as its visible text (zh), every try written out."""
    parts = [f"{STEP_NAMES[label]} ✔ · 候选 {n} 个"]
    for counter, (message, mac, value, limit) in enumerate(_tries(label, receipts, n)):
        accepted = value < limit
        shown = message.replace("\n", "\\n")  # the page writes each newline as \n
        parts.append(
            f"消息（计数 {counter}） {shown}"
            f" HMAC-SHA256(seed, message) {mac} 按大端整数 {value}"
            f" 小于此值时采用 {limit} {'是' if accepted else '否：计数加一重试'}"
        )
        if accepted:
            parts.append(f"序号：该整数除以 {n} 的余数 {value % n}")
    parts.append(f"重新计算: {chosen} · 公布: {chosen}")
    return " ".join(parts)


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- pages and the verifier ----------------------------------------------------------


async def _verify_text(client: httpx.AsyncClient, purchase: PurchaseRequest) -> str:
    page = await client.get(f"/purchases/{purchase.id}/verify")
    assert page.status_code == 200
    return _text(page.text)


async def _notice(
    client: httpx.AsyncClient, purchase: PurchaseRequest, tmp_path: Path
) -> tuple[Path, dict[str, Any]]:
    """The result notice saved as a file, and the JSON the verifier reads from it."""
    result = await client.get(f"/purchases/{purchase.id}/result")
    assert result.status_code == 200
    saved = tmp_path / f"result-{purchase.id}.html"
    saved.write_text(result.text, encoding="utf-8")
    data = _verifier().load(str(saved))
    api = (await client.get(f"/api/v1/purchases/{purchase.id}/draw")).json()
    assert api == data
    return saved, data


def _quoted(*yuan: str) -> list[str]:
    """The entries' lines of a price method, receipts R[0], R[1], … with these quotes."""
    return [f"{r} · 报价（元） {q}" for r, q in zip(R, yuan, strict=False)]


def _entries_text(lines: Sequence[str]) -> str:
    return "参与选取的机构（按回执号排序） ✔ " + " ".join(lines) + " 步骤 "


# --- lowest price -----------------------------------------------------------------------


async def test_lowest_price_with_a_tie_on_the_verify_page_and_in_the_verifier(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.LOWEST)
    quotes = (3_000_000, 2_500_000, 2_500_000, 4_000_000)
    await register_all(world, purchase, 4, quotes=quotes)
    await select_after_deadline(world, purchase)

    # R[1] and R[2] quote the lowest, 25,000 yuan: one ``tie`` step over those two
    # receipts (R[0] and R[3] are not candidates), n = 2
    tied = [R[1], R[2]]
    index = _index("tie", tied, 2)
    assert index == 1  # worked out once: HMAC(SEED, "CG261102-00001\ntie\n2…2\n3…3\n0") is odd
    winner = tied[index]
    text = await _verify_text(client, purchase)

    assert MATCHES in text
    assert f"选取方式 最低价 公开的种子（十六进制） {SEED.hex()}" in text
    assert f"{COMMITMENT} 现在计算的公开种子 SHA-256 {COMMITMENT} ✔" in text
    assert _entries_text(_quoted("30,000", "25,000", "25,000", "40,000")) in text
    assert _step_text("tie", tied, 2, winner) in text
    assert text.count("候选 ") == 1  # the tie is the only step
    assert f"中选机构: 重新计算 {R[2]} · 公布 {R[2]} ✔" in text

    saved, data = await _notice(client, purchase, tmp_path)
    verifier = _verifier()
    assert verifier.main([str(saved), "--receipt", R[3]]) == 0
    expected = verifier.recompute(data)
    assert expected["winner"] == data["outcome"]["winner"] == winner
    assert expected["steps"] == [{"label": "tie", "candidates": tied, "index": 1, "chosen": R[2]}]
    assert (await PurchaseRequest.get(id=purchase.id)).contract_fen == 2_500_000

    # a quote changed after the selection: R[3] now lowest alone, no tie to draw
    await Registration.filter(request_id=purchase.id, receipt=R[3]).update(quote_fen=2_400_000)
    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    assert "无需抽取：只有一家最优。" in text
    assert f"中选机构: 重新计算 {R[3]} · 公布 {R[2]} ✘" in text
    _, changed = await _notice(client, purchase, tmp_path)
    assert [p.split(":")[0] for p in verifier.verify(changed)] == ["winner", "steps"]


# --- optimal price ----------------------------------------------------------------------


async def test_optimal_price_coefficient_set_aside_reference_and_nearest(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.OPTIMAL)
    # R[1] quotes the lowest and R[3] the highest: both set aside. R[1]'s 27,800 is the
    # nearest to the reference of all four, yet it cannot win.
    quotes = (3_000_000, 2_780_000, 2_812_345, 4_000_000)
    await register_all(world, purchase, 4, quotes=quotes)
    await select_after_deadline(world, purchase)

    # The coefficient: a ``coefficient`` step over all four receipts with n = 4.
    coefficient_index = _index("coefficient", R[:4], 4)
    pct = (95, 96, 97, 98)[coefficient_index]
    kept = [(R[0], quotes[0]), (R[2], quotes[2])]
    reference = _half_up(Decimal(sum(q for _, q in kept)) / len(kept) * pct / 100)
    nearest = min(kept, key=lambda rq: abs(rq[1] - reference))[0]
    # worked out once: index 1 → 96 %; (3,000,000 + 2,812,345) / 2 = 2,906,172.5 fen,
    # × 0.96 = 2,789,925.6 → 2,789,926 fen (truncating would give …925); 28,123.45 is
    # 22,419 fen from it, 30,000 is 210,074; the set-aside 27,800 would be 9,926
    assert (coefficient_index, pct, reference, nearest) == (1, 96, 2_789_926, R[2])
    text = await _verify_text(client, purchase)

    assert MATCHES in text
    assert "选取方式 最优价" in text
    assert _entries_text(_quoted("30,000", "27,800", "28,123.45", "40,000")) in text
    assert _step_text("coefficient", R[:4], 4, "96") in text
    assert text.count("候选 ") == 1  # no tie: the coefficient is the only step
    assert (
        f"抽取的下浮系数: 96 % · 基准价（元）: 27,899.26 · 去掉（最高或最低报价）: {R[1]}, {R[3]} ✔"
        in text
    )
    assert f"中选机构: 重新计算 {R[2]} · 公布 {R[2]} ✔" in text

    saved, data = await _notice(client, purchase, tmp_path)
    verifier = _verifier()
    assert verifier.main([str(saved)]) == 0
    expected = verifier.recompute(data)
    assert {k: expected[k] for k in ("winner", "coefficient_pct", "reference_fen")} == {
        "winner": R[2],
        "coefficient_pct": 96,
        "reference_fen": 2_789_926,
    }
    assert expected["set_aside"] == data["outcome"]["set_aside"] == [R[1], R[3]]
    assert expected["steps"] == [
        {"label": "coefficient", "candidates": list(R[:4]), "index": 1, "chosen": "96"}
    ]
    stored = await PurchaseRequest.get(id=purchase.id)
    assert stored.contract_fen == 2_812_345

    # a published reference off by one fen is caught by the page and the verifier
    outcome = {**stored.outcome, "reference_fen": 2_789_925}
    await PurchaseRequest.filter(id=purchase.id).update(outcome=outcome)
    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    assert f"去掉（最高或最低报价）: {R[1]}, {R[3]} ✘" in text
    _, changed = await _notice(client, purchase, tmp_path)
    assert verifier.verify(changed) == [
        "reference_fen: the notice says 2789925, the rules give 2789926"
    ]
    # a tampered quote in the notice's JSON: R[0] at 28,000 makes it the nearest
    moved = json.loads(json.dumps(data))
    moved["entries"][0]["quote_fen"] = 2_800_000
    assert [p.split(":")[0] for p in verifier.verify(moved)] == ["winner", "reference_fen"]


# --- merit scoring ----------------------------------------------------------------------


async def test_merit_scores_and_weights_and_a_tie_drawn(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.MERIT)  # criteria 技术方案 60 %, 业绩 40 %
    weights = [c["weight"] for c in purchase.criteria]
    assert weights == [60, 40]
    registrations = await register_all(world, purchase, 3, quotes=(3_000_000, 2_900_000, 3_100_000))
    given = ([83, 77], [90, 85], [80, 100])
    owner = await as_current(world.owner)
    clock.set_now(AFTER_DEADLINE)
    for registration, scores in zip(registrations, given, strict=True):
        await services.score_registration(
            purchase.id, actor=owner, registration_id=registration.id, scores=scores
        )
    await select_after_deadline(world, purchase)

    # weighted totals in hundredths of a point: 83×60 + 77×40 = 8060, 90×60 + 85×40 =
    # 8800, 80×60 + 100×40 = 8800; the highest, 88.00, is shared by R[1] and R[2]
    totals = [sum(s * w for s, w in zip(scores, weights, strict=True)) for scores in given]
    assert totals == [8060, 8800, 8800]
    tied = [r for r, t in zip(R, totals, strict=False) if t == max(totals)]
    index = _index("tie", tied, 2)
    assert (tied, index) == ([R[1], R[2]], 1)  # the same tie step as the lowest price's
    text = await _verify_text(client, purchase)

    assert MATCHES in text
    assert "选取方式 择优评分" in text
    assert (
        _entries_text(
            [
                f"{R[0]} · 报价（元） 30,000 · 得分 80.60",
                f"{R[1]} · 报价（元） 29,000 · 得分 88.00",
                f"{R[2]} · 报价（元） 31,000 · 得分 88.00",
            ]
        )
        in text
    )
    assert _step_text("tie", tied, 2, R[2]) in text
    assert text.count("候选 ") == 1
    assert f"中选机构: 重新计算 {R[2]} · 公布 {R[2]} ✔" in text

    saved, data = await _notice(client, purchase, tmp_path)
    verifier = _verifier()
    assert verifier.main([str(saved)]) == 0
    assert [e["score"] for e in data["entries"]] == totals
    expected = verifier.recompute(data)
    assert expected["winner"] == R[2]
    assert expected["steps"] == [{"label": "tie", "candidates": tied, "index": 1, "chosen": R[2]}]
    assert (await PurchaseRequest.get(id=purchase.id)).contract_fen == 3_100_000

    # a score raised after the selection: R[0] best alone at 89.00
    await Registration.filter(request_id=purchase.id, receipt=R[0]).update(score=8900)
    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    assert f"{R[0]} · 报价（元） 30,000 · 得分 89.00" in text
    assert f"中选机构: 重新计算 {R[0]} · 公布 {R[2]} ✘" in text
    _, changed = await _notice(client, purchase, tmp_path)
    assert [p.split(":")[0] for p in verifier.verify(changed)] == ["winner", "steps"]


# --- direct choice ----------------------------------------------------------------------


async def test_direct_choice_draws_nothing_and_the_page_says_so(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.DIRECT)
    registrations = await register_all(world, purchase, 2)
    await select_after_deadline(
        world, purchase, pick_registration_id=registrations[1].id, amount_fen=4_500_000
    )
    text = await _verify_text(client, purchase)

    assert MATCHES in text
    assert "选取方式 直接选取" in text
    assert _entries_text([R[0], R[1]]) in text  # no quotes, no scores
    assert (
        "步骤 ✔ 有效报名 2 家，至少需要 1 家。"
        " 直接选取：由业主选定，不进行抽取；核验种子和选定的机构。"
        f" 中选机构: 公布 {R[1]} · 在上列机构之中 ✔"
    ) in text
    assert "候选 " not in text and "HMAC-SHA256(seed, message)" not in text

    saved, data = await _notice(client, purchase, tmp_path)
    verifier = _verifier()
    assert data["outcome"] == {"winner": R[1]}
    assert verifier.main([str(saved)]) == 0

    # a winner who never registered: no draw to recompute, yet not one of the entries
    stored = await PurchaseRequest.get(id=purchase.id)
    await PurchaseRequest.filter(id=purchase.id).update(
        outcome={**stored.outcome, "winner": "ffffffffffffffff"}
    )
    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    assert "中选机构: 公布 ffffffffffffffff · 在上列机构之中 ✘" in text
    _, changed = await _notice(client, purchase, tmp_path)
    assert verifier.verify(changed) == ["the chosen winner is not among the entries"]
    await PurchaseRequest.filter(id=purchase.id).update(outcome=stored.outcome)

    # a revealed seed that is not the committed one
    await PurchaseRequest.filter(id=purchase.id).update(seed_hex="00" * 32)
    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    zero_hash = hashlib.sha256(bytes(32)).hexdigest()
    assert f"{COMMITMENT} 现在计算的公开种子 SHA-256 {zero_hash} ✘" in text
    _, changed = await _notice(client, purchase, tmp_path)
    assert verifier.verify(changed) == ["the revealed seed does not hash to the published SHA-256"]


# --- the minimum of entries -------------------------------------------------------------


async def test_a_winner_declared_with_too_few_entries_is_caught(
    client: httpx.AsyncClient, world: ProcurementWorld, tmp_path: Path
) -> None:
    purchase = await publish(world, Method.RANDOM)  # state funds: 3 entries needed
    await register_all(world, purchase, 2)
    await select_after_deadline(world, purchase)
    text = await _verify_text(client, purchase)
    assert "✔ 有效报名 2 家，至少需要 3 家：选取失败（流标），不进行抽取。" in text

    # the failure rewritten as a win, with the very draw step the rules give for the two
    index = _index("winner", R[:2], 2)
    assert index == 1  # worked out once (test_procurement: "index 1 of R[:2]")
    step = {"label": "winner", "candidates": list(R[:2]), "index": 1, "chosen": R[1]}
    stored = await PurchaseRequest.get(id=purchase.id)
    outcome = {
        **stored.outcome,
        "winner": R[1],
        "steps": [step],
        "coefficient_pct": None,
        "reference_fen": None,
        "set_aside": [],
    }
    del outcome["failed"]
    await PurchaseRequest.filter(id=purchase.id).update(outcome=outcome)

    text = await _verify_text(client, purchase)
    assert DIFFERS in text
    assert "步骤 ✘ 有效报名 2 家，至少需要 3 家。" in text
    assert f"中选机构: 重新计算 {R[1]} · 公布 {R[1]} ✔" in text  # the draw alone agrees
    _, data = await _notice(client, purchase, tmp_path)
    assert _verifier().verify(data) == ["a winner was declared with fewer entries than the minimum"]
