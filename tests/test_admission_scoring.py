"""The published scoring rule: final scores, the tie rule and the places, as plain numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from marketplace.admission.scoring import Candidate, final_score, mean_points, rank, select

T0 = dt.datetime(2026, 4, 8, 9, tzinfo=dt.UTC)


def test_the_final_score_is_the_mean_of_the_reviewers_totals() -> None:
    assert final_score([90, 85]) == Decimal("87.50")
    assert final_score([80, 81, 81]) == Decimal("80.67")
    assert final_score([70, 71, 72, 95]) == Decimal("77.00")


def test_with_five_reviewers_or_more_the_highest_and_lowest_are_dropped() -> None:
    # 40 and 99 are dropped: (80 + 82 + 84) / 3
    assert final_score([99, 80, 40, 82, 84]) == Decimal("82.00")
    # only one of two equal highest totals is dropped
    assert final_score([90, 90, 70, 80, 60, 85]) == Decimal("81.25")


def test_means_round_half_up_to_two_decimals() -> None:
    assert mean_points([1, 2, 2]) == Decimal("1.67")
    assert mean_points([0, 0, 1, 0, 0, 0, 0, 0]) == Decimal("0.13")  # 0.125 rounds up
    with pytest.raises(ValueError):
        mean_points([])


def test_ties_go_to_the_first_criterion_then_the_earlier_submission_then_the_lower_number() -> None:
    later = T0 + dt.timedelta(hours=1)
    candidates = [
        Candidate(1, Decimal("85.00"), Decimal("18.00"), T0),
        Candidate(2, Decimal("85.00"), Decimal("19.50"), later),
        Candidate(3, Decimal("85.00"), Decimal("18.00"), later),
        Candidate(4, Decimal("85.00"), Decimal("18.00"), later),
        Candidate(5, Decimal("91.00"), Decimal("10.00"), later),
    ]

    assert [c.application_id for c in rank(candidates)] == [5, 2, 1, 3, 4]


def test_the_best_within_the_places_are_admitted_if_they_reach_the_minimum() -> None:
    ranked = rank(
        [
            Candidate(1, Decimal("88.00"), Decimal("18.00"), T0),
            Candidate(2, Decimal("60.00"), Decimal("12.00"), T0),
            Candidate(3, Decimal("59.99"), Decimal("19.00"), T0),
        ]
    )

    assert select(ranked, places=1, min_score=60) == {1}
    assert select(ranked, places=5, min_score=60) == {1, 2}
    assert select(ranked, places=5, min_score=0) == {1, 2, 3}
