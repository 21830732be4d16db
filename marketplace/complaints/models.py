"""A complaint about an order or an agency, its answer and the enterprise's verdict on it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import Enterprise, User
from marketplace.catalog.models import Agency
from marketplace.orders.models import Order

__all__ = ["Complaint", "ComplaintFile", "ComplaintState"]


class ComplaintState(StrEnum):
    OPEN = "open"  # received: the office must answer by due_on
    ANSWERED = "answered"  # answered: the enterprise is asked whether it is satisfied
    CLOSED = "closed"  # the enterprise said whether it is satisfied


class Complaint(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True, null=True)  # set right after insert
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="complaints", on_delete=fields.RESTRICT
    )
    lodged_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="complaints_lodged", on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="complaints", on_delete=fields.RESTRICT
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="complaints", null=True, on_delete=fields.RESTRICT
    )
    # The order's id while this complaint is open, else null: the unique key lets an order
    # have one open complaint at a time, also when two are lodged at once.
    open_on_order = fields.IntField(null=True, unique=True)
    # The form's token: a form sent twice lodges one complaint.
    idempotency_key = fields.CharField(max_length=100)
    topic = fields.CharField(max_length=32)  # a key of complaints.services.TOPICS
    description = fields.TextField()
    state = fields.CharEnumField(
        ComplaintState, max_length=16, default=ComplaintState.OPEN, db_index=True
    )
    received_on = fields.DateField(db_index=True)
    due_on = fields.DateField()  # the 5th working day after it was received
    reminded_at = fields.DatetimeField(null=True)  # the office was reminded of the due day
    answer = fields.TextField(default="")
    outcome = fields.CharField(max_length=16, default="")  # resume | cancel, for a disputed order
    answered_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="complaints_answered", null=True, on_delete=fields.RESTRICT
    )
    answered_on = fields.DateField(null=True)
    answered_at = fields.DatetimeField(null=True)
    satisfied = fields.BooleanField(null=True)  # the enterprise's verdict on the handling
    feedback = fields.TextField(default="")
    feedback_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    enterprise_id: int
    lodged_by_id: int
    agency_id: int
    order_id: int | None
    answered_by_id: int | None

    class Meta:
        table = "complaint"
        ordering = ["-id"]
        unique_together = (("enterprise", "idempotency_key"),)
        indexes = (("agency_id", "received_on"),)


class ComplaintFile(Model):
    """Evidence the enterprise attached to its complaint (a PDF or an image)."""

    id = fields.IntField(primary_key=True)
    complaint: fields.ForeignKeyRelation[Complaint] = fields.ForeignKeyField(
        "models.Complaint", related_name="files", on_delete=fields.RESTRICT
    )
    uploaded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="complaint_files", on_delete=fields.RESTRICT
    )
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=64)  # checked by content (marketplace.core.uploads)
    size_bytes = fields.IntField()
    sha256 = fields.CharField(max_length=64)  # where the bytes are kept (uploads.stored_path)
    created_at = fields.DatetimeField(auto_now_add=True)

    complaint_id: int

    class Meta:
        table = "complaint_file"
        ordering = ["id"]
