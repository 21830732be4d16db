"""Catalogue operations: the only code that changes catalogue state, and its read queries.

Every storefront page is a handful of queries at most: list pages fetch their rows with
``select_related``/``prefetch_related`` and aggregate counts in SQL, never per row.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import weakref
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cachetools import LRUCache
from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from marketplace.catalog.fees import (
    FeeEstimate,
    FeeStandard,
    estimate_fee,
    parse_base,
    parse_fee_standard,
)
from marketplace.catalog.models import (
    AdmissionRoute,
    Agency,
    AgencyStatus,
    ApprovalItem,
    Category,
    CategoryApprovalItem,
    CommissionedBy,
    EntryMode,
    MarketType,
    Qualification,
    ServiceItem,
    ServiceItemVersion,
    ServiceStatus,
)
from marketplace.core.clock import now as beijing_now
from marketplace.core.clock import today as beijing_today
from marketplace.search.outbox import queue_reindex

__all__ = [
    "CATEGORY_PAGE_SIZE",
    "PAGE_CACHE_TTL_S",
    "CategoryPage",
    "CategorySummary",
    "PageCache",
    "approval_items_by_category",
    "category_page",
    "chosen_factors",
    "count_public_agencies",
    "create_agency",
    "create_approval_item",
    "create_category",
    "create_service_item",
    "estimate_item_fee",
    "forget_cached_pages",
    "get_public_agency",
    "get_public_agency_only",
    "get_public_item",
    "home_page",
    "link_approval_items",
    "list_agencies",
    "list_categories",
    "list_category_items",
    "public_agency_items",
    "public_items",
    "publish_service_item",
]

_PUBLISHED_FIELDS = (
    "title",
    "scope",
    "content",
    "legal_basis",
    "fee_basis",
    "fee_type",
    "fee_standard",
    "time_limit_days",
    "commitments",
)


# --- the page cache --------------------------------------------------------------------

# Public catalogue pages are read far more often than the catalogue changes, so each
# application keeps what its public pages show for a few seconds. A change made through
# these services empties every cache in the process at once; a change made by another
# process shows within PAGE_CACHE_TTL_S (and the time one reload takes).
PAGE_CACHE_TTL_S = 5
_PAGE_CACHE_SIZE = 256
_caches: weakref.WeakSet[PageCache] = weakref.WeakSet()


class PageCache:
    """Data of public pages, per application: at most ``_PAGE_CACHE_SIZE`` keys (LRU).

    A key nobody has loaded yet, or one emptied by a change (``clear``), is loaded by one
    request while the others for it wait for that load, instead of every request running
    the same queries at once. A key older than ``ttl_s`` is reloaded by the one request
    that finds it so, while the others keep being answered from the value it replaces:
    under load every worker's expiry would otherwise hold every request for the page
    behind one reload, a latency spike every ``ttl_s`` seconds per worker.
    """

    def __init__(self, ttl_s: float = PAGE_CACHE_TTL_S) -> None:
        self._ttl_s = ttl_s
        # key → (value, when it was loaded, on the monotonic clock)
        self._data: LRUCache[tuple[str, str], tuple[Any, float]] = LRUCache(
            maxsize=_PAGE_CACHE_SIZE
        )
        # A lock per key being loaded, with the number of requests holding or awaiting
        # it; the entry goes when the last of them leaves, so keys (every distinct ``?q=``)
        # do not pile up for the life of the process.
        self._loading: dict[tuple[str, str], tuple[asyncio.Lock, list[int]]] = {}
        _caches.add(self)

    def _fresh(self, loaded_at: float) -> bool:
        return time.monotonic() - loaded_at < self._ttl_s

    async def get_or_load(self, key: tuple[str, str], load: Callable[[], Awaitable[Any]]) -> Any:
        hit = self._data.get(key)
        if hit is not None:
            value, loaded_at = hit
            if self._fresh(loaded_at) or key in self._loading:
                return value  # fresh, or stale while another request reloads it
        lock, users = self._loading.setdefault(key, (asyncio.Lock(), [0]))
        users[0] += 1
        try:
            async with lock:
                hit = self._data.get(key)
                if hit is not None and self._fresh(hit[1]):
                    return hit[0]
                value = await load()
                if value is not None:
                    self._data[key] = (value, time.monotonic())
                return value
        finally:
            users[0] -= 1
            if not users[0]:
                del self._loading[key]

    @property
    def loading_keys(self) -> int:
        """How many keys have a load running or awaited (0 when the cache is idle)."""
        return len(self._loading)

    def clear(self) -> None:
        self._data.clear()


def forget_cached_pages() -> None:
    """Empty every page cache of this process (after any change to the catalogue)."""
    for cache in list(_caches):
        cache.clear()


# --- changes -----------------------------------------------------------------------


async def create_category(
    *,
    code: str,
    name: str,
    name_en: str,
    market_type: MarketType,
    legal_basis: str,
    abbreviations: Sequence[str] = (),
    quota: int | None = None,
    description: str = "",
    description_en: str = "",
    position: int = 0,
    self_prepare_allowed: bool = False,
    commissioned_by: CommissionedBy = CommissionedBy.APPLICANT,
    approval_items: Sequence[ApprovalItem] = (),
) -> Category:
    """Create a category serving ``approval_items`` (the 审批事项 it is a condition of)."""
    if market_type is MarketType.COMPETITIVE and (quota is None or quota < 1):
        raise ValueError("a competitive category needs a quota of at least one agency")
    forget_cached_pages()
    async with in_transaction():
        category = await Category.create(
            code=code,
            name=name,
            name_en=name_en,
            abbreviations=list(abbreviations),
            market_type=market_type,
            quota=quota if market_type is MarketType.COMPETITIVE else None,
            legal_basis=legal_basis,
            description=description,
            description_en=description_en,
            position=position,
            self_prepare_allowed=self_prepare_allowed,
            commissioned_by=commissioned_by,
        )
        await CategoryApprovalItem.bulk_create(
            [CategoryApprovalItem(category=category, approval_item=a) for a in approval_items]
        )
    return category


async def set_category_admission(
    category: Category,
    *,
    market_type: MarketType,
    quota: int | None,
    entry_mode: EntryMode,
    check_days: int,
) -> Category:
    """Store how agencies enter ``category`` (the admission services check the values and
    the office's right to change them)."""
    if market_type is MarketType.COMPETITIVE and (quota is None or quota < 1):
        raise ValueError("a competitive category needs a quota of at least one agency")
    category.market_type = market_type
    category.quota = quota if market_type is MarketType.COMPETITIVE else None
    category.entry_mode = entry_mode
    category.check_days = check_days
    await category.save(update_fields=["market_type", "quota", "entry_mode", "check_days"])
    forget_cached_pages()
    return category


async def create_approval_item(
    *,
    code: str,
    name: str,
    department: str,
    legal_basis: str,
    name_en: str = "",
    department_en: str = "",
    position: int = 0,
) -> ApprovalItem:
    """Create an approval item (审批事项) that categories of service can be linked to."""
    forget_cached_pages()
    return await ApprovalItem.create(
        code=code,
        name=name,
        name_en=name_en,
        department=department,
        department_en=department_en,
        legal_basis=legal_basis,
        position=position,
    )


async def link_approval_items(category: Category, approval_items: Sequence[ApprovalItem]) -> None:
    """Add ``approval_items`` to those ``category`` serves (each link once)."""
    known = set(
        await CategoryApprovalItem.filter(category=category).values_list(
            "approval_item_id", flat=True
        )
    )
    forget_cached_pages()
    await CategoryApprovalItem.bulk_create(
        [
            CategoryApprovalItem(category=category, approval_item=a)
            for a in dict.fromkeys(approval_items)
            if a.id not in known
        ]
    )


async def approval_items_by_category(category_ids: Sequence[int]) -> dict[int, list[ApprovalItem]]:
    """Category id → the approval items it serves, in their display order (one query)."""
    links = (
        await CategoryApprovalItem.filter(category_id__in=list(category_ids))
        .select_related("approval_item")
        .order_by("approval_item__position", "approval_item_id")
    )
    found: dict[int, list[ApprovalItem]] = {category_id: [] for category_id in category_ids}
    for link in links:
        found[link.category_id].append(link.approval_item)
    return found


async def create_agency(
    *,
    name: str,
    credit_code: str,
    legal_representative: str,
    address: str,
    city: str,
    is_local: bool,
    qualifications: Sequence[Mapping[str, Any]] = (),
    status: AgencyStatus = AgencyStatus.APPLICANT,
    admission_route: AdmissionRoute | None = None,
    admitted_on: dt.date | None = None,
    **details: Any,
) -> Agency:
    """Create an agency with its qualifications in one transaction.

    ``details`` are the optional descriptive columns (name_en, phone, established_on,
    staff_count, description).
    """
    from marketplace.codes import check_uscc

    code = check_uscc(credit_code)  # raises InvalidCode on a wrong part
    async with in_transaction():
        agency = await Agency.create(
            name=name,
            credit_code=code,
            legal_representative=legal_representative,
            address=address,
            city=city,
            is_local=is_local,
            status=status,
            admission_route=admission_route,
            admitted_on=admitted_on,
            **details,
        )
        await Qualification.bulk_create(
            [Qualification(agency=agency, **dict(q)) for q in qualifications]
        )
    return agency


async def create_service_item(
    *,
    agency: Agency,
    category: Category,
    title: str,
    scope: str,
    content: str,
    legal_basis: str,
    fee_basis: str,
    fee_standard: Mapping[str, Any],
    time_limit_days: int,
    commitments: str = "",
) -> ServiceItem:
    """Create a draft service item; it is shown nowhere until published."""
    parsed = parse_fee_standard(fee_standard)
    if time_limit_days < 1:
        raise ValueError("the time limit is at least one working day")
    return await ServiceItem.create(
        agency=agency,
        category=category,
        title=title,
        scope=scope,
        content=content,
        legal_basis=legal_basis,
        fee_basis=fee_basis,
        fee_type=parsed.type,
        fee_standard=dict(fee_standard),
        time_limit_days=time_limit_days,
        commitments=commitments,
    )


async def publish_service_item(
    item: ServiceItem, *, now: dt.datetime | None = None
) -> ServiceItemVersion:
    """Publish the item's current content as its next version."""
    published_at = now or beijing_now()
    async with in_transaction():
        item.version += 1
        item.status = ServiceStatus.PUBLISHED
        item.published_at = published_at
        await item.save(update_fields=["version", "status", "published_at", "updated_at"])
        await queue_reindex([item.id])
        forget_cached_pages()
        return await ServiceItemVersion.create(
            item=item,
            version=item.version,
            published_at=published_at,
            **{name: getattr(item, name) for name in _PUBLISHED_FIELDS},
        )


# --- public reads --------------------------------------------------------------------


def public_items(*, with_held: bool = False) -> Any:
    """Published items of admitted agencies not suspended from new orders: what the
    storefront shows, search finds and enterprises can order. ``with_held`` adds the
    items held for an expired required qualification (``catalog.qualifications``),
    which the agency profile names but does not list."""
    today = beijing_today()
    query = ServiceItem.filter(
        Q(agency__orders_suspended_until__isnull=True)
        | Q(agency__orders_suspended_until__lt=today),
        status=ServiceStatus.PUBLISHED,
        agency__status=AgencyStatus.ADMITTED,
    )
    return query if with_held else query.filter(held_by_id__isnull=True)


@dataclass(frozen=True, slots=True)
class CategorySummary:
    category: Category
    agency_count: int
    item_count: int


async def list_categories(*, name_query: str = "") -> list[CategorySummary]:
    """All categories with the number of admitted agencies and published items in each.

    ``name_query`` keeps the categories whose name, English name, code or an
    abbreviation contains it (the home page's filter until search exists).
    """
    categories = await Category.all()
    rows = (
        await public_items()
        .group_by("category_id")
        .annotate(items=Count("id"), agencies=Count("agency_id", distinct=True))
        .values("category_id", "items", "agencies")
    )
    counts = {row["category_id"]: (row["agencies"], row["items"]) for row in rows}
    needle = name_query.strip().casefold()
    summaries = []
    for category in categories:
        if needle and not any(
            needle in text.casefold()
            for text in (category.name, category.name_en, category.code, *category.abbreviations)
        ):
            continue
        agencies, items = counts.get(category.id, (0, 0))
        summaries.append(CategorySummary(category, agencies, items))
    return summaries


async def count_public_agencies() -> int:
    """Admitted agencies with at least one published item (each counted once)."""
    return await Agency.filter(
        status=AgencyStatus.ADMITTED, id__in=Subquery(public_items().values("agency_id"))
    ).count()


CATEGORY_PAGE_SIZE = 50  # service items per page of a category


@dataclass(frozen=True, slots=True)
class CategoryPage:
    """One page of a category's public items, with the figures of all of them."""

    category: Category
    items: list[ServiceItem]  # this page's, agency loaded
    page: int  # 1-based, at most the last page
    total: int  # every public item of the category
    agency_count: int  # the admitted agencies listing them, each once
    approval_items: list[ApprovalItem]  # those the category serves, in display order

    @property
    def page_size(self) -> int:
        return CATEGORY_PAGE_SIZE


async def category_page(
    code: str, page: int = 1, cache: PageCache | None = None
) -> CategoryPage | None:
    """Page ``page`` of the category's public items (cached in ``cache``, four queries);
    ``None`` if there is no such category. A page after the last is the last."""

    async def load() -> CategoryPage | None:
        category = await Category.get_or_none(code=code)
        if category is None:
            return None
        listed = public_items().filter(category=category)
        counts = (
            await listed.annotate(items=Count("id"), agencies=Count("agency_id", distinct=True))
            .group_by("category_id")
            .values_list("items", "agencies")
        )
        total, agencies = (int(counts[0][0]), int(counts[0][1])) if counts else (0, 0)
        last = max(1, -(-total // CATEGORY_PAGE_SIZE))
        shown = min(page, last)
        items = await list_category_items(
            category, offset=(shown - 1) * CATEGORY_PAGE_SIZE, limit=CATEGORY_PAGE_SIZE
        )
        approval = (await approval_items_by_category([category.id]))[category.id]
        return CategoryPage(category, items, shown, total, agencies, approval)

    if cache is None:
        return await load()
    found: CategoryPage | None = await cache.get_or_load(("category", f"{code}:{page}"), load)
    return found


async def home_page(
    name_query: str, cache: PageCache | None = None
) -> tuple[list[CategorySummary], int]:
    """The home page's category summaries and number of public agencies (cached)."""

    async def load() -> tuple[list[CategorySummary], int]:
        return await list_categories(name_query=name_query), await count_public_agencies()

    if cache is None:
        return await load()
    page: tuple[list[CategorySummary], int] = await cache.get_or_load(("home", name_query), load)
    return page


async def list_category_items(
    category: Category, *, offset: int = 0, limit: int | None = None
) -> list[ServiceItem]:
    """The category's published items of admitted agencies, agency loaded: local agencies'
    last, then by time limit (``limit`` of them from ``offset``; all by default)."""
    query = (
        public_items()
        .filter(category=category)
        .select_related("agency")
        .order_by("agency__is_local", "time_limit_days", "id")
        .offset(offset)
    )
    return await (query.limit(limit) if limit is not None else query)


async def list_agencies(
    *, category: Category | None = None, offset: int = 0, limit: int = 20
) -> tuple[list[Agency], int]:
    """Admitted agencies (optionally those with a published item in ``category``) and the total."""
    query = Agency.filter(status=AgencyStatus.ADMITTED)
    if category is not None:
        query = query.filter(
            id__in=Subquery(public_items().filter(category=category).values("agency_id"))
        )
    total = await query.count()
    agencies = await query.order_by("id").offset(offset).limit(limit)
    return agencies, total


async def get_public_agency_only(agency_id: int) -> Agency | None:
    """An admitted agency with its qualifications loaded."""
    agency: Agency | None = (
        await Agency.filter(id=agency_id, status=AgencyStatus.ADMITTED)
        .prefetch_related("qualifications")
        .first()
    )
    return agency


async def get_public_agency(agency_id: int) -> tuple[Agency, list[ServiceItem]] | None:
    """An admitted agency with its qualifications loaded and its published items."""
    agency = await get_public_agency_only(agency_id)
    if agency is None:
        return None
    items, _ = await public_agency_items(agency)
    return agency, items


async def public_agency_items(agency: Agency) -> tuple[list[ServiceItem], list[ServiceItem]]:
    """The agency's public items, and its items held for an expired required
    qualification (``held_by`` is one of ``agency.qualifications``), in one query."""
    rows = (
        await public_items(with_held=True)
        .filter(agency=agency)
        .select_related("category")
        .order_by("id")
    )
    return [i for i in rows if i.held_by_id is None], [i for i in rows if i.held_by_id]


async def get_public_item(item_id: int) -> ServiceItem | None:
    """A published item of an admitted agency, agency and category loaded."""
    return await public_items().filter(id=item_id).select_related("agency", "category").first()


async def list_item_versions(item: ServiceItem) -> list[ServiceItemVersion]:
    return await ServiceItemVersion.filter(item=item).order_by("-version")


def item_fee_standard(item: ServiceItem | ServiceItemVersion) -> FeeStandard:
    return parse_fee_standard(item.fee_standard)


def estimate_item_fee(
    item: ServiceItem, raw_base: str | None, factors: Mapping[str, str] | None = None
) -> FeeEstimate:
    """The fee ``item`` charges for a base a person typed and the adjustment factor values
    chosen (factor key → option key, defaults for the rest); ``InvalidBase`` (or its
    ``InvalidFactor``) explains a refusal."""
    standard = item_fee_standard(item)
    base: Decimal | None = parse_base(raw_base) if standard.needs_base else None
    return estimate_fee(standard, base, factors)


def chosen_factors(standard: FeeStandard, params: Mapping[str, str]) -> dict[str, str]:
    """The factor values chosen in a form or query string (``factor_<key>=<option>``), for
    the factors ``standard`` has; the rest keep their defaults."""
    chosen = {}
    for factor in standard.factors:
        value = params.get(f"factor_{factor.key}")
        if value:
            chosen[factor.key] = str(value)[:40]
    return chosen


# --- an agency's standing: what admission and credit records change, through here -------


@dataclass(frozen=True, slots=True)
class HeldQualification:
    """A qualification an admitted application brings (the catalogue keeps its own row)."""

    name: str
    grade: str | None
    certificate_no: str
    issuer: str
    expires_on: dt.date | None


async def admit_agency(
    agency: Agency,
    *,
    route: AdmissionRoute,
    on: dt.date,
    qualifications: Sequence[HeldQualification] = (),
) -> bool:
    """An applicant agency admitted by ``route`` on day ``on``, with the qualifications it
    brings (those whose certificate it already holds are kept as they are). In the caller's
    transaction. ``False`` when the agency was suspended or removed meanwhile: nothing
    changes then."""
    if agency.status is AgencyStatus.APPLICANT:
        agency.status = AgencyStatus.ADMITTED
        agency.admission_route = route
        agency.admitted_on = on
        await agency.save(update_fields=["status", "admission_route", "admitted_on", "updated_at"])
    elif agency.status is not AgencyStatus.ADMITTED:
        return False
    held = {q.certificate_no for q in await Qualification.filter(agency=agency)}
    for q in qualifications:
        if q.certificate_no not in held:
            await Qualification.create(
                agency=agency,
                name=q.name,
                grade=q.grade,
                certificate_no=q.certificate_no,
                issuer=q.issuer,
                expires_on=q.expires_on,
            )
            held.add(q.certificate_no)
    return True


async def change_agency_status(agency: Agency, to: AgencyStatus) -> bool:
    """The agency moved from the status it was read with to ``to`` (suspended, reinstated,
    removed), in the caller's transaction; ``False`` if someone changed it meanwhile. Its
    listings leave (or return to) search and the storefront at once."""
    claimed = await Agency.filter(id=agency.id, status=agency.status).update(status=to)
    if claimed != 1:
        return False
    agency.status = to
    await _reindex_agency(agency.id)
    forget_cached_pages()
    return True


async def withdraw_agency_items(agency: Agency) -> None:
    """Every published item of the agency withdrawn (a removed agency's), in the caller's
    transaction, and out of search and the storefront."""
    await ServiceItem.filter(agency=agency, status=ServiceStatus.PUBLISHED).update(
        status=ServiceStatus.WITHDRAWN
    )
    await _reindex_agency(agency.id)
    forget_cached_pages()


async def suspend_orders(agency: Agency, until: dt.date) -> None:
    """No new orders for the agency until ``until`` (a later suspension extends an earlier
    one, never shortens it), in the caller's transaction."""
    if agency.orders_suspended_until is None or agency.orders_suspended_until < until:
        await Agency.filter(id=agency.id).update(orders_suspended_until=until)
        agency.orders_suspended_until = until
        await _reindex_agency(agency.id)
    forget_cached_pages()


async def lift_ended_suspensions(today: dt.date) -> int:
    """Bring back the listings of agencies whose suspension ended before ``today``."""
    ended = await Agency.filter(orders_suspended_until__lt=today)
    for agency in ended:
        async with in_transaction():
            if await Agency.filter(id=agency.id, orders_suspended_until__lt=today).update(
                orders_suspended_until=None
            ):
                await _reindex_agency(agency.id)
    if ended:
        forget_cached_pages()
    return len(ended)


async def _reindex_agency(agency_id: int) -> None:
    item_ids = await ServiceItem.filter(agency_id=agency_id).values_list("id", flat=True)
    await queue_reindex(item_ids)  # type: ignore[arg-type]
