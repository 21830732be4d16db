"""Account pages driven as a browser would: forms with CSRF tokens, cookies, redirects."""

from __future__ import annotations

import datetime as dt
import re

import httpx

from marketplace.accounts.models import Enterprise, Role, SecurityEvent, Session, User, UserRole
from marketplace.catalog.models import Agency
from marketplace.core.mail import OutboxEmail
from tests.accounts_helpers import PASSWORD, csrf_token, make_user, post_form, sign_in
from tests.factories import credit_code
from tests.test_catalog_views import _text

REGISTRATION = {
    "company_name": "盐城示例制造有限公司",
    "credit_code": credit_code("91320902MA1WB001"),
    "contact_person": "李四",
    "phone": "0515-88123456",
    "email": "lisi@example.com",
    "password": PASSWORD,
}


async def test_registering_signs_the_enterprise_in(client: httpx.AsyncClient) -> None:
    response = await post_form(client, "/register", REGISTRATION, page="/register")

    assert response.status_code == 303
    assert response.headers["location"] == "/account?done=registered"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("mp_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    account = _text((await client.get(response.headers["location"])).text)
    assert "欢迎！您的企业账户已开通。" in account
    assert "盐城示例制造有限公司" in account and "企业" in account


async def test_a_bad_registration_keeps_what_was_typed_and_explains(
    client: httpx.AsyncClient,
) -> None:
    wrong_check = REGISTRATION["credit_code"][:-1] + (
        "0" if REGISTRATION["credit_code"][-1] != "0" else "1"
    )

    response = await post_form(
        client,
        "/register",
        {**REGISTRATION, "credit_code": wrong_check, "phone": "123"},
        page="/register",
    )

    assert response.status_code == 422
    text = _text(response.text)
    assert "校验码（最后一位）不符，请检查代码是否输错。" in text
    assert "请输入 11 位手机号码，或带区号的固定电话。" in text
    assert f'value="{wrong_check}"' in response.text
    assert 'value="盐城示例制造有限公司"' in response.text
    assert PASSWORD not in response.text  # passwords are never sent back
    assert await Enterprise.all().count() == 0


async def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    await client.get("/register")  # the browser holds a CSRF cookie

    forged = await client.post("/register", data=REGISTRATION)
    no_cookie = await httpx.AsyncClient(
        transport=client._transport, base_url="http://testserver"
    ).post("/login", data={"email": "a@example.com", "password": PASSWORD})

    assert forged.status_code == 403
    assert "表单未被接受" in _text(forged.text)
    assert no_cookie.status_code == 403
    assert await User.all().count() == 0


async def test_signing_in_renews_the_session_and_follows_next(
    client: httpx.AsyncClient, db: str
) -> None:
    from marketplace.accounts import services

    user = await make_user("wang@example.com", Role.REVIEWER, name="王五")
    await sign_in(client, "wang@example.com")
    before = client.cookies["mp_session"]

    token = await csrf_token(client, "/login?next=/account/tokens")
    response = await client.post(
        "/login?next=/account/tokens",
        data={
            "email": "WANG@example.com",
            "password": PASSWORD,
            "next": "/account/tokens",
            "csrftoken": token,
        },
    )

    assert response.status_code == 303
    assert response.headers["location"] == "/account/tokens"
    assert client.cookies["mp_session"] != before
    assert await services.user_for_session(before) is None  # the old id is worthless now
    assert await Session.filter(user=user).count() == 1
    assert "王五" in _text((await client.get("/account")).text)


async def test_next_never_leaves_the_site(client: httpx.AsyncClient, db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)

    response = await post_form(
        client,
        "/login",
        {"email": "wang@example.com", "password": PASSWORD, "next": "//evil.example/x"},
    )

    assert response.headers["location"] == "/account"


async def test_a_wrong_password_is_refused_without_saying_which_part(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com", Role.REVIEWER)

    response = await post_form(
        client, "/login", {"email": "wang@example.com", "password": "nope nope nope"}
    )

    assert response.status_code == 422
    assert "邮箱或密码不正确。" in _text(response.text)
    assert 'value="wang@example.com"' in response.text
    assert "mp_session" not in response.headers.get("set-cookie", "")


async def test_sign_in_is_rate_limited_per_account(client: httpx.AsyncClient, db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)

    statuses = [
        (
            await post_form(
                client, "/login", {"email": "wang@example.com", "password": "wrong password"}
            )
        ).status_code
        for _ in range(10)
    ]
    limited = await post_form(client, "/login", {"email": "wang@example.com", "password": PASSWORD})

    assert statuses == [422] * 10
    assert limited.status_code == 429
    assert 0 < int(limited.headers["retry-after"]) <= 900
    assert "尝试次数过多，请 15 分钟后再试。" in _text(limited.text)
    assert await SecurityEvent.filter(kind="login_rate_limited").count() == 1
    assert await SecurityEvent.filter(kind="login").count() == 0


async def test_signing_out_ends_the_session(client: httpx.AsyncClient, db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    await sign_in(client, "wang@example.com")

    response = await post_form(client, "/logout", {})
    after = await client.get("/account")

    assert response.status_code == 303
    assert response.headers["location"] == "/login?done=logged_out"
    assert await Session.all().count() == 0
    assert after.status_code == 303
    assert after.headers["location"] == "/login?next=/account"


async def test_password_reset_by_the_link_in_the_outbox(client: httpx.AsyncClient, db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)

    asked = await post_form(client, "/password-reset", {"email": "wang@example.com"})
    email = await OutboxEmail.get()
    link = re.search(r"http://127\.0\.0\.1:8000(/password-reset/\S+)", email.body)
    assert link is not None
    form = await client.get(link.group(1))
    done = await post_form(client, link.group(1), {"new_password": "a fresh password"})
    reused = await client.get(link.group(1))

    assert (asked.status_code, asked.headers["location"]) == (303, "/login?done=reset_sent")
    assert form.status_code == 200 and "设置新密码" in _text(form.text)
    assert (done.status_code, done.headers["location"]) == (303, "/login?done=password_reset")
    assert reused.status_code == 410
    await sign_in(client, "wang@example.com", "a fresh password")


async def test_tokens_are_shown_once_and_work_as_bearer_until_revoked(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com", Role.REVIEWER, name="王五")
    await sign_in(client, "wang@example.com")

    created = await post_form(client, "/account/tokens", {"do": "create", "name": "ERP 对接"})
    secret = re.search(r'id="new-token">(mpat_[\w-]+)<', created.text)
    assert created.status_code == 201 and secret is not None
    assert created.headers["cache-control"] == "no-store"
    listing = await client.get("/account/tokens")
    assert secret.group(1) not in listing.text

    api = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    me = await api.get("/api/v1/me", headers={"Authorization": f"Bearer {secret.group(1)}"})
    assert me.json() == {
        "id": me.json()["id"],
        "email": "wang@example.com",
        "name": "王五",
        "roles": ["reviewer"],
        "enterprise_id": None,
        "agency_id": None,
        "member_role": None,
    }

    token_id = re.search(
        r'name="do" value="revoke"><input type="hidden" name="row" value="(\d+)"', listing.text
    )
    assert token_id is not None
    revoked = await post_form(client, "/account/tokens", {"do": "revoke", "row": token_id.group(1)})
    after = await api.get("/api/v1/me", headers={"Authorization": f"Bearer {secret.group(1)}"})

    assert revoked.status_code == 303
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "not_authenticated"


async def test_nobody_revokes_someone_elses_token(client: httpx.AsyncClient, db: str) -> None:
    from marketplace.accounts import services

    owner = await make_user("owner@example.com", Role.REVIEWER)
    token = await services.create_api_token(owner, name="mine")
    await make_user("other@example.com", Role.REVIEWER)
    await sign_in(client, "other@example.com")

    response = await post_form(
        client, "/account/tokens", {"do": "revoke", "row": str(token.token.id)}
    )
    old_address = await post_form(client, f"/account/tokens/{token.token.id}/revoke", {})

    # refused at the tokens' page, in the user's language, as if there were no such token
    assert response.status_code == 409
    assert "您没有这个令牌，未作任何更改。" in _text(response.text)
    assert old_address.status_code == 404
    assert await services.user_for_api_token(token.secret) is not None


async def test_an_administrator_creates_agency_staff(client: httpx.AsyncClient, db: str) -> None:
    from tests.factories import small_catalogue

    catalogue = await small_catalogue()
    await make_user("admin@example.com", Role.ADMIN, name="管理员")
    await sign_in(client, "admin@example.com")

    refused = await post_form(
        client,
        "/backoffice/users",
        {
            "do": "create",
            "email": "staff@example.com",
            "name": "赵六",
            "password": PASSWORD,
            "roles": "agency",
        },
    )
    created = await post_form(
        client,
        "/backoffice/users",
        {
            "do": "create",
            "email": "staff@example.com",
            "name": "赵六",
            "password": PASSWORD,
            "roles": "agency",
            "agency": str(catalogue.qinghe.id),
        },
    )

    assert refused.status_code == 422
    assert "中介机构人员必须属于一家中介机构。" in _text(refused.text)
    assert 'value="staff@example.com"' in refused.text
    assert created.status_code == 303
    staff = await User.get(email="staff@example.com")
    assert staff.agency_id == catalogue.qinghe.id
    assert [r.role for r in await UserRole.filter(user=staff)] == [Role.AGENCY]
    event = await SecurityEvent.get(kind="user_created", user=staff)
    assert (event.actor_id, event.detail) == (
        (await User.get(email="admin@example.com")).id,
        {"roles": ["agency"]},
    )
    assert await Agency.filter(staff__id=staff.id).count() == 1


async def test_back_office_pages_list_users_outbox_and_log(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("admin@example.com", Role.ADMIN, name="管理员")
    await make_user("wang@example.com", Role.REVIEWER, name="王五")
    await post_form(client, "/password-reset", {"email": "wang@example.com"})
    await sign_in(client, "admin@example.com")

    users = _text((await client.get("/backoffice/users")).text)
    outbox = _text((await client.get("/backoffice/outbox")).text)
    log_page = (await client.get("/backoffice/security-log?kind=login")).text
    log_rows = re.findall(r"<tr>(.*?)</tr>", log_page.split("<tbody>")[1], flags=re.S)

    assert "wang@example.com 王五 —" in users
    assert "重置您在中介服务超市的密码" in outbox and "收件人: wang@example.com" in outbox
    assert [_text(row).split(" 127.0.0.1")[0][17:] for row in log_rows] == [
        "登录 admin@example.com —"
    ]


async def test_the_session_cookie_is_secure_over_https(db: str) -> None:
    from asgi_lifespan import LifespanManager

    from marketplace.app import create_app
    from tests.conftest import make_settings

    await make_user("wang@example.com", Role.REVIEWER)
    app = create_app(make_settings(db))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
            response = await sign_in(client, "wang@example.com")

    assert "; Secure" in response.headers["set-cookie"]


async def test_the_outbox_page_shows_jobs_waiting_and_given_up(
    client: httpx.AsyncClient, db: str
) -> None:
    from marketplace.core.outbox import OutboxJob, OutboxStatus

    await make_user("admin@example.com", Role.ADMIN, name="管理员")
    moment = dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    await OutboxJob.create(
        job="send_email", args=[1], status=OutboxStatus.DONE, next_attempt_at=moment
    )
    given_up = await OutboxJob.create(
        job="refund_order",
        args=[7],
        status=OutboxStatus.FAILED,
        attempts=8,
        next_attempt_at=moment,
        error="stripe: connection refused",
    )
    await sign_in(client, "admin@example.com")

    page = (await client.get("/backoffice/outbox")).text
    rows = [
        _text(row) for row in re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], flags=re.S)
    ]

    assert "已完成：1 · 等待：0 · 执行中：0 · 已放弃：1。" in _text(page)
    assert len(rows) == 1
    assert rows[0].startswith(f"refund_order #{given_up.id} 已放弃 8 ")
    assert rows[0].endswith("— stripe: connection refused")
