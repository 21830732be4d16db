"""Back office for credit records."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, current_user, roles
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.credit import services
from marketplace.credit.models import CreditRecord
from marketplace.credit.rules import REASONS
from marketplace.formpages import on_refusal_show
from marketplace.forms import FormError, Message, parse_id
from marketplace.i18n import N_
from marketplace.orders.clock import today
from marketplace.templating import render

__all__ = ["routes"]

_FIELDS = ("agency", "reason", "description", "evidence", "occurred_on")


async def _page(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    context.setdefault("errors", {})
    context.setdefault("values", dict.fromkeys(_FIELDS, ""))
    context.update(
        agencies=await Agency.all().order_by("name").only("id", "name"),
        records=await CreditRecord.all().order_by("-id").limit(100).select_related("agency"),
        reasons=REASONS,
    )
    return render(request, "credit/backoffice.html", context, status_code=status_code)


@allow(roles(Role.ADMIN))
async def credit(request: Request) -> Response:
    if request.method != "POST":
        return await _page(request, {})
    form = await request.form()
    values = {name: str(form.get(name, ""))[:4000] for name in _FIELDS}
    user = current_user(request)
    assert user is not None
    agency_id = parse_id(values["agency"])
    agency = await Agency.get_or_none(id=agency_id) if agency_id else None
    on_refusal_show(request, _page, {"values": values})
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
    )
    return RedirectResponse("/backoffice/credit", status_code=303)


routes = [Route("/backoffice/credit", credit, methods=["GET", "POST"], name="backoffice_credit")]
