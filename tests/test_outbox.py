"""The job outbox, and the app with Redis down.

Mail goes to a real SMTP server on loopback (aiosmtpd, ``tests.test_jobs``). Stripe's API
is the loopback stand-in of ``tests.test_orders_web`` (``StripeStandIn``): Stripe's servers
cannot be reached from here, so it answers the refund call the way Stripe documents it.
Redis, where a test stops it, is a ``redis-server`` of the test's own (``own_redis``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import httpx
import pytest
from tortoise import timezone

from marketplace.accounts import services as account_services
from marketplace.accounts.models import Role
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import OutboxEmail
from marketplace.core.notifications import Notification
from marketplace.core.outbox import (
    LEASE_S,
    MAX_ATTEMPTS,
    OutboxJob,
    OutboxStatus,
    add_job,
    backoff_s,
    deliver_due,
)
from marketplace.orders import services as order_services
from marketplace.orders.models import Order, OrderState, PaymentStatus
from tests.accounts_helpers import PASSWORD, make_user, post_form
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.outbox_helpers import (
    OwnRedis,
    app_client,
    free_port,
    make_settings,
    own_redis,  # noqa: F401  (fixture)
    run_worker,
)
from tests.test_jobs import _Inbox, smtp_server  # noqa: F401  (fixture)
from tests.test_orders_web import StripeStandIn, stripe_stand_in  # noqa: F401  (fixture)


def _dead_redis_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there


async def _place(world: OrderWorld, key: str, item_id: int | None = None) -> Order:
    placed = await order_services.place_order(
        user=await as_current(world.enterprise),
        item_id=item_id or world.catalogue.report_form.id,
        project_name="外盒项目",
        project_code=PROJECT_CODE,
        base=None,
        note="",
        idempotency_key=key,
    )
    return placed.order


# --- Redis down -------------------------------------------------------------------------


async def test_the_app_starts_and_serves_with_redis_at_a_dead_port(
    db: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(db, redis_url=_dead_redis_url())
    with caplog.at_level(logging.WARNING, logger="marketplace.core.jobs"):
        async with app_client(settings) as client:
            home = await client.get("/")
            health = await client.get("/healthz")

    assert (home.status_code, health.status_code, health.text) == (200, 200, "ok")
    assert "Redis is not reachable" in caplog.text


async def test_sign_in_and_password_reset_answer_normally_with_redis_down(
    db: str, caplog: pytest.LogCaptureFixture
) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    settings = make_settings(db, redis_url=_dead_redis_url())

    with caplog.at_level(logging.WARNING):
        async with app_client(settings) as client:
            signed_in = await post_form(
                client, "/login", {"email": "wang@example.com", "password": PASSWORD}
            )
            reset = await post_form(
                client, "/password-reset", {"email": "wang@example.com"}, page="/password-reset"
            )
            # the limits still hold, counted in this process: 3 resets an hour per account
            more = [
                await post_form(
                    client,
                    "/password-reset",
                    {"email": "wang@example.com"},
                    page="/password-reset",
                )
                for _ in range(3)
            ]
            # the three reset e-mails wait in the outbox with their jobs, for the worker
            emails = await OutboxEmail.filter(to="wang@example.com").count()
            jobs = await OutboxJob.filter(job="send_email", status=OutboxStatus.PENDING).count()

    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/account")
    assert (reset.status_code, reset.headers["location"]) == (303, "/login?done=reset_sent")
    assert [r.status_code for r in more[:2]] == [303, 303]
    assert more[2].status_code == 429
    assert "rate limits are counted in this process's memory" in caplog.text
    assert (emails, jobs) == (3, 3)


async def test_a_transition_with_redis_down_answers_and_its_mail_goes_once_redis_is_back(
    db: str,
    own_redis: OwnRedis,  # noqa: F811
    smtp_server: tuple[str, _Inbox],  # noqa: F811
) -> None:
    smtp_url, inbox = smtp_server
    world = await order_world()
    order = await _place(world, "redis-down-0001")
    token = (await account_services.create_api_token(world.qinghe_staff, name="ERP")).secret
    settings = make_settings(db, redis_url=own_redis.url, smtp_url=smtp_url)

    # given Redis is down when the app starts and when the agency accepts
    async with app_client(settings) as client:
        accepted = await client.post(
            f"/api/v1/orders/{order.id}/accept",
            json={},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert accepted.status_code == 200 and accepted.json()["state"] == "in_service"
        # the notice is in the app and its e-mail waits in the outbox
        assert await Notification.filter(user=world.enterprise, order_id=order.id).count() == 1
        assert inbox.messages == []
        assert await OutboxJob.filter(status=OutboxStatus.PENDING).count() == 1

        # when Redis is back and the worker starts, then it goes out, once
        await own_redis.start()
        await run_worker(settings)
        await run_worker(settings)  # and a second worker start delivers nothing again
        done = await OutboxJob.filter(status=OutboxStatus.DONE).count()

    assert done == 1
    assert [m["To"] for m in inbox.messages] == ["buyer@example.com"]
    assert inbox.messages[0]["Subject"] == f"订单 {order.number} 已受理，开始计时。"


async def test_a_cancelled_paid_orders_refund_is_delivered_once(
    db: str,
    own_redis: OwnRedis,  # noqa: F811
    stripe_stand_in: tuple[str, StripeStandIn],  # noqa: F811
) -> None:
    # Stripe's API is the loopback stand-in (tests.test_orders_web.StripeStandIn)
    api_base, stand_in = stripe_stand_in
    world = await order_world()
    order = await _place(world, "refund-key-0001")
    await Order.filter(id=order.id).update(
        payment_status=PaymentStatus.PAID,
        paid_fen=2_500_000,
        payment_method="stripe",
        stripe_payment_intent="pi_test_p1",
    )
    settings = make_settings(
        db, redis_url=own_redis.url, stripe_secret_key="sk_test_standin", stripe_api_base=api_base
    )
    queue = await JobQueue.connect(settings)  # Redis is down
    try:
        # when the enterprise cancels while Redis is down
        cancelled = await order_services.transition(
            order.id,
            "cancel",
            actor=await as_current(world.enterprise),
            reason="项目取消",
            queue=queue,
        )
        assert cancelled.state is OrderState.CANCELLED
        assert stand_in.requests == []
        assert (await Order.get(id=order.id)).payment_status is PaymentStatus.PAID
        # then the refund is delivered once Redis is back, and only once
        await own_redis.start()
        await run_worker(settings)
        await run_worker(settings)
    finally:
        await queue.close()

    refunded = await Order.get(id=order.id)
    assert (refunded.payment_status, refunded.refund_id) == (PaymentStatus.REFUNDED, "re_test_r1")
    assert [(kind, form["payment_intent"], key) for kind, form, key in stand_in.requests] == [
        ("refund", "pi_test_p1", f"refund-order-{order.id}")
    ]
    assert await OutboxJob.filter(job="refund_order", status=OutboxStatus.DONE).count() == 1


# --- the in-process runner ---------------------------------------------------------------


async def test_in_process_mail_is_retried_with_backoff_and_sent_once(
    db: str,
    smtp_server: tuple[str, _Inbox],  # noqa: F811
) -> None:
    smtp_url, inbox = smtp_server
    world = await order_world()
    order = await _place(world, "retry-key-0001")
    down = make_settings(db, smtp_url=f"smtp://127.0.0.1:{free_port()}")  # no mail server there

    # when the agency accepts while the mail server is down
    await order_services.transition(
        order.id, "accept", actor=await as_current(world.qinghe_staff), queue=JobQueue(down)
    )

    # then the change is made and its mail waits for its next try, 30 s later
    row = await OutboxJob.get(job="send_email")
    assert (row.status, row.attempts) == (OutboxStatus.PENDING, 1)
    assert "ConnectionRefusedError" in row.error or "connect" in row.error.lower()
    assert (row.next_attempt_at - row.created_at) >= dt.timedelta(seconds=30)
    assert await deliver_due({"settings": down}) == 0  # not due yet

    # when the mail server is back and the retry is due, it is sent, once
    up = make_settings(db, smtp_url=smtp_url)
    later = timezone.localtime() + dt.timedelta(seconds=backoff_s(1))
    assert await deliver_due({"settings": up}, now=later) == 1
    assert await deliver_due({"settings": up}, now=later + dt.timedelta(days=1)) == 0

    assert [m["To"] for m in inbox.messages] == ["buyer@example.com"]
    row = await OutboxJob.get(id=row.id)
    assert (row.status, row.attempts, row.error) == (OutboxStatus.DONE, 2, "")
    assert (await OutboxEmail.get()).sent_at is not None


async def test_a_job_is_given_up_after_the_last_attempt(db: str) -> None:
    email = await OutboxEmail.create(to="a@example.com", subject="s", body="b")
    row = await add_job("send_email", email.id)
    down = make_settings(db, smtp_url=f"smtp://127.0.0.1:{free_port()}")

    moment = timezone.localtime()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert await deliver_due({"settings": down}, now=moment) == 1
        moment += dt.timedelta(seconds=backoff_s(attempt))

    row = await OutboxJob.get(id=row.id)
    assert (row.status, row.attempts) == (OutboxStatus.FAILED, MAX_ATTEMPTS)
    assert await deliver_due({"settings": down}, now=moment + dt.timedelta(days=30)) == 0
    assert [backoff_s(n) for n in range(1, MAX_ATTEMPTS + 1)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
    ]


async def test_two_deliverers_at_once_run_each_row_once(
    db: str,
    smtp_server: tuple[str, _Inbox],  # noqa: F811
) -> None:
    smtp_url, inbox = smtp_server
    for n in range(20):
        email = await OutboxEmail.create(to=f"u{n}@example.com", subject=f"s{n}", body="b")
        await add_job("send_email", email.id)
    ctx = {"settings": make_settings(db, smtp_url=smtp_url)}

    ran = await asyncio.gather(deliver_due(ctx), deliver_due(ctx), deliver_due(ctx))

    assert sum(ran) == 20
    assert sorted(m["To"] for m in inbox.messages) == sorted(f"u{n}@example.com" for n in range(20))
    assert await OutboxJob.filter(status=OutboxStatus.DONE).count() == 20


async def test_a_row_left_claimed_by_a_stopped_deliverer_is_taken_up_after_its_lease(
    db: str,
) -> None:
    email = await OutboxEmail.create(to="a@example.com", subject="s", body="b")
    row = await add_job("send_email", email.id)
    # a deliverer claimed it and stopped before finishing
    await OutboxJob.filter(id=row.id).update(
        status=OutboxStatus.RUNNING,
        attempts=1,
        next_attempt_at=timezone.localtime() + dt.timedelta(seconds=LEASE_S),
    )
    ctx = {"settings": make_settings(db)}

    assert await deliver_due(ctx) == 0  # still held
    later = timezone.localtime() + dt.timedelta(seconds=LEASE_S + 1)
    assert await deliver_due(ctx, now=later) == 1

    row = await OutboxJob.get(id=row.id)
    assert (row.status, row.attempts, row.result) == (OutboxStatus.DONE, 2, "kept in the outbox")


async def test_a_change_that_rolls_back_leaves_no_mail(db: str) -> None:
    world = await order_world()
    order = await _place(world, "rollback-key-01")
    queue = JobQueue(make_settings(db))

    async def fail(_order: Order, _event: object) -> None:
        raise RuntimeError("the record could not be written")

    with pytest.raises(RuntimeError):
        await order_services.transition(
            order.id,
            "accept",
            actor=await as_current(world.qinghe_staff),
            queue=queue,
            record=fail,  # type: ignore[arg-type]
        )

    assert (await Order.get(id=order.id)).state is OrderState.PLACED
    assert (
        await Notification.filter(order_id=order.id).exclude(user=world.qinghe_staff).count() == 0
    )
    assert await OutboxJob.all().count() == 0
    assert await OutboxEmail.all().count() == 0


async def test_placing_an_order_tells_the_agency(db: str, client: httpx.AsyncClient) -> None:
    world = await order_world()
    token = (await account_services.create_api_token(world.enterprise, name="ERP")).secret

    placed = await client.post(
        "/api/v1/orders",
        json={
            "item_id": world.catalogue.report_form.id,
            "project_name": "告知项目",
            "project_code": PROJECT_CODE,
        },
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "tell-agency-01"},
    )

    assert placed.status_code == 201
    number = placed.json()["number"]
    notices = await Notification.filter(user=world.qinghe_staff).values_list("message", flat=True)
    assert notices == ["Order %(number)s was placed; please accept or decline it."]
    email = await OutboxEmail.get()
    assert (email.to, email.subject) == ("qh@example.com", f"订单 {number} 已下单，请受理或拒绝。")
    job = await OutboxJob.get()
    assert (job.job, job.args, job.status) == ("send_email", [email.id], OutboxStatus.DONE)
