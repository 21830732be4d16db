"""Back office for credit records."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, current_user, roles
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.core.clock import today
from marketplace.core.uploads import MAX_FILES, read_uploads, stored_path
from marketplace.credit import services
from marketplace.credit.models import CreditRecord, CreditRecordFile
from marketplace.credit.rules import REASONS
from marketplace.formpages import on_refusal_show
from marketplace.forms import FormError, Message, form_text, parse_id
from marketplace.http import path_id
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["routes"]

_FIELDS = ("agency", "reason", "description", "evidence", "occurred_on")


async def _page(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    context.setdefault("errors", {})
    context.setdefault("values", dict.fromkeys(_FIELDS, ""))
    context.update(
        agencies=await Agency.all().order_by("name").only("id", "name"),
        records=await CreditRecord.all()
        .order_by("-id")
        .limit(100)
        .select_related("agency")
        .prefetch_related("files"),
        reasons=REASONS,
    )
    return render(request, "credit/backoffice.html", context, status_code=status_code)


@allow(roles(Role.ADMIN))
async def credit(request: Request) -> Response:
    if request.method != "POST":
        return await _page(request, {})
    form = await request.form(max_files=MAX_FILES, max_part_size=25 * 1024 * 1024)
    values = {name: form_text(form, name, 4000) for name in _FIELDS}
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    user = current_user(request)
    assert user is not None
    on_refusal_show(request, _page, {"values": values})
    try:
        # read (and so released) first, whatever else is wrong with the form
        files = await read_uploads(uploads, request.state.settings.media_dir)
    finally:
        await form.close()  # every part sent as a file, whichever field it claims to be
    agency_id = parse_id(values["agency"])
    agency = await Agency.get_or_none(id=agency_id) if agency_id else None
    if agency is None:
        raise FormError({"agency": Message(N_("Choose the agency."))})
    await services.record(
        agency,
        actor=user,
        reason=values["reason"],
        description=values["description"],
        evidence=values["evidence"],
        occurred_on=values["occurred_on"],
        today=today(),
        files=files,
    )
    return RedirectResponse("/backoffice/credit", status_code=303)


@allow(roles(Role.ADMIN))
async def credit_file(request: Request) -> Response:
    """A credit record's evidence file, for the office."""
    stored = await CreditRecordFile.get_or_none(
        id=path_id(request, "file_id"), record_id=path_id(request)
    )
    path = stored_path(request.state.settings.media_dir, stored.sha256) if stored else None
    if stored is None or path is None or not path.exists():
        raise HTTPException(status_code=404)
    return FileResponse(
        path,
        media_type=stored.content_type,
        filename=stored.filename,
        content_disposition_type="attachment",
    )


routes = [
    Route("/backoffice/credit", credit, methods=["GET", "POST"], name="backoffice_credit"),
    Route(
        "/backoffice/credit/{id:str}/files/{file_id:str}",
        credit_file,
        name="backoffice_credit_file",
    ),
]
