"""Working days (工作日) under China's official calendar, with a weekends-only fallback.

Weekends and public holidays are off; the adjusted weekend workdays (调休) are on. The
official calendar comes from the maintained ``chinesecalendar`` package, which covers the
years the State Council has published (2004 to 2026 in version 1.11) and raises
``NotImplementedError`` for any other year. For those years this module counts Monday to
Friday as working days and says so through ``is_covered``, so that pages can warn that a
date may move once the official calendar is published.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import chinese_calendar

__all__ = ["add_working_days", "is_covered", "is_working_day", "working_days_between"]

_ONE_DAY = dt.timedelta(days=1)


@cache
def is_covered(year: int) -> bool:
    """Whether the official holiday calendar of ``year`` is known (else: weekends only)."""
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def is_working_day(day: dt.date) -> bool:
    if is_covered(day.year):
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted).

    ``add_working_days(friday, 1)`` is the next Monday, unless that is a holiday.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += _ONE_DAY
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """The working days after ``start`` up to and including ``end`` (0 if ``end <= start``).

    The inverse of ``add_working_days``: ``working_days_between(d, add_working_days(d, n))``
    is ``n``.
    """
    count = 0
    day = start
    while day < end:
        day += _ONE_DAY
        if is_working_day(day):
            count += 1
    return count
