"""The deadline sweep: mark overdue orders, remind agencies, confirm unanswered deliveries,
remind the office of complaints due.

It runs every few minutes (an arq cron job with Redis, a background task in-process
otherwise). Each step changes an order only if it has not been changed that way before,
so running it twice, or in two processes at once, does each thing once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tortoise.transactions import in_transaction

from marketplace.catalog.qualifications import refresh_holds, remind_expiring
from marketplace.catalog.services import lift_ended_suspensions
from marketplace.complaints.services import remind_due_complaints
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import today
from marketplace.core.jobs import JobQueue
from marketplace.core.notifications import notify
from marketplace.i18n import N_
from marketplace.orders import records, services
from marketplace.orders.models import Order, OrderState
from marketplace.orders.services import OrderRefused
from marketplace.orders.states import Party

__all__ = ["AUTO_CONFIRM_AFTER_DAYS", "sweep_orders"]

# A delivery the enterprise neither confirms nor sends back within this many working
# days is confirmed automatically.
AUTO_CONFIRM_AFTER_DAYS = 5


async def sweep_orders(ctx: dict[str, Any], on: str | None = None) -> dict[str, int]:
    """One sweep as of day ``on`` (ISO date; default today). Returns what it did."""
    day = dt.date.fromisoformat(on) if on else today()
    calendar = await load_calendar()
    queue: JobQueue | None = ctx.get("queue")
    done = {"overdue": 0, "reminded": 0, "auto_confirmed": 0}
    # credit suspensions that have ended: the agencies' listings come back
    done["reinstated"] = await lift_ended_suspensions(day)
    # complaints the office must answer by the next working day
    done["complaints_reminded"] = await remind_due_complaints(day, queue=queue)
    # qualifications: expiry reminders, and items held while a required one has expired
    # (not counted in ``done``, whose keys the order tests pin)
    await remind_expiring(day, queue=queue)
    await refresh_holds(day=day)

    for order in await Order.filter(
        state=OrderState.IN_SERVICE, deadline__lt=day, overdue_marked_at__isnull=True
    ):
        # the mark, its event and its notices commit together (the outbox sends the mail)
        async with in_transaction():
            if not await records.mark_overdue(order):
                continue
            users = [
                *await services.users_of(order, Party.AGENCY),
                *await services.users_of(order, Party.ENTERPRISE),
            ]
            await notify(
                order,
                users,
                N_("Order %(number)s is past its deadline."),
                {"number": order.number},
                queue,
            )
        done["overdue"] += 1

    tomorrow = calendar.add_working_days(day, 1)
    for order in await Order.filter(
        state=OrderState.IN_SERVICE, deadline=tomorrow, reminded_at__isnull=True
    ):
        async with in_transaction():
            if not await records.mark_reminded(order):
                continue
            await notify(
                order,
                await services.users_of(order, Party.AGENCY),
                N_("Order %(number)s is due on %(deadline)s, one working day from now."),
                {"number": order.number, "deadline": str(order.deadline)},
                queue,
            )
        done["reminded"] += 1

    for order in await Order.filter(state=OrderState.DELIVERED, delivered_on__isnull=False):
        assert order.delivered_on is not None
        if calendar.working_days_between(order.delivered_on, day) < AUTO_CONFIRM_AFTER_DAYS:
            continue
        try:
            await services.transition(order.id, "auto_confirm", actor=None, on=day, queue=queue)
        except OrderRefused:
            continue  # answered by the enterprise in the meantime
        done["auto_confirmed"] += 1
    if queue is not None:
        await queue.deliver_outbox()
    return done
