"""Who is a member of which organisation: the one rule every visibility check and every
notice builds on.

A user is a member of an enterprise while they hold the enterprise role, are linked to
the enterprise and have a standing in it (``User.member_role``); the same for an agency
with the agency role. Any one of the three missing (a removed member, a revoked role)
and the user acts for no organisation, whatever else is still stored.
"""

from __future__ import annotations

from tortoise.queryset import QuerySet

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import MemberRole, Role, User

__all__ = ["agency_of", "enterprise_of", "is_administrator", "members"]


def enterprise_of(user: CurrentUser) -> int | None:
    """The id of the enterprise ``user`` is a member of, if any."""
    if (
        Role.ENTERPRISE in user.roles
        and user.user.enterprise_id is not None
        and user.user.member_role is not None
    ):
        return user.user.enterprise_id
    return None


def agency_of(user: CurrentUser) -> int | None:
    """The id of the agency ``user`` is a member of, if any."""
    if (
        Role.AGENCY in user.roles
        and user.user.agency_id is not None
        and user.user.member_role is not None
    ):
        return user.user.agency_id
    return None


def is_administrator(user: CurrentUser) -> bool:
    """Whether ``user`` administers the organisation they are a member of."""
    in_one = enterprise_of(user) is not None or agency_of(user) is not None
    return in_one and user.user.member_role is MemberRole.ADMINISTRATOR


def members(
    *, enterprise_id: int | None = None, agency_id: int | None = None, active: bool = True
) -> QuerySet[User]:
    """The members of one enterprise or one agency, by the same rule as ``enterprise_of``
    and ``agency_of``; ``active`` only those who can sign in."""
    if (enterprise_id is None) == (agency_id is None):
        raise ValueError("name one enterprise or one agency")
    if enterprise_id is not None:
        query = User.filter(enterprise_id=enterprise_id, roles__role=Role.ENTERPRISE)
    else:
        query = User.filter(agency_id=agency_id, roles__role=Role.AGENCY)
    query = query.filter(member_role__isnull=False)
    return query.filter(is_active=True) if active else query
