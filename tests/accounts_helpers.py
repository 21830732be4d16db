"""Helpers for tests that sign in and post forms as a browser does."""

from __future__ import annotations

import zlib

import httpx

from marketplace.accounts import services
from marketplace.accounts.models import Role, User
from marketplace.catalog.models import Agency
from tests.factories import credit_code

PASSWORD = "correct horse battery"


async def csrf_token(client: httpx.AsyncClient, page: str = "/login") -> str:
    """The CSRF token a form on ``page`` carries (the cookie is set on first sight)."""
    if "csrftoken" not in client.cookies:
        await client.get(page)
    return str(client.cookies["csrftoken"])


async def post_form(
    client: httpx.AsyncClient, url: str, data: dict[str, object], *, page: str = "/login"
) -> httpx.Response:
    token = await csrf_token(client, page)
    return await client.post(url, data={**data, "csrftoken": token})


async def make_user(
    email: str, *roles: Role, agency: Agency | None = None, name: str = "测试用户"
) -> User:
    if Role.ENTERPRISE in roles:
        user = await services.register_enterprise(
            company_name=f"{name}的公司",
            credit_code=credit_code(
                "91320902MA" + str(zlib.crc32(email.encode()) % 10**6).zfill(6)
            ),
            contact_person=name,
            phone="13812345678",
            email=email,
            password=PASSWORD,
        )
        others = set(roles) - {Role.ENTERPRISE}
        if others:
            await services.set_roles(user, set(roles), agency=agency, actor=user)
        return user
    return await services.create_user(
        email=email, name=name, password=PASSWORD, roles=set(roles), agency=agency
    )


async def sign_in(
    client: httpx.AsyncClient, email: str, password: str = PASSWORD
) -> httpx.Response:
    response = await post_form(client, "/login", {"email": email, "password": password})
    assert response.status_code == 303, response.text
    return response
