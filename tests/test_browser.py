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

from tests.conftest import service_unavailable

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


# Every score of the one rating in the live database before the browser tests: an order of
# another agency's item, rated by the same enterprise. It makes the marketplace mean, toward
# which each shown score is shrunk, differ from the rating the browser test makes.
EARLIER_SCORE = 2

# People of the browser tests, made with the services in the live database: an enterprise,
# the staff of the agency of service item 1, an administrator; and the earlier rating.
_PEOPLE = """
import asyncio
import sys
from tortoise import Tortoise
from marketplace.accounts import services
from marketplace.accounts.models import Role
from marketplace.catalog.models import ServiceItem
from marketplace.catalog.services import public_items
from marketplace.core.database import tortoise_config
from marketplace.orders import services as orders
from marketplace.ratings.models import DIMENSIONS
from marketplace.ratings.services import rate_order
from marketplace.core.settings import Settings
from marketplace.core.uploads import StoredFile
from tests.factories import credit_code
from tests.order_helpers import as_current

async def main():
    url = Settings.from_env().database_url
    await Tortoise.init(config=tortoise_config(url), _enable_global_fallback=True)
    item = await ServiceItem.get(id=1).prefetch_related("agency")
    orderer = await services.register_enterprise(
        company_name="盐城下单测试有限公司",
        credit_code=credit_code("91320902MA1DR001"),
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
    await services.create_user(
        email="office@example.com",
        name="后台办公室",
        password="office password 1",
        roles={Role.ADMIN},
    )
    other = await public_items().exclude(agency_id=item.agency_id).order_by("id").first()
    other_staff = await services.create_user(
        email="other-agent@example.com",
        name="他家经办人",
        password="other agent password",
        roles={Role.AGENCY},
        agency=await other.agency,
    )
    enterprise, agency = await as_current(orderer), await as_current(other_staff)
    placed = await orders.place_order(
        user=enterprise,
        item_id=other.id,
        project_name="盐城早先评价项目",
        project_code="2503-320902-89-01-004511",
        base="5000",
        note="",
        idempotency_key="earlier-rating-0001",
    )
    order_id = placed.order.id
    await orders.transition(order_id, "accept", actor=agency)
    report = StoredFile("报告.pdf", "application/pdf", 15, "0" * 64)
    await orders.transition(order_id, "deliver", actor=agency, files=[report])
    await orders.transition(order_id, "confirm", actor=enterprise)
    scores = dict.fromkeys(DIMENSIONS, int(sys.argv[1]))  # EARLIER_SCORE
    await rate_order(order_id, actor=enterprise, scores=scores, comment="")
    await Tortoise.close_connections()

asyncio.run(main())
"""


@contextlib.contextmanager
def serve_marketplace(env: dict[str, str], start_within_s: float = 120) -> Iterator[str]:
    """The marketplace served by uvicorn in a subprocess with ``env``; yields its base URL.

    ``start_within_s`` is generous: on a loaded two-core machine (CI) seeding and starting
    took more than 20 s several times."""
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
        deadline = time.monotonic() + start_within_s
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


def require_chromium() -> None:
    """Skip (fail where CI requires every service) without Debian's chromium."""
    if not CHROMIUM.exists():
        service_unavailable("Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The marketplace served by uvicorn on the demo catalogue; yields its base URL."""
    require_chromium()
    workdir = tmp_path_factory.mktemp("live")
    env = {**os.environ, "DATABASE_URL": f"sqlite://{workdir / 'demo.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [sys.executable, "-c", _PEOPLE, str(EARLIER_SCORE)],
        env=env,
        check=True,
        capture_output=True,
    )
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
    code = credit_code("91320903MA1BR001")

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


async def test_an_order_from_placement_to_a_public_rating(live_server: str, page: object) -> None:
    from playwright.async_api import Page, expect

    from marketplace.ratings.services import PRIOR_WEIGHT

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # the enterprise estimates a fee and orders item 1
    await _sign_in(page, "orderer@example.com", "orderer password")
    await page.goto("/services/1?base=5000")
    await page.get_by_role("link", name="委托下单").click()
    await expect(page.get_by_label("估算投资额", exact=False)).to_have_value("5000")
    await expect(page.get_by_label("环境敏感程度调整系数")).to_have_value("ordinary")
    await page.get_by_label("项目名称").fill("盐城港区新材料产业园项目")
    await page.get_by_label("投资项目代码").fill("2503-320902-89-01-004512")
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

    # the enterprise rates the order on the five dimensions, with a comment
    for _key, dimension, stars in _RATING:
        group = page.get_by_role("group", name=dimension, exact=True)
        await group.get_by_title(f"{stars} 星（满分 5 星）", exact=True).click()  # a star
    await page.get_by_label("评价内容（选填）").fill(_COMMENT)
    await page.get_by_role("button", name="提交评价").click()
    await expect(page.locator(".state")).to_have_text("已评价")
    rating = page.get_by_role("region", name="评分", exact=True)
    await _expect_stars(rating)
    await expect(rating.locator(".rating-comment")).to_have_text(_COMMENT)
    await page.get_by_role("button", name="退出").click()

    # the agency's staff replies, once and publicly
    await _sign_in(page, "agent@example.com", "agent password 1")
    await page.goto(order_url)
    await page.get_by_label("公开回复（仅限一次）").fill(_REPLY)
    await page.get_by_role("button", name="回复", exact=True).click()
    await expect(rating.locator(".rating-reply p")).to_have_text(["机构回复", _REPLY])
    await expect(page.get_by_label("公开回复（仅限一次）")).to_have_count(0)
    await _expect_stars(rating)
    await page.screenshot(path=SCREENSHOTS / "11-order-rated.png", full_page=True)
    await page.get_by_role("button", name="退出").click()

    # the score shown is shrunk toward the marketplace mean, which counts every rating:
    # the earlier one (EARLIER_SCORE throughout) and this one
    scores = [stars for *_, stars in _RATING]
    overall = sum(scores) / len(scores)
    marketplace_mean = (EARLIER_SCORE * len(scores) + sum(scores)) / (2 * len(scores))
    score = round((PRIOR_WEIGHT * marketplace_mean + overall) / (PRIOR_WEIGHT + 1), 2)
    shown = f"{score:.1f}"
    assert shown != f"{overall:.1f}"  # the shrinking shows

    # a visitor, signed out, sees the rating on the item's page...
    await page.goto("/services/1")
    await expect(page.locator(".user-nav").get_by_role("button", name="退出")).to_have_count(0)
    item_title = await page.get_by_role("heading", level=1).inner_text()
    await _expect_public_rating(page, shown)
    await page.get_by_role("region", name="服务承诺与评价").scroll_into_view_if_needed()
    await page.screenshot(path=SCREENSHOTS / "12-service-rated.png", full_page=True)

    # ...and on the agency's profile, with the item it rated
    await page.locator(".page-head").get_by_role("link").first.click()
    await expect(page.get_by_role("heading", name="资质信息")).to_be_visible()
    await _expect_public_rating(page, shown)
    ratings = page.get_by_role("region", name="服务承诺与评价").locator("li.rating")
    await expect(ratings.get_by_role("link")).to_have_text(item_title)
    await page.screenshot(path=SCREENSHOTS / "13-agency-rated.png", full_page=True)

    # the API publishes the same score
    agency_id = page.url.rstrip("/").rsplit("/", 1)[1]
    async with httpx.AsyncClient(base_url=live_server) as api:
        summary = (await api.get(f"/api/v1/agencies/{agency_id}/ratings")).json()["summary"]
    assert (summary["count"], summary["score"], summary["mean"]) == (1, score, overall)


# The rating the browser test gives: (dimension, its label, stars), in the order shown.
_RATING = (
    ("quality", "服务质量", 5),
    ("timeliness", "服务时效", 4),
    ("attitude", "服务态度", 5),
    ("fee_compliance", "收费规范", 4),
    ("conduct", "执业规范", 3),
)
_COMMENT = "报告编制规范，按时交付。\n现场踏勘的安排可以更早通知。"
_REPLY = "感谢评价，今后踏勘安排将提前三个工作日通知。"


async def _expect_stars(scope: object) -> None:
    """The rating's five dimensions, each labelled and with its stars, as shown in ``scope``."""
    from playwright.async_api import Locator, expect

    assert isinstance(scope, Locator)
    await expect(scope.locator("dt")).to_have_text([label for _, label, _ in _RATING])
    for key, _label, stars in _RATING:
        shown = scope.locator(f".dimension-{key} .stars")
        await expect(shown).to_have_text("★" * stars + "☆" * (5 - stars))
        await expect(shown).to_have_attribute("aria-label", f"{stars} 星（满分 5 星）")


async def _expect_public_rating(page: object, shown: str) -> None:
    """The promises-and-ratings section of an item or agency page with the one rating."""
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    section = page.get_by_role("region", name="服务承诺与评价")
    await expect(section.locator(".rating-score")).to_have_text(f"{shown} / 5 (1 条评价)")
    summary = section.locator("dl.facts")
    for key, _label, stars in _RATING:  # the mean of each dimension over the one rating
        await expect(summary.locator(f".dimension-{key}")).to_have_text(f"{stars:.1f}")
    # stars of the overall score (4.2), from five down to one
    await expect(section.locator("table.bands th")).to_have_text(
        ["★★★★★", "★★★★", "★★★", "★★", "★"]
    )
    await expect(section.locator("table.bands td")).to_have_text(["0", "1", "0", "0", "0"])
    ratings = section.locator("li.rating")
    await expect(ratings).to_have_count(1)
    await _expect_stars(ratings.locator("dl.rating-scores"))
    await expect(ratings.locator(".rating-comment")).to_have_text(_COMMENT)
    await expect(ratings.locator(".rating-reply p")).to_have_text(["机构回复", _REPLY])


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
    await page.screenshot(path=SCREENSHOTS / "14-search.png", full_page=True)

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
