"""The order state machine as data: every transition, where it may start, and who makes it.

The services apply it, the views offer exactly the actions it allows the viewer, and the
tests walk it. ``resolve`` ends a dispute: back to the state the order was in, or
cancelled; its target is chosen by the administrator.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from marketplace.i18n import N_
from marketplace.orders.models import OrderState

__all__ = ["ACTIVE_STATES", "TRANSITIONS", "Party", "Transition"]


class Party(StrEnum):
    ENTERPRISE = "enterprise"  # the enterprise that placed the order
    AGENCY = "agency"  # staff of the agency that was hired
    ADMIN = "admin"  # the government service office
    SYSTEM = "system"  # a job (automatic confirmation)


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    sources: frozenset[OrderState]
    target: OrderState | None  # None: chosen when the transition is made (resolve)
    party: Party
    label: str  # the button
    needs_reason: bool = False
    takes_files: bool = False
    # "rating" or "complaint": made only with that record, by the service that writes it
    # (marketplace.ratings, marketplace.complaints), never on its own
    made_with: str = ""
    # The party's next step on the order: the page's primary action. The others (decline,
    # cancel, pause, send back) are offered as secondary ones.
    forward: bool = False
    # Asked for on a page of its own that says what it does and takes a reason (cancel).
    confirm_page: bool = False


S = OrderState
ACTIVE_STATES = frozenset({S.PLACED, S.IN_SERVICE, S.AWAITING_MATERIALS, S.DELIVERED})

TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "accept",
            frozenset({S.PLACED}),
            S.IN_SERVICE,
            Party.AGENCY,
            N_("Accept"),
            forward=True,
        ),
        Transition(
            "decline",
            frozenset({S.PLACED}),
            S.DECLINED,
            Party.AGENCY,
            N_("Decline"),
            needs_reason=True,
        ),
        Transition(
            "cancel",
            frozenset({S.PLACED}),
            S.CANCELLED,
            Party.ENTERPRISE,
            N_("Cancel the order"),
            needs_reason=True,  # the agency is told why
            confirm_page=True,
        ),
        Transition(
            "pause",
            frozenset({S.IN_SERVICE}),
            S.AWAITING_MATERIALS,
            Party.AGENCY,
            N_("Wait for materials (pause the clock)"),
            needs_reason=True,
        ),
        Transition(
            "resume",
            frozenset({S.AWAITING_MATERIALS}),
            S.IN_SERVICE,
            Party.AGENCY,
            N_("Materials received (resume)"),
            forward=True,
        ),
        Transition(
            "deliver",
            frozenset({S.IN_SERVICE}),
            S.DELIVERED,
            Party.AGENCY,
            N_("Deliver"),
            takes_files=True,
            forward=True,
        ),
        Transition(
            "confirm",
            frozenset({S.DELIVERED}),
            S.COMPLETED,
            Party.ENTERPRISE,
            N_("Confirm the delivery"),
            forward=True,
        ),
        Transition(
            "send_back",
            frozenset({S.DELIVERED}),
            S.IN_SERVICE,
            Party.ENTERPRISE,
            N_("Send the delivery back"),
            needs_reason=True,
        ),
        Transition(
            "complain",
            ACTIVE_STATES,
            S.DISPUTED,
            Party.ENTERPRISE,
            N_("Complain"),
            needs_reason=True,
            made_with="complaint",
        ),
        Transition(
            "resolve",
            frozenset({S.DISPUTED}),
            None,
            Party.ADMIN,
            N_("Resolve the complaint"),
            needs_reason=True,
            made_with="complaint",
        ),
        Transition(
            "rate",
            frozenset({S.COMPLETED}),
            S.RATED,
            Party.ENTERPRISE,
            N_("Rate"),
            made_with="rating",
            forward=True,
        ),
        Transition(
            "auto_confirm",
            frozenset({S.DELIVERED}),
            S.COMPLETED,
            Party.SYSTEM,
            N_("Confirm automatically"),
        ),
    )
}
