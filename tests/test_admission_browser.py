"""One competitive category from announcement to the storefront, in headless Chromium.

The marketplace runs as a real server (uvicorn, in a subprocess) on the demo catalogue in
SQLite, with an administrator and two reviewers created through the services before it
starts. The office drives the back office, a new agency applies with its certificate,
the reviewers declare and score, the results are published and the round concludes; the
agency then appears in the storefront. Two steps need days to pass (the window's last day,
the publicity period): the test moves the round's dates into the past instead of waiting,
and says so where it does. Screenshots land in ``build/screenshots``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import pytest
from tortoise import Tortoise

from marketplace.admission.models import AdmissionRound
from marketplace.admission.services.common import beijing_date
from marketplace.catalog.demo import demo_certificate_pdf
from tests.conftest import init_orm
from tests.factories import credit_code
from tests.test_browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    SCREENSHOTS,
    require_chromium,
    serve_marketplace,
)

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
OFFICE = "office@example.com"
REVIEWERS = ("reviewer1@example.com", "reviewer2@example.com")


@pytest.fixture(scope="module")
def admission_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The marketplace on the demo catalogue plus an office and two reviewers.

    Yields the base URL and the database URL (the test reaches into it to let days pass).
    """
    require_chromium()
    workdir = tmp_path_factory.mktemp("admission-live")
    database_url = f"sqlite://{workdir / 'live.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_DIR": str(workdir / "media"),
        "SECRET_KEY": "browser-test-secret",
    }
    subprocess.run(
        [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"],
        env=env,
        check=True,
        capture_output=True,
    )
    people = (
        "import asyncio\n"
        "from tortoise import Tortoise\n"
        "from marketplace.core.database import migrate\n"
        "from marketplace.accounts import services\n"
        "from marketplace.accounts.models import Role\n"
        "async def main():\n"
        f"    await migrate({database_url!r})\n"
        f"    await services.create_user(email={OFFICE!r}, name='审批办公室', "
        f"password={PASSWORD!r}, roles={{Role.ADMIN}})\n"
        f"    for n, email in enumerate({REVIEWERS!r}, start=1):\n"
        f"        await services.create_user(email=email, name=f'评审专家{{n}}', "
        f"password={PASSWORD!r}, roles={{Role.REVIEWER}})\n"
        "    await Tortoise.close_connections()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", people], env=env, check=True, capture_output=True)
    with serve_marketplace(env) as base_url:
        yield base_url, database_url


@pytest.fixture
async def browser(admission_server: tuple[str, str]) -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS
        )
        yield chromium
        await chromium.close()


async def _person(browser: object, base_url: str, email: str | None) -> object:
    """A page in a browser context of its own, signed in as ``email`` (or a visitor)."""
    from playwright.async_api import Browser

    assert isinstance(browser, Browser)
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    page = await context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.console_errors = errors  # type: ignore[attr-defined]
    if email is not None:
        await page.goto("/login")
        await page.get_by_label("电子邮箱").fill(email)
        await page.get_by_label("密码").fill(PASSWORD)
        await page.get_by_role("button", name="登录").click()
        await page.wait_for_url("**/account")
    return page


async def _let_days_pass(database_url: str, round_id: int, **dates: dt.date) -> None:
    """Move the round's calendar into the past: what a real round waits days for."""
    await init_orm(database_url)
    try:
        await AdmissionRound.filter(id=round_id).update(**dates)
    finally:
        await Tortoise.close_connections()


async def test_a_competitive_category_from_announcement_to_the_storefront(
    admission_server: tuple[str, str], browser: object
) -> None:
    from playwright.async_api import Page, expect

    base_url, database_url = admission_server
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    today = beijing_date(dt.datetime.now(dt.UTC))
    office = await _person(browser, base_url, OFFICE)
    assert isinstance(office, Page)

    # the office creates a round for environmental impact assessment
    await office.goto("/backoffice/")
    await office.get_by_role("link", name="入驻遴选").first.click()
    await office.get_by_role("link", name="新建遴选").click()
    await office.locator("#title").fill("2026年度第二批环境影响评价机构入驻遴选")
    await office.locator("#notice").fill("为满足建设项目环评需求，现增补遴选环境影响评价机构。")
    await office.locator("#conditions").fill("具有环境影响评价信用平台编制单位登记。")
    await office.locator("#materials").fill("资质证书扫描件（PDF）。")
    await office.locator("#opens_on").fill(today.isoformat())
    await office.locator("#closes_on").fill((today + dt.timedelta(days=7)).isoformat())
    await office.get_by_role("checkbox", name="环境影响评价").check()
    await office.screenshot(path=SCREENSHOTS / "admission-1-new-round.png", full_page=True)
    await office.get_by_role("button", name="创建草稿").click()
    await expect(office.get_by_role("status")).to_contain_text("遴选草稿已创建")
    round_url = office.url.split("?")[0]
    round_id = int(round_url.rstrip("/").rsplit("/", 1)[1])

    # assigns two reviewers, announces, and opens the window
    await office.get_by_label("评审专家1").check()
    await office.get_by_label("评审专家2").check()
    await office.get_by_role("button", name="保存评审专家").click()
    await office.get_by_role("button", name="发布遴选公告").click()
    await expect(office.get_by_role("status")).to_have_text("遴选已进入下一阶段。")
    await office.get_by_role("button", name="开始接受申报").click()
    await expect(office.locator(".steps .current")).to_have_text("申报中")
    await office.screenshot(path=SCREENSHOTS / "admission-2-back-office.png", full_page=True)

    # a new agency reads the notice and applies, with its certificate
    agency = await _person(browser, base_url, None)
    assert isinstance(agency, Page)
    await agency.goto("/")
    await agency.get_by_role("link", name="入驻公告").click()
    await agency.get_by_role("link", name="2026年度第二批环境影响评价机构入驻遴选").click()
    await expect(agency.get_by_role("heading", level=1)).to_have_text(
        "2026年度第二批环境影响评价机构入驻遴选"
    )
    await agency.screenshot(path=SCREENSHOTS / "admission-3-notice.png", full_page=True)
    await agency.get_by_role("link", name="申请入驻").click()
    fields = {
        "#name": "盐城碧澜环境工程咨询有限公司",
        "#credit_code": credit_code("91320902MA1BL001"),
        "#legal_representative": "沈碧澜",
        "#city": "盐城市",
        "#address": "盐城市亭湖区解放南路88号",
        "#phone": "0515-88990011",
        "#staff_count": "18",
        "#contact_name": "沈碧澜",
        "#email": "bilan@example.com",
        "#password": "bilan password 1",
        "#key_staff": "沈碧澜 高级工程师 环境影响评价工程师",
        "#past_performance": "2025年 盐城某新材料项目环境影响报告书",
        "#qual-0-name": "环境影响评价信用平台编制单位登记",
        "#qual-0-certificate_no": "HPDW-320902-2024-0201",
        "#qual-0-issuer": "生态环境部环境影响评价信用平台",
        "#qual-0-expires_on": "2029-12-31",
        "#item-0-title": "建设项目环境影响报告表编制",
        "#item-0-time_limit_days": "12",
        "#item-0-scope": "应编制环境影响报告表的一般工业项目",
        "#item-0-content": "工程分析、环境影响分析、污染防治措施论证",
        "#item-0-legal_basis": "《中华人民共和国环境影响评价法》第十六条",
        "#item-0-fee_basis": "市场调节价",
    }
    for selector, value in fields.items():
        await agency.locator(selector).fill(value)
    await agency.locator("#category").select_option(label="环境影响评价 · 竞争性中介 · 择优进驻")
    # the fee standard shows only the chosen type's fields (CSS, no script): none before a
    # type is chosen, the fixed fee's after
    tall = await agency.evaluate("document.documentElement.scrollHeight")
    await expect(agency.locator("#item-0-amount")).to_be_hidden()
    await expect(agency.locator("#item-0-bands")).to_be_hidden()
    await agency.locator("#item-0-fee_type").select_option("fixed")
    await expect(agency.locator("#item-0-amount")).to_be_visible()
    await expect(agency.locator("#item-0-discount")).to_be_visible()
    for hidden in ("#item-0-rate", "#item-0-bands", "#item-0-price", "#item-0-low"):
        await expect(agency.locator(hidden)).to_be_hidden()
    await expect(agency.locator("#item-1-amount")).to_be_hidden()
    # against the same form with every fee type's fields shown (as before)
    everything = await agency.evaluate(
        "() => { const all = document.querySelectorAll('[data-fee]');"
        " all.forEach(e => { e.style.display = 'block'; });"
        " const height = document.documentElement.scrollHeight;"
        " all.forEach(e => { e.style.display = ''; }); return height; }"
    )
    assert tall < everything, (tall, everything)
    print(f"application form: {tall} px with the chosen fee fields, {everything} px with all")
    await agency.locator("#item-0-amount").fill("22000")
    await agency.locator("#item-0-per").fill("每份报告表")
    await agency.locator("#qual-0-certificate").set_input_files(
        files=[
            {
                "name": "certificate.pdf",
                "mimeType": "application/pdf",
                "buffer": demo_certificate_pdf("HPDW-320902-2024-0201"),
            }
        ]
    )
    await agency.get_by_role("button", name="提交申报").click()
    await expect(agency.get_by_role("status")).to_have_text("申报已收到。申报截止前可以修改。")
    await expect(agency.locator(".user-nav")).to_contain_text("我的申报")
    await agency.screenshot(path=SCREENSHOTS / "admission-4-application.png", full_page=True)

    # (the window's seven days pass)
    await _let_days_pass(
        database_url,
        round_id,
        opens_on=today - dt.timedelta(days=8),
        closes_on=today - dt.timedelta(days=1),
    )

    # the office closes the window, reviews the application and starts scoring
    await office.goto(round_url)
    await office.get_by_role("button", name="截止申报，开始资格审查").click()
    await office.get_by_role("link", name="盐城碧澜环境工程咨询有限公司").click()
    await office.get_by_label("通过", exact=True).check()
    await office.get_by_role("button", name="记录决定").click()
    await expect(office.get_by_role("status")).to_have_text("审查结论已记录。")
    await office.goto(round_url)
    await office.get_by_role("button", name="开始择优评分").click()
    await expect(office.locator(".steps .current")).to_have_text("择优评分")

    # each reviewer declares no conflict and scores alone
    for number, email in enumerate(REVIEWERS, start=1):
        reviewer = await _person(browser, base_url, email)
        assert isinstance(reviewer, Page)
        await reviewer.get_by_role("link", name="评审", exact=True).click()
        await reviewer.get_by_role("link", name="2026年度第二批环境影响评价机构入驻遴选").click()
        await reviewer.get_by_role("button", name="签署声明").click()
        await expect(reviewer.get_by_role("status")).to_have_text("声明已记录，可以开始评分。")
        await reviewer.get_by_role("link", name="盐城碧澜环境工程咨询有限公司").click()
        if number == 1:
            # (a full-page screenshot here leaves headless Chromium ignoring the next
            # click on the submit button, so the sheet is photographed, then reloaded)
            await reviewer.screenshot(
                path=SCREENSHOTS / "admission-5-score-sheet.png", full_page=True
            )
            await reviewer.reload()
        inputs = reviewer.locator(".score-panel input[type=number]")
        for index, points in enumerate((17, 16, 15, 13, 12, 8)):
            await inputs.nth(index).fill(str(points - number + 1))
        await reviewer.get_by_role("button", name="提交评分表").click()
        await expect(reviewer.get_by_role("status")).to_have_text("评分表已记录。")
        assert reviewer.console_errors == []  # type: ignore[attr-defined]

    # the office publishes the results: 81 and 75 points, a mean of 78.00
    await office.goto(round_url)
    await office.get_by_role("button", name="公示遴选结果").click()
    await expect(office.locator(".steps .current")).to_have_text("公示中")
    await agency.goto(f"/admission/rounds/{round_id}")
    result = agency.locator("table.results tbody tr")
    await expect(result).to_have_count(1)
    await expect(result).to_contain_text("盐城碧澜环境工程咨询有限公司")
    await expect(result).to_contain_text("78.00")
    await expect(result).to_contain_text("入选")
    await agency.screenshot(path=SCREENSHOTS / "admission-6-publicity.png", full_page=True)

    # (the five working days of publicity pass)
    await _let_days_pass(
        database_url,
        round_id,
        publicity_starts_on=today - dt.timedelta(days=9),
        publicity_ends_on=today - dt.timedelta(days=1),
    )

    # the office concludes the round
    await office.goto(round_url)
    await office.get_by_role("button", name="遴选结束：入驻机构上线").click()
    await expect(office.locator(".steps .current")).to_have_text("已结束")

    # and the agency is in the storefront, with its item
    visitor = await _person(browser, base_url, None)
    assert isinstance(visitor, Page)
    await visitor.goto("/")
    await visitor.get_by_role("link", name="环境影响评价").first.click()
    rows = visitor.locator("table.items tbody tr")
    await expect(rows.filter(has_text="盐城碧澜环境工程咨询有限公司")).to_have_count(1)
    await visitor.screenshot(path=SCREENSHOTS / "admission-7-storefront.png", full_page=True)
    await visitor.get_by_role("link", name="盐城碧澜环境工程咨询有限公司").first.click()
    await expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "盐城碧澜环境工程咨询有限公司"
    )
    await expect(visitor.locator("body")).to_contain_text("择优遴选进驻")
    for page in (office, agency, visitor):
        assert page.console_errors == []  # type: ignore[attr-defined]
