"""Rate limits on signing in and password resets, per account and per address.

Sign-in is counted per (account, address) pair, so a stranger guessing someone's
password from their own machine locks out only themselves; a higher ceiling per account
bounds guessing spread over many addresses, and one per address bounds one machine
trying many accounts.

The counting is the ``limits`` library's moving window: in memory in the embedded
default, in Redis when ``REDIS_URL`` is set so that every web process shares the counts.
While Redis does not answer, each process counts in its own memory (and says so in the
log) rather than refuse or fail sign-ins; it tries Redis again every half minute.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string

from marketplace.core.settings import Settings

__all__ = ["LIMITS", "RateLimiter", "Refused", "login_keys"]

# Ten tries in 15 minutes is generous for a person who mistyped, and slows a password
# guesser at one address to under a thousand guesses a day per account. The account's
# ceiling is ten such addresses' worth: a guesser needs many machines to reach it, and
# the owner is locked out only then.
LIMITS: dict[str, RateLimitItem] = {
    "login_pair": parse("10/15 minutes"),
    "login_account": parse("100/15 minutes"),
    "login_address": parse("50/15 minutes"),
    "reset_account": parse("3/hour"),
    "reset_address": parse("20/hour"),
}

# Keys in Redis start with this, so the limiter's counts are easy to find and flush.
_REDIS_KEY_PREFIX = "mp:ratelimit"
# A Redis that has not answered is asked again after this long; until then, memory counts.
_REDIS_RETRY_S = 30.0
# A sign-in waits at most this long for a Redis that does not answer.
_REDIS_TIMEOUT_S = 1.0

logger = logging.getLogger(__name__)


def login_keys(email: str, address: str) -> dict[str, str]:
    """The counters one sign-in attempt for ``email`` from ``address`` goes against."""
    account = email.strip().lower() or "-"
    address = address or "-"
    return {
        "login_pair": f"{account} {address}",
        "login_account": account,
        "login_address": address,
    }


@dataclass(frozen=True, slots=True)
class Refused:
    retry_after_s: int

    @property
    def retry_after_minutes(self) -> int:
        return max(1, math.ceil(self.retry_after_s / 60))


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        memory = storage_from_string("async+memory://")
        self._memory = MovingWindowRateLimiter(memory)
        if settings.redis_url:
            uri = "async+" + settings.redis_url
            storage = storage_from_string(
                uri,
                implementation="redispy",
                key_prefix=_REDIS_KEY_PREFIX,
                wrap_exceptions=True,  # every Redis failure is a StorageError
                socket_connect_timeout=_REDIS_TIMEOUT_S,
                socket_timeout=_REDIS_TIMEOUT_S,
            )
        else:
            storage = memory
        self.storage = storage
        self._limiter = MovingWindowRateLimiter(storage)
        self._redis_down_until = 0.0  # monotonic time; while ahead, memory counts

    @property
    def counting_in_memory(self) -> bool:
        """Whether this process counts on its own now (no Redis, or Redis not answering)."""
        return self._limiter is self._memory or time.monotonic() < self._redis_down_until

    async def hit(self, **keys: str) -> Refused | None:
        """Count one attempt against each ``limit_name=identifier``; the first refusal, if any.

        Every limit is counted even when an earlier one refuses, so a refused attempt still
        counts against the address as well as the account.
        """
        if not self.counting_in_memory:
            try:
                return await self._hit(self._limiter, keys)
            except StorageError as exc:
                self._redis_down_until = time.monotonic() + _REDIS_RETRY_S
                logger.warning(
                    "Redis is not reachable (%s): rate limits are counted in this process's "
                    "memory for the next %d s",
                    exc.storage_error,
                    _REDIS_RETRY_S,
                )
        return await self._hit(self._memory, keys)

    async def _hit(self, limiter: MovingWindowRateLimiter, keys: dict[str, str]) -> Refused | None:
        refused: Refused | None = None
        for name, identifier in keys.items():
            item = LIMITS[name]
            if not await limiter.hit(item, name, identifier.lower()):
                stats = await limiter.get_window_stats(item, name, identifier.lower())
                wait = max(1, int(stats.reset_time - time.time()))
                refused = refused or Refused(wait)
        return refused

    async def close(self) -> None:
        """Close the Redis connections, if any (the memory storage holds none)."""
        # limits keeps its redis-py client on the storage's bridge and offers no close().
        client = getattr(getattr(self.storage, "bridge", None), "storage", None)
        if client is not None:
            await client.aclose()

    async def reset(self) -> None:
        """Forget every count (tests, and an administrator clearing a lock-out)."""
        await self.storage.reset()  # type: ignore[misc]
        if self.storage is not self._memory.storage:
            await self._memory.storage.reset()
