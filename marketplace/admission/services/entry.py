"""Entry without a round (常态化入驻): per category, the office chooses entry by round (the
2015 rules: quota, merit, publicity) or continuous entry (Jiangsu's 2026 rules for the
provincial marketplace: an agency applies at any time with the same application form, and
the office makes a formal check within a set number of working days, with no quota; the
agency goes live on approval).

Continuous applications belong to the standing call (``AdmissionRound.continuous``): one
round, always open, whose categories are those in continuous entry. An application there
is checked once (``check_application``); a failed one may be corrected and submitted again.
"""

from __future__ import annotations

import datetime as dt

from tortoise.transactions import in_transaction

from marketplace.accounts.models import Role, User
from marketplace.admission.models import (
    AdmissionRound,
    Application,
    ApplicationStatus,
    RoundCategory,
    RoundStatus,
)
from marketplace.admission.services.common import (
    beijing_date,
    clean_text,
    int_in,
    now_or_clock,
    record,
    refuse,
    require_role,
)
from marketplace.admission.services.publicity import make_live
from marketplace.catalog import services as catalog
from marketplace.catalog.models import (
    AdmissionRoute,
    Category,
    EntryMode,
    MarketType,
    ServiceItem,
)
from marketplace.forms import FormError, Message
from marketplace.i18n import N_
from marketplace.search.outbox import queue_reindex

__all__ = [
    "MAX_CHECK_DAYS",
    "MAX_QUOTA",
    "check_application",
    "pending_checks",
    "set_entry_settings",
    "standing_round",
]

MAX_QUOTA = 50
MAX_CHECK_DAYS = 30

# The standing call's texts, in Chinese: it is the office's public notice.
_STANDING = {
    "title": "中介服务机构常态化入驻",
    "notice": (
        "以下类别实行常态化入驻：中介服务机构可随时在线提交入驻申请，不设数量限制。"
        "政务服务管理办公室在规定的工作日内完成形式审查，审查通过的机构即入驻中介服务超市，"
        "其服务事项同时上线。"
    ),
    "conditions": "依法设立，具备相应资质和执业能力，信用记录良好的中介服务机构。",
    "materials": (
        "机构基本信息、资质证书扫描件、专业技术人员、近三年业绩、"
        "拟提供的服务事项及收费标准和办理时限。"
    ),
}


async def standing_round() -> AdmissionRound | None:
    """The standing call of continuous entry, once a category is in continuous entry."""
    return await AdmissionRound.filter(continuous=True).first()


async def _ensure_standing_round(*, actor: User, now: dt.datetime) -> AdmissionRound:
    round = await standing_round()
    if round is not None:
        return round
    today = beijing_date(now)
    round = await AdmissionRound.create(
        title=_STANDING["title"],
        notice=_STANDING["notice"],
        conditions=_STANDING["conditions"],
        materials=_STANDING["materials"],
        opens_on=today,
        closes_on=dt.date.max,  # never closes
        publicity_days=0,
        min_score=0,
        continuous=True,
        status=RoundStatus.APPLICATIONS_OPEN,
        created_at=now,
        announced_at=now,
    )
    await record("round_created", round=round, at=now, actor=actor)
    await record("window_opened", round=round, at=now, actor=actor)
    return round


async def set_entry_settings(
    category: Category,
    *,
    market_type: MarketType | None,
    quota: int | None,
    entry_mode: EntryMode | None,
    check_days: int | None,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Category:
    """Set a category's market type, quota (competitive categories) and entry mode, with
    the working days of the formal check for continuous entry.

    A category that a round in progress covers keeps its market type and entry mode until
    the round concludes; a category leaves continuous entry when no application of it
    waits for the check.
    """
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    errors: dict[str, Message] = {}
    if market_type is None:
        errors["market_type"] = Message(N_("Choose a market type."))
    if entry_mode is None:
        errors["entry_mode"] = Message(N_("Choose how agencies enter."))
    if market_type is MarketType.COMPETITIVE:
        quota = int_in(quota, "quota", errors, 1, MAX_QUOTA)
    else:
        quota = None
    check_days = int_in(check_days, "check_days", errors, 1, MAX_CHECK_DAYS)
    if errors:
        raise FormError(errors)
    assert market_type is not None and entry_mode is not None
    in_round = (
        await RoundCategory.filter(category=category, round__continuous=False)
        .exclude(round__status=RoundStatus.CONCLUDED)
        .exists()
    )
    if in_round and (
        market_type is not category.market_type or entry_mode is not category.entry_mode
    ):
        errors["entry_mode" if entry_mode is not category.entry_mode else "market_type"] = Message(
            N_(
                "A round in progress covers this category: its market type and entry mode "
                "change when the round has concluded."
            )
        )
    standing = await standing_round()
    if (
        standing is not None
        and entry_mode is EntryMode.ROUND
        and category.entry_mode is EntryMode.CONTINUOUS
        and await Application.exists(
            round=standing, category=category, status=ApplicationStatus.SUBMITTED
        )
    ):
        errors["entry_mode"] = Message(
            N_("Applications of this category wait for the formal check: decide them first.")
        )
    if errors:
        raise FormError(errors)
    async with in_transaction():
        await catalog.set_category_admission(
            category,
            market_type=market_type,
            quota=quota,
            entry_mode=entry_mode,
            check_days=check_days,
        )
        if entry_mode is EntryMode.CONTINUOUS:
            standing = await _ensure_standing_round(actor=actor, now=now)
            entry = await RoundCategory.get_or_none(round=standing, category=category)
            if entry is None:
                await RoundCategory.create(
                    round=standing,
                    category=category,
                    market_type=market_type,
                    places=0,  # no quota
                    position=category.position,
                )
            elif entry.market_type is not market_type:
                entry.market_type = market_type
                await entry.save(update_fields=["market_type"])
        elif standing is not None:
            await RoundCategory.filter(round=standing, category=category).delete()
        await record(
            "entry_settings_changed",
            round=None,
            at=now,
            actor=actor,
            category_id=category.id,
            market_type=market_type.value,
            quota=quota,
            entry_mode=entry_mode.value,
            check_days=check_days,
        )
    item_ids = await ServiceItem.filter(category=category).values_list("id", flat=True)
    await queue_reindex(item_ids)  # type: ignore[arg-type]
    return category


async def check_application(
    application: Application,
    *,
    passed: bool,
    reason: str,
    actor: User | None,
    now: dt.datetime | None = None,
) -> Application:
    """The formal check of a continuous application: approved, the agency and its items go
    live at once; refused, the agency sees the reason and may correct and submit again."""
    actor = await require_role(actor, Role.ADMIN)
    now = now_or_clock(now)
    round = await AdmissionRound.get(id=application.round_id)
    if not round.continuous:
        raise refuse(N_("This application belongs to a round: review it in the round."))
    if application.status is not ApplicationStatus.SUBMITTED:
        raise refuse(N_("This application has been checked already."))
    errors: dict[str, Message] = {}
    reason = clean_text(reason, "reason", errors, 2000, required=not passed)
    if errors:
        raise FormError(errors)
    target = ApplicationStatus.ADMITTED if passed else ApplicationStatus.FAILED
    async with in_transaction():
        claimed = await Application.filter(
            id=application.id, status=ApplicationStatus.SUBMITTED
        ).update(status=target, review_reason=reason, reviewed_at=now)
        if claimed != 1:
            raise refuse(N_("The application was changed a moment ago; reload the page."))
        application.status = target
        application.review_reason = reason
        application.reviewed_at = now
        await record(
            "application_passed" if passed else "application_failed",
            round=round,
            at=now,
            actor=actor,
            category_id=application.category_id,
            agency_id=application.agency_id,
            application_id=application.id,
            reason=reason,
        )
        if passed:
            live = (
                await Application.filter(id=application.id)
                .select_related("agency", "category")
                .prefetch_related("qualifications", "items")
                .get()
            )
            await make_live(
                round,
                live,
                route=AdmissionRoute.CONTINUOUS,
                agency_route=AdmissionRoute.CONTINUOUS,
                now=now,
            )
    return application


async def pending_checks() -> list[Application]:
    """Continuous applications waiting for the formal check, the most urgent first."""
    return (
        await Application.filter(round__continuous=True, status=ApplicationStatus.SUBMITTED)
        .select_related("agency", "category")
        .order_by("check_due_on", "id")
    )
