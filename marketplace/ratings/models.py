"""A rating: one per completed order, by its enterprise, five dimensions from 1 to 5."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import Enterprise, User
from marketplace.catalog.models import Agency, ServiceItem
from marketplace.orders.models import Order

__all__ = ["DIMENSIONS", "Rating", "RatingStat", "star_of"]

# The five dimensions, in the order shown: 服务质量, 服务时效, 服务态度, 收费规范, 执业规范.
DIMENSIONS = ("quality", "timeliness", "attitude", "fee_compliance", "conduct")


class Rating(Model):
    id = fields.IntField(primary_key=True)
    # One rating per order, enforced by the database: two submissions at once give one row.
    order: fields.OneToOneRelation[Order] = fields.OneToOneField(
        "models.Order", related_name="rating", on_delete=fields.RESTRICT
    )
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="ratings", on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="ratings", on_delete=fields.RESTRICT
    )
    item: fields.ForeignKeyRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="ratings", on_delete=fields.RESTRICT
    )
    quality = fields.SmallIntField()
    timeliness = fields.SmallIntField()
    attitude = fields.SmallIntField()
    fee_compliance = fields.SmallIntField()
    conduct = fields.SmallIntField()
    comment = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    reply = fields.TextField(null=True)  # the agency's one public reply
    replied_at = fields.DatetimeField(null=True)
    replied_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="rating_replies", null=True, on_delete=fields.RESTRICT
    )
    comment_hidden = fields.BooleanField(default=False)  # scores always count and show
    hidden_reason = fields.TextField(default="")
    hidden_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="ratings_hidden", null=True, on_delete=fields.RESTRICT
    )
    hidden_at = fields.DatetimeField(null=True)

    order_id: int
    agency_id: int
    item_id: int
    enterprise_id: int

    class Meta:
        table = "rating"
        ordering = ["-id"]
        indexes = (("agency_id", "created_at"), ("item_id", "created_at"))

    @property
    def overall(self) -> float:
        return sum(getattr(self, d) for d in DIMENSIONS) / len(DIMENSIONS)


def star_of(total: int) -> int:
    """The overall stars (1-5, rounded half up) of a rating whose five scores sum to ``total``."""
    return min(5, max(1, int(total / len(DIMENSIONS) + 0.5)))


class RatingStat(Model):
    """The running sums of one agency's or one item's ratings.

    Updated in the transaction that writes each rating, so a profile reads one row
    instead of every rating: the count, the sum of each dimension, and the ratings per
    overall star. Hiding a comment changes no score, so nothing here.
    """

    id = fields.IntField(primary_key=True)
    scope = fields.CharField(max_length=8)  # agency | item
    scope_id = fields.IntField()
    ratings = fields.IntField(default=0)
    quality = fields.IntField(default=0)
    timeliness = fields.IntField(default=0)
    attitude = fields.IntField(default=0)
    fee_compliance = fields.IntField(default=0)
    conduct = fields.IntField(default=0)
    stars_1 = fields.IntField(default=0)
    stars_2 = fields.IntField(default=0)
    stars_3 = fields.IntField(default=0)
    stars_4 = fields.IntField(default=0)
    stars_5 = fields.IntField(default=0)

    class Meta:
        table = "rating_stat"
        unique_together = (("scope", "scope_id"),)
