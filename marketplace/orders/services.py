"""Order operations: the only code that changes orders.

Each transition is one transaction that writes the new state only if the order is still
at the version that was read (so of two people acting at once one wins and the other is
told what happened), and appends an event to the order's log. The notices to the other
party, their e-mails and any refund are written in the same transaction (the job outbox,
``marketplace.core.outbox``) and delivered after the commit.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User, UserRole
from marketplace.catalog.fees import (
    ChosenFactor,
    InvalidBase,
    InvalidFactor,
    estimate_fee,
    parse_base,
    parse_fee_standard,
    resolve_factors,
)
from marketplace.catalog.models import (
    ApprovalItem,
    CategoryApprovalItem,
    CommissionedBy,
    ServiceItemVersion,
)
from marketplace.catalog.services import public_items
from marketplace.codes import InvalidCode, check_project_code
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import BEIJING as _BEIJING
from marketplace.core.clock import now as beijing_now
from marketplace.core.clock import today
from marketplace.core.jobs import JobQueue
from marketplace.core.notifications import notify
from marketplace.core.outbox import add_job
from marketplace.core.uploads import StoredFile
from marketplace.core.workdays import WorkCalendar
from marketplace.forms import FormError, Message, Refused
from marketplace.i18n import N_
from marketplace.orders.clock import clock_of, deadline_for
from marketplace.orders.models import (
    Order,
    OrderEvent,
    OrderEventName,
    OrderFile,
    OrderMessage,
    OrderState,
    PaymentStatus,
)
from marketplace.orders.monthly import record_order
from marketplace.orders.promise import add_delivery, remove_delivery
from marketplace.orders.states import TRANSITIONS, OrderEffect, Party, Transition
from marketplace.organisations.membership import agency_of, enterprise_of, members
from marketplace.organisations.models import Professional
from marketplace.search.outbox import queue_reindex

__all__ = [
    "COMMISSIONED_BY_DEPARTMENT",
    "OrderRefused",
    "administrators",
    "allowed_actions",
    "can_see",
    "party_of",
    "place_contract_order",
    "place_order",
    "post_message",
    "record_offline_payment",
    "transition",
    "users_of",
    "validate_project_code",
]

_REASON_MAX = 2000
_MESSAGE_MAX = 5000


# The refusal for services the approving department commissions at public cost.
COMMISSIONED_BY_DEPARTMENT = N_(
    "The approving department commissions this service itself, at public cost: "
    "enterprises do not order it."
)

# What a transition made only with its record says when asked for on its own.
_MADE_ELSEWHERE = {
    "rating": N_("Orders are rated with the rating form."),
    "complaint": N_("Complaints are lodged and answered on the complaint pages."),
}


class OrderRefused(Refused):
    """A transition that may not happen now; ``message`` says why, nothing changed."""


def validate_project_code(raw: str) -> str:
    """A national investment project code of either scheme (``marketplace.codes``), as of
    today in Beijing. Raises ``FormError`` explaining what is wrong."""
    try:
        return check_project_code(raw, today=today())
    except InvalidCode as exc:
        raise FormError({"project_code": exc.message}) from None


# --- who is who ----------------------------------------------------------------------


def party_of(user: CurrentUser, order: Order) -> set[Party]:
    """The parties ``user`` acts as on ``order``."""
    parties: set[Party] = set()
    # the membership rule of orders.visibility, for one order
    if enterprise_of(user) == order.enterprise_id:
        parties.add(Party.ENTERPRISE)
    if agency_of(user) == order.agency_id:
        parties.add(Party.AGENCY)
    if Role.ADMIN in user.roles:
        parties.add(Party.ADMIN)
    return parties


def can_see(user: CurrentUser, order: Order) -> bool:
    return bool(party_of(user, order))


def allowed_actions(user: CurrentUser, order: Order) -> list[Transition]:
    """The transitions ``user`` may make on ``order`` now, in table order."""
    parties = party_of(user, order)
    return [
        t
        for t in TRANSITIONS.values()
        if t.by in parties
        and order.state in t.sources
        and t.by is not Party.SYSTEM
        and not t.made_with  # the rating form and the complaint pages make these
    ]


# --- placing -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Placed:
    order: Order
    created: bool  # False: the same idempotency key had placed it already


async def place_order(
    *,
    user: CurrentUser,
    item_id: int,
    project_name: str,
    project_code: str,
    base: str | None,
    note: str,
    idempotency_key: str,
    files: Sequence[StoredFile] = (),
    factors: Mapping[str, str] | None = None,
    approval_item_id: int | None = None,
    queue: JobQueue | None = None,
) -> Placed:
    """Place an order for a published item; the same key never places two orders.

    ``factors`` maps the fee standard's adjustment factors to the option chosen for each
    (defaults for the rest); the quote uses them and the order records them.
    ``approval_item_id`` names the approval (审批事项) the service is for: one of those
    the item's category serves, or ``None`` when the buyer does not say. The agency is
    told (in the app, and with a ``queue`` by e-mail) with the order.
    """
    if enterprise_of(user) is None:
        raise OrderRefused(N_("Only an enterprise account can place orders."))
    key = idempotency_key.strip()
    if not 8 <= len(key) <= 100:
        raise FormError.single("", N_("The request has no valid idempotency key."))
    existing = await Order.get_or_none(enterprise_id=user.user.enterprise_id, idempotency_key=key)
    if existing is not None:
        return Placed(existing, False)

    # only the columns placing reads (the listing's texts are its version's)
    item = await (
        public_items()
        .filter(id=item_id)
        .first()
        .values("agency_id", "category_id", "version", commissioned_by="category__commissioned_by")
    )
    if item is None:
        raise OrderRefused(N_("This service item cannot be ordered now."))
    if item["commissioned_by"] is CommissionedBy.APPROVING_DEPARTMENT:
        raise OrderRefused(COMMISSIONED_BY_DEPARTMENT)
    category_id: int = item["category_id"]
    version = await ServiceItemVersion.get(item_id=item_id, version=item["version"])
    standard = parse_fee_standard(version.fee_standard)

    errors: dict[str, Message] = {}
    project_name = project_name.strip()
    if not project_name:
        errors["project_name"] = Message(N_("This field is required."))
    elif len(project_name) > 200:
        errors["project_name"] = Message(N_("Use at most %(count)s characters."), {"count": 200})
    try:
        project_code = validate_project_code(project_code)
    except FormError as exc:
        errors.update(exc.errors)
    base_value: Decimal | None = None
    if standard.needs_base:
        try:
            base_value = parse_base(base)
        except InvalidBase as exc:
            errors["base"] = Message(exc.message, exc.params)
    chosen: tuple[ChosenFactor, ...] = ()
    try:
        chosen = resolve_factors(standard, factors)
    except InvalidFactor as exc:
        errors[f"factor_{exc.factor}"] = Message(exc.message, exc.params)
    approval_item: ApprovalItem | None = None
    if approval_item_id is not None:
        link = (
            await CategoryApprovalItem.filter(
                category_id=category_id, approval_item_id=approval_item_id
            )
            .select_related("approval_item")
            .first()
        )
        if link is None:
            errors["approval_item_id"] = Message(
                N_("Choose one of the approval items this service serves.")
            )
        else:
            approval_item = link.approval_item
    if len(note) > _MESSAGE_MAX:
        errors["note"] = Message(N_("Use at most %(count)s characters."), {"count": _MESSAGE_MAX})
    if errors:
        raise FormError(errors)
    fee_factors = {choice.factor.key: choice.record() for choice in chosen}
    quote = estimate_fee(standard, base_value, {key: r["option"] for key, r in fee_factors.items()})

    try:
        async with in_transaction():
            order = await Order.create(
                enterprise_id=user.user.enterprise_id,
                placed_by_id=user.id,
                agency_id=item["agency_id"],
                item_id=item_id,
                item_version=version,
                approval_item=approval_item,
                idempotency_key=key,
                project_name=project_name,
                project_code=project_code,
                base_amount=str(base_value) if base_value is not None else None,
                quoted_low_fen=quote.low_fen,
                quoted_high_fen=quote.high_fen,
                fee_factors=fee_factors,
                note=note.strip(),
                time_limit_days=version.time_limit_days,
            )
            # Readable on the phone: the day it was placed and a serial, e.g. 261125-00042.
            placed_on = order.created_at.astimezone(_BEIJING)
            order.number = f"{placed_on:%y%m%d}-{order.id:05d}"
            await order.save(update_fields=["number"])
            await _keep_files(order.id, files, purpose="request", uploaded_by_id=user.id)
            await OrderEvent.create(
                order=order,
                actor_id=user.id,
                action=OrderEventName.PLACE,
                to_state=OrderState.PLACED.value,
                detail={
                    "version": version.version,
                    "quoted_low_fen": quote.low_fen,
                    "quoted_high_fen": quote.high_fen,
                    **({"fee_factors": fee_factors} if fee_factors else {}),
                },
            )
            agency_users = await users_of(order, Party.AGENCY)
            await notify(
                order,
                agency_users,
                N_("Order %(number)s was placed; please accept or decline it."),
                {"number": order.number},
                queue,
            )
            # the statistics' month, last: its row is every placement's of the category
            # this month, locked until the commit
            await record_order(None, order, category_id=category_id)
    except IntegrityError:
        # The same key arrived twice at once: the other request created it; return that.
        existing = await Order.get_or_none(
            enterprise_id=user.user.enterprise_id, idempotency_key=key
        )
        if existing is None:
            raise
        return Placed(existing, False)
    if agency_users:
        # their e-mails' jobs; an agency with nobody to tell added none (and the outbox's
        # other rows are delivered by its periodic run)
        await _deliver(queue)
    return Placed(order, True)


async def place_contract_order(
    *,
    enterprise_id: int,
    placed_by: User,
    agency_id: int,
    item_id: int,
    approval_item_id: int | None,
    idempotency_key: str,
    project_name: str,
    project_code: str,
    amount_fen: int,
    time_limit_days: int,
    note: str,
    queue: JobQueue | None = None,
) -> Order:
    """The order of a confirmed purchase contract (``marketplace.procurement``).

    The contract amount is its frozen quote (low and high alike) and the request's time
    limit its time limit; the listing the winner registered with is its item. From here
    on it is an order like any other: the agency accepts it (the clock starts), delivers,
    and the enterprise confirms, rates or complains. Call it inside the transaction that
    records the contract; the same key never places two orders.
    """
    existing = await Order.get_or_none(enterprise_id=enterprise_id, idempotency_key=idempotency_key)
    if existing is not None:
        return existing
    version = await ServiceItemVersion.filter(item_id=item_id).order_by("-version").first()
    if version is None:
        raise OrderRefused(N_("This service item cannot be ordered now."))
    order = await Order.create(
        enterprise_id=enterprise_id,
        placed_by_id=placed_by.id,
        agency_id=agency_id,
        item_id=item_id,
        item_version=version,
        approval_item_id=approval_item_id,
        idempotency_key=idempotency_key,
        project_name=project_name,
        project_code=project_code,
        quoted_low_fen=amount_fen,
        quoted_high_fen=amount_fen,
        note=note,
        time_limit_days=time_limit_days,
    )
    placed_on = order.created_at.astimezone(_BEIJING)
    order.number = f"{placed_on:%y%m%d}-{order.id:05d}"
    await order.save(update_fields=["number"])
    await OrderEvent.create(
        order=order,
        actor_id=placed_by.id,
        action="place",
        to_state=OrderState.PLACED.value,
        detail={
            "version": version.version,
            "quoted_low_fen": amount_fen,
            "quoted_high_fen": amount_fen,
            "contract": idempotency_key,
        },
    )
    await notify(
        order,
        await users_of(order, Party.AGENCY),
        N_("Order %(number)s was placed; please accept or decline it."),
        {"number": order.number},
        queue,
    )
    return order


async def _keep_files(
    order_id: int,
    files: Sequence[StoredFile],
    *,
    purpose: str,
    uploaded_by_id: int | None,
    message_id: int | None = None,
) -> None:
    """Record stored uploads as the order's files (``purpose``: request, message, delivery)."""
    await OrderFile.bulk_create(
        [
            OrderFile(
                order_id=order_id,
                message_id=message_id,
                uploaded_by_id=uploaded_by_id,
                purpose=purpose,
                filename=f.filename,
                content_type=f.content_type,
                size_bytes=f.size_bytes,
                sha256=f.sha256,
            )
            for f in files
        ]
    )


# --- transitions ---------------------------------------------------------------------


async def transition(
    order_id: int,
    action: str,
    *,
    actor: CurrentUser | None,
    reason: str = "",
    files: Sequence[StoredFile] = (),
    outcome: str = "",
    on: dt.date | None = None,
    queue: JobQueue | None = None,
    record: Callable[[Order, OrderEvent], Awaitable[None]] | None = None,
    professional_id: int | None = None,
) -> Order:
    """Make ``action`` on the order as ``actor`` (``None``: the system, for jobs).

    ``outcome`` is for ``resolve``: ``"resume"`` (back to where it was) or ``"cancel"``.
    ``professional_id`` is for ``accept``: the licensed professional responsible, from the
    agency's register (required while the register has anyone on it).
    ``record`` runs in the same transaction, after the event is written: the rating and
    complaint services write there the rating or complaint the transition belongs to
    (``made_with``), and those transitions are refused without it. Raises ``OrderRefused``
    or ``FormError``; nothing changes then. With a ``queue``, the parties' notices go by
    e-mail too, and a cancelled order's online payment is refunded by a job.
    """
    spec = TRANSITIONS.get(action)
    if spec is None:
        raise OrderRefused(N_("There is no such action."))
    if spec.made_with and record is None:
        raise OrderRefused(_MADE_ELSEWHERE[spec.made_with])
    order = await Order.get_or_none(id=order_id)
    if order is None:
        raise OrderRefused(N_("There is no such order."))
    if actor is None:
        if spec.by is not Party.SYSTEM:
            raise OrderRefused(N_("Only a person can do this."))
    elif spec.by not in party_of(actor, order):
        raise OrderRefused(N_("You are not the party who can do this on this order."))
    if order.state not in spec.sources:
        raise OrderRefused(
            N_("This cannot be done while the order is “%(state)s”."), state=order.state.value
        )
    reason = reason.strip()
    if spec.needs_reason and not reason:
        raise FormError.single("reason", N_("Please give a reason."))
    if len(reason) > _REASON_MAX:
        raise FormError.single("reason", N_("Use at most %(count)s characters."), count=_REASON_MAX)
    if spec.takes_files and not files:
        raise FormError.single("files", N_("Attach the delivered result (PDF or images)."))
    if spec.effect == OrderEffect.END_DISPUTE and outcome not in ("resume", "cancel"):
        raise FormError.single("outcome", N_("Choose how the complaint ends."))

    day = on or today()
    step = _Step(
        order=order,
        spec=spec,
        day=day,
        calendar=await load_calendar(),
        outcome=outcome,
        professional_id=professional_id,
    )
    changes: dict[str, Any] = {}
    if spec.effect:
        changes = await _CHANGES[OrderEffect(spec.effect)](step)
    target = changes.pop("state", spec.target)
    assert target is not None

    async with in_transaction():
        updated = await Order.filter(id=order.id, version=order.version).update(
            state=target, version=F("version") + 1, **changes
        )
        if updated != 1:
            current = await Order.get(id=order.id)
            raise OrderRefused(
                N_(
                    "Someone else changed this order a moment ago: it is now “%(state)s”. "
                    "Nothing was done."
                ),
                state=current.state.value,
            )
        event = await OrderEvent.create(
            order_id=order.id,
            actor_id=actor.id if actor else None,
            action=OrderEventName(action),
            from_state=order.state.value,
            to_state=target.value,
            reason=reason,
            detail={**({"outcome": outcome} if outcome else {}), **step.detail},
        )
        after_write = _AFTER_WRITE.get(OrderEffect(spec.effect)) if spec.effect else None
        if after_write is not None:
            await after_write(step, {**changes, "state": target})
        if record is not None:
            await record(order, event)
        if files:
            await _keep_files(
                order.id,
                files,
                purpose="delivery" if spec.takes_files else "message",
                uploaded_by_id=actor.id if actor else None,
            )
        before, order = order, await Order.get(id=order.id)
        await record_order(before, order)  # the statistics' months it changes
        await _notify_transition(order, spec, actor, event, queue)
        if target is OrderState.CANCELLED and queue is not None:
            # paid online: refunded by the job (payments.stripe_gateway.refund_order), once
            await add_job("refund_order", order.id)
    await _deliver(queue)
    return order


# --- what else each transition does (its row's ``effect``) ------------------------------


@dataclass(slots=True)
class _Step:
    """One transition being made, as its effect functions see it."""

    order: Order  # as read, before the change
    spec: Transition
    day: dt.date
    calendar: WorkCalendar
    outcome: str = ""
    professional_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)  # added to the event's detail


async def _start_clock(step: _Step) -> dict[str, Any]:
    order, day = step.order, step.day
    professional = await _responsible(order, step.professional_id)
    step.detail["professional"] = professional
    return {
        "accepted_on": day,
        "deadline": deadline_for(step.calendar, day, order.time_limit_days, 0),
        "professional_id": professional,
    }


async def _pause_clock(step: _Step) -> dict[str, Any]:
    return {"paused_since": step.day}


async def _resume_clock(step: _Step) -> dict[str, Any]:
    order = step.order
    if order.paused_since is None or order.accepted_on is None:
        return {}
    paused = order.paused_days + step.calendar.working_days_between(order.paused_since, step.day)
    return {
        "paused_since": None,
        "paused_days": paused,
        "deadline": deadline_for(step.calendar, order.accepted_on, order.time_limit_days, paused),
    }


async def _deliver_changes(step: _Step) -> dict[str, Any]:
    return {"delivered_on": step.day}


async def _send_back_changes(step: _Step) -> dict[str, Any]:
    return {"delivered_on": None}


async def _complete(step: _Step) -> dict[str, Any]:
    return {"completed_on": step.day}


async def _open_dispute(step: _Step) -> dict[str, Any]:
    return {"state_before_dispute": step.order.state}


async def _end_dispute(step: _Step) -> dict[str, Any]:
    back = step.order.state_before_dispute if step.outcome == "resume" else OrderState.CANCELLED
    return {"state": back, "state_before_dispute": None}


async def _count_delivery(step: _Step, changes: Mapping[str, Any]) -> None:
    # the clock as it stops today: the working days used and whether on time
    order = step.order
    delivered = copy.copy(order)
    for name, value in changes.items():
        setattr(delivered, name, value)
    stopped = clock_of(delivered, step.calendar, step.day)
    await add_delivery(order, days_used=stopped.days_used, on_time=bool(stopped.on_time))
    await queue_reindex([order.item_id])  # the listing's measured on-time rate


async def _uncount_delivery(step: _Step, changes: Mapping[str, Any]) -> None:
    await remove_delivery(step.order)
    await queue_reindex([step.order.item_id])


# The field changes of each effect, computed before the write (``"state"``: the target
# of a transition whose row leaves it open).
_CHANGES: dict[OrderEffect, Callable[[_Step], Awaitable[dict[str, Any]]]] = {
    OrderEffect.START_CLOCK: _start_clock,
    OrderEffect.PAUSE_CLOCK: _pause_clock,
    OrderEffect.RESUME_CLOCK: _resume_clock,
    OrderEffect.DELIVER: _deliver_changes,
    OrderEffect.SEND_BACK: _send_back_changes,
    OrderEffect.COMPLETE: _complete,
    OrderEffect.OPEN_DISPUTE: _open_dispute,
    OrderEffect.END_DISPUTE: _end_dispute,
}

# What else an effect writes in the transition's transaction, after the order and its
# event (given the changes made, with the new state).
_AFTER_WRITE: dict[OrderEffect, Callable[[_Step, Mapping[str, Any]], Awaitable[None]]] = {
    OrderEffect.DELIVER: _count_delivery,
    OrderEffect.SEND_BACK: _uncount_delivery,
}


async def _responsible(order: Order, professional_id: int | None) -> int | None:
    """The professional an accepting agency names: one on its own register, required
    while the register is not empty (DESIGN.md §3: one of them is named on each order)."""
    register = Professional.filter(agency_id=order.agency_id, active=True)
    if professional_id is None:
        if await register.exists():
            raise FormError.single(
                "professional_id",
                N_("Name the licensed professional responsible for this order."),
            )
        return None
    if not await register.filter(id=professional_id).exists():
        raise FormError.single(
            "professional_id",
            N_("Choose a professional on your agency's register."),
        )
    return professional_id


# --- conversation and payment ----------------------------------------------------------


async def post_message(
    order: Order,
    *,
    actor: CurrentUser,
    body: str,
    files: Sequence[StoredFile] = (),
    queue: JobQueue | None = None,
) -> OrderMessage:
    parties = party_of(actor, order) & {Party.ENTERPRISE, Party.AGENCY}
    if not parties:
        raise OrderRefused(N_("Only the enterprise and the agency of this order can write here."))
    body = body.strip()
    if not body and not files:
        raise FormError.single("body", N_("Write a message or attach a file."))
    if len(body) > _MESSAGE_MAX:
        raise FormError.single("body", N_("Use at most %(count)s characters."), count=_MESSAGE_MAX)
    async with in_transaction():
        message = await OrderMessage.create(order=order, author_id=actor.id, body=body)
        await _keep_files(
            order.id, files, purpose="message", uploaded_by_id=actor.id, message_id=message.id
        )
        other = Party.AGENCY if Party.ENTERPRISE in parties else Party.ENTERPRISE
        await notify(
            order,
            await users_of(order, other),
            N_("New message on order %(number)s from %(name)s."),
            {"number": order.number, "name": actor.user.name},
            queue,
        )
    await _deliver(queue)
    return message


async def record_offline_payment(order: Order, *, actor: CurrentUser, amount_fen: int) -> Order:
    """The agency records that it received the fee outside the platform."""
    if Party.AGENCY not in party_of(actor, order):
        raise OrderRefused(N_("Only the agency of this order records payments."))
    if order.payment_status is not PaymentStatus.UNPAID:
        raise OrderRefused(N_("The payment of this order is recorded already."))
    if order.state in (OrderState.PLACED, OrderState.DECLINED, OrderState.CANCELLED):
        raise OrderRefused(N_("A payment can be recorded once the order is accepted."))
    if not 0 < amount_fen <= 10**13:
        raise FormError.single("amount", N_("Enter the amount received, in yuan."))
    async with in_transaction():
        updated = await Order.filter(id=order.id, payment_status=PaymentStatus.UNPAID).update(
            payment_status=PaymentStatus.PAID,
            paid_fen=amount_fen,
            paid_at=beijing_now(),
            payment_method="offline",
            version=F("version") + 1,
        )
        if updated != 1:
            raise OrderRefused(N_("The payment of this order is recorded already."))
        await OrderEvent.create(
            order_id=order.id,
            actor_id=actor.id,
            action=OrderEventName.RECORD_PAYMENT,
            detail={"amount_fen": amount_fen},
        )
    return await Order.get(id=order.id)


# --- notifications -------------------------------------------------------------------

_TRANSITION_NOTICES = {
    "accept": N_("Order %(number)s was accepted; the clock has started."),
    "decline": N_("Order %(number)s was declined."),
    "cancel": N_("Order %(number)s was cancelled by the enterprise: %(reason)s"),
    "pause": N_("Order %(number)s is waiting for your materials; the clock is paused."),
    "resume": N_("Order %(number)s is in service again; the clock runs."),
    "deliver": N_("Order %(number)s was delivered; please confirm or send it back."),
    "confirm": N_("Order %(number)s was confirmed as completed."),
    "send_back": N_("The delivery of order %(number)s was sent back."),
    "complain": N_("A complaint was lodged on order %(number)s."),
    "resolve": N_("The complaint on order %(number)s was resolved."),
    "auto_confirm": N_("Order %(number)s was confirmed automatically after 5 working days."),
    "rate": N_("Order %(number)s was rated by the enterprise."),
}


# Who is told of each transition: the party that must act on it next, or that the change
# concerns; never the acting party's own colleagues (a delivery's "please confirm" goes to
# the enterprise, not to the agency's other staff).
_E, _A, _O = Party.ENTERPRISE, Party.AGENCY, Party.ADMIN
_NOTICE_PARTIES: dict[str, frozenset[Party]] = {
    "accept": frozenset({_E}),
    "decline": frozenset({_E}),
    "cancel": frozenset({_A}),
    "pause": frozenset({_E}),
    "resume": frozenset({_E}),
    "deliver": frozenset({_E}),
    "confirm": frozenset({_A}),
    "send_back": frozenset({_A}),
    "complain": frozenset({_A}),  # the complaint service tells the office
    "resolve": frozenset({_E, _A, _O}),
    "auto_confirm": frozenset({_E, _A}),
    "rate": frozenset({_A}),
}


async def users_of(order: Order, party: Party) -> list[User]:
    """The active users who act as ``party`` on ``order``: the members of its enterprise
    or its agency, or the office."""
    if party is Party.ENTERPRISE:
        return await members(enterprise_id=order.enterprise_id)
    if party is Party.AGENCY:
        return await members(agency_id=order.agency_id)
    return await administrators()


async def administrators() -> list[User]:
    """The active administrators (the government service office)."""
    admin_ids = UserRole.filter(role=Role.ADMIN).values_list("user_id", flat=True)
    return await User.filter(id__in=await admin_ids, is_active=True)


async def _notify_transition(
    order: Order,
    spec: Transition,
    actor: CurrentUser | None,
    event: OrderEvent,
    queue: JobQueue | None,
) -> None:
    recipients: dict[int, User] = {}
    for party in sorted(_NOTICE_PARTIES[spec.action]):
        for user in await users_of(order, party):
            if actor is None or user.id != actor.id:
                recipients[user.id] = user
    params: dict[str, Any] = {"number": order.number}
    if spec.action == "cancel":
        params["reason"] = event.reason
    await notify(order, list(recipients.values()), _TRANSITION_NOTICES[spec.action], params, queue)


async def _deliver(queue: JobQueue | None) -> None:
    """After a commit: have the job outbox delivered now (it is in any case, later)."""
    if queue is not None:
        await queue.deliver_outbox()
