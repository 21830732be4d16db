"""The office's working-day calendar: its table of holidays and make-up days, and the one
``WorkCalendar`` every deadline is computed on (orders, admission, complaints, requests).

The packaged State Council schedule (``marketplace.core.workdays``) covers the years
``chinesecalendar`` knows; administrators enter what it does not (a new year's schedule
once published, a local day off) here, and confirm a year once it is complete.
"""

from __future__ import annotations

import datetime as dt

from tortoise import fields
from tortoise.models import Model

from marketplace.core.workdays import WorkCalendar

__all__ = ["Holiday", "HolidayYear", "confirm_year", "load_calendar", "set_day"]


class Holiday(Model):
    """An administrator's calendar entry: a day off, or a make-up working day (调休)."""

    id = fields.IntField(primary_key=True)
    day = fields.DateField(unique=True)
    is_workday = fields.BooleanField()
    name = fields.CharField(max_length=64, default="")

    class Meta:
        table = "holiday"
        ordering = ["day"]


class HolidayYear(Model):
    """A year whose official schedule an administrator has entered completely."""

    id = fields.IntField(primary_key=True)
    year = fields.IntField(unique=True)
    confirmed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "holiday_year"


async def load_calendar() -> WorkCalendar:
    """The working-day calendar with the administrators' entries (two small queries)."""
    overrides = {h.day: h.is_workday for h in await Holiday.all()}
    years = frozenset(await HolidayYear.all().values_list("year", flat=True))
    return WorkCalendar(overrides=overrides, confirmed_years=years)  # type: ignore[arg-type]


async def set_day(day: dt.date, *, is_workday: bool, name: str) -> None:
    """Enter ``day`` as a day off or a make-up working day (replacing an earlier entry)."""
    await Holiday.update_or_create(day=day, defaults={"is_workday": is_workday, "name": name})


async def confirm_year(year: int) -> None:
    """Record that ``year``'s schedule is entered completely (once)."""
    if not await HolidayYear.exists(year=year):
        await HolidayYear.create(year=year)
