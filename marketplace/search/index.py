"""Keeping search engines in step with the catalogue through the outbox.

This is the indexer: it sits above the domains (it reads them, through
``marketplace.search.documents``, to build documents) and below the web (``app`` opens a
``SearchIndex``). Domains never import it: they record changes with
``marketplace.search.outbox.queue_reindex`` in their own transaction.

``SearchIndex`` is what a web process holds: an engine (the embedded one, or Meilisearch
with the embedded one as its fallback) and, for the embedded copy, the outbox id it has
applied up to. Before answering a query it applies any newer outbox rows (usually none:
one small query, shared by the searches that wait while another runs), so a process always
reads its own writes.

Meilisearch is shared by every process, so it is fed by the ``sync_search`` job, which
keeps its cursor in the database and retries while the server is down.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from arq import Retry

from marketplace.core.settings import Settings
from marketplace.search.documents import build_all_documents, build_documents
from marketplace.search.models import SearchCursor, SearchOutbox
from marketplace.search.outbox import latest_outbox_id
from search import (
    EmbeddedEngine,
    FallbackEngine,
    MeiliEngine,
    SearchEngine,
    SearchQuery,
    SearchResult,
    SearchUnavailable,
)

__all__ = [
    "MEILI_CURSOR",
    "SearchIndex",
    "apply_outbox",
    "latest_outbox_id",
    "rebuild",
    "sync_search",
]

_BATCH = 500
MEILI_CURSOR = "meilisearch"


async def rebuild(settings: Settings) -> int:
    """Every service item's document built again from the database and, with Meilisearch
    set, the server's index replaced by them and its cursor moved to the outbox as it was
    before the build (later changes are applied by ``sync_search``). How many documents."""
    position = await latest_outbox_id()
    documents = await build_all_documents()
    if settings.meilisearch_url:
        engine = MeiliEngine.from_url(settings.meilisearch_url, settings.meilisearch_api_key)
        try:
            await engine.rebuild(documents)
        finally:
            await engine.close()
        await SearchCursor.update_or_create(name=MEILI_CURSOR, defaults={"last_id": position})
    return len(documents)


async def apply_outbox(engine: SearchEngine, after_id: int) -> int:
    """Apply every outbox row after ``after_id`` to ``engine``, in order; the new position.

    Raises ``SearchUnavailable`` with the position unchanged for the failed batch, so a
    retry applies it again (writes are idempotent).
    """
    position = after_id
    while True:
        rows: Sequence[SearchOutbox] = (
            await SearchOutbox.filter(id__gt=position).order_by("id").limit(_BATCH)
        )
        if not rows:
            return position
        documents, gone = await build_documents({row.item_id for row in rows})
        if documents:
            await engine.upsert(documents)
        if gone:
            await engine.delete(gone)
        position = rows[-1].id


class SearchIndex:
    def __init__(self, engine: SearchEngine, embedded: EmbeddedEngine, applied_upto: int) -> None:
        self.engine = engine
        self.embedded = embedded
        self.applied_upto = applied_upto
        # catching up, one at a time: a search waits for a look at the outbox begun
        # after it asked (so it sees what was committed before), and concurrent searches
        # share one such look instead of a query each
        self._lock = asyncio.Lock()
        self._asked = 0  # searches that asked to catch up, numbered
        self._covered = 0  # every search numbered up to this one has been caught up

    @classmethod
    async def open(cls, settings: Settings) -> SearchIndex:
        position = await latest_outbox_id()  # read first: a change made meanwhile is re-applied
        embedded = EmbeddedEngine()
        await embedded.rebuild(await build_all_documents())
        engine: SearchEngine = embedded
        if settings.meilisearch_url:
            primary = MeiliEngine.from_url(settings.meilisearch_url, settings.meilisearch_api_key)
            fallback = FallbackEngine(primary, embedded, load_documents=build_all_documents)
            fallback.mark_fallback_loaded()
            engine = fallback
        return cls(engine, embedded, position)

    async def catch_up(self) -> None:
        """Bring the embedded copy up to the outbox (Meilisearch has its job): at least
        to every row committed before the call."""
        self._asked += 1
        ticket = self._asked
        async with self._lock:
            if self._covered >= ticket:
                return  # a look begun after this call asked has been taken
            begun = self._asked  # every search numbered up to here asked before this look
            self.applied_upto = await apply_outbox(self.embedded, self.applied_upto)
            self._covered = begun

    async def search(self, query: SearchQuery) -> SearchResult:
        await self.catch_up()
        return await self.engine.search(query)

    async def close(self) -> None:
        await self.engine.close()


async def sync_search(ctx: dict[str, Any]) -> int:
    """Feed Meilisearch from the outbox; retried while it is down. Returns the position."""
    settings: Settings = ctx["settings"]
    if not settings.meilisearch_url:
        return 0
    engine = MeiliEngine.from_url(settings.meilisearch_url, settings.meilisearch_api_key)
    cursor, _ = await SearchCursor.get_or_create(name=MEILI_CURSOR)
    try:
        position = await apply_outbox(engine, cursor.last_id)
    except SearchUnavailable as exc:
        raise Retry(defer=min(300, 10 * int(ctx.get("job_try", 1)))) from exc
    finally:
        await engine.close()
    await SearchCursor.filter(name=MEILI_CURSOR).update(last_id=position)
    return position
