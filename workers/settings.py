"""The arq worker: ``marketplace worker`` (or ``arq workers.settings.WorkerSettings``).

It runs the same job functions the embedded default runs in-process (``marketplace.core.jobs``),
and delivers the job outbox (``marketplace.core.outbox``): when asked after each change, every
minute, and at its start, so that what waited while Redis or the worker was down goes out.
"""

from __future__ import annotations

from typing import Any, ClassVar

from arq.connections import RedisSettings
from arq.cron import cron
from arq.worker import func
from tortoise import Tortoise

from marketplace.background import register_jobs
from marketplace.core.database import tortoise_config
from marketplace.core.jobs import JOBS, JobQueue
from marketplace.core.outbox import deliver_outbox
from marketplace.core.settings import Settings

__all__ = ["WorkerSettings", "worker_settings"]

# A job that fails with Retry is tried this often before it is given up.
MAX_TRIES = 5
JOB_TIMEOUT_S = 300
# Results are kept a day so that enqueueing with the same job id stays a no-op for that long.
KEEP_RESULT_S = 24 * 3600


async def startup(ctx: dict[str, Any]) -> None:
    settings = Settings.from_env()
    ctx["settings"] = settings
    ctx["queue"] = JobQueue(settings, ctx["redis"])  # jobs that queue jobs (e-mail) use it
    # The worker is not a request: without the global fallback every job would find
    # "No TortoiseContext is currently active" (see STACK_NOTES).
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)


async def shutdown(ctx: dict[str, Any]) -> None:
    await Tortoise.close_connections()


def worker_settings(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``arq.Worker``, shared by the command and the tests."""
    register_jobs()
    return {
        "functions": [
            func(job, name=name, max_tries=MAX_TRIES)  # type: ignore[arg-type]
            for name, job in JOBS.items()
        ],
        "redis_settings": RedisSettings.from_dsn(settings.redis_url or "redis://127.0.0.1:6379/0"),
        "on_startup": startup,
        "on_shutdown": shutdown,
        "job_timeout": JOB_TIMEOUT_S,
        "keep_result": KEEP_RESULT_S,
        # every ten minutes; unique so that two workers do not sweep at the same time
        "cron_jobs": [
            cron(JOBS["sweep_orders"], minute=set(range(0, 60, 10)), unique=True),  # type: ignore[arg-type]
            # the outbox's retries and what waited while Redis was down
            cron(deliver_outbox, second=0, unique=True, run_at_startup=True),
        ],
    }


class WorkerSettings:
    """For the ``arq`` command line; reads REDIS_URL and DATABASE_URL from the environment."""

    _settings = worker_settings(Settings.from_env())
    functions: ClassVar[list[Any]] = _settings["functions"]
    redis_settings = _settings["redis_settings"]
    on_startup = staticmethod(startup)
    on_shutdown = staticmethod(shutdown)
    cron_jobs: ClassVar[list[Any]] = _settings["cron_jobs"]
    job_timeout = JOB_TIMEOUT_S
    keep_result = KEEP_RESULT_S
    max_tries = MAX_TRIES
