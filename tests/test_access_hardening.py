"""Real use must not break it: who sees which orders and complaints, links that do not
trust the Host header, pages that render with real data, one Beijing clock, sessions and
credentials."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import stat
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from marketplace.accounts import services as accounts
from marketplace.accounts.models import PasswordReset, Role, SecurityEvent, Session, User
from marketplace.admission.models import AdmissionRound, Objection, ReviewerAssignment
from marketplace.admission.services import rounds as round_service
from marketplace.app import create_app
from marketplace.complaints import services as complaints
from marketplace.complaints.models import Complaint
from marketplace.core import clock
from marketplace.core.mail import OutboxEmail
from marketplace.core.notifications import Notification
from marketplace.core.settings import Settings
from marketplace.orders import services as orders
from marketplace.orders.models import Order
from marketplace.orders.services import OrderRefused
from marketplace.ratings import services as ratings
from tests.accounts_helpers import PASSWORD, csrf_token, make_user, post_form, sign_in
from tests.admission_helpers import (
    CREATED,
    make_categories,
    make_office,
    make_reviewers,
    round_input,
)
from tests.catalogue_text import text_of
from tests.conftest import make_settings
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_ratings import _FILE, FIVE

D = dt.date


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def _hengyuan_order(world: OrderWorld, key: str) -> Order:
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.lightning_check.id,
        project_name="厂区防雷检测",
        project_code=PROJECT_CODE,
        base="10",
        note="",
        idempotency_key=key,
    )
    return placed.order


async def _what_they_see(client: httpx.AsyncClient, user: User) -> tuple[int, int, int, int]:
    """Orders and complaints listed to ``user``: web orders, web complaints, API, API."""
    browser = await _browser(client, user.email)
    token = (await accounts.create_api_token(user, name="ERP")).secret
    bearer = {"Authorization": f"Bearer {token}"}
    web_orders = len(re.findall(r'href="[^"]*/orders/[0-9]+"', (await browser.get("/orders")).text))
    web_complaints = len(
        re.findall(r'href="[^"]*/complaints/[0-9]+"', (await browser.get("/complaints")).text)
    )
    api_orders = (await client.get("/api/v1/orders", headers=bearer)).json()["orders"]
    api_complaints = (await client.get("/api/v1/complaints", headers=bearer)).json()
    return web_orders, web_complaints, len(api_orders), len(api_complaints["complaints"])


# --- 0. who sees which orders ----------------------------------------------------------


async def test_ex_agency_staff_sees_none_of_the_agencys_orders_on_web_and_api(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: an enterprise user who was also staff of 衡远, and an order and complaint of 衡远
    insider = await make_user("insider@example.com", Role.ENTERPRISE, name="内部人")
    await accounts.set_roles(
        insider, {Role.ENTERPRISE, Role.AGENCY}, agency=world.catalogue.hengyuan, actor=world.admin
    )
    order = await _hengyuan_order(world, "order-key-01")
    await complaints.lodge(
        actor=await as_current(world.enterprise),
        topic="fees",
        description="收费超出标准",
        idempotency_key="complaint-01",
        order_id=order.id,
        on=D(2026, 9, 30),
    )
    insider = await User.get(id=insider.id)
    while_staff = await _what_they_see(client, insider)

    # when: the office takes the agency role away
    await accounts.set_roles(insider, {Role.ENTERPRISE}, actor=world.admin)
    insider = await User.get(id=insider.id)

    # then: nothing of 衡远 is listed anywhere, and the link to the agency is gone
    assert while_staff == (1, 1, 1, 1)
    assert insider.agency_id is None
    assert await _what_they_see(client, insider) == (0, 0, 0, 0)


async def test_a_stale_agency_link_without_the_role_widens_nothing(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: data from before revocation unlinked users (the migration clears it too)
    insider = await make_user("insider@example.com", Role.ENTERPRISE, name="内部人")
    await User.filter(id=insider.id).update(agency_id=world.catalogue.hengyuan.id)
    await _hengyuan_order(world, "order-key-02")

    seen = await _what_they_see(client, await User.get(id=insider.id))

    assert seen == (0, 0, 0, 0)


async def test_the_buyer_and_the_agency_still_see_their_order(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await _hengyuan_order(world, "order-key-03")

    buyer = await _what_they_see(client, world.enterprise)
    agency = await _what_they_see(client, world.hengyuan_staff)
    other_agency = await _what_they_see(client, world.qinghe_staff)

    assert (buyer, agency, other_agency) == ((1, 0, 1, 0), (1, 0, 1, 0), (0, 0, 0, 0))


# --- 2. the notifications page ----------------------------------------------------------


async def test_notifications_render_order_notices_and_notices_missing_their_params(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given: the agency accepted an order (a notice to the buyer), and an older notice
    # whose params lack the number its message names
    order = await _hengyuan_order(world, "order-key-04")
    await orders.transition(
        order.id, "accept", actor=await as_current(world.hengyuan_staff), on=D(2026, 9, 1)
    )
    await Notification.create(
        user=world.enterprise,
        order=order,
        message="Order %(number)s was accepted; the clock has started.",
        params={},
    )
    buyer = await _browser(client, world.enterprise.email)
    agency = await _browser(client, world.hengyuan_staff.email)

    # when
    page = await buyer.get("/notifications")
    agency_page = await agency.get("/notifications")

    # then
    items = re.findall(r'<a href="([^"]+)">([^<]+)</a></li>', page.text)
    assert page.status_code == 200 and agency_page.status_code == 200
    assert items == [
        (f"/orders/{order.id}", "订单 … 已受理，开始计时。"),
        (f"/orders/{order.id}", f"订单 {order.number} 已受理，开始计时。"),
    ]


# --- 3. back-office lists past one page ------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/backoffice/users", "/backoffice/outbox", "/backoffice/security-log"]
)
async def test_back_office_lists_of_51_rows_have_a_second_page(
    client: httpx.AsyncClient, db: str, path: str
) -> None:
    admin = await make_user("admin@example.com", Role.ADMIN, name="管理员")
    await User.bulk_create(
        [User(email=f"u{i}@example.com", name=f"用户{i}", password_hash="x") for i in range(50)]
    )
    await OutboxEmail.bulk_create(
        [OutboxEmail(to=f"u{i}@example.com", subject="s", body="b") for i in range(51)]
    )
    await SecurityEvent.bulk_create(
        [SecurityEvent(kind="login_failed", user=admin, ip="10.0.0.1") for i in range(51)]
    )
    office = await _browser(client, admin.email)

    first = await office.get(path)
    second = await office.get(path + "?page=2")

    assert (first.status_code, second.status_code) == (200, 200)
    assert "第 1 页，共 2 页" in first.text and 'rel="next"' in first.text
    assert "第 2 页，共 2 页" in second.text and 'rel="prev"' in second.text


def test_every_macro_import_carries_the_context() -> None:
    """A macro imported without context has no ``request`` or ``url_for`` (a 500 on use)."""
    from marketplace.core.settings import BASE_DIR

    imports = [
        (path.relative_to(BASE_DIR).as_posix(), line.strip())
        for path in sorted((BASE_DIR / "templates").rglob("*.html"))
        for line in path.read_text().splitlines()
        if re.search(r"{%-?\s*(from|import)\s", line)
    ]

    assert len(imports) > 40
    assert [(p, line) for p, line in imports if "with context" not in line] == []


# --- 1. links from PUBLIC_URL, hosts from ALLOWED_HOSTS --------------------------------


@contextlib.asynccontextmanager
async def _app_client(
    settings: Settings, base_url: str = "http://testserver"
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as http:
            yield http


def test_public_url_and_allowed_hosts_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)

    local = Settings.from_env({})
    deployed = Settings.from_env({"PUBLIC_URL": "https://zhongjie.example.cn/"})
    listed = Settings.from_env({"PUBLIC_URL": "https://a.example", "ALLOWED_HOSTS": "a, b"})

    assert (local.public_url, local.allowed_hosts, local.is_https) == (
        "http://127.0.0.1:8000",
        ("127.0.0.1", "localhost", "testserver"),
        False,
    )
    assert (deployed.public_url, deployed.allowed_hosts, deployed.is_https) == (
        "https://zhongjie.example.cn",
        ("zhongjie.example.cn", "127.0.0.1", "localhost", "testserver"),
        True,
    )
    assert listed.allowed_hosts == ("a", "b")
    assert local.trusted_proxies == ()
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        Settings.from_env({"PUBLIC_URL": "zhongjie.example.cn"})


async def test_a_forged_host_is_refused_and_no_reset_link_is_mailed(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    token = await csrf_token(client)

    forged = await client.post(
        "/password-reset",
        data={"email": "wang@example.com", "csrftoken": token},
        headers={"Host": "attacker.example"},
    )

    assert forged.status_code == 400
    assert await OutboxEmail.all().count() == 0
    assert await PasswordReset.all().count() == 0


async def test_mail_and_feed_links_start_with_public_url(db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    settings = dataclasses.replace(
        make_settings(db),
        public_url="https://zhongjie.example.cn",
        allowed_hosts=("zhongjie.example.cn", "testserver"),
    )

    async with _app_client(settings, "https://testserver") as http:
        await post_form(http, "/password-reset", {"email": "wang@example.com"})
        feed = await http.get("/admission/feed.xml")
        body = (await OutboxEmail.get()).body

    assert re.findall(r"\S+/password-reset/\S+", body)[0].startswith(
        "https://zhongjie.example.cn/password-reset/"
    )
    assert "testserver" not in body
    assert "<id>https://zhongjie.example.cn/admission</id>" in feed.text


# --- 10. transport: HSTS, Secure cookies, Allow, trusted proxies -----------------------


async def test_behind_https_hsts_is_sent_and_the_csrf_cookie_is_secure(db: str) -> None:
    settings = dataclasses.replace(make_settings(db), public_url="https://zhongjie.example.cn")
    async with _app_client(settings, "https://testserver") as https:
        page = await https.get("/login")
    async with _app_client(make_settings(db)) as http:
        plain = await http.get("/login")

    assert page.headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"
    assert "; Secure" in page.headers["set-cookie"] and "csrftoken=" in page.headers["set-cookie"]
    assert "strict-transport-security" not in plain.headers
    assert "Secure" not in plain.headers["set-cookie"]


async def test_a_wrong_method_is_answered_405_with_allow(
    client: httpx.AsyncClient, db: str
) -> None:
    page = await client.get("/logout")
    api = await client.delete("/api/v1/categories")

    assert (page.status_code, page.headers["allow"]) == (405, "POST")
    assert (api.status_code, sorted(api.headers["allow"].split(", "))) == (405, ["GET", "HEAD"])


async def test_x_forwarded_for_counts_only_from_a_trusted_proxy(db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    forwarded = {"X-Forwarded-For": "203.0.113.7"}
    trusting = dataclasses.replace(make_settings(db), trusted_proxies=("127.0.0.0/8",))

    async with _app_client(make_settings(db)) as http:  # the test client's peer: 127.0.0.1
        token = await csrf_token(http)
        await http.post(
            "/login",
            data={"email": "wang@example.com", "password": "wrong password", "csrftoken": token},
            headers=forwarded,
        )
    async with _app_client(trusting) as http:
        # (the ORM closes with each app: read the log while this one runs)
        token = await csrf_token(http)
        await http.post(
            "/login",
            data={"email": "wang@example.com", "password": "wrong password", "csrftoken": token},
            headers=forwarded,
        )
        failures = await SecurityEvent.filter(kind="login_failed").order_by("id")

    assert [event.ip for event in failures] == ["127.0.0.1", "203.0.113.7"]


# --- 7. one secret key for every worker and restart ------------------------------------


def _key_in_a_subprocess(media_dir: Path) -> str:
    """The key a fresh process (one uvicorn worker) reads its settings with."""
    code = "from marketplace.core.settings import Settings; print(Settings.from_env().secret_key)"
    env = {**os.environ, "MEDIA_DIR": str(media_dir)}
    env.pop("SECRET_KEY", None)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_without_secret_key_every_process_shares_the_key_kept_in_the_data_folder(
    tmp_path: Path,
) -> None:
    media_dir = tmp_path / "media"

    # when: four workers start at once on a fresh data folder, and one more later
    with ThreadPoolExecutor(4) as pool:
        first_start = list(pool.map(_key_in_a_subprocess, [media_dir] * 4))
    restart = _key_in_a_subprocess(media_dir)

    # then: one key, private to the owner, and no temporary files left behind
    key_file = media_dir / ".secret_key"
    assert len(set(first_start)) == 1 and first_start[0] == restart
    assert key_file.read_text().strip() == restart and len(restart) >= 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert sorted(p.name for p in media_dir.iterdir()) == [".secret_key"]
    assert Settings.from_env({"MEDIA_DIR": str(media_dir), "SECRET_KEY": "k" * 40}).secret_key == (
        "k" * 40
    )


def test_an_unwritable_data_folder_falls_back_to_a_key_per_process(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    settings = Settings.from_env({"MEDIA_DIR": str(blocker / "media")})

    assert settings.secret_key_is_ephemeral and settings.secret_key_file is None
    assert len(settings.secret_key) >= 32


# --- 10. sessions and credentials ------------------------------------------------------


def _reset_links(bodies: list[str]) -> list[str]:
    return [re.findall(r"http://127\.0\.0\.1:8000(/password-reset/\S+)", b)[0] for b in bodies]


async def test_only_the_newest_reset_link_works_and_using_it_ends_every_session(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    laptop = await _browser(client, "wang@example.com")

    await post_form(client, "/password-reset", {"email": "wang@example.com"})
    await post_form(client, "/password-reset", {"email": "wang@example.com"})
    older, newer = _reset_links([m.body for m in await OutboxEmail.all().order_by("id")])
    stale = await client.get(older)
    used = await post_form(client, newer, {"new_password": "a fresh password"})
    stale_after = await post_form(client, older, {"new_password": "another password"})

    assert stale.status_code == 410
    assert used.status_code == 303
    assert stale_after.status_code == 410
    assert (await laptop.get("/account")).status_code == 303  # signed out
    assert await PasswordReset.filter(used_at__isnull=True).count() == 0
    await sign_in(client, "wang@example.com", "a fresh password")


async def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(
    client: httpx.AsyncClient, db: str
) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    laptop = await _browser(client, "wang@example.com")
    phone = await _browser(client, "wang@example.com")

    changed = await post_form(
        laptop,
        "/account/password",
        {"current_password": PASSWORD, "new_password": "a changed password"},
        page="/account/password",
    )

    assert (changed.status_code, changed.headers["location"]) == (
        303,
        "/account?done=password_changed",
    )
    assert (await laptop.get("/account")).status_code == 200
    assert (await phone.get("/account")).status_code == 303
    assert await Session.all().count() == 1


async def test_a_guesser_elsewhere_does_not_lock_the_owner_out(db: str) -> None:
    await make_user("wang@example.com", Role.REVIEWER)
    behind_proxy = dataclasses.replace(make_settings(db), trusted_proxies=("127.0.0.1",))
    guesser = {"X-Forwarded-For": "203.0.113.7"}
    owner = {"X-Forwarded-For": "198.51.100.20"}

    async with _app_client(behind_proxy) as http:
        token = await csrf_token(http)
        wrong = {"email": "wang@example.com", "password": "wrong password", "csrftoken": token}
        guesses = [
            (await http.post("/login", data=wrong, headers=guesser)).status_code for _ in range(11)
        ]
        right = {"email": "wang@example.com", "password": PASSWORD, "csrftoken": token}
        owner_in = await http.post("/login", data=right, headers=owner)
        guesser_in = await http.post("/login", data=right, headers=guesser)

    assert guesses == [422] * 10 + [429]
    assert owner_in.status_code == 303
    assert guesser_in.status_code == 429


# --- 9. smaller refusals ---------------------------------------------------------------


async def test_a_complaint_key_over_100_characters_is_refused_with_a_message(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    token = (await accounts.create_api_token(world.enterprise, name="ERP")).secret
    body = {"agency_id": world.catalogue.hengyuan.id, "topic": "fees", "description": "收费超标"}

    response = await client.post(
        "/api/v1/complaints",
        json=body,
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "k" * 101},
    )

    # the API's one header check (marketplace.schemas.idempotency_key) answers first
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "idempotency_key_invalid"
    assert "100" in response.json()["error"]["message"]
    assert await Complaint.all().count() == 0


async def test_an_unknown_reviewer_is_refused_and_the_reviewers_stay(
    client: httpx.AsyncClient, db: str
) -> None:
    cats = await make_categories()
    office = await make_office()
    r1, r2 = await make_reviewers(2)
    round = await round_service.create_round(
        details=round_input([cats.eia]), actor=office, now=CREATED
    )
    await round_service.set_reviewers(round, reviewers=[r1, r2], actor=office, now=CREATED)
    browser = await _browser(client, office.email)
    url = f"/backoffice/admission/rounds/{round.id}/reviewers"

    unknown = await post_form(browser, url, {"reviewers": [str(r1.id), "999999"]})
    garbled = await post_form(browser, url, {"reviewers": ["１"]})

    assert (unknown.status_code, garbled.status_code) == (422, 422)
    assert "所选评审人不存在，未做任何更改。" in text_of(unknown.text)
    assert sorted(
        await ReviewerAssignment.filter(round=round).values_list("reviewer_id", flat=True)
    ) == sorted([r1.id, r2.id])


async def test_a_late_objection_is_refused_with_its_reason(demo_client: httpx.AsyncClient) -> None:
    round = await AdmissionRound.get()  # the demo round, concluded
    token = await csrf_token(demo_client)

    late = await demo_client.post(
        f"/admission/rounds/{round.id}/objections",
        data={
            "csrftoken": token,
            "objector_name": "张三",
            "contact": "13812345678",
            "text": "评分结果有误，请复核。",
            "application": "",
        },
    )

    assert late.status_code == 422
    assert "请修改以下内容： 遴选处于“已结束”阶段，不能进行此操作。" in text_of(late.text)
    assert await Objection.all().count() == 0


@pytest.fixture
def beijing_clock() -> Iterator[Callable[[dt.datetime], None]]:
    """Set the application's one Beijing clock for a test, and put it back afterwards."""
    yield clock.set_now
    clock.set_now(None)


async def test_the_rating_window_ends_at_midnight_in_beijing_not_on_the_server(
    world: OrderWorld, beijing_clock: Callable[[dt.datetime], None]
) -> None:
    # given: an order completed on 3 September, so its 30 days end on 3 October
    order = await _hengyuan_order(world, "order-key-05")
    agency = await as_current(world.hengyuan_staff)
    buyer = await as_current(world.enterprise)
    await orders.transition(order.id, "accept", actor=agency, on=D(2026, 9, 1))
    await orders.transition(order.id, "deliver", actor=agency, on=D(2026, 9, 3), files=_FILE)
    await orders.transition(order.id, "confirm", actor=buyer, on=D(2026, 9, 3))

    # when: it is 00:30 on 4 October in Beijing (still 3 October, 16:30, in UTC)
    beijing_clock(dt.datetime(2026, 10, 3, 16, 30, tzinfo=dt.UTC))
    with pytest.raises(OrderRefused) as late:
        await ratings.rate_order(order.id, actor=buyer, scores=FIVE, comment="")

    # then
    assert (clock.today(), clock.now().hour) == (D(2026, 10, 4), 0)
    assert late.value.message.id == "Orders can be rated within %(days)s days of completion."
    beijing_clock(dt.datetime(2026, 10, 3, 15, 59, tzinfo=dt.UTC))  # 23:59 on 3 October
    rating = await ratings.rate_order(order.id, actor=buyer, scores=FIVE, comment="")
    assert rating.overall == 5


def test_no_module_keeps_its_own_beijing_time_or_the_servers_date() -> None:
    from marketplace.core.settings import BASE_DIR

    offenders = [
        path.relative_to(BASE_DIR).as_posix()
        for path in sorted((BASE_DIR / "marketplace").rglob("*.py"))
        if path.name != "clock.py" or path.parent.name != "core"
        if re.search(
            r"timedelta\(hours=8\)|date\.today\(\)|datetime\.now\((?!dt\.UTC)", path.read_text()
        )
    ]

    assert offenders == []
