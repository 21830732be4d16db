"""Merit scoring: final scores, the published tie rule and the selection within the places.

Pure functions over numbers, so that the rule the round publishes and the rule the code
applies are visibly the same. Points are whole numbers; means are rounded half up to two
decimals, and it is the rounded score that ranks (it is the one published).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "DROP_EXTREMES_FROM",
    "Candidate",
    "final_score",
    "mean_points",
    "rank",
    "select",
]

# With this many reviewers or more, the highest and the lowest total are dropped.
DROP_EXTREMES_FROM = 5
_CENT = Decimal("0.01")


def mean_points(points: Sequence[int]) -> Decimal:
    """The mean of ``points``, rounded half up to two decimals."""
    if not points:
        raise ValueError("no points to average")
    return (Decimal(sum(points)) / Decimal(len(points))).quantize(_CENT, rounding=ROUND_HALF_UP)


def final_score(totals: Sequence[int]) -> Decimal:
    """The final score from each reviewer's total: their mean, without the highest and the
    lowest total when there are ``DROP_EXTREMES_FROM`` reviewers or more."""
    kept = sorted(totals)
    if len(kept) >= DROP_EXTREMES_FROM:
        kept = kept[1:-1]
    return mean_points(kept)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A qualified application as the ranking sees it."""

    application_id: int
    final: Decimal  # the final score
    tie: Decimal  # the mean points on the round's first criterion
    submitted_at: dt.datetime  # first submission


def rank(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Best first: higher final score, then higher first-criterion mean, then the earlier
    submission, then the lower application number (the published tie rule)."""
    return sorted(candidates, key=lambda c: (-c.final, -c.tie, c.submitted_at, c.application_id))


def select(ranked: Sequence[Candidate], *, places: int, min_score: int) -> set[int]:
    """The application ids admitted: the best ``places`` that reach ``min_score``."""
    eligible = [c for c in ranked if c.final >= min_score]
    return {c.application_id for c in eligible[:places]}
