"""Helpers for the outbox and fault tests: a Redis server the test owns and can stop, a
burst arq worker that runs the worker's cron at its start, and the app on given settings.

The Redis server is a real ``redis-server`` started on a free port for one test, never the
machine's own Redis on 6379 (other tests and people use that one).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from arq.connections import RedisSettings
from arq.worker import Worker
from asgi_lifespan import LifespanManager
from redis.asyncio import Redis
from redis.exceptions import RedisError

from marketplace.app import create_app
from marketplace.core.jobs import JobQueue
from marketplace.core.settings import Settings
from tests.conftest import MEDIA_DIR, service_unavailable
from workers.settings import worker_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OwnRedis:
    """A ``redis-server`` on its own port that the test starts and stops."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self._process: asyncio.subprocess.Process | None = None

    @property
    def running(self) -> bool:
        return self._process is not None

    async def start(self) -> None:
        assert self._process is None
        self._process = await asyncio.create_subprocess_exec(
            *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = Redis.from_url(self.url)
        try:
            for _ in range(200):  # until it answers (a few ms usually)
                try:
                    await client.ping()
                    return
                except (OSError, RedisError):
                    await asyncio.sleep(0.02)
            raise RuntimeError(f"redis-server did not start on port {self.port}")
        finally:
            await client.aclose()

    async def stop(self) -> None:
        """Stop it at once, as a crash would (its data is lost: it keeps none)."""
        if self._process is not None:
            self._process.kill()
            await self._process.wait()
            self._process = None


@pytest.fixture
async def own_redis() -> AsyncIterator[OwnRedis]:
    """A Redis server of this test's own, not started yet."""
    if shutil.which("redis-server") is None:
        service_unavailable("redis-server is not installed (apt-get install redis-server)")
    server = OwnRedis(free_port())
    try:
        yield server
    finally:
        await server.stop()


async def run_worker(settings: Settings) -> Worker:
    """A burst arq worker on ``settings.redis_url`` with the worker's functions and cron:
    it delivers the outbox at its start (as ``marketplace worker`` does) and runs what was
    queued, then stops."""
    options = worker_settings(settings)

    async def startup(ctx: dict[str, Any]) -> None:
        ctx["settings"] = settings  # the test has the database open already
        ctx["queue"] = JobQueue(settings, ctx["redis"])

    worker = Worker(
        functions=options["functions"],
        cron_jobs=options["cron_jobs"],
        redis_settings=RedisSettings.from_dsn(settings.redis_url or ""),
        on_startup=startup,
        burst=True,
        poll_delay=0,
        handle_signals=False,
        keep_result=options["keep_result"],
    )
    try:
        await worker.main()
    finally:
        await worker.close()
    return worker


def make_settings(db: str, **extra: Any) -> Settings:
    return Settings(
        database_url=db,
        secret_key="test-secret",
        secret_key_is_ephemeral=False,
        media_dir=MEDIA_DIR,
        **extra,
    )


@asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The application on ``settings``, started, with an HTTP client for it."""
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


class Progress:
    """Counts answers; ``reached(n)`` waits until ``n`` have come."""

    def __init__(self) -> None:
        self.count = 0
        self._events: dict[float, asyncio.Event] = {}

    def tick(self) -> None:
        self.count += 1
        for threshold, event in self._events.items():
            if self.count >= threshold:
                event.set()

    async def reached(self, threshold: float) -> None:
        if self.count >= threshold:
            return
        await self._events.setdefault(threshold, asyncio.Event()).wait()


@asynccontextmanager
async def served_app(settings: Settings) -> AsyncIterator[str]:
    """The application on ``settings`` in a uvicorn process of its own; yields its URL."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "SECRET_KEY": settings.secret_key,
        "MEDIA_DIR": str(settings.media_dir),
    }
    for name, value in (("REDIS_URL", settings.redis_url), ("SMTP_URL", settings.smtp_url)):
        if value:
            env[name] = value
        else:
            env.pop(name, None)
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "uvicorn", "marketplace.app:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=url) as probe:
            for _ in range(300):  # until it answers (a second or two)
                with contextlib.suppress(httpx.TransportError):  # not listening yet
                    if (await probe.get("/healthz")).status_code == 200:
                        break
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError("the app did not start")
        yield url
    finally:
        process.terminate()
        await process.wait()
