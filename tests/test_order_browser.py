"""An order's page in headless Chromium: each party's next step is the one filled button
in each state, a complaint is an outlined one, cancelling asks first for a reason the
agency then reads, and the rating form is five stars per dimension a keyboard can set.

The marketplace runs as in tests/test_browser.py (uvicorn on the demo catalogue in
SQLite), with an order of item 1 in each state made through the services. Screenshots at
1280 and 390 px land in ``build/screenshots``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import pytest

from tests.test_browser import (
    _PEOPLE,
    CHROMIUM,
    CHROMIUM_FLAGS,
    EARLIER_SCORE,
    SCREENSHOTS,
    _sign_in,
    require_chromium,
    serve_marketplace,
)

pytestmark = pytest.mark.browser

# An order of item 1 (placed by orderer@example.com, served by agent@example.com) in each
# state the parties act on; prints {state: order id}.
_ORDERS = """
import asyncio
import json
from tortoise import Tortoise
from marketplace.accounts.models import User
from marketplace.core.database import tortoise_config
from marketplace.orders import services as orders
from marketplace.core.settings import Settings
from marketplace.core.uploads import StoredFile
from tests.order_helpers import as_current

async def main():
    await Tortoise.init(
        config=tortoise_config(Settings.from_env().database_url), _enable_global_fallback=True
    )
    enterprise = await as_current(await User.get(email="orderer@example.com"))
    agency = await as_current(await User.get(email="agent@example.com"))
    report = StoredFile("报告.pdf", "application/pdf", 15, "0" * 64)
    paths = {
        "placed": [],
        "cancel": [],
        "in_service": [("accept", agency, "")],
        "awaiting_materials": [("accept", agency, ""), ("pause", agency, "请提供用地红线图")],
        "delivered": [("accept", agency, ""), ("deliver", agency, "")],
        "completed": [("accept", agency, ""), ("deliver", agency, ""), ("confirm", enterprise, "")],
    }
    ids = {}
    for n, (state, steps) in enumerate(paths.items()):
        placed = await orders.place_order(
            user=enterprise,
            item_id=1,
            project_name=f"盐城浏览器订单{n}",
            project_code="2503-320902-89-01-004513",
            base="5000",
            note="",
            idempotency_key=f"browser-order-{n:04d}",
        )
        for action, actor, reason in steps:
            files = [report] if action == "deliver" else []
            await orders.transition(
                placed.order.id, action, actor=actor, reason=reason, files=files
            )
        ids[state] = placed.order.id
    await Tortoise.close_connections()
    print(json.dumps(ids))

asyncio.run(main())
"""

ENTERPRISE = ("orderer@example.com", "orderer password")
AGENCY = ("agent@example.com", "agent password 1")
# The one filled (primary) button of the actions on each order state, for each party.
PRIMARY = {
    "placed": {"enterprise": [], "agency": ["受理"]},
    "in_service": {"enterprise": [], "agency": ["交付成果"]},
    "awaiting_materials": {"enterprise": ["发送所需资料"], "agency": ["材料已补齐（恢复计时）"]},
    "delivered": {"enterprise": ["确认交付"], "agency": []},
    "completed": {"enterprise": ["评价本次服务"], "agency": []},
}
_BRAND = "rgb(163, 18, 42)"  # --brand: a filled button's background


@pytest.fixture(scope="module")
def live_orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    """The marketplace on the demo catalogue with an order in each state."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("live-orders")
    env = {**os.environ, "DATABASE_URL": f"sqlite://{workdir / 'demo.sqlite3'}"}
    for args in (
        ["-m", "marketplace.cli", "seed-demo", "--no-activity"],
        ["-c", _PEOPLE, str(EARLIER_SCORE)],
    ):
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
    made = subprocess.run(
        [sys.executable, "-c", _ORDERS], env=env, check=True, capture_output=True, text=True
    )
    ids = json.loads(made.stdout.strip().splitlines()[-1])
    with serve_marketplace(env) as base_url:
        yield base_url, ids


@pytest.fixture
async def browser_context(live_orders: tuple[str, dict[str, int]]) -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
        context = await browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=live_orders[0]
        )
        yield context
        await browser.close()


async def _filled_actions(page: object) -> list[str]:
    """The texts of the filled buttons and button links among the page's actions."""
    from playwright.async_api import Page

    assert isinstance(page, Page)
    return list(
        await page.locator("aside.estimator").evaluate(
            """(aside, brand) => [...aside.querySelectorAll('button, a.button')]
                .filter(e => getComputedStyle(e).backgroundColor === brand)
                .map(e => e.textContent.trim())""",
            _BRAND,
        )
    )


async def _screens(page: object, name: str) -> None:
    """Full-page screenshots of ``page`` at 1280 and at 390 px wide."""
    from playwright.async_api import Page

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"{name}-1280.png", full_page=True)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.screenshot(path=SCREENSHOTS / f"{name}-390.png", full_page=True)
    await page.set_viewport_size({"width": 1280, "height": 900})


async def test_each_partys_next_step_is_the_one_filled_button(
    live_orders: tuple[str, dict[str, int]], browser_context: object
) -> None:
    from playwright.async_api import BrowserContext, expect

    assert isinstance(browser_context, BrowserContext)
    _, ids = live_orders
    seen: dict[str, dict[str, list[str]]] = {state: {} for state in PRIMARY}
    for party, (email, password) in (("enterprise", ENTERPRISE), ("agency", AGENCY)):
        page = await browser_context.new_page()
        await _sign_in(page, email, password)
        for state in PRIMARY:
            await page.goto(f"/orders/{ids[state]}")
            seen[state][party] = await _filled_actions(page)
            if party == "enterprise" and state != "completed":
                # a complaint is offered, outlined
                complaint = page.locator("aside.estimator").get_by_role(
                    "link", name="向政务服务管理办公室投诉"
                )
                await expect(complaint).to_be_visible()
                background = await complaint.evaluate("e => getComputedStyle(e).backgroundColor")
                assert background == "rgb(255, 255, 255)"
            if (party, state) in (("enterprise", "placed"), ("agency", "in_service")):
                await _screens(page, f"order-{state}-{party}")
        await page.close()

    assert seen == PRIMARY


async def test_cancelling_asks_for_a_reason_which_the_agency_reads(
    live_orders: tuple[str, dict[str, int]], browser_context: object
) -> None:
    from playwright.async_api import BrowserContext, expect

    assert isinstance(browser_context, BrowserContext)
    _, ids = live_orders
    page = await browser_context.new_page()
    await _sign_in(page, *ENTERPRISE)
    await page.goto(f"/orders/{ids['cancel']}")

    # the order page offers cancelling as a link to a page that asks first
    await page.get_by_role("link", name="取消订单…").click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("确定取消订单")
    await _screens(page, "order-cancel-confirm")
    # without a reason the browser keeps the form (the field is required) ...
    await page.get_by_role("button", name="确认取消订单").click()
    assert page.url.endswith(f"/orders/{ids['cancel']}/cancel")
    await expect(page.get_by_label("取消原因")).to_have_js_property("validity.valid", False)
    # ... and "keep the order" leaves it as it was
    await page.get_by_role("link", name="不取消，返回订单").click()
    await expect(page.locator(".state")).to_have_text("等待中介机构受理")

    await page.get_by_role("link", name="取消订单…").click()
    await page.get_by_label("取消原因").fill("项目选址调整，暂不需要")
    await page.get_by_role("button", name="确认取消订单").click()
    await expect(page.locator(".state")).to_have_text("已取消")
    await expect(page.locator(".clock")).to_have_text("已取消，不计时")
    await expect(page.get_by_text("尚未开始计时")).to_have_count(0)
    await page.get_by_role("button", name="退出").click()

    # the agency reads why, on the order and in its notices
    await _sign_in(page, *AGENCY)
    await page.goto(f"/orders/{ids['cancel']}")
    await expect(page.locator(".cancel-notice")).to_contain_text("项目选址调整，暂不需要")
    await expect(page.locator(".log")).to_contain_text("项目选址调整，暂不需要")
    await _screens(page, "order-cancelled-agency")
    await page.goto("/notifications")
    await expect(page.locator("main")).to_contain_text("已被企业取消，原因：项目选址调整，暂不需要")
    await page.close()


async def test_the_rating_form_is_five_stars_a_keyboard_can_set(
    live_orders: tuple[str, dict[str, int]], browser_context: object
) -> None:
    from playwright.async_api import BrowserContext, expect

    assert isinstance(browser_context, BrowserContext)
    _, ids = live_orders
    page = await browser_context.new_page()
    await _sign_in(page, *ENTERPRISE)
    await page.goto(f"/orders/{ids['completed']}")
    quality = page.get_by_role("group", name="服务质量", exact=True)
    await expect(quality.get_by_role("radio")).to_have_count(5)
    await expect(quality.locator("label")).to_have_count(5)

    # by keyboard: onto the first star, then the arrow key moves the choice to the second
    await quality.get_by_label("1 星（满分 5 星）").focus()
    await page.keyboard.press("Space")
    await page.keyboard.press("ArrowRight")
    await expect(quality.get_by_label("2 星（满分 5 星）")).to_be_checked()
    focused = quality.locator("label").nth(1)
    assert await focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    # the stars up to the chosen one are filled, the rest empty
    shown = await quality.locator(".star").evaluate_all(
        "stars => stars.map(s => getComputedStyle(s, '::before').content).join('')"
    )
    assert shown == '"★""★""☆""☆""☆"'
    await page.get_by_role("region", name="评分").scroll_into_view_if_needed()
    await _screens(page, "rating-form")

    # a plain form underneath: the radios post the scores
    for dimension, stars in (("服务时效", 4), ("服务态度", 5), ("收费规范", 4), ("执业规范", 3)):
        group = page.get_by_role("group", name=dimension, exact=True)
        await group.get_by_title(f"{stars} 星（满分 5 星）", exact=True).click()  # a star
        await expect(group.get_by_label(f"{stars} 星（满分 5 星）")).to_be_checked()
    await page.get_by_role("button", name="提交评价").click()
    await expect(page.locator(".state")).to_have_text("已评价")
    await expect(page.locator(".dimension-quality .stars")).to_have_text("★★☆☆☆")
    await page.close()
