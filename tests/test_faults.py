"""Faults: Redis stopped at the start and during a burst of transitions, and the database's
connections killed during a burst of placements.

Afterwards every committed change has its notice and its e-mail delivered exactly once,
and no placement that was answered 2xx is missing. Redis is a ``redis-server`` of the
test's own on a free port (``tests.outbox_helpers.OwnRedis``), never the machine's Redis;
mail goes to a real SMTP server on loopback (aiosmtpd); the connections are killed with
``pg_terminate_backend`` from an admin connection while the placements run.
"""

from __future__ import annotations

import asyncio
from collections import Counter

import asyncpg
import httpx
import pytest
from tortoise import Tortoise

from marketplace.accounts import services as account_services
from marketplace.core.mail import OutboxEmail
from marketplace.core.notifications import Notification
from marketplace.core.outbox import OutboxJob, OutboxStatus
from marketplace.orders import services as order_services
from marketplace.orders.models import Order, OrderState
from tests.conftest import POSTGRES_ADMIN_URL, _asyncpg_dsn, init_orm
from tests.order_helpers import PROJECT_CODE, as_current, order_world
from tests.outbox_helpers import (
    OwnRedis,
    Progress,
    app_client,
    make_settings,
    own_redis,  # noqa: F401  (fixture)
    run_worker,
    served_app,
)
from tests.test_jobs import _Inbox, smtp_server  # noqa: F401  (fixture)

ORDERS = 24


async def test_redis_stopped_at_start_and_during_a_burst_of_transitions(
    db: str,
    own_redis: OwnRedis,  # noqa: F811
    smtp_server: tuple[str, _Inbox],  # noqa: F811
) -> None:
    smtp_url, inbox = smtp_server
    world = await order_world()
    buyer = await as_current(world.enterprise)
    orders = [
        (
            await order_services.place_order(
                user=buyer,
                item_id=world.catalogue.report_form.id,
                project_name="故障项目",
                project_code=PROJECT_CODE,
                base=None,
                note="",
                idempotency_key=f"fault-redis-{n:04d}",
            )
        ).order
        for n in range(ORDERS)
    ]
    token = (await account_services.create_api_token(world.qinghe_staff, name="ERP")).secret
    settings = make_settings(db, redis_url=own_redis.url, smtp_url=smtp_url)
    answers: list[httpx.Response] = []
    progress = Progress()

    # given Redis is down when the app starts
    async with app_client(settings) as client:

        async def accept(order: Order) -> None:
            answers.append(
                await client.post(
                    f"/api/v1/orders/{order.id}/accept",
                    json={},
                    headers={"Authorization": f"Bearer {token}"},
                )
            )
            progress.tick()

        async def redis_comes_and_goes() -> None:
            # up after a third of the answers, down again after two thirds
            await progress.reached(ORDERS // 3)
            await own_redis.start()
            await progress.reached(2 * ORDERS // 3)
            await own_redis.stop()

        # when the agency accepts every order at once while Redis comes and goes
        await asyncio.gather(redis_comes_and_goes(), *(accept(order) for order in orders))

        # then every transition was answered and made
        assert Counter(r.status_code for r in answers) == {200: ORDERS}
        assert await Order.filter(state=OrderState.IN_SERVICE).count() == ORDERS
        # with one notice each for the enterprise, in the app
        accepted = await Notification.filter(
            user=world.enterprise, message="Order %(number)s was accepted; the clock has started."
        ).count()
        assert accepted == ORDERS

        # when Redis is back and the worker starts
        await own_redis.start()
        await run_worker(settings)
        await run_worker(settings)

        # then each e-mail went out exactly once
        numbers = sorted(o.number or "" for o in orders)
        assert sorted(m["Subject"] for m in inbox.messages) == sorted(
            f"订单 {number} 已受理，开始计时。" for number in numbers
        )
        assert len(inbox.messages) == ORDERS
        assert await OutboxJob.filter(status=OutboxStatus.DONE).count() == ORDERS
        assert await OutboxJob.exclude(status=OutboxStatus.DONE).count() == 0


async def _kill_app_connections(database: str) -> int:
    admin = await asyncpg.connect(_asyncpg_dsn(POSTGRES_ADMIN_URL), timeout=5)
    try:
        killed = await admin.fetchval(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = $1 AND pid <> pg_backend_pid()) AS t",
            database,
        )
    finally:
        await admin.close()
    return int(killed)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_database_connections_killed_during_a_burst_of_placements(
    db: str,
    own_redis: OwnRedis,  # noqa: F811
    smtp_server: tuple[str, _Inbox],  # noqa: F811
) -> None:
    smtp_url, inbox = smtp_server
    world = await order_world()
    await own_redis.start()
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret
    settings = make_settings(db, redis_url=own_redis.url, smtp_url=smtp_url)
    database = db.rsplit("/", 1)[1]
    keys = [f"fault-pg-{n:04d}" for n in range(ORDERS)]
    answers: dict[str, int] = {}
    progress = Progress()
    kills: list[int] = []
    body = {
        "item_id": world.catalogue.report_form.id,
        "project_name": "断线项目",
        "project_code": PROJECT_CODE,
    }

    # the app runs as it is deployed, in a uvicorn process of its own
    async with served_app(settings) as base_url, httpx.AsyncClient(base_url=base_url) as client:

        async def place(key: str) -> int:
            try:
                response = await client.post(
                    "/api/v1/orders",
                    json=body,
                    headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
                    timeout=30,
                )
            except httpx.TransportError:
                return 599
            return response.status_code

        async def first_try(key: str) -> None:
            answers[key] = await place(key)
            progress.tick()

        async def killer() -> None:
            # three times, each once some placements have been answered: the others run
            for share in (4, 2, 4 / 3):
                await progress.reached(ORDERS / share)
                killed = await _kill_app_connections(database)
                for _ in range(100):  # the app may be between connections: once it has one
                    if killed:
                        break
                    await asyncio.sleep(0.01)
                    killed = await _kill_app_connections(database)
                kills.append(killed)

        # when the connections are killed while the enterprise places 24 orders at once
        await asyncio.gather(killer(), *(first_try(key) for key in keys))
        placed_2xx = {key for key, status in answers.items() if 200 <= status < 300}
        assert len(answers) == ORDERS and len(kills) == 3
        assert all(killed >= 1 for killed in kills)  # each kill hit live connections
        print("first answers", sorted(answers.values()), "killed", kills)
        # a placement cut off with its connection is answered 503, to be tried again
        assert set(answers.values()) <= {201, 503}

        # and the enterprise sends the others again with the same keys, as a client does
        retried = {key: await place(key) for key in keys if key not in placed_2xx}

    # the test's own connections were killed too: open new ones
    await Tortoise.close_connections()
    await init_orm(db)

    # then no placement answered 2xx is missing, and each of the 24 orders, placed once,
    # has its notice and its e-mail row, written with it
    assert set(retried.values()) <= {200, 201}
    assert sorted(await Order.all().values_list("idempotency_key", flat=True)) == keys
    assert await Notification.filter(user=world.qinghe_staff).count() == ORDERS
    assert await OutboxEmail.filter(to="qh@example.com").count() == ORDERS

    # when the worker runs
    await run_worker(settings)
    await run_worker(settings)

    # then each placement's e-mail went to the agency exactly once
    numbers = await Order.all().values_list("number", flat=True)
    assert sorted(m["Subject"] for m in inbox.messages) == sorted(
        f"订单 {number} 已下单，请受理或拒绝。" for number in numbers
    )
    assert len(inbox.messages) == ORDERS
    assert await OutboxJob.exclude(status=OutboxStatus.DONE).count() == 0


def test_a_failed_connection_is_told_from_a_failed_query() -> None:
    from tortoise.exceptions import IntegrityError, OperationalError

    from marketplace.core.database import lost_connection

    def raised(exc: BaseException, cause: BaseException) -> BaseException:
        try:
            raise exc from cause
        except BaseException as caught:
            return caught

    terminated = asyncpg.exceptions.AdminShutdownError("terminating connection")
    # the server ending the connection, told apart however deep it sits in the chain
    assert lost_connection(terminated)
    assert lost_connection(raised(OperationalError("x"), terminated))
    assert lost_connection(asyncpg.InterfaceError("the underlying connection is closed"))
    assert lost_connection(ConnectionResetError(104, "Connection reset by peer"))
    # a query the database refused is not
    assert not lost_connection(IntegrityError("duplicate key"))
    assert not lost_connection(
        raised(OperationalError("x"), asyncpg.exceptions.UndefinedColumnError("no column"))
    )
    assert not lost_connection(ValueError("bad"))
