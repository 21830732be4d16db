"""The working-day calendar: official holidays, make-up Saturdays, and past the package."""

from __future__ import annotations

import datetime as dt

from marketplace.core.workdays import (
    WorkCalendar,
    add_working_days,
    covered_years,
    is_covered,
    is_working_day,
    working_days_between,
)

D = dt.date


def test_the_package_covers_up_to_2026() -> None:
    assert covered_years() == range(2004, 2027)


def test_national_day_2026_is_off_and_its_make_up_days_are_on() -> None:
    calendar = WorkCalendar()

    assert [calendar.is_workday(D(2026, 10, d)) for d in range(1, 12)] == [
        False,
        False,
        False,
        False,
        False,
        False,
        False,  # 1-7 October: National Day
        True,
        True,  # Thursday and Friday
        True,  # Saturday 10 October: make-up working day (调休)
        False,  # Sunday
    ]
    assert calendar.is_workday(D(2026, 9, 20))  # Sunday 20 September: make-up day


def test_counting_across_national_day() -> None:
    calendar = WorkCalendar()

    # accepted on Wednesday 30 September: day 1 is 8 October, day 3 the make-up Saturday
    assert calendar.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert calendar.add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert calendar.add_working_days(D(2026, 9, 30), 4) == D(2026, 10, 12)
    assert calendar.working_days_between(D(2026, 9, 30), D(2026, 10, 12)) == 4
    assert calendar.working_days_between(D(2026, 10, 12), D(2026, 9, 30)) == 0


def test_past_the_package_weekends_only_and_provisional() -> None:
    calendar = WorkCalendar()

    # 1 October 2027 is a Friday: without the 2027 schedule it counts as a working day
    assert calendar.is_workday(D(2027, 10, 1))
    assert not calendar.is_workday(D(2027, 10, 2))
    assert calendar.add_working_days(D(2026, 12, 30), 3) == D(
        2027, 1, 4
    )  # 31 Dec, 1 Jan (no 2027 schedule: a plain Friday), 4 Jan
    assert not calendar.span_is_certain(D(2026, 12, 30), D(2027, 1, 4))
    assert calendar.span_is_certain(D(2026, 9, 30), D(2026, 10, 12))


def test_administrators_entries_override_and_confirm_a_year() -> None:
    calendar = WorkCalendar(
        overrides={D(2027, 10, 1): False, D(2027, 10, 9): True, D(2027, 1, 1): False},
        confirmed_years=frozenset({2027}),
    )

    assert not calendar.is_workday(D(2027, 10, 1))
    assert calendar.is_workday(D(2027, 10, 9))  # a Saturday made a working day
    assert calendar.add_working_days(D(2026, 12, 30), 3) == D(2027, 1, 5)
    assert calendar.span_is_certain(D(2026, 12, 30), D(2027, 1, 5))


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
