"""The engine interface: what a query is, what a result is, and what every engine does.

Two engines implement ``SearchEngine`` and pass the same contract tests: Meilisearch for
deployments (``search.meili``) and an in-memory engine for the single-machine default and
the tests (``search.embedded``).

Matching: every word of the query must match (a word matches through itself, its
synonyms, its pinyin, or a spelling one or two edits away), as Meilisearch's
``matchingStrategy: "all"``. Facet counts are *disjunctive*: each facet is counted with
every filter applied except its own, so a page can show how many results each other
choice of that facet would give. The time-limit and rating facets are cumulative, to line
up with their filters: ``time_limit["10"]`` counts the results within 10 working days
(what ``max_days=10`` would keep), ``rating["4.5"]`` those rated 4.5 or more.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from markupsafe import Markup

from search.documents import SearchDocument

__all__ = [
    "FACETS",
    "FEE_TYPES",
    "MARKET_TYPES",
    "MAX_PER_PAGE",
    "MAX_QUERY_CHARS",
    "MAX_RESULT_WINDOW",
    "RATING_BUCKETS",
    "SORTS",
    "TIME_LIMIT_BUCKETS_DAYS",
    "CategorySuggestion",
    "SearchEngine",
    "SearchHit",
    "SearchQuery",
    "SearchQueryError",
    "SearchResult",
    "SearchUnavailable",
    "Suggestions",
]

SORTS = ("relevance", "rating", "time_limit", "fee")
MARKET_TYPES = ("monopoly", "competitive", "absent")
FEE_TYPES = ("fixed", "rate", "tiered", "interpolated", "per_unit", "negotiated")
FACETS = ("category", "market_type", "local", "time_limit", "fee_type", "rating")
# The choices a page offers for max_days and min_rating; their facets count each.
TIME_LIMIT_BUCKETS_DAYS = (5, 10, 20, 30)
RATING_BUCKETS = (4.5, 4.0, 3.0)

# Longer than any real query; refusing more keeps a query's cost bounded.
MAX_QUERY_CHARS = 200
MAX_PER_PAGE = 100
MAX_CATEGORIES = 20
# Deepest result a query may page to (page × per_page): Meilisearch counts and pages at
# most its ``pagination.maxTotalHits``, which search.meili sets to this.
MAX_RESULT_WINDOW = 10_000
MAX_DAYS = 3650

_CATEGORY_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,15}")
_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no")


class SearchQueryError(ValueError):
    """A query parameter that cannot be used, explained.

    ``code`` is stable for the API; ``message`` is an English message id, translated
    where it is shown, with ``params`` filling its placeholders.
    """

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.code = code
        self.message = message
        self.params = params


class SearchUnavailable(RuntimeError):
    """The engine cannot be reached or did not answer in time (not a bad query)."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A validated query: the text, the filters, the order and the page.

    Building one validates it and raises ``SearchQueryError`` for anything out of range;
    ``from_params`` reads the strings of a query string.
    """

    q: str = ""
    categories: tuple[str, ...] = ()  # category codes; a result is in any of them
    market_type: str | None = None
    local: bool | None = None  # True: local agencies only; False: external only
    max_days: int | None = None  # time limit at most this many working days
    fee_type: str | None = None
    min_rating: float | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20

    def __post_init__(self) -> None:
        object.__setattr__(self, "q", self.q.strip())
        object.__setattr__(self, "categories", tuple(dict.fromkeys(self.categories)))
        if len(self.q) > MAX_QUERY_CHARS:
            raise SearchQueryError(
                "query_too_long",
                "Search for at most %(maximum)s characters.",
                maximum=MAX_QUERY_CHARS,
            )
        if len(self.categories) > MAX_CATEGORIES:
            raise SearchQueryError(
                "too_many_categories",
                "Choose at most %(maximum)s categories.",
                maximum=MAX_CATEGORIES,
            )
        for code in self.categories:
            if not _CATEGORY_CODE.fullmatch(code):
                raise SearchQueryError(
                    "invalid_category", "“%(value)s” is not a category code.", value=code
                )
        if self.market_type is not None and self.market_type not in MARKET_TYPES:
            raise SearchQueryError(
                "invalid_market_type",
                "“%(value)s” is not a market type.",
                value=self.market_type,
            )
        if self.fee_type is not None and self.fee_type not in FEE_TYPES:
            raise SearchQueryError(
                "invalid_fee_type", "“%(value)s” is not a fee type.", value=self.fee_type
            )
        if self.max_days is not None and not 1 <= self.max_days <= MAX_DAYS:
            raise SearchQueryError(
                "invalid_max_days",
                "The time limit must be a whole number of working days from 1 to %(maximum)s.",
                maximum=MAX_DAYS,
            )
        if self.min_rating is not None and not (
            math.isfinite(self.min_rating) and 1 <= self.min_rating <= 5
        ):
            raise SearchQueryError(
                "invalid_min_rating", "The minimum rating must be a number from 1 to 5."
            )
        if self.sort not in SORTS:
            raise SearchQueryError(
                "invalid_sort",
                "Sort by one of: %(choices)s.",
                choices=", ".join(SORTS),
            )
        if self.page < 1:
            raise SearchQueryError("invalid_page", "The page must be a whole number from 1.")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise SearchQueryError(
                "invalid_per_page",
                "Show from 1 to %(maximum)s results per page.",
                maximum=MAX_PER_PAGE,
            )
        if self.page * self.per_page > MAX_RESULT_WINDOW:
            raise SearchQueryError(
                "page_too_deep",
                "Only the first %(maximum)s results can be paged through; narrow the search.",
                maximum=MAX_RESULT_WINDOW,
            )

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def filters(self) -> dict[str, Any]:
        """The active filters by facet name (the facet each one narrows)."""
        active: dict[str, Any] = {}
        if self.categories:
            active["category"] = self.categories
        if self.market_type is not None:
            active["market_type"] = self.market_type
        if self.local is not None:
            active["local"] = self.local
        if self.max_days is not None:
            active["time_limit"] = self.max_days
        if self.fee_type is not None:
            active["fee_type"] = self.fee_type
        if self.min_rating is not None:
            active["rating"] = self.min_rating
        return active

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> SearchQuery:
        """Read a query string: ``q``, ``category`` (repeated or comma-separated),
        ``market_type``, ``local``, ``max_days``, ``fee_type``, ``min_rating``, ``sort``,
        ``page``, ``per_page``. Empty values count as absent.

        ``params`` is a plain mapping or Starlette's ``QueryParams`` (whose ``getlist``
        gives repeated ``category`` values).
        """

        def one(name: str) -> str | None:
            value = params.get(name)
            if isinstance(value, (list, tuple)):
                value = value[-1] if value else None
            if value is None:
                return None
            text = str(value).strip()
            return text or None

        getlist = getattr(params, "getlist", None)
        raw_categories = getlist("category") if callable(getlist) else params.get("category")
        if raw_categories is None:
            raw_categories = []
        elif isinstance(raw_categories, str):
            raw_categories = [raw_categories]
        categories = tuple(
            code.strip().upper()
            for value in raw_categories
            for code in str(value).split(",")
            if code.strip()
        )

        local_text = one("local")
        local: bool | None = None
        if local_text is not None:
            if local_text.lower() in _TRUE:
                local = True
            elif local_text.lower() in _FALSE:
                local = False
            else:
                raise SearchQueryError("invalid_local", "“local” must be true or false.")

        min_rating_text = one("min_rating")
        min_rating: float | None = None
        if min_rating_text is not None:
            try:
                min_rating = float(min_rating_text)
            except ValueError:
                raise SearchQueryError(
                    "invalid_min_rating", "The minimum rating must be a number from 1 to 5."
                ) from None

        return cls(
            q=one("q") or "",
            categories=categories,
            market_type=one("market_type"),
            local=local,
            max_days=_whole(one("max_days"), "invalid_max_days", "max_days"),
            fee_type=one("fee_type"),
            min_rating=min_rating,
            sort=one("sort") or "relevance",
            page=_or_default(_whole(one("page"), "invalid_page", "page"), 1),
            per_page=_or_default(_whole(one("per_page"), "invalid_per_page", "per_page"), 20),
        )


def _or_default(value: int | None, default: int) -> int:
    return default if value is None else value


def _whole(text: str | None, code: str, name: str) -> int | None:
    if text is None:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise SearchQueryError(code, "“%(name)s” must be a whole number.", name=name)
    return int(text)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: the document, its title and a snippet with the matches in ``<mark>``.

    ``title`` and ``snippet`` are ``Markup``: the document's text HTML-escaped, with only
    the ``<mark>`` elements added, so templates may output them as they are.
    """

    document: SearchDocument
    title: Markup
    snippet: Markup
    score: float | None = None  # the engine's own relevance score, for debugging


@dataclass(frozen=True, slots=True)
class CategorySuggestion:
    code: str
    name: str
    count: int  # results the category would give for a part of the query


@dataclass(frozen=True, slots=True)
class Suggestions:
    """What to offer when nothing matched: a corrected query, categories to browse."""

    query: str | None = None  # "did you mean …": the query with misspelt words replaced
    categories: tuple[CategorySuggestion, ...] = ()

    def __bool__(self) -> bool:
        return self.query is not None or bool(self.categories)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of results, the total, the facet counts and the time taken."""

    query: SearchQuery
    hits: tuple[SearchHit, ...]
    total: int
    # facet name (FACETS) → value → count. Value facets (category, market_type, local,
    # fee_type) list the values with results, most first; the cumulative facets
    # (time_limit, rating) list every bucket of TIME_LIMIT_BUCKETS_DAYS / RATING_BUCKETS.
    facets: Mapping[str, Mapping[str, int]]
    took_ms: float
    suggestions: Suggestions = field(default_factory=Suggestions)
    degraded: bool = False  # answered by a fallback engine: results may be incomplete

    @property
    def pages(self) -> int:
        window = min(self.total, MAX_RESULT_WINDOW)
        return max(1, -(-window // self.query.per_page))


def time_limit_bucket(days: int) -> int:
    """The first of TIME_LIMIT_BUCKETS_DAYS that ``days`` is within (its length: none)."""
    for index, bound in enumerate(TIME_LIMIT_BUCKETS_DAYS):
        if days <= bound:
            return index
    return len(TIME_LIMIT_BUCKETS_DAYS)


def rating_bucket(rating: float | None) -> int:
    """The first of RATING_BUCKETS that ``rating`` reaches (its length: none, or unrated)."""
    if rating is not None:
        for index, bound in enumerate(RATING_BUCKETS):
            if rating >= bound:
                return index
    return len(RATING_BUCKETS)


def cumulative_facet(bounds: Sequence[float], per_bucket: Mapping[int, int]) -> dict[str, int]:
    """Counts per bucket (``time_limit_bucket``/``rating_bucket`` numbers) → the
    cumulative facet: each bound counts its own bucket and the buckets before it."""
    counts: dict[str, int] = {}
    running = 0
    for index, bound in enumerate(bounds):
        running += per_bucket.get(index, 0)
        counts[bucket_key(bound)] = running
    return counts


def bucket_key(value: float) -> str:
    """The facet key of a bucket bound: ``4.5`` → ``"4.5"``, ``4.0`` → ``"4"``."""
    return f"{value:g}"


def ordered_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """Value-facet counts without zeros, most first, ties by value."""
    nonzero = [(key, count) for key, count in counts.items() if count > 0]
    return dict(sorted(nonzero, key=lambda pair: (-pair[1], pair[0])))


@runtime_checkable
class SearchEngine(Protocol):
    """What the application needs from a search engine.

    Writes are idempotent: upserting a document replaces the one with its id, deleting
    an id that is not indexed does nothing. Engines that talk to a server raise
    ``SearchUnavailable`` when it cannot be reached.
    """

    name: str

    async def upsert(self, documents: Sequence[SearchDocument]) -> None: ...

    async def delete(self, ids: Sequence[int]) -> None: ...

    async def clear(self) -> None: ...

    async def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Replace everything with ``documents``; queries are answered meanwhile."""
        ...

    async def search(self, query: SearchQuery) -> SearchResult: ...

    async def health(self) -> bool: ...

    async def close(self) -> None: ...
