"""Which orders a user may see: one rule, used by every page and API route.

An enterprise user sees its enterprise's orders, agency staff their agency's, and an
administrator all. Each widening needs the role *and* the link to the enterprise or
agency: a user whose agency role was revoked keeps no view of that agency's orders,
whatever is still stored in ``agency_id``.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.orders.models import Order

__all__ = ["parties_filter", "visible_orders"]


def parties_filter(user: CurrentUser) -> Q:
    """Rows whose ``enterprise_id`` or ``agency_id`` is the user's, by the roles held.

    Orders and complaints both carry the two columns; complaints use the same filter
    (``marketplace.complaints.visibility``), so the two rules cannot drift apart.
    """
    mine = Q(id=-1)  # matches nothing; widened by each role the user holds
    if Role.ENTERPRISE in user.roles and user.user.enterprise_id is not None:
        mine |= Q(enterprise_id=user.user.enterprise_id)
    if Role.AGENCY in user.roles and user.user.agency_id is not None:
        mine |= Q(agency_id=user.user.agency_id)
    return mine


def visible_orders(user: CurrentUser) -> QuerySet[Order]:
    """The orders ``user`` may list and open."""
    if Role.ADMIN in user.roles:
        return Order.all()
    return Order.filter(parties_filter(user))
