"""Tortoise ORM configuration and schema migration.

All domains share one Tortoise app label, ``models``, so relations read
``"models.Agency"`` whatever package the model lives in.
"""

from __future__ import annotations

from typing import Any

import asyncpg
from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.exceptions import DBConnectionError
from tortoise.migrations.api import migrate as _migrate_api

__all__ = [
    "MODEL_MODULES",
    "TORTOISE_ORM",
    "PooledConnection",
    "discard_pooled_connections",
    "lost_connection",
    "migrate",
    "tortoise_config",
]

# Every module that defines models; a new domain adds its module here.
MODEL_MODULES = [
    "marketplace.core.calendar",
    "marketplace.core.mail",
    "marketplace.core.notifications",
    "marketplace.catalog.models",
    "marketplace.accounts.models",
    "marketplace.orders.models",
    "marketplace.search.models",
    "marketplace.admission.models",
    "marketplace.ratings.models",
    "marketplace.credit.models",
    "marketplace.complaints.models",
    "marketplace.organisations.models",
    "marketplace.procurement.models",
    "marketplace.payments.models",
    "marketplace.core.outbox",
]

MIGRATIONS_MODULE = "marketplace.migrations"


class PooledConnection(asyncpg.Connection):
    """A PostgreSQL connection that goes back to its pool without a reset query.

    By default asyncpg sends ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
    RESET ALL;`` each time a connection is released, and Tortoise releases one after
    every query outside a transaction: a round trip and four statements on the server
    per query (a placement made eight). The application keeps no session state on a
    connection (no ``SET``, ``LISTEN``, advisory lock or cursor outliving its
    transaction), so there is nothing to reset; asyncpg still rolls back a transaction
    left open before the connection is reused (``Connection.reset``).
    """

    def get_reset_query(self) -> str:
        return ""


def _connection(database_url: str) -> str | dict[str, Any]:
    """The connection's configuration: the URL, with PostgreSQL's connection class."""
    config = expand_db_url(database_url)
    if config["engine"] != "tortoise.backends.asyncpg":
        return database_url
    config["credentials"]["connection_class"] = PooledConnection
    return config


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise configuration for one database URL."""
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


def _development_config() -> dict[str, Any]:
    from marketplace.core.settings import Settings

    return tortoise_config(Settings.from_env().database_url)


# For Tortoise's own command line (`tortoise makemigrations`), via [tool.tortoise].
TORTOISE_ORM = _development_config()


async def migrate(database_url: str) -> None:
    """Bring the database at ``database_url`` to the newest committed migration.

    Tortoise is left initialised (with the global fallback, so code outside a
    request can use the models) until the caller closes its connections.
    """
    config = tortoise_config(database_url)
    await Tortoise.init(config=config, _create_db=False, _enable_global_fallback=True)
    await _migrate_api(config=config)


# What a connection that failed under a query raises, rather than the query itself: the
# server terminated it (restart, failover, pg_terminate_backend), the socket broke, or
# asyncpg found the connection in a state it cannot go on from.
_CONNECTION_FAILURES: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    DBConnectionError,
    ConnectionError,
)


def lost_connection(exc: BaseException) -> bool:
    """Whether ``exc``, or what it arose from, is the database connection failing."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, _CONNECTION_FAILURES):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


async def discard_pooled_connections() -> None:
    """Have every pooled connection replaced by a new one on its next use.

    A connection the server terminated can sit in the pool looking alive until a query
    fails on it; once one has failed, the others opened before it are suspect too, so
    a request after a database restart gets a fresh connection instead of failing.
    """
    for client in connections.all():
        pool = getattr(client, "_pool", None)
        if isinstance(pool, asyncpg.Pool):
            await pool.expire_connections()
