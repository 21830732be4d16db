"""The database configuration: PostgreSQL's pooled connections and what their release keeps."""

from __future__ import annotations

import pytest
from tortoise import connections

from marketplace.core.database import PooledConnection, tortoise_config


def test_postgres_connections_are_pooled_without_a_reset_query() -> None:
    postgres = tortoise_config("postgres://postgres@127.0.0.1:5432/shop?maxsize=10")
    sqlite = tortoise_config("sqlite:///tmp/shop.sqlite3")

    default = postgres["connections"]["default"]
    assert default["engine"] == "tortoise.backends.asyncpg"
    assert default["credentials"]["connection_class"] is PooledConnection
    assert (default["credentials"]["database"], default["credentials"]["maxsize"]) == (
        "shop",
        "10",
    )
    assert sqlite["connections"]["default"] == "sqlite:///tmp/shop.sqlite3"


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_transaction_left_open_is_rolled_back_before_its_connection_is_reused(
    db: str,
) -> None:
    client = connections.get("default")
    await client.execute_query("SELECT 1")  # the pool, opened
    pool = client._pool  # type: ignore[attr-defined]

    # given a pooled connection released in the middle of a transaction
    connection = await pool.acquire()
    assert isinstance(connection._con, PooledConnection)
    await connection.execute("BEGIN")
    await connection.execute(
        'INSERT INTO outbox_email ("to", subject, body, created_at, error)'
        " VALUES ('a@example.com', 's', 'b', now(), '')"
    )
    await pool.release(connection)

    # when the pool hands out its connections again
    reused = [await pool.acquire() for _ in range(pool.get_size())]

    # then none is in a transaction and the insert is gone
    assert [c.is_in_transaction() for c in reused] == [False] * len(reused)
    assert await reused[0].fetchval("SELECT count(*) FROM outbox_email") == 0
    for c in reused:
        await pool.release(c)
