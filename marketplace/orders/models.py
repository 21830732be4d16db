"""Order models. Event and message rows are append-only: nothing updates or deletes them."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import Enterprise, User
from marketplace.catalog.models import Agency, ApprovalItem, ServiceItem, ServiceItemVersion

if TYPE_CHECKING:
    from marketplace.organisations.models import Professional

__all__ = [
    "Order",
    "OrderEvent",
    "OrderEventName",
    "OrderFile",
    "OrderMessage",
    "OrderMonth",
    "OrderState",
    "PaymentStatus",
    "PromiseBucket",
]


class OrderState(StrEnum):
    PLACED = "placed"  # sent by the enterprise, waiting for the agency
    DECLINED = "declined"  # the agency said no (final)
    CANCELLED = "cancelled"  # withdrawn before acceptance, or ended by a resolved dispute (final)
    IN_SERVICE = "in_service"  # accepted: the clock runs
    AWAITING_MATERIALS = "awaiting_materials"  # the agency waits for the enterprise: clock paused
    DELIVERED = "delivered"  # result delivered: the clock stopped, the enterprise answers
    COMPLETED = "completed"  # delivery confirmed (by the enterprise or automatically)
    RATED = "rated"  # rated by the enterprise (ratings issue)
    DISPUTED = "disputed"  # a complaint is open: the administrator resolves it


class OrderEventName(StrEnum):
    """What a line of an order's log records (``OrderEvent.action``); each has a label in
    ``marketplace.orders.labels.EVENT_LABELS``. The transitions' names are among them."""

    PLACE = "place"
    ACCEPT = "accept"
    DECLINE = "decline"
    CANCEL = "cancel"
    PAUSE = "pause"
    RESUME = "resume"
    DELIVER = "deliver"
    CONFIRM = "confirm"
    SEND_BACK = "send_back"
    COMPLAIN = "complain"
    RESOLVE = "resolve"
    AUTO_CONFIRM = "auto_confirm"
    RATE = "rate"
    RECORD_PAYMENT = "record_payment"  # the agency received the fee offline
    PAID_ONLINE = "paid_online"  # Stripe said the checkout was paid
    PAYMENT_MISMATCH = "payment_mismatch"  # Stripe was paid another amount than quoted
    REFUNDED = "refunded"
    MARK_OVERDUE = "mark_overdue"  # the sweep saw the deadline pass
    REMIND = "remind"  # the sweep reminded the agency of the deadline


class PaymentStatus(StrEnum):
    UNPAID = "unpaid"
    PAID = "paid"
    REFUNDED = "refunded"


class Order(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True, null=True)  # set right after insert
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="orders", on_delete=fields.RESTRICT
    )
    placed_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="orders_placed", on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="orders", on_delete=fields.RESTRICT
    )
    item: fields.ForeignKeyRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="orders", on_delete=fields.RESTRICT
    )
    item_version: fields.ForeignKeyRelation[ServiceItemVersion] = fields.ForeignKeyField(
        "models.ServiceItemVersion", related_name="orders", on_delete=fields.RESTRICT
    )
    # The approval the ordered service is for (one of its category's), when the buyer says.
    approval_item: fields.ForeignKeyNullableRelation[ApprovalItem] = fields.ForeignKeyField(
        "models.ApprovalItem", related_name="orders", null=True, on_delete=fields.RESTRICT
    )
    # The licensed professional the agency named responsible when it accepted the order
    # (marketplace.organisations), from its register.
    professional: fields.ForeignKeyNullableRelation[Professional] = fields.ForeignKeyField(
        "models.Professional", related_name="orders", null=True, on_delete=fields.RESTRICT
    )
    idempotency_key = fields.CharField(max_length=100)
    project_name = fields.CharField(max_length=200)
    project_code = fields.CharField(max_length=24)
    base_amount = fields.CharField(max_length=32, null=True)  # as typed, parsed by catalog.fees
    quoted_low_fen = fields.BigIntField()
    quoted_high_fen = fields.BigIntField()
    # The adjustment factor values the quote used: factor key → {option, value, name, label}
    # (catalog.fees.ChosenFactor.record), so the order reads without its item version.
    fee_factors: dict = fields.JSONField(default=dict)
    note = fields.TextField(default="")
    state = fields.CharEnumField(
        OrderState, max_length=24, default=OrderState.PLACED, db_index=True
    )
    state_before_dispute = fields.CharEnumField(OrderState, max_length=24, null=True)
    # Bumped by every change: a transition updates only the version it read, so of two
    # people acting at once exactly one wins.
    version = fields.IntField(default=0)
    time_limit_days = fields.IntField()  # frozen from the item version ordered
    accepted_on = fields.DateField(null=True)  # the clock starts the day after
    paused_since = fields.DateField(null=True)
    paused_days = fields.IntField(default=0)  # working days spent waiting for materials
    deadline = fields.DateField(null=True, db_index=True)
    delivered_on = fields.DateField(null=True)
    # Set with delivered_on from the clock (and cleared with it by a send-back), so that
    # promise-keeping is counted without running the clock over an agency's history.
    days_used = fields.IntField(null=True)
    on_time = fields.BooleanField(null=True)
    completed_on = fields.DateField(null=True)
    overdue_marked_at = fields.DatetimeField(null=True)
    reminded_at = fields.DatetimeField(null=True)
    payment_status = fields.CharEnumField(
        PaymentStatus, max_length=16, default=PaymentStatus.UNPAID
    )
    paid_fen = fields.BigIntField(null=True)
    paid_at = fields.DatetimeField(null=True)
    payment_method = fields.CharField(max_length=16, default="")  # offline | stripe
    stripe_session_id = fields.CharField(max_length=255, null=True, unique=True)
    stripe_payment_intent = fields.CharField(max_length=255, null=True)
    refund_id = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    enterprise_id: int
    agency_id: int
    item_id: int
    item_version_id: int
    approval_item_id: int | None
    professional_id: int | None
    placed_by_id: int
    events: fields.ReverseRelation[OrderEvent]

    class Meta:
        table = "service_order"  # "order" is an SQL keyword
        ordering = ["-id"]
        unique_together = (("enterprise", "idempotency_key"),)
        indexes = (("agency_id", "state"), ("enterprise_id", "state"))


class OrderEvent(Model):
    """One line of an order's log: who did what, when and why."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.RESTRICT
    )
    at = fields.DatetimeField(auto_now_add=True)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="order_events", null=True, on_delete=fields.RESTRICT
    )  # None: the system (a job)
    action = fields.CharField(max_length=32)
    from_state = fields.CharField(max_length=24, default="")
    to_state = fields.CharField(max_length=24, default="")
    reason = fields.TextField(default="")
    detail: dict = fields.JSONField(default=dict)

    order_id: int
    actor_id: int | None

    class Meta:
        table = "order_event"
        ordering = ["id"]


class OrderMessage(Model):
    """A message in an order's conversation between the enterprise and the agency."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="messages", on_delete=fields.RESTRICT
    )
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="order_messages", on_delete=fields.RESTRICT
    )
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    order_id: int
    author_id: int

    class Meta:
        table = "order_message"
        ordering = ["id"]


class OrderFile(Model):
    """A file kept with an order: the request's attachments, a message's, or the delivery."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="files", on_delete=fields.RESTRICT
    )
    message: fields.ForeignKeyNullableRelation[OrderMessage] = fields.ForeignKeyField(
        "models.OrderMessage", related_name="files", null=True, on_delete=fields.RESTRICT
    )
    uploaded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="order_files", on_delete=fields.RESTRICT
    )
    purpose = fields.CharField(max_length=16)  # request | message | delivery
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=64)
    size_bytes = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)

    order_id: int
    message_id: int | None

    class Meta:
        table = "order_file"
        ordering = ["id"]


class PromiseBucket(Model):
    """How many delivered orders of one agency or item used so many working days.

    One row per (scope, scope id, working days used, on time): a delivery adds one to its
    row and a send-back takes it off again, in the transaction of the transition, so an
    agency's promise-keeping (delivered, on time, median days used) reads a handful of rows
    at any history's length.
    """

    id = fields.IntField(primary_key=True)
    scope = fields.CharField(max_length=8)  # agency | item
    scope_id = fields.IntField()
    days_used = fields.IntField()
    on_time = fields.BooleanField()
    orders = fields.IntField(default=0)

    class Meta:
        table = "promise_bucket"
        unique_together = (("scope", "scope_id", "days_used", "on_time"),)


class OrderMonth(Model):
    """One category's order figures of one Beijing month, as the statistics count them.

    ``placed``, ``ended`` and ``completed`` belong to the month the orders were placed in,
    ``delivered``, ``on_time``, ``days_used`` and ``days_committed`` to the month they were
    delivered in, ``ratings`` and ``rating_points`` to the month the ratings were given.
    Every placement, transition and rating adds its change to its row in its own
    transaction (``orders.monthly``), so the dashboard reads a few hundred rows for a
    period of any history's length, and they always equal a recount of the orders.

    A category's month is kept in up to ``monthly.SHARDS`` rows (``shard``, chosen from
    the order's id): each change locks its own shard's row until its commit, so
    concurrent placements in one category do not queue on one row. Readers sum the shards.
    """

    id = fields.IntField(primary_key=True)
    category_id = fields.IntField()
    month = fields.IntField()  # year * 100 + month: 202603 is March 2026
    shard = fields.SmallIntField(default=0)  # order id % monthly.SHARDS; a recount writes 0
    placed = fields.IntField(default=0)
    ended = fields.IntField(default=0)  # of those placed: completed, rated, declined, cancelled
    completed = fields.IntField(default=0)  # of those placed: completed or rated
    delivered = fields.IntField(default=0)  # accepted orders delivered this month
    on_time = fields.IntField(default=0)  # of those: delivered by their deadline
    days_used = fields.IntField(default=0)  # their working days used, summed
    days_committed = fields.IntField(default=0)  # their time limits, summed
    ratings = fields.IntField(default=0)
    rating_points = fields.IntField(default=0)  # every dimension score of those, summed

    class Meta:
        table = "order_month"
        unique_together = (("category_id", "month", "shard"),)
