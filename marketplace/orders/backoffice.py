"""Back office for the working-day calendar: holidays and make-up days beyond the package."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from marketplace.access import allow, roles
from marketplace.accounts.models import Role
from marketplace.core.calendar import Holiday, HolidayYear, confirm_year, set_day
from marketplace.core.workdays import covered_years
from marketplace.formpages import on_refusal_show
from marketplace.forms import FormError, Message, parse_int
from marketplace.i18n import N_
from marketplace.templating import render

__all__ = ["routes"]


async def _page(request: Request, context: dict[str, Any], status_code: int = 200) -> Response:
    context.setdefault("errors", {})
    context.setdefault("values", {"day": "", "kind": "off", "name": ""})
    context.update(
        holidays=await Holiday.all().order_by("day"),
        confirmed=sorted(await HolidayYear.all().values_list("year", flat=True)),
        covered=covered_years(),
    )
    return render(request, "backoffice/holidays.html", context, status_code=status_code)


@allow(roles(Role.ADMIN))
async def holidays(request: Request) -> Response:
    if request.method != "POST":
        return await _page(request, {})
    form = await request.form()
    values = {k: str(form.get(k, ""))[:64] for k in ("day", "kind", "name", "year", "op")}
    on_refusal_show(request, _page, {"values": values})
    if values["op"] == "confirm_year":
        year = parse_int(values["year"], field="year", minimum=2000, maximum=2100)
        await confirm_year(year)
    else:
        try:
            day = dt.date.fromisoformat(values["day"])
        except ValueError:
            raise FormError({"day": Message(N_("Enter a date such as 2027-10-01."))}) from None
        if values["kind"] not in ("off", "workday"):
            raise FormError.single("kind", N_("Choose a day off or a make-up working day."))
        await set_day(day, is_workday=values["kind"] == "workday", name=values["name"])
    return RedirectResponse("/backoffice/holidays", status_code=303)


routes = [
    Route("/backoffice/holidays", holidays, methods=["GET", "POST"], name="backoffice_holidays")
]
