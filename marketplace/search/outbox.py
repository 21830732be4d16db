"""Recording that listings' search documents may have changed: what domains call.

A domain service that changes what search shows of a listing (its text, fee, agency,
rating or on-time rate) calls ``queue_reindex`` inside the transaction of the change, so
the outbox row commits with it or not at all. This module knows only the outbox table:
it builds no document and imports no domain, so every domain may import it without
importing the indexer (``marketplace.search.index``), which sits above the domains and
reads them to build documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from marketplace.search.models import SearchOutbox

__all__ = ["latest_outbox_id", "queue_reindex"]


async def queue_reindex(item_ids: Iterable[int]) -> None:
    """Record that these listings' search documents may have changed (call inside the
    transaction that changed them)."""
    await SearchOutbox.bulk_create([SearchOutbox(item_id=item_id) for item_id in item_ids])


async def latest_outbox_id() -> int:
    row = await SearchOutbox.all().order_by("-id").first()
    return row.id if row else 0
