"""The ceiling for ``orders.py``: ``POST /api/v1/orders`` as bare asyncpg in one transaction.

Per request it runs the statements placing an order through the real API writes, with no
ORM, middleware or validation beyond what the rows need, and the reads they depend on:
the bearer token's user (one query, by the token's SHA-256 digest as the real app stores
it) and its last use, the idempotency key's earlier order (none), the item and its
current version, the agency's active users; then in one transaction the order, its
number, its ``place`` event, the agency users' notices, their e-mails and the e-mails'
jobs in the outbox, and last the statistics' month (the order's shard of its category's
``order_month`` row, as ``orders.monthly`` adds it); after the commit, when it wrote
e-mails, the outbox's delivery as the embedded job queue runs it in the request (the due
jobs read, each claimed, its e-mail read, the job marked done: no SMTP is configured, the
e-mail stays in the outbox). Its connections go back to the pool without a reset query,
as the real app's do (``core.database.PooledConnection``). The fee quote is the one the
real app computed for the benchmark's body (``orders.py`` passes it in ``BARE_QUOTE``).
The answer is a small JSON object with the order's id and number.

It reads ``DATABASE_URL`` (PostgreSQL only). Serve it from the repository root::

    .venv/bin/python -m uvicorn benchmarks.bare_orders:create_app --factory
"""

from __future__ import annotations

import datetime as dt
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
from marketplace.core.database import PooledConnection

__all__ = ["create_app"]

SHARDS = 8  # as orders.monthly.SHARDS
_NOTICE = "Order %(number)s was placed; please accept or decline it."
_NOTICE_ZH = "订单 {number} 已下单，请受理或拒绝。"
_LEASE = dt.timedelta(minutes=10)  # a claimed job's lease, as marketplace.core.outbox


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
        existing = await connection.fetchval(
            "SELECT id FROM service_order WHERE enterprise_id = $1 AND idempotency_key = $2",
            user["enterprise_id"],
            key,
        )
        if existing is not None:
            return JSONResponse({"id": existing}, status_code=200)
        item = await connection.fetchrow(
            "SELECT s.id, s.agency_id, s.category_id, s.version, s.time_limit_days,"
            " v.id AS version_id"
            " FROM service_item s JOIN service_item_version v"
            " ON v.item_id = s.id AND v.version = s.version WHERE s.id = $1",
            body["item_id"],
        )
        recipients = await connection.fetch(
            'SELECT id, email FROM "user" WHERE agency_id = $1 AND is_active',
            item["agency_id"],
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
            await connection.execute(
                "INSERT INTO order_event (at, action, from_state, to_state, reason, detail,"
                " actor_id, order_id) VALUES ($1, 'place', '', 'placed', '', $2, $3, $4)",
                now,
                json.dumps({"version": item["version"], "quoted_low_fen": low}),
                user["id"],
                order_id,
            )
            # the agency's notices and e-mails, as orders.services.notify writes them
            params = json.dumps({"number": number})
            await connection.executemany(
                "INSERT INTO notification (message, params, created_at, order_id, user_id)"
                " VALUES ($1, $2, $3, $4, $5)",
                [(_NOTICE, params, now, order_id, r["id"]) for r in recipients],
            )
            for recipient in recipients:
                text = _NOTICE_ZH.format(number=number)
                email_id = await connection.fetchval(
                    'INSERT INTO outbox_email ("to", subject, body, created_at, error)'
                    " VALUES ($1, $2, $2, $3, '') RETURNING id",
                    recipient["email"],
                    text,
                    now,
                )
                await connection.execute(
                    "INSERT INTO outbox_job (job, args, status, attempts, next_attempt_at,"
                    " created_at, result, error)"
                    " VALUES ('send_email', $1, 'pending', 0, $2, $2, '', '')",
                    json.dumps([email_id]),
                    now,
                )
            # the statistics' month of the category, the order's shard (orders.monthly)
            await connection.execute(
                "INSERT INTO order_month (category_id, month, shard, placed, ended, completed,"
                " delivered, on_time, days_used, days_committed, ratings, rating_points)"
                " VALUES ($1, $2, $3, 1, 0, 0, 0, 0, 0, 0, 0, 0)"
                " ON CONFLICT (category_id, month, shard)"
                " DO UPDATE SET placed = order_month.placed + 1",
                item["category_id"],
                int(f"{clock.to_beijing(now):%Y%m}"),
                order_id % SHARDS,
            )
        # the outbox delivered in the request, as the embedded job queue does, when the
        # placement added jobs to it (the agency has users to tell)
        moment = clock.now()
        due = (
            await connection.fetch(
                "SELECT id, attempts, args FROM outbox_job"
                " WHERE status IN ('pending', 'running') AND next_attempt_at <= $1"
                " ORDER BY id LIMIT 200",
                moment,
            )
            if recipients
            else []
        )
        for job in due:
            claimed = await connection.execute(
                "UPDATE outbox_job SET status = 'running', attempts = attempts + 1,"
                " next_attempt_at = $1 WHERE status IN ('pending', 'running')"
                " AND next_attempt_at <= $2 AND id = $3 AND attempts = $4",
                moment + _LEASE,
                moment,
                job["id"],
                job["attempts"],
            )
            if claimed == "UPDATE 0":
                continue  # another request has it
            await connection.fetchrow(
                'SELECT id, "to", subject, body, sent_at FROM outbox_email WHERE id = $1',
                json.loads(job["args"])[0],
            )
            await connection.execute(
                "UPDATE outbox_job SET status = 'done', done_at = $1,"
                " result = 'kept in the outbox', error = '' WHERE id = $2 AND attempts = $3",
                clock.now(),
                job["id"],
                job["attempts"] + 1,
            )
    return JSONResponse({"id": order_id, "number": number, "state": "placed"}, status_code=201)


async def _healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


def create_app() -> Starlette:
    url = os.environ["DATABASE_URL"]
    quote = tuple(int(x) for x in os.environ.get("BARE_QUOTE", "0,0").split(","))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        # released without a reset query, as the real app's connections are
        pool = await asyncpg.create_pool(
            "postgresql://" + url.split("://", 1)[1],
            max_size=10,
            connection_class=PooledConnection,
        )
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
