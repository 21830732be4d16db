"""Rate limits: in memory by default, shared through Redis when REDIS_URL is set."""

from __future__ import annotations

from marketplace.ratelimit import RateLimiter
from marketplace.settings import Settings
from tests.test_jobs import redis_url  # noqa: F401  (fixture)


def _settings(redis: str | None = None) -> Settings:
    return Settings(
        database_url="sqlite://:memory:",
        secret_key="k",
        secret_key_is_ephemeral=False,
        redis_url=redis,
    )


async def test_an_account_gets_ten_sign_in_attempts_in_fifteen_minutes() -> None:
    limiter = RateLimiter(_settings())

    results = [await limiter.hit(login_account="Wang@Example.com") for _ in range(11)]

    assert results[:10] == [None] * 10
    refused = results[10]
    assert refused is not None
    assert 895 <= refused.retry_after_s <= 900
    assert refused.retry_after_minutes == 15
    # the address is counted separately, and case does not make a new account
    assert await limiter.hit(login_account="other@example.com") is None
    assert await limiter.hit(login_account="WANG@example.com") is not None


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
