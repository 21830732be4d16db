"""The search outbox: one row per listing whose search document may have changed.

Rows are written in the same transaction as the change. Engines read them in id order
and remember how far they got (a cursor), so an engine that is down only falls behind,
and an embedded copy in each web process catches up on its own.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

__all__ = ["SearchCursor", "SearchOutbox"]


class SearchOutbox(Model):
    id = fields.BigIntField(primary_key=True)
    item_id = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "search_outbox"
        ordering = ["id"]


class SearchCursor(Model):
    """How far a shared engine (Meilisearch) has applied the outbox."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=32, unique=True)
    last_id = fields.BigIntField(default=0)

    class Meta:
        table = "search_cursor"
