"""Which orders a user may see: one rule, used by every page and API route.

Every member of an enterprise sees the enterprise's orders, every member of an agency
the agency's, and an administrator all. Membership is the one rule of
``marketplace.organisations.membership``: the role, the link and a standing in the
organisation, so a removed member or one whose role was revoked keeps no view of its
orders, whatever is still stored in ``enterprise_id`` or ``agency_id``.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role
from marketplace.orders.models import Order
from marketplace.organisations.membership import agency_of, enterprise_of

__all__ = ["parties_filter", "visible_orders"]


def parties_filter(user: CurrentUser) -> Q:
    """Rows whose ``enterprise_id`` or ``agency_id`` is an organisation the user is a
    member of.

    Orders and complaints both carry the two columns; complaints use the same filter
    (``marketplace.complaints.visibility``), so the two rules cannot drift apart.
    """
    mine = Q(id=-1)  # matches nothing; widened by each membership
    if (enterprise_id := enterprise_of(user)) is not None:
        mine |= Q(enterprise_id=enterprise_id)
    if (agency_id := agency_of(user)) is not None:
        mine |= Q(agency_id=agency_id)
    return mine


def visible_orders(user: CurrentUser) -> QuerySet[Order]:
    """The orders ``user`` may list and open."""
    if Role.ADMIN in user.roles:
        return Order.all()
    return Order.filter(parties_filter(user))
