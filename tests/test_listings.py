"""Listings changed only through review, and qualifications that lapse (issue 16)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from marketplace.accounts.models import Role
from marketplace.catalog import listings, qualifications
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    ChangeKind,
    ChangeStatus,
    Qualification,
    ServiceItem,
    ServiceItemVersion,
    ServiceStatus,
)
from marketplace.core import clock
from marketplace.core.notifications import Notification
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.services import OrderRefused
from marketplace.orders.tasks import sweep_orders
from marketplace.search.documents import build_documents
from tests.accounts_helpers import make_user
from tests.order_helpers import PROJECT_CODE, as_current

TODAY = dt.date(2026, 11, 20)
DIGEST = "ab" * 32


@pytest.fixture(autouse=True)
def fixed_clock() -> Iterator[None]:
    clock.set_now(dt.datetime(2026, 11, 20, 10, 0, tzinfo=clock.BEIJING))
    yield
    clock.set_now(None)


def edit_values(item: ServiceItem, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(item, name) for name in listings.ITEM_FIELDS}
    values.update(changes)
    return values


NEW_FEE = {"type": "fixed", "amount_fen": 2_000_000, "per": "每份报告"}


async def submitted_edit(c: Any, **changes: Any) -> Any:
    change = await listings.draft_item_edit(
        c.qinghe, c.report_form, edit_values(c.report_form, **changes), actor_id=None
    )
    return await listings.submit(change, c.qinghe)


async def test_an_edit_is_invisible_until_approved_and_the_old_version_stays(
    catalogue: Any,
) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    change = await submitted_edit(c, fee_standard=NEW_FEE, time_limit_days=12)
    assert change.status is ChangeStatus.PENDING_REVIEW

    # the storefront still shows (and sells) version 1
    live = await catalog.get_public_item(c.report_form.id)
    assert live is not None
    assert (live.version, live.fee_standard["amount_fen"], live.time_limit_days) == (
        1,
        2_500_000,
        15,
    )
    documents, _ = await build_documents([c.report_form.id])
    assert documents[0].fee_low_fen == 2_500_000

    # the review queue shows the two changed fields against the live version
    queued = await listings.review_queue()
    assert [q.id for q in queued] == [change.id]
    changed = [row.name for row in listings.differences(queued[0]) if row.changed]
    assert changed == ["fee_standard", "time_limit_days"]

    approved = await listings.approve(change.id, reviewer_id=office.id)
    assert approved is not None and approved.published_version == 2
    live = await catalog.get_public_item(c.report_form.id)
    assert live is not None
    assert (live.version, live.fee_standard["amount_fen"], live.time_limit_days) == (
        2,
        2_000_000,
        12,
    )
    versions = await ServiceItemVersion.filter(item_id=c.report_form.id).order_by("version")
    assert [(v.version, v.fee_standard["amount_fen"], v.time_limit_days) for v in versions] == [
        (1, 2_500_000, 15),
        (2, 2_000_000, 12),
    ]
    documents, _ = await build_documents([c.report_form.id])
    assert documents[0].fee_low_fen == 2_000_000


async def test_a_returned_draft_carries_its_reason_and_can_be_resubmitted(catalogue: Any) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    change = await submitted_edit(c, title="环评报告表编制（新）")
    with pytest.raises(FormError):
        await listings.return_change(change.id, reviewer_id=office.id, reason="  ")
    returned = await listings.return_change(
        change.id, reviewer_id=office.id, reason="收费依据未更新"
    )
    assert returned is not None
    assert (returned.status, returned.return_reason) == (ChangeStatus.RETURNED, "收费依据未更新")
    mine = await listings.agency_changes(c.qinghe.id)
    assert [(m.status, m.return_reason) for m in mine] == [
        (ChangeStatus.RETURNED, "收费依据未更新")
    ]
    assert (await ServiceItem.get(id=c.report_form.id)).title == "环境影响报告表编制"
    # edited again, it is the same change, a draft, until submitted again
    again = await listings.draft_item_edit(
        c.qinghe, c.report_form, edit_values(c.report_form, fee_basis="新依据"), actor_id=None
    )
    assert (again.id, again.status) == (change.id, ChangeStatus.DRAFT)
    assert (await listings.submit(again, c.qinghe)).status is ChangeStatus.PENDING_REVIEW


async def test_the_agency_staff_are_told_of_each_decision(catalogue: Any) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    staff = await make_user("staff@example.com", Role.AGENCY, agency=c.qinghe)
    change = await submitted_edit(c, title="新标题")
    await listings.return_change(change.id, reviewer_id=office.id, reason="标题不规范")
    await listings.submit(change, c.qinghe)
    await listings.approve(change.id, reviewer_id=office.id)
    notices = await Notification.filter(user_id=staff.id).order_by("id")
    assert [(n.message, n.params) for n in notices] == [
        (
            "The office returned your change: %(reason)s",
            {"reason": "标题不规范", "listing_change": change.id},
        ),
        ("The office approved your change: it is published.", {"listing_change": change.id}),
    ]


async def test_an_agency_cannot_edit_another_agencys_item_or_enter_another_category(
    catalogue: Any,
) -> None:
    c = catalogue
    with pytest.raises(listings.ListingRefused):
        await listings.draft_item_edit(
            c.qinghe, c.report_book, edit_values(c.report_book), actor_id=None
        )
    with pytest.raises(listings.ListingRefused):
        await listings.draft_withdrawal(c.qinghe, c.lightning_check, reason="", actor_id=None)
    values = edit_values(c.report_form, title="防雷检测")
    with pytest.raises(listings.ListingRefused):
        await listings.draft_new_item(c.qinghe, c.lightning, values, actor_id=None)
    change = await listings.draft_item_edit(
        c.qinghe, c.report_form, edit_values(c.report_form), actor_id=None
    )
    with pytest.raises(listings.ListingRefused):
        await listings.submit(change, c.hengyuan)
    assert [c.code for c in await listings.admitted_categories(c.qinghe)] == ["EIA"]
    assert [c.code for c in await listings.admitted_categories(c.hengyuan)] == ["EIA", "LPT"]
    assert await listings.admitted_categories(c.suspended) == []


async def test_a_new_item_is_pending_review_until_approved(catalogue: Any) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    values = edit_values(c.report_form, title="排污许可申请咨询")
    change = await listings.draft_new_item(c.qinghe, c.eia, values, actor_id=None)
    await listings.submit(change, c.qinghe)
    item = await ServiceItem.get(id=change.item_id)
    assert item.status is ServiceStatus.PENDING_REVIEW
    assert await catalog.get_public_item(item.id) is None
    await listings.approve(change.id, reviewer_id=office.id)
    item = await ServiceItem.get(id=change.item_id)
    assert (item.status, item.version, item.title) == (
        ServiceStatus.PUBLISHED,
        1,
        "排污许可申请咨询",
    )


async def test_a_withdrawal_and_a_profile_change_apply_on_approval(catalogue: Any) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    withdrawal = await listings.draft_withdrawal(
        c.hengyuan, c.lightning_check, reason="不再提供", actor_id=None
    )
    profile = await listings.draft_profile(
        c.hengyuan,
        {"address": "南京市鼓楼区新址8号", "phone": "025-1234", "description": "新简介"},
        actor_id=None,
    )
    for change in (withdrawal, profile):
        await listings.submit(change, c.hengyuan)
    assert await catalog.get_public_item(c.lightning_check.id) is not None
    assert (await catalog.get_public_agency(c.hengyuan.id) or [c.hengyuan])[0].phone == ""
    for change in (withdrawal, profile):
        await listings.approve(change.id, reviewer_id=office.id)
    assert await catalog.get_public_item(c.lightning_check.id) is None
    found = await catalog.get_public_agency(c.hengyuan.id)
    assert found is not None
    assert (found[0].address, found[0].phone, found[0].description) == (
        "南京市鼓楼区新址8号",
        "025-1234",
        "新简介",
    )


async def test_two_reviewers_approving_at_once_publish_one_version(catalogue: Any) -> None:
    c = catalogue
    first = await make_user("first@example.com", Role.ADMIN)
    second = await make_user("second@example.com", Role.ADMIN)
    change = await submitted_edit(c, fee_standard=NEW_FEE)
    results = await asyncio.gather(
        listings.approve(change.id, reviewer_id=first.id),
        listings.approve(change.id, reviewer_id=second.id),
    )
    assert sorted(r is None for r in results) == [False, True]
    assert await ServiceItemVersion.filter(item_id=c.report_form.id).count() == 2
    assert (await ServiceItem.get(id=c.report_form.id)).version == 2


async def test_an_expired_required_qualification_holds_items_until_a_renewal(
    catalogue: Any,
) -> None:
    c = catalogue
    office = await make_user("office@example.com", Role.ADMIN)
    # Qinghe's 工程咨询单位资信 expired on 2025-12-31; require it for EIA
    await qualifications.set_required_qualification(c.eia, "工程咨询单位资信", day=TODAY)
    assert await catalog.get_public_item(c.report_form.id) is None
    documents, gone = await build_documents([c.report_form.id])
    assert (documents, gone) == ([], [c.report_form.id])
    holds = await qualifications.holds_of(c.qinghe.id)
    assert [(h.category.code, h.qualification.certificate_no, h.items) for h in holds] == [
        ("EIA", "ZX-002", 1)
    ]
    # Hengyuan holds no qualification of that name: not held
    assert await catalog.get_public_item(c.report_book.id) is not None
    # and nobody can order the held item
    buyer = await as_current(await make_user("buyer@example.com", Role.ENTERPRISE))
    with pytest.raises(OrderRefused):
        await orders.place_order(
            user=buyer,
            item_id=c.report_form.id,
            project_name="盐城测试项目",
            project_code=PROJECT_CODE,
            base=None,
            note="",
            idempotency_key="held-item-0001",
        )

    expired = await Qualification.get(agency_id=c.qinghe.id, certificate_no="ZX-002")
    renewal = await listings.draft_qualification(
        c.qinghe,
        {
            "name": expired.name,
            "grade": "乙",
            "certificate_no": "ZX-002",
            "issuer": expired.issuer,
            "expires_on": dt.date(2029, 12, 31),
            "certificate_sha256": DIGEST,
            "certificate_name": "资信证书.pdf",
        },
        actor_id=None,
        today=TODAY,
        renews=expired,
    )
    assert renewal.kind is ChangeKind.QUALIFICATION_RENEWAL
    await listings.submit(renewal, c.qinghe)
    assert await catalog.get_public_item(c.report_form.id) is None  # not until approved
    await listings.approve(renewal.id, reviewer_id=office.id)
    assert await catalog.get_public_item(c.report_form.id) is not None
    assert await qualifications.holds_of(c.qinghe.id) == []
    renewed = await Qualification.get(id=expired.id)
    assert (renewed.expires_on, renewed.certificate_sha256) == (dt.date(2029, 12, 31), DIGEST)


async def test_a_qualification_must_be_valid_and_have_its_certificate(catalogue: Any) -> None:
    c = catalogue
    with pytest.raises(FormError) as refused:
        await listings.draft_qualification(
            c.qinghe,
            {"name": "资质", "certificate_no": "HP-001", "issuer": "厅", "expires_on": TODAY},
            actor_id=None,
            today=TODAY,
        )
    assert set(refused.value.errors) == {"expires_on", "certificate"}


async def test_reminders_at_30_and_7_days_before_expiry_once_each(catalogue: Any) -> None:
    c = catalogue
    staff = await make_user("staff@example.com", Role.AGENCY, agency=c.qinghe)
    await Qualification.filter(agency_id=c.qinghe.id, certificate_no="HP-001").update(
        expires_on=dt.date(2026, 12, 31)
    )

    async def notices() -> int:
        return await Notification.filter(user_id=staff.id).count()

    for day in ("2026-11-30", "2026-12-01", "2026-12-01", "2026-12-02"):  # 31, 30, 30, 29
        await sweep_orders({}, on=day)
    # the 30-day reminder came once, on 1 December
    assert await notices() == 1
    for day in ("2026-12-23", "2026-12-24", "2026-12-24", "2026-12-25"):
        await sweep_orders({}, on=day)
    assert await notices() == 2
    texts = [n.params["date"] for n in await Notification.filter(user_id=staff.id)]
    assert texts == ["2026-12-31", "2026-12-31"]
