"""Reviewer pages: the rounds a reviewer is assigned to, the conflict declaration, and one
score sheet per application. A reviewer sees only their own scores."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, current_user, roles
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.admission import forms
from marketplace.admission.models import AdmissionRound, Application, Criterion, Score
from marketplace.admission.services import applications as application_service
from marketplace.admission.services import rounds as round_service
from marketplace.admission.services import scoring as scoring_service
from marketplace.catalog.fees import parse_fee_standard
from marketplace.formpages import on_refusal_show
from marketplace.forms import FormError, Message, parse_id
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["routes"]

REVIEWER = roles(Role.REVIEWER)
NOTICES = {
    "declared": N_("Your declaration is recorded. You can score now."),
    "scored": N_("Your score sheet is recorded."),
}


def _reviewer(request: Request) -> User:
    user = current_user(request)
    assert user is not None
    return user.user


async def _assigned_round(request: Request, user: CurrentUser) -> bool:
    round = await AdmissionRound.get_or_none(id=path_id(request))
    request.state.round = round
    return round is not None and await scoring_service.is_assigned(round.id, user.id)


async def _assigned_application(request: Request, user: CurrentUser) -> bool:
    application = await application_service.application_with_materials(path_id(request))
    request.state.application = application
    return application is not None and await scoring_service.is_assigned(
        application.round_id, user.id
    )


@allow(REVIEWER)
async def review_home(request: Request) -> Response:
    return render(
        request,
        "admission/review_home.html",
        {"rounds": await scoring_service.reviewer_rounds(_reviewer(request))},
    )


async def _round_page(
    request: Request, round: AdmissionRound, extra: dict[str, Any], status_code: int = 200
) -> Response:
    context: dict[str, Any] = {
        "round": round,
        "queue": await scoring_service.reviewer_queue(round, _reviewer(request)),
        "criteria": await round_service.round_criteria(round),
        "errors": {},
        "values": {"statement": "", "conflicts": []},
        "notice": NOTICES.get(request.query_params.get("done", "")),
    }
    context.update(extra)
    return render(request, "admission/review_round.html", context, status_code=status_code)


@allow(REVIEWER, owner=_assigned_round)
async def review_round(request: Request) -> Response:
    return await _round_page(request, request.state.round, {})


@allow(REVIEWER, owner=_assigned_round)
async def declaration(request: Request) -> Response:
    round: AdmissionRound = request.state.round
    form = await request.form()
    chosen = [i for i in map(parse_id, form.getlist("conflicts")) if i is not None]
    statement = str(form.get("statement", ""))[:2001]
    values: dict[str, Any] = {"statement": statement, "conflicts": chosen}
    conflicting = await Application.filter(id__in=chosen, round=round)
    on_refusal_show(request, _round_page, {"values": values}, args=(round,))
    if len(conflicting) != len(set(chosen)):
        raise FormError.single("conflicts", N_("Choose applicants of this round's scoring."))
    await scoring_service.declare_conflicts(
        round,
        reviewer=_reviewer(request),
        conflicting=conflicting,
        statement=statement,
    )
    return RedirectResponse(f"/review/rounds/{round.id}?done=declared", status_code=303)


async def _score_sheet_page(
    request: Request,
    application: Application,
    criteria: list[Criterion],
    values: dict[str, str],
    extra: dict[str, Any],
) -> Response:
    reviewer = _reviewer(request)
    errors: dict[str, Message] = extra.get("errors", {})
    mine = {
        s.criterion_id: s.points
        for s in await Score.filter(application=application, reviewer=reviewer)
    }
    return render(
        request,
        "admission/score_sheet.html",
        {
            "application": application,
            "criteria": criteria,
            "mine": mine,
            "values": values,
            "errors": errors,
            "fee_standards": {i.id: parse_fee_standard(i.fee_standard) for i in application.items},
        },
        status_code=422 if errors else 200,
    )


@allow(REVIEWER, owner=_assigned_application)
async def score_sheet(request: Request) -> Response:
    application: Application = request.state.application
    criteria = await round_service.round_criteria(application.round)
    values: dict[str, str] = {}
    if request.method == "POST":
        form = await request.form()
        for criterion in criteria:
            name = f"criterion-{criterion.id}"
            values[name] = str(form.get(name, ""))[:10]
        on_refusal_show(request, _score_sheet_page, args=(application, criteria, values))
        points = forms.parse_points(values, criteria)
        await scoring_service.submit_scores(application, reviewer=_reviewer(request), points=points)
        return RedirectResponse(
            f"/review/rounds/{application.round_id}?done=scored", status_code=303
        )
    return await _score_sheet_page(request, application, criteria, values, {})


routes = [
    Route("/review", review_home, name="review_home"),
    Route("/review/rounds/{id:str}", review_round, name="review_round"),
    Route(
        "/review/rounds/{id:str}/declaration",
        declaration,
        methods=["POST"],
        name="review_declaration",
    ),
    Route(
        "/review/applications/{id:str}",
        score_sheet,
        methods=["GET", "POST"],
        name="review_application",
    ),
]
