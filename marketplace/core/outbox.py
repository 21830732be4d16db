"""The job outbox: every job a state change causes is a row written in that change's
transaction, and delivered from the database, once.

A row names a job of ``marketplace.core.jobs`` and its arguments (an e-mail of the e-mail
outbox to send, a cancelled order to refund). The change and its rows commit together or
not at all, so a mail or a refund is never lost because Redis or the mail server was down
at the moment of the change, and never sent for a change that rolled back.

The deliverer (``deliver_outbox``) is one job: the arq worker runs it when ``REDIS_URL``
is set (asked for after each change, and by its cron every minute), the web process runs
it in-process otherwise (right after the change, and every half minute). It claims each
due row with a conditional update on its attempt count, so of two deliverers only one
runs a row, then marks it done; a done row is never claimed again. A job that fails is
tried again later, each wait longer than the last, and given up (``failed``, with its
error) after ``MAX_ATTEMPTS``. A deliverer that dies while running a row leaves it
claimed for ``LEASE_S``, after which another takes it up.

Like the search outbox (``marketplace.search.models``) the rows are written with the
change; unlike it, each row has one consumer, so it is claimed rather than read past
with a cursor.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from tortoise import fields, timezone
from tortoise.expressions import F, Q
from tortoise.models import Model

from marketplace.core.jobs import JOBS

__all__ = [
    "LEASE_S",
    "MAX_ATTEMPTS",
    "OutboxJob",
    "OutboxStatus",
    "add_job",
    "backoff_s",
    "deliver_due",
    "deliver_outbox",
]

logger = logging.getLogger(__name__)

# A mail server or Stripe that is down for a while is tried 8 times over some four hours:
# 30 s, 1, 2, 4, 8, 16, 32 minutes, then an hour apart.
MAX_ATTEMPTS = 8
_FIRST_RETRY_S = 30
_LONGEST_WAIT_S = 3600
# One job may run this long; a claim is held twice as long, so a row is taken up again
# only when its deliverer has surely stopped.
JOB_TIMEOUT_S = 300
LEASE_S = 2 * JOB_TIMEOUT_S
# Rows one deliverer run claims at most; the rest wait for the next run.
_BATCH = 200


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for its (next) attempt at next_attempt_at
    RUNNING = "running"  # claimed by a deliverer until next_attempt_at (the lease)
    DONE = "done"  # delivered: never run again
    FAILED = "failed"  # given up after MAX_ATTEMPTS, its last error kept


class OutboxJob(Model):
    """A job caused by a committed change, waiting to be delivered or delivered."""

    id = fields.BigIntField(primary_key=True)
    job = fields.CharField(max_length=64)
    args: list[Any] = fields.JSONField(default=list)
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)
    done_at = fields.DatetimeField(null=True)
    result = fields.CharField(max_length=200, default="")
    error = fields.TextField(default="")

    class Meta:
        table = "outbox_job"
        indexes = (("status", "next_attempt_at"),)


def _now() -> dt.datetime:
    # In the database's time zone: SQLite compares datetimes as text, and Tortoise writes
    # them in that zone, so a UTC value in a filter would compare 8 hours off.
    return timezone.localtime()


def backoff_s(attempts: int) -> int:
    """How long to wait before the next try of a job that has failed ``attempts`` times."""
    return min(_LONGEST_WAIT_S, _FIRST_RETRY_S * 2 ** max(0, attempts - 1))


async def add_job(name: str, *args: Any) -> OutboxJob:
    """Record job ``name(*args)`` for delivery; call inside the transaction of the change
    that causes it, and ask the queue to deliver (``JobQueue.deliver_outbox``) after it."""
    if name not in JOBS:
        raise KeyError(f"no job named {name!r}")
    return await OutboxJob.create(job=name, args=list(args), next_attempt_at=_now())


def _claimable(now: dt.datetime) -> Q:
    # pending and due, or claimed by a deliverer whose lease has run out
    return Q(status__in=[OutboxStatus.PENDING, OutboxStatus.RUNNING], next_attempt_at__lte=now)


async def _claim(row_id: int, attempts: int, now: dt.datetime) -> bool:
    """Take row ``row_id`` if nobody took it since it was read at ``attempts``."""
    updated = await OutboxJob.filter(_claimable(now), id=row_id, attempts=attempts).update(
        status=OutboxStatus.RUNNING,
        attempts=F("attempts") + 1,
        next_attempt_at=now + dt.timedelta(seconds=LEASE_S),
    )
    return updated == 1


async def _run(ctx: dict[str, Any], row: OutboxJob, now: dt.datetime) -> None:
    attempt = row.attempts + 1
    # The job sees which try this is, as it would on arq.
    job_ctx = {**ctx, "job_try": attempt}
    try:
        result = await asyncio.wait_for(JOBS[row.job](job_ctx, *row.args), JOB_TIMEOUT_S)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if attempt >= MAX_ATTEMPTS:
            logger.error("outbox job %s %s failed for good: %s", row.id, row.job, error)
            changes: dict[str, Any] = {"status": OutboxStatus.FAILED, "error": error}
        else:
            logger.warning("outbox job %s %s failed (try %s): %s", row.id, row.job, attempt, error)
            changes = {
                "status": OutboxStatus.PENDING,
                # counted from the run's start, so the waits do not drift with the job's time
                "next_attempt_at": now + dt.timedelta(seconds=backoff_s(attempt)),
                "error": error,
            }
        await OutboxJob.filter(id=row.id, attempts=attempt).update(**changes)
        return
    await OutboxJob.filter(id=row.id, attempts=attempt).update(
        status=OutboxStatus.DONE, done_at=_now(), result=str(result)[:200], error=""
    )


async def deliver_due(
    ctx: dict[str, Any], *, now: dt.datetime | None = None, limit: int = _BATCH
) -> int:
    """Claim and run the rows due at ``now`` (default: the present), oldest first;
    how many this call ran. ``now`` lets tests look past a lease or a wait."""
    moment = timezone.localtime(now) if now else _now()
    rows: Sequence[OutboxJob] = (
        await OutboxJob.filter(_claimable(moment)).order_by("id").limit(limit)
    )
    ran = 0
    for row in rows:
        if not await _claim(row.id, row.attempts, moment):
            continue  # another deliverer has it
        await _run(ctx, row, moment)
        ran += 1
    return ran


async def deliver_outbox(ctx: dict[str, Any]) -> int:
    """Deliver every due outbox row; how many ran."""
    total = 0
    while ran := await deliver_due(ctx):
        total += ran
        if ran < _BATCH:
            break
    return total
