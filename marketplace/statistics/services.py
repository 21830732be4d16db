"""The figures of the statistics dashboard, computed for a period of whole months.

Months are Beijing months (UTC+8), as everyone at the service office counts them: an
order placed at 00:30 on 1 March in Beijing belongs to March even though it is still
February in UTC. Each figure keeps its counts beside its rate, so a rate is never shown
without the number of orders behind it.

Which orders each figure counts:

- orders placed: ``Order.created_at`` in the period;
- completion: of the orders placed in the period that have ended (completed, rated,
  declined or cancelled), the share completed (completed or rated);
- on time: of the orders delivered in the period (``delivered_on`` in it, and accepted),
  the share delivered by their deadline, by the order clock's own definition (the stored
  deadline, moved on by every pause);
- ratings: the ratings given in the period, each scored by the mean of its five
  dimensions, and averaged plainly (not shrunk as on the storefront);
- complaints: those received in the period, with what became of them so far
  (``complaints.services.complaint_stats``);
- working days: of the orders delivered in the period (as for on time), the working days
  each used by its own clock (``orders.clock.clock_of``: pauses for materials not counted)
  against the time limit it was ordered with;
- agencies: as of today, the admitted agencies with a public item in each category (what
  the storefront lists), local (in the city) or from outside. Not a period figure.

The period figures are read from the monthly rows kept per category as the orders change
(``orders.monthly``: one row per category and month, a few hundred for any period),
never by counting the orders themselves; they equal that count (tests/test_order_months).
An order and its rating count in its item's category.

The public statistics page and the open data (``statistics.public``) show these same
dataclasses, minus nothing private: they hold no enterprise, person or complaint text.

To add a section, add a field with a default to ``Statistics`` and fill it in
``dashboard``; the template and the CSV export read the dataclasses and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tortoise.functions import Count

from marketplace.catalog.models import Category
from marketplace.catalog.services import public_items
from marketplace.complaints.services import ComplaintStats, complaint_stats
from marketplace.core.clock import BEIJING
from marketplace.forms import FormError, Message
from marketplace.i18n import N_
from marketplace.orders.models import OrderMonth
from marketplace.orders.monthly import COMPLETED_STATES, ENDED_STATES
from marketplace.ratings.models import DIMENSIONS

__all__ = [
    "BEIJING",
    "COMPLETED_STATES",
    "DEFAULT_MONTHS",
    "ENDED_STATES",
    "MAX_MONTHS",
    "TOP_CATEGORIES",
    "AgencyCount",
    "CategoryFigures",
    "CategoryRef",
    "Month",
    "MonthlyOrders",
    "Period",
    "PeriodChoice",
    "Series",
    "Share",
    "Statistics",
    "WorkingDays",
    "agencies_by_category",
    "completion_by_category",
    "dashboard",
    "default_period",
    "on_time_by_category",
    "orders_by_month",
    "period_from",
    "period_or_default",
    "ratings_by_category",
    "stack",
    "working_days_by_category",
]

DEFAULT_MONTHS = 12  # the dashboard opens on the twelve months up to this one
MAX_MONTHS = 36  # a longer span makes the monthly chart unreadable and the queries long
TOP_CATEGORIES = 6  # the monthly chart stacks these; the rest are one "other" stack
# Years a month may name: wide enough for any real period, narrow enough that the
# month after the last is still a valid date.
_YEARS = range(2000, 2100)
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


# --- the period ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, raw: str) -> Month | None:
        """``"2026-03"`` → ``Month(2026, 3)``; anything else → ``None``."""
        match = _MONTH.fullmatch(raw.strip())
        if match is None:
            return None
        year, month = int(match[1]), int(match[2])
        if year not in _YEARS or not 1 <= month <= 12:
            return None
        return cls(year, month)

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def months_since(self, other: Month) -> int:
        return (self.year - other.year) * 12 + self.month - other.month

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Period:
    """The months from ``first`` to ``last``, both included."""

    first: Month
    last: Month

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(self.first.plus(n) for n in range(self.last.months_since(self.first) + 1))

    @property
    def first_day(self) -> dt.date:
        return self.first.first_day

    @property
    def last_day(self) -> dt.date:
        return self.last.plus(1).first_day - dt.timedelta(days=1)

    # The bounds are in Beijing time, the application's time zone, which is how Tortoise
    # writes ``auto_now_add`` columns: SQLite compares datetimes as text, so a bound with
    # another offset would cut the wrong rows.
    @property
    def starts_at(self) -> dt.datetime:
        """Midnight in Beijing on the first day."""
        return _midnight(self.first_day)

    @property
    def ends_at(self) -> dt.datetime:
        """Midnight in Beijing after the last day (excluded)."""
        return _midnight(self.last.plus(1).first_day)


def default_period(today: dt.date) -> Period:
    """The twelve months ending with the month of ``today``."""
    last = Month.of(today)
    return Period(last.plus(1 - DEFAULT_MONTHS), last)


@dataclass(frozen=True, slots=True)
class PeriodChoice:
    """The period a page shows: the one asked for, or the default with the reason."""

    period: Period
    values: dict[str, str]  # the form's fields as the page shows them again
    errors: dict[str, Message]


def period_or_default(raw_from: str, raw_to: str, *, today: dt.date) -> PeriodChoice:
    """The asked-for period; when it is refused, the default one and the refusal, so a
    page still shows figures and says the request was not taken."""
    try:
        period = period_from(raw_from, raw_to, today=today)
    except FormError as exc:
        return PeriodChoice(default_period(today), {"from": raw_from, "to": raw_to}, exc.errors)
    return PeriodChoice(period, {"from": str(period.first), "to": str(period.last)}, {})


def period_from(raw_from: str | None, raw_to: str | None, *, today: dt.date) -> Period:
    """The period the ``from`` and ``to`` query parameters name (``YYYY-MM``).

    A missing ``to`` is this month; a missing ``from`` is twelve months before ``to``.
    Raises ``FormError`` keyed by the parameter at fault.
    """
    errors: dict[str, Message] = {}
    bounds: dict[str, Month | None] = {}
    for name, raw in (("from", raw_from), ("to", raw_to)):
        if raw is None or not raw.strip():
            bounds[name] = None
            continue
        bounds[name] = Month.parse(raw[:20])
        if bounds[name] is None:
            errors[name] = Message(N_("Enter a month as YYYY-MM, for example 2026-03."))
    if errors:
        raise FormError(errors)
    last = bounds["to"] or Month.of(today)
    first = bounds["from"] or last.plus(1 - DEFAULT_MONTHS)
    if first > last:
        raise FormError.single("from", N_("The first month must not be after the last."))
    if last.months_since(first) + 1 > MAX_MONTHS:
        raise FormError.single("from", N_("Choose at most %(months)s months."), months=MAX_MONTHS)
    return Period(first, last)


# --- the figures -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CategoryRef:
    id: int
    code: str
    name: str
    name_en: str

    def label(self, language: str) -> str:
        return self.name if language == "zh" or not self.name_en else self.name_en


@dataclass(frozen=True, slots=True)
class Share:
    """``part`` of ``whole``: completed of ended orders, on time of delivered ones."""

    part: int = 0
    whole: int = 0

    @property
    def rate(self) -> float | None:
        """The share to four decimals (0.8333), ``None`` when there is nothing to divide."""
        return round(self.part / self.whole, 4) if self.whole else None

    def __add__(self, other: Share) -> Share:
        return Share(self.part + other.part, self.whole + other.whole)


@dataclass(frozen=True, slots=True)
class Series:
    """Orders placed per month of the period for one category (``None``: the others)."""

    category: CategoryRef | None
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class MonthlyOrders:
    months: tuple[Month, ...]
    # every category with an order in the period, in catalogue order
    by_category: tuple[Series, ...]
    stacked: tuple[Series, ...]  # the top categories by volume, then the others together

    @property
    def totals(self) -> tuple[int, ...]:
        """All orders placed, per month."""
        return tuple(sum(s.counts[n] for s in self.by_category) for n in range(len(self.months)))


@dataclass(frozen=True, slots=True)
class CategoryFigures:
    """One category's figures for the period (``category`` ``None``: all of them)."""

    category: CategoryRef | None
    placed: int = 0
    completion: Share = Share()
    on_time: Share = Share()
    ratings: int = 0
    rating_points: int = 0  # the sum of every dimension score of those ratings

    @property
    def mean_rating(self) -> float | None:
        """The plain mean of the ratings' overall scores, to two decimals."""
        if not self.ratings:
            return None
        return round(self.rating_points / (len(DIMENSIONS) * self.ratings), 2)


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """Working days used by the orders delivered in the period, beside their time limits."""

    category: CategoryRef | None
    delivered: int = 0
    days_used: int = 0  # summed over those orders
    days_committed: int = 0  # their time limits, summed

    @property
    def mean_used(self) -> float | None:
        """Average working days used, to one decimal; ``None`` with nothing delivered."""
        return round(self.days_used / self.delivered, 1) if self.delivered else None

    @property
    def mean_committed(self) -> float | None:
        """Average committed time limit of the same orders, to one decimal."""
        return round(self.days_committed / self.delivered, 1) if self.delivered else None

    def __add__(self, other: WorkingDays) -> WorkingDays:
        return WorkingDays(
            None,
            self.delivered + other.delivered,
            self.days_used + other.days_used,
            self.days_committed + other.days_committed,
        )


@dataclass(frozen=True, slots=True)
class AgencyCount:
    """Admitted agencies listing a public item in a category (``None``: all, each once)."""

    category: CategoryRef | None
    agencies: int = 0
    local: int = 0

    @property
    def external(self) -> int:
        return self.agencies - self.local

    @property
    def local_share(self) -> Share:
        return Share(self.local, self.agencies)

    @property
    def external_share(self) -> Share:
        return Share(self.external, self.agencies)


@dataclass(frozen=True, slots=True)
class Statistics:
    period: Period
    monthly: MonthlyOrders
    categories: tuple[CategoryFigures, ...]  # every category with a figure, in catalogue order
    overall: CategoryFigures
    complaints: ComplaintStats | None = None  # received in the period (the hotline figures)
    working_days: tuple[WorkingDays, ...] = ()  # every category with a delivery, in catalogue order
    working_days_overall: WorkingDays = WorkingDays(None)
    agencies: tuple[AgencyCount, ...] = ()  # every category, in catalogue order (as of today)
    agencies_overall: AgencyCount = AgencyCount(None)


def stack(series: Sequence[Series], *, top: int = TOP_CATEGORIES) -> tuple[Series, ...]:
    """The ``top`` series by total (ties by code), then the rest summed as one series."""
    ranked = sorted(series, key=lambda s: (-s.total, s.category.code if s.category else ""))
    kept, rest = ranked[:top], ranked[top:]
    if not rest:
        return tuple(kept)
    other = tuple(sum(column) for column in zip(*(s.counts for s in rest), strict=True))
    return (*kept, Series(None, other))


async def _category_refs(ids: Iterable[int]) -> list[CategoryRef]:
    rows = (
        await Category.filter(id__in=sorted(set(ids)))
        .order_by("position", "id")  # the catalogue's order, as the storefront lists them
        .values_list("id", "code", "name", "name_en")
    )
    return [CategoryRef(*row) for row in rows]


def _midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` in Beijing."""
    return dt.datetime.combine(day, dt.time(), BEIJING)


async def _months(period: Period) -> list[OrderMonth]:
    """The kept monthly rows of the period (``orders.monthly``): at most ``SHARDS`` per
    category and month, whatever the number of orders behind them; every figure below
    adds up the rows of a category's month, so its shards sum."""
    return await OrderMonth.filter(
        month__gte=_key(period.first), month__lte=_key(period.last)
    ).order_by("category_id", "month")


def _key(month: Month) -> int:
    return month.year * 100 + month.month


async def orders_by_month(
    period: Period, rows: Sequence[OrderMonth] | None = None
) -> MonthlyOrders:
    """Orders placed per Beijing month and category."""
    months = period.months
    index = {_key(month): n for n, month in enumerate(months)}
    counts: dict[int, list[int]] = {}
    for row in await _months(period) if rows is None else rows:
        if row.placed:
            counts.setdefault(row.category_id, [0] * len(months))[index[row.month]] += row.placed
    by_category = tuple(Series(ref, tuple(counts[ref.id])) for ref in await _category_refs(counts))
    return MonthlyOrders(months, by_category, stack(by_category))


async def completion_by_category(
    period: Period, rows: Sequence[OrderMonth] | None = None
) -> dict[int, Share]:
    """Category id → completed of the ended orders placed in the period."""
    shares: dict[int, Share] = {}
    for row in await _months(period) if rows is None else rows:
        if row.ended:
            known = shares.get(row.category_id, Share())
            shares[row.category_id] = known + Share(row.completed, row.ended)
    return shares


async def on_time_by_category(
    period: Period, rows: Sequence[OrderMonth] | None = None
) -> dict[int, Share]:
    """Category id → on time of the orders delivered in the period.

    An order's stored deadline is its clock's: set on acceptance and moved on by every
    pause for materials (``orders.services.transition``), which is what ``clock_of``
    compares the delivery day with: delivered by the deadline is on time.
    """
    shares: dict[int, Share] = {}
    for row in await _months(period) if rows is None else rows:
        if row.delivered:
            known = shares.get(row.category_id, Share())
            shares[row.category_id] = known + Share(row.on_time, row.delivered)
    return shares


async def ratings_by_category(
    period: Period, rows: Sequence[OrderMonth] | None = None
) -> dict[int, tuple[int, int]]:
    """Category id → (ratings, sum of their dimension scores) given in the period."""
    found: dict[int, tuple[int, int]] = {}
    for row in await _months(period) if rows is None else rows:
        if row.ratings:
            ratings, points = found.get(row.category_id, (0, 0))
            found[row.category_id] = (ratings + row.ratings, points + row.rating_points)
    return found


async def working_days_by_category(
    period: Period, rows: Sequence[OrderMonth] | None = None
) -> dict[int, WorkingDays]:
    """Category id → working days used and committed by the orders delivered in the period.

    The same orders as ``on_time_by_category``; each one's days used are its clock's as it
    stopped on delivery (``Order.days_used``), so the figure is what every order page
    showed its parties.
    """
    found: dict[int, WorkingDays] = {}
    for row in await _months(period) if rows is None else rows:
        if row.delivered:
            known = found.get(row.category_id, WorkingDays(None))
            found[row.category_id] = known + WorkingDays(
                None, row.delivered, row.days_used, row.days_committed
            )
    return found


async def agencies_by_category() -> tuple[tuple[AgencyCount, ...], AgencyCount]:
    """Every category's admitted agencies with a public item, local and external, as of
    today; and all of them, each agency counted once however many categories it serves."""
    rows = (
        await public_items()
        .annotate(agencies=Count("agency_id", distinct=True))
        .group_by("category_id", "agency__is_local")
        .values_list("category_id", "agency__is_local", "agencies")
    )
    counts: dict[int, AgencyCount] = {}
    for category_id, is_local, agencies in rows:
        known = counts.get(category_id, AgencyCount(None))
        counts[category_id] = AgencyCount(
            None, known.agencies + int(agencies), known.local + (int(agencies) if is_local else 0)
        )
    refs = [
        CategoryRef(*row)
        for row in await Category.all()
        .order_by("position", "id")  # the catalogue's order, as the storefront lists them
        .values_list("id", "code", "name", "name_en")
    ]
    by_category = tuple(
        AgencyCount(
            ref,
            counts.get(ref.id, AgencyCount(None)).agencies,
            counts.get(ref.id, AgencyCount(None)).local,
        )
        for ref in refs
    )
    overall_rows = (
        await public_items()
        .annotate(agencies=Count("agency_id", distinct=True))
        .group_by("agency__is_local")
        .values_list("agency__is_local", "agencies")
    )
    total = sum(int(n) for _, n in overall_rows)
    local = sum(int(n) for is_local, n in overall_rows if is_local)
    return by_category, AgencyCount(None, total, local)


async def dashboard(*, period: Period) -> Statistics:
    """Every figure of the dashboard for ``period``."""
    rows = await _months(period)
    monthly = await orders_by_month(period, rows)
    completion = await completion_by_category(period, rows)
    on_time = await on_time_by_category(period, rows)
    ratings = await ratings_by_category(period, rows)
    placed = {s.category.id: s.total for s in monthly.by_category if s.category is not None}
    refs = await _category_refs({*placed, *completion, *on_time, *ratings})
    categories = tuple(
        CategoryFigures(
            category=ref,
            placed=placed.get(ref.id, 0),
            completion=completion.get(ref.id, Share()),
            on_time=on_time.get(ref.id, Share()),
            ratings=ratings.get(ref.id, (0, 0))[0],
            rating_points=ratings.get(ref.id, (0, 0))[1],
        )
        for ref in refs
    )
    overall = CategoryFigures(
        category=None,
        placed=sum(c.placed for c in categories),
        completion=sum((c.completion for c in categories), Share()),
        on_time=sum((c.on_time for c in categories), Share()),
        ratings=sum(c.ratings for c in categories),
        rating_points=sum(c.rating_points for c in categories),
    )
    days = await working_days_by_category(period, rows)
    day_rows = tuple(
        WorkingDays(
            ref, days[ref.id].delivered, days[ref.id].days_used, days[ref.id].days_committed
        )
        for ref in await _category_refs(days)
    )
    agencies, agencies_overall = await agencies_by_category()
    return Statistics(
        period=period,
        monthly=monthly,
        categories=categories,
        overall=overall,
        complaints=await complaint_stats(period.first_day, period.last_day),
        working_days=day_rows,
        working_days_overall=sum(day_rows, WorkingDays(None)),
        agencies=agencies,
        agencies_overall=agencies_overall,
    )
