"""Purchase requests: publication, the calendar, sealed entries, every method's winner on
fixed inputs, 流标, two selections at once, corrections, cancellation, voiding, contracts."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from pathlib import Path

import pytest

from marketplace.catalog.demo import demo_pdf
from marketplace.core import clock
from marketplace.core.calendar import Holiday
from marketplace.core.notifications import Notification
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.models import Order, OrderState
from marketplace.procurement import services
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseEvent, PurchaseRequest, PurchaseState
from marketplace.procurement.services import PurchaseRefused
from tests.order_helpers import as_current
from tests.procurement_helpers import (
    AFTER_DEADLINE,
    CONTRACT_PDF,
    NUMBER,
    PNG,
    RECEIPTS,
    SEED,
    ProcurementWorld,
    procurement_world,
    publish,
    register_all,
    select_after_deadline,
    signed_contract,
)

R = RECEIPTS


@pytest.fixture
async def world(db: str) -> ProcurementWorld:
    return await procurement_world()


async def test_publishing_commits_to_the_seed_and_counts_working_days(
    world: ProcurementWorld,
) -> None:
    request = await publish(world, Method.RANDOM)

    assert request.state is PurchaseState.OPEN
    assert request.number == f"CG261102-{request.id:05d}"
    assert (request.published_on, request.deadline) == (dt.date(2026, 11, 2), dt.date(2026, 11, 9))
    assert len(request.seed_hex) == 64
    assert request.seed_sha256 == hashlib.sha256(bytes.fromhex(request.seed_hex)).hexdigest()
    events = await PurchaseEvent.filter(request_id=request.id).values_list("kind", flat=True)
    assert events == ["announce"]
    # the staff of the five eligible agencies are told (not the suspended agency's)
    assert await Notification.filter(message__startswith="Purchase request").count() == 5


async def test_the_deadline_skips_the_offices_holidays(world: ProcurementWorld) -> None:
    await Holiday.create(day=dt.date(2026, 11, 4), is_workday=False, name="停电")

    request = await publish(world, Method.RANDOM)

    assert request.deadline == dt.date(2026, 11, 10)


async def test_services_of_a_million_yuan_must_be_tendered(world: ProcurementWorld) -> None:
    with pytest.raises(PurchaseRefused) as refused:
        await publish(world, Method.LOWEST, ceiling_fen=100_000_000)

    assert "第五条" in refused.value.message.id
    assert await PurchaseRequest.all().count() == 0
    below = await publish(world, Method.LOWEST, ceiling_fen=99_999_999)
    assert below.ceiling_fen == 99_999_999


async def test_bad_fields_are_refused_field_by_field(world: ProcurementWorld) -> None:
    with pytest.raises(FormError) as refused:
        await publish(
            world,
            Method.MERIT,
            project_name=" ",
            floor_fen=9_000_000,
            registration_days=0,
            criteria=[{"name": "技术", "weight": 50}],
        )

    assert set(refused.value.errors) == {"project_name", "floor", "registration_days", "criteria"}
    assert await PurchaseRequest.all().count() == 0


async def test_registrants_and_quotes_stay_sealed_until_the_deadline(
    world: ProcurementWorld,
) -> None:
    request = await publish(world, Method.LOWEST)
    await register_all(world, request, 3, quotes=(3_000_000, 2_500_000, 2_600_000))
    request = await PurchaseRequest.get(id=request.id)

    assert services.registrants_visible(request, on=dt.date(2026, 11, 9)) is False
    assert services.registrants_visible(request, on=dt.date(2026, 11, 10)) is True
    assert await services.draw_data(request) is None
    with pytest.raises(PurchaseRefused) as early:
        await services.run_selection(request.id, actor=await as_current(world.owner))
    assert early.value.message.id.startswith("The selection is made after")


async def test_registration_twice_is_once_and_excluded_agencies_are_refused(
    world: ProcurementWorld,
) -> None:
    request = await publish(world, Method.RANDOM, excluded_agency_ids=[world.agencies[4].id])
    staff = await as_current(world.staff[0])

    first = await services.register(request.id, actor=staff)
    again = await services.register(request.id, actor=staff)

    assert first.id == again.id and len(first.receipt) == 16
    with pytest.raises(PurchaseRefused) as excluded:
        await services.register(request.id, actor=await as_current(world.staff[4]))
    assert excluded.value.message.id == "The owner excluded your agency from this purchase request."
    clock.set_now(AFTER_DEADLINE)
    with pytest.raises(PurchaseRefused):
        await services.register(request.id, actor=await as_current(world.staff[1]))


async def test_quotes_outside_the_ceiling_and_floor_are_refused(world: ProcurementWorld) -> None:
    request = await publish(world, Method.LOWEST)
    staff = await as_current(world.staff[0])
    await services.register(request.id, actor=staff)

    with pytest.raises(FormError) as refused:
        await services.submit_quote(request.id, actor=staff, quote_fen=5_000_001)

    assert set(refused.value.errors) == {"quote"}


async def test_random_draw_with_three_state_funded_registrants(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM)
    registrations = await register_all(world, request, 3)

    selected = await select_after_deadline(world, request)

    assert selected.state is PurchaseState.SELECTED
    assert selected.winner_id == registrations[0].id  # index 0 of R[:3]
    assert selected.contract_fen == 5_000_000  # the fixed price: the ceiling
    assert selected.outcome["steps"] == [
        {"label": "winner", "candidates": list(R[:3]), "index": 0, "chosen": R[0]}
    ]
    data = await services.draw_data(selected)
    assert data is not None
    assert data["seed"] == SEED.hex() and data["request_number"] == NUMBER
    assert [e["receipt"] for e in data["entries"]] == list(R[:3])


async def test_random_draw_fails_below_three_with_state_funds(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM)
    await register_all(world, request, 2)

    failed = await select_after_deadline(world, request)

    assert failed.state is PurchaseState.FAILED
    assert failed.outcome == {"entries": 2, "minimum": 3, "failed": True}
    assert failed.winner_id is None


async def test_random_draw_with_own_funds_takes_two(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM, Funding.OWN)
    registrations = await register_all(world, request, 2)

    selected = await select_after_deadline(world, request)

    assert selected.winner_id == registrations[1].id  # index 1 of R[:2]


async def test_lowest_price_draws_between_equal_lowest_quotes(world: ProcurementWorld) -> None:
    request = await publish(world, Method.LOWEST)
    registrations = await register_all(
        world, request, 4, quotes=(3_000_000, 2_500_000, 2_500_000, 4_000_000)
    )

    selected = await select_after_deadline(world, request)

    assert selected.winner_id == registrations[2].id
    assert selected.contract_fen == 2_500_000
    assert [s["candidates"] for s in selected.outcome["steps"]] == [[R[1], R[2]]]


async def test_optimal_price_winner_and_reference(world: ProcurementWorld) -> None:
    request = await publish(world, Method.OPTIMAL)
    registrations = await register_all(
        world, request, 5, quotes=(3_000_000, 2_500_000, 2_800_000, 4_000_000, 2_600_000)
    )

    selected = await select_after_deadline(world, request)

    assert selected.outcome["coefficient_pct"] == 95
    assert selected.outcome["reference_fen"] == 2_660_000
    assert selected.outcome["set_aside"] == [R[1], R[3]]
    assert selected.winner_id == registrations[4].id
    assert selected.contract_fen == 2_600_000


async def test_registrants_without_a_quote_are_no_entry(world: ProcurementWorld) -> None:
    request = await publish(world, Method.OPTIMAL)
    await register_all(world, request, 2, quotes=(3_000_000, 2_500_000))
    await services.register(request.id, actor=await as_current(world.staff[2]))

    failed = await select_after_deadline(world, request)

    assert (failed.state, failed.outcome["entries"]) == (PurchaseState.FAILED, 2)


async def test_merit_scoring_by_weighted_criteria(world: ProcurementWorld) -> None:
    request = await publish(world, Method.MERIT)
    registrations = await register_all(world, request, 3, quotes=(3_000_000, 2_900_000, 3_100_000))
    owner = await as_current(world.owner)
    clock.set_now(AFTER_DEADLINE)
    with pytest.raises(PurchaseRefused):
        await services.run_selection(request.id, actor=owner)  # not scored yet
    for registration, scores in zip(registrations, ([80, 85], [90, 85], [80, 100]), strict=True):
        await services.score_registration(
            request.id, actor=owner, registration_id=registration.id, scores=scores
        )

    selected = await select_after_deadline(world, request)

    assert selected.winner_id == registrations[2].id  # 8800 = 8800 > 8200, the tie drawn
    assert selected.contract_fen == 3_100_000


async def test_direct_choice_by_the_owner(world: ProcurementWorld) -> None:
    request = await publish(world, Method.DIRECT)
    registrations = await register_all(world, request, 2)

    with pytest.raises(FormError):
        await select_after_deadline(
            world, request, pick_registration_id=registrations[1].id, amount_fen=1
        )
    selected = await select_after_deadline(
        world, request, pick_registration_id=registrations[1].id, amount_fen=4_500_000
    )

    assert (selected.winner_id, selected.contract_fen) == (registrations[1].id, 4_500_000)


async def test_two_selections_at_once_one_wins(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM)
    await register_all(world, request, 3)
    clock.set_now(AFTER_DEADLINE)
    owner = await as_current(world.owner)

    results = await asyncio.gather(
        services.run_selection(request.id, actor=owner),
        services.run_selection(request.id, actor=owner),
        return_exceptions=True,
    )

    assert sorted(type(r).__name__ for r in results) == ["PurchaseRefused", "PurchaseRequest"]
    assert await PurchaseEvent.filter(request_id=request.id, kind="result").count() == 1


async def test_a_correction_extends_the_deadline(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM)
    owner = await as_current(world.owner)

    amended = await services.amend_request(request.id, actor=owner, text="延长报名", extend_days=3)

    assert amended.deadline == dt.date(2026, 11, 12)
    event = await PurchaseEvent.filter(request_id=request.id, kind="amend").get()
    assert (event.text, event.detail) == ("延长报名", {"deadline": "2026-11-12", "extend_days": 3})
    with pytest.raises(PurchaseRefused):
        await services.amend_request(
            request.id, actor=await as_current(world.other_owner), text="x"
        )


async def test_cancel_by_owner_and_void_by_the_office(world: ProcurementWorld) -> None:
    first = await publish(world, Method.RANDOM)
    second = await publish(world, Method.RANDOM)

    cancelled = await services.cancel_request(
        first.id, actor=await as_current(world.owner), reason="项目调整"
    )
    with pytest.raises(PurchaseRefused):
        await services.void_request(second.id, actor=await as_current(world.owner), reason="x")
    with pytest.raises(FormError):
        await services.void_request(second.id, actor=await as_current(world.admin), reason=" ")
    voided = await services.void_request(
        second.id, actor=await as_current(world.admin), reason="类别错误"
    )

    assert (cancelled.state, voided.state) == (PurchaseState.CANCELLED, PurchaseState.VOIDED)
    with pytest.raises(PurchaseRefused):
        await services.void_request(second.id, actor=await as_current(world.admin), reason="再")


async def test_a_failed_request_is_published_again_in_one_step(world: ProcurementWorld) -> None:
    request = await publish(world, Method.RANDOM)
    await register_all(world, request, 1)
    await select_after_deadline(world, request)

    again = await services.republish(request.id, actor=await as_current(world.owner))

    assert again.republished_from_id == request.id
    assert again.state is PurchaseState.OPEN
    assert (again.published_on, again.deadline) == (dt.date(2026, 11, 10), dt.date(2026, 11, 17))
    assert again.seed_sha256 != (await PurchaseRequest.get(id=request.id)).seed_sha256
    with pytest.raises(PurchaseRefused):
        await services.republish(request.id, actor=await as_current(world.owner))


async def test_the_confirmed_contract_becomes_an_order_with_its_amount(
    world: ProcurementWorld, tmp_path: Path
) -> None:
    request = await publish(world, Method.LOWEST)
    registrations = await register_all(world, request, 3, quotes=(3_000_000, 2_500_000, 2_600_000))
    await select_after_deadline(world, request)
    winner_staff = await as_current(world.staff[1])
    contract = await signed_contract(tmp_path)
    with pytest.raises(PurchaseRefused):
        await services.confirm_contract(
            request.id, actor=await as_current(world.staff[0]), contract=contract
        )

    half = await services.confirm_contract(request.id, actor=winner_staff, contract=contract)
    assert (half.state, half.order_id) == (PurchaseState.SELECTED, None)
    assert (half.contract_sha256, half.contract_name) == (
        hashlib.sha256(CONTRACT_PDF).hexdigest(),
        "合同.pdf",
    )
    done = await services.confirm_contract(
        request.id, actor=await as_current(world.owner), contract_sha256=contract.sha256
    )

    assert done.state is PurchaseState.CONTRACTED
    order = await Order.get(id=done.order_id)
    assert (order.quoted_low_fen, order.quoted_high_fen) == (2_500_000, 2_500_000)
    assert (order.agency_id, order.item_id) == (world.agencies[1].id, registrations[1].item_id)
    assert (order.time_limit_days, order.state) == (20, OrderState.PLACED)
    assert order.project_code == request.project_code
    # from here it is an ordinary order: the agency accepts and the clock starts
    accepted = await orders.transition(
        order.id, "accept", actor=winner_staff, on=dt.date(2026, 11, 11)
    )
    assert (accepted.state, accepted.deadline) == (OrderState.IN_SERVICE, dt.date(2026, 12, 9))


async def _won_at_lowest_price(world: ProcurementWorld) -> PurchaseRequest:
    """A lowest-price request selected: staff[1]'s 25,000 yuan won, the floor 20,000."""
    request = await publish(world, Method.LOWEST)
    await register_all(world, request, 3, quotes=(3_000_000, 2_500_000, 2_600_000))
    return await select_after_deadline(world, request)


async def test_the_first_confirmation_attaches_the_signed_contract_and_the_second_confirms_it(
    world: ProcurementWorld, tmp_path: Path
) -> None:
    request = await _won_at_lowest_price(world)
    owner = await as_current(world.owner)
    winner = await as_current(world.staff[1])

    # without the file, or with an image instead of a PDF, nothing is confirmed
    with pytest.raises(FormError) as missing:
        await services.confirm_contract(request.id, actor=owner)
    assert missing.value.errors["contract"].id == (
        "Attach the signed contract as a PDF file to confirm it."
    )
    image = await signed_contract(tmp_path, PNG)
    assert image.content_type == "image/png"
    with pytest.raises(FormError) as not_pdf:
        await services.confirm_contract(request.id, actor=owner, contract=image)
    assert set(not_pdf.value.errors) == {"contract"}
    unchanged = await PurchaseRequest.get(id=request.id)
    assert (unchanged.owner_confirmed_at, unchanged.contract_sha256) == (None, None)

    contract = await signed_contract(tmp_path)
    await services.confirm_contract(request.id, actor=owner, contract=contract)
    # the winner confirms that file: not another one, nor another digest
    other = await signed_contract(tmp_path, demo_pdf("ANOTHER CONTRACT"))
    with pytest.raises(FormError) as second_file:
        await services.confirm_contract(request.id, actor=winner, contract=other)
    assert second_file.value.errors["contract"].params == {"name": "合同.pdf"}
    with pytest.raises(PurchaseRefused):
        await services.confirm_contract(request.id, actor=winner, contract_sha256=other.sha256)
    assert (await PurchaseRequest.get(id=request.id)).agency_confirmed_at is None

    done = await services.confirm_contract(request.id, actor=winner)
    assert (done.state, done.contract_sha256) == (PurchaseState.CONTRACTED, contract.sha256)
    confirmations = await PurchaseEvent.filter(request_id=request.id, kind="confirm").order_by("id")
    assert [e.detail for e in confirmations] == [
        {"by": "owner", "contract_sha256": contract.sha256, "contract_fen": 2_500_000},
        {"by": "agency", "contract_sha256": contract.sha256, "contract_fen": 2_500_000},
    ]


async def test_the_first_confirmation_may_agree_an_amount_below_the_winning_quote(
    world: ProcurementWorld, tmp_path: Path
) -> None:
    request = await _won_at_lowest_price(world)
    owner = await as_current(world.owner)
    winner = await as_current(world.staff[1])
    contract = await signed_contract(tmp_path)

    # above the winning quote of 25,000 yuan, or below the floor of 20,000: refused
    for amount in (2_500_001, 1_999_999):
        with pytest.raises(FormError) as refused:
            await services.confirm_contract(
                request.id, actor=winner, amount_fen=amount, contract=contract
            )
        assert refused.value.errors["amount"].params == {"floor": "20000", "quote": "25000"}
    assert (await PurchaseRequest.get(id=request.id)).agency_confirmed_at is None

    half = await services.confirm_contract(
        request.id, actor=winner, amount_fen=2_412_050, contract=contract
    )
    assert half.contract_fen == 2_412_050
    # the other party confirms that amount, not the quote it replaced
    with pytest.raises(PurchaseRefused):
        await services.confirm_contract(request.id, actor=owner, amount_fen=2_500_000)
    done = await services.confirm_contract(request.id, actor=owner, amount_fen=2_412_050)
    order = await Order.get(id=done.order_id)
    assert (order.quoted_low_fen, order.quoted_high_fen) == (2_412_050, 2_412_050)


async def test_one_idempotency_key_sent_twice_at_once_announces_one_request(
    world: ProcurementWorld,
) -> None:
    owner = await as_current(world.owner)
    first, second = await asyncio.gather(
        publish(world, Method.RANDOM, idempotency_key="erp-0001"),
        publish(world, Method.RANDOM, idempotency_key="erp-0001"),
    )
    assert first.id == second.id
    assert await PurchaseRequest.filter(announce_key="erp-0001").count() == 1
    assert await services.published_with_key(owner, "erp-0001") == first
