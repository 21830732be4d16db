"""E-mail: every message is kept in the outbox table, then sent by a job when SMTP is set."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from typing import Any
from urllib.parse import unquote, urlsplit

import aiosmtplib
from arq import Retry

from marketplace.accounts.models import OutboxEmail
from marketplace.jobs import JobQueue, job

__all__ = ["queue_email", "send_email"]

_FROM_ADDRESS = "noreply@marketplace.invalid"
_SMTP_TIMEOUT_S = 30
# A mail server that is down for a while gets 5 tries, 1, 2, 3 and 4 minutes apart.
_SEND_ATTEMPTS = 5
_RETRY_STEP_S = 60


async def queue_email(queue: JobQueue, *, to: str, subject: str, body: str) -> OutboxEmail:
    """Keep the message in the outbox and ask a job to send it."""
    email = await OutboxEmail.create(to=to, subject=subject, body=body)
    await queue.enqueue("send_email", email.id, job_id=f"send_email:{email.id}")
    return email


@job
async def send_email(ctx: dict[str, Any], email_id: int) -> str:
    """Send outbox message ``email_id`` over SMTP, once; without SMTP_URL it stays in the outbox."""
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
        attempt = int(ctx.get("job_try", 1))
        if attempt < _SEND_ATTEMPTS:
            raise Retry(defer=attempt * _RETRY_STEP_S) from exc
        raise
    email.sent_at = dt.datetime.now(dt.UTC)
    await email.save(update_fields=["sent_at"])
    return "sent"
