"""Applications: an agency (new or registered) applies for a category of an open round, changes
its application while the window is open, or withdraws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from email_validator import EmailNotValidError, validate_email
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission.certificates import check_pdf, store_certificate
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationQualification,
    ApplicationStatus,
    ProposedItem,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services.common import (
    APPLICATION_CHANGES,
    GRADES,
    MAX_ROWS,
    Step,
    beijing_date,
    changes_of,
    clean_text,
    int_in,
    now_or_clock,
    office_calendar,
    record,
    refuse,
    round_category,
)
from marketplace.admission.workflow import APPLICATION_TRANSITIONS
from marketplace.catalog import services as catalog
from marketplace.catalog.fees import FeeStandardError, parse_fee_standard
from marketplace.catalog.models import (
    Agency,
    AgencyStatus,
    Category,
    MarketType,
    ServiceItem,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_


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
        name=clean_text(company.name, "name", errors, 128),
        credit_code=accounts.clean_credit_code(company.credit_code, errors),
        legal_representative=clean_text(
            company.legal_representative, "legal_representative", errors, 64
        ),
        address=clean_text(company.address, "address", errors, 256),
        city=clean_text(company.city, "city", errors, 32),
        phone=clean_text(company.phone, "phone", errors, 32),
        name_en=clean_text(company.name_en, "name_en", errors, 256, required=False),
        established_on=established_on,
        staff_count=staff_count,
        description=clean_text(company.description, "description", errors, 2000, required=False),
    )


def _check_account(account: AccountInput, errors: dict[str, Message]) -> None:
    """The account's obvious problems, so one answer lists everything to correct; the
    accounts service makes the same checks again when it creates the user."""
    clean_text(account.name, "contact_name", errors, 64)
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
    today = beijing_date(now_or_clock(now))
    return (
        round.status is RoundStatus.APPLICATIONS_OPEN and round.opens_on <= today <= round.closes_on
    )


async def _check_window(round: AdmissionRound, now: dt.datetime) -> None:
    if not window_is_open(round, now):
        raise refuse(N_("The application window is closed: applications can no longer be changed."))


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
    valid_on: dt.date,
) -> None:
    """``valid_on``: today (continuous entry checks that no certificate has expired; a
    round, that each is valid on its closing day)."""
    clean_text(data.key_staff, "key_staff", errors, 5000)
    clean_text(data.past_performance, "past_performance", errors, 5000)
    if not data.qualifications:
        errors["qualifications"] = Message(N_("List at least one qualification certificate."))
    if len(data.qualifications) > MAX_ROWS:
        errors["qualifications"] = Message(N_("List at most %(count)s."), {"count": MAX_ROWS})
    seen: set[str] = set()
    for index, q in enumerate(data.qualifications):
        prefix = f"qual-{index}-"
        clean_text(q.name, prefix + "name", errors, 128)
        number = clean_text(q.certificate_no, prefix + "certificate_no", errors, 64)
        if number in seen:
            errors[prefix + "certificate_no"] = Message(N_("This certificate is listed twice."))
        seen.add(number)
        clean_text(q.issuer, prefix + "issuer", errors, 128)
        if q.grade not in (None, *GRADES):
            errors[prefix + "grade"] = Message(N_("Choose 甲, 乙, 丙 or no grade."))
        if q.expires_on is None:
            errors[prefix + "expires_on"] = Message(N_("Enter a date."))
        elif round.continuous:
            if q.expires_on < valid_on:
                errors[prefix + "expires_on"] = Message(N_("This certificate has expired."))
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
        clean_text(item.title, prefix + "title", errors, 128)
        clean_text(item.scope, prefix + "scope", errors, 5000)
        clean_text(item.content, prefix + "content", errors, 5000)
        clean_text(item.legal_basis, prefix + "legal_basis", errors, 5000)
        clean_text(item.fee_basis, prefix + "fee_basis", errors, 5000)
        clean_text(item.commitments, prefix + "commitments", errors, 5000, required=False)
        int_in(item.time_limit_days, prefix + "time_limit_days", errors, 1, 365)
        fee_problem = _fee_problem(item.fee_standard)
        if fee_problem is not None and prefix + "fee_type" not in errors:
            errors[prefix + "fee_type"] = Message(
                N_("This fee standard is not complete or not consistent (%(detail)s)."),
                {"detail": fee_problem},
            )


async def _check_market_rules(
    entry: RoundCategory | None,
    credit_code: str,
    is_local: bool,
    errors: dict[str, Message],
    *,
    agency_id: int | None = None,
) -> None:
    """Who may apply for ``entry``: by market type in a round; in continuous entry any
    agency not yet offering the category (the formal check decides the rest)."""
    if entry is None:
        errors["category"] = Message(N_("Choose a category of this round."))
    elif await AdmissionRound.filter(id=entry.round_id, continuous=True).exists():
        if agency_id is not None and await ServiceItem.exists(
            agency_id=agency_id, category_id=entry.category_id
        ):
            errors["category"] = Message(N_("Your agency offers this category already."))
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


async def _check_due_on(
    round: AdmissionRound, category_id: int, now: dt.datetime
) -> dt.date | None:
    """Continuous entry: the formal check is due the category's working days (as the office
    set them now) after the (re)submission, on the office's calendar."""
    if not round.continuous:
        return None
    category = await Category.get(id=category_id)
    calendar = await office_calendar()
    return calendar.add_working_days(beijing_date(now), category.check_days)


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
        check_due_on=await _check_due_on(round, category.id, now),
    )
    await _write_materials(application, data, media_dir=media_dir, keepable={})
    await record(
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
    company = _clean_company(company, errors, today=beijing_date(now_or_clock(now)))
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
    now = now_or_clock(now)
    await _check_window(round, now)
    errors: dict[str, Message] = dict(form_problems or {})
    company = _clean_company(company, errors, today=beijing_date(now))
    _check_account(account, errors)
    entry = await round_category(round, category) if category is not None else None
    await _check_market_rules(entry, company.credit_code, company.city == local_city, errors)
    await _check_materials(round, application, errors, keepable={}, valid_on=beijing_date(now))
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
        raise refuse(N_("This agency or e-mail address was registered a moment ago.")) from None
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
    now = now_or_clock(now)
    await _check_window(round, now)
    errors: dict[str, Message] = dict(form_problems or {})
    entry = await round_category(round, category) if category is not None else None
    await _check_market_rules(
        entry, agency.credit_code, agency.is_local, errors, agency_id=agency.id
    )
    if agency.status in (AgencyStatus.SUSPENDED, AgencyStatus.EXITED):
        errors["category"] = Message(N_("A suspended or removed agency cannot apply."))
    await _check_materials(round, application, errors, keepable={}, valid_on=beijing_date(now))
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
        raise refuse(
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
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=application.round_id)
    await _check_window(round, now)
    changeable = [ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN]
    if round.continuous:
        changeable.append(ApplicationStatus.FAILED)  # corrected after a refused check
    if application.status not in changeable:
        raise refuse(N_("This application can no longer be changed."))
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
    await _check_market_rules(entry, agency.credit_code, is_local, errors, agency_id=agency.id)
    keepable = {q.id: q for q in await ApplicationQualification.filter(application=application)}
    await _check_materials(round, data, errors, keepable=keepable, valid_on=beijing_date(now))
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
        resubmitted = application.status in (ApplicationStatus.WITHDRAWN, ApplicationStatus.FAILED)
        application.key_staff = data.key_staff.strip()
        application.past_performance = data.past_performance.strip()
        application.updated_at = now
        if resubmitted:
            application.status = ApplicationStatus.SUBMITTED
            application.submitted_at = now
            application.check_due_on = await _check_due_on(round, application.category_id, now)
        await application.save()
        await _write_materials(application, data, media_dir=media_dir, keepable=keepable)
        await record(
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
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=application.round_id)
    await _check_window(round, now)
    spec = APPLICATION_TRANSITIONS["withdraw"]
    if application.status not in spec.sources:
        raise refuse(N_("This application can no longer be changed."))
    assert spec.target is not None
    changes = changes_of(APPLICATION_CHANGES, spec, Step(now=now))
    async with in_transaction():
        claimed = await Application.filter(id=application.id, status=application.status).update(
            status=spec.target, **changes
        )
        if claimed != 1:
            raise refuse(N_("The application was changed a moment ago; reload the page."))
        application.status = ApplicationStatus(spec.target)
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
        )
    return application


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
