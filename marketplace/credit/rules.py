"""What each kind of credit record does: points, and a suspension from new orders."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.i18n import N_

__all__ = ["REASONS", "Effect"]


@dataclass(frozen=True, slots=True)
class Effect:
    kind: str  # violation | commendation
    label: str
    points: int
    suspension_days: int  # calendar days without new orders; 0: none


REASONS: dict[str, Effect] = {
    "borrowed_qualification": Effect("violation", N_("Borrowed qualifications"), -20, 90),
    "falsified_report": Effect("violation", N_("Falsified report"), -30, 180),
    "improper_fee": Effect("violation", N_("Improper fees"), -10, 30),
    "overdue_delivery": Effect("violation", N_("Overdue delivery"), -5, 0),
    "other_violation": Effect("violation", N_("Other violation"), -5, 0),
    "commendation": Effect("commendation", N_("Commendation"), 5, 0),
}
