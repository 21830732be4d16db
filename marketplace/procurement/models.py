"""Purchase request models. Event rows are append-only: they are the public history."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import Enterprise, User
from marketplace.catalog.models import Agency, ApprovalItem, Category, ServiceItem
from marketplace.orders.models import Order
from marketplace.procurement.methods import Funding, Method

__all__ = ["PurchaseEvent", "PurchaseRequest", "PurchaseState", "Registration"]


class PurchaseState(StrEnum):
    OPEN = "open"  # announced: eligible agencies register (and quote) until the deadline
    SELECTED = "selected"  # the result notice is out: owner and winner confirm a contract
    FAILED = "failed"  # too few entries (流标): may be re-published in one step (final)
    CONTRACTED = "contracted"  # both confirmed: the contract became an order (final)
    CANCELLED = "cancelled"  # withdrawn by the owner before the selection (final)
    VOIDED = "voided"  # voided by the service office, with its reason (final)


class PurchaseRequest(Model):
    """A purchase announcement (采购公告) of one enterprise for one category."""

    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True, null=True)  # set right after insert
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="purchase_requests", on_delete=fields.RESTRICT
    )
    created_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="purchase_requests", on_delete=fields.RESTRICT
    )
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="purchase_requests", on_delete=fields.RESTRICT
    )
    approval_item: fields.ForeignKeyNullableRelation[ApprovalItem] = fields.ForeignKeyField(
        "models.ApprovalItem",
        related_name="purchase_requests",
        null=True,
        on_delete=fields.RESTRICT,
    )
    republished_from: fields.ForeignKeyNullableRelation[PurchaseRequest] = fields.ForeignKeyField(
        "models.PurchaseRequest",
        related_name="republications",
        null=True,
        on_delete=fields.RESTRICT,
    )
    project_name = fields.CharField(max_length=200)
    project_code = fields.CharField(max_length=24)
    work = fields.TextField()  # the service wanted
    qualifications = fields.TextField(default="")  # required of the agency
    time_limit_days = fields.IntField()  # working days, becomes the order's time limit
    funding = fields.CharEnumField(Funding, max_length=8)
    ceiling_fen = fields.BigIntField()  # below 100 万元 (必须招标的工程项目规定 第五条)
    floor_fen = fields.BigIntField(default=0)
    method = fields.CharEnumField(Method, max_length=8)
    # merit: [{"name": ..., "weight": percent}], weights adding up to 100
    criteria: list = fields.JSONField(default=list)
    excluded_agency_ids: list = fields.JSONField(default=list)  # 回避
    registration_days = fields.IntField()  # working days from publication
    published_on = fields.DateField()
    deadline = fields.DateField(db_index=True)  # registration and quotes close at its end
    seed_hex = fields.CharField(max_length=64)  # secret until the selection
    seed_sha256 = fields.CharField(max_length=64)  # published at once
    state = fields.CharEnumField(
        PurchaseState, max_length=12, default=PurchaseState.OPEN, db_index=True
    )
    # Bumped by every change: a change updates only the version it read, so of two
    # selections started at once exactly one wins.
    version = fields.IntField(default=0)
    selected_on = fields.DateField(null=True)
    outcome: dict = fields.JSONField(default=dict)  # draw.Outcome.record() and the reason
    # The winning Registration's id: a plain integer, as a foreign key would close a cycle
    # (registrations point here) that schema generation refuses.
    winner_id = fields.IntField(null=True)
    contract_fen = fields.BigIntField(null=True)
    # The signed contract (PDF, checked by content), attached by the party that confirms
    # first and confirmed as it is by the other; its bytes are kept by digest
    # (``core.uploads.stored_path``) and shown to the two parties and the office only.
    contract_sha256 = fields.CharField(max_length=64, null=True)
    contract_name = fields.CharField(max_length=120, null=True)
    # The API's Idempotency-Key of the announcement: unique per enterprise, so that the
    # same key sent twice at once announces one request.
    announce_key = fields.CharField(max_length=100, null=True)
    owner_confirmed_at = fields.DatetimeField(null=True)
    agency_confirmed_at = fields.DatetimeField(null=True)
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="purchase_requests", null=True, on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    enterprise_id: int
    created_by_id: int
    category_id: int
    approval_item_id: int | None
    republished_from_id: int | None
    order_id: int | None
    registrations: fields.ReverseRelation[Registration]
    events: fields.ReverseRelation[PurchaseEvent]

    class Meta:
        table = "purchase_request"
        ordering = ["-id"]
        indexes = (("enterprise_id", "state"),)
        unique_together = (("enterprise", "announce_key"),)


class Registration(Model):
    """An agency's registration for a request, with its receipt and sealed quote."""

    id = fields.IntField(primary_key=True)
    request: fields.ForeignKeyRelation[PurchaseRequest] = fields.ForeignKeyField(
        "models.PurchaseRequest", related_name="registrations", on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="purchase_registrations", on_delete=fields.RESTRICT
    )
    item: fields.ForeignKeyRelation[ServiceItem] = fields.ForeignKeyField(
        "models.ServiceItem", related_name="purchase_registrations", on_delete=fields.RESTRICT
    )  # the agency's listing in the category: the order is placed on it
    registered_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="purchase_registrations", on_delete=fields.RESTRICT
    )
    receipt = fields.CharField(max_length=16, unique=True)  # secrets.token_hex(8)
    quote_fen = fields.BigIntField(null=True)  # sealed until the deadline
    quoted_at = fields.DatetimeField(null=True)
    scores: dict = fields.JSONField(default=dict)  # merit: criterion index → 0-100
    score = fields.IntField(null=True)  # merit: weighted total, hundredths of a point
    created_at = fields.DatetimeField(auto_now_add=True)

    request_id: int
    agency_id: int
    item_id: int
    registered_by_id: int

    class Meta:
        table = "purchase_registration"
        ordering = ["receipt"]  # the published order
        unique_together = (("request", "agency"),)


class PurchaseEvent(Model):
    """One line of a request's public history: announcement, correction, result…"""

    id = fields.IntField(primary_key=True)
    request: fields.ForeignKeyRelation[PurchaseRequest] = fields.ForeignKeyField(
        "models.PurchaseRequest", related_name="events", on_delete=fields.RESTRICT
    )
    at = fields.DatetimeField(auto_now_add=True)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="purchase_events", null=True, on_delete=fields.RESTRICT
    )
    kind = fields.CharField(max_length=16, db_index=True)  # labels.EVENT_LABELS
    text = fields.TextField(default="")  # a correction's or a reason's words
    detail: dict = fields.JSONField(default=dict)

    request_id: int
    actor_id: int | None

    class Meta:
        table = "purchase_event"
        ordering = ["id"]
