"""The qualification review (资格审查): the window closes (a designated holder that has not
applied is published as missing) and the office passes or fails each application.
"""

from __future__ import annotations

import datetime as dt

from tortoise.transactions import in_transaction

from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationStatus,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services.common import (
    APPLICATION_CHANGES,
    Step,
    changes_of,
    check_status,
    clean_text,
    now_or_clock,
    record,
    refuse,
    require_role,
)
from marketplace.admission.workflow import APPLICATION_TRANSITIONS
from marketplace.catalog.models import (
    MarketType,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_


async def review_application(
    application: Application,
    *,
    passed: bool,
    reason: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Application:
    """Record the qualification review: pass or fail, with a reason the applicant sees
    (required for a failure). The decision may be revised until scoring starts."""
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=application.round_id)
    check_status(round, RoundStatus.UNDER_REVIEW)
    target = ApplicationStatus.PASSED if passed else ApplicationStatus.FAILED
    spec = APPLICATION_TRANSITIONS.find(application.status, target, Role.ADMIN)
    if spec is None:
        raise refuse(N_("This application has this decision already."))
    errors: dict[str, Message] = {}
    reason = clean_text(reason, "reason", errors, 2000, required=spec.needs_reason)
    if errors:
        raise FormError(errors)
    changes = changes_of(APPLICATION_CHANGES, spec, Step(now=now, reason=reason))
    async with in_transaction():
        # Claim the decision: of two administrators deciding at once, one changes nothing.
        claimed = await Application.filter(id=application.id, status=application.status).update(
            status=target, **changes
        )
        if claimed != 1:
            raise refuse(N_("The application was changed a moment ago; reload the page."))
        application.status = target
        for name, value in changes.items():
            setattr(application, name, value)
        await record(
            spec.event_name,
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id,
            agency_id=application.agency_id,
            application_id=application.id,
            reason=reason,
        )
    return application


async def close_window(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    received = (
        await Application.filter(round=round).exclude(status=ApplicationStatus.WITHDRAWN).count()
    )
    await record("window_closed", round=round, at=now, actor=actor, applications=received)
    for entry in await RoundCategory.filter(round=round, market_type=MarketType.MONOPOLY):
        applied = await Application.filter(
            round=round,
            category_id=entry.category_id,
            agency__credit_code=entry.holder_credit_code,
            status=ApplicationStatus.SUBMITTED,
        ).exists()
        if not applied:
            entry.holder_missing = True
            await entry.save(update_fields=["holder_missing"])
            await record(
                "holder_missing",
                round=round,
                at=now,
                category_id=entry.category_id,
                holder=entry.holder_name,
            )
