"""Recording credit records and applying their effects (a suspension through the catalogue)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.catalog.services import forget_cached_pages, suspend_orders
from marketplace.core.uploads import StoredFile
from marketplace.credit.models import CreditRecord, CreditRecordFile
from marketplace.credit.rules import REASONS
from marketplace.forms import FormError, Message
from marketplace.i18n import N_
from marketplace.orders.services import OrderRefused

__all__ = ["record"]


async def record(
    agency: Agency,
    *,
    actor: CurrentUser,
    reason: str,
    description: str,
    evidence: str,
    occurred_on: str,
    today: dt.date,
    files: Sequence[StoredFile] = (),
) -> CreditRecord:
    """Record a violation or commendation; a suspending one takes the agency's listings out
    of the storefront and search, and stops new orders, until it ends. ``files`` are its
    evidence, stored and checked by content (``marketplace.core.uploads``) before."""
    if Role.ADMIN not in actor.roles:
        raise OrderRefused(N_("Only an administrator can record credit."))
    errors: dict[str, Message] = {}
    effect = REASONS.get(reason)
    if effect is None:
        errors["reason"] = Message(N_("Choose what is being recorded."))
    description = description.strip()
    if not description:
        errors["description"] = Message(N_("This field is required."))
    elif len(description) > 2000:
        errors["description"] = Message(N_("Use at most %(count)s characters."), {"count": 2000})
    try:
        day = dt.date.fromisoformat(occurred_on.strip())
        if day > today:
            errors["occurred_on"] = Message(N_("The date cannot be in the future."))
    except ValueError:
        errors["occurred_on"] = Message(N_("Enter a date such as 2027-10-01."))
    if errors or effect is None:
        raise FormError(errors)
    until = (
        today + dt.timedelta(days=effect.suspension_days - 1) if effect.suspension_days else None
    )
    async with in_transaction():
        credit = await CreditRecord.create(
            agency=agency,
            reason=reason,
            kind=effect.kind,
            description=description,
            evidence=evidence.strip()[:4000],
            occurred_on=day,
            points=effect.points,
            suspended_until=until,
            recorded_by_id=actor.id,
        )
        await CreditRecordFile.bulk_create(
            [
                CreditRecordFile(
                    record_id=credit.id,
                    uploaded_by_id=actor.id,
                    filename=f.filename,
                    content_type=f.content_type,
                    size_bytes=f.size_bytes,
                    sha256=f.sha256,
                )
                for f in files
            ]
        )
        if until is not None:
            await suspend_orders(agency, until)
    forget_cached_pages()
    return credit
