"""The order state machine as data: every transition, where it may start, and who makes it.

The services apply it, the views offer exactly the actions it allows the viewer, and the
tests walk it. ``resolve`` ends a dispute: back to the state the order was in, or
cancelled; its target is chosen by the administrator.
"""

from __future__ import annotations

from enum import StrEnum

from marketplace.core.states import Transition as _Row
from marketplace.core.states import TransitionTable
from marketplace.i18n import N_
from marketplace.orders.models import OrderState

__all__ = ["ACTIVE_STATES", "TRANSITIONS", "OrderEffect", "Party", "Transition"]


class Party(StrEnum):
    ENTERPRISE = "enterprise"  # the enterprise that placed the order
    AGENCY = "agency"  # staff of the agency that was hired
    ADMIN = "admin"  # the government service office
    SYSTEM = "system"  # a job (automatic confirmation)


class OrderEffect(StrEnum):
    """What else a transition does besides moving the order (``orders.services``'s effect
    functions, registered by these names)."""

    START_CLOCK = "start_clock"  # accepted: the deadline and the professional responsible
    PAUSE_CLOCK = "pause_clock"
    RESUME_CLOCK = "resume_clock"  # the paused working days are added to the deadline
    DELIVER = "deliver"  # the clock stops; the delivery is counted in the promise figures
    SEND_BACK = "send_back"  # the delivery is taken off the promise figures again
    COMPLETE = "complete"
    OPEN_DISPUTE = "open_dispute"  # the state it was in is kept for the resolution
    END_DISPUTE = "end_dispute"  # back to that state, or cancelled


# The rows' type. The rows are made by the core class itself: a frozen row cannot be
# made through a parameterised alias (it would try to keep the alias on itself).
Transition = _Row[OrderState, Party]
E = OrderEffect
S = OrderState
ACTIVE_STATES = frozenset({S.PLACED, S.IN_SERVICE, S.AWAITING_MATERIALS, S.DELIVERED})

TRANSITIONS: TransitionTable[OrderState, Party] = TransitionTable(
    (
        _Row(
            "accept",
            frozenset({S.PLACED}),
            S.IN_SERVICE,
            Party.AGENCY,
            N_("Accept"),
            effect=E.START_CLOCK,
            forward=True,
        ),
        _Row(
            "decline",
            frozenset({S.PLACED}),
            S.DECLINED,
            Party.AGENCY,
            N_("Decline"),
            needs_reason=True,
        ),
        _Row(
            "cancel",
            frozenset({S.PLACED}),
            S.CANCELLED,
            Party.ENTERPRISE,
            N_("Cancel the order"),
            needs_reason=True,  # the agency is told why
            confirm_page=True,
        ),
        _Row(
            "pause",
            frozenset({S.IN_SERVICE}),
            S.AWAITING_MATERIALS,
            Party.AGENCY,
            N_("Wait for materials (pause the clock)"),
            effect=E.PAUSE_CLOCK,
            needs_reason=True,
        ),
        _Row(
            "resume",
            frozenset({S.AWAITING_MATERIALS}),
            S.IN_SERVICE,
            Party.AGENCY,
            N_("Materials received (resume)"),
            effect=E.RESUME_CLOCK,
            forward=True,
        ),
        _Row(
            "deliver",
            frozenset({S.IN_SERVICE}),
            S.DELIVERED,
            Party.AGENCY,
            N_("Deliver"),
            effect=E.DELIVER,
            takes_files=True,
            forward=True,
        ),
        _Row(
            "confirm",
            frozenset({S.DELIVERED}),
            S.COMPLETED,
            Party.ENTERPRISE,
            N_("Confirm the delivery"),
            effect=E.COMPLETE,
            forward=True,
        ),
        _Row(
            "send_back",
            frozenset({S.DELIVERED}),
            S.IN_SERVICE,
            Party.ENTERPRISE,
            N_("Send the delivery back"),
            effect=E.SEND_BACK,
            needs_reason=True,
        ),
        _Row(
            "complain",
            ACTIVE_STATES,
            S.DISPUTED,
            Party.ENTERPRISE,
            N_("Complain"),
            effect=E.OPEN_DISPUTE,
            needs_reason=True,
            made_with="complaint",
        ),
        _Row(
            "resolve",
            frozenset({S.DISPUTED}),
            None,
            Party.ADMIN,
            N_("Resolve the complaint"),
            effect=E.END_DISPUTE,
            needs_reason=True,
            made_with="complaint",
        ),
        _Row(
            "rate",
            frozenset({S.COMPLETED}),
            S.RATED,
            Party.ENTERPRISE,
            N_("Rate"),
            made_with="rating",
            forward=True,
        ),
        _Row(
            "auto_confirm",
            frozenset({S.DELIVERED}),
            S.COMPLETED,
            Party.SYSTEM,
            N_("Confirm automatically"),
            effect=E.COMPLETE,
        ),
    )
)
