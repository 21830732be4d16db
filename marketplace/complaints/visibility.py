"""Which complaints a user may see: the enterprise that lodged it, the agency it is about
(by the same role-checked filter as orders) and the office."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.complaints.models import Complaint
from marketplace.orders.visibility import parties_filter

__all__ = ["visible_complaints"]


def visible_complaints(user: CurrentUser) -> QuerySet[Complaint]:
    """The complaints ``user`` may list and open: the office sees every one."""
    if Role.ADMIN in user.roles:
        return Complaint.all()
    return Complaint.filter(parties_filter(user))
