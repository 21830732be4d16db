"""Public admission pages (notices, results, objections, the feed) and the agencies' own:
applying, following and changing their applications, and their certificate files."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow, current_user, roles
from marketplace.accounts import services as accounts
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.middleware import SESSION_COOKIE, client_ip
from marketplace.accounts.models import Role
from marketplace.admission import forms
from marketplace.admission.certificates import certificate_path
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationQualification,
    ApplicationStatus,
    RoundStatus,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import common as admission_common
from marketplace.admission.services import management as management_service
from marketplace.admission.services import publicity as publicity_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.catalog.fees import AMOUNT_UNITS, FEE_TYPES, QUANTITY_UNITS, parse_fee_standard
from marketplace.catalog.models import Agency, AgencyStatus, Category
from marketplace.core.clock import now as beijing_now
from marketplace.core.settings import Settings
from marketplace.formpages import Failure, on_refusal, on_refusal_show
from marketplace.forms import Message, parse_id
from marketplace.http import path_id
from marketplace.i18n import N_, translate
from marketplace.templating import render

__all__ = ["application_form_context", "round_page_context", "routes"]

NOTICES = {
    "submitted": N_("Your application was received. You can change it until the window closes."),
    "updated": N_("Your changes were saved."),
    "withdrawn": N_(
        "Your application was withdrawn. You can submit it again until the window closes."
    ),
    "objection_lodged": N_(
        "Your objection was received. Keep its receipt number: the office's answer is "
        "published here and on the round's page before the round concludes."
    ),
}
_DEFAULT_QUALIFICATION_ROWS = 2
_DEFAULT_ITEM_ROWS = 2


def _settings(request: Request) -> Settings:
    settings: Settings = request.state.settings
    return settings


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("done", ""))


async def _public_round(request: Request) -> AdmissionRound:
    round = await round_service.public_round(path_id(request))
    if round is None:
        raise HTTPException(status_code=404)
    return round


# --- public pages --------------------------------------------------------------------


@allow(PUBLIC)
async def round_list(request: Request) -> Response:
    return render(
        request,
        "admission/round_list.html",
        {
            "rounds": await round_service.public_rounds(),
            "management": await round_service.public_events(None),
        },
    )


async def round_page_context(round: AdmissionRound) -> dict[str, Any]:
    """Everything the public page of a round shows (also used by the back office)."""
    entries = await round_service.round_entries(round)
    criteria = await round_service.round_criteria(round)
    results = await publicity_service.results(round)
    return {
        "round": round,
        "entries": entries,
        "absent_entries": [e for e in entries if e.market_type == "absent"],
        "criteria": criteria,
        "tie_rule": round_service.tie_rule(criteria, round.min_score),
        "results": results,
        "objections": await publicity_service.round_objections(round),
        "events": await round_service.public_events(round),
        "corrections": await round_service.corrections(round),
        "calendar_note": await round_service.calendar_note(round.publicity_ends_on),
        "window_open": application_service.window_is_open(round),
        "objections_open": publicity_service.objections_are_open(round),
        "objectable": [
            a
            for entry in entries
            for a in results.get(entry.category_id, [])
            if a.status in (ApplicationStatus.ADMITTED, ApplicationStatus.NOT_ADMITTED)
        ],
    }


async def _round_detail(
    request: Request, round: AdmissionRound, extra: dict[str, Any], status_code: int = 200
) -> Response:
    context = await round_page_context(round)
    context.setdefault("objection_errors", {})
    context.setdefault(
        "objection_values", {"objector_name": "", "contact": "", "text": "", "application": ""}
    )
    context.update(extra, notice=_notice(request))
    return render(request, "admission/round_detail.html", context, status_code=status_code)


@allow(PUBLIC)
async def round_detail(request: Request) -> Response:
    return await _round_detail(request, await _public_round(request), {})


@allow(PUBLIC)
async def objection_lodge(request: Request) -> Response:
    round = await _public_round(request)
    form = await request.form()
    values = forms.form_values(form, ("objector_name", "contact", "text", "application"))
    application = None
    application_id = parse_id(values["application"])
    if application_id is not None:
        application = await Application.get_or_none(id=application_id, round=round)
    on_refusal_show(
        request,
        _round_detail,
        {"objection_values": values},
        args=(round,),
        errors_key="objection_errors",
    )
    objection = await publicity_service.lodge_objection(
        round,
        application=application,
        name=values["objector_name"],
        contact=values["contact"],
        text=values["text"],
    )
    # the objector follows the objection by its receipt number
    return RedirectResponse(
        f"/admission/objections?receipt={objection.receipt_no}&done=objection_lodged",
        status_code=303,
    )


@allow(PUBLIC)
async def objection_lookup(request: Request) -> Response:
    """Follow an objection by its receipt number: what it is about, its status, the answer."""
    receipt = publicity_service.clean_receipt(request.query_params.get("receipt", ""))
    objection = await publicity_service.objection_by_receipt(receipt) if receipt else None
    return render(
        request,
        "admission/objection_lookup.html",
        {"receipt": receipt, "objection": objection, "notice": _notice(request)},
        status_code=404 if receipt and objection is None else 200,
    )


@allow(PUBLIC)
async def feed(request: Request) -> Response:
    """An Atom feed of the notices: announcements, results, conclusions, sanctions."""
    kinds = [
        "announced",
        "round_corrected",
        "results_published",
        "concluded",
        *management_service.SANCTION_KINDS,
    ]
    events = await round_service.feed_events(kinds)
    response = render(
        request,
        "admission/feed.xml",
        {
            "events": events,
            "base_url": _settings(request).public_url,
            "updated": (events[0].at if events else beijing_now()).isoformat(),
            "author": translate(
                N_("%(city)s Government Service Management Office"),
                {"city": _settings(request).city},
            ),
        },
    )
    response.headers["content-type"] = "application/atom+xml; charset=utf-8"
    return response


# --- applying ------------------------------------------------------------------------


async def application_form_context(
    round: AdmissionRound, values: dict[str, Any], errors: dict[str, Message]
) -> dict[str, Any]:
    """What the application form needs: the round's categories and the rows to show."""
    qualification_rows = sum(1 for k in values if k.startswith("qual-") and k.endswith("-name"))
    item_rows = sum(1 for k in values if k.startswith("item-") and k.endswith("-title"))
    return {
        "round": round,
        "entries": await round_service.round_entries(round),
        "values": values,
        "errors": errors,
        "qualification_rows": min(
            admission_common.MAX_ROWS, max(_DEFAULT_QUALIFICATION_ROWS, qualification_rows + 1)
        ),
        "item_rows": min(admission_common.MAX_ROWS, max(_DEFAULT_ITEM_ROWS, item_rows + 1)),
        "grades": admission_common.GRADES,
        "amount_units": AMOUNT_UNITS,
        "quantity_units": QUANTITY_UNITS,
        # an interpolated table and adjustment factors have no form fields yet
        "fee_types": tuple(t for t in FEE_TYPES if t != "interpolated"),
        "uploads_lost": bool(errors),
    }


def _mode(user: CurrentUser | None) -> str:
    if user is None:
        return "new"
    if user.has(Role.AGENCY) and user.user.agency_id is not None:
        return "agency"
    return "other"


def _set_session_cookie(request: Request, response: Response, key: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        key,
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https" or request.state.settings.is_https,
    )


@allow(PUBLIC)
async def apply(request: Request) -> Response:
    """The application form: a new agency registers with it, agency staff apply with it."""
    try:
        return await _apply(request)
    finally:
        await request.close()  # uploaded files are spooled to temporary files


async def _apply(request: Request) -> Response:
    round = await _public_round(request)
    user = current_user(request)
    mode = _mode(user)
    agency = await Agency.get(id=user.user.agency_id) if mode == "agency" and user else None
    values: dict[str, Any] = {"category": request.query_params.get("category", "")[:9]}
    errors: dict[str, Message] = {}
    if request.method == "POST" and mode != "other":
        form = await forms.read_form(request)
        values["category"] = str(form.get("category", ""))[:9]
        category_id = parse_id(values["category"])
        category = await Category.get_or_none(id=category_id) if category_id else None
        data, typed = await forms.parse_application(form, errors)
        values.update(typed)

        async def shown_again(failure: Failure) -> Response:
            # the reader's findings with the service's (it reports them together anyway,
            # but not past a refusal of the round's window)
            return await _apply_page(
                request, round, mode, agency, values, {**errors, **failure.errors}
            )

        on_refusal(request, shown_again)
        if mode == "new":
            values.update(forms.form_values(form, forms.COMPANY_FIELDS))
            values.update(forms.form_values(form, ("contact_name", "email")))
            company = forms.parse_company(form, errors)
            application, new_user = await application_service.apply_as_new_agency(
                round,
                category=category,
                company=company,
                account=forms.parse_account(form),
                application=data,
                local_city=_settings(request).city,
                media_dir=_settings(request).media_dir,
                ip=client_ip(request),
                form_problems=errors,
            )
            key = await accounts.start_session(
                new_user,
                ip=client_ip(request),
                user_agent=request.headers.get("user-agent", ""),
                replaces=request.cookies.get(SESSION_COOKIE),
            )
            response = RedirectResponse(
                f"/admission/applications/{application.id}?done=submitted", status_code=303
            )
            _set_session_cookie(request, response, key)
            return response
        assert agency is not None and user is not None
        application = await application_service.submit_application(
            round,
            category=category,
            agency=agency,
            application=data,
            actor=user.user,
            media_dir=_settings(request).media_dir,
            form_problems=errors,
        )
        return RedirectResponse(
            f"/admission/applications/{application.id}?done=submitted", status_code=303
        )
    return await _apply_page(request, round, mode, agency, values, errors)


async def _apply_page(
    request: Request,
    round: AdmissionRound,
    mode: str,
    agency: Agency | None,
    values: dict[str, Any],
    errors: dict[str, Message],
) -> Response:
    context = await application_form_context(round, values, errors)
    context.update(mode=mode, agency=agency, window_open=application_service.window_is_open(round))
    return render(
        request,
        "admission/apply.html",
        context,
        status_code=422 if errors else 200,
    )


# --- an agency's own applications ----------------------------------------------------


async def _owns_application(request: Request, user: CurrentUser) -> bool:
    application = await application_service.application_with_materials(path_id(request))
    request.state.application = application
    return (
        application is not None
        and user.user.agency_id is not None
        and application.agency_id == user.user.agency_id
    )


@allow(roles(Role.AGENCY))
async def my_applications(request: Request) -> Response:
    user = current_user(request)
    assert user is not None
    agency_id = user.user.agency_id
    return render(
        request,
        "admission/my_applications.html",
        {
            "agency": await Agency.get_or_none(id=agency_id) if agency_id else None,
            "applications": await application_service.agency_applications(agency_id)
            if agency_id
            else [],
            "rounds": [
                r
                for r in await round_service.public_rounds()
                if r.status is RoundStatus.APPLICATIONS_OPEN
            ],
        },
    )


def _editable(application: Application) -> bool:
    changeable = [ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN]
    if application.round.continuous:
        changeable.append(ApplicationStatus.FAILED)  # corrected after a refused check
    return (
        application_service.window_is_open(application.round) and application.status in changeable
    )


@allow(roles(Role.AGENCY), owner=_owns_application)
async def application_detail(request: Request) -> Response:
    try:
        return await _application_detail(request)
    finally:
        await request.close()  # uploaded files are spooled to temporary files


async def _application_detail(request: Request) -> Response:
    application: Application = request.state.application
    user = current_user(request)
    assert user is not None
    agency = application.agency
    values: dict[str, Any] = {
        **forms.application_values(application),
        **{name: str(getattr(agency, name) or "") for name in forms.COMPANY_FIELDS},
    }
    errors: dict[str, Message] = {}
    if request.method == "POST":
        form = await forms.read_form(request)
        data, typed = await forms.parse_application(form, errors)
        values = {**{k: v for k, v in values.items() if not k.startswith(("qual-", "item-"))}}
        values.update(typed)
        company = None
        if agency.status is AgencyStatus.APPLICANT:
            values.update(forms.form_values(form, forms.COMPANY_FIELDS))
            values["credit_code"] = agency.credit_code
            company = forms.parse_company(form, errors)

        async def shown_again(failure: Failure) -> Response:
            # the reader's findings with the service's (it reports them together anyway,
            # but not past a refusal of the round's window)
            merged = {**errors, **failure.errors}
            return await _application_page(request, application, agency, values, merged)

        on_refusal(request, shown_again)
        await application_service.update_application(
            application,
            company=company,
            data=data,
            actor=user.user,
            local_city=_settings(request).city,
            media_dir=_settings(request).media_dir,
            form_problems=errors,
        )
        return RedirectResponse(
            f"/admission/applications/{application.id}?done=updated", status_code=303
        )
    return await _application_page(request, application, agency, values, errors)


async def _application_page(
    request: Request,
    application: Application,
    agency: Agency,
    values: dict[str, Any],
    errors: dict[str, Message],
) -> Response:
    context = await application_form_context(application.round, values, errors)
    context.update(
        application=application,
        agency=agency,
        editable=_editable(application),
        company_editable=agency.status is AgencyStatus.APPLICANT,
        fee_standards={i.id: parse_fee_standard(i.fee_standard) for i in application.items},
        notice=_notice(request),
    )
    return render(
        request,
        "admission/application_detail.html",
        context,
        status_code=422 if errors else 200,
    )


@allow(roles(Role.AGENCY), owner=_owns_application)
async def application_withdraw(request: Request) -> Response:
    application: Application = request.state.application
    user = current_user(request)
    assert user is not None
    agency = application.agency

    async def refused(failure: Failure) -> Response:  # said on the application's page
        values: dict[str, Any] = {
            **forms.application_values(application),
            **{name: str(getattr(agency, name) or "") for name in forms.COMPANY_FIELDS},
        }
        return await _application_page(request, application, agency, values, failure.errors)

    on_refusal(request, refused)
    await application_service.withdraw_application(application, actor=user.user)
    return RedirectResponse(
        f"/admission/applications/{application.id}?done=withdrawn", status_code=303
    )


async def _may_see_certificate(request: Request, user: CurrentUser) -> bool:
    """Administrators, the round's reviewers and the applying agency see a certificate."""
    qualification = (
        await ApplicationQualification.filter(id=path_id(request))
        .select_related("application")
        .first()
    )
    request.state.qualification = qualification
    if qualification is None:
        return False
    application = qualification.application
    if user.has(Role.ADMIN):
        return True
    if user.has(Role.REVIEWER) and await scoring_service.is_assigned(application.round_id, user.id):
        return True
    return user.has(Role.AGENCY) and application.agency_id == user.user.agency_id


@allow(roles(Role.ADMIN, Role.REVIEWER, Role.AGENCY), owner=_may_see_certificate)
async def certificate(request: Request) -> Response:
    qualification: ApplicationQualification = request.state.qualification
    path = certificate_path(_settings(request).media_dir, qualification.certificate_sha256)
    if not path.exists():
        raise HTTPException(status_code=404)
    response = FileResponse(
        path,
        media_type="application/pdf",
        filename=qualification.certificate_name,
        content_disposition_type="inline",
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


routes = [
    Route("/admission", round_list, name="admission_rounds"),
    Route("/admission/feed.xml", feed, name="admission_feed"),
    Route("/admission/objections", objection_lookup, name="admission_objection_lookup"),
    Route("/admission/rounds/{id:str}", round_detail, name="admission_round"),
    Route(
        "/admission/rounds/{id:str}/objections",
        objection_lodge,
        methods=["POST"],
        name="admission_objection",
    ),
    Route(
        "/admission/rounds/{id:str}/apply",
        apply,
        methods=["GET", "POST"],
        name="admission_apply",
    ),
    Route("/admission/applications", my_applications, name="admission_my_applications"),
    Route(
        "/admission/applications/{id:str}",
        application_detail,
        methods=["GET", "POST"],
        name="admission_application",
    ),
    Route(
        "/admission/applications/{id:str}/withdraw",
        application_withdraw,
        methods=["POST"],
        name="admission_application_withdraw",
    ),
    Route("/admission/certificates/{id:str}", certificate, name="admission_certificate"),
]
