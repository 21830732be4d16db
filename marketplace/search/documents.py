"""Search documents from the catalogue: one per published service item of an admitted agency.

The engine (``search``) defines the document type and never reads the database; this
module turns the application's rows into documents (``search.documents.SearchDocument``):
a listing, its agency and its category, with the rating and on-time signals of the
ratings and orders domains. ``build_document`` returns ``None`` for an item that must not
be found (not published, agency not admitted, or gone): the index deletes it.

The estimated fee range lets search sort and filter listings by price although their
fee standards differ. It is the range each standard yields at a *reference base*:

- ``fixed`` and ``negotiated`` need no base (a published discount makes ``fixed`` a range);
- ``rate``, ``tiered`` and ``interpolated`` on money are priced at a project of 1,000 万元
  (10,000,000 yuan), the size of a typical project in the catalogue's price documents;
- ``per_unit`` at a typical job in its unit: 10,000 m² of floor area, 10 hectares or
  1 km² of land, 10 km of line, 50 test points, 10 floors, one item.

Adjustment factors take their default values. The range already obeys the standard's
minimum (the lowest fee charged, discount included), so no listing shows or sorts by a
discounted fee below its minimum; ``fee_base`` and ``fee_base_unit`` state the base the
range was computed at, which every result that depends on a base shows with it.

A fee standard that does not parse gives no range (``None``), and such a listing sorts
last by fee rather than failing the whole index.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable, Mapping
from decimal import Decimal
from typing import Any

from marketplace.catalog.fees import FeeStandardError, InvalidBase, estimate_fee, parse_fee_standard
from marketplace.catalog.models import Agency, Category
from marketplace.catalog.services import public_items
from marketplace.ratings.services import item_signals
from search.documents import SearchDocument

__all__ = [
    "REFERENCE_BASES",
    "SearchDocument",
    "build_all_documents",
    "build_document",
    "build_documents",
    "estimated_fee_range",
    "iter_documents",
]

# Base unit of a fee standard → the base at which search estimates its fee (see above).
REFERENCE_BASES: Mapping[str, Decimal] = {
    "wan_yuan": Decimal(1000),
    "yuan": Decimal(10_000_000),
    "m2": Decimal(10_000),
    "hectare": Decimal(10),
    "km2": Decimal(1),
    "km": Decimal(10),
    "point": Decimal(50),
    "floor": Decimal(10),
    "item": Decimal(1),
}


def estimated_fee_range(fee_standard: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """``(low_fen, high_fen)`` of a stored fee standard at its reference base."""
    low, high, _ = _fee_range(fee_standard)
    return low, high


def _fee_range(
    fee_standard: Mapping[str, Any],
) -> tuple[int | None, int | None, tuple[str, str] | None]:
    """The range at the reference base, and that base with its unit (None: no base)."""
    try:
        standard = parse_fee_standard(fee_standard)
        base = REFERENCE_BASES[standard.base_unit or ""] if standard.needs_base else None
        estimate = estimate_fee(standard, base)
    except (FeeStandardError, InvalidBase, KeyError):
        return None, None, None
    stated = (str(base), str(standard.base_unit)) if base is not None else None
    return estimate.low_fen, estimate.high_fen, stated


Signals = tuple[float | None, int, float | None]  # rating, rating count, on-time rate
_NO_SIGNALS: Signals = (None, 0, None)

# What a document needs of a service item, read as plain values: no model instance per row.
_ITEM_COLUMNS = (
    "id",
    "title",
    "scope",
    "content",
    "time_limit_days",
    "fee_type",
    "fee_standard",
    "agency_id",
    "category_id",
)
_BATCH = 1000


class _Reader:
    """Turns item rows into documents, for one reindex or one outbox batch.

    Each row costs no query of its own: a batch of items is one query, its signals two
    more, and the agencies and categories not met before one each; what many listings
    share (an agency, a category, a fee standard of the price documents, a standard
    wording) is read, estimated or stored once and shared by their documents.
    """

    def __init__(self) -> None:
        self._agencies: dict[int, tuple[str, str, bool]] = {}
        self._categories: dict[int, tuple[str, str, tuple[str, ...], str]] = {}
        self._fees: dict[str, tuple[int | None, int | None, tuple[str, str] | None]] = {}
        self._strings: dict[str, str] = {}

    def _shared(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def _fee_range(
        self, fee_standard: Mapping[str, Any]
    ) -> tuple[int | None, int | None, tuple[str, str] | None]:
        key = json.dumps(fee_standard, sort_keys=True, ensure_ascii=False, default=str)
        found = self._fees.get(key)
        if found is None:
            found = self._fees[key] = _fee_range(fee_standard)
        return found

    async def _load_parents(self, rows: list[tuple[Any, ...]]) -> None:
        agency_ids = {row[7] for row in rows} - self._agencies.keys()
        if agency_ids:
            for agency_id, name, city, is_local in await Agency.filter(
                id__in=agency_ids
            ).values_list("id", "name", "city", "is_local"):
                self._agencies[agency_id] = (self._shared(name), self._shared(city), is_local)
        category_ids = {row[8] for row in rows} - self._categories.keys()
        if category_ids:
            for category_id, code, name, abbreviations, market_type in await Category.filter(
                id__in=category_ids
            ).values_list("id", "code", "name", "abbreviations", "market_type"):
                self._categories[category_id] = (
                    code,
                    name,
                    tuple(abbreviations or ()),
                    str(market_type),
                )

    async def documents(self, items: Any) -> list[SearchDocument]:
        """The documents of the items of the queryset ``items`` (of ``public_items()``)."""
        rows: list[tuple[Any, ...]] = await items.values_list(*_ITEM_COLUMNS)
        if not rows:
            return []
        await self._load_parents(rows)
        signals = await item_signals([row[0] for row in rows])
        shared = self._shared
        documents = []
        for (
            item_id,
            title,
            scope,
            content,
            limit,
            fee_type,
            standard,
            agency_id,
            category_id,
        ) in rows:
            agency_name, agency_city, agency_is_local = self._agencies[agency_id]
            code, name, abbreviations, market_type = self._categories[category_id]
            fee_low_fen, fee_high_fen, stated = self._fee_range(standard)
            rating, rating_count, on_time_rate = signals.get(item_id, _NO_SIGNALS)
            documents.append(
                SearchDocument(
                    id=item_id,
                    title=shared(title),
                    scope=shared(scope),
                    content=shared(content),
                    category_code=code,
                    category_name=name,
                    category_abbreviations=abbreviations,
                    market_type=market_type,
                    agency_id=agency_id,
                    agency_name=agency_name,
                    agency_city=agency_city,
                    agency_is_local=agency_is_local,
                    time_limit_days=limit,
                    fee_type=shared(fee_type),
                    fee_low_fen=fee_low_fen,
                    fee_high_fen=fee_high_fen,
                    fee_base=stated[0] if stated else None,
                    fee_base_unit=stated[1] if stated else None,
                    rating=rating,
                    rating_count=rating_count,
                    on_time_rate=on_time_rate,
                )
            )
        return documents


async def build_document(item_id: int) -> SearchDocument | None:
    """The document of item ``item_id``, or ``None`` when it must not be in the index."""
    documents = await _Reader().documents(public_items().filter(id=item_id))
    return documents[0] if documents else None


async def build_documents(item_ids: Iterable[int]) -> tuple[list[SearchDocument], list[int]]:
    """For a batch of changed items (an outbox drained at once): the documents to
    upsert, in id order, and the ids to delete (items that must not be found)."""
    wanted = sorted(set(item_ids))
    if not wanted:
        return [], []
    documents = await _Reader().documents(public_items().filter(id__in=wanted).order_by("id"))
    found = {document.id for document in documents}
    return documents, [item_id for item_id in wanted if item_id not in found]


async def iter_documents(*, batch_size: int = _BATCH) -> AsyncIterator[list[SearchDocument]]:
    """Every searchable item's document, in batches in id order (keyset pagination)."""
    reader = _Reader()
    last_id = 0
    while True:
        batch = await reader.documents(
            public_items().filter(id__gt=last_id).order_by("id").limit(batch_size)
        )
        if not batch:
            return
        yield batch
        last_id = batch[-1].id


async def build_all_documents() -> list[SearchDocument]:
    """Every searchable item's document, in id order: what a full reindex loads."""
    documents: list[SearchDocument] = []
    async for batch in iter_documents():
        documents.extend(batch)
    return documents
