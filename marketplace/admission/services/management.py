"""Dynamic management (动态管理): the office suspends, reinstates or removes an admitted agency
with a public reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

from tortoise.transactions import in_transaction

from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationStatus,
    RoundStatus,
)
from marketplace.admission.services.common import (
    clean_text,
    now_or_clock,
    record,
    refuse,
    require_role,
)
from marketplace.admission.workflow import AGENCY_TRANSITIONS, AgencyEffect
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    Agency,
    AgencyStatus,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_

SANCTION_KINDS = ("agency_suspended", "agency_reinstated", "agency_removed")


# What else a step of dynamic management does, in its transaction (its row's effect).
AGENCY_EFFECTS: dict[AgencyEffect, Callable[[Agency], Awaitable[None]]] = {
    AgencyEffect.WITHDRAW_ITEMS: catalog.withdraw_agency_items,
}


async def manage_agency(
    agency: Agency,
    *,
    to: AgencyStatus,
    reason: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Agency:
    """Suspend, reinstate or remove (清退) an admitted agency, with a public reason.

    A suspended agency disappears from the storefront until it is reinstated; a removed
    one for good, and its items are withdrawn.
    """
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    spec = AGENCY_TRANSITIONS.find(agency.status, to, Role.ADMIN)
    if spec is None:
        raise refuse(N_("This agency cannot be moved to that status."))
    errors: dict[str, Message] = {}
    reason = clean_text(reason, "reason", errors, 2000, required=spec.needs_reason)
    if errors:
        raise FormError(errors)
    admitted_in = (
        await Application.filter(
            agency=agency, status=ApplicationStatus.ADMITTED, round__status=RoundStatus.CONCLUDED
        )
        .order_by("-round_id")
        .first()
    )
    round = await AdmissionRound.get(id=admitted_in.round_id) if admitted_in is not None else None
    async with in_transaction():
        if not await catalog.change_agency_status(agency, to):
            raise refuse(N_("The agency was changed a moment ago; reload the page."))
        if spec.effect:
            await AGENCY_EFFECTS[AgencyEffect(spec.effect)](agency)
        await record(
            spec.event_name,
            round=round,
            at=now,
            actor=actor,
            agency_id=agency.id,
            reason=reason,
        )
    return agency
