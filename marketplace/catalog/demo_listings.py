"""Demo listing changes, made through the services: one edit waiting for review, one
profile change the office returned with its reason, and a qualification that expires
soon (approved), so that the workspace, the review queue and the reminders have
something to show. Nothing live changes: the waiting and returned drafts are drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from marketplace.accounts.models import Role, User, UserRole
from marketplace.catalog import listings
from marketplace.catalog.demo import demo_pdf
from marketplace.catalog.models import Agency, ServiceItem, ServiceStatus
from marketplace.core.uploads import MemoryUpload, read_uploads

__all__ = ["seed_listing_changes"]

# how long before it expires the demo's new qualification was added
EXPIRES_IN_DAYS = 20


async def seed_listing_changes(*, today: dt.date, media_dir: Path, office: User) -> bool:
    """Seed the demo changes for the agency of the first agency user; ``False`` if the
    demo has none."""
    row = (
        await UserRole.filter(role=Role.AGENCY, user__agency_id__isnull=False)
        .order_by("user_id")
        .select_related("user")
        .first()
    )
    if row is None:
        return False
    staff = row.user
    agency = await Agency.get(id=staff.agency_id)
    item = (
        await ServiceItem.filter(agency_id=agency.id, status=ServiceStatus.PUBLISHED)
        .order_by("id")
        .first()
    )
    if item is None:
        return False

    # an edit waiting for review: a shorter time limit and one more commitment
    values = {name: getattr(item, name) for name in listings.ITEM_FIELDS}
    values["time_limit_days"] = max(1, item.time_limit_days - 2)
    values["commitments"] = (item.commitments + "；报告同时提供电子版。").lstrip("；")
    edit = await listings.draft_item_edit(agency, item, values, actor_id=staff.id)
    await listings.submit(edit, agency)

    # a profile change the office returned
    profile = await listings.draft_profile(
        agency,
        {"address": agency.address, "phone": "0515-00000000", "description": agency.description},
        actor_id=staff.id,
    )
    await listings.submit(profile, agency)
    await listings.return_change(
        profile.id,
        reviewer_id=office.id,
        reason="新联系电话与营业执照登记信息不一致，请核实后重新提交。",
    )

    # a qualification that expires soon, added and approved
    upload = MemoryUpload(
        filename="demo-certificate.pdf",
        content=demo_pdf("DEMO CERTIFICATE - fictional qualification of the demo"),
    )
    (stored,) = await read_uploads([upload], media_dir)
    qualification = await listings.draft_qualification(
        agency,
        {
            "name": "安全生产标准化评审单位备案（示例）",
            "grade": None,
            "certificate_no": f"DEMO-AQ-{agency.id:04d}",
            "issuer": "盐城市应急管理局（示例）",
            "expires_on": today + dt.timedelta(days=EXPIRES_IN_DAYS),
            "certificate_sha256": stored.sha256,
            "certificate_name": stored.filename,
        },
        actor_id=staff.id,
        today=today,
    )
    await listings.submit(qualification, agency)
    await listings.approve(qualification.id, reviewer_id=office.id)
    return True
