"""A small world for order tests: the small catalogue, an enterprise, agency staff, an admin."""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.accounts.services import user_roles
from tests.accounts_helpers import make_user
from tests.factories import SmallCatalogue, small_catalogue

PROJECT_CODE = "2503-320902-89-01-000123"


@dataclass
class OrderWorld:
    catalogue: SmallCatalogue
    enterprise: User
    other_enterprise: User
    hengyuan_staff: User  # the agency of report_book (tiered) and lightning_check
    qinghe_staff: User  # the agency of report_form (fixed)
    admin: User


async def as_current(user: User) -> CurrentUser:
    return CurrentUser(user, frozenset(await user_roles(user)))


async def order_world() -> OrderWorld:
    catalogue = await small_catalogue()
    return OrderWorld(
        catalogue=catalogue,
        enterprise=await make_user("buyer@example.com", Role.ENTERPRISE, name="买方"),
        other_enterprise=await make_user("other@example.com", Role.ENTERPRISE, name="他方"),
        hengyuan_staff=await make_user(
            "hy@example.com", Role.AGENCY, agency=catalogue.hengyuan, name="衡远"
        ),
        qinghe_staff=await make_user(
            "qh@example.com", Role.AGENCY, agency=catalogue.qinghe, name="青禾"
        ),
        admin=await make_user("admin@example.com", Role.ADMIN, name="管理员"),
    )
