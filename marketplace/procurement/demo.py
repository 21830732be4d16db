"""Demo purchase requests: one at every stage and for every method, through the services.

Called at the end of ``catalog.demo_activity.seed_activity``, after the orders, so the
orders, ratings and complaints it pins are unchanged. Each step is made on its day (the
one clock is set to it, then put back), and the history lines are dated to that moment.
One contract is confirmed by both parties (a direct choice, so that its agency and
amount are fixed): it became an order, placed and waiting for the agency, the only order
the purchases add to the activity's. Seeds and receipts are random as in production; the winners
therefore differ from one loading to the next, and each result notice verifies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from marketplace.accounts import services as accounts
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.catalog.models import CommissionedBy
from marketplace.catalog.services import public_items
from marketplace.core import clock
from marketplace.core.calendar import load_calendar
from marketplace.core.uploads import StoredFile
from marketplace.core.workdays import WorkCalendar
from marketplace.procurement import services
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseEvent, PurchaseRequest

__all__ = ["seed_purchases"]

_WITNESSES = ["周见证（区政务服务管理办公室）", "吴见证（企业代表）"]
_CRITERIA = [
    {"name": "技术方案", "weight": 50},
    {"name": "类似业绩", "weight": 30},
    {"name": "人员配备", "weight": 20},
]


async def _current(user: User) -> CurrentUser:
    return CurrentUser(user, frozenset(await accounts.user_roles(user)))


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=clock.BEIJING)


def _back(calendar: WorkCalendar, day: dt.date, count: int) -> dt.date:
    """The working day ``count`` working days before ``day``."""
    while count > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_workday(day):
            count -= 1
    return day


async def seed_purchases(
    *, today: dt.date, buyers: Sequence[CurrentUser], contract: StoredFile
) -> int:
    """Publish the demo's purchase requests as of ``today``; the number made."""
    staffed = {
        u.agency_id: u
        for u in await User.filter(roles__role=Role.AGENCY, agency_id__isnull=False).order_by("id")
    }
    by_category: dict[int, list[int]] = {}
    rows = (
        await public_items()
        .filter(category__commissioned_by=CommissionedBy.APPLICANT)
        .order_by("id")
        .values_list("category_id", "agency_id")
    )
    for category_id, agency_id in rows:
        if agency_id in staffed and agency_id not in by_category.get(category_id, []):
            by_category.setdefault(category_id, []).append(agency_id)
    if not by_category or not buyers:
        return 0
    ranked = sorted(by_category.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    category_id, agency_ids = ranked[0]
    staff = [await _current(staffed[a]) for a in agency_ids]
    if not staff:
        return 0
    # the requests that need few registrants (open, failed, cancelled, voided) are for a
    # second category, so that the announcements are not all of one kind of service
    other_category, other_ids = ranked[1] if len(ranked) > 1 else ranked[0]
    other_staff = [await _current(staffed[a]) for a in other_ids]
    # the demo's agency staff are those of the agencies ordered from (one per category):
    # with fewer than 3 in the category, state-funded draws would all fail, so own funds
    state = Funding.STATE if len(staff) >= 3 else Funding.OWN
    calendar = await load_calendar()
    office_user = await User.filter(roles__role=Role.ADMIN).order_by("id").first()
    before = clock._fixed_now
    made = 0

    async def publish(
        buyer: CurrentUser,
        day: dt.date,
        method: Method,
        funding: Funding,
        name: str,
        *,
        category: int = category_id,
        **kw: object,
    ) -> PurchaseRequest:
        nonlocal made
        clock.set_now(_at(day, 9))
        code = buyer_codes[buyer.id]
        request = await services.publish_request(
            user=buyer,
            category_id=category,
            project_name=name,
            project_code=code,
            work=f"{name}：按审批要求编制并提交成果文件",
            qualifications="具有相应资质，近三年无不良信用记录",
            time_limit_days=20,
            funding=funding,
            ceiling_fen=kw.pop("ceiling_fen", 8_000_000),  # type: ignore[arg-type]
            floor_fen=3_000_000,
            method=method,
            registration_days=5,
            criteria=_CRITERIA if method is Method.MERIT else (),
            **kw,  # type: ignore[arg-type]
        )
        made += 1
        return request

    async def enter(
        request: PurchaseRequest,
        day: dt.date,
        count: int,
        quotes: Sequence[int] = (),
        entrants: Sequence[CurrentUser] = staff,
    ) -> None:
        clock.set_now(_at(day, 10))
        for n in range(min(count, len(entrants))):
            await services.register(request.id, actor=entrants[n])
            if quotes:
                await services.submit_quote(request.id, actor=entrants[n], quote_fen=quotes[n])

    from marketplace.orders.models import Order

    buyer_codes: dict[int, str] = {}
    for buyer in buyers:
        order = await Order.filter(enterprise_id=buyer.user.enterprise_id).order_by("id").first()
        if order is not None:
            buyer_codes[buyer.id] = order.project_code
    buyers = [b for b in buyers if b.id in buyer_codes]
    if len(buyers) < 2:
        return 0
    a, b = buyers[0], buyers[1]
    d = {n: _back(calendar, today, n) for n in range(1, 16)}
    try:
        # open: registration running, sealed (two registered; quotes for the price method)
        r = await publish(
            a, d[2], Method.RANDOM, state, "厂区扩建项目服务", category=other_category
        )
        await enter(r, d[1], 2, entrants=other_staff)
        r = await publish(b, d[3], Method.LOWEST, state, "仓储中心建设项目服务")
        await enter(r, d[2], 3, (5_200_000, 4_800_000, 5_000_000))
        # the deadline has passed: waiting for the owner's selection
        r = await publish(a, d[7], Method.OPTIMAL, state, "配套管网工程项目服务")
        await enter(r, d[6], min(4, len(staff)), (6_000_000, 5_500_000, 5_800_000, 6_400_000))
        # results published, contracts waiting for the parties' confirmation
        for method, funding, name, quotes in (
            (Method.RANDOM, state, "新建生产线项目服务", ()),
            (Method.LOWEST, Funding.OWN, "研发楼建设项目服务", (4_500_000, 4_200_000, 4_200_000)),
            (
                Method.OPTIMAL,
                state,
                "污水处理站改造项目服务",
                (6_000_000, 5_600_000, 5_900_000, 6_600_000, 5_300_000),
            ),
            (Method.MERIT, Funding.OWN, "智能工厂项目服务", (7_000_000, 6_800_000, 7_200_000)),
            (Method.DIRECT, Funding.OWN, "办公楼装修项目服务", ()),
        ):
            count = len(quotes) if quotes else 3
            count = min(count, len(staff))
            r = await publish(b if method is Method.MERIT else a, d[14], method, funding, name)
            await enter(r, d[13], count, quotes[:count])
            owner = b if method is Method.MERIT else a
            clock.set_now(_at(d[8], 9))
            pick: dict[str, object] = {}
            if method is Method.MERIT:
                for n, reg in enumerate(await r.registrations.all().order_by("id")):
                    await services.score_registration(
                        r.id, actor=owner, registration_id=reg.id, scores=[80 + n * 5, 85, 90 - n]
                    )
            if method is Method.DIRECT:
                first = await r.registrations.all().order_by("id").first()
                assert first is not None
                pick = {"pick_registration_id": first.id, "amount_fen": 6_500_000}
            else:  # the phrase the witnesses gave, as thrown with three dice
                pick = {"phrase": "4-1-6", "witnesses": _WITNESSES}
            r = await services.run_selection(r.id, actor=owner, **pick)  # type: ignore[arg-type]
            if method is not Method.MERIT:
                clock.set_now(_at(d[7], 11))
                await services.confirm_contract(r.id, actor=owner, contract=contract)
        # a contract confirmed by both: the owner's direct choice became an order (placed,
        # for the agency to accept); the agency and the amount are the same every loading
        r = await publish(a, d[15], Method.DIRECT, Funding.OWN, "综合楼建设项目服务")
        await enter(r, d[14], min(3, len(staff)))
        chosen = await r.registrations.all().order_by("id").first()
        assert chosen is not None
        clock.set_now(_at(d[9], 9))
        r = await services.run_selection(
            r.id, actor=a, pick_registration_id=chosen.id, amount_fen=5_600_000
        )
        clock.set_now(_at(d[8], 11))
        await services.confirm_contract(r.id, actor=a, amount_fen=5_600_000, contract=contract)
        placed_at = _at(d[7], 14)
        clock.set_now(placed_at)
        winner = next(s for s in staff if s.user.agency_id == chosen.agency_id)
        r = await services.confirm_contract(r.id, actor=winner, amount_fen=5_600_000)
        await _date_contract_order(r, placed_at)
        # failed (流标): two registrants with state funds; published again in one step
        r = await publish(
            b, d[12], Method.RANDOM, Funding.STATE, "道路改造工程项目服务", category=other_category
        )
        await enter(r, d[11], 2, entrants=other_staff)
        clock.set_now(_at(d[5], 9))
        r = await services.run_selection(r.id, actor=b, phrase="2-2-5", witnesses=_WITNESSES)
        await services.republish(r.id, actor=b)
        made += 1
        # a correction notice, then cancelled by the owner
        r = await publish(
            a, d[9], Method.LOWEST, state, "光伏发电项目服务", category=other_category
        )
        clock.set_now(_at(d[8], 15))
        await services.amend_request(
            r.id, actor=a, text="报名截止时间延长三个工作日，资质要求不变。", extend_days=3
        )
        clock.set_now(_at(d[4], 9))
        await services.cancel_request(r.id, actor=a, reason="项目方案调整，暂停采购。")
        # voided by the service office
        if office_user is not None:
            r = await publish(
                b, d[6], Method.RANDOM, state, "临时用地项目服务", category=other_category
            )
            await enter(r, d[5], 1, entrants=other_staff)
            clock.set_now(_at(d[3], 16))
            await services.void_request(
                r.id, actor=await _current(office_user), reason="所选服务类别与审批事项不符。"
            )
    finally:
        clock.set_now(before)
    await _date_history()
    return made


async def _date_contract_order(request: PurchaseRequest, at: dt.datetime) -> None:
    """The contract's order dated to the winner's confirmation, as the activity's orders
    are dated to their steps (its number names the day it was placed)."""
    from marketplace.orders.models import Order, OrderEvent

    assert request.order_id is not None
    await Order.filter(id=request.order_id).update(
        created_at=at, number=f"{at:%y%m%d}-{request.order_id:05d}"
    )
    await OrderEvent.filter(order_id=request.order_id).update(at=at)


async def _date_history() -> None:
    """Date each history line to the step's moment (the services date them "now")."""
    for event in await PurchaseEvent.all().select_related("request"):
        moment = event.request.created_at
        detail_day = event.request.selected_on if event.kind in ("result", "fail") else None
        if detail_day is not None:
            moment = _at(detail_day, 9)
        elif event.kind == "announce":
            moment = _at(event.request.published_on, 9)
        else:
            continue
        await PurchaseEvent.filter(id=event.id).update(at=moment)
    for request in await PurchaseRequest.all():
        await PurchaseRequest.filter(id=request.id).update(created_at=_at(request.published_on, 9))
