"""Back office for admission: rounds and every step of them, letters, the qualification
review, objections, the categories' entry settings (market type, quota, entry mode) with
the formal checks of continuous entry, and the dynamic management of admitted agencies."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, current_user, roles
from marketplace.accounts.models import Role, User
from marketplace.admission import forms, workflow
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ConflictDeclaration,
    Invitation,
    Objection,
    ReviewerAssignment,
    RoundStatus,
    Score,
)
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import entry as entry_service
from marketplace.admission.services import letters as letter_service
from marketplace.admission.services import management as management_service
from marketplace.admission.services import publicity as publicity_service
from marketplace.admission.services import review as review_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.workflow import AGENCY_TRANSITIONS
from marketplace.catalog.fees import parse_fee_standard
from marketplace.catalog.models import Agency, AgencyStatus, Category, EntryMode, MarketType
from marketplace.core.settings import Settings
from marketplace.formpages import Failure, dispatch, on_refusal, on_refusal_show, posted_row
from marketplace.forms import FormError, Message, Refused, parse_id
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["routes"]

ADMIN = roles(Role.ADMIN)
NOTICES = {
    "created": N_("The round was created as a draft. Check its criteria, then announce it."),
    "saved": N_("The changes were saved."),
    "criteria_saved": N_("The scoring criteria were saved."),
    "reviewers_saved": N_("The reviewers were saved."),
    "letter_issued": N_("The letter was issued. Print it from the list of letters."),
    "moved": N_("The round moved on to its next step."),
    "reviewed": N_("The review decision was recorded."),
    "decided": N_("The decision on the objection was recorded and published."),
    "agency_changed": N_("The agency's status was changed and published."),
    "category_saved": N_("The category's entry settings were saved."),
    "corrected": N_("The correction notice was published."),
}
_DEFAULT_ROUND = {
    "title": "",
    "notice": "",
    "conditions": "",
    "materials": "",
    "opens_on": "",
    "closes_on": "",
    "publicity_days": "5",
    "min_score": "60",
    "categories": [],
}


def _admin(request: Request) -> User:
    user = current_user(request)
    assert user is not None
    return user.user


def _settings(request: Request) -> Settings:
    settings: Settings = request.state.settings
    return settings


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("done", ""))


async def _round(request: Request) -> AdmissionRound:
    round = await AdmissionRound.get_or_none(id=path_id(request))
    if round is None:
        raise HTTPException(status_code=404)
    return round


@allow(ADMIN)
async def round_list(request: Request) -> Response:
    return render(
        request,
        "backoffice/admission/round_list.html",
        {"rounds": await AdmissionRound.all().order_by("-id"), "notice": _notice(request)},
    )


async def _round_form(
    request: Request,
    values: dict[str, Any],
    errors: dict[str, Message],
    round: AdmissionRound | None = None,
) -> Response:
    return render(
        request,
        "backoffice/admission/round_form.html",
        {
            "round": round,
            "values": values,
            "errors": errors,
            "categories": await Category.all().order_by("position", "id"),
        },
        status_code=422 if errors else 200,
    )


async def _round_form_again(
    request: Request, values: dict[str, Any], round: AdmissionRound | None, failure: Failure
) -> Response:
    """The round's form refused: with what was typed (as parsed, where parsing got so far)."""
    if isinstance(failure.source, forms.WithValues):
        values = failure.source.values
    return await _round_form(request, values, failure.errors, round)


@allow(ADMIN)
async def round_new(request: Request) -> Response:
    if request.method != "POST":
        return await _round_form(request, dict(_DEFAULT_ROUND), {})
    form = await request.form()
    values: dict[str, Any] = {}
    on_refusal(request, functools.partial(_round_form_again, request, values, None))
    details, parsed = forms.parse_round(form)
    values.update(parsed)
    round = await round_service.create_round(details=details, actor=_admin(request))
    return RedirectResponse(f"/backoffice/admission/rounds/{round.id}?done=created", 303)


@allow(ADMIN)
async def round_edit(request: Request) -> Response:
    round = await _round(request)
    if request.method != "POST":
        entries = await round_service.round_entries(round)
        values: dict[str, Any] = {
            **{name: str(getattr(round, name)) for name in forms.ROUND_FIELDS},
            "categories": [e.category_id for e in entries],
            **{f"places-{e.category_id}": str(e.places) for e in entries},
        }
        return await _round_form(request, values, {}, round)
    form = await request.form()
    values = {}
    on_refusal(request, functools.partial(_round_form_again, request, values, round))
    details, parsed = forms.parse_round(form)
    values.update(parsed)
    await round_service.update_round(round, details=details, actor=_admin(request))
    return RedirectResponse(f"/backoffice/admission/rounds/{round.id}?done=saved", 303)


async def _overview(
    request: Request, round: AdmissionRound, extra: dict[str, Any], status_code: int = 200
) -> Response:
    entries = await round_service.round_entries(round)
    criteria = await round_service.round_criteria(round)
    applications = (
        await Application.filter(round=round)
        .select_related("agency", "category")
        .order_by("category_id", "id")
    )
    counts = Counter((a.category_id, a.status.value) for a in applications)
    transition = workflow.round_transition(round.status)
    problems = (
        await round_service.transition_problems(round, to=RoundStatus(str(transition.target)))
        if transition
        else []
    )
    assigned = await ReviewerAssignment.filter(round=round).select_related("reviewer")
    declared = {d.reviewer_id: d for d in await ConflictDeclaration.filter(round=round)}
    sheets = Counter(
        reviewer_id
        for reviewer_id, _ in set(
            await Score.filter(application__round=round).values_list(
                "reviewer_id", "application_id"
            )
        )
    )
    context: dict[str, Any] = {
        "round": round,
        "entries": entries,
        "criteria": criteria,
        "tie_rule": round_service.tie_rule(criteria, round.min_score),
        "applications": applications,
        "counts": counts,
        "transition": transition,
        "problems": problems,
        "assigned": assigned,
        "declared": declared,
        "sheets": sheets,
        "reviewer_choices": await User.filter(roles__role=Role.REVIEWER).order_by("name"),
        "letters": await Invitation.filter(round=round).select_related("category").order_by("id"),
        "results": await publicity_service.results(round),
        "objections": await publicity_service.round_objections(round),
        "events": await round_service.round_events(round),
        "calendar_note": await round_service.calendar_note(round.publicity_ends_on),
        "notice": _notice(request),
        "criteria_errors": {},
        "criteria_values": {},
        "reviewer_errors": {},
        "letter_errors": {},
        "letter_values": {"category": "", "name": "", "credit_code": "", "city": "", "address": ""},
        "transition_errors": {},
        "objection_errors": {},
        "objection_values": {},
        "correctable": ()
        if round.continuous
        else round_service.CORRECTABLE.get(RoundStatus(round.status), ()),
        "correction_errors": {},
        "correction_values": _correction_values(round),
    }
    context.update(extra)
    return render(
        request, "backoffice/admission/round_detail.html", context, status_code=status_code
    )


@allow(ADMIN)
async def round_detail(request: Request) -> Response:
    return await _overview(request, await _round(request), {})


async def _criteria_again(
    request: Request, round: AdmissionRound, values: dict[str, str], failure: Failure
) -> Response:
    if isinstance(failure.source, forms.WithValues):
        values = failure.source.values
    return await _overview(
        request, round, {"criteria_errors": failure.errors, "criteria_values": values}
    )


@allow(ADMIN)
async def round_criteria(request: Request) -> Response:
    round = await _round(request)
    form = await request.form()
    values: dict[str, str] = {}
    on_refusal(request, functools.partial(_criteria_again, request, round, values))
    criteria, parsed = forms.parse_criteria(form)
    values.update(parsed)
    await round_service.set_criteria(round, criteria=criteria, actor=_admin(request))
    return RedirectResponse(
        f"/backoffice/admission/rounds/{round.id}?done=criteria_saved#criteria", 303
    )


@allow(ADMIN)
async def round_reviewers(request: Request) -> Response:
    round = await _round(request)
    form = await request.form()
    raw = {v for v in form.getlist("reviewers") if isinstance(v, str)}
    ids = {i for i in map(parse_id, raw) if i is not None}
    chosen = await User.filter(id__in=ids)
    on_refusal_show(request, _overview, args=(round,), errors_key="reviewer_errors")
    if len(chosen) != len(raw):
        # An id that names nobody must not be read as "no reviewers": refuse it whole.
        raise FormError.single("reviewers", N_("A chosen reviewer does not exist."))
    await round_service.set_reviewers(round, reviewers=chosen, actor=_admin(request))
    return RedirectResponse(
        f"/backoffice/admission/rounds/{round.id}?done=reviewers_saved#reviewers", 303
    )


@allow(ADMIN)
async def round_letters(request: Request) -> Response:
    """Issue a letter: to the holder of a monopoly category, or to an external agency."""
    round = await _round(request)
    form = await request.form()
    values = forms.form_values(form, ("category", "name", "credit_code", "city", "address"))
    category_id = parse_id(values["category"])
    category = await Category.get_or_none(id=category_id) if category_id else None
    on_refusal_show(
        request, _overview, {"letter_values": values}, args=(round,), errors_key="letter_errors"
    )
    if category is None:
        raise FormError.single("category", N_("Choose a category of this round."))
    issue = (
        letter_service.designate_holder
        if category.market_type == "monopoly"
        else letter_service.invite_agency
    )
    await issue(
        round,
        category=category,
        name=values["name"],
        credit_code=values["credit_code"],
        city=values["city"],
        address=values["address"],
        issuer_city=_settings(request).city,
        actor=_admin(request),
    )
    return RedirectResponse(
        f"/backoffice/admission/rounds/{round.id}?done=letter_issued#letters", 303
    )


async def _transition_refused(request: Request, failure: Failure) -> Response:
    round = await _round(request)  # as it is now: the refused step changed nothing
    return await _overview(request, round, {"transition_errors": failure.errors})


@allow(ADMIN)
async def round_transition(request: Request) -> Response:
    round = await _round(request)
    form = await request.form()
    target = str(form.get("to", ""))
    on_refusal(request, functools.partial(_transition_refused, request))
    if target not in RoundStatus.__members__.values():
        raise FormError.single("", N_("A round cannot take this step from where it is."))
    await round_service.transition_round(round, to=RoundStatus(target), actor=_admin(request))
    return RedirectResponse(f"/backoffice/admission/rounds/{round.id}?done=moved", 303)


@allow(ADMIN)
async def letter_print(request: Request) -> Response:
    letter = (
        await Invitation.filter(id=path_id(request)).select_related("round", "category").first()
    )
    if letter is None:
        raise HTTPException(status_code=404)
    return render(request, "backoffice/admission/letter_print.html", {"letter": letter})


async def _application_review_page(
    request: Request, application: Application, values: dict[str, str], extra: dict[str, Any]
) -> Response:
    errors: dict[str, Message] = extra.get("errors", {})
    scores = (
        await Score.filter(application=application)
        .select_related("reviewer", "criterion")
        .order_by("reviewer_id", "criterion__position")
        if application.round.status in publicity_service.RESULTS_PUBLIC
        else []
    )
    return render(
        request,
        "backoffice/admission/application_review.html",
        {
            "application": application,
            "values": values,
            "errors": errors,
            "scores": scores,
            # everything the applicant entered: its staff accounts are the contact persons
            "contacts": await User.filter(agency_id=application.agency_id).order_by("id"),
            "fee_standards": {i.id: parse_fee_standard(i.fee_standard) for i in application.items},
            "notice": _notice(request),
        },
        status_code=422 if errors else 200,
    )


@allow(ADMIN)
async def application_review(request: Request) -> Response:
    application = await application_service.application_with_materials(path_id(request))
    if application is None:
        raise HTTPException(status_code=404)
    values = {"decision": "", "reason": ""}
    if request.method == "POST":
        form = await request.form()
        values = forms.form_values(form, ("decision", "reason"))
        on_refusal_show(request, _application_review_page, args=(application, values))
        if values["decision"] not in ("pass", "fail"):
            raise FormError.single("decision", N_("Choose pass or fail."))
        decide = (
            entry_service.check_application
            if application.round.continuous
            else review_service.review_application
        )
        await decide(
            application,
            passed=values["decision"] == "pass",
            reason=values["reason"],
            actor=_admin(request),
        )
        return RedirectResponse(
            f"/backoffice/admission/applications/{application.id}?done=reviewed", 303
        )
    return await _application_review_page(request, application, values, {})


async def _objection_refused(
    request: Request, objection_id: int, values: dict[str, str], failure: Failure
) -> Response:
    """The round's page with the refusal at the objection it concerns, as it was typed (or
    above the objections, for one the round does not have)."""
    round = await _round(request)  # as it is now: the refused decision changed nothing
    extra = {
        "objection_errors": {objection_id: failure.errors},
        "objection_values": {objection_id: values},
    }
    return await _overview(request, round, extra)


@allow(ADMIN)
async def objection_decide(request: Request) -> Response:
    """Decide the objection a row of the round's page names (``ROW_KEY``)."""
    round = await _round(request)
    form = await request.form()
    objection_id = posted_row(form)
    objection = (
        await Objection.get_or_none(id=objection_id, round_id=round.id) if objection_id else None
    )
    values = forms.form_values(form, ("decision", "reason"))
    row = objection.id if objection else 0
    on_refusal(request, functools.partial(_objection_refused, request, row, values))
    if objection is None:
        raise Refused(N_("This objection is not one of this round's: nothing was changed."))
    if values["decision"] not in ("uphold", "dismiss"):
        raise FormError.single("decision", N_("Choose to uphold or to dismiss."))
    await publicity_service.decide_objection(
        objection,
        uphold=values["decision"] == "uphold",
        reason=values["reason"],
        actor=_admin(request),
    )
    return RedirectResponse(f"/backoffice/admission/rounds/{round.id}?done=decided#objections", 303)


# --- categories: market type, quota, entry mode ---------------------------------------

_CATEGORY_FIELDS = ("market_type", "quota", "entry_mode", "check_days")


@allow(ADMIN)
async def categories(request: Request) -> Response:
    return render(
        request,
        "backoffice/admission/categories.html",
        {
            "categories": await Category.all().order_by("position", "id"),
            "pending": await entry_service.pending_checks(),
            "standing": await entry_service.standing_round(),
            "notice": _notice(request),
        },
    )


async def _category_page(
    request: Request, category: Category, values: dict[str, str], extra: dict[str, Any]
) -> Response:
    errors: dict[str, Message] = extra.get("errors", {})
    return render(
        request,
        "backoffice/admission/category_form.html",
        {
            "category": category,
            "values": values,
            "errors": errors,
            "market_types": list(MarketType),
            "entry_modes": list(EntryMode),
        },
        status_code=422 if errors else 200,
    )


@allow(ADMIN)
async def category_edit(request: Request) -> Response:
    category = await Category.get_or_none(id=path_id(request))
    if category is None:
        raise HTTPException(status_code=404)
    values = {
        "market_type": category.market_type.value,
        "quota": "" if category.quota is None else str(category.quota),
        "entry_mode": category.entry_mode.value,
        "check_days": str(category.check_days),
    }
    if request.method == "POST":
        form = await request.form()
        values = forms.form_values(form, _CATEGORY_FIELDS)
        on_refusal_show(request, _category_page, args=(category, values))
        settings = forms.parse_entry_settings(values)
        await entry_service.set_entry_settings(category, **settings, actor=_admin(request))
        return RedirectResponse(
            f"/backoffice/admission/categories?done=category_saved#category-{category.id}",
            303,
        )
    return await _category_page(request, category, values, {})


# --- dynamic management --------------------------------------------------------------


# the statuses of the agencies the page lists, each with its form
_MANAGED = (AgencyStatus.ADMITTED, AgencyStatus.SUSPENDED, AgencyStatus.EXITED)


async def _agencies_page(
    request: Request, extra: dict[str, Any], status_code: int = 200
) -> Response:
    agencies = await Agency.filter(status__in=_MANAGED).order_by("status", "id")
    context: dict[str, Any] = {
        "agencies": agencies,
        "actions": {
            status.value: AGENCY_TRANSITIONS.allowed_from(status, Role.ADMIN)
            for status in AgencyStatus
        },
        "events": list(reversed(await round_service.public_events(None))),
        "agency_errors": {},
        "agency_values": {},
        "notice": _notice(request),
    }
    context.update(extra)
    # a refusal for no agency of the list is said above it
    shown = {a.id for a in agencies}
    context["list_errors"] = {
        name: m
        for agency_id, errors in context["agency_errors"].items()
        if agency_id not in shown
        for name, m in errors.items()
    }
    return render(request, "backoffice/admission/agencies.html", context, status_code=status_code)


@allow(ADMIN)
async def agencies(request: Request) -> Response:
    return await _agencies_page(request, {})


async def _agency_refused(
    request: Request, agency_id: int, values: dict[str, str], failure: Failure
) -> Response:
    extra = {"agency_errors": {agency_id: failure.errors}, "agency_values": {agency_id: values}}
    return await _agencies_page(request, extra)


@allow(ADMIN)
async def agency_manage(request: Request) -> Response:
    """Suspend, reinstate or remove the agency a row of the list names (``ROW_KEY``)."""
    form = await request.form()
    agency_id = posted_row(form)
    agency = await Agency.get_or_none(id=agency_id, status__in=_MANAGED) if agency_id else None
    values = forms.form_values(form, ("to", "reason"))
    row = agency.id if agency else 0
    on_refusal(request, functools.partial(_agency_refused, request, row, values))
    if agency is None:
        raise Refused(N_("This agency is not on the list (any more): nothing was changed."))
    if values["to"] not in AgencyStatus.__members__.values():
        raise FormError.single("to", N_("This agency cannot be moved to that status."))
    await management_service.manage_agency(
        agency, to=AgencyStatus(values["to"]), reason=values["reason"], actor=_admin(request)
    )
    return RedirectResponse(
        f"/backoffice/admission/agencies?done=agency_changed#agency-{agency.id}", 303
    )


def _correction_values(round: AdmissionRound) -> dict[str, str]:
    return {
        "opens_on": round.opens_on.isoformat(),
        "closes_on": round.closes_on.isoformat(),
        "publicity_ends_on": round.publicity_ends_on.isoformat() if round.publicity_ends_on else "",
        "correction_text": "",
    }


async def _correction_refused(
    request: Request, values: dict[str, str], failure: Failure
) -> Response:
    round = await _round(request)  # as it is now: the refused notice changed nothing
    extra = {"correction_errors": failure.errors, "correction_values": values}
    return await _overview(request, round, extra)


@allow(ADMIN)
async def round_correction(request: Request) -> Response:
    round = await _round(request)
    form = await request.form()
    values = forms.form_values(
        form, ("opens_on", "closes_on", "publicity_ends_on", "correction_text")
    )
    on_refusal(request, functools.partial(_correction_refused, request, values))
    correction = forms.parse_correction(values)
    await round_service.publish_correction(round, correction=correction, actor=_admin(request))
    return RedirectResponse(f"/backoffice/admission/rounds/{round.id}?done=corrected", 303)


routes = [
    Route("/backoffice/admission", round_list, name="backoffice_admission"),
    Route(
        "/backoffice/admission/new",
        round_new,
        methods=["GET", "POST"],
        name="backoffice_admission_new",
    ),
    # the round's page and its forms at one address (each names itself in ``do``); the
    # forms' own addresses below still take them
    Route(
        "/backoffice/admission/rounds/{id:str}",
        dispatch(
            round_detail,
            {
                "transition": round_transition,
                "correction": round_correction,
                "criteria": round_criteria,
                "reviewers": round_reviewers,
                "letters": round_letters,
                "objection": objection_decide,
            },
        ),
        methods=["GET", "POST"],
        name="backoffice_admission_round",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/edit",
        round_edit,
        methods=["GET", "POST"],
        name="backoffice_admission_edit",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/criteria",
        round_criteria,
        methods=["POST"],
        name="backoffice_admission_criteria",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/reviewers",
        round_reviewers,
        methods=["POST"],
        name="backoffice_admission_reviewers",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/letters",
        round_letters,
        methods=["POST"],
        name="backoffice_admission_letters",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/transition",
        round_transition,
        methods=["POST"],
        name="backoffice_admission_transition",
    ),
    Route(
        "/backoffice/admission/rounds/{id:str}/correction",
        round_correction,
        methods=["POST"],
        name="backoffice_admission_correction",
    ),
    Route(
        "/backoffice/admission/letters/{id:str}",
        letter_print,
        name="backoffice_admission_letter",
    ),
    Route(
        "/backoffice/admission/applications/{id:str}",
        application_review,
        methods=["GET", "POST"],
        name="backoffice_admission_application",
    ),
    # the list of admitted agencies and each row's form at one address
    Route(
        "/backoffice/admission/agencies",
        dispatch(agencies, {"manage": agency_manage}),
        methods=["GET", "POST"],
        name="backoffice_admission_agencies",
    ),
    Route("/backoffice/admission/categories", categories, name="backoffice_admission_categories"),
    Route(
        "/backoffice/admission/categories/{id:str}",
        category_edit,
        methods=["GET", "POST"],
        name="backoffice_admission_category",
    ),
]
