"""Words for purchase request states and history lines, as message ids."""

from __future__ import annotations

from marketplace.i18n import N_
from marketplace.procurement.models import PurchaseState

__all__ = ["EVENT_LABELS", "STATE_LABELS", "STEP_LABELS"]

STATE_LABELS = {
    PurchaseState.OPEN: N_("Open for registration"),
    PurchaseState.SELECTED: N_("Result published"),
    PurchaseState.FAILED: N_("Failed (too few entries)"),
    PurchaseState.CONTRACTED: N_("Contract confirmed"),
    PurchaseState.CANCELLED: N_("Cancelled by the owner"),
    PurchaseState.VOIDED: N_("Voided by the service office"),
}

EVENT_LABELS = {
    "announce": N_("Purchase announcement"),
    "amend": N_("Correction notice"),
    "cancel": N_("Cancellation notice"),
    "void": N_("Voided by the service office"),
    "result": N_("Result notice"),
    "fail": N_("Failure notice"),
    "confirm": N_("Contract confirmed by a party"),
    "contract": N_("Contract confirmed; order placed"),
}

# The announcements the public pages and the feed list.
NOTICE_KINDS = ("announce", "amend", "cancel", "void", "result", "fail", "contract")

STEP_LABELS = {
    "winner": N_("Draw of the winner"),
    "coefficient": N_("Draw of the coefficient"),
    "tie": N_("Draw among equal entries"),
}
