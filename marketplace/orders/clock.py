"""An order's working-day clock: deadline, days used, days left, overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marketplace.core.workdays import WorkCalendar
from marketplace.orders.models import Order, OrderState

__all__ = ["Clock", "clock_of", "deadline_for"]


def deadline_for(
    calendar: WorkCalendar, accepted_on: dt.date, time_limit_days: int, paused_days: int
) -> dt.date:
    """The last working day of the time limit, moved on by the working days spent paused."""
    return calendar.add_working_days(accepted_on, time_limit_days + paused_days)


@dataclass(frozen=True, slots=True)
class Clock:
    running: bool  # counting now (accepted, not paused, not delivered)
    paused: bool
    deadline: dt.date | None
    days_used: int
    days_left: int
    overdue: bool
    provisional: bool  # the deadline depends on a year the calendar does not cover
    on_time: bool | None  # for a delivered order: delivered by the deadline


def clock_of(order: Order, calendar: WorkCalendar, on: dt.date) -> Clock:
    """The clock of ``order`` as of day ``on``."""
    if order.accepted_on is None:
        return Clock(False, False, None, 0, order.time_limit_days, False, False, None)
    end = order.delivered_on or on
    used = calendar.working_days_between(order.accepted_on, end) - order.paused_days
    paused = order.state == OrderState.AWAITING_MATERIALS and order.paused_since is not None
    if paused and order.paused_since is not None and order.delivered_on is None:
        used -= calendar.working_days_between(order.paused_since, on)
    used = max(used, 0)
    deadline = order.deadline or deadline_for(
        calendar, order.accepted_on, order.time_limit_days, order.paused_days
    )
    delivered = order.delivered_on is not None
    running = not delivered and not paused and order.state == OrderState.IN_SERVICE
    overdue = (
        not delivered and not paused and order.state == OrderState.IN_SERVICE and on > deadline
    )
    return Clock(
        running=running,
        paused=paused,
        deadline=deadline,
        days_used=used,
        days_left=order.time_limit_days - used,
        overdue=overdue,
        provisional=not calendar.span_is_certain(order.accepted_on, deadline),
        on_time=(order.delivered_on <= deadline) if order.delivered_on else None,
    )
