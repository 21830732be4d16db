"""Organisations: members invited by a one-time link, their roles and removal, what every
member sees, where notices go, and the agency's register of licensed professionals."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import io
import re
from collections.abc import AsyncIterator
from types import SimpleNamespace

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.datastructures import UploadFile
from tortoise import connections

from marketplace.accounts import services as accounts
from marketplace.accounts.models import MemberRole, Role, Session, User
from marketplace.app import create_app
from marketplace.codes import (
    InvalidCode,
    check_resident_id,
    mask_resident_id,
    resident_id_check_character,
)
from marketplace.core import clock
from marketplace.core.mail import OutboxEmail
from marketplace.core.notifications import Notification
from marketplace.core.uploads import StoredFile, read_uploads
from marketplace.forms import FormError
from marketplace.orders import services as orders
from marketplace.orders.models import Order
from marketplace.orders.visibility import visible_orders
from marketplace.organisations import services
from marketplace.organisations.models import MemberInvitation, Professional
from tests.accounts_helpers import PASSWORD, csrf_token, sign_in
from tests.conftest import MEDIA_DIR, make_settings
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_orders_web import PDF

ACCEPT_URL = "https://marketplace.example.cn/invitations/{token}"
# The two examples printed in GB 11643-1999 itself.
STANDARD_EXAMPLES = ("11010519491231002X", "440524188001010014")
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


@pytest.fixture
async def http(db: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(make_settings(db))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


async def _join(admin: User, email: str, role: str = "handler", name: str = "新成员") -> User:
    invited = await services.invite(
        await as_current(admin), email=email, role=role, accept_url=ACCEPT_URL
    )
    return await services.accept_invitation(token=invited.token, name=name, password=PASSWORD)


async def _place(world: OrderWorld, key: str = "org-key-0001") -> Order:
    placed = await orders.place_order(
        user=await as_current(world.enterprise),
        item_id=world.catalogue.report_book.id,
        project_name="年产十万吨新材料项目",
        project_code=PROJECT_CODE,
        base="10000",
        note="",
        idempotency_key=key,
    )
    return placed.order


async def _browser(http: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=http._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


# --- identity card numbers (GB 11643-1999) -------------------------------------------------


def test_identity_card_numbers_are_checked_by_gb_11643_and_shown_masked() -> None:
    # the standard's own examples pass, and their check characters are computed alike
    for number in STANDARD_EXAMPLES:
        assert check_resident_id(number, today=TODAY) == number
        assert resident_id_check_character(number[:17]) == number[17]
    assert check_resident_id(" 11010519491231002x ", today=TODAY) == "11010519491231002X"
    assert mask_resident_id("11010519491231002X") == "1101**********002X"
    assert mask_resident_id("320102198001011234") == "3201**********1234"

    refusals = {
        "110105194912310021": "The check character (the last one) does not match: "
        "please check the number for a typing mistake.",
        "440524188001010015": "The check character (the last one) does not match: "
        "please check the number for a typing mistake.",
        "1101051949123100": "An identity card number has 18 characters: 17 digits and a "
        "last digit or X.",
        "11010519491331002X": "Digits 7 to 14 (19491331) are not a date of birth.",
        "11010520271231002X": "Digits 7 to 14 (20271231) are not a date of birth.",
        "99010519491231002X": "The first two digits (99) are not a province's code.",
        "１１010519491231002X": "An identity card number has 18 characters: 17 digits and a "
        "last digit or X.",
    }
    for number, message in refusals.items():
        with pytest.raises(InvalidCode) as refused:
            check_resident_id(number, today=TODAY)
        assert refused.value.message.id % refused.value.message.params == message, number


# --- invitations ------------------------------------------------------------------------


async def test_an_invitation_link_works_once_and_not_after_it_expires(world: OrderWorld) -> None:
    # given the enterprise's administrator invites a handler by e-mail
    admin = await as_current(world.enterprise)
    invited = await services.invite(
        admin, email=" New.Handler@Example.com ", role="handler", accept_url=ACCEPT_URL
    )

    # then the e-mail carries the one-time link built from PUBLIC_URL, and only the
    # token's digest is stored
    mail = await OutboxEmail.get(to="new.handler@example.com")
    link = re.search(r"https://marketplace\.example\.cn/invitations/(\S+)", mail.body)
    assert link is not None and link[1] == invited.token
    stored = await MemberInvitation.get(id=invited.invitation.id)
    assert stored.token_digest == accounts.digest(invited.token) != invited.token
    assert stored.enterprise_id == world.enterprise.enterprise_id

    # when the link is used, a handler of the enterprise is made
    user = await services.accept_invitation(token=link[1], name="经办人甲", password=PASSWORD)
    assert (user.email, user.enterprise_id, user.member_role) == (
        "new.handler@example.com",
        world.enterprise.enterprise_id,
        MemberRole.HANDLER,
    )
    assert await accounts.user_roles(user) == {Role.ENTERPRISE}

    # and the same link never works again
    with pytest.raises(FormError) as again:
        await services.accept_invitation(token=link[1], name="别人", password=PASSWORD)
    assert again.value.errors[""].id == (
        "This invitation has expired, was used already or was withdrawn."
    )
    assert await User.filter(email="new.handler@example.com").count() == 1

    # and a link older than seven days is refused, nothing made
    late = await services.invite(
        admin, email="late@example.com", role="administrator", accept_url=ACCEPT_URL
    )
    clock.set_now(clock.now() + dt.timedelta(days=7, minutes=1))
    try:
        assert await services.valid_invitation(late.token) is None
        with pytest.raises(FormError):
            await services.accept_invitation(token=late.token, name="迟到", password=PASSWORD)
    finally:
        clock.set_now(None)
    assert not await User.exists(email="late@example.com")


async def test_an_existing_account_joins_only_with_its_own_address_and_no_organisation(
    world: OrderWorld,
) -> None:
    admin = await as_current(world.hengyuan_staff)
    free = await accounts.create_user(
        email="free@example.com", name="自由", password=PASSWORD, roles=()
    )
    invited = await services.invite(
        admin, email="free@example.com", role="handler", accept_url=ACCEPT_URL
    )

    # another signed-in account cannot use the link
    with pytest.raises(FormError) as wrong:
        await services.accept_invitation(token=invited.token, user=world.qinghe_staff)
    assert wrong.value.errors[""].params == {"email": "free@example.com"}

    # an account of another organisation invited by its address cannot join a second one
    other = await services.invite(
        admin, email="other@example.com", role="handler", accept_url=ACCEPT_URL
    )
    with pytest.raises(FormError):
        await services.accept_invitation(token=other.token, user=world.other_enterprise)

    # the invited account joins the agency as its handler
    joined = await services.accept_invitation(token=invited.token, user=free)
    assert (joined.agency_id, joined.member_role) == (
        world.catalogue.hengyuan.id,
        MemberRole.HANDLER,
    )
    assert await accounts.user_roles(joined) == {Role.AGENCY}


# --- roles and removal ------------------------------------------------------------------


async def test_an_organisation_always_keeps_an_administrator(world: OrderWorld) -> None:
    admin = await as_current(world.enterprise)
    alone = world.enterprise.id
    with pytest.raises(FormError) as demote:
        await services.set_member_role(admin, alone, role="handler")
    assert demote.value.errors["role"].id.startswith("An organisation keeps at least one")
    with pytest.raises(FormError):
        await services.remove_member(admin, alone)

    # a handler manages no one
    handler = await _join(world.enterprise, "handler@example.com")
    with pytest.raises(FormError) as refused:
        await services.set_member_role(await as_current(handler), handler.id, role="administrator")
    assert refused.value.errors[""].id == "Only an administrator of the organisation can do this."

    # with a second administrator, the first may step down
    await services.set_member_role(admin, handler.id, role="administrator")
    await services.set_member_role(admin, alone, role="handler")
    roles = dict(
        await User.filter(enterprise_id=world.enterprise.enterprise_id).values_list(
            "email", "member_role"
        )
    )
    assert roles == {
        "buyer@example.com": MemberRole.HANDLER,
        "handler@example.com": MemberRole.ADMINISTRATOR,
    }
    # and the one left cannot be demoted or removed by anyone
    new_admin = await as_current(await User.get(id=handler.id))
    with pytest.raises(FormError):
        await services.set_member_role(new_admin, handler.id, role="handler")
    with pytest.raises(FormError):
        await services.remove_member(new_admin, handler.id)
    # nor can a member of another organisation be named
    with pytest.raises(FormError) as stranger:
        await services.remove_member(new_admin, world.other_enterprise.id)
    assert stranger.value.errors[""].id == "There is no such member."


async def test_a_removed_members_session_and_token_stop_working_at_once(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    # given a handler signed in on the web and holding an API token
    handler = await _join(world.enterprise, "handler@example.com")
    order = await _place(world)
    browser = await _browser(http, "handler@example.com")
    token = (await accounts.create_api_token(handler, name="ERP")).secret
    api = {"Authorization": f"Bearer {token}"}
    assert (await browser.get(f"/orders/{order.id}")).status_code == 200
    assert (await http.get(f"/api/v1/orders/{order.id}", headers=api)).status_code == 200

    # when the administrator removes them on the members page
    admin = await _browser(http, "buyer@example.com")
    page = await admin.get("/account/organisation")
    assert "handler@example.com" in page.text
    # (the page's forms post to its own address, each naming itself and its row)
    removed = await admin.post(
        "/account/organisation",
        data={"do": "remove", "row": str(handler.id), "csrftoken": await csrf_token(admin)},
    )
    assert removed.status_code == 303
    assert removed.headers["location"] == "/account/organisation?done=removed"

    # then the very next requests of their browser and their program are strangers'
    assert (await browser.get(f"/orders/{order.id}")).status_code == 303  # to sign in
    assert (await http.get(f"/api/v1/orders/{order.id}", headers=api)).status_code == 401
    assert (await http.get("/api/v1/me", headers=api)).status_code == 401
    assert await Session.filter(user_id=handler.id).count() == 0
    after = await User.get(id=handler.id)
    assert (after.enterprise_id, after.member_role) == (None, None)
    assert await accounts.user_roles(after) == set()
    await browser.aclose()
    await admin.aclose()


# --- what members see -------------------------------------------------------------------


async def test_every_member_sees_the_organisations_orders_and_no_one_else(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    # given an order of the enterprise for the Hengyuan agency, each with a second member
    order = await _place(world)
    await _join(world.enterprise, "handler@example.com")
    await _join(world.hengyuan_staff, "hy2@example.com")

    for email in ("buyer@example.com", "handler@example.com", "hy@example.com", "hy2@example.com"):
        user = await as_current(await User.get(email=email))
        assert await visible_orders(user).values_list("id", flat=True) == [order.id], email
        browser = await _browser(http, email)
        assert (await browser.get(f"/orders/{order.id}")).status_code == 200, email
        assert str(order.number) in (await browser.get("/orders")).text, email
        listed = (await browser.get("/api/v1/orders")).json()
        assert [o["id"] for o in listed["orders"]] == [order.id], email
        await browser.aclose()

    # members of other organisations see nothing of it, on the web or through the API
    await _join(world.other_enterprise, "other2@example.com")
    for email in ("other@example.com", "other2@example.com", "qh@example.com"):
        user = await as_current(await User.get(email=email))
        assert await visible_orders(user).count() == 0, email
        browser = await _browser(http, email)
        assert (await browser.get(f"/orders/{order.id}")).status_code == 404, email
        assert (await browser.get(f"/api/v1/orders/{order.id}")).status_code == 404, email
        assert (await browser.get("/api/v1/orders")).json()["total"] == 0, email
        await browser.aclose()


async def test_notices_go_to_the_members_concerned_not_to_the_party_that_acted(
    world: OrderWorld,
) -> None:
    handler = await _join(world.enterprise, "handler@example.com")
    colleague = await _join(world.hengyuan_staff, "hy2@example.com")

    async def told(message_start: str) -> set[str]:
        rows = await Notification.filter(message__startswith=message_start).select_related("user")
        return {n.user.email for n in rows}

    # placing tells every member of the agency, none of the enterprise
    order = await _place(world)
    assert await told("Order %(number)s was placed") == {"hy@example.com", "hy2@example.com"}

    # accepting tells the enterprise's members, not the accepting agency's other staff
    agency = await as_current(world.hengyuan_staff)
    await orders.transition(order.id, "accept", actor=agency, on=TODAY)
    assert await told("Order %(number)s was accepted") == {"buyer@example.com", handler.email}

    # "delivered, please confirm or send back" goes to the enterprise's members only
    delivered = await orders.transition(
        order.id,
        "deliver",
        actor=await as_current(colleague),
        on=TODAY,
        files=[await _stored_pdf()],
    )
    assert delivered.state.value == "delivered"
    assert await told("Order %(number)s was delivered") == {"buyer@example.com", handler.email}

    # the handler's confirmation tells the agency's members, not the enterprise's
    await orders.transition(order.id, "confirm", actor=await as_current(handler), on=TODAY)
    assert await told("Order %(number)s was confirmed as completed") == {
        "hy@example.com",
        "hy2@example.com",
    }


async def _stored_pdf() -> StoredFile:
    (stored,) = await read_uploads([UploadFile(io.BytesIO(PDF), filename="r.pdf")], MEDIA_DIR)
    return stored


# --- the register of licensed professionals ------------------------------------------------


async def test_accepting_names_a_professional_of_the_orders_own_agency(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    hengyuan = await as_current(world.hengyuan_staff)
    qinghe = await as_current(world.qinghe_staff)
    ours = await services.add_professional(
        hengyuan,
        name="王敏",
        qualification="环境影响评价工程师",
        certificate_no="HP-0001",
        id_number="11010519491231002X",
    )
    theirs = await services.add_professional(
        qinghe,
        name="李强",
        qualification="注册安全工程师",
        certificate_no="AQ-0001",
        id_number="440524188001010014",
    )
    with pytest.raises(FormError) as bad:
        await services.add_professional(
            hengyuan,
            name="张伟",
            qualification="注册测绘师",
            certificate_no="CH-1",
            id_number="110105194912310021",
        )
    assert set(bad.value.errors) == {"id_number"}
    order = await _place(world)

    # without a professional, or with another agency's, accepting is refused
    with pytest.raises(FormError) as missing:
        await orders.transition(order.id, "accept", actor=hengyuan, on=TODAY)
    assert missing.value.errors["professional_id"].id == (
        "Name the licensed professional responsible for this order."
    )
    with pytest.raises(FormError) as foreign:
        await orders.transition(
            order.id, "accept", actor=hengyuan, on=TODAY, professional_id=theirs.id
        )
    assert foreign.value.errors["professional_id"].id == (
        "Choose a professional on your agency's register."
    )
    assert (await Order.get(id=order.id)).state.value == "placed"

    # through the API, with its own professional, the order names them
    browser = await _browser(http, "hy@example.com")
    token = await csrf_token(browser, "/orders")
    refused = await browser.post(
        f"/api/v1/orders/{order.id}/accept",
        json={"professional_id": theirs.id},
        headers={"x-csrftoken": token},
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "professional_id"
    accepted = await browser.post(
        f"/api/v1/orders/{order.id}/accept",
        json={"professional_id": ours.id},
        headers={"x-csrftoken": token},
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["professional"] == {
        "id": ours.id,
        "name": "王敏",
        "qualification": "环境影响评价工程师",
        "certificate_no": "HP-0001",
    }
    # and the order page and the register page show them, the ID number masked
    page = (await browser.get(f"/orders/{order.id}")).text
    assert "王敏（环境影响评价工程师，" in page and "HP-0001" in page
    register = (await browser.get("/account/professionals")).text
    assert "1101**********002X" in register and "11010519491231002X" not in register
    listed = (await browser.get("/api/v1/professionals")).json()
    assert [p["id_number"] for p in listed["professionals"]] == ["1101**********002X"]
    await browser.aclose()

    # the enterprise sees the professional on its order too
    buyer = await _browser(http, "buyer@example.com")
    assert (await buyer.get(f"/api/v1/orders/{order.id}")).json()["professional"]["id"] == ours.id
    await buyer.aclose()
    assert await Professional.filter(agency_id=world.catalogue.hengyuan.id).count() == 1


async def test_the_migration_makes_every_linked_account_its_organisations_administrator(
    world: OrderWorld,
) -> None:
    # given the accounts as they were before organisations had members
    await User.all().update(member_role=None)

    # when the data step of the migration runs
    migration = importlib.import_module("marketplace.migrations.0018_organisations")
    await migration._administrators(None, SimpleNamespace(client=connections.get("default")))

    # then each enterprise's and agency's one account administers it; the office's none
    assert dict(await User.all().values_list("email", "member_role")) == {
        "buyer@example.com": MemberRole.ADMINISTRATOR,
        "other@example.com": MemberRole.ADMINISTRATOR,
        "hy@example.com": MemberRole.ADMINISTRATOR,
        "qh@example.com": MemberRole.ADMINISTRATOR,
        "admin@example.com": None,
    }


async def test_the_members_page_invites_and_the_link_makes_a_signed_in_member(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    # given the agency's administrator invites a colleague on the members page
    admin = await _browser(http, "hy@example.com")
    sent = await admin.post(
        "/account/organisation",
        data={
            "do": "invite",
            "email": "colleague@example.com",
            "role": "administrator",
            "csrftoken": await csrf_token(admin),
        },
    )
    assert sent.headers["location"] == "/account/organisation?done=invited"
    refused = await admin.post(
        "/account/organisation",
        data={
            "do": "invite",
            "email": "not an address",
            "role": "owner",
            "csrftoken": await csrf_token(admin),
        },
    )
    assert refused.status_code == 422
    assert "请输入有效的电子邮箱地址。" in refused.text
    mail = await OutboxEmail.get(to="colleague@example.com")
    # the link is built from PUBLIC_URL (the test settings' default), not the Host header
    link = re.search(r"(\S+)/invitations/(\S+)", mail.body)
    assert link is not None and link[1] == make_settings("sqlite://:memory:").public_url
    path = f"/invitations/{link[2]}"

    # when the colleague opens it and makes their account
    visitor = httpx.AsyncClient(transport=http._transport, base_url="http://testserver")
    page = await visitor.get(path)
    assert page.status_code == 200 and "colleague@example.com" in page.text
    made = await visitor.post(
        path,
        data={"name": "同事", "password": PASSWORD, "csrftoken": await csrf_token(visitor, path)},
    )
    assert (made.status_code, made.headers["location"]) == (303, "/account/organisation")

    # then they are signed in as an administrator of the agency, and the link is spent
    members_page = await visitor.get("/account/organisation")
    assert members_page.status_code == 200 and "同事" in members_page.text
    assert 'name="do" value="role"' in members_page.text  # they manage members
    assert (await visitor.get(path)).status_code == 410
    colleague = await User.get(email="colleague@example.com")
    assert (colleague.agency_id, colleague.member_role) == (
        world.catalogue.hengyuan.id,
        MemberRole.ADMINISTRATOR,
    )

    # and the first administrator may now step down to handler on the page
    stepped = await admin.post(
        "/account/organisation",
        data={
            "do": "role",
            "row": str(world.hengyuan_staff.id),
            "role": "handler",
            "csrftoken": await csrf_token(admin),
        },
    )
    assert stepped.headers["location"] == "/account/organisation?done=role_changed"
    handler_page = (await admin.get("/account/organisation")).text
    assert 'name="do" value="role"' not in handler_page  # handlers manage no one
    await admin.aclose()
    await visitor.aclose()


async def test_two_administrators_demoting_each_other_at_once_leave_one(
    world: OrderWorld,
) -> None:
    # given two administrators of the enterprise
    second = await _join(world.enterprise, "second@example.com", role="administrator")
    first, other = await as_current(world.enterprise), await as_current(second)

    # when each makes the other a handler at the same moment
    outcomes = await asyncio.gather(
        services.set_member_role(first, second.id, role="handler"),
        services.set_member_role(other, world.enterprise.id, role="handler"),
        return_exceptions=True,
    )

    # then one of them won and the enterprise keeps exactly one administrator
    refused = [o for o in outcomes if isinstance(o, services.Refused)]
    assert len(refused) == 1, outcomes
    admins = await User.filter(
        enterprise_id=world.enterprise.enterprise_id, member_role=MemberRole.ADMINISTRATOR
    ).count()
    assert admins == 1


# --- the rows' forms at their page's own address ------------------------------------------


async def _post_row(browser: httpx.AsyncClient, page: str, data: dict[str, str]) -> httpx.Response:
    return await browser.post(page, data={**data, "csrftoken": await csrf_token(browser, page)})


def _tag(html: str, tag_id: str) -> str:
    found = re.search(rf'<[^>]*\bid="{re.escape(tag_id)}"[^>]*>', html)
    assert found is not None, tag_id
    return found[0]


async def test_a_members_role_is_changed_and_refused_at_the_members_page(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    handler = await _join(world.enterprise, "handler@example.com")
    admin = await _browser(http, "buyer@example.com")
    page = "/account/organisation"
    me = str(world.enterprise.id)

    # the last administrator steps down: refused at their row, the role chosen kept
    last = await _post_row(admin, page, {"do": "role", "row": me, "role": "handler"})
    # someone of another organisation, and nobody: refused above the list
    stranger = await _post_row(
        admin,
        page,
        {"do": "role", "row": str(world.other_enterprise.id), "role": "administrator"},
    )
    nobody = await _post_row(admin, page, {"do": "role", "row": "²", "role": "administrator"})
    roles_after_refusals = [
        (await User.get(id=u.id)).member_role for u in (world.enterprise, handler)
    ]
    made = await _post_row(
        admin, page, {"do": "role", "row": str(handler.id), "role": "administrator"}
    )
    old_address = await admin.post(
        f"/account/organisation/members/{handler.id}/role",
        data={"role": "handler", "csrftoken": await csrf_token(admin, page)},
    )

    assert last.status_code == 422
    select = _tag(last.text, f"role-{me}")
    assert 'aria-invalid="true"' in select and f'aria-describedby="role-{me}-error"' in select
    assert f'href="#role-{me}"' in last.text
    assert "单位至少须保留一名管理员：请先将其他成员设为管理员。" in last.text
    mine = last.text.split(f'id="role-{me}"', 1)[1].split("</select>", 1)[0]
    assert '<option value="handler" selected>' in mine  # as chosen
    theirs = last.text.split(f'id="role-{handler.id}"', 1)[1].split("</select>", 1)[0]
    assert '<option value="handler" selected>' in theirs and "aria-invalid" not in theirs
    assert last.text.count('aria-invalid="true"') == 1
    for refused in (stranger, nobody):
        assert refused.status_code == 422
        assert "没有这位成员。" in refused.text and 'aria-invalid="true"' not in refused.text
    assert roles_after_refusals == [MemberRole.ADMINISTRATOR, MemberRole.HANDLER]
    assert made.headers["location"] == "/account/organisation?done=role_changed"
    assert (await User.get(id=handler.id)).member_role is MemberRole.ADMINISTRATOR
    assert (await User.get(id=world.enterprise.id)).member_role is MemberRole.ADMINISTRATOR
    assert (await User.get(id=world.other_enterprise.id)).member_role is MemberRole.ADMINISTRATOR
    assert old_address.status_code == 404
    await admin.aclose()


async def test_a_professional_is_taken_off_the_register_at_the_registers_page(
    world: OrderWorld, http: httpx.AsyncClient
) -> None:
    hengyuan = await as_current(world.hengyuan_staff)
    first, second = [
        await services.add_professional(
            hengyuan,
            name=name,
            qualification="环境影响评价工程师",
            certificate_no=number,
            id_number=id_number,
        )
        for name, number, id_number in zip(
            ("王敏", "张华"), ("HP-0001", "HP-0002"), STANDARD_EXAMPLES, strict=True
        )
    ]
    theirs = await services.add_professional(
        await as_current(world.qinghe_staff),
        name="李强",
        qualification="注册安全工程师",
        certificate_no="AQ-0001",
        id_number=STANDARD_EXAMPLES[0],
    )
    browser = await _browser(http, "hy@example.com")
    page = "/account/professionals"

    # another agency's professional: refused above the register, nothing changed
    refused = await _post_row(browser, page, {"do": "remove", "row": str(theirs.id)})
    removed = await _post_row(browser, page, {"do": "remove", "row": str(second.id)})
    again = await _post_row(browser, page, {"do": "remove", "row": str(second.id)})

    assert refused.status_code == 422
    assert "登记册中没有这位执业人员。" in refused.text
    assert removed.headers["location"] == "/account/professionals?done=professional_removed"
    assert again.status_code == 422 and "登记册中没有这位执业人员。" in again.text
    active = {p.id: p.active for p in await Professional.all()}
    assert active == {first.id: True, second.id: False, theirs.id: True}
    await browser.aclose()
