"""Background jobs: on arq and Redis when ``REDIS_URL`` is set, in-process otherwise.

A job is a plain coroutine ``job(ctx, *args)`` registered here with ``@job``; the arq
worker (``workers.settings.WorkerSettings``) runs the same functions. In the embedded
default ``JobQueue.enqueue`` awaits the job before it returns, so what a job does is done
when the request that asked for it is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from arq.connections import ArqRedis, RedisSettings, create_pool

from marketplace.settings import Settings

__all__ = ["JOBS", "JobQueue", "job"]

logger = logging.getLogger(__name__)

JobFunction = Callable[..., Awaitable[Any]]
# Every job by name; arq looks jobs up by the same names.
JOBS: dict[str, JobFunction] = {}


def job(function: JobFunction) -> JobFunction:
    JOBS[function.__name__] = function
    return function


class JobQueue:
    """Where the application sends jobs: an arq pool, or the running process."""

    def __init__(self, settings: Settings, pool: ArqRedis | None = None) -> None:
        self.settings = settings
        self.pool = pool
        self._periodic: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, settings: Settings) -> JobQueue:
        if settings.redis_url is None:
            return cls(settings)
        pool = await create_pool(RedisSettings.from_dsn(settings.redis_url))
        return cls(settings, pool)

    async def close(self) -> None:
        if self._periodic is not None:
            self._periodic.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._periodic
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

        self._periodic = asyncio.create_task(loop(), name=f"periodic {name}")

    @property
    def in_process(self) -> bool:
        return self.pool is None

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
