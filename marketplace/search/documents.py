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

from collections.abc import AsyncIterator, Iterable, Mapping
from decimal import Decimal
from typing import Any

from marketplace.catalog.fees import FeeStandardError, InvalidBase, estimate_fee, parse_fee_standard
from marketplace.catalog.models import ServiceItem
from marketplace.catalog.services import public_items
from marketplace.ratings.services import item_signals
from search.documents import SearchDocument

__all__ = [
    "REFERENCE_BASES",
    "SearchDocument",
    "build_all_documents",
    "build_document",
    "build_documents",
    "document_from_item",
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


async def _signals(items: list[ServiceItem]) -> dict[int, Signals]:
    return await item_signals([item.id for item in items])


def document_from_item(item: ServiceItem, signals: Signals = _NO_SIGNALS) -> SearchDocument:
    """The document of an item whose agency and category are loaded."""
    agency = item.agency
    category = item.category
    fee_low_fen, fee_high_fen, stated = _fee_range(item.fee_standard)
    return SearchDocument(
        id=item.id,
        title=item.title,
        scope=item.scope,
        content=item.content,
        category_code=category.code,
        category_name=category.name,
        category_abbreviations=tuple(category.abbreviations or ()),
        market_type=str(category.market_type),
        agency_id=agency.id,
        agency_name=agency.name,
        agency_city=agency.city,
        agency_is_local=agency.is_local,
        time_limit_days=item.time_limit_days,
        fee_type=item.fee_type,
        fee_low_fen=fee_low_fen,
        fee_high_fen=fee_high_fen,
        fee_base=stated[0] if stated else None,
        fee_base_unit=stated[1] if stated else None,
        rating=signals[0],
        rating_count=signals[1],
        on_time_rate=signals[2],
    )


def _searchable_items() -> Any:
    # what the storefront shows (marketplace.catalog.services.public_items), loaded for documents
    return public_items().select_related("agency", "category")


async def build_document(item_id: int) -> SearchDocument | None:
    """The document of item ``item_id``, or ``None`` when it must not be in the index."""
    item = await _searchable_items().filter(id=item_id).first()
    if item is None:
        return None
    return document_from_item(item, (await _signals([item]))[item.id])


async def build_documents(item_ids: Iterable[int]) -> tuple[list[SearchDocument], list[int]]:
    """For a batch of changed items (an outbox drained at once): the documents to
    upsert, in id order, and the ids to delete (items that must not be found), in one
    query."""
    wanted = sorted(set(item_ids))
    if not wanted:
        return [], []
    items = await _searchable_items().filter(id__in=wanted).order_by("id")
    signals = await _signals(items)
    documents = [document_from_item(item, signals[item.id]) for item in items]
    found = {document.id for document in documents}
    return documents, [item_id for item_id in wanted if item_id not in found]


async def iter_documents(*, batch_size: int = 1000) -> AsyncIterator[list[SearchDocument]]:
    """Every searchable item's document, in batches in id order (keyset pagination)."""
    last_id = 0
    while True:
        items = await _searchable_items().filter(id__gt=last_id).order_by("id").limit(batch_size)
        if not items:
            return
        signals = await _signals(items)
        yield [document_from_item(item, signals[item.id]) for item in items]
        last_id = items[-1].id


async def build_all_documents() -> list[SearchDocument]:
    """Every searchable item's document, in id order: what a full reindex loads."""
    documents: list[SearchDocument] = []
    async for batch in iter_documents():
        documents.extend(batch)
    return documents
