"""Orders: placement, every transition allowed and refused, the clock, payment, messages."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.core.calendar import Holiday, HolidayYear, load_calendar
from marketplace.core.notifications import Notification
from marketplace.forms import FormError
from marketplace.orders import services
from marketplace.orders.clock import clock_of
from marketplace.orders.models import Order, OrderEvent, OrderState, PaymentStatus
from marketplace.orders.services import OrderRefused
from marketplace.orders.states import TRANSITIONS, Party
from marketplace.orders.tasks import sweep_orders
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

D = dt.date


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _place(world: OrderWorld, key: str = "key-00000001", **changes: object) -> Order:
    fields: dict = {
        "item_id": world.catalogue.report_book.id,
        "project_name": "年产十万吨新材料项目",
        "project_code": PROJECT_CODE,
        "base": "10000",
        "note": "",
        "idempotency_key": key,
        **changes,
    }
    placed = await services.place_order(user=await as_current(world.enterprise), **fields)
    return placed.order


async def _act(
    world: OrderWorld, order: Order, action: str, who: str, on: D, **kw: object
) -> Order:
    user = {"enterprise": world.enterprise, "agency": world.hengyuan_staff, "admin": world.admin}[
        who
    ]
    if TRANSITIONS[action].made_with:
        kw["record"] = _no_complaint
    return await services.transition(order.id, action, actor=await as_current(user), on=on, **kw)  # type: ignore[arg-type]


async def _no_complaint(order: Order, event: OrderEvent) -> None:
    """Where the complaint service writes the complaint: here the state machine alone is
    under test (tests/test_complaints.py has the complaints)."""


async def test_complain_and_resolve_are_made_only_with_a_complaint(world: OrderWorld) -> None:
    order = await _order_in(world, OrderState.IN_SERVICE)

    with pytest.raises(OrderRefused) as refused:
        await services.transition(
            order.id, "complain", actor=await as_current(world.enterprise), reason="r"
        )

    assert refused.value.message.id == "Complaints are lodged and answered on the complaint pages."
    assert (await Order.get(id=order.id)).state == OrderState.IN_SERVICE


async def test_placing_freezes_the_version_and_the_quote(world: OrderWorld) -> None:
    order = await _place(world)

    assert order.state == OrderState.PLACED
    assert (order.quoted_low_fen, order.quoted_high_fen) == (11_700_000, 13_000_000)
    assert order.time_limit_days == 40
    assert order.item_version_id == (await world.catalogue.report_book.versions.all())[0].id
    assert order.number is not None and order.number.endswith(f"-{order.id:05d}")
    assert len(order.number) == 12
    assert [e.action for e in await OrderEvent.filter(order=order)] == ["place"]


async def test_the_same_key_places_one_order(world: OrderWorld) -> None:
    first = await services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_form.id,
        project_name="项目",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key="same-key-123",
    )
    again = await services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_form.id,
        project_name="项目",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key="same-key-123",
    )

    assert (first.created, again.created) == (True, False)
    assert again.order.id == first.order.id
    assert await Order.all().count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"project_code": "2503-3209-89-01-000123"},
            "project_code",
            "A project code has 24 characters in the form 2411-320902-89-01-637015 "
            "(year and month, division, department, type, number) or, for projects "
            "coded before November 2020, 2019-320902-44-01-123456.",
        ),
        (
            {"project_code": "1999-320902-44-01-000123"},
            "project_code",
            "The project code's first four digits are neither a year from 2016 to 2020 "
            "nor a year and month from 2011 (November 2020) to this month.",
        ),
        (
            {"project_code": "2503-320902-89-07-000123"},
            "project_code",
            "The project type %(kind)s in the project code is not one of the published types.",
        ),
        ({"base": "-3"}, "base", "The base amount must be greater than zero."),
        ({"base": None}, "base", "Enter the base amount to estimate the fee."),
        ({"project_name": " "}, "project_name", "This field is required."),
    ],
)
async def test_bad_orders_are_refused_and_nothing_is_created(
    world: OrderWorld, changes: dict, field: str, message: str
) -> None:
    with pytest.raises(FormError) as refused:
        await _place(world, **changes)

    assert refused.value.errors[field].id == message
    assert await Order.all().count() == 0


async def test_only_enterprises_order_and_only_published_items(world: OrderWorld) -> None:
    with pytest.raises(OrderRefused) as agency:
        await services.place_order(
            user=await as_current(world.hengyuan_staff),
            item_id=world.catalogue.report_book.id,
            project_name="p",
            project_code=PROJECT_CODE,
            base="1",
            note="",
            idempotency_key="key-agency-1",
        )
    with pytest.raises(OrderRefused) as draft:
        await _place(world, item_id=world.catalogue.draft.id)
    with pytest.raises(OrderRefused) as suspended:
        await _place(world, item_id=world.catalogue.hidden.id)

    assert agency.value.message.id == "Only an enterprise account can place orders."
    assert (
        draft.value.message.id
        == suspended.value.message.id
        == "This service item cannot be ordered now."
    )


# --- the state machine ------------------------------------------------------------------

# (action, the party that may make it, a state it starts from, the state it leads to)
HAPPY = [
    ("accept", "agency", OrderState.PLACED, OrderState.IN_SERVICE),
    ("decline", "agency", OrderState.PLACED, OrderState.DECLINED),
    ("cancel", "enterprise", OrderState.PLACED, OrderState.CANCELLED),
    ("pause", "agency", OrderState.IN_SERVICE, OrderState.AWAITING_MATERIALS),
    ("resume", "agency", OrderState.AWAITING_MATERIALS, OrderState.IN_SERVICE),
    ("deliver", "agency", OrderState.IN_SERVICE, OrderState.DELIVERED),
    ("confirm", "enterprise", OrderState.DELIVERED, OrderState.COMPLETED),
    ("send_back", "enterprise", OrderState.DELIVERED, OrderState.IN_SERVICE),
    ("complain", "enterprise", OrderState.IN_SERVICE, OrderState.DISPUTED),
    ("resolve", "admin", OrderState.DISPUTED, OrderState.IN_SERVICE),
]
_FILE = [
    __import__("marketplace.core.uploads", fromlist=["StoredFile"]).StoredFile(
        "report.pdf", "application/pdf", 10, "0" * 64
    )
]


async def _order_in(world: OrderWorld, state: OrderState) -> Order:
    order = await _place(world, key=f"key-{state.value}-{id(world)}")
    on = D(2026, 9, 1)
    path = {
        OrderState.PLACED: [],
        OrderState.IN_SERVICE: [("accept", "agency")],
        OrderState.AWAITING_MATERIALS: [("accept", "agency"), ("pause", "agency")],
        OrderState.DELIVERED: [("accept", "agency"), ("deliver", "agency")],
        OrderState.DISPUTED: [("accept", "agency"), ("complain", "enterprise")],
    }[state]
    for action, who in path:
        order = await _act(
            world, order, action, who, on, reason="因为", files=_FILE if action == "deliver" else ()
        )
    return order


def test_the_table_names_every_transition_of_the_design() -> None:
    assert sorted(TRANSITIONS) == sorted([a for a, *_ in HAPPY] + ["auto_confirm", "rate"])
    assert TRANSITIONS["auto_confirm"].by is Party.SYSTEM


@pytest.mark.parametrize(("action", "who", "source", "target"), HAPPY)
async def test_each_transition_by_its_party(
    world: OrderWorld, action: str, who: str, source: OrderState, target: OrderState
) -> None:
    order = await _order_in(world, source)

    after = await _act(
        world,
        order,
        action,
        who,
        D(2026, 9, 2),
        reason="理由",
        outcome="resume",
        files=_FILE if action == "deliver" else (),
    )

    assert after.state == target
    last = await OrderEvent.filter(order=order).order_by("-id").first()
    assert last is not None
    assert (last.action, last.from_state, last.to_state) == (action, source.value, target.value)


@pytest.mark.parametrize(("action", "who", "source", "target"), HAPPY)
async def test_each_transition_is_refused_to_the_other_parties(
    world: OrderWorld, action: str, who: str, source: OrderState, target: OrderState
) -> None:
    order = await _order_in(world, source)
    outsiders = [p for p in ("enterprise", "agency", "admin") if p != who]

    for outsider in outsiders:
        with pytest.raises(OrderRefused) as refused:
            await _act(
                world,
                order,
                action,
                outsider,
                D(2026, 9, 2),
                reason="r",
                outcome="resume",
                files=_FILE,
            )
        assert refused.value.message.id == "You are not the party who can do this on this order."
    # an agency that was not hired is no party at all
    with pytest.raises(OrderRefused):
        await services.transition(
            order.id,
            action,
            actor=await as_current(world.qinghe_staff),
            reason="r",
            outcome="resume",
            files=_FILE,
            record=_no_complaint,
        )
    assert (await Order.get(id=order.id)).state == source


@pytest.mark.parametrize(("action", "who", "source", "target"), HAPPY)
async def test_each_transition_is_refused_from_a_wrong_state(
    world: OrderWorld, action: str, who: str, source: OrderState, target: OrderState
) -> None:
    wrong = OrderState.PLACED if source is not OrderState.PLACED else OrderState.IN_SERVICE
    if action == "complain":
        wrong = OrderState.DISPUTED
    order = await _order_in(world, wrong)

    with pytest.raises(OrderRefused) as refused:
        await _act(
            world, order, action, who, D(2026, 9, 2), reason="r", outcome="resume", files=_FILE
        )

    assert refused.value.message.id == "This cannot be done while the order is “%(state)s”."
    assert (await Order.get(id=order.id)).state == wrong


async def test_reasons_and_delivery_files_are_required(world: OrderWorld) -> None:
    placed = await _order_in(world, OrderState.PLACED)
    in_service = await _order_in(world, OrderState.IN_SERVICE)

    with pytest.raises(FormError) as no_reason:
        await _act(world, placed, "decline", "agency", D(2026, 9, 2))
    with pytest.raises(FormError) as no_files:
        await _act(world, in_service, "deliver", "agency", D(2026, 9, 2))

    assert no_reason.value.errors["reason"].id == "Please give a reason."
    assert no_files.value.errors["files"].id == "Attach the delivered result (PDF or images)."


async def test_of_two_parties_acting_at_once_one_wins(world: OrderWorld) -> None:
    order = await _place(world)
    stale = await Order.get(id=order.id)  # what the enterprise's page showed
    await _act(world, order, "accept", "agency", D(2026, 9, 1))

    # the enterprise cancels from its stale page: the service re-reads and refuses
    with pytest.raises(OrderRefused) as refused:
        await services.transition(stale.id, "cancel", actor=await as_current(world.enterprise))

    assert refused.value.message.params == {"state": "in_service"}
    assert (await Order.get(id=order.id)).state == OrderState.IN_SERVICE


async def test_a_resolved_complaint_can_cancel_the_order(world: OrderWorld) -> None:
    order = await _order_in(world, OrderState.DISPUTED)

    after = await _act(
        world, order, "resolve", "admin", D(2026, 9, 3), reason="机构未按约履行", outcome="cancel"
    )

    assert after.state == OrderState.CANCELLED
    assert after.state_before_dispute is None


# --- the clock ---------------------------------------------------------------------------


async def test_the_clock_across_national_day_with_a_pause(world: OrderWorld) -> None:
    order = await _place(
        world, item_id=world.catalogue.lightning_check.id, base="10"
    )  # 5 working days
    calendar = await load_calendar()

    # accepted on Wednesday 30 September 2026: 8, 9, 10 (make-up Saturday), 12, 13 October
    order = await _act(world, order, "accept", "agency", D(2026, 9, 30))
    assert order.deadline == D(2026, 10, 13)
    clock = clock_of(order, calendar, D(2026, 10, 10))
    assert (clock.days_used, clock.days_left, clock.overdue) == (3, 2, False)

    # paused on the 10th, resumed on the 14th: 12, 13, 14 October were spent waiting
    order = await _act(world, order, "pause", "agency", D(2026, 10, 10), reason="缺少防雷设计图纸")
    assert clock_of(order, calendar, D(2026, 10, 13)).days_used == 3
    order = await _act(world, order, "resume", "agency", D(2026, 10, 14))
    assert (order.paused_days, order.deadline) == (3, D(2026, 10, 16))

    # delivered on the 16th: on time, 5 working days used
    order = await _act(world, order, "deliver", "agency", D(2026, 10, 16), files=_FILE)
    clock = clock_of(order, calendar, D(2026, 10, 20))
    assert (clock.days_used, clock.days_left, clock.on_time, clock.running) == (5, 0, True, False)


async def test_an_order_past_its_deadline_is_overdue(world: OrderWorld) -> None:
    order = await _place(world, item_id=world.catalogue.lightning_check.id, base="10")
    order = await _act(world, order, "accept", "agency", D(2026, 9, 30))
    calendar = await load_calendar()

    assert not clock_of(order, calendar, D(2026, 10, 13)).overdue
    late = clock_of(order, calendar, D(2026, 10, 14))
    assert (late.overdue, late.days_used, late.days_left) == (True, 6, -1)


async def test_a_deadline_in_an_uncovered_year_is_provisional_until_confirmed(
    world: OrderWorld,
) -> None:
    order = await _place(world, item_id=world.catalogue.lightning_check.id, base="10")
    order = await _act(world, order, "accept", "agency", D(2026, 12, 28))
    # 29, 30, 31 December, then 1 January 2027 (a Friday, no schedule) and 4 January
    assert order.deadline == D(2027, 1, 4)
    assert clock_of(order, await load_calendar(), D(2026, 12, 29)).provisional

    # the administrator enters New Year's Day 2027 and confirms the year
    await Holiday.create(day=D(2027, 1, 1), is_workday=False, name="元旦")
    await HolidayYear.create(year=2027)
    second = await _place(
        world, key="key-second-order", item_id=world.catalogue.lightning_check.id, base="10"
    )
    second = await _act(world, second, "accept", "agency", D(2026, 12, 28))

    assert second.deadline == D(2027, 1, 5)
    assert not clock_of(second, await load_calendar(), D(2026, 12, 29)).provisional


# --- jobs: the sweep ------------------------------------------------------------------------


async def test_the_sweep_marks_overdue_reminds_and_auto_confirms_once(world: OrderWorld) -> None:
    late = await _place(
        world, key="key-late-0001", item_id=world.catalogue.lightning_check.id, base="10"
    )
    late = await _act(world, late, "accept", "agency", D(2026, 9, 30))  # deadline 13 October
    due = await _place(
        world, key="key-due-00001", item_id=world.catalogue.lightning_check.id, base="10"
    )
    due = await _act(world, due, "accept", "agency", D(2026, 10, 9))  # deadline 15 October
    delivered = await _place(
        world, key="key-deliv-001", item_id=world.catalogue.lightning_check.id, base="10"
    )
    delivered = await _act(world, delivered, "accept", "agency", D(2026, 9, 30))
    delivered = await _act(world, delivered, "deliver", "agency", D(2026, 10, 9), files=_FILE)

    # on 14 October: late is overdue, due is due tomorrow, delivered waits (4 working days)
    first = await sweep_orders({}, on="2026-10-14")
    again = await sweep_orders({}, on="2026-10-14")
    # on 15 October the delivery has waited 5 working days: confirmed automatically
    third = await sweep_orders({}, on="2026-10-15")

    assert first == {
        "overdue": 1,
        "reminded": 1,
        "auto_confirmed": 0,
        "reinstated": 0,
        "complaints_reminded": 0,
    }
    assert again == {
        "overdue": 0,
        "reminded": 0,
        "auto_confirmed": 0,
        "reinstated": 0,
        "complaints_reminded": 0,
    }
    assert third == {
        "overdue": 0,
        "reminded": 0,
        "auto_confirmed": 1,
        "reinstated": 0,
        "complaints_reminded": 0,
    }
    confirmed = await Order.get(id=delivered.id)
    assert (confirmed.state, confirmed.completed_on) == (OrderState.COMPLETED, D(2026, 10, 15))
    assert (await Order.get(id=due.id)).deadline == D(2026, 10, 15)
    event = await OrderEvent.filter(order=confirmed).order_by("-id").first()
    assert event is not None and (event.action, event.actor_id) == ("auto_confirm", None)


# --- payment, messages, notifications -----------------------------------------------------


async def test_the_agency_records_an_offline_payment_once(world: OrderWorld) -> None:
    order = await _place(world)
    agency = await as_current(world.hengyuan_staff)

    with pytest.raises(OrderRefused):
        await services.record_offline_payment(order, actor=agency, amount_fen=13_000_000)
    order = await _act(world, order, "accept", "agency", D(2026, 9, 1))
    with pytest.raises(OrderRefused):
        await services.record_offline_payment(
            order, actor=await as_current(world.enterprise), amount_fen=1
        )
    paid = await services.record_offline_payment(order, actor=agency, amount_fen=12_500_000)
    with pytest.raises(OrderRefused):
        await services.record_offline_payment(paid, actor=agency, amount_fen=12_500_000)

    assert (paid.payment_status, paid.paid_fen, paid.payment_method) == (
        PaymentStatus.PAID,
        12_500_000,
        "offline",
    )


async def test_messages_and_transitions_notify_the_other_party(world: OrderWorld) -> None:
    order = await _place(world)
    await _act(world, order, "accept", "agency", D(2026, 9, 1))
    await services.post_message(
        order, actor=await as_current(world.enterprise), body="请尽快安排现场踏勘。"
    )

    with pytest.raises(OrderRefused):
        await services.post_message(order, actor=await as_current(world.admin), body="管理员留言")
    to_buyer = [
        (n.message, n.params)
        for n in await Notification.filter(user=world.enterprise).order_by("id")
    ]
    to_agency = [
        (n.message, n.params)
        for n in await Notification.filter(user=world.hengyuan_staff).order_by("id")
    ]
    assert to_buyer == [
        ("Order %(number)s was accepted; the clock has started.", {"number": order.number})
    ]
    assert to_agency == [
        ("Order %(number)s was placed; please accept or decline it.", {"number": order.number}),
        (
            "New message on order %(number)s from %(name)s.",
            {"number": order.number, "name": "买方"},
        ),
    ]
    assert await Notification.filter(user=world.qinghe_staff).count() == 0
