"""The demo's organisations: a second member and an open invitation for a demo enterprise
and a demo agency, and a few licensed professionals on each demo agency's register.

Made through the services, after the demo activity (``catalog.demo_activity``), so the
activity's pinned figures stay as they were: its orders were accepted before any agency
had a register. Every person, address and identity card number is fictional (the
numbers are built with the GB 11643 check character so the register accepts them).
"""

from __future__ import annotations

import datetime as dt
import secrets

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import Role, User
from marketplace.accounts.services import user_roles
from marketplace.codes import resident_id_check_character
from marketplace.organisations import services

__all__ = ["seed_organisations"]

# The accept link in the demo's e-mails: the demo's own address, never a real site.
_DEMO_ACCEPT_URL = "http://127.0.0.1:8000/invitations/{token}"
_QUALIFICATIONS = (
    "环境影响评价工程师",
    "注册安全工程师",
    "注册测绘师",
    "注册造价工程师",
    "一级注册建造师",
    "注册岩土工程师",
)
_NAMES = [
    "王敏",
    "李强",
    "张伟",
    "刘洋",
    "陈静",
    "杨磊",
    "赵丽",
    "黄勇",
    "周婷",
    "吴刚",
    "徐娜",
    "孙浩",
]
# 盐城市 districts, the demo's city (marketplace/data/divisions.tsv)
_DIVISIONS = ("320902", "320903", "320904", "320921", "320922", "320923")


def _id_number(serial: int) -> str:
    """A fictional but well-formed resident identity card number."""
    born = dt.date(1970, 1, 1) + dt.timedelta(days=serial * 997 % 9000)
    first17 = f"{_DIVISIONS[serial % len(_DIVISIONS)]}{born:%Y%m%d}{serial * 37 % 1000:03d}"
    return first17 + resident_id_check_character(first17)


async def _current(user: User) -> CurrentUser:
    return CurrentUser(user, frozenset(await user_roles(user)))


async def _second_member(admin: User, email: str, name: str, still_open: str) -> None:
    """``admin``'s organisation gets a handler who accepted, and an invitation still open."""
    actor = await _current(admin)
    invited = await services.invite(actor, email=email, role="handler", accept_url=_DEMO_ACCEPT_URL)
    # nobody knows this password: the demo's people exist for what they did
    await services.accept_invitation(
        token=invited.token, name=name, password=secrets.token_urlsafe(24)
    )
    await services.invite(actor, email=still_open, role="handler", accept_url=_DEMO_ACCEPT_URL)


async def seed_organisations() -> None:
    """Add the demo's members, invitations and professionals (after the demo activity)."""
    enterprise_admin = await User.filter(email="demo.enterprise01@example.com").first()
    if enterprise_admin is not None:
        await _second_member(
            enterprise_admin,
            "demo.enterprise01.handler@example.com",
            "钱晓梅",
            "demo.enterprise01.invited@example.com",
        )
    staff = await User.filter(roles__role=Role.AGENCY, email__startswith="demo.agency").order_by(
        "agency_id"
    )
    if staff:
        first = staff[0]
        await _second_member(
            first,
            f"demo.agency{first.agency_id:02d}.handler@example.com",
            "孙立新",
            f"demo.agency{first.agency_id:02d}.invited@example.com",
        )
    serial = 0
    for member in staff:
        actor = await _current(member)
        for _ in range(3):
            serial += 1
            await services.add_professional(
                actor,
                name=_NAMES[serial % len(_NAMES)],
                qualification=_QUALIFICATIONS[serial % len(_QUALIFICATIONS)],
                certificate_no=f"DEMO-{member.agency_id:02d}-{serial:04d}",
                id_number=_id_number(serial),
            )
