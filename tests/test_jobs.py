"""Jobs on a real Redis with a burst arq worker, and e-mail through a real SMTP server.

The SMTP server is aiosmtpd listening on loopback: a real SMTP implementation, so the
message crosses a real connection; no outside mail server is involved.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from email.message import Message
from email.parser import BytesParser
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from arq.connections import RedisSettings
from arq.worker import Worker
from redis.asyncio import Redis

from marketplace.accounts import services
from marketplace.accounts.models import Role
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import OutboxEmail
from marketplace.core.outbox import OutboxJob, OutboxStatus, add_job
from marketplace.core.settings import Settings
from tests.accounts_helpers import make_user
from tests.conftest import service_unavailable
from workers.settings import worker_settings

# TEST_REDIS_URL names the database to use; without it each run leases one of databases
# 1-15 of the local server for itself, so two runs on one machine never flush each other.
_REDIS_SERVER = "redis://127.0.0.1:6379"
_LEASE_KEY = "marketplace-tests:lease"
_LEASE_S = 3 * 3600
_RUN = uuid.uuid4().hex


@pytest.fixture(scope="session")
async def _redis_db() -> AsyncIterator[str]:
    """This run's Redis database: TEST_REDIS_URL's, or the first of 1-15 nobody holds."""
    if url := os.environ.get("TEST_REDIS_URL"):
        yield url
        return
    leased: Redis | None = None
    try:
        for number in range(15, 0, -1):
            client = Redis.from_url(f"{_REDIS_SERVER}/{number}")
            if await client.set(_LEASE_KEY, _RUN, nx=True, ex=_LEASE_S):
                leased = client
                break
            await client.aclose()
    except OSError as exc:
        service_unavailable(f"Redis is not reachable at {_REDIS_SERVER}: {exc}")
    if leased is None:
        service_unavailable(f"Every Redis database 1-15 at {_REDIS_SERVER} is leased by a test run")
    try:
        yield f"{_REDIS_SERVER}/{number}"
    finally:
        if await leased.get(_LEASE_KEY) == _RUN.encode():
            await leased.delete(_LEASE_KEY)
        await leased.aclose()


async def _empty(client: Redis) -> None:
    """Every key of the database but this run's lease."""
    async for key in client.scan_iter(count=500):
        if key != _LEASE_KEY.encode():
            await client.delete(key)


@pytest.fixture
async def redis_url(_redis_db: str) -> AsyncIterator[str]:
    """An emptied Redis database of this run's, for this test."""
    client = Redis.from_url(_redis_db)
    try:
        await client.ping()
    except OSError as exc:
        await client.aclose()
        service_unavailable(f"Redis is not reachable at {_redis_db}: {exc}")
    await _empty(client)
    yield _redis_db
    await _empty(client)
    await client.aclose()


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(BytesParser(policy=default).parsebytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[str, _Inbox]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield f"smtp://127.0.0.1:{port}", inbox
    finally:
        controller.stop()


def _settings(db: str, **extra: Any) -> Settings:
    return Settings(database_url=db, secret_key="k", secret_key_is_ephemeral=False, **extra)


async def _burst(settings: Settings, *, max_jobs: int = -1) -> Worker:
    options = worker_settings(settings)

    async def startup(ctx: dict[str, Any]) -> None:
        ctx["settings"] = settings  # the test has the database open already
        ctx["queue"] = JobQueue(settings, ctx["redis"])

    worker = Worker(
        functions=options["functions"],
        redis_settings=RedisSettings.from_dsn(settings.redis_url or ""),
        on_startup=startup,
        burst=True,
        poll_delay=0,
        handle_signals=False,
        keep_result=options["keep_result"],
        max_burst_jobs=max_jobs,
    )
    await worker.main()
    await worker.close()
    return worker


async def test_a_reset_email_is_queued_in_redis_and_sent_by_the_worker(
    db: str, redis_url: str, smtp_server: tuple[str, _Inbox]
) -> None:
    smtp_url, inbox = smtp_server
    settings = _settings(db, redis_url=redis_url, smtp_url=smtp_url)
    await make_user("wang@example.com", Role.REVIEWER)
    queue = await JobQueue.connect(settings)
    try:
        # when the web process asks for a reset
        await services.request_password_reset(
            email="wang@example.com", queue=queue, reset_url="https://mp.example/r/{token}"
        )
        # then the e-mail waits in the outbox and its job in Redis
        email = await OutboxEmail.get()
        assert email.sent_at is None
        assert inbox.messages == []
        assert await queue.pool.zcard("arq:queue") == 1  # type: ignore[union-attr]

        # when a worker runs
        worker = await _burst(settings)
    finally:
        await queue.close()

    # then it was sent once, over SMTP, and marked sent
    assert (worker.jobs_complete, worker.jobs_failed, worker.jobs_retried) == (1, 0, 0)
    await email.refresh_from_db()
    assert email.sent_at is not None and email.error == ""
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "wang@example.com"
    assert message["Subject"] == "重置您在中介服务超市的密码"
    assert "https://mp.example/r/" in message.get_content()


async def test_sending_is_idempotent(
    db: str, redis_url: str, smtp_server: tuple[str, _Inbox]
) -> None:
    smtp_url, inbox = smtp_server
    settings = _settings(db, redis_url=redis_url, smtp_url=smtp_url)
    email = await OutboxEmail.create(to="a@example.com", subject="s", body="b")
    queue = await JobQueue.connect(settings)
    try:
        # the same job id twice is queued once
        await queue.enqueue("send_email", email.id, job_id=f"send_email:{email.id}")
        await queue.enqueue("send_email", email.id, job_id=f"send_email:{email.id}")
        assert await queue.pool.zcard("arq:queue") == 1  # type: ignore[union-attr]
        await _burst(settings)
        # a job for an e-mail already sent does not send it again
        await queue.enqueue("send_email", email.id, job_id="send_email:again")
        worker = await _burst(settings)
    finally:
        await queue.close()

    assert worker.jobs_complete == 1
    assert len(inbox.messages) == 1


async def test_an_unreachable_mail_server_is_retried_and_the_error_kept(
    db: str, redis_url: str
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]  # nothing listens here once the socket closes
    settings = _settings(db, redis_url=redis_url, smtp_url=f"smtp://127.0.0.1:{closed_port}")
    email = await OutboxEmail.create(to="a@example.com", subject="s", body="b")
    await add_job("send_email", email.id)
    queue = await JobQueue.connect(settings)
    try:
        await queue.deliver_outbox()
        worker = await _burst(settings)
    finally:
        await queue.close()

    await email.refresh_from_db()
    assert email.sent_at is None
    assert "127.0.0.1" in email.error or "refused" in email.error.lower()
    # the outbox keeps it for its next try, 30 s later (the worker's cron takes it up)
    row = await OutboxJob.get()
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert worker.jobs_complete == 1


async def test_in_process_jobs_run_before_enqueue_returns(db: str) -> None:
    queue = JobQueue(_settings(db))
    email = await OutboxEmail.create(to="a@example.com", subject="s", body="b")

    await queue.enqueue("send_email", email.id)

    assert queue.in_process
    await email.refresh_from_db()
    assert email.sent_at is None  # no SMTP_URL: kept in the outbox for the administrator


async def test_the_deadline_sweep_runs_on_the_worker(db: str, redis_url: str) -> None:
    import datetime as dt

    from marketplace.orders import services as order_services
    from marketplace.orders.models import Order, OrderState
    from tests.order_helpers import PROJECT_CODE, as_current, order_world

    world = await order_world()
    placed = await order_services.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.lightning_check.id,
        project_name="p",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key="sweep-key-01",
    )
    await order_services.transition(
        placed.order.id,
        "accept",
        actor=await as_current(world.hengyuan_staff),
        on=dt.date(2026, 9, 30),
    )
    settings = _settings(db, redis_url=redis_url)
    queue = await JobQueue.connect(settings)
    try:
        await queue.enqueue("sweep_orders", "2026-10-14", job_id="sweep:2026-10-14")
        await queue.enqueue(
            "sweep_orders", "2026-10-14", job_id="sweep:2026-10-14"
        )  # the same sweep
        worker = await _burst(settings)
    finally:
        await queue.close()

    # the sweep ran once, then the outbox it asked for, which sent its two e-mails
    # (agency and enterprise)
    assert (worker.jobs_complete, worker.jobs_failed) == (2, 0)
    assert await OutboxJob.filter(status=OutboxStatus.DONE).count() == 2
    assert sorted(await OutboxEmail.all().values_list("to", flat=True)) == [
        "buyer@example.com",
        "hy@example.com",
    ]
    order = await Order.get(id=placed.order.id)
    assert order.state == OrderState.IN_SERVICE and order.overdue_marked_at is not None
