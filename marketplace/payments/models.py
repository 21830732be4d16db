"""The payments domain's own table: the Stripe webhook events already applied."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

__all__ = ["StripeEvent"]


class StripeEvent(Model):
    """A Stripe webhook event already processed. Its id makes processing happen once."""

    id = fields.IntField(primary_key=True)
    event_id = fields.CharField(max_length=255, unique=True)
    type = fields.CharField(max_length=64)
    processed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stripe_event"
