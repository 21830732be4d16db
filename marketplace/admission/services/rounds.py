"""Admission rounds: the office drafts a round (notice, dates, categories, criteria,
reviewers) and takes it through ``workflow.ROUND_TRANSITIONS``; each step checks its
preconditions (``transition_problems``) and does its work in one transaction, with the
step modules' work (review, scoring, publicity) called from here. Also the round's public
reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from tortoise.transactions import in_transaction

from marketplace.accounts import services as accounts
from marketplace.accounts.models import Role, User
from marketplace.admission import scoring
from marketplace.admission.models import (
    AdmissionEvent,
    AdmissionRound,
    Application,
    ApplicationStatus,
    ConflictDeclaration,
    Criterion,
    Objection,
    ObjectionStatus,
    ReviewerAssignment,
    RoundCategory,
    RoundStatus,
    Score,
)
from marketplace.admission.services.common import (
    MAX_PUBLICITY_DAYS,
    MIN_REVIEWERS_PER_CATEGORY,
    beijing_date,
    check_status,
    clean_text,
    int_in,
    now_or_clock,
    office_calendar,
    record,
    refuse,
    require_role,
)
from marketplace.admission.services.management import SANCTION_KINDS
from marketplace.admission.services.publicity import conclude, publish_results
from marketplace.admission.services.review import close_window
from marketplace.admission.services.scoring import needs_scoring, open_scoring, scoring_problems
from marketplace.admission.workflow import ROUND_TRANSITIONS, RoundEffect
from marketplace.catalog.models import (
    Category,
    EntryMode,
    MarketType,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_


@dataclass(frozen=True, slots=True)
class CriterionInput:
    name: str
    weight: int | None
    description: str = ""


# The criteria a new round starts with; the office may change them until it announces.
DEFAULT_CRITERIA: tuple[CriterionInput, ...] = (
    CriterionInput("资质等级与执业范围", 20, "资质证书的等级、专业类别与申报类别的匹配程度"),
    CriterionInput("专业技术人员", 20, "注册或持证专业技术人员的数量、专业结构和从业年限"),
    CriterionInput("近三年业绩", 20, "近三年同类项目的数量、规模和成果质量"),
    CriterionInput("信用记录", 15, "信用中国及行业信用平台记录，无不良记录得满分"),
    CriterionInput("服务承诺与办理时限", 15, "承诺时限较法定或行业时限的压缩程度，承诺的具体程度"),
    CriterionInput("收费标准", 10, "收费依据合规、标准公开透明，下浮幅度合理"),
)


@dataclass(frozen=True, slots=True)
class RoundInput:
    title: str
    notice: str
    conditions: str
    materials: str
    opens_on: dt.date | None
    closes_on: dt.date | None
    publicity_days: int | None
    min_score: int | None
    category_ids: Sequence[int]
    # Absent categories: how many agencies to recruit, by category id.
    places: Mapping[int, int | None] = field(default_factory=dict)


async def _clean_round(
    details: RoundInput, errors: dict[str, Message]
) -> list[tuple[Category, int]]:
    clean_text(details.title, "title", errors, 128)
    clean_text(details.notice, "notice", errors, 5000)
    clean_text(details.conditions, "conditions", errors, 5000)
    clean_text(details.materials, "materials", errors, 5000)
    if details.opens_on is None:
        errors["opens_on"] = Message(N_("Enter a date."))
    if details.closes_on is None:
        errors["closes_on"] = Message(N_("Enter a date."))
    elif details.opens_on is not None and details.closes_on < details.opens_on:
        errors["closes_on"] = Message(N_("The window cannot close before it opens."))
    int_in(details.publicity_days, "publicity_days", errors, 1, MAX_PUBLICITY_DAYS)
    int_in(details.min_score, "min_score", errors, 0, 100)
    chosen = await Category.filter(id__in=list(details.category_ids)).order_by("position", "id")
    if not chosen or len(chosen) != len(set(details.category_ids)):
        errors["categories"] = Message(N_("Choose at least one category."))
    entries: list[tuple[Category, int]] = []
    for category in chosen:
        if category.entry_mode is EntryMode.CONTINUOUS:
            errors["categories"] = Message(
                N_("%(category)s admits agencies continuously: it is in no round."),
                {"category": category.name},
            )
        if category.market_type is MarketType.COMPETITIVE:
            # a round may offer fewer places than the category's quota, never more
            quota = category.quota or 1
            wanted = details.places.get(category.id, quota)
            entries.append((category, int_in(wanted, f"places-{category.id}", errors, 1, quota)))
        elif category.market_type is MarketType.MONOPOLY:
            entries.append((category, 1))
        else:
            places = int_in(details.places.get(category.id), f"places-{category.id}", errors, 1, 20)
            entries.append((category, places))
    return entries


async def _write_round_categories(
    round: AdmissionRound, entries: Sequence[tuple[Category, int]]
) -> None:
    await RoundCategory.filter(round=round).delete()
    await RoundCategory.bulk_create(
        [
            RoundCategory(
                round=round,
                category=category,
                market_type=category.market_type,
                places=places,
                position=position,
            )
            for position, (category, places) in enumerate(entries)
        ]
    )


async def create_round(
    *, details: RoundInput, actor: User | None, now: dt.datetime | None = None
) -> AdmissionRound:
    """Create a draft round with its categories and the default criteria."""
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    errors: dict[str, Message] = {}
    entries = await _clean_round(details, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        round = await AdmissionRound.create(
            title=details.title.strip(),
            notice=details.notice.strip(),
            conditions=details.conditions.strip(),
            materials=details.materials.strip(),
            opens_on=details.opens_on,
            closes_on=details.closes_on,
            publicity_days=details.publicity_days,
            min_score=details.min_score,
            created_at=now,
        )
        await _write_round_categories(round, entries)
        await Criterion.bulk_create(
            [
                Criterion(
                    round=round,
                    name=c.name,
                    description=c.description,
                    weight=c.weight,
                    position=position,
                )
                for position, c in enumerate(DEFAULT_CRITERIA)
            ]
        )
        await record("round_created", round=round, at=now, actor=actor)
    return round


async def update_round(
    round: AdmissionRound,
    *,
    details: RoundInput,
    actor: User | None,
    now: dt.datetime | None = None,
) -> AdmissionRound:
    """Change a draft round's notice, dates and categories."""
    actor = await require_role(actor, Role.ADMIN)
    check_status(round, RoundStatus.DRAFT)
    now = now_or_clock(now)
    errors: dict[str, Message] = {}
    entries = await _clean_round(details, errors)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        round.title = details.title.strip()
        round.notice = details.notice.strip()
        round.conditions = details.conditions.strip()
        round.materials = details.materials.strip()
        assert details.opens_on and details.closes_on and details.publicity_days is not None
        round.opens_on = details.opens_on
        round.closes_on = details.closes_on
        round.publicity_days = details.publicity_days
        round.min_score = details.min_score if details.min_score is not None else 60
        await round.save()
        await _write_round_categories(round, entries)
        await record("round_updated", round=round, at=now, actor=actor)
    return round


async def set_criteria(
    round: AdmissionRound,
    *,
    criteria: Sequence[CriterionInput],
    actor: User | None,
    now: dt.datetime | None = None,
) -> list[Criterion]:
    """Replace a draft round's scoring criteria; their weights must add up to 100 points."""
    actor = await require_role(actor, Role.ADMIN)
    check_status(round, RoundStatus.DRAFT)
    now = now_or_clock(now)
    errors: dict[str, Message] = {}
    kept = [c for c in criteria if c.name.strip() or c.weight is not None]
    for index, criterion in enumerate(criteria):
        if criterion not in kept:
            continue
        clean_text(criterion.name, f"criterion-{index}-name", errors, 64)
        int_in(criterion.weight, f"criterion-{index}-weight", errors, 1, 100)
        clean_text(
            criterion.description, f"criterion-{index}-description", errors, 500, required=False
        )
    if not kept:
        errors["criteria"] = Message(N_("Publish at least one criterion."))
    elif not errors and sum(c.weight or 0 for c in kept) != 100:
        errors["criteria"] = Message(
            N_("The weights add up to %(total)s points; they must add up to 100."),
            {"total": sum(c.weight or 0 for c in kept)},
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        await Criterion.filter(round=round).delete()
        await Criterion.bulk_create(
            [
                Criterion(
                    round=round,
                    name=c.name.strip(),
                    description=c.description.strip(),
                    weight=c.weight,
                    position=position,
                )
                for position, c in enumerate(kept)
            ]
        )
        await record(
            "criteria_set",
            round=round,
            at=now,
            actor=actor,
            criteria=[[c.name.strip(), c.weight] for c in kept],
        )
    return await Criterion.filter(round=round).order_by("position")


async def set_reviewers(
    round: AdmissionRound,
    *,
    reviewers: Sequence[User],
    actor: User | None,
    now: dt.datetime | None = None,
) -> None:
    """Assign exactly ``reviewers`` to the round (until the results are published).

    A reviewer who has declared conflicts or given scores stays: their work is on record.
    """
    actor = await require_role(actor, Role.ADMIN)
    check_status(
        round,
        RoundStatus.DRAFT,
        RoundStatus.ANNOUNCED,
        RoundStatus.APPLICATIONS_OPEN,
        RoundStatus.UNDER_REVIEW,
        RoundStatus.SCORING,
    )
    now = now_or_clock(now)
    wanted = {user.id: user for user in reviewers}
    for user in wanted.values():
        if Role.REVIEWER not in await accounts.user_roles(user):
            raise refuse(
                N_("%(name)s does not hold the reviewer role."), "reviewers", name=user.name
            )
    current = {a.reviewer_id: a for a in await ReviewerAssignment.filter(round=round)}
    leaving = set(current) - set(wanted)
    busy = set(
        await ConflictDeclaration.filter(round=round, reviewer_id__in=leaving).values_list(
            "reviewer_id", flat=True
        )
    ) | set(
        await Score.filter(application__round=round, reviewer_id__in=leaving).values_list(
            "reviewer_id", flat=True
        )
    )
    if busy:
        raise refuse(
            N_("A reviewer who has declared conflicts or scored stays assigned."), "reviewers"
        )
    async with in_transaction():
        for user_id in sorted(set(wanted) - set(current)):
            await ReviewerAssignment.create(round=round, reviewer_id=user_id, assigned_at=now)
            await record("reviewer_assigned", round=round, at=now, actor=actor, reviewer_id=user_id)
        for user_id in sorted(leaving):
            await current[user_id].delete()
            await record(
                "reviewer_unassigned", round=round, at=now, actor=actor, reviewer_id=user_id
            )


# --- the round's steps (ROUND_TRANSITIONS; each row's effect names its check and work) ---


@dataclass(frozen=True, slots=True)
class _Check:
    """What a step's precondition sees."""

    round: AdmissionRound
    today: dt.date
    entries: list[RoundCategory]


async def _announce_problems(c: _Check) -> list[Message]:
    problems: list[Message] = []
    if not c.entries:
        problems.append(Message(N_("The round covers no category.")))
    if c.round.closes_on < c.today:
        problems.append(Message(N_("The window's closing day has passed; change the dates.")))
    if sum(x.weight for x in await Criterion.filter(round=c.round)) != 100:
        problems.append(Message(N_("The criteria's weights must add up to 100 points.")))
    return problems


async def _open_window_problems(c: _Check) -> list[Message]:
    problems: list[Message] = []
    if c.today < c.round.opens_on:
        problems.append(
            Message(N_("The window opens on %(date)s."), {"date": c.round.opens_on.isoformat()})
        )
    if c.today > c.round.closes_on:
        problems.append(Message(N_("The window's closing day has passed.")))
    for entry in c.entries:
        if entry.market_type is MarketType.MONOPOLY and not entry.holder_credit_code:
            problems.append(
                Message(
                    N_("Designate the holder of %(category)s and send its letter first."),
                    {"category": entry.category.name},
                )
            )
    return problems


async def _close_window_problems(c: _Check) -> list[Message]:
    if c.today <= c.round.closes_on:
        return [
            Message(
                N_("The window is open until %(date)s; it cannot close early."),
                {"date": c.round.closes_on.isoformat()},
            )
        ]
    return []


async def _open_scoring_problems(c: _Check) -> list[Message]:
    problems: list[Message] = []
    waiting = await Application.filter(round=c.round, status=ApplicationStatus.SUBMITTED).count()
    if waiting:
        problems.append(
            Message(N_("%(count)s applications still wait for the review."), {"count": waiting})
        )
    reviewers = await ReviewerAssignment.filter(round=c.round).count()
    for entry in c.entries:
        if await needs_scoring(entry) and reviewers < MIN_REVIEWERS_PER_CATEGORY:
            problems.append(
                Message(
                    N_("Assign at least %(count)s reviewers: %(category)s is merit-scored."),
                    {"count": MIN_REVIEWERS_PER_CATEGORY, "category": entry.category.name},
                )
            )
            break
    return problems


async def _publish_results_problems(c: _Check) -> list[Message]:
    return list(await scoring_problems(c.round, c.entries))


async def _conclude_problems(c: _Check) -> list[Message]:
    problems: list[Message] = []
    assert c.round.publicity_ends_on is not None
    if c.today <= c.round.publicity_ends_on:
        problems.append(
            Message(
                N_("The publicity period runs until %(date)s."),
                {"date": c.round.publicity_ends_on.isoformat()},
            )
        )
    open_objections = await Objection.filter(round=c.round, status=ObjectionStatus.LODGED).count()
    if open_objections:
        problems.append(
            Message(N_("%(count)s objections wait for a decision."), {"count": open_objections})
        )
    return problems


async def _announce(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    round.announced_at = now
    await round.save(update_fields=["announced_at"])
    await record("announced", round=round, at=now, actor=actor)


async def _open_window(round: AdmissionRound, *, actor: User, now: dt.datetime) -> None:
    await record("window_opened", round=round, at=now, actor=actor)


# Why a step cannot be taken now (checked before it is), by its row's effect.
ROUND_CHECKS: dict[RoundEffect, Callable[[_Check], Awaitable[list[Message]]]] = {
    RoundEffect.ANNOUNCE: _announce_problems,
    RoundEffect.OPEN_WINDOW: _open_window_problems,
    RoundEffect.CLOSE_WINDOW: _close_window_problems,
    RoundEffect.OPEN_SCORING: _open_scoring_problems,
    RoundEffect.PUBLISH_RESULTS: _publish_results_problems,
    RoundEffect.CONCLUDE: _conclude_problems,
}

# A step's work, done in its transaction once the round is claimed, by its row's effect.
ROUND_EFFECTS: dict[RoundEffect, Callable[..., Awaitable[None]]] = {
    RoundEffect.ANNOUNCE: _announce,
    RoundEffect.OPEN_WINDOW: _open_window,
    RoundEffect.CLOSE_WINDOW: close_window,
    RoundEffect.OPEN_SCORING: open_scoring,
    RoundEffect.PUBLISH_RESULTS: publish_results,
    RoundEffect.CONCLUDE: conclude,
}


async def transition_problems(
    round: AdmissionRound, *, to: RoundStatus, now: dt.datetime | None = None
) -> list[Message]:
    """Why the round cannot move to ``to`` now (empty: it can)."""
    if round.continuous:
        return [Message(N_("The standing call of continuous entry takes no steps."))]
    spec = ROUND_TRANSITIONS.find(round.status, to, Role.ADMIN)
    if spec is None:
        return [Message(N_("A round cannot take this step from where it is."))]
    today = beijing_date(now_or_clock(now))
    entries = await RoundCategory.filter(round=round).select_related("category")
    return await ROUND_CHECKS[RoundEffect(spec.effect)](_Check(round, today, list(entries)))


async def transition_round(
    round: AdmissionRound,
    *,
    to: RoundStatus,
    actor: User | None,
    now: dt.datetime | None = None,
) -> AdmissionRound:
    """Take the round's next step, doing that step's work in one transaction."""
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    problems = await transition_problems(round, to=to, now=now)
    if problems:
        raise FormError({"": problems[0]})
    spec = ROUND_TRANSITIONS.find(round.status, to, Role.ADMIN)
    assert spec is not None  # transition_problems says so otherwise
    async with in_transaction():
        # Claim the step: a second administrator pressing the same button at the same
        # moment finds the round moved on and changes nothing.
        claimed = await AdmissionRound.filter(id=round.id, status=round.status).update(status=to)
        if claimed != 1:
            raise refuse(N_("The round was moved on a moment ago; reload the page."))
        round.status = to
        await ROUND_EFFECTS[RoundEffect(spec.effect)](round, actor=actor, now=now)
    return round


async def public_rounds() -> list[AdmissionRound]:
    """Every announced round, newest first (drafts are the office's own)."""
    return await AdmissionRound.exclude(status=RoundStatus.DRAFT).order_by("-id")


async def public_round(round_id: int) -> AdmissionRound | None:
    return await AdmissionRound.exclude(status=RoundStatus.DRAFT).get_or_none(id=round_id)


async def round_entries(round: AdmissionRound) -> list[RoundCategory]:
    return await RoundCategory.filter(round=round).select_related("category").order_by("position")


async def round_criteria(round: AdmissionRound) -> list[Criterion]:
    return await Criterion.filter(round=round).order_by("position")


def tie_rule(criteria: Sequence[Criterion], min_score: int) -> list[Message]:
    """The published scoring and tie rule, as sentences."""
    first = criteria[0].name if criteria else ""
    return [
        Message(
            N_(
                "Each reviewer scores alone, after declaring any conflict of interest. The "
                "final score is the mean of the reviewers' totals, rounded to two decimals; "
                "with %(count)s reviewers or more the highest and the lowest total are "
                "dropped first."
            ),
            {"count": scoring.DROP_EXTREMES_FROM},
        ),
        Message(
            N_(
                "Applicants are admitted in order of final score up to the category's places; "
                "an applicant below %(min)s points is not admitted."
            ),
            {"min": min_score},
        ),
        Message(
            N_(
                "Equal final scores are ranked by the higher mean points on “%(criterion)s”, "
                "then by the earlier submission of the application, then by the lower "
                "application number."
            ),
            {"criterion": first},
        ),
    ]


async def calendar_note(*days: dt.date | None) -> Message | None:
    """A warning when a date was computed without the official holiday calendar (neither
    packaged nor confirmed by the office)."""
    known = [d for d in days if d is not None]
    if not known:
        return None
    calendar = await office_calendar()
    uncovered = sorted({d.year for d in known if not calendar.is_covered(d.year)})
    if not uncovered:
        return None
    return Message(
        N_(
            "The official holiday calendar for %(year)s is not published yet: working days "
            "are counted as Monday to Friday, and the date may move when it is."
        ),
        {"year": uncovered[0]},
    )


async def public_events(round: AdmissionRound | None = None) -> list[AdmissionEvent]:
    """The public lines of one round's trail (or of dynamic management, with no round)."""
    query = AdmissionEvent.filter(public=True)
    query = (
        query.filter(round=round)
        if round is not None
        else query.filter(kind__in=list(SANCTION_KINDS))
    )
    return await query.select_related("category", "agency").order_by("id")


async def feed_events(kinds: Sequence[str], limit: int = 50) -> list[AdmissionEvent]:
    """The newest public lines of these kinds, across rounds, for the notices feed."""
    return (
        await AdmissionEvent.filter(public=True, kind__in=list(kinds))
        .select_related("round", "agency")
        .order_by("-id")
        .limit(limit)
    )


async def round_events(round: AdmissionRound) -> list[AdmissionEvent]:
    return (
        await AdmissionEvent.filter(round=round)
        .select_related("category", "agency", "actor")
        .order_by("id")
    )


# --- correction notices (更正公告) ----------------------------------------------------

# The dates a correction notice may change, by the round's status.
CORRECTABLE = {
    RoundStatus.ANNOUNCED: ("opens_on", "closes_on"),
    RoundStatus.APPLICATIONS_OPEN: ("closes_on",),
    RoundStatus.PUBLICITY: ("publicity_ends_on",),
}


@dataclass(frozen=True, slots=True)
class CorrectionInput:
    text: str  # the notice, published as written
    opens_on: dt.date | None = None
    closes_on: dt.date | None = None
    publicity_ends_on: dt.date | None = None


async def publish_correction(
    round: AdmissionRound,
    *,
    correction: CorrectionInput,
    actor: User | None,
    now: dt.datetime | None = None,
) -> AdmissionRound:
    """Amend a running round's dates by a published correction notice (更正公告).

    Announced, its window may move (opening not before today); open, its closing day
    (not before today); in publicity, the end of the period: later, or back to no less
    than the announced working days. The notice and the dates before and after are a
    public line of the round's trail.
    """
    actor = await require_role(actor, Role.ADMIN)
    if round.continuous:
        raise refuse(N_("The standing call of continuous entry takes no steps."))
    check_status(round, *CORRECTABLE)
    now = now_or_clock(now)
    today = beijing_date(now)
    errors: dict[str, Message] = {}
    text = clean_text(correction.text, "correction_text", errors, 5000)
    if "correction_text" not in errors and len(text) < 10:
        errors["correction_text"] = Message(
            N_("Say what is corrected and why, in at least %(count)s characters."), {"count": 10}
        )
    fields = CORRECTABLE[round.status]
    before = {name: getattr(round, name) for name in fields}
    after = {
        name: getattr(correction, name) if getattr(correction, name) is not None else before[name]
        for name in fields
    }
    if "opens_on" in fields and after["opens_on"] < today:
        errors["opens_on"] = Message(N_("The window cannot open before today."))
    if "closes_on" in fields:
        opens_on = after.get("opens_on", round.opens_on)
        if after["closes_on"] < today:
            errors["closes_on"] = Message(N_("The window cannot close before today."))
        elif after["closes_on"] < opens_on:
            errors["closes_on"] = Message(N_("The window cannot close before it opens."))
    if "publicity_ends_on" in fields:
        assert round.publicity_starts_on is not None
        calendar = await office_calendar()
        shortest = calendar.add_working_days(round.publicity_starts_on, round.publicity_days)
        if after["publicity_ends_on"] < max(shortest, today):
            errors["publicity_ends_on"] = Message(
                N_("The publicity period ends on %(date)s at the earliest."),
                {"date": max(shortest, today).isoformat()},
            )
    if not errors and after == before:
        errors["correction_text"] = Message(N_("The notice changes no date."))
    if errors:
        raise FormError(errors)
    async with in_transaction():
        claimed = await AdmissionRound.filter(id=round.id, status=round.status).update(**after)
        if claimed != 1:
            raise refuse(N_("The round was moved on a moment ago; reload the page."))
        for name, value in after.items():
            setattr(round, name, value)
        await record(
            "round_corrected",
            round=round,
            at=now,
            actor=actor,
            reason=text,
            before={k: v.isoformat() for k, v in before.items() if v != after[k]},
            after={k: v.isoformat() for k, v in after.items() if v != before[k]},
        )
    return round


async def corrections(round: AdmissionRound) -> list[AdmissionEvent]:
    """The round's correction notices, oldest first."""
    return await AdmissionEvent.filter(round=round, kind="round_corrected").order_by("id")
