"""Publicity and objections (公示与异议): the results are published for the publicity period,
anyone may object, the office decides each objection, and at the end the admitted agencies
and their items go live.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable

from tortoise.transactions import in_transaction

from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationStatus,
    Objection,
    ObjectionStatus,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services.common import (
    APPLICATION_CHANGES,
    OBJECTION_CHANGES,
    ROUTE_BY_MARKET,
    ROUTE_PRIORITY,
    Step,
    beijing_date,
    changes_of,
    check_status,
    clean_text,
    now_or_clock,
    office_calendar,
    record,
    refuse,
    require_role,
)
from marketplace.admission.services.scoring import apply_ranking, scored_candidates
from marketplace.admission.workflow import (
    APPLICATION_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    SYSTEM,
    ObjectionEffect,
)
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    AdmissionRoute,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_


def objections_are_open(round: AdmissionRound, now: dt.datetime | None = None) -> bool:
    """Whether the publicity period accepts objections now."""
    return (
        round.status is RoundStatus.PUBLICITY
        and round.publicity_ends_on is not None
        and beijing_date(now_or_clock(now)) <= round.publicity_ends_on
    )


async def publish_results(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    for entry in await RoundCategory.filter(round=round).order_by("position"):
        passed = await Application.filter(
            round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
        ).order_by("submitted_at", "id")
        if entry.scored:
            await apply_ranking(
                round, entry, await scored_candidates(round, entry, [a.id for a in passed])
            )
        else:
            # Monopoly: only the holder can have applied. Absent with no more qualified
            # applicants than places: all are admitted.
            for position, application in enumerate(passed, start=1):
                await Application.filter(id=application.id).update(
                    status=ApplicationStatus.ADMITTED, rank=position
                )
    today = beijing_date(now)
    round.results_published_at = now
    round.publicity_starts_on = today
    calendar = await office_calendar()
    round.publicity_ends_on = calendar.add_working_days(today, round.publicity_days)
    await round.save(
        update_fields=["results_published_at", "publicity_starts_on", "publicity_ends_on"]
    )
    await record(
        "results_published",
        round=round,
        at=now,
        actor=actor,
        publicity_ends_on=round.publicity_ends_on.isoformat(),
        calendar_covered=calendar.is_covered(round.publicity_ends_on.year),
    )


async def make_live(
    round: AdmissionRound,
    application: Application,
    *,
    route: AdmissionRoute,
    agency_route: AdmissionRoute,
    now: dt.datetime,
) -> bool:
    """An admitted application goes live, in the caller's transaction: its agency (if an
    applicant: admitted by ``agency_route``), its qualifications and its items, published.
    ``application`` comes with its agency, category, qualifications and items; False when
    the agency was suspended or removed meanwhile and nothing went live."""
    today = beijing_date(now)
    agency = application.agency
    brought = [
        catalog.HeldQualification(
            name=q.name,
            grade=q.grade,
            certificate_no=q.certificate_no,
            issuer=q.issuer,
            expires_on=q.expires_on,
        )
        for q in application.qualifications
    ]
    if not await catalog.admit_agency(agency, route=agency_route, on=today, qualifications=brought):
        return False  # suspended or removed meanwhile: nothing goes live
    for proposed in application.items:
        item = await catalog.create_service_item(
            agency=agency,
            category=application.category,
            title=proposed.title,
            scope=proposed.scope,
            content=proposed.content,
            legal_basis=proposed.legal_basis,
            fee_basis=proposed.fee_basis,
            fee_standard=proposed.fee_standard,
            time_limit_days=proposed.time_limit_days,
            commitments=proposed.commitments,
        )
        await catalog.publish_service_item(item, now=now)
        proposed.service_item = item
        await proposed.save(update_fields=["service_item_id"])
    await record(
        "agency_admitted",
        round=round,
        at=now,
        category_id=application.category_id,
        agency_id=agency.id,
        application_id=application.id,
        route=route.value,
    )
    return True


async def conclude(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    """The admitted agencies and their proposed items go live, all in the caller's
    transaction."""
    entries = {e.category_id: e for e in await RoundCategory.filter(round=round)}
    # in the order the applications came in, so that ids follow the applications
    admitted = (
        await Application.filter(round=round, status=ApplicationStatus.ADMITTED)
        .order_by("id")
        .select_related("agency", "category")
        .prefetch_related("qualifications", "items")
    )
    routes: dict[int, set[AdmissionRoute]] = defaultdict(set)
    for application in admitted:
        routes[application.agency_id].add(
            ROUTE_BY_MARKET[entries[application.category_id].market_type]
        )
    for application in admitted:
        await make_live(
            round,
            application,
            route=ROUTE_BY_MARKET[entries[application.category_id].market_type],
            agency_route=next(r for r in ROUTE_PRIORITY if r in routes[application.agency_id]),
            now=now,
        )
    round.concluded_at = now
    await round.save(update_fields=["concluded_at"])
    await record(
        "concluded",
        round=round,
        at=now,
        actor=actor,
        admitted=len({a.agency_id for a in admitted}),
    )


async def lodge_objection(
    round: AdmissionRound,
    *,
    application: Application | None,
    name: str,
    contact: str,
    text: str,
    now: dt.datetime | None = None,
) -> Objection:
    """Anyone objects to a published result during the publicity period (异议)."""
    now = now_or_clock(now)
    check_status(round, RoundStatus.PUBLICITY)
    if not objections_are_open(round, now):
        raise refuse(N_("The publicity period has ended: objections are no longer accepted."))
    errors: dict[str, Message] = {}
    name = clean_text(name, "objector_name", errors, 64)
    contact = clean_text(contact, "contact", errors, 128)
    text = clean_text(text, "text", errors, 2000)
    if "text" not in errors and len(text) < 10:
        errors["text"] = Message(
            N_("Say what is wrong and why, in at least %(count)s characters."), {"count": 10}
        )
    if application is not None and (
        application.round_id != round.id
        or application.status not in (ApplicationStatus.ADMITTED, ApplicationStatus.NOT_ADMITTED)
    ):
        errors["application"] = Message(N_("Choose a result published in this round."))
    if errors:
        raise FormError(errors)
    async with in_transaction():
        objection = await Objection.create(
            round=round,
            application=application,
            objector_name=name,
            contact=contact,
            text=text,
            lodged_at=now,
        )
        # the receipt the objector follows the objection with: year and a running number
        objection.receipt_no = receipt_number(beijing_date(now).year, objection.id)
        await objection.save(update_fields=["receipt_no"])
        await record(
            "objection_lodged",
            round=round,
            at=now,
            category_id=application.category_id if application else None,
            agency_id=application.agency_id if application else None,
            application_id=application.id if application else None,
            objection_id=objection.id,
        )
    return objection


RECEIPT_PREFIX = "YY"  # 异议


def receipt_number(year: int, objection_id: int) -> str:
    """An objection's receipt number, e.g. ``YY202600012``."""
    return f"{RECEIPT_PREFIX}{year}{objection_id:05d}"


def clean_receipt(text: str) -> str:
    """A receipt number as people type it: spaces dropped, letters upper-cased."""
    return "".join(text.split()).upper()[:32]


async def objection_by_receipt(receipt: str) -> Objection | None:
    """The objection with this receipt number, with what it is about (its contact is not
    for the public)."""
    receipt = clean_receipt(receipt)
    if not receipt:
        return None
    return (
        await Objection.filter(receipt_no=receipt)
        .select_related("round", "application", "application__agency", "application__category")
        .first()
    )


async def decide_objection(
    objection: Objection,
    *,
    uphold: bool,
    reason: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Objection:
    """Uphold or dismiss an objection with a written reason.

    Upholding takes the application it names out of the results (disqualified) and ranks
    its category again, so the next qualified applicant may move up; every change is a
    public line of the audit trail.
    """
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=objection.round_id)
    check_status(round, RoundStatus.PUBLICITY)
    target = ObjectionStatus.UPHELD if uphold else ObjectionStatus.DISMISSED
    spec = OBJECTION_TRANSITIONS.find(objection.status, target, Role.ADMIN)
    if spec is None:
        raise refuse(N_("This objection has been decided already."))
    errors: dict[str, Message] = {}
    reason = clean_text(reason, "reason", errors, 2000, required=spec.needs_reason)
    if spec.effect == ObjectionEffect.UPHOLD and objection.application_id is None:
        errors["reason"] = Message(
            N_("This objection names no result to change: it can only be dismissed.")
        )
    if errors:
        raise FormError(errors)
    changes = changes_of(OBJECTION_CHANGES, spec, Step(now=now, reason=reason, actor=actor))
    async with in_transaction():
        claimed = await Objection.filter(id=objection.id, status__in=list(spec.sources)).update(
            status=target, **changes
        )
        if claimed != 1:
            raise refuse(N_("This objection has been decided already."))
        await objection.refresh_from_db()
        application = (
            await Application.get(id=objection.application_id)
            if objection.application_id is not None
            else None
        )
        await record(
            spec.event_name,
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id if application else None,
            agency_id=application.agency_id if application else None,
            application_id=application.id if application else None,
            reason=reason,
            objection_id=objection.id,
        )
        effect = OBJECTION_EFFECTS.get(ObjectionEffect(spec.effect))
        if effect is not None and application is not None:
            await effect(round, application, reason=reason, actor=actor, now=now)
    return objection


async def _disqualify(
    round: AdmissionRound, application: Application, *, reason: str, actor: User, now: dt.datetime
) -> None:
    spec = APPLICATION_TRANSITIONS["disqualify"]
    if application.status not in spec.sources:
        raise refuse(N_("This result cannot be changed any more."))
    assert spec.target is not None
    previous = application.status
    await Application.filter(id=application.id).update(
        status=spec.target, **changes_of(APPLICATION_CHANGES, spec, Step(now=now, reason=reason))
    )
    await record(
        spec.event_name,
        round=round,
        at=now,
        actor=actor,
        category_id=application.category_id,
        agency_id=application.agency_id,
        application_id=application.id,
        reason=reason,
        before=previous.value,
        after=ApplicationStatus.DISQUALIFIED.value,
    )
    entry = await RoundCategory.get(round=round, category_id=application.category_id)
    if not entry.scored:
        return
    remaining = await Application.filter(
        round=round,
        category_id=application.category_id,
        status__in=[ApplicationStatus.ADMITTED, ApplicationStatus.NOT_ADMITTED],
    )
    before = {a.id: a.status for a in remaining}
    after = await apply_ranking(round, entry, await scored_candidates(round, entry, before))
    for application_id in sorted(before):
        if before[application_id] != after[application_id]:
            assert APPLICATION_TRANSITIONS.allows(
                before[application_id], after[application_id], SYSTEM
            )
            moved = next(a for a in remaining if a.id == application_id)
            await record(
                "result_changed",
                round=round,
                at=now,
                category_id=moved.category_id,
                agency_id=moved.agency_id,
                application_id=moved.id,
                reason=reason,
                before=before[application_id].value,
                after=after[application_id].value,
            )


# What else a decided objection does, after its decision is recorded (given the
# application it names): upholding disqualifies that result and ranks its category again.
OBJECTION_EFFECTS: dict[ObjectionEffect, Callable[..., Awaitable[None]]] = {
    ObjectionEffect.UPHOLD: _disqualify,
}


# Statuses in which a round's results are public.
RESULTS_PUBLIC = (RoundStatus.PUBLICITY, RoundStatus.CONCLUDED)


_RESULT_STATUSES = (
    ApplicationStatus.ADMITTED,
    ApplicationStatus.NOT_ADMITTED,
    ApplicationStatus.DISQUALIFIED,
)


async def results(round: AdmissionRound) -> dict[int, list[Application]]:
    """Category id → the published results, best first (empty before publicity)."""
    if round.status not in RESULTS_PUBLIC:
        return {}
    applications = await Application.filter(
        round=round, status__in=list(_RESULT_STATUSES)
    ).select_related("agency")
    applications.sort(key=lambda a: (a.rank is None, a.rank or 0, a.id))
    by_category: dict[int, list[Application]] = defaultdict(list)
    for application in applications:
        by_category[application.category_id].append(application)
    return dict(by_category)


async def round_objections(round: AdmissionRound) -> list[Objection]:
    return (
        await Objection.filter(round=round)
        .select_related("application", "application__agency", "application__category")
        .order_by("id")
    )
