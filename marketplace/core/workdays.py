"""Working days (工作日) under China's official calendar.

Weekends and public holidays are off and the adjusted weekend workdays (调休) are on,
as published each year by the State Council and packaged by ``chinesecalendar`` for the
years it covers. Beyond them the calendar falls back to weekends only, and any result
that depends on such a year is *provisional*. Administrators add the holidays and
make-up days of later years (or correct any year) in the ``Holiday`` table; those
entries override both.

Counting convention (as in 自受理之日起 N 个工作日): the start day itself does not count,
so a time limit of N working days ends on the N-th working day after the start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import chinese_calendar

__all__ = [
    "WorkCalendar",
    "add_working_days",
    "covered_years",
    "is_covered",
    "is_working_day",
    "working_days_between",
]

_ONE_DAY = dt.timedelta(days=1)
# A time limit or a pause longer than this is a data error, not a calendar question.
_MAX_SPAN_DAYS = 3 * 366


@lru_cache(maxsize=1)
def covered_years() -> range:
    """The years ``chinesecalendar`` knows (2004-2026 for version 1.11)."""
    first = min(chinese_calendar.holidays).year
    last = max(chinese_calendar.holidays).year
    return range(first, last + 1)


@dataclass(frozen=True)
class WorkCalendar:
    """The calendar with administrators' entries.

    ``overrides`` maps a date to True (a workday) or False (a day off);
    ``confirmed_years`` are years whose official schedule an administrator has entered
    completely, so that they count as covered.
    """

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)
    confirmed_years: frozenset[int] = frozenset()

    def is_covered(self, year: int) -> bool:
        """Whether ``year``'s schedule is known: packaged, or confirmed by an administrator."""
        return year in covered_years() or year in self.confirmed_years

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        if day.year in covered_years():
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself when ``count`` is 0)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        for _ in range(_MAX_SPAN_DAYS):
            if remaining == 0:
                return day
            day += _ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        raise ValueError(f"{count} working days after {start} is beyond the calendar")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days ``d`` with ``start < d <= end`` (0 when ``end <= start``)."""
        if end <= start:
            return 0
        if (end - start).days > _MAX_SPAN_DAYS:
            raise ValueError("span too long")
        days = 0
        day = start
        while day < end:
            day += _ONE_DAY
            if self.is_workday(day):
                days += 1
        return days

    def span_is_certain(self, start: dt.date, end: dt.date) -> bool:
        """Whether every year from ``start`` to ``end`` is covered (if not: provisional)."""
        years = range(min(start, end).year, max(start, end).year + 1)
        return all(self.is_covered(year) for year in years)


# The package's calendar alone, for code that has no administrator entries at hand.
_OFFICIAL = WorkCalendar()


def is_covered(year: int) -> bool:
    """Whether ``year``'s official schedule is packaged (else: weekends only)."""
    return _OFFICIAL.is_covered(year)


def is_working_day(day: dt.date) -> bool:
    return _OFFICIAL.is_workday(day)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """``days`` working days after ``start`` under the packaged calendar."""
    return _OFFICIAL.add_working_days(start, days)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (packaged calendar)."""
    return _OFFICIAL.working_days_between(start, end)
