"""Agency staff change a live item's fee standard, the office approves, in Chromium.

The marketplace runs as a real server on the demo catalogue (as in ``test_browser.py``);
an enterprise has ordered the item before the change, through the services.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import pytest

from tests.test_browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    SCREENSHOTS,
    require_chromium,
    serve_marketplace,
)

pytestmark = pytest.mark.browser

# The people: staff of the agency of the first fixed-fee item (without adjustment
# factors; its discount makes the quote a range up to the amount), the office, and an
# enterprise that ordered that item; prints the item, its fee and the order as JSON.
_PEOPLE = """
import asyncio
import json
from tortoise import Tortoise
from marketplace.accounts import services
from marketplace.accounts.models import Role
from marketplace.catalog.models import CommissionedBy
from marketplace.catalog.services import public_items
from marketplace.core.database import tortoise_config
from marketplace.orders import services as orders
from marketplace.core.settings import Settings
from tests.factories import credit_code
from tests.order_helpers import as_current

async def main():
    await Tortoise.init(
        config=tortoise_config(Settings.from_env().database_url), _enable_global_fallback=True
    )
    item = None
    for candidate in await public_items().filter(
        fee_type="fixed", category__commissioned_by=CommissionedBy.APPLICANT
    ).order_by("id"):
        if not candidate.fee_standard.get("factors"):
            item = candidate
            break
    await services.create_user(
        email="lister@example.com", name="机构信息员", password="lister password 1",
        roles={Role.AGENCY}, agency=await item.agency,
    )
    await services.create_user(
        email="office@example.com", name="审核员", password="office password 1",
        roles={Role.ADMIN},
    )
    buyer = await services.register_enterprise(
        company_name="盐城先下单有限公司", credit_code=credit_code("91320902MA1LB001"),
        contact_person="先下单", phone="13900003333", email="early@example.com",
        password="early password 1",
    )
    placed = await orders.place_order(
        user=await as_current(buyer), item_id=item.id, project_name="盐城先期项目",
        project_code="2503-320902-89-01-004513", base=None, note="",
        idempotency_key="listing-browser-0001",
    )
    print(json.dumps({
        "item": item.id, "title": item.title, "amount_fen": item.fee_standard["amount_fen"],
        "order": placed.order.id, "quoted_fen": placed.order.quoted_high_fen,
    }))
    await Tortoise.close_connections()

asyncio.run(main())
"""


def _yuan(fen: int) -> str:
    return f"{fen // 100:,}" if fen % 100 == 0 else f"{fen / 100:,.2f}"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    require_chromium()
    workdir = tmp_path_factory.mktemp("listings-live")
    env = {**os.environ, "DATABASE_URL": f"sqlite://{workdir / 'demo.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"],
        env=env,
        check=True,
        capture_output=True,
    )
    made = subprocess.run(
        [sys.executable, "-c", _PEOPLE], env=env, check=True, capture_output=True, text=True
    )
    facts = json.loads(made.stdout.strip().splitlines()[-1])
    with serve_marketplace(env) as base_url:
        yield base_url, facts


@pytest.fixture
async def browser_context(world: tuple[str, dict]) -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
        yield browser
        await browser.close()


async def _signed_in(browser: object, base_url: str, email: str, password: str) -> object:
    from playwright.async_api import Browser

    assert isinstance(browser, Browser)
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = await context.new_page()
    await page.goto("/login")
    await page.get_by_label("电子邮箱").fill(email)
    await page.get_by_label("密码").fill(password)
    await page.get_by_role("button", name="登录").click()
    await page.wait_for_url("**/account")
    return page


async def test_a_new_fee_standard_goes_live_on_approval_and_old_orders_keep_theirs(
    world: tuple[str, dict], browser_context: object
) -> None:
    from playwright.async_api import Page, expect

    base_url, facts = world
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    old_fen = facts["amount_fen"]
    new_fen = old_fen - 100_000  # a thousand yuan less
    assert new_fen > 0 and facts["quoted_fen"] == old_fen

    # the agency's staff edit the fee standard of the live item and submit the draft
    staff = await _signed_in(browser_context, base_url, "lister@example.com", "lister password 1")
    assert isinstance(staff, Page)
    await staff.get_by_role("link", name="我的服务信息").click()
    row = staff.locator("tr", has_text=facts["title"])
    await row.get_by_role("link", name="编辑", exact=True).click()
    await expect(staff.locator("#amount")).to_have_value(_yuan(old_fen).replace(",", ""))
    await expect(staff.locator("#bands")).to_have_count(0)  # fields of this fee type only
    await staff.locator("#amount").fill(str(new_fen // 100))
    await staff.get_by_role("button", name="更新估算").click()
    await expect(staff.locator("#draft-estimate .estimate-amount")).to_have_attribute(
        "data-high-fen", str(new_fen)
    )
    await staff.get_by_role("button", name="保存草稿").click()
    await expect(staff.get_by_role("status")).to_contain_text("草稿已保存")
    await staff.get_by_role("button", name="提交审核").click()
    await expect(staff.get_by_role("status")).to_contain_text("已提交审核")
    await staff.screenshot(path=SCREENSHOTS / "listing-1-submitted.png", full_page=True)

    # nothing public has changed yet
    visitor = await (await browser_context.new_context(base_url=base_url)).new_page()  # type: ignore[attr-defined]
    await visitor.goto(f"/services/{facts['item']}")
    await expect(visitor.locator(".fields")).to_contain_text(f"¥{_yuan(old_fen)}")

    # the office sees the difference and approves it
    office = await _signed_in(browser_context, base_url, "office@example.com", "office password 1")
    assert isinstance(office, Page)
    await office.goto("/backoffice/listings")
    await office.get_by_role("link", name="已发布项目的修改").first.click()
    changed = office.locator("tr.changed")
    await expect(changed).to_have_count(1)
    await expect(changed).to_contain_text(f"¥{_yuan(old_fen)}")
    await expect(changed).to_contain_text(f"¥{_yuan(new_fen)}")
    await office.screenshot(path=SCREENSHOTS / "listing-2-review.png", full_page=True)
    await office.get_by_role("button", name="审核通过并发布").click()
    await expect(office.get_by_role("status")).to_have_text("已审核通过并发布。")

    # the storefront and search show the new fee at once, and version 1 stays readable
    await visitor.goto(f"/services/{facts['item']}")
    await expect(visitor.locator(".fields")).to_contain_text(f"¥{_yuan(new_fen)}")
    await expect(visitor.locator(".versions li")).to_have_count(2)
    await visitor.goto(f"/search?q={facts['title']}")
    result = visitor.locator(f"a[href$='/services/{facts['item']}']").first.locator("xpath=..")
    await expect(visitor.locator("main")).to_contain_text(f"¥{_yuan(new_fen)}")
    assert result is not None
    await visitor.screenshot(path=SCREENSHOTS / "listing-3-search.png", full_page=True)

    # the order placed before keeps its quote and the version it was placed on
    buyer = await _signed_in(browser_context, base_url, "early@example.com", "early password 1")
    assert isinstance(buyer, Page)
    await buyer.goto(f"/orders/{facts['order']}")
    await expect(buyer.locator("main")).to_contain_text(f"¥{_yuan(old_fen)}")
