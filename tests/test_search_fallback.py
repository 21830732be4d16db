"""Falling back to the embedded engine while Meilisearch cannot be reached.

The unreachable Meilisearch is a real client talking to a port on this machine where
nothing listens.
"""

from __future__ import annotations

import dataclasses
import socket

import pytest

from search.documents import SearchDocument
from search.embedded import EmbeddedEngine
from search.engine import SearchEngine, SearchQuery, SearchResult, SearchUnavailable
from search.fallback import FallbackEngine
from search.meili import MeiliEngine

pytest_plugins = ["tests.search_fixtures"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingMeili(MeiliEngine):
    """The real engine, counting the searches it is asked for."""

    searches = 0

    async def search(self, query: SearchQuery) -> SearchResult:
        self.searches += 1
        return await super().search(query)


def unreachable_meili() -> CountingMeili:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    engine = CountingMeili.from_url(f"http://127.0.0.1:{port}", timeout_s=2)
    assert isinstance(engine, CountingMeili)
    return engine


async def test_every_engine_implements_the_interface() -> None:
    embedded = EmbeddedEngine()
    meili = unreachable_meili()
    for engine in (embedded, meili, FallbackEngine(meili, embedded)):
        assert isinstance(engine, SearchEngine)
    await meili.close()


async def test_queries_fall_back_while_the_primary_is_down_and_retry_later(
    demo_documents: list[SearchDocument],
) -> None:
    # given
    clock = Clock()
    primary = unreachable_meili()
    fallback = EmbeddedEngine.from_documents(demo_documents)
    engine = FallbackEngine(primary, fallback, retry_primary_after_s=5, clock=clock)

    try:
        # when
        first = await engine.search(SearchQuery(q="环评"))
        second = await engine.search(SearchQuery(q="环评"))

        # then: answered by the embedded engine, marked degraded; the primary was asked
        # once, then left alone
        expected = await fallback.search(SearchQuery(q="环评"))
        assert first.degraded and second.degraded
        assert [h.document.id for h in first.hits] == [h.document.id for h in expected.hits]
        assert first.total == 6
        assert primary.searches == 1
        assert engine.primary_down

        # when: the retry delay passes
        clock.now += 5
        third = await engine.search(SearchQuery(q="环评"))

        # then
        assert third.degraded
        assert primary.searches == 2
    finally:
        await engine.close()


async def test_a_working_primary_answers_undegraded(demo_documents: list[SearchDocument]) -> None:
    # given: an embedded engine standing in as a primary that answers
    primary = EmbeddedEngine.from_documents(demo_documents)
    engine = FallbackEngine(primary, EmbeddedEngine())

    # when
    result = await engine.search(SearchQuery(q="环评"))

    # then
    assert not result.degraded
    assert result.total == 6
    assert await engine.health()


async def test_writes_reach_the_copy_and_report_the_primary_down(
    demo_documents: list[SearchDocument],
) -> None:
    # given
    engine = FallbackEngine(unreachable_meili(), EmbeddedEngine.from_documents(demo_documents))
    renamed = dataclasses.replace(demo_documents[0], title="改名后的报告书编制")

    try:
        # when / then: the caller (the outbox worker) learns to retry
        with pytest.raises(SearchUnavailable):
            await engine.upsert([renamed])
        with pytest.raises(SearchUnavailable):
            await engine.delete([55])

        # and the local copy already has both changes
        result = await engine.search(SearchQuery(q="改名后"))
        assert result.degraded
        assert [h.document.id for h in result.hits] == [1]
        assert engine.fallback.size == 54
        assert not await engine.health()
    finally:
        await engine.close()


async def test_the_copy_is_reloaded_from_the_database_when_the_primary_fails(
    demo_documents: list[SearchDocument],
) -> None:
    # given: a process whose copy is empty (it never saw the worker's writes)
    loads = 0

    async def load_documents() -> list[SearchDocument]:
        nonlocal loads
        loads += 1
        return demo_documents

    engine = FallbackEngine(unreachable_meili(), EmbeddedEngine(), load_documents=load_documents)

    try:
        # when
        stale = await engine.search(SearchQuery(q="环评"))
        await engine.wait_for_refresh()
        fresh = await engine.search(SearchQuery(q="环评"))

        # then: the first answer came from the old copy while the reload ran
        assert (stale.total, fresh.total) == (0, 6)
        assert fresh.degraded
        assert loads == 1
    finally:
        await engine.close()


async def test_a_rebuild_reloads_the_copy_even_when_the_primary_is_down(
    demo_documents: list[SearchDocument],
) -> None:
    # given
    engine = FallbackEngine(unreachable_meili(), EmbeddedEngine())

    try:
        # when
        with pytest.raises(SearchUnavailable):
            await engine.rebuild(demo_documents)

        # then
        assert engine.fallback.size == 55
    finally:
        await engine.close()
