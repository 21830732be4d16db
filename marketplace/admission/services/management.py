"""Dynamic management (动态管理): the office suspends, reinstates or removes an admitted agency
with a public reason.
"""

from __future__ import annotations

import datetime as dt

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
from marketplace.admission.workflow import (
    AGENCY_TRANSITIONS,
    allowed,
)
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    Agency,
    AgencyStatus,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_

SANCTION_KINDS = ("agency_suspended", "agency_reinstated", "agency_removed")


_SANCTION_EVENTS = {
    AgencyStatus.SUSPENDED: "agency_suspended",
    AgencyStatus.ADMITTED: "agency_reinstated",
    AgencyStatus.EXITED: "agency_removed",
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
    if not allowed(AGENCY_TRANSITIONS, agency.status, to, Role.ADMIN):
        raise refuse(N_("This agency cannot be moved to that status."))
    errors: dict[str, Message] = {}
    reason = clean_text(reason, "reason", errors, 2000)
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
        await record(
            _SANCTION_EVENTS[to],
            round=round,
            at=now,
            actor=actor,
            agency_id=agency.id,
            reason=reason,
        )
    return agency
