"""An agency's listings, changed only through the office's review (DESIGN.md section 2).

Agency staff write drafts beside what is live: new content for a published item, a new
item in a category the agency is admitted to, the withdrawal of an item, new profile
details, a new or renewed qualification. Nothing public changes until the office
approves the draft, which applies it in one transaction: an item edit becomes the item's
next ``ServiceItemVersion`` (orders keep the version they were placed on), search and
the page cache follow at once. A returned draft carries the office's reason.

Of two reviewers approving the same draft at once, one publishes: the approval is a
conditional update from ``pending_review`` that only one transaction can make.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from marketplace.catalog.fees import FeeStandard, FeeStandardError, parse_fee_standard
from marketplace.catalog.models import (
    Agency,
    AgencyStatus,
    Category,
    ChangeKind,
    ChangeStatus,
    ListingChange,
    Qualification,
    ServiceItem,
    ServiceStatus,
)
from marketplace.catalog.services import forget_cached_pages, publish_service_item
from marketplace.core.clock import now as beijing_now
from marketplace.forms import FormError, Message, Refused
from marketplace.i18n import N_
from marketplace.search.outbox import queue_reindex

__all__ = [
    "ITEM_FIELDS",
    "OPEN_STATUSES",
    "PROFILE_FIELDS",
    "QUALIFICATION_FIELDS",
    "FieldChange",
    "ListingRefused",
    "admitted_categories",
    "agency_changes",
    "approve",
    "differences",
    "draft_item_edit",
    "draft_new_item",
    "draft_profile",
    "draft_qualification",
    "draft_withdrawal",
    "open_change_for_item",
    "return_change",
    "review_queue",
    "submit",
]

# The published fields of an item an agency may change (category and agency stay).
ITEM_FIELDS = (
    "title",
    "scope",
    "content",
    "legal_basis",
    "fee_basis",
    "fee_standard",
    "time_limit_days",
    "commitments",
)
PROFILE_FIELDS = ("address", "phone", "description")
QUALIFICATION_FIELDS = (
    "name",
    "grade",
    "certificate_no",
    "issuer",
    "expires_on",
    "certificate_sha256",
    "certificate_name",
)
OPEN_STATUSES = (ChangeStatus.DRAFT, ChangeStatus.PENDING_REVIEW, ChangeStatus.RETURNED)
GRADES = ("甲", "乙", "丙")
_LIMITS = {
    "title": 128,
    "scope": 5000,
    "content": 5000,
    "legal_basis": 5000,
    "fee_basis": 5000,
    "commitments": 5000,
    "address": 256,
    "phone": 32,
    "description": 5000,
    "name": 128,
    "certificate_no": 64,
    "issuer": 128,
}
_REQUIRED_ITEM_TEXT = ("title", "scope", "content", "legal_basis", "fee_basis")
_MAX_TIME_LIMIT = 720


class ListingRefused(Refused):
    """The change is not allowed (not this agency's, wrong state); nothing changed."""


# --- who may change what -------------------------------------------------------------


async def admitted_categories(agency: Agency) -> list[Category]:
    """The categories ``agency`` is admitted to: those it was admitted to in a round, and
    those it has published in (the demo and earlier rounds' items)."""
    from marketplace.admission.models import Application, ApplicationStatus

    if agency.status is not AgencyStatus.ADMITTED:
        return []
    by_items = ServiceItem.filter(
        agency_id=agency.id, status__in=(ServiceStatus.PUBLISHED, ServiceStatus.WITHDRAWN)
    ).values_list("category_id", flat=True)
    by_rounds = Application.filter(
        agency_id=agency.id, status=ApplicationStatus.ADMITTED
    ).values_list("category_id", flat=True)
    ids = {*await by_items, *await by_rounds}
    return list(await Category.filter(id__in=list(ids)).order_by("position", "id"))


def _check_owner(agency: Agency, item: ServiceItem) -> None:
    if item.agency_id != agency.id:
        raise ListingRefused(N_("This service item is not your agency's."))


def _check_admitted(agency: Agency) -> None:
    if agency.status is not AgencyStatus.ADMITTED:
        raise ListingRefused(N_("Only an admitted agency can change its listings."))


async def open_change_for_item(item: ServiceItem) -> ListingChange | None:
    """The item's change that is not yet approved (at most one at a time)."""
    return (
        await ListingChange.filter(item_id=item.id, status__in=OPEN_STATUSES)
        .order_by("-id")
        .first()
    )


# --- checking what was typed -----------------------------------------------------------


def _text(values: Mapping[str, Any], name: str, errors: dict[str, Message]) -> str:
    raw = values.get(name, "")
    text = raw.strip() if isinstance(raw, str) else ""
    limit = _LIMITS.get(name, 5000)
    if len(text) > limit:
        errors[name] = Message(N_("Use at most %(count)s characters."), {"count": limit})
    return text


def clean_item(values: Mapping[str, Any]) -> dict[str, Any]:
    """The item fields of a draft, checked; ``FormError`` names each problem."""
    errors: dict[str, Message] = {}
    clean: dict[str, Any] = {}
    for name in ("title", "scope", "content", "legal_basis", "fee_basis", "commitments"):
        clean[name] = _text(values, name, errors)
        if name in _REQUIRED_ITEM_TEXT and not clean[name] and name not in errors:
            errors[name] = Message(N_("This field is required."))
    days = values.get("time_limit_days")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= _MAX_TIME_LIMIT:
        errors["time_limit_days"] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."),
            {"low": 1, "high": _MAX_TIME_LIMIT},
        )
    clean["time_limit_days"] = days
    standard = values.get("fee_standard")
    try:
        parse_fee_standard(standard if isinstance(standard, Mapping) else {})
    except FeeStandardError:
        errors.setdefault(
            "fee_type",
            Message(N_("The fee standard is incomplete: fill in the fields of its fee type.")),
        )
    clean["fee_standard"] = dict(standard) if isinstance(standard, Mapping) else {}
    if errors:
        raise FormError(errors)
    return clean


def clean_profile(values: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, Message] = {}
    clean = {name: _text(values, name, errors) for name in PROFILE_FIELDS}
    if not clean["address"] and "address" not in errors:
        errors["address"] = Message(N_("This field is required."))
    if errors:
        raise FormError(errors)
    return clean


def clean_qualification(values: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    errors: dict[str, Message] = {}
    clean: dict[str, Any] = {}
    for name in ("name", "certificate_no", "issuer"):
        clean[name] = _text(values, name, errors)
        if not clean[name] and name not in errors:
            errors[name] = Message(N_("This field is required."))
    grade = values.get("grade") or None
    if grade is not None and grade not in GRADES:
        errors["grade"] = Message(N_("Choose one of the grades."))
    clean["grade"] = grade
    expires = values.get("expires_on")
    if not isinstance(expires, dt.date):
        errors.setdefault("expires_on", Message(N_("Enter the date as YYYY-MM-DD.")))
    elif expires <= today:
        errors["expires_on"] = Message(N_("The certificate must be valid after today."))
    clean["expires_on"] = expires.isoformat() if isinstance(expires, dt.date) else None
    digest = values.get("certificate_sha256") or ""
    if not isinstance(digest, str) or len(digest) != 64:
        errors["certificate"] = Message(N_("Attach the certificate as a PDF file."))
    clean["certificate_sha256"] = digest
    clean["certificate_name"] = str(values.get("certificate_name") or "certificate.pdf")[:128]
    if errors:
        raise FormError(errors)
    return clean


# --- drafts --------------------------------------------------------------------------


async def _save_draft(
    change: ListingChange | None,
    *,
    agency: Agency,
    kind: ChangeKind,
    proposed: dict[str, Any],
    actor_id: int | None,
    item: ServiceItem | None = None,
    qualification: Qualification | None = None,
) -> ListingChange:
    if change is not None:
        if change.status is ChangeStatus.PENDING_REVIEW:
            raise ListingRefused(N_("This change is waiting for the office's review."))
        change.proposed = proposed
        change.status = ChangeStatus.DRAFT
        await change.save(update_fields=["proposed", "status"])
        return change
    return await ListingChange.create(
        agency=agency,
        kind=kind,
        item=item,
        qualification=qualification,
        proposed=proposed,
        created_by_id=actor_id,
    )


async def draft_item_edit(
    agency: Agency, item: ServiceItem, values: Mapping[str, Any], *, actor_id: int | None
) -> ListingChange:
    """New content for a published item, kept beside the live version until approved."""
    _check_admitted(agency)
    _check_owner(agency, item)
    if item.status is not ServiceStatus.PUBLISHED:
        raise ListingRefused(N_("Only a published item can be edited."))
    proposed = clean_item(values)
    existing = await open_change_for_item(item)
    if existing is not None and existing.kind is not ChangeKind.ITEM_EDIT:
        raise ListingRefused(N_("This item already has a change waiting; finish that first."))
    return await _save_draft(
        existing,
        agency=agency,
        kind=ChangeKind.ITEM_EDIT,
        proposed=proposed,
        actor_id=actor_id,
        item=item,
    )


async def draft_new_item(
    agency: Agency,
    category: Category,
    values: Mapping[str, Any],
    *,
    actor_id: int | None,
    change: ListingChange | None = None,
) -> ListingChange:
    """A new item in a category the agency is admitted to: a ``draft`` item, shown
    nowhere, that becomes ``pending_review`` when submitted and is published on approval."""
    _check_admitted(agency)
    if category.id not in {c.id for c in await admitted_categories(agency)}:
        raise ListingRefused(N_("Your agency is not admitted to this category."))
    proposed = clean_item(values)
    async with in_transaction():
        if change is not None:
            assert change.item_id is not None and change.agency_id == agency.id
            item = await ServiceItem.get(id=change.item_id)
        else:
            item = await ServiceItem.create(
                agency=agency,
                category=category,
                fee_type=proposed["fee_standard"]["type"],
                status=ServiceStatus.DRAFT,
                **{k: v for k, v in proposed.items()},
            )
        for name, value in proposed.items():
            setattr(item, name, value)
        item.fee_type = proposed["fee_standard"]["type"]
        await item.save()
        return await _save_draft(
            change,
            agency=agency,
            kind=ChangeKind.ITEM_NEW,
            proposed=proposed,
            actor_id=actor_id,
            item=item,
        )


async def draft_withdrawal(
    agency: Agency, item: ServiceItem, *, reason: str, actor_id: int | None
) -> ListingChange:
    """Ask to take a published item down (orders placed on it keep their version)."""
    _check_admitted(agency)
    _check_owner(agency, item)
    if item.status is not ServiceStatus.PUBLISHED:
        raise ListingRefused(N_("Only a published item can be withdrawn."))
    reason = reason.strip()[:1000]
    existing = await open_change_for_item(item)
    if existing is not None and existing.kind is not ChangeKind.ITEM_WITHDRAW:
        raise ListingRefused(N_("This item already has a change waiting; finish that first."))
    return await _save_draft(
        existing,
        agency=agency,
        kind=ChangeKind.ITEM_WITHDRAW,
        proposed={"reason": reason},
        actor_id=actor_id,
        item=item,
    )


async def draft_profile(
    agency: Agency, values: Mapping[str, Any], *, actor_id: int | None
) -> ListingChange:
    """New address, phone or introduction for the agency's public profile."""
    _check_admitted(agency)
    proposed = clean_profile(values)
    existing = (
        await ListingChange.filter(
            agency_id=agency.id, kind=ChangeKind.PROFILE, status__in=OPEN_STATUSES
        )
        .order_by("-id")
        .first()
    )
    return await _save_draft(
        existing, agency=agency, kind=ChangeKind.PROFILE, proposed=proposed, actor_id=actor_id
    )


async def draft_qualification(
    agency: Agency,
    values: Mapping[str, Any],
    *,
    actor_id: int | None,
    today: dt.date,
    renews: Qualification | None = None,
) -> ListingChange:
    """A new qualification, or the renewal of ``renews`` (a new certificate, a later
    expiry): both are published only when the office approves them."""
    _check_admitted(agency)
    if renews is not None and renews.agency_id != agency.id:
        raise ListingRefused(N_("This qualification is not your agency's."))
    proposed = clean_qualification(values, today=today)
    taken = Qualification.filter(agency_id=agency.id, certificate_no=proposed["certificate_no"])
    if renews is not None:
        taken = taken.exclude(id=renews.id)
    if await taken.exists():
        raise FormError.single(
            "certificate_no", N_("Your agency already lists a certificate with this number.")
        )
    kind = ChangeKind.QUALIFICATION_RENEWAL if renews else ChangeKind.QUALIFICATION_NEW
    existing = None
    if renews is not None:
        existing = (
            await ListingChange.filter(qualification_id=renews.id, status__in=OPEN_STATUSES)
            .order_by("-id")
            .first()
        )
    return await _save_draft(
        existing,
        agency=agency,
        kind=kind,
        proposed=proposed,
        actor_id=actor_id,
        qualification=renews,
    )


async def submit(change: ListingChange, agency: Agency) -> ListingChange:
    """Send a draft (or a returned one, edited or not) to the office's review queue."""
    if change.agency_id != agency.id:
        raise ListingRefused(N_("This change is not your agency's."))
    async with in_transaction():
        updated = await ListingChange.filter(
            id=change.id, status__in=(ChangeStatus.DRAFT, ChangeStatus.RETURNED)
        ).update(status=ChangeStatus.PENDING_REVIEW, submitted_at=beijing_now())
        if not updated:
            raise ListingRefused(N_("This change has already been submitted."))
        if change.kind is ChangeKind.ITEM_NEW and change.item_id is not None:
            await ServiceItem.filter(id=change.item_id, status=ServiceStatus.DRAFT).update(
                status=ServiceStatus.PENDING_REVIEW
            )
    await change.refresh_from_db()
    return change


# --- the office's review -------------------------------------------------------------


async def review_queue() -> list[ListingChange]:
    """Submitted changes, oldest first, with their agency, item and qualification."""
    return list(
        await ListingChange.filter(status=ChangeStatus.PENDING_REVIEW)
        .select_related("agency", "item", "qualification")
        .order_by("submitted_at", "id")
    )


async def agency_changes(agency_id: int) -> list[ListingChange]:
    """The agency's changes, newest first (the workspace's list)."""
    return list(
        await ListingChange.filter(agency_id=agency_id)
        .select_related("agency", "item", "qualification")
        .order_by("-id")
    )


async def approve(change_id: int, *, reviewer_id: int) -> ListingChange | None:
    """Publish a submitted change; ``None`` when it is no longer waiting (another
    reviewer decided it first), so the same draft is never published twice."""
    from marketplace.catalog import qualifications

    now = beijing_now()
    async with in_transaction():
        # the guard: of concurrent approvals only one changes the row
        if not await ListingChange.filter(id=change_id, status=ChangeStatus.PENDING_REVIEW).update(
            status=ChangeStatus.APPROVED, reviewed_by_id=reviewer_id, reviewed_at=now
        ):
            return None
        change = await ListingChange.get(id=change_id).select_related("agency")
        if change.kind in (ChangeKind.ITEM_EDIT, ChangeKind.ITEM_NEW):
            item = await ServiceItem.get(id=change.item_id)
            for name in ITEM_FIELDS:
                setattr(item, name, change.proposed[name])
            item.fee_type = change.proposed["fee_standard"]["type"]
            await item.save(update_fields=[*ITEM_FIELDS, "fee_type", "updated_at"])
            version = await publish_service_item(item, now=now.astimezone(dt.UTC))
            change.published_version = version.version
            await change.save(update_fields=["published_version"])
        elif change.kind is ChangeKind.ITEM_WITHDRAW:
            await ServiceItem.filter(id=change.item_id).update(status=ServiceStatus.WITHDRAWN)
            await queue_reindex([change.item_id] if change.item_id else [])
        elif change.kind is ChangeKind.PROFILE:
            await Agency.filter(id=change.agency_id).update(
                **{name: change.proposed[name] for name in PROFILE_FIELDS}
            )
        else:
            values = {
                name: change.proposed[name]
                for name in QUALIFICATION_FIELDS
                if name in change.proposed
            }
            values["expires_on"] = dt.date.fromisoformat(values["expires_on"])
            if change.kind is ChangeKind.QUALIFICATION_RENEWAL:
                await Qualification.filter(id=change.qualification_id).update(
                    **values, reminded_30_at=None, reminded_7_at=None
                )
            else:
                qualification = await Qualification.create(agency_id=change.agency_id, **values)
                change.qualification_id = qualification.id
                await change.save(update_fields=["qualification_id"])
            await qualifications.refresh_holds(agency_ids=[change.agency_id], day=now.date())
        forget_cached_pages()
        await _tell_agency(change, N_("The office approved your change: it is published."))
    return change


async def return_change(change_id: int, *, reviewer_id: int, reason: str) -> ListingChange | None:
    """Send a submitted change back with ``reason``, which the agency sees; ``None`` when
    it is no longer waiting."""
    reason = reason.strip()
    if not reason:
        raise FormError.single("reason", N_("Say why the change is returned."))
    if len(reason) > 2000:
        raise FormError.single("reason", N_("Use at most %(count)s characters."), count=2000)
    async with in_transaction():
        if not await ListingChange.filter(id=change_id, status=ChangeStatus.PENDING_REVIEW).update(
            status=ChangeStatus.RETURNED,
            return_reason=reason,
            reviewed_by_id=reviewer_id,
            reviewed_at=beijing_now(),
        ):
            return None
        change = await ListingChange.get(id=change_id)
        if change.kind is ChangeKind.ITEM_NEW and change.item_id is not None:
            await ServiceItem.filter(id=change.item_id, status=ServiceStatus.PENDING_REVIEW).update(
                status=ServiceStatus.DRAFT
            )
        await _tell_agency(change, N_("The office returned your change: %(reason)s"), reason=reason)
    return change


async def _tell_agency(change: ListingChange, message: str, **params: object) -> None:
    """An in-app notice of the office's decision for the agency's staff (in the
    decision's transaction), linking to the change."""
    from marketplace.accounts.models import Role, User
    from marketplace.core.notifications import notify

    staff = await User.filter(agency_id=change.agency_id, is_active=True, roles__role=Role.AGENCY)
    await notify(None, list(staff), message, {**params, "listing_change": change.id}, None)


# --- what changes, field by field ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str  # the field's name (its label is the view's)
    # as shown to people ("" for a new item or qualification); a fee standard parsed,
    # for the page to show in full
    old: str | FeeStandard | None
    new: str | FeeStandard | None
    changed: bool


def _shown(name: str, value: Any) -> str | FeeStandard | None:
    if value is None:
        return ""
    if name == "fee_standard":
        try:
            return parse_fee_standard(value) if value else None
        except FeeStandardError:
            return None
    if name == "certificate_sha256":
        return str(value)[:12]
    return str(value)


def _live_values(change: ListingChange) -> dict[str, Any]:
    if change.kind is ChangeKind.ITEM_EDIT and change.item is not None:
        return {name: getattr(change.item, name) for name in ITEM_FIELDS}
    if change.kind is ChangeKind.PROFILE:
        return {name: getattr(change.agency, name) for name in PROFILE_FIELDS}
    if change.kind is ChangeKind.QUALIFICATION_RENEWAL and change.qualification is not None:
        q = change.qualification
        return {
            name: (q.expires_on.isoformat() if name == "expires_on" else getattr(q, name))
            for name in QUALIFICATION_FIELDS
        }
    if change.kind is ChangeKind.ITEM_WITHDRAW and change.item is not None:
        return {"title": change.item.title}
    return {}


def differences(change: ListingChange) -> list[FieldChange]:
    """Each field of the change against the live version (``item``, ``agency`` and
    ``qualification`` loaded), in the form's order; the fee standard and the time limit
    are compared as people read them."""
    live = _live_values(change)
    if change.kind is ChangeKind.ITEM_WITHDRAW:
        return [
            FieldChange("status", _shown("title", live.get("title")), "", True),
            FieldChange("reason", "", str(change.proposed.get("reason", "")), True),
        ]
    names: Sequence[str]
    if change.kind in (ChangeKind.ITEM_EDIT, ChangeKind.ITEM_NEW):
        names = ITEM_FIELDS
    elif change.kind is ChangeKind.PROFILE:
        names = PROFILE_FIELDS
    else:
        names = QUALIFICATION_FIELDS
    rows = []
    for name in names:
        before, after = live.get(name), change.proposed.get(name)
        changed = _shown(name, before) != _shown(name, after)
        if name == "fee_standard":
            changed = (before or {}) != (after or {})
        rows.append(FieldChange(name, _shown(name, before), _shown(name, after), changed))
    return rows
