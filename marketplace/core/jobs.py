"""Background jobs: on arq and Redis when ``REDIS_URL`` is set, in-process otherwise.

A job is a plain coroutine ``job(ctx, *args)``; ``marketplace.background`` lists every
job and registers them here (``register``) when the application, the worker or a command
starts. The arq worker (``workers.settings.WorkerSettings``) runs the same functions. In
the embedded default ``JobQueue.enqueue`` awaits the job before it returns, so what a job
does is done when the request that asked for it is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from arq.connections import ArqRedis
from redis.exceptions import RedisError

from marketplace.core.settings import Settings

__all__ = ["JOBS", "JobQueue", "register"]

logger = logging.getLogger(__name__)

# A Redis that does not answer within these is taken for down: a request that asks for a
# job waits at most this long before it goes on without (the outbox keeps the job).
_REDIS_CONNECT_TIMEOUT_S = 1.0
_REDIS_TIMEOUT_S = 2.0
# After Redis failed to answer, requests do not ask it again for this long (the worker's
# cron delivers what waited), so an outage does not slow every request.
_REDIS_COOL_OFF_S = 5.0

JobFunction = Callable[..., Awaitable[Any]]
# Every job by name, as registered; arq looks jobs up by the same names.
JOBS: dict[str, JobFunction] = {}


def register(*functions: JobFunction) -> None:
    """Make ``functions`` jobs, each by its name (registering one again is harmless)."""
    for function in functions:
        JOBS[function.__name__] = function


class JobQueue:
    """Where the application sends jobs: an arq pool, or the running process."""

    def __init__(self, settings: Settings, pool: ArqRedis | None = None) -> None:
        self.settings = settings
        self.pool = pool
        self._periodic: list[asyncio.Task[None]] = []
        self._redis_down_until = 0.0  # monotonic time

    @classmethod
    async def connect(cls, settings: Settings) -> JobQueue:
        """The queue for ``settings``; with Redis down it is made all the same (and says so
        in the log): jobs caused by changes wait in the outbox until Redis is back."""
        if settings.redis_url is None:
            return cls(settings)
        pool = ArqRedis.from_url(
            settings.redis_url,
            socket_connect_timeout=_REDIS_CONNECT_TIMEOUT_S,
            socket_timeout=_REDIS_TIMEOUT_S,
        )
        try:
            await pool.ping()
        except (RedisError, OSError) as exc:
            logger.warning("Redis is not reachable (%s); starting without it", exc)
        return cls(settings, pool)

    async def close(self) -> None:
        for task in self._periodic:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.pool is not None:
            await self.pool.aclose()

    def run_periodically(self, name: str, every_s: float) -> None:
        """In-process only: run job ``name`` every ``every_s`` seconds until ``close``.

        With Redis the arq worker's cron does this instead, once for all web processes.
        """
        if self.pool is not None:
            return

        async def loop() -> None:
            while True:
                await asyncio.sleep(every_s)
                await self.enqueue(name)

        self._periodic.append(asyncio.create_task(loop(), name=f"periodic {name}"))

    @property
    def in_process(self) -> bool:
        return self.pool is None

    async def deliver_outbox(self) -> None:
        """Ask for the job outbox (``marketplace.core.outbox``) to be delivered now: run here
        in-process, or by the arq worker. Call after the commit that wrote the rows.

        It never fails the caller: with Redis down the rows wait, and the worker's cron
        delivers them once Redis is back.
        """
        if time.monotonic() < self._redis_down_until:
            return
        try:
            await self.enqueue("deliver_outbox")
        except (RedisError, OSError) as exc:
            self._redis_down_until = time.monotonic() + _REDIS_COOL_OFF_S
            logger.warning("Redis is not reachable (%s); the outbox waits for it", exc)

    async def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        """Run job ``name`` with ``args``: queued in Redis, or awaited here and now.

        ``job_id`` makes enqueueing idempotent on arq: a job with the same id that is
        queued, running or kept as a result is not queued again.
        """
        function = JOBS[name]
        if self.pool is not None:
            await self.pool.enqueue_job(name, *args, _job_id=job_id)
            return
        try:
            await function({"settings": self.settings, "queue": self}, *args)
        except Exception:
            # In-process there is no retry; the job's own state (e.g. an unsent e-mail)
            # stays visible, and the request that asked for it must not fail for it.
            logger.exception("job %s failed in-process", name)
