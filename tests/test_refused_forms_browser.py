"""A refused form, in headless Chromium: it stays at the page's own address, keeps what
was typed and marks the field at fault with its message (aria-invalid, the message linked
by aria-describedby). Before ``marketplace.formpages`` a refused pause landed on
``/orders/N/actions/pause`` with nothing marked.

The server and the people are those of ``tests/test_browser.py``.
"""

from __future__ import annotations

import re

import pytest

from tests.test_browser import SCREENSHOTS, _sign_in, live_server, page

__all__ = ["live_server", "page"]

pytestmark = pytest.mark.browser


async def _expect_marked(page: object, control: object, message: str) -> None:
    """``control`` is marked invalid and described by an error reading ``message``."""
    from playwright.async_api import Locator, Page, expect

    assert isinstance(page, Page) and isinstance(control, Locator)
    await expect(control).to_have_attribute("aria-invalid", "true")
    described_by = await control.get_attribute("aria-describedby")
    assert described_by is not None
    error_id = described_by.split()[0]
    await expect(page.locator(f"#{error_id}")).to_have_text(message)
    await expect(page.locator(f"#{error_id}")).to_have_class("field-error")


async def test_a_refused_order_and_a_refused_pause_stay_on_their_pages(
    live_server: str, page: object
) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # the enterprise orders with a fee base of zero: the order form again, at its address
    await _sign_in(page, "orderer@example.com", "orderer password")
    await page.goto("/services/1/order")
    await page.get_by_label("项目名称").fill("盐城退回表单测试项目")
    await page.get_by_label("投资项目代码").fill("2503-320902-89-01-004513")
    base = page.get_by_label("估算投资额", exact=False)
    await base.fill("0")
    await page.get_by_role("button", name="提交订单").click()
    await expect(page.get_by_role("alert")).to_contain_text("计费基数必须大于零。")
    assert page.url == f"{live_server}/services/1/order"
    await _expect_marked(page, base, "计费基数必须大于零。")
    await expect(base).to_have_value("0")
    await expect(page.get_by_label("项目名称")).to_have_value("盐城退回表单测试项目")
    await expect(page.get_by_label("投资项目代码")).to_have_value("2503-320902-89-01-004513")
    await page.screenshot(path=SCREENSHOTS / "refused-order-form.png", full_page=True)
    await base.fill("5000")
    await page.get_by_role("button", name="提交订单").click()
    await expect(page.locator(".state")).to_have_text("等待中介机构受理")
    order_url = page.url
    assert re.fullmatch(rf"{re.escape(live_server)}/orders/\d+", order_url)
    await page.get_by_role("button", name="退出").click()

    # the agency accepts, then asks for materials without saying which
    await _sign_in(page, "agent@example.com", "agent password 1")
    await page.goto(order_url)
    await page.get_by_role("button", name="受理", exact=True).click()
    await expect(page.locator(".state")).to_have_text("服务中")
    pause = page.locator("form.action-form").filter(
        has=page.get_by_role("button", name="等待补正材料（暂停计时）")
    )
    reason = pause.get_by_label("理由")
    await reason.fill("   ")
    await pause.get_by_role("button", name="等待补正材料（暂停计时）").click()
    await expect(page.get_by_role("alert")).to_contain_text("请填写理由。")
    assert page.url == order_url  # not /orders/N/actions/pause
    await _expect_marked(page, reason, "请填写理由。")
    await expect(pause).to_have_class(re.compile(r"\bhas-error\b"))
    # the summary's link leads to the field at fault
    link = page.get_by_role("alert").get_by_role("link", name="请填写理由。")
    assert await link.get_attribute("href") == f"#{await reason.get_attribute('id')}"
    # the other forms of the page are not marked
    await expect(page.locator("[aria-invalid=true]")).to_have_count(1)
    await page.screenshot(path=SCREENSHOTS / "refused-pause.png", full_page=True)

    # with the reason given, the clock pauses
    await reason.fill("请补充项目用地红线图。")
    await pause.get_by_role("button", name="等待补正材料（暂停计时）").click()
    await expect(page.locator(".state")).to_have_text("等待补正材料")
    await expect(page.locator(".log")).to_contain_text("请补充项目用地红线图。")
    assert page.url.split("#")[0] == order_url


async def test_a_refused_registration_stays_at_the_registration_address(
    live_server: str, page: object
) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    await page.goto("/register")
    await page.get_by_label("企业名称").fill("盐城退回注册测试有限公司")
    code = page.get_by_label("统一社会信用代码")
    await code.fill("91320902MA1DR0019")
    await page.get_by_label("联系人").fill("测试员")
    await page.get_by_label("联系电话").fill("13900003333")
    await page.get_by_label("电子邮箱").fill("refused@example.com")
    await page.get_by_label("密码").fill("refused password 1")
    await page.get_by_role("button", name="注册").click()
    assert page.url == f"{live_server}/register"
    await expect(page.locator(".field-error")).to_have_count(1)
    message = await page.locator(".field-error").text_content()
    assert message
    await _expect_marked(page, code, message)
    await expect(code).to_have_value("91320902MA1DR0019")
    await expect(page.get_by_label("企业名称")).to_have_value("盐城退回注册测试有限公司")
    await expect(page.get_by_label("电子邮箱")).to_have_value("refused@example.com")
    await expect(page.get_by_label("密码")).to_have_value("")  # never sent back


async def test_a_refused_row_form_stays_at_its_lists_address(
    live_server: str, page: object
) -> None:
    """The agencies' page: each row's form posts to the list's own address (not
    ``/backoffice/admission/agencies/N``), and a refused one is shown again at its row."""
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    await _sign_in(page, "office@example.com", "office password 1")
    await page.goto("/backoffice/admission/agencies")
    first = page.locator("form.roles-form").first
    row = await first.locator("input[name=row]").get_attribute("value")
    await first.locator("select[name=to]").select_option("suspended")
    await first.get_by_role("button", name="执行").click()

    await expect(page.get_by_role("alert").first).to_contain_text("此项为必填项。")
    assert page.url == f"{live_server}/backoffice/admission/agencies"
    first = page.locator(f"form:has(input[name=row][value='{row}'])")
    await _expect_marked(page, first.locator("input[name=reason]"), "此项为必填项。")
    await expect(first.locator("select[name=to]")).to_have_value("suspended")
    await expect(page.locator("[aria-invalid=true]")).to_have_count(1)

    # with a reason, the agency is suspended, and the list says so
    await first.locator("input[name=reason]").fill("出具虚假报告，暂停服务。")
    await first.get_by_role("button", name="执行").click()
    await expect(page.get_by_role("status")).to_contain_text("机构状态已变更")
    assert page.url.split("?")[0] == f"{live_server}/backoffice/admission/agencies"
