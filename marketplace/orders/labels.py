"""Display labels for order states and payment; translated where shown."""

from __future__ import annotations

from marketplace.i18n import N_

__all__ = ["PAYMENT_LABELS", "STATE_LABELS"]

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

ACTION_LABELS = {
    "place": N_("Placed the order"),
    "accept": N_("Accepted"),
    "decline": N_("Declined"),
    "cancel": N_("Cancelled"),
    "pause": N_("Paused the clock: waiting for materials"),
    "resume": N_("Resumed the clock"),
    "deliver": N_("Delivered"),
    "confirm": N_("Confirmed the delivery"),
    "send_back": N_("Sent the delivery back"),
    "complain": N_("Complained"),
    "resolve": N_("Resolved the complaint"),
    "auto_confirm": N_("Confirmed automatically"),
    "rate": N_("Rated the service"),
    "record_payment": N_("Recorded the payment received"),
    "paid_online": N_("Paid online"),
    "refunded": N_("Refunded"),
    "mark_overdue": N_("Passed the deadline"),
    "remind": N_("Reminded the agency of the deadline"),
}

FILE_PURPOSE_LABELS = {
    "request": N_("with the order"),
    "message": N_("in the conversation"),
    "delivery": N_("delivered result"),
}
