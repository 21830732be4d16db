"""E-mail: every message is kept in the outbox table, then sent by a job when SMTP is set.

The message and the job that sends it are written in the transaction of the change that
causes them (``marketplace.core.outbox``), and the job outbox retries a mail server that is down.
"""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any
from urllib.parse import unquote, urlsplit

import aiosmtplib
from tortoise import fields
from tortoise.models import Model

from marketplace.core import clock
from marketplace.core.outbox import add_job

__all__ = ["OutboxEmail", "queue_email", "send_email"]


class OutboxEmail(Model):
    """Every e-mail the marketplace sends. With no SMTP_URL set, this table is the mailbox."""

    id = fields.IntField(primary_key=True)
    to = fields.CharField(max_length=254)
    subject = fields.CharField(max_length=256)
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)  # handed to the SMTP server
    error = fields.TextField(default="")

    class Meta:
        table = "outbox_email"
        ordering = ["-id"]


_FROM_ADDRESS = "noreply@marketplace.invalid"
_SMTP_TIMEOUT_S = 30


async def queue_email(*, to: str, subject: str, body: str) -> OutboxEmail:
    """Keep the message in the outbox with the job that sends it: call inside the
    transaction of the change it tells of, then ``JobQueue.deliver_outbox`` after it."""
    email = await OutboxEmail.create(to=to, subject=subject, body=body)
    await add_job("send_email", email.id)
    return email


async def send_email(ctx: dict[str, Any], email_id: int) -> str:
    """Send outbox message ``email_id`` over SMTP, once; without SMTP_URL it stays in the outbox.

    A mail server that cannot be reached raises (after keeping the error on the message),
    so that the job outbox tries again later.
    """
    email = await OutboxEmail.get_or_none(id=email_id)
    if email is None or email.sent_at is not None:
        return "nothing to do"
    smtp_url = ctx["settings"].smtp_url
    if smtp_url is None:
        return "kept in the outbox"
    url = urlsplit(smtp_url)
    message = EmailMessage()
    message["From"] = _FROM_ADDRESS
    message["To"] = email.to
    message["Subject"] = email.subject
    message.set_content(email.body)
    try:
        await aiosmtplib.send(
            message,
            hostname=url.hostname,
            port=url.port or (465 if url.scheme == "smtps" else 25),
            username=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
            use_tls=url.scheme == "smtps",
            start_tls=True if url.scheme == "smtp+starttls" else None,
            timeout=_SMTP_TIMEOUT_S,
        )
    except (aiosmtplib.SMTPException, OSError) as exc:
        email.error = str(exc)[:1000]
        await email.save(update_fields=["error"])
        raise
    await OutboxEmail.filter(id=email.id, sent_at__isnull=True).update(
        sent_at=clock.now(), error=""
    )
    return "sent"
