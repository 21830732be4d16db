"""Merit scoring (择优): the categories that need scoring, the reviewers' conflict declarations
and score sheets, and the ranking of the scored applications.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts.models import User
from marketplace.admission import scoring
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationStatus,
    ConflictDeclaration,
    Criterion,
    ReviewerAssignment,
    RoundCategory,
    RoundStatus,
    Score,
)
from marketplace.admission.services.common import (
    MIN_REVIEWERS_PER_CATEGORY,
    check_status,
    clean_text,
    int_in,
    now_or_clock,
    record,
    refuse,
)
from marketplace.catalog.models import (
    MarketType,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_


async def _scored_categories(round: AdmissionRound) -> list[RoundCategory]:
    return await RoundCategory.filter(round=round, scored=True).order_by("position")


async def eligible_reviewers(round: AdmissionRound) -> dict[int, set[int]]:
    """Category id → the reviewers who declared and have no conflict in it."""
    declarations = await ConflictDeclaration.filter(round=round)
    conflicted_ids = {i for d in declarations for i in d.conflicting_application_ids}
    category_of = dict(
        await Application.filter(id__in=conflicted_ids).values_list("id", "category_id")
    )
    entries = await RoundCategory.filter(round=round)
    eligible: dict[int, set[int]] = {e.category_id: set() for e in entries}
    for declaration in declarations:
        excluded = {category_of[i] for i in declaration.conflicting_application_ids}
        for category_id in eligible:
            if category_id not in excluded:
                eligible[category_id].add(declaration.reviewer_id)
    return eligible


async def needs_scoring(entry: RoundCategory) -> bool:
    """Competitive categories are always scored; absent ones when there are more qualified
    applicants than places; monopoly categories never."""
    if entry.market_type is MarketType.MONOPOLY:
        return False
    passed = await Application.filter(
        round_id=entry.round_id, category_id=entry.category_id, status=ApplicationStatus.PASSED
    ).count()
    if entry.market_type is MarketType.COMPETITIVE:
        return passed > 0
    return passed > entry.places


async def scoring_problems(
    round: AdmissionRound, entries: Sequence[RoundCategory]
) -> list[Message]:
    problems: list[Message] = []
    assigned = set(
        await ReviewerAssignment.filter(round=round).values_list("reviewer_id", flat=True)
    )
    declared = set(
        await ConflictDeclaration.filter(round=round).values_list("reviewer_id", flat=True)
    )
    if assigned - declared:
        problems.append(
            Message(
                N_("%(count)s assigned reviewers have not declared their conflicts of interest."),
                {"count": len(assigned - declared)},
            )
        )
    eligible = await eligible_reviewers(round)
    scored_pairs = set(
        await Score.filter(application__round=round).values_list("application_id", "reviewer_id")
    )
    for entry in entries:
        if not entry.scored:
            continue
        reviewers = eligible.get(entry.category_id, set())
        if len(reviewers) < MIN_REVIEWERS_PER_CATEGORY:
            problems.append(
                Message(
                    N_("%(category)s has fewer than %(count)s reviewers without a conflict."),
                    {"category": entry.category.name, "count": MIN_REVIEWERS_PER_CATEGORY},
                )
            )
        applications = await Application.filter(
            round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
        ).values_list("id", flat=True)
        missing = sum(1 for a in applications for r in reviewers if (a, r) not in scored_pairs)
        if missing:
            problems.append(
                Message(
                    N_("%(category)s: %(count)s score sheets are not in yet."),
                    {"category": entry.category.name, "count": missing},
                )
            )
    return problems


async def open_scoring(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    scored = []
    for entry in await RoundCategory.filter(round=round):
        if await needs_scoring(entry):
            entry.scored = True
            await entry.save(update_fields=["scored"])
            scored.append(entry.category_id)
    await record("scoring_opened", round=round, at=now, actor=actor, categories=scored)


async def scored_candidates(
    round: AdmissionRound, entry: RoundCategory, application_ids: Iterable[int]
) -> list[scoring.Candidate]:
    """The scored applications of a category with their final and tie-rule scores."""
    eligible = (await eligible_reviewers(round)).get(entry.category_id, set())
    first_criterion = await Criterion.filter(round=round).order_by("position").first()
    assert first_criterion is not None
    applications = await Application.filter(id__in=list(application_ids))
    scores = await Score.filter(
        application_id__in=[a.id for a in applications], reviewer_id__in=eligible
    )
    totals: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    first: dict[int, list[int]] = defaultdict(list)
    for score in scores:
        totals[score.application_id][score.reviewer_id] += score.points
        if score.criterion_id == first_criterion.id:
            first[score.application_id].append(score.points)
    return [
        scoring.Candidate(
            application_id=a.id,
            final=scoring.final_score(list(totals[a.id].values())),
            tie=scoring.mean_points(first[a.id]),
            submitted_at=a.submitted_at,
        )
        for a in applications
    ]


async def apply_ranking(
    round: AdmissionRound, entry: RoundCategory, candidates: list[scoring.Candidate]
) -> dict[int, ApplicationStatus]:
    """Store ranks and scores, and return each application's result by id."""
    ranked = scoring.rank(candidates)
    admitted = scoring.select(ranked, places=entry.places, min_score=round.min_score)
    results = {}
    for position, candidate in enumerate(ranked, start=1):
        status = (
            ApplicationStatus.ADMITTED
            if candidate.application_id in admitted
            else ApplicationStatus.NOT_ADMITTED
        )
        await Application.filter(id=candidate.application_id).update(
            final_score=candidate.final, tie_score=candidate.tie, rank=position, status=status
        )
        results[candidate.application_id] = status
    return results


async def _assigned(round: AdmissionRound, reviewer: User) -> bool:
    return await ReviewerAssignment.exists(round=round, reviewer=reviewer)


async def declare_conflicts(
    round: AdmissionRound,
    *,
    reviewer: User,
    conflicting: Sequence[Application],
    statement: str,
    now: dt.datetime | None = None,
) -> ConflictDeclaration:
    """A reviewer's declaration, before any scoring: no conflict of interest with the
    applicants, or conflicts with ``conflicting`` (then they score nobody in those
    applicants' categories). Made once."""
    now = now_or_clock(now)
    check_status(round, RoundStatus.SCORING)
    if not await _assigned(round, reviewer):
        raise refuse(N_("You are not a reviewer of this round."))
    scored = {e.category_id for e in await _scored_categories(round)}
    errors: dict[str, Message] = {}
    for application in conflicting:
        if application.round_id != round.id or application.category_id not in scored:
            errors["conflicts"] = Message(N_("Choose applicants of this round's scoring."))
    statement = clean_text(statement, "statement", errors, 2000, required=bool(conflicting))
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            declaration = await ConflictDeclaration.create(
                round=round,
                reviewer=reviewer,
                conflicting_application_ids=sorted({a.id for a in conflicting}),
                statement=statement,
                declared_at=now,
            )
            await record(
                "conflict_declared",
                round=round,
                at=now,
                actor=reviewer,
                reason=statement,
                conflicts=declaration.conflicting_application_ids,
                excluded_categories=sorted({a.category_id for a in conflicting}),
            )
    except IntegrityError:
        raise refuse(N_("You have declared for this round already.")) from None
    return declaration


async def reviewer_excluded_categories(round: AdmissionRound, reviewer: User) -> set[int] | None:
    """The categories a reviewer may not score, or ``None`` before their declaration."""
    declaration = await ConflictDeclaration.get_or_none(round=round, reviewer=reviewer)
    if declaration is None:
        return None
    conflicting = await Application.filter(id__in=declaration.conflicting_application_ids)
    return {a.category_id for a in conflicting}


async def submit_scores(
    application: Application,
    *,
    reviewer: User,
    points: Mapping[int, int | None],
    now: dt.datetime | None = None,
) -> list[Score]:
    """One reviewer's score sheet for one application: points for every criterion, given
    alone and final once submitted."""
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=application.round_id)
    check_status(round, RoundStatus.SCORING)
    if not await _assigned(round, reviewer):
        raise refuse(N_("You are not a reviewer of this round."))
    excluded = await reviewer_excluded_categories(round, reviewer)
    if excluded is None:
        raise refuse(N_("Declare your conflicts of interest before you score."))
    if application.category_id in excluded:
        raise refuse(N_("You declared a conflict in this category and do not score it."))
    entry = await RoundCategory.get(round=round, category_id=application.category_id)
    if not entry.scored or application.status is not ApplicationStatus.PASSED:
        raise refuse(N_("This application is not scored."))
    criteria = await Criterion.filter(round=round).order_by("position")
    errors: dict[str, Message] = {}
    for criterion in criteria:
        int_in(points.get(criterion.id), f"criterion-{criterion.id}", errors, 0, criterion.weight)
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            await Score.bulk_create(
                [
                    Score(
                        application=application,
                        reviewer=reviewer,
                        criterion=criterion,
                        points=points[criterion.id],
                        scored_at=now,
                    )
                    for criterion in criteria
                ]
            )
            await record(
                "scores_submitted",
                round=round,
                at=now,
                actor=reviewer,
                category_id=application.category_id,
                agency_id=application.agency_id,
                application_id=application.id,
                total=sum(points[c.id] or 0 for c in criteria),
            )
    except IntegrityError:
        raise refuse(N_("You have scored this application already.")) from None
    return await Score.filter(application=application, reviewer=reviewer)


@dataclass(frozen=True, slots=True)
class ReviewerQueue:
    """What one reviewer sees of a round: their declaration and what they score."""

    declaration: ConflictDeclaration | None
    # (entry, excluded, [(application, scored by this reviewer)])
    categories: list[tuple[RoundCategory, bool, list[tuple[Application, bool]]]]


async def reviewer_queue(round: AdmissionRound, reviewer: User) -> ReviewerQueue:
    declaration = await ConflictDeclaration.get_or_none(round=round, reviewer=reviewer)
    excluded = await reviewer_excluded_categories(round, reviewer) or set()
    done = set(
        await Score.filter(application__round=round, reviewer=reviewer).values_list(
            "application_id", flat=True
        )
    )
    categories = []
    for entry in (
        await RoundCategory.filter(round=round, scored=True)
        .select_related("category")
        .order_by("position")
    ):
        applications = (
            await Application.filter(
                round=round, category_id=entry.category_id, status=ApplicationStatus.PASSED
            )
            .select_related("agency")
            .order_by("id")
        )
        categories.append(
            (entry, entry.category_id in excluded, [(a, a.id in done) for a in applications])
        )
    return ReviewerQueue(declaration, categories)


async def reviewer_rounds(reviewer: User) -> list[AdmissionRound]:
    return await AdmissionRound.filter(reviewers__reviewer=reviewer).order_by("-id")


async def is_assigned(round_id: int, reviewer_id: int) -> bool:
    return await ReviewerAssignment.exists(round_id=round_id, reviewer_id=reviewer_id)
