"""An engine that asks Meilisearch and falls back to the embedded engine when it is down.

Queries go to the primary engine; when it raises ``SearchUnavailable`` the embedded
engine answers and the result says ``degraded=True``, so the page can say that results
may be incomplete. After a failure the primary is left alone for ``retry_primary_after_s``
rather than making every query wait for a connection timeout.

The embedded copy lives in this process. Writes made through this engine go to it
first (it cannot fail) and then to the primary, whose ``SearchUnavailable`` is raised so
that the caller (the outbox worker) retries later: the primary loses nothing. Writes
made by another process (the arq worker) do not reach this copy, so, given
``load_documents`` (the application's ``marketplace.search.documents.build_all_documents``),
the copy is rebuilt from the database in the background when the primary fails and it is older than
``refresh_interval_s``; it keeps answering while it is rebuilt.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Sequence

from search.documents import SearchDocument
from search.embedded import EmbeddedEngine
from search.engine import SearchEngine, SearchQuery, SearchResult, SearchUnavailable

__all__ = ["FallbackEngine"]

logger = logging.getLogger(__name__)


class FallbackEngine:
    """``primary`` while it answers, ``fallback`` (marked degraded) while it does not."""

    name = "fallback"

    def __init__(
        self,
        primary: SearchEngine,
        fallback: EmbeddedEngine,
        *,
        load_documents: Callable[[], Awaitable[Sequence[SearchDocument]]] | None = None,
        retry_primary_after_s: float = 5.0,
        refresh_interval_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.primary = primary
        self.fallback = fallback
        self._load_documents = load_documents
        self._retry_primary_after_s = retry_primary_after_s
        self._refresh_interval_s = refresh_interval_s
        self._clock = clock
        self._primary_down_until = float("-inf")
        self._fallback_loaded_at = float("-inf")
        self._refresh: asyncio.Task[None] | None = None

    @property
    def primary_down(self) -> bool:
        return self._clock() < self._primary_down_until

    async def search(self, query: SearchQuery) -> SearchResult:
        if not self.primary_down:
            try:
                return await self.primary.search(query)
            except SearchUnavailable as exc:
                logger.warning("search: %s; answering from the embedded engine", exc)
                self._primary_down_until = self._clock() + self._retry_primary_after_s
        self._refresh_fallback()
        result = await self.fallback.search(query)
        return dataclasses.replace(result, degraded=True)

    def mark_fallback_loaded(self) -> None:
        """Say that the embedded copy was just loaded from the database (at start)."""
        self._fallback_loaded_at = self._clock()

    def _refresh_fallback(self) -> None:
        if self._load_documents is None or (self._refresh and not self._refresh.done()):
            return
        if self._clock() - self._fallback_loaded_at < self._refresh_interval_s:
            return
        self._fallback_loaded_at = self._clock()
        self._refresh = asyncio.create_task(self._reload())

    async def _reload(self) -> None:
        assert self._load_documents is not None
        try:
            await self.fallback.rebuild(await self._load_documents())
        except Exception:  # a failed refresh leaves the old copy answering
            logger.exception("search: reloading the embedded engine failed")

    async def wait_for_refresh(self) -> None:
        """Wait for a background reload of the embedded copy, if one is running."""
        if self._refresh is not None:
            await self._refresh

    async def upsert(self, documents: Sequence[SearchDocument]) -> None:
        await self.fallback.upsert(documents)
        await self.primary.upsert(documents)

    async def delete(self, ids: Sequence[int]) -> None:
        await self.fallback.delete(ids)
        await self.primary.delete(ids)

    async def clear(self) -> None:
        await self.fallback.clear()
        await self.primary.clear()

    async def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        await self.fallback.rebuild(documents)
        self.mark_fallback_loaded()
        await self.primary.rebuild(documents)

    async def health(self) -> bool:
        return await self.primary.health()

    async def close(self) -> None:
        if self._refresh is not None and not self._refresh.done():
            self._refresh.cancel()
        await self.primary.close()
        await self.fallback.close()
