"""Admission operations: the only code that changes admission state, and its read queries.

A round follows ``workflow.ROUND_TRANSITIONS``; each step checks its preconditions
(``transition_problems``) and does its work in one transaction. Every change writes a line
to the round's audit trail (``AdmissionEvent``); ``EVENT_KINDS`` says which lines are
public. Times come in as ``now`` (default: the clock) so that a round can be replayed with
the dates it had, as the demo catalogue's first round is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from email_validator import EmailNotValidError, validate_email
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission import scoring
from marketplace.admission.certificates import check_pdf, store_certificate
from marketplace.admission.labels import ROUND_STATUS_LABELS
from marketplace.admission.models import (
    AdmissionEvent,
    AdmissionRound,
    Application,
    ApplicationQualification,
    ApplicationStatus,
    ConflictDeclaration,
    Criterion,
    Invitation,
    InvitationKind,
    Objection,
    ObjectionStatus,
    ProposedItem,
    ReviewerAssignment,
    RoundCategory,
    RoundStatus,
    Score,
)
from marketplace.admission.workflow import (
    AGENCY_TRANSITIONS,
    APPLICATION_TRANSITIONS,
    OBJECTION_TRANSITIONS,
    ROUND_TRANSITIONS,
    SYSTEM,
    allowed,
)
from marketplace.catalog import services as catalog
from marketplace.catalog.fees import FeeStandardError, parse_fee_standard
from marketplace.catalog.models import (
    AdmissionRoute,
    Agency,
    AgencyStatus,
    Category,
    MarketType,
    Qualification,
    ServiceItem,
    ServiceStatus,
)
from marketplace.catalog.services import forget_cached_pages
from marketplace.core.clock import BEIJING
from marketplace.core.clock import now as beijing_now
from marketplace.core.workdays import add_working_days, is_covered
from marketplace.forms import FormError, Message
from marketplace.i18n import N_, gettext, translate, use_language
from marketplace.search.outbox import queue_reindex

__all__ = [
    "BEIJING",
    "DEFAULT_CRITERIA",
    "EVENT_KINDS",
    "MIN_REVIEWERS_PER_CATEGORY",
    "AccountInput",
    "ApplicationInput",
    "CertificateUpload",
    "CompanyInput",
    "CriterionInput",
    "ItemInput",
    "QualificationInput",
    "RoundInput",
    "apply_as_new_agency",
    "create_round",
    "decide_objection",
    "declare_conflicts",
    "designate_holder",
    "invite_agency",
    "lodge_objection",
    "manage_agency",
    "register_agency",
    "review_application",
    "set_criteria",
    "set_reviewers",
    "submit_application",
    "submit_scores",
    "transition_problems",
    "transition_round",
    "update_application",
    "update_round",
    "withdraw_application",
]

# A merit-scored category needs at least this many reviewers without a conflict.
MIN_REVIEWERS_PER_CATEGORY = 2
MAX_PUBLICITY_DAYS = 30
MAX_ROWS = 10  # qualifications or proposed items in one application
LETTER_PREFIX = "中介超市函"
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
}

ROUTE_BY_MARKET = {
    MarketType.MONOPOLY: AdmissionRoute.REQUIRED,
    MarketType.COMPETITIVE: AdmissionRoute.MERIT,
    MarketType.ABSENT: AdmissionRoute.RECRUITED,
}
# When one agency is admitted in categories of different market types, its route is the
# first of these it has.
_ROUTE_PRIORITY = (AdmissionRoute.REQUIRED, AdmissionRoute.MERIT, AdmissionRoute.RECRUITED)


@dataclass(frozen=True, slots=True)
class CriterionInput:
    name: str
    weight: int | None
    description: str = ""


# The criteria a new round starts with; the office may change them until it announces.
DEFAULT_CRITERIA: tuple[CriterionInput, ...] = (
    CriterionInput("资质等级与执业范围", 20, "资质证书的等级、专业类别与申报类别的匹配程度"),
    CriterionInput("专业技术人员", 20, "注册或持证专业技术人员的数量、专业结构和从业年限"),
    CriterionInput("近三年业绩", 20, "近三年同类项目的数量、规模和成果质量"),
    CriterionInput("信用记录", 15, "信用中国及行业信用平台记录，无不良记录得满分"),
    CriterionInput("服务承诺与办理时限", 15, "承诺时限较法定或行业时限的压缩程度，承诺的具体程度"),
    CriterionInput("收费标准", 10, "收费依据合规、标准公开透明，下浮幅度合理"),
)


@dataclass(frozen=True, slots=True)
class RoundInput:
    title: str
    notice: str
    conditions: str
    materials: str
    opens_on: dt.date | None
    closes_on: dt.date | None
    publicity_days: int | None
    min_score: int | None
    category_ids: Sequence[int]
    # Absent categories: how many agencies to recruit, by category id.
    places: Mapping[int, int | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CompanyInput:
    name: str
    credit_code: str
    legal_representative: str
    address: str
    city: str
    phone: str = ""
    name_en: str = ""
    established_on: dt.date | None = None
    staff_count: int | None = 0
    description: str = ""


@dataclass(frozen=True, slots=True)
class AccountInput:
    name: str
    email: str
    password: str
    phone: str = ""


@dataclass(frozen=True, slots=True)
class CertificateUpload:
    filename: str
    content: bytes


@dataclass(frozen=True, slots=True)
class QualificationInput:
    name: str
    grade: str | None
    certificate_no: str
    issuer: str
    expires_on: dt.date | None
    certificate: CertificateUpload | None = None
    # Keep the file of this qualification of the same application (when editing).
    keep_certificate_of: int | None = None


@dataclass(frozen=True, slots=True)
class ItemInput:
    title: str
    scope: str
    content: str
    legal_basis: str
    fee_basis: str
    fee_standard: Mapping[str, Any]
    time_limit_days: int | None
    commitments: str = ""


@dataclass(frozen=True, slots=True)
class ApplicationInput:
    key_staff: str
    past_performance: str
    qualifications: Sequence[QualificationInput]
    items: Sequence[ItemInput]


# --- helpers -------------------------------------------------------------------------


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or beijing_now()


def beijing_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(BEIJING).date()


def _text(
    value: str, name: str, errors: dict[str, Message], max_length: int, *, required: bool = True
) -> str:
    value = value.strip()
    if required and not value:
        errors[name] = Message(N_("This field is required."))
    elif len(value) > max_length:
        errors[name] = Message(N_("Use at most %(count)s characters."), {"count": max_length})
    return value


def _int_in(value: int | None, name: str, errors: dict[str, Message], low: int, high: int) -> int:
    if value is None:
        errors[name] = Message(N_("This field is required."))
        return low
    if not low <= value <= high:
        errors[name] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."), {"low": low, "high": high}
        )
    return value


async def _record(
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


async def _require(actor: User | None, role: Role) -> User:
    """``actor``, who must hold ``role`` (the role the transition table names)."""
    if actor is None or role not in await accounts.user_roles(actor):
        raise FormError.single("", N_("Your role does not allow this step."))
    return actor


def _refuse(message: str, field_name: str = "", **params: object) -> FormError:
    return FormError({field_name: Message(message, params)})


def _check_status(round: AdmissionRound, *statuses: RoundStatus) -> None:
    if round.status not in statuses:
        raise _refuse(
            N_("This cannot be done while the round is “%(status)s”."),
            # the status is shown inside the sentence, in the reader's language
            status=gettext(ROUND_STATUS_LABELS[round.status]),
        )


# --- rounds --------------------------------------------------------------------------


async def _clean_round(
    details: RoundInput, errors: dict[str, Message]
) -> list[tuple[Category, int]]:
    _text(details.title, "title", errors, 128)
    _text(details.notice, "notice", errors, 5000)
    _text(details.conditions, "conditions", errors, 5000)
    _text(details.materials, "materials", errors, 5000)
    if details.opens_on is None:
        errors["opens_on"] = Message(N_("Enter a date."))
    if details.closes_on is None:
        errors["closes_on"] = Message(N_("Enter a date."))
    elif details.opens_on is not None and details.closes_on < details.opens_on:
        errors["closes_on"] = Message(N_("The window cannot close before it opens."))
    _int_in(details.publicity_days, "publicity_days", errors, 1, MAX_PUBLICITY_DAYS)
    _int_in(details.min_score, "min_score", errors, 0, 100)
    chosen = await Category.filter(id__in=list(details.category_ids)).order_by("position", "id")
    if not chosen or len(chosen) != len(set(details.category_ids)):
        errors["categories"] = Message(N_("Choose at least one category."))
    entries: list[tuple[Category, int]] = []
    for category in chosen:
        if category.market_type is MarketType.COMPETITIVE:
            entries.append((category, category.quota or 1))
        elif category.market_type is MarketType.MONOPOLY:
            entries.append((category, 1))
        else:
            places = _int_in(
                details.places.get(category.id), f"places-{category.id}", errors, 1, 20
            )
            entries.append((category, places))
    return entries


async def _write_round_categories(
    round: AdmissionRound, entries: Sequence[tuple[Category, int]]
) -> None:
    await RoundCategory.filter(round=round).delete()
    await RoundCategory.bulk_create(
        [
            RoundCategory(
                round=round,
                category=category,
                market_type=category.market_type,
                places=places,
                position=position,
            )
            for position, (category, places) in enumerate(entries)
        ]
    )


async def create_round(
    *, details: RoundInput, actor: User | None, now: dt.datetime | None = None
) -> AdmissionRound:
    """Create a draft round with its categories and the default criteria."""
    actor = await _require(actor, Role.ADMIN)
    now = _now(now)
    errors: dict[str, Message] = {}
    entries = await _clean_round(details, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        round = await AdmissionRound.create(
            title=details.title.strip(),
            notice=details.notice.strip(),
            conditions=details.conditions.strip(),
            materials=details.materials.strip(),
            opens_on=details.opens_on,
            closes_on=details.closes_on,
            publicity_days=details.publicity_days,
            min_score=details.min_score,
            created_at=now,
        )
        await _write_round_categories(round, entries)
        await Criterion.bulk_create(
            [
                Criterion(
                    round=round,
                    name=c.name,
                    description=c.description,
                    weight=c.weight,
                    position=position,
                )
                for position, c in enumerate(DEFAULT_CRITERIA)
            ]
        )
        await _record("round_created", round=round, at=now, actor=actor)
    return round


async def update_round(
    round: AdmissionRound,
    *,
    details: RoundInput,
    actor: User | None,
    now: dt.datetime | None = None,
) -> AdmissionRound:
    """Change a draft round's notice, dates and categories."""
    actor = await _require(actor, Role.ADMIN)
    _check_status(round, RoundStatus.DRAFT)
    now = _now(now)
    errors: dict[str, Message] = {}
    entries = await _clean_round(details, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        round.title = details.title.strip()
        round.notice = details.notice.strip()
        round.conditions = details.conditions.strip()
        round.materials = details.materials.strip()
        assert details.opens_on and details.closes_on and details.publicity_days is not None
        round.opens_on = details.opens_on
        round.closes_on = details.closes_on
        round.publicity_days = details.publicity_days
        round.min_score = details.min_score if details.min_score is not None else 60
        await round.save()
        await _write_round_categories(round, entries)
        await _record("round_updated", round=round, at=now, actor=actor)
    return round


async def set_criteria(
    round: AdmissionRound,
    *,
    criteria: Sequence[CriterionInput],
    actor: User | None,
    now: dt.datetime | None = None,
) -> list[Criterion]:
    """Replace a draft round's scoring criteria; their weights must add up to 100 points."""
    actor = await _require(actor, Role.ADMIN)
    _check_status(round, RoundStatus.DRAFT)
    now = _now(now)
    errors: dict[str, Message] = {}
    kept = [c for c in criteria if c.name.strip() or c.weight is not None]
    for index, criterion in enumerate(criteria):
        if criterion not in kept:
            continue
        _text(criterion.name, f"criterion-{index}-name", errors, 64)
        _int_in(criterion.weight, f"criterion-{index}-weight", errors, 1, 100)
        _text(criterion.description, f"criterion-{index}-description", errors, 500, required=False)
    if not kept:
        errors["criteria"] = Message(N_("Publish at least one criterion."))
    elif not errors and sum(c.weight or 0 for c in kept) != 100:
        errors["criteria"] = Message(
            N_("The weights add up to %(total)s points; they must add up to 100."),
            {"total": sum(c.weight or 0 for c in kept)},
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        await Criterion.filter(round=round).delete()
        await Criterion.bulk_create(
            [
                Criterion(
                    round=round,
                    name=c.name.strip(),
                    description=c.description.strip(),
                    weight=c.weight,
                    position=position,
                )
                for position, c in enumerate(kept)
            ]
        )
        await _record(
            "criteria_set",
            round=round,
            at=now,
            actor=actor,
            criteria=[[c.name.strip(), c.weight] for c in kept],
        )
    return await Criterion.filter(round=round).order_by("position")


async def set_reviewers(
    round: AdmissionRound,
    *,
    reviewers: Sequence[User],
    actor: User | None,
    now: dt.datetime | None = None,
) -> None:
    """Assign exactly ``reviewers`` to the round (until the results are published).

    A reviewer who has declared conflicts or given scores stays: their work is on record.
    """
    actor = await _require(actor, Role.ADMIN)
    _check_status(
        round,
        RoundStatus.DRAFT,
        RoundStatus.ANNOUNCED,
        RoundStatus.APPLICATIONS_OPEN,
        RoundStatus.UNDER_REVIEW,
        RoundStatus.SCORING,
    )
    now = _now(now)
    wanted = {user.id: user for user in reviewers}
    for user in wanted.values():
        if Role.REVIEWER not in await accounts.user_roles(user):
            raise _refuse(
                N_("%(name)s does not hold the reviewer role."), "reviewers", name=user.name
            )
    current = {a.reviewer_id: a for a in await ReviewerAssignment.filter(round=round)}
    leaving = set(current) - set(wanted)
    busy = set(
        await ConflictDeclaration.filter(round=round, reviewer_id__in=leaving).values_list(
            "reviewer_id", flat=True
        )
    ) | set(
        await Score.filter(application__round=round, reviewer_id__in=leaving).values_list(
            "reviewer_id", flat=True
        )
    )
    if busy:
        raise _refuse(
            N_("A reviewer who has declared conflicts or scored stays assigned."), "reviewers"
        )
    async with in_transaction():
        for user_id in sorted(set(wanted) - set(current)):
            await ReviewerAssignment.create(round=round, reviewer_id=user_id, assigned_at=now)
            await _record(
                "reviewer_assigned", round=round, at=now, actor=actor, reviewer_id=user_id
            )
        for user_id in sorted(leaving):
            await current[user_id].delete()
            await _record(
                "reviewer_unassigned", round=round, at=now, actor=actor, reviewer_id=user_id
            )


# --- letters -------------------------------------------------------------------------


async def _round_category(round: AdmissionRound, category: Category) -> RoundCategory | None:
    return await RoundCategory.get_or_none(round=round, category=category)


async def _next_letter_no(year: int) -> str:
    issued = await Invitation.filter(letter_no__startswith=f"{LETTER_PREFIX}〔{year}〕").count()
    return f"{LETTER_PREFIX}〔{year}〕{issued + 1}号"


def _chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _letter_body(
    kind: InvitationKind,
    *,
    addressee: str,
    round: AdmissionRound,
    category: Category,
    city: str,
    issued_on: dt.date,
) -> str:
    """The letter's text, in Chinese: it is an official document whatever the reader's
    language, and it is kept as issued."""
    params = {
        "addressee": addressee,
        "round": round.title,
        "category": category.name,
        "city": city,
        "opens_on": _chinese_date(round.opens_on),
        "closes_on": _chinese_date(round.closes_on),
        "date": _chinese_date(issued_on),
    }
    with use_language("zh"):
        if kind is InvitationKind.HOLDER:
            body = translate(
                N_(
                    "%(addressee)s:\n\n"
                    "Under the announcement of “%(round)s”, %(category)s is a monopoly "
                    "intermediary service and your organisation is the institution designated "
                    "for it in this city; monopoly intermediaries must be admitted to the "
                    "%(city)s intermediary services marketplace. Please submit your "
                    "application on the marketplace between %(opens_on)s and %(closes_on)s: "
                    "your organisation's details, scans of your qualification certificates, "
                    "professional staff, projects of the last three years, and the service "
                    "items you will offer with their fee standards and time limits. A "
                    "designated institution that has not applied when the window closes is "
                    "published as required but missing.\n\n"
                    "We hereby inform you."
                ),
                params,
            )
        else:
            body = translate(
                N_(
                    "%(addressee)s:\n\n"
                    "No local agency in %(city)s is qualified to provide %(category)s. Under "
                    "the announcement of “%(round)s”, the service is recruited from outside "
                    "the city. As your organisation holds the qualifications and experience "
                    "it needs, we invite you to apply on the intermediary services "
                    "marketplace between %(opens_on)s and %(closes_on)s. Applications pass "
                    "the qualification review and, where there are more applicants than "
                    "places, merit scoring on the published criteria.\n\n"
                    "We hereby invite you."
                ),
                params,
            )
        signature = translate(N_("%(city)s Government Service Management Office"), params)
    return f"{body}\n\n{signature}\n{params['date']}"


async def _issue_letter(
    kind: InvitationKind,
    *,
    round: AdmissionRound,
    category: Category,
    addressee: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User,
    now: dt.datetime,
) -> Invitation:
    if await Invitation.exists(round=round, category=category, credit_code=credit_code):
        raise _refuse(N_("This agency already has a letter for this category."), "credit_code")
    issued_on = beijing_date(now)
    try:
        return await Invitation.create(
            round=round,
            category=category,
            kind=kind,
            letter_no=await _next_letter_no(issued_on.year),
            addressee=addressee,
            credit_code=credit_code,
            city=city,
            address=address,
            body=_letter_body(
                kind,
                addressee=addressee,
                round=round,
                category=category,
                city=issuer_city,
                issued_on=issued_on,
            ),
            issued_at=now,
            issued_by=actor,
        )
    except IntegrityError:
        raise _refuse(
            N_("Another letter was issued at the same moment; send this one again.")
        ) from None


def _clean_addressee(
    name: str, credit_code: str, city: str, address: str, errors: dict[str, Message]
) -> tuple[str, str, str, str]:
    return (
        _text(name, "name", errors, 128),
        accounts.clean_credit_code(credit_code, errors),
        _text(city, "city", errors, 32),
        _text(address, "address", errors, 256),
    )


async def designate_holder(
    round: AdmissionRound,
    *,
    category: Category,
    name: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Invitation:
    """Name the institution that holds a monopoly category and issue its letter (发函)."""
    actor = await _require(actor, Role.ADMIN)
    _check_status(round, RoundStatus.ANNOUNCED, RoundStatus.APPLICATIONS_OPEN)
    now = _now(now)
    entry = await _round_category(round, category)
    if entry is None or entry.market_type is not MarketType.MONOPOLY:
        raise _refuse(N_("Choose a monopoly category of this round."), "category")
    if entry.holder_credit_code:
        raise _refuse(N_("This category's holder is designated already."), "category")
    errors: dict[str, Message] = {}
    name, code, city, address = _clean_addressee(name, credit_code, city, address, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        letter = await _issue_letter(
            InvitationKind.HOLDER,
            round=round,
            category=category,
            addressee=name,
            credit_code=code,
            city=city,
            address=address,
            issuer_city=issuer_city,
            actor=actor,
            now=now,
        )
        entry.holder_name = name
        entry.holder_credit_code = code
        await entry.save(update_fields=["holder_name", "holder_credit_code"])
        await _record(
            "holder_designated",
            round=round,
            at=now,
            actor=actor,
            category_id=category.id,
            holder=name,
            letter_no=letter.letter_no,
        )
    return letter


async def invite_agency(
    round: AdmissionRound,
    *,
    category: Category,
    name: str,
    credit_code: str,
    city: str,
    address: str,
    issuer_city: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Invitation:
    """Invite a named agency from outside the city to an absent category (发函)."""
    actor = await _require(actor, Role.ADMIN)
    _check_status(round, RoundStatus.ANNOUNCED, RoundStatus.APPLICATIONS_OPEN)
    now = _now(now)
    entry = await _round_category(round, category)
    if entry is None or entry.market_type is not MarketType.ABSENT:
        raise _refuse(N_("Choose a category of this round that recruits from outside."), "category")
    errors: dict[str, Message] = {}
    name, code, city, address = _clean_addressee(name, credit_code, city, address, errors)
    if city and city == issuer_city:
        errors["city"] = Message(
            N_("Invitations to this category go to agencies outside %(city)s."),
            {"city": issuer_city},
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        letter = await _issue_letter(
            InvitationKind.RECRUIT,
            round=round,
            category=category,
            addressee=name,
            credit_code=code,
            city=city,
            address=address,
            issuer_city=issuer_city,
            actor=actor,
            now=now,
        )
        await _record(
            "invitation_issued",
            round=round,
            at=now,
            actor=actor,
            category_id=category.id,
            addressee=name,
            letter_no=letter.letter_no,
        )
    return letter


# --- applications --------------------------------------------------------------------


def _clean_company(
    company: CompanyInput, errors: dict[str, Message], *, today: dt.date
) -> CompanyInput:
    established_on = company.established_on
    if established_on is not None and established_on > today:
        errors["established_on"] = Message(N_("This date is in the future."))
    staff_count = company.staff_count
    if staff_count is None or not 0 <= staff_count <= 100_000:
        errors["staff_count"] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."), {"low": 0, "high": 100_000}
        )
    return CompanyInput(
        name=_text(company.name, "name", errors, 128),
        credit_code=accounts.clean_credit_code(company.credit_code, errors),
        legal_representative=_text(
            company.legal_representative, "legal_representative", errors, 64
        ),
        address=_text(company.address, "address", errors, 256),
        city=_text(company.city, "city", errors, 32),
        phone=_text(company.phone, "phone", errors, 32),
        name_en=_text(company.name_en, "name_en", errors, 256, required=False),
        established_on=established_on,
        staff_count=staff_count,
        description=_text(company.description, "description", errors, 2000, required=False),
    )


def _check_account(account: AccountInput, errors: dict[str, Message]) -> None:
    """The account's obvious problems, so one answer lists everything to correct; the
    accounts service makes the same checks again when it creates the user."""
    _text(account.name, "contact_name", errors, 64)
    try:
        validate_email(account.email.strip(), check_deliverability=False)
    except EmailNotValidError:
        errors["email"] = Message(N_("Enter a valid e-mail address."))
    if len(account.password) < accounts.PASSWORD_MIN_LENGTH:
        errors["password"] = Message(
            N_("Use at least %(count)s characters for the password."),
            {"count": accounts.PASSWORD_MIN_LENGTH},
        )


def window_is_open(round: AdmissionRound, now: dt.datetime | None = None) -> bool:
    """Whether agencies may apply and change their applications now."""
    today = beijing_date(_now(now))
    return (
        round.status is RoundStatus.APPLICATIONS_OPEN and round.opens_on <= today <= round.closes_on
    )


def objections_are_open(round: AdmissionRound, now: dt.datetime | None = None) -> bool:
    """Whether the publicity period accepts objections now."""
    return (
        round.status is RoundStatus.PUBLICITY
        and round.publicity_ends_on is not None
        and beijing_date(_now(now)) <= round.publicity_ends_on
    )


async def _check_window(round: AdmissionRound, now: dt.datetime) -> None:
    if not window_is_open(round, now):
        raise _refuse(
            N_("The application window is closed: applications can no longer be changed.")
        )


def _fee_problem(standard: Mapping[str, Any]) -> str | None:
    try:
        parse_fee_standard(standard)
    except FeeStandardError as exc:
        return str(exc)
    return None


async def _check_materials(
    round: AdmissionRound,
    data: ApplicationInput,
    errors: dict[str, Message],
    *,
    keepable: Mapping[int, ApplicationQualification],
) -> None:
    _text(data.key_staff, "key_staff", errors, 5000)
    _text(data.past_performance, "past_performance", errors, 5000)
    if not data.qualifications:
        errors["qualifications"] = Message(N_("List at least one qualification certificate."))
    if len(data.qualifications) > MAX_ROWS:
        errors["qualifications"] = Message(N_("List at most %(count)s."), {"count": MAX_ROWS})
    seen: set[str] = set()
    for index, q in enumerate(data.qualifications):
        prefix = f"qual-{index}-"
        _text(q.name, prefix + "name", errors, 128)
        number = _text(q.certificate_no, prefix + "certificate_no", errors, 64)
        if number in seen:
            errors[prefix + "certificate_no"] = Message(N_("This certificate is listed twice."))
        seen.add(number)
        _text(q.issuer, prefix + "issuer", errors, 128)
        if q.grade not in (None, *GRADES):
            errors[prefix + "grade"] = Message(N_("Choose 甲, 乙, 丙 or no grade."))
        if q.expires_on is None:
            errors[prefix + "expires_on"] = Message(N_("Enter a date."))
        elif q.expires_on < round.closes_on:
            errors[prefix + "expires_on"] = Message(
                N_("The certificate must be valid on the closing day, %(date)s."),
                {"date": round.closes_on.isoformat()},
            )
        if q.certificate is not None:
            problem = check_pdf(q.certificate.content)
            if problem is not None:
                errors[prefix + "certificate"] = problem
        elif q.keep_certificate_of is None or q.keep_certificate_of not in keepable:
            errors[prefix + "certificate"] = Message(N_("Attach the certificate as a PDF file."))
    if not data.items:
        errors["items"] = Message(N_("Propose at least one service item."))
    if len(data.items) > MAX_ROWS:
        errors["items"] = Message(N_("List at most %(count)s."), {"count": MAX_ROWS})
    for index, item in enumerate(data.items):
        prefix = f"item-{index}-"
        _text(item.title, prefix + "title", errors, 128)
        _text(item.scope, prefix + "scope", errors, 5000)
        _text(item.content, prefix + "content", errors, 5000)
        _text(item.legal_basis, prefix + "legal_basis", errors, 5000)
        _text(item.fee_basis, prefix + "fee_basis", errors, 5000)
        _text(item.commitments, prefix + "commitments", errors, 5000, required=False)
        _int_in(item.time_limit_days, prefix + "time_limit_days", errors, 1, 365)
        fee_problem = _fee_problem(item.fee_standard)
        if fee_problem is not None and prefix + "fee_type" not in errors:
            errors[prefix + "fee_type"] = Message(
                N_("This fee standard is not complete or not consistent (%(detail)s)."),
                {"detail": fee_problem},
            )


async def _check_market_rules(
    entry: RoundCategory | None, credit_code: str, is_local: bool, errors: dict[str, Message]
) -> None:
    if entry is None:
        errors["category"] = Message(N_("Choose a category of this round."))
    elif entry.market_type is MarketType.MONOPOLY and credit_code != entry.holder_credit_code:
        errors["category"] = Message(
            N_("Only the designated institution applies for this monopoly category.")
        )
    elif entry.market_type is MarketType.ABSENT and is_local:
        errors["category"] = Message(
            N_("This category recruits agencies from outside the city only.")
        )


async def _write_materials(
    application: Application,
    data: ApplicationInput,
    *,
    media_dir: Path,
    keepable: Mapping[int, ApplicationQualification],
) -> None:
    qualifications = []
    for position, q in enumerate(data.qualifications):
        if q.certificate is not None:
            stored = store_certificate(media_dir, q.certificate.content)
            sha256, size, filename = (
                stored.sha256,
                stored.size_bytes,
                (q.certificate.filename or "certificate.pdf")[-128:],
            )
        else:
            assert q.keep_certificate_of is not None
            kept = keepable[q.keep_certificate_of]
            sha256, size, filename = (
                kept.certificate_sha256,
                kept.certificate_size_bytes,
                kept.certificate_name,
            )
        qualifications.append(
            ApplicationQualification(
                application=application,
                name=q.name.strip(),
                grade=q.grade,
                certificate_no=q.certificate_no.strip(),
                issuer=q.issuer.strip(),
                expires_on=q.expires_on,
                certificate_sha256=sha256,
                certificate_size_bytes=size,
                certificate_name=filename,
                position=position,
            )
        )
    await ApplicationQualification.filter(application=application).delete()
    await ProposedItem.filter(application=application).delete()
    await ApplicationQualification.bulk_create(qualifications)
    await ProposedItem.bulk_create(
        [
            ProposedItem(
                application=application,
                title=item.title.strip(),
                scope=item.scope.strip(),
                content=item.content.strip(),
                legal_basis=item.legal_basis.strip(),
                fee_basis=item.fee_basis.strip(),
                fee_type=str(item.fee_standard["type"]),
                fee_standard=dict(item.fee_standard),
                time_limit_days=item.time_limit_days,
                commitments=item.commitments.strip(),
                position=position,
            )
            for position, item in enumerate(data.items)
        ]
    )


async def _create_application(
    round: AdmissionRound,
    category: Category,
    agency: Agency,
    data: ApplicationInput,
    *,
    actor: User | None,
    media_dir: Path,
    now: dt.datetime,
) -> Application:
    application = await Application.create(
        round=round,
        category=category,
        agency=agency,
        key_staff=data.key_staff.strip(),
        past_performance=data.past_performance.strip(),
        submitted_at=now,
        updated_at=now,
    )
    await _write_materials(application, data, media_dir=media_dir, keepable={})
    await _record(
        "application_submitted",
        round=round,
        at=now,
        actor=actor,
        category_id=category.id,
        agency_id=agency.id,
        application_id=application.id,
    )
    return application


async def register_agency(
    *, company: CompanyInput, local_city: str, now: dt.datetime | None = None
) -> Agency:
    """Register an applicant agency without an account (an application taken at the
    service hall's counter, or the demo catalogue's)."""
    errors: dict[str, Message] = {}
    company = _clean_company(company, errors, today=beijing_date(_now(now)))
    await _check_agency_is_new(company, errors)
    if errors:
        raise FormError(errors)
    return await _create_agency(company, local_city)


async def _check_agency_is_new(company: CompanyInput, errors: dict[str, Message]) -> None:
    if "credit_code" not in errors and await Agency.exists(credit_code=company.credit_code):
        errors["credit_code"] = Message(
            N_(
                "An agency with this credit code is registered already: sign in with its "
                "account to apply."
            )
        )
    if "name" not in errors and await Agency.exists(name=company.name):
        errors["name"] = Message(N_("An agency with this name is registered already."))


async def _create_agency(company: CompanyInput, local_city: str) -> Agency:
    return await catalog.create_agency(
        name=company.name,
        name_en=company.name_en,
        credit_code=company.credit_code,
        legal_representative=company.legal_representative,
        address=company.address,
        city=company.city,
        is_local=company.city == local_city,
        phone=company.phone,
        established_on=company.established_on,
        staff_count=company.staff_count or 0,
        description=company.description,
    )


async def apply_as_new_agency(
    round: AdmissionRound,
    *,
    category: Category | None,
    company: CompanyInput,
    account: AccountInput,
    application: ApplicationInput,
    local_city: str,
    media_dir: Path,
    now: dt.datetime | None = None,
    form_problems: Mapping[str, Message] | None = None,
    ip: str = "",
) -> tuple[Application, User]:
    """A new agency applies: its record (status applicant), its first staff account and
    its application, in one transaction.

    ``form_problems`` are what the form's reader already refused (a date that is not a
    date); they are reported together with the service's own findings.
    """
    now = _now(now)
    await _check_window(round, now)
    errors: dict[str, Message] = dict(form_problems or {})
    company = _clean_company(company, errors, today=beijing_date(now))
    _check_account(account, errors)
    entry = await _round_category(round, category) if category is not None else None
    await _check_market_rules(entry, company.credit_code, company.city == local_city, errors)
    await _check_materials(round, application, errors, keepable={})
    await _check_agency_is_new(company, errors)
    if "email" not in errors and await User.exists(email=account.email.strip().lower()):
        errors["email"] = Message(N_("An account with this e-mail address already exists."))
    errors.update(form_problems or {})  # the reader's finding is the more precise one
    if errors:
        raise FormError(errors)
    assert category is not None
    try:
        async with in_transaction():
            agency = await _create_agency(company, local_city)
            try:
                user = await accounts.create_user(
                    email=account.email,
                    name=account.name,
                    password=account.password,
                    roles={Role.AGENCY},
                    agency=agency,
                    ip=ip,
                )
            except FormError as exc:
                renamed = {"contact_name" if k == "name" else k: m for k, m in exc.errors.items()}
                raise FormError(renamed) from None
            created = await _create_application(
                round, category, agency, application, actor=user, media_dir=media_dir, now=now
            )
    except IntegrityError:
        raise _refuse(N_("This agency or e-mail address was registered a moment ago.")) from None
    return created, user


async def submit_application(
    round: AdmissionRound,
    *,
    category: Category | None,
    agency: Agency,
    application: ApplicationInput,
    actor: User | None,
    media_dir: Path,
    now: dt.datetime | None = None,
    form_problems: Mapping[str, Message] | None = None,
) -> Application:
    """A registered agency applies for one category of an open round."""
    now = _now(now)
    await _check_window(round, now)
    errors: dict[str, Message] = dict(form_problems or {})
    entry = await _round_category(round, category) if category is not None else None
    await _check_market_rules(entry, agency.credit_code, agency.is_local, errors)
    if agency.status in (AgencyStatus.SUSPENDED, AgencyStatus.EXITED):
        errors["category"] = Message(N_("A suspended or removed agency cannot apply."))
    await _check_materials(round, application, errors, keepable={})
    if "category" not in errors and await Application.exists(
        round=round, category=category, agency=agency
    ):
        errors["category"] = Message(
            N_("Your agency has applied for this category already: change that application.")
        )
    errors.update(form_problems or {})  # the reader's finding is the more precise one
    if errors:
        raise FormError(errors)
    assert category is not None
    try:
        async with in_transaction():
            return await _create_application(
                round, category, agency, application, actor=actor, media_dir=media_dir, now=now
            )
    except IntegrityError:
        raise _refuse(
            N_("Your agency has applied for this category already: change that application."),
            "category",
        ) from None


async def update_application(
    application: Application,
    *,
    company: CompanyInput | None,
    data: ApplicationInput,
    actor: User | None,
    local_city: str,
    media_dir: Path,
    now: dt.datetime | None = None,
    form_problems: Mapping[str, Message] | None = None,
) -> Application:
    """Change an application (and, for an agency not yet admitted, its details) while the
    window is open; a withdrawn application is submitted again."""
    now = _now(now)
    round = await AdmissionRound.get(id=application.round_id)
    await _check_window(round, now)
    if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN):
        raise _refuse(N_("This application can no longer be changed."))
    agency = await Agency.get(id=application.agency_id)
    errors: dict[str, Message] = dict(form_problems or {})
    is_local = agency.is_local
    if company is not None and agency.status is AgencyStatus.APPLICANT:
        # The credit code is the agency's identity: it is never changed here.
        company = _clean_company(
            replace(company, credit_code=agency.credit_code), errors, today=beijing_date(now)
        )
        if (
            "name" not in errors
            and await Agency.filter(name=company.name).exclude(id=agency.id).exists()
        ):
            errors["name"] = Message(N_("An agency with this name is registered already."))
        is_local = company.city == local_city
    else:
        company = None
    entry = await RoundCategory.get(round=round, category_id=application.category_id)
    await _check_market_rules(entry, agency.credit_code, is_local, errors)
    keepable = {q.id: q for q in await ApplicationQualification.filter(application=application)}
    await _check_materials(round, data, errors, keepable=keepable)
    errors.update(form_problems or {})  # the reader's finding is the more precise one
    if errors:
        raise FormError(errors)
    async with in_transaction():
        if company is not None:
            for name in _EDITABLE_COMPANY_FIELDS:
                setattr(agency, name, getattr(company, name))
            agency.staff_count = company.staff_count or 0
            agency.is_local = is_local
            await agency.save()
        resubmitted = application.status is ApplicationStatus.WITHDRAWN
        application.key_staff = data.key_staff.strip()
        application.past_performance = data.past_performance.strip()
        application.updated_at = now
        if resubmitted:
            application.status = ApplicationStatus.SUBMITTED
            application.submitted_at = now
        await application.save()
        await _write_materials(application, data, media_dir=media_dir, keepable=keepable)
        await _record(
            "application_submitted" if resubmitted else "application_updated",
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id,
            agency_id=application.agency_id,
            application_id=application.id,
        )
    return application


_EDITABLE_COMPANY_FIELDS = (
    "name",
    "name_en",
    "legal_representative",
    "address",
    "city",
    "phone",
    "established_on",
    "description",
)


async def withdraw_application(
    application: Application, *, actor: User | None, now: dt.datetime | None = None
) -> Application:
    now = _now(now)
    round = await AdmissionRound.get(id=application.round_id)
    await _check_window(round, now)
    if not allowed(
        APPLICATION_TRANSITIONS, application.status, ApplicationStatus.WITHDRAWN, Role.AGENCY
    ):
        raise _refuse(N_("This application can no longer be changed."))
    async with in_transaction():
        claimed = await Application.filter(id=application.id, status=application.status).update(
            status=ApplicationStatus.WITHDRAWN, updated_at=now
        )
        if claimed != 1:
            raise _refuse(N_("The application was changed a moment ago; reload the page."))
        application.status = ApplicationStatus.WITHDRAWN
        application.updated_at = now
        await _record(
            "application_withdrawn",
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id,
            agency_id=application.agency_id,
            application_id=application.id,
        )
    return application


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
    actor = await _require(actor, Role.ADMIN)
    now = _now(now)
    round = await AdmissionRound.get(id=application.round_id)
    _check_status(round, RoundStatus.UNDER_REVIEW)
    target = ApplicationStatus.PASSED if passed else ApplicationStatus.FAILED
    if not allowed(APPLICATION_TRANSITIONS, application.status, target, Role.ADMIN):
        raise _refuse(N_("This application has this decision already."))
    errors: dict[str, Message] = {}
    reason = _text(reason, "reason", errors, 2000, required=not passed)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        # Claim the decision: of two administrators deciding at once, one changes nothing.
        claimed = await Application.filter(id=application.id, status=application.status).update(
            status=target, review_reason=reason, reviewed_at=now
        )
        if claimed != 1:
            raise _refuse(N_("The application was changed a moment ago; reload the page."))
        application.status = target
        application.review_reason = reason
        application.reviewed_at = now
        await _record(
            "application_passed" if passed else "application_failed",
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id,
            agency_id=application.agency_id,
            application_id=application.id,
            reason=reason,
        )
    return application


# --- the round's steps ---------------------------------------------------------------


async def _scored_categories(round: AdmissionRound) -> list[RoundCategory]:
    return await RoundCategory.filter(round=round, scored=True).order_by("position")


async def _eligible_reviewers(round: AdmissionRound) -> dict[int, set[int]]:
    """Category id → the reviewers who declared and have no conflict in it."""
    declarations = await ConflictDeclaration.filter(round=round)
    conflicted_ids = {i for d in declarations for i in d.conflicting_application_ids}
    category_of = dict(
        await Application.filter(id__in=conflicted_ids).values_list("id", "category_id")
    )
    entries = await RoundCategory.filter(round=round)
    eligible: dict[int, set[int]] = {e.category_id: set() for e in entries}
    for declaration in declarations:
        excluded = {category_of[i] for i in declaration.conflicting_application_ids}
        for category_id in eligible:
            if category_id not in excluded:
                eligible[category_id].add(declaration.reviewer_id)
    return eligible


async def transition_problems(
    round: AdmissionRound, *, to: RoundStatus, now: dt.datetime | None = None
) -> list[Message]:
    """Why the round cannot move to ``to`` now (empty: it can)."""
    if not allowed(ROUND_TRANSITIONS, round.status, to, Role.ADMIN):
        return [Message(N_("A round cannot take this step from where it is."))]
    today = beijing_date(_now(now))
    problems: list[Message] = []
    entries = await RoundCategory.filter(round=round).select_related("category")
    if to is RoundStatus.ANNOUNCED:
        if not entries:
            problems.append(Message(N_("The round covers no category.")))
        if round.closes_on < today:
            problems.append(Message(N_("The window's closing day has passed; change the dates.")))
        if sum(c.weight for c in await Criterion.filter(round=round)) != 100:
            problems.append(Message(N_("The criteria's weights must add up to 100 points.")))
    elif to is RoundStatus.APPLICATIONS_OPEN:
        if today < round.opens_on:
            problems.append(
                Message(N_("The window opens on %(date)s."), {"date": round.opens_on.isoformat()})
            )
        if today > round.closes_on:
            problems.append(Message(N_("The window's closing day has passed.")))
        for entry in entries:
            if entry.market_type is MarketType.MONOPOLY and not entry.holder_credit_code:
                problems.append(
                    Message(
                        N_("Designate the holder of %(category)s and send its letter first."),
                        {"category": entry.category.name},
                    )
                )
    elif to is RoundStatus.UNDER_REVIEW:
        if today <= round.closes_on:
            problems.append(
                Message(
                    N_("The window is open until %(date)s; it cannot close early."),
                    {"date": round.closes_on.isoformat()},
                )
            )
    elif to is RoundStatus.SCORING:
        waiting = await Application.filter(round=round, status=ApplicationStatus.SUBMITTED).count()
        if waiting:
            problems.append(
                Message(N_("%(count)s applications still wait for the review."), {"count": waiting})
            )
        reviewers = await ReviewerAssignment.filter(round=round).count()
        for entry in entries:
            if await _needs_scoring(entry) and reviewers < MIN_REVIEWERS_PER_CATEGORY:
                problems.append(
                    Message(
                        N_("Assign at least %(count)s reviewers: %(category)s is merit-scored."),
                        {"count": MIN_REVIEWERS_PER_CATEGORY, "category": entry.category.name},
                    )
                )
                break
    elif to is RoundStatus.PUBLICITY:
        problems.extend(await _scoring_problems(round, entries))
    elif to is RoundStatus.CONCLUDED:
        assert round.publicity_ends_on is not None
        if today <= round.publicity_ends_on:
            problems.append(
                Message(
                    N_("The publicity period runs until %(date)s."),
                    {"date": round.publicity_ends_on.isoformat()},
                )
            )
        open_objections = await Objection.filter(round=round, status=ObjectionStatus.LODGED).count()
        if open_objections:
            problems.append(
                Message(N_("%(count)s objections wait for a decision."), {"count": open_objections})
            )
    return problems


async def _needs_scoring(entry: RoundCategory) -> bool:
    """Competitive categories are always scored; absent ones when there are more qualified
    applicants than places; monopoly categories never."""
    if entry.market_type is MarketType.MONOPOLY:
        return False
    passed = await Application.filter(
        round_id=entry.round_id, category_id=entry.category_id, status=ApplicationStatus.PASSED
    ).count()
    if entry.market_type is MarketType.COMPETITIVE:
        return passed > 0
    return passed > entry.places


async def _scoring_problems(
    round: AdmissionRound, entries: Sequence[RoundCategory]
) -> list[Message]:
    problems: list[Message] = []
    assigned = set(
        await ReviewerAssignment.filter(round=round).values_list("reviewer_id", flat=True)
    )
    declared = set(
        await ConflictDeclaration.filter(round=round).values_list("reviewer_id", flat=True)
    )
    if assigned - declared:
        problems.append(
            Message(
                N_("%(count)s assigned reviewers have not declared their conflicts of interest."),
                {"count": len(assigned - declared)},
            )
        )
    eligible = await _eligible_reviewers(round)
    scored_pairs = set(
        await Score.filter(application__round=round).values_list("application_id", "reviewer_id")
    )
    for entry in entries:
        if not entry.scored:
            continue
        reviewers = eligible.get(entry.category_id, set())
        if len(reviewers) < MIN_REVIEWERS_PER_CATEGORY:
            problems.append(
                Message(
                    N_("%(category)s has fewer than %(count)s reviewers without a conflict."),
                    {"category": entry.category.name, "count": MIN_REVIEWERS_PER_CATEGORY},
                )
            )
        applications = await Application.filter(
            round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
        ).values_list("id", flat=True)
        missing = sum(1 for a in applications for r in reviewers if (a, r) not in scored_pairs)
        if missing:
            problems.append(
                Message(
                    N_("%(category)s: %(count)s score sheets are not in yet."),
                    {"category": entry.category.name, "count": missing},
                )
            )
    return problems


async def transition_round(
    round: AdmissionRound,
    *,
    to: RoundStatus,
    actor: User | None,
    now: dt.datetime | None = None,
) -> AdmissionRound:
    """Take the round's next step, doing that step's work in one transaction."""
    actor = await _require(actor, Role.ADMIN)
    now = _now(now)
    problems = await transition_problems(round, to=to, now=now)
    if problems:
        raise FormError({"": problems[0]})
    async with in_transaction():
        # Claim the step: a second administrator pressing the same button at the same
        # moment finds the round moved on and changes nothing.
        claimed = await AdmissionRound.filter(id=round.id, status=round.status).update(status=to)
        if claimed != 1:
            raise _refuse(N_("The round was moved on a moment ago; reload the page."))
        round.status = to
        if to is RoundStatus.ANNOUNCED:
            round.announced_at = now
            await round.save(update_fields=["announced_at"])
            await _record("announced", round=round, at=now, actor=actor)
        elif to is RoundStatus.APPLICATIONS_OPEN:
            await _record("window_opened", round=round, at=now, actor=actor)
        elif to is RoundStatus.UNDER_REVIEW:
            await _close_window(round, actor=actor, now=now)
        elif to is RoundStatus.SCORING:
            await _open_scoring(round, actor=actor, now=now)
        elif to is RoundStatus.PUBLICITY:
            await _publish_results(round, actor=actor, now=now)
        elif to is RoundStatus.CONCLUDED:
            await _conclude(round, actor=actor, now=now)
    return round


async def _close_window(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    received = (
        await Application.filter(round=round).exclude(status=ApplicationStatus.WITHDRAWN).count()
    )
    await _record("window_closed", round=round, at=now, actor=actor, applications=received)
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
            await _record(
                "holder_missing",
                round=round,
                at=now,
                category_id=entry.category_id,
                holder=entry.holder_name,
            )


async def _open_scoring(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    scored = []
    for entry in await RoundCategory.filter(round=round):
        if await _needs_scoring(entry):
            entry.scored = True
            await entry.save(update_fields=["scored"])
            scored.append(entry.category_id)
    await _record("scoring_opened", round=round, at=now, actor=actor, categories=scored)


async def _candidates(
    round: AdmissionRound, entry: RoundCategory, application_ids: Iterable[int]
) -> list[scoring.Candidate]:
    """The scored applications of a category with their final and tie-rule scores."""
    eligible = (await _eligible_reviewers(round)).get(entry.category_id, set())
    first_criterion = await Criterion.filter(round=round).order_by("position").first()
    assert first_criterion is not None
    applications = await Application.filter(id__in=list(application_ids))
    scores = await Score.filter(
        application_id__in=[a.id for a in applications], reviewer_id__in=eligible
    )
    totals: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    first: dict[int, list[int]] = defaultdict(list)
    for score in scores:
        totals[score.application_id][score.reviewer_id] += score.points
        if score.criterion_id == first_criterion.id:
            first[score.application_id].append(score.points)
    return [
        scoring.Candidate(
            application_id=a.id,
            final=scoring.final_score(list(totals[a.id].values())),
            tie=scoring.mean_points(first[a.id]),
            submitted_at=a.submitted_at,
        )
        for a in applications
    ]


async def _apply_ranking(
    round: AdmissionRound, entry: RoundCategory, candidates: list[scoring.Candidate]
) -> dict[int, ApplicationStatus]:
    """Store ranks and scores, and return each application's result by id."""
    ranked = scoring.rank(candidates)
    admitted = scoring.select(ranked, places=entry.places, min_score=round.min_score)
    results = {}
    for position, candidate in enumerate(ranked, start=1):
        status = (
            ApplicationStatus.ADMITTED
            if candidate.application_id in admitted
            else ApplicationStatus.NOT_ADMITTED
        )
        await Application.filter(id=candidate.application_id).update(
            final_score=candidate.final, tie_score=candidate.tie, rank=position, status=status
        )
        results[candidate.application_id] = status
    return results


async def _publish_results(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    for entry in await RoundCategory.filter(round=round).order_by("position"):
        passed = await Application.filter(
            round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
        ).order_by("submitted_at", "id")
        if entry.scored:
            await _apply_ranking(
                round, entry, await _candidates(round, entry, [a.id for a in passed])
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
    round.publicity_ends_on = add_working_days(today, round.publicity_days)
    await round.save(
        update_fields=["results_published_at", "publicity_starts_on", "publicity_ends_on"]
    )
    await _record(
        "results_published",
        round=round,
        at=now,
        actor=actor,
        publicity_ends_on=round.publicity_ends_on.isoformat(),
        calendar_covered=is_covered(round.publicity_ends_on.year),
    )


async def _conclude(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    """The admitted agencies and their proposed items go live, all in the caller's
    transaction."""
    today = beijing_date(now)
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
        agency = application.agency
        if agency.status is AgencyStatus.APPLICANT:
            agency.status = AgencyStatus.ADMITTED
            agency.admission_route = next(r for r in _ROUTE_PRIORITY if r in routes[agency.id])
            agency.admitted_on = today
            await agency.save(
                update_fields=["status", "admission_route", "admitted_on", "updated_at"]
            )
        elif agency.status is not AgencyStatus.ADMITTED:
            continue  # suspended or removed meanwhile: nothing goes live
        held = {q.certificate_no for q in await Qualification.filter(agency=agency)}
        for q in application.qualifications:
            if q.certificate_no not in held:
                await Qualification.create(
                    agency=agency,
                    name=q.name,
                    grade=q.grade,
                    certificate_no=q.certificate_no,
                    issuer=q.issuer,
                    expires_on=q.expires_on,
                )
                held.add(q.certificate_no)
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
        await _record(
            "agency_admitted",
            round=round,
            at=now,
            category_id=application.category_id,
            agency_id=agency.id,
            application_id=application.id,
            route=ROUTE_BY_MARKET[entries[application.category_id].market_type].value,
        )
    round.concluded_at = now
    await round.save(update_fields=["concluded_at"])
    await _record(
        "concluded",
        round=round,
        at=now,
        actor=actor,
        admitted=len({a.agency_id for a in admitted}),
    )


# --- scoring -------------------------------------------------------------------------


async def _assigned(round: AdmissionRound, reviewer: User) -> bool:
    return await ReviewerAssignment.exists(round=round, reviewer=reviewer)


async def declare_conflicts(
    round: AdmissionRound,
    *,
    reviewer: User,
    conflicting: Sequence[Application],
    statement: str,
    now: dt.datetime | None = None,
) -> ConflictDeclaration:
    """A reviewer's declaration, before any scoring: no conflict of interest with the
    applicants, or conflicts with ``conflicting`` (then they score nobody in those
    applicants' categories). Made once."""
    now = _now(now)
    _check_status(round, RoundStatus.SCORING)
    if not await _assigned(round, reviewer):
        raise _refuse(N_("You are not a reviewer of this round."))
    scored = {e.category_id for e in await _scored_categories(round)}
    errors: dict[str, Message] = {}
    for application in conflicting:
        if application.round_id != round.id or application.category_id not in scored:
            errors["conflicts"] = Message(N_("Choose applicants of this round's scoring."))
    statement = _text(statement, "statement", errors, 2000, required=bool(conflicting))
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            declaration = await ConflictDeclaration.create(
                round=round,
                reviewer=reviewer,
                conflicting_application_ids=sorted({a.id for a in conflicting}),
                statement=statement,
                declared_at=now,
            )
            await _record(
                "conflict_declared",
                round=round,
                at=now,
                actor=reviewer,
                reason=statement,
                conflicts=declaration.conflicting_application_ids,
                excluded_categories=sorted({a.category_id for a in conflicting}),
            )
    except IntegrityError:
        raise _refuse(N_("You have declared for this round already.")) from None
    return declaration


async def reviewer_excluded_categories(round: AdmissionRound, reviewer: User) -> set[int] | None:
    """The categories a reviewer may not score, or ``None`` before their declaration."""
    declaration = await ConflictDeclaration.get_or_none(round=round, reviewer=reviewer)
    if declaration is None:
        return None
    conflicting = await Application.filter(id__in=declaration.conflicting_application_ids)
    return {a.category_id for a in conflicting}


async def submit_scores(
    application: Application,
    *,
    reviewer: User,
    points: Mapping[int, int | None],
    now: dt.datetime | None = None,
) -> list[Score]:
    """One reviewer's score sheet for one application: points for every criterion, given
    alone and final once submitted."""
    now = _now(now)
    round = await AdmissionRound.get(id=application.round_id)
    _check_status(round, RoundStatus.SCORING)
    if not await _assigned(round, reviewer):
        raise _refuse(N_("You are not a reviewer of this round."))
    excluded = await reviewer_excluded_categories(round, reviewer)
    if excluded is None:
        raise _refuse(N_("Declare your conflicts of interest before you score."))
    if application.category_id in excluded:
        raise _refuse(N_("You declared a conflict in this category and do not score it."))
    entry = await RoundCategory.get(round=round, category_id=application.category_id)
    if not entry.scored or application.status is not ApplicationStatus.PASSED:
        raise _refuse(N_("This application is not scored."))
    criteria = await Criterion.filter(round=round).order_by("position")
    errors: dict[str, Message] = {}
    for criterion in criteria:
        _int_in(points.get(criterion.id), f"criterion-{criterion.id}", errors, 0, criterion.weight)
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            await Score.bulk_create(
                [
                    Score(
                        application=application,
                        reviewer=reviewer,
                        criterion=criterion,
                        points=points[criterion.id],
                        scored_at=now,
                    )
                    for criterion in criteria
                ]
            )
            await _record(
                "scores_submitted",
                round=round,
                at=now,
                actor=reviewer,
                category_id=application.category_id,
                agency_id=application.agency_id,
                application_id=application.id,
                total=sum(points[c.id] or 0 for c in criteria),
            )
    except IntegrityError:
        raise _refuse(N_("You have scored this application already.")) from None
    return await Score.filter(application=application, reviewer=reviewer)


# --- publicity and objections --------------------------------------------------------


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
    now = _now(now)
    _check_status(round, RoundStatus.PUBLICITY)
    if not objections_are_open(round, now):
        raise _refuse(N_("The publicity period has ended: objections are no longer accepted."))
    errors: dict[str, Message] = {}
    name = _text(name, "objector_name", errors, 64)
    contact = _text(contact, "contact", errors, 128)
    text = _text(text, "text", errors, 2000)
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
        await _record(
            "objection_lodged",
            round=round,
            at=now,
            category_id=application.category_id if application else None,
            agency_id=application.agency_id if application else None,
            application_id=application.id if application else None,
            objection_id=objection.id,
        )
    return objection


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
    actor = await _require(actor, Role.ADMIN)
    now = _now(now)
    round = await AdmissionRound.get(id=objection.round_id)
    _check_status(round, RoundStatus.PUBLICITY)
    target = ObjectionStatus.UPHELD if uphold else ObjectionStatus.DISMISSED
    if not allowed(OBJECTION_TRANSITIONS, objection.status, target, Role.ADMIN):
        raise _refuse(N_("This objection has been decided already."))
    errors: dict[str, Message] = {}
    reason = _text(reason, "reason", errors, 2000)
    if uphold and objection.application_id is None:
        errors["reason"] = Message(
            N_("This objection names no result to change: it can only be dismissed.")
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        claimed = await Objection.filter(id=objection.id, status=ObjectionStatus.LODGED).update(
            status=target, decision=reason, decided_at=now, decided_by=actor
        )
        if claimed != 1:
            raise _refuse(N_("This objection has been decided already."))
        await objection.refresh_from_db()
        application = (
            await Application.get(id=objection.application_id)
            if objection.application_id is not None
            else None
        )
        await _record(
            "objection_upheld" if uphold else "objection_dismissed",
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id if application else None,
            agency_id=application.agency_id if application else None,
            application_id=application.id if application else None,
            reason=reason,
            objection_id=objection.id,
        )
        if uphold and application is not None:
            await _disqualify(round, application, reason=reason, actor=actor, now=now)
    return objection


async def _disqualify(
    round: AdmissionRound, application: Application, *, reason: str, actor: User, now: dt.datetime
) -> None:
    if not allowed(
        APPLICATION_TRANSITIONS, application.status, ApplicationStatus.DISQUALIFIED, Role.ADMIN
    ):
        raise _refuse(N_("This result cannot be changed any more."))
    previous = application.status
    await Application.filter(id=application.id).update(
        status=ApplicationStatus.DISQUALIFIED, result_reason=reason, rank=None
    )
    await _record(
        "result_changed",
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
    after = await _apply_ranking(round, entry, await _candidates(round, entry, before))
    for application_id in sorted(before):
        if before[application_id] != after[application_id]:
            assert allowed(
                APPLICATION_TRANSITIONS, before[application_id], after[application_id], SYSTEM
            )
            moved = next(a for a in remaining if a.id == application_id)
            await _record(
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


# --- dynamic management --------------------------------------------------------------

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
    actor = await _require(actor, Role.ADMIN)
    now = _now(now)
    if not allowed(AGENCY_TRANSITIONS, agency.status, to, Role.ADMIN):
        raise _refuse(N_("This agency cannot be moved to that status."))
    errors: dict[str, Message] = {}
    reason = _text(reason, "reason", errors, 2000)
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
        claimed = await Agency.filter(id=agency.id, status=agency.status).update(status=to)
        if claimed != 1:
            raise _refuse(N_("The agency was changed a moment ago; reload the page."))
        agency.status = to
        item_ids = await ServiceItem.filter(agency=agency).values_list("id", flat=True)
        if to is AgencyStatus.EXITED:
            await ServiceItem.filter(agency=agency, status=ServiceStatus.PUBLISHED).update(
                status=ServiceStatus.WITHDRAWN
            )
        # the agency's listings leave (or return to) search and the storefront at once
        await queue_reindex(item_ids)  # type: ignore[arg-type]
        forget_cached_pages()
        await _record(
            _SANCTION_EVENTS[to],
            round=round,
            at=now,
            actor=actor,
            agency_id=agency.id,
            reason=reason,
        )
    return agency


# --- reads ---------------------------------------------------------------------------

# Statuses in which a round's results are public.
RESULTS_PUBLIC = (RoundStatus.PUBLICITY, RoundStatus.CONCLUDED)
_RESULT_STATUSES = (
    ApplicationStatus.ADMITTED,
    ApplicationStatus.NOT_ADMITTED,
    ApplicationStatus.DISQUALIFIED,
)


async def public_rounds() -> list[AdmissionRound]:
    """Every announced round, newest first (drafts are the office's own)."""
    return await AdmissionRound.exclude(status=RoundStatus.DRAFT).order_by("-id")


async def public_round(round_id: int) -> AdmissionRound | None:
    return await AdmissionRound.exclude(status=RoundStatus.DRAFT).get_or_none(id=round_id)


async def round_entries(round: AdmissionRound) -> list[RoundCategory]:
    return await RoundCategory.filter(round=round).select_related("category").order_by("position")


async def round_criteria(round: AdmissionRound) -> list[Criterion]:
    return await Criterion.filter(round=round).order_by("position")


def tie_rule(criteria: Sequence[Criterion], min_score: int) -> list[Message]:
    """The published scoring and tie rule, as sentences."""
    first = criteria[0].name if criteria else ""
    return [
        Message(
            N_(
                "Each reviewer scores alone, after declaring any conflict of interest. The "
                "final score is the mean of the reviewers' totals, rounded to two decimals; "
                "with %(count)s reviewers or more the highest and the lowest total are "
                "dropped first."
            ),
            {"count": scoring.DROP_EXTREMES_FROM},
        ),
        Message(
            N_(
                "Applicants are admitted in order of final score up to the category's places; "
                "an applicant below %(min)s points is not admitted."
            ),
            {"min": min_score},
        ),
        Message(
            N_(
                "Equal final scores are ranked by the higher mean points on “%(criterion)s”, "
                "then by the earlier submission of the application, then by the lower "
                "application number."
            ),
            {"criterion": first},
        ),
    ]


def calendar_note(*days: dt.date | None) -> Message | None:
    """A warning when a date was computed without the official holiday calendar."""
    uncovered = sorted({d.year for d in days if d is not None and not is_covered(d.year)})
    if not uncovered:
        return None
    return Message(
        N_(
            "The official holiday calendar for %(year)s is not published yet: working days "
            "are counted as Monday to Friday, and the date may move when it is."
        ),
        {"year": uncovered[0]},
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


async def public_events(round: AdmissionRound | None = None) -> list[AdmissionEvent]:
    """The public lines of one round's trail (or of dynamic management, with no round)."""
    query = AdmissionEvent.filter(public=True)
    query = (
        query.filter(round=round)
        if round is not None
        else query.filter(kind__in=list(SANCTION_KINDS))
    )
    return await query.select_related("category", "agency").order_by("id")


async def feed_events(kinds: Sequence[str], limit: int = 50) -> list[AdmissionEvent]:
    """The newest public lines of these kinds, across rounds, for the notices feed."""
    return (
        await AdmissionEvent.filter(public=True, kind__in=list(kinds))
        .select_related("round", "agency")
        .order_by("-id")
        .limit(limit)
    )


async def round_events(round: AdmissionRound) -> list[AdmissionEvent]:
    return (
        await AdmissionEvent.filter(round=round)
        .select_related("category", "agency", "actor")
        .order_by("id")
    )


async def round_objections(round: AdmissionRound) -> list[Objection]:
    return (
        await Objection.filter(round=round)
        .select_related("application", "application__agency", "application__category")
        .order_by("id")
    )


async def application_with_materials(application_id: int) -> Application | None:
    return (
        await Application.filter(id=application_id)
        .select_related("round", "category", "agency")
        .prefetch_related("qualifications", "items")
        .first()
    )


async def agency_applications(agency_id: int) -> list[Application]:
    return (
        await Application.filter(agency_id=agency_id)
        .select_related("round", "category")
        .order_by("-round_id", "id")
    )


@dataclass(frozen=True, slots=True)
class ReviewerQueue:
    """What one reviewer sees of a round: their declaration and what they score."""

    declaration: ConflictDeclaration | None
    # (entry, excluded, [(application, scored by this reviewer)])
    categories: list[tuple[RoundCategory, bool, list[tuple[Application, bool]]]]


async def reviewer_queue(round: AdmissionRound, reviewer: User) -> ReviewerQueue:
    declaration = await ConflictDeclaration.get_or_none(round=round, reviewer=reviewer)
    excluded = await reviewer_excluded_categories(round, reviewer) or set()
    done = set(
        await Score.filter(application__round=round, reviewer=reviewer).values_list(
            "application_id", flat=True
        )
    )
    categories = []
    for entry in (
        await RoundCategory.filter(round=round, scored=True)
        .select_related("category")
        .order_by("position")
    ):
        applications = (
            await Application.filter(
                round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
            )
            .select_related("agency")
            .order_by("id")
        )
        categories.append(
            (entry, entry.category_id in excluded, [(a, a.id in done) for a in applications])
        )
    return ReviewerQueue(declaration, categories)


async def reviewer_rounds(reviewer: User) -> list[AdmissionRound]:
    return await AdmissionRound.filter(reviewers__reviewer=reviewer).order_by("-id")


async def is_assigned(round_id: int, reviewer_id: int) -> bool:
    return await ReviewerAssignment.exists(round_id=round_id, reviewer_id=reviewer_id)
