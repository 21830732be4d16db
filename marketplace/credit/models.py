"""A credit record: one violation or commendation of an agency. Append-only."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import User
from marketplace.catalog.models import Agency

__all__ = ["CreditRecord", "CreditRecordFile"]


class CreditRecord(Model):
    id = fields.IntField(primary_key=True)
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="credit_records", on_delete=fields.RESTRICT
    )
    reason = fields.CharField(max_length=32)  # a key of credit.rules.REASONS
    kind = fields.CharField(max_length=16)  # violation | commendation
    description = fields.TextField()
    evidence = fields.TextField(default="")
    occurred_on = fields.DateField()
    points = fields.IntField()  # negative for a violation
    suspended_until = fields.DateField(null=True)  # no new orders until this day, inclusive
    recorded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="credit_records", on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    agency_id: int

    class Meta:
        table = "credit_record"
        ordering = ["-occurred_on", "-id"]


class CreditRecordFile(Model):
    """Evidence the office attached to a credit record (a PDF or an image)."""

    id = fields.IntField(primary_key=True)
    record: fields.ForeignKeyRelation[CreditRecord] = fields.ForeignKeyField(
        "models.CreditRecord", related_name="files", on_delete=fields.RESTRICT
    )
    uploaded_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="credit_record_files", on_delete=fields.RESTRICT
    )
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=64)  # checked by content (marketplace.core.uploads)
    size_bytes = fields.IntField()
    sha256 = fields.CharField(max_length=64)  # where the bytes are kept (uploads.stored_path)
    created_at = fields.DatetimeField(auto_now_add=True)

    record_id: int

    class Meta:
        table = "credit_record_file"
        ordering = ["id"]
