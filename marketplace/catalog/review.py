"""The office's review queue of listing changes (back office).

Each submitted change is shown field by field against the live version; the office
approves it (a new published version) or returns it with a reason the agency sees.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, roles, signed_in_user
from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog import listings
from marketplace.catalog.models import ChangeStatus, ListingChange
from marketplace.core.uploads import stored_path
from marketplace.formpages import dispatch, on_refusal
from marketplace.forms import Message, form_text
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["routes"]

OFFICE = roles(Role.ADMIN)


async def _change(request: Request, user: CurrentUser) -> bool:
    change = await ListingChange.get_or_none(id=path_id(request)).select_related(
        "agency", "item", "qualification"
    )
    request.state.change = change
    # drafts are the agency's own until submitted
    return change is not None and change.status is not ChangeStatus.DRAFT


_NOTICES = {
    "approved": N_("Approved and published."),
    "returned": N_("Returned to the agency with your reason."),
    "taken": N_("Another reviewer decided this change first; nothing more was done."),
}


@allow(OFFICE)
async def queue(request: Request) -> Response:
    return render(
        request,
        "workspace/review_queue.html",
        {
            "changes": await listings.review_queue(),
            "notice": _NOTICES.get(request.query_params.get("done", "")),
        },
    )


async def _detail(
    request: Request, errors: dict[str, Message], status_code: int = 200, reason: str = ""
) -> Response:
    change: ListingChange = request.state.change
    return render(
        request,
        "workspace/review_change.html",
        {
            "change": change,
            "rows": listings.differences(change),
            "errors": errors,
            "reason": reason,
            "waiting": change.status is ChangeStatus.PENDING_REVIEW,
            "notice": _NOTICES.get(request.query_params.get("done", "")),
        },
        status_code=status_code,
    )


@allow(OFFICE, owner=_change)
async def change_detail(request: Request) -> Response:
    return await _detail(request, {})


@allow(OFFICE, owner=_change)
async def approve(request: Request) -> Response:
    change: ListingChange = request.state.change
    done = await listings.approve(change.id, reviewer_id=signed_in_user(request).id)
    return RedirectResponse(f"/backoffice/listings?done={'approved' if done else 'taken'}", 303)


@allow(OFFICE, owner=_change)
async def return_change(request: Request) -> Response:
    change: ListingChange = request.state.change
    form = await request.form()
    reason = form_text(form, "reason", 4000)
    # shown again at the change's address, the reason as typed
    on_refusal(request, lambda failure: _detail(request, failure.errors, 422, reason))
    done = await listings.return_change(
        change.id, reviewer_id=signed_in_user(request).id, reason=reason
    )
    return RedirectResponse(f"/backoffice/listings?done={'returned' if done else 'taken'}", 303)


@allow(OFFICE, owner=_change)
async def certificate(request: Request) -> Response:
    """The certificate PDF of a qualification change, for the reviewer to check."""
    change: ListingChange = request.state.change
    digest = str(change.proposed.get("certificate_sha256") or "")
    if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
        raise HTTPException(status_code=404)
    path = stored_path(request.state.settings.media_dir, digest)
    if not path.exists():
        raise HTTPException(status_code=404)
    response = FileResponse(
        path,
        media_type="application/pdf",
        filename=str(change.proposed.get("certificate_name") or "certificate.pdf"),
        content_disposition_type="inline",
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


routes = [
    Route("/backoffice/listings", queue, name="backoffice_listings"),
    # the change's page and its two forms at one address (each names itself in ``do``)
    Route(
        "/backoffice/listings/{id:str}",
        dispatch(change_detail, {"approve": approve, "return": return_change}),
        methods=["GET", "POST"],
        name="backoffice_listing_change",
    ),
    Route(
        "/backoffice/listings/{id:str}/certificate",
        certificate,
        name="backoffice_listing_certificate",
    ),
]
