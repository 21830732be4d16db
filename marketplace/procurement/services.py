"""Purchase request operations: the only code that changes requests and registrations.

A request is announced with its secret seed's SHA-256 (``draw``); eligible agencies (an
admitted agency with a public listing in the category, not suspended, not excluded)
register until the deadline, a number of working days after publication on the office's
calendar, and for price methods submit a sealed quote. Nobody sees who registered or what
they quoted before the deadline has passed (``sealed``): every page and API route asks
``registrants_visible``. After the deadline the owner runs the selection once: a change of
state writes only if the request is still at the version read (``_guarded``), so of two
selections started at once exactly one wins and the other is refused. The result notice
reveals the seed and every input of the draw; the owner and the winner then confirm the
contract, which becomes an order (``orders.services.place_contract_order``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.catalog.models import Agency, Category, CategoryApprovalItem, CommissionedBy
from marketplace.catalog.services import public_items
from marketplace.core.calendar import load_calendar
from marketplace.core.clock import now, today
from marketplace.core.jobs import JobQueue
from marketplace.core.notifications import notify
from marketplace.core.uploads import StoredFile
from marketplace.core.workdays import WorkCalendar
from marketplace.forms import FormError, Message, Refused
from marketplace.i18n import N_
from marketplace.orders import services as orders
from marketplace.procurement import draw
from marketplace.procurement.methods import METHODS, Funding, Method, minimum_entries
from marketplace.procurement.models import (
    PurchaseEvent,
    PurchaseRequest,
    PurchaseState,
    Registration,
)

__all__ = [
    "COMPULSORY_TENDERING_FEN",
    "PurchaseRefused",
    "amend_request",
    "cancel_request",
    "confirm_contract",
    "draw_data",
    "eligible_agency_ids",
    "is_contract_party",
    "open_to_agency",
    "publish_request",
    "published_with_key",
    "register",
    "registrants_visible",
    "republish",
    "run_selection",
    "score_registration",
    "selectable",
    "submit_quote",
    "void_request",
    "yuan_text",
]

# 必须招标的工程项目规定 (国家发展改革委令第16号) 第五条（三）: services for such projects
# whose single contract is estimated at 100 万元 or more (以上 includes the figure,
# 民法典 第一千二百五十九条) must be tendered, not bought here.
COMPULSORY_TENDERING_FEN = 100_000_000
_TEXT_MAX = 5000
_REASON_MAX = 2000
_MAX_REGISTRATION_DAYS = 30
_MAX_TIME_LIMIT_DAYS = 365
FINAL_STATES = frozenset(
    {PurchaseState.FAILED, PurchaseState.CONTRACTED, PurchaseState.CANCELLED, PurchaseState.VOIDED}
)


class PurchaseRefused(Refused):
    """An operation that may not happen now; ``message`` says why, nothing changed (the
    API answers it 409 through ``formpages``' handler of every ``Refused``)."""


# --- who sees what -------------------------------------------------------------------


def registrants_visible(request: PurchaseRequest, *, on: dt.date | None = None) -> bool:
    """Whether registrants and quotes may be shown: only once the deadline has passed
    (or the request has ended otherwise). Before, only their count is public."""
    if request.state is not PurchaseState.OPEN:
        return True
    return (on or today()) > request.deadline


def is_owner(user: CurrentUser | None, request: PurchaseRequest) -> bool:
    return (
        user is not None
        and Role.ENTERPRISE in user.roles
        and user.user.enterprise_id == request.enterprise_id
    )


def agency_of(user: CurrentUser | None) -> int | None:
    if user is None or Role.AGENCY not in user.roles:
        return None
    return user.user.agency_id


async def is_contract_party(user: CurrentUser | None, request: PurchaseRequest) -> bool:
    """The owner's enterprise or the winner's agency: the two that confirm the contract
    and, with the office, the only ones who read its file."""
    if request.winner_id is None or user is None:
        return False
    if is_owner(user, request):
        return True
    agency_id = agency_of(user)
    return (
        agency_id is not None
        and await Registration.filter(id=request.winner_id, agency_id=agency_id).exists()
    )


def owned_requests(user: CurrentUser) -> QuerySet[PurchaseRequest]:
    if Role.ENTERPRISE not in user.roles or user.user.enterprise_id is None:
        return PurchaseRequest.filter(id=-1)
    return PurchaseRequest.filter(enterprise_id=user.user.enterprise_id)


async def eligible_agency_ids(category_id: int, excluded: Sequence[int] = ()) -> list[int]:
    """Agencies that may register: a public listing in the category, not excluded."""
    ids = await public_items().filter(category_id=category_id).values_list("agency_id", flat=True)
    return sorted({int(i) for i in ids} - {int(e) for e in excluded})


async def open_to_agency(agency_id: int) -> list[PurchaseRequest]:
    """Open requests this agency may register for, deadline first."""
    categories = (
        await public_items().filter(agency_id=agency_id).values_list("category_id", flat=True)
    )
    rows = (
        await PurchaseRequest.filter(
            state=PurchaseState.OPEN, category_id__in=list(set(categories)), deadline__gte=today()
        )
        .order_by("deadline", "id")
        .select_related("category", "enterprise")
    )
    return [r for r in rows if agency_id not in r.excluded_agency_ids]


# --- publishing ----------------------------------------------------------------------


def _check_text(errors: dict[str, Message], name: str, value: str, max_length: int) -> str:
    value = value.strip()
    if not value:
        errors[name] = Message(N_("This field is required."))
    elif len(value) > max_length:
        errors[name] = Message(N_("Use at most %(count)s characters."), {"count": max_length})
    return value


def _check_criteria(errors: dict[str, Message], criteria: Sequence[Mapping[str, Any]]) -> list:
    cleaned: list[dict[str, Any]] = []
    for c in criteria:
        name = str(c.get("name", "")).strip()
        weight = c.get("weight")
        if not name or len(name) > 100 or not isinstance(weight, int) or isinstance(weight, bool):
            errors["criteria"] = Message(N_("Give each criterion a name and a whole weight."))
            return []
        if not 1 <= weight <= 100:
            errors["criteria"] = Message(N_("Give each criterion a name and a whole weight."))
            return []
        cleaned.append({"name": name, "weight": weight})
    weights: list[int] = [c["weight"] for c in cleaned]
    if not cleaned or sum(weights) != 100 or len(cleaned) > 10:
        errors["criteria"] = Message(
            N_("Merit scoring needs criteria whose weights add up to 100.")
        )
        return []
    return cleaned


async def publish_request(
    *,
    user: CurrentUser,
    category_id: int,
    project_name: str,
    project_code: str,
    work: str,
    qualifications: str,
    time_limit_days: int,
    funding: Funding,
    ceiling_fen: int,
    floor_fen: int,
    method: Method,
    registration_days: int,
    criteria: Sequence[Mapping[str, Any]] = (),
    excluded_agency_ids: Sequence[int] = (),
    approval_item_id: int | None = None,
    republished_from_id: int | None = None,
    idempotency_key: str | None = None,
    queue: JobQueue | None = None,
) -> PurchaseRequest:
    """Announce a purchase request (采购公告); its seed is drawn and committed to now.

    Raises ``PurchaseRefused`` (not an enterprise, a category not for sale, the tendering
    threshold) or ``FormError`` field by field; nothing is written then. With an
    ``idempotency_key`` (the API's), the enterprise's request announced earlier with the
    same key is returned instead of a second one (``published_with_key``).
    """
    if Role.ENTERPRISE not in user.roles or user.user.enterprise_id is None:
        raise PurchaseRefused(N_("Only an enterprise account can publish purchase requests."))
    if idempotency_key is not None:
        earlier = await published_with_key(user, idempotency_key)
        if earlier is not None:
            return earlier
    errors: dict[str, Message] = {}
    category = await Category.get_or_none(id=category_id)
    if category is None:
        errors["category_id"] = Message(N_("Choose a category."))
    elif category.commissioned_by is CommissionedBy.APPROVING_DEPARTMENT:
        raise PurchaseRefused(orders.COMMISSIONED_BY_DEPARTMENT)
    if ceiling_fen >= COMPULSORY_TENDERING_FEN:
        raise PurchaseRefused(
            N_(
                "Services of 1,000,000 yuan or more must be tendered (必须招标的工程项目规定, "
                "国家发展改革委令第16号, 第五条): they cannot be bought on the marketplace."
            )
        )
    project_name = _check_text(errors, "project_name", project_name, 200)
    try:
        project_code = orders.validate_project_code(project_code)
    except FormError as exc:
        errors.update(exc.errors)
    work = _check_text(errors, "work", work, _TEXT_MAX)
    qualifications = qualifications.strip()
    if len(qualifications) > _TEXT_MAX:
        errors["qualifications"] = Message(
            N_("Use at most %(count)s characters."), {"count": _TEXT_MAX}
        )
    if not 1 <= time_limit_days <= _MAX_TIME_LIMIT_DAYS:
        errors["time_limit_days"] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."),
            {"low": 1, "high": _MAX_TIME_LIMIT_DAYS},
        )
    if not 1 <= registration_days <= _MAX_REGISTRATION_DAYS:
        errors["registration_days"] = Message(
            N_("Enter a whole number from %(low)s to %(high)s."),
            {"low": 1, "high": _MAX_REGISTRATION_DAYS},
        )
    if ceiling_fen <= 0:
        errors["ceiling"] = Message(N_("Enter the price ceiling in yuan."))
    if floor_fen < 0 or floor_fen > ceiling_fen:
        errors["floor"] = Message(N_("The floor must be between 0 and the ceiling."))
    cleaned_criteria: list = []
    if method is Method.MERIT:
        cleaned_criteria = _check_criteria(errors, criteria)
    if approval_item_id is not None and category is not None:
        link = await CategoryApprovalItem.get_or_none(
            category_id=category.id, approval_item_id=approval_item_id
        )
        if link is None:
            errors["approval_item_id"] = Message(
                N_("Choose one of the approval items this service serves.")
            )
    excluded = sorted({int(a) for a in excluded_agency_ids})
    if excluded and await Agency.filter(id__in=excluded).count() != len(excluded):
        errors["excluded"] = Message(N_("Choose agencies from the list."))
    if errors:
        raise FormError(errors)
    assert category is not None

    day = today()
    calendar = await load_calendar()
    seed = secrets.token_bytes(32)
    try:
        request = await _announce(
            user,
            category,
            day,
            calendar,
            seed,
            idempotency_key,
            queue,
            approval_item_id=approval_item_id,
            republished_from_id=republished_from_id,
            project_name=project_name,
            project_code=project_code,
            work=work,
            qualifications=qualifications,
            time_limit_days=time_limit_days,
            funding=funding,
            ceiling_fen=ceiling_fen,
            floor_fen=floor_fen,
            method=method,
            criteria=cleaned_criteria,
            excluded_agency_ids=excluded,
            registration_days=registration_days,
        )
    except IntegrityError:
        # The same key arrived twice at once: the other request announced it; return that.
        earlier = await published_with_key(user, idempotency_key) if idempotency_key else None
        if earlier is None:
            raise
        return earlier
    await _deliver(queue)
    return request


async def _announce(
    user: CurrentUser,
    category: Category,
    day: dt.date,
    calendar: WorkCalendar,
    seed: bytes,
    idempotency_key: str | None,
    queue: JobQueue | None,
    **values: Any,
) -> PurchaseRequest:
    """The announcement's rows, in one transaction: the request, its number, its event
    and the notices to the eligible agencies."""
    async with in_transaction():
        request = await PurchaseRequest.create(
            enterprise_id=user.user.enterprise_id,
            created_by_id=user.id,
            category=category,
            announce_key=idempotency_key,
            published_on=day,
            deadline=calendar.add_working_days(day, values["registration_days"]),
            seed_hex=seed.hex(),
            seed_sha256=draw.seed_hash(seed),
            **values,
        )
        request.number = f"CG{day:%y%m%d}-{request.id:05d}"
        await request.save(update_fields=["number"])
        await PurchaseEvent.create(
            request=request,
            actor_id=user.id,
            kind="announce",
            detail={
                "seed_sha256": request.seed_sha256,
                "deadline": request.deadline.isoformat(),
            },
        )
        agency_ids = await eligible_agency_ids(category.id, request.excluded_agency_ids)
        await notify(
            None,
            await _agency_users(agency_ids),
            N_("Purchase request %(number)s is open for registration until %(deadline)s."),
            {
                "number": request.number,
                "deadline": request.deadline.isoformat(),
                "purchase": request.id,
            },
            queue,
        )
    return request


async def published_with_key(user: CurrentUser, key: str) -> PurchaseRequest | None:
    """The request the user's enterprise announced with this idempotency key, if any
    (unique per enterprise: of two announcements with one key sent at once, one is
    written)."""
    if user.user.enterprise_id is None:
        return None
    return await PurchaseRequest.get_or_none(
        enterprise_id=user.user.enterprise_id, announce_key=key
    )


async def _agency_users(agency_ids: Sequence[int]) -> list[User]:
    if not agency_ids:
        return []
    return await User.filter(
        agency_id__in=list(agency_ids), is_active=True, roles__role=Role.AGENCY
    ).distinct()


async def _owner_users(request: PurchaseRequest) -> list[User]:
    return await User.filter(enterprise_id=request.enterprise_id, is_active=True)


async def _deliver(queue: JobQueue | None) -> None:
    if queue is not None:
        await queue.deliver_outbox()


async def _get(request_id: int) -> PurchaseRequest:
    request = await PurchaseRequest.get_or_none(id=request_id)
    if request is None:
        raise PurchaseRefused(N_("There is no such purchase request."))
    return request


async def _guarded(request: PurchaseRequest, **changes: Any) -> PurchaseRequest:
    """Write ``changes`` only if the request is still at the version read."""
    updated = await PurchaseRequest.filter(id=request.id, version=request.version).update(
        version=F("version") + 1, **changes
    )
    if updated != 1:
        raise PurchaseRefused(
            N_("Someone else changed this purchase request a moment ago. Nothing was done.")
        )
    return await PurchaseRequest.get(id=request.id)


def _reason(text: str, *, required: bool = True, field: str = "reason") -> str:
    text = text.strip()
    if required and not text:
        raise FormError.single(field, N_("Please give a reason."))
    if len(text) > _REASON_MAX:
        raise FormError.single(field, N_("Use at most %(count)s characters."), count=_REASON_MAX)
    return text


# --- the owner's changes before the selection ------------------------------------------


async def amend_request(
    request_id: int,
    *,
    actor: CurrentUser,
    text: str,
    extend_days: int = 0,
    queue: JobQueue | None = None,
) -> PurchaseRequest:
    """Publish a correction notice (更正公告), extending the deadline by ``extend_days``
    working days. Only while registration is open."""
    request = await _get(request_id)
    if not is_owner(actor, request):
        raise PurchaseRefused(N_("Only the owner of this purchase request can do this."))
    if request.state is not PurchaseState.OPEN or today() > request.deadline:
        raise PurchaseRefused(N_("A correction can be published only while registration is open."))
    text = _reason(text, field="text")
    if not 0 <= extend_days <= _MAX_REGISTRATION_DAYS:
        raise FormError.single(
            "extend_days",
            N_("Enter a whole number from %(low)s to %(high)s."),
            low=0,
            high=_MAX_REGISTRATION_DAYS,
        )
    calendar = await load_calendar()
    deadline = calendar.add_working_days(request.deadline, extend_days)
    async with in_transaction():
        updated = await _guarded(
            request,
            deadline=deadline,
            registration_days=request.registration_days + extend_days,
        )
        await PurchaseEvent.create(
            request_id=request.id,
            actor_id=actor.id,
            kind="amend",
            text=text,
            detail={"deadline": deadline.isoformat(), "extend_days": extend_days},
        )
        registered = await Registration.filter(request_id=request.id).values_list(
            "agency_id", flat=True
        )
        await notify(
            None,
            await _agency_users(list(registered)),  # type: ignore[arg-type]
            N_("A correction to purchase request %(number)s was published."),
            {"number": request.number, "purchase": request.id},
            queue,
        )
    await _deliver(queue)
    return updated


async def cancel_request(
    request_id: int, *, actor: CurrentUser, reason: str, queue: JobQueue | None = None
) -> PurchaseRequest:
    request = await _get(request_id)
    if not is_owner(actor, request):
        raise PurchaseRefused(N_("Only the owner of this purchase request can do this."))
    if request.state is not PurchaseState.OPEN:
        raise PurchaseRefused(N_("Only a request open for registration can be cancelled."))
    return await _end(request, PurchaseState.CANCELLED, "cancel", actor, _reason(reason), queue)


async def void_request(
    request_id: int, *, actor: CurrentUser, reason: str, queue: JobQueue | None = None
) -> PurchaseRequest:
    """The service office voids a request (a violation, a wrong category), with its reason."""
    request = await _get(request_id)
    if Role.ADMIN not in actor.roles:
        raise PurchaseRefused(N_("Only the service office can void a purchase request."))
    if request.state in FINAL_STATES:
        raise PurchaseRefused(N_("This purchase request has ended already."))
    return await _end(request, PurchaseState.VOIDED, "void", actor, _reason(reason), queue)


async def _end(
    request: PurchaseRequest,
    state: PurchaseState,
    kind: str,
    actor: CurrentUser,
    reason: str,
    queue: JobQueue | None,
) -> PurchaseRequest:
    async with in_transaction():
        updated = await _guarded(request, state=state)
        await PurchaseEvent.create(request_id=request.id, actor_id=actor.id, kind=kind, text=reason)
        registered = await Registration.filter(request_id=request.id).values_list(
            "agency_id", flat=True
        )
        users = await _agency_users(list(registered))  # type: ignore[arg-type]
        if kind == "void":
            users += await _owner_users(request)
        await notify(
            None,
            users,
            N_("Purchase request %(number)s was cancelled or voided: %(reason)s"),
            {"number": request.number, "reason": reason, "purchase": request.id},
            queue,
        )
    await _deliver(queue)
    return updated


# --- the agencies' side ------------------------------------------------------------------


async def register(
    request_id: int, *, actor: CurrentUser, item_id: int | None = None
) -> Registration:
    """Register the actor's agency; its receipt is drawn now. Twice is once."""
    request = await _get(request_id)
    agency_id = agency_of(actor)
    if agency_id is None:
        raise PurchaseRefused(N_("Only agency staff can register for a purchase request."))
    if request.state is not PurchaseState.OPEN or today() > request.deadline:
        raise PurchaseRefused(N_("Registration for this purchase request is closed."))
    if agency_id in request.excluded_agency_ids:
        raise PurchaseRefused(N_("The owner excluded your agency from this purchase request."))
    items = public_items().filter(agency_id=agency_id, category_id=request.category_id)
    if item_id is not None:
        items = items.filter(id=item_id)
    item = await items.order_by("id").first()
    if item is None:
        raise PurchaseRefused(
            N_("Your agency has no published listing in this category, so it cannot register.")
        )
    existing = await Registration.get_or_none(request_id=request.id, agency_id=agency_id)
    if existing is not None:
        return existing
    try:
        async with in_transaction():
            registration = await Registration.create(
                request_id=request.id,
                agency_id=agency_id,
                item_id=item.id,
                registered_by_id=actor.id,
                receipt=secrets.token_hex(8),
            )
    except IntegrityError:
        existing = await Registration.get_or_none(request_id=request.id, agency_id=agency_id)
        if existing is None:
            raise
        return existing
    return registration


async def submit_quote(request_id: int, *, actor: CurrentUser, quote_fen: int) -> Registration:
    """The sealed quote of the actor's agency, replaceable until the deadline."""
    request = await _get(request_id)
    agency_id = agency_of(actor)
    registration = (
        await Registration.get_or_none(request_id=request.id, agency_id=agency_id)
        if agency_id is not None
        else None
    )
    if registration is None:
        raise PurchaseRefused(N_("Register for this purchase request first."))
    if not METHODS[request.method].takes_quotes:
        raise PurchaseRefused(N_("This selection method takes no quotes."))
    if request.state is not PurchaseState.OPEN or today() > request.deadline:
        raise PurchaseRefused(N_("Quotes for this purchase request are closed."))
    if not request.floor_fen <= quote_fen <= request.ceiling_fen:
        raise FormError.single(
            "quote",
            N_("The quote must be between the floor %(floor)s and the ceiling %(ceiling)s yuan."),
            floor=request.floor_fen // 100,
            ceiling=request.ceiling_fen // 100,
        )
    await Registration.filter(id=registration.id).update(quote_fen=quote_fen, quoted_at=now())
    return await Registration.get(id=registration.id)


# --- after the deadline: scores, the selection, the contract ------------------------------


async def score_registration(
    request_id: int, *, actor: CurrentUser, registration_id: int, scores: Sequence[int]
) -> Registration:
    """The owner's scores (0-100 per criterion, in order) for one registrant (merit)."""
    request = await _get(request_id)
    if not is_owner(actor, request):
        raise PurchaseRefused(N_("Only the owner of this purchase request can do this."))
    if request.method is not Method.MERIT:
        raise PurchaseRefused(N_("Only merit scoring takes scores."))
    if request.state is not PurchaseState.OPEN or not registrants_visible(request):
        raise PurchaseRefused(N_("Scores are given after the deadline, before the selection."))
    registration = await Registration.get_or_none(id=registration_id, request_id=request.id)
    if registration is None:
        raise PurchaseRefused(N_("There is no such registration."))
    if len(scores) != len(request.criteria) or any(not 0 <= s <= 100 for s in scores):
        raise FormError.single("scores", N_("Give every criterion a score from 0 to 100."))
    total = sum(s * c["weight"] for s, c in zip(scores, request.criteria, strict=True))
    await Registration.filter(id=registration.id).update(
        scores={str(i): s for i, s in enumerate(scores)}, score=total
    )
    return await Registration.get(id=registration.id)


def _entries(request: PurchaseRequest, registrations: Sequence[Registration]) -> list:
    spec = METHODS[request.method]
    entries = []
    for r in registrations:
        if spec.takes_quotes and r.quote_fen is None:
            continue  # registered but never quoted: not an entry
        entries.append(draw.Entry(r.receipt, quote_fen=r.quote_fen, score=r.score))
    return entries


async def run_selection(
    request_id: int,
    *,
    actor: CurrentUser,
    pick_registration_id: int | None = None,
    amount_fen: int | None = None,
    phrase: str = "",
    witnesses: Sequence[str] = (),
    queue: JobQueue | None = None,
) -> PurchaseRequest:
    """Close the request after its deadline: a winner and the result notice (中选公告),
    or a failed selection (流标). ``pick_registration_id`` and ``amount_fen`` are the
    owner's choice for direct choice. The seed is revealed either way.

    ``phrase`` is the draw phrase (抽取口令) given at the selection, best by the
    ``witnesses`` (现场见证人, named): it enters every draw step, so that the platform,
    which knows the seed, cannot have chosen a seed or receipts for an outcome (see
    ``draw``). The pages and the API ask for it where the method draws; both are
    published with the result."""
    request = await selectable(request_id, actor=actor)
    phrase, witnesses = _check_witnessing(phrase, witnesses)
    spec = METHODS[request.method]
    registrations = await Registration.filter(request_id=request.id).order_by("receipt")
    entries = _entries(request, registrations)
    by_receipt = {r.receipt: r for r in registrations}
    needed = minimum_entries(request.method, request.funding)
    outcome: dict[str, Any] = {"entries": len(entries), "minimum": needed}
    if phrase:
        outcome["phrase"] = phrase
    if witnesses:
        outcome["witnesses"] = list(witnesses)
    winner: Registration | None = None
    contract_fen: int | None = None
    if len(entries) < needed:
        outcome["failed"] = True
    elif spec.owner_picks:
        winner = next((r for r in registrations if r.id == pick_registration_id), None)
        if winner is None:
            raise FormError.single("pick", N_("Choose one of the registrants."))
        if amount_fen is None or not request.floor_fen <= amount_fen <= request.ceiling_fen:
            raise FormError.single(
                "amount",
                N_(
                    "The amount must be between the floor %(floor)s and the ceiling "
                    "%(ceiling)s yuan."
                ),
                floor=request.floor_fen // 100,
                ceiling=request.ceiling_fen // 100,
            )
        contract_fen = amount_fen
        outcome["winner"] = winner.receipt
    else:
        if spec.scored and any(e.score is None for e in entries):
            raise PurchaseRefused(N_("Score every registrant before the selection."))
        result = draw.select(
            method=request.method.value,
            seed=bytes.fromhex(request.seed_hex),
            request_number=draw.draw_context(request.number or "", phrase),
            entries=entries,
        )
        outcome.update(result.record())
        winner = by_receipt[result.winner]
        contract_fen = request.ceiling_fen if request.method is Method.RANDOM else winner.quote_fen
    state = PurchaseState.FAILED if winner is None else PurchaseState.SELECTED
    async with in_transaction():
        updated = await _guarded(
            request,
            state=state,
            selected_on=today(),
            outcome=outcome,
            winner_id=winner.id if winner else None,
            contract_fen=contract_fen,
        )
        await PurchaseEvent.create(
            request_id=request.id,
            actor_id=actor.id,
            kind="fail" if winner is None else "result",
            detail={"seed": request.seed_hex, **outcome},
        )
        users = await _agency_users([r.agency_id for r in registrations])
        if winner is None:
            message = N_("The selection of purchase request %(number)s failed: too few entries.")
        else:
            message = N_("The result of purchase request %(number)s is published.")
        await notify(
            None, users, message, {"number": request.number, "purchase": request.id}, queue
        )
    await _deliver(queue)
    return updated


async def selectable(request_id: int, *, actor: CurrentUser) -> PurchaseRequest:
    """The request, if ``actor`` may run its selection now; ``PurchaseRefused`` if not."""
    request = await _get(request_id)
    if not is_owner(actor, request):
        raise PurchaseRefused(N_("Only the owner of this purchase request can do this."))
    if request.state is not PurchaseState.OPEN:
        raise PurchaseRefused(N_("The selection of this purchase request was made already."))
    if not registrants_visible(request):
        raise PurchaseRefused(
            N_("The selection is made after the registration deadline, %(deadline)s."),
            deadline=request.deadline.isoformat(),
        )
    return request


def yuan_text(fen: int) -> str:
    """Fen as yuan for a message: 25000 or 1200.50."""
    return f"{fen // 100}" if fen % 100 == 0 else f"{fen // 100}.{fen % 100:02d}"


_WITNESSES_MAX = 5
_WITNESS_NAME_MAX = 50


def _check_witnessing(phrase: str, witnesses: Sequence[str]) -> tuple[str, list[str]]:
    """The draw phrase and the witnesses' names as recorded, or ``FormError``."""
    errors: dict[str, Message] = {}
    phrase = phrase.strip()
    if len(phrase) > draw.PHRASE_MAX:
        errors["phrase"] = Message(
            N_("Use at most %(count)s characters."), {"count": draw.PHRASE_MAX}
        )
    elif any(not ch.isprintable() for ch in phrase):
        errors["phrase"] = Message(N_("The draw phrase is one line of visible characters."))
    names = [name.strip() for name in witnesses if name.strip()]
    if len(names) > _WITNESSES_MAX:
        errors["witnesses"] = Message(
            N_("Name at most %(count)s witnesses."), {"count": _WITNESSES_MAX}
        )
    elif any(len(n) > _WITNESS_NAME_MAX or not n.isprintable() for n in names):
        errors["witnesses"] = Message(
            N_("Each witness's name is one line of at most %(count)s characters."),
            {"count": _WITNESS_NAME_MAX},
        )
    if errors:
        raise FormError(errors)
    return phrase, names


async def confirm_contract(
    request_id: int,
    *,
    actor: CurrentUser,
    amount_fen: int | None = None,
    contract: StoredFile | None = None,
    contract_sha256: str | None = None,
    queue: JobQueue | None = None,
) -> PurchaseRequest:
    """The owner's or the winner's confirmation; the second one places the order.

    The party that confirms first attaches the signed contract, ``contract``: a PDF,
    checked by content where it was read (``core.uploads.read_uploads``), and may set the
    signed amount, ``amount_fen``, within the winning quote (the amount the selection
    published: a lower one may be agreed, not a higher one) and not below the floor. The
    other confirms that file and amount as they are: it attaches none, and
    ``contract_sha256`` and ``amount_fen``, when given, must be the attached file's digest
    and the amount set. Nothing is written on a refusal."""
    request = await _get(request_id)
    if request.state is not PurchaseState.SELECTED or request.winner_id is None:
        raise PurchaseRefused(N_("There is no contract to confirm on this purchase request."))
    first = request.contract_sha256 is None
    cap = request.contract_fen or 0
    if first and amount_fen is not None and not request.floor_fen <= amount_fen <= cap:
        raise FormError.single(
            "amount",
            N_(
                "The contract amount must be between the floor %(floor)s and the winning "
                "quote %(quote)s yuan."
            ),
            floor=yuan_text(request.floor_fen),
            quote=yuan_text(cap),
        )
    if not first and amount_fen is not None and amount_fen != request.contract_fen:
        raise PurchaseRefused(
            N_("The contract amount is %(amount)s fen: confirm that amount."),
            amount=request.contract_fen or 0,
        )
    winner = await Registration.get(id=request.winner_id)
    owner, agency = is_owner(actor, request), agency_of(actor) == winner.agency_id
    if not owner and not agency:
        raise PurchaseRefused(N_("Only the owner and the winner confirm the contract."))
    moment = now()
    changes: dict[str, Any] = {}
    if owner and request.owner_confirmed_at is None:
        changes["owner_confirmed_at"] = moment
    if agency and request.agency_confirmed_at is None:
        changes["agency_confirmed_at"] = moment
    if not changes:
        raise PurchaseRefused(N_("You have confirmed this contract already."))
    changes.update(_contract_file(request, contract, contract_sha256))
    if first and amount_fen is not None and amount_fen != cap:
        changes["contract_fen"] = amount_fen
    both = (request.owner_confirmed_at or changes.get("owner_confirmed_at")) and (
        request.agency_confirmed_at or changes.get("agency_confirmed_at")
    )
    async with in_transaction():
        if both:
            changes["state"] = PurchaseState.CONTRACTED
        updated = await _guarded(request, **changes)
        await PurchaseEvent.create(
            request_id=request.id,
            actor_id=actor.id,
            kind="confirm",
            detail={
                "by": "owner" if owner else "agency",
                "contract_sha256": changes.get("contract_sha256", request.contract_sha256),
                "contract_fen": changes.get("contract_fen", request.contract_fen),
            },
        )
        if both:
            placed_by = actor.user if owner else await User.get(id=request.created_by_id)
            order = await orders.place_contract_order(
                enterprise_id=request.enterprise_id,
                placed_by=placed_by,
                agency_id=winner.agency_id,
                item_id=winner.item_id,
                approval_item_id=request.approval_item_id,
                idempotency_key=f"purchase-{request.id}",
                project_name=request.project_name,
                project_code=request.project_code,
                amount_fen=changes.get("contract_fen", request.contract_fen) or 0,
                time_limit_days=request.time_limit_days,
                note=f"{request.number} {request.work}"[:5000],
                queue=queue,
            )
            await PurchaseRequest.filter(id=request.id).update(order_id=order.id)
            await PurchaseEvent.create(
                request_id=request.id, kind="contract", detail={"order": order.number}
            )
            updated = await PurchaseRequest.get(id=request.id)
        else:
            other = (
                await _agency_users([winner.agency_id]) if owner else await _owner_users(request)
            )
            await notify(
                None,
                other,
                N_("The contract of purchase request %(number)s awaits your confirmation."),
                {"number": request.number, "purchase": request.id},
                queue,
            )
    await _deliver(queue)
    return updated


def _contract_file(
    request: PurchaseRequest, contract: StoredFile | None, contract_sha256: str | None
) -> dict[str, Any]:
    """The signed contract's columns the confirmation writes (none once it is attached)."""
    if request.contract_sha256 is None:
        if contract is None:
            raise FormError.single(
                "contract", N_("Attach the signed contract as a PDF file to confirm it.")
            )
        if contract.content_type != "application/pdf":
            raise FormError.single(
                "contract", N_("This file is not a PDF. Attach the signed contract as a PDF file.")
            )
        if contract_sha256 is not None and contract_sha256 != contract.sha256:
            raise FormError.single(
                "contract_sha256", N_("This is not the digest of the attached file.")
            )
        return {"contract_sha256": contract.sha256, "contract_name": contract.filename}
    if contract is not None:
        raise FormError.single(
            "contract",
            N_(
                "The signed contract is attached already (%(name)s): confirm that file, "
                "without attaching another."
            ),
            name=request.contract_name or "",
        )
    if contract_sha256 is not None and contract_sha256 != request.contract_sha256:
        raise PurchaseRefused(
            N_("The attached contract's SHA-256 is %(digest)s: confirm that file."),
            digest=request.contract_sha256,
        )
    return {}


async def republish(
    request_id: int, *, actor: CurrentUser, queue: JobQueue | None = None
) -> PurchaseRequest:
    """A failed request announced again in one step, with a new seed and deadline."""
    request = await _get(request_id)
    if not is_owner(actor, request):
        raise PurchaseRefused(N_("Only the owner of this purchase request can do this."))
    if request.state is not PurchaseState.FAILED:
        raise PurchaseRefused(N_("Only a failed purchase request can be published again."))
    if await PurchaseRequest.filter(republished_from_id=request.id).exists():
        raise PurchaseRefused(N_("This purchase request was published again already."))
    return await publish_request(
        user=actor,
        category_id=request.category_id,
        project_name=request.project_name,
        project_code=request.project_code,
        work=request.work,
        qualifications=request.qualifications,
        time_limit_days=request.time_limit_days,
        funding=request.funding,
        ceiling_fen=request.ceiling_fen,
        floor_fen=request.floor_fen,
        method=request.method,
        registration_days=request.registration_days,
        criteria=request.criteria,
        excluded_agency_ids=request.excluded_agency_ids,
        approval_item_id=request.approval_item_id,
        republished_from_id=request.id,
        queue=queue,
    )


# --- the public record ---------------------------------------------------------------------


async def draw_data(request: PurchaseRequest) -> dict[str, Any] | None:
    """Every input and output of the selection, as the result notice publishes it and
    ``scripts/verify_draw.py`` reads it; ``None`` before the selection."""
    if request.state is PurchaseState.OPEN or not request.outcome:
        return None
    registrations = await Registration.filter(request_id=request.id).order_by("receipt")
    spec = METHODS[request.method]
    return {
        "format": "marketplace-draw/1",
        "request_number": request.number,
        "method": request.method.value,
        "funding": request.funding.value,
        "minimum_entries": minimum_entries(request.method, request.funding),
        "seed_sha256": request.seed_sha256,
        "seed": request.seed_hex,
        # given at the selection: the phrase enters every draw step (draw.draw_context)
        "phrase": request.outcome.get("phrase", ""),
        "witnesses": request.outcome.get("witnesses", []),
        "ceiling_fen": request.ceiling_fen,
        "floor_fen": request.floor_fen,
        "entries": [
            {
                "receipt": r.receipt,
                "quote_fen": r.quote_fen,
                "score": r.score,
            }
            for r in registrations
            if not spec.takes_quotes or r.quote_fen is not None
        ],
        "outcome": {
            k: request.outcome.get(k)
            for k in ("failed", "winner", "steps", "coefficient_pct", "reference_fen", "set_aside")
            if k in request.outcome
        },
    }


def public_requests() -> QuerySet[PurchaseRequest]:
    """Every announced request (all are public once announced)."""
    return PurchaseRequest.all()


__all__ += ["FINAL_STATES", "agency_of", "is_owner", "owned_requests", "public_requests"]
