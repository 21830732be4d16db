"""The page cache: one load per expired key under concurrency, and no keys kept after."""

from __future__ import annotations

import asyncio

import pytest

from marketplace.catalog.services import PageCache


async def test_concurrent_requests_for_one_key_load_it_once() -> None:
    # given
    cache = PageCache(ttl_s=60)
    loads = 0

    async def load() -> str:
        nonlocal loads
        loads += 1
        await asyncio.sleep(0.01)
        return "page"

    # when
    values = await asyncio.gather(*(cache.get_or_load(("home", ""), load) for _ in range(20)))

    # then
    assert values == ["page"] * 20
    assert loads == 1
    assert cache.loading_keys == 0


async def test_distinct_queries_leave_no_lock_behind() -> None:
    # given
    cache = PageCache(ttl_s=60)

    async def load() -> None:
        return None  # nothing cached: every distinct query would have kept its lock before

    # when
    for n in range(500):
        await cache.get_or_load(("search", f"q={n}"), load)

    # then
    assert cache.loading_keys == 0


async def test_a_failed_load_releases_its_key() -> None:
    cache = PageCache(ttl_s=60)

    async def load() -> str:
        raise RuntimeError("database gone")

    for _ in range(3):
        with pytest.raises(RuntimeError, match="database gone"):
            await cache.get_or_load(("agency", "7"), load)
    assert cache.loading_keys == 0
