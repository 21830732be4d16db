"""The working-day calendar: official holidays, make-up Saturdays, and past the package."""

from __future__ import annotations

import datetime as dt

from marketplace.workdays import WorkCalendar, covered_years

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
