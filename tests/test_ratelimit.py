"""Rate limits: in memory by default, shared through Redis when REDIS_URL is set."""

from __future__ import annotations

from marketplace.core.settings import Settings
from marketplace.ratelimit import RateLimiter, login_keys
from tests.test_jobs import _redis_db, redis_url  # noqa: F401  (fixtures)


def _settings(redis: str | None = None) -> Settings:
    return Settings(
        database_url="sqlite://:memory:",
        secret_key="k",
        secret_key_is_ephemeral=False,
        redis_url=redis,
    )


async def test_an_account_gets_ten_sign_in_attempts_per_address_in_fifteen_minutes() -> None:
    limiter = RateLimiter(_settings())

    results = [await limiter.hit(login_pair="Wang@Example.com 10.0.0.1") for _ in range(11)]

    assert results[:10] == [None] * 10
    refused = results[10]
    assert refused is not None
    assert 895 <= refused.retry_after_s <= 900
    assert refused.retry_after_minutes == 15
    # the address is counted separately, and case does not make a new account
    assert await limiter.hit(login_pair="other@example.com 10.0.0.1") is None
    assert await limiter.hit(login_pair="WANG@example.com 10.0.0.1") is not None


async def test_an_account_from_many_addresses_meets_a_ceiling_of_a_hundred() -> None:
    limiter = RateLimiter(_settings())

    results = [
        await limiter.hit(**login_keys("wang@example.com", f"10.0.{i // 250}.{i % 250}"))
        for i in range(101)
    ]

    assert results[:100] == [None] * 100
    assert results[100] is not None
    assert await limiter.hit(**login_keys("li@example.com", "10.9.9.9")) is None


async def test_processes_sharing_redis_share_the_counts(redis_url: str) -> None:  # noqa: F811
    first_process = RateLimiter(_settings(redis_url))
    second_process = RateLimiter(_settings(redis_url))

    try:
        for _ in range(3):
            assert await first_process.hit(reset_account="wang@example.com") is None
        refused = await second_process.hit(reset_account="wang@example.com")
    finally:
        await first_process.close()
        await second_process.close()

    assert refused is not None
    assert refused.retry_after_minutes == 60
