"""The random draw in headless Chromium: an agency registers and keeps its receipt, the
owner runs the draw, and the result notice, saved as a person would, verifies with the
standalone scripts/verify_draw.py (and a tampered copy does not); then the owner attaches
the signed contract and confirms, the winner reads it and confirms, and the order that
results is accepted by the winner, which starts its clock."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.procurement_helpers import CONTRACT_PDF, PNG
from tests.test_browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    SCREENSHOTS,
    _sign_in,
    require_chromium,
    serve_marketplace,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent

# An owner, three agencies' staff in one category, a request open for registration and
# one whose deadline has passed with the three registered (its dates moved back, as if
# published seven working days ago: the server runs on the real clock).
_SETUP = """
import asyncio
import datetime as dt
from tortoise import Tortoise
from marketplace.accounts import services
from marketplace.accounts.models import Role
from marketplace.catalog.models import Agency
from marketplace.catalog.services import public_items
from marketplace.core.database import tortoise_config
from marketplace.procurement import services as purchases
from marketplace.procurement.methods import Funding, Method
from marketplace.procurement.models import PurchaseRequest
from marketplace.core.settings import Settings
from tests.factories import credit_code
from tests.order_helpers import as_current

async def main():
    await Tortoise.init(config=tortoise_config(Settings.from_env().database_url),
                        _enable_global_fallback=True)
    owner = await services.register_enterprise(
        company_name="盐城抽取测试有限公司", credit_code=credit_code("91320902MA1DR777"),
        contact_person="业主", phone="13900003333", email="owner@example.com",
        password="owner password 1")
    rows = await public_items().order_by("id").values_list("category_id", "agency_id")
    by = {}
    for c, a in rows:
        by.setdefault(c, [])
        if a not in by[c]:
            by[c].append(a)
    category, agencies = max(by.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    staff = []
    for n, agency_id in enumerate(agencies[:4], start=1):
        staff.append(await as_current(await services.create_user(
            email=f"agent{n}@example.com", name=f"经办人{n}", password=f"agent password {n}",
            roles={Role.AGENCY}, agency=await Agency.get(id=agency_id))))
    me = await as_current(owner)
    common = dict(category_id=category, project_code="2503-320902-89-01-004519",
                  work="编制报告", qualifications="", time_limit_days=20, funding=Funding.STATE,
                  ceiling_fen=5_000_000, floor_fen=0, method=Method.RANDOM, registration_days=5)
    await purchases.publish_request(user=me, project_name="开放报名项目", **common)
    past = await purchases.publish_request(user=me, project_name="随机抽取项目", **common)
    for s in staff[1:4]:
        await purchases.register(past.id, actor=s)
    await PurchaseRequest.filter(id=past.id).update(
        published_on=past.published_on - dt.timedelta(days=14),
        deadline=past.published_on - dt.timedelta(days=5))
    await Tortoise.close_connections()

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    workdir = tmp_path_factory.mktemp("live-purchases")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite://{workdir / 'demo.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "-m", "marketplace.cli", "seed-demo", "--no-activity"],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, "-c", _SETUP], env=env, check=True, capture_output=True)
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
        # the one expected error is the 422 of the contract form refusing an image
        assert [e for e in errors if "status of 422" not in e] == []
        assert len(errors) == 1


async def _run(command: list[str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
    stdout, _ = await process.communicate()
    return process.returncode or 0, stdout.decode()


async def test_a_random_draw_from_registration_to_a_verified_result(
    live_server: str, page: object, tmp_path: Path
) -> None:
    from playwright.async_api import Page, expect

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    # an agency registers for the open request and is shown its receipt
    await _sign_in(page, "agent1@example.com", "agent password 1")
    await page.goto("/purchases/open")
    row = page.locator("tr", has_text="开放报名项目")
    await expect(row).to_have_count(1)
    await row.get_by_role("link").click()
    await expect(page.locator("#registration-count")).to_contain_text("0 家机构已报名")
    await page.get_by_role("button", name="本机构报名").click()
    await expect(page.locator("#my-receipt")).to_have_text(re.compile("^[0-9a-f]{16}$"))
    await expect(page.locator("#registration-count")).to_contain_text(
        "报名机构及其报价在报名截止前保密"
    )
    await page.screenshot(path=SCREENSHOTS / "20-purchase-registered.png", full_page=True)
    await page.get_by_role("button", name="退出").click()

    # the owner runs the draw on the request whose deadline has passed
    await _sign_in(page, "owner@example.com", "owner password 1")
    await page.goto("/purchases/mine")
    await page.locator("tr", has_text="随机抽取项目").get_by_role("link").click()
    await expect(page.locator("#registration-count")).to_contain_text("3 家机构已报名")
    await page.get_by_label("抽取口令").fill("6-2-5")
    await page.get_by_label("现场见证人（每行一名，可不填）").fill("张见证\n李见证")
    await page.get_by_role("button", name="进行选取并公开种子").click()
    await expect(page.locator("p.lead")).to_contain_text("已公布结果")
    await expect(page.locator("tr.winner")).to_have_count(1)
    purchase_url = page.url
    await page.get_by_role("link", name="中选公告（含抽取的全部输入）").click()
    await expect(page.locator("#steps li")).to_have_count(1)
    await expect(page.locator("#phrase")).to_have_text("6-2-5")
    await expect(page.locator("#witnesses")).to_have_text("张见证、李见证")
    await expect(page.locator(".ok")).to_have_count(3)  # seed, entries, winner
    await page.screenshot(path=SCREENSHOTS / "21-purchase-result.png", full_page=True)

    # anyone can check it with the standalone verifier, from the saved page
    saved = tmp_path / "result.html"
    saved.write_text(await page.content(), encoding="utf-8")
    verifier = [sys.executable, str(ROOT / "scripts/verify_draw.py"), str(saved)]
    code, out = await _run(verifier)
    assert code == 0, out
    assert "OK:" in out
    seed = await page.locator("#seed").text_content()
    assert seed is not None and len(seed) == 64
    forged = await page.content()
    saved.write_text(forged.replace(seed, "ab" * 32), encoding="utf-8")
    code, out = await _run(verifier)
    assert code == 1
    assert "MISMATCH: the revealed seed does not hash to the published SHA-256" in out

    # the owner attaches the signed contract and confirms; a file that is not a PDF is
    # refused at the file's field first, and nothing is confirmed
    await page.goto(purchase_url)
    not_pdf = tmp_path / "合同.png"
    not_pdf.write_bytes(PNG)
    await page.get_by_label("已签署的合同（PDF）").set_input_files(str(not_pdf))
    await page.get_by_role("button", name="确认合同").click()
    await expect(page.locator("#signed-contract-error")).to_contain_text("不是 PDF")
    assert page.url == purchase_url
    contract = tmp_path / "合同.pdf"
    contract.write_bytes(CONTRACT_PDF)
    await page.get_by_label("已签署的合同（PDF）").set_input_files(str(contract))
    await page.get_by_role("button", name="确认合同").click()
    await expect(page.locator("#contract-file")).to_have_text("合同.pdf")
    await expect(page.get_by_role("button", name="确认合同")).to_have_count(0)
    await page.get_by_role("button", name="退出").click()

    # the winner (one of the three registered) downloads that file and confirms it
    for n in (2, 3, 4):
        await _sign_in(page, f"agent{n}@example.com", f"agent password {n}")
        await page.goto(purchase_url)
        if await page.get_by_role("button", name="确认合同").count():
            break
        await page.get_by_role("button", name="退出").click()
    else:
        raise AssertionError("no registered agency is offered the contract")
    async with page.expect_download() as download_info:
        await page.locator("#contract-file").click()
    download = await download_info.value
    downloaded = tmp_path / "downloaded.pdf"
    await download.save_as(downloaded)
    assert downloaded.read_bytes() == CONTRACT_PDF
    await page.get_by_role("button", name="确认合同").click()
    await expect(page.locator("p.lead")).to_contain_text("合同已确认")
    await page.screenshot(path=SCREENSHOTS / "22-purchase-contracted.png", full_page=True)

    # the contract became an order, which the winner accepts: its clock starts
    await page.locator("a.mono", has_text=re.compile(r"^\d{6}-\d{5}$")).click()
    await page.get_by_role("button", name="受理", exact=True).click()
    await expect(page.get_by_text("服务中").first).to_be_visible()
