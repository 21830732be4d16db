"""Account models.

Secrets are never stored: passwords as argon2 hashes, session ids, reset links and API
tokens as SHA-256 digests of high-entropy random values (a digest is enough for a value
nobody can guess; argon2 is for what people choose).
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from marketplace.catalog.models import Agency

__all__ = [
    "ApiToken",
    "Enterprise",
    "MemberRole",
    "PasswordReset",
    "Role",
    "SecurityEvent",
    "Session",
    "User",
    "UserRole",
]


class Role(StrEnum):
    ENTERPRISE = "enterprise"  # 项目业主: orders, pays, rates; belongs to one enterprise
    AGENCY = "agency"  # 中介机构 staff: acts for one agency
    REVIEWER = "reviewer"  # scores applications in the admission rounds assigned to them
    ADMIN = "admin"  # 政务服务管理办公室: runs the marketplace


class MemberRole(StrEnum):
    """A member's standing in their organisation (the enterprise or agency they act for)."""

    ADMINISTRATOR = "administrator"  # invites, gives roles and removes members
    HANDLER = "handler"  # 经办人: does the organisation's work, manages no one


class Enterprise(Model):
    """A company that hires agencies (项目业主), registered with its credit code."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=128)
    credit_code = fields.CharField(max_length=18, unique=True)
    contact_person = fields.CharField(max_length=64)
    phone = fields.CharField(max_length=32)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enterprise"


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)  # stored lower-cased
    name = fields.CharField(max_length=64)
    phone = fields.CharField(max_length=32, default="")
    password_hash = fields.CharField(max_length=256)
    is_active = fields.BooleanField(default=True)
    enterprise: fields.ForeignKeyNullableRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="users", null=True, on_delete=fields.RESTRICT
    )
    agency: fields.ForeignKeyNullableRelation[Agency] = fields.ForeignKeyField(
        "models.Agency", related_name="staff", null=True, on_delete=fields.RESTRICT
    )
    # Set exactly while the user is a member of ``enterprise`` or ``agency``
    # (marketplace.organisations): no standing, no membership.
    member_role: MemberRole | None = fields.CharEnumField(  # type: ignore[assignment]
        MemberRole, max_length=16, null=True
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    enterprise_id: int | None
    agency_id: int | None
    roles: fields.ReverseRelation[UserRole]

    class Meta:
        table = "user"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.email


class UserRole(Model):
    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="roles", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=16)
    granted_at = fields.DatetimeField(auto_now_add=True)

    user_id: int

    class Meta:
        table = "user_role"
        unique_together = (("user", "role"),)


class Session(Model):
    """A signed-in browser. The cookie carries the random id, the table keeps its digest."""

    id = fields.IntField(primary_key=True)
    key_digest = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=256, default="")

    user_id: int

    class Meta:
        table = "session"


class PasswordReset(Model):
    """A one-time password reset link, usable once, until it expires."""

    id = fields.IntField(primary_key=True)
    token_digest = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="password_resets", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "password_reset"


class ApiToken(Model):
    """A personal access token for programs, sent as ``Authorization: Bearer``."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=64)
    prefix = fields.CharField(max_length=12)  # shown in lists so people can tell tokens apart
    token_digest = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "api_token"
        ordering = ["-id"]


class SecurityEvent(Model):
    """One line of the append-only security log. Nothing updates or deletes these rows."""

    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    kind = fields.CharField(max_length=32, db_index=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="security_events", null=True, on_delete=fields.RESTRICT
    )
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="security_actions", null=True, on_delete=fields.RESTRICT
    )
    ip = fields.CharField(max_length=64, default="")
    detail: dict = fields.JSONField(default=dict)

    user_id: int | None
    actor_id: int | None

    class Meta:
        table = "security_event"
        ordering = ["-id"]
