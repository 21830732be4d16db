"""The ceiling for ``orders.py``: ``POST /api/v1/orders`` as bare asyncpg in one transaction.

Per request it does what placing an order through the real API writes and reads, with no
ORM, middleware or validation beyond what the rows need: the bearer token's user (one
query, by the token's SHA-256 digest as the real app stores it) and its last use, the
item and its current version, then in one transaction the order, its number and its
``place`` event. The fee quote is the one the real app computed for the benchmark's
body (``orders.py`` passes it in ``BARE_QUOTE``). The answer is a small JSON object with
the order's id and number.

It reads ``DATABASE_URL`` (PostgreSQL only). Serve it from the repository root::

    .venv/bin/python -m uvicorn benchmarks.bare_orders:create_app --factory
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from marketplace.core import clock

__all__ = ["create_app"]


async def _place(request: Request) -> Response:
    pool: asyncpg.Pool = request.state.pool
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    key = request.headers.get("idempotency-key", "")
    body: dict[str, Any] = json.loads(await request.body())
    digest = hashlib.sha256(token.encode()).hexdigest()
    async with pool.acquire() as connection:
        user = await connection.fetchrow(
            'SELECT t.id AS token_id, u.id, u.enterprise_id FROM api_token t JOIN "user" u'
            " ON u.id = t.user_id WHERE t.token_digest = $1 AND t.revoked_at IS NULL",
            digest,
        )
        if user is None:
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        await connection.execute(
            "UPDATE api_token SET last_used_at = $1 WHERE id = $2",
            clock.now(),
            user["token_id"],
        )
        item = await connection.fetchrow(
            "SELECT s.id, s.agency_id, s.category_id, s.version, s.time_limit_days,"
            " v.id AS version_id"
            " FROM service_item s JOIN service_item_version v"
            " ON v.item_id = s.id AND v.version = s.version WHERE s.id = $1",
            body["item_id"],
        )
        low, high = request.state.quote
        now = clock.now()
        async with connection.transaction():
            order_id = await connection.fetchval(
                "INSERT INTO service_order (idempotency_key, project_name, project_code,"
                " base_amount, quoted_low_fen, quoted_high_fen, note, state, version,"
                " time_limit_days, paused_days, payment_status, payment_method, created_at,"
                " updated_at, agency_id, enterprise_id, item_id, item_version_id, placed_by_id,"
                " fee_factors)"
                " VALUES ($1, $2, $3, $4, $5, $6, '', 'placed', 0, $7, 0, 'unpaid', '', $8, $8,"
                " $9, $10, $11, $12, $13, '{}') RETURNING id",
                key,
                body["project_name"],
                body["project_code"],
                body.get("base"),
                low,
                high,
                item["time_limit_days"],
                now,
                item["agency_id"],
                user["enterprise_id"],
                item["id"],
                item["version_id"],
                user["id"],
            )
            number = f"{now:%y%m%d}-{order_id:05d}"
            await connection.execute(
                "UPDATE service_order SET number = $1 WHERE id = $2", number, order_id
            )
            # the statistics' month of the category (orders.monthly), as the real one counts
            await connection.execute(
                "INSERT INTO order_month (category_id, month, placed, ended, completed,"
                " delivered, on_time, days_used, days_committed, ratings, rating_points)"
                " VALUES ($1, $2, 1, 0, 0, 0, 0, 0, 0, 0, 0) ON CONFLICT (category_id, month)"
                " DO UPDATE SET placed = order_month.placed + 1",
                item["category_id"],
                int(f"{clock.to_beijing(now):%Y%m}"),
            )
            await connection.execute(
                "INSERT INTO order_event (at, action, from_state, to_state, reason, detail,"
                " actor_id, order_id) VALUES ($1, 'place', '', 'placed', '', $2, $3, $4)",
                now,
                json.dumps({"version": item["version"], "quoted_low_fen": low}),
                user["id"],
                order_id,
            )
    return JSONResponse({"id": order_id, "number": number, "state": "placed"}, status_code=201)


async def _healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def create_app() -> Starlette:
    url = os.environ["DATABASE_URL"]
    quote = tuple(int(x) for x in os.environ.get("BARE_QUOTE", "0,0").split(","))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        pool = await asyncpg.create_pool("postgresql://" + url.split("://", 1)[1], max_size=10)
        try:
            yield {"pool": pool, "quote": quote}
        finally:
            await pool.close()

    return Starlette(
        routes=[
            Route("/api/v1/orders", _place, methods=["POST"]),
            Route("/healthz", _healthz),
        ],
        lifespan=lifespan,
    )
