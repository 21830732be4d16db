"""The admission state machines, as data: every allowed transition and who may make it.

The services refuse anything not in these tables, the back office draws its buttons from
them, and the tests walk them. ``SYSTEM`` marks a change the marketplace makes itself as
part of another step (results computed when the round enters publicity, agencies admitted
when it concludes); nobody can ask for it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from marketplace.accounts.models import Role
from marketplace.admission.models import ApplicationStatus, ObjectionStatus, RoundStatus
from marketplace.catalog.models import AgencyStatus
from marketplace.i18n import N_

__all__ = [
    "AGENCY_TRANSITIONS",
    "APPLICATION_TRANSITIONS",
    "OBJECTION_TRANSITIONS",
    "ROUND_ORDER",
    "ROUND_TRANSITIONS",
    "SYSTEM",
    "Transition",
    "allowed",
    "round_transition",
]

SYSTEM: Final = "system"
Actor = Role | str


@dataclass(frozen=True, slots=True)
class Transition:
    source: str
    target: str
    by: Actor  # the role that may make it, or SYSTEM
    action: str  # what the step is called (an English message id)


ROUND_TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        RoundStatus.DRAFT, RoundStatus.ANNOUNCED, Role.ADMIN, N_("Publish the announcement")
    ),
    Transition(
        RoundStatus.ANNOUNCED,
        RoundStatus.APPLICATIONS_OPEN,
        Role.ADMIN,
        N_("Open the application window"),
    ),
    Transition(
        RoundStatus.APPLICATIONS_OPEN,
        RoundStatus.UNDER_REVIEW,
        Role.ADMIN,
        N_("Close the window and start the qualification review"),
    ),
    Transition(
        RoundStatus.UNDER_REVIEW, RoundStatus.SCORING, Role.ADMIN, N_("Start merit scoring")
    ),
    Transition(
        RoundStatus.SCORING,
        RoundStatus.PUBLICITY,
        Role.ADMIN,
        N_("Publish the results for publicity"),
    ),
    Transition(
        RoundStatus.PUBLICITY,
        RoundStatus.CONCLUDED,
        Role.ADMIN,
        N_("Conclude the round: admitted agencies go live"),
    ),
)

# The statuses in the order a round passes through them.
ROUND_ORDER: tuple[RoundStatus, ...] = (
    RoundStatus.DRAFT,
    *(RoundStatus(t.target) for t in ROUND_TRANSITIONS),
)

APPLICATION_TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
        Role.AGENCY,
        N_("Withdraw the application"),
    ),
    Transition(
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.SUBMITTED,
        Role.AGENCY,
        N_("Submit the application again"),
    ),
    Transition(
        ApplicationStatus.SUBMITTED, ApplicationStatus.PASSED, Role.ADMIN, N_("Pass the review")
    ),
    Transition(
        ApplicationStatus.SUBMITTED, ApplicationStatus.FAILED, Role.ADMIN, N_("Fail the review")
    ),
    # a review decision may be revised until scoring starts
    Transition(
        ApplicationStatus.PASSED, ApplicationStatus.FAILED, Role.ADMIN, N_("Fail the review")
    ),
    Transition(
        ApplicationStatus.FAILED, ApplicationStatus.PASSED, Role.ADMIN, N_("Pass the review")
    ),
    Transition(
        ApplicationStatus.PASSED, ApplicationStatus.ADMITTED, SYSTEM, N_("Ranked within the places")
    ),
    Transition(
        ApplicationStatus.PASSED,
        ApplicationStatus.NOT_ADMITTED,
        SYSTEM,
        N_("Ranked outside the places"),
    ),
    Transition(
        ApplicationStatus.NOT_ADMITTED,
        ApplicationStatus.ADMITTED,
        SYSTEM,
        N_("Moved up after an upheld objection"),
    ),
    Transition(
        ApplicationStatus.ADMITTED,
        ApplicationStatus.DISQUALIFIED,
        Role.ADMIN,
        N_("Disqualified by an upheld objection"),
    ),
    Transition(
        ApplicationStatus.NOT_ADMITTED,
        ApplicationStatus.DISQUALIFIED,
        Role.ADMIN,
        N_("Disqualified by an upheld objection"),
    ),
)

OBJECTION_TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        ObjectionStatus.LODGED, ObjectionStatus.UPHELD, Role.ADMIN, N_("Uphold the objection")
    ),
    Transition(
        ObjectionStatus.LODGED,
        ObjectionStatus.DISMISSED,
        Role.ADMIN,
        N_("Dismiss the objection"),
    ),
)

# Dynamic management (动态管理) of admitted agencies.
AGENCY_TRANSITIONS: tuple[Transition, ...] = (
    Transition(AgencyStatus.APPLICANT, AgencyStatus.ADMITTED, SYSTEM, N_("Admitted by a round")),
    Transition(AgencyStatus.ADMITTED, AgencyStatus.SUSPENDED, Role.ADMIN, N_("Suspend")),
    Transition(AgencyStatus.SUSPENDED, AgencyStatus.ADMITTED, Role.ADMIN, N_("Reinstate")),
    Transition(AgencyStatus.ADMITTED, AgencyStatus.EXITED, Role.ADMIN, N_("Remove (清退)")),
    Transition(AgencyStatus.SUSPENDED, AgencyStatus.EXITED, Role.ADMIN, N_("Remove (清退)")),
)


def allowed(table: tuple[Transition, ...], source: str, target: str, by: Actor) -> bool:
    """Whether ``by`` may move something from ``source`` to ``target`` under ``table``."""
    return any(t.source == source and t.target == target and t.by == by for t in table)


def round_transition(source: RoundStatus) -> Transition | None:
    """The one step a round in ``source`` can take next (``None`` once concluded)."""
    return next((t for t in ROUND_TRANSITIONS if t.source == source), None)
