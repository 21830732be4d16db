"""Display labels for order states and payment; translated where shown."""

from __future__ import annotations

from marketplace.i18n import N_
from marketplace.orders.models import OrderEventName as E

__all__ = [
    "ACTION_LABELS",
    "EVENT_LABELS",
    "FILE_PURPOSE_LABELS",
    "PAYMENT_LABELS",
    "STATE_LABELS",
]

STATE_LABELS = {
    "placed": N_("Waiting for the agency"),
    "declined": N_("Declined"),
    "cancelled": N_("Cancelled"),
    "in_service": N_("In service"),
    "awaiting_materials": N_("Waiting for materials"),
    "delivered": N_("Delivered"),
    "completed": N_("Completed"),
    "rated": N_("Rated"),
    "disputed": N_("Under complaint"),
}

PAYMENT_LABELS = {
    "unpaid": N_("Not paid"),
    "paid": N_("Paid"),
    "refunded": N_("Refunded"),
}

# Every event name's line in the order log (tests/test_orders.py checks none is missing).
EVENT_LABELS: dict[E, str] = {
    E.PLACE: N_("Placed the order"),
    E.ACCEPT: N_("Accepted"),
    E.DECLINE: N_("Declined"),
    E.CANCEL: N_("Cancelled"),
    E.PAUSE: N_("Paused the clock: waiting for materials"),
    E.RESUME: N_("Resumed the clock"),
    E.DELIVER: N_("Delivered"),
    E.CONFIRM: N_("Confirmed the delivery"),
    E.SEND_BACK: N_("Sent the delivery back"),
    E.COMPLAIN: N_("Complained"),
    E.RESOLVE: N_("Resolved the complaint"),
    E.AUTO_CONFIRM: N_("Confirmed automatically"),
    E.RATE: N_("Rated the service"),
    E.RECORD_PAYMENT: N_("Recorded the payment received"),
    E.PAID_ONLINE: N_("Paid online"),
    E.PAYMENT_MISMATCH: N_("An online payment did not match the quoted fee"),
    E.REFUNDED: N_("Refunded"),
    E.MARK_OVERDUE: N_("Passed the deadline"),
    E.REMIND: N_("Reminded the agency of the deadline"),
}
# The same table under its older name (templates and callers looking an event's string up).
ACTION_LABELS = EVENT_LABELS

FILE_PURPOSE_LABELS = {
    "request": N_("with the order"),
    "message": N_("in the conversation"),
    "delivery": N_("delivered result"),
}
