"""What a party sees and is told on an order: its next step, cancelling with a reason, the
clock of an ended order, the fee base with its unit, files with their messages, the log's
labels, and notices to the party that must act, never after the day they remind of."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest

from marketplace.accounts.models import Role
from marketplace.complaints.models import Complaint
from marketplace.complaints.services import lodge
from marketplace.core import clock
from marketplace.core.notifications import Notification
from marketplace.core.uploads import StoredFile
from marketplace.orders import services
from marketplace.orders.labels import EVENT_LABELS
from marketplace.orders.models import Order, OrderEvent, OrderEventName, OrderState
from marketplace.orders.states import TRANSITIONS
from marketplace.orders.tasks import sweep_orders
from tests.accounts_helpers import csrf_token, make_user, sign_in
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_catalog_views import _text

D = dt.date
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
_REPORT = [StoredFile("report.pdf", "application/pdf", 10, "0" * 64)]


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=clock.BEIJING)


async def _place(world: OrderWorld, key: str = "page-key-0001") -> Order:
    placed = await services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_book.id,
        project_name="盐城港区新材料项目",
        project_code=PROJECT_CODE,
        base="10000",
        note="",
        idempotency_key=key,
    )
    return placed.order


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def _post(browser: httpx.AsyncClient, url: str, data: dict, files: list | None = None):
    token = await csrf_token(browser, "/orders")
    return await browser.post(url, data={"csrftoken": token, **data}, files=files)


# --- event names ------------------------------------------------------------------------


def test_every_event_name_has_a_label_and_every_transition_a_name() -> None:
    assert set(EVENT_LABELS) == set(OrderEventName)
    assert all(EVENT_LABELS[name].strip() for name in OrderEventName)
    assert set(TRANSITIONS) <= {name.value for name in OrderEventName}
    assert EVENT_LABELS[OrderEventName("payment_mismatch")] == (
        "An online payment did not match the quoted fee"
    )


async def test_the_log_shows_a_payment_mismatch_by_its_label(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    order = await _place(world)
    await OrderEvent.create(
        order=order, action=OrderEventName.PAYMENT_MISMATCH, detail={"amount_total": 1}
    )
    buyer = await _browser(client, "buyer@example.com")

    page = _text((await buyer.get(f"/orders/{order.id}")).text)

    assert "在线支付金额与报价不符" in page
    assert "payment_mismatch" not in page


# --- the page ---------------------------------------------------------------------------


def _primary(html: str) -> list[str]:
    """The texts of the page's primary action buttons and links."""
    return [_text(m) for m in re.findall(r'class="(?:button )?primary"[^>]*>([^<]*)<', html)]


async def test_each_party_sees_its_next_step_as_the_primary_action(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    staff = await _browser(client, "hy@example.com")
    order = await _place(world)
    agency = await as_current(world.hengyuan_staff)
    enterprise = await as_current(world.enterprise)
    url = f"/orders/{order.id}"
    seen: dict[str, tuple[list[str], list[str]]] = {}

    async def look(state: str) -> None:
        seen[state] = (
            _primary((await buyer.get(url)).text),
            _primary((await staff.get(url)).text),
        )

    await look("placed")
    await services.transition(order.id, "accept", actor=agency, on=D(2026, 9, 1))
    await look("in_service")
    await services.transition(order.id, "pause", actor=agency, reason="等资料", on=D(2026, 9, 2))
    await look("awaiting_materials")
    await services.transition(order.id, "resume", actor=agency, on=D(2026, 9, 3))
    await services.transition(order.id, "deliver", actor=agency, files=_REPORT, on=D(2026, 9, 4))
    await look("delivered")
    await services.transition(order.id, "confirm", actor=enterprise, on=D(2026, 9, 7))
    await look("completed")
    complaint_link = re.search(
        r'<a href="[^"]*/complaints/new\?order=\d+" class="([^"]+)"', (await buyer.get(url)).text
    )

    assert seen == {
        "placed": ([], ["受理"]),
        "in_service": ([], ["交付成果"]),
        "awaiting_materials": (["发送所需资料"], ["材料已补齐（恢复计时）"]),
        "delivered": (["确认交付"], []),
        "completed": (["评价本次服务"], []),
    }
    assert complaint_link is not None and complaint_link.group(1) == "button secondary"


async def test_cancelling_asks_for_a_reason_the_agency_then_sees(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    staff = await _browser(client, "hy@example.com")
    order = await _place(world)
    page = (await buyer.get(f"/orders/{order.id}")).text
    assert f'/orders/{order.id}/cancel" class="button secondary"' in page
    assert f'/orders/{order.id}/actions/cancel"' not in page  # no one-click cancel

    confirm = await buyer.get(f"/orders/{order.id}/cancel")
    refused = await _post(buyer, f"/orders/{order.id}/cancel", {"reason": "  "})
    assert (await Order.get(id=order.id)).state is OrderState.PLACED
    done = await _post(buyer, f"/orders/{order.id}/cancel", {"reason": "项目选址调整"})
    seen_by_agency = _text((await staff.get(f"/orders/{order.id}")).text)
    again = await buyer.get(f"/orders/{order.id}/cancel")
    by_agency = await staff.get(f"/orders/{order.id}/cancel")

    assert confirm.status_code == 200
    assert "确定取消订单" in _text(confirm.text) and 'name="reason"' in confirm.text
    assert refused.status_code == 422 and "请填写理由。" in _text(refused.text)
    assert 'aria-invalid="true"' in refused.text
    assert done.status_code == 303
    cancelled = await Order.get(id=order.id)
    event = await OrderEvent.get(order=cancelled, action="cancel")
    assert (cancelled.state, event.reason) == (OrderState.CANCELLED, "项目选址调整")
    assert "企业已于" in seen_by_agency
    assert "原因： 项目选址调整" in seen_by_agency
    assert "已取消，不计时" in seen_by_agency and "尚未开始计时" not in seen_by_agency
    notice = await Notification.get(
        user=world.hengyuan_staff,
        order=cancelled,
        message="Order %(number)s was cancelled by the enterprise: %(reason)s",
    )
    assert notice.params == {"number": cancelled.number, "reason": "项目选址调整"}
    assert again.status_code == 409
    assert by_agency.status_code == 403


async def test_the_page_states_the_fee_base_with_its_unit_and_files_with_messages(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    order = await _place(world)
    sent = await _post(
        buyer,
        f"/orders/{order.id}/messages",
        {"body": "补充资料见附件"},
        [("files", ("用地红线图.pdf", PDF, "application/pdf"))],
    )

    html = (await buyer.get(f"/orders/{order.id}")).text
    message = re.search(r'<li class="message">(.*?)</li>\s*</ol>', html, re.S)

    assert sent.status_code == 303
    assert "项目总投资 10000 万元" in _text(html)
    assert message is not None
    assert "补充资料见附件" in _text(message.group(1))
    assert "用地红线图.pdf" in _text(message.group(1))


# --- notices ----------------------------------------------------------------------------


async def test_a_delivery_is_told_to_the_enterprise_not_to_the_agencys_other_staff(
    world: OrderWorld,
) -> None:
    colleague = await make_user(
        "hy2@example.com", Role.AGENCY, agency=world.catalogue.hengyuan, name="衡远二"
    )
    order = await _place(world)
    agency = await as_current(world.hengyuan_staff)
    await services.transition(order.id, "accept", actor=agency, on=D(2026, 9, 1))
    await Notification.all().delete()

    await services.transition(order.id, "deliver", actor=agency, files=_REPORT, on=D(2026, 9, 2))

    told = await Notification.filter(order_id=order.id).values_list("user_id", "message")
    assert told == [
        (world.enterprise.id, "Order %(number)s was delivered; please confirm or send it back.")
    ]
    assert colleague.id not in [user_id for user_id, _ in told]


async def test_no_order_reminder_after_its_deadline(world: OrderWorld) -> None:
    order = await _place(world)
    agency = await as_current(world.hengyuan_staff)
    order = await services.transition(order.id, "accept", actor=agency, on=D(2026, 9, 30))
    assert order.deadline == D(2026, 12, 1)

    # the sweep did not run the working day before: the first sweep is past the deadline
    clock.set_now(_at(D(2026, 12, 2)))
    late = await sweep_orders({})

    assert (late["reminded"], late["overdue"]) == (0, 1)
    assert not await OrderEvent.exists(order_id=order.id, action="remind")
    messages = await Notification.filter(order_id=order.id).values_list("message", flat=True)
    assert "Order %(number)s is due on %(deadline)s, one working day from now." not in messages


async def test_no_complaint_reminder_after_its_due_day(world: OrderWorld) -> None:
    enterprise = await as_current(world.enterprise)
    # received Wednesday 30 September 2026, due Tuesday 13 October
    complaint = await lodge(
        actor=enterprise,
        topic="quality",
        description="报告质量差",
        idempotency_key="late-complaint-1",
        agency_id=world.catalogue.qinghe.id,
        on=D(2026, 9, 30),
    )
    assert complaint.due_on == D(2026, 10, 13)

    clock.set_now(_at(D(2026, 10, 15)))  # first sweep after the due day
    done = await sweep_orders({})

    notices = await Notification.filter(user=world.admin).values_list("message", "params")
    assert done["complaints_reminded"] == 1
    assert [m for m, _ in notices if "must be answered by" in m] == []
    assert (
        "Complaint %(number)s was due on %(due)s and is not answered yet.",
        {"number": complaint.number, "due": "2026-10-13", "complaint": complaint.id},
    ) in notices
    assert (await Complaint.get(id=complaint.id)).reminded_at is not None


# --- evidence ---------------------------------------------------------------------------


async def test_a_complaint_takes_evidence_files_checked_by_content(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    buyer = await _browser(client, "buyer@example.com")
    office = await _browser(client, "admin@example.com")
    agency_id = world.catalogue.qinghe.id
    form = await buyer.get(f"/complaints/new?agency={agency_id}")
    key = form.text.split('name="idempotency_key" value="')[1].split('"')[0]
    data = {"agency": str(agency_id), "idempotency_key": key, "topic": "fees"}
    data["description"] = "额外收取加急费"

    fake = await _post(
        buyer, "/complaints/new", data, [("files", ("收据.pdf", b"#!/bin/sh\n", "application/pdf"))]
    )
    assert await Complaint.all().count() == 0
    lodged = await _post(
        buyer, "/complaints/new", data, [("files", ("收据.pdf", PDF, "application/pdf"))]
    )
    complaint = await Complaint.get()
    page = (await office.get(f"/complaints/{complaint.id}")).text
    link = re.search(rf'href="[^"]*(/complaints/{complaint.id}/files/\d+)"', page)
    assert link is not None
    download = await office.get(link.group(1))
    stranger = await _browser(client, "other@example.com")

    assert 'enctype="multipart/form-data"' in form.text
    assert fake.status_code == 422 and "“收据.pdf”不是 PDF、PNG 或 JPEG 文件。" in _text(fake.text)
    assert "额外收取加急费" in fake.text  # what was typed is kept
    assert lodged.status_code == 303
    assert "收据.pdf" in _text(page)
    assert (download.status_code, download.content) == (200, PDF)
    assert (await stranger.get(link.group(1))).status_code in (403, 404)


async def test_a_credit_record_takes_a_text_area_and_evidence_files(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    from marketplace.credit.models import CreditRecord, CreditRecordFile

    office = await _browser(client, "admin@example.com")
    form = (await office.get("/backoffice/credit")).text
    recorded = await _post(
        office,
        "/backoffice/credit",
        {
            "agency": str(world.catalogue.qinghe.id),
            "reason": "commendation",
            "occurred_on": "2026-09-01",
            "description": "抢险期间连夜完成检测。\n受到市防汛指挥部书面表扬。",
            "evidence": "表扬信见附件",
        },
        [("files", ("表扬信.pdf", PDF, "application/pdf"))],
    )
    record = await CreditRecord.get()
    stored = await CreditRecordFile.get(record_id=record.id)
    page = (await office.get("/backoffice/credit")).text
    download = await office.get(f"/backoffice/credit/{record.id}/files/{stored.id}")
    buyer = await _browser(client, "buyer@example.com")

    assert '<textarea id="description" name="description"' in form
    assert '<textarea id="evidence" name="evidence"' in form
    assert 'type="file"' in form
    assert recorded.status_code == 303
    assert record.description == "抢险期间连夜完成检测。\n受到市防汛指挥部书面表扬。"
    assert (stored.filename, stored.content_type, stored.size_bytes) == (
        "表扬信.pdf",
        "application/pdf",
        len(PDF),
    )
    assert "表扬信.pdf" in _text(page)
    assert (download.status_code, download.content) == (200, PDF)
    forbidden = await buyer.get(f"/backoffice/credit/{record.id}/files/{stored.id}")
    assert forbidden.status_code == 403


# --- back office ------------------------------------------------------------------------


async def test_statistics_list_categories_in_the_catalogues_order(world: OrderWorld) -> None:
    from marketplace.catalog.models import Category
    from marketplace.statistics.services import Month, Period, dashboard

    # the catalogue lists seismic safety first, lightning last: not the codes' order
    await Category.filter(id=world.catalogue.seismic.id).update(position=0)
    await Category.filter(id=world.catalogue.eia.id).update(position=1)
    await Category.filter(id=world.catalogue.lightning.id).update(position=2)

    stats = await dashboard(period=Period(Month(2026, 1), Month(2026, 3)))

    assert [a.category.code for a in stats.agencies if a.category] == ["SSE", "EIA", "LPT"]


async def test_the_complaints_table_keeps_numbers_and_dates_whole(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await lodge(
        actor=await as_current(world.enterprise),
        topic="quality",
        description="报告质量差",
        idempotency_key="table-complaint-1",
        agency_id=world.catalogue.qinghe.id,
        on=D(2026, 9, 30),
    )
    office = await _browser(client, "admin@example.com")

    html = (await office.get("/backoffice/complaints")).text

    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", html, re.S)
    assert row is not None
    cells = re.findall(r'<td( class="nowrap")?>', row.group(1))
    # number, enterprise, agency, topic, received, due, state, verdict
    assert [bool(c) for c in cells] == [True, False, False, False, True, True, True, False]
