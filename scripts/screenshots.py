"""Screenshots of the main pages at a desktop's and a phone's width, for docs/ and the README.

    .venv/bin/python scripts/screenshots.py          # writes docs/screenshots/*.png

It adds an administrator to a fresh folder, serves the demo there (``marketplace serve``
loads it) and has headless Chromium (Debian's /usr/bin/chromium) take each
page at 1280 and at 390 px wide, in Chinese, and a few of them in English (``en-*.png``).
Look at them after a change to a page.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.async_api import Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
MARKETPLACE = str(Path(sys.executable).with_name("marketplace"))
ADMIN = ("office@example.gov.cn", "screenshots only 1")
WIDTHS = {"desktop": 1280, "phone": 390}

# (name, path or a function of the page's links, signed in as the office?)
PUBLIC = [
    ("home", "/"),
    ("category", "/categories/EIA"),
    ("search", "/search?q=环评"),
    ("purchases", "/purchases"),
    ("statistics", "/statistics"),
    ("admission", "/admission"),
]
OFFICE = [
    ("backoffice", "/backoffice"),
    ("backoffice-listings", "/backoffice/listings"),
    ("backoffice-purchases", "/backoffice/purchases"),
    ("orders", "/orders"),
]
# Also in English (the UI's second language): these names, from the pages above.
ENGLISH = ("home", "purchase", "order", "backoffice")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _first_link(html: str, prefix: str) -> str:
    match = re.search(rf'href="(?:https?://[^/"]+)?({re.escape(prefix)}\d+)"', html)
    if match is None:
        raise SystemExit(f"no link to {prefix}… found")
    return match.group(1)


async def _shoot(base: str) -> list[Path]:
    async with httpx.AsyncClient(base_url=base) as client:
        home = (await client.get("/categories/EIA")).text
        agency = _first_link(home, "/agencies/")
        item = _first_link(home, "/services/")
        purchases = (await client.get("/purchases")).text
        purchase = _first_link(purchases, "/purchases/")
        verify = _first_verify(await client.get("/purchases/feed.xml"))
    pages = [*PUBLIC, ("agency", agency), ("item", item), ("purchase", purchase)]
    if verify:
        pages.append(("purchase-verify", verify))
    written = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium")
        for language, prefix in (("zh-CN", ""), ("en-US", "en-")):
            for kind, width in WIDTHS.items():
                context = await browser.new_context(
                    viewport={"width": width, "height": 900}, locale=language
                )
                page = await context.new_page()
                # the language is the visitor's choice (?lang=, kept in a cookie), Chinese first
                await page.goto(base + "/?lang=" + language[:2])

                async def shoot(
                    name: str, path: str, page: Page = page, kind: str = kind, prefix: str = prefix
                ) -> None:
                    if prefix and name not in ENGLISH:
                        return
                    await page.goto(base + path)
                    target = OUT / f"{prefix}{name}-{kind}.png"
                    await page.screenshot(path=str(target), full_page=kind == "phone")
                    written.append(target)

                for name, path in pages:
                    await shoot(name, path)
                await page.goto(base + "/login")
                await page.fill("input[name=email]", ADMIN[0])
                await page.fill("input[name=password]", ADMIN[1])
                await page.click("form button[type=submit]")
                await page.wait_for_load_state()
                for name, path in OFFICE:
                    await shoot(name, path)
                await page.goto(base + "/orders")
                orders = await page.content()
                # an order's page as the office sees it: its state, clock, log and files
                await shoot("order", _first_link(orders, "/orders/"))
                await context.close()
        await browser.close()
    return written


def _first_verify(feed: httpx.Response) -> str:
    """The verify page of the first purchase with a published draw ("" if none)."""
    for match in re.finditer(r"/purchases/(\d+)/result", feed.text):
        path = f"/purchases/{match.group(1)}/verify"
        if httpx.get(str(feed.url.copy_with(path=path))).status_code == 200:
            return path
    return ""


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "MEDIA_DIR": str(Path(folder) / "media")}
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [
                MARKETPLACE,
                "create-admin",
                "--email",
                ADMIN[0],
                "--name",
                "截图",
                "--password-stdin",
            ],
            cwd=folder,
            env=env,
            input=ADMIN[1] + "\n",
            text=True,
            check=True,
        )
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([MARKETPLACE, "serve", "--port", str(port)], cwd=folder, env=env)
        try:
            for _ in range(240):
                with contextlib.suppress(httpx.HTTPError):  # not listening yet
                    if httpx.get(base + "/healthz").status_code == 200:
                        break
                time.sleep(0.5)
            written = asyncio.run(_shoot(base))
        finally:
            server.terminate()
            server.wait(timeout=30)
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
