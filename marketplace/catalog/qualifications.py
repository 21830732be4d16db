"""Qualifications that lapse: reminders before expiry, items held while a required one
has expired.

A category may name the licence its agencies must hold (``Category.required_qualification``:
as the 2015 rules of the city's marketplace require each admitted agency to keep the
qualification it was admitted with valid, 资质有效). When every qualification of an
agency that matches it has expired, the agency's items in that category leave the
storefront, search and ordering (``ServiceItem.held_by``) until a renewal is approved;
the agency profile says why. The deadline sweep runs ``refresh_holds`` and
``remind_expiring`` every few minutes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from marketplace.catalog.models import (
    Category,
    Qualification,
    ServiceItem,
    ServiceStatus,
)
from marketplace.catalog.services import forget_cached_pages
from marketplace.core.clock import now as beijing_now
from marketplace.i18n import N_
from marketplace.search.outbox import queue_reindex

__all__ = [
    "REMINDER_DAYS",
    "Hold",
    "holds_of",
    "refresh_holds",
    "remind_expiring",
    "set_required_qualification",
    "summarise_holds",
]

# Days before expiry the agency is reminded, each once.
REMINDER_DAYS = (30, 7)


def _matches(qualification: Qualification, required: str) -> bool:
    return bool(required) and required in qualification.name


async def set_required_qualification(category: Category, name: str, *, day: dt.date) -> None:
    """Name the qualification ``category`` requires ("" for none), and apply it at once."""
    category.required_qualification = name.strip()[:128]
    await category.save(update_fields=["required_qualification"])
    await refresh_holds(day=day)


async def refresh_holds(*, day: dt.date, agency_ids: Sequence[int] | None = None) -> int:
    """Hold or release items as the required qualifications stand on ``day``; returns
    how many items changed. Idempotent: run by the sweep and after each approved
    qualification."""
    categories = {
        c.id: c.required_qualification
        for c in await Category.filter(required_qualification__not="")
    }
    items = ServiceItem.filter(status=ServiceStatus.PUBLISHED)
    if agency_ids is not None:
        items = items.filter(agency_id__in=list(agency_ids))
    rows = await items.values("id", "agency_id", "category_id", "held_by_id")
    agencies = {row["agency_id"] for row in rows}
    held_by_agency: dict[int, list[Qualification]] = {a: [] for a in agencies}
    for q in await Qualification.filter(agency_id__in=list(agencies)).order_by("expires_on"):
        held_by_agency[q.agency_id].append(q)
    changes: dict[int | None, list[int]] = {}
    for row in rows:
        required = categories.get(row["category_id"], "")
        hold: int | None = None
        if required:
            matching = [q for q in held_by_agency[row["agency_id"]] if _matches(q, required)]
            if matching and all(q.expires_on < day for q in matching):
                hold = matching[-1].id  # the latest to expire: the one to renew
        if hold != row["held_by_id"]:
            changes.setdefault(hold, []).append(row["id"])
    changed = 0
    async with in_transaction():
        for hold, ids in changes.items():
            changed += await ServiceItem.filter(id__in=ids).update(held_by_id=hold)
            await queue_reindex(ids)
    if changed:
        forget_cached_pages()
    return changed


@dataclass(frozen=True, slots=True)
class Hold:
    category: Category
    qualification: Qualification
    items: int


async def holds_of(agency_id: int) -> list[Hold]:
    """The agency's categories held for an expired qualification (for its workspace)."""
    rows = await ServiceItem.filter(
        agency_id=agency_id, status=ServiceStatus.PUBLISHED, held_by_id__isnull=False
    ).select_related("category", "held_by")
    return summarise_holds(rows, {i.held_by_id: i.held_by for i in rows if i.held_by})


def summarise_holds(
    held_items: Sequence[ServiceItem], qualifications: Mapping[int | None, Qualification]
) -> list[Hold]:
    """One ``Hold`` per category of ``held_items`` (category loaded), with the expired
    qualification of ``qualifications`` (by id) that holds it."""
    found: dict[int, Hold] = {}
    for item in held_items:
        qualification = qualifications.get(item.held_by_id)
        if qualification is None:
            continue
        known = found.get(item.category_id)
        found[item.category_id] = Hold(
            item.category, qualification, (known.items if known else 0) + 1
        )
    return sorted(found.values(), key=lambda h: (h.category.position, h.category.id))


async def remind_expiring(day: dt.date, *, queue: Any = None) -> int:
    """Remind each agency's staff 30 and 7 days before a qualification expires, each
    reminder once (a conditional update decides which of two sweeps sends it)."""
    from marketplace.accounts.models import Role, User
    from marketplace.core.notifications import notify

    reminded = 0
    for days in REMINDER_DAYS:
        column = f"reminded_{days}_at"
        limit = day + dt.timedelta(days=days)
        due = await Qualification.filter(
            expires_on__lte=limit, expires_on__gte=day, **{f"{column}__isnull": True}
        )
        for qualification in due:
            # a 7-day reminder makes the 30-day one pointless: one is enough
            marks = {column: beijing_now()}
            if days == 7:
                marks["reminded_30_at"] = marks[column]
            async with in_transaction():
                if not await Qualification.filter(
                    id=qualification.id, **{f"{column}__isnull": True}
                ).update(**marks):
                    continue
                if days == 30 and qualification.expires_on <= day + dt.timedelta(days=7):
                    continue  # the 7-day reminder of this same sweep tells it
                staff = await User.filter(
                    agency_id=qualification.agency_id,
                    is_active=True,
                    roles__role=Role.AGENCY,
                )
                await notify(
                    None,
                    staff,
                    N_("Your qualification %(name)s (%(number)s) expires on %(date)s: renew it."),
                    {
                        "name": qualification.name,
                        "number": qualification.certificate_no,
                        "date": qualification.expires_on.isoformat(),
                        "qualification": qualification.id,
                    },
                    queue,
                )
            reminded += 1
    return reminded
