"""Test fixtures: real databases (SQLite and PostgreSQL), the demo catalogue, an HTTP client.

Every database test runs once per backend. SQLite always runs; PostgreSQL runs when its
server answers at ``TEST_POSTGRES_URL`` (default: the local server every development
and CI machine has). With ``REQUIRE_SERVICES=1`` (set by ``.ci/run``) a missing
server fails the run instead of skipping.

Each backend has databases built by the committed migrations: ``clean``, emptied before
every test that writes, ``demo``, loaded once with the demo catalogue and only read, and
``activity`` and ``activity_fuzz``, the demo catalogue with its demo activity (the crawl
reads the first, the form fuzz test posts to the second).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager
from tortoise import Tortoise, connections
from tortoise.backends.base.executor import EXECUTOR_CACHE

# Test users' passwords are hashed at the least cost argon2 allows (core.settings); set
# before the marketplace is imported, and inherited by the servers the tests start.
os.environ["PASSWORD_HASH_COST"] = "test"

from marketplace.app import create_app
from marketplace.background import register_jobs
from marketplace.core import clock
from marketplace.core.database import migrate, tortoise_config
from marketplace.core.settings import Settings

# The jobs the services queue, as the application registers them when it starts.
register_jobs()

BACKENDS = ("sqlite", "postgres")
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
# Databases this run creates on the PostgreSQL server carry this prefix, so a run that
# was killed before cleaning up can be recognised (and the next run drops them).
PG_PREFIX = "mp_test_"


@dataclass
class _Databases:
    """Database URLs per (backend, purpose), created and migrated on first use."""

    tmp_dir: Path
    urls: dict[tuple[str, str], str] = field(default_factory=dict)
    pg_created: list[str] = field(default_factory=list)
    pg_error: str | None = None

    async def url(self, backend: str, purpose: str) -> str:
        key = (backend, purpose)
        if key not in self.urls:
            if backend == "sqlite":
                url = f"sqlite://{self.tmp_dir / f'{purpose}.sqlite3'}"
            else:
                url = await self._create_pg_database(purpose)
            if purpose == "models":
                # The schema as the models declare it, bypassing the migrations.
                await init_orm(url)
                await Tortoise.generate_schemas()
            else:
                EXECUTOR_CACHE.clear()
                await migrate(url)
            if purpose == "demo":
                from marketplace.catalog.demo import seed_demo

                assert await seed_demo()
            if purpose.startswith("activity"):
                await _seed_demo_with_activity()
            await Tortoise.close_connections()
            self.urls[key] = url
        return self.urls[key]

    async def _create_pg_database(self, purpose: str) -> str:
        if self.pg_error:
            service_unavailable(self.pg_error)
        name = f"{PG_PREFIX}{purpose}_{uuid.uuid4().hex[:10]}"
        try:
            admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_ADMIN_URL), timeout=5)
        except (OSError, asyncpg.PostgresError) as exc:
            self.pg_error = f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {exc}"
            service_unavailable(self.pg_error)
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        self.pg_created.append(name)
        base, _ = POSTGRES_ADMIN_URL.rsplit("/", 1)
        return f"{base}/{name}"

    async def drop_pg(self) -> None:
        if not self.pg_created:
            return
        admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_ADMIN_URL), timeout=5)
        try:
            for name in self.pg_created:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


# The day the demo activity of the ``activity`` databases runs up to (as test_demo_activity).
ACTIVITY_TODAY = dt.date(2026, 11, 25)


async def _seed_demo_with_activity() -> None:
    """The demo catalogue and its eight months of activity, as ``marketplace serve`` loads
    them (their passwords hashed at the tests' cost, as every test user's)."""
    from marketplace.catalog.demo import seed_demo
    from marketplace.catalog.demo_activity import seed_activity

    assert await seed_demo(media_dir=MEDIA_DIR)
    assert await seed_activity(today=ACTIVITY_TODAY, media_dir=MEDIA_DIR)


async def init_orm(url: str) -> None:
    """Initialise Tortoise on ``url``.

    Tortoise caches each model's INSERT statement per connection *name* ("default"),
    so a process that moves from SQLite to PostgreSQL would reuse SQLite's ``?``
    placeholders; the suite alternates backends, so it forgets them on every switch.
    """
    EXECUTOR_CACHE.clear()
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)


def _asyncpg_dsn(url: str) -> str:
    return "postgresql://" + url.split("://", 1)[1]


def service_unavailable(reason: str) -> NoReturn:
    """Skip the test because the service ``reason`` names is missing, or, where CI
    requires every service (REQUIRE_SERVICES=1), fail it."""
    if REQUIRE_SERVICES:
        pytest.fail(reason + " (REQUIRE_SERVICES=1)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _clock_put_back() -> Iterator[None]:
    """The one Beijing clock, which a test may set, runs on the real time again after it."""
    yield
    clock.set_now(None)


@pytest.fixture(scope="session")
async def databases(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[_Databases]:
    dbs = _Databases(tmp_path_factory.mktemp("databases"))
    yield dbs
    await dbs.drop_pg()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def _empty_all_tables() -> None:
    connection = connections.get("default")
    tables = [model._meta.db_table for model in Tortoise.apps["models"].values()]
    if connection.capabilities.dialect == "postgres":
        await connection.execute_script(
            "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
        )
    else:
        await connection.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{t}";' for t in tables)
            + "PRAGMA foreign_keys = ON;"
        )


@pytest.fixture
async def db(databases: _Databases, backend: str) -> AsyncIterator[str]:
    """An empty, migrated database on ``backend``; yields its URL."""
    url = await databases.url(backend, "clean")
    await init_orm(url)
    await _empty_all_tables()
    yield url
    await Tortoise.close_connections()


@pytest.fixture
async def demo_db(databases: _Databases, backend: str) -> AsyncIterator[str]:
    """The demo catalogue on ``backend``, read-only; yields its URL."""
    url = await databases.url(backend, "demo")
    await init_orm(url)
    yield url
    await Tortoise.close_connections()


# Uploaded files of the whole run go to one temporary folder, never into the checkout.
MEDIA_DIR = Path(tempfile.mkdtemp(prefix="marketplace-test-media-"))


def make_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        secret_key="test-secret",
        secret_key_is_ephemeral=False,
        media_dir=MEDIA_DIR,
    )


@pytest.fixture
async def activity_db(databases: _Databases, backend: str) -> AsyncIterator[str]:
    """The demo catalogue with its activity (orders, ratings, complaints) on ``backend``,
    shared by the tests that only read it and write nothing that matters (sessions)."""
    url = await databases.url(backend, "activity")
    await init_orm(url)
    yield url
    await Tortoise.close_connections()


@pytest.fixture
async def activity_fuzz_db(databases: _Databases, backend: str) -> AsyncIterator[str]:
    """Another demo with its activity, for tests that post to it (the form fuzz test)."""
    url = await databases.url(backend, "activity_fuzz")
    await init_orm(url)
    yield url
    await Tortoise.close_connections()


@pytest.fixture
async def demo_client(demo_db: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the application running on the demo catalogue."""
    app = create_app(make_settings(demo_db))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


@pytest.fixture
async def catalogue(db: str) -> Any:
    """The small catalogue of ``tests.factories`` in a clean database."""
    from tests.factories import small_catalogue

    return await small_catalogue()


@pytest.fixture
async def client(db: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the application running on the clean database."""
    app = create_app(make_settings(db))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http
