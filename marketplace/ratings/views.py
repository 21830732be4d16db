"""Rating an order, the agency's reply and moderation (on the order page), and the API."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import PUBLIC, allow, roles, signed_in_user
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency, AgencyStatus
from marketplace.http import path_id
from marketplace.orders.views import PAGE_FORMS, _order_owner, refused_here
from marketplace.ratings import schemas, services
from marketplace.ratings.models import DIMENSIONS, Rating
from marketplace.schemas import operation

__all__ = ["api_routes", "routes"]


async def _with_rating(request: Request, action: str) -> Response:
    form = await request.form()
    order = request.state.order
    text = {k: str(v)[:2100] for k, v in form.items() if isinstance(v, str)}
    refused_here(request, action)
    if action == "rate":
        await services.rate_order(
            order.id,
            actor=signed_in_user(request),
            scores=text,
            comment=text.get("comment", ""),
        )
    else:
        rating = await Rating.get_or_none(order_id=order.id)
        if rating is None:
            raise HTTPException(status_code=404)
        if action == "reply":
            await services.reply(rating, actor=signed_in_user(request), text=text.get("reply", ""))
        else:
            await services.hide_comment(
                rating, actor=signed_in_user(request), reason=text.get("reason", "")
            )
    return RedirectResponse(f"/orders/{order.id}#rating", status_code=303)


@allow(roles(Role.ENTERPRISE), owner=_order_owner)
async def rate(request: Request) -> Response:
    return await _with_rating(request, "rate")


@allow(roles(Role.AGENCY), owner=_order_owner)
async def reply(request: Request) -> Response:
    return await _with_rating(request, "reply")


@allow(roles(Role.ADMIN), owner=_order_owner)
async def hide(request: Request) -> Response:
    return await _with_rating(request, "hide")


@allow(PUBLIC)
@operation(
    summary="An agency's ratings, their aggregates and its measured promise-keeping",
    responses={
        200: (
            "summary (Bayesian score, count, stars, dimensions), promise, the newest 100 ratings",
            schemas.AgencyRatings,
        )
    },
    errors={404: "No admitted agency with this id"},
)
async def agency_ratings(request: Request) -> JSONResponse:
    agency = await Agency.get_or_none(id=path_id(request), status=AgencyStatus.ADMITTED)
    if agency is None:
        raise HTTPException(status_code=404)
    summary = await services.rating_summary(agency_id=agency.id)
    promise = await services.promise_of(agency_id=agency.id)
    ratings = await Rating.filter(agency_id=agency.id).order_by("-id").limit(100)
    return JSONResponse(
        {
            "agency_id": agency.id,
            "summary": {
                "count": summary.count,
                "score": summary.score,
                "mean": summary.mean,
                "distribution": {str(k): v for k, v in summary.distribution.items()},
                "dimensions": summary.dimensions,
            },
            "promise": {
                "delivered": promise.delivered,
                "on_time": promise.on_time,
                "on_time_rate": promise.on_time_rate,
                "median_days_used": promise.median_days_used,
            },
            "ratings": [
                {
                    "id": r.id,
                    "item_id": r.item_id,
                    "scores": {d: getattr(r, d) for d in DIMENSIONS},
                    "comment": None if r.comment_hidden else r.comment,
                    "comment_hidden": r.comment_hidden,
                    "reply": r.reply,
                    "created_at": r.created_at.isoformat(),
                }
                for r in ratings
            ],
        }
    )


# posted to the order's page too, which shows them again when refused
PAGE_FORMS.update({"rate": rate, "reply": reply, "hide": hide})

routes = [
    Route("/orders/{id:str}/rating", rate, methods=["POST"], name="order_rate"),
    Route("/orders/{id:str}/rating/reply", reply, methods=["POST"], name="rating_reply"),
    Route("/orders/{id:str}/rating/hide", hide, methods=["POST"], name="rating_hide"),
]
api_routes = [Route("/agencies/{id:str}/ratings", agency_ratings, name="api_agency_ratings")]
