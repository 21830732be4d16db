"""The complaint state machine as data: the office answers an open complaint, then the
enterprise says whether it is satisfied (``marketplace.core.states``).

Each row's ``effect`` names the fields it records, computed by the complaint service's
effect functions (``complaints.services._CHANGES``). Lodging creates a complaint in
``OPEN``; it is no transition.
"""

from __future__ import annotations

from enum import StrEnum

from marketplace.complaints.models import ComplaintState
from marketplace.core.states import Transition as _Row
from marketplace.core.states import TransitionTable
from marketplace.i18n import N_
from marketplace.orders.states import Party

__all__ = ["COMPLAINT_TRANSITIONS", "ComplaintEffect", "Transition"]


class ComplaintEffect(StrEnum):
    # the answer, who gave it and when; the order's one open complaint is released
    ANSWER = "answer"
    VERDICT = "verdict"  # satisfied or not, and anything the enterprise adds


Transition = _Row[ComplaintState, Party]

C = ComplaintState
COMPLAINT_TRANSITIONS: TransitionTable[ComplaintState, Party] = TransitionTable(
    (
        _Row(
            "answer",
            frozenset({C.OPEN}),
            C.ANSWERED,
            Party.ADMIN,
            N_("Send the answer"),
            effect=ComplaintEffect.ANSWER,
            needs_reason=True,  # the answer itself
        ),
        _Row(
            "feedback",
            frozenset({C.ANSWERED}),
            C.CLOSED,
            Party.ENTERPRISE,
            N_("Say whether you are satisfied"),
            effect=ComplaintEffect.VERDICT,
        ),
    )
)
