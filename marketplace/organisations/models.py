"""Organisation models: invitations to join an enterprise or an agency, and the register
of an agency's licensed professionals (执业人员).

Membership itself is on the user (``User.enterprise`` or ``User.agency`` with
``User.member_role``): a user acts for one organisation at a time.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from marketplace.accounts.models import Enterprise, MemberRole, User
from marketplace.catalog.models import Agency

__all__ = ["MemberInvitation", "Professional"]


class MemberInvitation(Model):
    """A one-time link, e-mailed by an administrator, to join their organisation.

    The link carries a random token, the table keeps its SHA-256 digest. Exactly one of
    ``enterprise`` and ``agency`` is set.
    """

    id = fields.IntField(primary_key=True)
    token_digest = fields.CharField(max_length=64, unique=True)
    enterprise: fields.ForeignKeyNullableRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="member_invitations", null=True, on_delete=fields.CASCADE
    )
    agency: fields.ForeignKeyNullableRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="member_invitations", null=True, on_delete=fields.CASCADE
    )
    email = fields.CharField(max_length=254)  # lower-cased
    role = fields.CharEnumField(MemberRole, max_length=16)
    invited_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="invitations_sent", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    accepted_at = fields.DatetimeField(null=True)
    accepted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="invitations_accepted", null=True, on_delete=fields.SET_NULL
    )
    revoked_at = fields.DatetimeField(null=True)  # withdrawn, or replaced by a newer one

    enterprise_id: int | None
    agency_id: int | None
    invited_by_id: int
    accepted_by_id: int | None

    class Meta:
        table = "organisation_invitation"
        ordering = ["-id"]
        indexes = (("email",),)


class Professional(Model):
    """A licensed professional on an agency's register, who may be named on its orders.

    Taken off the register, a professional stays (``active`` false) so that the orders
    naming them still read.
    """

    id = fields.IntField(primary_key=True)
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="professionals", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=64)
    qualification = fields.CharField(max_length=128)  # e.g. 环境影响评价工程师
    certificate_no = fields.CharField(max_length=64)
    # The resident identity card number (GB 11643-1999), kept whole, shown masked.
    id_number = fields.CharField(max_length=18)
    active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    agency_id: int

    class Meta:
        table = "agency_professional"
        ordering = ["id"]
        unique_together = (("agency", "certificate_no"),)
