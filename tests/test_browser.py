"""A visitor's path through the storefront in headless Chromium (Debian's build).

The marketplace runs as a real server (uvicorn, in a subprocess) on the demo catalogue
in SQLite; Playwright drives /usr/bin/chromium. Screenshots of each step land in
``build/screenshots`` for a person to look at.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REQUIRE_SERVICES

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


# People of the browser tests, made with the services in the live database: an enterprise
# and the staff of the agency of service item 1.
_PEOPLE = """
import asyncio
from tortoise import Tortoise
from marketplace.accounts import services
from marketplace.accounts.models import Role
from marketplace.catalog.models import ServiceItem
from marketplace.database import tortoise_config
from marketplace.settings import Settings
from tests.factories import credit_code

async def main():
    url = Settings.from_env().database_url
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    item = await ServiceItem.get(id=1).prefetch_related("agency")
    await services.register_enterprise(
        company_name="盐城下单测试有限公司",
        credit_code=credit_code("91320902MA1DR0001"),
        contact_person="下单人",
        phone="13900002222",
        email="orderer@example.com",
        password="orderer password",
    )
    await services.create_user(
        email="agent@example.com",
        name="机构经办人",
        password="agent password 1",
        roles={Role.AGENCY},
        agency=item.agency,
    )
    await Tortoise.close_connections()

asyncio.run(main())
"""


@contextlib.contextmanager
def serve_marketplace(env: dict[str, str]) -> Iterator[str]:
    """The marketplace served by uvicorn in a subprocess with ``env``; yields its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "marketplace.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(httpx.TransportError):  # not listening yet
                if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the marketplace did not start")
            time.sleep(0.1)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The marketplace served by uvicorn on the demo catalogue; yields its base URL."""
    if not CHROMIUM.exists():
        reason = "Debian's chromium is not installed (apt-get install chromium)"
        if REQUIRE_SERVICES:
            pytest.fail(reason)
        pytest.skip(reason)
    workdir = tmp_path_factory.mktemp("live")
    env = {**os.environ, "DATABASE_URL": f"sqlite://{workdir / 'demo.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "marketplace.cli", "seed-demo"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, "-c", _PEOPLE], env=env, check=True, capture_output=True)
    with serve_marketplace(env) as base_url:
        yield base_url


@pytest.fixture
async def page(live_server: str) -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
        context = await browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=live_server
        )
        page = await context.new_page()
        errors: list[str] = []
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        yield page
        await browser.close()
        # a Content-Security-Policy violation or a missing asset shows up as a console error;
        # the one expected error is the 422 of the estimator refusing "abc"
        assert [e for e in errors if "status of 422" not in e] == []


async def test_visitor_browses_estimates_a_fee_and_switches_language(
    live_server: str, page: object
) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # the home page lists the twenty categories, grouped by market type
    await page.goto("/")
    await expect(page).to_have_title("中介服务超市")
    await expect(page.locator(".category-card")).to_have_count(20)
    await page.screenshot(path=SCREENSHOTS / "1-home.png", full_page=True)

    # a competitive category shows its admitted agencies' items
    await page.get_by_role("link", name="环境影响评价").first.click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("环境影响评价")
    rows = page.locator("table.items tbody tr")
    assert await rows.count() >= 2
    await page.screenshot(path=SCREENSHOTS / "2-category.png", full_page=True)

    # an agency profile shows its qualifications and items
    await rows.first.locator("td").nth(1).get_by_role("link").click()
    await expect(page.get_by_role("heading", name="资质信息")).to_be_visible()
    await page.screenshot(path=SCREENSHOTS / "3-agency.png", full_page=True)

    # an item page: find one whose fee depends on a base, and estimate it
    async with httpx.AsyncClient(base_url=live_server) as api:
        item_id = await _first_item_needing_a_base(api)
    await page.goto(f"/services/{item_id}")
    await page.get_by_label("(", exact=False).fill("abc")
    await page.get_by_role("button", name="估算").click()
    await expect(page.get_by_role("alert")).to_have_text("“abc”不是有效的数字。")
    await page.get_by_label("(", exact=False).fill("5000")
    await page.get_by_role("button", name="估算").click()
    estimate = page.locator(".estimate-amount")
    await expect(estimate).to_contain_text("¥")
    low = int(await estimate.get_attribute("data-low-fen") or "0")
    high = int(await estimate.get_attribute("data-high-fen") or "0")
    async with httpx.AsyncClient(base_url=live_server) as api:
        response = await api.get(
            f"/api/v1/services/{item_id}/fee-estimate", params={"base": "5000"}
        )
        expected = response.json()
    assert (low, high) == (expected["low_fen"], expected["high_fen"])
    assert low > 0
    await page.screenshot(path=SCREENSHOTS / "4-service.png", full_page=True)

    # switch to English: the same page, in English, and the choice sticks
    await page.get_by_role("link", name="English").click()
    await expect(page.get_by_role("heading", name="Fee estimator")).to_be_visible()
    assert await page.locator("html").get_attribute("lang") == "en"
    await page.get_by_role("link", name="Home").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(
        "Find, compare and hire licensed intermediaries for project approval"
    )
    await page.screenshot(path=SCREENSHOTS / "5-home-en.png", full_page=True)


async def _first_item_needing_a_base(api: httpx.AsyncClient) -> int:
    """The id of the first demo item with a tiered, rate or per-unit fee (from the API)."""
    agencies = (await api.get("/api/v1/agencies", params={"per_page": 100})).json()["agencies"]
    for agency in agencies:
        for item in (await api.get(f"/api/v1/agencies/{agency['id']}")).json()["services"]:
            if item["fee_type"] in ("tiered", "rate", "per_unit"):
                return int(item["id"])
    raise AssertionError("the demo catalogue has no item whose fee depends on a base")


async def test_enterprise_registers_signs_out_and_signs_in_again(
    live_server: str, page: object
) -> None:
    from playwright.async_api import Page, expect

    from tests.factories import credit_code

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    code = credit_code("91320903MA1BR0001")

    # register, with a typing mistake in the credit code first
    await page.goto("/")
    await page.get_by_role("link", name="注册", exact=True).click()
    await page.get_by_label("企业名称").fill("盐城浏览器测试有限公司")
    await page.get_by_label("统一社会信用代码").fill(code[:-1] + ("1" if code[-1] == "0" else "0"))
    await page.get_by_label("联系人").fill("测试员")
    await page.get_by_label("联系电话").fill("13900001111")
    await page.get_by_label("电子邮箱").fill("browser@example.com")
    await page.get_by_label("密码").fill("browser password 1")
    await page.get_by_role("button", name="注册").click()
    await expect(page.locator(".field-error")).to_have_text(
        "校验码（最后一位）不符，请检查代码是否输错。"
    )
    await expect(page.get_by_label("企业名称")).to_have_value("盐城浏览器测试有限公司")
    await page.screenshot(path=SCREENSHOTS / "6-register-error.png", full_page=True)
    await page.get_by_label("统一社会信用代码").fill(code)
    await page.get_by_label("密码").fill("browser password 1")
    await page.get_by_role("button", name="注册").click()
    await expect(page.get_by_role("status")).to_have_text("欢迎！您的企业账户已开通。")
    await page.screenshot(path=SCREENSHOTS / "7-account.png", full_page=True)

    # sign out
    await page.get_by_role("button", name="退出").click()
    await expect(page.get_by_role("status")).to_have_text("您已退出登录。")

    # sign in again, with a wrong password first
    await page.get_by_label("电子邮箱").fill("browser@example.com")
    await page.get_by_label("密码").fill("not the password")
    await page.get_by_role("button", name="登录").click()
    await expect(page.get_by_role("alert")).to_contain_text("邮箱或密码不正确。")
    await page.get_by_label("密码").fill("browser password 1")
    await page.get_by_role("button", name="登录").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的账户")
    await expect(page.locator(".user-nav")).to_contain_text("测试员")


async def _sign_in(page: object, email: str, password: str) -> None:
    from playwright.async_api import Page

    assert isinstance(page, Page)
    await page.goto("/login")
    await page.get_by_label("电子邮箱").fill(email)
    await page.get_by_label("密码").fill(password)
    await page.get_by_role("button", name="登录").click()
    await page.wait_for_url("**/account")


async def test_an_order_from_placement_to_confirmation(live_server: str, page: object) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # the enterprise estimates a fee and orders item 1
    await _sign_in(page, "orderer@example.com", "orderer password")
    await page.goto("/services/1?base=5000")
    await page.get_by_role("link", name="委托下单").click()
    await expect(page.get_by_label("项目估算总投资", exact=False)).to_have_value("5000")
    await page.get_by_label("项目名称").fill("盐城港区新材料产业园项目")
    await page.get_by_label("投资项目代码").fill("2026-320902-26-01-004512")
    await page.get_by_role("button", name="提交订单").click()
    await expect(page.locator(".state")).to_have_text("等待中介机构受理")
    order_url = page.url
    await page.screenshot(path=SCREENSHOTS / "8-order-placed.png", full_page=True)
    await page.get_by_role("button", name="退出").click()

    # the agency accepts and delivers a PDF
    await _sign_in(page, "agent@example.com", "agent password 1")
    await page.goto(order_url)
    await page.get_by_role("button", name="受理", exact=True).click()
    await expect(page.locator(".state")).to_have_text("服务中")
    await expect(page.locator(".clock")).to_contain_text("剩余")
    await page.get_by_label("成果文件（PDF、PNG 或 JPEG）").set_input_files(
        files=[
            {
                "name": "环评报告书.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n%%EOF\n",
            }
        ]
    )
    await page.get_by_role("button", name="交付成果").click()
    await expect(page.locator(".state")).to_have_text("已交付")
    await page.screenshot(path=SCREENSHOTS / "9-order-delivered.png", full_page=True)
    await page.get_by_role("button", name="退出").click()

    # the enterprise confirms
    await _sign_in(page, "orderer@example.com", "orderer password")
    await page.goto(order_url)
    await expect(page.get_by_role("link", name="环评报告书.pdf")).to_be_visible()
    await page.get_by_role("button", name="确认交付").click()
    await expect(page.locator(".state")).to_have_text("已完成")
    await expect(page.locator(".clock")).to_have_text("按时交付")
    await expect(page.locator(".log li")).to_have_count(4)
    await page.screenshot(path=SCREENSHOTS / "10-order-completed.png", full_page=True)


async def test_visitor_searches_filters_and_pages(live_server: str, page: object) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # from the home page's search box
    await page.goto("/")
    await page.get_by_label("搜索服务项目").fill("huanping")
    await page.get_by_role("button", name="搜索").click()
    await expect(page.locator(".results-count")).to_contain_text("条结果")
    await expect(page.locator(".hit").first).to_contain_text("环境影响")
    await expect(page.locator(".hit mark").first).to_be_visible()
    await page.screenshot(path=SCREENSHOTS / "11-search.png", full_page=True)

    # filter to agencies from outside the city, then clear the filter
    await page.get_by_role("link", name="外地机构").click()
    await expect(page.get_by_role("link", name="外地机构")).to_have_attribute(
        "aria-current", "true"
    )
    for city in await page.locator(".hit .muted").all_inner_texts():
        assert "盐城市" not in city

    # everything from outside the city, two per page, to the second page
    await page.goto("/search?local=false&per_page=2")
    await expect(page.locator(".hit")).to_have_count(2)
    first_page = await page.locator(".hit h3").all_inner_texts()
    await page.get_by_role("link", name="下一页").click()
    await expect(page.locator(".pager")).to_contain_text("第 2 页")
    second_page = await page.locator(".hit h3").all_inner_texts()
    assert second_page and set(first_page).isdisjoint(second_page)
