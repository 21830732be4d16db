"""In-app notices: one row per user and message, with its e-mail in the outbox.

Every domain tells the people who must act through ``notify``, inside the transaction of the
change it tells of. A notice is an English message id with its parameters, translated when it
is shown or mailed. The ``order`` link is the one domain table the core names (by its model
name only, never by import): most notices concern an order, and its page is where they lead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from marketplace.core.clock import now
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import queue_email
from marketplace.i18n import translate

if TYPE_CHECKING:
    from marketplace.accounts.models import User
    from marketplace.orders.models import Order

__all__ = ["Notification", "mark_all_read", "notify"]


class Notification(Model):
    """An in-app notice for one user, as an English message id with its parameters."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="notifications", null=True, on_delete=fields.CASCADE
    )
    message = fields.CharField(max_length=255)
    params: dict = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)
    read_at = fields.DatetimeField(null=True)

    user_id: int
    order_id: int | None

    class Meta:
        table = "notification"
        ordering = ["-id"]
        indexes = (("user_id", "read_at"),)


async def notify(
    order: Order | None,
    users: Sequence[User],
    message: str,
    params: dict[str, Any],
    queue: JobQueue | None,
) -> None:
    """An in-app notice for each user and, with a queue, an e-mail in their outbox.

    Call it inside the transaction of the change it tells of, and ``queue.deliver_outbox()``
    after it: the notices and e-mails commit with the change, and the outbox sends the
    e-mails.
    """
    if not users:
        return
    await Notification.bulk_create(
        [Notification(user=user, order=order, message=message, params=params) for user in users]
    )
    if queue is None:
        return
    text = translate(message, params)
    for user in users:
        await queue_email(to=user.email, subject=text, body=text)


async def mark_all_read(user_id: int) -> int:
    """Every unread notice of the user marked read now; how many were."""
    return await Notification.filter(user_id=user_id, read_at__isnull=True).update(read_at=now())
