"""Shared pieces of the admission services: limits, the audit trail's event kinds, and the
helpers every step uses (the clock, text and number checks, the refusal, the role check,
the audit line).

Every change writes a line to the round's audit trail (``AdmissionEvent``); ``EVENT_KINDS``
says which lines are public. Times come in as ``now`` (default: the clock) so that a round
can be replayed with the dates it had, as the demo catalogue's first round is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission.labels import ROUND_STATUS_LABELS
from marketplace.admission.models import (
    AdmissionEvent,
    AdmissionRound,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.workflow import ApplicationEffect, ObjectionEffect, Transition
from marketplace.catalog.models import (
    AdmissionRoute,
    Category,
    MarketType,
)
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import BEIJING
from marketplace.core.clock import now as beijing_now
from marketplace.core.workdays import WorkCalendar
from marketplace.forms import FormError, Message
from marketplace.i18n import N_, gettext

# A merit-scored category needs at least this many reviewers without a conflict.
MIN_REVIEWERS_PER_CATEGORY = 2


MAX_PUBLICITY_DAYS = 30


MAX_ROWS = 10  # qualifications or proposed items in one application


GRADES = ("甲", "乙", "丙")


# Every kind of audit line, and whether the public sees it on the round's page.
EVENT_KINDS: dict[str, bool] = {
    "round_created": False,
    "round_updated": False,
    "criteria_set": False,
    "reviewer_assigned": False,
    "reviewer_unassigned": False,
    "announced": True,
    "holder_designated": True,
    "invitation_issued": False,
    "window_opened": True,
    "application_submitted": False,
    "application_updated": False,
    "application_withdrawn": False,
    "window_closed": True,
    "holder_missing": True,
    "application_passed": False,
    "application_failed": False,
    "scoring_opened": True,
    "conflict_declared": False,
    "scores_submitted": False,
    "results_published": True,
    "objection_lodged": True,
    "objection_upheld": True,
    "objection_dismissed": True,
    "result_changed": True,
    "agency_admitted": True,
    "concluded": True,
    "agency_suspended": True,
    "agency_reinstated": True,
    "agency_removed": True,
    "entry_settings_changed": False,
    "round_corrected": True,
}


ROUTE_BY_MARKET = {
    MarketType.MONOPOLY: AdmissionRoute.REQUIRED,
    MarketType.COMPETITIVE: AdmissionRoute.MERIT,
    MarketType.ABSENT: AdmissionRoute.RECRUITED,
}


# When one agency is admitted in categories of different market types, its route is the
# first of these it has.
ROUTE_PRIORITY = (AdmissionRoute.REQUIRED, AdmissionRoute.MERIT, AdmissionRoute.RECRUITED)


def now_or_clock(now: dt.datetime | None) -> dt.datetime:
    return now or beijing_now()


async def office_calendar() -> WorkCalendar:
    """The working-day calendar with the office's holiday table (``Holiday``/``HolidayYear``),
    the one the orders' time limits use: an admission deadline moves with a holiday the
    office enters."""
    return await load_calendar()


def beijing_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BEIJING).date()


def clean_text(
    value: str, name: str, errors: dict[str, Message], max_length: int, *, required: bool = True
) -> str:
    value = value.strip()
    if required and not value:
        errors[name] = Message(N_("This field is required."))
    elif len(value) > max_length:
        errors[name] = Message(N_("Use at most %(count)s characters."), {"count": max_length})
    return value


def int_in(value: int | None, name: str, errors: dict[str, Message], low: int, high: int) -> int:
    if value is None:
        errors[name] = Message(N_("This field is required."))
        return low
    if not low <= value <= high:
        errors[name] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."), {"low": low, "high": high}
        )
    return value


async def record(
    kind: str,
    *,
    round: AdmissionRound | None,
    at: dt.datetime,
    actor: User | None = None,
    category_id: int | None = None,
    agency_id: int | None = None,
    application_id: int | None = None,
    reason: str = "",
    **detail: Any,
) -> AdmissionEvent:
    return await AdmissionEvent.create(
        round=round,
        at=at,
        kind=kind,
        public=EVENT_KINDS[kind],
        actor=actor,
        category_id=category_id,
        agency_id=agency_id,
        application_id=application_id,
        reason=reason,
        detail=detail,
    )


async def require_role(actor: User | None, role: Role) -> User:
    """``actor``, who must hold ``role`` (the role the transition table names)."""
    if actor is None or role not in await accounts.user_roles(actor):
        raise FormError.single("", N_("Your role does not allow this step."))
    return actor


def refuse(message: str, field_name: str = "", **params: object) -> FormError:
    return FormError({field_name: Message(message, params)})


def check_status(round: AdmissionRound, *statuses: RoundStatus) -> None:
    if round.status not in statuses:
        raise refuse(
            N_("This cannot be done while the round is “%(status)s”."),
            # the status is shown inside the sentence, in the reader's language
            status=gettext(ROUND_STATUS_LABELS[round.status]),
        )


async def round_category(round: AdmissionRound, category: Category) -> RoundCategory | None:
    return await RoundCategory.get_or_none(round=round, category=category)


# --- what a transition records besides the status (its row's ``effect``) -------------


@dataclass(frozen=True, slots=True)
class Step:
    """One application or objection transition being made, as its effect functions see
    it."""

    now: dt.datetime
    reason: str = ""
    actor: User | None = None


def _withdrawn(step: Step) -> dict[str, Any]:
    return {"updated_at": step.now}


def _reviewed(step: Step) -> dict[str, Any]:
    return {"review_reason": step.reason, "reviewed_at": step.now}


def _disqualified(step: Step) -> dict[str, Any]:
    return {"result_reason": step.reason, "rank": None}


def _decided(step: Step) -> dict[str, Any]:
    return {"decision": step.reason, "decided_at": step.now, "decided_by": step.actor}


APPLICATION_CHANGES: dict[ApplicationEffect, Callable[[Step], dict[str, Any]]] = {
    ApplicationEffect.WITHDRAW: _withdrawn,
    ApplicationEffect.REVIEW: _reviewed,
    ApplicationEffect.DISQUALIFY: _disqualified,
}

# Every decision records the same; upholding does more (``publicity.OBJECTION_EFFECTS``).
OBJECTION_CHANGES: dict[ObjectionEffect, Callable[[Step], dict[str, Any]]] = {
    ObjectionEffect.DECIDE: _decided,
    ObjectionEffect.UPHOLD: _decided,
}


def changes_of(
    registry: Mapping[Any, Callable[[Step], dict[str, Any]]], spec: Transition, step: Step
) -> dict[str, Any]:
    """The fields ``spec``'s effect records (none for a row without one)."""
    change = registry.get(spec.effect) if spec.effect else None
    return change(step) if change is not None else {}
