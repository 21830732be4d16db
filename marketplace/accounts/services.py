"""Account operations: the only code that changes users, roles, sessions and tokens.

Every security-relevant step writes a ``SecurityEvent``. Secrets handed to people (session
ids, reset links, API tokens) are random, shown once, and stored only as digests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from marketplace.accounts.models import (
    ApiToken,
    Enterprise,
    MemberRole,
    PasswordReset,
    Role,
    SecurityEvent,
    Session,
    User,
    UserRole,
)
from marketplace.catalog.models import Agency
from marketplace.codes import InvalidCode, check_uscc
from marketplace.core.clock import now as beijing_now
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import queue_email
from marketplace.core.settings import password_hash_parameters
from marketplace.forms import FormError, Message
from marketplace.i18n import N_, translate

__all__ = [
    "PASSWORD_MIN_LENGTH",
    "SESSION_LIFETIME",
    "ApiTokenCreated",
    "authenticate",
    "change_password",
    "create_api_token",
    "create_user",
    "digest",
    "end_session",
    "hash_password",
    "join_organisation",
    "leave_organisation",
    "log_event",
    "register_enterprise",
    "request_password_reset",
    "reset_password",
    "revoke_api_token",
    "set_member_standing",
    "set_roles",
    "start_session",
    "user_for_api_token",
    "user_for_session",
]

PASSWORD_MIN_LENGTH = 10
SESSION_LIFETIME = dt.timedelta(days=14)
PASSWORD_RESET_LIFETIME = dt.timedelta(hours=1)
# Token use is logged at most this often per token, so a busy program does not turn the
# security log into a request log.
_TOKEN_USE_LOG_INTERVAL = dt.timedelta(hours=1)
API_TOKEN_PREFIX = "mpat_"

_cost = password_hash_parameters()
_hasher = PasswordHasher(
    time_cost=_cost["time_cost"],
    memory_cost=_cost["memory_cost"],
    parallelism=_cost["parallelism"],
)
# Verifying against this when the e-mail is unknown makes "no such user" take as long as
# "wrong password", so timing does not reveal who has an account.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def _now() -> dt.datetime:
    return beijing_now()


def digest(secret: str) -> str:
    """The stored form of a random secret (session id, reset token, API token)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


async def log_event(
    kind: str,
    *,
    user: User | None = None,
    actor: User | None = None,
    ip: str = "",
    **detail: Any,
) -> SecurityEvent:
    return await SecurityEvent.create(kind=kind, user=user, actor=actor, ip=ip[:64], detail=detail)


# --- validation ----------------------------------------------------------------------


def _clean_email(raw: str, errors: dict[str, Message]) -> str:
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        errors["email"] = Message(N_("Enter a valid e-mail address."))
        return raw.strip().lower()


def _check_password(password: str, field: str, errors: dict[str, Message], email: str = "") -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        errors[field] = Message(
            N_("Use at least %(count)s characters for the password."),
            {"count": PASSWORD_MIN_LENGTH},
        )
    elif email and password.strip().lower() == email.lower():
        errors[field] = Message(N_("The password must not be your e-mail address."))


def _required(value: str, field: str, errors: dict[str, Message], max_length: int) -> str:
    value = value.strip()
    if not value:
        errors[field] = Message(N_("This field is required."))
    elif len(value) > max_length:
        errors[field] = Message(N_("Use at most %(count)s characters."), {"count": max_length})
    return value


def _clean_phone(raw: str, errors: dict[str, Message]) -> str:
    phone = raw.strip().replace(" ", "")
    if not _PHONE.match(phone):
        errors["phone"] = Message(
            N_("Enter a mobile number (11 digits) or a landline with its area code.")
        )
    return phone


def clean_credit_code(raw: str, errors: dict[str, Message], field: str = "credit_code") -> str:
    """The code checked part by part (``marketplace.codes.check_uscc``); a refusal goes
    into ``errors[field]`` and the code comes back as typed."""
    try:
        return check_uscc(raw)
    except InvalidCode as exc:
        errors[field] = exc.message
        return raw.strip().upper().replace(" ", "")


# --- registration and users ----------------------------------------------------------


async def register_enterprise(
    *,
    company_name: str,
    credit_code: str,
    contact_person: str,
    phone: str,
    email: str,
    password: str,
    ip: str = "",
) -> User:
    """Register an enterprise and its first user, who holds the enterprise role."""
    errors: dict[str, Message] = {}
    company_name = _required(company_name, "company_name", errors, 128)
    code = clean_credit_code(credit_code, errors)
    contact_person = _required(contact_person, "contact_person", errors, 64)
    phone = _clean_phone(phone, errors)
    email = _clean_email(email, errors)
    _check_password(password, "password", errors, email)
    if not errors:
        if await Enterprise.exists(credit_code=code):
            errors["credit_code"] = Message(
                N_("An enterprise with this credit code is already registered.")
            )
        if await User.exists(email=email):
            errors["email"] = Message(N_("An account with this e-mail address already exists."))
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            enterprise = await Enterprise.create(
                name=company_name, credit_code=code, contact_person=contact_person, phone=phone
            )
            user = await User.create(
                email=email,
                name=contact_person,
                phone=phone,
                password_hash=hash_password(password),
                enterprise=enterprise,
                # the first account is the organisation's administrator
                member_role=MemberRole.ADMINISTRATOR,
            )
            await UserRole.create(user=user, role=Role.ENTERPRISE)
    except IntegrityError:
        # Someone registered the same code or address between our check and our insert.
        raise FormError.single(
            "", N_("This enterprise or e-mail address was registered a moment ago.")
        ) from None
    await log_event("registered", user=user, ip=ip, enterprise_id=enterprise.id)
    return user


async def create_user(
    *,
    email: str,
    name: str,
    password: str,
    roles: Iterable[Role],
    agency: Agency | None = None,
    actor: User | None = None,
    ip: str = "",
) -> User:
    """Create a user with ``roles`` (an administrator's act, or the command line's)."""
    roles = set(roles)
    errors: dict[str, Message] = {}
    email = _clean_email(email, errors)
    name = _required(name, "name", errors, 64)
    _check_password(password, "password", errors, email)
    if Role.AGENCY in roles and agency is None:
        errors["agency"] = Message(N_("Agency staff must belong to an agency."))
    if Role.ENTERPRISE in roles:
        errors["roles"] = Message(N_("Enterprise accounts are created by registering."))
    if not errors and await User.exists(email=email):
        errors["email"] = Message(N_("An account with this e-mail address already exists."))
    if errors:
        raise FormError(errors)
    try:
        async with in_transaction():
            linked = agency if Role.AGENCY in roles else None
            user = await User.create(
                email=email,
                name=name,
                password_hash=hash_password(password),
                agency=linked,
                member_role=await _standing_in(linked.id) if linked is not None else None,
            )
            await UserRole.bulk_create([UserRole(user=user, role=role) for role in sorted(roles)])
    except IntegrityError:
        raise FormError.single(
            "email", N_("An account with this e-mail address already exists.")
        ) from None
    await log_event(
        "user_created", user=user, actor=actor, ip=ip, roles=sorted(r.value for r in roles)
    )
    return user


async def _standing_in(agency_id: int) -> MemberRole:
    """The standing of a user the office adds to an agency: its administrator if it has
    none yet (the first account), a handler (经办人) otherwise."""
    has_admin = await User.exists(
        agency_id=agency_id, member_role=MemberRole.ADMINISTRATOR, roles__role=Role.AGENCY
    )
    return MemberRole.HANDLER if has_admin else MemberRole.ADMINISTRATOR


async def _keep_an_administrator(agency_id: int) -> None:
    """After the office took a member out of an agency: if no administrator is left, the
    longest-standing member becomes one, so an organisation always has one."""
    remaining = User.filter(agency_id=agency_id, roles__role=Role.AGENCY).exclude(member_role=None)
    if await remaining.filter(member_role=MemberRole.ADMINISTRATOR).exists():
        return
    first = await remaining.order_by("id").first()
    if first is not None:
        await User.filter(id=first.id).update(member_role=MemberRole.ADMINISTRATOR)


async def user_roles(user: User) -> set[Role]:
    return {row.role for row in await UserRole.filter(user=user)}


async def set_roles(
    user: User, roles: Iterable[Role], *, agency: Agency | None = None, actor: User, ip: str = ""
) -> set[Role]:
    """Give ``user`` exactly ``roles``; each grant and revocation is logged."""
    wanted = set(roles)
    current = await user_roles(user)
    errors: dict[str, Message] = {}
    if Role.AGENCY in wanted and agency is None and user.agency_id is None:
        errors["agency"] = Message(N_("Agency staff must belong to an agency."))
    if (Role.ENTERPRISE in wanted) != (Role.ENTERPRISE in current):
        errors["roles"] = Message(N_("The enterprise role comes with the enterprise's account."))
    if user.id == actor.id and Role.ADMIN in current and Role.ADMIN not in wanted:
        errors["roles"] = Message(N_("You cannot take the administrator role from yourself."))
    if errors:
        raise FormError(errors)
    async with in_transaction():
        # Only agency staff belong to an agency: a revoked agency role unlinks the user,
        # so no stale agency_id can widen what they see.
        agency_id = None
        if Role.AGENCY in wanted:
            agency_id = agency.id if agency is not None else user.agency_id
        left = user.agency_id if Role.AGENCY in current else None
        if agency_id != user.agency_id or agency_id != left:
            # A new member of an agency gets a standing in it, one who leaves loses it. An
            # enterprise's member the office also makes agency staff keeps the one standing
            # they have (it is one column): only the office makes such a double member.
            if user.enterprise_id is None:
                user.member_role = await _standing_in(agency_id) if agency_id else None
            user.agency_id = agency_id
            await user.save(update_fields=["agency_id", "member_role"])
            if left is not None and left != agency_id:
                await _keep_an_administrator(left)
        for role in sorted(wanted - current):
            await UserRole.create(user=user, role=role)
            await log_event("role_granted", user=user, actor=actor, ip=ip, role=role.value)
        for role in sorted(current - wanted):
            await UserRole.filter(user=user, role=role).delete()
            await log_event("role_revoked", user=user, actor=actor, ip=ip, role=role.value)
    return wanted


# --- signing in and out --------------------------------------------------------------


async def authenticate(*, email: str, password: str, ip: str = "") -> User:
    """The user with this e-mail and password; ``FormError`` without saying which was wrong."""
    user = await User.get_or_none(email=email.strip().lower())
    password_hash = user.password_hash if user is not None else _DUMMY_HASH
    try:
        _hasher.verify(password_hash, password)
        verified = user is not None
    except (VerificationError, InvalidHashError):
        verified = False
    if not verified or user is None or not user.is_active:
        await log_event("login_failed", user=user, ip=ip, email=email.strip().lower()[:254])
        raise FormError.single("", N_("The e-mail address or the password is not right."))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = _now()
    await user.save(update_fields=["password_hash", "last_login_at"])
    await log_event("login", user=user, ip=ip)
    return user


async def start_session(
    user: User, *, ip: str = "", user_agent: str = "", replaces: str | None = None
) -> str:
    """Open a new session for ``user`` and return its key (for the cookie).

    Any session the browser had (``replaces``) ends, so a session id planted before
    sign-in is worthless after it.
    """
    if replaces:
        await Session.filter(key_digest=digest(replaces)).delete()
    key = secrets.token_urlsafe(32)
    await Session.create(
        key_digest=digest(key),
        user=user,
        expires_at=_now() + SESSION_LIFETIME,
        ip=ip[:64],
        user_agent=user_agent[:256],
    )
    return key


async def user_for_session(key: str) -> User | None:
    session = (
        await Session.filter(key_digest=digest(key), expires_at__gt=_now())
        .select_related("user")
        .first()
    )
    if session is None or not session.user.is_active:
        return None
    return session.user


async def end_session(key: str, *, ip: str = "") -> None:
    session = await Session.filter(key_digest=digest(key)).first()
    if session is not None:
        await session.delete()
        await log_event("logout", user=await User.get(id=session.user_id), ip=ip)


# --- passwords -----------------------------------------------------------------------


async def change_password(
    user: User, *, current: str, new: str, keep_session: str | None = None, ip: str = ""
) -> None:
    """Change ``user``'s password; every other session of theirs ends."""
    errors: dict[str, Message] = {}
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        errors["current_password"] = Message(N_("The current password is not right."))
    _check_password(new, "new_password", errors, user.email)
    if errors:
        raise FormError(errors)
    async with in_transaction():
        user.password_hash = hash_password(new)
        await user.save(update_fields=["password_hash"])
        others = Session.filter(user=user)
        if keep_session:
            others = others.exclude(key_digest=digest(keep_session))
        await others.delete()
        await PasswordReset.filter(user=user, used_at__isnull=True).update(used_at=_now())
    await log_event("password_changed", user=user, ip=ip)


async def request_password_reset(
    *, email: str, queue: JobQueue, reset_url: str, ip: str = ""
) -> None:
    """E-mail a one-time reset link if an active account has this address.

    The answer is the same whether or not it has: a reset form must not tell strangers
    who has an account. ``reset_url`` is the link with ``{token}`` to fill in.
    """
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    if user is None:
        await log_event("password_reset_unknown", ip=ip, email=email.strip().lower()[:254])
        return
    token = secrets.token_urlsafe(32)
    link = reset_url.format(token=token)
    # the link and its e-mail exist together or not at all (the outbox sends it)
    async with in_transaction():
        # Only the newest link works: an older one, perhaps read by someone else, is void.
        await PasswordReset.filter(user=user, used_at__isnull=True).update(used_at=_now())
        await PasswordReset.create(
            token_digest=digest(token), user=user, expires_at=_now() + PASSWORD_RESET_LIFETIME
        )
        await log_event("password_reset_requested", user=user, ip=ip)
        await queue_email(
            to=user.email,
            subject=translate(N_("Reset your password for the Intermediary Services Marketplace")),
            body=translate(
                N_(
                    "Someone asked to reset the password of the account %(email)s.\n\n"
                    "To choose a new password, open this link within one hour:\n%(link)s\n\n"
                    "If it was not you, ignore this message: your password stays as it is."
                ),
                {"email": user.email, "link": link},
            ),
        )
    await queue.deliver_outbox()


async def valid_password_reset(token: str) -> PasswordReset | None:
    return await PasswordReset.filter(
        token_digest=digest(token), used_at__isnull=True, expires_at__gt=_now()
    ).first()


async def reset_password(*, token: str, new_password: str, ip: str = "") -> User:
    """Set a new password with a reset link; the link is used up and every session ends."""
    async with in_transaction():
        reset = await valid_password_reset(token)
        if reset is None:
            raise FormError.single(
                "", N_("This reset link has expired or was used already. Ask for a new one.")
            )
        user = await User.get(id=reset.user_id)
        errors: dict[str, Message] = {}
        _check_password(new_password, "new_password", errors, user.email)
        if errors:
            raise FormError(errors)
        # Claim the link in the same statement that checks it is unused, so two
        # simultaneous submissions cannot both use it.
        claimed = await PasswordReset.filter(id=reset.id, used_at__isnull=True).update(
            used_at=_now()
        )
        if claimed != 1:
            raise FormError.single(
                "", N_("This reset link has expired or was used already. Ask for a new one.")
            )
        user.password_hash = hash_password(new_password)
        await user.save(update_fields=["password_hash"])
        await Session.filter(user=user).delete()
        # Every other link of the account is void too, whoever holds it.
        await PasswordReset.filter(user=user, used_at__isnull=True).update(used_at=_now())
    await log_event("password_reset", user=user, ip=ip)
    return user


# --- API tokens ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApiTokenCreated:
    token: ApiToken
    secret: str  # shown to the user once, never stored


async def create_api_token(user: User, *, name: str, ip: str = "") -> ApiTokenCreated:
    errors: dict[str, Message] = {}
    name = _required(name, "name", errors, 64)
    if errors:
        raise FormError(errors)
    secret = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = await ApiToken.create(
        user=user,
        name=name,
        prefix=secret[: len(API_TOKEN_PREFIX) + 6],
        token_digest=digest(secret),
    )
    await log_event("token_created", user=user, ip=ip, token_id=token.id, name=name)
    return ApiTokenCreated(token, secret)


async def user_for_api_token(secret: str, *, ip: str = "") -> User | None:
    if not secret.startswith(API_TOKEN_PREFIX):
        return None
    token = (
        await ApiToken.filter(token_digest=digest(secret), revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = _now()
    if token.last_used_at is None or now - token.last_used_at > _TOKEN_USE_LOG_INTERVAL:
        await log_event("token_used", user=token.user, ip=ip, token_id=token.id)
    token.last_used_at = now
    await token.save(update_fields=["last_used_at"])
    return token.user


async def revoke_api_token(token: ApiToken, *, actor: User, ip: str = "") -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = _now()
    await token.save(update_fields=["revoked_at"])
    await log_event(
        "token_revoked",
        user=await User.get(id=token.user_id),
        actor=actor,
        ip=ip,
        token_id=token.id,
    )


# --- membership: the organisations domain decides, these write the accounts' rows --------


async def join_organisation(
    user: User | None,
    *,
    email: str,
    name: str,
    password: str,
    enterprise_id: int | None,
    agency_id: int | None,
    standing: MemberRole,
    role: Role,
) -> User:
    """A person joins an enterprise or agency with ``standing`` and ``role``: a new account
    (``user`` None, with the checked ``email``, ``name`` and ``password``) or an existing one.
    In the caller's transaction; raises ``IntegrityError`` if the address or the role was
    taken a moment ago."""
    link: dict[str, Any] = {
        "enterprise_id": enterprise_id,
        "agency_id": agency_id,
        "member_role": standing,
    }
    if user is None:
        user = await User.create(
            email=email, name=name, password_hash=hash_password(password), **link
        )
    else:
        await User.filter(id=user.id).update(**link)
        user = await User.get(id=user.id)
    await UserRole.create(user=user, role=role)
    return user


async def set_member_standing(user_id: int, standing: MemberRole) -> None:
    """A member's standing in their organisation (administrator or handler)."""
    await User.filter(id=user_id).update(member_role=standing)


async def leave_organisation(user: User, *, kind: str, keeps_standing: bool, role: Role) -> None:
    """The person leaves their ``kind`` ("enterprise" or "agency") organisation, in the
    caller's transaction: that link and ``role`` go (the standing too, unless another link
    keeps it), and their sessions and API tokens end at once."""
    await User.filter(id=user.id).update(
        **{f"{kind}_id": None}, member_role=user.member_role if keeps_standing else None
    )
    await UserRole.filter(user_id=user.id, role=role).delete()
    await Session.filter(user_id=user.id).delete()
    await ApiToken.filter(user_id=user.id, revoked_at=None).update(revoked_at=_now())
