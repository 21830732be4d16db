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


async def test_an_expired_key_is_reloaded_once_while_the_others_read_the_old_value() -> None:
    # given a page loaded once, then expired
    cache = PageCache(ttl_s=0.05)
    loads = 0

    async def load() -> str:
        nonlocal loads
        loads += 1
        await asyncio.sleep(0.02)
        return f"page {loads}"

    assert await cache.get_or_load(("agency", "7"), load) == "page 1"
    await asyncio.sleep(0.06)

    # when twenty requests arrive together
    values = await asyncio.gather(*(cache.get_or_load(("agency", "7"), load) for _ in range(20)))

    # then the first reloads it and the others are answered at once from the old value
    assert values == ["page 2"] + ["page 1"] * 19
    assert loads == 2
    assert cache.loading_keys == 0
    # and the next requests read the new one
    assert await cache.get_or_load(("agency", "7"), load) == "page 2"


async def test_a_cleared_key_is_never_answered_from_the_old_value() -> None:
    # given a page loaded once, then a change empties the cache
    cache = PageCache(ttl_s=60)
    versions = iter(["before", "after"])

    async def load() -> str:
        await asyncio.sleep(0.01)
        return next(versions)

    assert await cache.get_or_load(("item", "3"), load) == "before"
    cache.clear()

    # when requests arrive together, then every one waits for the one reload
    values = await asyncio.gather(*(cache.get_or_load(("item", "3"), load) for _ in range(5)))
    assert values == ["after"] * 5
