"""Pages read through the same short queries whatever the number of rows they list.

Each page is requested once with a few rows behind it and once with more: the number of
SQL statements is pinned and the same both times, so a query per row (an N+1) fails here.
The storefront pages are pinned in ``test_catalog_views.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable

import httpx
import pytest

from marketplace.catalog import listings
from marketplace.catalog import services as catalog
from marketplace.codes import resident_id_check_character
from marketplace.complaints import services as complaints
from marketplace.core.clock import today
from marketplace.credit import services as credit
from marketplace.orders import services as orders
from marketplace.orders.views import ORDER_PAGE_SIZE
from marketplace.organisations import services as organisations
from tests.accounts_helpers import sign_in
from tests.factories import PUBLISHED_AT
from tests.order_helpers import PROJECT_CODE, OrderWorld, as_current, order_world
from tests.test_catalog_views import _text


class _QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.queries: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.queries.append(record.getMessage())


async def _queries_of(browser: httpx.AsyncClient, path: str) -> tuple[httpx.Response, list[str]]:
    logger = logging.getLogger("tortoise.db_client")
    counter = _QueryCounter()
    logger.addHandler(counter)
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        response = await browser.get(path)
    finally:
        logger.removeHandler(counter)
        logger.setLevel(previous_level)
    return response, counter.queries


@pytest.fixture
async def world(db: str) -> OrderWorld:
    return await order_world()


async def _browser(client: httpx.AsyncClient, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=client._transport, base_url="http://testserver")
    await sign_in(browser, email)
    return browser


async def _place(world: OrderWorld, count: int, start: int) -> None:
    buyer = await as_current(world.enterprise)
    items = [world.catalogue.report_form, world.catalogue.report_book]
    for n in range(start, start + count):
        item = items[n % 2]
        await orders.place_order(
            user=buyer,
            item_id=item.id,
            project_name=f"项目{n}",
            project_code=PROJECT_CODE,
            base=None if item is world.catalogue.report_form else "5000",
            note="",
            idempotency_key=f"page-queries-{n:04d}",
        )


async def _complain(world: OrderWorld, count: int, start: int) -> None:
    buyer = await as_current(world.enterprise)
    agencies = [world.catalogue.hengyuan, world.catalogue.qinghe]
    for n in range(start, start + count):
        await complaints.lodge(
            actor=buyer,
            topic="attitude",
            description=f"机构态度问题{n}",
            idempotency_key=f"complaint-{n:04d}",
            agency_id=agencies[n % 2].id,
        )


async def _commend(world: OrderWorld, count: int, start: int) -> None:
    admin = await as_current(world.admin)
    agencies = [world.catalogue.hengyuan, world.catalogue.qinghe]
    for n in range(start, start + count):
        await credit.record(
            agencies[n % 2],
            actor=admin,
            reason="commendation",
            description=f"表扬{n}",
            evidence="来信",
            occurred_on=str(today()),
            today=today(),
        )


async def _submit_qualifications(world: OrderWorld, count: int, start: int) -> None:
    """Qualifications Qinghe submits for review: the workspace and the queue list them."""
    agency = world.catalogue.qinghe
    for n in range(start, start + count):
        change = await listings.draft_qualification(
            agency,
            {
                "name": f"资质{n}",
                "certificate_no": f"Q-{n:04d}",
                "issuer": "江苏省住房和城乡建设厅",
                "expires_on": today() + dt.timedelta(days=400),
                "certificate_sha256": "ab" * 32,
            },
            actor_id=None,
            today=today(),
        )
        await listings.submit(change, agency)


async def _members(world: OrderWorld, count: int, start: int) -> None:
    """Members who joined the buyer's enterprise, and as many invitations still open."""
    admin = await as_current(world.enterprise)
    url = "https://marketplace.example.cn/invitations/{token}"
    for n in range(start, start + count):
        joined = await organisations.invite(
            admin, email=f"member{n}@example.com", role="handler", accept_url=url
        )
        await organisations.accept_invitation(
            token=joined.token, name=f"成员{n}", password="correct horse battery"
        )
        await organisations.invite(
            admin, email=f"invited{n}@example.com", role="handler", accept_url=url
        )


async def _professionals(world: OrderWorld, count: int, start: int) -> None:
    staff = await as_current(world.hengyuan_staff)
    for n in range(start, start + count):
        first17 = f"32090219800101{n:03d}"
        await organisations.add_professional(
            staff,
            name=f"执业{n}",
            qualification="环境影响评价工程师",
            certificate_no=f"HP-{n:04d}",
            id_number=first17 + resident_id_check_character(first17),
        )


Grow = Callable[[OrderWorld, int, int], Awaitable[None]]


@pytest.mark.parametrize(
    ("who", "path", "grow", "expected_queries"),
    [
        ("buyer@example.com", "/orders", _place, 6),
        ("hy@example.com", "/orders", _place, 6),
        ("admin@example.com", "/orders", _place, 6),
        ("buyer@example.com", "/orders?state=placed&page=1", _place, 6),
        ("buyer@example.com", "/api/v1/orders", _place, 6),
        ("hy@example.com", "/api/v1/orders", _place, 6),
        ("buyer@example.com", "/complaints", _complain, 3),
        ("admin@example.com", "/backoffice/complaints", _complain, 15),
        ("admin@example.com", "/backoffice/complaints?state=", _complain, 15),
        # the credit records and, in one more query, their evidence files
        ("admin@example.com", "/backoffice/credit", _commend, 5),
        ("admin@example.com", "/backoffice/users", _place, 6),
        ("admin@example.com", "/backoffice/admission", _place, 3),
        ("admin@example.com", "/backoffice/admission/agencies", _place, 4),
        ("admin@example.com", "/backoffice/admission/categories", _place, 5),
        # the kept monthly rows (one query for every figure of the period), the category
        # names, the agencies by category and the complaint figures
        ("admin@example.com", "/backoffice/statistics", _place, 15),
        ("admin@example.com", "/notifications", _place, 3),
        # the agency's workspace and the office's review queue of listing changes
        ("qh@example.com", "/workspace", _submit_qualifications, 10),
        ("admin@example.com", "/backoffice/listings", _submit_qualifications, 3),
        # the organisation's members and open invitations, the agency's register
        ("buyer@example.com", "/account/organisation", _members, 5),
        ("buyer@example.com", "/api/v1/organisation/members", _members, 4),
        ("hy@example.com", "/account/professionals", _professionals, 3),
        ("hy@example.com", "/api/v1/professionals", _professionals, 3),
    ],
)
async def test_lists_take_the_same_few_queries_with_more_rows(
    client: httpx.AsyncClient,
    world: OrderWorld,
    who: str,
    path: str,
    grow: Grow,
    expected_queries: int,
) -> None:
    browser = await _browser(client, who)
    await grow(world, 2, 0)
    few, few_queries = await _queries_of(browser, path)
    await grow(world, 5, 2)
    many, many_queries = await _queries_of(browser, path)

    assert (few.status_code, many.status_code) == (200, 200)
    assert len(few_queries) == expected_queries, few_queries
    assert len(many_queries) == expected_queries, many_queries


async def test_the_search_page_takes_a_fixed_handful_of_queries(
    demo_client: httpx.AsyncClient,
) -> None:
    response, queries = await _queries_of(demo_client, "/search?q=%E7%8E%AF%E8%AF%84")

    assert response.status_code == 200
    assert len(queries) == 2, queries


def _order_numbers(html: str) -> list[str]:
    return re.findall(r'class="mono">([^<]+)</a>', html)


async def test_the_order_list_pages_through_an_agencys_orders(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given one more order than a page holds, half of them from one agency
    await _place(world, ORDER_PAGE_SIZE + 1, 0)
    agency = await _browser(client, "qh@example.com")  # report_form: every even order

    # when the agency reads its orders page by page
    first = await agency.get("/orders")
    second = await agency.get("/orders?page=2")
    api = (await agency.get("/api/v1/orders?per_page=10&page=3")).json()

    # then its 26 orders (fewer than a page) are all on the first page, with no pager
    numbers = _order_numbers(first.text)
    assert len(numbers) == (ORDER_PAGE_SIZE + 2) // 2
    assert 'rel="next"' not in first.text
    assert _order_numbers(second.text) == []
    assert (api["page"], api["per_page"], api["total"]) == (3, 10, 26)
    # newest first, ten a page: the 21st to the 26th of 50, 48, … 0
    assert [o["project_name"] for o in api["orders"]] == [f"项目{n}" for n in (10, 8, 6, 4, 2, 0)]


async def test_the_order_list_of_a_busy_buyer_has_a_pager_in_its_language(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    await _place(world, ORDER_PAGE_SIZE + 1, 0)
    buyer = await _browser(client, "buyer@example.com")

    first = await buyer.get("/orders")
    second = await buyer.get("/orders?page=2")
    filtered = await buyer.get("/orders?state=placed&page=2")
    nonsense = await buyer.get("/orders?page=abc")

    assert len(_order_numbers(first.text)) == ORDER_PAGE_SIZE
    assert "第 1 页，共 2 页" in first.text
    assert 'href="http://testserver/orders?page=2" rel="next"' in first.text
    # the newest first: the oldest order is alone on page 2
    assert len(_order_numbers(second.text)) == 1
    assert "项目0<" in second.text
    assert 'rel="prev"' in second.text
    assert 'href="http://testserver/orders?state=placed&amp;page=1" rel="prev"' in filtered.text
    assert _order_numbers(nonsense.text) == _order_numbers(first.text)


@pytest.mark.parametrize(
    ("path", "expected_queries"),
    [
        ("/purchases", 3),
        ("/purchases/{id}", 7),
        ("/purchases/{id}/result", 5),
        ("/api/v1/purchases", 3),
        ("/api/v1/purchases/{id}", 3),
        ("/purchases/feed.xml", 1),
    ],
)
async def test_purchase_pages_take_the_same_few_queries_with_more_rows(
    client: httpx.AsyncClient, db: str, path: str, expected_queries: int
) -> None:
    from marketplace.core import clock
    from marketplace.procurement import services as purchases
    from marketplace.procurement.methods import Method
    from tests.procurement_helpers import AFTER_DEADLINE, procurement_world, publish

    world = await procurement_world()
    try:
        counts = []
        for registrants in (3, 5):
            request = await publish(world, Method.LOWEST)
            for n in range(registrants):
                staff = await as_current(world.staff[n])
                await purchases.register(request.id, actor=staff)
                await purchases.submit_quote(
                    request.id, actor=staff, quote_fen=2_500_000 + n * 10_000
                )
            clock.set_now(AFTER_DEADLINE)
            await purchases.run_selection(request.id, actor=await as_current(world.owner))
            response, queries = await _queries_of(client, path.format(id=request.id))
            assert response.status_code == 200, response.text
            counts.append(len(queries))
        assert counts == [expected_queries, expected_queries]
    finally:
        clock.set_now(None)


async def _publish(world: OrderWorld, count: int, start: int) -> None:
    """``count`` more published EIA items of Qinghe (fixed fee, 10 to 19 working days)."""
    c = world.catalogue
    for n in range(start, start + count):
        created = await catalog.create_service_item(
            agency=c.qinghe,
            category=c.eia,
            title=f"环评咨询{n:03d}",
            scope="范围",
            content="内容",
            legal_basis=c.eia.legal_basis,
            fee_basis="市场调节价",
            fee_standard={"type": "fixed", "amount_fen": 100_000 + n, "per": "每份"},
            time_limit_days=10 + n % 10,
            commitments="按时出具报告",
        )
        await catalog.publish_service_item(created, now=PUBLISHED_AT)


def _item_titles(html: str) -> list[str]:
    return re.findall(r'<td><a href="[^"]*/services/[0-9]+">([^<]+)</a></td>', html)


async def test_the_category_page_takes_the_same_few_queries_with_more_items(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # the category, its counts, the page of items, its approval items; then from the cache
    few, few_queries = await _queries_of(client, "/categories/EIA")
    await _publish(world, catalog.CATEGORY_PAGE_SIZE + 5, 0)
    many, many_queries = await _queries_of(client, "/categories/EIA?page=2")
    cached, cached_queries = await _queries_of(client, "/categories/EIA?page=2")

    assert (few.status_code, many.status_code, cached.status_code) == (200, 200, 200)
    assert len(few_queries) == 4, few_queries
    assert len(many_queries) == 4, many_queries
    assert cached_queries == [] and cached.text == many.text


async def test_the_category_page_pages_through_its_items(
    client: httpx.AsyncClient, world: OrderWorld
) -> None:
    # given the two EIA items of the small catalogue and 51 more: 53, two pages
    await _publish(world, catalog.CATEGORY_PAGE_SIZE + 1, 0)

    first = await client.get("/categories/EIA")
    second = await client.get("/categories/EIA?page=2")
    beyond = await client.get("/categories/EIA?page=7")
    nonsense = await client.get("/categories/EIA?page=abc")

    # then fifty on the first page, external agencies first, then by time limit
    titles = _item_titles(first.text)
    assert len(titles) == catalog.CATEGORY_PAGE_SIZE
    assert titles[0] == "环境影响报告书编制"  # Hengyuan, from outside the city
    assert "第 1 页，共 2 页" in first.text
    assert 'href="http://testserver/categories/EIA?page=2" rel="next"' in first.text
    # the last three of the longest time limit (19 working days) on the second
    assert _item_titles(second.text) == ["环评咨询029", "环评咨询039", "环评咨询049"]
    assert 'href="http://testserver/categories/EIA?page=1" rel="prev"' in second.text
    # every page counts both admitted agencies of all 53 items
    assert "入驻机构 2" in _text(second.text)
    # a page after the last is the last; a page that is not a number the first
    assert _item_titles(beyond.text) == _item_titles(second.text)
    assert _item_titles(nonsense.text) == titles
