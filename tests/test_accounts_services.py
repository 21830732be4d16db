"""Account rules, on the real databases."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.accounts import services
from marketplace.accounts.models import (
    ApiToken,
    Enterprise,
    PasswordReset,
    Role,
    SecurityEvent,
    Session,
    User,
    UserRole,
)
from marketplace.core import clock
from marketplace.core.jobs import JobQueue
from marketplace.core.mail import OutboxEmail
from marketplace.core.settings import Settings
from marketplace.forms import FormError
from tests.accounts_helpers import PASSWORD, make_user
from tests.factories import credit_code

VALID_CODE = credit_code("91320902MA1AB001")


def _queue() -> JobQueue:
    return JobQueue(
        Settings(database_url="sqlite://:memory:", secret_key="x", secret_key_is_ephemeral=False)
    )


async def _kinds(user: User | None = None) -> list[str]:
    query = SecurityEvent.all() if user is None else SecurityEvent.filter(user=user)
    return [e.kind for e in await query.order_by("id")]


async def _register(**changes: str) -> User:
    fields = {
        "company_name": "盐城示例制造有限公司",
        "credit_code": VALID_CODE,
        "contact_person": "张三",
        "phone": "13812345678",
        "email": "Zhang.San@Example.com",
        "password": PASSWORD,
        **changes,
    }
    return await services.register_enterprise(**fields)


async def test_registering_creates_the_enterprise_its_user_and_role(db: str) -> None:
    user = await _register()

    enterprise = await Enterprise.get(id=user.enterprise_id)
    assert (enterprise.name, enterprise.credit_code, enterprise.contact_person) == (
        "盐城示例制造有限公司",
        VALID_CODE,
        "张三",
    )
    assert user.email == "zhang.san@example.com"
    assert user.password_hash.startswith("$argon2id$")
    assert [r.role for r in await UserRole.filter(user=user)] == [Role.ENTERPRISE]
    assert await _kinds(user) == ["registered"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"credit_code": VALID_CODE[:-1] + ("0" if VALID_CODE[-1] != "0" else "1")},
            "credit_code",
            "The check character (the last one) does not match: "
            "please check the code for a typing mistake.",
        ),
        (
            {"credit_code": "9132"},
            "credit_code",
            "A unified social credit code has 18 characters; this one has %(count)s.",
        ),
        ({"email": "not-an-address"}, "email", "Enter a valid e-mail address."),
        ({"password": "short"}, "password", "Use at least %(count)s characters for the password."),
        (
            {"password": "zhang.san@example.com"},
            "password",
            "The password must not be your e-mail address.",
        ),
        (
            {"phone": "12345"},
            "phone",
            "Enter a mobile number (11 digits) or a landline with its area code.",
        ),
        ({"company_name": "   "}, "company_name", "This field is required."),
    ],
)
async def test_bad_registrations_are_refused_and_change_nothing(
    db: str, changes: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(FormError) as refused:
        await _register(**changes)

    assert refused.value.errors[field].id == message
    assert await User.all().count() == 0
    assert await Enterprise.all().count() == 0


async def test_a_credit_code_or_address_registers_once(db: str) -> None:
    await _register()

    with pytest.raises(FormError) as same_code:
        await _register(email="other@example.com")
    with pytest.raises(FormError) as same_email:
        await _register(credit_code=credit_code("91320902MA1AB002"))

    assert (
        same_code.value.errors["credit_code"].id
        == "An enterprise with this credit code is already registered."
    )
    assert (
        same_email.value.errors["email"].id == "An account with this e-mail address already exists."
    )
    assert await User.all().count() == 1


async def test_authenticate_checks_the_password_and_logs_both_outcomes(db: str) -> None:
    user = await _register()

    with pytest.raises(FormError) as wrong:
        await services.authenticate(
            email="zhang.san@example.com", password="wrong password!", ip="1.2.3.4"
        )
    with pytest.raises(FormError):
        await services.authenticate(email="nobody@example.com", password=PASSWORD)
    signed_in = await services.authenticate(email="  ZHANG.SAN@example.com ", password=PASSWORD)

    assert wrong.value.errors[""].id == "The e-mail address or the password is not right."
    assert signed_in.id == user.id
    assert await _kinds() == ["registered", "login_failed", "login_failed", "login"]
    failed = await SecurityEvent.filter(kind="login_failed").order_by("id")
    assert [(e.user_id, e.ip, e.detail["email"]) for e in failed] == [
        (user.id, "1.2.3.4", "zhang.san@example.com"),
        (None, "", "nobody@example.com"),
    ]


async def test_an_inactive_user_cannot_sign_in_or_use_a_session(db: str) -> None:
    user = await _register()
    key = await services.start_session(user)
    user.is_active = False
    await user.save()

    with pytest.raises(FormError):
        await services.authenticate(email=user.email, password=PASSWORD)
    assert await services.user_for_session(key) is None


async def test_a_new_session_replaces_the_browsers_old_one(db: str) -> None:
    user = await _register()
    planted = await services.start_session(user)

    fresh = await services.start_session(user, replaces=planted)

    assert fresh != planted
    assert await services.user_for_session(planted) is None
    found = await services.user_for_session(fresh)
    assert found is not None and found.id == user.id
    assert await Session.all().count() == 1


async def test_an_expired_session_signs_nobody_in(db: str) -> None:
    user = await _register()
    key = await services.start_session(user)
    await Session.all().update(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))

    assert await services.user_for_session(key) is None


async def test_a_session_and_a_reset_link_end_at_their_expiry_on_the_clock(db: str) -> None:
    """Stored times are Beijing's; on SQLite they compare as text, so a "now" in another
    zone let an expired session live eight hours longer (until the clock was Beijing's)."""
    start = dt.datetime(2026, 12, 2, 9, 0, tzinfo=clock.BEIJING)
    clock.set_now(start)
    try:
        user = await _register()
        key = await services.start_session(user)
        await services.request_password_reset(
            email="zhang.san@example.com", queue=_queue(), reset_url="{token}"
        )
        token = (await OutboxEmail.get()).body.split("\n")[3]

        clock.set_now(start + services.PASSWORD_RESET_LIFETIME - dt.timedelta(minutes=1))
        assert await services.valid_password_reset(token) is not None
        clock.set_now(start + services.PASSWORD_RESET_LIFETIME + dt.timedelta(minutes=1))
        assert await services.valid_password_reset(token) is None

        clock.set_now(start + services.SESSION_LIFETIME - dt.timedelta(minutes=1))
        assert await services.user_for_session(key) == user
        clock.set_now(start + services.SESSION_LIFETIME + dt.timedelta(minutes=1))
        assert await services.user_for_session(key) is None
    finally:
        clock.set_now(None)


async def test_changing_the_password_ends_every_other_session(db: str) -> None:
    user = await _register()
    this_one = await services.start_session(user)
    other = await services.start_session(user)

    with pytest.raises(FormError) as wrong:
        await services.change_password(user, current="not it at all", new="a new password 1")
    await services.change_password(
        user, current=PASSWORD, new="a new password 1", keep_session=this_one
    )

    assert wrong.value.errors["current_password"].id == "The current password is not right."
    assert await services.user_for_session(this_one) is not None
    assert await services.user_for_session(other) is None
    assert (
        await services.authenticate(email=user.email, password="a new password 1")
    ).id == user.id
    assert "password_changed" in await _kinds(user)


async def test_password_reset_mails_a_one_time_link_that_works_once(db: str) -> None:
    user = await _register()
    session = await services.start_session(user)

    await services.request_password_reset(
        email="zhang.san@example.com", queue=_queue(), reset_url="https://mp.example/reset/{token}"
    )

    email = await OutboxEmail.get()
    assert email.to == "zhang.san@example.com"
    assert email.subject == "重置您在中介服务超市的密码"
    link = next(
        line for line in email.body.splitlines() if line.startswith("https://mp.example/reset/")
    )
    token = link.removeprefix("https://mp.example/reset/")
    assert len(token) == 43
    assert email.sent_at is None  # no SMTP_URL: it stays in the outbox

    await services.reset_password(token=token, new_password="brand new secret")
    with pytest.raises(FormError) as again:
        await services.reset_password(token=token, new_password="another new secret")

    assert (
        again.value.errors[""].id
        == "This reset link has expired or was used already. Ask for a new one."
    )
    assert await services.user_for_session(session) is None
    assert (
        await services.authenticate(email=user.email, password="brand new secret")
    ).id == user.id
    assert await _kinds(user) == [
        "registered",
        "password_reset_requested",
        "password_reset",
        "login",
    ]


async def test_password_reset_says_nothing_about_unknown_addresses(db: str) -> None:
    await services.request_password_reset(
        email="stranger@example.com", queue=_queue(), reset_url="https://mp.example/reset/{token}"
    )

    assert await OutboxEmail.all().count() == 0
    assert await _kinds() == ["password_reset_unknown"]


async def test_an_expired_reset_link_is_refused(db: str) -> None:
    await _register()
    await services.request_password_reset(
        email="zhang.san@example.com", queue=_queue(), reset_url="{token}"
    )
    token = (await OutboxEmail.get()).body.split("\n")[3]
    await PasswordReset.all().update(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))

    with pytest.raises(FormError):
        await services.reset_password(token=token, new_password="brand new secret")


async def test_api_tokens_are_stored_hashed_and_stop_working_when_revoked(db: str) -> None:
    user = await _register()

    created = await services.create_api_token(user, name="ERP")
    first = await services.user_for_api_token(created.secret)
    second = await services.user_for_api_token(created.secret)
    await services.revoke_api_token(created.token, actor=user)

    stored = await ApiToken.get(id=created.token.id)
    assert created.secret.startswith("mpat_")
    assert stored.token_digest == services.digest(created.secret)
    assert created.secret not in (stored.prefix, stored.token_digest)
    assert first is not None and second is not None and first.id == user.id
    assert await services.user_for_api_token(created.secret) is None
    assert await services.user_for_api_token("mpat_not-a-token") is None
    # used twice within the hour: logged once
    assert await _kinds(user) == ["registered", "token_created", "token_used", "token_revoked"]


async def test_roles_are_granted_and_revoked_with_a_log_line_each(db: str) -> None:
    admin = await make_user("admin@example.com", Role.ADMIN)
    reviewer = await make_user("reviewer@example.com", Role.REVIEWER)

    await services.set_roles(reviewer, {Role.REVIEWER, Role.ADMIN}, actor=admin)
    await services.set_roles(reviewer, {Role.ADMIN}, actor=admin)

    assert [r.role for r in await UserRole.filter(user=reviewer)] == [Role.ADMIN]
    events = await SecurityEvent.filter(user=reviewer, kind__startswith="role_").order_by("id")
    assert [(e.kind, e.detail["role"], e.actor_id) for e in events] == [
        ("role_granted", "admin", admin.id),
        ("role_revoked", "reviewer", admin.id),
    ]


async def test_role_changes_that_break_the_rules_are_refused(db: str) -> None:
    admin = await make_user("admin@example.com", Role.ADMIN)
    staff = await make_user("staff@example.com", Role.REVIEWER)

    with pytest.raises(FormError) as own_admin:
        await services.set_roles(admin, {Role.REVIEWER}, actor=admin)
    with pytest.raises(FormError) as no_agency:
        await services.set_roles(staff, {Role.AGENCY}, actor=admin)
    with pytest.raises(FormError) as enterprise:
        await services.set_roles(staff, {Role.ENTERPRISE}, actor=admin)

    assert (
        own_admin.value.errors["roles"].id
        == "You cannot take the administrator role from yourself."
    )
    assert no_agency.value.errors["agency"].id == "Agency staff must belong to an agency."
    assert (
        enterprise.value.errors["roles"].id
        == "The enterprise role comes with the enterprise's account."
    )
    assert [r.role for r in await UserRole.filter(user=staff)] == [Role.REVIEWER]
