"""Complaint rules: lodging, the office's answer within 5 working days, the enterprise's
verdict, and the figures the city's hotline reports publish.

A complaint about an order that is still running puts the order under complaint
(``complain``) in the same transaction, and the answer ends that dispute (``resolve``:
back to where it was, or cancelled). A complaint about a finished order or about an
agency in general changes no order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.complaints.models import Complaint, ComplaintFile, ComplaintState
from marketplace.complaints.states import COMPLAINT_TRANSITIONS, ComplaintEffect
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import BEIJING as _BEIJING
from marketplace.core.clock import now as beijing_now
from marketplace.core.clock import today
from marketplace.core.jobs import JobQueue
from marketplace.core.notifications import notify
from marketplace.core.uploads import StoredFile
from marketplace.forms import FormError, Message
from marketplace.i18n import N_
from marketplace.orders.models import Order, OrderEvent, OrderState
from marketplace.orders.services import OrderRefused, administrators, transition
from marketplace.orders.states import ACTIVE_STATES
from marketplace.organisations.membership import agency_of, enterprise_of, members

__all__ = [
    "ANSWER_WORKING_DAYS",
    "TOPICS",
    "ComplaintStats",
    "answer",
    "can_see",
    "checked_idempotency_key",
    "complaint_stats",
    "give_feedback",
    "lodge",
    "remind_due_complaints",
]

ANSWER_WORKING_DAYS = 5  # the office answers by the 5th working day after receiving it
TEXT_MAX = 2000
FEEDBACK_MAX = 1000

TOPICS: dict[str, str] = {
    "overdue": N_("Overdue or slow service"),
    "fees": N_("Improper or extra fees"),
    "quality": N_("Quality of the work"),
    "attitude": N_("Attitude"),
    "conduct": N_("Professional misconduct"),
    "other": N_("Other"),
}


def _now() -> dt.datetime:
    return beijing_now()


def can_see(user: CurrentUser, complaint: Complaint) -> bool:
    """The enterprise that lodged it, the agency it is about, and administrators."""
    if Role.ADMIN in user.roles:
        return True
    # the membership rule of orders.visibility, for one complaint
    if enterprise_of(user) == complaint.enterprise_id:
        return True
    return agency_of(user) == complaint.agency_id


def _text(value: str, field: str, limit: int, *, required: bool) -> str:
    value = value.strip()
    if required and not value:
        raise FormError.single(field, N_("This field is required."))
    if len(value) > limit:
        raise FormError.single(field, N_("Use at most %(count)s characters."), count=limit)
    return value


# --- lodging -------------------------------------------------------------------------


def checked_idempotency_key(raw: str) -> str:
    """The idempotency key as stored (8 to 100 characters); ``FormError`` otherwise."""
    key = raw.strip()
    if len(key) > 100:
        raise FormError.single("", N_("The idempotency key is longer than 100 characters."))
    if len(key) < 8:
        raise FormError.single("", N_("The request has no valid idempotency key."))
    return key


async def lodge(
    *,
    actor: CurrentUser,
    topic: str,
    description: str,
    idempotency_key: str,
    order_id: int | None = None,
    agency_id: int | None = None,
    on: dt.date | None = None,
    queue: JobQueue | None = None,
    files: Sequence[StoredFile] = (),
) -> Complaint:
    """Lodge a complaint about one of the enterprise's orders, or about an agency.

    ``files`` are its evidence, stored and checked by content (``marketplace.core.uploads``)
    before; they are kept with the complaint. The same form token never lodges two
    complaints. Raises ``OrderRefused`` or
    ``FormError``; nothing changes then.
    """
    enterprise_id = enterprise_of(actor)
    if enterprise_id is None:
        raise OrderRefused(N_("Only an enterprise account can lodge complaints."))
    key = checked_idempotency_key(idempotency_key)
    existing = await Complaint.get_or_none(enterprise_id=enterprise_id, idempotency_key=key)
    if existing is not None:
        return existing

    order: Order | None = None
    if order_id is not None:
        order = await Order.get_or_none(id=order_id, enterprise_id=enterprise_id)
        if order is None:
            raise OrderRefused(N_("You can complain only about your own orders."))
        agency_id = order.agency_id
        if order.state is OrderState.DISPUTED or await Complaint.exists(open_on_order=order.id):
            raise OrderRefused(N_("A complaint about this order is open already."))
    elif agency_id is None or not await Agency.exists(id=agency_id):
        raise FormError.single("agency", N_("Choose the agency the complaint is about."))
    errors: dict[str, Message] = {}
    if topic not in TOPICS:
        errors["topic"] = Message(N_("Choose what the complaint is about."))
    try:
        description = _text(description, "description", TEXT_MAX, required=True)
    except FormError as exc:
        errors.update(exc.errors)
    if errors:
        raise FormError(errors)
    assert agency_id is not None

    day = on or today()
    due = (await load_calendar()).add_working_days(day, ANSWER_WORKING_DAYS)
    fields: dict[str, Any] = {
        "enterprise_id": enterprise_id,
        "lodged_by_id": actor.id,
        "agency_id": agency_id,
        "order_id": order.id if order else None,
        "open_on_order": order.id if order else None,
        "idempotency_key": key,
        "topic": topic,
        "description": description,
        "received_on": day,
        "due_on": due,
    }
    created: list[Complaint] = []

    async def write(_order: Order | None = None, _event: OrderEvent | None = None) -> None:
        # the office's notice commits with the complaint (the job outbox sends its e-mail)
        complaint = await _create(fields)
        created.append(complaint)
        await ComplaintFile.bulk_create(
            [
                ComplaintFile(
                    complaint_id=complaint.id,
                    uploaded_by_id=actor.id,
                    filename=f.filename,
                    content_type=f.content_type,
                    size_bytes=f.size_bytes,
                    sha256=f.sha256,
                )
                for f in files
            ]
        )
        await notify(
            order,
            await administrators(),
            N_("Complaint %(number)s was received; answer it by %(due)s."),
            {"number": complaint.number, "due": due.isoformat(), "complaint": complaint.id},
            queue,
        )

    try:
        if order is not None and order.state in ACTIVE_STATES:
            # the order goes under complaint with the complaint, or neither happens
            await transition(
                order.id,
                "complain",
                actor=actor,
                reason=description,
                on=day,
                queue=queue,
                record=write,
            )
        else:
            async with in_transaction():
                await write()
    except IntegrityError:
        # lodged twice at once: the form token or the order's open complaint says which won
        again = await Complaint.get_or_none(enterprise_id=enterprise_id, idempotency_key=key)
        if again is not None:
            return again
        raise OrderRefused(N_("A complaint about this order is open already.")) from None
    if queue is not None:
        await queue.deliver_outbox()
    return created[0]


async def _create(fields: dict[str, Any]) -> Complaint:
    complaint = await Complaint.create(**fields)
    received = complaint.created_at.astimezone(_BEIJING)
    complaint.number = f"TS{received:%y%m%d}-{complaint.id:05d}"
    await complaint.save(update_fields=["number"])
    return complaint


# --- answering -----------------------------------------------------------------------


async def answer(
    complaint_id: int,
    *,
    actor: CurrentUser,
    text: str,
    outcome: str = "",
    on: dt.date | None = None,
    queue: JobQueue | None = None,
) -> Complaint:
    """The office's answer; for an order under this complaint, ``outcome`` ends the dispute:
    ``"resume"`` (back to where it was) or ``"cancel"``."""
    if Role.ADMIN not in actor.roles:
        raise OrderRefused(N_("Only an administrator answers complaints."))
    complaint = await Complaint.get_or_none(id=complaint_id)
    if complaint is None:
        raise OrderRefused(N_("There is no such complaint."))
    spec = COMPLAINT_TRANSITIONS["answer"]
    if complaint.state not in spec.sources:
        raise OrderRefused(N_("This complaint has been answered already."))
    text = _text(text, "answer", TEXT_MAX, required=spec.needs_reason)
    disputed = complaint.open_on_order is not None and await Order.exists(
        id=complaint.open_on_order, state=OrderState.DISPUTED
    )
    if disputed and outcome not in ("resume", "cancel"):
        raise FormError.single("outcome", N_("Choose how the complaint ends."))
    if not disputed:
        outcome = ""
    day = on or today()
    version = complaint.version
    changes = _CHANGES[ComplaintEffect(spec.effect)](
        _Step(actor=actor, day=day, text=text, outcome=outcome)
    )

    async def write(_order: Order | None = None, _event: OrderEvent | None = None) -> None:
        updated = await Complaint.filter(
            id=complaint_id, version=version, state__in=list(spec.sources)
        ).update(state=spec.target, version=F("version") + 1, **changes)
        if updated != 1:
            raise OrderRefused(N_("This complaint has been answered already."))
        answered = await Complaint.get(id=complaint_id)
        order = await Order.get_or_none(id=answered.order_id) if answered.order_id else None
        await notify(
            order,
            await members(enterprise_id=answered.enterprise_id),
            N_("Complaint %(number)s was answered; tell us whether you are satisfied."),
            {"number": answered.number, "complaint": answered.id},
            queue,
        )

    if disputed:
        assert complaint.order_id is not None
        await transition(
            complaint.order_id,
            "resolve",
            actor=actor,
            reason=text,
            outcome=outcome,
            on=day,
            queue=queue,
            record=write,
        )
    else:
        async with in_transaction():
            await write()
    if queue is not None:
        await queue.deliver_outbox()
    return await Complaint.get(id=complaint.id)


async def give_feedback(
    complaint_id: int, *, actor: CurrentUser, satisfied: str, feedback: str
) -> Complaint:
    """The enterprise says once whether it is satisfied with how its complaint was handled."""
    complaint = await Complaint.get_or_none(id=complaint_id)
    if complaint is None:
        raise OrderRefused(N_("There is no such complaint."))
    if enterprise_of(actor) != complaint.enterprise_id:
        raise OrderRefused(N_("Only the enterprise that lodged the complaint can say this."))
    spec = COMPLAINT_TRANSITIONS["feedback"]
    if complaint.state not in spec.sources:
        if complaint.state is ComplaintState.OPEN:
            raise OrderRefused(N_("The complaint has not been answered yet."))
        raise OrderRefused(N_("You have said whether you are satisfied already."))
    if satisfied not in ("yes", "no"):
        raise FormError.single("satisfied", N_("Say whether you are satisfied."))
    feedback = _text(feedback, "feedback", FEEDBACK_MAX, required=False)
    changes = _CHANGES[ComplaintEffect(spec.effect)](
        _Step(actor=actor, text=feedback, satisfied=satisfied == "yes")
    )
    updated = await Complaint.filter(id=complaint.id, state__in=list(spec.sources)).update(
        state=spec.target, version=F("version") + 1, **changes
    )
    if updated != 1:
        raise OrderRefused(N_("You have said whether you are satisfied already."))
    return await Complaint.get(id=complaint.id)


# --- what each transition records (its row's ``effect``) ----------------------------


@dataclass(frozen=True, slots=True)
class _Step:
    """One complaint transition being made, as its effect functions see it."""

    actor: CurrentUser
    text: str  # the answer, or the enterprise's feedback
    day: dt.date | None = None
    outcome: str = ""  # resume | cancel, for a disputed order
    satisfied: bool | None = None


def _answer(step: _Step) -> dict[str, Any]:
    return {
        "answer": step.text,
        "outcome": step.outcome,
        "answered_by_id": step.actor.id,
        "answered_on": step.day,
        "answered_at": _now(),
        "open_on_order": None,
    }


def _verdict(step: _Step) -> dict[str, Any]:
    return {"satisfied": step.satisfied, "feedback": step.text, "feedback_at": _now()}


_CHANGES: dict[ComplaintEffect, Callable[[_Step], dict[str, Any]]] = {
    ComplaintEffect.ANSWER: _answer,
    ComplaintEffect.VERDICT: _verdict,
}


# --- reminders ------------------------------------------------------------------------


_REMINDER = N_("Complaint %(number)s must be answered by %(due)s.")
_OVERDUE_NOTICE = N_("Complaint %(number)s was due on %(due)s and is not answered yet.")


async def remind_due_complaints(day: dt.date, *, queue: JobQueue | None = None) -> int:
    """Remind the office, once, of each open complaint due by the next working day (or
    tell it, once, of one already past due). Run by the deadline sweep; returns how many
    it told of."""
    tomorrow = (await load_calendar()).add_working_days(day, 1)
    due = await Complaint.filter(
        state=ComplaintState.OPEN, due_on__lte=tomorrow, reminded_at__isnull=True
    )
    if not due:
        return 0
    office = await administrators()
    reminded = 0
    for complaint in due:
        # of two sweeps at once, the one that sets reminded_at reminds, with the reminder
        async with in_transaction():
            if not await Complaint.filter(id=complaint.id, reminded_at__isnull=True).update(
                reminded_at=_now()
            ):
                continue
            # a reminder is never sent after the day it reminds of: a complaint the sweep
            # first sees past its due day is reported overdue instead
            late = complaint.due_on < day
            await notify(
                None,
                office,
                _OVERDUE_NOTICE if late else _REMINDER,
                {
                    "number": complaint.number,
                    "due": complaint.due_on.isoformat(),
                    "complaint": complaint.id,
                },
                queue,
            )
        reminded += 1
    return reminded


# --- the hotline figures ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComplaintStats:
    received: int  # lodged in the period
    handled: int  # of those, answered
    answered_in_time: int  # of those, answered by the 5th working day
    overdue_open: int  # of those, still unanswered past their due day
    rated: int  # of those, the enterprise said whether it is satisfied
    satisfied: int  # of those, satisfied

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    @property
    def handling_rate(self) -> float | None:  # 办结率
        return self._rate(self.handled, self.received)

    @property
    def in_time_rate(self) -> float | None:  # 按时答复率
        return self._rate(self.answered_in_time, self.handled)

    @property
    def satisfaction_rate(self) -> float | None:  # 满意率
        return self._rate(self.satisfied, self.rated)


async def complaint_stats(
    start: dt.date, end: dt.date, *, on: dt.date | None = None
) -> ComplaintStats:
    """The figures over complaints received from ``start`` to ``end`` (inclusive)."""
    day = on or today()
    period = Complaint.filter(received_on__gte=start, received_on__lte=end)
    handled = period.filter(state__in=[ComplaintState.ANSWERED, ComplaintState.CLOSED])
    rated = period.filter(satisfied__isnull=False)
    return ComplaintStats(
        received=await period.count(),
        handled=await handled.count(),
        answered_in_time=await handled.filter(answered_on__lte=F("due_on")).count(),
        overdue_open=await period.filter(state=ComplaintState.OPEN, due_on__lt=day).count(),
        rated=await rated.count(),
        satisfied=await rated.filter(satisfied=True).count(),
    )
