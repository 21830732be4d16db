"""Complaints: lodged about an order or an agency, answered within 5 working days, the
enterprise's verdict, the hotline figures, and the pages that carry them."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import pytest

from marketplace.complaints import services
from marketplace.complaints.models import Complaint, ComplaintState
from marketplace.core.notifications import Notification
from marketplace.core.uploads import StoredFile
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.models import Order, OrderEvent, OrderState
from marketplace.orders.services import OrderRefused
from tests.accounts_helpers import csrf_token, sign_in
from tests.catalogue_text import text_of
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world

D = dt.date
_FILE = [StoredFile("r.pdf", "application/pdf", 10, "0" * 64)]


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _order(world: OrderWorld, key: str, *, upto: str = "accept") -> Order:
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.lightning_check.id,
        project_name="厂区防雷检测",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key=key,
    )
    agency = await as_current(world.hengyuan_staff)
    order = placed.order
    if upto in ("accept", "complete"):
        order = await orders.transition(order.id, "accept", actor=agency, on=D(2026, 9, 1))
    if upto == "complete":
        await orders.transition(order.id, "deliver", actor=agency, on=D(2026, 9, 3), files=_FILE)
        order = await orders.transition(
            order.id, "confirm", actor=await as_current(world.enterprise), on=D(2026, 9, 4)
        )
    return order


async def _lodge(world: OrderWorld, key: str, **kw: object) -> Complaint:
    fields: dict = {
        "topic": "overdue",
        "description": "机构超过承诺时限仍未出具报告",
        "idempotency_key": key,
        "on": D(2026, 9, 30),
        **kw,
    }
    return await services.lodge(actor=await as_current(world.enterprise), **fields)


# --- lodging -------------------------------------------------------------------------


async def test_a_complaint_about_a_running_order_puts_it_under_complaint(
    world: OrderWorld,
) -> None:
    order = await _order(world, "order-key-01")

    complaint = await _lodge(world, "complaint-01", order_id=order.id)

    # received on Wednesday 30 September 2026: the 5th working day after it, across
    # National Day, is Tuesday 13 October (8, 9, 10 is a make-up Saturday, 12, 13)
    assert (complaint.received_on, complaint.due_on) == (D(2026, 9, 30), D(2026, 10, 13))
    assert complaint.state is ComplaintState.OPEN
    assert (complaint.agency_id, complaint.order_id, complaint.open_on_order) == (
        world.catalogue.hengyuan.id,
        order.id,
        order.id,
    )
    assert complaint.number is not None and complaint.number.endswith(f"-{complaint.id:05d}")
    after = await Order.get(id=order.id)
    assert (after.state, after.state_before_dispute) == (
        OrderState.DISPUTED,
        OrderState.IN_SERVICE,
    )
    last = await OrderEvent.filter(order=order).order_by("-id").first()
    assert last is not None
    assert (last.action, last.reason) == ("complain", "机构超过承诺时限仍未出具报告")
    # the office is told, with the day it must answer by
    notice = await Notification.get(user=world.admin, message__startswith="Complaint")
    assert notice.params == {
        "number": complaint.number,
        "due": "2026-10-13",
        "complaint": complaint.id,
    }


async def test_a_complaint_about_a_finished_order_or_an_agency_moves_no_order(
    world: OrderWorld,
) -> None:
    finished = await _order(world, "order-key-02", upto="complete")

    about_order = await _lodge(world, "complaint-02", order_id=finished.id, topic="fees")
    about_agency = await _lodge(world, "complaint-03", agency_id=world.catalogue.qinghe.id)

    assert (await Order.get(id=finished.id)).state == OrderState.COMPLETED
    assert (about_order.agency_id, about_order.open_on_order) == (
        world.catalogue.hengyuan.id,
        finished.id,
    )
    assert (about_agency.agency_id, about_agency.order_id) == (world.catalogue.qinghe.id, None)


async def test_the_same_form_sent_twice_lodges_one_complaint(world: OrderWorld) -> None:
    first = await _lodge(world, "complaint-04", agency_id=world.catalogue.qinghe.id)
    again = await _lodge(world, "complaint-04", agency_id=world.catalogue.qinghe.id)

    assert again.id == first.id
    assert await Complaint.all().count() == 1


async def test_one_open_complaint_per_order_also_when_lodged_at_once(world: OrderWorld) -> None:
    finished = await _order(world, "order-key-03", upto="complete")

    results = await asyncio.gather(
        *(_lodge(world, f"complaint-at-once-{n}", order_id=finished.id) for n in range(6)),
        return_exceptions=True,
    )

    lodged = [r for r in results if isinstance(r, Complaint)]
    refused = [r for r in results if isinstance(r, OrderRefused)]
    assert (len(lodged), len(refused)) == (1, 5)
    assert {r.message.id for r in refused} == {"A complaint about this order is open already."}
    assert await Complaint.filter(order_id=finished.id).count() == 1


async def test_bad_complaints_are_refused_and_nothing_is_lodged(world: OrderWorld) -> None:
    order = await _order(world, "order-key-04")
    other = await orders.place_order(
        user=await as_current(world.other_enterprise),
        item_id=world.catalogue.report_form.id,
        project_name="他人的项目",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key="other-key-01",
    )

    with pytest.raises(FormError) as empty:
        await _lodge(world, "complaint-05", order_id=order.id, topic="nonsense", description=" ")
    with pytest.raises(FormError) as too_long:
        await _lodge(world, "complaint-06", order_id=order.id, description="长" * 2001)
    with pytest.raises(FormError) as no_agency:
        await _lodge(world, "complaint-07", agency_id=999_999)
    with pytest.raises(OrderRefused) as not_mine:
        await _lodge(world, "complaint-08", order_id=other.order.id)
    with pytest.raises(OrderRefused) as by_agency:
        await services.lodge(
            actor=await as_current(world.hengyuan_staff),
            topic="other",
            description="d",
            idempotency_key="complaint-09",
            agency_id=world.catalogue.qinghe.id,
        )
    await _lodge(world, "complaint-10", order_id=order.id)
    with pytest.raises(OrderRefused) as twice:
        await _lodge(world, "complaint-11", order_id=order.id)

    assert {k: m.id for k, m in empty.value.errors.items()} == {
        "topic": "Choose what the complaint is about.",
        "description": "This field is required.",
    }
    assert too_long.value.errors["description"].params == {"count": 2000}
    assert no_agency.value.errors["agency"].id == "Choose the agency the complaint is about."
    assert not_mine.value.message.id == "You can complain only about your own orders."
    assert by_agency.value.message.id == "Only an enterprise account can lodge complaints."
    assert twice.value.message.id == "A complaint about this order is open already."
    assert await Complaint.all().count() == 1
    assert (await Order.get(id=other.order.id)).state == OrderState.PLACED


# --- answering and the verdict ---------------------------------------------------------


async def test_the_answer_ends_the_dispute_and_the_enterprise_gives_its_verdict(
    world: OrderWorld,
) -> None:
    order = await _order(world, "order-key-05")
    complaint = await _lodge(world, "complaint-12", order_id=order.id)
    admin = await as_current(world.admin)
    buyer = await as_current(world.enterprise)

    with pytest.raises(OrderRefused) as too_early:
        await services.give_feedback(complaint.id, actor=buyer, satisfied="yes", feedback="")
    with pytest.raises(FormError) as no_outcome:
        await services.answer(complaint.id, actor=admin, text="已督促机构", on=D(2026, 10, 9))
    with pytest.raises(OrderRefused) as not_admin:
        await services.answer(
            complaint.id, actor=buyer, text="x", outcome="resume", on=D(2026, 10, 9)
        )
    answered = await services.answer(
        complaint.id,
        actor=admin,
        text="已约谈机构，限期出具报告",
        outcome="resume",
        on=D(2026, 10, 9),
    )
    with pytest.raises(OrderRefused) as answered_twice:
        await services.answer(
            complaint.id, actor=admin, text="again", outcome="cancel", on=D(2026, 10, 9)
        )
    with pytest.raises(OrderRefused) as not_theirs:
        await services.give_feedback(
            complaint.id,
            actor=await as_current(world.other_enterprise),
            satisfied="no",
            feedback="",
        )
    with pytest.raises(FormError) as no_verdict:
        await services.give_feedback(complaint.id, actor=buyer, satisfied="maybe", feedback="")
    closed = await services.give_feedback(
        complaint.id, actor=buyer, satisfied="yes", feedback="处理及时"
    )
    with pytest.raises(OrderRefused) as verdict_twice:
        await services.give_feedback(complaint.id, actor=buyer, satisfied="no", feedback="")

    assert too_early.value.message.id == "The complaint has not been answered yet."
    assert no_outcome.value.errors["outcome"].id == "Choose how the complaint ends."
    assert not_admin.value.message.id == "Only an administrator answers complaints."
    assert (answered.state, answered.answered_on, answered.outcome, answered.open_on_order) == (
        ComplaintState.ANSWERED,
        D(2026, 10, 9),
        "resume",
        None,
    )
    assert answered_twice.value.message.id == "This complaint has been answered already."
    assert not_theirs.value.message.id == (
        "Only the enterprise that lodged the complaint can say this."
    )
    assert no_verdict.value.errors["satisfied"].id == "Say whether you are satisfied."
    assert (closed.state, closed.satisfied, closed.feedback) == (
        ComplaintState.CLOSED,
        True,
        "处理及时",
    )
    assert verdict_twice.value.message.id == "You have said whether you are satisfied already."
    after = await Order.get(id=order.id)
    assert (after.state, after.state_before_dispute) == (OrderState.IN_SERVICE, None)
    last = await OrderEvent.filter(order=order).order_by("-id").first()
    assert last is not None
    assert (last.action, last.reason, last.detail) == (
        "resolve",
        "已约谈机构，限期出具报告",
        {"outcome": "resume"},
    )
    # and a new complaint about the same order may be lodged now
    again = await _lodge(world, "complaint-13", order_id=order.id, on=D(2026, 10, 12))
    assert again.open_on_order == order.id


async def test_an_answer_can_cancel_the_order(world: OrderWorld) -> None:
    order = await _order(world, "order-key-06")
    complaint = await _lodge(world, "complaint-14", order_id=order.id)

    await services.answer(
        complaint.id,
        actor=await as_current(world.admin),
        text="机构无法履约，订单取消",
        outcome="cancel",
        on=D(2026, 10, 8),
    )

    assert (await Order.get(id=order.id)).state == OrderState.CANCELLED


async def test_the_hotline_figures(world: OrderWorld) -> None:
    admin = await as_current(world.admin)
    buyer = await as_current(world.enterprise)
    qinghe = world.catalogue.qinghe.id

    async def lodged(n: int, on: D) -> Complaint:
        return await _lodge(world, f"figures-{n:04d}", agency_id=qinghe, on=on)

    in_time = await lodged(1, D(2026, 9, 30))  # due 13 October
    late = await lodged(2, D(2026, 9, 30))
    unhappy = await lodged(3, D(2026, 10, 12))  # due 19 October
    await lodged(4, D(2026, 10, 12))  # never answered: overdue on the 20th
    await lodged(5, D(2026, 8, 3))  # before the period
    await services.answer(in_time.id, actor=admin, text="已处理", on=D(2026, 10, 13))
    await services.answer(late.id, actor=admin, text="已处理", on=D(2026, 10, 14))
    await services.answer(unhappy.id, actor=admin, text="已处理", on=D(2026, 10, 15))
    await services.give_feedback(in_time.id, actor=buyer, satisfied="yes", feedback="")
    await services.give_feedback(unhappy.id, actor=buyer, satisfied="no", feedback="")

    stats = await services.complaint_stats(D(2026, 9, 1), D(2026, 10, 31), on=D(2026, 10, 20))

    assert (
        stats.received,
        stats.handled,
        stats.answered_in_time,
        stats.overdue_open,
        stats.rated,
        stats.satisfied,
    ) == (4, 3, 2, 1, 2, 1)
    assert (stats.handling_rate, stats.in_time_rate, stats.satisfaction_rate) == (
        0.75,
        0.6667,
        0.5,
    )
    empty = await services.complaint_stats(D(2025, 1, 1), D(2025, 1, 31))
    assert (empty.received, empty.handling_rate, empty.satisfaction_rate) == (0, None, None)


# --- the pages -------------------------------------------------------------------------


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def test_lodge_answer_and_verdict_through_the_pages(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    order = await _order(world, "order-key-07")
    buyer = await _browser(client, "buyer@example.com")
    office = await _browser(client, "admin@example.com")
    hengyuan = await _browser(client, "hy@example.com")
    qinghe = await _browser(client, "qh@example.com")
    other = await _browser(client, "other@example.com")

    order_page = text_of((await buyer.get(f"/orders/{order.id}")).text)
    form = await buyer.get(f"/complaints/new?order={order.id}")
    key = form.text.split('name="idempotency_key" value="')[1].split('"')[0]
    bad = await buyer.post(
        "/complaints/new",
        data={
            "csrftoken": await csrf_token(buyer),
            "order": str(order.id),
            "idempotency_key": key,
            "topic": "",
            "description": "服务态度恶劣",
        },
    )
    lodged = await buyer.post(
        "/complaints/new",
        data={
            "csrftoken": await csrf_token(buyer),
            "order": str(order.id),
            "idempotency_key": key,
            "topic": "attitude",
            "description": "服务态度恶劣",
        },
    )

    assert "向政务服务管理办公室投诉" in order_page
    assert bad.status_code == 422
    assert "请选择投诉事项。" in text_of(bad.text)
    assert "服务态度恶劣" in bad.text  # what was typed is kept
    assert lodged.status_code == 303
    complaint = await Complaint.get(order_id=order.id)
    assert lodged.headers["location"] == f"/complaints/{complaint.id}"

    # the agency it is about reads it; another agency and another enterprise do not
    assert "服务态度恶劣" in text_of((await hengyuan.get(f"/complaints/{complaint.id}")).text)
    assert (await qinghe.get(f"/complaints/{complaint.id}")).status_code == 404
    assert (await other.get(f"/complaints/{complaint.id}")).status_code == 404
    assert complaint.number in text_of((await hengyuan.get("/complaints")).text)
    assert complaint.number not in text_of((await other.get("/complaints")).text)
    # only the office answers, and it sees the complaint in its queue
    refused = await buyer.post(
        f"/complaints/{complaint.id}/answer",
        data={"csrftoken": await csrf_token(buyer), "answer": "x", "outcome": "resume"},
    )
    assert refused.status_code == 403
    queue = text_of((await office.get("/backoffice/complaints")).text)
    assert complaint.number in queue
    # and the office's notice of it leads to it
    notices = (await office.get("/notifications")).text
    assert f'/complaints/{complaint.id}">收到投诉 {complaint.number}' in notices
    no_answer = await office.post(
        f"/complaints/{complaint.id}/answer",
        data={"csrftoken": await csrf_token(office), "answer": " ", "outcome": "resume"},
    )
    answered = await office.post(
        f"/complaints/{complaint.id}/answer",
        data={
            "csrftoken": await csrf_token(office),
            "answer": "已约谈机构负责人",
            "outcome": "resume",
        },
    )
    assert no_answer.status_code == 422
    assert answered.status_code == 303
    assert (await Order.get(id=order.id)).state == OrderState.IN_SERVICE

    verdict = await buyer.post(
        f"/complaints/{complaint.id}/feedback",
        data={"csrftoken": await csrf_token(buyer), "satisfied": "no", "feedback": "仍未解决"},
    )
    page = text_of((await buyer.get(f"/complaints/{complaint.id}")).text)

    assert verdict.status_code == 303
    assert "已约谈机构负责人" in page
    assert "不满意" in page and "仍未解决" in page
    figures = text_of((await office.get("/backoffice/complaints?state=all")).text)
    assert "满意率 0.0%" in figures
    assert "办结率 100.0%" in figures


async def test_a_complaint_about_an_agency_from_its_profile(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    agency_id = world.catalogue.qinghe.id

    profile = (await buyer.get(f"/agencies/{agency_id}")).text
    form = await buyer.get(f"/complaints/new?agency={agency_id}")
    key = form.text.split('name="idempotency_key" value="')[1].split('"')[0]
    lodged = await buyer.post(
        "/complaints/new",
        data={
            "csrftoken": await csrf_token(buyer),
            "agency": str(agency_id),
            "idempotency_key": key,
            "topic": "fees",
            "description": "要求另付加急费",
        },
    )

    assert f"/complaints/new?agency={agency_id}" in profile
    assert lodged.status_code == 303
    complaint = await Complaint.get(agency_id=agency_id)
    assert (complaint.topic, complaint.order_id, complaint.description) == (
        "fees",
        None,
        "要求另付加急费",
    )
    # the order page's generic action route no longer makes complaints on its own
    order = await _order(world, "order-key-08")
    direct = await buyer.post(
        f"/orders/{order.id}/actions/complain",
        data={"csrftoken": await csrf_token(buyer), "reason": "r"},
    )
    assert direct.status_code == 409
    assert (await Order.get(id=order.id)).state == OrderState.IN_SERVICE


async def test_the_api_lodges_answers_and_takes_the_verdict(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    from marketplace.accounts import services as account_services

    buyer = (await account_services.create_api_token(world.enterprise, name="ERP")).secret
    office = (await account_services.create_api_token(world.admin, name="office")).secret
    other = (await account_services.create_api_token(world.other_enterprise, name="o")).secret
    order = await _order(world, "order-key-09")
    headers = {"Authorization": f"Bearer {buyer}", "Idempotency-Key": "api-complaint-01"}
    body = {"order_id": order.id, "topic": "quality", "description": "报告数据错误"}

    lodged = await client.post("/api/v1/complaints", json=body, headers=headers)
    repeated = await client.post("/api/v1/complaints", json=body, headers=headers)
    bad = await client.post(
        "/api/v1/complaints",
        json={**body, "order_id": "1"},
        headers={**headers, "Idempotency-Key": "api-complaint-02"},
    )
    complaint_id = lodged.json()["id"]
    foreign = await client.get(
        f"/api/v1/complaints/{complaint_id}", headers={"Authorization": f"Bearer {other}"}
    )
    answered = await client.post(
        f"/api/v1/complaints/{complaint_id}/answer",
        json={"answer": "已责令重新出具", "outcome": "resume"},
        headers={"Authorization": f"Bearer {office}"},
    )
    verdict = await client.post(
        f"/api/v1/complaints/{complaint_id}/feedback",
        json={"satisfied": "yes"},
        headers={"Authorization": f"Bearer {buyer}"},
    )
    unknown_step = await client.post(
        f"/api/v1/complaints/{complaint_id}/escalate",
        json={},
        headers={"Authorization": f"Bearer {buyer}"},
    )

    assert lodged.status_code == 201
    assert (lodged.json()["state"], lodged.json()["order_id"], lodged.json()["topic"]) == (
        "open",
        order.id,
        "quality",
    )
    assert repeated.status_code == 200 and repeated.json()["id"] == complaint_id
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "order_id"
    assert foreign.status_code == 404
    assert answered.status_code == 200
    assert (answered.json()["state"], answered.json()["outcome"]) == ("answered", "resume")
    assert verdict.status_code == 200
    assert (verdict.json()["state"], verdict.json()["satisfied"]) == ("closed", True)
    assert unknown_step.status_code == 404
    assert await Complaint.all().count() == 1
    assert (await Order.get(id=order.id)).state == OrderState.IN_SERVICE


async def test_the_sweep_reminds_the_office_once_of_complaints_due(world: OrderWorld) -> None:
    from marketplace.orders.tasks import sweep_orders

    # received Wednesday 30 September 2026, due Tuesday 13 October; another due 19 October
    soon = await _lodge(world, "complaint-due-1", agency_id=world.catalogue.qinghe.id)
    later = await _lodge(
        world, "complaint-due-2", agency_id=world.catalogue.qinghe.id, on=D(2026, 10, 12)
    )

    early = await sweep_orders({}, on="2026-10-09")  # next working day: the make-up Saturday
    first = await sweep_orders({}, on="2026-10-12")  # next working day: the 13th
    again = await sweep_orders({}, on="2026-10-12")

    assert (early["complaints_reminded"], first["complaints_reminded"]) == (0, 1)
    assert again["complaints_reminded"] == 0
    notices = await Notification.filter(
        user=world.admin, message="Complaint %(number)s must be answered by %(due)s."
    )
    assert [n.params for n in notices] == [
        {"number": soon.number, "due": "2026-10-13", "complaint": soon.id}
    ]
    assert (await Complaint.get(id=later.id)).reminded_at is None
