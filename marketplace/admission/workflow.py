"""The admission state machines, as data: every allowed transition and who may make it.

The services refuse anything not in these tables, the back office draws its buttons from
them, and the tests walk them. ``SYSTEM`` marks a change the marketplace makes itself as
part of another step (results computed when the round enters publicity, agencies admitted
when it concludes); nobody can ask for it directly.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from marketplace.accounts.models import Role
from marketplace.admission.models import ApplicationStatus, ObjectionStatus, RoundStatus
from marketplace.catalog.models import AgencyStatus
from marketplace.core.states import Transition as _Row
from marketplace.core.states import TransitionTable
from marketplace.i18n import N_

__all__ = [
    "AGENCY_TRANSITIONS",
    "APPLICATION_TRANSITIONS",
    "OBJECTION_TRANSITIONS",
    "ROUND_ORDER",
    "ROUND_TRANSITIONS",
    "SYSTEM",
    "AgencyEffect",
    "ApplicationEffect",
    "ObjectionEffect",
    "RoundEffect",
    "Transition",
    "allowed",
    "round_transition",
]

SYSTEM: Final = "system"
Actor = Role | str
# The rows' type (rows are made by the core class itself, not through the alias).
Transition = _Row[str, Actor]


class RoundEffect(StrEnum):
    """A round step's work: its preconditions and what it does, registered by these names
    in ``admission.services.rounds`` (``ROUND_CHECKS``, ``ROUND_EFFECTS``)."""

    ANNOUNCE = "announce"  # the notice is published
    OPEN_WINDOW = "open_window"
    CLOSE_WINDOW = "close_window"  # a designated holder that has not applied is published
    OPEN_SCORING = "open_scoring"  # the score sheets are handed out
    PUBLISH_RESULTS = "publish_results"  # ranked, and the publicity period starts
    CONCLUDE = "conclude"  # the admitted agencies go live


class ApplicationEffect(StrEnum):
    """The fields an application's transition records besides its status
    (``admission.services.common.APPLICATION_CHANGES``)."""

    WITHDRAW = "withdraw"  # when it was changed
    REVIEW = "review"  # the review's reason and time
    DISQUALIFY = "disqualify"  # the reason, and no rank any more


class ObjectionEffect(StrEnum):
    """``admission.services.common.OBJECTION_CHANGES`` (the decision) and
    ``admission.services.publicity.OBJECTION_EFFECTS`` (what else upholding does)."""

    DECIDE = "decide"  # the decision's reason, time and administrator
    UPHOLD = "uphold"  # decided, and the result it names disqualified


class AgencyEffect(StrEnum):
    """``admission.services.management.AGENCY_EFFECTS``."""

    WITHDRAW_ITEMS = "withdraw_items"  # its published items are withdrawn


def _one(state: str) -> frozenset[str]:
    return frozenset({state})


R = RoundStatus
ROUND_TRANSITIONS: TransitionTable[str, Actor] = TransitionTable(
    (
        _Row(
            "announce",
            _one(R.DRAFT),
            R.ANNOUNCED,
            Role.ADMIN,
            N_("Publish the announcement"),
            effect=RoundEffect.ANNOUNCE,
        ),
        _Row(
            "open_window",
            _one(R.ANNOUNCED),
            R.APPLICATIONS_OPEN,
            Role.ADMIN,
            N_("Open the application window"),
            effect=RoundEffect.OPEN_WINDOW,
        ),
        _Row(
            "close_window",
            _one(R.APPLICATIONS_OPEN),
            R.UNDER_REVIEW,
            Role.ADMIN,
            N_("Close the window and start the qualification review"),
            effect=RoundEffect.CLOSE_WINDOW,
        ),
        _Row(
            "start_scoring",
            _one(R.UNDER_REVIEW),
            R.SCORING,
            Role.ADMIN,
            N_("Start merit scoring"),
            effect=RoundEffect.OPEN_SCORING,
        ),
        _Row(
            "publish_results",
            _one(R.SCORING),
            R.PUBLICITY,
            Role.ADMIN,
            N_("Publish the results for publicity"),
            effect=RoundEffect.PUBLISH_RESULTS,
        ),
        _Row(
            "conclude",
            _one(R.PUBLICITY),
            R.CONCLUDED,
            Role.ADMIN,
            N_("Conclude the round: admitted agencies go live"),
            effect=RoundEffect.CONCLUDE,
        ),
    )
)

# The statuses in the order a round passes through them.
ROUND_ORDER: tuple[RoundStatus, ...] = (
    RoundStatus.DRAFT,
    *(RoundStatus(str(t.target)) for t in ROUND_TRANSITIONS.values()),
)

A = ApplicationStatus
APPLICATION_TRANSITIONS: TransitionTable[str, Actor] = TransitionTable(
    (
        _Row(
            "withdraw",
            _one(A.SUBMITTED),
            A.WITHDRAWN,
            Role.AGENCY,
            N_("Withdraw the application"),
            effect=ApplicationEffect.WITHDRAW,
            event="application_withdrawn",
        ),
        _Row(
            "resubmit",
            _one(A.WITHDRAWN),
            A.SUBMITTED,
            Role.AGENCY,
            N_("Submit the application again"),
        ),
        # a review decision may be revised until scoring starts
        _Row(
            "pass",
            frozenset({A.SUBMITTED, A.FAILED}),
            A.PASSED,
            Role.ADMIN,
            N_("Pass the review"),
            effect=ApplicationEffect.REVIEW,
            event="application_passed",
        ),
        _Row(
            "fail",
            frozenset({A.SUBMITTED, A.PASSED}),
            A.FAILED,
            Role.ADMIN,
            N_("Fail the review"),
            effect=ApplicationEffect.REVIEW,
            needs_reason=True,
            event="application_failed",
        ),
        # the ranking's (admission.services.scoring.apply_ranking)
        _Row("rank_in", _one(A.PASSED), A.ADMITTED, SYSTEM, N_("Ranked within the places")),
        _Row("rank_out", _one(A.PASSED), A.NOT_ADMITTED, SYSTEM, N_("Ranked outside the places")),
        _Row(
            "move_up",
            _one(A.NOT_ADMITTED),
            A.ADMITTED,
            SYSTEM,
            N_("Moved up after an upheld objection"),
        ),
        _Row(
            "disqualify",
            frozenset({A.ADMITTED, A.NOT_ADMITTED}),
            A.DISQUALIFIED,
            Role.ADMIN,
            N_("Disqualified by an upheld objection"),
            effect=ApplicationEffect.DISQUALIFY,
            needs_reason=True,
            event="result_changed",
        ),
    )
)

OS = ObjectionStatus
OBJECTION_TRANSITIONS: TransitionTable[str, Actor] = TransitionTable(
    (
        _Row(
            "uphold",
            _one(OS.LODGED),
            OS.UPHELD,
            Role.ADMIN,
            N_("Uphold the objection"),
            effect=ObjectionEffect.UPHOLD,
            needs_reason=True,
            event="objection_upheld",
        ),
        _Row(
            "dismiss",
            _one(OS.LODGED),
            OS.DISMISSED,
            Role.ADMIN,
            N_("Dismiss the objection"),
            effect=ObjectionEffect.DECIDE,
            needs_reason=True,
            event="objection_dismissed",
        ),
    )
)

G = AgencyStatus
# Dynamic management (动态管理) of admitted agencies.
AGENCY_TRANSITIONS: TransitionTable[str, Actor] = TransitionTable(
    (
        _Row("admit", _one(G.APPLICANT), G.ADMITTED, SYSTEM, N_("Admitted by a round")),
        _Row(
            "suspend",
            _one(G.ADMITTED),
            G.SUSPENDED,
            Role.ADMIN,
            N_("Suspend"),
            needs_reason=True,
            event="agency_suspended",
        ),
        _Row(
            "reinstate",
            _one(G.SUSPENDED),
            G.ADMITTED,
            Role.ADMIN,
            N_("Reinstate"),
            needs_reason=True,
            event="agency_reinstated",
        ),
        _Row(
            "remove",
            frozenset({G.ADMITTED, G.SUSPENDED}),
            G.EXITED,
            Role.ADMIN,
            N_("Remove (清退)"),
            effect=AgencyEffect.WITHDRAW_ITEMS,
            needs_reason=True,
            event="agency_removed",
        ),
    )
)


def allowed(table: TransitionTable[str, Actor], source: str, target: str, by: Actor) -> bool:
    """Whether ``by`` may move something from ``source`` to ``target`` under ``table``."""
    return table.allows(source, target, by)


def round_transition(source: RoundStatus) -> Transition | None:
    """The one step a round in ``source`` can take next (``None`` once concluded)."""
    return next(iter(ROUND_TRANSITIONS.allowed_from(source)), None)
