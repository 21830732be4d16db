"""Organisation operations: the only code that changes who belongs to an enterprise or an
agency, with which standing, and an agency's register of licensed professionals.

An organisation's administrators invite people by e-mail (a one-time link, like a
password reset: random, stored as a digest, with an expiry), give each member a standing
(administrator or 经办人 handler) and remove members. Every change that could leave an
organisation without an administrator is refused, and it is decided with the
organisation's row locked, so two administrators demoting each other at once cannot both
succeed. A removed member's sessions and API tokens end in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts.current import CurrentUser
from marketplace.accounts.models import (
    Enterprise,
    MemberRole,
    Role,
    User,
    UserRole,
)
from marketplace.accounts.services import (
    _check_password,
    _clean_email,
    _required,
    digest,
    join_organisation,
    leave_organisation,
    log_event,
    set_member_standing,
)
from marketplace.catalog.models import Agency
from marketplace.codes import InvalidCode, check_resident_id
from marketplace.core import clock
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import queue_email
from marketplace.forms import FormError, Message
from marketplace.i18n import N_, translate
from marketplace.organisations.membership import agency_of, enterprise_of, members
from marketplace.organisations.models import MemberInvitation, Professional

__all__ = [
    "INVITATION_LIFETIME",
    "Invited",
    "Organisation",
    "Refused",
    "accept_invitation",
    "add_professional",
    "can_join",
    "invite",
    "open_invitations",
    "organisation_of",
    "remove_member",
    "remove_professional",
    "revoke_invitation",
    "set_member_role",
    "valid_invitation",
]

INVITATION_LIFETIME = dt.timedelta(days=7)


class Refused(FormError):
    """Refused by the state of things, not by what was typed (the last administrator, a
    certificate on the register already): the form shows it like any error, the API
    answers 409."""

    by_state = True


@dataclass(frozen=True, slots=True)
class Invited:
    invitation: MemberInvitation
    token: str  # the link's secret: it goes out in the e-mail, never to a page


@dataclass(frozen=True, slots=True)
class Organisation:
    """The enterprise or the agency a user is a member of."""

    kind: str  # "enterprise" | "agency"
    id: int
    name: str

    @property
    def scope(self) -> dict[str, Any]:
        """The filter naming this organisation on users and invitations."""
        return {f"{self.kind}_id": self.id}

    @property
    def member_role(self) -> Role:
        return Role.ENTERPRISE if self.kind == "enterprise" else Role.AGENCY


async def organisation_of(user: CurrentUser) -> Organisation | None:
    """The organisation ``user`` is a member of (``membership``'s rule), if any."""
    if (enterprise_id := enterprise_of(user)) is not None:
        enterprise = await Enterprise.get(id=enterprise_id)
        return Organisation("enterprise", enterprise.id, enterprise.name)
    if (agency_id := agency_of(user)) is not None:
        agency = await Agency.get(id=agency_id)
        return Organisation("agency", agency.id, agency.name)
    return None


async def _administered(actor: CurrentUser) -> Organisation:
    organisation = await organisation_of(actor)
    if organisation is None or actor.user.member_role is not MemberRole.ADMINISTRATOR:
        raise FormError.single("", N_("Only an administrator of the organisation can do this."))
    return organisation


async def _lock(organisation: Organisation, actor: CurrentUser) -> None:
    """Hold the organisation's row until the transaction ends (PostgreSQL; SQLite runs one
    writing transaction at a time), so that the rule "at least one administrator" is
    decided on what no one else is changing, and check under it that the actor is still
    an administrator (someone may have demoted them a moment ago)."""
    model = Enterprise if organisation.kind == "enterprise" else Agency
    await model.filter(id=organisation.id).select_for_update().first()
    still = members(**organisation.scope).filter(id=actor.id, member_role=MemberRole.ADMINISTRATOR)
    if not await still.exists():
        raise Refused.single("", N_("Only an administrator of the organisation can do this."))


def _member_role(raw: str) -> MemberRole:
    try:
        return MemberRole(raw)
    except ValueError:
        raise FormError.single("role", N_("Choose administrator or handler.")) from None


def _now() -> dt.datetime:
    return clock.now()


# --- invitations -----------------------------------------------------------------------


async def invite(
    actor: CurrentUser,
    *,
    email: str,
    role: str,
    accept_url: str,
    queue: JobQueue | None = None,
    ip: str = "",
) -> Invited:
    """E-mail a one-time link to join the actor's organisation with ``role``.

    ``accept_url`` is the absolute link (from PUBLIC_URL) with ``{token}`` to fill in. An
    earlier open invitation of the same address to the same organisation is void.
    """
    organisation = await _administered(actor)
    errors: dict[str, Message] = {}
    address = _clean_email(email, errors)
    standing = MemberRole.HANDLER
    try:
        standing = _member_role(role)
    except FormError as exc:
        errors.update(exc.errors)
    if not errors and await members(**organisation.scope).filter(email=address).exists():
        raise Refused.single("email", N_("This person is a member already."))
    if errors:
        raise FormError(errors)
    token = secrets.token_urlsafe(32)
    link = accept_url.format(token=token)
    now = _now()
    async with in_transaction():
        await MemberInvitation.filter(
            **organisation.scope, email=address, accepted_at=None, revoked_at=None
        ).update(revoked_at=now)
        invitation = await MemberInvitation.create(
            token_digest=digest(token),
            **organisation.scope,
            email=address,
            role=standing,
            invited_by_id=actor.id,
            expires_at=now + INVITATION_LIFETIME,
        )
        await log_event(
            "member_invited",
            user=actor.user,
            actor=actor.user,
            ip=ip,
            invitation_id=invitation.id,
            email=address,
            role=standing.value,
        )
        await queue_email(
            to=address,
            subject=translate(
                N_("You are invited to join %(organisation)s on the marketplace"),
                {"organisation": organisation.name},
            ),
            body=translate(
                N_(
                    "%(name)s invites you to act for %(organisation)s on the Intermediary "
                    "Services Marketplace.\n\n"
                    "To accept, open this link within 7 days (it works once):\n%(link)s\n\n"
                    "If you do not know why you received this, ignore it."
                ),
                {"name": actor.user.name, "organisation": organisation.name, "link": link},
            ),
        )
    if queue is not None:
        await queue.deliver_outbox()
    return Invited(invitation, token)


async def open_invitations(organisation: Organisation) -> list[MemberInvitation]:
    """The invitations of ``organisation`` that can still be accepted, newest first."""
    return await MemberInvitation.filter(
        **organisation.scope, accepted_at=None, revoked_at=None, expires_at__gt=_now()
    ).order_by("-id")


async def revoke_invitation(actor: CurrentUser, invitation_id: int, *, ip: str = "") -> None:
    """Withdraw an open invitation of the actor's organisation; its link stops working."""
    organisation = await _administered(actor)
    updated = await MemberInvitation.filter(
        id=invitation_id, **organisation.scope, accepted_at=None, revoked_at=None
    ).update(revoked_at=_now())
    if updated != 1:
        raise FormError.single("", N_("This invitation is not open any more."))
    await log_event(
        "invitation_revoked", user=actor.user, actor=actor.user, ip=ip, invitation_id=invitation_id
    )


async def valid_invitation(token: str) -> MemberInvitation | None:
    """The invitation this link's token opens, if it is still open and not expired."""
    return await MemberInvitation.filter(
        token_digest=digest(token), accepted_at=None, revoked_at=None, expires_at__gt=_now()
    ).first()


async def can_join(user: User) -> bool:
    """Whether an existing account may join an organisation: one that acts for none and
    holds no office role (an office administrator or reviewer is not an agency's or an
    enterprise's)."""
    if user.enterprise_id is not None or user.agency_id is not None or user.member_role:
        return False
    return not await UserRole.exists(user_id=user.id)


_INVALID_LINK = N_("This invitation has expired, was used already or was withdrawn.")


async def accept_invitation(
    *,
    token: str,
    user: User | None = None,
    name: str = "",
    password: str = "",
    ip: str = "",
) -> User:
    """Join the organisation of the invitation behind ``token``, once.

    With ``user`` (signed in), that account joins: it must be the invited address and
    act for no organisation yet. Without, a new account is made for the invited address
    with ``name`` and ``password``. The link is used up in the statement that checks it
    is unused, so of two submissions at once one joins.
    """
    invitation = await valid_invitation(token)
    if invitation is None:
        raise FormError.single("", _INVALID_LINK)
    errors: dict[str, Message] = {}
    if user is not None:
        if user.email != invitation.email:
            errors[""] = Message(
                N_(
                    "This invitation is for %(email)s: sign in with that address, or sign "
                    "out to create its account."
                ),
                {"email": invitation.email},
            )
        elif not await can_join(user):
            errors[""] = Message(
                N_("This account acts for an organisation already or holds an office role.")
            )
    else:
        name = _required(name, "name", errors, 64)
        _check_password(password, "password", errors, invitation.email)
        if await User.exists(email=invitation.email):
            errors[""] = Message(
                N_("An account with this e-mail address exists: sign in to accept.")
            )
    if errors:
        raise FormError(errors)
    role = Role.ENTERPRISE if invitation.enterprise_id is not None else Role.AGENCY
    try:
        async with in_transaction():
            claimed = await MemberInvitation.filter(
                id=invitation.id, accepted_at=None, revoked_at=None, expires_at__gt=_now()
            ).update(accepted_at=_now())
            if claimed != 1:
                raise FormError.single("", _INVALID_LINK)
            link: dict[str, Any] = {
                "enterprise_id": invitation.enterprise_id,
                "agency_id": invitation.agency_id,
            }
            user = await join_organisation(
                user,
                email=invitation.email,
                name=name,
                password=password,
                standing=invitation.role,
                role=role,
                **link,
            )
            await MemberInvitation.filter(id=invitation.id).update(accepted_by_id=user.id)
            await log_event(
                "member_joined",
                user=user,
                ip=ip,
                invitation_id=invitation.id,
                role=invitation.role.value,
                **{k: v for k, v in link.items() if v is not None},
            )
    except IntegrityError:
        # the address registered, or this account joined, a moment ago
        raise FormError.single("", _INVALID_LINK) from None
    return user


# --- members ---------------------------------------------------------------------------


async def _member(organisation: Organisation, member_id: int) -> User:
    member = await members(**organisation.scope, active=False).filter(id=member_id).first()
    if member is None:
        raise FormError.single("", N_("There is no such member."))
    return member


async def _other_administrators(organisation: Organisation, member_id: int) -> bool:
    return (
        await members(**organisation.scope)
        .filter(member_role=MemberRole.ADMINISTRATOR)
        .exclude(id=member_id)
        .exists()
    )


_LAST_ADMINISTRATOR = N_(
    "An organisation keeps at least one administrator: make someone else administrator first."
)


async def set_member_role(actor: CurrentUser, member_id: int, *, role: str, ip: str = "") -> User:
    """Give a member of the actor's organisation the standing ``role``."""
    organisation = await _administered(actor)
    standing = _member_role(role)
    async with in_transaction():
        await _lock(organisation, actor)
        member = await _member(organisation, member_id)
        if member.member_role is standing:
            return member
        if standing is MemberRole.HANDLER and not await _other_administrators(
            organisation, member.id
        ):
            raise Refused.single("role", _LAST_ADMINISTRATOR)
        await set_member_standing(member.id, standing)
        await log_event(
            "member_role_changed",
            user=member,
            actor=actor.user,
            ip=ip,
            role=standing.value,
            **organisation.scope,
        )
    return await User.get(id=member.id)


async def remove_member(actor: CurrentUser, member_id: int, *, ip: str = "") -> None:
    """Take a member out of the actor's organisation: they lose its role and standing,
    and their sessions and API tokens end at once."""
    organisation = await _administered(actor)
    async with in_transaction():
        await _lock(organisation, actor)
        member = await _member(organisation, member_id)
        if member.member_role is MemberRole.ADMINISTRATOR and not await _other_administrators(
            organisation, member.id
        ):
            raise Refused.single("", _LAST_ADMINISTRATOR)
        # only this organisation's link goes (the office may have made someone a member of
        # an enterprise and staff of an agency both); the standing goes with the last link
        other_link = member.agency_id if organisation.kind == "enterprise" else member.enterprise_id
        await leave_organisation(
            member,
            kind=organisation.kind,
            keeps_standing=other_link is not None,
            role=organisation.member_role,
        )
        await log_event(
            "member_removed", user=member, actor=actor.user, ip=ip, **organisation.scope
        )


# --- the register of licensed professionals ----------------------------------------------


async def _agency_administered(actor: CurrentUser) -> int:
    agency_id = agency_of(actor)
    if agency_id is None or actor.user.member_role is not MemberRole.ADMINISTRATOR:
        raise FormError.single(
            "", N_("Only an administrator of the agency keeps its register of professionals.")
        )
    return agency_id


async def add_professional(
    actor: CurrentUser,
    *,
    name: str,
    qualification: str,
    certificate_no: str,
    id_number: str,
) -> Professional:
    """Put a licensed professional (执业人员) on the actor's agency's register."""
    agency_id = await _agency_administered(actor)
    errors: dict[str, Message] = {}
    name = _required(name, "name", errors, 64)
    qualification = _required(qualification, "qualification", errors, 128)
    certificate_no = _required(certificate_no, "certificate_no", errors, 64)
    number = id_number.strip()
    try:
        number = check_resident_id(id_number, today=clock.today())
    except InvalidCode as exc:
        errors["id_number"] = exc.message
    if errors:
        raise FormError(errors)
    if await Professional.exists(agency_id=agency_id, certificate_no=certificate_no):
        raise Refused.single(
            "certificate_no",
            N_("A professional with this certificate number is on the register already."),
        )
    try:
        return await Professional.create(
            agency_id=agency_id,
            name=name,
            qualification=qualification,
            certificate_no=certificate_no,
            id_number=number,
        )
    except IntegrityError:
        raise Refused.single(
            "certificate_no",
            N_("A professional with this certificate number is on the register already."),
        ) from None


async def remove_professional(actor: CurrentUser, professional_id: int) -> None:
    """Take a professional off the register: no new order can name them; the orders that
    do still read."""
    agency_id = await _agency_administered(actor)
    updated = await Professional.filter(
        id=professional_id, agency_id=agency_id, active=True
    ).update(active=False)
    if updated != 1:
        raise FormError.single("", N_("There is no such professional on the register."))
