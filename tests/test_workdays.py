"""Working days under the official calendar, and the weekends-only fallback beyond it."""

from __future__ import annotations

import datetime as dt

from marketplace.workdays import (
    add_working_days,
    is_covered,
    is_working_day,
    working_days_between,
)


def test_holidays_are_off_and_adjusted_weekend_days_are_on() -> None:
    # National Day 2026 (10月1日-7日) is off; Sunday 9月20日 and Saturday 10月10日 are 调休
    # workdays; an ordinary Sunday is off
    assert is_working_day(dt.date(2026, 10, 1)) is False
    assert is_working_day(dt.date(2026, 9, 20)) is True
    assert is_working_day(dt.date(2026, 9, 27)) is False
    assert is_working_day(dt.date(2026, 10, 10)) is True


def test_adding_working_days_skips_weekends_and_holidays() -> None:
    friday = dt.date(2026, 3, 6)

    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == dt.date(2026, 3, 9)
    assert add_working_days(friday, 5) == dt.date(2026, 3, 13)
    # the Spring Festival holiday (2月15日-23日) counts for nothing, Saturday 2月14日 is 调休
    assert add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 14)
    assert add_working_days(dt.date(2026, 2, 14), 1) == dt.date(2026, 2, 24)


def test_counting_is_the_inverse_of_adding() -> None:
    start = dt.date(2026, 9, 25)

    for days in range(0, 15):
        assert working_days_between(start, add_working_days(start, days)) == days
    assert working_days_between(start, start) == 0
    assert working_days_between(start, dt.date(2026, 9, 1)) == 0


def test_years_without_an_official_calendar_count_weekdays_only() -> None:
    assert is_covered(2026) is True
    assert is_covered(2027) is False
    assert is_covered(1999) is False
    # 1 January 2027 is a Friday: without the official calendar it is a working day
    assert is_working_day(dt.date(2027, 1, 1)) is True
    assert add_working_days(dt.date(2026, 12, 31), 2) == dt.date(2027, 1, 4)
