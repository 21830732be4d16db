"""The Meilisearch engine, through the maintained async client (``meilisearch-python-sdk``).

Meilisearch segments Chinese itself (given the ``cmn`` locale on the index and on every
query, or Han text may be read as Japanese) and does the ranking, filtering and facet
counting. What it does not do is added here, so that it passes the same contract tests
as the embedded engine:

- pinyin: each document carries a ``pinyin`` field with the full pinyin and initials of
  its name-like words (title, category, agency, city), so "huanping" and "hp" find 环评;
- synonyms: ``search.synonyms`` both directions, and its phrases in the ``dictionary``
  setting so that abbreviations are kept whole;
- typo tolerance as the embedded engine's: one typo from 4 letters, two from 8
  (Meilisearch's defaults are 5 and 9); Han words get none, as in both engines;
- exhaustive sorting: ``sort`` is the first ranking rule, so "sort by time limit" orders
  every result by time limit and relevance only breaks ties;
- matching every word (``matchingStrategy: "all"``), as the embedded engine does;
- disjunctive facet counts: one multi-search, the main query plus, per active filter,
  the same query without that filter counting only that facet;
- cumulative time-limit and rating facets, from bucket numbers stored with each document;
- HTML-safe highlights: ``_formatted`` text is *not* escaped, so matches are marked with
  private-use characters (stripped from the documents beforehand), the text is escaped,
  and only then are the marks turned into ``<mark>``.

The request building is pure functions, unit-tested without a server; the contract tests
run against a real server where ``MEILISEARCH_URL`` is set.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import fields
from functools import cache
from typing import Any

import httpx2
from markupsafe import Markup, escape
from meilisearch_python_sdk import AsyncClient
from meilisearch_python_sdk.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchTimeoutError,
)
from meilisearch_python_sdk.models.search import SearchParams, SearchResultsWithUID
from meilisearch_python_sdk.models.settings import (
    Faceting,
    LocalizedAttributes,
    MeilisearchSettings,
    MinWordSizeForTypos,
    Pagination,
    TypoTolerance,
)
from meilisearch_python_sdk.types import Filter
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.documents import SearchDocument
from search.engine import (
    MAX_RESULT_WINDOW,
    RATING_BUCKETS,
    TIME_LIMIT_BUCKETS_DAYS,
    CategorySuggestion,
    SearchHit,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
    Suggestions,
    cumulative_facet,
    ordered_counts,
    rating_bucket,
    time_limit_bucket,
)
from search.synonyms import SYNONYM_GROUPS, meilisearch_synonyms
from search.text import (
    ELLIPSIS,
    HAN_RUN,
    is_han,
    max_typos,
    normalize,
    pinyin,
    query_words,
    search_words,
)

__all__ = [
    "DEFAULT_INDEX_UID",
    "HIGHLIGHT_POST",
    "HIGHLIGHT_PRE",
    "MeiliEngine",
    "facets_from_distributions",
    "filter_expressions",
    "index_settings",
    "markup_from_formatted",
    "search_requests",
    "sort_expression",
    "to_meili_document",
]

DEFAULT_INDEX_UID = "service_items"
# Matches are marked with two private-use characters, which no document keeps (they
# are stripped on the way in), so they can be found again after escaping.
HIGHLIGHT_PRE = "\ue000"
HIGHLIGHT_POST = "\ue001"
_SENTINELS = re.compile(f"[{HIGHLIGHT_PRE}{HIGHLIGHT_POST}]")
# Words kept around a match in a snippet (Meilisearch crops by words; a Chinese word is
# about two characters, so this is about the embedded engine's 90 characters).
SNIPPET_WORDS = 40
LOCALES = ["cmn"]

# In the order of their weight: what a listing is, who and where, then what it says.
SEARCHABLE_ATTRIBUTES = [
    "title",
    "category_name",
    "category_abbreviations",
    "agency_name",
    "agency_city",
    "pinyin",
    "scope",
    "content",
]
_LOCALIZED_ATTRIBUTES = [name for name in SEARCHABLE_ATTRIBUTES if name != "pinyin"]
# Facet name (search.engine.FACETS) → the attribute counted for it.
FACET_ATTRIBUTES = {
    "category": "category_code",
    "market_type": "market_type",
    "local": "agency_is_local",
    "time_limit": "time_limit_bucket",
    "fee_type": "fee_type",
    "rating": "rating_bucket",
}
FILTERABLE_ATTRIBUTES = [
    "category_code",
    "market_type",
    "agency_is_local",
    "time_limit_days",
    "time_limit_bucket",
    "fee_type",
    "rating",
    "rating_bucket",
    "agency_id",
]
SORTABLE_ATTRIBUTES = [
    "rating",
    "rating_count",
    "time_limit_days",
    "fee_low_fen",
    "fee_high_fen",
    "id",
]
RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]
SORTS = {
    "relevance": None,
    "rating": ["rating:desc", "rating_count:desc"],
    "time_limit": ["time_limit_days:asc"],
    "fee": ["fee_low_fen:asc", "fee_high_fen:asc"],
}
_TEXT_FIELDS = ("title", "scope", "content", "category_name", "agency_name", "agency_city")
_DOCUMENT_FIELDS = tuple(f.name for f in fields(SearchDocument))
_SUGGESTION_HITS = 50
_SUGGESTED_CATEGORIES = 3


# --- request building (pure) -----------------------------------------------------------


def index_settings() -> MeilisearchSettings:
    """The index's settings: searchable, filterable and sortable attributes, ranking,
    synonyms, dictionary, typo tolerance, facet and page limits, and the ``cmn`` locale."""
    phrases = sorted({phrase for group in SYNONYM_GROUPS for phrase in group.phrases})
    return MeilisearchSettings(
        searchable_attributes=SEARCHABLE_ATTRIBUTES,
        filterable_attributes=list(FILTERABLE_ATTRIBUTES),
        sortable_attributes=SORTABLE_ATTRIBUTES,
        ranking_rules=RANKING_RULES,
        displayed_attributes=["*"],
        synonyms=meilisearch_synonyms(),
        dictionary=phrases,
        typo_tolerance=TypoTolerance(
            enabled=True,
            min_word_size_for_typos=MinWordSizeForTypos(one_typo=4, two_typos=8),
            disable_on_numbers=True,
        ),
        faceting=Faceting(max_values_per_facet=200),
        pagination=Pagination(max_total_hits=MAX_RESULT_WINDOW),
        localized_attributes=[
            LocalizedAttributes(locales=LOCALES, attribute_patterns=_LOCALIZED_ATTRIBUTES)
        ],
    )


def pinyin_text(document: SearchDocument) -> str:
    """Full pinyin and initials of the document's name-like words, space-separated."""
    words: list[str] = []
    for text in (
        document.title,
        document.category_name,
        *document.category_abbreviations,
        document.agency_name,
        document.agency_city,
    ):
        normalized = normalize(text)
        words.extend(word for word in search_words(normalized) if len(word) >= 2)
        words.extend(run for run in HAN_RUN.findall(normalized) if 2 <= len(run) <= 6)
    keys: dict[str, None] = {}
    for word in words:
        if is_han(word):
            full, initials = pinyin(word)
            keys[full] = None
            keys[initials] = None
    return " ".join(keys)


def to_meili_document(document: SearchDocument) -> dict[str, Any]:
    """The JSON document Meilisearch stores: the fields, the ``pinyin`` field and the
    facet bucket numbers; text stripped of the highlight marks; no nulls (a missing
    attribute sorts last whichever the direction)."""
    data = document.to_dict()
    for name in _TEXT_FIELDS:
        data[name] = _SENTINELS.sub("", data[name])
    data["category_abbreviations"] = [
        _SENTINELS.sub("", text) for text in data["category_abbreviations"]
    ]
    data["pinyin"] = pinyin_text(document)
    data["time_limit_bucket"] = time_limit_bucket(document.time_limit_days)
    data["rating_bucket"] = rating_bucket(document.rating)
    return {name: value for name, value in data.items() if value is not None}


def document_from_hit(hit: Mapping[str, Any]) -> SearchDocument:
    data = {name: hit.get(name) for name in _DOCUMENT_FIELDS}
    data["rating_count"] = data["rating_count"] or 0
    return SearchDocument.from_dict(data)


def quote(value: str) -> str:
    """A string as a filter-expression literal: double quotes, ``\\`` and ``"`` escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def filter_expressions(query: SearchQuery, *, without: str | None = None) -> list[str]:
    """The query's filters as Meilisearch expressions (a list: all must hold), leaving
    out the one of facet ``without`` (for its disjunctive count)."""
    expressions = []
    active = query.filters
    if "category" in active and without != "category":
        codes = ", ".join(quote(code) for code in query.categories)
        expressions.append(f"category_code IN [{codes}]")
    if query.market_type is not None and without != "market_type":
        expressions.append(f"market_type = {quote(query.market_type)}")
    if query.local is not None and without != "local":
        expressions.append(f"agency_is_local = {'true' if query.local else 'false'}")
    if query.max_days is not None and without != "time_limit":
        expressions.append(f"time_limit_days <= {int(query.max_days)}")
    if query.fee_type is not None and without != "fee_type":
        expressions.append(f"fee_type = {quote(query.fee_type)}")
    if query.min_rating is not None and without != "rating":
        expressions.append(f"rating >= {float(query.min_rating)!r}")
    return expressions


def sort_expression(query: SearchQuery) -> list[str] | None:
    return SORTS[query.sort]


def _filter_param(expressions: list[str]) -> Filter | None:
    anded: list[str | list[str]] = list(expressions)
    return anded or None


def search_requests(query: SearchQuery, *, index_uid: str) -> list[SearchParams]:
    """The multi-search for ``query``: the page with every facet, then one count-only
    query per active filter, without that filter, for that filter's facet."""
    filters = filter_expressions(query)
    main = SearchParams(
        index_uid=index_uid,
        q=query.q,
        filter=_filter_param(filters),
        facets=list(FACET_ATTRIBUTES.values()),
        sort=sort_expression(query),
        page=query.page,
        hits_per_page=query.per_page,
        attributes_to_highlight=["title", "scope", "content"],
        highlight_pre_tag=HIGHLIGHT_PRE,
        highlight_post_tag=HIGHLIGHT_POST,
        attributes_to_crop=["scope", "content"],
        crop_length=SNIPPET_WORDS,
        crop_marker=ELLIPSIS,
        matching_strategy="all",
        locales=LOCALES,
        show_ranking_score=True,
    )
    requests = [main]
    for facet in query.filters:
        others = filter_expressions(query, without=facet)
        requests.append(
            SearchParams(
                index_uid=index_uid,
                q=query.q,
                filter=_filter_param(others),
                facets=[FACET_ATTRIBUTES[facet]],
                limit=0,
                matching_strategy="all",
                locales=LOCALES,
            )
        )
    return requests


def suggestion_request(query: SearchQuery, *, index_uid: str) -> SearchParams:
    """Where the words match without the filters, and dropping words from the end."""
    return SearchParams(
        index_uid=index_uid,
        q=query.q,
        facets=["category_code"],
        limit=_SUGGESTION_HITS,
        attributes_to_retrieve=["category_code", "category_name"],
        matching_strategy="last",
        locales=LOCALES,
    )


def facets_from_distributions(
    query: SearchQuery, distributions: Sequence[Mapping[str, Mapping[str, int]] | None]
) -> dict[str, dict[str, int]]:
    """Our facets from the multi-search's facet distributions (main query first)."""
    main = distributions[0] or {}
    by_facet = {facet: main.get(attribute, {}) for facet, attribute in FACET_ATTRIBUTES.items()}
    for facet, distribution in zip(query.filters, distributions[1:], strict=True):
        by_facet[facet] = (distribution or {}).get(FACET_ATTRIBUTES[facet], {})
    facets: dict[str, dict[str, int]] = {}
    for facet, counts in by_facet.items():
        if facet in ("time_limit", "rating"):
            bounds = TIME_LIMIT_BUCKETS_DAYS if facet == "time_limit" else RATING_BUCKETS
            per_bucket = {int(key): int(count) for key, count in counts.items()}
            facets[facet] = cumulative_facet(bounds, per_bucket)
        else:
            facets[facet] = ordered_counts({str(key): int(count) for key, count in counts.items()})
    return facets


def markup_from_formatted(text: str) -> Markup:
    """Meilisearch's highlighted text as Markup: the text escaped, then its marks made
    ``<mark>`` elements (balanced even if cropping cut one off)."""
    pieces: list[str] = []
    open_mark = False
    for part in re.split(f"([{HIGHLIGHT_PRE}{HIGHLIGHT_POST}])", text):
        if part == HIGHLIGHT_PRE:
            if not open_mark:
                pieces.append("<mark>")
                open_mark = True
        elif part == HIGHLIGHT_POST:
            if open_mark:
                pieces.append("</mark>")
                open_mark = False
        elif part:
            pieces.append(escape(part))
    if open_mark:
        pieces.append("</mark>")
    return Markup("".join(pieces))  # every piece of text in it was escaped above


def hit_from_meili(hit: Mapping[str, Any]) -> SearchHit:
    formatted = hit.get("_formatted") or {}
    title = markup_from_formatted(str(formatted.get("title", hit.get("title", ""))))
    scope = str(formatted.get("scope", hit.get("scope", "")))
    content = str(formatted.get("content", hit.get("content", "")))
    chosen = next((text for text in (scope, content) if HIGHLIGHT_PRE in text), scope or content)
    score = hit.get("_rankingScore")
    return SearchHit(
        document=document_from_hit(hit),
        title=title,
        snippet=markup_from_formatted(chosen),
        score=float(score) if score is not None else None,
    )


# --- spelling ---------------------------------------------------------------------------


@cache
def _phrase_pinyin() -> dict[str, str]:
    """Full pinyin → the synonym phrase it spells (the first, for homophones)."""
    table: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        for phrase in group.phrases:
            table.setdefault(pinyin(phrase)[0], phrase)
    return table


def spelling_suggestion(q: str) -> str | None:
    """The query with words replaced by the field's phrase they probably meant: a
    homophone of a Han word (环平 → 环评), the nearest pinyin of a Latin one.

    Meilisearch knows no spelling of its own to offer, so this knows the phrases of
    ``search.synonyms``; the embedded engine also knows every indexed name.
    """
    table = _phrase_pinyin()
    changed = False
    words = []
    for word in query_words(q):
        replacement = None
        if is_han(word):
            candidate = table.get(pinyin(word)[0])
            replacement = candidate if candidate != word else None
        elif len(word) >= 3 and word.isalpha():
            limit = min(max_typos(word) + 1, 2)
            found = process.extractOne(word, list(table), scorer=OSA.distance, score_cutoff=limit)
            if found is not None:
                replacement = table[found[0]]
        changed |= replacement is not None
        words.append(replacement or word)
    return " ".join(words) if changed else None


# --- the engine -------------------------------------------------------------------------


class MeiliEngine:
    """Search on a Meilisearch server; writes wait until the server has applied them."""

    name = "meilisearch"

    def __init__(
        self,
        client: AsyncClient,
        *,
        index_uid: str = DEFAULT_INDEX_UID,
        task_timeout_ms: int = 60_000,
    ) -> None:
        self._client = client
        self.index_uid = index_uid
        self._task_timeout_ms = task_timeout_ms
        self._ready = False

    @classmethod
    def from_url(
        cls,
        url: str,
        api_key: str | None = None,
        *,
        index_uid: str = DEFAULT_INDEX_UID,
        timeout_s: int = 5,
    ) -> MeiliEngine:
        return cls(AsyncClient(url, api_key, timeout=timeout_s), index_uid=index_uid)

    @asynccontextmanager
    async def _reaching(self) -> AsyncIterator[None]:
        """Turn "the server cannot be reached" into ``SearchUnavailable``."""
        try:
            yield
        except (
            MeilisearchCommunicationError,
            MeilisearchTimeoutError,
            httpx2.TransportError,
            OSError,
        ) as exc:
            raise SearchUnavailable(f"Meilisearch is unreachable: {exc}") from exc

    async def ensure_index(self) -> None:
        """Create the index if it is missing and apply the settings (idempotent)."""
        async with self._reaching():
            index = await self._client.get_or_create_index(self.index_uid, primary_key="id")
            task = await index.update_settings(index_settings())
            await self._wait(task.task_uid)
        self._ready = True

    async def _wait(self, task_uid: int) -> None:
        await self._client.wait_for_task(
            task_uid, timeout_in_ms=self._task_timeout_ms, raise_for_status=True
        )

    async def _index(self) -> Any:
        if not self._ready:
            await self.ensure_index()
        return self._client.index(self.index_uid)

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        if not documents:
            return
        async with self._reaching():
            index = await self._index()
            task = await index.add_documents(
                [to_meili_document(doc) for doc in documents], primary_key="id"
            )
            await self._wait(task.task_uid)

    async def delete(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        async with self._reaching():
            index = await self._index()
            task = await index.delete_documents([str(doc_id) for doc_id in ids])
            await self._wait(task.task_uid)

    async def clear(self) -> None:
        async with self._reaching():
            index = await self._index()
            task = await index.delete_all_documents()
            await self._wait(task.task_uid)

    async def rebuild(self, documents: Sequence[SearchDocument], *, batch_size: int = 5000) -> None:
        """Load ``documents`` into a new index, then swap it with the live one: queries
        see the old index until the new one is complete, then the new one at once."""
        staging = f"{self.index_uid}_rebuild"
        async with self._reaching():
            await self.ensure_index()
            await self._client.delete_index_if_exists(staging)
            index = await self._client.get_or_create_index(staging, primary_key="id")
            await self._wait((await index.update_settings(index_settings())).task_uid)
            for start in range(0, len(documents), batch_size):
                batch = [to_meili_document(doc) for doc in documents[start : start + batch_size]]
                await self._wait((await index.add_documents(batch, primary_key="id")).task_uid)
            swap = await self._client.swap_indexes([(self.index_uid, staging)])
            await self._wait(swap.task_uid)
            await self._client.delete_index_if_exists(staging)

    async def drop(self) -> None:
        """Delete the index itself (tests use one index each)."""
        async with self._reaching():
            await self._client.delete_index_if_exists(self.index_uid)
        self._ready = False

    async def health(self) -> bool:
        try:
            async with self._reaching():
                health = await self._client.health()
        except (SearchUnavailable, MeilisearchApiError):
            return False
        return health.status == "available"

    async def close(self) -> None:
        await self._client.aclose()

    async def search(self, query: SearchQuery) -> SearchResult:
        started = time.perf_counter()
        async with self._reaching():
            if not self._ready:
                await self.ensure_index()
            results = await self._client.multi_search(
                search_requests(query, index_uid=self.index_uid)
            )
            assert isinstance(results, list)
            main: SearchResultsWithUID[Any] = results[0]
            total = int(main.total_hits or 0)
            suggestions = Suggestions()
            if total == 0 and query.q:
                suggestions = await self._suggest(query)
        facets = facets_from_distributions(query, [result.facet_distribution for result in results])
        return SearchResult(
            query=query,
            hits=tuple(hit_from_meili(hit) for hit in main.hits),
            total=total,
            facets=facets,
            took_ms=round((time.perf_counter() - started) * 1000, 3),
            suggestions=suggestions,
        )

    async def _suggest(self, query: SearchQuery) -> Suggestions:
        spelled = spelling_suggestion(query.q)
        relaxed = query if spelled is None else SearchQuery(q=spelled)
        results = await self._client.multi_search(
            [suggestion_request(relaxed, index_uid=self.index_uid)]
        )
        assert isinstance(results, list)
        found = results[0]
        names = {hit["category_code"]: hit["category_name"] for hit in found.hits}
        counts = (found.facet_distribution or {}).get("category_code", {})
        ranked = sorted(
            ((int(count), code) for code, count in counts.items() if int(count) > 0),
            key=lambda pair: (-pair[0], pair[1]),
        )[:_SUGGESTED_CATEGORIES]
        categories = tuple(
            CategorySuggestion(code=code, name=names.get(code, code), count=count)
            for count, code in ranked
        )
        return Suggestions(query=spelled, categories=categories)
