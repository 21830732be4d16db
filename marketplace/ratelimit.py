"""Rate limits on signing in and password resets, per account and per address.

Sign-in is counted per (account, address) pair, so a stranger guessing someone's
password from their own machine locks out only themselves; a higher ceiling per account
bounds guessing spread over many addresses, and one per address bounds one machine
trying many accounts.

The counting is the ``limits`` library's moving window: in memory in the embedded
default, in Redis when ``REDIS_URL`` is set so that every web process shares the counts.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from marketplace.settings import Settings

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
        if settings.redis_url:
            uri = "async+" + settings.redis_url
            storage = storage_from_string(
                uri, implementation="redispy", key_prefix=_REDIS_KEY_PREFIX
            )
        else:
            storage = storage_from_string("async+memory://")
        self.storage = storage
        self._limiter = MovingWindowRateLimiter(storage)

    async def hit(self, **keys: str) -> Refused | None:
        """Count one attempt against each ``limit_name=identifier``; the first refusal, if any.

        Every limit is counted even when an earlier one refuses, so a refused attempt still
        counts against the address as well as the account.
        """
        refused: Refused | None = None
        for name, identifier in keys.items():
            item = LIMITS[name]
            if not await self._limiter.hit(item, name, identifier.lower()):
                stats = await self._limiter.get_window_stats(item, name, identifier.lower())
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
